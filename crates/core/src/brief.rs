//! A pre-meeting brief, as a value: the meeting (as far as the statements tell), the previous
//! instance of its series and what was agreed there, the initiatives tied to the series that fall
//! due within a year, and the latest statements that mention it. Every line cites.

use crate::corpus::{Fact, Meeting};
use crate::digest::{self, Milestone};
use crate::index::AgendaIndex;
use crate::query::listing::{name_key, series_instances};
use crate::query::{self, citations_for, Citation, QueryError, Scope};
use jiff::civil::Date;
use std::collections::HashSet;

/// How far ahead of the meeting (or of today, when later) initiatives' milestones count as due.
pub const DUE_WITHIN_DAYS: u32 = 365;
/// How many of the latest statements a brief lists.
pub const LATEST_STATEMENTS: usize = 3;
/// How many facts agreed at the previous instance a brief lists.
pub const AGREED_MAX: usize = 5;

/// A fact with its citations (the first is its main source).
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    pub fact: Fact,
    pub citations: Vec<Citation>,
}

/// What to read before a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    /// The meeting (a [`Fact::Meeting`]).
    pub meeting: Cited,
    /// Whether the meeting lies ahead of `today` (dated on or after it, or undated and numbered
    /// after every dated instance).
    pub planned: bool,
    /// The previous instance of its series (a [`Fact::Meeting`]).
    pub previous: Option<Cited>,
    /// Initiatives the previous instance's main statement reports (adopted, agreed, noted).
    pub agreed: Vec<Cited>,
    /// Milestones of the initiatives tied to the series, due within [`DUE_WITHIN_DAYS`].
    pub due: Vec<Milestone>,
    /// The latest statements naming the series, newest first, one paragraph each.
    pub latest: Vec<Citation>,
}

/// Why there is no brief.
#[derive(Debug, thiserror::Error)]
pub enum BriefError {
    #[error("no meeting matches {0:?}; try a series (ADMM) or an instance (AMIM-21)")]
    NoMeeting(String),
    #[error(transparent)]
    Query(#[from] QueryError),
}

/// The series a meeting belongs to, as compared: its acronym, else its series name.
fn series_key(m: &Meeting) -> Option<String> {
    m.acronym
        .as_deref()
        .or(m.series.as_deref())
        .map(name_key)
        .filter(|k| !k.is_empty())
}

fn meetings(index: &AgendaIndex) -> impl Iterator<Item = &Meeting> {
    index.facts.iter().filter_map(|f| match f {
        Fact::Meeting(m) => Some(&**m),
        _ => None,
    })
}

/// The instances of the series `key` names, dated ones by date, then undated ones by number.
fn instances<'a>(index: &'a AgendaIndex, key: &str) -> Vec<&'a Meeting> {
    series_instances(index, &[key.to_string()])
}

/// Whether `m` lies ahead of `today` among its series' `instances`.
fn is_planned(m: &Meeting, instances: &[&Meeting], today: Date) -> bool {
    match &m.when {
        Some(when) => when.end >= today,
        None => {
            let last_dated = instances
                .iter()
                .filter(|i| i.when.is_some())
                .filter_map(|i| i.number)
                .max();
            matches!((m.number, last_dated), (Some(n), Some(last)) if n > last)
        }
    }
}

/// The meeting `asked` names: a series alone means its next planned instance (else its latest);
/// anything else is asked of `/meeting` and its first meeting taken.
fn resolve<'a>(
    index: &'a AgendaIndex,
    asked: &str,
    today: Date,
) -> Result<&'a Meeting, BriefError> {
    let key = name_key(asked);
    let series = instances(index, &key);
    if !series.is_empty() {
        let planned = series.iter().find(|m| is_planned(m, &series, today));
        return Ok(planned.copied().unwrap_or(series[series.len() - 1]));
    }
    let answer = query::answer(index, Scope::Meeting, asked)?;
    answer
        .results
        .iter()
        .find_map(|hit| match &hit.fact {
            Some(Fact::Meeting(m)) => index.fact(&m.id).and_then(|f| match f {
                Fact::Meeting(m) => Some(&**m),
                _ => None,
            }),
            _ => None,
        })
        .ok_or_else(|| BriefError::NoMeeting(asked.trim().to_string()))
}

/// The instance before `m` in its series: the latest dated before it, else the one numbered
/// just below it.
fn previous<'a>(m: &Meeting, instances: &[&'a Meeting]) -> Option<&'a Meeting> {
    let before_date = m.when.as_ref().map(|w| w.start);
    instances
        .iter()
        .copied()
        .filter(|i| i.id != m.id)
        .filter(
            |i| match (before_date, i.when.as_ref(), m.number, i.number) {
                (Some(d), Some(w), _, _) => w.start < d,
                (_, _, Some(n), Some(k)) => k < n,
                (None, Some(_), None, _) => true,
                _ => false,
            },
        )
        .max_by_key(|i| (i.when.as_ref().map(|w| w.start), i.number))
}

