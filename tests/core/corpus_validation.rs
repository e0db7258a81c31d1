//! Corpus parsing and validation: every error names its file and line, all are reported at once,
//! and a broken corpus never replaces the last good index.

use agenda_core::corpus::{Corpus, CorpusError, Fact};
use agenda_core::index::{self, AgendaIndex, BuildOutcome, IndexError};
use agenda_core::query::{self, Scope};
use agenda_test_support::common::copy_dir;
use std::path::{Path, PathBuf};

const STATEMENT: &str = "+++\nid = \"s1\"\ntitle = \"T\"\nsource = \"S\"\npublished = \"2024-09-03\"\n+++\n\nFirst paragraph.\n\nSecond paragraph.\n";

fn sources(files: &[(&str, &str)]) -> Vec<(PathBuf, String)> {
    files
        .iter()
        .map(|(p, t)| (PathBuf::from(p), t.to_string()))
        .collect()
}

fn errors(files: &[(&str, &str)]) -> Vec<CorpusError> {
    Corpus::from_sources(&sources(files))
        .expect_err("corpus should be refused")
        .0
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

#[test]
fn fixture_corpus_loads_with_normalised_dates() {
    let c = Corpus::load(&fixture()).unwrap();
    assert_eq!(c.statements.len(), 2);
    assert_eq!(c.facts.len(), 3);
    let Some(Fact::Initiative(mdch)) = c.facts.iter().find(|f| f.id() == "mdch") else {
        panic!("mdch missing");
    };
    let period = mdch.period.as_ref().unwrap();
    assert!(period.deadline);
    assert_eq!(period.end.to_string(), "2025-12-31");
}

#[test]
fn shipped_corpus_is_valid() {
    let c = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
    assert_eq!(c.statements.len(), 2);
    assert!(c.facts.len() >= 20, "{}", c.facts.len());
    let vna = c.statement("amim-21-vna").unwrap();
    assert!(
        vna.paragraphs
            .iter()
            .any(|p| p.text.contains("Timor-Lester")),
        "seed typos are kept"
    );
}

#[test]
fn all_errors_are_reported_at_once_with_file_and_line() {
    let facts = "\
[[meeting]]
id = \"m1\"
name = \"Meeting\"
cites = [\"s1#1\", \"nope#1\"]

[[meeting]]
id = \"m1\"
name = \"Same id\"
cites = [\"s1#9\"]
mechanisms = [\"ghost\"]

[[initiative]]
id = \"i1\"
name = \"I\"
timeline = \"whenever\"
cites = [\"s1#2\"]
";
    let errs = errors(&[("statements/s1.md", STATEMENT), ("facts/f.toml", facts)]);
    let shown: Vec<String> = errs.iter().map(ToString::to_string).collect();
    let expect = [
        ("facts/f.toml:4:", "nope"),
        ("facts/f.toml:7:", "duplicate fact id \"m1\""),
        ("facts/f.toml:9:", "has 2 paragraphs, not 9"),
        ("facts/f.toml:10:", "ghost"),
        ("facts/f.toml:15:", "whenever"),
    ];
    for (prefix, needle) in expect {
        assert!(
            shown
                .iter()
                .any(|e| e.starts_with(prefix) && e.contains(needle)),
            "no error {prefix} ..{needle}.. in {shown:#?}"
        );
    }
    assert_eq!(shown.len(), expect.len(), "{shown:#?}");
}

#[test]
fn unknown_key_and_missing_field_are_located() {
    let errs = errors(&[
        ("statements/s1.md", STATEMENT),
        (
            "facts/a.toml",
            "[[mechanism]]\nid = \"x\"\nname = \"X\"\nwebsite = \"y\"\ncites = [\"s1#1\"]\n",
        ),
    ]);
    assert_eq!(errs[0].file, PathBuf::from("facts/a.toml"));
    assert_eq!(errs[0].line, 4, "{:?}", errs[0]);
    assert!(errs[0].message.contains("website"));

    let errs = errors(&[
        ("statements/s1.md", STATEMENT),
        (
            "facts/b.toml",
            "\n[[initiative]]\nid = \"x\"\nname = \"X\"\n",
        ),
    ]);
    assert!(errs[0].message.contains("cites"), "{:?}", errs[0]);
    assert!(errs[0].line >= 2 && errs[0].line <= 4, "{:?}", errs[0]);
}

#[test]
fn broken_toml_syntax_and_broken_statements_in_one_report() {
    let errs = errors(&[
        ("statements/s1.md", STATEMENT),
        (
            "statements/bad.md",
            "+++\nid = \"bad\"\ntitle = \"T\"\nsource = \n+++\nText\n",
        ),
        (
            "facts/c.toml",
            "[[meeting]]\nid = \"m\"\nname = \"unterminated\ncites = []\n",
        ),
    ]);
    let shown: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert!(
        shown.iter().any(|e| e.starts_with("statements/bad.md:4:")),
        "{shown:#?}"
    );
    assert!(
        shown.iter().any(|e| e.starts_with("facts/c.toml:3:")),
        "{shown:#?}"
    );
}

#[test]
fn duplicate_statement_ids_are_refused() {
    let errs = errors(&[
        ("statements/2024/s1.md", STATEMENT),
        ("statements/2025/s1.md", STATEMENT),
    ]);
    assert!(
        errs[0].message.contains("duplicate statement id"),
        "{:?}",
        errs
    );
    assert_eq!(errs[0].line, 2);
}

#[test]
fn a_broken_corpus_leaves_the_last_good_index_answering() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let idx = tmp.path().join("index");
    copy_dir(&fixture(), &corpus);
    assert_eq!(
        index::ensure_built(&corpus, &idx).unwrap(),
        BuildOutcome::Built
    );
    assert_eq!(
        index::ensure_built(&corpus, &idx).unwrap(),
        BuildOutcome::UpToDate
    );
    let good = index::current_generation(&idx).unwrap().unwrap();

    std::fs::write(
        corpus.join("facts/facts.toml"),
        "[[meeting]]\nid = \"x\"\nname = \"X\"\ncites = [\"gone#1\"]\n",
    )
    .unwrap();
    match index::ensure_built(&corpus, &idx) {
        Err(IndexError::Corpus(e)) => {
            assert!(e.to_string().contains("facts.toml:4:"), "{e}");
        }
        other => panic!("expected a corpus error, got {other:?}"),
    }
    assert_eq!(index::current_generation(&idx).unwrap().unwrap(), good);
    let opened = AgendaIndex::open(&idx).unwrap();
    let a = query::answer(&opened, Scope::Initiative, "maritime hotline").unwrap();
    assert_eq!(a.results[0].id(), "mdch");
}

#[test]
fn a_schema_change_forces_a_rebuild() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = tmp.path().join("index");
    index::ensure_built(&fixture(), &idx).unwrap();
    let gen = index::current_generation(&idx).unwrap().unwrap();
    let manifest = gen.join("manifest.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let old = text.replace(
        &format!("\"schema_version\":{}", index::SCHEMA_VERSION),
        "\"schema_version\":0",
    );
    assert_ne!(text, old);
    std::fs::write(&manifest, old).unwrap();
    assert!(
        AgendaIndex::open(&idx).is_err(),
        "an index of another schema is not opened"
    );
    assert_eq!(
        index::ensure_built(&fixture(), &idx).unwrap(),
        BuildOutcome::Built
    );
    AgendaIndex::open(&idx).unwrap();
}

/// Each error shown starts with one of `expect` (file:line: message), and there are no others.
fn assert_reported_exactly(errs: &[CorpusError], expect: &[&str]) {
    let shown: Vec<String> = errs.iter().map(ToString::to_string).collect();
    for want in expect {
        assert!(
            shown.iter().any(|e| e.starts_with(want)),
            "no error starting {want:?} in {shown:#?}"
        );
    }
    assert_eq!(shown.len(), expect.len(), "{shown:#?}");
}

/// Issue 13: an unknown or missing field stopped every other check of its file (four mistakes
/// reported one), and `missing field` did not say which fact.
#[test]
fn every_mistake_of_a_fact_file_is_reported_naming_its_fact() {
    let facts = "\
[[meeting]]
id = \"m1\"
name = \"Meeting\"
dte = \"3 September 2024\"
cites = [\"s1#1\"]

[[meeting]]
id = \"m2\"
number = \"twenty\"
cites = [\"s1#2\"]

[[initiative]]
id = \"i1\"
name = \"I\"
timeline = \"whenever\"
cites = [\"s1#7\"]

[[mechanism]]
name = \"No id\"
cites = [\"s1#1\"]

[[meting]]
id = \"typo\"
";
    let errs = errors(&[("statements/s1.md", STATEMENT), ("facts/f.toml", facts)]);
    let expect = [
        "facts/f.toml:4: meeting #1 (\"m1\"): unknown field `dte`, expected one of",
        "facts/f.toml:7: meeting #2 (\"m2\"): missing field `name`",
        "facts/f.toml:9: meeting #2 (\"m2\"): `number`: invalid type: string \"twenty\", expected u32",
        "facts/f.toml:15: initiative \"i1\": timeline: unrecognised date \"whenever\"",
        "facts/f.toml:16: initiative \"i1\": citation \"s1#7\": statement \"s1\" has 2 paragraphs, not 7",
        "facts/f.toml:18: mechanism #1: missing field `id`",
        "facts/f.toml:22: unknown kind `meting`",
    ];
    assert_reported_exactly(&errs, &expect);
}

/// Issue 13: three mistakes in statements passed silently.
#[test]
fn statement_mistakes_that_passed_silently_are_reported() {
    let errs = errors(&[
        (
            "statements/s1.md",
            "+++\nid = \"s1\"\ntitle = \"T\"\nsource = \"S\"\npublished = \"21 Nov 2024\"\n+++\n\nText.\n",
        ),
        (
            "statements/wrong-name.md",
            "+++\nid = \"s2\"\ntitle = \"T\"\nsource = \"S\"\n+++\n\nText.\n",
        ),
        (
            "statements/s3.md",
            "+++\nid = \"s3\"\ntitel = \"T\"\nsource = 7\n+++\n\nText.\n",
        ),
    ]);
    let expect = [
        "statements/s1.md:5: front matter: published: \"21 Nov 2024\" must be written YYYY-MM-DD, YYYY-MM or YYYY (did you mean \"2024-11-21\"?)",
        "statements/s3.md:2: front matter: missing field `title`",
        "statements/s3.md:3: front matter: unknown field `titel`",
        "statements/s3.md:4: front matter: `source`: invalid type: integer `7`, expected a string",
        "statements/wrong-name.md:2: statement id \"s2\" differs from the file name \"wrong-name.md\"",
    ];
    assert_reported_exactly(&errs, &expect);
}

/// Issue 13: a `.txt` file in `corpus/statements/` was ignored without a word.
#[test]
fn a_file_the_corpus_does_not_read_is_a_warning_and_triggers_a_rebuild() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let idx = tmp.path().join("index");
    copy_dir(&fixture(), &corpus);
    index::ensure_built(&corpus, &idx).unwrap();
    std::fs::write(corpus.join("statements/pasted.txt"), "A title\n\nText.\n").unwrap();
    std::fs::write(corpus.join("statements/.draft.swp"), "editor file").unwrap();
    let loaded = Corpus::load(&corpus).unwrap();
    let shown: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].ends_with("statements/pasted.txt:1: ignored: statements are `.md` files with front matter; turn pasted text into one with `agenda-bot add FILE`"),
        "{shown:?}"
    );
    assert_eq!(
        index::ensure_built(&corpus, &idx).unwrap(),
        BuildOutcome::Built,
        "a new stray file rebuilds, so its warning is logged"
    );
}
