//! Search and snippets alone, for the benchmark: the best statement paragraphs for a text, and the
//! plain tantivy query they must agree with.

use super::citations::{citation_from_doc, text_of};
use super::collector::{has_names, ParagraphSegments};
use super::plan::plan;
use super::request::Request;
use super::{union, Citation, QueryError, Scope};
use crate::analysis;
use crate::index::AgendaIndex;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

/// The plain tantivy query that [`passages`] answers with its pruned, per-segment search: the same
/// clauses, as one exhaustive query over `kind:paragraph`. Tests and the benchmark check the two
/// agree.
pub fn exhaustive_paragraph_query(
    index: &AgendaIndex,
    text: &str,
) -> Result<Box<dyn Query>, QueryError> {
    let searcher = index.reader.searcher();
    let mut analyzer = analysis::analyzer();
    let request = Request::new(&mut analyzer, text);
    let plan = plan(index, &searcher, &mut analyzer, Scope::Ask, &request, true)?;
    let clauses: Vec<(Occur, Box<dyn Query>)> = plan
        .should
        .into_iter()
        .map(|(_, c)| (Occur::Should, c))
        .collect();
    Ok(Box::new(BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>,
        ),
        (Occur::Must, Box::new(paragraph_kind(index))),
    ])))
}

fn paragraph_kind(index: &AgendaIndex) -> TermQuery {
    TermQuery::new(
        Term::from_field_text(index.fields.kind, "paragraph"),
        IndexRecordOption::Basic,
    )
}

/// Search and snippets alone: the `k` best statement paragraphs for `text`, each with its snippet
/// (no facts, no coverage floor, no rendering). The benchmark compares this with FTS5.
pub fn passages(index: &AgendaIndex, text: &str, k: usize) -> Result<Vec<Citation>, QueryError> {
    let searcher = index.reader.searcher();
    let mut analyzer = analysis::analyzer();
    let f = index.fields;
    let request = Request::new(&mut analyzer, text);
    let plan = plan(index, &searcher, &mut analyzer, Scope::Ask, &request, true)?;
    if plan.should.is_empty() {
        return Ok(Vec::new());
    }
    let wanted = plan.wanted();
    // Facts are few (and, without the name clauses, rank like paragraphs): rank everything and
    // skip them, rather than intersect with the `kind` term (which would score every match and
    // lose block-max WAND). When facts crowd the paragraphs out (a series acronym is in the body
    // of every meeting of the series), look deeper; the first `k` paragraphs of a longer ranking
    // are the same `k` paragraphs.
    let query = union::PrunedUnion {
        clauses: plan.should,
    };
    let mut out = Vec::with_capacity(k);
    let mut limit = k;
    loop {
        let top = searcher.search(
            &query,
            &ParagraphSegments {
                top: TopDocs::with_limit(limit),
                kind: f.kind,
            },
        )?;
        let exhausted = top.len() < limit;
        out.clear();
        for (_, addr) in top {
            // Facts have names and paragraphs none: the field norm tells them apart without
            // fetching the document (the kind is checked again on the fetched one).
            if has_names(index, &searcher, addr)? {
                continue;
            }
            let doc: TantivyDocument = searcher.doc(addr)?;
            if text_of(&doc, f.kind) != "paragraph" {
                continue;
            }
            out.push(citation_from_doc(&doc, index, &wanted, &mut analyzer));
            if out.len() == k {
                return Ok(out);
            }
        }
        if exhausted || limit > 4_096 {
            break;
        }
        limit *= 8;
    }
    if out.len() < k {
        // Still crowded: only paragraphs, by intersection.
        out.clear();
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(query) as Box<dyn Query>),
            (Occur::Must, Box::new(paragraph_kind(index))),
        ]);
        for (_, addr) in searcher.search(&query, &TopDocs::with_limit(k))? {
            let doc: TantivyDocument = searcher.doc(addr)?;
            out.push(citation_from_doc(&doc, index, &wanted, &mut analyzer));
        }
    }
    Ok(out)
}
