//! Answering a request: a listing when it asks for one, else the planned search, ranked, floored
//! by coverage, each hit with its citations; close names when nothing is found.

use super::citations::{
    address_of, citation_from_doc, citations_for, fact_citations, lead_text, same_text,
    statement_citations, text_of, Wanted,
};
use super::collector::has_names;
use super::expand::{floor_weight, idf, rare_weight};
use super::listing::{listing, listing_intent, name_key, series_timeline};
use super::passages::paragraph_kind;
use super::plan::{is_instance_of, of_another_series, phrase_query, plan, Plan};
use super::request::Request;
use super::time::{speaks_of_the_future, Around, Fit};
use super::{union, Answer, Citation, Hit, QueryError, Scope};
use crate::analysis;
use crate::corpus::{Fact, FactKind};
use crate::index::AgendaIndex;
use std::collections::HashSet;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, TantivyDocument, Term};

/// Share of the question's weight a result must match to be shown.
const COVERAGE_FLOOR: f32 = 0.5;
/// Score multiplier for facts against paragraphs in `/ask`.
const FACT_BOOST: f32 = 1.5;
/// A passage holding this share of the question, short of [`COVERAGE_FLOOR`], still fills an
/// answer that has fewer than [`FILL_TO`] results ("three threats … at ACAMM-20" is answered
/// by "He highlighted three threats …", whose subject is in the paragraph before).
const FILL_FLOOR: f32 = 0.25;
/// Answers with fewer results than this are filled with passages down to [`FILL_FLOOR`].
const FILL_TO: usize = 3;
/// An answer with nothing over the floor still shows the passages short of it whose own text
/// holds this many of the question's distinctive words ("uphold" and "convention" in a paragraph
/// naming its speaker, the meeting being in the lead): one shared word is chance, two are not.
const DISTINCTIVE_MATCHES: usize = 2;
/// ... or one of them when the passage holds this share of the question (its other words, and
/// its headline's, hold the rest: "contested" and "weapon" missing from "best shooters across
/// five categories: carbine, rifle …" under "… Armies Rifle Meet kicks off").
const ONE_DISTINCTIVE_SHARE: f32 = 0.35;
/// A word found in fewer than one document in this many is distinctive.
const DISTINCTIVE_RARITY: u64 = 50;
/// The share of the question a result dated within the days asked about holds to escape
/// [`RELATIVE_FLOOR`].
const WITHIN_UNFLOORED_SHARE: f32 = 0.8;
/// Results scoring below this share of the best of their sort (fact or paragraph) are dropped.
const RELATIVE_FLOOR: f32 = 0.1;
/// The share of the question a named fact counts as holding, at least.
const NAMED_SHARE: f32 = 0.3;
/// Facts taking more than the candidate places divided by this (half) make `/ask` search deeper
/// for paragraphs.
const FACT_PLACES_DIVISOR: usize = 2;
/// How many times the candidate places that deeper search reads.
const DEEPER_SEARCH: usize = 5;
/// Results gathered beyond the limit before ranking by coverage.
const GATHER_SLACK: usize = 10;
/// Candidates gathered at most, named facts short of the floor among them, in limits.
const MAX_GATHERED: usize = 8;
/// The weight a word counts at when only its statement's lead paragraph holds it.
const LEAD_SHARE: f32 = 0.5;
/// Statements whose leads one search reads at most, in rank order (each is a lookup).
const MAX_LEADS: usize = 3;
/// Tenths of the question a result dated within the days asked about counts as holding more.
const WITHIN_TENTHS: u8 = 3;
/// Results shown for `/ask`.
const ASK_LIMIT: usize = 6;
/// Results shown for a fact command: its facts, then passages.
const SCOPED_LIMIT: usize = 5;

/// Answers `text` within `scope`; odd text never fails (only index I/O can).
pub fn answer(index: &AgendaIndex, scope: Scope, text: &str) -> Result<Answer, QueryError> {
    answer_around(index, scope, text, None)
}

