//! The nouns that can head the description of a speaker (`the
//! spokesperson`, `officials`, `the ministry`, `protesters`, `the memo`),
//! the party and faith adjectives that never speak alone, and the gender a
//! title or role noun says (`Mrs.`, `spokeswoman`). Tagging reads
//! them into `Tags::SPEAKS` and its kin once per word.

use super::lexicon::WordSet;
use super::names::Gender;

/// Head nouns of anonymous sources.
#[rustfmt::skip]
pub static ANONYMOUS_HEADS: WordSet = WordSet::new(&[
    "source", "sources", "official", "officials", "person", "people", "insider", "insiders",
    "aide", "aides", "diplomat", "diplomats", "individual", "individuals",
]);

/// Plural nouns for several people who are no organisation: the heads of
/// a group that speaks (`protesters chanted`, `Democrats said`).
#[rustfmt::skip]
pub static GROUP_HEADS: WordSet = WordSet::new(&[
    "protesters", "protestors", "demonstrators", "voters", "supporters", "critics", "opponents",
    "residents", "democrats", "republicans", "conservatives", "liberals", "progressives",
    "lawmakers", "legislators", "senators", "analysts", "experts", "economists", "activists",
    "advocates", "students", "parents", "workers", "members", "leaders", "fans", "delegates",
    "attendees", "participants", "candidates", "citizens", "farmers", "teachers", "scientists",
    "researchers", "doctors", "nurses", "executives", "investors", "owners", "employees",
    "organizers", "organisers", "volunteers", "veterans", "families", "neighbors", "neighbours",
    "observers", "commentators", "pundits", "strategists", "pollsters", "donors", "backers",
    "allies", "rivals", "skeptics", "detractors", "defenders", "proponents", "authors", "writers",
    "editors", "reporters", "journalists", "historians", "scholars", "economists", "prosecutors",
    "investigators", "judges", "attorneys", "lawyers", "police", "troops", "soldiers", "crowd",
    "audience", "protesters", "marchers", "chanters", "delegations", "americans", "europeans",
    "both", "others", "many", "some",
]);

