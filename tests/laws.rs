//! Laws, bills, provisions and citations in invented copy.

use copydesk::analysis::{analyze, Analysis, Code};
use copydesk::config::Config;
use copydesk::kb::Kb;

fn analysis(text: &str) -> Analysis {
    analyze(text, &Config::default(), &Kb::builtin())
}

/// (text as written, entry id)
#[track_caller]
fn laws(text: &str) -> Vec<(String, Option<String>)> {
    analysis(text)
        .laws
        .iter()
        .map(|l| {
            (
                l.span.slice(text).to_string(),
                l.id.as_ref().map(|id| id.to_string()),
            )
        })
        .collect()
}

fn known(written: &str, id: &str) -> (String, Option<String>) {
    (written.to_string(), Some(id.to_string()))
}

fn unknown(written: &str) -> (String, Option<String>) {
    (written.to_string(), None)
}

#[track_caller]
fn codes(text: &str) -> Vec<(Code, String)> {
    analysis(text)
        .findings
        .iter()
        .map(|f| (f.code, f.span.slice(text).to_string()))
        .collect()
}

#[test]
fn titles_and_aliases_from_the_knowledge_base() {
    assert_eq!(
        laws("The plant drew on the CHIPS and Science Act and later the Chips Act."),
        vec![
            known("CHIPS and Science Act", "us/pl/117-167"),
            known("Chips Act", "us/pl/117-167")
        ]
    );
    assert_eq!(
        laws("Critics of Obamacare and the Wolf Amendment spoke."),
        vec![
            known("Obamacare", "us/pl/111-148"),
            known("Wolf Amendment", "us/provision/wolf-amendment")
        ]
    );
}

#[test]
fn spelling_tolerance_us_apostrophes_hyphens_and_line_breaks() {
    assert_eq!(
        laws("The U.S. Innovation and Competition Act of 2021 stalled."),
        vec![known(
            "U.S. Innovation and Competition Act of 2021",
            "us/bill/117/s1260"
        )]
    );
    assert_eq!(
        laws("Money from the CHIPS-and-Science\nAct arrived."),
        vec![known("CHIPS-and-Science\nAct", "us/pl/117-167")]
    );
}

#[test]
fn the_longest_name_wins_and_the_year_matters() {
    assert_eq!(
        laws("Unlike the America COMPETES Act of 2022, the America COMPETES Act became law."),
        vec![
            known("America COMPETES Act of 2022", "us/bill/117/hr4521"),
            known("America COMPETES Act", "us/pl/110-69"),
        ]
    );
}

#[test]
fn citations_in_every_common_form() {
    assert_eq!(
        laws("Under Pub. L. 117-167, Public Law 117-169 and P.L. 117-58, and 47 U.S.C. § 230."),
        vec![
            known("Pub. L. 117-167", "us/pl/117-167"),
            known("Public Law 117-169", "us/pl/117-169"),
            known("P.L. 117-58", "us/pl/117-58"),
            known("47 U.S.C. § 230", "us/provision/section-230"),
        ]
    );
    assert_eq!(
        laws("The vehicle was H.R. 4346; the Senate bill was S. 1260; see 136 Stat. 1366 and 5 U.S.C. 552."),
        vec![
            known("H.R. 4346", "us/pl/117-167"),
            known("S. 1260", "us/bill/117/s1260"),
            known("136 Stat. 1366", "us/pl/117-167"),
            known("5 U.S.C. 552", "us/pl/89-487"),
        ]
    );
    // A bill number names the newest bill copydesk knows by it; a citation
    // copydesk has no entry for is still a mention, of nothing known.
    assert_eq!(
        laws("Republicans numbered their bill H.R. 2, and 49 U.S.C. 99999 is new."),
        vec![
            known("H.R. 2", "us/bill/118/hr2"),
            unknown("49 U.S.C. 99999"),
        ]
    );
}

#[test]
fn acronyms_a_draft_defines_bind_within_it() {
    let text = "The Senate passed the United States Innovation and Competition Act of 2021 (USICA) in June.\n\nUSICA then stalled.";
    assert_eq!(
        laws(text),
        vec![
            known(
                "United States Innovation and Competition Act of 2021",
                "us/bill/117/s1260"
            ),
            known("USICA", "us/bill/117/s1260"),
            known("USICA", "us/bill/117/s1260"),
        ]
    );
    // Before its definition, or in lower case, the acronym is not a mention.
    assert_eq!(laws("Usica is a word, and so is usica.").len(), 0);
}

