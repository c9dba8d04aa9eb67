//! Reading one govinfo BILLSTATUS XML document into a plain `Bill` record.
//!
//! Both schemas are read: the older one (`billNumber`, `billType`,
//! `summaries/billSummaries/item`, used through the 115th Congress) and the
//! current one (`number`, `type`, `summaries/summary`, version 3). Only the
//! parts the knowledge base needs are kept; everything else is skipped.

use roxmltree::{Document, Node, ParsingOptions};

/// One bill or resolution as BILLSTATUS describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bill {
    pub congress: u32,
    pub bill_type: BillType,
    pub number: u32,
    /// `YYYY-MM-DD`.
    pub introduced: Option<String>,
    /// The title Congress.gov displays (the `<title>` element).
    pub display_title: String,
    pub titles: Vec<Title>,
    pub laws: Vec<LawNumber>,
    /// Actions in the order the file lists them (newest first in practice).
    pub actions: Vec<Action>,
    pub summaries: Vec<Summary>,
}

/// The kind of measure, from `<billType>` or `<type>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BillType {
    Hr,
    S,
    Hjres,
    Sjres,
    Hconres,
    Sconres,
    Hres,
    Sres,
}

impl BillType {
    fn parse(code: &str) -> Option<BillType> {
        Some(match code.trim().to_ascii_uppercase().as_str() {
            "HR" => BillType::Hr,
            "S" => BillType::S,
            "HJRES" => BillType::Hjres,
            "SJRES" => BillType::Sjres,
            "HCONRES" => BillType::Hconres,
            "SCONRES" => BillType::Sconres,
            "HRES" => BillType::Hres,
            "SRES" => BillType::Sres,
            _ => return None,
        })
    }

    /// The lower-case code govinfo uses in paths: `hr`, `sjres`.
    pub fn code(self) -> &'static str {
        match self {
            BillType::Hr => "hr",
            BillType::S => "s",
            BillType::Hjres => "hjres",
            BillType::Sjres => "sjres",
            BillType::Hconres => "hconres",
            BillType::Sconres => "sconres",
            BillType::Hres => "hres",
            BillType::Sres => "sres",
        }
    }

    /// The citation prefix: `H.R.`, `S.J.Res.`.
    pub fn citation_prefix(self) -> &'static str {
        match self {
            BillType::Hr => "H.R.",
            BillType::S => "S.",
            BillType::Hjres => "H.J.Res.",
            BillType::Sjres => "S.J.Res.",
            BillType::Hconres => "H.Con.Res.",
            BillType::Sconres => "S.Con.Res.",
            BillType::Hres => "H.Res.",
            BillType::Sres => "S.Res.",
        }
    }
}

/// One entry of `<titles>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    pub kind: TitleKind,
    pub text: String,
}

/// What a `<titleType>` says a title is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    Display,
    Official,
    /// A short title of the whole measure, or of a portion of it, at a stage.
    Short {
        stage: Stage,
        portion: bool,
    },
    Popular,
    Other,
}

/// The stage of the legislative process a short title belongs to, in
/// process order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// "Other Short Titles": no stage given.
    Unstaged,
    Introduced,
    Reported,
    PassedOneChamber,
    Conference,
    Enacted,
}

impl TitleKind {
    /// Classifies a `<titleType>` value of either schema, such as "Short
    /// Title(s) as Passed House for portions of this bill".
    fn parse(title_type: &str) -> TitleKind {
        let t = title_type
            .trim()
            .trim_start_matches("(Extracted from GPO)")
            .trim();
        if t == "Display Title" || t == "Override Display Title" {
            return TitleKind::Display;
        }
        if t.starts_with("Official Title") {
            return TitleKind::Official;
        }
        if t.starts_with("Popular Title") {
            return TitleKind::Popular;
        }
        if t.starts_with("Short Title") || t.starts_with("Other Short Title") {
            let stage = if t.contains("as Enacted") {
                Stage::Enacted
            } else if t.contains("Conference") {
                Stage::Conference
            } else if t.contains("as Passed") {
                Stage::PassedOneChamber
            } else if t.contains("as Reported") {
                Stage::Reported
            } else if t.contains("as Introduced") {
                Stage::Introduced
            } else {
                Stage::Unstaged
            };
            let portion = t.contains("portions of");
            return TitleKind::Short { stage, portion };
        }
        TitleKind::Other
    }
}

