//! What the words around a known name say about which law it is: a year
//! written before it (`the 1866 Civil Rights Act`).

use crate::kb::Kb;

/// Where a year written right before a name starts: the `1866 ` of `the
/// 1866 Civil Rights Act`, four ASCII digits after a space or the start.
pub(super) fn leading_year(before: &str) -> Option<usize> {
    let trimmed = before.strip_suffix(' ')?;
    let year = trimmed.get(trimmed.len().checked_sub(4)?..)?;
    let at = trimmed.len() - 4;
    let starts_word = trimmed[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '(');
    (year.bytes().all(|b| b.is_ascii_digit()) && starts_word && year.starts_with(['1', '2']))
        .then_some(at)
}

/// The entry (its index) named by the whole of `written`, if a name is
/// all of it.
pub(super) fn whole_name(kb: &Kb, written: &str) -> Option<usize> {
    let names = kb.names();
    let found = names.find_in(written);
    let whole = found
        .first()
        .filter(|m| m.start == 0 && m.end == written.len())?;
    Some(names.targets[whole.target].entry)
}
