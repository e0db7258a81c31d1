//! Alias registry: every name a fact goes by, plus "Full Name (ACRONYM)" pairs found in statements.

use crate::corpus::{Corpus, Fact};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What an alias points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A fact, by id.
    Fact(String),
    /// Another way to write the same thing (an acronym's long form, or the reverse).
    Expansion(String),
}

/// An alias as written and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub text: String,
    pub target: Target,
}

/// Aliases keyed by their squashed form (lowercase letters and digits only: "AMIM-21" → "amim21").
#[derive(Debug, Clone, Default)]
pub struct AliasRegistry {
    pub aliases: Vec<Alias>,
    by_key: HashMap<String, Vec<usize>>,
    /// Squashed names of each fact (its `Target::Fact` aliases), for suggestions; made on the
    /// first suggestion, not at open.
    fact_keys: std::sync::OnceLock<HashMap<String, Vec<String>>>,
    longest_words: usize,
}

/// An alias found in a piece of user text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasHit<'a> {
    pub alias: &'a Alias,
    /// Byte range in the user text.
    pub from: usize,
    pub to: usize,
}

pub fn squash(text: &str) -> String {
    if text.is_ascii() {
        // The common case, without the general Unicode lowercasing.
        let mut out = String::with_capacity(text.len());
        out.extend(
            text.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return out;
    }
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many words [`words`] finds, without collecting them.
fn word_count(text: &str) -> usize {
    let mut n = 0;
    let mut inside = false;
    for c in text.chars() {
        let a = c.is_alphanumeric();
        if a && !inside {
            n += 1;
        }
        inside = a;
    }
    n
}

/// Word spans (alphanumeric runs) of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

impl AliasRegistry {
    pub fn new(aliases: Vec<Alias>) -> AliasRegistry {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::with_capacity(aliases.len());
        let mut longest_words = 1;
        for (i, a) in aliases.iter().enumerate() {
            let key = squash(&a.text);
            if key.len() < 2 {
                continue;
            }
            longest_words = longest_words.max(word_count(&a.text));
            by_key.entry(key).or_default().push(i);
        }
        AliasRegistry {
            aliases,
            by_key,
            fact_keys: std::sync::OnceLock::new(),
            longest_words: longest_words.min(12),
        }
    }

    fn fact_keys(&self) -> &HashMap<String, Vec<String>> {
        self.fact_keys.get_or_init(|| {
            let mut keys: HashMap<String, Vec<String>> = HashMap::new();
            for a in &self.aliases {
                if let Target::Fact(id) = &a.target {
                    keys.entry(id.clone()).or_default().push(squash(&a.text));
                }
            }
            keys
        })
    }

    /// Builds the registry from the facts' names and the statements' "Long Form (ACRONYM)" pairs.
    pub fn from_corpus(corpus: &Corpus) -> AliasRegistry {
        let mut aliases = Vec::new();
        for fact in &corpus.facts {
            for name in fact.names() {
                aliases.push(Alias {
                    text: name,
                    target: Target::Fact(fact.id().to_string()),
                });
            }
        }
        let mut seen = std::collections::HashSet::new();
        for s in &corpus.statements {
            for p in &s.paragraphs {
                for (long, short) in acronym_pairs(&p.text) {
                    if seen.insert((squash(&long), squash(&short))) {
                        aliases.push(Alias {
                            text: short.clone(),
                            target: Target::Expansion(long.clone()),
                        });
                        aliases.push(Alias {
                            text: long,
                            target: Target::Expansion(short),
                        });
                    }
                }
            }
        }
        AliasRegistry::new(aliases)
    }

    /// Aliases found in `text`, longest first, without overlaps (greedy left to right).
    pub fn find<'a>(&'a self, text: &str) -> Vec<AliasHit<'a>> {
        let words = words(text);
        let mut hits = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut matched = None;
            for n in (1..=self.longest_words.min(words.len() - i)).rev() {
                let (from, to) = (words[i].0, words[i + n - 1].1);
                let key = squash(&text[from..to]);
                if let Some(ids) = self.by_key.get(&key) {
                    matched = Some((n, from, to, ids));
                    break;
                }
            }
            match matched {
                Some((n, from, to, ids)) => {
                    hits.extend(ids.iter().map(|&k| AliasHit {
                        alias: &self.aliases[k],
                        from,
                        to,
                    }));
                    i += n;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// Names close to `text` (for "did you mean"), best first.
    pub fn suggest<'f>(
        &self,
        text: &str,
        facts: impl IntoIterator<Item = &'f Fact>,
        limit: usize,
    ) -> Vec<String> {
        let key = squash(text);
        if key.is_empty() {
            return Vec::new();
        }
        let key: Vec<char> = key.chars().collect();
        // One edit in a short word, a quarter of a longer one: "thanks" is no typo of a name.
        let max = (key.len() / 4).max(1);
        let matcher = Myers::new(&key);
        let mut scored: Vec<(usize, String)> = Vec::new();
        let mut name: Vec<char> = Vec::new();
        for fact in facts {
            let mut best = usize::MAX;
            let mut consider = |n: &str| {
                name.clear();
                name.extend(n.chars());
                let d = match &matcher {
                    Some(m) if !name.is_empty() => Some(m.distance(&name)).filter(|&d| d <= max),
                    _ => distance_within(&key, &name, max),
                };
                if let Some(d) = d {
                    best = best.min(d);
                }
            };
            match self.fact_keys().get(fact.id()) {
                Some(keys) => keys.iter().for_each(|k| consider(k)),
                None => fact.names().iter().for_each(|n| consider(&squash(n))),
            }
            if best <= max {
                scored.push((best, fact.title()));
            }
        }
        scored.sort();
        scored.dedup_by(|a, b| a.1 == b.1);
        scored.into_iter().take(limit).map(|(_, t)| t).collect()
    }
}

/// Edit distance of `a` to the closest substring-or-prefix of `b` (so "amim" is close to "amim21").
#[cfg(test)]
fn similarity_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    distance_within(&a, &b, usize::MAX).unwrap_or(usize::MAX)
}

/// Myers' bit-parallel approximate matcher for a pattern of 1 to 64 characters: the same
/// semi-global distance as [`distance_within`] (free start and end in the text), one text
/// character per handful of word operations.
///
/// Written here rather than taken from `strsim`: its distances (Levenshtein, OSA, Jaro…) compare
/// whole strings, while "did you mean" needs the distance to the closest *substring* of a name
/// ("amim" is close to "amim21"), which it does not offer.
struct Myers {
    len: usize,
    /// Bit i set where the pattern has the character at i: ASCII by table, the rest by list.
    ascii: [u64; 128],
    other: Vec<(char, u64)>,
}

impl Myers {
    fn new(pattern: &[char]) -> Option<Myers> {
        if pattern.is_empty() || pattern.len() > 64 {
            return None;
        }
        let mut m = Myers {
            len: pattern.len(),
            ascii: [0; 128],
            other: Vec::new(),
        };
        for (i, &c) in pattern.iter().enumerate() {
            let bit = 1u64 << i;
            if c.is_ascii() {
                m.ascii[c as usize] |= bit;
            } else if let Some(e) = m.other.iter_mut().find(|e| e.0 == c) {
                e.1 |= bit;
            } else {
                m.other.push((c, bit));
            }
        }
        Some(m)
    }

    fn peq(&self, c: char) -> u64 {
        if c.is_ascii() {
            self.ascii[c as usize]
        } else {
            self.other.iter().find(|e| e.0 == c).map_or(0, |e| e.1)
        }
    }

    /// The pattern's edit distance to the closest substring of `text` (non-empty).
    fn distance(&self, text: &[char]) -> usize {
        let top = 1u64 << (self.len - 1);
        let (mut pv, mut mv) = (u64::MAX, 0u64);
        let mut score = self.len;
        let mut best = score;
        for &c in text {
            let eq = self.peq(c);
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let mut ph = mv | !(xh | pv);
            let mut mh = pv & xh;
            if ph & top != 0 {
                score += 1;
            } else if mh & top != 0 {
                score -= 1;
            }
            ph <<= 1;
            mh <<= 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
            best = best.min(score);
        }
        best
    }
}

/// [`similarity_distance`] when it is at most `max`, else `None` (found out early: a row's
/// minimum never decreases from one row to the next).
fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.is_empty() || b.is_empty() {
        let d = a.len().max(b.len());
        return (d <= max).then_some(d);
    }
    // Semi-global alignment: free start and end in `b`.
    let mut prev: Vec<usize> = vec![0; b.len() + 1];
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.into_iter().min().filter(|&d| d <= max)
}