/// [`answer`], with results dated within `around` ranked first. A fact command answers with the
/// facts the question names (or, naming none, those its words find), then the statements'
/// passages up to [`SCOPED_LIMIT`]: what the text says is never lost for a fact extraction missed.
pub(crate) fn answer_around(
    index: &AgendaIndex,
    scope: Scope,
    text: &str,
    around: Option<&Around>,
) -> Result<Answer, QueryError> {
    let searcher = index.reader.searcher();
    let mut analyzer = analysis::analyzer();
    let request = Request::from_user(&mut analyzer, text);

    if let Some(kind) = scope.kind().filter(|_| request.wants_everything()) {
        return Ok(listing(index, scope, kind));
    }
    if let Some(kind) = listing_intent(&request, scope) {
        return Ok(listing(index, scope, kind));
    }
    if scope == Scope::Meeting && around.is_none() {
        if let Some(timeline) = series_timeline(index, &request.text) {
            return Ok(timeline);
        }
    }
    let planned = plan(index, &searcher, &mut analyzer, scope, &request, false)?;
    if planned.should.is_empty() {
        return Ok(nothing_found(index, scope, &request));
    }
    let named = planned.named_facts.clone();
    let named_series = planned.named_series.clone();
    let within = Within {
        kind: scope.kind().map(FactKind::as_str),
        limit: if scope == Scope::Ask {
            ASK_LIMIT
        } else {
            SCOPED_LIMIT
        },
        around,
    };
    let mut results = search(
        index,
        &searcher,
        &mut analyzer,
        within,
        &request.text,
        planned,
    )?;
    if scope == Scope::Ask && results.len() < FILL_TO {
        // A short answer gets the paragraphs that pass the floors among paragraphs alone (the
        // best fact no longer sets their relative floor).
        let passages = paragraph_search(index, &searcher, &mut analyzer, scope, &request, around)?;
        fill_with_passages(&mut results, passages, FILL_TO);
    }
    if scope == Scope::Ask {
        add_phrase_passages(index, &searcher, &mut analyzer, &request, &mut results)?;
        add_report_passages(
            index,
            &searcher,
            &mut analyzer,
            &request,
            &named,
            &mut results,
        )?;
    }
    let mut passages_instead = None;
    if let Some(kind) = scope.kind() {
        // Instances the question does not name (AMIM-18 for "ADMM-18") give way to passages, and
        // so do named ones dated outside the days asked about (ADSOM 2021 for "ADSOM 2024").
        let asked = |h: &Hit| {
            is_named(h, &named)
                && !around.is_some_and(|a| {
                    h.fact
                        .as_ref()
                        .is_some_and(|f| a.fact_fit(f, &index.facts, |_| None) == Fit::Outside)
                })
        };
        if results.iter().any(|h| is_named(h, &named)) {
            results.retain(asked);
        }
        // Instances of another series than the one asked about ("ANCM-17" for "17th ADMM")
        // come after the passages.
        let others: Vec<Hit> = {
            let (others, kept) = std::mem::take(&mut results).into_iter().partition(|h| {
                !is_named(h, &named)
                    && h.fact
                        .as_ref()
                        .is_some_and(|f| of_another_series(f, &named_series))
            });
            results = kept;
            others
        };
        if results.len() < SCOPED_LIMIT {
            let passages =
                paragraph_search(index, &searcher, &mut analyzer, scope, &request, around)?;
            if results.is_empty() && !passages.is_empty() {
                passages_instead = Some(kind);
            }
            fill_with_passages(&mut results, passages, SCOPED_LIMIT);
        }
        let room = SCOPED_LIMIT.saturating_sub(results.len());
        results.extend(others.into_iter().take(room));
    }
    if scope.kind().is_some() {
        add_statement_passages(index, &searcher, &mut analyzer, &named, &mut results)?;
    }
    if results.is_empty() {
        return Ok(nothing_found(index, scope, &request));
    }
    Ok(Answer {
        scope,
        query: request.text,
        results,
        suggestions: Vec::new(),
        listing: false,
        passages_instead,
        time: None,
        planned: Vec::new(),
    })
}

/// The statements' paragraphs alone that answer `request`, up to [`SCOPED_LIMIT`].
fn paragraph_search(
    index: &AgendaIndex,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    scope: Scope,
    request: &Request,
    around: Option<&Around>,
) -> Result<Vec<Hit>, QueryError> {
    let planned = plan(index, searcher, analyzer, scope, request, true)?;
    let within = Within {
        kind: Some(PARAGRAPH),
        limit: SCOPED_LIMIT,
        around,
    };
    search(index, searcher, analyzer, within, &request.text, planned)
}

/// Adds `passages` to `results` up to `up_to` results, leaving out those a result shows or cites.
fn fill_with_passages(results: &mut Vec<Hit>, passages: Vec<Hit>, up_to: usize) {
    let shown: HashSet<String> = results
        .iter()
        .flat_map(|h| h.citations.iter().map(Citation::reference).chain([h.id()]))
        .collect();
    let room = up_to.saturating_sub(results.len());
    results.extend(
        passages
            .into_iter()
            .filter(|h| !shown.contains(&h.id()))
            .take(room),
    );
}