fn statements_of(fact_cites: &[String]) -> HashSet<&str> {
    fact_cites
        .iter()
        .map(|c| c.split('#').next().unwrap_or(c))
        .collect()
}

fn cited(index: &AgendaIndex, fact: &Fact) -> Cited {
    Cited {
        fact: fact.clone(),
        citations: citations_for(index, fact),
    }
}

/// The brief for the meeting `asked` names, as of `today`.
pub fn brief(index: &AgendaIndex, asked: &str, today: Date) -> Result<Brief, BriefError> {
    let meeting = resolve(index, asked, today)?;
    brief_of(index, meeting, today)
}

/// The brief for the meeting fact `id` (as [`due`] lists them), as of `today`.
pub fn brief_by_id(index: &AgendaIndex, id: &str, today: Date) -> Result<Brief, BriefError> {
    match index.fact(id) {
        Some(Fact::Meeting(m)) => brief_of(index, m, today),
        _ => Err(BriefError::NoMeeting(id.to_string())),
    }
}

fn brief_of(index: &AgendaIndex, meeting: &Meeting, today: Date) -> Result<Brief, BriefError> {
    let asked = &meeting.id;
    let key = series_key(meeting).unwrap_or_else(|| name_key(&meeting.name));
    let series = instances(index, &key);
    let planned = is_planned(meeting, &series, today);
    let previous = previous(meeting, &series);
    let as_fact = |m: &Meeting| index.fact(&m.id).cloned();

    // Initiatives reported by the previous instance's main statement (its first citation; the
    // others may only announce it).
    let agreed: Vec<Cited> = previous
        .map(|p| {
            let about = statements_of(&p.cites[..p.cites.len().min(1)]);
            index
                .facts
                .iter()
                .filter(|f| matches!(f, Fact::Initiative(_)))
                .filter(|f| statements_of(f.cites()).iter().any(|s| about.contains(s)))
                .take(AGREED_MAX)
                .map(|f| cited(index, f))
                .collect()
        })
        .unwrap_or_default();

    // Initiatives tied to the series: reported with one of its instances, or naming it.
    let series_statements: HashSet<&str> = series
        .iter()
        .flat_map(|m| statements_of(&m.cites))
        .collect();
    let names: Vec<String> = [meeting.acronym.as_deref(), meeting.series.as_deref()]
        .into_iter()
        .flatten()
        .map(name_key)
        .filter(|n| n.len() >= 3)
        .collect();
    let tied: HashSet<&str> = index
        .facts
        .iter()
        .filter(|f| matches!(f, Fact::Initiative(_)))
        .filter(|f| {
            statements_of(f.cites())
                .iter()
                .any(|s| series_statements.contains(s))
                || f.names()
                    .iter()
                    .any(|n| names.iter().any(|s| name_key(n).contains(s.as_str())))
        })
        .map(|f| f.id())
        .collect();
    let from = meeting.when.as_ref().map_or(today, |w| w.start.max(today));
    let due = digest::upcoming(index, from, DUE_WITHIN_DAYS)
        .milestones()
        .filter(|(_, m)| tied.contains(m.fact_id.as_str()))
        .map(|(_, m)| m.clone())
        .collect();

    // The latest statements naming the series.
    let named = meeting
        .acronym
        .clone()
        .or(meeting.series.clone())
        .unwrap_or_else(|| meeting.name.clone());
    let mut latest: Vec<Citation> = Vec::new();
    for c in query::passages(index, &named, 50)? {
        if !latest.iter().any(|l| l.statement_id == c.statement_id) {
            latest.push(c);
        }
    }
    latest.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then(a.statement_id.cmp(&b.statement_id))
    });
    latest.truncate(LATEST_STATEMENTS);

    let meeting_fact = as_fact(meeting).ok_or_else(|| BriefError::NoMeeting(asked.into()))?;
    Ok(Brief {
        meeting: cited(index, &meeting_fact),
        planned,
        previous: previous.and_then(as_fact).map(|f| cited(index, &f)),
        agreed,
        due,
        latest,
    })
}

/// The meetings to brief `days` ahead of `today`: those known to the day whose first day falls
/// in `today ..= today + days`, grouped by that day (earliest first; ids sorted). A meeting
/// whose first day is before `today` is not briefed any more.
pub fn due(index: &AgendaIndex, today: Date, days: u32) -> Vec<(Date, Vec<String>)> {
    let last = crate::digest::add_days(today, i64::from(days));
    let mut by_day: std::collections::BTreeMap<Date, Vec<String>> = Default::default();
    for m in meetings(index) {
        let Some(when) = &m.when else { continue };
        if when.precision != crate::dates::Precision::Day || when.start < today || when.start > last
        {
            continue;
        }
        by_day.entry(when.start).or_default().push(m.id.clone());
    }
    by_day
        .into_iter()
        .map(|(day, mut ids)| {
            ids.sort();
            (day, ids)
        })
        .collect()
}
