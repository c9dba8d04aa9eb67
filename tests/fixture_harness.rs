//! The fixture harness of `tests/common`: markers come out of the text and
//! their positions are right in both encodings.

mod common;

use common::fixture::{Encoding, Fixture};
use serde_json::json;

fn at(line: usize, character: usize) -> serde_json::Value {
    json!({ "line": line, "character": character })
}

#[test]
fn the_cursor_after_an_emoji_cjk_and_a_curly_quote_counts_units_in_each_encoding() {
    let fixture = Fixture::parse("# Title\n🎉 他说 “$0We will,” she said.\n");
    let draft = fixture.only();
    assert_eq!(draft.path, "/draft.md");
    assert_eq!(draft.text, "# Title\n🎉 他说 “We will,” she said.\n");
    // 🎉 is two UTF-16 units and four bytes, each CJK character one unit
    // and three bytes, the curly quote one unit and three bytes.
    assert_eq!(draft.cursor(Encoding::Utf16), at(1, 7));
    assert_eq!(draft.cursor(Encoding::Utf8), at(1, 15));
    assert_eq!(&draft.text[draft.cursor_offset()..][..2], "We");
}

#[test]
fn ranges_may_span_lines_nest_and_hold_the_cursor() {
    let fixture = Fixture::parse("⟦“À bientôt,” ⟦Ém$0ile⟧\nsaid⟧.\n");
    let draft = fixture.only();
    assert_eq!(draft.text, "“À bientôt,” Émile\nsaid.\n");
    assert_eq!(draft.marked_texts(), ["“À bientôt,” Émile\nsaid", "Émile"]);
    assert_eq!(
        draft.ranges(Encoding::Utf16),
        [
            json!({ "start": at(0, 0), "end": at(1, 4) }),
            json!({ "start": at(0, 13), "end": at(0, 18) }),
        ]
    );
    assert_eq!(
        draft.marked("Émile", Encoding::Utf8),
        json!({ "start": at(0, 19), "end": at(0, 25) })
    );
    assert_eq!(draft.cursor(Encoding::Utf16), at(0, 15));
    assert_eq!(draft.cursor(Encoding::Utf8), at(0, 22));
}

#[test]
fn an_empty_range_is_a_point() {
    let fixture = Fixture::parse("Before⟦⟧ after.");
    let draft = fixture.only();
    assert_eq!(draft.text, "Before after.");
    assert_eq!(
        draft.range(Encoding::Utf8),
        json!({ "start": at(0, 6), "end": at(0, 6) })
    );
}

#[test]
fn headers_start_files_and_the_shared_indentation_goes() {
    let fixture = Fixture::parse(
        r#"
        //- /hearing.md
        # Hearing

            Indented four more: a code block.
        "We can," ⟦she⟧ said.
        //- /notes/copydesk.toml
        [rules]
        "#,
    );
    let paths: Vec<&str> = fixture.files().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["/hearing.md", "/notes/copydesk.toml"]);
    let hearing = fixture.file("/hearing.md");
    assert_eq!(
        hearing.text,
        "# Hearing\n\n    Indented four more: a code block.\n\"We can,\" she said.\n"
    );
    assert_eq!(
        hearing.range(Encoding::Utf16),
        json!({ "start": at(3, 10), "end": at(3, 13) })
    );
    assert_eq!(fixture.file("/notes/copydesk.toml").text, "[rules]\n");

    let root = tempfile::tempdir().unwrap();
    fixture.write_to(root.path());
    let written = std::fs::read_to_string(root.path().join("notes/copydesk.toml")).unwrap();
    assert_eq!(written, "[rules]\n");
    assert!(fixture
        .file("/hearing.md")
        .uri_in(root.path())
        .ends_with("/hearing.md"));
}

#[test]
fn text_without_markers_or_indentation_is_kept_as_it_is() {
    let text = "Line one.\n\n  Two spaces.\nNo newline at the end";
    assert_eq!(Fixture::parse(text).only().text, text);
}

#[test]
#[should_panic(expected = "two cursors")]
fn two_cursors_in_a_file_are_a_mistake() {
    Fixture::parse("$0 and $0");
}

#[test]
#[should_panic(expected = "never closed")]
fn an_unclosed_range_is_a_mistake() {
    Fixture::parse("⟦open");
}

#[test]
#[should_panic(expected = "no ⟦")]
fn a_close_without_an_open_is_a_mistake() {
    Fixture::parse("close⟧");
}