/// Nouns for a person, which can head a description that speaks (`the
/// spokesperson said`, `a longtime adviser said`). Words ending in `-er`,
/// `-or`, `-ist` or `-ian` count too (`is_person_noun`).
#[rustfmt::skip]
pub static PERSON_NOUNS: WordSet = WordSet::new(&[
    "spokesperson", "spokesman", "spokeswoman", "official", "aide", "adviser", "advisor", "lawyer",
    "graduate", "alumnus", "alumna",
    "attorney", "candidate", "nominee", "senator", "congressman", "congresswoman",
    "representative", "governor", "mayor", "president", "secretary", "minister", "ambassador",
    "director", "chairman", "chairwoman", "chair", "chief", "executive", "ceo", "founder",
    "professor", "analyst", "expert", "economist", "strategist", "consultant", "pollster",
    "operative", "activist", "advocate", "organizer", "leader", "member", "manager", "host",
    "anchor", "moderator", "reporter", "correspondent", "columnist", "writer", "author", "editor",
    "historian", "scientist", "researcher", "doctor", "nurse", "teacher", "student", "resident",
    "voter", "supporter", "critic", "witness", "neighbor", "neighbour", "friend", "mother",
    "father", "son", "daughter", "wife", "husband", "man", "woman", "boy", "girl", "owner",
    "worker", "officer", "detective", "sheriff", "judge", "justice", "prosecutor", "investigator",
    "agent", "soldier", "veteran", "pastor", "priest", "rabbi", "imam", "bishop", "pope", "king",
    "queen", "prince", "princess", "celebrity", "actor", "actress", "singer", "star", "coach",
    "player", "delegate", "lawmaker", "legislator", "billionaire", "businessman", "businesswoman",
    "mogul", "commentator", "pundit", "blogger", "donor", "volunteer", "staffer", "employee",
    "insider", "diplomat", "general", "colonel", "commander", "source", "person", "individual",
    "candidate", "frontrunner", "front-runner", "incumbent", "challenger", "governor",
    "lieutenant", "deputy", "assistant", "clerk", "trustee", "commissioner", "superintendent",
    "principal", "physician", "surgeon", "neurosurgeon", "entrepreneur", "investor", "economist",
    "ally", "rival", "opponent", "colleague", "partner", "boss", "veteran", "victim", "survivor",
    "parent", "child", "grandmother", "grandfather", "brother", "sister", "uncle", "aunt",
    "cousin", "nephew", "niece", "fan", "guest", "panelist", "moderator", "congressional",
    "republican", "democrat", "conservative", "liberal", "progressive", "independent",
    "libertarian", "confidant", "consultant", "assistant", "participant", "immigrant", "resident",
    "student", "agent", "opponent", "attendant", "defendant", "plaintiff", "claimant", "informant",
    "applicant", "migrant", "servant", "tenant", "merchant", "lieutenant", "sergeant",
    "correspondent", "respondent", "dissident", "parent", "president", "incumbent", "constituent",
    "recipient", "spokesmen", "spokeswomen", "spokespeople", "people", "friends", "relatives",
    "user", "netizen", "commenter", "caller", "listener", "viewer", "reader", "onlooker",
    "bystander", "shopper", "passenger", "driver", "customer", "patient", "inmate", "prisoner",
    "refugee", "protester", "protestor", "demonstrator", "marcher", "attendee", "spectator",
    "legend", "icon", "hero", "athlete", "quarterback", "comedian", "rapper", "musician",
    "artist", "filmmaker", "producer", "novelist", "poet", "entertainer", "tycoon", "magnate",
    "heiress", "designer", "chef", "pilot", "farmer", "rancher", "retiree", "homeowner", "mom",
    "dad", "preacher", "evangelist", "theologian",
]);

/// Lower-case nouns for an organisation: the head of a description that
/// speaks for one (`the ministry said`), or a word after a name that makes
/// it one (`the Trump campaign`).
#[rustfmt::skip]
pub static ORG_NOUNS: WordSet = WordSet::new(&[
    "campaign", "administration", "government", "ministry", "department", "company", "agency",
    "office", "committee", "team", "camp", "firm", "organization", "organisation", "network",
    "newspaper", "paper", "board", "council", "court", "party", "union", "coalition", "university",
    "school", "police", "embassy", "army", "military", "commission", "group", "institute",
    "foundation", "association", "corporation", "bank", "fund", "channel", "station", "outlet",
    "publication", "magazine", "website", "site", "service", "bureau", "authority", "regime",
    "cabinet", "parliament", "legislature", "congress", "senate", "house", "caucus", "club",
    "league", "federation", "alliance", "movement", "church", "hospital", "district", "county",
    "city", "state", "country", "nation", "pac", "charity", "nonprofit", "town", "village",
    "township", "borough", "municipality",
]);

/// Nouns for a document that a draft may quote as its source: `the
/// statement said`, `the ad says`, `the memo read`.
#[rustfmt::skip]
pub static DOCUMENT_NOUNS: WordSet = WordSet::new(&[
    "statement", "statements", "email", "e-mail", "emails", "letter", "memo", "ad", "ads",
    "advertisement", "report", "editorial", "release", "tweet", "tweets", "post", "message",
    "note", "lawsuit", "suit", "complaint", "filing", "document", "documents", "ruling", "order",
    "opinion", "decision", "poll", "survey", "study", "analysis", "headline", "sign", "banner",
    "slogan", "website", "page", "video", "book", "article", "column", "story", "transcript",
    "text", "petition", "resolution", "platform", "motion", "card", "flyer", "memoir", "speech",
    "cable", "indictment", "affidavit", "brief", "plan", "proposal", "guidance", "policy",
    "caption", "script", "spot", "commercial", "voice-over", "narrator", "label", "placard",
    "billboard", "verdict", "warrant", "summary", "findings", "audit", "review",
]);

