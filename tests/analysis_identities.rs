//! Who is behind each quote, on invented copy: one identity per person or
//! organisation, pronouns and descriptions resolved by salience, the three
//! outcomes of attribution (in the quote's own words, by context, none),
//! and the codes a copy chief would expect.

mod common;

use common::attribution::{credited, named};
use copydesk::analysis::{analyze, Analysis, Code, How, SourceKind};
use copydesk::config::Config;
use copydesk::kb::Kb;

fn analysis(text: &str) -> Analysis {
    analyze(text, &Config::default(), &Kb::default())
}

/// Each quote's speaker phrase as written, `""` where none.
fn spoken(text: &str) -> Vec<String> {
    analysis(text)
        .quotes
        .iter()
        .map(|q| {
            q.attribution
                .as_ref()
                .map_or(String::new(), |a| a.speaker.text.clone())
        })
        .collect()
}

/// The identities that have quotes: name and kind.
fn sources(text: &str) -> Vec<(String, SourceKind)> {
    analysis(text)
        .speakers
        .iter()
        .filter(|s| !s.quotes.is_empty())
        .map(|s| (s.name.clone(), s.kind))
        .collect()
}

fn codes(text: &str) -> Vec<(Code, String)> {
    analysis(text)
        .findings
        .iter()
        .map(|f| (f.code, f.span.slice(text).to_string()))
        .collect()
}

/// Every quote of `text` is credited to the identity named `who`.
fn assert_all_credited_to(text: &str, who: &str) {
    let credited = credited(text);
    assert!(
        !credited.is_empty()
            && credited
                .iter()
                .all(|(name, _)| name.as_deref() == Some(who)),
        "{credited:?}"
    );
}

/// A wire story from a ministry briefing: the spokesperson is named family
/// name first, then called by the family name, a pronoun and the title, and
/// a sentence opens with a gerund before a country's name.
const BRIEFING: &str = "\
BEIJING (AP) — China's foreign ministry on Monday rejected a report on its fishing fleet.

Lin Haoran, a spokesperson for the foreign ministry, said the report \"mixes rumour with \
arithmetic.\"

Noting China is committed to sustainable fishing, Lin said the fleet had shrunk for three \
years in a row.

\"We publish our catch every quarter,\" he said. \"Anyone can read it.\"

\"The figures speak for themselves,\" the spokesperson said.

Japan said it would study the report.
";

#[test]
fn a_briefing_by_a_spokesperson_named_family_name_first_has_one_identity() {
    assert_eq!(
        credited(BRIEFING),
        vec![
            named("Lin Haoran", How::Sentence),
            named("Lin Haoran", How::Sentence),
            named("Lin Haoran", How::Paragraph),
            named("Lin Haoran", How::Sentence),
        ]
    );
    assert_eq!(
        sources(BRIEFING),
        vec![("Lin Haoran".to_string(), SourceKind::Person)]
    );
    let result = analysis(BRIEFING);
    let names: Vec<&str> = result.speakers.iter().map(|s| s.name.as_str()).collect();
    // Neither the dateline, the sentence opener nor the country is a person.
    for junk in ["BEIJING", "Noting China", "China", "AP"] {
        assert!(!names.contains(&junk), "{junk} in {names:?}");
    }
    let lin = &result.speakers[names.iter().position(|n| *n == "Lin Haoran").unwrap()];
    let mentions: Vec<&str> = lin
        .mentions
        .iter()
        .map(|m| m.span.slice(BRIEFING))
        .collect();
    assert_eq!(
        mentions,
        ["Lin Haoran", "Lin", "he", "the spokesperson"],
        "every mention, the family name alone included"
    );
    assert!(codes(BRIEFING).is_empty(), "{:?}", codes(BRIEFING));
}

#[test]
fn two_people_sharing_a_surname_stay_two() {
    let text = "\
Ana Ortega, the county's water director, opened the hearing. Her brother, Luis Ortega, runs \
the farm co-op downstream.

\"The reservoir is at a third of its capacity,\" Ana Ortega said.

\"We have already cut our planting by half,\" Luis Ortega said. \"There is nothing left to \
cut.\"

\"Nobody is asking the co-op to cut more,\" she said.

\"Then say so in writing,\" he said.
";
    assert_eq!(
        credited(text),
        vec![
            named("Ana Ortega", How::Sentence),
            named("Luis Ortega", How::Sentence),
            named("Luis Ortega", How::Paragraph),
            named("Ana Ortega", How::Sentence),
            named("Luis Ortega", How::Sentence),
        ]
    );
    assert_eq!(sources(text).len(), 2);
}

#[test]
fn a_surname_goes_to_the_sharer_named_in_its_paragraph_or_named_most() {
    let text = "\
Senator Mara Quill and her husband, Tobias Quill, toured the mill on Friday.

\"This mill paid for my first car,\" Quill said. Tobias Quill, a retired machinist, nodded.

Mara Quill later told reporters the state would match the county's grant. \"It is a loan to \
the future,\" Quill said.
";
    let names: Vec<Option<String>> = credited(text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        vec![
            Some("Mara Quill".to_string()),
            Some("Mara Quill".to_string())
        ]
    );
}

#[test]
fn signature_lines_sign_the_quotes_above_them() {
    let text = "\
Readers wrote in about the bridge closure.

\"Two detours in one winter is one too many.\"
― Priya Raman, Eastside

\"Fix the bridge before you fix the signs.\"

― Walter Okonkwo, a retired engineer
";
    assert_eq!(
        credited(text),
        vec![
            named("Priya Raman", How::Signature),
            named("Walter Okonkwo", How::Signature),
        ]
    );
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}

#[test]
fn a_quote_after_a_paragraph_with_no_speech_is_unattributed() {
    let text = "\
The plan is the county's main tool for cutting water use. It expires in March.

\"We will not renew it in its current form.\"
";
    assert_eq!(credited(text), vec![(None, None)]);
    let found = codes(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, Code::UnattributedQuote);
}

#[test]
fn a_quote_after_a_paragraph_that_ends_in_speech_is_attributed_by_context() {
    let text = "\
Dolores Achterberg, who chairs the water board, said the plan would be rewritten.

\"We will not renew it in its current form.\"
";
    assert_eq!(
        credited(text),
        vec![named("Dolores Achterberg", How::Context)]
    );
    let result = analysis(text);
    let finding = &result.findings[0];
    assert_eq!(finding.code, Code::AttributedByContext);
    assert_eq!(
        finding.message,
        "Attributed by context to Dolores Achterberg, who speaks in the paragraph before; AP \
         style attributes each new quote paragraph."
    );
    let edit = &finding.fixes[0].edits[0];
    let mut fixed = text.to_string();
    fixed.replace_range(edit.span.start..edit.span.end, &edit.new_text);
    assert!(fixed.contains("form,\" ${1:Achterberg} said."), "{fixed}");
}

