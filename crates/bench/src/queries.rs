//! Query sets drawn deterministically from a corpus: plain words, quoted phrases, words with a
//! typo, and acronyms / meeting handles; each paragraph-drawn query labelled with its paragraph.

use super::Rng;
use agenda_core::corpus::{Corpus, Fact};
use serde::{Deserialize, Serialize};

/// The query classes, in report order.
pub const CLASSES: [&str; 4] = ["plain", "phrase", "typo", "acronym"];

/// Queries of each class.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuerySet {
    pub plain: Vec<String>,
    pub phrase: Vec<String>,
    pub typo: Vec<String>,
    pub acronym: Vec<String>,
    /// The paragraph (`statement-id#N`) each plain, phrase and typo query was drawn from, index
    /// for index: the right answer of the relevance count. Acronym queries name a fact and have
    /// no paragraph label.
    #[serde(default)]
    pub drawn_from: Labels,
}

/// The source paragraph of each query, per class (same order as the queries).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels {
    pub plain: Vec<String>,
    pub phrase: Vec<String>,
    pub typo: Vec<String>,
}

impl Labels {
    pub fn class(&self, name: &str) -> &[String] {
        match name {
            "plain" => &self.plain,
            "phrase" => &self.phrase,
            "typo" => &self.typo,
            _ => &[],
        }
    }
}

impl QuerySet {
    pub fn class(&self, name: &str) -> &[String] {
        match name {
            "plain" => &self.plain,
            "phrase" => &self.phrase,
            "typo" => &self.typo,
            _ => &self.acronym,
        }
    }

    /// The paragraph the `i`-th query of `class` was drawn from, if it has a label.
    pub fn label(&self, class: &str, i: usize) -> Option<&str> {
        self.drawn_from.class(class).get(i).map(String::as_str)
    }

    /// The first `n` of each class (with their labels).
    pub fn truncated(&self, n: usize) -> QuerySet {
        let t = |v: &Vec<String>| v.iter().take(n).cloned().collect();
        QuerySet {
            plain: t(&self.plain),
            phrase: t(&self.phrase),
            typo: t(&self.typo),
            acronym: t(&self.acronym),
            drawn_from: Labels {
                plain: t(&self.drawn_from.plain),
                phrase: t(&self.drawn_from.phrase),
                typo: t(&self.drawn_from.typo),
            },
        }
    }
}

const SKIP: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "for", "on", "with", "as", "by", "is", "was", "that",
    "at", "from", "its", "their", "were", "be", "has", "have", "an", "this", "which", "will",
    "also", "between", "other", "all",
];

fn content_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .filter(|w| !SKIP.contains(&w.to_ascii_lowercase().as_str()))
        .collect()
}

/// A run of 2–3 plain words with nothing but spaces between them.
fn phrase_in(rng: &mut Rng, text: &str) -> Option<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    for _ in 0..8 {
        let len = rng.range(2, 3);
        if tokens.len() < len {
            return None;
        }
        let at = rng.below(tokens.len() - len + 1);
        let run = &tokens[at..at + len];
        if run
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
            && run
                .iter()
                .any(|w| !SKIP.contains(&w.to_ascii_lowercase().as_str()))
        {
            return Some(run.join(" ").to_lowercase());
        }
    }
    None
}

/// One edit inside the word: swap, replace or drop a letter.
fn typo(rng: &mut Rng, word: &str) -> String {
    let mut c: Vec<char> = word.chars().collect();
    for _ in 0..10 {
        let mut t = c.clone();
        let i = rng.range(1, c.len() - 2);
        match rng.below(3) {
            0 => t.swap(i, i + 1),
            1 => t[i] = (b'a' + rng.below(26) as u8) as char,
            _ => {
                t.remove(i);
            }
        }
        if t != c {
            c = t;
            break;
        }
    }
    c.into_iter().collect()
}

