//! Quotes and attribution on invented copy. Each case is a draft and what a
//! copy editor expects of its quotes: the quoted text, its kind, the
//! speaker as written, the person meant, and the cue.

use copydesk::analysis::{analyze, Analysis, Code, QuoteKind};
use copydesk::config::Config;
use copydesk::kb::Kb;

fn analysis(text: &str) -> Analysis {
    analyze(text, &Config::default(), &Kb::default())
}

/// (quote, kind, speaker as written, the identity's name, cue); a source
/// the draft names only by surname is known by that surname.
type Expected<'a> = (
    &'a str,
    QuoteKind,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

#[track_caller]
fn check(text: &str, expected: &[Expected]) {
    let result = analysis(text);
    let got: Vec<Expected> = result
        .quotes
        .iter()
        .map(|q| {
            let a = q.attribution.as_ref();
            (
                q.span.slice(text),
                q.kind,
                a.map(|a| a.speaker.span.slice(text)),
                a.and_then(|a| a.speaker.name.as_deref()),
                a.and_then(|a| a.cue.as_ref()).map(|c| c.span.slice(text)),
            )
        })
        .collect();
    assert_eq!(got, expected, "\n{text}");
}

/// The person each quote of `text` is attributed to, in order.
fn resolved_names(text: &str) -> Vec<Option<String>> {
    analysis(text)
        .quotes
        .iter()
        .map(|q| q.attribution.as_ref().and_then(|a| a.speaker.name.clone()))
        .collect()
}

#[track_caller]
fn codes(text: &str) -> Vec<(Code, &str)> {
    analysis(text)
        .findings
        .iter()
        .map(|f| (f.code, f.span.slice(text)))
        .collect()
}

use QuoteKind::*;

#[test]
fn quote_then_speaker_then_verb() {
    check(
        "\"We are not closing the pool,\" Okafor said.",
        &[(
            "\"We are not closing the pool,\"",
            Direct,
            Some("Okafor"),
            Some("Okafor"),
            Some("said"),
        )],
    );
}

#[test]
fn quote_then_verb_then_speaker() {
    check(
        "“The ferry will run all winter,” said Halima Diallo, the port director.",
        &[(
            "“The ferry will run all winter,”",
            Direct,
            Some("Halima Diallo"),
            Some("Halima Diallo"),
            Some("said"),
        )],
    );
}

#[test]
fn speaker_verb_colon_quote() {
    check(
        "Mayor Ines Tandy said: \"The budget is balanced for the first time in a decade.\"",
        &[(
            "\"The budget is balanced for the first time in a decade.\"",
            Direct,
            Some("Mayor Ines Tandy"),
            Some("Ines Tandy"),
            Some("said"),
        )],
    );
}

#[test]
fn speaker_verb_that_quote() {
    check(
        "Tandy told reporters that \"nobody will lose a job over this.\"",
        &[(
            "\"nobody will lose a job over this.\"",
            Partial,
            Some("Tandy"),
            Some("Tandy"),
            Some("told"),
        )],
    );
}

#[test]
fn partial_quote_woven_into_paraphrase() {
    check(
        "Wang Lei said the plan treats the river towns \"as an afterthought and nothing more.\"",
        &[(
            "\"as an afterthought and nothing more.\"",
            Partial,
            Some("Wang Lei"),
            Some("Wang Lei"),
            Some("said"),
        )],
    );
}

#[test]
fn according_to() {
    check(
        "The dam needs \"at least two more years of repairs,\" according to Petra Vance.",
        &[(
            "\"at least two more years of repairs,\"",
            Partial,
            Some("Petra Vance"),
            Some("Petra Vance"),
            Some("according to"),
        )],
    );
}

#[test]
fn pronouns_resolve_to_the_nearest_named_person() {
    check(
        "Grigor Petrosyan, the union's negotiator, left the talks at noon.\n\n\"We were not going to sign that,\" he said.",
        &[("\"We were not going to sign that,\"", Direct, Some("he"), Some("Grigor Petrosyan"), Some("said"))],
    );
}

#[test]
fn pronoun_gender_learned_from_earlier_attributions() {
    let text = "Keiko Tanabe signed on Friday.\n\n\"The deal is done,\" she said.\n\n\
                Obinna Mensah, the buyer's lawyer, disagreed. \"It is not,\" he said.\n\n\
                \"We will see him in court,\" she said.";
    let names = resolved_names(text);
    let names: Vec<Option<&str>> = names.iter().map(Option::as_deref).collect();
    assert_eq!(
        names,
        vec![
            Some("Keiko Tanabe"),
            Some("Obinna Mensah"),
            Some("Keiko Tanabe")
        ]
    );
}

