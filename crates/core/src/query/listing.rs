//! Questions that ask for a list: every fact of a kind ("which meetings are there"), or a
//! series' instances in date order (`meeting ADMM`).

use super::request::Request;
use super::{citations_for, Answer, Hit, Scope};
use crate::corpus::{Fact, FactKind};
use crate::index::AgendaIndex;

/// Kinds of fact named in the plural: asking for one of these alone asks for the list.
const PLURALS: &[(&str, FactKind)] = &[
    ("meetings", FactKind::Meeting),
    ("initiatives", FactKind::Initiative),
    ("mechanisms", FactKind::Mechanism),
    ("bodies", FactKind::Mechanism),
    ("areas", FactKind::Area),
    ("focuses", FactKind::Area),
];

/// Words that may stand beside a plural without narrowing the list ("all known meetings").
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

/// A name as compared with what was typed: letters and digits, lowercased ("ADMM-Plus" →
/// "admmplus").
pub(crate) fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "list the cooperation areas", "which meetings are there", "all initiatives": a kind of fact named
/// in the plural with nothing else of substance asks for the list of that kind.
pub(crate) fn listing_intent(request: &Request, scope: Scope) -> Option<FactKind> {
    let mut kind = None;
    for t in &request.content {
        let word = request.word(t).to_lowercase();
        if let Some((_, k)) = PLURALS.iter().find(|(p, _)| *p == word) {
            kind = Some(*k);
        } else if !QUALIFIERS.contains(&word.as_str()) {
            return None;
        }
    }
    kind.filter(|k| scope.kind().is_none_or(|s| s == *k))
}

/// The meetings whose acronym or series name has one of `keys` (as [`name_key`]s): dated ones
/// by date, then undated ones by number.
pub(crate) fn series_instances<'a>(
    index: &'a AgendaIndex,
    keys: &[String],
) -> Vec<&'a crate::corpus::Meeting> {
    let mut found: Vec<&crate::corpus::Meeting> = index
        .facts
        .iter()
        .filter_map(|f| match f {
            Fact::Meeting(m) => Some(&**m),
            _ => None,
        })
        .filter(|m| {
            [m.acronym.as_deref(), m.series.as_deref()]
                .into_iter()
                .flatten()
                .any(|name| keys.contains(&name_key(name)))
        })
        .collect();
    found.sort_by_key(|m| (m.when.is_none(), m.when.as_ref().map(|w| w.start), m.number));
    found
}

/// `meeting ADMM`: a question that is exactly a series' acronym or name, of which the corpus
/// knows two instances or more, answers with its instances in date order (undated ones last),
/// each citing its main source.
pub(crate) fn series_timeline(index: &AgendaIndex, text: &str) -> Option<Answer> {
    let asked = name_key(text);
    if asked.is_empty() {
        return None;
    }
    let instances = series_instances(index, &[asked]);
    if instances.len() < 2 {
        return None;
    }
    let results = instances
        .into_iter()
        .filter_map(|m| index.fact(&m.id))
        .map(|fact| Hit {
            score: 0.0,
            citations: citations_for(index, fact).into_iter().take(1).collect(),
            fact: Some(fact.clone()),
        })
        .collect();
    Some(Answer {
        scope: Scope::Meeting,
        query: text.to_string(),
        results,
        suggestions: Vec::new(),
        listing: true,
        passages_instead: None,
        time: None,
        planned: Vec::new(),
    })
}

/// Every fact of the scope's kind: meetings newest first, others by name, each citing its main
/// source at the words of its name (an initiative's own table row).
pub(crate) fn listing(index: &AgendaIndex, scope: Scope, kind: FactKind) -> Answer {
    let mut facts: Vec<&Fact> = index.facts.iter().filter(|f| f.kind() == kind).collect();
    facts.sort_by(|a, b| {
        let date = |f: &Fact| match f {
            Fact::Meeting(m) => m.when.as_ref().map(|w| w.start),
            _ => None,
        };
        date(b).cmp(&date(a)).then_with(|| a.name().cmp(b.name()))
    });
    let results = facts
        .into_iter()
        .map(|fact| Hit {
            score: 0.0,
            citations: citations_for(index, fact).into_iter().take(1).collect(),
            fact: Some(fact.clone()),
        })
        .collect();
    Answer {
        scope,
        query: String::new(),
        results,
        suggestions: Vec::new(),
        listing: true,
        passages_instead: None,
        time: None,
        planned: Vec::new(),
    }
}
