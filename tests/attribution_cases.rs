//! Attribution on shapes of real copy, one invented story each: lead-ins,
//! titles with typos, speech nouns, imperatives and headlines that are no
//! speakers. (`analysis_identities.rs` holds the issue's fixtures.)

mod common;

use common::attribution::{analysed, credited, credited_alone, named};
use copydesk::analysis::{analyze, How, SourceKind};
use copydesk::config::Config;
use copydesk::kb::Kb;

#[test]
fn a_colon_lead_in_introduces_only_a_quote_that_opens_the_next_paragraph() {
    let opens = "\
The mayor, Ines Gallardo, answered the council at length:

\"We will not close a single library branch this year.\"
";
    assert_eq!(credited(opens), [named("Ines Gallardo", How::LeadIn)]);
    // The quote of the next paragraph is led up to by its own sentence; the
    // imperative before it speaks for nobody.
    let led_up_to = "\
Want the newsletter? Sign up by entering your email below:

A vigil by the city's librarians on Friday had one message: \"Keep the branches open.\"
";
    let [(name, how)] = &credited(led_up_to)[..] else {
        panic!("one quote")
    };
    assert!(
        *how != Some(How::LeadIn) && name.as_deref() != Some("Sign"),
        "{name:?} {how:?}"
    );
}

#[test]
fn in_what_a_named_person_called_the_words_are_that_persons() {
    let text = "\
Okafor knows the job: he ran the delegate count at the 2008 convention, in what Ruth Amsel, \
a floor manager for the other campaign, called \"trench warfare with clipboards.\"
";
    assert_eq!(credited(text), [named("Ruth Amsel", How::Sentence)]);
}

#[test]
fn a_speech_noun_owned_by_his_or_her_is_that_persons() {
    let text = "\
Councilwoman Maren Holt has made housing her cause. Her standing rose last spring, and so did \
her call for \"a moratorium on every luxury tower\" along the river.
";
    assert_eq!(credited_alone(text).as_deref(), Some("Maren Holt"));
}

#[test]
fn only_a_speaker_hands_a_paragraph_of_quotes_on() {
    // Polls and a newspaper's report say nothing a quote could continue.
    let polls = "\
Exit polls showed that most voters in the district decided in the final week.

\"Nobody knocked on my door until Saturday.\"
";
    assert_eq!(credited(polls), [(None, None)]);
    let outlet = "\
The Riverside Ledger reported that the mill would close by spring.

\"We found out from the paper like everybody else.\"
";
    assert_eq!(credited(outlet), [(None, None)]);
    // Nor does a poll a paragraph quotes in passing.
    let quoted_poll = "\
According to the exit polls, 31% of voters wanted a mayor who would \"fix the buses first.\"

\"Nobody knocked on my door until Saturday.\"
";
    assert_eq!(credited(quoted_poll)[1], (None, None));
    // A person, and an organisation that speaks, do.
    let person = "\
Councilwoman Maren Holt said the mill would close within a year.

\"We found out from the paper like everybody else.\"
";
    assert_eq!(credited(person), [named("Maren Holt", How::Context)]);
    let ministry = "\
The Ministry of Fisheries issued a statement apologising to the crews.

\"We regret the delay in paying the compensation that was promised.\"
";
    assert_eq!(
        credited(ministry),
        [named("Ministry of Fisheries", How::Context)]
    );
}

#[test]
fn a_question_hands_no_quote_paragraph_on() {
    // In an interview the words after a question are the other person's.
    let text = "\
\"Would you run the agency again?\" the host, Lena Marsh, asked.

\"Not for all the money in the state.\"
";
    let credited = credited(text);
    assert_eq!(credited[0], named("Lena Marsh", How::Sentence));
    assert_eq!(credited[1], (None, None));
}

#[test]
fn a_verb_joined_by_and_shares_the_subject_that_opens_the_sentence() {
    let text = "\
Okafor took the stage at the Lakeview Convention Center on Friday and called the budget \
\"a slow-motion bankruptcy.\"
";
    assert_eq!(credited_alone(text).as_deref(), Some("Okafor"));
}

