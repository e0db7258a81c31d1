//! The question's words → concepts, each with the indexed forms that stand for it: the word
//! itself, its thesaurus group, the two halves of a compound, or the corrections of a typo.
//!
//! A real English word is never "corrected" into another word ("talk" is not a typo of
//! "task"); a misspelling is corrected to indexed words and to English words the index holds
//! ("operatoins" → "operations").

use super::{english, fuzzy, QueryError};
use crate::analysis;
use crate::index::AgendaIndex;
use std::collections::HashSet;
use tantivy::query::{BoostQuery, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// A scoring clause, with the single term it searches when it does (see `union`).
pub(crate) type Clause = (Option<Term>, Box<dyn Query>);

/// A content word (or a thesaurus form of several words) of the question, with the indexed
/// terms that stand for it.
#[derive(Debug, Clone)]
pub(crate) struct Concept {
    /// Single terms that stand for it: the word, its one-word synonyms, typo corrections.
    pub variants: Vec<String>,
    /// Synonyms of several words, each as its terms with their positions.
    pub phrases: Vec<Vec<(usize, String)>>,
    /// The analysed words as typed, when the index or the thesaurus knows them (empty for a
    /// typo): forms other than these score as synonyms.
    pub typed: Vec<String>,
    pub weight: f32,
}

/// The weight the relevance floor counts: every concept's, but a word the corpus does not know
/// (no form of it is indexed, and it is no English word) does not count when the question has
/// two known words or more, one of them rare — it cannot be matched, and it should not veto what
/// does
/// ("co-organised", an abbreviation the text never uses, a misspelt name). A question whose
/// known words are all common keeps the veto ("ASEAN Zorblax" answers nothing).
pub(crate) fn floor_weight(concepts: &[Concept], rare: f32) -> f32 {
    let known = |c: &&Concept| !c.variants.is_empty() || !c.phrases.is_empty();
    // Two known words at least, one of them rare: a lone word ("@everyone zzqx") keeps the veto.
    let known_rare = concepts.iter().filter(known).count() >= 2
        && concepts.iter().filter(known).any(|c| c.weight >= rare);
    concepts
        .iter()
        .filter(|c| !(known_rare && c.is_unknown()))
        .map(|c| c.weight)
        .sum()
}

/// Inverse document frequency of a term in `df` of `total_docs` documents (BM25's).
pub(crate) fn idf(total_docs: u64, df: u64) -> f32 {
    let total = total_docs.max(1) as f32;
    ((total - df as f32 + 0.5) / (df as f32 + 0.5) + 1.0).ln()
}

/// The weight of a word found in a quarter of the documents: rarer words are "rare".
pub(crate) fn rare_weight(total_docs: u64) -> f32 {
    idf(total_docs, total_docs / 4)
}

/// Score multiplier of a synonym or a typo correction against the words as typed.
const OTHER_FORM: f32 = 0.7;

impl Concept {
    /// Score multiplier of one of the concept's single-term variants.
    pub fn scale(&self, variant: &str) -> f32 {
        if self.typed.len() == 1 && self.typed[0] == variant {
            1.0
        } else {
            OTHER_FORM
        }
    }

    /// A word nothing in the index stands for, and no English word either.
    pub fn is_unknown(&self) -> bool {
        self.variants.is_empty() && self.phrases.is_empty() && self.typed.is_empty()
    }

    /// Whether a document with these terms holds the concept.
    pub fn covered_by(&self, doc_terms: &HashSet<String>) -> bool {
        self.variants.iter().any(|v| doc_terms.contains(v))
            || self
                .phrases
                .iter()
                .any(|p| p.iter().all(|(_, t)| doc_terms.contains(t)))
    }

    /// Every term to mark in snippets.
    pub fn marked(&self) -> impl Iterator<Item = &String> {
        self.variants
            .iter()
            .chain(self.phrases.iter().flatten().map(|(_, t)| t))
    }

    /// Scoring clauses of the concept's synonyms of several words: the phrase in bodies, its
    /// words in names and titles.
    pub fn phrase_clauses(
        &self,
        index: &AgendaIndex,
        searcher: &Searcher,
        with_names: bool,
    ) -> Result<Vec<Clause>, QueryError> {
        let f = index.fields;
        let mut out: Vec<Clause> = Vec::new();
        for phrase in &self.phrases {
            let typed = phrase.len() == self.typed.len()
                && phrase.iter().zip(&self.typed).all(|((_, t), w)| t == w);
            let scale = if typed { 1.0 } else { OTHER_FORM };
            let mut present = true;
            for (_, t) in phrase {
                present &= searcher.doc_freq(&Term::from_field_text(f.body, t))? > 0;
            }
            if !present {
                continue;
            }
            let terms: Vec<(usize, Term)> = phrase
                .iter()
                .map(|(p, t)| (*p, Term::from_field_text(f.body, t)))
                .collect();
            out.push((
                None,
                Box::new(BoostQuery::new(
                    Box::new(PhraseQuery::new_with_offset(terms)),
                    1.5 * scale,
                )),
            ));
            let share = 1.0 / phrase.len() as f32;
            let fields = [(f.names, 3.0), (f.title, 1.2)];
            for (field, boost) in fields.into_iter().filter(|_| with_names) {
                for (_, t) in phrase {
                    let term = Term::from_field_text(field, t);
                    if searcher.doc_freq(&term)? == 0 {
                        continue;
                    }
                    let q = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
                    out.push((
                        Some(term),
                        Box::new(BoostQuery::new(Box::new(q), boost * scale * share)),
                    ));
                }
            }
        }
        Ok(out)
    }
}

/// The concepts of a question: `content` are its analysed words without question words.
pub(crate) fn concepts(
    index: &AgendaIndex,
    searcher: &Searcher,
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    text: &str,
    content: &[analysis::Term],
) -> Result<Vec<Concept>, QueryError> {
    let body = index.fields.body;
    let total_docs = searcher.num_docs();
    let idf = |df: u64| idf(total_docs, df);
    let df_of = |t: &str| searcher.doc_freq(&Term::from_field_text(body, t));
    let mut concepts: Vec<Concept> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();

    // Thesaurus forms, matched on all the question's words (question words included, so that
    // "Lao People's Democratic Republic" matches whole); a form of question words alone is not
    // a concept.
    let all = analysis::terms(analyzer, text);
    let all_words: Vec<String> = all.iter().map(|t| t.text.clone()).collect();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for m in index.thesaurus.find(&all_words) {
        let (from, to) = (all[m.words.start].from, all[m.words.end - 1].to);
        if !content.iter().any(|t| from <= t.from && t.to <= to) {
            continue;
        }
        taken.push((from, to));
        let mut concept = Concept {
            variants: Vec::new(),
            phrases: Vec::new(),
            typed: all_words[m.words.clone()].to_vec(),
            weight: 0.0,
        };
        let mut max_df = 0;
        for form in m.forms {
            // A phrase is as frequent as its rarest word, at most.
            let mut df = u64::MAX;
            for w in form {
                df = df.min(df_of(w)?);
            }
            max_df = max_df.max(df);
            match form.as_slice() {
                [one] => concept.variants.push(one.clone()),
                many => concept.phrases.push(
                    analysis::terms(analyzer, &many.join(" "))
                        .into_iter()
                        .zip(many)
                        .map(|(t, w)| (t.position, w.clone()))
                        .collect(),
                ),
            }
        }
        concept.weight = idf(max_df);
        seen.extend(concept.variants.iter().cloned());
        concepts.push(concept);
    }

    // Unknown English words weigh as the lightest known word, but at least as a word found in a
    // quarter of the documents: they are how the question is put ("talk about"), not a subject
    // the corpus lacks, yet "ASEAN" (in nearly every document) does not answer "ASEAN Our Ayes".
    let mut plain_english: Vec<usize> = Vec::new();
    for t in content {
        if taken.iter().any(|&(from, to)| from <= t.from && t.to <= to)
            || !seen.insert(t.text.clone())
        {
            continue;
        }
        let df = df_of(&t.text)?;
        if df > 0 {
            concepts.push(Concept {
                variants: vec![t.text.clone()],
                phrases: Vec::new(),
                typed: vec![t.text.clone()],
                weight: idf(df),
            });
            continue;
        }
        let word = &text[t.from..t.to];
        if let Some(parts) = split_compound(searcher, body, analyzer, word)? {
            // "taskforce" → "task" + "force": two words the index knows.
            for part in parts {
                let df = df_of(&part)?;
                if seen.insert(part.clone()) {
                    concepts.push(Concept {
                        variants: vec![part.clone()],
                        phrases: Vec::new(),
                        typed: vec![part],
                        weight: idf(df),
                    });
                }
            }
            continue;
        }
        if english::is_word(word) {
            plain_english.push(concepts.len());
            concepts.push(Concept {
                variants: Vec::new(),
                phrases: Vec::new(),
                typed: vec![t.text.clone()],
                weight: idf(0),
            });
            continue;
        }
        let variants = corrections(searcher, body, analyzer, word, &t.text)?;
        let weight = match variants.first() {
            Some(v) => idf(df_of(v)?),
            None => idf(0),
        };
        concepts.push(Concept {
            variants,
            phrases: Vec::new(),
            typed: Vec::new(),
            weight,
        });
    }
    let lightest_known = concepts
        .iter()
        .filter(|c| !c.variants.is_empty() || !c.phrases.is_empty())
        .map(|c| c.weight)
        .reduce(f32::min);
    if let Some(w) = lightest_known {
        let common = rare_weight(total_docs);
        for &i in &plain_english {
            concepts[i].weight = w.max(common);
        }
    }
    Ok(concepts)
}

/// Indexed terms that a misspelled `word` (analysed as `term`) may stand for, nearest first: close
/// terms of the index, and the stems of close English words that the index holds.
fn corrections(
    searcher: &Searcher,
    field: tantivy::schema::Field,
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    word: &str,
    term: &str,
) -> Result<Vec<String>, QueryError> {
    let mut found: Vec<(u8, String)> = fuzzy::close_terms(searcher, field, term)?
        .into_iter()
        .map(|(t, _)| (analysis::edit_distance(term, &t), t))
        .collect();
    for (d, w) in english::corrections(word) {
        let Some(stem) = analysis::terms(analyzer, w).into_iter().next() else {
            continue;
        };
        if searcher.doc_freq(&Term::from_field_text(field, &stem.text))? > 0
            && !found.iter().any(|f| f.1 == stem.text)
        {
            found.push((d, stem.text));
        }
    }
    found.sort_by_key(|f| f.0);
    let nearest = found.first().map_or(0, |f| f.0);
    Ok(found
        .into_iter()
        .filter(|f| f.0 == nearest)
        .take(4)
        .map(|f| f.1)
        .collect())
}

/// Splits an unknown word into two words the index knows ("taskforce" → task, forc), if it can.
pub(crate) fn split_compound(
    searcher: &Searcher,
    field: Field,
    analyzer: &mut TextAnalyzer,
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

#[cfg(test)]
mod tests {
    use crate::query::{answer, Answer, Scope};

    fn ask(scope: Scope, text: &str) -> Answer {
        answer(&crate::testing::shipped_index(), scope, text).unwrap()
    }

    fn first(scope: Scope, text: &str) -> Option<String> {
        ask(scope, text).results.first().map(|h| h.id())
    }

    fn marked(a: &Answer) -> Vec<String> {
        a.results
            .iter()
            .flat_map(|h| &h.citations)
            .flat_map(|c| c.matched.iter().map(|m| m.to_lowercase()))
            .collect()
    }

    /// Issue 10: "talk" was matched to "task" by typo tolerance.
    #[test]
    fn a_real_english_word_is_not_a_typo_of_another() {
        let a = ask(Scope::Ask, "what threats did they talk about");
        assert!(!a.results.is_empty());
        let marks = marked(&a);
        assert!(!marks.iter().any(|m| m == "task"), "{marks:?}");
        assert!(marks.iter().any(|m| m.starts_with("threat")), "{marks:?}");
    }

    /// Issue 10: typo and thesaurus expansion work in `meeting` as in `ask`.
    #[test]
    fn every_command_expands_typos_and_the_thesaurus() {
        for (text, id) in [
            ("Timor-Lester", "amim-21"),
            ("military operatoins meeting", "amom-14"),
            ("military ops meeting", "amom-14"),
            ("mil intel meeting", "amim-21"),
        ] {
            assert_eq!(first(Scope::Meeting, text).as_deref(), Some(id), "{text}");
            let asked: Vec<String> = ask(Scope::Ask, text)
                .results
                .iter()
                .map(|h| h.id())
                .collect();
            assert!(
                asked.iter().take(3).any(|a| a == id),
                "ask {text}: {asked:?}"
            );
        }
        assert_eq!(
            first(Scope::Mechanism, "CDF meeting").as_deref(),
            Some("acdfm")
        );
        assert_eq!(
            first(Scope::Initiative, "defense capacity building").as_deref(),
            Some("lao-pdr-defence-capacity-building")
        );
    }

    /// Issue 10: the words a thesaurus form stands for are marked in the snippets.
    #[test]
    fn highlights_mark_the_expanded_words() {
        let a = ask(Scope::Ask, "intel sharing");
        assert!(
            marked(&a).iter().any(|m| m == "intelligence"),
            "{:?}",
            marked(&a)
        );
        let a = ask(Scope::Ask, "HADR");
        assert!(
            marked(&a).iter().any(|m| m == "humanitarian"),
            "{:?}",
            marked(&a)
        );
    }

    #[test]
    fn unknown_plain_words_alone_find_nothing() {
        // "ayes" is a word: not corrected to "eyes", and "ASEAN" alone is too common to answer.
        for text in [
            "thanks!",
            "good morning everyone",
            "submarines",
            "ASEAN Our Ayes",
        ] {
            assert!(ask(Scope::Ask, text).results.is_empty(), "{text}");
        }
    }
}