#[test]
fn law_shaped_names_copydesk_does_not_know() {
    assert_eq!(
        laws("The Fair Widgets Act of 2031, the Harbor Dredging Act, 2019, and the Tarrow Amendment passed."),
        vec![
            unknown("Fair Widgets Act of 2031"),
            unknown("Harbor Dredging Act, 2019"),
            unknown("Tarrow Amendment"),
        ]
    );
    assert_eq!(
        laws("Section 4 of the Clean Ferries Act applies."),
        vec![unknown("Section 4 of the Clean Ferries Act")]
    );
    assert_eq!(laws("She studied at Harvard Law School."), vec![]);
}

#[test]
fn only_prose_is_read() {
    assert_eq!(laws("Run `Fair Widgets Act` or see [the docs](http://x.test/Wolf-Amendment).\n\n```\nCHIPS Act\n```\n"), vec![]);
}

#[test]
fn a_bill_named_as_if_it_were_law_is_noted_once() {
    let text = "The America COMPETES Act of 2022 pays for new chip plants. The America COMPETES Act of 2022 also funds science.";
    assert_eq!(
        codes(text),
        vec![(
            Code::LawNotEnacted,
            "America COMPETES Act of 2022".to_string()
        )]
    );
    let finding = &analysis(text).findings[0];
    assert!(
        finding.message.contains("Passed the House on Feb. 4, 2022"),
        "{}",
        finding.message
    );
    // Copy that already says it never passed is not flagged.
    assert_eq!(
        codes("The America COMPETES Act of 2022 never became law."),
        vec![]
    );
}

#[test]
fn a_wrong_year_is_flagged_with_a_fix_to_the_canonical_title() {
    let text = "Tax credits under the Inflation Reduction Act of 2021 began in January.";
    let result = analysis(text);
    let finding = &result.findings[0];
    assert_eq!(finding.code, Code::LawNameMismatch);
    assert_eq!(finding.span.slice(text), "Inflation Reduction Act of 2021");
    let edit = &finding.fixes[0].edits[0];
    assert_eq!(edit.new_text, "Inflation Reduction Act of 2022");
    assert_eq!(edit.span, finding.span);
}

#[test]
fn a_year_of_enactment_or_of_a_major_amendment_is_no_wrong_year() {
    for year in ["1963", "1970", "1990"] {
        let text = format!("The plant broke the Clean Air Act of {year}, the agency said.");
        let result = analysis(&text);
        assert_eq!(
            result.laws[0].id.as_ref().map(|id| id.as_str()),
            Some("us/law/clean-air-act"),
            "{text}"
        );
        assert!(result.findings.is_empty(), "{text}: {:?}", result.findings);
    }
    let text = "The plant broke the Clean Air Act of 1985, the agency said.";
    let codes: Vec<Code> = analysis(text).findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [Code::LawNameMismatch]);
}

