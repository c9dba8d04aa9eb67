//! The Markdown cards shown on hover. Plain functions from analysis and
//! knowledge-base types to text, so they are tested without a server.

use std::fmt::Write;

use crate::analysis::{
    Analysis, Attribution, LawMention, Mention, MentionForm, Quote, QuoteKind, SourceKind, Speaker,
};
use crate::kb::{Amendment, Entry, Status, StatusState};
use crate::text::Span;

/// The card for a law mention. `entry` is the knowledge-base entry the
/// mention names, when copydesk has one.
pub fn law_card(mention: &LawMention, entry: Option<&Entry>) -> String {
    match (entry, &mention.title) {
        (Some(entry), _) => entry_card(mention, entry),
        (None, Some(title)) => {
            let mut card = format!("**{}**\n", escape(title));
            if let Some(status) = &mention.status {
                let _ = write!(card, "\n**Status:** {}\n", escape(status));
            }
            card
        }
        (None, None) => format!(
            "copydesk does not know **{}**.\n\nCheck the name against the bill or statute, \
             or add it to the desk's glossary (a `[[law]]` table in `copydesk.toml`; the \
             quick fix writes one) so every draft can explain it. `copydesk kb import` \
             loads whole Congresses from govinfo's bill status data.\n",
            escape(&mention.text)
        ),
    }
}

fn entry_card(mention: &LawMention, entry: &Entry) -> String {
    let mut card = format!("**{}**\n\n", escape(&entry.title));
    let kind = capitalise(entry.kind.as_str());
    match entry.jurisdiction.trim() {
        "" => {
            let _ = writeln!(card, "{kind}\n");
        }
        place => {
            let _ = writeln!(card, "{kind} · {}\n", escape(&place.to_uppercase()));
        }
    }
    let _ = writeln!(card, "**Status:** {}\n", status_line(&entry.status));
    if !entry.citations.is_empty() {
        let _ = writeln!(card, "**Citations:** {}\n", join_escaped(&entry.citations));
    }
    if !entry.summary.is_empty() {
        let _ = writeln!(card, "{}\n", escape(&entry.summary));
    }
    if !entry.amendments.is_empty() {
        let amendments: Vec<String> = entry.amendments.iter().map(amendment_words).collect();
        let _ = writeln!(card, "**Amended:** {}\n", amendments.join("; "));
    }
    for related in &entry.related {
        let _ = writeln!(card, "{}\n", escape(related));
    }
    if !entry.aliases.is_empty() {
        let _ = writeln!(
            card,
            "**Also known as:** {}\n",
            join_escaped(&entry.aliases)
        );
    }
    let written = mention
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if written != entry.title && !entry.aliases.contains(&written) {
        let _ = writeln!(card, "**Written here as:** {}\n", escape(&written));
    }
    if !entry.sources.is_empty() {
        card.push_str("**Sources:**\n");
        for source in &entry.sources {
            let _ = writeln!(card, "- <{source}>");
        }
    }
    card.truncate(card.trim_end().len());
    card.push('\n');
    card
}

/// `1990 (Clean Air Act Amendments of 1990, Pub. L. 101-549)`
fn amendment_words(amendment: &Amendment) -> String {
    let detail: Vec<&str> = [&amendment.name, &amendment.citation]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if detail.is_empty() {
        escape(&amendment.date)
    } else {
        format!(
            "{} ({})",
            escape(&amendment.date),
            escape(&detail.join(", "))
        )
    }
}

/// `enacted (2022-08-09). Signed into law.`
fn status_line(status: &Status) -> String {
    let mut line = state_words(status.state).to_string();
    if let Some(date) = &status.date {
        let _ = write!(line, " ({})", escape(date));
    }
    line.push('.');
    if let Some(note) = &status.note {
        let _ = write!(line, " {}", escape(note));
    }
    line
}

fn state_words(state: StatusState) -> &'static str {
    match state {
        StatusState::Enacted => "enacted",
        StatusState::PassedHouse => "passed the House only; not law",
        StatusState::PassedSenate => "passed the Senate only; not law",
        StatusState::PassedBothUnreconciled => {
            "passed both chambers in different versions, never reconciled; not law"
        }
        StatusState::Introduced => "introduced; not law",
        StatusState::Vetoed => "vetoed; not law",
        StatusState::Repealed => "repealed",
        StatusState::Amended => "enacted, since amended",
        StatusState::PartlyRepealed => "enacted, since partly repealed",
        StatusState::StruckDown => "enacted, since struck down in whole or part by a court",
        StatusState::Expired => "enacted, since expired",
        StatusState::Signed => "signed, never ratified; not binding",
        StatusState::Ratified => "ratified",
        StatusState::Withdrawn => "joined, since withdrawn from",
        StatusState::InForce => "in force",
        StatusState::Unknown => "not recorded",
    }
}

