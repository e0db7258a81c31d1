//! Query: a request (scope + user text) → ranked answers, each carrying cited, highlighted snippets.

mod english;
mod expand;
mod fuzzy;
pub mod snippet;
pub mod time;
mod union;

pub use time::answer_on;

use crate::analysis;
use crate::corpus::{split_cite, Fact, FactKind};
use crate::index::aliases::Target;
use crate::index::AgendaIndex;
use expand::Concept;
use serde::Serialize;
use snippet::Snippet;
use std::collections::HashSet;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

/// What the user asked for: a kind of fact, or anything (`/ask`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Meeting,
    Initiative,
    Mechanism,
    Ask,
}

impl Scope {
    pub fn kind(self) -> Option<FactKind> {
        match self {
            Scope::Meeting => Some(FactKind::Meeting),
            Scope::Initiative => Some(FactKind::Initiative),
            Scope::Mechanism => Some(FactKind::Mechanism),
            Scope::Ask => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Meeting => "meeting",
            Scope::Initiative => "initiative",
            Scope::Mechanism => "mechanism",
            Scope::Ask => "ask",
        }
    }
}

/// The longest user text considered; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 400;
/// Snippet budget in bytes.
pub const SNIPPET_BYTES: usize = 280;
/// Citations kept per fact.
pub const MAX_CITATIONS: usize = 4;
/// Share of the question's weight a result must match to be shown.
const COVERAGE_FLOOR: f32 = 0.5;
/// Score multiplier for facts against paragraphs in `/ask`.
const FACT_BOOST: f32 = 1.5;
/// Results scoring below this share of the best are dropped.
const RELATIVE_FLOOR: f32 = 0.2;

/// A passage of a statement that an answer cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub statement_id: String,
    pub statement_title: String,
    pub source: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub paragraph: u32,
    pub snippet: Snippet,
    /// The words of the question found in this paragraph.
    pub matched: Vec<String>,
}

impl Citation {
    /// `statement-id#N`
    pub fn reference(&self) -> String {
        format!("{}#{}", self.statement_id, self.paragraph)
    }
}

/// One result: a fact with its citations, or a passage of a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub score: f32,
    pub fact: Option<Fact>,
    pub citations: Vec<Citation>,
}

impl Hit {
    /// "meeting", "initiative", "mechanism", "area", or "statement" for a passage.
    pub fn kind(&self) -> &'static str {
        self.fact
            .as_ref()
            .map_or("statement", |f| f.kind().as_str())
    }

    pub fn id(&self) -> String {
        match &self.fact {
            Some(f) => f.id().to_string(),
            None => self
                .citations
                .first()
                .map(Citation::reference)
                .unwrap_or_default(),
        }
    }

    pub fn title(&self) -> String {
        match &self.fact {
            Some(f) => f.title(),
            None => self
                .citations
                .first()
                .map(|c| c.statement_title.clone())
                .unwrap_or_default(),
        }
    }
}

/// The answer to one request.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub scope: Scope,
    pub query: String,
    pub results: Vec<Hit>,
    /// Close names, offered when nothing was found.
    pub suggestions: Vec<String>,
    /// The request asked for every fact of the scope ("all", or nothing).
    pub listing: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("searching the index failed: {0}")]
    Search(#[from] tantivy::TantivyError),
}

