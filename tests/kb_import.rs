//! Importing govinfo BILLSTATUS XML into knowledge-base entries: invented
//! fixtures in both schemas, real files from `../shared/data/billstatus/`
//! (skipped with a note when `../shared` is absent), zips, malformed files
//! and the store format.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

mod common;

use common::zips::{padded_document, write_zip};
use copydesk::fsread::Limits;
use copydesk::kb::import::entry::name_key;
use copydesk::kb::import::status::ap_date;
use copydesk::kb::import::{import_paths, ImportError, ImportReport};
use copydesk::kb::{store, Entry, Kind, StatusState};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/billstatus")
}

/// `../shared/data`, or `None` with a note when it is not there.
fn shared_data(test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("{test}: skipped, {} is absent", dir.display());
        None
    }
}

fn import_clean(paths: &[PathBuf]) -> ImportReport {
    let report = import_paths(paths, &Limits::default()).expect("paths exist");
    let errors: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    report
}

fn import_one(path: PathBuf) -> Entry {
    let mut report = import_clean(&[path]);
    assert_eq!(report.entries.len(), 1);
    report.entries.pop().unwrap()
}

fn names(entry: &Entry) -> Vec<&str> {
    std::iter::once(entry.title.as_str())
        .chain(entry.aliases.iter().map(String::as_str))
        .collect()
}

fn is_named(entry: &Entry, name: &str) -> bool {
    names(entry).iter().any(|n| name_key(n) == name_key(name))
}

// Invented fixtures.

#[test]
fn older_schema_fixture() {
    let e = import_one(fixtures().join("BILLSTATUS-115s4242.xml"));
    assert_eq!(e.id.as_str(), "us/bill/115/s4242");
    assert_eq!(e.kind, Kind::Bill);
    assert_eq!(e.jurisdiction, "us");
    assert_eq!(e.title, "Lighthouse Keepers Recognition Act of 2018");
    assert!(e.aliases.is_empty(), "{:?}", e.aliases);
    assert_eq!(e.citations, ["S. 4242 (115th Congress)"]);
    assert_eq!(e.status.state, StatusState::PassedBothUnreconciled);
    assert_eq!(e.status.date.as_deref(), Some("2018-09-12"));
    assert_eq!(
        e.status.note.as_deref(),
        Some(
            "Passed the Senate on June 5, 2018, and the House on Sept. 12, 2018, \
             in different versions; never became law."
        )
    );
    assert_eq!(
        e.summary,
        "This bill directs the Coast Guard to honor lighthouse keepers & their families."
    );
    assert_eq!(
        e.related,
        [
            "Parts of it have short titles of their own: Fresnel Lens Study Act.",
            "Earlier versions of the bill were titled Lighthouse Keepers Act."
        ]
    );
    assert_eq!(
        e.sources,
        ["https://www.govinfo.gov/bulkdata/BILLSTATUS/115/s/BILLSTATUS-115s4242.xml"]
    );
}

#[test]
fn current_schema_fixture() {
    let e = import_one(fixtures().join("BILLSTATUS-117hr7777.xml"));
    assert_eq!(e.id.as_str(), "us/pl/117-999");
    assert_eq!(e.kind, Kind::Law);
    assert_eq!(e.title, "Community Bandstand Act of 2022");
    assert_eq!(e.aliases, ["Bandstand Act"]);
    assert_eq!(
        e.citations,
        ["Pub. L. 117-999", "H.R. 7777 (117th Congress)"]
    );
    assert_eq!(e.status.state, StatusState::Enacted);
    assert_eq!(e.status.date.as_deref(), Some("2022-12-01"));
    assert_eq!(
        e.status.note.as_deref(),
        Some("Became Pub. L. 117-999 on Dec. 1, 2022.")
    );
    assert_eq!(
        e.summary,
        "This act funds town bandstands and their upkeep."
    );
    assert_eq!(
        e.related,
        [
            "Parts of it have short titles of their own: Bandstand Acoustics Act.",
            "Earlier versions of the bill were titled Town Square Music Act."
        ]
    );
}