#[test]
fn a_wrong_word_is_flagged_with_a_fix_to_the_canonical_title() {
    let text = "Premiums under the Affordable Health Care Act rose again, \
                and the Tax Cut and Jobs Act of 2017 expires soon.";
    let result = analysis(text);
    let found: Vec<(Code, &str, &str)> = result
        .findings
        .iter()
        .map(|f| {
            (
                f.code,
                f.span.slice(text),
                f.fixes[0].edits[0].new_text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (
                Code::LawNameMismatch,
                "Affordable Health Care Act",
                "Patient Protection and Affordable Care Act"
            ),
            (
                Code::LawNameMismatch,
                "Tax Cut and Jobs Act of 2017",
                "Tax Cuts and Jobs Act"
            ),
        ]
    );
    assert_eq!(
        result.findings[0].message,
        "No law is called the “Affordable Health Care Act”. Did you mean the Patient \
         Protection and Affordable Care Act?"
    );
    // Two different words make a different law, which copydesk does not know.
    assert_eq!(
        codes("The Affordable Widget Act passed.")[0].0,
        Code::UnknownLaw
    );
}

#[test]
fn people_and_schools_named_bill_or_law_are_not_laws() {
    for text in [
        "Mayor Bill de Blasio spoke.",
        "Warren Buffett and Bill Gates met.",
        "A Bill of Lading went with the cargo.",
        "She teaches at New York University School of Law now.",
        "He spoke of the Rule of Law in Hungary.",
        "Steven Law, who runs the group, declined to comment.",
        "New York City Mayor Bill spoke.",
    ] {
        assert_eq!(laws(text), vec![], "{text}");
    }
    // The capital B here is the first ten amendments, not a first name.
    assert_eq!(
        laws("The Bill of Rights protects speech."),
        vec![known("Bill of Rights", "us/provision/bill-of-rights")]
    );
    assert_eq!(
        laws("It passed. Under the U.S. Harbor Act of 1980, ships pay."),
        vec![unknown("U.S. Harbor Act of 1980")]
    );
    assert_eq!(
        laws("Under Marisol's Law, calls go through. The Clean Harbor Bill of 2031 is next."),
        vec![
            unknown("Marisol's Law"),
            unknown("Clean Harbor Bill of 2031")
        ]
    );
}

#[test]
fn unknown_laws_are_a_hint() {
    assert_eq!(
        codes("The Fair Widgets Act of 2031 passed. The Fair Widgets Act of 2031 is popular."),
        vec![(Code::UnknownLaw, "Fair Widgets Act of 2031".to_string())]
    );
}

#[test]
fn odd_input_never_panics() {
    for text in [
        "",
        "Act",
        "Pub. L.",
        "Pub. L. 1-",
        "47 U.S.C. §",
        "(USICA)",
        "USICA (USICA)",
        "H.R.",
        "The The The Act of",
        "😀 CHIPS and Science Act 😀",
        "CHIPS and Science Act of 20222",
        "Section  of the Act",
        "İstanbul Act",
        "ß Act of 2020",
    ] {
        for law in analysis(text).laws {
            assert!(
                text.get(law.span.start..law.span.end).is_some(),
                "{text:?}: {law:?}"
            );
        }
    }
}

#[test]
fn principles_named_for_people_plays_and_firms_are_not_laws() {
    for text in [
        "By Murphy's Law, the printer jammed.",
        "Chipmakers struggle to keep pace with Moore's Law.",
        "Godwin's Law kicked in within ten comments.",
        "Parkinson's Law says work expands to fill the time available.",
        "Newton's Third Law says every action has a reaction.",
        "In the Second Act, the plot turns dark.",
        "The Ruiz & Park Law firm filed the suit.",
        "The coach read his players the Riot Act at halftime.",
        "The frieze reads Equal Justice Under Law.",
        "Protesters held a sign saying Torture Breaks International Law.",
        "The region has lived under Martial Law since May.",
        "Andrew Bonar Law led the government in 1922.",
    ] {
        assert_eq!(laws(text), vec![], "{text}");
    }
    // Laws named for a person in the possessive are named for a first name.
    assert_eq!(
        laws("Under Maribel's Law, offenders register. So says Rosalind's Law."),
        vec![unknown("Maribel's Law"), unknown("Rosalind's Law")]
    );
    // Whose act it is is no part of its name.
    assert_eq!(
        laws("Vermont Sen. Jane Roe’s Clean Harbors Act stalled."),
        vec![unknown("Clean Harbors Act")]
    );
    // An act that is a law keeps its ordinal when it has more words.
    assert_eq!(
        laws("The Second Harvest Act funds food banks."),
        vec![unknown("Second Harvest Act")]
    );
}

#[test]
fn a_name_written_all_in_lower_case_is_prose_unless_the_kb_writes_it_so() {
    let entry = |id: &str, title: &str, aliases: &str| {
        copydesk::kb::builtin::parse_file(&format!(
            "[[entry]]\nid = \"{id}\"\nkind = \"law\"\njurisdiction = \"uk\"\ntitle = \"{title}\"\n\
             aliases = {aliases}\nstatus = {{ state = \"repealed\" }}\nsummary = \"s\"\nsources = []\n"
        ))
        .unwrap()
        .remove(0)
    };
    let kb = Kb::from_entries(vec![
        entry("uk/riot-act", "Riot Act 1714", "[\"Riot Act\"]"),
        entry(
            "us/farm",
            "Agriculture Improvement Act of 2018",
            "[\"2018 farm bill\", \"Farm Bill\"]",
        ),
        entry(
            "us/mpp",
            "Migrant Protection Protocols",
            "[\"Remain in Mexico\", \"Commerce Clause\"]",
        ),
    ]);
    let found = |text: &str| -> Vec<String> {
        analyze(text, &Config::default(), &kb)
            .laws
            .iter()
            .map(|l| l.text.clone())
            .collect()
    };
    assert_eq!(
        found("The mayor read the riot act to the council."),
        Vec::<String>::new()
    );
    assert_eq!(
        found("Parliament repealed the Riot Act in 1967."),
        ["Riot Act"]
    );
    assert_eq!(
        found("The 2018 farm bill and the Farm Bill."),
        ["2018 farm bill", "Farm Bill"]
    );
    // A title-case name's first word in lower case with a capital after
    // it is prose that holds a proper noun; all in lower case, a name.
    assert_eq!(
        found("Migrants were told to remain in Mexico."),
        Vec::<String>::new()
    );
    assert_eq!(
        found("Remain in Mexico resumed under the commerce clause."),
        ["Remain in Mexico", "commerce clause"]
    );
}

#[test]
fn an_unknown_law_is_a_hint_that_it_is_not_in_the_knowledge_base() {
    let text = "The Pier Safety Act of 2019 applies.";
    let finding = &analysis(text).findings[0];
    assert_eq!(finding.code, Code::UnknownLaw);
    assert_eq!(finding.severity, copydesk::analysis::Severity::Hint);
    assert_eq!(
        finding.message,
        "The “Pier Safety Act of 2019” is not in copydesk's knowledge base, so it cannot be \
         explained here. If it is a law, the desk's glossary can add it."
    );
    assert!(!finding.message.contains("wrong") && !finding.message.contains("Check"));
}

#[test]
fn a_year_before_a_name_picks_the_law_named_with_that_year() {
    // The year of the law the name is known by.
    assert_eq!(
        laws("The 1964 Civil Rights Act and the 2010 Affordable Care Act."),
        vec![
            known("Civil Rights Act", "us/pl/88-352"),
            known("Affordable Care Act", "us/pl/111-148"),
        ]
    );
    // Another law of that name and year: the UK's Equality Act 2010, not
    // the Equality Act bill.
    assert_eq!(
        laws("Britain's 2010 Equality Act protects workers."),
        vec![known("Equality Act", "uk/ukpga/2010/15")]
    );
    // Otherwise the year may be anything's, and the name is the name.
    assert_eq!(
        laws("She filed a 2019 Freedom of Information Act request."),
        vec![known("Freedom of Information Act", "us/pl/89-487")]
    );
}

#[test]
fn a_country_before_a_name_picks_that_countrys_law() {
    assert_eq!(
        laws("Britain's Equality Act covers nine characteristics; the Equality Act stalled."),
        vec![
            known("Equality Act", "uk/ukpga/2010/15"),
            known("Equality Act", "us/bill/117/hr5"),
        ]
    );
    // No law of that country by that name: not the other country's.
    assert_eq!(
        laws("Germany's Online Safety Act is under review."),
        vec![unknown("Online Safety Act")]
    );
    // Treaties and the union's laws hold everywhere.
    assert_eq!(
        laws("France's GDPR fines and Britain's Paris Agreement pledge."),
        vec![
            known("GDPR", "eu/regulation/2016-679"),
            known("Paris Agreement", "intl/treaty/paris-agreement"),
        ]
    );
}

#[test]
fn a_name_of_one_word_is_a_law_only_capitalised_and_standing_alone() {
    assert_eq!(
        laws("Under the Constitution, the president must be 35."),
        vec![known("Constitution", "us/provision/constitution")]
    );
    for text in [
        "The country's constitution bars a third term.",
        "They marched down Constitution Avenue.",
        "The USS Constitution sailed at dawn.",
        "The Iraqi Constitution was drafted in 2005.",
    ] {
        assert_eq!(laws(text), vec![], "{text}");
    }
    // A country's own, when the knowledge base has it.
    assert_eq!(
        laws("Japan's Constitution renounces war."),
        vec![known(
            "Japan's Constitution",
            "jp/law/constitution-of-japan"
        )]
    );
    // A headline capitalises every word; a nickname with a hyphen is a
    // name on its own.
    assert_eq!(
        laws("The Biggest Blow To Obamacare Yet Could Come From Democrats"),
        vec![known("Obamacare", "us/pl/111-148")]
    );
    assert_eq!(
        laws("She cited the Dodd-Frank Wall Street reform bill."),
        vec![known("Dodd-Frank", "us/pl/111-203")]
    );
    // Two spellings of one name: in capitals, and as copy also writes it.
    assert_eq!(
        laws("NAFTA gave way; critics of Nafta cheered."),
        vec![
            known("NAFTA", "intl/treaty/nafta"),
            known("Nafta", "intl/treaty/nafta")
        ]
    );
}

/// Letters of any script right before or inside the words copydesk looks
/// for are read as letters, never cut in two: `éonstitution` is no
/// constitution, and a year written with a letter in it is no year.
#[test]
fn letters_of_any_script_beside_a_constitution_are_read_whole() {
    assert_eq!(
        laws("La éonstitution, la Cónstitution and Japan's 19é7 constitution."),
        vec![]
    );
    assert_eq!(
        laws("Japan’s 1947 constitution, and India's 1950 constitution."),
        vec![
            known("Japan’s 1947 constitution", "jp/law/constitution-of-japan"),
            known("India's 1950 constitution", "in/law/constitution-of-india")
        ]
    );
}