#[test]
fn descriptions_resolve_through_appositives_and_titles() {
    check(
        "Sunita Raghavan, a spokesperson for the transit authority, confirmed the cuts.\n\n\
         \"Service on the Blue Line ends at midnight,\" the spokesperson said.",
        &[(
            "\"Service on the Blue Line ends at midnight,\"",
            Direct,
            Some("the spokesperson"),
            Some("Sunita Raghavan"),
            Some("said"),
        )],
    );
    check(
        "Sen. Lorna Haddix voted no.\n\n\"This bill spends money we do not have,\" the senator said.",
        &[("\"This bill spends money we do not have,\"", Direct, Some("the senator"), Some("Lorna Haddix"), Some("said"))],
    );
}

#[test]
fn attribution_in_the_next_sentence() {
    check(
        "\"The bridge is safe to cross.\" Feld added that inspections would continue.",
        &[(
            "\"The bridge is safe to cross.\"",
            Direct,
            Some("Feld"),
            Some("Feld"),
            Some("added"),
        )],
    );
}

#[test]
fn a_second_quote_in_the_paragraph_inherits_the_speaker() {
    check(
        "\"We lost the vote,\" said Dana Whitcombe. \"We will bring it back in the spring.\"",
        &[
            (
                "\"We lost the vote,\"",
                Direct,
                Some("Dana Whitcombe"),
                Some("Dana Whitcombe"),
                Some("said"),
            ),
            (
                "\"We will bring it back in the spring.\"",
                Direct,
                Some("Dana Whitcombe"),
                Some("Dana Whitcombe"),
                None,
            ),
        ],
    );
}

#[test]
fn running_quote_over_paragraphs_keeps_its_speaker() {
    let text = "\"The pipes are old,\" Renata Salgado said. \"Some are older than I am.\n\n\
                \"We replace what we can each year.\"";
    check(
        text,
        &[
            (
                "\"The pipes are old,\"",
                Direct,
                Some("Renata Salgado"),
                Some("Renata Salgado"),
                Some("said"),
            ),
            (
                "\"Some are older than I am.",
                Direct,
                Some("Renata Salgado"),
                Some("Renata Salgado"),
                None,
            ),
            (
                "\"We replace what we can each year.\"",
                Direct,
                Some("Renata Salgado"),
                Some("Renata Salgado"),
                None,
            ),
        ],
    );
    let result = analysis(text);
    assert_eq!(result.quotes[2].group, 1, "the running quote is one group");
    assert!(!result.quotes[1].closed);
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}

#[test]
fn colon_lead_in_at_the_end_of_the_previous_paragraph() {
    check(
        "Amos Feld put it plainly:\n\n\"We cannot afford to wait another winter.\"",
        &[(
            "\"We cannot afford to wait another winter.\"",
            Direct,
            Some("Amos Feld"),
            Some("Amos Feld"),
            Some("put it plainly:"),
        )],
    );
    check(
        "Amos Feld said:\n\n\"We cannot afford to wait another winter.\"",
        &[(
            "\"We cannot afford to wait another winter.\"",
            Direct,
            Some("Amos Feld"),
            Some("Amos Feld"),
            Some("said:"),
        )],
    );
}

#[test]
fn scare_quotes_and_titles_need_no_speaker() {
    let text =
        "The so-called \"reset\" failed. Her report, \"Water for the Valley Towns\", ran in May.";
    check(
        text,
        &[
            ("\"reset\"", Scare, None, None, None),
            ("\"Water for the Valley Towns\"", Title, None, None, None),
        ],
    );
    assert!(codes(text).is_empty());
}

#[test]
fn apostrophes_are_not_quotes() {
    let text = "In the '90s, O'Brien's students' rock 'n' roll band didn't play. \"It's fine,\" O'Brien said.";
    check(
        text,
        &[(
            "\"It's fine,\"",
            Direct,
            Some("O'Brien"),
            Some("O'Brien"),
            Some("said"),
        )],
    );
}

#[test]
fn single_quotes_nested_inside_double_quotes() {
    check(
        "“She told us, ‘Go home,’ and we did,” said Ingrid Solberg.",
        &[(
            "“She told us, ‘Go home,’ and we did,”",
            Direct,
            Some("Ingrid Solberg"),
            Some("Ingrid Solberg"),
            Some("said"),
        )],
    );
}

#[test]
fn code_and_links_are_not_prose() {
    check(
        "Run `\"echo\"` or see [the guide](http://x.test/\"a\").\n\n```\n\"not a quote\n```\n",
        &[],
    );
}

#[test]
fn unattributed_quote_with_a_fix() {
    let text =
        "The council met late.\n\n\"This budget closes two branches and calls it efficiency.\"";
    let result = analysis(text);
    let finding = &result.findings[0];
    assert_eq!(finding.code, Code::UnattributedQuote);
    assert_eq!(
        finding.span.slice(text),
        "\"This budget closes two branches and calls it efficiency.\""
    );
    let edit = &finding.fixes[0].edits[0];
    assert!(edit.snippet);
    let mut fixed = text.to_string();
    fixed.replace_range(edit.span.start..edit.span.end, &edit.new_text);
    assert!(fixed.ends_with("efficiency,\" ${1:WHO} said."), "{fixed}");
}