/// `per_class` queries of each class from the corpus, the same for the same seed.
pub fn generate(corpus: &Corpus, per_class: usize, seed: u64) -> QuerySet {
    let mut rng = Rng::new(seed ^ 0x5155_4552_5953);
    // (reference, text) of every non-heading paragraph.
    let paragraphs: Vec<(String, &str)> = corpus
        .statements
        .iter()
        .flat_map(|s| {
            s.paragraphs
                .iter()
                .filter(|p| !p.heading)
                .map(move |p| (format!("{}#{}", s.id, p.number), p.text.as_str()))
        })
        .collect();
    let mut set = QuerySet::default();
    if paragraphs.is_empty() {
        return set;
    }
    let mut guard = 0;
    while set.plain.len() < per_class && guard < per_class * 50 {
        guard += 1;
        let (from, text) = &paragraphs[rng.below(paragraphs.len())];
        let words = content_words(text);
        if words.len() < 3 {
            continue;
        }
        let n = rng.range(2, 3);
        let mut picked: Vec<String> = Vec::new();
        while picked.len() < n {
            let w = rng.pick(&words).to_lowercase();
            if !picked.contains(&w) {
                picked.push(w);
            }
            if picked.len() < n && words.len() < n + 1 {
                break;
            }
        }
        set.plain.push(picked.join(" "));
        set.drawn_from.plain.push(from.clone());
    }
    let mut guard = 0;
    while set.phrase.len() < per_class && guard < per_class * 50 {
        guard += 1;
        let (from, text) = &paragraphs[rng.below(paragraphs.len())];
        if let Some(p) = phrase_in(&mut rng, text) {
            set.phrase.push(format!("\"{p}\""));
            set.drawn_from.phrase.push(from.clone());
        }
    }
    let mut guard = 0;
    while set.typo.len() < per_class && guard < per_class * 50 {
        guard += 1;
        let (from, text) = &paragraphs[rng.below(paragraphs.len())];
        let words = content_words(text);
        let long: Vec<&str> = words.iter().copied().filter(|w| w.len() >= 6).collect();
        if long.is_empty() || words.len() < 2 {
            continue;
        }
        let target = rng.pick(&long).to_lowercase();
        let other = rng.pick(&words).to_lowercase();
        let wrong = typo(&mut rng, &target);
        if other == target {
            set.typo.push(wrong);
        } else {
            set.typo.push(format!("{other} {wrong}"));
        }
        set.drawn_from.typo.push(from.clone());
    }
    let meetings: Vec<&Fact> = corpus
        .facts
        .iter()
        .filter(|f| matches!(f, Fact::Meeting(_)))
        .collect();
    let mechanisms: Vec<&Fact> = corpus
        .facts
        .iter()
        .filter(|f| matches!(f, Fact::Mechanism(_)))
        .collect();
    while set.acronym.len() < per_class && !meetings.is_empty() && !mechanisms.is_empty() {
        let q = match rng.below(4) {
            0 | 1 => rng.pick(&meetings).handle().unwrap_or_default(),
            2 => rng.pick(&mechanisms).handle().unwrap_or_default(),
            _ => {
                let m = rng.pick(&meetings);
                let acronym = match m {
                    Fact::Meeting(m) => m.acronym.clone().unwrap_or_default(),
                    _ => String::new(),
                };
                let place = ["venue", "theme", "participants", "date"][rng.below(4)];
                format!("{acronym} {place}")
            }
        };
        set.acronym.push(q);
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_sets_are_deterministic_and_full() {
        let (sources, _) = crate::gen::generate_sources(2_000, 5);
        let corpus = Corpus::from_sources(&sources).unwrap();
        let a = generate(&corpus, 30, 9);
        let b = generate(&corpus, 30, 9);
        assert_eq!(a, b);
        for class in CLASSES {
            assert_eq!(a.class(class).len(), 30, "{class}");
        }
        assert!(a
            .phrase
            .iter()
            .all(|p| p.starts_with('"') && p.ends_with('"')));
        assert!(a.acronym.iter().any(|q| q.contains('-')));
    }

    /// Each label names the paragraph the query's words were taken from.
    #[test]
    fn labels_name_the_paragraph_a_query_was_drawn_from() {
        let (sources, _) = crate::gen::generate_sources(2_000, 5);
        let corpus = Corpus::from_sources(&sources).unwrap();
        let text_of = |reference: &str| -> String {
            let (id, n) = reference.rsplit_once('#').unwrap();
            let s = corpus.statements.iter().find(|s| s.id == id).unwrap();
            let p = s.paragraphs.iter().find(|p| p.number.to_string() == n);
            p.unwrap().text.to_lowercase()
        };
        let set = generate(&corpus, 30, 9);
        for class in ["plain", "phrase", "typo"] {
            assert_eq!(set.drawn_from.class(class).len(), 30, "{class}");
        }
        assert!(set.drawn_from.class("acronym").is_empty());
        for (i, q) in set.plain.iter().enumerate() {
            let text = text_of(set.label("plain", i).unwrap());
            assert!(q.split(' ').all(|w| text.contains(w)), "{q}");
        }
        for (i, q) in set.phrase.iter().enumerate() {
            let text = text_of(set.label("phrase", i).unwrap());
            assert!(text.contains(q.trim_matches('"')), "{q}");
        }
        // The typo query's other word (when it has one) is in the paragraph.
        for (i, q) in set.typo.iter().enumerate() {
            let text = text_of(set.label("typo", i).unwrap());
            if let Some((other, _)) = q.split_once(' ') {
                assert!(text.contains(other), "{q}");
            }
        }
        let short = set.truncated(4);
        assert_eq!(short.drawn_from.plain, set.drawn_from.plain[..4]);
        assert_eq!(short.label("typo", 3), set.label("typo", 3));
    }
}