#[test]
fn a_pronoun_nobody_could_be_found_for_is_no_identity() {
    let text = "\
I spent the weekend wondering how to answer my oldest friend without saying, \"This is the \
weakest argument I have ever read.\"
";
    let result = analyze(text, &Config::default(), &Kb::default());
    assert_eq!(result.quotes.len(), 1);
    // The quote keeps the words that attribute it ...
    let attribution = result.quotes[0].attribution.as_ref();
    assert_eq!(attribution.map(|a| a.speaker.text.as_str()), Some("I"));
    // ... but "I" is nobody the draft's identities list.
    assert!(
        result.speakers.iter().all(|s| s.name != "I"),
        "{:?}",
        result.speakers
    );
}

#[test]
fn a_state_abbreviated_after_a_city_is_a_place_not_a_speaker() {
    let text = "\
At a forum in Boulder, Colo., the retired judge closed her remarks with a line from her \
mother: \"Never sign what you have not read.\"
";
    let result = analyze(text, &Config::default(), &Kb::default());
    assert!(
        result.speakers.iter().all(|s| s.name != "Colo"),
        "{:?}",
        result.speakers
    );
}

#[test]
fn attacking_someone_in_quoted_words_is_saying_them() {
    let text = "\
First, Mayor Dana Kowalczyk attacked her challenger, Victor Osei, for being a \"career \
bystander.\" Then she mocked the council as \"a debating society.\"
";
    assert_eq!(
        credited(text),
        [
            named("Dana Kowalczyk", How::Sentence),
            named("Dana Kowalczyk", How::Sentence)
        ]
    );
}

#[test]
fn a_name_inside_a_relative_clause_is_not_the_speaker_of_the_verb_after_it() {
    let text = "\
Teodora Lindqvist, the party's treasurer in Ohio, told reporters the count was a trap.

The veteran delegate and fundraiser, who backs Okafor, warned of a \"bruising\" fight ahead.
";
    assert_ne!(credited_alone(text).as_deref(), Some("Okafor"));
}

#[test]
fn a_state_of_two_words_after_of_belongs_to_the_name_before_it() {
    let text = "\
Caucus Chairwoman M.J. Okonkwo of North Carolina said she was \"stunned\" by the vote.
";
    assert_eq!(credited_alone(text).as_deref(), Some("M.J. Okonkwo"));
}

#[test]
fn a_verb_in_the_past_in_a_headline_is_no_part_of_a_name() {
    let text = "\
After Big-Name Governor Endorsed Okafor, Donors Followed

Okafor said the endorsement was \"a great honor.\"
";
    let result = analyze(text, &Config::default(), &Kb::default());
    let names: Vec<&str> = result.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("Endorsed")), "{names:?}");
    assert!(names.contains(&"Okafor"), "{names:?}");
}

#[test]
fn a_definite_description_after_an_indefinite_one_is_that_unnamed_person() {
    let text = "\
Mayor Dana Kowalczyk spoke for an hour about the budget and the new ferry terminal.

As she spoke, a night-shift nurse from the county hospital watched from the back row.

\"Nobody here has asked us what we need,\" said the nurse, who has worked there for 11 years.
";
    assert_ne!(credited_alone(text).as_deref(), Some("Dana Kowalczyk"));
}

#[test]
fn who_after_a_hometown_means_the_person_not_the_place() {
    let text = "\
\"Neither of them speaks for me,\" Odile Ferrand, 41, of Durham, N.C., who took part in the poll, \
said in a follow-up interview.

\"Both sounded the same,\" Tomas Reyna, 52, of Fresno, California, who also took part, said.
";
    assert_eq!(
        credited(text),
        [
            named("Odile Ferrand", How::Sentence),
            named("Tomas Reyna", How::Sentence)
        ]
    );
}

#[test]
fn a_capitalised_word_opening_a_sentence_before_a_comma_is_no_name() {
    let text = "\
Ada Quist runs the shelter on Fourth Street.

Loyalty, she noted, is what keeps the volunteers \"coming back every winter.\"
";
    assert_eq!(credited(text), [named("Ada Quist", How::Sentence)]);
}

#[test]
fn a_claim_as_a_noun_hands_nothing_on() {
    // `have claims` owns claims; it says nothing.
    let text = "\
Besides Norway, Iceland and Denmark have claims in the fishing grounds.

\"Nobody wants a quarrel over cod.\"
";
    assert_eq!(credited(text), [(None, None)]);
}