#[test]
fn unclosed_quote_is_flagged_at_its_opening_mark() {
    let text = "\"We heard from sixty residents tonight,\nReyes said.\n\nThe vote was delayed.";
    assert_eq!(codes(text), vec![(Code::UnclosedQuote, "\"")]);
}

#[test]
fn unresolved_pronoun_anonymous_source_and_loaded_verb() {
    assert_eq!(
        codes("\"The plant will close in June,\" she said."),
        vec![(Code::UnresolvedSpeaker, "she")]
    );
    assert_eq!(
        codes("\"The plant will close in June,\" a source said."),
        vec![(Code::AnonymousSource, "a source")]
    );
    assert_eq!(
        codes("\"The plant will close in June,\" officials familiar with the plan said."),
        vec![(Code::AnonymousSource, "officials familiar with the plan")]
    );
    assert_eq!(
        codes("\"The plant will close in June,\" Yusuf Demir claimed."),
        vec![(Code::AttributionVerb, "claimed")]
    );
}

#[test]
fn surname_before_full_name() {
    assert_eq!(
        codes("\"We are ready,\" Fournier said.\n\nBertrand Fournier runs the depot."),
        vec![(Code::SurnameFirstReference, "Fournier")]
    );
}

#[test]
fn rules_can_be_switched_off_or_raised() {
    let text = "\"This budget closes two branches and calls it efficiency.\"";
    let mut config = Config::default();
    config.set_level(Code::UnattributedQuote, copydesk::config::Level::Off);
    assert!(analyze(text, &config, &Kb::default()).findings.is_empty());
    config.set_level(Code::UnattributedQuote, copydesk::config::Level::Error);
    let findings = analyze(text, &config, &Kb::default()).findings;
    assert_eq!(findings[0].severity, copydesk::analysis::Severity::Error);
}

#[test]
fn extra_verbs_from_the_config() {
    let text = "\"We will win the recount,\" Tomasz Reyes predicted loudly, and then he chortled.";
    let mut config = Config::default();
    let before = analyze("\"We will win,\" Reyes chortled.", &config, &Kb::default());
    assert!(before.quotes[0].attribution.is_none());
    config.extra_verbs.push("chortled".to_string());
    let after = analyze("\"We will win,\" Reyes chortled.", &config, &Kb::default());
    assert_eq!(
        after.quotes[0].attribution.as_ref().unwrap().speaker.text,
        "Reyes"
    );
    assert!(analyze(text, &config, &Kb::default()).quotes[0]
        .attribution
        .is_some());
}

#[test]
fn odd_input_never_panics_and_spans_stay_on_char_boundaries() {
    let cases = [
        "",
        "\"",
        "“",
        "”",
        "\"\"",
        "“”",
        "\"\n\n\"",
        "„„„",
        "«»«",
        "' ' '",
        "\"a\" \"b",
        "said said said",
        ", said",
        "according to",
        "according",
        "\"x,\" said",
        "\"x,\" said the",
        "😀\"😀\"😀 he said",
        "> \"quote\n> still",
        "- \"a\n- \"b\"",
        "# \"Head\n\n\"Body",
        "\u{feff}\"Héllo wörld,\" Jürgen said.",
        "\"\r\n\r\n\"",
        "\"x\" \u{200b}said Ann",
    ];
    for text in cases {
        let result = analysis(text);
        for q in &result.quotes {
            assert!(
                text.get(q.span.start..q.span.end).is_some(),
                "{text:?}: {q:?}"
            );
            assert!(
                text.get(q.content.start..q.content.end).is_some(),
                "{text:?}: {q:?}"
            );
        }
        for f in &result.findings {
            assert!(
                text.get(f.span.start..f.span.end).is_some(),
                "{text:?}: {f:?}"
            );
        }
    }
}

#[test]
fn a_gerund_cue_takes_the_sentence_subject() {
    check(
        "When the vote failed, Yusuf Demir left the chamber, saying \"this is not over by a long way.\"",
        &[("\"this is not over by a long way.\"", Partial, Some("Yusuf Demir"), Some("Yusuf Demir"), Some("saying"))],
    );
}

#[test]
fn partial_quotes_and_colons_belong_to_the_sentence_subject() {
    check(
        "Halima Diallo also faulted a schedule in which ferries \"simply stop running at dusk.\"",
        &[(
            "\"simply stop running at dusk.\"",
            Partial,
            Some("Halima Diallo"),
            Some("Halima Diallo"),
            None,
        )],
    );
    check(
        "Diallo then turned to the crowd: \"We will fix this before winter.\"",
        &[(
            "\"We will fix this before winter.\"",
            Direct,
            Some("Diallo"),
            Some("Diallo"),
            Some(":"),
        )],
    );
}

