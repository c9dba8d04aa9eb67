//! How the gazetteer spells a name: whether it is in title case or a
//! statute's name that copy always capitalises, its form without the year,
//! and its spellings with `U.S.`, `UN` and the like.

/// Whether a name is in title case: its first word and a later one
/// capitalised.
pub(super) fn headed(name: &str) -> bool {
    let mut words = name.split_whitespace();
    words
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.any(|w| w.starts_with(char::is_uppercase))
}

/// Whether a name is a statute's written with capitals past its first word
/// (`Riot Act`, `Clean Air Act`), or one capitalised word, which copy
/// always capitalises, so that
/// lower case is a phrase of prose (`read the riot act`). Other names
/// are often written in lower case: `the commerce clause`, `the public
/// charge rule` (`Public charge rule`, in sentence case).
pub(super) fn cased(name: &str) -> bool {
    // One capitalised word (`Constitution`, `Nafta`): in lower case it is
    // the common word (`the country's constitution`).
    if !name.contains(char::is_whitespace) && name.starts_with(char::is_uppercase) {
        return true;
    }
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    let statute = name.split_whitespace().next_back().is_some_and(|last| {
        ["act", "acts", "law", "laws", "bill", "code"]
            .iter()
            .any(|w| last.eq_ignore_ascii_case(w))
    });
    let rest_cased = words.any(|w| w.chars().any(char::is_uppercase));
    statute && (rest_cased || first.chars().skip(1).any(char::is_uppercase))
}

/// A law's name without the year at its end, when it ends in a word that
/// names a law (`Military Commissions Act of 2006`, `Official Secrets Act
/// 1989`, `Anti-Homosexuality Act, 2023`) and keeps two words or more.
pub(crate) fn without_year(name: &str) -> Option<&str> {
    let (rest, year) = name.rsplit_once(' ')?;
    let is_year =
        year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && year.starts_with(['1', '2']);
    if !is_year {
        return None;
    }
    let rest = rest.strip_suffix(" of").unwrap_or(rest);
    let rest = rest.strip_suffix(',').unwrap_or(rest).trim_end();
    let last = rest.rsplit(' ').next()?;
    let names_a_law = [
        "Act",
        "Law",
        "Code",
        "Amendment",
        "Amendments",
        "Treaty",
        "Convention",
    ]
    .contains(&last);
    (names_a_law && rest.contains(' ')).then_some(rest)
}

/// A name and its spellings with `U.S.` for `United States` and back, and
/// `UN`, `UK`, `EU` and `US` for `U.N.`, `U.K.`, `E.U.` and `U.S.` and
/// back, in names of two to twelve words.
pub(super) fn variants(name: &str) -> Vec<std::borrow::Cow<'_, str>> {
    let mut out = vec![std::borrow::Cow::Borrowed(name)];
    // Every abbreviation and `United States` has a capital U.
    if !name.contains('U') {
        return out;
    }
    if name.contains("United States") {
        out.push(name.replace("United States", "U.S.").into());
    }
    if name.contains("U.S.") {
        out.push(name.replace("U.S.", "United States").into());
    }
    let abbreviated = ["U.", "E.U.", "UN", "UK", "EU", "US"]
        .iter()
        .any(|a| name.contains(a));
    // A long title, which prose seldom quotes whole, is filed as written.
    let words = name.split(' ').count();
    if abbreviated && (2..=12).contains(&words) {
        for (dotted, plain) in [
            ("U.N.", "UN"),
            ("U.K.", "UK"),
            ("E.U.", "EU"),
            ("U.S.", "US"),
        ] {
            for spelled in out.clone() {
                let words: Vec<&str> = spelled.split(' ').collect();
                let swap = |from: &str, to: &str| {
                    words
                        .iter()
                        .map(|w| match w.strip_prefix(from) {
                            Some(rest) if rest.is_empty() || rest.starts_with(['\'', '’']) => {
                                format!("{to}{rest}")
                            }
                            _ => w.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                for changed in [swap(dotted, plain), swap(plain, dotted)] {
                    if changed != *spelled && !out.iter().any(|o| *o == changed) {
                        out.push(changed.into());
                    }
                }
            }
        }
    }
    out
}