#[test]
fn an_orphan_message_suggests_a_speaker_of_this_draft() {
    let text = "\
\"The pumps are old,\" said Kwame Asante.

The board adjourned at nine.

\"Someone has to pay for new ones.\"
";
    let result = analysis(text);
    let orphan = result
        .findings
        .iter()
        .find(|f| f.code == Code::UnattributedQuote)
        .unwrap();
    assert!(
        orphan.message.contains("`, Asante said`"),
        "{}",
        orphan.message
    );
    let text = "\"Someone has to pay for new ones.\"";
    let orphan = &analysis(text).findings[0];
    assert!(
        orphan.message.contains("`, the speaker said`"),
        "{}",
        orphan.message
    );
}

#[test]
fn one_person_is_not_split_by_title_possessive_apostrophe_particle_or_nickname() {
    let text = "\
John D. Halloran, the campaign chairman, spoke first. Mr. Halloran's remarks were brief.

\"We are ahead,\" Halloran said.

Bill de Bruyn, the treasurer, disagreed. \"We are not,\" De Bruyn said.

Maeve O'Neill chaired. \"Enough,\" O’Neill said.

Marcia \"Cia\" Pryce, the organiser, closed. \"Go home and vote,\" Pryce said.
";
    let names: Vec<Option<String>> = credited(text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        vec![
            Some("John D. Halloran".to_string()),
            Some("Bill de Bruyn".to_string()),
            Some("Maeve O'Neill".to_string()),
            None,
            Some("Marcia Pryce".to_string()),
        ]
    );
    assert_eq!(sources(text).len(), 4);
    let result = analysis(text);
    // The nickname is no quotation anyone said.
    let cia = result
        .quotes
        .iter()
        .find(|q| q.span.slice(text) == "\"Cia\"")
        .unwrap();
    assert!(!cia.kind.needs_attribution());
}

#[test]
fn organisations_and_countries_that_speak_are_identities_of_their_own_kind() {
    let text = "\
The Harbour Authority said the pier would reopen in May. \"Repairs are on schedule,\" the \
authority said.

Norway said it would send divers. \"We have offered help,\" the ministry said.
";
    assert_eq!(
        sources(text),
        vec![
            ("Harbour Authority".to_string(), SourceKind::Organisation),
            ("the ministry".to_string(), SourceKind::Organisation),
        ]
    );
}

#[test]
fn pronouns_follow_the_speaker_not_the_last_name_written() {
    let text = "\
Gregor Vasquez attacked Helena Brandt over the budget and said Tomas Ekwueme had been right \
all along. \"This was avoidable,\" he said.
";
    // Ekwueme is named last, but Vasquez is the one speaking; Brandt is
    // "she" by her given name and could not be "he" anyway.
    assert_eq!(credited(text), vec![named("Gregor Vasquez", How::Sentence)]);
}

#[test]
fn a_pronoun_with_nobody_compatible_in_reach_is_flagged() {
    let text = "The library reopened on Monday.\n\n\"It was worth the wait,\" she said.";
    assert_eq!(
        codes(text),
        vec![(Code::UnresolvedSpeaker, "she".to_string())]
    );
    // Someone named just before is in reach.
    let text = "Odile Marchetti cut the ribbon.\n\n\"It was worth the wait,\" she said.";
    assert!(codes(text).is_empty(), "{:?}", codes(text));
}

#[test]
fn nouns_that_look_like_verbs_of_saying_are_not_attributions() {
    let text = "\
Officials in the United States said the deal would hold. Republican claims about the port \
were \"simply wrong,\" said Ines Tandy. Battleground states want more.
";
    let found = codes(text);
    assert!(
        !found.iter().any(|(c, _)| *c == Code::AttributionVerb),
        "{found:?}"
    );
}

#[test]
fn surname_first_reference_names_the_same_person() {
    let text = "\
\"We are ready,\" Fournier said.

President Fournier opened the session. Bertrand Fournier, her deputy, read the agenda.
";
    // The surname that came first is no one the draft names in full with
    // that role... but Bertrand Fournier is a Fournier, and the fix may only
    // ever write his name if the first surname is his.
    let result = analysis(text);
    for finding in result
        .findings
        .iter()
        .filter(|f| f.code == Code::SurnameFirstReference)
    {
        let fix = &finding.fixes[0].edits[0].new_text;
        let speaker = result.speaker_at(finding.span.start).unwrap().0;
        assert_eq!(fix, &speaker.name);
    }
}

#[test]
fn quotation_marks_that_pair_but_are_wrong_get_their_own_message() {
    // A straight mark and a curly one pair.
    assert!(codes("Anya Brandt spoke.\n\n“We are open,\" she said.").is_empty());
    assert!(codes("Anya Brandt spoke.\n\n\"We are open,” she said.").is_empty());
    // A closing mark typed the wrong way round.
    let text = "Anya Brandt said “it all worked out. “";
    let found = analysis(text).findings;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, Code::UnclosedQuote);
    assert!(found[0].message.contains("typed as an opening one"));
    assert_eq!(found[0].fixes[0].edits[0].new_text, "”");
    // Double marks nested in a quote.
    let text = "“He told me “no” twice,” Anya Brandt said.";
    let found = analysis(text).findings;
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("single marks"));
    let edits: Vec<&str> = found[0].fixes[0]
        .edits
        .iter()
        .map(|e| e.new_text.as_str())
        .collect();
    assert_eq!(edits, ["‘", "’"]);
}

#[test]
fn a_newspaper_and_a_campaign_in_the_possessive_are_organisations() {
    let text = "\
Odile Marchetti wrote the report.

\"The count was never finished,\" the Harbour Gazette reported.

\"We stand by every figure,\" Marchetti's campaign said.
";
    assert_eq!(
        sources(text),
        vec![
            ("Harbour Gazette".to_string(), SourceKind::Organisation),
            ("Marchetti's campaign".to_string(), SourceKind::Organisation),
        ]
    );
}

