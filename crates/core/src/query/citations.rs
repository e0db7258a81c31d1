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

/// Every paragraph the fact cites that the index holds, in the fact's `cites` order, each
/// snippet centred on (and highlighting) the words of the fact's name. The first is the fact's
/// main source.
pub fn citations_for(index: &AgendaIndex, fact: &Fact) -> Vec<Citation> {
    let searcher = index.reader.searcher();
    let mut analyzer = analysis::analyzer();
    let name: HashSet<String> = analysis::terms(&mut analyzer, fact.name())
        .into_iter()
        .map(|t| t.text)
        .collect();
    let mut out = Vec::new();
    for cite in fact.cites() {
        if split_cite(cite).is_none() {
            continue;
        }
        let Ok(Some(addr)) = paragraph_address(index, &searcher, cite) else {
            continue;
        };
        let Ok(doc) = searcher.doc::<TantivyDocument>(addr) else {
            continue;
        };
        out.push(citation_from_doc(&doc, index, &name, &mut analyzer));
    }
    out
}

/// The fact's cited paragraphs, fetched from the index, best matching first.
pub(crate) fn fact_citations(
    index: &AgendaIndex,
    searcher: &Searcher,
    fact: &Fact,
    wanted: &HashSet<String>,
    analyzer: &mut TextAnalyzer,
) -> Result<Vec<Citation>, QueryError> {
    let mut out: Vec<(usize, usize, Citation)> = Vec::new();
    for (order, cite) in fact.cites().iter().enumerate() {
        if split_cite(cite).is_none() {
            continue;
        }
        let Some(addr) = paragraph_address(index, searcher, cite)? else {
            continue;
        };
        let doc: TantivyDocument = searcher.doc(addr)?;
        let c = citation_from_doc(&doc, index, wanted, analyzer);
        out.push((c.matched.len(), order, c));
    }
    out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    // Paragraphs with matches when there are some; otherwise the fact's first citation alone.
    let matched = out.iter().filter(|c| c.0 > 0).count();
    out.truncate(matched.max(1));
    let mut seen = HashSet::new();
    Ok(out
        .into_iter()
        .map(|(_, _, c)| c)
        .filter(|c| seen.insert(c.snippet.text.clone()))
        .take(MAX_CITATIONS)
        .collect())
}

fn paragraph_address(
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

/// A paragraph document as a citation, its snippet marking `wanted`.
pub(crate) fn citation_from_doc(
    doc: &TantivyDocument,
    index: &AgendaIndex,
    wanted: &HashSet<String>,
    analyzer: &mut TextAnalyzer,
) -> Citation {
    let f = index.fields;
    let body = text_of(doc, f.body);
    let snippet = snippet::make_with(analyzer, &body, wanted, SNIPPET_BYTES);
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
