//! Typo tolerance: indexed terms within a small edit distance of an unknown word.

use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use std::sync::OnceLock;
use tantivy::schema::Field;
use tantivy::Searcher;
use tantivy_fst::Automaton;

/// Walks the term dictionary along a Levenshtein DFA.
struct Lev<'a>(&'a DFA);

impl Automaton for Lev<'_> {
    type State = u32;
    fn start(&self) -> u32 {
        self.0.initial_state()
    }
    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }
    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }
    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

fn builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if distance <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance.clamp(1, 2), true))
}

/// Up to four indexed terms close to `word` (an analysed term absent from the index),
/// nearest first, then most frequent. Short words get no fuzzy matches.
pub(super) fn close_terms(
    searcher: &Searcher,
    field: Field,
    word: &str,
) -> tantivy::Result<Vec<(String, u64)>> {
    let len = word.chars().count();
    if len < 4 || word.chars().all(|c| c.is_ascii_digit()) {
        return Ok(Vec::new());
    }
    let distance = if len >= 8 { 2 } else { 1 };
    let dfa = builder(distance).build_dfa(word);
    let mut found: Vec<(u8, u64, String)> = Vec::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().search(Lev(&dfa)).into_stream()?;
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            let d = match dfa.eval(term) {
                Distance::Exact(d) => d,
                Distance::AtLeast(_) => continue,
            };
            let df = u64::from(stream.value().doc_freq);
            match found.iter_mut().find(|f| f.2 == term) {
                Some(f) => f.1 += df,
                None => found.push((d, df, term.to_string())),
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let nearest = found.first().map_or(0, |f| f.0);
    Ok(found
        .into_iter()
        .filter(|f| f.0 == nearest)
        .take(4)
        .map(|(_, df, term)| (term, df))
        .collect())
}
