//! Speakers in the editor: hover, inlay hints, the outline, workspace
//! symbols, references and rename across drafts.

mod common;

use common::fixture::{Encoding, Fixture};
use common::{outline, TestClient};
use expect_test::expect;
use serde_json::{json, Value};

/// Two drafts about one person; every mention of her is marked.
const DESK: &str = r#"
//- /hearing.md
# Water board hearing

⟦Renata Salgado⟧, who chairs the water board, opened the hearing.

"Half of our mains are older than I am," ⟦Salgado⟧ said.

"We can replace them on a schedule," ⟦she said⟧.
//- /follow-up.md
# Rates vote delayed

"We need another month," said ⟦Renata Salgado⟧.
"#;

/// The range of `⟦text⟧` in the hearing draft, in UTF-16.
fn in_hearing(text: &str) -> Value {
    Fixture::parse(DESK)
        .file("/hearing.md")
        .marked(text, Encoding::Utf16)
}

async fn workspace() -> (tempfile::TempDir, TestClient, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let desk = Fixture::parse(DESK);
    desk.write_to(dir.path());
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    client.log_containing("indexed 2 drafts").await;
    let hearing = desk.file("/hearing.md").uri_in(dir.path());
    let follow_up = desk.file("/follow-up.md").uri_in(dir.path());
    client.open(&hearing, &desk.file("/hearing.md").text).await;
    (dir, client, hearing, follow_up)
}

#[tokio::test]
async fn hover_on_a_pronoun_names_the_speaker_and_their_quotes() {
    let (_dir, mut client, hearing, _) = workspace().await;
    let hover = client
        .at(
            "textDocument/hover",
            &hearing,
            in_hearing("she said")["start"].clone(),
        )
        .await;
    let card = hover["contents"]["value"].as_str().unwrap();
    expect![[r#"
        **Renata Salgado**

        “she” here refers to Renata Salgado.

        2 quotes in this draft:

        - “Half of our mains are older than I am,”
        - “We can replace them on a schedule,”

        Across the workspace: 3 quotes in 2 drafts.
    "#]]
    .assert_eq(card);
    client.shutdown().await;
}

#[tokio::test]
async fn inlay_hints_name_who_a_pronoun_means() {
    let (_dir, mut client, hearing, _) = workspace().await;
    let hints = client
        .request(
            "textDocument/inlayHint",
            json!({
                "textDocument": { "uri": hearing },
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 7, "character": 0 } },
            }),
        )
        .await;
    assert_eq!(
        hints,
        json!([{
            "position": in_hearing("she said")["end"],
            "label": "▸ Renata Salgado",
            "tooltip": "“she” → Renata Salgado: the pronoun means the most salient person before it.",
            "paddingLeft": true,
            "paddingRight": false,
        }])
    );
    client.shutdown().await;
}

#[tokio::test]
async fn inlay_hints_can_be_switched_off() {
    let (mut client, _) = TestClient::initialized_with(
        json!({}),
        None,
        json!({ "inlayHints": { "enabled": false } }),
    )
    .await;
    let desk = Fixture::parse(DESK);
    client
        .open("file:///desk/h.md", &desk.file("/hearing.md").text)
        .await;
    let hints = client
        .request(
            "textDocument/inlayHint",
            json!({
                "textDocument": { "uri": "file:///desk/h.md" },
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 7, "character": 0 } },
            }),
        )
        .await;
    assert_eq!(hints, json!([]));
    client.shutdown().await;
}