/// A fact the question names, from a statement about it (its headline names the fact), is
/// followed by that statement's other paragraphs in order up to [`SCOPED_LIMIT`]: what the
/// report says of the meeting ("The chiefs exchanged views on …") seldom repeats its name.
fn add_statement_passages(
    index: &AgendaIndex,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    named: &[String],
    results: &mut Vec<Hit>,
) -> Result<(), QueryError> {
    let Some(first) = results.first().filter(|h| is_named(h, named)) else {
        return Ok(());
    };
    let (Some(fact), Some(main)) = (first.fact.as_ref(), first.citations.first()) else {
        return Ok(());
    };
    let title = name_key(&main.statement_title);
    let about = fact
        .names()
        .iter()
        .map(|n| name_key(n))
        .any(|n| n.len() >= 4 && title.contains(&n));
    if !about {
        return Ok(());
    }
    let statement = main.statement_id.clone();
    let shown: HashSet<String> = results
        .iter()
        .flat_map(|h| h.citations.iter().map(Citation::reference))
        .chain(fact.cites().iter().take(1).cloned())
        .collect();
    let wanted = Wanted::plain(terms_of(analyzer, fact.name()));
    let facts = results.iter().take_while(|h| h.fact.is_some()).count();
    let room = SCOPED_LIMIT - facts;
    let headline = same_text(&main.statement_title);
    let more: Vec<Hit> = statement_citations(index, searcher, &statement, &wanted, analyzer)?
        .into_iter()
        .filter(|c| !shown.contains(&c.reference()) && same_text(&c.snippet.text) != headline)
        .take(room)
        .map(|c| Hit {
            score: 0.0,
            fact: None,
            citations: vec![c],
        })
        .collect();
    let taken: HashSet<String> = more.iter().map(Hit::id).collect();
    results.retain(|h| h.fact.is_some() || !taken.contains(&h.id()));
    // Taken in turns with the passages found by the words of its name elsewhere (other reports
    // of the same meeting), this statement's first.
    let rest = results.split_off(facts);
    let (mut more, mut rest) = (more.into_iter(), rest.into_iter());
    while results.len() < SCOPED_LIMIT {
        let (a, b) = (more.next(), rest.next());
        if a.is_none() && b.is_none() {
            break;
        }
        results.extend(a);
        results.extend(b);
    }
    results.truncate(SCOPED_LIMIT);
    Ok(())
}

/// A meeting the question names, answering `/ask` first, is followed by the paragraphs of the
/// statements reporting it that hold the rest of the question ("who gave the welcoming remarks at <meeting>": the
/// paragraph naming the speaker seldom names the meeting), at most [`REPORT_PASSAGES`], those
/// holding the most of its uncommon words first, at least [`REPORT_MATCHES`] of them.
fn add_report_passages(
    index: &AgendaIndex,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    request: &Request,
    named: &[String],
    results: &mut Vec<Hit>,
) -> Result<(), QueryError> {
    let Some(fact) = results
        .first()
        .filter(|h| is_named(h, named))
        .and_then(|h| h.fact.as_ref())
        .filter(|f| f.kind() == FactKind::Meeting)
        .cloned()
    else {
        return Ok(());
    };
    let common = searcher.num_docs() / COMMON_SHARE;
    let names = fact.names();
    let wanted = Wanted::about(&terms_of(analyzer, &request.text), &names, analyzer);
    let rest: HashSet<String> = wanted
        .focus
        .iter()
        .filter(|t| {
            let term = Term::from_field_text(index.fields.body, t);
            searcher.doc_freq(&term).is_ok_and(|n| n > 0 && n <= common)
        })
        .cloned()
        .collect();
    if rest.len() < REPORT_MATCHES {
        return Ok(());
    }
    let shown: HashSet<String> = results
        .iter()
        .flat_map(|h| h.citations.iter().map(Citation::reference))
        .collect();
    let mut statements: Vec<&str> = Vec::new();
    for cite in fact.cites() {
        let id = cite.split('#').next().unwrap_or(cite);
        if !statements.contains(&id) && statements.len() < REPORT_STATEMENTS {
            statements.push(id);
        }
    }
    let mut found: Vec<(usize, Citation)> = Vec::new();
    for id in statements {
        for c in statement_citations(index, searcher, id, &wanted, analyzer)? {
            if shown.contains(&c.reference()) {
                continue;
            }
            let held: HashSet<String> = c
                .matched
                .iter()
                .flat_map(|w| analysis::terms(analyzer, w))
                .map(|t| t.text)
                .filter(|t| rest.contains(t))
                .collect();
            if held.len() >= REPORT_MATCHES {
                found.push((held.len(), c));
            }
        }
    }
    found.sort_by_key(|(held, _)| std::cmp::Reverse(*held));
    for (at, (_, c)) in (1..).zip(found.into_iter().take(REPORT_PASSAGES)) {
        results.insert(
            at,
            Hit {
                score: 0.0,
                fact: None,
                citations: vec![c],
            },
        );
    }
    results.truncate(ASK_LIMIT);
    Ok(())
}

/// Statements reporting a meeting whose paragraphs [`add_report_passages`] reads, at most.
const REPORT_STATEMENTS: usize = 4;
/// Paragraphs it adds, at most.
const REPORT_PASSAGES: usize = 2;
/// The question's uncommon words outside the meeting's names a paragraph must hold.
const REPORT_MATCHES: usize = 2;
/// A word in more than one document in this many is common (a question's "who", "the").
const COMMON_SHARE: u64 = 5;

/// The `kind` of paragraph documents.
const PARAGRAPH: &str = "paragraph";

fn is_named(hit: &Hit, named: &[String]) -> bool {
    hit.fact
        .as_ref()
        .is_some_and(|f| named.iter().any(|n| n == f.id()))
}

/// What one search looks at: one kind of document (or any), how many results, the days that rank.
#[derive(Debug, Clone, Copy)]
struct Within<'a> {
    kind: Option<&'a str>,
    limit: usize,
    around: Option<&'a Around>,
}