#[test]
fn a_paragraph_a_newspaper_reports_hands_on_the_person_it_quotes() {
    // The newspaper only passes the senator's words along; the next quote
    // paragraph is hers, or nobody's, never the newspaper's.
    let text = "\
Earlier, Sen. Wilma Achterberg promised to \"fight for every mill town,\" the Dayton Ledger \
reported.

\"We will not be the generation that lets them close.\"
";
    let credited = credited(text);
    assert!(
        credited[1].0.as_deref() != Some("Dayton Ledger"),
        "{credited:?}"
    );
}

#[test]
fn party_members_are_a_group_and_a_they_nobody_is_found_for_hands_nothing_on() {
    let text = "\
Mayor Lund and other Republicans pointed at what they called the governor's \"failure to lead.\"

\"She is just not up to it.\"

\"The budget is a fantasy,\" Senate Republicans said in a statement.
";
    let analysis = analysed(text);
    let continued = &analysis.quotes[1];
    assert!(
        continued.attribution.is_none(),
        "{:?}",
        continued.attribution
    );
    let members = analysis
        .speakers
        .iter()
        .find(|s| s.name == "Senate Republicans")
        .expect("the party's senators speak");
    assert_eq!(members.kind, SourceKind::Group);
}

#[test]
fn an_office_or_a_town_that_issues_a_statement_says_its_words() {
    let text = "\
Sen. Harriet Olsen opposed the plan. Her office issued a statement saying the state \"cannot \
absorb another cut of this size.\"

The town released a statement Wednesday saying the claims \"are based on opinion, not facts.\"
";
    let analysis = analysed(text);
    let speakers: Vec<(&str, SourceKind)> = analysis
        .quotes
        .iter()
        .map(|q| {
            let a = q.attribution.as_ref().expect("attributed");
            (a.speaker.text.as_str(), a.speaker.kind)
        })
        .collect();
    assert_eq!(
        speakers,
        [
            ("Her office", SourceKind::Organisation),
            ("The town", SourceKind::Organisation)
        ]
    );
}

#[test]
fn a_story_pasted_with_one_paragraph_per_line_is_read_by_its_lines() {
    // No blank lines: Markdown reads one paragraph, the writer meant four.
    // The third line only paraphrases, so the quote after it is nobody's
    // by context; the fourth line's quote opens with the speaker's words
    // running on from the second.
    let text = "\
Mayor Ines Gallardo spent Tuesday morning at the branch library on Fourth Street, which the council voted to close last week after a fight that ran most of the year.
\"We lost the vote,\" Gallardo said. \"We did not lose the argument, and the people who use this building every day know it.\"
The branch opened in 1931 and is the oldest in the city. Its reading room seats 40, and its basement floods most springs, which the council cited as its main reason.
\"Nobody has asked the children who do their homework here.\"
";
    assert_eq!(
        credited(text),
        [
            named("Ines Gallardo", How::Sentence),
            named("Ines Gallardo", How::Paragraph),
            (None, None)
        ]
    );
}

#[test]
fn a_surname_that_is_also_a_month_is_a_name_beside_a_given_name_a_verb_or_a_names_word() {
    let text = "\
Prime Minister Theresa May spoke in Brussels on Monday.

\"We will leave on time,\" May said.

\"It is done,\" said May, before the talks on May 5 resumed.

Ana Reyes, the bloc's envoy, disagreed. \"Talks resume in June,\" Reyes said May 6, and \"not \
before,\" she said Monday.

Soe Myint May, 52, a teacher in Yangon, voted early. \"We have waited long,\" she said.
";
    assert_eq!(
        credited(text),
        [
            named("Theresa May", How::Sentence),
            named("Theresa May", How::Sentence),
            named("Ana Reyes", How::Sentence),
            named("Ana Reyes", How::Sentence),
            named("Soe Myint May", How::Sentence)
        ]
    );
}

#[test]
fn a_pronoun_after_an_unnamed_person_has_someone_to_refer_to() {
    let cleared = |text: &str| {
        !analysed(text)
            .findings
            .iter()
            .any(|f| f.code == copydesk::analysis::Code::UnresolvedSpeaker)
    };
    assert!(cleared(
        "\
In March, the flat of a 31-year-old Leipzig man was searched after he had posted a photo of the \
fire. Under it, he had written: \"Let it burn.\"
"
    ));
    assert!(cleared(
        "\
\"My parents said we were citizens,\" said the woman, who spoke on the condition of anonymity.

\"Now I am scared every day,\" she said.
"
    ));
    // With nobody at all before it, the pronoun is still flagged.
    assert!(!cleared("\"Let it burn,\" he wrote.\n"));
}