/// Party, ideology and faith words: adjectives before a noun (`Republican
/// claims`, `Muslim voters`), never a speaker alone.
#[rustfmt::skip]
pub static AFFILIATIONS: WordSet = WordSet::new(&[
    "republican", "democratic", "democrat", "gop", "conservative", "liberal", "progressive",
    "libertarian", "independent", "muslim", "latino", "latin", "jewish", "christian", "catholic",
    "evangelical",
]);

/// Adjectives of regions and peoples that are no country's: with a
/// capital they modify (`many Asian states`) as a country's do.
#[rustfmt::skip]
pub static REGION_ADJECTIVES: WordSet = WordSet::new(&[
    "asian", "european", "african", "arab", "arabian", "western", "eastern", "northern",
    "southern", "caribbean", "scandinavian", "nordic", "baltic", "balkan", "slavic", "hispanic",
    "pacific", "atlantic", "mediterranean", "arctic", "andean", "kurdish", "pashtun", "uyghur",
    "uighur", "tamil", "berber", "sub-saharan", "transatlantic",
]);

/// Whether a lower-case word is a party, ideology or faith adjective.
pub fn is_affiliation(word: &str) -> bool {
    AFFILIATIONS.contains(&word)
}

/// Whether a lower-case word names a person: a word of `PERSON_NOUNS`, or a
/// word ending in `-er`, `-or`, `-ist` or `-ian` (`organizer`,
/// `director`, `activist`, `politician`).
pub fn is_person_noun(word: &str) -> bool {
    PERSON_NOUNS.contains(&word) || person_by_ending(word)
}

/// Whether a lower-case word off the lists has the ending of a noun for a
/// person (`organizer`, `director`, `activist`, `politician`) and is none
/// of the common words that share it (`former`, `senior`, `border`).
pub fn person_by_ending(word: &str) -> bool {
    word.len() > 5
        && (word.ends_with("er")
            || word.ends_with("or")
            || word.ends_with("ist")
            || word.ends_with("ian")
            // `radioman`, `anchorwoman`, `chairperson`.
            || word.ends_with("man")
            || word.ends_with("woman")
            || word.ends_with("person"))
        && !NOT_PERSONS.contains(&word)
}

/// Adjectives, adverbs and nouns with a person's ending that name nobody:
/// before a noun they are its modifiers (`a former defense official`, `a
/// senior administration official`, `a border patrol agent`).
#[rustfmt::skip]
static NOT_PERSONS: WordSet = WordSet::new(&[
    "former", "senior", "junior", "superior", "inferior", "interior", "exterior", "ulterior",
    "human", "inhuman", "superhuman", "german", "roman", "ottoman", "talisman",
    "another", "either", "neither", "whether", "further", "rather", "together", "however",
    "whatever", "whenever", "wherever", "whoever", "forever", "moreover", "sinister", "bitter",
    "clever", "proper", "longer", "larger", "bigger", "greater", "smaller", "higher", "better",
    "stronger", "weaker", "tougher", "harder", "easier", "earlier", "faster", "slower", "broader",
    "deeper", "closer", "clearer", "richer", "poorer", "younger", "bolder", "cheaper", "sooner",
    "lesser", "border", "center", "letter", "matter", "chapter", "quarter", "number", "summer",
    "winter", "mirror", "horror", "terror", "factor", "sector", "vector", "corridor", "behavior",
    "flavor", "harbor", "october", "november", "december", "september", "thunder", "murder",
    "disorder", "shelter", "finger", "corner", "answer", "manner", "dinner", "banner", "rubber",
    "silver", "copper", "poster", "sticker", "trailer", "platter", "barrier", "christian", "median",
    "meridian", "indian", "canadian", "italian", "australian", "egyptian", "russian", "iranian",
    "syrian", "ukrainian", "nigerian", "brazilian", "colombian", "haitian", "belgian", "norwegian",
    "hungarian", "bulgarian", "romanian", "palestinian", "tunisian", "algerian", "jordanian",
    "austrian", "armenian", "mauritanian", "utilitarian", "authoritarian", "totalitarian",
    "humanitarian", "egalitarian", "unitarian", "agrarian", "sectarian", "nonsectarian",
    "draconian", "orwellian", "marxist-leninist",
]);