/// A public or private law number from `<laws>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LawNumber {
    pub kind: LawKind,
    /// `117-167`.
    pub number: String,
}

impl LawNumber {
    /// `Pub. L. 117-167`, `Pvt. L. 115-1`.
    pub fn citation(&self) -> String {
        match self.kind {
            LawKind::Public => format!("Pub. L. {}", self.number),
            LawKind::Private => format!("Pvt. L. {}", self.number),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LawKind {
    Public,
    Private,
}

/// One item of `<actions>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The action code, such as `17000` (passed Senate) or `E40000`.
    pub code: Option<String>,
    pub text: String,
}

/// One CRS summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// `YYYY-MM-DD` of the action the summary describes.
    pub date: String,
    /// When the summary itself was last written, if given.
    pub updated: Option<String>,
    /// Summary text as HTML (already unescaped from the XML).
    pub html: String,
}

/// Why a document is not a readable BILLSTATUS file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line of the problem, when known.
    pub line: Option<u32>,
    pub message: String,
}

impl ParseError {
    fn missing(what: &str) -> ParseError {
        ParseError {
            line: None,
            message: format!("not a usable BILLSTATUS file: it has no {what}"),
        }
    }
}

/// The most XML nodes (elements, attributes' text, text runs) a document
/// may have. The largest BILLSTATUS document govinfo publishes, 4 MiB, has
/// about 250,000; each node costs the parse some tens of bytes, so this
/// keeps a document's tree within some hundreds of MiB whatever it holds.
pub const MAX_NODES: u32 = 2_000_000;

/// Reads a BILLSTATUS document.
pub fn parse(xml: &str) -> Result<Bill, ParseError> {
    let options = ParsingOptions {
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(xml, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => ParseError {
            line: None,
            message: format!(
                "has more than {MAX_NODES} XML nodes, far more than any BILLSTATUS \
                 document; check that it is one"
            ),
        },
        e => ParseError {
            line: Some(e.pos().row),
            message: format!("malformed XML: {e}"),
        },
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "billStatus" {
        return Err(ParseError {
            line: Some(doc.text_pos_at(root.range().start).row),
            message: format!(
                "not a BILLSTATUS file: the root element is <{}>, not <billStatus>",
                root.tag_name().name()
            ),
        });
    }
    let bill = child(root, "bill").ok_or_else(|| ParseError::missing("<bill> element"))?;

    let congress = child_text(bill, "congress")
        .and_then(|c| c.trim().parse().ok())
        .ok_or_else(|| ParseError::missing("numeric <congress>"))?;
    let type_code = child_text(bill, "billType")
        .or_else(|| child_text(bill, "type"))
        .ok_or_else(|| ParseError::missing("<billType> or <type>"))?;
    let bill_type = BillType::parse(type_code).ok_or_else(|| ParseError {
        line: None,
        message: format!("unknown bill type {type_code:?}"),
    })?;
    let number = child_text(bill, "billNumber")
        .or_else(|| child_text(bill, "number"))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| ParseError::missing("numeric <billNumber> or <number>"))?;

    let titles: Vec<Title> = children(bill, "titles")
        .filter_map(|item| {
            let text = clean_title(child_text(item, "title")?);
            let kind = TitleKind::parse(child_text(item, "titleType").unwrap_or(""));
            (!text.is_empty()).then_some(Title { kind, text })
        })
        .collect();
    let display_title = child_text(bill, "title")
        .map(clean_title)
        .filter(|t| !t.is_empty())
        .or_else(|| {
            titles
                .iter()
                .find(|t| t.kind == TitleKind::Display)
                .map(|t| t.text.clone())
        })
        .ok_or_else(|| ParseError::missing("<title>"))?;

    Ok(Bill {
        congress,
        bill_type,
        number,
        introduced: child_text(bill, "introducedDate").map(date_part),
        display_title,
        titles,
        laws: read_laws(bill),
        actions: read_actions(bill),
        summaries: read_summaries(bill),
    })
}

fn read_laws(bill: Node) -> Vec<LawNumber> {
    children(bill, "laws")
        .filter_map(|item| {
            let number = child_text(item, "number")?.trim().to_string();
            let kind = match child_text(item, "type").map(str::trim) {
                Some(t) if t.starts_with("Private") => LawKind::Private,
                _ => LawKind::Public,
            };
            (!number.is_empty()).then_some(LawNumber { kind, number })
        })
        .collect()
}

fn read_actions(bill: Node) -> Vec<Action> {
    children(bill, "actions")
        .filter_map(|item| {
            let date = date_part(child_text(item, "actionDate")?);
            let code = child_text(item, "actionCode")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string);
            let text = child_text(item, "text").unwrap_or("").trim().to_string();
            Some(Action { date, code, text })
        })
        .collect()
}

