//! The desk's glossary in the editor: `[[law]]` tables in copydesk.toml and
//! the files it names explain laws, override built-ins, define them where
//! the desk wrote them, report their mistakes on their lines, and grow from
//! the unknown-law quick fix; changes on disk are picked up.

mod common;

use std::path::Path;

use common::{file_uri, TestClient};
use serde_json::{json, Value};

fn write(root: &Path, rel: &str, contents: &str) {
    std::fs::write(root.join(rel), contents).unwrap();
}

fn position(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

const CONFIG: &str = "\
[rules]
unattributed-quote = \"error\"

[kb]
files = [\"desk-laws.toml\"]

[[law]]
id = \"desk/harbor-zoning\"
kind = \"regulation\"
jurisdiction = \"Port Halvard\"
title = \"Harbor District Zoning Ordinance\"
aliases = [\"harbor ordinance\"]
summary = \"The 2019 city rule that caps new buildings near the waterfront at 85 feet.\"
sources = [\"https://example.org/port-halvard/ordinances/2019-14\"]
";

const DESK_LAWS: &str = "\
# Overrides a built-in entry with the desk's own wording.
[[law]]
id = \"us/provision/wolf-amendment\"
kind = \"provision\"
jurisdiction = \"us\"
title = \"Wolf Amendment\"
summary = \"Desk note: the NASA-China rider; ask the science desk before describing it.\"
";

const DRAFT: &str = "\
# Council weighs taller towers

The Harbor District Zoning Ordinance has kept the skyline low since 2019.

Researchers said the Wolf Amendment still keeps them from working with Chinese labs.
";

#[tokio::test]
async fn glossary_entries_explain_override_and_define_their_laws() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "copydesk.toml", CONFIG);
    write(root, "desk-laws.toml", DESK_LAWS);
    write(root, "towers.md", DRAFT);
    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    let uri = file_uri(&root.join("towers.md"));
    let diagnostics = client.open(&uri, DRAFT).await;
    let codes: Vec<&str> = diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(!codes.contains(&"unknown-law"), "{diagnostics}");

    let hover = client.at("textDocument/hover", &uri, position(2, 10)).await;
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(
        card.starts_with("**Harbor District Zoning Ordinance**"),
        "{card}"
    );
    assert!(card.contains("Regulation · PORT HALVARD"), "{card}");
    assert!(
        card.contains("caps new buildings near the waterfront"),
        "{card}"
    );
    assert!(card.contains("not recorded"), "{card}");

    let definition = client
        .at("textDocument/definition", &uri, position(2, 10))
        .await;
    assert_eq!(definition["uri"], file_uri(&root.join("copydesk.toml")));
    assert_eq!(definition["range"]["start"], position(6, 0));

    // The desk's file replaces the built-in entry with the same id.
    let hover = client.at("textDocument/hover", &uri, position(4, 25)).await;
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.contains("ask the science desk"), "{card}");
    assert!(!card.contains("Pub. L. 112-10"), "{card}");
    let definition = client
        .at("textDocument/definition", &uri, position(4, 25))
        .await;
    assert_eq!(definition["uri"], file_uri(&root.join("desk-laws.toml")));
    assert_eq!(definition["range"]["start"], position(1, 0));
    client.shutdown().await;
}

#[tokio::test]
async fn glossary_mistakes_are_diagnostics_on_their_lines_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "copydesk.toml",
        "[kb]\nfiles = [\"desk-laws.toml\", \"missing.toml\"]\n\n\
         [[law]]\nid = \"desk/no-title\"\nsummary = \"Forgot the title.\"\n\n\
         [[law]]\nid = \"desk/harbor-zoning\"\ntitle = \"Harbor District Zoning Ordinance\"\n",
    );
    write(
        root,
        "desk-laws.toml",
        "[[law]]\nid = \"desk/pier\"\ntitle = \"Pier Safety Act\"\nkind = \"statute\"\n",
    );
    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    let config = client
        .diagnostics(&file_uri(&root.join("copydesk.toml")))
        .await;
    let config = config["diagnostics"].as_array().unwrap();
    assert_eq!(config.len(), 1, "{config:?}");
    assert_eq!(config[0]["code"], "invalid-glossary");
    assert_eq!(config[0]["range"]["start"]["line"], 3);
    assert!(
        config[0]["message"]
            .as_str()
            .unwrap()
            .contains("missing `title`"),
        "{config:?}"
    );
    let laws = client
        .diagnostics(&file_uri(&root.join("desk-laws.toml")))
        .await;
    let laws = laws["diagnostics"].as_array().unwrap();
    assert_eq!(laws.len(), 1, "{laws:?}");
    assert_eq!(laws[0]["range"]["start"]["line"], 0);
    assert!(laws[0]["message"].as_str().unwrap().contains("statute"));
    let missing = client
        .diagnostics(&file_uri(&root.join("missing.toml")))
        .await;
    assert!(missing["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("cannot read this glossary"));

    // The good entry is loaded all the same.
    let uri = file_uri(&root.join("a.md"));
    client
        .open(&uri, "The Harbor District Zoning Ordinance stays.\n")
        .await;
    let hover = client.at("textDocument/hover", &uri, position(0, 8)).await;
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .starts_with("**Harbor District Zoning Ordinance**"));
    client.shutdown().await;
}

const UNKNOWN: &str = "The Pier Safety Act of 2019 requires railings, the mayor said.\n";