/// Runs the plan and keeps the hits that cover enough of the question: facts with the citations
/// that support it (a fact none of whose paragraphs does is left out, unless the question is one
/// of its names), passages once each.
fn search(
    index: &AgendaIndex,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    within: Within,
    text: &str,
    plan: Plan,
) -> Result<Vec<Hit>, QueryError> {
    let f = index.fields;
    let wanted = plan.wanted();
    // A passage's focus: the words that do not name the facts the question names.
    let named_names: Vec<String> = plan
        .named_facts
        .iter()
        .filter_map(|id| index.fact(id))
        .flat_map(Fact::names)
        .collect();
    let passage_wanted = Wanted::about(&wanted, &named_names, analyzer);
    let named_forms: Vec<NameForm> = plan
        .named_facts
        .iter()
        .filter_map(|id| index.fact(id))
        .flat_map(|fact| NameForm::of(analyzer, fact))
        .collect();
    // Statements a named fact cites: their paragraphs speak of it, named or not.
    let named_sources: HashSet<&str> = plan
        .named_facts
        .iter()
        .filter_map(|id| index.fact(id))
        .flat_map(|f| f.cites().iter())
        .map(|c| c.split('#').next().unwrap_or(c))
        .collect();
    let Plan {
        concepts,
        named_facts,
        named_series,
        should,
    } = plan;
    // Unscoped, the disjunction is the whole query, so tantivy can rank it with block-max WAND
    // (wrapped in a one-clause conjunction it would score every matching document).
    let union = union::PrunedUnion { clauses: should };
    let query: Box<dyn Query> = match within.kind {
        None => Box::new(union),
        Some(kind) => {
            let q = TermQuery::new(
                Term::from_field_text(f.kind, kind),
                IndexRecordOption::Basic,
            );
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(union) as Box<dyn Query>),
                (Occur::Must, Box::new(q)),
            ]))
        }
    };
    let candidates = if within.around.is_some() { 80 } else { 40 };
    let mut top = searcher.search(query.as_ref(), &TopDocs::with_limit(candidates))?;
    // A fact gathers what paragraphs say piecemeal: on a tie-ish score, the fact answers better.
    if within.kind.is_none() {
        let mut facts = 0;
        for (score, addr) in &mut top {
            if has_names(index, searcher, *addr)? {
                *score *= FACT_BOOST;
                facts += 1;
            }
        }
        // Facts named by the question's common words can take most candidate places: then the
        // paragraphs among a deeper search get places of their own (the disjunction alone, so
        // tantivy still prunes it; a conjunction with the paragraph kind would score every
        // matching paragraph).
        if facts * FACT_PLACES_DIVISOR > top.len() {
            let seen: HashSet<tantivy::DocAddress> = top.iter().map(|(_, a)| *a).collect();
            let deeper = searcher.search(
                query.as_ref(),
                &TopDocs::with_limit(candidates * DEEPER_SEARCH),
            )?;
            let mut more = Vec::new();
            for (score, addr) in deeper {
                if more.len() == candidates {
                    break;
                }
                if !seen.contains(&addr) && !has_names(index, searcher, addr)? {
                    more.push((score, addr));
                }
            }
            top.extend(more);
        }
    }
    // Dated within the days asked about: the score rises, and the result ranks as if it held
    // [`WITHIN_TENTHS`] more of the question (the time words are a part of it taken out).
    let mut within_days: HashSet<tantivy::DocAddress> = HashSet::new();
    if let Some(around) = within.around {
        for (score, addr) in &mut top {
            let (fit, paragraph) = time_fit(index, searcher, *addr, around)?;
            *score *= fit.factor(paragraph);
            if fit == Fit::Within {
                within_days.insert(*addr);
            }
        }
        if within.kind != Some(PARAGRAPH) {
            for (score, addr) in facts_within(index, searcher, query.as_ref(), within, &top)? {
                top.push((score, addr));
                within_days.insert(addr);
            }
        }
    }
    // Those dated within the days asked about are gathered first: a series' many instances
    // outside them must not take every place ("upcoming ADMM-Plus meetings").
    top.sort_by(|a, b| {
        within_days
            .contains(&b.1)
            .cmp(&within_days.contains(&a.1))
            .then(b.0.total_cmp(&a.0))
    });

    let total_weight = floor_weight(&concepts, rare_weight(searcher.num_docs()));
    let distinctive = idf(
        searcher.num_docs(),
        searcher.num_docs() / DISTINCTIVE_RARITY,
    );
    let limit = within.limit;
    // First every candidate's share of the question (cheap: its words), then the results in rank
    // order, each with its citations (dear: the cited paragraphs and their snippets), until the
    // limit: citations are made only for what is shown.
    let mut candidates: Vec<Candidate> = Vec::new();
    // Passages short of the coverage floor, which only fill a short answer.
    let mut weak: Vec<Candidate> = Vec::new();
    // The relative floor counts from the best fact and from the best paragraph apart: they score
    // on different fields (a fact's names weigh thrice), so a fact must not floor the passages.
    let mut best_fact: Option<f32> = None;
    let mut best_passage: Option<f32> = None;
    // Paragraphs of one statement share its title: its words are read once.
    let mut titles: std::collections::HashMap<String, HashSet<String>> = Default::default();
    // And its lead, read when needed.
    let mut leads: std::collections::HashMap<String, Option<(u32, HashSet<String>)>> =
        Default::default();
    // Candidates that hold enough of the question on their own: only they fill the gathering
    // (a series named by the question names its many instances, each holding little else).
    let mut on_their_own = 0;
    for (score, addr) in top {
        if on_their_own >= limit + GATHER_SLACK || candidates.len() >= limit * MAX_GATHERED {
            break;
        }
        let doc: TantivyDocument = searcher.doc(addr)?;
        let paragraph = text_of(&doc, f.kind) == PARAGRAPH;
        let id = text_of(&doc, f.id);
        let named = named_facts.contains(&id);
        let body = text_of(&doc, f.body);
        let mut lead_terms: Option<&HashSet<String>> = None;
        let mut doc_terms = terms_of(analyzer, &body);
        if !named && !concepts.iter().any(|c| c.covered_by(&doc_terms)) {
            // Found through its title alone: the passage would show none of the question.
            continue;
        }
        let own_distinctive = concepts
            .iter()
            .filter(|c| c.weight >= distinctive && c.covered_by(&doc_terms))
            .count();
        if paragraph {
            // A news paragraph leans on its headline ("420 shooters took part" under "30th ASEAN
            // Armies Rifle Meet opens in Hanoi"): the title's words count as the paragraph's.
            // So does its lead ("They agreed to adopt …" several paragraphs below "the 8th ADMM").
            // The lead's words count half: the paragraph that says it beats the ones that lean.
            // It is read only for a paragraph that lacks some of the question.
            let statement = text_of(&doc, f.statement);
            let title = text_of(&doc, f.title);
            let title_terms = titles
                .entry(statement.clone())
                .or_insert_with(|| terms_of(analyzer, &title));
            doc_terms.extend(title_terms.iter().cloned());
            let lacking = !concepts.iter().all(|c| c.covered_by(&doc_terms));
            if lacking && (leads.contains_key(&statement) || leads.len() < MAX_LEADS) {
                if !leads.contains_key(&statement) {
                    let lead = lead_text(index, searcher, &statement, &title)?
                        .map(|(n, text)| (n, terms_of(analyzer, &text)));
                    leads.insert(statement.clone(), lead);
                }
                // Only the paragraphs below the lead lean on it (not a headline above it).
                let number = doc
                    .get_first(f.number)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0);
                if let Some((n, terms)) = &leads[&statement] {
                    if number > u64::from(*n) {
                        lead_terms = Some(terms);
                    }
                }
            }
        }
        let covered: f32 = concepts
            .iter()
            .map(|c| {
                if c.covered_by(&doc_terms) {
                    c.weight
                } else if lead_terms.is_some_and(|t| c.covered_by(t)) {
                    c.weight * LEAD_SHARE
                } else {
                    0.0
                }
            })
            .sum();
        let stray = paragraph
            && !named_forms.is_empty()
            && !named_sources.contains(text_of(&doc, f.statement).as_str())
            && !named_forms
                .iter()
                .any(|f| f.held_by(&doc_terms, lead_terms));
        let share = if total_weight > 0.0 {
            (covered / total_weight).min(1.0)
        } else {
            0.0
        };
        // A fact the question names is shown whatever it covers, but ranks by what it covers:
        // "which typhoon did the Vientiane ADSOM discuss" names ADSOM, yet asks beyond it.
        if !named && share < COVERAGE_FLOOR {
            if paragraph && share >= FILL_FLOOR {
                weak.push(Candidate {
                    stray,
                    tenths: 0,
                    distinctive: own_distinctive,
                    share,
                    ranked: score * share * share,
                    paragraph,
                    id,
                    body,
                    doc,
                });
            }
            continue;
        }
        let best = if paragraph {
            &mut best_passage
        } else {
            &mut best_fact
        };
        // Dated within the days asked about and holding most of the question, a result is not
        // floored by the best's score: its share of the question is what counts ("upcoming
        // ADMM-Plus meetings": the experts' group due in four days scores a tenth of the
        // ministers' meeting due next year).
        let floored = !(within_days.contains(&addr) && share >= WITHIN_UNFLOORED_SHARE);
        if best.is_some_and(|b| score < b * RELATIVE_FLOOR) && floored {
            continue;
        }
        best.get_or_insert(score);
        if share >= COVERAGE_FLOOR {
            on_their_own += 1;
        }
        let share = share.max(NAMED_SHARE * f32::from(u8::from(named)));
        candidates.push(Candidate {
            stray,
            // Ranked by how much of the question a result holds, in tenths, then by its score: a
            // paragraph with every word asked beats a fact that holds only the name asked about,
            // however strongly the name scores.
            tenths: (share * 10.0).floor() as u8
                + if within_days.contains(&addr) {
                    WITHIN_TENTHS
                } else {
                    0
                },
            distinctive: own_distinctive,
            share,
            ranked: score * share * share,
            paragraph,
            id,
            body,
            doc,
        });
    }
    // A statement one of whose passages names the fact speaks of it in all of them.
    let speaking: HashSet<String> = candidates
        .iter()
        .chain(&weak)
        .filter(|c| c.paragraph && !c.stray)
        .map(|c| text_of(&c.doc, f.statement))
        .collect();
    for c in candidates.iter_mut().chain(&mut weak) {
        c.stray = c.stray && !speaking.contains(&text_of(&c.doc, f.statement));
    }
    // Scores equal but for float noise (clauses summed in another order) tie, and ties go by id:
    // the same question always gets the same answer.
    let key = |c: &Candidate| (c.ranked * 1e4).round() as i64;
    candidates.sort_by(|a, b| {
        a.stray
            .cmp(&b.stray)
            .then(b.tenths.cmp(&a.tenths))
            .then(key(b).cmp(&key(a)))
            .then(a.id.cmp(&b.id))
    });
    for c in &candidates {
        tracing::debug!(
            id = %c.id,
            stray = c.stray,
            tenths = c.tenths,
            ranked = c.ranked,
            "ranked candidate"
        );
    }
    if let Some(around) = within.around {
        nearest_first(&mut candidates, around, index, &named_series);
    }

    let mut shown = Shown::default();
    for c in candidates {
        if shown.results.len() >= limit {
            break;
        }
        if c.paragraph {
            shown.passage(c, index, &passage_wanted, analyzer);
        } else if let Some(fact) = index.fact(&c.id) {
            let about = Wanted::about(&wanted, &fact.names(), analyzer);
            let mut citations = fact_citations(index, searcher, fact, &about, analyzer)?;
            let asked_by_name = about.focus.len() < about.terms.len();
            if citations.is_empty() && asked_by_name {
                // Found by words of its names that its paragraphs spell otherwise ("cyber" of the
                // alias "cyber task force"): its main source, marked at its name, supports it when
                // it holds the name, or when the question is exactly one of its names.
                let exactly = is_one_of_its_names(fact, text);
                citations = citations_for(index, fact)
                    .into_iter()
                    .filter(|c| exactly || !c.matched.is_empty())
                    .take(1)
                    .collect();
            }
            if citations.is_empty() {
                continue;
            }
            shown
                .cited
                .extend(citations.iter().map(Citation::reference));
            shown.results.push(Hit {
                score: c.ranked,
                fact: Some(fact.clone()),
                citations,
            });
        }
    }
    // A short answer is filled with the best passages short of the floor, after the others; an
    // empty one only with those holding distinctive words of the question (chatter and unrelated
    // words find nothing).
    let fill_to = FILL_TO.min(limit);
    if shown.results.is_empty() {
        weak.retain(|c| {
            c.distinctive >= DISTINCTIVE_MATCHES
                || (c.distinctive >= 1 && c.share >= ONE_DISTINCTIVE_SHARE)
        });
    }
    if shown.results.len() < fill_to {
        weak.sort_by(|a, b| {
            a.stray
                .cmp(&b.stray)
                .then(b.ranked.total_cmp(&a.ranked))
                .then(a.id.cmp(&b.id))
        });
        for c in weak {
            if shown.results.len() >= fill_to {
                break;
            }
            shown.passage(c, index, &passage_wanted, analyzer);
        }
    }
    Ok(facts_in_place_of_their_passages(shown.results))
}