/// The speaker sits behind asides: an appositive that names a place or an
/// organisation, a relative clause, a possessive description, an age; a
/// title nobody would call a name stays out of it.
#[test]
fn the_speaker_is_found_behind_asides_possessives_and_long_titles() {
    let text = "\
Nadia Ferreira, chair of the board of Harbor Partners, the group's lending arm, said it would \
lend only if \"the city can show a plan that the riverside tenants support.\"

Tomasz Brandt, who farms outside the county seat, Millbrook, said he still \"hopes the ferry \
runs again before the harvest.\"

\"We have been waiting for a straight answer since the spring floods,\" said Ferreira's deputy \
campaign manager, Idris Kamau.

\"Nobody on this committee wants another year like the last one,\" said Senate Minority Whip \
Lorna Castellanos.

\"The crews need another month at least,\" said Coast Guard 1st Lt. Bram Okonjo.

Council member Ruth Adeyemi dismissed Brandt's remarks as \"wishful thinking about the tide\" \
on Tuesday.

Kwabena Mensah, 71, from Harlow Point, disagrees. \"We have heard the same promise every \
winter I can remember,\" he says.
";
    assert_eq!(
        credited(text),
        vec![
            named("Nadia Ferreira", How::Sentence),
            named("Tomasz Brandt", How::Sentence),
            named("Idris Kamau", How::Sentence),
            named("Lorna Castellanos", How::Sentence),
            named("Bram Okonjo", How::Sentence),
            named("Ruth Adeyemi", How::Sentence),
            named("Kwabena Mensah", How::Sentence),
        ]
    );
}

/// A given name's usual gender is a hint a pronoun can overrule: a man
/// called Lindsey is `he`, and `he continued` stays with him.
#[test]
fn a_given_names_usual_gender_does_not_overrule_the_story() {
    let text = "\
Sen. Lindsey Pruett criticised his rival Oscar Delgado on Thursday.

Pruett said, \"We lose elections because we forget who we are talking to.\"

He continued, \"I believe this party can still win the people it has driven away.\"
";
    assert_eq!(
        credited(text),
        vec![
            named("Lindsey Pruett", How::Sentence),
            named("Lindsey Pruett", How::Sentence),
        ]
    );
}

/// A surname no list knows, opening a sentence before a verb in the past
/// or before a verb of saying and its adverbs, is a name; `he added` goes
/// on with the speaker before, even past a man named in between.
#[test]
fn unlisted_surnames_open_sentences_and_he_added_goes_on_with_the_speaker() {
    let text = "\
Party chair Odalric Vaszary met the mayor, Piet Hendriksen, on Monday.

Vaszary later Thursday told reporters: \"Both of them are meeting next week to settle it.\"

Vaszary dismissed the rival plan as \"a map with no roads on it\" and left.

\"We will not wait for the courts,\" Vaszary said of Hendriksen's proposal. He added, \"The \
city cannot afford another winter of this.\"
";
    assert_eq!(
        credited(text),
        vec![
            named("Odalric Vaszary", How::Sentence),
            named("Odalric Vaszary", How::Sentence),
            named("Odalric Vaszary", How::Sentence),
            named("Odalric Vaszary", How::Sentence),
        ]
    );
}

/// A word or two in quotation marks after a verb of naming is the words
/// of the sentence's subject, or of the person a `who` clause is about.
#[test]
fn a_word_put_in_someones_mouth_by_a_verb_of_naming_is_theirs() {
    let text = "\
Harbour master Ines Vasquez dismissed the whole dispute as \"theatre.\" The tenants were unmoved.

Compare that with Okafor, who has called the dredging plan \"reckless,\" and Lund, who says \
it is \"overdue.\"

The tenants' \"victory\" lasted a week.
";
    assert_eq!(
        credited(text),
        vec![
            named("Ines Vasquez", How::Sentence),
            named("Okafor", How::Sentence),
            named("Lund", How::Sentence),
            (None, None),
        ]
    );
}

/// A quote signed on a list item (`- Name.`, which Markdown reads as a
/// bullet) or on a hyphen set close to the name, with the occasion after a
/// comma; a title's `of` phrase before the name; a name whose UTF-8 was
/// read as Windows-1252 stays one name.
#[test]
fn dash_signatures_title_phrases_and_misread_accents_keep_the_speaker() {
    let text = "\
The claim came up at every stop of the tour.

\"Every harbour town on this coast pays more for less.\"

- Halvorsen.

\"Great speech. She is ready for the job.\"

-Mayor Teodora Ilic, writing after the debate.

\"Nothing about the plan has changed,\" said Secretary of Transport Ayodele Brennan.

\"We will not pay for the wall,\" said President Ramón PeÃ±ate Ortiz.
";
    assert_eq!(
        credited(text),
        vec![
            named("Halvorsen", How::Signature),
            named("Teodora Ilic", How::Signature),
            named("Ayodele Brennan", How::Sentence),
            named("Ramón PeÃ±ate Ortiz", How::Sentence),
        ]
    );
}

/// A lead-in that ends in a colon has said whose words follow, even when
/// no speaker can be named from it; a digest's bracketed source signs the
/// excerpt before it.
#[test]
fn colon_lead_ins_and_bracketed_sources_are_not_unattributed() {
    let text = "\
The council's notice on the harbour wall reads: \"No boats past the marker after dark, by \
order of the harbour board.\"

Wait, it gets better:

\"By law the board sets the number of moorings every year, and it has never once asked the \
tenants.\"

HOW THE HARBOUR FLOODED \"The tide came in faster than anyone in the town had planned for, and \
the wall gave way.\" [Harbour Gazette.]
";
    let unattributed: Vec<String> = codes(text)
        .into_iter()
        .filter(|(code, _)| *code == Code::UnattributedQuote)
        .map(|(_, at)| at)
        .collect();
    assert_eq!(unattributed, Vec::<String>::new());
    assert_eq!(credited(text)[2], named("Harbour Gazette", How::Signature));
}

