//! A meeting's own outcome document named without a name of its own: "…, said a joint
//! declaration", "concluded with the signing of a joint statement", "the ADMM-Plus could issue a
//! joint communique". The extractor makes it an initiative titled after its meeting.

use super::documents::{is_day_or_month, Document, ADOPTION_VERBS, NAME_CONNECTORS};
use super::ends_with_document_head;
use super::text::{bare, capitalised, sentences, word_offsets};
use std::ops::Range;

/// Heads of an unnamed outcome document, longest first, with the title it gets.
const UNNAMED_OUTCOMES: &[(&str, &str)] = &[
    ("joint declaration", "Joint Declaration"),
    ("joint statement", "Joint Statement"),
    ("joint communiqué", "Joint Communique"),
    ("joint communique", "Joint Communique"),
    ("declaration", "Declaration"),
];

/// Heads that tell an outcome only after an article and in a sentence with an adoption verb
/// ("The declaration was adopted at the …"): alone, the word is too common.
const ADOPTED_ONLY: &[&str] = &["declaration"];

/// Titles of the [`ADOPTED_ONLY`] heads: beside a joint declaration, the same document again.
const ADOPTED_ONLY_TITLES: &[&str] = &["Declaration"];

/// The word before an [`ADOPTED_ONLY`] head that makes it the meeting's own document ("adopted a
/// declaration that …" is told by what it says).
const ARTICLES: &[&str] = &["the"];

/// Words right after a head that say what the document is about ("a joint declaration on
/// sustainable security", "the Joint Declaration themed …"): a described document.
const DESCRIBING_WORDS: &[&str] = &[
    "on", "to", "for", "by", "themed", "titled", "entitled", "called",
];

/// Words of a sentence saying the meeting's document did not come about.
const WITHHELD_CUES: &[&str] = &[
    "scrap",
    "scrapped",
    "failed to",
    "fail to",
    "no joint",
    "without a joint",
    "without issuing",
    "not issue",
    "did not adopt",
    "shelved",
];

/// One unnamed outcome document in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnnamedOutcome {
    /// "Joint Declaration", "Joint Statement", …
    pub title: &'static str,
    pub range: Range<usize>,
    /// The sentence that names it.
    pub sentence: Range<usize>,
    /// The sentence says it was dropped ("decided to scrap the joint statement").
    pub withheld: bool,
}

