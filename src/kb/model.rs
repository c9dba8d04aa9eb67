use serde::{Deserialize, Serialize};

/// A stable entry id: `us/pl/117-167`, `us/bill/117/hr4521`,
/// `us/provision/wolf-amendment`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LawId(String);

impl LawId {
    pub fn new(id: impl Into<String>) -> Self {
        LawId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for LawId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Law,
    Bill,
    Provision,
    Regulation,
    Treaty,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Law => "law",
            Kind::Bill => "bill",
            Kind::Provision => "provision",
            Kind::Regulation => "regulation",
            Kind::Treaty => "treaty",
        }
    }
}

/// Where a law or bill stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatusState {
    Enacted,
    PassedHouse,
    PassedSenate,
    /// Passed both chambers in different versions, never reconciled.
    PassedBothUnreconciled,
    Introduced,
    Vetoed,
    Repealed,
    /// Enacted, then changed in a way that matters to readers; the note
    /// says how (the amendments list says when).
    Amended,
    /// Enacted; some of it has since been repealed.
    PartlyRepealed,
    /// Enacted, then held unconstitutional or void by a court, in whole or
    /// in part (the note says which).
    StruckDown,
    /// Enacted or in force for a term that has run out (a sunset).
    Expired,
    /// A treaty signed but not ratified by the party the entry is about.
    Signed,
    /// A treaty ratified, or otherwise binding on the party.
    Ratified,
    /// A treaty the party has left.
    Withdrawn,
    /// In force by other means (regulation, treaty, rule).
    InForce,
    /// Not recorded: a glossary entry that gives no status.
    Unknown,
}

impl StatusState {
    /// Whether something in this state ever became law.
    pub fn is_law(self) -> bool {
        matches!(
            self,
            StatusState::Enacted
                | StatusState::Amended
                | StatusState::PartlyRepealed
                | StatusState::Repealed
                | StatusState::StruckDown
                | StatusState::Expired
                | StatusState::Ratified
                | StatusState::Withdrawn
                | StatusState::InForce
        )
    }

    /// Whether the record says it never became law: a bill that stopped
    /// somewhere on the way, or was vetoed. `Unknown` says nothing.
    pub fn never_enacted(self) -> bool {
        !self.is_law() && self != StatusState::Unknown
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub state: StatusState,
    /// ISO date of the state, `YYYY-MM-DD`, when known.
    #[serde(default)]
    pub date: Option<String>,
    /// A sentence for the hover: "Passed the House on Feb. 4, 2022; never
    /// became law."
    #[serde(default)]
    pub note: Option<String>,
}

/// One law, bill, provision, regulation or treaty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: LawId,
    pub kind: Kind,
    /// `us`, `eu`, `uk`, `cn` ...
    pub jurisdiction: String,
    pub title: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `Pub. L. 117-167`, `H.R. 4346 (117th Congress)`, `47 U.S.C. 230`.
    #[serde(default)]
    pub citations: Vec<String>,
    pub status: Status,
    pub summary: String,
    /// Plain sentences about other entries: "Its text became the vehicle for
    /// the CHIPS and Science Act."
    #[serde(default)]
    pub related: Vec<String>,
    pub sources: Vec<String>,
    /// Later laws that changed this one, oldest first: a mention written
    /// with one of their years ("Clean Air Act of 1990") is this law as
    /// amended, not a wrong year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<Amendment>,
}

/// One later law that changed an entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// `YYYY` or `YYYY-MM-DD`.
    pub date: String,
    /// "Clean Air Act Amendments of 1990", when it has a name.
    #[serde(default)]
    pub name: Option<String>,
    /// "Pub. L. 101-549".
    #[serde(default)]
    pub citation: Option<String>,
}

impl Amendment {
    /// The year the amendment was made.
    pub fn year(&self) -> &str {
        self.date.get(..4).unwrap_or(&self.date)
    }
}

impl Status {
    /// A short status line: `enacted 2022-08-09`, `passed House 2022-02-04;
    /// never enacted`.
    pub fn short(&self) -> String {
        let state = match self.state {
            StatusState::Enacted => "enacted",
            StatusState::PassedHouse => "passed House",
            StatusState::PassedSenate => "passed Senate",
            StatusState::PassedBothUnreconciled => "passed both chambers in different versions",
            StatusState::Introduced => "introduced",
            StatusState::Vetoed => "vetoed",
            StatusState::Repealed => "repealed",
            StatusState::Amended => "amended",
            StatusState::PartlyRepealed => "partly repealed",
            StatusState::StruckDown => "struck down",
            StatusState::Expired => "expired",
            StatusState::Signed => "signed",
            StatusState::Ratified => "ratified",
            StatusState::Withdrawn => "withdrawn",
            StatusState::InForce => "in force",
            StatusState::Unknown => "status not recorded",
        };
        let mut line = match &self.date {
            Some(date) => format!("{state} {date}"),
            None => state.to_string(),
        };
        if self.state == StatusState::Signed {
            line.push_str("; not ratified");
        } else if self.state.never_enacted() {
            line.push_str("; not enacted");
        }
        line
    }
}