/// Speakers written as bare plurals, lone determiners, a capitalised noun
/// opening the sentence, a surname with a gerund's ending, a subject after
/// two opening phrases, and a name with decomposed accents.
#[test]
fn plain_descriptions_odd_surnames_and_decomposed_accents_are_speakers() {
    let text = "\
\"The harm caused by the scheme is beyond measure,\" federal prosecutors wrote in their filing.

\"The ferry is a lifeline for this island,\" one user wrote.

Another tweeted, \"The council thinks it is above the rules and above the tenants.\"

Attorneys for the board appeared to oppose the request, saying the records \"have never been \
the property of the harbour trust.\"

Fielding said the members will still meet, but said, \"It is time we change how we do it.\"

On Thursday, after staying neutral for months, Ngata met the tenants and endorsed the plan, \
saying, \"This is the fairest offer the harbour has seen.\"

\"We will not move the boats,\" said Jose\u{301} Marti\u{301}nez. Later Martínez added, \"Not \
this winter.\"
";
    let credited = credited(text);
    let spoken = spoken(text);
    assert_eq!(
        spoken[..4],
        [
            "federal prosecutors",
            "one user",
            "Another",
            "Attorneys for the board"
        ]
    );
    // The attorneys speak, not the board.
    assert_eq!(credited[3].0.as_deref(), Some("Attorneys for the board"));
    assert_eq!(credited[4], named("Fielding", How::Sentence));
    assert_eq!(credited[5], named("Ngata", How::Sentence));
    assert_eq!(credited[6].0, credited[7].0);
    assert!(credited[6]
        .0
        .as_deref()
        .is_some_and(|n| n.starts_with("Jos")));
}

/// A description means the salient person even when another was given its
/// role; an appositive that opens with a possessive sits between speaker
/// and verb; `goes on` is a verb of saying only before what is said.
#[test]
fn descriptions_prefer_the_salient_person_and_asides_may_open_with_a_possessive() {
    let text = "\
Sen. Maren Lindqvist praised the harbour plan on Monday.

Sen. Tomas Okafor defends the plan in an advertisement on local television: \"Nobody should \
lose a mooring to a spreadsheet,\" the senator says to the camera.

Idris Kamau, Okafor's deputy campaign director, said the campaign would \"knock on every door \
on the waterfront\" before the vote.

Lindqvist said that once the Senate goes on recess, \"I will be on the docks every morning.\"
";
    assert_eq!(
        credited(text),
        vec![
            named("Tomas Okafor", How::Sentence),
            named("Idris Kamau", How::Sentence),
            named("Maren Lindqvist", How::Sentence),
        ]
    );
}

/// A role word before a given name leads the name rather than opening
/// the sentence; a word put in quotation marks by a verb of naming is the
/// words of that verb's own subject, not of a dummy `it`.
#[test]
fn a_role_word_leads_a_name_and_a_naming_verb_has_its_own_subject() {
    let text = "\
Comedian Priya Raman was booed by the crowd after telling the holdouts that they were \"being \
unreasonable.\"

It is strange that Okafor would denounce \"dredging,\" which his own plan requires.
";
    assert_eq!(
        credited(text),
        vec![
            named("Priya Raman", How::Sentence),
            named("Okafor", How::Paragraph),
        ]
    );
}

/// Two people who share a surname stay two when one is named with a
/// first name that differs, even when both of that person's names are
/// towns too; a role and a comma before a name say it is a person.
#[test]
fn a_different_first_name_is_a_different_person_even_when_both_names_are_towns() {
    let text = "\
\"We will win the harbour seat,\" said Joe Warren.

\"The seat was never his to win,\" said Elizabeth Warren, the progressive candidate.

The ministry's foreign minister, Erlan Idrissov, plays down the concerns. \"Our philosophy is \
simple,\" he said.
";
    assert_eq!(
        credited(text),
        vec![
            named("Joe Warren", How::Sentence),
            named("Elizabeth Warren", How::Sentence),
            named("Erlan Idrissov", How::Sentence),
        ]
    );
}

/// A quote that follows an attributed quote in its paragraph goes on with
/// that speaker, not with a name that opens the next sentence; a name right
/// before a gerund is its subject; a name after a verb phrase and a title
/// is not run together with the subject.
#[test]
fn a_second_quote_continues_and_a_gerund_takes_the_name_before_it() {
    let text = "\
\"I'm for the harbour, but not at any price,\" Halvorsen said. \"And that is where I stand on \
it.\" Later, Okafor claimed that the price had been agreed long ago.

Tenants who wanted the wall built were angry about the delay, with Sen. Ines Moreau calling \
it a \"scandal in slow motion.\"

Priya Raman threw her support behind Sen. Ines Moreau on Wednesday, saying it is time for \"a \
harbour master who answers to the town.\"
";
    assert_eq!(
        credited(text),
        vec![
            named("Halvorsen", How::Sentence),
            named("Halvorsen", How::Paragraph),
            named("Ines Moreau", How::Sentence),
            named("Priya Raman", How::Sentence),
        ]
    );
}

/// `And then X went on the attack, saying`, `the audience screamed back`,
/// `X agreed.` before a quote, and `as X puts it` all name the speaker;
/// none of these quotes is flagged as unattributed.
#[test]
fn conjunctions_shouts_agreement_and_as_x_puts_it_attribute() {
    let text = "\
And then Okafor went fully on the attack, saying, \"Is the council ever going to mention the \
tide?\"

\"Who is going to pay for the wall?\" he asked the crowd.

\"The town!\" the audience screamed back.

Harbour University's Dana Milbrook agreed. \"Tenants are running out of time to find another \
mooring before the winter.\"

As The Gazette's Tomas Reyna puts it, \"The council is unmoved, and the tenants are uninspired.\"
";
    let spoken = spoken(text);
    assert_eq!(spoken[..3], ["Okafor", "he", "the audience"]);
    assert_eq!(credited(text)[3].0.as_deref(), Some("Dana Milbrook"));
    assert_eq!(credited(text)[4].0.as_deref(), Some("Tomas Reyna"));
    assert!(!codes(text)
        .iter()
        .any(|(code, _)| *code == Code::UnattributedQuote));
}

/// A lone surname before an aside that ends at the verb, a name and an
/// adverb before a gerund, and no speaker from a medium after `on` or from
/// a word that only opens sentences after a conjunction.
#[test]
fn lone_surnames_before_asides_and_media_after_prepositions() {
    let text = "\
Halvorsen, speaking to the tenants, said, \"Last time I looked, you had not voted yet.\"

At a rally in Millbrook on Saturday, protesters were pushed out, with Okafor reportedly \
yelling: \"Get them out of here!\"

But even if Reyna fails to win the committee, she can still push for a \"minority report.\"
";
    let spoken = spoken(text);
    assert_eq!(spoken[..2], ["Halvorsen", "Okafor"]);
    assert_ne!(spoken[2], "even");
}