fn read_summaries(bill: Node) -> Vec<Summary> {
    let Some(summaries) = child(bill, "summaries") else {
        return Vec::new();
    };
    // The current schema lists `<summary>` directly; the older one nests
    // `<item>`s in `<billSummaries>`.
    let items = summaries
        .children()
        .filter(|n| n.has_tag_name("summary"))
        .chain(children(summaries, "billSummaries"));
    items
        .filter_map(|item| {
            let html = child_text(item, "text")?.to_string();
            let date = child_text(item, "actionDate").map(date_part)?;
            let updated = child_text(item, "lastSummaryUpdateDate")
                .or_else(|| child_text(item, "updateDate"))
                .map(|u| u.trim().to_string());
            Some(Summary {
                date,
                updated,
                html,
            })
        })
        .collect()
}

/// The first child element of `node` named `name`.
fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name(name))
}

/// The `<item>` children of `node`'s child `name`.
fn children<'a, 'i: 'a>(node: Node<'a, 'i>, name: &str) -> impl Iterator<Item = Node<'a, 'i>> {
    child(node, name)
        .into_iter()
        .flat_map(|c| c.children().filter(|n| n.has_tag_name("item")))
}

/// The text of `node`'s child `name`, CDATA included.
fn child_text<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| c.text())
}

/// The `YYYY-MM-DD` part of a date or timestamp.
fn date_part(value: &str) -> String {
    let value = value.trim();
    value.get(..10).unwrap_or(value).to_string()
}

/// A title with its whitespace collapsed.
fn clean_title(title: &str) -> String {
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_types_of_both_schemas() {
        let short = |stage, portion| TitleKind::Short { stage, portion };
        let cases = [
            ("Display Title", TitleKind::Display),
            ("Official Title as Introduced", TitleKind::Official),
            ("Short Titles as Enacted", short(Stage::Enacted, false)),
            (
                "Short Title(s) as Passed House for portions of this bill",
                short(Stage::PassedOneChamber, true),
            ),
            (
                "Other Short Titles for portions of a bill",
                short(Stage::Unstaged, true),
            ),
            (
                "(Extracted from GPO) Short Titles as Introduced",
                short(Stage::Introduced, false),
            ),
            (
                "Short Titles on Conference report",
                short(Stage::Conference, false),
            ),
            ("Popular Title", TitleKind::Popular),
        ];
        for (text, kind) in cases {
            assert_eq!(TitleKind::parse(text), kind, "{text}");
        }
    }

    #[test]
    fn malformed_xml_has_a_line() {
        let err = parse("<billStatus>\n<bill>\n<congress>117</bill>").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.starts_with("malformed XML"), "{}", err.message);
    }

    #[test]
    fn a_document_of_too_many_nodes_is_refused() {
        let items = "<item/>".repeat(MAX_NODES as usize);
        let err = parse(&format!("<billStatus>{items}</billStatus>")).unwrap_err();
        assert_eq!(err.line, None);
        assert!(err.message.starts_with("has more than 2000000 XML nodes"));
    }

    #[test]
    fn other_documents_are_refused() {
        let err = parse("<html/>").unwrap_err();
        assert!(err.message.contains("<html>"), "{}", err.message);
        let err =
            parse("<billStatus><bill><congress>117</congress></bill></billStatus>").unwrap_err();
        assert!(err.message.contains("<billType>"), "{}", err.message);
    }
}
