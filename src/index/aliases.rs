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
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
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
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        let mut longest_words = 1;
        for (i, a) in aliases.iter().enumerate() {
            let key = squash(&a.text);
            if key.len() < 2 {
                continue;
            }
            longest_words = longest_words.max(words(&a.text).len());
            by_key.entry(key).or_default().push(i);
        }
        AliasRegistry {
            aliases,
            by_key,
            longest_words: longest_words.min(12),
        }
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
    pub fn suggest(&self, text: &str, facts: &[Fact], limit: usize) -> Vec<String> {
        let key = squash(text);
        if key.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(usize, String)> = Vec::new();
        for fact in facts {
            let best = fact
                .names()
                .iter()
                .map(|n| similarity_distance(&key, &squash(n)))
                .min()
                .unwrap_or(usize::MAX);
            if best <= key.chars().count() / 4 + 1 {
                scored.push((best, fact.title()));
            }
        }
        scored.sort();
        scored.dedup_by(|a, b| a.1 == b.1);
        scored.into_iter().take(limit).map(|(_, t)| t).collect()
    }
}

/// Edit distance of `a` to the closest substring-or-prefix of `b` (so "amim" is close to "amim21").
fn similarity_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    // Semi-global alignment: free start and end in `b`.
    let mut prev: Vec<usize> = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev.into_iter().min().unwrap_or(usize::MAX)
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
