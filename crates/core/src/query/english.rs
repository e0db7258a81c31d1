//! English words (a shipped word list, `crates/core/data/english-words.txt`): typo tolerance
//! leaves a real word alone and corrects a misspelling to real words.

use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder};
use std::collections::HashSet;
use std::sync::OnceLock;

/// About 40,000 lowercase words, one a line (SCOWL size 35; see `crates/core/data/README.md`).
const WORD_LIST: &str = include_str!("../../data/english-words.txt");

fn words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| WORD_LIST.lines().filter(|w| !w.is_empty()).collect())
}

/// Whether `word` (any case) is an English word of the list.
pub fn is_word(word: &str) -> bool {
    word.len() <= 32 && words().contains(word.to_lowercase().as_str())
}

/// Words of the list within one edit of `word` (two for words of 8 letters or more; a
/// transposition counts as one), nearest first. Words shorter than 4 letters get none.
pub fn corrections(word: &str) -> Vec<(u8, &'static str)> {
    let word = word.to_lowercase();
    let len = word.chars().count();
    if !(4..=32).contains(&len) || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return Vec::new();
    }
    let distance: u8 = if len >= 8 { 2 } else { 1 };
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let builder = if distance == 1 { &ONE } else { &TWO };
    let dfa = builder
        .get_or_init(|| LevenshteinAutomatonBuilder::new(distance, true))
        .build_dfa(&word);
    let mut found: Vec<(u8, &'static str)> = words()
        .iter()
        .filter(|w| w.len().abs_diff(word.len()) <= usize::from(distance))
        .filter_map(|w| match dfa.eval(w) {
            Distance::Exact(d) if d > 0 => Some((d, *w)),
            _ => None,
        })
        .collect();
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_plain_words_and_not_misspellings() {
        for w in ["talk", "Talk", "task", "thanks", "operations", "tomorrow"] {
            assert!(is_word(w), "{w}");
        }
        for w in ["operatoins", "inteligence", "amim", "ajiip", "lester", ""] {
            assert!(!is_word(w), "{w}");
        }
    }

    #[test]
    fn corrects_to_real_words() {
        let c = corrections("operatoins");
        assert_eq!(c.first(), Some(&(1, "operations")), "{c:?}");
        assert!(corrections("inteligence").contains(&(1, "intelligence")));
        assert!(corrections("cat").is_empty());
        assert!(corrections("AMIM21").is_empty());
    }
}