/// Answers `text` within `scope`; odd text never fails (only index I/O can).
pub fn answer(index: &AgendaIndex, scope: Scope, text: &str) -> Result<Answer, QueryError> {
    let text: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .take(MAX_QUERY_CHARS)
        .collect();
    let searcher = index.reader.searcher();
    let mut analyzer = analysis::analyzer();
    let f = index.fields;

    let content: Vec<analysis::Term> = analysis::terms(&mut analyzer, &text)
        .into_iter()
        .filter(|t| !analysis::is_question_filler(&text[t.from..t.to].to_lowercase()))
        .collect();
    let wants_listing = content.is_empty()
        || matches!(
            text.trim().to_lowercase().as_str(),
            "all" | "list" | "everything" | "*"
        );
    if let Some(kind) = scope.kind().filter(|_| wants_listing) {
        return Ok(listing(index, &searcher, scope, kind));
    }
    if let Some(kind) = listing_intent(&text, &content, scope) {
        return Ok(listing(index, &searcher, scope, kind));
    }

    let Plan {
        concepts,
        named_facts,
        should,
    } = plan(
        index,
        &searcher,
        &mut analyzer,
        scope,
        &text,
        &content,
        false,
    )?;
    if should.is_empty() {
        return Ok(nothing_found(index, scope, &text));
    }
    // Unscoped, the disjunction is the whole query, so tantivy can rank it with block-max WAND
    // (wrapped in a one-clause conjunction it would score every matching document).
    let union = union::PrunedUnion { clauses: should };
    let query: Box<dyn Query> = match scope.kind() {
        None => Box::new(union),
        Some(kind) => {
            let q = TermQuery::new(
                Term::from_field_text(f.kind, kind.as_str()),
                IndexRecordOption::Basic,
            );
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(union) as Box<dyn Query>),
                (Occur::Must, Box::new(q)),
            ]))
        }
    };
    let mut top = searcher.search(query.as_ref(), &TopDocs::with_limit(40))?;
    // A fact gathers what paragraphs say piecemeal: on a tie-ish score, the fact answers better.
    if scope == Scope::Ask {
        for (score, addr) in &mut top {
            if has_names(index, &searcher, *addr)? {
                *score *= FACT_BOOST;
            }
        }
        top.sort_by(|a, b| b.0.total_cmp(&a.0));
    }

    let total_weight: f32 = concepts.iter().map(|c| c.weight).sum();
    let wanted: HashSet<String> = concepts.iter().flat_map(Concept::marked).cloned().collect();
    let limit = if scope == Scope::Ask { 6 } else { 5 };
    let mut results: Vec<Hit> = Vec::new();
    let mut cited: HashSet<String> = HashSet::new();
    let mut passages_seen: HashSet<String> = HashSet::new();
    // The relative floor counts from the best result that passes the coverage floor.
    let mut best: Option<f32> = None;
    for (score, addr) in top {
        if results.len() >= limit || best.is_some_and(|b| score < b * RELATIVE_FLOOR) {
            break;
        }
        let doc: TantivyDocument = searcher.doc(addr)?;
        let kind = text_of(&doc, f.kind);
        let id = text_of(&doc, f.id);
        let named = named_facts.contains(&id);
        let body = text_of(&doc, f.body);
        let doc_terms: HashSet<String> = analysis::terms(&mut analyzer, &body)
            .into_iter()
            .map(|t| t.text)
            .collect();
        let covered: f32 = concepts
            .iter()
            .filter(|c| c.covered_by(&doc_terms))
            .map(|c| c.weight)
            .sum();
        if !named && (total_weight <= 0.0 || covered / total_weight < COVERAGE_FLOOR) {
            continue;
        }
        best.get_or_insert(score);
        if kind == "paragraph" {
            if cited.contains(&id) || !passages_seen.insert(body.trim().to_string()) {
                continue;
            }
            let citation = citation_from_doc(&doc, index, &wanted, &mut analyzer);
            cited.insert(id);
            results.push(Hit {
                score,
                fact: None,
                citations: vec![citation],
            });
        } else if let Some(fact) = index.fact(&id) {
            let citations = fact_citations(index, &searcher, fact, &wanted, &mut analyzer)?;
            cited.extend(citations.iter().map(Citation::reference));
            results.push(Hit {
                score,
                fact: Some(fact.clone()),
                citations,
            });
        }
    }
    // A passage listed before the fact that cites it is dropped in favour of the fact.
    let fact_cites: HashSet<String> = results
        .iter()
        .filter(|h| h.fact.is_some())
        .flat_map(|h| h.citations.iter().map(Citation::reference))
        .collect();
    results.retain(|h| h.fact.is_some() || !fact_cites.contains(&h.id()));
    if results.is_empty() {
        return Ok(nothing_found(index, scope, &text));
    }
    Ok(Answer {
        scope,
        query: text,
        results,
        suggestions: Vec::new(),
        listing: false,
    })
}

/// A numbered meeting is not the one asked for when the question gives other numbers only.
fn contradicts_number(fact: &Fact, numbers: &[u32]) -> bool {
    match fact {
        Fact::Meeting(m) => m
            .number
            .is_some_and(|n| !numbers.is_empty() && !numbers.contains(&n)),
        _ => false,
    }
}