#[test]
fn short_titles_first_and_the_long_title_kept_as_an_alias() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/billstatus-companions");
    // A bill whose displayed title is its long one but which has a short one.
    let e = import_one(dir.join("BILLSTATUS-118hr9001.xml"));
    assert_eq!(e.title, "Harbor Lights Act");
    assert_eq!(
        e.aliases,
        [
            "To require that every lighthouse on the Great Lakes keep a working lamp from April \
          through November, and for other purposes."
        ]
    );
    // A law whose record has only its long title, imported alone, keeps it.
    let long = "To ensure that lanterns made with child labor in the Republic of Nowhere do not \
                enter the United States market, and for other purposes.";
    let e = import_one(dir.join("BILLSTATUS-118hr8888.xml"));
    assert_eq!(e.title, long);
    // Imported with its Senate companion, which has the same long title, it
    // takes the companion's short title and keeps the long one as an alias.
    let report = import_clean(&[
        dir.join("BILLSTATUS-118hr8888.xml"),
        dir.join("BILLSTATUS-118s4444.xml"),
    ]);
    let law = &report.entries[0];
    assert_eq!(law.id.as_str(), "us/pl/118-999");
    assert_eq!(law.title, "Lantern Labor Prevention Act");
    assert_eq!(law.aliases, [long]);
    assert_eq!(
        law.related,
        [
            "Its record gives no short title; it is named for S. 4444 (118th Congress), which has \
          the same long title."
        ]
    );
    let bill = &report.entries[1];
    assert_eq!(bill.title, "Lantern Labor Prevention Act");
    // Read in either order.
    let report = import_clean(&[
        dir.join("BILLSTATUS-118s4444.xml"),
        dir.join("BILLSTATUS-118hr8888.xml"),
    ]);
    assert_eq!(report.entries[1].title, "Lantern Labor Prevention Act");
}

// Real files, both schemas.

#[test]
fn chips_and_science_act() {
    let Some(data) = shared_data("chips_and_science_act") else {
        return;
    };
    let e = import_one(data.join("billstatus/117/BILLSTATUS-117hr4346.xml"));
    assert_eq!(e.id.as_str(), "us/pl/117-167");
    assert_eq!(e.kind, Kind::Law);
    assert_eq!(
        e.citations,
        ["Pub. L. 117-167", "H.R. 4346 (117th Congress)"]
    );
    assert_eq!(e.status.state, StatusState::Enacted);
    assert_eq!(e.status.date.as_deref(), Some("2022-08-09"));
    // This BILLSTATUS file never names the law "CHIPS and Science Act": its
    // short titles are those of the vehicle bill (the Supreme Court Security
    // Funding Act of 2022 as passed by the Senate, the Legislative Branch
    // Appropriations Act, 2022 as passed by the House), and "CHIPS Act of
    // 2022" is a title for a portion of it. The facts file's title is a
    // curated override; the import reports what the XML says.
    assert_eq!(e.title, "Supreme Court Security Funding Act of 2022");
    assert!(!is_named(&e, "CHIPS and Science Act"));
    assert!(
        e.related[0].contains("CHIPS Act of 2022"),
        "{:?}",
        e.related
    );
    assert!(
        e.summary.starts_with(
            "This bill provides funds to support the domestic production of semiconductors"
        ),
        "{}",
        e.summary
    );
}

#[test]
fn usica_passed_the_senate_only() {
    let Some(data) = shared_data("usica_passed_the_senate_only") else {
        return;
    };
    let e = import_one(data.join("billstatus/117/BILLSTATUS-117s1260.xml"));
    assert_eq!(e.id.as_str(), "us/bill/117/s1260");
    assert_eq!(e.kind, Kind::Bill);
    assert_eq!(
        e.title,
        "United States Innovation and Competition Act of 2021"
    );
    assert_eq!(e.citations, ["S. 1260 (117th Congress)"]);
    assert_eq!(e.status.state, StatusState::PassedSenate);
    assert_eq!(e.status.date.as_deref(), Some("2021-06-08"));
    assert_eq!(
        e.status.note.as_deref(),
        Some("Passed the Senate on June 8, 2021; never became law.")
    );
}

/// H.R. 4521 passed the House on Feb. 4, 2022, as the America COMPETES Act of
/// 2022. On March 28, 2022, the Senate passed it "with an amendment": it
/// struck the House text and put in the text of USICA (S. 1260). Neither
/// chamber then agreed to the other's version (the record shows no
/// resolving-differences agreement and no presentment to the President), so
/// it passed both chambers in different versions and never became law;
/// its content went on, much changed, into the CHIPS and Science Act (H.R.
/// 4346). The facts file says "passed Senate 2022-03-28": the same date, a
/// less precise state.
#[test]
fn america_competes_act_passed_both_chambers_unreconciled() {
    let Some(data) = shared_data("america_competes_act") else {
        return;
    };
    let e = import_one(data.join("billstatus/117/BILLSTATUS-117hr4521.xml"));
    assert_eq!(e.id.as_str(), "us/bill/117/hr4521");
    assert_eq!(e.kind, Kind::Bill);
    assert!(
        is_named(&e, "America COMPETES Act of 2022"),
        "{:?}",
        names(&e)
    );
    // The 2007 law of that name is another entry; no year-less variant is made.
    assert!(!is_named(&e, "America COMPETES Act"));
    assert_eq!(e.status.state, StatusState::PassedBothUnreconciled);
    assert_eq!(e.status.date.as_deref(), Some("2022-03-28"));
    assert_eq!(
        e.status.note.as_deref(),
        Some(
            "Passed the House on Feb. 4, 2022, and the Senate on March 28, 2022, \
             in different versions; never became law."
        )
    );
}

