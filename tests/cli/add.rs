//! `agenda-bot add` and `agenda-bot facts` end to end: a raw seed becomes a statement and facts
//! that answer; bad input is one clear line, exit 1, nothing written and the index unchanged.

use agenda_bot::add::{add, AddError, AddRequest};
use agenda_core::ingest::Overrides;
use agenda_test_support::common::CliSetup;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

const SEED_VNA: &str = "tests/fixtures/seeds/003_cda4d77ed1734233.txt";
const SEED_ASEAN: &str = "tests/fixtures/seeds/000_f420d65c7550d6ba.txt";

type Setup = CliSetup;

/// A config over an empty corpus.
fn setup() -> Setup {
    CliSetup::new(None)
}

fn seed(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn run(s: &Setup, args: &[&str]) -> Output {
    s.run(args)
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn a_raw_seed_becomes_a_statement_and_facts_that_answer() {
    let s = setup();
    let out = ok(&run(
        &s,
        &[
            "add",
            seed(SEED_VNA).to_str().unwrap(),
            "--published",
            "2024-09-03",
            "--source",
            "Vietnam News Agency (VNA)",
        ],
    ));
    assert!(
        out.contains("added statement asean-to-enhance-military-intelligence-cooperation-for"),
        "{out}"
    );
    assert!(
        out.contains("4 dropped"),
        "two captions, the repeated lead and 'See more': {out}"
    );
    assert!(out.contains("meeting amim-21"), "{out}");
    assert!(out.contains("index built"), "the index is rebuilt: {out}");
    let statement = s
        .corpus
        .join("statements/asean-to-enhance-military-intelligence-cooperation-for.md");
    let text = std::fs::read_to_string(&statement).unwrap();
    assert!(
        text.contains("source = \"Vietnam News Agency (VNA)\""),
        "{text}"
    );
    assert!(!text.contains("(Photo:"), "captions are dropped: {text}");
    assert!(s
        .corpus
        .join("facts/extracted/asean-to-enhance-military-intelligence-cooperation-for.toml")
        .exists());

    let v: Value = serde_json::from_str(&ok(&run(&s, &["meeting", "AMIM-21", "--json"]))).unwrap();
    let first = &v["results"][0];
    assert_eq!(first["id"], "amim-21", "{v:#}");
    assert_eq!(first["origin"], "extracted");
    assert_eq!(first["place"], "Vientiane, Laos");
    assert_eq!(first["when"]["start"], "2024-09-03");
    let text_answer = ok(&run(&s, &["mechanism", "AJIIP"]));
    assert!(
        text_answer.contains("extracted"),
        "answers mark extracted facts: {text_answer}"
    );

    let facts: Value = serde_json::from_str(&ok(&run(
        &s,
        &[
            "facts",
            "--statement",
            "asean-to-enhance-military-intelligence-cooperation-for",
            "--json",
        ],
    )))
    .unwrap();
    let results = facts["results"].as_array().unwrap();
    assert_eq!(results.len(), 7, "{facts:#}");
    assert!(results.iter().all(|r| r["origin"] == "extracted"));
    assert!(
        results[0]["cites"][0]["text"]
            .as_str()
            .unwrap()
            .contains("AMIM-21"),
        "{facts:#}"
    );
    let listing = ok(&run(&s, &["facts"]));
    assert!(
        listing.contains("▸ asean-to-enhance-military-intelligence-cooperation-for#2:"),
        "{listing}"
    );
}

#[test]
fn dry_run_writes_nothing() {
    let s = setup();
    let before = snapshot(s.tmp.path());
    let out = ok(&run(
        &s,
        &["add", "--dry-run", seed(SEED_ASEAN).to_str().unwrap()],
    ));
    assert!(
        out.contains("would add statement secretary-general-of-asean-and-lao-pdr-defence-minister"),
        "{out}"
    );
    assert!(
        out.contains("[[initiative]]"),
        "the fact file is shown: {out}"
    );
    assert!(out.contains("note: no source found"), "{out}");
    assert_eq!(snapshot(s.tmp.path()), before);
}

/// Issue 9, item 5: each bad input is one line on stderr, exit 1, no file written, index unchanged.
#[test]
fn bad_input_is_one_line_and_changes_nothing() {
    let s = setup();
    ok(&run(
        &s,
        &[
            "add",
            seed(SEED_VNA).to_str().unwrap(),
            "--published",
            "2024-09-03",
        ],
    ));
    let inputs = s.tmp.path().join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    let file = |name: &str, bytes: &[u8]| {
        let p = inputs.join(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_string_lossy().into_owned()
    };
    let big = "A long title line\n\n".to_string()
        + &"Words and more words in a paragraph.\n".repeat(30_000);
    let cases = [
        (file("empty.txt", b""), "the input is empty"),
        (file("blank.txt", b"  \n\n \n"), "the input is empty"),
        (file("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "not text"),
        (file("latin1.txt", b"Caf\xe9 au lait\n"), "not text"),
        (file("big.txt", big.as_bytes()), "at most 1 MiB"),
        (file("no-text.txt", b"Only A Title Line\n"), "no text paragraphs"),
        // A text without a headline is titled by its first sentence now (issue 21), so it is no
        // bad input; `ingest::tests::long_headlines_and_headless_texts_get_titles` pins that.
        (seed(SEED_VNA).to_string_lossy().into_owned(), "already in the corpus as statement \"asean-to-enhance-military-intelligence-cooperation-for\""),
        (inputs.join("missing.txt").to_string_lossy().into_owned(), "cannot open"),
        // Issue 24: an HTML page of navigation only printed its sentence twice.
        (
            file("nav.html", b"<html><body><nav><a href=\"/\">Home</a></nav></body></html>"),
            "the HTML page has no text",
        ),
    ];
    let corpus_before = snapshot(&s.corpus);
    let index_before = snapshot(&s.tmp.path().join("index"));
    for (input, want) in cases {
        let out = run(&s, &["add", &input]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{input}: {stderr}");
        assert_eq!(
            stderr.trim().lines().count(),
            1,
            "{input}: one line: {stderr}"
        );
        assert!(stderr.contains(want), "{input}: want {want:?} in {stderr}");
        assert_eq!(
            stderr.matches(want).count(),
            1,
            "{input}: said once: {stderr}"
        );
        assert!(
            stderr.contains(&input),
            "{input}: the message names the input: {stderr}"
        );
        assert_eq!(
            snapshot(&s.corpus),
            corpus_before,
            "{input}: corpus unchanged"
        );
        assert_eq!(
            snapshot(&s.tmp.path().join("index")),
            index_before,
            "{input}: index unchanged"
        );
    }
}

#[test]
fn the_library_call_refuses_duplicates_and_taken_ids_and_keeps_ids_unique() {
    let s = setup();
    let text = std::fs::read_to_string(seed(SEED_ASEAN)).unwrap();
    let req = |text: &str, id: Option<&str>| AddRequest {
        text: text.to_string(),
        name: Some("statement.txt".into()),
        overrides: Overrides {
            id: id.map(str::to_string),
            source: Some("ASEAN Main Portal".into()),
            ..Overrides::default()
        },
        dry_run: false,
    };
    let a = add(&s.corpus, &req(&text, None)).unwrap();
    // The symptom: `upcoming` knew nothing of a statement added without hand-written facts.
    let upcoming = ok(&run(
        &s,
        &["upcoming", "--date", "2026-11-22", "--days", "60"],
    ));
    assert!(
        upcoming.contains("Lao PDR Defence Capacity Building"),
        "{upcoming}"
    );
    assert!(upcoming.contains("by 31 December 2026"), "{upcoming}");
    assert_eq!(
        a.statement_id,
        "secretary-general-of-asean-and-lao-pdr-defence-minister"
    );
    assert!(a.facts.len() >= 15, "{:?}", a.facts);
    let e = add(&s.corpus, &req(&text, None)).unwrap_err();
    assert!(
        matches!(e, AddError::Duplicate { ref existing } if existing == &a.statement_id),
        "{e}"
    );
    // Same title, other text: a second id.
    let other = text.replace("Insights and Conclusions", "Closing Remarks");
    let b = add(&s.corpus, &req(&other, None)).unwrap();
    assert_eq!(b.statement_id, format!("{}-2", a.statement_id));
    let third = text.replace("Insights and Conclusions", "Final Words");
    let e = add(&s.corpus, &req(&third, Some(&a.statement_id))).unwrap_err();
    assert!(matches!(e, AddError::IdTaken(_)), "{e}");
    // Both statements' facts load: the second statement's copies of the same facts give way.
    let corpus = agenda_core::corpus::Corpus::load(&s.corpus).unwrap();
    assert_eq!(corpus.statements.len(), 2);
}

/// Adding a seed that the shipped corpus already holds (converted by hand) is refused by content.
#[test]
fn a_seed_already_shipped_is_a_duplicate() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let text = std::fs::read_to_string(seed(SEED_ASEAN)).unwrap();
    let e = add(
        &corpus,
        &AddRequest {
            text,
            name: None,
            overrides: Overrides::default(),
            dry_run: true,
        },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "this text is already in the corpus as statement \"asean-sg-lao-defence-minister\""
    );
}