/// A passage listed before a fact that cites it gives its place to the fact, its snippet
/// first among the fact's citations: the fact is not pushed below the passage's rank, and the
/// passage still shows what the question asked.
fn facts_in_place_of_their_passages(results: Vec<Hit>) -> Vec<Hit> {
    let citing = |passage: &Hit, fact: &Hit| {
        fact.fact.is_some()
            && passage.fact.is_none()
            && fact.citations.iter().any(|c| c.reference() == passage.id())
    };
    let mut slots: Vec<Option<Hit>> = results.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    for i in 0..slots.len() {
        let Some(hit) = slots[i].take() else {
            continue;
        };
        let later_fact = (i + 1..slots.len())
            .find(|&j| slots[j].as_ref().is_some_and(|fact| citing(&hit, fact)));
        match later_fact.and_then(|j| slots[j].take()) {
            Some(mut fact) => {
                // The passage's own snippet (centred on the question) leads the fact's citations.
                let id = hit.id();
                fact.citations.retain(|c| c.reference() != id);
                fact.citations.splice(0..0, hit.citations);
                out.push(fact);
            }
            None => out.push(hit),
        }
    }
    out
}

/// The results of a search so far, with the paragraphs they cite and the passage texts shown.
#[derive(Default)]
struct Shown {
    results: Vec<Hit>,
    cited: HashSet<String>,
    passages_seen: HashSet<String>,
}

