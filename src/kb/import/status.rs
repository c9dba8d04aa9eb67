//! Where a bill stands, read from its actions.
//!
//! The Library of Congress codes each significant step (`8000` passed the
//! House, `17000` passed the Senate, `28000` presented to the President,
//! `31000` vetoed); the older and the current schema share these codes. The
//! action text says the same in set phrases ("Passed/agreed to in Senate",
//! "Became Public Law No: ..."), which decide first, and it tells whether a
//! chamber passed the other's bill with an amendment, which is what leaves
//! two versions unreconciled.

use super::billstatus::{Action, Bill};
use crate::kb::{Status, StatusState};

/// The steps of a bill's course that decide its status, each with the date
/// it last happened.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Course {
    pub passed_house: Option<String>,
    pub passed_senate: Option<String>,
    pub failed_house: Option<String>,
    pub failed_senate: Option<String>,
    /// Whether both chambers agreed to one text.
    pub agreed: bool,
    pub presented: Option<String>,
    pub vetoed: Option<String>,
    pub signed: Option<String>,
    /// When it became law: the "Became Public Law" action, which can come
    /// days after the signature.
    pub became_law: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    PassedHouse,
    PassedSenate,
    FailedHouse,
    FailedSenate,
    Resolving,
    ConferenceHouse,
    ConferenceSenate,
    Presented,
    Vetoed,
    Signed,
    BecameLaw,
}

/// The step an action records. The text decides where it is explicit: the
/// President's actions share codes across schemas (`E30000` is "Signed by
/// President." in one file and "Vetoed by President." in another).
fn classify(action: &Action) -> Option<Step> {
    let text = action.text.as_str();
    let by_text = [
        ("Passed/agreed to in House", Step::PassedHouse),
        ("Passed/agreed to in Senate", Step::PassedSenate),
        (
            "Failed of passage/not agreed to in House",
            Step::FailedHouse,
        ),
        (
            "Failed of passage/not agreed to in Senate",
            Step::FailedSenate,
        ),
        ("Resolving differences", Step::Resolving),
        (
            "Conference report agreed to in House",
            Step::ConferenceHouse,
        ),
        (
            "Conference report agreed to in Senate",
            Step::ConferenceSenate,
        ),
        ("Presented to President", Step::Presented),
        ("Vetoed by President", Step::Vetoed),
        ("Pocket Vetoed by President", Step::Vetoed),
        ("Signed by President", Step::Signed),
        ("Became Public Law", Step::BecameLaw),
        ("Became Private Law", Step::BecameLaw),
    ]
    .into_iter()
    .find(|(prefix, _)| text.starts_with(prefix))
    .map(|(_, step)| step);
    by_text.or(match action.code.as_deref()? {
        "8000" => Some(Step::PassedHouse),
        "17000" => Some(Step::PassedSenate),
        "9000" => Some(Step::FailedHouse),
        "19500" | "20500" => Some(Step::Resolving),
        "21000" => Some(Step::ConferenceHouse),
        "23000" => Some(Step::ConferenceSenate),
        "28000" => Some(Step::Presented),
        "31000" => Some(Step::Vetoed),
        "41000" | "E40000" => Some(Step::BecameLaw),
        _ => None,
    })
}

/// Whether a passage or a resolving step leaves the text amended, so that the
/// other chamber has yet to agree.
fn amends(text: &str) -> bool {
    ["with an amendment", "with amendments", "as amended"]
        .iter()
        .any(|p| text.contains(p))
}

/// Whether a resolving-differences step settles the text: a chamber agreed
/// to (or concurred in) the other's amendment as it stood.
fn settles(text: &str) -> bool {
    let agreed = text.contains("Agreed to")
        || text.contains("agreed to the")
        || text.contains("concurred in");
    let declined = text.contains("disagree") || text.contains("insist") || text.contains("Failed");
    agreed && !declined && !amends(text)
}