/// The query built from a question: its concepts (with fuzzy variants), the facts it names, and
/// the scoring clauses (terms in names, titles and bodies; quoted phrases; acronym expansions).
struct Plan {
    concepts: Vec<Concept>,
    named_facts: Vec<String>,
    /// Clauses to OR, each with the single term it searches, when it does.
    should: Vec<(Option<Term>, Box<dyn Query>)>,
}

fn plan(
    index: &AgendaIndex,
    searcher: &Searcher,
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    scope: Scope,
    text: &str,
    content: &[analysis::Term],
    paragraphs_only: bool,
) -> Result<Plan, QueryError> {
    let f = index.fields;
    let concepts = expand::concepts(index, searcher, analyzer, text, content)?;

    // Numbers in the question ("AMIM-22", "22nd"): a series acronym alone does not name another number.
    let numbers: Vec<u32> = content
        .iter()
        .filter(|t| t.text.len() <= 4)
        .filter_map(|t| t.text.parse().ok())
        .collect();
    // Aliases: facts named in the question, and the other spelling of acronyms.
    let mut named_facts: Vec<String> = Vec::new();
    let mut expansions: Vec<String> = Vec::new();
    for hit in index.aliases.find(text) {
        match &hit.alias.target {
            Target::Fact(id) => {
                let in_scope = index.fact(id).is_some_and(|fact| {
                    scope.kind().is_none_or(|k| fact.kind() == k)
                        && !contradicts_number(fact, &numbers)
                });
                if in_scope && !named_facts.contains(id) {
                    named_facts.push(id.clone());
                }
            }
            Target::Expansion(other) => expansions.push(other.clone()),
        }
    }

    let mut should: Vec<(Option<Term>, Box<dyn Query>)> = Vec::new();
    // A clause for a term absent from its field adds nothing to any score, but it would turn the
    // disjunction into one tantivy cannot rank with block-max WAND (an empty posting list reads
    // no frequencies): such clauses are left out (and per segment, see `union`).
    type Clause = (Option<Term>, Box<dyn Query>);
    let term_query = |field, text: &str, boost: f32| -> Result<Option<Clause>, QueryError> {
        let term = Term::from_field_text(field, text);
        if searcher.doc_freq(&term)? == 0 {
            return Ok(None);
        }
        let q = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
        Ok(Some((
            Some(term),
            Box::new(BoostQuery::new(Box::new(q), boost)),
        )))
    };
    for c in &concepts {
        for v in &c.variants {
            let scale = c.scale(v);
            // Only facts have names: a paragraph's score does not depend on these clauses.
            if !paragraphs_only {
                should.extend(term_query(f.names, v, 3.0 * scale)?);
            }
            should.extend(term_query(f.title, v, 1.2 * scale)?);
            should.extend(term_query(f.body, v, scale)?);
        }
        should.extend(c.phrase_clauses(index, searcher, !paragraphs_only)?);
    }
    for phrase in quoted_phrases(text) {
        let terms: Vec<(usize, Term)> = analysis::terms(analyzer, &phrase)
            .into_iter()
            .map(|t| (t.position, Term::from_field_text(f.body, &t.text)))
            .collect();
        if terms.len() >= 2 {
            should.push((
                None,
                Box::new(BoostQuery::new(
                    Box::new(PhraseQuery::new_with_offset(terms)),
                    2.0,
                )),
            ));
        }
    }
    for other in &expansions {
        for t in analysis::terms(analyzer, other) {
            should.extend(term_query(f.body, &t.text, 0.3)?);
        }
    }
    for id in named_facts.iter().filter(|_| !paragraphs_only) {
        let term = Term::from_field_text(f.id, id);
        let q = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
        should.push((Some(term), Box::new(BoostQuery::new(Box::new(q), 12.0))));
    }
    Ok(Plan {
        concepts,
        named_facts,
        should,
    })
}