/// "Long Form Words (ACRONYM)" pairs, by the Schwartz–Hearst rule: the acronym's letters appear in
/// order in the long form, the first at a word start, and at least half of them start words.
pub fn acronym_pairs(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find('(').map(|i| rest + i) {
        let Some(close) = text[open..].find(')').map(|i| open + i) else {
            break;
        };
        rest = close;
        let inside = text[open + 1..close].trim();
        let letters: String = inside.split('-').next().unwrap_or("").to_string();
        let valid = (2..=10).contains(&letters.len())
            && letters.chars().all(|c| c.is_ascii_uppercase())
            && inside
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            continue;
        }
        let before: Vec<&str> = text[..open].split_whitespace().collect();
        let max_words = (letters.len() + 5).min(letters.len() * 2).min(before.len());
        let candidate = &before[before.len() - max_words..];
        if let Some(long) = match_long_form(&letters, candidate) {
            out.push((long, inside.to_string()));
        }
    }
    out
}

fn match_long_form(acronym: &str, candidate: &[&str]) -> Option<String> {
    let acr: Vec<char> = acronym.chars().map(|c| c.to_ascii_lowercase()).collect();
    let cleaned: Vec<&str> = candidate
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let words: Vec<Vec<char>> = cleaned
        .iter()
        .map(|w| w.to_lowercase().chars().collect())
        .collect();
    // The nearest possible first word wins; half the letters at least must start words.
    for first in (0..words.len()).rev() {
        if words[first].first() != acr.first() {
            continue;
        }
        if let Some(starts) = align(&acr, &words, 1, first, 0) {
            if (starts + 1) * 2 >= acr.len() {
                return Some(cleaned[first..].join(" "));
            }
        }
    }
    None
}