/// A verb joined to an earlier one by `and` shares its subject; a gerund
/// after a name belongs to that name only in `with X saying`.
#[test]
fn joined_verbs_share_a_subject_and_gerunds_after_names_need_with() {
    let text = "\
In a long interview with the reporter Matei Roscan last year, Lazarov said he welcomed the \
move to the United States and added, \"I will plead guilty, no problem.\"

Okafor claimed that statements made by Halvorsen calling for a toll on the ferry make him \"the \
island's best recruiter.\"
";
    assert_eq!(
        credited(text),
        vec![
            named("Lazarov", How::Sentence),
            named("Okafor", How::Sentence)
        ]
    );
}

/// A description after the verb gives way to the name in apposition after
/// it; an appositive the writer never closed leaves the speaker the name
/// that opens the sentence; a given name before a law's word is a person.
#[test]
fn names_in_apposition_unclosed_appositives_and_people_named_law() {
    let text = "\
Investigators found no ties aside from the two men knowing each other \"casually\" from the \
mosque, said the bureau's director, Jarrah Okonjo, on Monday.

Sam Laurent, the communications director for the Harbour Party said in a statement. \"There are \
no paper ballots to recount.\"

Steven Law runs the fund. There is an appetite among donors to do much more, Law said.

\"What I see going on is a flight to quality,\" he said.
";
    assert_eq!(
        credited(text),
        vec![
            named("Jarrah Okonjo", How::Sentence),
            named("Sam Laurent", How::Paragraph),
            named("Steven Law", How::Sentence),
        ]
    );
}

/// A suffix in capitals is part of the name, and a father and son named
/// alike stay two.
#[test]
fn a_capital_suffix_keeps_the_name_and_father_and_son_stay_two() {
    let text = "\
During the service, assistant pastor Tobias Marchetti III asked the congregation to stand. In \
his tribute, Marchetti said \"there is no greater friend this harbour has had.\"

Marchetti's father, the Rev. Tobias Marchetti Jr., knew him for decades.
";
    assert_eq!(
        credited(text),
        vec![named("Tobias Marchetti III", How::Sentence)]
    );
    assert!(!codes(text)
        .iter()
        .any(|(code, _)| *code == Code::SurnameFirstReference));
}

/// The possessive of a name ending in s, written with the apostrophe
/// alone, makes a description, not the person: `Sanders' campaign said`.
#[test]
fn a_possessive_with_the_apostrophe_alone_is_no_speaker() {
    let text = "\
Bernie Lindqvist spoke on Monday.

Lindqvist’s rival called the count unfair. Then Lindqvists’ campaign called the report a \"rush \
to judgment,\" because the delegates can still change their minds.
";
    assert_eq!(spoken(text)[0], "Lindqvists’ campaign");
}

/// A photo credit under a headline names nobody to call `he`, and a
/// description opening a clause is not someone named earlier in the same
/// sentence.
#[test]
fn credit_lines_name_nobody_and_a_description_is_not_the_name_before_it() {
    let text = "\
Tomas Okafor On How the Harbour Made Him \"Invisible.\"

Getty.

In a conversation with the host Priya Raman about his coming film, the actor discussed the \
harbour he grew up on. \"Just imagine, you are a boy and the whole town is the sea,\" he said.
";
    let quotes = credited(text);
    assert_eq!(
        quotes.last().and_then(|q| q.0.as_deref()),
        Some("Tomas Okafor")
    );
}

/// A sentence that gives its subject's gender away (`his rival`) outweighs
/// the usual gender of the subject's given name, even with a headline that
/// quotes another man first.
#[test]
fn his_after_a_subject_says_he_whatever_the_given_name_usually_is() {
    let text = "\
Pruett: Delgado's 'Hateful Rhetoric' Is Costing the Party the Harbour Vote.

On Thursday, Sen. Lindsey Pruett called out his rival Oscar Delgado for alienating the tenants.

Pruett said, \"We lose elections because we forget who we are talking to.\"

He continued, \"I believe this party can still win the people it has driven away.\"

He added, \"Nobody is going to be deported from this town.\"
";
    let quotes = credited(text);
    assert!(quotes
        .iter()
        .skip(1)
        .all(|q| q.0.as_deref() == Some("Lindsey Pruett")));
}

#[test]
fn adjectives_with_a_persons_ending_do_not_cut_a_description_short() {
    // `former` and `senior` end like `organizer` and `director`, but are
    // adjectives: the description runs on to its noun.
    assert_eq!(
        spoken(
            "\"There were talks at the Pentagon,\" a former defense official said.\n\n\
             \"Nothing was decided,\" a senior administration official said."
        ),
        [
            "a former defense official",
            "a senior administration official"
        ]
    );
}

#[test]
fn a_peoples_word_after_a_determiner_stands_for_a_person() {
    assert_eq!(
        spoken(
            "Another Muslim who prays at the mosque said he heard the man talk of \
             \"immorality\" in the city and left."
        ),
        ["Another Muslim"]
    );
}

#[test]
fn an_organisations_name_runs_over_its_of_and_two_news_outlets_stay_apart() {
    let text = "The Daily News said in an editorial that \"the rules are too loose.\"\n\n\
                Harbor News responded:\n\n\
                \"The answer is not to punish the law-abiding.\"\n\n\
                \"We will not stop,\" said the American Federation of Teachers.";
    assert_eq!(
        sources(text),
        [
            ("Daily News".to_string(), SourceKind::Organisation),
            ("Harbor News".to_string(), SourceKind::Organisation),
            (
                "American Federation of Teachers".to_string(),
                SourceKind::Organisation
            ),
        ]
    );
}

#[test]
fn the_phrase_before_a_gerund_after_with_says_it() {
    assert_eq!(
        spoken(
            "The union backed the mayor, with the Riverside Nurses Association calling her \
             \"the champion nurses need.\"\n\n\
             The rally went on, with many marchers chanting \"Fund the clinics.\""
        ),
        ["the Riverside Nurses Association", "many marchers"]
    );
}

#[test]
fn a_dateline_with_an_agency_in_brackets_names_nobody() {
    assert_eq!(
        spoken(
            "Jackson (AFP) – Mayor Rita Tavares has criticised the plan, saying that \
             \"loud promises\" do more harm than good."
        ),
        ["Mayor Rita Tavares"]
    );
}

#[test]
fn a_participle_after_when_is_no_verb_with_a_speaker() {
    // `when asked` is passive: the speaker is the `who` of `told`.
    let text = "The decision would involve Attorney General Dana Whitfield, who told the \
                council when asked last month: \"That matter is with career staff.\"";
    assert_eq!(spoken(text), ["who"]);
    assert_eq!(
        sources(text),
        [("Dana Whitfield".to_string(), SourceKind::Person)]
    );
}