#[test]
fn a_law_with_only_its_long_title_takes_its_companions_short_title() {
    let Some(data) = shared_data("a_law_with_only_its_long_title_takes_its_companions_short_title")
    else {
        return;
    };
    let report = import_clean(&[
        data.join("billstatus/117/BILLSTATUS-117hr6256.xml"),
        data.join("billstatus/117/BILLSTATUS-117s65.xml"),
    ]);
    let law = &report.entries[0];
    assert_eq!(law.id.as_str(), "us/pl/117-78");
    assert_eq!(law.title, "Uyghur Forced Labor Prevention Act");
    assert!(law.aliases[0].starts_with("To ensure that goods made with forced labor"));
}

#[test]
fn enacted_law_of_the_115th_congress() {
    let Some(data) = shared_data("enacted_law_of_the_115th_congress") else {
        return;
    };
    let e = import_one(data.join("billstatus/115/BILLSTATUS-115hr39.xml"));
    assert_eq!(e.id.as_str(), "us/pl/115-1");
    assert_eq!(e.title, "TALENT Act of 2017");
    assert_eq!(
        e.aliases,
        ["Tested Ability to Leverage Exceptional National Talent Act of 2017"]
    );
    assert_eq!(e.citations, ["Pub. L. 115-1", "H.R. 39 (115th Congress)"]);
    assert_eq!(e.status.state, StatusState::Enacted);
    assert_eq!(e.status.date.as_deref(), Some("2017-01-20"));
    assert!(
        e.summary.starts_with("(Sec. 2) This bill codifies"),
        "{}",
        e.summary
    );

    let tcja = import_one(data.join("billstatus/115/BILLSTATUS-115hr1.xml"));
    assert_eq!(tcja.id.as_str(), "us/pl/115-97");
    assert_eq!(tcja.title, "Tax Cuts and Jobs Act");
    assert_eq!(tcja.status.date.as_deref(), Some("2017-12-22"));
}

#[test]
fn vetoed_joint_resolution() {
    let Some(data) = shared_data("vetoed_joint_resolution") else {
        return;
    };
    let e = import_one(data.join("billstatus/govinfo-samples/legacy/BILLSTATUS-114sjres8.xml"));
    assert_eq!(e.id.as_str(), "us/bill/114/sjres8");
    assert_eq!(e.citations, ["S.J.Res. 8 (114th Congress)"]);
    assert_eq!(e.status.state, StatusState::Vetoed);
    assert_eq!(e.status.date.as_deref(), Some("2015-03-31"));
}

