//! Pulled diagnostics, for clients that ask for them: one draft at a time
//! and the whole workspace, with result ids so unchanged reports stay
//! small. Clients that do not pull get them pushed (tests/lsp_features.rs).

mod common;

use std::path::Path;

use common::{file_uri, TestClient};
use serde_json::{json, Value};

fn write(root: &Path, rel: &str, contents: &str) {
    std::fs::write(root.join(rel), contents).unwrap();
}

const ORPHAN: &str =
    "The county cut the late ferry.\n\n\"This will strand night-shift workers on the island.\"\n";

fn pull_capabilities() -> Value {
    json!({ "textDocument": { "diagnostic": { "dynamicRegistration": false } } })
}

async fn pull(client: &mut TestClient, uri: &str, previous: Option<&str>) -> Value {
    client
        .request(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": uri }, "previousResultId": previous }),
        )
        .await
}

#[tokio::test]
async fn a_pulling_client_gets_reports_instead_of_pushes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (mut client, init) = TestClient::initialized(pull_capabilities(), Some(root)).await;
    assert_eq!(
        init["capabilities"]["diagnosticProvider"],
        json!({ "identifier": "copydesk", "interFileDependencies": false, "workspaceDiagnostics": true })
    );
    let uri = file_uri(&root.join("ferry.md"));
    client.send_open(&uri, ORPHAN).await;
    let first = pull(&mut client, &uri, None).await;
    assert_eq!(first["kind"], "full");
    assert_eq!(first["items"][0]["code"], "unattributed-quote");
    assert_eq!(first["items"][0]["range"]["start"]["line"], 2);
    let id = first["resultId"].as_str().unwrap().to_string();
    let again = pull(&mut client, &uri, Some(&id)).await;
    assert_eq!(again, json!({ "kind": "unchanged", "resultId": id }));

    // An edit makes a new report.
    client
        .change(
            &uri,
            2,
            json!([{ "text": "The county cut the late ferry, the mayor said.\n" }]),
        )
        .await;
    let mut edited = pull(&mut client, &uri, Some(&id)).await;
    for _ in 0..50 {
        if edited["kind"] == "full" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        edited = pull(&mut client, &uri, Some(&id)).await;
    }
    assert_eq!(edited["kind"], "full");
    assert_eq!(edited["items"], json!([]));
    assert_ne!(edited["resultId"], json!(id));
    // Nothing was pushed for the draft.
    assert!(!client.pending_contains(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
    }));
    client.shutdown().await;
}

#[tokio::test]
async fn the_workspace_report_covers_closed_drafts_and_says_what_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "ferry.md", ORPHAN);
    write(
        root,
        "clean.md",
        "\"We are open,\" said Halima Diallo, the director.\n",
    );
    write(root, "open.md", ORPHAN);
    let (mut client, _) = TestClient::initialized(pull_capabilities(), Some(root)).await;
    let open = file_uri(&root.join("open.md"));
    client.send_open(&open, ORPHAN).await;
    let report = client
        .request("workspace/diagnostic", json!({ "previousResultIds": [] }))
        .await;
    let mut items: Vec<Value> = report["items"].as_array().unwrap().clone();
    items.sort_by_key(|i| i["uri"].as_str().unwrap().to_string());
    let uris: Vec<&str> = items.iter().map(|i| i["uri"].as_str().unwrap()).collect();
    let ferry = file_uri(&root.join("ferry.md"));
    let clean = file_uri(&root.join("clean.md"));
    assert_eq!(
        uris,
        vec![clean.as_str(), ferry.as_str()],
        "open drafts pull their own"
    );
    assert_eq!(items[0]["kind"], "full");
    assert_eq!(items[0]["items"], json!([]));
    assert_eq!(items[1]["items"][0]["code"], "unattributed-quote");

    let previous: Vec<Value> = items
        .iter()
        .map(|i| json!({ "uri": i["uri"], "value": i["resultId"] }))
        .collect();
    let again = client
        .request(
            "workspace/diagnostic",
            json!({ "previousResultIds": previous }),
        )
        .await;
    let kinds: Vec<&str> = again["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["unchanged", "unchanged"]);

    // A draft nobody has open is pulled from disk.
    let closed = pull(&mut client, &ferry, None).await;
    assert_eq!(closed["items"][0]["code"], "unattributed-quote");
    client.shutdown().await;
}
