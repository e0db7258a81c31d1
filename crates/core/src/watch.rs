//! Watchlists, as values: what a watch names ([`Target`]: a meeting series, a known fact, or
//! words) and which paragraphs of a statement mention it, cited.

use crate::analysis;
use crate::corpus::{Fact, FactKind};
use crate::index::AgendaIndex;
use crate::query::listing::name_key;
use crate::query::snippet::make as snippet_of;
use crate::query::{self, Citation, QueryError};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// The longest snippet of a watch post's paragraph, in bytes.
pub const SNIPPET_BYTES: usize = 600;
/// The most paragraphs of one statement cited in one post.
pub const PARAGRAPHS_PER_POST: usize = 3;
/// The most paragraphs a statement is read for (statements are far shorter).
const PARAGRAPHS_READ: usize = 10_000;

/// What a watch is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum What {
    /// A meeting series (every instance: ADMM, ANCM).
    Series,
    /// One known fact: a mechanism or body, an initiative, one meeting.
    Fact { fact_kind: FactKind, id: String },
    /// Words, for anything the corpus does not know by name (a country, a topic).
    Words,
}

/// A watch's target: what it is, how it is shown, the names a paragraph must hold one of (for
/// words: every word, as the index reads them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub what: What,
    pub label: String,
    pub names: Vec<String>,
}

impl Target {
    /// Whether two targets watch the same thing (the same fact or series, or the same words
    /// whatever their case and spacing).
    pub fn same_as(&self, other: &Target) -> bool {
        let key = |t: &Target| t.names.iter().map(|n| name_key(n)).collect::<Vec<_>>();
        self.what == other.what && key(self) == key(other)
    }

    /// Whether the corpus knows what the watch names (not just words).
    pub fn is_known(&self) -> bool {
        self.what != What::Words
    }
}

/// What `text` names in `index`: a series (a meeting acronym or series name with instances), a
/// fact by one of its names, else the words themselves. `None` for text without a word.
pub fn resolve(index: &AgendaIndex, text: &str) -> Option<Target> {
    let text = text.trim();
    let key = name_key(text);
    if key.is_empty() {
        return None;
    }
    let mut series_names: BTreeSet<String> = BTreeSet::new();
    for fact in &index.facts {
        if let Fact::Meeting(m) = fact {
            let names = [m.acronym.as_deref(), m.series.as_deref()];
            if names.iter().flatten().any(|n| name_key(n) == key) {
                series_names.extend(names.iter().flatten().map(|n| n.to_string()));
            }
        }
    }
    if !series_names.is_empty() {
        return Some(Target {
            what: What::Series,
            label: text.to_string(),
            names: series_names.into_iter().collect(),
        });
    }
    if let Some(fact) = index
        .facts
        .iter()
        .find(|f| f.names().iter().any(|n| name_key(n) == key))
    {
        return Some(Target {
            what: What::Fact {
                fact_kind: fact.kind(),
                id: fact.id().to_string(),
            },
            label: fact.title(),
            names: fact.names(),
        });
    }
    Some(Target {
        what: What::Words,
        label: text.to_string(),
        names: vec![text.to_string()],
    })
}

/// Whether `name` occurs in `text` as whole words, ignoring case ("ADMM" in "the ADMM-Plus",
/// not in "ADMMX").
fn holds_name(text: &str, name: &str) -> bool {
    let name = name.trim();
    if name.chars().count() < 2 {
        return false;
    }
    let (text, name) = (text.to_lowercase(), name.to_lowercase());
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(&name).any(|(at, _)| {
        boundary(text[..at].chars().next_back()) && boundary(text[at + name.len()..].chars().next())
    })
}

/// The analysed words of `text` (as the index reads them).
fn words(text: &str) -> HashSet<String> {
    let mut analyzer = analysis::analyzer();
    analysis::terms(&mut analyzer, text)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

/// The words to mark in a paragraph that mentions `target`, or `None` when it does not.
fn mention(target: &Target, text: &str) -> Option<HashSet<String>> {
    match target.what {
        What::Words => {
            let wanted = words(&target.names.join(" "));
            let held = words(text);
            (!wanted.is_empty() && wanted.is_subset(&held)).then_some(wanted)
        }
        _ => {
            let found: Vec<&String> = target
                .names
                .iter()
                .filter(|n| holds_name(text, n))
                .collect();
            (!found.is_empty()).then(|| {
                found
                    .into_iter()
                    .flat_map(|n| words(n))
                    .collect::<HashSet<String>>()
            })
        }
    }
}

/// Every statement id the index holds, sorted.
pub fn statement_ids(index: &AgendaIndex) -> Result<Vec<String>, QueryError> {
    let searcher = index.reader.searcher();
    let mut ids = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(index.fields.statement)?;
        let mut terms = inverted
            .terms()
            .stream()
            .map_err(|e| QueryError::Search(e.into()))?;
        while terms.advance() {
            if let Ok(id) = std::str::from_utf8(terms.key()) {
                ids.insert(id.to_string());
            }
        }
    }
    Ok(ids.into_iter().collect())
}

