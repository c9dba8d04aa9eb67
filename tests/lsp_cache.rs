//! The index cache between sessions, as the real server uses it: a cache
//! edited by hand cannot aim a reference or a rename at the wrong words, and a pipe put in
//! the cache's place is discarded, not waited on. One test in its own
//! binary: it points `COPYDESK_CACHE_DIR` at a folder of its own.

mod common;

use std::path::{Path, PathBuf};

use common::fixture::{Encoding, Fixture};
use common::{file_uri, TestClient};
use serde_json::{json, Value};

/// The rename starts at the cursor and should change the marked name.
const DESK: &str = r#"
//- /briefing.md
Li$0n Haoran, a spokesperson for the ministry, took questions.

"We publish the catch every quarter," Lin said.
//- /minutes.md
# Notes

The briefing was led by ⟦Lin Haoran⟧ again.
"#;

/// The one cache file in `dir`, once it has been written.
async fn written_cache(dir: &Path) -> PathBuf {
    for _ in 0..400 {
        let found = std::fs::read_dir(dir).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|e| e == "json"))
        });
        if let Some(found) = found {
            return found;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no cache was written in {}", dir.display());
}

/// A rename of Lin Haoran from the briefing (opened first unless `opened`):
/// the edits to the minutes.
async fn rename_in_minutes(client: &mut TestClient, root: &Path, opened: bool) -> Value {
    let desk = Fixture::parse(DESK);
    let draft = desk.file("/briefing.md");
    let briefing = draft.uri_in(root);
    if !opened {
        client.open(&briefing, &draft.text).await;
    }
    let edit = client
        .request(
            "textDocument/rename",
            json!({
                "textDocument": { "uri": briefing },
                "position": draft.cursor(Encoding::Utf16),
                "newName": "Zhao Lixin"
            }),
        )
        .await;
    edit["changes"][file_uri(&root.join("minutes.md"))].clone()
}

#[tokio::test]
async fn a_cache_edited_by_hand_or_replaced_by_a_pipe_cannot_mislead_the_server() {
    let cache_dir = tempfile::tempdir().unwrap();
    std::env::set_var("COPYDESK_CACHE_DIR", cache_dir.path());
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let desk = Fixture::parse(DESK);
    desk.write_to(root);
    // Enough drafts for the index to be cached.
    for n in 0..200 {
        let filler = format!("# Brief {n}\n\nThe council met on day {n}.\n");
        std::fs::write(root.join(format!("brief-{n:03}.md")), filler).unwrap();
    }
    let right = json!([{
        "range": desk.file("/minutes.md").range(Encoding::Utf16),
        "newText": "Zhao Lixin"
    }]);

    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    client.log_containing("indexed 202 drafts").await;
    let cache = written_cache(cache_dir.path()).await;
    client.shutdown().await;

    // Move every mention in the minutes' cached summary three columns on,
    // keeping the hash of its text: valid JSON that lies.
    let mut file: Value = serde_json::from_slice(&std::fs::read(&cache).unwrap()).unwrap();
    let minutes = file["drafts"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["path"].as_str().unwrap().ends_with("minutes.md"))
        .unwrap();
    for speaker in minutes["speakers"].as_array_mut().unwrap() {
        for mention in speaker[2].as_array_mut().unwrap() {
            for col in [1, 3] {
                mention[col] = json!(mention[col].as_u64().unwrap() + 3);
            }
        }
    }
    let forged = serde_json::to_vec(&file).unwrap();
    std::fs::write(&cache, &forged).unwrap();

    // The forged summary is caught as the drafts are read, and the minutes
    // analysed again: references point at the name where it is.
    let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
    let indexed = client.log_containing("indexed 202 drafts").await;
    assert!(indexed.contains("201 unchanged"), "{indexed}");
    let desk_briefing = desk.file("/briefing.md");
    let briefing = desk_briefing.uri_in(root);
    client.open(&briefing, &desk_briefing.text).await;
    let found = client
        .at(
            "textDocument/references",
            &briefing,
            desk_briefing.cursor(Encoding::Utf16),
        )
        .await;
    let minutes = file_uri(&root.join("minutes.md"));
    let in_minutes: Vec<&Value> = found
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["uri"] == minutes)
        .map(|l| &l["range"])
        .collect();
    assert_eq!(
        in_minutes,
        [&json!(desk.file("/minutes.md").range(Encoding::Utf16))],
        "{found}"
    );
    assert_eq!(rename_in_minutes(&mut client, root, true).await, right);
    client.shutdown().await;
    // The minutes' new summary is written to the cache in the background.
    for _ in 0..400 {
        if std::fs::read(&cache).is_ok_and(|now| now != forged) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // A pipe in the cache's place: the drafts are analysed again, at once,
    // and a cache written in its place.
    #[cfg(unix)]
    {
        std::fs::remove_file(&cache).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(&cache)
            .status()
            .unwrap();
        assert!(made.success());
        let (mut client, _) = TestClient::initialized(json!({}), Some(root)).await;
        let indexed = client.log_containing("indexed 202 drafts").await;
        assert!(!indexed.contains("unchanged"), "{indexed}");
        assert_eq!(rename_in_minutes(&mut client, root, false).await, right);
        client.shutdown().await;
        for _ in 0..400 {
            if std::fs::metadata(&cache).is_ok_and(|m| m.is_file()) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the pipe was not replaced by a cache");
    }
}
