//! Citations: a fact's cited paragraphs fetched from the index, each turned into a citation with
//! a snippet that marks the wanted words.

use super::snippet;
use super::{Citation, QueryError, MAX_CITATIONS, SNIPPET_BYTES};
use crate::analysis;
use crate::corpus::{split_cite, Fact};
use crate::index::AgendaIndex;
use std::collections::HashSet;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

/// What a citation looks for. Every term is marked; the focus, the question's terms that are not
/// in the names of what it asks about ("theme", "chaired" beside "AMIM-21"), chooses the sentence
/// and puts the paragraphs that hold it first.
#[derive(Debug, Clone, Default)]
pub(crate) struct Wanted {
    pub(crate) terms: HashSet<String>,
    pub(crate) focus: HashSet<String>,
}

impl Wanted {
    /// Every term alike, no focus.
    pub(crate) fn plain(terms: HashSet<String>) -> Wanted {
        Wanted {
            terms,
            focus: HashSet::new(),
        }
    }

    /// `terms`, focused on those not among the terms of `names`.
    pub(crate) fn about(
        terms: &HashSet<String>,
        names: &[String],
        analyzer: &mut TextAnalyzer,
    ) -> Wanted {
        let mut focus = terms.clone();
        for name in names {
            for t in analysis::terms(analyzer, name) {
                focus.remove(&t.text);
            }
        }
        Wanted {
            terms: terms.clone(),
            focus,
        }
    }

    /// How well a citation supports the question: distinct focus terms marked, then distinct
    /// terms marked.
    fn support(&self, c: &Citation, analyzer: &mut TextAnalyzer) -> (usize, usize) {
        let focused: HashSet<String> = c
            .matched
            .iter()
            .flat_map(|w| analysis::terms(analyzer, w))
            .map(|t| t.text)
            .filter(|t| self.focus.contains(t))
            .collect();
        (focused.len(), c.matched.len())
    }
}

/// Every paragraph the fact cites that the index holds, in the fact's `cites` order, each
/// snippet centred on (and highlighting) the words of the fact's name. The first is the fact's
/// main source.
pub fn citations_for(index: &AgendaIndex, fact: &Fact) -> Vec<Citation> {
    let searcher = index.reader.searcher();
    let mut analyzer = analysis::analyzer();
    let name = Wanted::plain(
        analysis::terms(&mut analyzer, fact.name())
            .into_iter()
            .map(|t| t.text)
            .collect(),
    );
    let mut out = Vec::new();
    for cite in fact.cites() {
        if split_cite(cite).is_none() {
            continue;
        }
        let Ok(Some(addr)) = address_of(index, &searcher, cite) else {
            continue;
        };
        let Ok(doc) = searcher.doc::<TantivyDocument>(addr) else {
            continue;
        };
        out.push(citation_from_doc(&doc, index, &name, &mut analyzer));
    }
    out
}

/// The fact's cited paragraphs that support the question (mark some of its words), best first:
/// the ones holding the focus, then the most words, then in the fact's order; one of each text
/// (see [`same_text`]). With nothing wanted, the fact's first citation alone.
pub(crate) fn fact_citations(
    index: &AgendaIndex,
    searcher: &Searcher,
    fact: &Fact,
    wanted: &Wanted,
    analyzer: &mut TextAnalyzer,
) -> Result<Vec<Citation>, QueryError> {
    let mut out: Vec<((usize, usize), usize, Citation)> = Vec::new();
    for (order, cite) in fact.cites().iter().enumerate() {
        if split_cite(cite).is_none() {
            continue;
        }
        let Some(addr) = address_of(index, searcher, cite)? else {
            continue;
        };
        let doc: TantivyDocument = searcher.doc(addr)?;
        let c = citation_from_doc(&doc, index, wanted, analyzer);
        out.push((wanted.support(&c, analyzer), order, c));
    }
    out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    if wanted.terms.is_empty() {
        out.truncate(1);
    } else {
        out.retain(|c| c.0 .1 > 0);
    }
    let mut seen = HashSet::new();
    Ok(out
        .into_iter()
        .map(|(_, _, c)| c)
        .filter(|c| seen.insert(same_text(&c.snippet.text)))
        .take(MAX_CITATIONS)
        .collect())
}