/// Reads the course of `bill` from its actions.
pub fn course(bill: &Bill) -> Course {
    let mut steps: Vec<(&str, Step, &str)> = bill
        .actions
        .iter()
        .filter_map(|a| classify(a).map(|s| (a.date.as_str(), s, a.text.as_str())))
        .collect();
    // Files list actions newest first; the course is read oldest first. The
    // sort is stable, so same-day actions keep the file's relative order,
    // reversed below to run oldest first within the day too.
    steps.reverse();
    steps.sort_by(|a, b| a.0.cmp(b.0));

    let mut c = Course::default();
    let (mut conference_house, mut conference_senate) = (false, false);
    for (date, step, text) in steps {
        let date = Some(date.to_string());
        match step {
            Step::PassedHouse | Step::PassedSenate => {
                let (this, other) = if step == Step::PassedHouse {
                    (&mut c.passed_house, &c.passed_senate)
                } else {
                    (&mut c.passed_senate, &c.passed_house)
                };
                if other.is_some() {
                    // The second chamber: its version is the first one's
                    // unless it passed the bill with an amendment.
                    c.agreed = !amends(text);
                }
                *this = date;
            }
            Step::FailedHouse => c.failed_house = date,
            Step::FailedSenate => c.failed_senate = date,
            Step::Resolving => c.agreed = settles(text),
            Step::ConferenceHouse => conference_house = true,
            Step::ConferenceSenate => conference_senate = true,
            Step::Presented => c.presented = date,
            Step::Vetoed => c.vetoed = date,
            Step::Signed => c.signed = date,
            Step::BecameLaw => c.became_law = date,
        }
    }
    if (conference_house && conference_senate) || c.presented.is_some() {
        c.agreed = true;
    }
    c
}

/// The knowledge-base status of `bill`. `congress_ended` says whether its
/// Congress is over, so that a bill that did not pass can be said never to
/// have become law.
pub fn status(bill: &Bill, congress_ended: bool) -> Status {
    let c = course(bill);
    let not_law = if congress_ended {
        "never became law"
    } else {
        "not law as of this record"
    };
    let law = bill.laws.first().map(|l| l.citation());

    if let Some(law) = &law {
        let note = match (&c.signed, &c.became_law) {
            (Some(signed), Some(became)) if signed != became => format!(
                "Signed by the President on {}; became {law} on {}.",
                ap_date(signed),
                ap_date(became)
            ),
            (_, Some(became)) => format!("Became {law} on {}.", ap_date(became)),
            (Some(signed), None) => {
                format!(
                    "Signed by the President on {}; became {law}.",
                    ap_date(signed)
                )
            }
            (None, None) => format!("Became {law}."),
        };
        let date = c.became_law.clone().or(c.signed.clone());
        return status_of(StatusState::Enacted, date, note);
    }
    if let Some(date) = c.became_law.as_ref().or(c.signed.as_ref()) {
        let note = format!(
            "Became law on {}; this record has no law number yet.",
            ap_date(date)
        );
        return status_of(StatusState::Enacted, Some(date.clone()), note);
    }
    if let Some(date) = &c.vetoed {
        let note = format!("Vetoed by the President on {}; {not_law}.", ap_date(date));
        return status_of(StatusState::Vetoed, Some(date.clone()), note);
    }
    match (&c.passed_house, &c.passed_senate) {
        (Some(house), Some(senate)) => {
            let passages = chamber_passages(house, senate);
            let last = house.max(senate).clone();
            if c.agreed {
                // Both chambers agreed to one text, yet the record shows no
                // signature or veto. The model has no state for this, so the
                // state is that of the chamber that passed it last, and the
                // note says the rest.
                let state = if house >= senate {
                    StatusState::PassedHouse
                } else {
                    StatusState::PassedSenate
                };
                let presented = match &c.presented {
                    Some(p) => format!("; presented to the President on {}", ap_date(p)),
                    None => String::new(),
                };
                let note =
                    format!("{passages}{presented}. This record shows no signature or veto.");
                status_of(state, Some(last), note)
            } else {
                let note = format!("{passages}, in different versions; {not_law}.");
                status_of(StatusState::PassedBothUnreconciled, Some(last), note)
            }
        }
        (Some(house), None) => {
            let failed = match &c.failed_senate {
                Some(d) => format!("; failed in the Senate on {}", ap_date(d)),
                None => String::new(),
            };
            let note = format!("Passed the House on {}{failed}; {not_law}.", ap_date(house));
            status_of(StatusState::PassedHouse, Some(house.clone()), note)
        }
        (None, Some(senate)) => {
            let failed = match &c.failed_house {
                Some(d) => format!("; failed in the House on {}", ap_date(d)),
                None => String::new(),
            };
            let note = format!(
                "Passed the Senate on {}{failed}; {not_law}.",
                ap_date(senate)
            );
            status_of(StatusState::PassedSenate, Some(senate.clone()), note)
        }
        (None, None) => {
            let note = match &bill.introduced {
                Some(d) => format!("Introduced on {}; {not_law}.", ap_date(d)),
                None => format!("Introduced; {not_law}."),
            };
            status_of(StatusState::Introduced, bill.introduced.clone(), note)
        }
    }
}