/// Whether a lower-case word is a noun for an organisation that can head
/// a description (`the ministry`) or follow a name (`the Trump campaign`).
pub fn is_org_noun(word: &str) -> bool {
    ORG_NOUNS.contains(&word)
}

/// The gender a title says: `Mr.` and `Mrs.`.
pub fn title_gender(title: &str) -> Option<Gender> {
    match title.to_ascii_lowercase().as_str() {
        "mr." | "mr" | "sir" | "king" | "prince" | "lord" => Some(Gender::Male),
        "mrs." | "mrs" | "ms." | "ms" | "miss" | "madam" | "dame" | "lady" | "queen"
        | "princess" | "first lady" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a role noun says: `spokesman`, `congresswoman`.
pub fn role_gender(role: &str) -> Option<Gender> {
    if role.ends_with("woman") || matches!(role, "mother" | "wife" | "daughter" | "actress") {
        Some(Gender::Female)
    } else if role.ends_with("man") && role != "human" {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Whether a capitalised word of an organisation's name marks a public
/// body or a party, not a business: `Ministry`, `Senate`, `Party`.
pub fn is_public_body_word(word: &str) -> bool {
    matches!(
        word,
        "Ministry"
            | "Department"
            | "Agency"
            | "Administration"
            | "Party"
            | "Committee"
            | "Congress"
            | "Senate"
            | "House"
            | "Council"
            | "Court"
            | "Police"
            | "Government"
            | "Commission"
            | "Bureau"
            | "Office"
            | "Army"
            | "Navy"
            | "Campaign"
            | "University"
            | "School"
            | "Church"
            | "Union"
    )
}

/// Whether a name is a news outlet's, which reports what
/// others say rather than speaking: `the Washington Examiner`, `CNN`.
pub fn is_news_outlet(name: &str) -> bool {
    const LAST_WORDS: &[&str] = &[
        "Times",
        "Post",
        "News",
        "Journal",
        "Examiner",
        "Sentinel",
        "Tribune",
        "Press",
        "Herald",
        "Globe",
        "Gazette",
        "Magazine",
        "Reuters",
        "Bloomberg",
        "Politico",
        "POLITICO",
        "CNN",
        "MSNBC",
        "NPR",
        "BBC",
        "ABC",
        "CBS",
        "NBC",
        "AP",
        "Breitbart",
        "Reporter",
        "Star",
        "Chronicle",
        "Inquirer",
        "Daily",
        "Telegraph",
        "Guardian",
        "Axios",
        "Hill",
        "Ledger",
        "Register",
        "Courier",
        "Dispatch",
        "Observer",
        "Bee",
        "Enquirer",
        "Bulletin",
        "Monitor",
        "Mirror",
        "Sun",
        "Independent",
        "Review",
        "Record",
        "Wire",
        "Today",
        "Advocate",
    ];
    name.split_whitespace()
        .next_back()
        .is_some_and(|last| LAST_WORDS.contains(&last))
}

/// Whether a name's last word makes it a law's: `Act`, `Amendment`.
pub fn is_law_word(word: &str) -> bool {
    matches!(
        word,
        "Act"
            | "Acts"
            | "Amendment"
            | "Amendments"
            | "Bill"
            | "Law"
            | "Treaty"
            | "Accord"
            | "Accords"
            | "Agreement"
            | "Convention"
            | "Code"
            | "Rule"
            | "Rules"
            | "Charter"
            | "Protocol"
            | "Resolution"
            | "Statute"
            | "Doctrine"
            | "Plan"
            | "Program"
            | "Initiative"
    )
}