#[test]
fn a_verb_of_saying_ends_the_phrase_before_it() {
    // Not `Osei's Ama Boateng reported the billionaire developer`. (With
    // `said`, Boateng would be the source who tells what the developer
    // called it.)
    assert_eq!(
        spoken(
            "After Radio Osei's Ama Boateng reported the billionaire developer had called the \
             plan a \"giveaway,\" the room went quiet."
        ),
        ["the billionaire developer"]
    );
}

#[test]
fn will_opening_a_question_is_no_one() {
    let sources = sources(
        "Will the senator run again? On Wednesday his campaign manager, Lena Ortiz, said \
         he would stay in the party \"for life.\"",
    );
    assert!(
        sources.iter().all(|(name, _)| name != "Will"),
        "{sources:?}"
    );
    assert_eq!(sources[0].0, "Lena Ortiz");
}

#[test]
fn a_name_opening_a_clause_after_but_is_who_he_means_next() {
    let text = "\"That is what he's doing,\" said Moreau. \"He is changing the city.\"\n\
                The moderators were ready to move on, but Castellanos wasn't having it.\n\
                \"I want the people at home to think about this,\" he said.";
    let credited = credited(text);
    assert_eq!(credited[2], named("Castellanos", How::Sentence));
}

#[test]
fn a_pronoun_after_an_opening_phrase_no_list_knows_is_the_subject() {
    let text = "Okafor praised the plan. \"It works,\" she said.\n\
                But back in her own district, she returned to her old lines: \"No new \
                taxes, not this year.\"";
    let credited = credited(text);
    assert_eq!(credited[1], named("Okafor", How::Paragraph));
}

#[test]
fn an_arabic_article_joined_by_a_hyphen_is_part_of_the_name() {
    let text = "The preacher Yusuf al-Hakimi, who left the city in May, is heard \
                lecturing: \"Take heed of the lessons of history.\"";
    let sources = sources(text);
    assert_eq!(sources[0].0, "Yusuf al-Hakimi", "{sources:?}");
    assert!(
        sources.iter().all(|(name, _)| name != "Yusuf"),
        "{sources:?}"
    );
}

#[test]
fn a_party_word_after_a_dateline_is_not_part_of_the_name() {
    let sources = sources(
        "LAGOS (AFP) – Democrat Amara Nwosu has taken a swipe at her rival, saying that \
         \"loud comments\" do more harm than good.",
    );
    assert_eq!(sources[0].0, "Amara Nwosu", "{sources:?}");
}

#[test]
fn a_web_address_ending_a_sentence_ends_it() {
    let text = "Friends were devastated, according to Lagosdaily.com. \"She had so many \
                plans,\" her friend Ngozi Eze told the website.";
    assert_eq!(credited(text)[0], named("Ngozi Eze", How::Sentence));
    let sources = sources(text);
    assert!(
        sources
            .iter()
            .all(|(name, kind)| !name.contains(".com") || *kind != SourceKind::Person),
        "{sources:?}"
    );
}

#[test]
fn an_initial_opening_a_paragraph_stays_part_of_the_name() {
    let text = "The vote was held on Monday.\n\n\
                R. Tomas Lindqvist predicted that delegates would \"take this fight to the floor.\"";
    assert_eq!(sources(text)[0].0, "R. Tomas Lindqvist");
}

#[test]
fn a_description_owned_by_a_thing_is_not_the_most_salient_person() {
    let text = "Okafor's campaign released a video on Monday. \"It was the morning of the \
                vote,\" says the ad's narrator.";
    let credited = credited(text);
    assert_ne!(credited[0].0.as_deref(), Some("Okafor"), "{credited:?}");
}

#[test]
fn a_name_a_sentence_presents_is_who_the_next_pronoun_means() {
    let text = "The campaign's advisers include David Axelby.\n\n\
                Former speechwriter Tom Haverly wrote a column in the Tribune.\n\n\
                Then there's Axelby.\n\n\
                \"Kind of bewildering, this strategy,\" he wrote last October.";
    assert_eq!(credited(text)[0], named("David Axelby", How::Sentence));
}

#[test]
fn verbs_of_retort_attribute_like_said() {
    let text = "Pruett said the city had lost its way: \"This city is no longer itself,\" he \
                claimed.\n\n\
                \"This city will always be itself,\" an angry Mayor Odile Garnier retaliated. \
                \"It never gives up.\"";
    let credited = credited(text);
    assert_eq!(credited[1], named("Odile Garnier", How::Sentence));
    assert_eq!(credited[2].0.as_deref(), Some("Odile Garnier"));
}

#[test]
fn a_possessive_description_of_a_person_is_still_that_person() {
    let text = "Senator Lina Marquez was asked about child care.\n\n\
                The Florida senator's answer was that \"the family is the most important \
                institution,\" so government should help families.";
    assert_eq!(credited(text)[0].0.as_deref(), Some("Lina Marquez"));
}

#[test]
fn a_place_whose_last_word_is_a_verb_of_saying_stays_whole() {
    let sources = sources("The United States said \"no\" to the plan on Monday.");
    assert_eq!(
        sources,
        [("United States".to_string(), SourceKind::Organisation)]
    );
}

#[test]
fn a_name_in_the_possessive_after_the_subject_is_not_the_subject() {
    let text = "Rosa Delgado is protesting Hartmann's new rules on bicycles by giving away an \
                engraved bicycle.\n\n\
                The Green Party candidate sent out an email to supporters Tuesday inviting \
                them to enter the contest for free, to \"win my engraved bicycle!\"";
    assert_eq!(credited(text)[0].0.as_deref(), Some("Rosa Delgado"));
}

#[test]
fn a_name_after_a_comma_and_said_is_the_inverted_speaker() {
    let text = "\"He can say so, but it seems unlikely\" that Moreau can catch Lindqvist, said \
                Tomas Ekwueme, a strategist.\n\n\
                Lagos has unsettled many Asian states, and it has used \"velvet gloves\" in its \
                dealings with them, said Amara Nwosu, an expert at the university.\n\n\
                \"There is no job description,\" Ngozi Eze, who served as chief of staff, told \
                CBS News.";
    let credited = credited(text);
    assert_eq!(credited[0], named("Tomas Ekwueme", How::Sentence));
    assert_eq!(credited[1], named("Amara Nwosu", How::Sentence));
    assert_eq!(credited[2], named("Ngozi Eze", How::Sentence));
}

