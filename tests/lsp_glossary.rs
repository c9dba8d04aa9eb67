//! The desk's glossary in the editor: `[[law]]` tables in copydesk.toml and
//! the files it names explain laws, override built-ins, define them where
//! the desk wrote them, report their mistakes on their lines, and grow from
//! the unknown-law quick fix; changes on disk are picked up.

mod common;

use std::path::Path;

use common::fixture::{Encoding, Fixture};
use common::{file_uri, TestClient};
use expect_test::expect;
use serde_json::{json, Value};

fn write(root: &Path, rel: &str, contents: &str) {
    std::fs::write(root.join(rel), contents).unwrap();
}

fn position(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

/// A glossary in copydesk.toml and in a file it names, and a draft that
/// names a law from each; each `[[law]]` that defines one is marked.
const DESK: &str = r#"
//- /copydesk.toml
[rules]
unattributed-quote = "error"

[kb]
files = ["desk-laws.toml"]

⟦[[law]]⟧
id = "desk/harbor-zoning"
kind = "regulation"
jurisdiction = "Port Halvard"
title = "Harbor District Zoning Ordinance"
aliases = ["harbor ordinance"]
summary = "The 2019 city rule that caps new buildings near the waterfront at 85 feet."
sources = ["https://example.org/port-halvard/ordinances/2019-14"]
//- /desk-laws.toml
# Overrides a built-in entry with the desk's own wording.
⟦[[law]]⟧
id = "us/provision/wolf-amendment"
kind = "provision"
jurisdiction = "us"
title = "Wolf Amendment"
summary = "Desk note: the NASA-China rider; ask the science desk before describing it."
//- /towers.md
# Council weighs taller towers

The ⟦Harbor District Zoning Ordinance⟧ has kept the skyline low since 2019.

Researchers said the ⟦Wolf Amendment⟧ still keeps them from working with Chinese labs.
"#;

#[tokio::test]
async fn glossary_entries_explain_override_and_define_their_laws() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let desk = Fixture::parse(DESK);
    desk.write_to(root);
    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    let draft = desk.file("/towers.md");
    let uri = draft.uri_in(root);
    let diagnostics = client.open(&uri, &draft.text).await;
    let codes: Vec<&str> = diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(!codes.contains(&"unknown-law"), "{diagnostics}");

    let harbor = draft.marked("Harbor District Zoning Ordinance", Encoding::Utf16)["start"].clone();
    let hover = client.at("textDocument/hover", &uri, harbor.clone()).await;
    let card = hover["contents"]["value"].as_str().unwrap();
    expect![[r#"
        **Harbor District Zoning Ordinance**

        Regulation · PORT HALVARD

        **Status:** not recorded.

        The 2019 city rule that caps new buildings near the waterfront at 85 feet.

        **Also known as:** harbor ordinance

        **Sources:**
        - <https://example.org/port-halvard/ordinances/2019-14>
    "#]]
    .assert_eq(card);

    let definition = client.at("textDocument/definition", &uri, harbor).await;
    let config = desk.file("/copydesk.toml");
    assert_eq!(definition["uri"], config.uri_in(root));
    assert_eq!(
        definition["range"]["start"],
        config.range(Encoding::Utf16)["start"]
    );

    // The desk's file replaces the built-in entry with the same id.
    let wolf = draft.marked("Wolf Amendment", Encoding::Utf16)["start"].clone();
    let hover = client.at("textDocument/hover", &uri, wolf.clone()).await;
    let card = hover["contents"]["value"].as_str().unwrap();
    expect![[r#"
        **Wolf Amendment**

        Provision · US

        **Status:** not recorded.

        Desk note: the NASA-China rider; ask the science desk before describing it.
    "#]]
    .assert_eq(card);
    let definition = client.at("textDocument/definition", &uri, wolf).await;
    let laws = desk.file("/desk-laws.toml");
    assert_eq!(definition["uri"], laws.uri_in(root));
    assert_eq!(
        definition["range"]["start"],
        laws.range(Encoding::Utf16)["start"]
    );
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

/// A draft naming a law copydesk does not know, the cursor on it.
const UNKNOWN: &str = "The Pi$0er Safety Act of 2019 requires railings, the mayor said.\n";

/// The draft of `UNKNOWN`, and where its cursor is.
fn unknown() -> (String, Value) {
    let fixture = Fixture::parse(UNKNOWN);
    let draft = fixture.only();
    (draft.text.clone(), draft.cursor(Encoding::Utf16))
}

async fn glossary_action(client: &mut TestClient, uri: &str) -> Value {
    let (_, at) = unknown();
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": { "start": at, "end": at },
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
    let diagnostics = client.open(&uri, &unknown().0).await;
    assert_eq!(diagnostics["diagnostics"][0]["code"], "unknown-law");
    // A hint that the name is not in the knowledge base, not that it is wrong.
    assert_eq!(diagnostics["diagnostics"][0]["severity"], 4);
    let message = diagnostics["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("is not in copydesk's knowledge base"),
        "{message}"
    );
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
    // No line break at the end; the cursor marks the end.
    let settings = Fixture::parse("[rules]\nunattributed-quote = \"error\"$0");
    let settings = settings.only();
    write(root, "copydesk.toml", &settings.text);
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
    let (text, at) = unknown();
    client.open(&uri, &text).await;
    let action = glossary_action(&mut client, &uri).await;
    let config = file_uri(&root.join("copydesk.toml"));
    let edit = &action["edit"]["changes"][&config][0];
    // Appended after the last line, which has no newline: a blank line first.
    assert_eq!(edit["range"]["start"], settings.cursor(Encoding::Utf16));
    let new_text = edit["newText"].as_str().unwrap();
    assert!(new_text.starts_with("\n\n[[law]]\n"), "{new_text:?}");

    // The editor applies it and saves; the watcher tells the server.
    write(
        root,
        "copydesk.toml",
        &format!("{}{new_text}", settings.text),
    );
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": config, "type": 2 }] }),
        )
        .await;
    let diagnostics = client.diagnostics(&uri).await;
    assert_eq!(diagnostics["diagnostics"], json!([]), "{diagnostics}");
    let hover = client.at("textDocument/hover", &uri, at.clone()).await;
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.starts_with("**Pier Safety Act of 2019**"), "{card}");
    let definition = client.at("textDocument/definition", &uri, at).await;
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
    write(root, "copydesk.toml", &settings.text);
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
    let desk = Fixture::parse(
        r#"
        //- /a.md
        The ⟦CHIPS and Science Act⟧ passed. The CHIPS Act pays for fabs.
        //- /b.md
        Critics of the CHIPS and Science Act spoke.
        //- /c.md
        The Pier Safety Act of 2019 is new.
        "#,
    );
    desk.write_to(root);
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
    // The symbol is at the first mention.
    let first = desk.file("/a.md");
    assert_eq!(laws[0]["location"]["uri"], first.uri_in(root));
    assert_eq!(
        laws[0]["location"]["range"]["start"],
        first.range(Encoding::Utf16)["start"]
    );
    let symbols = client
        .request("workspace/symbol", json!({ "query": "pier" }))
        .await;
    assert_eq!(symbols[0]["name"], "Pier Safety Act of 2019");
    assert_eq!(symbols[0]["containerName"], "1 mention");
    client.shutdown().await;
}