async fn glossary_action(client: &mut TestClient, uri: &str) -> Value {
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": { "start": position(0, 6), "end": position(0, 6) },
                "context": { "diagnostics": [] },
            }),
        )
        .await;
    actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("glossary"))
        .cloned()
        .unwrap_or_else(|| panic!("no glossary fix in {actions}"))
}

#[tokio::test]
async fn the_unknown_law_fix_creates_copydesk_toml_when_there_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    let uri = file_uri(&root.join("pier.md"));
    let diagnostics = client.open(&uri, UNKNOWN).await;
    assert_eq!(diagnostics["diagnostics"][0]["code"], "unknown-law");
    let action = glossary_action(&mut client, &uri).await;
    assert_eq!(
        action["title"],
        "Add “Pier Safety Act of 2019” to the desk's glossary (copydesk.toml)"
    );
    let changes = action["edit"]["documentChanges"].as_array().unwrap();
    let config = file_uri(&root.join("copydesk.toml"));
    assert_eq!(changes[0]["kind"], "create");
    assert_eq!(changes[0]["uri"], config);
    assert_eq!(changes[0]["options"]["overwrite"], false);
    assert_eq!(changes[1]["textDocument"]["uri"], config);
    let text = changes[1]["edits"][0]["newText"].as_str().unwrap();
    assert!(text.contains("[[law]]\nid = \"desk/pier-safety-act-of-2019\"\n"));
    assert!(text.contains("title = \"Pier Safety Act of 2019\"\n"));
    // What it writes is a glossary copydesk reads without complaint.
    let (entries, problems) = copydesk::kb::glossary::parse(text);
    assert_eq!((entries.len(), problems.len()), (1, 0));
    // It never touches the disk itself.
    assert!(!root.join("copydesk.toml").exists());
    client.shutdown().await;
}

#[tokio::test]
async fn the_unknown_law_fix_appends_and_the_glossary_reloads_when_saved() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let settings = "[rules]\nunattributed-quote = \"error\"";
    write(root, "copydesk.toml", settings);
    let capabilities = json!({
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
    });
    let (mut client, _) = TestClient::initialized(capabilities, Some(root)).await;
    let register = client
        .take(|m| m["method"] == "client/registerCapability")
        .await;
    let registration = &register["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = registration["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert_eq!(globs, vec!["**/*.md", "**/*.markdown", "**/copydesk.toml"]);

    let uri = file_uri(&root.join("pier.md"));
    client.open(&uri, UNKNOWN).await;
    let action = glossary_action(&mut client, &uri).await;
    let config = file_uri(&root.join("copydesk.toml"));
    let edit = &action["edit"]["changes"][&config][0];
    // Appended after the last line, which has no newline: a blank line first.
    assert_eq!(edit["range"]["start"], position(1, 28));
    let new_text = edit["newText"].as_str().unwrap();
    assert!(new_text.starts_with("\n\n[[law]]\n"), "{new_text:?}");

    // The editor applies it and saves; the watcher tells the server.
    write(root, "copydesk.toml", &format!("{settings}{new_text}"));
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": config, "type": 2 }] }),
        )
        .await;
    let diagnostics = client.diagnostics(&uri).await;
    assert_eq!(diagnostics["diagnostics"], json!([]), "{diagnostics}");
    let hover = client.at("textDocument/hover", &uri, position(0, 8)).await;
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.starts_with("**Pier Safety Act of 2019**"), "{card}");
    let definition = client
        .at("textDocument/definition", &uri, position(0, 8))
        .await;
    assert_eq!(definition["uri"], config);
    assert_eq!(definition["range"]["start"], position(3, 0));

    // A mistake saved later shows on the file, and fixing it clears it.
    write(root, "copydesk.toml", "[[law]]\nid = \"desk/x\"\n");
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": config, "type": 2 }] }),
        )
        .await;
    let problems = client.diagnostics(&config).await;
    assert_eq!(problems["diagnostics"][0]["code"], "invalid-glossary");
    write(root, "copydesk.toml", settings);
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": config, "type": 2 }] }),
        )
        .await;
    let cleared = client.diagnostics(&config).await;
    assert_eq!(cleared["diagnostics"], json!([]));
    client.shutdown().await;
}

#[tokio::test]
async fn workspace_symbols_list_the_laws_the_drafts_name() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "a.md",
        "The CHIPS and Science Act passed. The CHIPS Act pays for fabs.\n",
    );
    write(
        root,
        "b.md",
        "Critics of the CHIPS and Science Act spoke.\n",
    );
    write(root, "c.md", "The Pier Safety Act of 2019 is new.\n");
    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    client.log_containing("indexed 3 drafts").await;
    let symbols = client
        .request("workspace/symbol", json!({ "query": "chips" }))
        .await;
    let laws: Vec<&Value> = symbols
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == 2)
        .collect();
    assert_eq!(laws.len(), 1, "{symbols}");
    assert_eq!(laws[0]["name"], "CHIPS and Science Act");
    assert_eq!(laws[0]["containerName"], "3 mentions in 2 drafts");
    assert_eq!(laws[0]["location"]["uri"], file_uri(&root.join("a.md")));
    assert_eq!(laws[0]["location"]["range"]["start"], position(0, 4));
    let symbols = client
        .request("workspace/symbol", json!({ "query": "pier" }))
        .await;
    assert_eq!(symbols[0]["name"], "Pier Safety Act of 2019");
    assert_eq!(symbols[0]["containerName"], "1 mention");
    client.shutdown().await;
}
