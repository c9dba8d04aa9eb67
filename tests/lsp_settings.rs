//! Editor settings and the check-the-workspace command.

mod common;

use common::{file_uri, TestClient};
use serde_json::{json, Value};

const URI: &str = "file:///desk/ferry.md";
const ORPHAN: &str =
    "The county cut the late ferry.\n\n\"This will strand the night shift on the island.\"\n";

fn codes(diagnostics: &Value) -> Vec<(String, i64)> {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["severity"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn initialization_options_and_configuration_changes_set_rule_levels() {
    let (mut client, _) = TestClient::initialized_with(
        json!({}),
        None,
        json!({ "rules": { "unattributed-quote": "off" } }),
    )
    .await;
    let diagnostics = client.open(URI, ORPHAN).await;
    assert_eq!(codes(&diagnostics), vec![]);

    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": { "copydesk": { "rules": { "unattributed-quote": "error" } } } }),
        )
        .await;
    let diagnostics = client.diagnostics(URI).await;
    assert_eq!(
        codes(&diagnostics),
        vec![("unattributed-quote".to_string(), 1)]
    );

    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": { "rules": { "unattributed-quote": "loudest" } } }),
        )
        .await;
    let log = client.log_containing("copydesk settings").await;
    assert!(log.contains("keeping the previous settings"), "{log}");
    client.shutdown().await;
}

#[tokio::test]
async fn check_workspace_publishes_diagnostics_for_unopened_drafts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ferry.md"), ORPHAN).unwrap();
    std::fs::write(dir.path().join("clean.md"), "Nothing quoted here.\n").unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    let result = client
        .request(
            "workspace/executeCommand",
            json!({ "command": "copydesk.checkWorkspace", "arguments": [] }),
        )
        .await;
    assert_eq!(result["checked"], 2);
    let uri = file_uri(&dir.path().join("ferry.md"));
    let diagnostics = client.diagnostics(&uri).await;
    assert_eq!(
        codes(&diagnostics),
        vec![("unattributed-quote".to_string(), 2)]
    );

    let unknown = client
        .request_raw(
            "workspace/executeCommand",
            json!({ "command": "copydesk.noSuchThing", "arguments": [] }),
        )
        .await;
    assert!(unknown["error"]["message"]
        .as_str()
        .unwrap()
        .contains("unknown command `copydesk.noSuchThing`"));
    client.shutdown().await;
}

#[tokio::test]
async fn a_broken_config_file_is_a_diagnostic_on_its_line_and_the_defaults_apply() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "[rules]\n\nunattributed-quote = \"loudest\"\n",
    )
    .unwrap();
    let (mut client, _) = TestClient::initialized(json!({}), Some(dir.path())).await;
    let config = client
        .diagnostics(&file_uri(&dir.path().join("copydesk.toml")))
        .await;
    let diagnostic = &config["diagnostics"][0];
    assert_eq!(diagnostic["code"], "invalid-config");
    assert_eq!(diagnostic["range"]["start"]["line"], 2);
    assert_eq!(diagnostic["severity"], 1);
    let uri = file_uri(&dir.path().join("ferry.md"));
    let draft = client.open(&uri, ORPHAN).await;
    assert_eq!(codes(&draft), vec![("unattributed-quote".to_string(), 2)]);
    client.shutdown().await;
}
