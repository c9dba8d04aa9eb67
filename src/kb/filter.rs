//! The gazetteer's first check of a prefix hash: one bit per value of the
//! hash's top bits, so that most words of prose, which begin no name, are
//! turned away without a probe of the map.

/// One bit for each value of a hash's top bits, set for the prefixes' hashes:
/// a clear bit means no prefix has the hash. About one bit in eight is set,
/// up to 4 Mbit (512 KiB) for a knowledge base of half a million prefixes.
#[derive(Clone, Debug, Default)]
pub(super) struct PrefixFilter {
    bits: Vec<u64>,
    /// How far a hash is shifted right to give its bit's number.
    shift: u32,
}

impl PrefixFilter {
    pub(super) fn new(hashes: impl ExactSizeIterator<Item = u64>) -> PrefixFilter {
        let bits = (hashes.len() * 8)
            .next_power_of_two()
            .clamp(1 << 12, 1 << 22);
        let mut filter = PrefixFilter {
            bits: vec![0; bits / 64],
            shift: 64 - bits.trailing_zeros(),
        };
        for hash in hashes {
            let bit = filter.bit(hash);
            filter.bits[bit / 64] |= 1 << (bit % 64);
        }
        filter
    }

    #[inline]
    fn bit(&self, hash: u64) -> usize {
        (hash >> self.shift) as usize
    }

    /// Whether a prefix may have `hash`. An empty filter holds everything.
    #[inline]
    pub(super) fn may_hold(&self, hash: u64) -> bool {
        let bit = self.bit(hash);
        self.bits
            .get(bit / 64)
            .is_none_or(|word| word >> (bit % 64) & 1 == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::super::names::step;
    use super::*;

    #[test]
    fn the_prefix_filter_holds_every_prefix_and_few_others() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state = step(state, 0x2545_f491);
            state
        };
        let filed: Vec<u64> = (0..3_000).map(|_| next()).collect();
        let filter = PrefixFilter::new(filed.iter().copied());
        assert_eq!(filter.bits.len() * 64, 32_768);
        assert!(filed.iter().all(|&hash| filter.may_hold(hash)));
        let others = (0..10_000).filter(|_| filter.may_hold(next())).count();
        assert!(others < 1_500, "{others} of 10,000 others pass");
        assert!(PrefixFilter::default().may_hold(next()));
    }
}
