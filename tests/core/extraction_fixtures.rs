//! The extraction on statements it was not written for: four fixtures of other ASEAN defence
//! meetings in `tests/fixtures/statements/` (pasted text, text with header lines, Markdown, an HTML
//! page with navigation and footer), each added with `add` to an empty corpus and scored against
//! its hand-written `*.gold.toml` by the one extraction scorer (`agenda_bot::extraction_eval`, as
//! `agenda-bot eval-extraction --fixtures` prints it). The table is printed (`--nocapture`); a
//! modest floor is asserted.

use agenda_bot::extraction_eval::evaluate_fixtures;
use agenda_core::corpus::FactKind;
use std::path::Path;

#[test]
fn extraction_on_the_fixture_statements() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/statements");
    let (report, skipped) = evaluate_fixtures(&dir).unwrap();
    let table = report.table();
    println!("{table}");
    assert!(skipped.is_empty(), "fixtures not scored: {skipped:?}");
    assert_eq!(report.statements.len(), 4, "{table}");
    let (mut gold, mut found, mut fields, mut equal) = (0, 0, 0, 0);
    for kind in [FactKind::Meeting, FactKind::Mechanism, FactKind::Initiative] {
        let s = report.kind(kind);
        assert!(s.gold > 0, "{}: {table}", kind.as_str());
        (gold, found) = (gold + s.gold, found + s.found);
        (fields, equal) = (fields + s.fields, equal + s.fields_equal);
    }
    // A modest floor (the seeds' goal is 90 %): most gold facts of unseen statements are found,
    // and most of the fields of those found are right.
    assert!(
        2 * found >= gold,
        "fewer than half the gold facts found:\n{table}"
    );
    assert!(
        2 * equal >= fields,
        "fewer than half the fields equal:\n{table}"
    );
}