/// The plain tantivy query that [`passages`] answers with its pruned, per-segment search: the same
/// clauses, as one exhaustive query over `kind:paragraph`. Tests and the benchmark check the two
/// agree.
pub fn exhaustive_paragraph_query(
    index: &AgendaIndex,
    text: &str,
) -> Result<Box<dyn Query>, QueryError> {
    let searcher = index.reader.searcher();
    let mut analyzer = analysis::analyzer();
    let content: Vec<analysis::Term> = analysis::terms(&mut analyzer, text)
        .into_iter()
        .filter(|t| !analysis::is_question_filler(&text[t.from..t.to].to_lowercase()))
        .collect();
    let plan = plan(
        index,
        &searcher,
        &mut analyzer,
        Scope::Ask,
        text,
        &content,
        true,
    )?;
    let clauses: Vec<(Occur, Box<dyn Query>)> = plan
        .should
        .into_iter()
        .map(|(_, c)| (Occur::Should, c))
        .collect();
    let kind = TermQuery::new(
        Term::from_field_text(index.fields.kind, "paragraph"),
        IndexRecordOption::Basic,
    );
    Ok(Box::new(BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>,
        ),
        (Occur::Must, Box::new(kind)),
    ])))
}

/// Search and snippets alone: the `k` best statement paragraphs for `text`, each with its snippet
/// (no facts, no coverage floor, no rendering). The benchmark compares this with FTS5.
pub fn passages(index: &AgendaIndex, text: &str, k: usize) -> Result<Vec<Citation>, QueryError> {
    let searcher = index.reader.searcher();
    let mut analyzer = analysis::analyzer();
    let f = index.fields;
    let content: Vec<analysis::Term> = analysis::terms(&mut analyzer, text)
        .into_iter()
        .filter(|t| !analysis::is_question_filler(&text[t.from..t.to].to_lowercase()))
        .collect();
    let plan = plan(
        index,
        &searcher,
        &mut analyzer,
        Scope::Ask,
        text,
        &content,
        true,
    )?;
    if plan.should.is_empty() {
        return Ok(Vec::new());
    }
    let wanted: HashSet<String> = plan
        .concepts
        .iter()
        .flat_map(Concept::marked)
        .cloned()
        .collect();
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
        let paragraphs = TermQuery::new(
            Term::from_field_text(f.kind, "paragraph"),
            IndexRecordOption::Basic,
        );
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(query) as Box<dyn Query>),
            (Occur::Must, Box::new(paragraphs)),
        ]);
        for (_, addr) in searcher.search(&query, &TopDocs::with_limit(k))? {
            let doc: TantivyDocument = searcher.doc(addr)?;
            out.push(citation_from_doc(&doc, index, &wanted, &mut analyzer));
        }
    }
    Ok(out)
}

/// [`TopDocs`] over the segments that hold paragraphs: the index writes facts to a segment of
/// their own, which this skips whole.
struct ParagraphSegments {
    top: TopDocs,
    kind: tantivy::schema::Field,
}

impl tantivy::collector::Collector for ParagraphSegments {
    type Fruit = <TopDocs as tantivy::collector::Collector>::Fruit;
    type Child = <TopDocs as tantivy::collector::Collector>::Child;

    fn for_segment(
        &self,
        segment_ord: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        self.top.for_segment(segment_ord, reader)
    }

    fn requires_scoring(&self) -> bool {
        self.top.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as tantivy::collector::SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        self.top.merge_fruits(fruits)
    }

