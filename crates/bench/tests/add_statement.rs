//! The "Adding a statement" measurement, run once on a temporary copy of the shipped corpus: the
//! statement is written and the rebuilt index finds it (no timing asserted).

use agenda_bench::add_statement::{measure, statement_text, PARAGRAPHS};
use agenda_core::index::AgendaIndex;
use agenda_core::query;

#[test]
fn the_measured_add_writes_the_statement_and_the_rebuilt_index_finds_it() {
    let work = tempfile::tempdir().unwrap();
    let m = measure(&agenda_core::testing::shipped_corpus_dir(), work.path(), 2).unwrap();
    assert_eq!(m.result.runs, 2);
    assert_eq!(m.result.paragraphs, PARAGRAPHS);
    assert_eq!(m.added.len(), 2);
    assert_ne!(m.added[0].id, m.added[1].id);
    let idx = AgendaIndex::open(&m.index_dir).unwrap();
    assert_eq!(
        idx.manifest.statements,
        m.result.statements_before + 2,
        "both statements are in the new index"
    );
    for a in &m.added {
        assert!(a.path.exists(), "{} was not written", a.path.display());
        assert!(m
            .corpus_dir
            .join("facts/extracted")
            .join(format!("{}.toml", a.id))
            .exists());
        let hits =
            query::passages(&idx, &format!("{} Coastal Patrol Network", a.code_name), 5).unwrap();
        assert!(
            hits.iter().any(|c| c.statement_id == a.id),
            "no hit in {} for {}: {:?}",
            a.id,
            a.code_name,
            hits.iter().map(|c| &c.statement_id).collect::<Vec<_>>()
        );
    }
    // The shipped corpus itself is untouched.
    assert!(!agenda_core::testing::shipped_corpus_dir()
        .join("statements")
        .join(format!("{}.md", m.added[0].id))
        .exists());
}

#[test]
fn statements_differ_from_one_repetition_to_the_next() {
    assert_ne!(statement_text(0), statement_text(1));
    assert_ne!(statement_text(0), statement_text(8));
    assert!(statement_text(3).contains("| Initiative | Expected Outcome | Timeline |"));
    assert!(statement_text(3).contains("Kuala Lumpur, 14 March 2027 –"));
}
