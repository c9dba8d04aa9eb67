//! Diagnostics, hover and quick fixes on a realistic draft. These need the
//! real quote and law analysis; until it lands they are ignored, and
//! `src/lsp/*` unit tests cover the same conversions with built findings.

mod common;

use common::TestClient;
use serde_json::{json, Value};

const URI: &str = "file:///desk/chips.md";

/// A draft with an emoji, CJK and curly quotes before its quotes, an
/// attributed quote, an orphan quote, a known law and an unknown one.
const DRAFT: &str = "# 😀 北京 briefing\n\
\n\
“We will not back down,” the minister said of the CHIPS and Science Act.\n\
\n\
🎉 In 北京, the hall emptied. “This is a disgrace.”\n\
\n\
Nobody had heard of the Fair Widgets Act of 2031.\n";

/// The range of the first `needle` in `DRAFT`, with columns counted by
/// hand in `encoding` (independently of copydesk's `LineIndex`).
fn range_of(needle: &str, encoding: &str) -> Value {
    let at = DRAFT.find(needle).expect("the needle is in the draft");
    json!({ "start": position_at(at, encoding), "end": position_at(at + needle.len(), encoding) })
}

fn position_at(offset: usize, encoding: &str) -> Value {
    let before = &DRAFT[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let prefix = &DRAFT[line_start..offset];
    let character = match encoding {
        "utf-8" => prefix.len(),
        _ => prefix.encode_utf16().count(),
    };
    json!({ "line": line, "character": character })
}

async fn open(encoding: &str) -> (TestClient, Value) {
    let capabilities = json!({ "general": { "positionEncodings": [encoding] } });
    let (mut client, _) = TestClient::initialized(capabilities, None).await;
    let diagnostics = client.open(URI, DRAFT).await;
    (client, diagnostics)
}

fn with_code<'a>(diagnostics: &'a Value, code: &str) -> Vec<&'a Value> {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

#[tokio::test]
async fn the_orphan_quote_is_flagged_at_the_right_columns_in_both_encodings() {
    let orphan = "“This is a disgrace.”";
    for encoding in ["utf-16", "utf-8"] {
        let (client, diagnostics) = open(encoding).await;
        let flagged = with_code(&diagnostics, "unattributed-quote");
        assert_eq!(flagged.len(), 1, "{encoding}: {diagnostics:#}");
        assert_eq!(
            flagged[0]["range"],
            range_of(orphan, encoding),
            "{encoding}"
        );
        assert_eq!(flagged[0]["source"], "copydesk");
        assert_eq!(flagged[0]["severity"], 2);
        assert_eq!(diagnostics["version"], 1);
        client.shutdown().await;
    }
}

#[tokio::test]
async fn hover_on_a_known_law_shows_its_knowledge_base_entry() {
    let (mut client, _) = open("utf-16").await;
    let law = range_of("CHIPS and Science Act", "utf-16");
    let hover = client
        .at("textDocument/hover", URI, law["start"].clone())
        .await;
    assert_eq!(hover["range"], law);
    assert_eq!(hover["contents"]["kind"], "markdown");
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.starts_with("**CHIPS and Science Act**"), "{card}");
    assert!(card.contains("Law · US"), "{card}");
    assert!(card.contains("**Status:** enacted"), "{card}");
    assert!(card.contains("Pub. L. 117-167"), "{card}");
    client.shutdown().await;
}

#[tokio::test]
async fn hover_on_an_unknown_law_says_copydesk_does_not_know_it() {
    let (mut client, _) = open("utf-8").await;
    let law = range_of("Fair Widgets Act of 2031", "utf-8");
    let hover = client
        .at("textDocument/hover", URI, law["end"].clone())
        .await;
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(
        card.starts_with("copydesk does not know **Fair Widgets Act of 2031**."),
        "{card}"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn hover_on_quotes_says_who_said_them_or_that_nobody_did() {
    let (mut client, _) = open("utf-16").await;
    let attributed = range_of("We will not back down", "utf-16");
    let hover = client
        .at("textDocument/hover", URI, attributed["start"].clone())
        .await;
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.starts_with("**Direct quote**"), "{card}");
    assert!(card.contains("Attributed to **the minister**"), "{card}");
    assert!(
        card.contains("in its own sentence (“the minister said”)"),
        "{card}"
    );

    let orphan = range_of("“This is a disgrace.”", "utf-16");
    let hover = client
        .at("textDocument/hover", URI, orphan["start"].clone())
        .await;
    assert_eq!(hover["range"], orphan);
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(
        card.contains("Nobody is credited with this quote. The copy desk will want a source"),
        "{card}"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn the_orphan_quote_offers_a_plain_text_quick_fix() {
    let (mut client, _) = open("utf-16").await;
    let orphan = range_of("“This is a disgrace.”", "utf-16");
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": URI },
                "range": { "start": orphan["start"], "end": orphan["start"] },
                "context": { "diagnostics": [] },
            }),
        )
        .await;
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["diagnostics"][0]["code"] == "unattributed-quote")
        .unwrap_or_else(|| panic!("no quick fix for the orphan quote: {actions:#?}"));
    assert_eq!(fix["kind"], "quickfix");
    let edits = fix["edit"]["changes"][URI].as_array().unwrap();
    assert!(!edits.is_empty());
    for edit in edits {
        let text = edit["newText"].as_str().unwrap();
        assert!(!text.contains("${") && !text.contains("$0"), "{text}");
    }
    client.shutdown().await;
}

#[tokio::test]
async fn typing_the_start_of_a_law_title_offers_it() {
    let capabilities = json!({ "general": { "positionEncodings": ["utf-16"] } });
    let (mut client, _) = TestClient::initialized(capabilities, None).await;
    let text = "Grants under the Inflation Red";
    client.open("file:///desk/grants.md", text).await;
    let end = json!({ "line": 0, "character": text.len() });
    let items = client
        .at(
            "textDocument/completion",
            "file:///desk/grants.md",
            end.clone(),
        )
        .await;
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        vec!["Inflation Reduction Act of 2022", "Inflation Reduction Act"]
    );
    let edit = &items[0]["textEdit"];
    assert_eq!(
        edit["range"]["start"],
        json!({ "line": 0, "character": 17 })
    );
    assert_eq!(edit["range"]["end"], end);

    // Two letters are not enough.
    client
        .change(
            "file:///desk/grants.md",
            2,
            json!([{ "text": "Grants under the In" }]),
        )
        .await;
    let few = client
        .at(
            "textDocument/completion",
            "file:///desk/grants.md",
            json!({ "line": 0, "character": 19 }),
        )
        .await;
    assert_eq!(few, json!([]));
    client.shutdown().await;
}
