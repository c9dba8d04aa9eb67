//! Diagnostics, hover and quick fixes on a realistic draft. These need the
//! real quote and law analysis; until it lands they are ignored, and
//! `src/lsp/*` unit tests cover the same conversions with built findings.

mod common;

use common::fixture::{Encoding, Fixture};
use common::{outline, TestClient};
use expect_test::expect;
use serde_json::{json, Value};

const URI: &str = "file:///desk/chips.md";

/// A draft with an emoji, CJK and curly quotes before its quotes, an
/// attributed quote, an orphan quote, a known law and an unknown one.
const DRAFT: &str = r#"
# 😀 北京 briefing

“⟦We will not back down⟧,” the minister said of the ⟦CHIPS and Science Act⟧.

🎉 In 北京, the hall emptied. ⟦“This is a disgrace.”⟧

Nobody had heard of the ⟦Fair Widgets Act of 2031⟧.
"#;

async fn open(encoding: Encoding) -> (TestClient, Value) {
    let (mut client, _) = TestClient::initialized(encoding.capabilities(), None).await;
    let diagnostics = client.open(URI, &Fixture::parse(DRAFT).only().text).await;
    (client, diagnostics)
}

/// The range of `⟦text⟧` in `DRAFT`.
fn marked(text: &str, encoding: Encoding) -> Value {
    Fixture::parse(DRAFT).only().marked(text, encoding)
}

/// The text of a hover card.
fn card(hover: &Value) -> &str {
    assert_eq!(hover["contents"]["kind"], "markdown");
    hover["contents"]["value"].as_str().unwrap()
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
    for encoding in Encoding::BOTH {
        let (client, diagnostics) = open(encoding).await;
        let flagged = with_code(&diagnostics, "unattributed-quote");
        assert_eq!(flagged.len(), 1, "{encoding:?}: {diagnostics:#}");
        assert_eq!(
            flagged[0]["range"],
            marked("“This is a disgrace.”", encoding),
            "{encoding:?}"
        );
        assert_eq!(flagged[0]["source"], "copydesk");
        assert_eq!(flagged[0]["severity"], 2);
        assert_eq!(diagnostics["version"], 1);
        client.shutdown().await;
    }
}

