//! Corpus text cannot ping anyone or break an embed: mentions are defused and Markdown escaped.

use agenda_core::corpus::Corpus;
use agenda_core::index::AgendaIndex;
use agenda_core::query::{self, Scope};
use agenda_core::render::embed::{self, limits};
use std::path::Path;

fn fixture_index() -> AgendaIndex {
    let c =
        Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")).unwrap();
    AgendaIndex::build_in_ram(&c).unwrap()
}

#[test]
fn mentions_in_a_statement_render_harmlessly() {
    let idx = fixture_index();
    let a = query::answer(&idx, Scope::Ask, "note markdown embeds").unwrap();
    assert!(!a.results.is_empty());
    let reply = embed::answer(&a);
    let json = serde_json::to_string(&reply).unwrap();
    assert!(json.contains("everyone"), "the passage is shown: {json}");
    assert!(!json.contains("@everyone"), "{json}");
    assert!(!json.contains("<@&123>"), "{json}");
    // Literal stars are escaped around the bold match: `\*` + `**markdown**` + `\*`.
    assert!(
        json.contains(r"\\***markdown**\\*"),
        "markdown is escaped: {json}"
    );
    assert!(reply.within_limits());
}

#[test]
fn user_text_echoed_in_nothing_found_is_defused() {
    let idx = fixture_index();
    let a = query::answer(&idx, Scope::Meeting, "@everyone **zzqx** <@&42>").unwrap();
    assert!(a.results.is_empty());
    let reply = embed::answer(&a);
    let text = serde_json::to_string(&reply).unwrap();
    assert!(
        !text.contains("@everyone") && !text.contains("<@&42>"),
        "{text}"
    );
}

#[test]
fn oversized_answers_are_packed_within_limits() {
    // A statement with huge paragraphs and a fact citing many of them.
    let long: String = (0..400)
        .map(|i| format!("maritime patrol sentence number {i} is long. "))
        .collect();
    let mut statement = String::from("+++\nid = \"big\"\ntitle = \"T\"\nsource = \"S\"\n+++\n");
    for _ in 0..30 {
        statement.push('\n');
        statement.push_str(&long);
        statement.push('\n');
    }
    let cites: Vec<String> = (1..=30).map(|n| format!("\"big#{n}\"")).collect();
    let facts = format!(
        "[[initiative]]\nid = \"huge\"\nname = \"{}\"\nexpected_outcome = \"{}\"\ncites = [{}]\n",
        "Maritime patrol ".repeat(40),
        "outcome ".repeat(600),
        cites.join(", ")
    );
    let c = Corpus::from_sources(&[
        ("statements/big.md".into(), statement),
        ("facts/f.toml".into(), facts),
    ])
    .unwrap();
    let idx = AgendaIndex::build_in_ram(&c).unwrap();
    for scope in [Scope::Ask, Scope::Initiative] {
        let a = query::answer(&idx, scope, "maritime patrol").unwrap();
        assert!(!a.results.is_empty());
        let reply = embed::answer(&a);
        assert!(
            reply.within_limits(),
            "{scope:?}: {} chars",
            reply.total_embed_size()
        );
        let e = &reply.embeds[0];
        assert!(e.title.chars().count() <= limits::TITLE && e.title.ends_with('…'));
        assert!(!e.fields.is_empty(), "at least one citation fits");
        for f in &e.fields {
            assert!(f.value.chars().count() <= limits::FIELD_VALUE);
        }
    }
}
