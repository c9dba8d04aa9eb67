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
            StatusState::Enacted | StatusState::Repealed | StatusState::InForce
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
            StatusState::InForce => "in force",
            StatusState::Unknown => "status not recorded",
        };
        let mut line = match &self.date {
            Some(date) => format!("{state} {date}"),
            None => state.to_string(),
        };
        if self.state.never_enacted() {
            line.push_str("; not enacted");
        }
        line
    }
}
