//! Who a name is, on shapes of real copy, one invented story each: a name
//! set off after the subject, a place or employer after `of`, a name after
//! its role noun, a title-case headline, what a group is called, an
//! epithet (`the NFL legend`).

mod common;

use common::attribution::{analysed, credited, credited_alone, named};
use copydesk::analysis::{How, SourceKind};

#[test]
fn a_name_set_off_after_the_subject_is_not_whom_he_means() {
    let text = "\
Councilman Ray Obuya - a Dallas Mavericks fan - gave a one-word answer. \"Dallas,\" he said.

Senator Lena Marsh, a Tamara Kellerman supporter, gave a short answer. \"No,\" she said.
";
    assert_eq!(
        credited(text),
        [
            named("Ray Obuya", How::Sentence),
            named("Lena Marsh", How::Sentence)
        ]
    );
}

#[test]
fn a_place_or_employer_after_of_belongs_to_the_person_before_it() {
    let text = "\
Wendell Okoro of Florence, South Carolina says the county should keep \"every polling place open.\"

As Bishop Tomas Herrera of the Catholic Diocese of Laredo told reporters, \"The border is our parish.\"

\"Rates will stay high,\" Priya Raman of Halvorsen Capital said.
";
    assert_eq!(
        credited(text),
        [
            named("Wendell Okoro", How::Sentence),
            named("Tomas Herrera", How::Sentence),
            named("Priya Raman", How::Sentence)
        ]
    );
}

#[test]
fn a_name_after_its_role_noun_is_the_speaker_not_the_whole_description() {
    let text = "\
Senator Hal Brandt spoke in Fresno on Tuesday.

\"We will close the gap by June,\" added his campaign manager Rosa Whitcomb, speaking to reporters.

\"The bureau will hand over the files,\" FBI General Counsel Martin Oyelaran wrote in a letter.
";
    assert_eq!(
        credited(text),
        [
            named("Rosa Whitcomb", How::Sentence),
            named("Martin Oyelaran", How::Sentence)
        ]
    );
}

#[test]
fn a_title_case_headline_names_people_only_up_to_a_word_the_story_writes_in_lower_case() {
    let text = "\
Okafor Budget Address Wins Over Council Rival Hal Brandt.

On Monday Mayor Grace Okafor gave her budget address as the city's first Nigerian-born mayor.

\"We will not close a single library,\" said the mayor.

Brandt, her rival on the council, said the address wins him over. \"It was honest,\" he said.
";
    let result = analysed(text);
    let names: Vec<&str> = result.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("Budget")), "{names:?}");
    assert_eq!(
        credited(text),
        [
            named("Grace Okafor", How::Sentence),
            named("Hal Brandt", How::Sentence)
        ]
    );
}

#[test]
fn what_a_group_is_called_is_an_organisations_name_and_it_speaks() {
    let text = "\
Dana Ortiz lost her brother at Millbrook High School two years ago.

Ortiz now runs a group called Millbrook Promise. The group wants laws that it calls \
\"common-sense storage rules.\"
";
    let result = analysed(text);
    let promise = result
        .speakers
        .iter()
        .find(|s| s.name == "Millbrook Promise")
        .expect("the group is an identity");
    assert_eq!(promise.kind, SourceKind::Organisation);
    assert_eq!(credited_alone(text).as_deref(), Some("Millbrook Promise"));
}

#[test]
fn an_epithet_with_an_organisation_in_it_describes_the_person_not_the_organisation() {
    let text = "\
Tomasz Wieczorek played eleven seasons for Lech Poznan before he retired.

The Ekstraklasa legend said the club had lost its way.

\"Nobody trains the young players now.\"
";
    let result = analysed(text);
    let names: Vec<&str> = result.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(!names.contains(&"Ekstraklasa"), "{names:?}");
    assert_eq!(credited(text), [named("Tomasz Wieczorek", How::Context)]);
}