#[tokio::test]
async fn hover_on_a_known_law_shows_its_knowledge_base_entry() {
    let (mut client, _) = open(Encoding::Utf16).await;
    let law = marked("CHIPS and Science Act", Encoding::Utf16);
    let hover = client
        .at("textDocument/hover", URI, law["start"].clone())
        .await;
    assert_eq!(hover["range"], law);
    expect![[r#"
        **CHIPS and Science Act**

        Law · US

        **Status:** enacted (2022-08-09). Signed into law on Aug. 9, 2022.

        **Citations:** Pub. L. 117-167; H.R. 4346 (117th Congress); 136 Stat. 1366

        Pays for domestic semiconductor manufacturing, chiefly about $52 billion in grants and a 25% investment tax credit for chip plants, and authorizes large increases for federal science agencies, new regional technology hubs and research programs.

        It grew out of two bills that never became law: the United States Innovation and Competition Act of 2021 (USICA, passed by the Senate) and the America COMPETES Act of 2022 (passed by the House).

        Congress moved it as an amendment to H.R. 4346, a legislative-branch funding bill, which is why its bill number is unrelated to either precursor.

        **Also known as:** CHIPS and Science Act of 2022; CHIPS Act; CHIPS-plus

        **Sources:**
        - <https://www.congress.gov/bill/117th-congress/house-bill/4346>
        - <https://www.govinfo.gov/app/details/PLAW-117publ167>
    "#]].assert_eq(card(&hover));
    client.shutdown().await;
}

#[tokio::test]
async fn the_outline_has_the_heading_its_sources_and_its_laws() {
    let (mut client, _) = open(Encoding::Utf16).await;
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .await;
    expect![[r#"
        😀 北京 briefing (string) 0:0-1:0 · heading 1
        Sources (namespace) 2:0-2:37 · 1 entry
          the minister (object) 2:0-2:37 · 1 quote
            We will not back down, (string) 2:0-2:24
        Laws (namespace) 2:50-6:48 · 2 entries
          CHIPS and Science Act (module) 2:50-2:71 · enacted 2022-08-09
          Fair Widgets Act of 2031 (module) 6:24-6:48
    "#]]
    .assert_eq(&outline::render(&symbols));
    client.shutdown().await;
}

#[tokio::test]
async fn hover_on_an_unknown_law_says_copydesk_does_not_know_it() {
    let (mut client, _) = open(Encoding::Utf8).await;
    let law = marked("Fair Widgets Act of 2031", Encoding::Utf8);
    let hover = client
        .at("textDocument/hover", URI, law["end"].clone())
        .await;
    expect![[r#"
        copydesk does not know **Fair Widgets Act of 2031**.

        Check the name against the bill or statute, or add it to the desk's glossary (a `[[law]]` table in `copydesk.toml`; the quick fix writes one) so every draft can explain it. `copydesk kb import` loads whole Congresses from govinfo's bill status data.
    "#]].assert_eq(card(&hover));
    client.shutdown().await;
}

#[tokio::test]
async fn hover_on_a_bill_that_never_became_law_says_how_far_it_got() {
    const BILL: &str = "file:///desk/competes.md";
    let (mut client, _) = TestClient::initialized(Encoding::Utf16.capabilities(), None).await;
    let draft = Fixture::parse("Backers of the ⟦America COMPETES Act of 2022⟧ gave up.\n");
    let draft = draft.only();
    client.open(BILL, &draft.text).await;
    let bill = draft.range(Encoding::Utf16);
    let hover = client
        .at("textDocument/hover", BILL, bill["start"].clone())
        .await;
    assert_eq!(hover["range"], bill);
    expect![[r#"
        **America COMPETES Act of 2022**

        Bill · US

        **Status:** passed both chambers in different versions, never reconciled; not law (2022-03-28). Passed the House on Feb. 4, 2022; the Senate passed it on March 28, 2022, with the text of its own bill (USICA) substituted. The chambers never agreed on one version, and it never became law.

        **Citations:** H.R. 4521 (117th Congress)

        The House answer to USICA: chip-manufacturing money, science and research programs, supply-chain and trade provisions. Not the same as the smaller America COMPETES Act of 2007.

        Its text became the vehicle for the negotiations that produced the CHIPS and Science Act (Pub. L. 117-167).

        **Also known as:** America Creating Opportunities for Manufacturing, Pre-Eminence in Technology, and Economic Strength Act of 2022

        **Sources:**
        - <https://www.congress.gov/bill/117th-congress/house-bill/4521>
    "#]].assert_eq(card(&hover));
    client.shutdown().await;
}

#[tokio::test]
async fn hover_on_quotes_says_who_said_them_or_that_nobody_did() {
    let (mut client, _) = open(Encoding::Utf16).await;
    let attributed = marked("We will not back down", Encoding::Utf16);
    let hover = client
        .at("textDocument/hover", URI, attributed["start"].clone())
        .await;
    expect![[r#"
        **Direct quote**

        > We will not back down,

        Attributed to **the minister**, in its own sentence (“the minister said”).

        The draft never names who this is.
    "#]]
    .assert_eq(card(&hover));

    let orphan = marked("“This is a disgrace.”", Encoding::Utf16);
    let hover = client
        .at("textDocument/hover", URI, orphan["start"].clone())
        .await;
    assert_eq!(hover["range"], orphan);
    expect![[r#"
        **Direct quote**

        > This is a disgrace.

        Nobody is credited with this quote. The copy desk will want a source: add who said it, as in `, the minister said.`
    "#]].assert_eq(card(&hover));
    client.shutdown().await;
}

#[tokio::test]
async fn the_orphan_quote_offers_a_plain_text_quick_fix() {
    let (mut client, _) = open(Encoding::Utf16).await;
    let orphan = marked("“This is a disgrace.”", Encoding::Utf16);
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
    const GRANTS: &str = "file:///desk/grants.md";
    let (mut client, _) = TestClient::initialized(Encoding::Utf16.capabilities(), None).await;
    let typed = Fixture::parse("Grants under the ⟦Inflation Red$0⟧");
    let typed = typed.only();
    client.open(GRANTS, &typed.text).await;
    let items = client
        .at(
            "textDocument/completion",
            GRANTS,
            typed.cursor(Encoding::Utf16),
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
    // The edit replaces what was typed of the title.
    assert_eq!(items[0]["textEdit"]["range"], typed.range(Encoding::Utf16));

    // Two letters are not enough.
    let typed = Fixture::parse("Grants under the In$0");
    let typed = typed.only();
    client
        .change(GRANTS, 2, json!([{ "text": typed.text }]))
        .await;
    let few = client
        .at(
            "textDocument/completion",
            GRANTS,
            typed.cursor(Encoding::Utf16),
        )
        .await;
    assert_eq!(few, json!([]));
    client.shutdown().await;
}
