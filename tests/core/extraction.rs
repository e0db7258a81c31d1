//! The extraction measurement (issue 9): the two raw seeds, added to an empty corpus, against the
//! shipped hand-written facts as gold. Goal: ≥ 90 % of gold meetings, mechanisms and initiatives
//! found, ≥ 90 % of their fields equal, at most one wrong fact per statement.

use agenda_bot::extraction_eval::evaluate;
use agenda_core::corpus::FactKind;
use std::path::Path;

#[test]
fn re_extracting_the_seeds_meets_the_goal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report = evaluate(&root.join("corpus"), &root.join("tests/fixtures/seeds")).unwrap();
    let table = report.table();
    println!("{table}");
    for kind in [FactKind::Meeting, FactKind::Mechanism, FactKind::Initiative] {
        let s = report.kind(kind);
        assert!(s.gold > 0, "{table}");
        assert!(s.found * 10 >= s.gold * 9, "{}: {table}", kind.as_str());
        assert!(
            s.fields_equal * 10 >= s.fields * 9,
            "{}: {table}",
            kind.as_str()
        );
    }
    assert_eq!(report.statements.len(), 2, "{table}");
    for s in &report.statements {
        assert!(s.wrong <= 1, "{}: {table}", s.statement_id);
    }
}
