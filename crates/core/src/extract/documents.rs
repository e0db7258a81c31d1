//! Documents named in prose as initiatives: "the ministers adopted the Concept Paper on …",
//! "signed the Vientiane Joint Declaration on …", "endorsed the ANCM Road Map 2024-2032". A name is
//! a run of capitalised words (with "on", "of", "the", "for", "and", "in" between them) that holds
//! a document head noun, in a sentence with an adoption verb.

use super::text::{bare, sentences};
use std::ops::Range;

/// Head nouns of a document's name, longest first.
pub const DOCUMENT_HEADS: &[&str] = &[
    "standard operating procedures",
    "terms of reference",
    "memorandum of understanding",
    "plan of action",
    "concept papers",
    "concept paper",
    "joint declaration",
    "joint statement",
    "strategy paper",
    "work programme",
    "work program",
    "action plan",
    "work plans",
    "work plan",
    "workplan",
    "road map",
    "roadmap",
    "declaration",
    "guidelines",
    "protocol",
    "vision",
    "framework",
];

/// Verbs that make a document named beside them an initiative of the meeting.
pub const ADOPTION_VERBS: &[&str] = &[
    "adopt",
    "adopted",
    "adopting",
    "approve",
    "approved",
    "approving",
    "endorse",
    "endorsed",
    "endorsing",
    "sign",
    "signed",
    "signing",
    "issue",
    "issued",
    "launch",
    "launched",
    "note",
    "noted",
    "welcome",
    "welcomed",
    "finalise",
    "finalised",
    "finalize",
    "finalized",
    "propose",
    "proposed",
    "agreed",
    "review",
    "reviewed",
    "discuss",
    "discussed",
    "implement",
    "implementing",
    "implementation",
];

/// Lowercase words a document's name may hold between its capitalised ones.
const NAME_CONNECTORS: &[&str] = &["on", "of", "the", "for", "and", "in", "to", "a", "an", "by"];

/// The longest a document's name runs, in words.
const MAX_NAME_WORDS: usize = 24;

/// A document named in a text: its name and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub range: Range<usize>,
    /// The sentence that names it.
    pub sentence: Range<usize>,
}

/// Every document named in `text` by a sentence with an adoption verb, left to right.
pub fn documents(text: &str) -> Vec<Document> {
    let mut out: Vec<Document> = Vec::new();
    for (range, sentence) in sentences(text) {
        let lower = sentence.to_ascii_lowercase();
        let has_verb = lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| ADOPTION_VERBS.contains(&w));
        if !has_verb {
            continue;
        }
        let words: Vec<(usize, &str)> = sentence
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
            .collect();
        let mut i = 0;
        while i < words.len() {
            let Some(n) = head_at(&words, i) else {
                i += 1;
                continue;
            };
            if let Some((from, to)) = name_around(&words, i, i + n) {
                let start = words[from].0;
                let (last_at, last) = words[to - 1];
                let end = last_at + last.len();
                let name = sentence[start..end]
                    .trim_end_matches([',', '.', ';', ':', ')', '”', '"'])
                    .trim_start_matches(['(', '“', '"'])
                    .to_string();
                if !out.iter().any(|d| d.name == name) {
                    out.push(Document {
                        range: range.start + start..range.start + start + name.len(),
                        name,
                        sentence: range.clone(),
                    });
                }
                i = to.max(i + 1);
            } else {
                i += n;
            }
        }
    }
    out
}

/// The number of words of a document head starting at word `i`, if one does.
fn head_at(words: &[(usize, &str)], i: usize) -> Option<usize> {
    DOCUMENT_HEADS.iter().find_map(|head| {
        let parts: Vec<&str> = head.split(' ').collect();
        let fits = parts.iter().enumerate().all(|(k, p)| {
            words
                .get(i + k)
                .is_some_and(|(_, w)| bare(w).eq_ignore_ascii_case(p))
        });
        fits.then_some(parts.len())
    })
}

/// The capitalised run around a head at words `from..to`: left over capitalised words and
/// connectors, right over the same and years ("2024-2032"); `None` when the head and the words
/// around it are lowercase ("a joint statement").
fn name_around(words: &[(usize, &str)], from: usize, to: usize) -> Option<(usize, usize)> {
    let capital = |w: &str| bare(w).starts_with(|c: char| c.is_uppercase());
    // Years ("2024-2032") and ordinals ("the 15th Anniversary") go on a name.
    let year = |w: &str| {
        let b = bare(w);
        (b.len() >= 4
            && b.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–')))
            || super::spans::ordinal(b).is_some_and(|_| b.starts_with(|c: char| c.is_ascii_digit()))
    };
    let connector = |w: &str| NAME_CONNECTORS.contains(&bare(w).to_ascii_lowercase().as_str());
    let ends = |w: &str| w.ends_with([',', '.', ';', ':', ')', '”', '"']);
    let mut start = from;
    while start > 0 {
        let w = words[start - 1].1;
        if ends(w) || !(capital(w) || year(w)) {
            break;
        }
        start -= 1;
    }
    let mut end = to;
    if !ends(words[to - 1].1) {
        while end < words.len() && end - start < MAX_NAME_WORDS {
            let w = words[end].1;
            // "… and the Guidelines for …": the next document starts.
            if head_at(words, end).is_some() {
                break;
            }
            if capital(w) || year(w) || (connector(w) && !ends(w)) {
                end += 1;
                if ends(w) {
                    break;
                }
            } else {
                break;
            }
        }
    }
    // No trailing connectors ("… Paper on the"), no leading article ("The ASEAN Navies Roadmap").
    while end > to && connector(words[end - 1].1) {
        end -= 1;
    }
    while start < from && connector(words[start].1) {
        start += 1;
    }
    // A capitalised head with words of its own ("Concept Paper on …", "Navy Road Map"), or
    // capitalised words before a lowercase one ("Phnom Penh vision"); a head alone ("Joint
    // Statement", "Framework") names no document in particular.
    let head_capital = capital(words[from].1);
    let own_words = start < from || end > to;
    ((head_capital || start < from) && own_words).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Phrasing classes met in real statements, in sentences of our own.
    #[test]
    fn document_rows() {
        let rows: &[(&str, &[&str])] = &[
            // a concept paper adopted, its name running over connectors
            (
                "The ministers adopted the Concept Paper on the Establishment of a Logistics Support Network.",
                &["Concept Paper on the Establishment of a Logistics Support Network"],
            ),
            // a place-named declaration signed
            (
                "They signed the Harbour City Joint Declaration on Regional Resilience and noted two reports.",
                &["Harbour City Joint Declaration on Regional Resilience"],
            ),
            // a road map with its years, endorsed
            (
                "The chiefs endorsed the Navy Road Map 2024-2032 at the close.",
                &["Navy Road Map 2024-2032"],
            ),
            // two documents in one sentence
            (
                "The meeting approved the Work Plan of the Ready Group and the Guidelines for Maritime Interaction.",
                &["Work Plan of the Ready Group", "Guidelines for Maritime Interaction"],
            ),
            // lowercase document words, or a head alone: no name
            ("They adopted a joint statement at the end.", &[]),
            ("They approved the Joint Statement of the meeting.", &[]),
            // an ordinal inside the name
            (
                "They issued the Capital Declaration in Commemoration of the 15th Anniversary of the Forum.",
                &["Capital Declaration in Commemoration of the 15th Anniversary of the Forum"],
            ),
            // no adoption verb: a document only mentioned
            ("The Concept Paper was printed in blue.", &[]),
        ];
        for (text, want) in rows {
            let got: Vec<String> = documents(text).into_iter().map(|d| d.name).collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