fn status_of(state: StatusState, date: Option<String>, note: String) -> Status {
    Status {
        state,
        date,
        note: Some(note),
    }
}

/// "Passed the House on Feb. 4, 2022, and the Senate on March 28, 2022", in
/// the order the chambers acted.
fn chamber_passages(house: &str, senate: &str) -> String {
    let (first, first_date, second, second_date) = if house <= senate {
        ("House", house, "Senate", senate)
    } else {
        ("Senate", senate, "House", house)
    };
    format!(
        "Passed the {first} on {}, and the {second} on {}",
        ap_date(first_date),
        ap_date(second_date)
    )
}

/// An ISO date in AP style: `2022-02-04` is "Feb. 4, 2022", `2022-03-28`
/// "March 28, 2022". A value that is not an ISO date is returned as it is.
pub fn ap_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m @ 1..=12), Ok(d)) if y.len() == 4 => format!("{} {d}, {y}", MONTHS[m - 1]),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::billstatus::BillType;
    use super::*;

    /// An action as `(date, code, text)`.
    type Row = (&'static str, &'static str, &'static str);

    /// A bill with `actions`, given oldest first.
    fn bill(actions: &[Row]) -> Bill {
        Bill {
            congress: 117,
            bill_type: BillType::S,
            number: 1,
            introduced: Some("2021-01-04".into()),
            display_title: "Example Act".into(),
            titles: Vec::new(),
            laws: Vec::new(),
            actions: actions
                .iter()
                .rev()
                .map(|(date, code, text)| Action {
                    date: date.to_string(),
                    code: (!code.is_empty()).then(|| code.to_string()),
                    text: text.to_string(),
                })
                .collect(),
            summaries: Vec::new(),
        }
    }

    const SENATE: Row = (
        "2021-03-01",
        "17000",
        "Passed/agreed to in Senate: Passed Senate without amendment by Unanimous Consent.",
    );

    #[test]
    fn states_from_actions() {
        let house_amends = (
            "2021-05-01",
            "8000",
            "Passed/agreed to in House: On motion to suspend the rules and pass the bill, as amended Agreed to by voice vote.",
        );
        let senate_agrees = (
            "2021-06-01",
            "20500",
            "Resolving differences -- Senate actions: Senate agreed to the House amendment to S. 1 by Unanimous Consent.",
        );
        let vetoed = ("2021-07-01", "E30000", "Vetoed by President.");
        let cases: [(&[Row], StatusState, &str); 5] = [
            (&[], StatusState::Introduced, "2021-01-04"),
            (&[SENATE], StatusState::PassedSenate, "2021-03-01"),
            (
                &[SENATE, house_amends],
                StatusState::PassedBothUnreconciled,
                "2021-05-01",
            ),
            // Agreed, with no signature yet: the last chamber's state.
            (
                &[SENATE, house_amends, senate_agrees],
                StatusState::PassedHouse,
                "2021-05-01",
            ),
            (
                &[SENATE, house_amends, senate_agrees, vetoed],
                StatusState::Vetoed,
                "2021-07-01",
            ),
        ];
        for (actions, state, date) in cases {
            let got = status(&bill(actions), true);
            assert_eq!(
                (got.state, got.date.as_deref()),
                (state, Some(date)),
                "{actions:?}"
            );
        }
    }

    #[test]
    fn ap_dates() {
        assert_eq!(ap_date("2022-02-04"), "Feb. 4, 2022");
        assert_eq!(ap_date("2022-03-28"), "March 28, 2022");
        assert_eq!(ap_date("2018-09-12"), "Sept. 12, 2018");
        assert_eq!(ap_date("soon"), "soon");
    }

    #[test]
    fn resolving_steps() {
        assert!(settles(
            "Resolving differences -- House actions: On motion that the House agree to the Senate amendment Agreed to by voice vote."
        ));
        assert!(!settles(
            "Resolving differences -- House actions: On motion that the House agree with an amendment to the Senate amendment Agreed to by voice vote."
        ));
        assert!(settles(
            "Resolving differences -- Senate actions: Senate agreed to the House amendment to S. 1466 by Unanimous Consent."
        ));
        assert!(!settles(
            "Resolving differences -- Senate actions: Senate concurred in the House amendment to Senate amendment SA 4 to H.R. 2617 with an amendment (SA 6552)"
        ));
    }
}