#[test]
fn a_region_word_before_a_noun_is_no_speaker() {
    let text = "Okafor then put on a fake Southern accent and joked, \"I am just making it \
                easier for them.\"";
    assert_eq!(credited(text)[0].0.as_deref(), Some("Okafor"));
}

#[test]
fn a_surname_that_is_also_a_modal_verb_is_a_name_mid_sentence() {
    let text = "Columnist George Will reignited his feud with the mayor this week.\n\n\
                Citing the flood as a wake-up call for their \"reveries about an easy job,\" \
                Will urged voters to look elsewhere.\n\n\
                From the mayor's call for a \"cleanup force,\" Will described him as a \
                \"caricature of good government.\"";
    let sources = sources(text);
    assert_eq!(sources[0].0, "George Will", "{sources:?}");
    assert_all_credited_to(text, "George Will");
}

#[test]
fn a_pronoun_that_went_against_a_given_name_does_not_teach_its_gender() {
    let text = "A woman who has accused former Governor Bill Hartley of assault said on \
                Sunday that Hartley tried to meet her weeks later. She also described a talk \
                that she took to mean others knew.\n\n\
                Juana Bravo, who said Hartley attacked her in 1978, recounted the incident. \
                She has gone public again as Hartley campaigns for his wife, Maria Hartley.\n\n\
                On Sunday, she disclosed that Bill Hartley called her weeks later.\n\n\
                \"He called the nursing home that I owned,\" she said.\n\n\
                \"This just caught me so off guard,\" she said.";
    assert_all_credited_to(text, "Juana Bravo");
}

#[test]
fn an_owned_role_is_not_its_owner() {
    let text = "Bernard Sandoval won the primary in Vermont on Tuesday.\n\n\
                Among the questions is another one: Will the senator keep calling himself a \
                Democrat? (On Wednesday, Sandoval's campaign manager said he expects the \
                senator to stay in the party \"for life.\")";
    let credited = credited(text);
    assert_ne!(
        credited[0].0.as_deref(),
        Some("Bernard Sandoval"),
        "{credited:?}"
    );
    let sources = sources(text);
    assert!(
        sources.iter().all(|(name, _)| name != "Will"),
        "{sources:?}"
    );
}

#[test]
fn words_in_capitals_that_are_no_names_are_no_speakers() {
    let text = "SHORT READS:\n\n\
                \"Star refused a part,\" by the Post's Amy Spencer.\n\n\
                A newly formed super PAC called Future 48 ran ads using her comments that \
                \"I was responsible for quite a bit\" of the policy.\n\n\
                He renewed his call for a ban. But it is unclear whether voters will react \
                well to a candidate who has said of critics that \"you have to take them out.\"";
    let sources = sources(text);
    assert!(
        sources
            .iter()
            .all(|(name, _)| !["READS", "PAC", "it"].contains(&name.as_str())),
        "{sources:?}"
    );
}

#[test]
fn a_surname_that_is_a_laws_word_speaks_as_the_person() {
    let text = "Steven Law, who runs the group, spoke on Monday.\n\n\
                The group has raised $24 million. \"Donors want to do more,\" Law said.";
    assert_eq!(
        sources(text),
        [("Steven Law".to_string(), SourceKind::Person)]
    );
}

#[test]
fn a_gerund_after_said_goes_on_with_its_speaker() {
    let text = "Omar Zell saw Ed Mateen on Friday.\n\n\
                Mateen left as soon as prayers were finished, Zell said, adding, \"He was not \
                very religious.\"\n\n\
                \"There is a sense of urgency,\" Zell said, noting that donors feel \"we have to \
                find an insurance policy.\"";
    assert_all_credited_to(text, "Omar Zell");
}

#[test]
fn a_name_with_a_role_in_apposition_is_a_person() {
    let text = "Murphy spoke on a call with reporters.\n\n\
                He was joined on the call by IIyse Hogue, president of the rights group NARAL. \
                She said Rubio \"has failed to do anything beyond his own aspirations.\"";
    assert_eq!(credited(text)[0].0.as_deref(), Some("IIyse Hogue"));
}

#[test]
fn a_party_or_peoples_word_alone_is_no_person() {
    let text = "Marisol Vega reacted with a letter. The journalist expressed concern over those \
                in the Latino community who had defended the remarks. \"I am concerned,\" she \
                wrote.";
    let analysis = analysis(text);
    assert!(
        analysis.speakers.iter().all(|s| s.name != "Latino"),
        "{:?}",
        analysis.speakers
    );
    assert_eq!(credited(text)[0].0.as_deref(), Some("Marisol Vega"));
}

#[test]
fn an_indefinite_description_is_never_a_named_person() {
    let text = "David Axelby, a longtime adviser to the mayor, spoke on Monday.\n\n\
                \"He is impatient,\" said one longtime adviser to the governor. \"He wants \
                results now.\"";
    let credited = credited(text);
    assert!(
        credited
            .iter()
            .all(|(name, _)| name.as_deref() != Some("David Axelby")),
        "{credited:?}"
    );
}

#[test]
fn people_joined_by_and_after_with_chant_as_a_group() {
    let text = "Lagos was not far from the thoughts of celebrants, with many marchers and \
                spectators chanting \"We are Lagos\" and \"Disarm hate.\"";
    let analysis = analysis(text);
    let speaker = analysis.quotes[0]
        .attribution
        .as_ref()
        .expect("attributed")
        .speaker
        .clone();
    assert_eq!(speaker.span.slice(text), "many marchers and spectators");
    assert_eq!(speaker.kind, SourceKind::Group);
}

#[test]
fn verbs_that_say_only_with_their_particle_need_it() {
    let text = "Marta Vidal spoke first. \"We are ready,\" she said.\n\n\
                Blackwood also took a shot at the likely nominee, without naming her.\n\n\
                \"The other side will nominate a badly flawed candidate.\"";
    let analysis = analysis(text);
    let orphan = &analysis.quotes[1];
    assert!(orphan.attribution.is_none(), "{:?}", orphan.attribution);
    assert!(
        analysis
            .findings
            .iter()
            .any(|f| f.code == Code::UnattributedQuote && f.span.start <= orphan.span.start),
        "{:?}",
        analysis.findings
    );
}