/// Every file of the 115th and 117th Congresses imports, and the entries
/// agree with the facts extracted from them, except where the facts file
/// and the XML genuinely disagree (each kind explained below).
#[test]
fn all_files_agree_with_the_facts() {
    let Some(data) = shared_data("all_files_agree_with_the_facts") else {
        return;
    };
    let report = import_clean(&[data.join("billstatus/115"), data.join("billstatus/117")]);
    assert_eq!(report.documents, 1024);
    assert_eq!(report.entries.len(), 1024);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);

    let by_source: HashMap<&str, &Entry> = report
        .entries
        .iter()
        .map(|e| (e.sources[0].as_str(), e))
        .collect();
    let entry_for = |row: &serde_json::Value| -> &Entry {
        // `.../data/117/bills/hr/hr4521/fdsys_billstatus.xml`
        let source = row["source"].as_str().unwrap();
        let parts: Vec<&str> = source.split('/').collect();
        let i = parts.iter().position(|p| *p == "bills").unwrap();
        let (congress, kind, bill) = (parts[i - 1], parts[i + 1], parts[i + 2]);
        let url = format!(
            "https://www.govinfo.gov/bulkdata/BILLSTATUS/{congress}/{kind}/BILLSTATUS-{congress}{bill}.xml"
        );
        by_source
            .get(url.as_str())
            .unwrap_or_else(|| panic!("no entry for {url}"))
    };

    let mut disagreements: Vec<String> = Vec::new();
    let (mut agreed, mut refined_count) = (0, 0);
    for row in read_jsonl(&data.join("laws/enacted-115-117.jsonl")) {
        let e = entry_for(&row);
        let bill = row["bill"].as_str().unwrap();
        let law = row["public_law"].as_str().unwrap();
        let id = law
            .replace("Pub. L. ", "us/pl/")
            .replace("Pvt. L. ", "us/pvtl/");
        assert_eq!(e.id.as_str(), id, "{bill}");
        assert_eq!(e.kind, Kind::Law, "{bill}");
        assert_eq!(e.citations, [law, bill], "{bill}");
        assert_eq!(e.status.state, StatusState::Enacted, "{bill}");
        assert_eq!(e.status.date.as_deref(), row["enacted"].as_str(), "{bill}");
        let title = row["title"].as_str().unwrap();
        if is_named(e, title) {
            agreed += 1;
        } else {
            disagreements.push(format!("{bill}: title {title:?} not among {:?}", names(e)));
        }
    }
    for row in read_jsonl(&data.join("laws/passed-one-chamber-115-117.jsonl")) {
        let e = entry_for(&row);
        let bill = row["bill"].as_str().unwrap();
        let title = row["title"].as_str().unwrap();
        assert!(
            is_named(e, title),
            "{bill}: {title:?} not among {:?}",
            names(e)
        );
        let status = row["status"].as_str().unwrap();
        let date = status.strip_prefix("passed Senate ").expect(status);
        let note = e.status.note.as_deref().unwrap_or("");
        let same =
            e.status.state == StatusState::PassedSenate && e.status.date.as_deref() == Some(date);
        // The entry is more precise than the facts file when the bill passed
        // both chambers: its note still records the Senate's passage.
        let refined = note.contains(&format!("the Senate on {}", ap_date(date)));
        if same || refined {
            agreed += 1;
            refined_count += usize::from(!same);
        } else {
            disagreements.push(format!(
                "{bill}: facts say {status:?}, entry says {:?} {:?}: {note}",
                e.status.state,
                e.status.date.as_deref().unwrap_or("")
            ));
        }
    }
    eprintln!(
        "{agreed} rows agree ({refined_count} with a more precise status), {} disagree:",
        disagreements.len()
    );
    for d in &disagreements {
        eprintln!("  {d}");
    }
    let mut disagreeing: Vec<&str> = disagreements
        .iter()
        .map(|d| d.split(':').next().unwrap())
        .collect();
    disagreeing.sort();
    // H.R. 4346 (117th): the facts' title "CHIPS and Science Act" is a
    // curated override; the XML never uses it.
    // H.R. 6611, 6725, 7832 and 8665 (117th): the XML shows only House
    // passage on 2022-12-14 and receipt in the Senate; the facts file calls
    // that date Senate passage.
    // H.R. 2617 (117th): the Consolidated Appropriations Act, 2023. The XML
    // has it signed on 2022-12-29 (no law number yet); the facts file says
    // passed Senate 2022-12-14, a date with no Senate passage.
    // H.R. 695 (115th): the Senate passed it on 2017-10-16; the facts file
    // gives 2018-01-30, the day the House agreed to the Senate amendment with
    // an amendment of its own.
    assert_eq!(
        disagreeing,
        [
            "H.R. 2617 (117th Congress)",
            "H.R. 4346 (117th Congress)",
            "H.R. 6611 (117th Congress)",
            "H.R. 6725 (117th Congress)",
            "H.R. 695 (115th Congress)",
            "H.R. 7832 (117th Congress)",
            "H.R. 8665 (117th Congress)",
        ]
    );
    assert_eq!(agreed + disagreements.len(), 746 + 278);
}

fn read_jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

// Inputs and failures.

#[test]
fn zip_input() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("BILLSTATUS-mixed.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for name in ["BILLSTATUS-115s4242.xml", "BILLSTATUS-117hr7777.xml"] {
        zip.start_file(format!("BILLSTATUS/{name}"), options)
            .unwrap();
        zip.write_all(&std::fs::read(fixtures().join(name)).unwrap())
            .unwrap();
    }
    zip.start_file("README.txt", options).unwrap();
    zip.write_all(b"not XML, not imported").unwrap();
    zip.finish().unwrap();

    let report = import_clean(&[zip_path]);
    assert_eq!(report.documents, 2);
    let ids: Vec<&str> = report.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["us/bill/115/s4242", "us/pl/117-999"]);
}

