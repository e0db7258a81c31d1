//! The plan of a search: the request's concepts (see `expand`), the facts it names, and
//! the scoring clauses (terms in names, titles and bodies; quoted phrases; acronym expansions).

use super::expand::{self, Clause, Concept};
use super::request::Request;
use super::{QueryError, Scope};
use crate::analysis;
use crate::corpus::{series_key, Fact};
use crate::index::aliases::Target;
use crate::index::AgendaIndex;
use std::collections::HashSet;
use tantivy::query::{BoostQuery, PhraseQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

pub(crate) struct Plan {
    pub(crate) concepts: Vec<Concept>,
    pub(crate) named_facts: Vec<String>,
    /// The meeting series (as [`series_key`]s) among what the question names, whatever the scope:
    /// "17th ADMM" names the ADMM series, so AMIM-17 is another series' instance.
    pub(crate) named_series: Vec<String>,
    /// Clauses to OR.
    pub(crate) should: Vec<Clause>,
}

impl Plan {
    /// Every indexed term that stands for a word of the question (what snippets mark).
    pub(crate) fn wanted(&self) -> HashSet<String> {
        self.concepts
            .iter()
            .flat_map(Concept::marked)
            .cloned()
            .collect()
    }
}

/// Plans the search for `request` in `scope`; `paragraphs_only` leaves out the clauses only facts
/// can match.
pub(crate) fn plan(
    index: &AgendaIndex,
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    scope: Scope,
    request: &Request,
    paragraphs_only: bool,
) -> Result<Plan, QueryError> {
    let f = index.fields;
    let concepts = expand::concepts(index, searcher, analyzer, &request.text, &request.content)?;

    // Aliases: facts named in the question, and the other spelling of acronyms.
    let mut named_facts: Vec<String> = Vec::new();
    let mut named_series: Vec<String> = Vec::new();
    let mut expansions: Vec<String> = Vec::new();
    for hit in index.aliases.find(&request.text) {
        match &hit.alias.target {
            Target::Fact(id) => {
                if let Some(series) = index.fact(id).and_then(Fact::acronym).map(series_key) {
                    if index.is_series(&series) && !named_series.contains(&series) {
                        named_series.push(series);
                    }
                }
                let in_scope = index.fact(id).is_some_and(|fact| {
                    scope.kind().is_none_or(|k| fact.kind() == k)
                        && !contradicts_number(fact, &request.numbers)
                });
                if in_scope && !named_facts.contains(id) {
                    named_facts.push(id.clone());
                }
            }
            Target::Expansion(other) => {
                // The one-word spelling of the pair is the acronym ("ADMM" typed, or named).
                let typed = &request.text[hit.from..hit.to];
                let acronym = [typed, other.as_str()]
                    .into_iter()
                    .find(|s| !s.trim().contains(' '));
                if let Some(series) = acronym.map(series_key) {
                    if index.is_series(&series) && !named_series.contains(&series) {
                        named_series.push(series);
                    }
                }
                expansions.push(other.clone());
            }
        }
    }

    let mut should: Vec<Clause> = Vec::new();
    // A clause for a term absent from its field adds nothing to any score, but it would turn the
    // disjunction into one tantivy cannot rank with block-max WAND (an empty posting list reads
    // no frequencies): such clauses are left out (and per segment, see `union`).
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
    for phrase in &request.phrases {
        if let Some(q) = phrase_query(f.body, phrase) {
            should.push((None, Box::new(BoostQuery::new(Box::new(q), 2.0))));
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
        named_series,
        should,
    })
}

/// The query for a quoted phrase in `field`, when it has two words or more (one word is a term).
pub(crate) fn phrase_query(field: Field, phrase: &[analysis::Term]) -> Option<PhraseQuery> {
    let terms: Vec<(usize, Term)> = phrase
        .iter()
        .map(|t| (t.position, Term::from_field_text(field, &t.text)))
        .collect();
    (terms.len() >= 2).then(|| PhraseQuery::new_with_offset(terms))
}

/// A numbered meeting is not the one asked for when the question gives other numbers only, and
/// neither is an instance of a series known by its year ("ADMM 2017") when the question gives a
/// number that is not that year ("17th ADMM").
fn contradicts_number(fact: &Fact, numbers: &[u32]) -> bool {
    let Fact::Meeting(m) = fact else {
        return false;
    };
    if numbers.is_empty() {
        return false;
    }
    match m.number {
        Some(n) => !numbers.contains(&n),
        None => {
            let year = m.when.as_ref().map(|w| w.start.year() as u32);
            !year.is_some_and(|y| numbers.contains(&y))
        }
    }
}

/// Whether `fact` is a meeting of one of the series the question names, numbered or not.
pub(crate) fn is_instance_of(fact: &Fact, named_series: &[String]) -> bool {
    match fact {
        Fact::Meeting(m) => m
            .acronym
            .as_deref()
            .is_some_and(|a| named_series.contains(&series_key(a))),
        _ => false,
    }
}

/// Whether `fact` is a numbered meeting of a series other than those the question names
/// ("17th ANCM" when "17th ADMM" is asked).
pub(crate) fn of_another_series(fact: &Fact, named_series: &[String]) -> bool {
    match fact {
        Fact::Meeting(m) if m.number.is_some() && !named_series.is_empty() => m
            .acronym
            .as_deref()
            .is_some_and(|a| !named_series.contains(&series_key(a))),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use std::path::PathBuf;

    /// Issue 21: "17th ADMM" named the ADMM of 2017 (an instance known by its year).
    #[test]
    fn numbers_in_the_question_rule_out_other_instances() {
        let statement = "+++\nid = \"s\"\ntitle = \"T\"\nsource = \"S\"\npublished = \"2017-03-02\"\n+++\n\nOne\n";
        let facts = "[[meeting]]\nid = \"admm-2017\"\nname = \"ADMM\"\ndate = \"2 March 2017\"\ncites = [\"s#1\"]\n\n[[meeting]]\nid = \"admm-17\"\nname = \"17th ADMM\"\nnumber = 17\ncites = [\"s#1\"]\n";
        let c = Corpus::from_sources(&[
            (PathBuf::from("c/statements/s.md"), statement.to_string()),
            (PathBuf::from("c/facts/f.toml"), facts.to_string()),
        ])
        .unwrap();
        let fact = |id: &str| c.facts.iter().find(|f| f.id() == id).unwrap();
        // (fact, numbers in the question, ruled out)
        let rows: &[(&str, &[u32], bool)] = &[
            ("admm-2017", &[17], true),
            ("admm-2017", &[2017], false),
            ("admm-2017", &[], false),
            ("admm-17", &[17], false),
            ("admm-17", &[18], true),
        ];
        for (id, numbers, want) in rows {
            assert_eq!(
                contradicts_number(fact(id), numbers),
                *want,
                "{id} {numbers:?}"
            );
        }
    }
}
