//! Speakers in the editor: hover, inlay hints, the outline, workspace
//! symbols, references and rename across drafts.

mod common;

use common::{file_uri, TestClient};
use serde_json::{json, Value};

const HEARING: &str = "# Water board hearing\n\
\n\
Renata Salgado, who chairs the water board, opened the hearing.\n\
\n\
\"Half of our mains are older than I am,\" Salgado said.\n\
\n\
\"We can replace them on a schedule,\" she said.\n";

const FOLLOW_UP: &str = "# Rates vote delayed\n\
\n\
\"We need another month,\" said Renata Salgado.\n";

fn position_of(text: &str, needle: &str, nth: usize) -> Value {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .expect("needle present")
        .0;
    let before = &text[..at];
    let line = before.matches('\n').count();
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
    json!({ "line": line, "character": col })
}

async fn workspace() -> (tempfile::TempDir, TestClient, String, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hearing.md"), HEARING).unwrap();
    std::fs::write(dir.path().join("follow-up.md"), FOLLOW_UP).unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    client.log_containing("indexed 2 drafts").await;
    let hearing = file_uri(&dir.path().join("hearing.md"));
    let follow_up = file_uri(&dir.path().join("follow-up.md"));
    client.open(&hearing, HEARING).await;
    (dir, client, hearing, follow_up)
}

#[tokio::test]
async fn hover_on_a_pronoun_names_the_speaker_and_their_quotes() {
    let (_dir, mut client, hearing, _) = workspace().await;
    let hover = client
        .at(
            "textDocument/hover",
            &hearing,
            position_of(HEARING, "she said", 0),
        )
        .await;
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.starts_with("**Renata Salgado**"), "{card}");
    assert!(
        card.contains("“she” here refers to Renata Salgado"),
        "{card}"
    );
    assert!(
        card.contains("who chairs the water board") || card.contains("2 quotes in this draft"),
        "{card}"
    );
    assert!(card.contains("2 quotes in this draft"), "{card}");
    assert!(
        card.contains("Across the workspace: 3 quotes in 2 drafts"),
        "{card}"
    );
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
    let after = position_of(HEARING, "she said", 0);
    let expected_col = after["character"].as_u64().unwrap() + "she said".len() as u64;
    assert_eq!(
        hints,
        json!([{
            "position": { "line": after["line"], "character": expected_col },
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
    client.open("file:///desk/h.md", HEARING).await;
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
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Water board hearing", "Sources"]);
    let sources = &symbols[1]["children"];
    assert_eq!(sources[0]["name"], "Renata Salgado");
    let quotes: Vec<&str> = sources[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        quotes,
        vec![
            "Half of our mains are older than I am,",
            "We can replace them on a schedule,"
        ]
    );
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
            position_of(HEARING, "Salgado said", 0),
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
    let mut expected = vec![
        (hearing.clone(), 2),
        (hearing.clone(), 4),
        (hearing.clone(), 6),
        (follow_up.clone(), 2),
    ];
    expected.sort();
    assert_eq!(found, expected);
    client.shutdown().await;
}

#[tokio::test]
async fn rename_changes_full_names_and_surnames_in_every_draft_and_nothing_else() {
    let (_dir, mut client, hearing, follow_up) = workspace().await;
    let at = position_of(HEARING, "Salgado said", 0);
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
            json!({ "textDocument": { "uri": hearing }, "position": position_of(HEARING, "she said", 0) }),
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
    assert_eq!(
        edits(&hearing),
        vec![
            (2, "Renata Salgado-Ruiz".to_string()),
            (4, "Salgado-Ruiz".to_string())
        ]
    );
    assert_eq!(
        edits(&follow_up),
        vec![(2, "Renata Salgado-Ruiz".to_string())]
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
            position_of(HEARING, "she said", 0),
        )
        .await;
    assert_eq!(definition["uri"], hearing);
    assert_eq!(
        definition["range"]["start"],
        position_of(HEARING, "Renata Salgado", 0)
    );
    client.shutdown().await;
}

#[tokio::test]
async fn rename_reaches_drafts_that_name_the_person_without_quoting_them() {
    let dir = tempfile::tempdir().unwrap();
    let briefing = "Lin Haoran, a spokesperson for the ministry, took questions.\n\n\
                    \"We publish the catch every quarter,\" Lin said.\n";
    let minutes = "# Notes\n\nThe ministry's briefing was led by Lin Haoran again.\n";
    std::fs::write(dir.path().join("briefing.md"), briefing).unwrap();
    std::fs::write(dir.path().join("minutes.md"), minutes).unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    client.log_containing("indexed 2 drafts").await;
    let briefing_uri = file_uri(&dir.path().join("briefing.md"));
    let minutes_uri = file_uri(&dir.path().join("minutes.md"));
    client.open(&briefing_uri, briefing).await;
    let at = position_of(briefing, "Lin said", 0);
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