/// Small words a long form may skip ("Association of Southeast Asian Nations").
fn skippable(word: &[char]) -> bool {
    let w: String = word.iter().collect();
    matches!(
        w.as_str(),
        "of" | "and" | "the" | "for" | "in" | "on" | "to" | "at" | "de"
    )
}

/// Aligns letters `i..` of the acronym, the previous one having matched `words[w][o]`;
/// the alignment must end in the last word. Returns the most word-start matches found.
fn align(acr: &[char], words: &[Vec<char>], i: usize, w: usize, o: usize) -> Option<usize> {
    if i == acr.len() {
        return (w == words.len() - 1).then_some(0);
    }
    let mut best: Option<usize> = None;
    // Next significant word starting with the letter.
    let mut next = w + 1;
    while next < words.len() && skippable(&words[next]) && words[next].first() != Some(&acr[i]) {
        next += 1;
    }
    if next < words.len() && words[next].first() == Some(&acr[i]) {
        best = align(acr, words, i + 1, next, 0).map(|s| s + 1);
    }
    // Or a later letter of the current word ("SouthEast").
    if let Some(p) = words[w].iter().skip(o + 1).position(|&c| c == acr[i]) {
        if let Some(s) = align(acr, words, i + 1, w, o + 1 + p) {
            best = Some(best.map_or(s, |b| b.max(s)));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_acronym_pairs_in_statement_text() {
        let pairs = acronym_pairs("The 21st ASEAN Military Intelligence Meeting (AMIM-21) took place in Vientiane (VNA) with the Association of Southeast Asian Nations (ASEAN) and ASEAN Our Eyes (AOE). (Photo: VNA broadcasts)");
        assert_eq!(
            pairs,
            [
                (
                    "ASEAN Military Intelligence Meeting".to_string(),
                    "AMIM-21".to_string()
                ),
                (
                    "Association of Southeast Asian Nations".to_string(),
                    "ASEAN".to_string()
                ),
                ("ASEAN Our Eyes".to_string(), "AOE".to_string()),
            ]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3_000))]
        #[test]
        fn myers_agrees_with_the_dynamic_programme(
            a in proptest::collection::vec(proptest::sample::select(vec!['a', 'b', 'c', 'é', '1', '2']), 1..12),
            b in proptest::collection::vec(proptest::sample::select(vec!['a', 'b', 'c', 'é', '1', '2']), 1..30),
        ) {
            let want = distance_within(&a, &b, usize::MAX).unwrap();
            proptest::prop_assert_eq!(Myers::new(&a).unwrap().distance(&b), want);
        }
    }

    #[test]
    fn myers_edge_cases() {
        let long: Vec<char> = "x".repeat(64).chars().collect();
        assert_eq!(Myers::new(&long).unwrap().distance(&['x']), 63);
        assert!(Myers::new(&[]).is_none());
    }

    #[test]
    fn squash_and_word_count_agree_with_the_general_forms() {
        for t in [
            "AMIM-21",
            "ASEAN Our Eyes",
            "Défense Ünité",
            "a  b-c",
            "",
            "Lao PDR’s",
        ] {
            let general: String = t
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(squash(t), general, "{t}");
            assert_eq!(word_count(t), words(t).len(), "{t}");
        }
    }

    #[test]
    fn bounded_distance_agrees_with_the_full_one() {
        let words = [
            "amim",
            "amim21",
            "aoe",
            "asean",
            "cyber",
            "cybersecurity",
            "x",
            "maritime",
        ];
        for a in words {
            for b in words {
                let full = similarity_distance(a, b);
                let a: Vec<char> = a.chars().collect();
                let b: Vec<char> = b.chars().collect();
                for max in 0..6 {
                    let want = (full <= max).then_some(full);
                    assert_eq!(distance_within(&a, &b, max), want, "{a:?} {b:?} {max}");
                }
            }
        }
    }

    #[test]
    fn finds_aliases_greedily_in_user_text() {
        let reg = AliasRegistry::new(vec![
            Alias {
                text: "AMIM-21".into(),
                target: Target::Fact("amim-21".into()),
            },
            Alias {
                text: "ASEAN Our Eyes".into(),
                target: Target::Fact("aoe".into()),
            },
            Alias {
                text: "ASEAN".into(),
                target: Target::Expansion("Association of Southeast Asian Nations".into()),
            },
        ]);
        let hits = reg.find("who went to amim 21? and asean our eyes, asean");
        let texts: Vec<&str> = hits.iter().map(|h| h.alias.text.as_str()).collect();
        assert_eq!(texts, ["AMIM-21", "ASEAN Our Eyes", "ASEAN"]);
    }
}