#[test]
fn each_speaker_gets_one_identity_with_every_mention() {
    let text = "Sunita Raghavan, a spokesperson for the transit authority, spoke first.\n\n\
                \"Service ends at midnight,\" Raghavan said. \"Buses replace the trains.\"\n\n\
                \"We heard the riders,\" the spokesperson said.\n\n\
                \"Not enough,\" said Tomasz Reyes.";
    let result = analysis(text);
    let speakers: Vec<(&str, Vec<&str>, Vec<usize>)> = result
        .speakers
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.mentions.iter().map(|m| m.span.slice(text)).collect(),
                s.quotes.clone(),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        vec![
            (
                "Sunita Raghavan",
                vec!["Sunita Raghavan", "Raghavan", "the spokesperson"],
                vec![0, 1, 2]
            ),
            ("Tomasz Reyes", vec!["Tomasz Reyes"], vec![3]),
        ]
    );
    assert_eq!(
        result.speakers[0].descriptions,
        vec!["a spokesperson for the transit authority".to_string()]
    );
    let at = text.find("the spokesperson").unwrap() + 4;
    assert_eq!(result.speaker_at(at).unwrap().0.name, "Sunita Raghavan");
}

#[test]
fn objects_parentheticals_and_datelines_are_not_speakers() {
    check(
        "Halima Diallo called the plan \"a mess from start to finish.\"",
        &[(
            "\"a mess from start to finish.\"",
            Partial,
            Some("Halima Diallo"),
            Some("Halima Diallo"),
            Some("called"),
        )],
    );
    check(
        "Rep. Ines Tandy (D-Ore.) said \"the ferry stays.\"",
        &[(
            "\"the ferry stays.\"",
            Partial,
            Some("Rep. Ines Tandy"),
            Some("Ines Tandy"),
            Some("said"),
        )],
    );
    check(
        "BRACKTON, March 3 — Amos Feld left the meeting, saying \"we are done here today.\"",
        &[(
            "\"we are done here today.\"",
            Partial,
            Some("Amos Feld"),
            Some("Amos Feld"),
            Some("saying"),
        )],
    );
}

#[test]
fn a_closing_mark_typed_backwards_still_closes() {
    check(
        "“It’s late,“ said Larry Noble. “We go home.”",
        &[
            (
                "“It’s late,“",
                Direct,
                Some("Larry Noble"),
                Some("Larry Noble"),
                Some("said"),
            ),
            (
                "“We go home.”",
                Direct,
                Some("Larry Noble"),
                Some("Larry Noble"),
                None,
            ),
        ],
    );
}

#[test]
fn lowercase_titles_before_an_inverted_speaker() {
    check(
        "\"The count was close,\" said former county clerk Ines Tandy.",
        &[(
            "\"The count was close,\"",
            Direct,
            Some("former county clerk Ines Tandy"),
            Some("Ines Tandy"),
            Some("said"),
        )],
    );
    check(
        "\"The count was close,\" said in a statement Tuesday.",
        &[("\"The count was close,\"", Direct, None, None, None)],
    );
}

#[test]
fn a_paragraph_of_quotes_continues_the_speaker_of_the_paragraph_before() {
    check(
        "Tomasz Reyes said the cuts would fall on the east side.\n\n\"We heard from sixty residents, and not one asked for this.\"",
        &[("\"We heard from sixty residents, and not one asked for this.\"", Direct, Some("Tomasz Reyes"), Some("Tomasz Reyes"), None)],
    );
    // A paragraph with no one speaking hands nobody on.
    check(
        "The council met until midnight.\n\n\"We heard from sixty residents, and not one asked for this.\"",
        &[("\"We heard from sixty residents, and not one asked for this.\"", Direct, None, None, None)],
    );
}

#[test]
fn a_capitalised_determiner_starts_a_description() {
    check(
        "The union's lawyer ended the call by saying \"we will see you in court.\"",
        &[(
            "\"we will see you in court.\"",
            Partial,
            Some("The union's lawyer"),
            None,
            Some("saying"),
        )],
    );
}

#[test]
fn they_is_not_a_person_the_draft_calls_he_or_she() {
    let text =
        "Dana Whitcombe spoke first.\n\n\"We lost,\" she said.\n\n\"We will appeal,\" they said.";
    let names = resolved_names(text);
    let names: Vec<Option<&str>> = names.iter().map(Option::as_deref).collect();
    assert_eq!(names, vec![Some("Dana Whitcombe"), None]);
    // An unresolved "they" is not flagged: it may be a group named in other words.
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}
