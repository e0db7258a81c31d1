//! A disjunction that leaves out, segment by segment, the term clauses whose term the segment
//! lacks. tantivy ranks a disjunction of term clauses with block-max WAND only when every clause
//! has a posting list with frequencies; a term absent from a segment gets an empty list without
//! them, and the whole segment falls back to scoring every matching document. Dropping such a
//! clause changes no score (it matches nothing there).

use std::sync::Arc;
use tantivy::query::{
    BooleanWeight, EnableScoring, Explanation, Occur, Query, Scorer, SumCombiner, Weight,
};
use tantivy::{DocId, Score, SegmentReader, Term};

/// Clauses OR-ed, scores summed (as `BooleanQuery` of `Should` clauses); a clause may name the
/// single term it searches, so that segments without it skip it.
#[derive(Debug)]
pub(super) struct PrunedUnion {
    pub clauses: Vec<(Option<Term>, Box<dyn Query>)>,
}

impl Clone for PrunedUnion {
    fn clone(&self) -> PrunedUnion {
        PrunedUnion {
            clauses: self
                .clauses
                .iter()
                .map(|(t, q)| (t.clone(), q.box_clone()))
                .collect(),
        }
    }
}

impl Query for PrunedUnion {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let clauses = self
            .clauses
            .iter()
            .map(|(term, q)| Ok((term.clone(), Arc::from(q.weight(enable_scoring)?))))
            .collect::<tantivy::Result<_>>()?;
        Ok(Box::new(PrunedUnionWeight {
            clauses,
            scoring: enable_scoring.is_scoring_enabled(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (_, q) in &self.clauses {
            q.query_terms(visitor);
        }
    }
}

struct PrunedUnionWeight {
    clauses: Vec<(Option<Term>, Arc<dyn Weight>)>,
    scoring: bool,
}

impl PrunedUnionWeight {
    /// The union of the clauses that can match in this segment.
    fn for_segment(&self, reader: &SegmentReader) -> tantivy::Result<BooleanWeight<SumCombiner>> {
        let mut weights: Vec<(Occur, Box<dyn Weight>)> = Vec::with_capacity(self.clauses.len());
        for (term, weight) in &self.clauses {
            if let Some(term) = term {
                if reader.inverted_index(term.field())?.doc_freq(term)? == 0 {
                    continue;
                }
            }
            weights.push((Occur::Should, Box::new(Shared(Arc::clone(weight)))));
        }
        Ok(BooleanWeight::new(
            weights,
            self.scoring,
            Box::new(SumCombiner::default),
        ))
    }
}

impl Weight for PrunedUnionWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.for_segment(reader)?.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.for_segment(reader)?.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.for_segment(reader)?.count(reader)
    }

    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        self.for_segment(reader)?.for_each(reader, callback)
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        self.for_segment(reader)?
            .for_each_no_score(reader, callback)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        self.for_segment(reader)?
            .for_each_pruning(threshold, reader, callback)
    }
}

/// A weight shared between the per-segment unions; its scorers are the inner weight's own (so
/// a term clause still yields a `TermScorer`, which is what block-max WAND looks for).
struct Shared(Arc<dyn Weight>);

impl Weight for Shared {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.0.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}
