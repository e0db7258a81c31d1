//! Answering on a date: a question of time words alone lists the facts whose milestones fall
//! in the days asked about; with other words, those words search and the days rank what they
//! find (`time` reads the words, `answer` searches).

use super::answer::answer_around;
use super::listing::{name_key, series_instances};
use super::time::{is_farewell, Around, TimeFilter};
use super::{answer, citations_for, Answer, Hit, QueryError, Scope};
use crate::corpus::Fact;
use crate::dates::{DateRange, Precision};
use crate::digest::milestones;
use crate::index::AgendaIndex;
use jiff::civil::Date;

/// Results listed when the question is only about time.
const MAX_LISTED: usize = 8;

/// Answers `text` within `scope` on the date `today`. A question of time words alone ("due in
/// 2026", "next meeting", "overdue") lists the facts whose milestones match; with other words
/// ("who chaired ADSOM in 2024"), those words search and what is dated within the days asked
/// about ranks first (time words rank, they do not filter). Any other question is answered as
/// [`answer`] does.
pub fn answer_on(
    index: &AgendaIndex,
    scope: Scope,
    text: &str,
    today: Date,
) -> Result<Answer, QueryError> {
    if scope == Scope::Ask && is_farewell(text) {
        return Ok(Answer {
            query: text.chars().take(super::MAX_QUERY_CHARS).collect(),
            ..answer(index, scope, "")?
        });
    }
    let Some(mut filter) = TimeFilter::parse(text, today) else {
        let mut a = answer(index, scope, text)?;
        if a.listing {
            a.planned = planned_meetings(&a, today);
        }
        if scope == Scope::Ask {
            series_at_a_glance(index, &mut a, text, today);
            first_edition_first(index, &mut a, text);
        }
        return Ok(a);
    };
    if let Some(k) = scope.kind() {
        filter.kind = Some(k);
    }
    let selected = filter.select(milestones::all(&index.facts), today);
    let mut ids: Vec<&str> = Vec::new();
    for m in &selected {
        if !ids.contains(&m.fact_id.as_str()) {
            ids.push(&m.fact_id);
        }
    }
    let rest = filter.rest(text);
    let time = Some(filter.describe(today));
    let query: String = text.chars().take(super::MAX_QUERY_CHARS).collect();
    if has_words(&rest) {
        // Other words too: they search (kind and event words among them), in the scope asked,
        // and the days asked about rank what they find.
        let around = Around::of(&filter, today);
        let words = filter.rest_of_window(text);
        let by_words = answer_around(index, scope, &words, around.as_ref())?;
        if !by_words.listing {
            return Ok(Answer {
                scope,
                query,
                time,
                ..by_words
            });
        }
    }
    // Only time words: every selected fact, in the filter's order.
    let results = ids
        .iter()
        .filter_map(|id| index.fact(id))
        .take(MAX_LISTED)
        .map(|fact| listed(index, fact))
        .collect();
    Ok(Answer {
        scope,
        query,
        results,
        suggestions: Vec::new(),
        listing: false,
        passages_instead: None,
        time,
        planned: Vec::new(),
    })
}

/// Regression (issue 22, real questions "ADMM-Plus", "ADMM" asked in chat): a question that is
/// exactly a meeting series' name answered with the series' card alone, not what is on. Its next
/// instance (the first dated from `today` on) and its last (the latest before) follow the first
/// result, when the corpus knows two instances or more.
fn series_at_a_glance(index: &AgendaIndex, a: &mut Answer, text: &str, today: Date) {
    let instances = series_instances(index, &[name_key(text)]);
    if instances.len() < 2 {
        return;
    }
    // A meeting known by its day before one known by its year only ("ADMM 2025" may be the
    // 19th, reported before its day was known).
    let dated = |pick: fn(&DateRange, Date) -> bool| {
        instances.iter().filter_map(move |m| {
            let w = m.when.as_ref().filter(|w| pick(w, today))?;
            Some((m, w.precision != Precision::Year, w))
        })
    };
    let next = dated(|w, today| w.end >= today)
        .min_by_key(|(_, precise, w)| (!precise, w.start))
        .map(|(m, ..)| m);
    let last = dated(|w, today| w.end < today)
        .max_by_key(|(_, precise, w)| (*precise, w.end))
        .map(|(m, ..)| m);
    let glance: Vec<Hit> = next
        .into_iter()
        .chain(last)
        .filter_map(|m| index.fact(&m.id))
        .map(|fact| listed(index, fact))
        .collect();
    if glance.is_empty() {
        return;
    }
    let ids: Vec<String> = glance.iter().map(Hit::id).collect();
    a.results.retain(|h| !ids.contains(&h.id()));
    let at = a.results.len().min(1);
    a.results.splice(at..at, glance);
}