#[test]
fn a_malformed_file_is_an_error_naming_it_and_the_others_import() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("broken.xml"),
        "<billStatus>\n  <bill>\n    <congress>117</bill>\n",
    )
    .unwrap();
    std::fs::copy(
        fixtures().join("BILLSTATUS-117hr7777.xml"),
        dir.path().join("good.xml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();

    let report = import_paths(&[dir.path().to_path_buf()], &Limits::default()).unwrap();
    assert_eq!(report.documents, 2);
    assert_eq!(report.entries.len(), 1);
    assert_eq!(report.errors.len(), 1);
    let error = &report.errors[0];
    assert!(error.file.ends_with("broken.xml"), "{error}");
    assert_eq!(error.line, Some(3));
    assert!(
        error.to_string().contains("broken.xml:3: malformed XML"),
        "{error}"
    );
}

#[test]
fn a_missing_path_stops_the_import() {
    let err = import_paths(
        &[PathBuf::from("/no/such/BILLSTATUS.xml")],
        &Limits::default(),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::NotFound(_)));
    assert!(err.to_string().contains("/no/such/BILLSTATUS.xml"));
}

#[test]
fn a_bill_read_twice_keeps_the_later_entry_with_a_warning() {
    let fixture = fixtures().join("BILLSTATUS-117hr7777.xml");
    let report = import_clean(&[fixture.clone(), fixture]);
    assert_eq!(report.entries.len(), 1);
    assert_eq!(report.warnings.len(), 1);
    assert!(report.warnings[0].message.contains("us/pl/117-999"));
}

#[test]
fn store_round_trip() {
    let report = import_clean(&[fixtures()]);
    assert_eq!(report.entries.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.jsonl");
    store::write(&path, &report.entries).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert_eq!(
        store::read(&path, &Limits::default()).unwrap(),
        report.entries
    );
}

// Hostile inputs: every document is bounded, and nothing waits.

fn small_documents(mib: u64) -> Limits {
    Limits {
        import_document: mib << 20,
        ..Limits::default()
    }
}

#[test]
fn a_zip_member_that_inflates_past_the_cap_is_refused_and_the_rest_import() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("bomb.zip");
    // Three MiB of blanks deflate to a few KiB.
    let bill = std::fs::read(fixtures().join("BILLSTATUS-117hr7777.xml")).unwrap();
    write_zip(
        &zip_path,
        &[
            ("BILLSTATUS/padded.xml", &padded_document(3)),
            ("BILLSTATUS/BILLSTATUS-117hr7777.xml", &bill),
        ],
    );
    assert!(std::fs::metadata(&zip_path).unwrap().len() < 64 << 10);

    let report = import_paths(&[zip_path], &small_documents(1)).unwrap();
    assert_eq!(report.documents, 2);
    assert_eq!(report.entries.len(), 1);
    assert_eq!(report.errors.len(), 1);
    let error = report.errors[0].to_string();
    assert!(
        error.contains(
            "bomb.zip!BILLSTATUS/padded.xml: cannot read the zip member: it is 3.0 MiB, \
             over the 1 MiB limit for an imported document; check that it is a BILLSTATUS \
             document, or raise the limit with `copydesk kb import --max-document-mib`"
        ),
        "{error}"
    );
}

#[test]
fn an_xml_file_over_the_cap_is_refused_by_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.xml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(5 << 30)
        .unwrap();
    let report = import_paths(&[big], &Limits::default()).unwrap();
    assert_eq!(report.entries.len(), 0);
    assert!(
        report.errors[0]
            .to_string()
            .contains("cannot read the file: it is 5.0 GiB, over the 16 MiB limit"),
        "{}",
        report.errors[0]
    );
}

#[cfg(unix)]
#[test]
fn pipes_are_refused_and_a_folder_linked_back_up_is_not_walked_again() {
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("waiting.xml"))
        .status()
        .unwrap();
    assert!(status.success());
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::fs::copy(
        fixtures().join("BILLSTATUS-117hr7777.xml"),
        dir.path().join("good.xml"),
    )
    .unwrap();
    let report = import_paths(&[dir.path().to_path_buf()], &Limits::default()).unwrap();
    assert_eq!(report.entries.len(), 1);
    assert_eq!(report.documents, 2);
    assert!(
        report.errors[0]
            .to_string()
            .contains("waiting.xml: cannot read the file: it is a named pipe (FIFO)"),
        "{}",
        report.errors[0]
    );
}