    fn collect_segment(
        &self,
        weight: &dyn tantivy::query::Weight,
        segment_ord: u32,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<<Self::Child as tantivy::collector::SegmentCollector>::Fruit> {
        let paragraph = Term::from_field_text(self.kind, "paragraph");
        if reader.inverted_index(self.kind)?.doc_freq(&paragraph)? == 0 {
            return Ok(Default::default());
        }
        self.top.collect_segment(weight, segment_ord, reader)
    }
}

/// Whether the document has tokens in `names` (only facts do).
fn has_names(
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

fn nothing_found(index: &AgendaIndex, scope: Scope, text: &str) -> Answer {
    // Suggest only for text that has words of substance.
    let has_substance = analysis::terms(&mut analysis::analyzer(), text)
        .iter()
        .any(|t| !analysis::is_question_filler(&text[t.from..t.to].to_lowercase()));
    let facts = index
        .facts
        .iter()
        .filter(|f| scope.kind().is_none_or(|k| f.kind() == k));
    Answer {
        scope,
        query: text.to_string(),
        results: Vec::new(),
        suggestions: if !has_substance {
            Vec::new()
        } else {
            index.aliases.suggest(text, facts, 5)
        },
        listing: false,
    }
}

/// Every fact of the scope's kind: meetings newest first, others by name.
/// "list the cooperation areas", "which meetings are there", "all initiatives": a kind of fact named
/// in the plural with nothing else of substance asks for the list of that kind.
fn listing_intent(text: &str, content: &[analysis::Term], scope: Scope) -> Option<FactKind> {
    const PLURALS: &[(&str, FactKind)] = &[
        ("meetings", FactKind::Meeting),
        ("initiatives", FactKind::Initiative),
        ("mechanisms", FactKind::Mechanism),
        ("bodies", FactKind::Mechanism),
        ("areas", FactKind::Area),
        ("focuses", FactKind::Area),
    ];
    const QUALIFIERS: &[&str] = &[
        "all",
        "every",
        "known",
        "cooperation",
        "security",
        "strategic",
        "defence",
        "defense",
        "asean",
        "exist",
        "existing",
    ];
    let mut kind = None;
    for t in content {
        let word = text[t.from..t.to].to_lowercase();
        if let Some((_, k)) = PLURALS.iter().find(|(p, _)| *p == word) {
            kind = Some(*k);
        } else if !QUALIFIERS.contains(&word.as_str()) {
            return None;
        }
    }
    kind.filter(|k| scope.kind().is_none_or(|s| s == *k))
}

fn listing(index: &AgendaIndex, searcher: &Searcher, scope: Scope, kind: FactKind) -> Answer {
    let mut facts: Vec<&Fact> = index.facts.iter().filter(|f| f.kind() == kind).collect();
    facts.sort_by(|a, b| {
        let date = |f: &Fact| match f {
            Fact::Meeting(m) => m.when.as_ref().map(|w| w.start),
            _ => None,
        };
        date(b).cmp(&date(a)).then_with(|| a.name().cmp(b.name()))
    });
    let mut analyzer = analysis::analyzer();
    let results = facts
        .into_iter()
        .map(|fact| Hit {
            score: 0.0,
            citations: fact_citations(index, searcher, fact, &HashSet::new(), &mut analyzer)
                .unwrap_or_default()
                .into_iter()
                .take(1)
                .collect(),
            fact: Some(fact.clone()),
        })
        .collect();
    Answer {
        scope,
        query: String::new(),
        results,
        suggestions: Vec::new(),
        listing: true,
    }
}

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
fn fact_citations(
    index: &AgendaIndex,
    searcher: &Searcher,
    fact: &Fact,
    wanted: &HashSet<String>,
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
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

fn citation_from_doc(
    doc: &TantivyDocument,
    index: &AgendaIndex,
    wanted: &HashSet<String>,
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
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

fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

/// Splits an unknown word into two words the index knows ("taskforce" → task, forc), if it can.
fn split_compound(
    searcher: &Searcher,
    field: tantivy::schema::Field,
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    word: &str,
) -> Result<Option<Vec<String>>, QueryError> {
    let word = word.to_lowercase();
    if word.chars().count() < 6 || !word.is_ascii() {
        return Ok(None);
    }
    for cut in 3..=word.len() - 3 {
        let (a, b) = word.split_at(cut);
        let parts: Vec<String> = [a, b]
            .iter()
            .flat_map(|p| analysis::terms(analyzer, p))
            .map(|t| t.text)
            .collect();
        if parts.len() != 2 {
            continue;
        }
        let mut known = true;
        for p in &parts {
            known &= searcher.doc_freq(&Term::from_field_text(field, p))? > 0;
        }
        if known {
            return Ok(Some(parts));
        }
    }
    Ok(None)
}

/// Text between straight or curly double quotes.
fn quoted_phrases(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for c in text.chars() {
        match (c, current.as_mut()) {
            ('"' | '“' | '”', None) => current = Some(String::new()),
            ('"' | '“' | '”', Some(_)) => out.extend(current.take()),
            (c, Some(s)) => s.push(c),
            _ => {}
        }
    }
    out
}