#[test]
fn an_organisation_that_speaks_by_its_name_is_one_identity() {
    let analysis = analysis("Congress said \"yes\" on Monday. Congress later said \"no.\"");
    let congress: Vec<_> = analysis
        .speakers
        .iter()
        .filter(|s| s.name == "Congress")
        .collect();
    assert_eq!(congress.len(), 1, "{:?}", analysis.speakers);
    assert_eq!(congress[0].quotes.len(), 2);
    assert_eq!(congress[0].kind, SourceKind::Organisation);
}

#[test]
fn words_reported_by_a_noun_of_saying_belong_to_its_owner() {
    let text = "Mayor Lucia Ferraro met the council on Monday.\n\n\
                Councilman Otis Brandt rejected Ferraro's claim that the budget was \"balanced.\"\n\n\
                The row began with Ferraro's recent, widely shared remark that the depot was a \"disgrace\" to the city.\n\n\
                A statement from the council said Ferraro's comments \"are not backed by the numbers.\"\n";
    let credited = credited(text);
    assert_eq!(
        credited[0].0.as_deref(),
        Some("Lucia Ferraro"),
        "{credited:?}"
    );
    assert_eq!(
        credited[1].0.as_deref(),
        Some("Lucia Ferraro"),
        "{credited:?}"
    );
    // Right before the quote the noun is the quoted words' subject: the
    // council's statement says it, not the mayor.
    assert_ne!(
        credited[2].0.as_deref(),
        Some("Lucia Ferraro"),
        "{credited:?}"
    );
}

#[test]
fn a_noun_of_saying_belongs_to_its_owner_only_right_after_the_possessive() {
    // Between `Brandt's` and `claim` a clause with its own subject: the
    // claim is not Brandt's.
    let text = "Mayor Lucia Ferraro met Councilman Otis Brandt on Monday.\n\n\
                Brandt's aide said the claim that the budget was \"balanced\" was wrong.\n";
    let credited = credited(text);
    assert_ne!(
        credited[0].0.as_deref(),
        Some("Otis Brandt"),
        "{credited:?}"
    );
}

#[test]
fn a_noun_of_saying_owns_only_what_it_introduces() {
    // `comments further "..."`: the quote is what the comments are said to
    // do, in words of whoever says so, not the mayor's.
    let text = "Mayor Lucia Ferraro met Councilman Otis Brandt on Monday.\n\n\
                Critics worry that Ferraro's comments further \"a climate of fear\" downtown.\n";
    let credited = credited(text);
    assert_ne!(
        credited[0].0.as_deref(),
        Some("Lucia Ferraro"),
        "{credited:?}"
    );
}

#[test]
fn a_former_aide_speaks_for_nobody_but_themselves() {
    let text = "Governor Hal Pruitt's budget drew fire on Tuesday.\n\n\
                One of the authors of the audit, Noor Haddad, said the plan would not pass. \
                \"They have ignored every finding we made,\" said the former top aide to Pruitt.\n\n\
                \"We will answer the audit in writing,\" said a spokesman for the governor.\n";
    let credited = credited(text);
    assert_eq!(
        credited[0].0.as_deref(),
        Some("Noor Haddad"),
        "{credited:?}"
    );
    // A spokesman, not former, is not the governor.
    assert_ne!(credited[1].0.as_deref(), Some("Hal Pruitt"), "{credited:?}");
}

#[test]
fn the_last_speech_act_of_a_paragraph_decides_who_a_quote_after_it_continues() {
    let text = "\"We will rebuild the pier,\" Mayor Ana Ruiz said. Councilman Tomas Hale \
                disagreed, saying the money was gone.\n\n\
                \"There is nothing left in the fund for a pier.\"\n";
    assert_eq!(
        credited(text),
        vec![
            named("Ana Ruiz", How::Sentence),
            named("Tomas Hale", How::Context)
        ]
    );
}

#[test]
fn the_object_of_a_preposition_before_a_verb_is_not_its_subject() {
    let text = "Senator Rhea Castillo opened her campaign in Tucson.\n\n\
                Castillo in her announcement speech called the tax plan \"a gift to landlords\" \
                and promised to fight it.\n";
    let result = analysis(text);
    let speaker = result.quotes[0]
        .attribution
        .as_ref()
        .map(|a| a.speaker.text.clone());
    assert_eq!(speaker.as_deref(), Some("Castillo"));
}

#[test]
fn whoever_tells_the_reporter_what_another_said_is_the_source() {
    let text = "Governor Lina Park met the delegation on Monday.\n\n\
                Sen. Mark Olsen said Park reassured them that the state \"would cover every cost.\" \
                She added that next year \"is going to be a hard one.\"\n\n\
                \"Your budget is safe,\" Park assured the delegation.\n";
    assert_eq!(
        credited(text),
        vec![
            named("Mark Olsen", How::Sentence),
            // `She added` goes on with the last speaker only when `she`
            // can mean them: Mark is a man's name.
            named("Lina Park", How::Sentence),
            named("Lina Park", How::Sentence),
        ]
    );
}

#[test]
fn a_name_in_passing_in_the_pronouns_own_sentence_does_not_outweigh_the_paragraphs_subject() {
    let text = "Rosa Delgado of Fresno is among those who say they will not back Governor Ana \
                Pruitt. This was the first time she had been politically involved, and she \
                doesn't think Pruitt can fix the schools.\n\n\
                Choosing between Pruitt and Lee is a \"false choice,\" she said.\n";
    let credited = credited(text);
    assert_eq!(
        credited[0].0.as_deref(),
        Some("Rosa Delgado"),
        "{credited:?}"
    );
}

#[test]
fn an_indefinite_description_set_off_before_a_name_describes_it() {
    let text = "Dan Golvan spoke at the hearing on Monday.\n\n\
                A retired welder who backs the measure, Golvan lost his job when \
                \"the plant closed without a word of warning.\"\n";
    let result = analysis(text);
    let speaker = result.quotes[0]
        .attribution
        .as_ref()
        .and_then(|a| a.speaker.name.clone());
    assert_eq!(speaker.as_deref(), Some("Dan Golvan"));
}

#[test]
fn a_question_quote_is_attributed_by_the_sentence_that_opens_with_its_speaker() {
    let text = "The phone bank opened at noon.\n\n\
                \"I am calling from the Ruiz campaign. How are you today?\" Dolores Achebe, \
                a retired nurse from the county hospital, said into the phone.\n";
    assert_eq!(
        credited(text),
        vec![named("Dolores Achebe", How::NextSentence)]
    );
}