impl Shown {
    /// Shows a passage, unless a result cites it or shows the same text.
    fn passage(
        &mut self,
        c: Candidate,
        index: &AgendaIndex,
        wanted: &Wanted,
        analyzer: &mut TextAnalyzer,
    ) {
        if self.cited.contains(&c.id) || !self.passages_seen.insert(same_text(&c.body)) {
            return;
        }
        let citation = citation_from_doc(&c.doc, index, wanted, analyzer);
        self.cited.insert(c.id);
        self.results.push(Hit {
            score: c.ranked,
            fact: None,
            citations: vec![citation],
        });
    }
}

/// How a passage names a fact: most of one name's words but its numbers ("ANCM-14" → {ancm}),
/// and a numbered meeting's number (14: "the 14th ANCM", not "the 17th ANCM").
struct NameForm {
    words: HashSet<String>,
    number: Option<String>,
}

impl NameForm {
    fn of(analyzer: &mut TextAnalyzer, fact: &Fact) -> Vec<NameForm> {
        let number = match fact {
            Fact::Meeting(m) => m.number.map(|n| n.to_string()),
            _ => None,
        };
        fact.names()
            .iter()
            .map(|n| NameForm {
                words: terms_of(analyzer, n)
                    .into_iter()
                    .filter(|t| !t.chars().any(|c| c.is_ascii_digit()))
                    .collect(),
                number: number.clone(),
            })
            .filter(|f| !f.words.is_empty())
            .collect()
    }