#[test]
fn a_headline_with_its_byline_is_a_title_not_a_quote() {
    let text = "\
CLOSING TIME — \"The Blue Lantern to shut its doors at the end of March,\" by the Ledger's Ana \
Pirsig: \"The club, which gave a start to a dozen bands, will close after 30 years.\"
";
    let analysis = analysed(text);
    assert_eq!(
        analysis.quotes[0].kind,
        copydesk::analysis::QuoteKind::Title
    );
    assert!(!analysis
        .findings
        .iter()
        .any(|f| f.code == copydesk::analysis::Code::UnattributedQuote
            && f.span == analysis.quotes[0].span));
}

#[test]
fn the_it_of_a_cleft_speaks_for_nobody() {
    let text = "\
What she saw at the fairground rally Tuesday will keep the writer Ruth Amsel, who teaches at \
Harlow Community College, awake for weeks.
It wasn't just the cries of \"Traitor!\" (for the governor) or, \"The reporters had it coming\" \
(for the press pen) that shook Amsel.
";
    let analysis = analysed(text);
    let chant = &analysis.quotes[1];
    assert!(
        chant
            .attribution
            .as_ref()
            .is_none_or(|a| a.speaker.name.as_deref() != Some("Harlow Community College")),
        "{:?}",
        chant.attribution
    );
}

#[test]
fn a_his_in_her_sentence_is_someone_elses_when_her_given_name_says_she() {
    // `his voters` are Adamu's: Marta Okafor stays `she`.
    let text = "\
Marta Okafor beat Tunde Adamu in the primary, and the two met on Friday to make peace.

Okafor will need his voters in the fall. Adamu was still weighing an endorsement.

Okafor said she called Adamu to congratulate him on what she called \"a remarkable campaign.\"
";
    assert_eq!(credited(text), [named("Marta Okafor", How::Sentence)]);
}