/// The paragraphs of `statement_id` that mention `target`, in order, at most
/// [`PARAGRAPHS_PER_POST`], each cited with the names marked.
pub fn mentions(
    index: &AgendaIndex,
    target: &Target,
    statement_id: &str,
) -> Result<Vec<Citation>, QueryError> {
    let f = index.fields;
    let searcher = index.reader.searcher();
    let q = TermQuery::new(
        Term::from_field_text(f.statement, statement_id),
        IndexRecordOption::Basic,
    );
    let mut numbered: Vec<(u32, String)> = Vec::new();
    for (_, addr) in searcher.search(&q, &TopDocs::with_limit(PARAGRAPHS_READ))? {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let number = doc
            .get_first(f.number)
            .and_then(|v| v.as_u64())
            .unwrap_or(0) as u32;
        let body = doc
            .get_first(f.body)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        numbered.push((number, body));
    }
    numbered.sort_by_key(|(n, _)| *n);
    let mut out = Vec::new();
    for (number, body) in numbered {
        let Some(wanted) = mention(target, &body) else {
            continue;
        };
        if let Some(mut c) = query::paragraph(index, statement_id, number)? {
            c.snippet = snippet_of(&body, &wanted, SNIPPET_BYTES);
            c.matched = wanted.into_iter().collect();
            c.matched.sort();
            out.push(c);
        }
        if out.len() == PARAGRAPHS_PER_POST {
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::shipped_index;

    #[test]
    fn names_hold_as_whole_words_only() {
        for (text, name, held) in [
            ("The ADMM-Plus met", "ADMM", true),
            ("the admm met", "ADMM", true),
            ("ADMMX met", "ADMM", false),
            ("XADMM met", "ADMM", false),
            ("Lao PDR, Viet Nam", "Viet Nam", true),
            ("a", "a", false),
        ] {
            assert_eq!(holds_name(text, name), held, "{text:?} ∋ {name:?}");
        }
    }

    #[test]
    fn a_watch_is_a_series_a_fact_or_words() {
        let index = shipped_index();
        let series = resolve(&index, "AMIM").unwrap();
        assert_eq!(series.what, What::Series);
        assert!(series.names.iter().any(|n| n == "AMIM"), "{series:?}");
        let body = resolve(&index, "ajiip").unwrap();
        assert_eq!(
            body.what,
            What::Fact {
                fact_kind: FactKind::Mechanism,
                id: "ajiip".into()
            }
        );
        let words = resolve(&index, "Timor-Leste").unwrap();
        assert_eq!(words.what, What::Words);
        assert!(!words.is_known());
        assert_eq!(resolve(&index, " -- "), None);
    }

    #[test]
    fn mentions_cite_the_paragraphs_that_name_the_target() {
        let index = shipped_index();
        let ids = statement_ids(&index).unwrap();
        assert_eq!(ids, ["amim-21-vna", "asean-sg-lao-defence-minister"]);
        let ajiip = resolve(&index, "AJIIP").unwrap();
        let cited = mentions(&index, &ajiip, "amim-21-vna").unwrap();
        assert_eq!(cited.len(), 1, "{cited:?}");
        assert!(cited[0].snippet.text.contains("AJIIP"));
        assert!(
            !cited[0].snippet.highlights.is_empty(),
            "the name is marked"
        );
        assert!(mentions(&index, &ajiip, "asean-sg-lao-defence-minister")
            .unwrap()
            .is_empty());
        let words = resolve(&index, "military intelligence").unwrap();
        assert!(!mentions(&index, &words, "amim-21-vna").unwrap().is_empty());
        assert!(mentions(&index, &words, "no-such-statement")
            .unwrap()
            .is_empty());
    }
}

/// A planned instance of a watched series: what its date and place read now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub meeting: String,
    /// `date|place` as written (empty parts unknown): compared between scans.
    pub looks: String,
    /// Whether it has a date or a place at all.
    pub known: bool,
}

/// The planned instances (first day on or after `today`, or undated) of the series `target`
/// names; empty for any other target.
pub fn planned_instances(
    index: &AgendaIndex,
    target: &Target,
    today: jiff::civil::Date,
) -> Vec<Planned> {
    if target.what != What::Series {
        return Vec::new();
    }
    let keys: Vec<String> = target.names.iter().map(|n| name_key(n)).collect();
    let mut out: Vec<Planned> = crate::query::listing::series_instances(index, &keys)
        .into_iter()
        .filter(|m| m.when.as_ref().is_none_or(|w| w.end >= today))
        .map(|m| {
            let date = m.date.as_deref().unwrap_or("");
            let place = m.place.as_deref().unwrap_or("");
            Planned {
                meeting: m.id.clone(),
                looks: format!("{date}|{place}"),
                known: !date.is_empty() || !place.is_empty(),
            }
        })
        .collect();
    out.sort_by(|a, b| a.meeting.cmp(&b.meeting));
    out
}