#[tokio::test]
async fn the_outline_has_headings_and_a_sources_group() {
    let (_dir, mut client, hearing, _) = workspace().await;
    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": hearing } }),
        )
        .await;
    expect![[r#"
        Water board hearing (string) 0:0-1:0 · heading 1
        Sources (namespace) 2:0-6:40 · 1 entry
          Renata Salgado (object) 2:0-6:40 · 2 quotes
            Half of our mains are older than I am, (string) 4:0-4:40
            We can replace them on a schedule, (string) 6:0-6:36
    "#]]
    .assert_eq(&outline::render(&symbols));
    client.shutdown().await;
}

#[tokio::test]
async fn workspace_symbols_find_speakers_in_every_draft() {
    let (_dir, mut client, _, follow_up) = workspace().await;
    let symbols = client
        .request("workspace/symbol", json!({ "query": "salg" }))
        .await;
    let found: Vec<(&str, &str)> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["location"]["uri"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(found.len(), 2, "{symbols:#}");
    assert!(found.contains(&("Renata Salgado", follow_up.as_str())));
    client.shutdown().await;
}

#[tokio::test]
async fn references_on_a_speaker_span_open_and_unopened_drafts() {
    let (_dir, mut client, hearing, follow_up) = workspace().await;
    let refs = client
        .at(
            "textDocument/references",
            &hearing,
            in_hearing("Salgado")["start"].clone(),
        )
        .await;
    let mut found: Vec<(String, u64)> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["uri"].as_str().unwrap().to_string(),
                l["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    found.sort();
    // Every name and pronoun marked in the fixture is a reference.
    let desk = Fixture::parse(DESK);
    let mut expected: Vec<(String, u64)> =
        [(&hearing, "/hearing.md"), (&follow_up, "/follow-up.md")]
            .into_iter()
            .flat_map(|(uri, path)| {
                desk.file(path)
                    .ranges(Encoding::Utf16)
                    .into_iter()
                    .map(|range| (uri.clone(), range["start"]["line"].as_u64().unwrap()))
            })
            .collect();
    expected.sort();
    assert_eq!(found, expected);
    client.shutdown().await;
}

#[tokio::test]
async fn rename_changes_full_names_and_surnames_in_every_draft_and_nothing_else() {
    let (_dir, mut client, hearing, follow_up) = workspace().await;
    let at = in_hearing("Salgado")["start"].clone();
    let prepared = client
        .request(
            "textDocument/prepareRename",
            json!({ "textDocument": { "uri": hearing }, "position": at }),
        )
        .await;
    assert_eq!(prepared["placeholder"], "Renata Salgado");
    let on_pronoun = client
        .request(
            "textDocument/prepareRename",
            json!({ "textDocument": { "uri": hearing }, "position": in_hearing("she said")["start"] }),
        )
        .await;
    assert_eq!(on_pronoun, Value::Null);

    let edit = client
        .request(
            "textDocument/rename",
            json!({ "textDocument": { "uri": hearing }, "position": at, "newName": "Renata Salgado-Ruiz" }),
        )
        .await;
    let edits = |uri: &str| -> Vec<(u64, String)> {
        let mut e: Vec<(u64, String)> = edit["changes"][uri]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["range"]["start"]["line"].as_u64().unwrap(),
                    e["newText"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        e.sort();
        e
    };
    let line_of = |path: &str, text: &str| {
        Fixture::parse(DESK)
            .file(path)
            .marked(text, Encoding::Utf16)["start"]["line"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(
        edits(&hearing),
        vec![
            (
                line_of("/hearing.md", "Renata Salgado"),
                "Renata Salgado-Ruiz".to_string()
            ),
            (
                line_of("/hearing.md", "Salgado"),
                "Salgado-Ruiz".to_string()
            )
        ]
    );
    assert_eq!(
        edits(&follow_up),
        vec![(
            line_of("/follow-up.md", "Renata Salgado"),
            "Renata Salgado-Ruiz".to_string()
        )]
    );
    client.shutdown().await;
}

#[tokio::test]
async fn definition_of_a_speaker_is_their_first_full_name_in_the_draft() {
    let (_dir, mut client, hearing, _) = workspace().await;
    let definition = client
        .at(
            "textDocument/definition",
            &hearing,
            in_hearing("she said")["start"].clone(),
        )
        .await;
    assert_eq!(definition["uri"], hearing);
    assert_eq!(
        definition["range"]["start"],
        in_hearing("Renata Salgado")["start"]
    );
    client.shutdown().await;
}

#[tokio::test]
async fn rename_reaches_drafts_that_name_the_person_without_quoting_them() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Fixture::parse(
        r#"
        //- /briefing.md
        Lin Haoran, a spokesperson for the ministry, took questions.

        "We publish the catch every quarter," $0Lin said.
        //- /minutes.md
        # Notes

        The ministry's briefing was led by Lin Haoran again.
        "#,
    );
    desk.write_to(dir.path());
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    client.log_containing("indexed 2 drafts").await;
    let briefing = desk.file("/briefing.md");
    let briefing_uri = briefing.uri_in(dir.path());
    let minutes_uri = desk.file("/minutes.md").uri_in(dir.path());
    client.open(&briefing_uri, &briefing.text).await;
    let at = briefing.cursor(Encoding::Utf16);
    let edit = client
        .request(
            "textDocument/rename",
            json!({ "textDocument": { "uri": briefing_uri }, "position": at, "newName": "Zhao Lixin" }),
        )
        .await;
    let texts = |uri: &str| -> Vec<String> {
        edit["changes"][uri]
            .as_array()
            .unwrap_or(&Vec::new())
            .iter()
            .map(|e| e["newText"].as_str().unwrap().to_string())
            .collect()
    };
    // The family name comes first, so the later reference takes the new
    // family name.
    let mut in_briefing = texts(&briefing_uri);
    in_briefing.sort();
    assert_eq!(in_briefing, ["Zhao", "Zhao Lixin"]);
    assert_eq!(texts(&minutes_uri), ["Zhao Lixin"]);
    client.shutdown().await;
}