/// Words asking for a series' first meeting: "the inaugural ADMM-Plus", "when was the ADMM set
/// up", lowercase, matched as whole words.
const FIRST_EDITION_CUES: &[&str] = &[
    "first",
    "first-ever",
    "inaugural",
    "maiden",
    "launched",
    "set up",
    "founded",
    "inception",
];

/// Regression (issue 22, probe questions "in which city was the ADMM-Plus launched?", "where and
/// when was the inaugural ADMM-Plus convened?"): a question asking for the first meeting of a
/// series it names by acronym (in any case), and naming no other number, shows the series' first
/// meeting when the corpus knows it, right after the best result. The longest acronym named wins
/// ("ADMM-Plus" over "ADMM"); one followed by a capitalised word is a part of a longer name
/// ("ADMM-Plus EWG"), not the series.
fn first_edition_first(index: &AgendaIndex, a: &mut Answer, text: &str) {
    let lower = format!(" {} ", text.to_lowercase().replace(['?', ',', '.'], " "));
    let cued = FIRST_EDITION_CUES
        .iter()
        .any(|c| lower.contains(&format!(" {c} ")));
    if !cued || text.chars().any(|c| c.is_ascii_digit()) {
        return;
    }
    let firsts = index.facts.iter().filter_map(|f| match f {
        Fact::Meeting(m) if m.number == Some(1) => Some(&**m),
        _ => None,
    });
    // ASCII lowercase keeps every byte where it was: offsets in `folded` are offsets in `text`.
    let folded = text.to_ascii_lowercase();
    let named = |acronym: &str| {
        folded
            .match_indices(&acronym.to_ascii_lowercase())
            .any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let rest = &text[at + acronym.len()..];
                let bounded = !before.is_some_and(char::is_alphanumeric)
                    && !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-');
                let next_word = rest.split_whitespace().next().unwrap_or("");
                bounded && !next_word.starts_with(char::is_uppercase)
            })
    };
    let Some(first) = firsts
        .filter_map(|m| {
            // "ADMM-Plus-1" is of the "ADMM-Plus".
            let acronym = m
                .acronym
                .as_deref()?
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .trim_end_matches(['-', ' ']);
            named(acronym).then_some((acronym.len(), m))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, m)| m)
    else {
        return;
    };
    let Some(fact) = index.fact(&first.id) else {
        return;
    };
    if a.results
        .iter()
        .take(FIRST_EDITION_AT + 1)
        .any(|h| h.id() == first.id)
    {
        return;
    }
    a.results.retain(|h| h.id() != first.id);
    let at = a.results.len().min(FIRST_EDITION_AT);
    a.results.insert(at, listed(index, fact));
}

/// Where [`first_edition_first`] puts the first meeting: after the best result, which may hold
/// what else is asked ("who headed China's delegation to the first ADMM-Plus?").
const FIRST_EDITION_AT: usize = 1;

/// Whether the text has a word of substance (not a question word).
fn has_words(text: &str) -> bool {
    crate::analysis::terms(&mut crate::analysis::analyzer(), text)
        .iter()
        .any(|t| !crate::analysis::is_question_filler(&text[t.from..t.to].to_lowercase()))
}

fn listed(index: &AgendaIndex, fact: &Fact) -> Hit {
    Hit {
        score: 0.0,
        citations: citations_for(index, fact).into_iter().take(1).collect(),
        fact: Some(fact.clone()),
    }
}

/// The meetings of a listing that lie ahead of `today`: dated from today on, or undated and
/// numbered after every dated one of their series in the listing.
fn planned_meetings(a: &Answer, today: Date) -> Vec<String> {
    let meetings: Vec<&crate::corpus::Meeting> = a
        .results
        .iter()
        .filter_map(|h| match &h.fact {
            Some(crate::corpus::Fact::Meeting(m)) => Some(&**m),
            _ => None,
        })
        .collect();
    let last_dated = meetings
        .iter()
        .filter(|m| m.when.is_some())
        .filter_map(|m| m.number)
        .max();
    meetings
        .iter()
        .filter(|m| match &m.when {
            Some(when) => when.start >= today,
            None => matches!((m.number, last_dated), (Some(n), Some(last)) if n > last),
        })
        .map(|m| m.id.clone())
        .collect()
}