/// Every unnamed outcome document in `text`, left to right; `named` are the documents read in
/// `text` by their names, which a head inside them belongs to.
pub fn unnamed_outcomes(text: &str, named: &[Document]) -> Vec<UnnamedOutcome> {
    let mut out = Vec::new();
    for (range, sentence) in sentences(text) {
        let lower = sentence.to_lowercase();
        if lower.len() != sentence.len() {
            continue;
        }
        let adopted = lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| ADOPTION_VERBS.contains(&w));
        let withheld = WITHHELD_CUES.iter().any(|c| lower.contains(c));
        let words: Vec<(usize, &str)> = word_offsets(sentence, sentence).collect();
        let mut taken: Vec<Range<usize>> = Vec::new();
        for &(head, title) in UNNAMED_OUTCOMES {
            for (at, _) in lower.match_indices(head) {
                let end = at + head.len();
                let starts_word = lower[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let ends_word = lower[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if !starts_word || !ends_word || taken.iter().any(|t| t.start < end && at < t.end) {
                    continue;
                }
                taken.push(at..end);
                let k = words.iter().position(|&(w, _)| w == at);
                let after = words.iter().position(|&(w, _)| w >= end);
                let next = after.map(|n| bare(words[n].1).to_ascii_lowercase());
                // "issued a joint statement on Tuesday": a day, not what it is about.
                let dated = after.and_then(|n| words.get(n + 1)).is_some_and(|&(_, w)| {
                    is_day_or_month(w) || bare(w).starts_with(|c: char| c.is_ascii_digit())
                });
                if next.is_some_and(|w| DESCRIBING_WORDS.contains(&w.as_str())) && !dated {
                    continue;
                }
                if ADOPTED_ONLY.contains(&head) {
                    let article = k
                        .and_then(|k| k.checked_sub(1))
                        .is_some_and(|b| ARTICLES.contains(&words[b].1.to_lowercase().as_str()));
                    if !article || !adopted {
                        continue;
                    }
                }
                let (start, end) = (range.start + at, range.start + end);
                // "the Vientiane Joint Declaration", "Joint Statement of the 15th ACDFIM": a
                // named document's own head.
                let inside_named = named.iter().any(|d| {
                    d.range.start < end
                        && start < d.range.end
                        && !d.name.eq_ignore_ascii_case(head)
                        && !d.name.to_lowercase().ends_with(&format!(" {head}"))
                });
                if inside_named {
                    continue;
                }
                out.push(UnnamedOutcome {
                    title,
                    range: start..end,
                    sentence: range.clone(),
                    withheld,
                });
            }
        }
    }
    out.sort_by_key(|o| o.range.start);
    out
}

/// Of a statement's unnamed outcome documents, those that stand for one of their meeting: none
/// of a title that a sentence says was dropped, and no bare "declaration" beside a joint one
/// (it is the same document named again).
pub fn standing<T>(outcomes: Vec<(UnnamedOutcome, T)>) -> Vec<(UnnamedOutcome, T)> {
    let withheld: Vec<&str> = outcomes
        .iter()
        .filter(|(o, _)| o.withheld)
        .map(|(o, _)| o.title)
        .collect();
    let joint_declaration = outcomes
        .iter()
        .any(|(o, _)| o.title == UNNAMED_OUTCOMES[0].1);
    outcomes
        .into_iter()
        .filter(|(o, _)| !withheld.contains(&o.title))
        .filter(|(o, _)| !(joint_declaration && ADOPTED_ONLY_TITLES.contains(&o.title)))
        .collect()
}

/// Heads a statement's title opens with when the statement is the document itself.
const TITLE_HEADS: &[&str] = &[
    "joint statement ",
    "joint declaration ",
    "declaration ",
    "concept paper ",
    "chairman's statement ",
];

/// The fewest words of such a title: "Joint Statement of ANCM-12".
const MIN_TITLE_WORDS: usize = 4;

/// The document a statement is, named by its title: "Joint Statement of the 15th ASEAN Chiefs of
/// Defence Forces' Informal Meeting" (its text then opens "WE, the Chiefs …"). A headline about
/// one ("Joint Declaration … signed in Bangkok") has lowercase words beyond connectors: none.
pub fn titled_document(title: &str) -> Option<&str> {
    let title = title.trim();
    let lower = title.to_lowercase();
    let words: Vec<&str> = title.split_whitespace().collect();
    let named = words.iter().all(|w| {
        capitalised(w) || NAME_CONNECTORS.contains(&w.to_lowercase().as_str()) || bare(w).is_empty()
    });
    (TITLE_HEADS.iter().any(|h| lower.starts_with(h))
        && words.len() >= MIN_TITLE_WORDS
        && named
        && !ends_with_document_head(title))
    .then_some(title)
}

/// The words two names of one document open with alike, when the text names it shorter or
/// longer than the title ("Joint Statement by the Harbour Ministers" for "… on Safe Ports").
const SAME_OPENING_WORDS: usize = 5;

/// Whether `other` names the document a title names: it holds the title, or both open with the
/// same [`SAME_OPENING_WORDS`] words.
pub fn same_document(other: &str, title: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| bare(w).to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(other), words(title));
    let opening = a.len() >= SAME_OPENING_WORDS
        && b.len() >= SAME_OPENING_WORDS
        && a[..SAME_OPENING_WORDS] == b[..SAME_OPENING_WORDS];
    opening || other.to_lowercase().contains(&title.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<&'static str> {
        let named = super::super::documents::documents(text);
        let found = unnamed_outcomes(text, &named).into_iter().map(|o| (o, ()));
        standing(found.collect())
            .into_iter()
            .map(|(o, ())| o.title)
            .collect()
    }

    /// Titles of statements that are a document, and headlines about one.
    #[test]
    fn titled_document_rows() {
        let rows: &[(&str, Option<&str>)] = &[
            (
                "Joint Statement of the 4th Harbour Chiefs' Meeting on Pilots – Sharing the Load",
                Some("Joint Statement of the 4th Harbour Chiefs' Meeting on Pilots – Sharing the Load"),
            ),
            ("Joint Declaration of Harbour Ministers on Safe Ports", Some("Joint Declaration of Harbour Ministers on Safe Ports")),
            ("Joint Declaration of Harbour Ministers signed in Port Louis", None),
            ("Joint declaration on safe ports in the region", None),
            ("Harbour ministers sign joint statement", None),
            ("Joint Statement", None),
        ];
        for (title, want) in rows {
            assert_eq!(titled_document(title), *want, "{title}");
        }
    }

    #[test]
    fn a_document_named_shorter_is_the_same() {
        let title = "Joint Statement by the Harbour Ministers on Safe Ports";
        assert!(same_document(
            "Joint Statement by the Harbour Ministers",
            title
        ));
        assert!(same_document(
            "The Port Louis Joint Statement by the Harbour Ministers on Safe Ports",
            title
        ));
        assert!(!same_document("Joint Statement on Pilots", title));
    }

    /// Phrasing classes met in real reports of a meeting's unnamed outcome, in our own words.
    #[test]
    fn unnamed_outcome_rows() {
        let rows: &[(&str, &str, &[&str])] = &[
            (
                "reported by the document",
                "The harbour ministers pledged closer ties on Monday, said a joint declaration.",
                &["Joint Declaration"],
            ),
            (
                "signing closes the meeting",
                "The 4th Harbour Chiefs' Meeting ended with the signing of a joint statement.",
                &["Joint Statement"],
            ),
            (
                "communique issued",
                "At the end, the meeting could issue a joint communique which sets out its aims.",
                &["Joint Communique"],
            ),
            (
                "a day after the head",
                "The ministers issued a joint statement on Tuesday.",
                &["Joint Statement"],
            ),
            (
                "declaration adopted at",
                "The declaration was adopted at the Harbour Ministers' Meeting in June.",
                &["Declaration"],
            ),
            (
                "a declaration told by what it says",
                "The ministers adopted a declaration that stressed restraint.",
                &[],
            ),
            (
                "themed",
                "In the Joint Declaration themed “Pilots First”, the ministers agreed.",
                &[],
            ),
            (
                "a bare declaration without adoption is a word",
                "The declaration stressed the need for restraint.",
                &[],
            ),
            (
                "a joint declaration named again as the declaration",
                "They agreed, said a joint declaration. The declaration was signed later.",
                &["Joint Declaration"],
            ),
            (
                "described by what follows",
                "The ministers signed a joint declaration on harbour safety.",
                &[],
            ),
            (
                "a named document's head",
                "The ministers adopted the Port Louis Joint Declaration on Pilots.",
                &[],
            ),
            (
                "plural",
                "Two joint statements were issued at the meeting.",
                &[],
            ),
            (
                "dropped",
                "The ministers decided to scrap the joint statement. The joint statement was long.",
                &[],
            ),
        ];
        for (class, text, want) in rows {
            assert_eq!(titles(text), *want, "{class}: {text}");
        }
    }
}