    /// Whether a passage's terms (or its lead's) hold most of the name's words, two thirds of
    /// them and all of a one- or two-word name ("ADMM-Plus HADR and military medicine exercise"
    /// is named by a lead that spells HADR out), and the number.
    fn held_by(&self, terms: &HashSet<String>, lead: Option<&HashSet<String>>) -> bool {
        let has = |w: &String| terms.contains(w) || lead.is_some_and(|l| l.contains(w));
        let held = self.words.iter().filter(|w| has(w)).count();
        held * NAME_SHARE_DENOMINATOR >= self.words.len() * NAME_SHARE_NUMERATOR
            && self.number.as_ref().is_none_or(has)
    }
}

/// A passage holds a name when it holds this share of its words (two thirds).
const NAME_SHARE_NUMERATOR: usize = 2;
const NAME_SHARE_DENOMINATOR: usize = 3;

/// The analysed terms of a text.
fn terms_of(analyzer: &mut TextAnalyzer, text: &str) -> HashSet<String> {
    analysis::terms(analyzer, text)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

/// Tenths of the question a result may hold fewer than the best and still be reordered by its
/// date (see [`nearest_first`]).
const NEAR_TENTHS: u8 = 4;

/// Share of the best result's score a fact needs to be reordered by its date (see
/// [`nearest_first`]).
const NEAR_SHARE: f32 = 0.0;

/// Regression (issue 22, real "next" questions): "which defence ministers' meetings are next"
/// ranked a meeting two years ahead over the one due in months. Among the leading results that
/// hold as much of the question as the best and score at least [`NEAR_SHARE`] of it, facts
/// dated within the days asked about come nearest to today first (the next one for days ahead,
/// the last one for days behind); the others keep their order after them. When the question
/// names a meeting series, its own meetings within the days come first ("the next ADMM-Plus" is
/// not an "ADMM-Plus … Exercise", nor the ADMM held the day before).
fn nearest_first(
    candidates: &mut [Candidate],
    around: &Around,
    index: &AgendaIndex,
    named_series: &[String],
) {
    let Some(first) = candidates.first() else {
        return;
    };
    let (tenths, floor) = (first.tenths, first.ranked * NEAR_SHARE);
    let run = candidates
        .iter()
        .take_while(|c| c.tenths + NEAR_TENTHS >= tenths && c.ranked >= floor)
        .count();
    let distance = |c: &Candidate| {
        (!c.paragraph)
            .then(|| index.fact(&c.id))
            .flatten()
            .and_then(|f| around.distance(f))
    };
    let of_named_series = |c: &Candidate| {
        (!c.paragraph)
            .then(|| index.fact(&c.id))
            .flatten()
            .is_some_and(|f| is_instance_of(f, named_series))
    };
    // Stable: equal distances, and the undated, keep their rank order. Each key is computed
    // once (a distance reads the fact's milestones).
    candidates[..run].sort_by_cached_key(|c| match distance(c) {
        Some(days) => (false, !of_named_series(c), days),
        None => (true, true, i64::MAX),
    });
}

/// A document that covers enough of the question, before its citations are made.
struct Candidate {
    /// A paragraph that, with its headline and lead, names none of the facts the question
    /// names, from a statement none of them cites: it ranks after those that do, whatever it holds of the question's other words
    /// ("who spoke for Vietnam at the 14th ANCM" is not answered by a Vietnamese general
    /// speaking at the army chiefs' meeting).
    stray: bool,
    tenths: u8,
    /// Distinctive words of the question in its own text (see [`DISTINCTIVE_MATCHES`]).
    distinctive: usize,
    /// Its share of the question.
    share: f32,
    ranked: f32,
    paragraph: bool,
    id: String,
    body: String,
    doc: TantivyDocument,
}

/// Facts dated within days ahead asked about that the query matches but that rank below the
/// candidates `top` (a series' many instances and the paragraphs naming it take every place:
/// "upcoming ADMM-Plus meetings" missed the experts' group meeting due in four days), each
/// scored by the query, at most [`MAX_FACTS_WITHIN`].
fn facts_within(
    index: &AgendaIndex,
    searcher: &Searcher,
    query: &dyn Query,
    within: Within,
    top: &[(f32, tantivy::DocAddress)],
) -> Result<Vec<(f32, tantivy::DocAddress)>, QueryError> {
    let Some(around) = within.around.filter(|a| a.ahead) else {
        return Ok(Vec::new());
    };
    let seen: HashSet<tantivy::DocAddress> = top.iter().map(|(_, a)| *a).collect();
    let weight = query.weight(tantivy::query::EnableScoring::enabled_from_searcher(
        searcher,
    ))?;
    let mut out = Vec::new();
    for fact in &index.facts {
        if out.len() >= MAX_FACTS_WITHIN {
            break;
        }
        let of_kind = within.kind.is_none_or(|k| fact.kind().as_str() == k);
        if !of_kind || around.fact_fit(fact, &index.facts, |_| None) != Fit::Within {
            continue;
        }
        let Some(addr) = address_of(index, searcher, fact.id())? else {
            continue;
        };
        if seen.contains(&addr) {
            continue;
        }
        let reader = searcher.segment_reader(addr.segment_ord);
        // A fact the query does not match has no explanation.
        if let Ok(explained) = weight.explain(reader, addr.doc_id) {
            out.push((explained.value() * Fit::Within.factor(false), addr));
        }
    }
    Ok(out)
}

/// Facts [`facts_within`] adds, at most.
const MAX_FACTS_WITHIN: usize = 40;

/// How a document's dates sit with the days asked about (see [`Around`]), and whether it is a
/// paragraph (one read of the document for both).
fn time_fit(
    index: &AgendaIndex,
    searcher: &Searcher,
    addr: tantivy::DocAddress,
    around: &Around,
) -> Result<(Fit, bool), QueryError> {
    let f = index.fields;
    let doc: TantivyDocument = searcher.doc(addr)?;
    Ok(match text_of(&doc, f.kind).as_str() {
        PARAGRAPH => (
            around.paragraph_fit(&text_of(&doc, f.body), &text_of(&doc, f.date)),
            true,
        ),
        _ => (
            index
                .fact(&text_of(&doc, f.id))
                .map_or(Fit::Unknown, |fact| {
                    around.fact_fit(fact, &index.facts, |f| announced(index, f))
                }),
            false,
        ),
    })
}

/// The day a fact was announced as to come: its main statement's publication, when the cited
/// paragraph tells what will happen ("Myanmar will host the 18th …"); `None` otherwise.
fn announced(index: &AgendaIndex, fact: &Fact) -> Option<jiff::civil::Date> {
    let cited = citations_for(index, fact).into_iter().next()?;
    if !speaks_of_the_future(&cited.snippet.text) {
        return None;
    }
    crate::dates::parse_when(cited.date.as_deref()?, None)
        .ok()
        .map(|d| d.start)
}

/// Whether the question is exactly the fact's id or one of its names ("ADSOM", "asean our
/// eyes"), case, spacing and punctuation aside.
fn is_one_of_its_names(fact: &Fact, text: &str) -> bool {
    let key = name_key;
    let asked = key(text);
    !asked.is_empty() && (key(fact.id()) == asked || fact.names().iter().any(|n| key(n) == asked))
}

/// Regression (issue 13, answers 3): a fact crowded out the paragraph holding the quoted phrase.
/// The best paragraph holding each quoted phrase is among the results, in place of the last one
/// when the results are full.
fn add_phrase_passages(
    index: &AgendaIndex,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    request: &Request,
    results: &mut Vec<Hit>,
) -> Result<(), QueryError> {
    for phrase in &request.phrases {
        let Some(q) = phrase_query(index.fields.body, phrase) else {
            continue;
        };
        let q = BooleanQuery::new(vec![
            (Occur::Must, Box::new(q) as Box<dyn Query>),
            (Occur::Must, Box::new(paragraph_kind(index))),
        ]);
        let Some(&(score, addr)) = searcher.search(&q, &TopDocs::with_limit(1))?.first() else {
            continue;
        };
        let doc: TantivyDocument = searcher.doc(addr)?;
        let id = text_of(&doc, index.fields.id);
        let shown = results
            .iter()
            .any(|h| h.citations.iter().any(|c| c.reference() == id));
        if shown {
            continue;
        }
        if results.len() >= ASK_LIMIT {
            results.pop();
        }
        let terms = phrase.iter().map(|t| t.text.clone()).collect();
        results.push(Hit {
            score,
            fact: None,
            citations: vec![citation_from_doc(
                &doc,
                index,
                &Wanted::plain(terms),
                analyzer,
            )],
        });
    }
    Ok(())
}

fn nothing_found(index: &AgendaIndex, scope: Scope, request: &Request) -> Answer {
    let facts = index
        .facts
        .iter()
        .filter(|f| scope.kind().is_none_or(|k| f.kind() == k));
    Answer {
        scope,
        query: request.text.clone(),
        results: Vec::new(),
        // Suggest only for text that has words of substance.
        suggestions: if request.content.is_empty() {
            Vec::new()
        } else {
            index.aliases.suggest(&request.text, facts, 5)
        },
        listing: false,
        passages_instead: None,
        time: None,
        planned: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
