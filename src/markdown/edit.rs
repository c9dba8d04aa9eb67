//! What an edit changed between two versions of a draft: the span between
//! their common prefix and suffix, and where text the edit left alone stood
//! before it.

/// What an edit changed: the bytes `prefix..old_end` of the old text became
/// `prefix..new_end` of the new, and the rest is the same on both sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edit {
    pub prefix: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl Edit {
    /// The edit that made `new` from `old`: their common prefix, and the
    /// longest common suffix after it.
    pub fn between(old: &str, new: &str) -> Edit {
        let (old, new) = (old.as_bytes(), new.as_bytes());
        let prefix = common_prefix(old, new);
        let suffix = common_suffix(&old[prefix..], &new[prefix..]);
        Edit {
            prefix,
            old_end: old.len() - suffix,
            new_end: new.len() - suffix,
        }
    }

    /// Where the bytes `start..end` of the new text stood in the old text,
    /// when the edit left every one of them alone.
    pub fn old_start(&self, start: usize, end: usize) -> Option<usize> {
        if end <= self.prefix {
            Some(start)
        } else if start >= self.new_end {
            Some(start - self.new_end + self.old_end)
        } else {
            None
        }
    }
}

/// The length of the longest common prefix of `a` and `b`, compared sixteen
/// bytes at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let mut same = 0;
    for (x, y) in a.chunks_exact(16).zip(b.chunks_exact(16)) {
        let diff = word(x) ^ word(y);
        if diff != 0 {
            return same + (diff.trailing_zeros() / 8) as usize;
        }
        same += 16;
    }
    same + a[same..]
        .iter()
        .zip(&b[same..])
        .take_while(|(x, y)| x == y)
        .count()
}

/// The length of the longest common suffix of `a` and `b`, compared sixteen
/// bytes at a time.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let mut same = 0;
    for (x, y) in a.rchunks_exact(16).zip(b.rchunks_exact(16)) {
        let diff = word(x) ^ word(y);
        if diff != 0 {
            return same + (diff.leading_zeros() / 8) as usize;
        }
        same += 16;
    }
    same + a[..a.len() - same]
        .iter()
        .rev()
        .zip(b[..b.len() - same].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Sixteen bytes as one little-endian number, so that the first byte is the
/// lowest.
fn word(bytes: &[u8]) -> u128 {
    u128::from_le_bytes(bytes.try_into().expect("chunks of sixteen bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_is_the_span_between_the_common_prefix_and_suffix() {
        let old = "One.\n\nTwo words.\n\nThree.";
        let new = "One.\n\nTwo new words.\n\nThree.";
        let edit = Edit::between(old, new);
        assert_eq!((edit.prefix, edit.old_end, edit.new_end), (10, 10, 14));
        // Untouched text before the change stays put, after it moves by
        // the change in length; text the change overlaps has no old place.
        assert_eq!(edit.old_start(0, 4), Some(0));
        assert_eq!(edit.old_start(24, 30), Some(20));
        assert_eq!(edit.old_start(6, 21), None);
        assert_eq!(edit.old_start(14, 20), Some(10));
        // Repeated text: the suffix is the longest one after the prefix.
        let edit = Edit::between("aaaa", "aaaaaa");
        assert_eq!((edit.prefix, edit.old_end, edit.new_end), (4, 4, 6));
        let same = Edit::between(old, old);
        assert_eq!(same.old_start(0, old.len()), Some(0));
    }
}