/// The paragraphs of a statement, in order, each as a citation marking the wanted terms.
pub(crate) fn statement_citations(
    index: &AgendaIndex,
    searcher: &Searcher,
    statement_id: &str,
    wanted: &Wanted,
    analyzer: &mut TextAnalyzer,
) -> Result<Vec<Citation>, QueryError> {
    let q = TermQuery::new(
        Term::from_field_text(index.fields.statement, statement_id),
        IndexRecordOption::Basic,
    );
    let mut out = Vec::new();
    for (_, addr) in searcher.search(&q, &TopDocs::with_limit(MAX_STATEMENT_PARAGRAPHS))? {
        let doc: TantivyDocument = searcher.doc(addr)?;
        if text_of(&doc, index.fields.kind) == "paragraph" {
            out.push(citation_from_doc(&doc, index, wanted, analyzer));
        }
    }
    out.sort_by_key(|c| c.paragraph);
    Ok(out)
}

/// The lead of a statement: the number and text of its first paragraph that is not its
/// headline, if one is among its first few.
pub(crate) fn lead_text(
    index: &AgendaIndex,
    searcher: &Searcher,
    statement_id: &str,
    title: &str,
) -> Result<Option<(u32, String)>, QueryError> {
    for n in 1..=LEAD_SEARCH {
        let Some(addr) = address_of(index, searcher, &format!("{statement_id}#{n}"))? else {
            continue;
        };
        let doc: TantivyDocument = searcher.doc(addr)?;
        let body = text_of(&doc, index.fields.body);
        if same_text(&body) != same_text(title) {
            return Ok(Some((n, body)));
        }
    }
    Ok(None)
}

/// Paragraphs looked at for a statement's lead (a headline and a caption may come first).
const LEAD_SEARCH: u32 = 3;

/// Paragraphs of one statement read at most (a press release has a few dozen).
const MAX_STATEMENT_PARAGRAPHS: usize = 200;

/// A key equal for two texts that read the same: a leading news dateline ("Vientiane (VNA) - ")
/// dropped, case, spacing and punctuation ignored.
pub(crate) fn same_text(text: &str) -> String {
    let text = text.trim_start();
    let body = [") - ", ") – ", ") — "]
        .iter()
        .filter_map(|dash| text.find(dash).map(|i| i + dash.len()))
        .min()
        .filter(|&end| {
            let dateline = &text[..end];
            dateline.starts_with(char::is_uppercase)
                && dateline.contains(" (")
                && dateline.split_whitespace().count() <= 7
                && text[end..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
        .map_or(text, |end| &text[end..]);
    body.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The address of the document with this id (a paragraph's `statement#N` or a fact's id).
pub(crate) fn address_of(
    index: &AgendaIndex,
    searcher: &Searcher,
    id: &str,
) -> Result<Option<DocAddress>, QueryError> {
    let q = TermQuery::new(
        Term::from_field_text(index.fields.id, id),
        IndexRecordOption::Basic,
    );
    Ok(searcher
        .search(&q, &TopDocs::with_limit(1))?
        .first()
        .map(|t| t.1))
}

/// A paragraph document as a citation, its snippet marking the wanted terms.
pub(crate) fn citation_from_doc(
    doc: &TantivyDocument,
    index: &AgendaIndex,
    wanted: &Wanted,
    analyzer: &mut TextAnalyzer,
) -> Citation {
    let f = index.fields;
    let body = text_of(doc, f.body);
    let snippet = snippet::make_with(analyzer, &body, &wanted.terms, &wanted.focus, SNIPPET_BYTES);
    let non_empty = |s: String| (!s.is_empty()).then_some(s);
    Citation {
        statement_id: text_of(doc, f.statement),
        statement_title: text_of(doc, f.title),
        source: text_of(doc, f.source),
        date: non_empty(text_of(doc, f.date)),
        url: non_empty(text_of(doc, f.url)),
        paragraph: doc
            .get_first(f.number)
            .and_then(|v| v.as_u64())
            .unwrap_or(0) as u32,
        matched: snippet.matched_words(),
        snippet,
    }
}

pub(crate) fn text_of(doc: &TantivyDocument, field: Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (issue 10, citations): `meeting AMIM-21` cited ¶2 and ¶5, the same sentence,
    /// ¶5 after the dateline "Vientiane (VNA) - ".
    #[test]
    fn a_dateline_does_not_make_a_text_different() {
        let plain = "The 21st ASEAN Military Intelligence Meeting (AMIM-21) took place.";
        for dated in [
            "Vientiane (VNA) - The 21st ASEAN Military Intelligence Meeting (AMIM-21) took place.",
            "Hanoi, 3 September (VNA) – The 21st ASEAN Military Intelligence Meeting (AMIM-21) took place",
        ] {
            assert_eq!(same_text(dated), same_text(plain), "{dated}");
        }
        assert_ne!(
            same_text("The ASEAN Our Eyes (AOE) - a network. It grew."),
            same_text("a network. It grew.")
        );
    }
}