/// The card for a speaker mention: who it is, what the draft calls them,
/// and their quotes here and across the workspace (`workspace` is the
/// number of quotes and of drafts that quote them).
pub fn speaker_card(
    speaker: &Speaker,
    mention: &Mention,
    analysis: &Analysis,
    text: &str,
    workspace: (usize, usize),
) -> String {
    let mut card = format!("**{}**\n\n", escape(&speaker.name));
    if matches!(
        mention.form,
        MentionForm::Pronoun | MentionForm::Description
    ) {
        let _ = writeln!(
            card,
            "“{}” here refers to {}.\n",
            escape(
                &mention
                    .span
                    .slice(text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            escape(&speaker.name)
        );
    }
    if !speaker.descriptions.is_empty() {
        let _ = writeln!(
            card,
            "{}\n",
            join_escaped(&speaker.descriptions).replace(", ", "; ")
        );
    }
    let quotes: Vec<&Quote> = speaker
        .quotes
        .iter()
        .filter_map(|&q| analysis.quotes.get(q))
        .collect();
    match quotes.len() {
        0 => card.push_str("Named in this draft; no quote is credited to them here.\n"),
        1 => card.push_str("1 quote in this draft:\n\n"),
        n => {
            let _ = writeln!(card, "{n} quotes in this draft:\n");
        }
    }
    for quote in quotes.iter().take(5) {
        let _ = writeln!(
            card,
            "- “{}”",
            escape(&shorten(quote.content.slice(text), 80))
        );
    }
    if quotes.len() > 5 {
        let _ = writeln!(card, "- and {} more", quotes.len() - 5);
    }
    let (all, drafts) = workspace;
    if drafts > 1 {
        let _ = writeln!(
            card,
            "\nAcross the workspace: {all} quotes in {drafts} drafts."
        );
    }
    card
}

/// The card for a quote: what kind it is and who, if anyone, said it.
/// `text` is the draft the quote's spans point into.
pub fn quote_card(quote: &Quote, text: &str) -> String {
    let mut card = format!("**{}**\n\n", kind_words(quote.kind));
    let words = quote.content.slice(text);
    if !words.is_empty() {
        let _ = writeln!(card, "> {}\n", escape(&shorten(words, 120)));
    }
    match (&quote.attribution, quote.kind.needs_attribution()) {
        (Some(attribution), _) => card.push_str(&attribution_line(attribution, text)),
        (None, true) => card.push_str(
            "Nobody is credited with this quote. The copy desk will want a source: \
             add who said it, as in `, the minister said.`",
        ),
        (None, false) if quote.kind == QuoteKind::Title => {
            card.push_str("The name of a work needs no attribution.")
        }
        (None, false) => card.push_str("Scare quotes need no attribution."),
    }
    card.push('\n');
    if !quote.closed {
        card.push_str("\nThis quote is never closed in its paragraph.\n");
    }
    card
}

fn kind_words(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "Direct quote",
        QuoteKind::Partial => "Partial quote",
        QuoteKind::Scare => "Scare quote",
        QuoteKind::Title => "Title",
    }
}

fn attribution_line(attribution: &Attribution, text: &str) -> String {
    let speaker = &attribution.speaker;
    let who = speaker.name.as_deref().unwrap_or(&speaker.text);
    let kind = match speaker.kind {
        SourceKind::Person | SourceKind::Unknown => "",
        SourceKind::Organisation => " (an organisation)",
        SourceKind::Group => " (a group)",
        SourceKind::Anonymous => " (an anonymous source)",
        SourceKind::Document => " (a document)",
    };
    let mut line = format!(
        "Attributed to **{}**{kind}, {}",
        escape(who),
        attribution.how.describe()
    );
    // The words that say so as the draft has them: `he said`, `said the
    // spokesperson`, `according to Wang`; the speaker alone when the verb
    // is far off.
    let words = match &attribution.cue {
        Some(cue) => {
            let (a, b) = (speaker.span, cue.span);
            let whole = Span::new(a.start.min(b.start), a.end.max(b.end));
            if whole.len() <= a.len() + b.len() + 24 {
                whole
            } else {
                a
            }
        }
        None => speaker.span,
    };
    let words = text
        .get(words.start..words.end)
        .unwrap_or(&speaker.text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let _ = write!(line, " (“{}”).", escape(&words));
    match (&speaker.name, speaker.form) {
        (Some(name), MentionForm::Pronoun) => {
            let _ = write!(
                line,
                "\n\n“{}” → {}: the most salient person before it who can be “{}”.",
                escape(&speaker.text),
                escape(name),
                escape(&speaker.text.to_lowercase())
            );
        }
        (Some(name), MentionForm::Description) if *name != speaker.text => {
            let _ = write!(
                line,
                "\n\n“{}” → {}: by their title or role, or as the most salient person.",
                escape(&speaker.text),
                escape(name)
            );
        }
        (Some(name), MentionForm::Surname) if *name != speaker.text => {
            let _ = write!(
                line,
                "\n\n“{}” → {}, named in full in the draft.",
                escape(&speaker.text),
                escape(name)
            );
        }
        (None, MentionForm::Pronoun | MentionForm::Description) => {
            line.push_str("\n\nThe draft never names who this is.")
        }
        _ => {}
    }
    if let Some(via) = &attribution.via {
        let _ = write!(
            line,
            "\n\nPassed on by **{}** (“{}”): the story credits them for these words, \
             so check them against their report.",
            escape(via.name.as_deref().unwrap_or(&via.text)),
            escape(&via.text)
        );
    }
    line
}

/// At most `max` characters of `words`, cut at a word boundary.
fn shorten(words: &str, max: usize) -> String {
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() <= max {
        return words;
    }
    let cut: String = words.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn join_escaped(items: &[String]) -> String {
    items
        .iter()
        .map(|s| escape(s))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `text` with the characters Markdown would act on backslash-escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Cue, How, SourceKind, SpeakerMention};
    use crate::kb::{Kind, LawId};
    use crate::text::Span;

    fn chips() -> Entry {
        Entry {
            id: LawId::new("us/pl/117-167"),
            kind: Kind::Law,
            jurisdiction: "us".to_string(),
            title: "CHIPS and Science Act".to_string(),
            aliases: vec!["CHIPS Act".to_string()],
            citations: vec!["Pub. L. 117-167".to_string(), "H.R. 4346".to_string()],
            status: Status {
                state: StatusState::Enacted,
                date: Some("2022-08-09".to_string()),
                note: None,
            },
            summary: "Funds semiconductor manufacturing and research.".to_string(),
            related: Vec::new(),
            sources: vec![
                "https://www.congress.gov/bill/117th-congress/house-bill/4346".to_string(),
            ],
            amendments: Vec::new(),
        }
    }

    fn mention(text: &str, id: Option<&str>) -> LawMention {
        LawMention {
            span: Span::new(0, text.len()),
            text: text.to_string(),
            id: id.map(LawId::new),
            title: None,
            status: None,
        }
    }

    #[test]
    fn a_known_law_shows_its_whole_entry() {
        let card = law_card(&mention("CHIPS Act", Some("us/pl/117-167")), Some(&chips()));
        assert_eq!(
            card,
            "**CHIPS and Science Act**\n\n\
             Law · US\n\n\
             **Status:** enacted (2022-08-09).\n\n\
             **Citations:** Pub. L. 117-167; H.R. 4346\n\n\
             Funds semiconductor manufacturing and research.\n\n\
             **Also known as:** CHIPS Act\n\n\
             **Sources:**\n\
             - <https://www.congress.gov/bill/117th-congress/house-bill/4346>\n"
        );
    }

    #[test]
    fn a_bill_that_never_passed_says_so_and_how_it_was_written() {
        let mut entry = chips();
        entry.kind = Kind::Bill;
        entry.status = Status {
            state: StatusState::PassedHouse,
            date: Some("2022-02-04".to_string()),
            note: Some("Never became law.".to_string()),
        };
        let card = law_card(&mention("CHIPS  and Science Act", None), Some(&entry));
        assert!(card.contains("Bill · US"));
        assert!(card.contains(
            "**Status:** passed the House only; not law (2022-02-04). Never became law."
        ));
        assert!(!card.contains("Written here as"), "{card}");
        let card = law_card(&mention("Chips Law", None), Some(&entry));
        assert!(card.contains("**Written here as:** Chips Law"), "{card}");
    }

    #[test]
    fn a_treaty_signed_but_never_ratified_and_an_amended_law_say_so() {
        let mut entry = chips();
        entry.kind = Kind::Treaty;
        entry.status = Status {
            state: StatusState::Signed,
            date: Some("1998-11-12".to_string()),
            note: None,
        };
        assert_eq!(entry.status.short(), "signed 1998-11-12; not ratified");
        let card = law_card(&mention("CHIPS Act", None), Some(&entry));
        assert!(
            card.contains("**Status:** signed, never ratified; not binding (1998-11-12)."),
            "{card}"
        );
        entry.status.state = StatusState::Amended;
        entry.amendments = vec![
            Amendment {
                date: "1970-12-31".to_string(),
                name: Some("Clean Air Amendments of 1970".to_string()),
                citation: Some("Pub. L. 91-604".to_string()),
            },
            Amendment {
                date: "1977".to_string(),
                name: None,
                citation: None,
            },
        ];
        let card = law_card(&mention("CHIPS Act", None), Some(&entry));
        assert!(
            card.contains(
                "**Amended:** 1970-12-31 (Clean Air Amendments of 1970, Pub. L. 91-604); 1977\n"
            ),
            "{card}"
        );
        assert!(card.contains("**Status:** enacted, since amended (1998-11-12)."));
    }

    #[test]
    fn an_unknown_law_is_admitted() {
        let card = law_card(&mention("Fair Widgets Act of 2031", None), None);
        assert!(card.starts_with("copydesk does not know **Fair Widgets Act of 2031**."));
        assert!(
            card.contains("a `[[law]]` table in `copydesk.toml`"),
            "{card}"
        );
    }

    fn quote(text: &str, inner: &str, kind: QuoteKind) -> Quote {
        let start = text.find(inner).unwrap();
        Quote {
            span: Span::new(start - 1, start + inner.len() + 1),
            content: Span::new(start, start + inner.len()),
            kind,
            closed: true,
            group: 0,
            attribution: None,
            mark_problems: Vec::new(),
        }
    }

    #[test]
    fn an_attributed_quote_names_the_speaker_and_the_cue() {
        let text = "Wang Wenbin spoke. \"We will not back down,\" he said.";
        let mut q = quote(text, "We will not back down,", QuoteKind::Direct);
        let he = text.find("he said").unwrap();
        q.attribution = Some(Attribution {
            speaker: SpeakerMention {
                span: Span::new(he, he + 2),
                text: "he".to_string(),
                name: Some("Wang Wenbin".to_string()),
                form: MentionForm::Pronoun,
                kind: SourceKind::Person,
            },
            cue: Some(Cue {
                span: Span::new(he + 3, he + 7),
                text: "said".to_string(),
            }),
            how: How::Sentence,
            via: None,
        });
        assert_eq!(
            quote_card(&q, text),
            "**Direct quote**\n\n> We will not back down,\n\n\
             Attributed to **Wang Wenbin**, in its own sentence (“he said”).\n\n\
             “he” → Wang Wenbin: the most salient person before it who can be “he”.\n"
        );
    }

    #[test]
    fn a_quote_another_outlet_passes_on_says_whose_report_it_is() {
        let text = "\"We are not done,\" said Marta Okafor, the union's president, reports the \
                    Dayton Ledger.";
        let analysis = crate::analysis::analyze(
            text,
            &crate::config::Config::default(),
            &crate::kb::Kb::builtin(),
        );
        let card = quote_card(&analysis.quotes[0], text);
        assert!(
            card.contains("Attributed to **Marta Okafor**")
                && card.contains("Passed on by **Dayton Ledger** (“the Dayton Ledger”)"),
            "{card}"
        );
    }

    #[test]
    fn an_orphan_quote_asks_for_a_source_and_scare_quotes_do_not() {
        let text = "\"This is a disgrace.\" The hall emptied. The \"reset\" failed.";
        let orphan = quote_card(&quote(text, "This is a disgrace.", QuoteKind::Direct), text);
        assert!(
            orphan.contains("Nobody is credited with this quote. The copy desk will want a source")
        );
        let scare = quote_card(&quote(text, "reset", QuoteKind::Scare), text);
        assert_eq!(
            scare,
            "**Scare quote**\n\n> reset\n\nScare quotes need no attribution.\n"
        );
    }

    #[test]
    fn a_person_named_but_never_quoted_has_no_count_of_nothing() {
        let text = "\"The pipes are old,\" Tomasz Reyes said. He met Mayor Ana Lindqvist.";
        let analysis = crate::analysis::analyze(
            text,
            &crate::config::Config::default(),
            &crate::kb::Kb::builtin(),
        );
        let card_of = |name: &str| {
            let speaker = analysis
                .speakers
                .iter()
                .find(|s| s.name == name)
                .unwrap_or_else(|| panic!("{name} in {:?}", analysis.speakers));
            speaker_card(speaker, &speaker.mentions[0], &analysis, text, (0, 1))
        };
        assert_eq!(
            card_of("Ana Lindqvist"),
            "**Ana Lindqvist**\n\nMayor\n\nNamed in this draft; no quote is credited to them here.\n"
        );
        assert_eq!(
            card_of("Tomasz Reyes"),
            "**Tomasz Reyes**\n\n1 quote in this draft:\n\n- “The pipes are old,”\n"
        );
    }

    #[test]
    fn long_quotes_are_shortened_and_markdown_is_escaped() {
        assert_eq!(shorten("one two three four", 12), "one two …");
        assert_eq!(escape("*not* _bold_ <b>"), "\\*not\\* \\_bold\\_ \\<b\\>");
    }
}
