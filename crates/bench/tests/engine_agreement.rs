//! The engine's fast paths agree with plain tantivy on a generated corpus: facts sit in a segment
//! of their own, and the pruned passage search finds what an exhaustive search finds.

use agenda_bench::gen::generate_sources;
use agenda_bench::queries::{self, CLASSES};
use agenda_core::corpus::Corpus;
use agenda_core::index::AgendaIndex;
use agenda_core::query::{self, Citation};
use tantivy::collector::TopDocs;
use tantivy::schema::Value;
use tantivy::{TantivyDocument, Term};

fn generated_index() -> (Corpus, AgendaIndex) {
    let (sources, _) = generate_sources(3_000, 8);
    let corpus = Corpus::from_sources(&sources).unwrap();
    let index = AgendaIndex::build_in_ram(&corpus).unwrap();
    (corpus, index)
}

#[test]
fn facts_get_a_segment_of_their_own() {
    let (corpus, index) = generated_index();
    let searcher = index.reader.searcher();
    let paragraph = Term::from_field_text(index.fields.kind, "paragraph");
    let mut sizes: Vec<(u32, u32)> = searcher
        .segment_readers()
        .iter()
        .map(|r| {
            let p = r
                .inverted_index(index.fields.kind)
                .unwrap()
                .doc_freq(&paragraph)
                .unwrap();
            (p, r.num_docs() - p)
        })
        .collect();
    sizes.sort();
    assert_eq!(sizes, [(0, corpus.facts.len() as u32), (3_000, 0)]);
}

/// `passages` (per-segment pruned union, facts' segment skipped, WAND) finds the same
/// paragraphs as the plain tantivy query intersected with `kind:paragraph`, scored exhaustively.
#[test]
fn passages_agree_with_an_exhaustive_paragraph_search() {
    let (corpus, index) = generated_index();
    let searcher = index.reader.searcher();
    let set = queries::generate(&corpus, 15, 8);
    let mut compared = 0;
    for class in CLASSES {
        for q in set.class(class) {
            let got: Vec<String> = query::passages(&index, q, 5)
                .unwrap()
                .iter()
                .map(Citation::reference)
                .collect();
            let reference = query::exhaustive_paragraph_query(&index, q).unwrap();
            let top = searcher
                .search(&reference, &TopDocs::with_limit(6))
                .unwrap();
            // Compare where the fifth place is not tied with the sixth.
            if top.len() == 6 && (top[4].0 - top[5].0).abs() < 1e-4 {
                continue;
            }
            let mut want: Vec<String> = top
                .iter()
                .take(5)
                .map(|(_, a)| {
                    let d: TantivyDocument = searcher.doc(*a).unwrap();
                    d.get_first(index.fields.id)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string()
                })
                .collect();
            let mut got_sorted = got.clone();
            want.sort();
            got_sorted.sort();
            assert_eq!(got_sorted, want, "{q}");
            compared += 1;
        }
    }
    assert!(compared > 40, "{compared}");
}
