//! Collecting paragraphs fast: a top-docs collector that skips the facts' segment, and the
//! field-norm test that tells a fact from a paragraph without fetching it.

use super::QueryError;
use crate::index::AgendaIndex;
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::schema::Field;
use tantivy::{DocAddress, Searcher, SegmentOrdinal, SegmentReader, Term};

/// [`TopDocs`] over the segments that hold paragraphs: the index writes facts to a segment of
/// their own, which this skips whole.
pub(crate) struct ParagraphSegments {
    pub(crate) top: TopDocs,
    pub(crate) kind: Field,
}

impl Collector for ParagraphSegments {
    type Fruit = <TopDocs as Collector>::Fruit;
    type Child = <TopDocs as Collector>::Child;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        self.top.for_segment(segment_ord, reader)
    }

    fn requires_scoring(&self) -> bool {
        self.top.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        self.top.merge_fruits(fruits)
    }

    fn collect_segment(
        &self,
        weight: &dyn tantivy::query::Weight,
        segment_ord: u32,
        reader: &SegmentReader,
    ) -> tantivy::Result<<Self::Child as SegmentCollector>::Fruit> {
        let paragraph = Term::from_field_text(self.kind, "paragraph");
        if reader.inverted_index(self.kind)?.doc_freq(&paragraph)? == 0 {
            return Ok(Default::default());
        }
        self.top.collect_segment(weight, segment_ord, reader)
    }
}

/// Whether the document has tokens in `names` (only facts do).
pub(crate) fn has_names(
    index: &AgendaIndex,
    searcher: &Searcher,
    addr: DocAddress,
) -> Result<bool, QueryError> {
    let norms = searcher
        .segment_reader(addr.segment_ord)
        .fieldnorms_readers()
        .get_field(index.fields.names)?;
    Ok(norms.is_some_and(|n| n.fieldnorm_id(addr.doc_id) > 0))
}