#[test]
fn a_report_that_passes_a_speakers_words_on_is_its_relay() {
    let text = "\
\"We will not be the generation that lets them close,\" said Wilma Achterberg, a state senator, \
reports the Dayton Ledger. \"Not on my watch.\"

\"The mill is worth saving,\" Achterberg said, according to Tomas Reyna, who was at the meeting.

Achterberg has not said whether she will run again, the Ledger reported.
";
    let analysis = analysed(text);
    let relays: Vec<(Option<&str>, Option<&str>)> = analysis
        .quotes
        .iter()
        .map(|q| {
            let a = q.attribution.as_ref().expect("attributed");
            (
                a.speaker.name.as_deref(),
                a.via.as_ref().and_then(|v| v.name.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        relays,
        [
            (Some("Wilma Achterberg"), Some("Dayton Ledger")),
            (Some("Wilma Achterberg"), Some("Dayton Ledger")),
            (Some("Wilma Achterberg"), Some("Tomas Reyna")),
        ]
    );
}

#[test]
fn someone_elses_post_is_not_the_outlet_named_post() {
    let text = "\
The Huffington Post first reported the crash.

According to the school's Facebook post, Amsel said she was going because \"a teacher goes where \
her class goes.\"
";
    let analysis = analysed(text);
    let via = analysis.quotes[0]
        .attribution
        .as_ref()
        .and_then(|a| a.via.as_ref())
        .expect("the post passes the words on");
    assert_eq!(
        (via.text.as_str(), via.name.as_deref(), via.kind),
        ("the school's Facebook post", None, SourceKind::Document)
    );
}

#[test]
fn a_report_by_someone_that_carries_quoted_words_is_theirs() {
    let text = "\
Okafor has drawn more attention to her record since the debate.

On Friday it was a report by the Harlow Ledger that she \"invented\" a second degree.
";
    assert_eq!(credited_alone(text).as_deref(), Some("Harlow Ledger"));
}

#[test]
fn a_noun_ending_in_man_or_woman_is_someone_who_can_speak() {
    let text = "\
Ruth Amsel hosts the morning show on the county station.

The radiowoman pointed out that the mayor once backed many of the same ideas, including \
\"a toll on every bridge.\"
";
    assert_eq!(credited_alone(text).as_deref(), Some("Ruth Amsel"));
}

#[test]
fn a_graduate_of_a_named_school_is_a_description_of_a_person() {
    let text = "\
Ines Gallardo was named chief executive of the port authority in July.

At a conference that month in Aspen, Colo., the Harlow economics graduate ended her speech with \
a line from her grandmother: \"Every storm passes over the harbor.\"
";
    assert_eq!(credited_alone(text).as_deref(), Some("Ines Gallardo"));
}

#[test]
fn he_is_not_the_man_his_own_words_speak_of_by_name() {
    let text = "\
Tomas Reyna's campaign manager, Piet Hendriksen, said Reyna expects the ground game to pay off. \
He should also get a lift from Tuesday's win, Reyna said.

\"Many voters wondered whether Senator Reyna's campaign could go toe to toe with the machine, \
and I think Iowa proved that it could,\" he said.
";
    assert_eq!(credited_alone(text).as_deref(), Some("Piet Hendriksen"));
}

#[test]
fn she_after_an_unnamed_woman_is_not_someone_named_paragraphs_before() {
    let text = "\
Chancellor Ilse Brandauer said the new law would be enforced to the letter.

A 41-year-old Hamburg woman, meanwhile, was fined in May after she had posted threats against a \
shelter. \"They should all leave!\" she wrote.

An ambassador's job, Brandauer said, is \"to answer lies with facts.\"
";
    let result = analysed(text);
    let quote = &result.quotes[0];
    let attribution = quote.attribution.as_ref().expect("attributed");
    assert_eq!(attribution.speaker.text, "she");
    assert_ne!(attribution.speaker.name.as_deref(), Some("Ilse Brandauer"));
    assert_eq!(
        credited(text)[1],
        named("Ilse Brandauer", How::Sentence),
        "a possessive role noun opens no unnamed person"
    );
    // `a German woman`: a nationality before a noun is nobody's name.
    let german = analysed("A German woman said she had seen \"nothing at all.\"\n");
    let names: Vec<&str> = german.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(!names.contains(&"German"), "{names:?}");
}

#[test]
fn in_a_digest_the_name_before_the_colon_speaks_not_the_paper_in_brackets() {
    let text = "\
TURNOUT FELL IN THE SUBURBS - Marisol Ekwueme: \"Fewer voters came out in the ring counties than \
in any year since 1996.\" [Tribune.]

Cities held up - The Ledger: \"Turnout in the three largest cities matched the last election.\" \
[Ledger.]
";
    let quotes = analysed(text).quotes;
    let speaker = |i: usize| {
        quotes[i]
            .attribution
            .as_ref()
            .and_then(|a| a.speaker.name.clone())
    };
    assert_eq!(speaker(0).as_deref(), Some("Marisol Ekwueme"));
    assert_eq!(speaker(1).as_deref(), Some("Ledger"));
}

#[test]
fn the_statement_is_the_words_of_whoever_spoke_last() {
    let text = "\
\"We are shocked and saddened,\" Harbor Freight Lines said in a statement on Friday.

\"Our thoughts are with the families of the crew,\" the statement added.
";
    assert_eq!(
        credited(text),
        [
            named("Harbor Freight Lines", How::Sentence),
            named("Harbor Freight Lines", How::Sentence)
        ]
    );
}

#[test]
fn according_to_inside_what_a_name_said_leaves_the_quote_with_the_name() {
    let text = "\
Ngozi Balogun, a member of the party's election committee, said Tuesday that according to its \
analysis, the party had won most seats, but \"we are still counting the ballots.\"
";
    assert_eq!(credited(text), [named("Ngozi Balogun", How::Sentence)]);
    // Said by a name, then credited to a paper: the paper passes it on.
    let relayed = "\
Ngozi Balogun said, according to the Harbour Gazette, that \"the count is nearly done.\"
";
    assert_eq!(credited(relayed), [named("Ngozi Balogun", How::Sentence)]);
    let via = analysed(relayed).quotes[0]
        .attribution
        .as_ref()
        .and_then(|a| a.via.as_ref())
        .map(|v| v.text.clone());
    assert_eq!(via.as_deref(), Some("the Harbour Gazette"));
}

#[test]
fn a_statement_attributed_to_a_person_is_that_persons_words() {
    let text = "\
Dana Whitlock and the campaign manager drafted the reply overnight.

\"Our candidate wrote every word of that speech herself,\" read the statement, which was \
attributed to Whitlock. \"She is proud of it.\"
";
    assert_eq!(
        credited(text),
        [
            named("Dana Whitlock", How::Sentence),
            named("Dana Whitlock", How::Paragraph)
        ]
    );
    // A statement with no author named stays the statement.
    let unsigned = "\"We regret the error,\" read the statement.\n";
    let quotes = analysed(unsigned).quotes;
    let speaker = &quotes[0].attribution.as_ref().unwrap().speaker;
    assert_eq!(speaker.text, "the statement");
}

#[test]
fn the_company_is_the_business_the_story_is_about() {
    let text = "\
Halvorsen Freight Services cut 200 jobs at its depot in Ostrava, the Harbour Gazette reported on Monday.

The company said it had \"no choice but to match a smaller market.\"
";
    assert_eq!(
        credited(text),
        [named("Halvorsen Freight Services", How::Sentence)]
    );
    // A public body is no company: `the company` with no business named
    // stays the unnamed company.
    let public = "\
The Ministry of Transport fined the operator on Monday.

The company said the fine was \"out of all proportion.\"
";
    assert_eq!(credited(public)[0].0.as_deref(), Some("The company"));
}

#[test]
fn a_role_set_off_before_a_name_gives_the_name_as_subject() {
    let text = "\
Trump's Virginia state director, Mike Rubino, reached out to the firm, writing in an email: \"We \
want to use this now.\"

";
    assert_eq!(credited(text), [named("Mike Rubino", How::Sentence)]);
    // Only a name set off in commas: not a clause (`, who backs Rubino,`).
    let clause = "\
Dana Okoro founded the company in 1998.

The company's founder, who backs Rubino, said: \"We built this together.\"
";
    assert_eq!(
        credited(clause),
        [named("The company's founder", How::Sentence)]
    );
}

#[test]
fn lawyers_for_someone_speak_not_the_one_they_work_for() {
    let text = "\
Attorneys for Okoro opposed the request, saying in a filing that the account \"was never the \
state's property.\"

Lawyers for the city said the ruling was \"deeply flawed.\"
";
    let quotes = analysed(text).quotes;
    let spoke: Vec<(String, Option<String>)> = quotes
        .iter()
        .map(|q| {
            let a = q.attribution.as_ref().expect("attributed");
            (a.speaker.text.clone(), a.speaker.name.clone())
        })
        .collect();
    assert_eq!(
        spoke,
        [
            ("Attorneys for Okoro".to_string(), None),
            ("Lawyers for the city".to_string(), None)
        ]
    );
}

#[test]
fn who_after_a_description_speaks_for_the_person_described() {
    let text = "\
Enrique Peña Nieto met Donald Trump in Mexico City on Wednesday.

Trump endured a lecture from the Mexican president, who said that trade had been good for \
\"both of our countries.\"
";
    assert_eq!(credited(text), [named("Enrique Peña Nieto", How::Sentence)]);
}

#[test]
fn the_newspaper_and_its_editorial_are_the_paper_the_story_names() {
    let text = "\
The editors of The Advocate aimed their Friday editorial at the governor.

\"The governor should come home and see the damage,\" the editorial read.

The newspaper said the state had waited long enough. \"Ten days is too long,\" it added.
";
    assert_eq!(
        credited(text),
        [
            named("Advocate", How::Sentence),
            named("Advocate", How::Sentence)
        ]
    );
}

#[test]
fn a_group_named_for_a_cause_is_one_organisation() {
    let text = "The group Students for Fair Admissions called the ruling \"a triumph.\"\n";
    assert_eq!(
        credited(text),
        [named("Students for Fair Admissions", How::Sentence)]
    );
    // The name's last word before the verb is the group, not a person.
    let said = "Americans for Prosperity said the plan was \"a giveaway.\"\n";
    assert_eq!(
        credited(said),
        [named("Americans for Prosperity", How::Sentence)]
    );
    let speakers = analysed("CARLY for America premiered a film on Monday.\n").speakers;
    let names: Vec<&str> = speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"CARLY for America"), "{names:?}");
}
