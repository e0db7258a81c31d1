//! One statement paragraph whole, by statement id and number (the "Full paragraph" button).

use super::citations::text_of;
use super::snippet::Snippet;
use super::{Citation, QueryError};
use crate::index::AgendaIndex;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// Paragraph `number` of statement `statement_id` as a citation whose snippet is the whole
/// paragraph (nothing marked, nothing cut); `None` when the index holds no such paragraph.
pub fn paragraph(
    index: &AgendaIndex,
    statement_id: &str,
    number: u32,
) -> Result<Option<Citation>, QueryError> {
    let f = index.fields;
    let searcher = index.reader.searcher();
    let id = format!("{statement_id}#{number}");
    let q = TermQuery::new(Term::from_field_text(f.id, &id), IndexRecordOption::Basic);
    let Some(&(_, addr)) = searcher.search(&q, &TopDocs::with_limit(1))?.first() else {
        return Ok(None);
    };
    let doc: TantivyDocument = searcher.doc(addr)?;
    if text_of(&doc, f.kind) != "paragraph" {
        return Ok(None);
    }
    let non_empty = |s: String| (!s.is_empty()).then_some(s);
    Ok(Some(Citation {
        statement_id: text_of(&doc, f.statement),
        statement_title: text_of(&doc, f.title),
        source: text_of(&doc, f.source),
        date: non_empty(text_of(&doc, f.date)),
        url: non_empty(text_of(&doc, f.url)),
        paragraph: doc
            .get_first(f.number)
            .and_then(|v| v.as_u64())
            .unwrap_or(0) as u32,
        snippet: Snippet {
            text: text_of(&doc, f.body),
            highlights: Vec::new(),
            cut_before: false,
            cut_after: false,
        },
        matched: Vec::new(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::shipped_index;

    #[test]
    fn finds_a_cited_paragraph_whole_and_nothing_else() {
        let idx = shipped_index();
        let a = crate::query::answer(&idx, crate::query::Scope::Meeting, "AMIM-21").unwrap();
        let cited = &a.results[0].citations[0];
        let whole = paragraph(&idx, &cited.statement_id, cited.paragraph)
            .unwrap()
            .expect("the cited paragraph is in the index");
        assert_eq!(whole.reference(), cited.reference());
        assert!(whole.snippet.text.len() >= cited.snippet.text.trim_matches('…').len());
        assert!(!whole.snippet.cut_before && !whole.snippet.cut_after);
        assert!(paragraph(&idx, &cited.statement_id, 9999)
            .unwrap()
            .is_none());
        assert!(paragraph(&idx, "no-such-statement", 1).unwrap().is_none());
        // A fact id is not a paragraph.
        assert!(paragraph(&idx, "amim-21", 0).unwrap().is_none());
    }
}
