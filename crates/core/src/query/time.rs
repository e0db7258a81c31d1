//! Time in questions, against the bot's clock: "what is due in 2026", "next meeting", "cyber
//! milestones this year", "overdue" → a filter on the facts' milestones, combined with the
//! question's other words.
//!
//! `today` is always a parameter: the CLI and the bot pass their clock's date, tests a fixed one.

use crate::corpus::{series_key, Fact, FactKind};
use crate::dates::{self, Precision};
use crate::digest::milestones::{self, Milestone, What};
use crate::extract::text::find_dates;
use jiff::civil::Date;
use jiff::ToSpan;
use std::ops::Range;

/// How far ahead "upcoming", "soon" and "coming up" look.
pub const UPCOMING_DAYS: i32 = 365;
/// How far back "recently" looks.
pub const RECENT_DAYS: i32 = 365;
/// Which days a question asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Milestones that may fall within these days (inclusive).
    Between(Date, Date),
    /// The first milestone day from today on ("next meeting").
    Next,
    /// The last milestone day before today ("last meeting", "previous meeting").
    Last,
    /// Ends and deadlines already past ("overdue").
    Overdue,
}

/// Which milestones a question asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Any,
    /// Ends and deadlines ("due", "ending", "deadline").
    Due,
    /// Starts ("starting", "launched").
    Starts,
}

/// The time part of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeFilter {
    pub window: Window,
    pub event: Event,
    /// A kind of fact named with the time words ("next meeting").
    pub kind: Option<FactKind>,
    /// Byte ranges of the question taken by the time, event and kind words.
    pub spans: Vec<Range<usize>>,
    /// Those of the time words alone ("in 2019", "next"), without event and kind words.
    pub window_spans: Vec<Range<usize>>,
}

/// A word of the question and where it is.
#[derive(Debug, Clone)]
struct Word {
    lower: String,
    span: Range<usize>,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    let is_word_char = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = text[s..i].trim_matches(|c: char| !c.is_alphanumeric());
                if !w.is_empty() {
                    let from = s + text[s..i].find(w).unwrap_or(0);
                    out.push(Word {
                        lower: w.to_lowercase(),
                        span: from..from + w.len(),
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Words that introduce a date ("in September", "during Q3 2024").
const DATE_LEADS: &[&str] = &["in", "during", "for", "of", "on", "by", "around", "from"];
/// Words that are part of a time question and nothing else.
const NOISE: &[&str] = &[
    "milestone",
    "milestones",
    "event",
    "events",
    "date",
    "dates",
    "schedule",
    "scheduled",
    "calendar",
    "planned",
    "happening",
    "expected",
    "things",
    "thing",
    "anything",
    "coming",
];

/// First words of a farewell, whose time words ask nothing ("see you tomorrow", "bye for now").
const FAREWELLS: &[&str] = &[
    "see",
    "bye",
    "goodbye",
    "cya",
    "later",
    "night",
    "goodnight",
];

/// Words after "next" or "last" that make them no time word ("next to", "last of", "last
/// week" is a period, read before).
const NOT_AFTER_NEXT_LAST: &[&str] =
    &["to", "of", "one", "ones", "time", "but", "and", "is", "was"];

fn kind_word(w: &str) -> Option<FactKind> {
    match w {
        "meeting" | "meetings" | "mtg" | "mtgs" => Some(FactKind::Meeting),
        "initiative" | "initiatives" | "project" | "projects" => Some(FactKind::Initiative),
        _ => None,
    }
}

fn event_word(w: &str) -> Option<Event> {
    match w {
        "due" | "deadline" | "deadlines" | "end" | "ends" | "ending" | "ended" | "finish"
        | "finishes" | "finishing" | "finished" | "complete" | "completed" | "conclude"
        | "concludes" => Some(Event::Due),
        "start" | "starts" | "starting" | "started" | "begin" | "begins" | "beginning"
        | "began" | "launch" | "launches" | "launched" | "launching" => Some(Event::Starts),
        _ => None,
    }
}

fn first_of_month(d: Date) -> Date {
    d.first_of_month()
}

/// The window of "this/last/next year|month|week|quarter" around `today`.
fn relative_period(which: &str, unit: &str, today: Date) -> Option<(Date, Date)> {
    let step: i32 = match which {
        "this" | "current" => 0,
        "last" | "previous" | "past" => -1,
        "next" | "coming" => 1,
        _ => return None,
    };
    let period = |start: Date, end: Date| Some((start, end));
    match unit {
        "year" => {
            let y = today.year() + step as i16;
            period(Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)
        }
        "month" => {
            let start = first_of_month(today).checked_add(step.months()).ok()?;
            period(start, start.last_of_month())
        }
        "quarter" => {
            let q0 = (today.month() - 1) / 3;
            let start = Date::new(today.year(), q0 * 3 + 1, 1)
                .ok()?
                .checked_add((3 * step).months())
                .ok()?;
            period(start, start.checked_add(2.months()).ok()?.last_of_month())
        }
        "week" => {
            let monday = today
                .checked_sub(i64::from(today.weekday().to_monday_zero_offset()).days())
                .ok()?
                .checked_add((7 * step).days())
                .ok()?;
            period(monday, monday.checked_add(6.days()).ok()?)
        }
        _ => None,
    }
}

fn days_from(today: Date, days: i32) -> Date {
    today.checked_add(days.days()).unwrap_or(today)
}

impl TimeFilter {
    /// The time part of `text`, if it has one. Event and kind words alone ("when does it end?")
    /// are not a time question.
    pub fn parse(text: &str, today: Date) -> Option<TimeFilter> {
        let ws = words(text);
        let mut window: Option<Window> = None;
        let mut spans: Vec<Range<usize>> = Vec::new();
        let mut i = 0;
        let mut set = |w: Window, span: Range<usize>, window: &mut Option<Window>| {
            // An explicit period wins over "upcoming"-like words said with it.
            if !matches!(window, Some(Window::Between(..))) || matches!(w, Window::Between(..)) {
                *window = Some(w);
            }
            spans.push(span);
        };
        while i < ws.len() {
            let w = ws[i].lower.as_str();
            let next = ws.get(i + 1).map(|w| w.lower.as_str());
            let span = |n: usize| ws[i].span.start..ws[i + n - 1].span.end;
            if let Some((from, to)) = next.and_then(|unit| relative_period(w, unit, today)) {
                set(Window::Between(from, to), span(2), &mut window);
                i += 2;
                continue;
            }
            let single = match w {
                "today" => Some(Window::Between(today, today)),
                "tomorrow" => Some(Window::Between(days_from(today, 1), days_from(today, 1))),
                "yesterday" => Some(Window::Between(days_from(today, -1), days_from(today, -1))),
                "upcoming" | "soon" | "future" | "ahead" => {
                    Some(Window::Between(today, days_from(today, UPCOMING_DAYS)))
                }
                "recent" | "recently" => {
                    Some(Window::Between(days_from(today, -RECENT_DAYS), today))
                }
                "overdue" | "late" => Some(Window::Overdue),
                "next" if next.is_none_or(|n| !NOT_AFTER_NEXT_LAST.contains(&n)) => {
                    Some(Window::Next)
                }
                "last" | "previous" | "latest"
                    if next.is_some_and(|n| !NOT_AFTER_NEXT_LAST.contains(&n)) =>
                {
                    Some(Window::Last)
                }
                _ => None,
            };
            if let Some(found) = single {
                set(found, span(1), &mut window);
                i += 1;
                continue;
            }
            if w == "coming" && next == Some("up") {
                set(
                    Window::Between(today, days_from(today, UPCOMING_DAYS)),
                    span(2),
                    &mut window,
                );
                i += 2;
                continue;
            }
            // An explicit date: the longest run of words the date parser reads, led by a word
            // such as "in" unless it holds a digit ("2026", "Q3 2024").
            let led = i > 0 && DATE_LEADS.contains(&ws[i - 1].lower.as_str());
            let mut found = None;
            for n in (1..=5.min(ws.len() - i)).rev() {
                let span = span(n);
                let candidate = &text[span.clone()];
                let has_digit = candidate.chars().any(|c| c.is_ascii_digit());
                // "may" is a month only with a number ("May 2025").
                if !has_digit && (!led || w == "may") {
                    continue;
                }
                if let Ok(range) = dates::parse_when(candidate, Some(today.year())) {
                    // A bare number is a year only with four digits ("21" is AMIM-21's).
                    let plain_number = candidate.chars().all(|c| c.is_ascii_digit());
                    if plain_number && candidate.len() != 4 {
                        continue;
                    }
                    if range.precision == Precision::Day && !led {
                        // "3 September 2024" alone is a date; "AMIM 21" is not: days need a lead.
                        continue;
                    }
                    found = Some((n, range, span));
                    break;
                }
            }
            if let Some((n, range, span)) = found {
                set(Window::Between(range.start, range.end), span, &mut window);
                i += n;
                continue;
            }
            i += 1;
        }
        let window = window?;
        let window_spans = spans.clone();
        let mut event = Event::Any;
        let mut kind = None;
        for w in &ws {
            if let Some(e) = event_word(&w.lower) {
                event = e;
                spans.push(w.span.clone());
            } else if let Some(k) = kind_word(&w.lower) {
                kind = Some(k);
                spans.push(w.span.clone());
            } else if NOISE.contains(&w.lower.as_str()) {
                spans.push(w.span.clone());
            }
        }
        // "in" of "in 2026", "up" of "coming up": lead words next to a taken span go too.
        let leads_of = |taken: &[Range<usize>]| -> Vec<Range<usize>> {
            ws.iter()
                .filter(|w| DATE_LEADS.contains(&w.lower.as_str()) || w.lower == "up")
                .filter(|w| {
                    taken.iter().any(|s| {
                        s.start > w.span.end && text[w.span.end..s.start].trim().is_empty()
                    })
                })
                .map(|w| w.span.clone())
                .collect()
        };
        let mut window_spans = window_spans;
        window_spans.extend(leads_of(&window_spans));
        window_spans.sort_by_key(|s| s.start);
        spans.extend(leads_of(&spans));
        spans.sort_by_key(|s| s.start);
        Some(TimeFilter {
            window,
            event,
            kind,
            spans,
            window_spans,
        })
    }

    /// The question without its time words.
    /// The days asked about, in words: "1 January – 31 December 2027", "from 3 December 2026 on
    /// (the next one)", "before 3 December 2026 (the last one)", "overdue on 3 December 2026".
    pub fn describe(&self, today: Date) -> String {
        let day = crate::dates::fmt_day(today);
        match self.window {
            Window::Between(from, to) => crate::dates::span(from, to),
            Window::Next => format!("from {day} on (the next one)"),
            Window::Last => format!("before {day} (the last one)"),
            Window::Overdue => format!("overdue on {day}"),
        }
    }

    pub fn rest(&self, text: &str) -> String {
        without(text, &self.spans)
    }

    /// The question without its time words alone (event and kind words kept).
    pub fn rest_of_window(&self, text: &str) -> String {
        without(text, &self.window_spans)
    }

    fn wants(&self, m: &Milestone) -> bool {
        let event = match self.event {
            Event::Any => true,
            Event::Due => m.is_due_date(),
            Event::Starts => m.what == What::Starts,
        };
        let kind = self.kind.is_none_or(|k| m.fact_kind == k);
        let overdue = self.window != Window::Overdue || m.is_due_date();
        event && kind && overdue
    }

    /// The milestones the filter selects, best first: in a window, those wholly inside it before
    /// those that only overlap it, then by date; the nearest first for next, last and overdue.
    pub fn select(&self, all: Vec<Milestone>, today: Date) -> Vec<Milestone> {
        let mut chosen: Vec<Milestone> = all.into_iter().filter(|m| self.wants(m)).collect();
        match self.window {
            Window::Between(from, to) => {
                chosen.retain(|m| m.overlaps(from, to));
                chosen.sort_by_key(|m| {
                    let inside = from <= m.range.start && m.range.end <= to;
                    (!inside, m.date())
                });
            }
            Window::Next => {
                chosen.retain(|m| m.date() >= today);
                let first = chosen.iter().map(Milestone::date).min();
                chosen.retain(|m| Some(m.date()) == first);
            }
            Window::Last => {
                chosen.retain(|m| m.date() < today);
                let last = chosen.iter().map(Milestone::date).max();
                chosen.retain(|m| Some(m.date()) == last);
            }
            Window::Overdue => {
                chosen.retain(|m| m.range.end < today);
                chosen.sort_by_key(|m| std::cmp::Reverse(m.date()));
            }
        }
        chosen
    }
}

/// The days time words name, as a ranking signal: when a question has other words too ("who
/// chaired the navy chiefs' meeting in 2019"), results dated within these days rise above the
/// others instead of the others being dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Around {
    pub(crate) from: Date,
    pub(crate) to: Date,
    /// The days run on from today ("next", "upcoming", "coming up"): what is planned and
    /// undated may fall in them.
    pub(crate) ahead: bool,
    /// The days run back to today ("last", "previous", "recently").
    pub(crate) behind: bool,
}

/// Score multiplier of a result dated within the days asked about.
const AROUND_BOOST: f32 = 1.6;
/// How far "next X" and "last X" look from today when ranking.
const NEXT_LAST_DAYS: i32 = 2 * 365;

impl Around {
    /// The days of a filter's window; "overdue" names none.
    pub(crate) fn of(filter: &TimeFilter, today: Date) -> Option<Around> {
        let (from, to) = match filter.window {
            Window::Between(from, to) => (from, to),
            Window::Next => (today, days_from(today, NEXT_LAST_DAYS)),
            Window::Last => (days_from(today, -NEXT_LAST_DAYS), days_from(today, -1)),
            Window::Overdue => return None,
        };
        Some(Around {
            from,
            to,
            ahead: from == today,
            behind: matches!(filter.window, Window::Last) || to == today,
        })
    }

    /// How many days a fact's milestones within the days lie from today, for days that run on
    /// from today or back to it (the next meeting is the nearest ahead, the last the nearest
    /// behind); `None` for other days or a fact without a milestone within them. A milestone
    /// known to the day counts from its nearest day; one known only by its month or year, from
    /// the middle of its part within the days (a meeting of "2013" asked about in May may be
    /// behind: it does not come before one due on 29 August).
    pub(crate) fn distance(&self, fact: &Fact) -> Option<i64> {
        let within = milestones::milestones_of(fact)
            .into_iter()
            .filter(|m| m.overlaps(self.from, self.to));
        let days = |a: Date, b: Date| i64::from((b - a).get_days());
        let middle = |m: &Milestone, near: i64, far: i64| match m.range.precision {
            Precision::Day => near,
            _ => (near + far) / 2,
        };
        if self.ahead {
            within
                .map(|m| {
                    let near = days(self.from, m.range.start.max(self.from));
                    let far = days(self.from, m.range.end.min(self.to));
                    middle(&m, near, far)
                })
                .min()
        } else if self.behind {
            within
                .map(|m| {
                    let near = days(m.range.end.min(self.to), self.to);
                    let far = days(m.range.start.max(self.from), self.to);
                    middle(&m, near, far)
                })
                .min()
        } else {
            None
        }
    }

    fn holds(&self, start: Date, end: Date) -> bool {
        start <= self.to && end >= self.from
    }

    /// How a fact's milestones (a meeting's date, an initiative's timeline) sit with the days.
    /// An undated meeting numbered after every instance of its series held before the days, and
    /// announced as to come in the year before them, is the next one: within days that run on from today
    /// ("upcoming navy chiefs meetings" is the 18th, planned without a date, not the 14th of
    /// 2020). `facts` are the index's; `announced` gives the day a fact's main statement was
    /// published.
    pub(crate) fn fact_fit(
        &self,
        fact: &Fact,
        facts: &[Fact],
        announced: impl Fn(&Fact) -> Option<Date>,
    ) -> Fit {
        let all = milestones::milestones_of(fact);
        if all.iter().any(|m| m.overlaps(self.from, self.to)) {
            Fit::Within
        } else if all.is_empty() {
            let lately =
                |d: Date| d <= self.from && days_from(d, ANNOUNCED_AHEAD_DAYS) >= self.from;
            match self.next_of_its_series(fact, facts) && announced(fact).is_some_and(lately) {
                true => Fit::Within,
                false => Fit::Unknown,
            }
        } else {
            Fit::Outside
        }
    }

    /// `fact` is an undated numbered meeting after the latest instance of its series dated before
    /// days that run on from today, and none of the series is dated within them.
    fn next_of_its_series(&self, fact: &Fact, facts: &[Fact]) -> bool {
        let Fact::Meeting(m) = fact else {
            return false;
        };
        if !self.ahead {
            return false;
        }
        let (Some(series), Some(number)) = (m.acronym.as_deref().map(series_key), m.number) else {
            return false;
        };
        let mut latest_before: Option<u32> = None;
        for other in facts {
            let Fact::Meeting(o) = other else { continue };
            if o.acronym.as_deref().map(series_key).as_deref() != Some(series.as_str()) {
                continue;
            }
            let Some(when) = &o.when else { continue };
            if when.start <= self.to && when.end >= self.from {
                return false;
            }
            if when.end < self.from {
                latest_before = latest_before.max(o.number);
            }
        }
        latest_before.is_some_and(|latest| number > latest)
    }

    /// A paragraph of a statement published within the days, or that names a year of them or a
    /// day within them (a month without a year is of the year it was published), is within; one
    /// published on another day that names none of them is outside.
    pub(crate) fn paragraph_fit(&self, body: &str, published: &str) -> Fit {
        let (first, last) = (self.from.year(), self.to.year());
        let names_a_year = body
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<i16>().ok())
            .any(|y| (first..=last).contains(&y));
        let published = dates::parse_when(published, None);
        // "held in Phnom Penh in February", read in the year the statement was published.
        let year = published.as_ref().ok().map(|d| d.start.year());
        let names_a_day = || {
            find_dates(body, year, false)
                .iter()
                .any(|f| self.holds(f.when.start, f.when.end))
                || year.is_some_and(|y| {
                    months_named(body)
                        .filter_map(|m| Date::new(y, m, 1).ok())
                        .any(|first| self.holds(first, first.last_of_month()))
                })
        };
        match published {
            Ok(d) if self.holds(d.start, d.end) => Fit::Within,
            _ if names_a_year || names_a_day() => Fit::Within,
            Ok(d) if self.announced_before(d.start) && speaks_of_the_future(body) => Fit::Within,
            Ok(_) => Fit::Outside,
            Err(_) => Fit::Unknown,
        }
    }

    /// Published in the year before the days begin: what it says will happen may fall in them.
    fn announced_before(&self, published: Date) -> bool {
        published < self.from && days_from(published, ANNOUNCED_AHEAD_DAYS) >= self.from
    }
}

/// How long before the days asked about an announcement of what will happen may be published.
const ANNOUNCED_AHEAD_DAYS: i32 = 365;

/// Words of a paragraph that tells what will happen ("Laos will host the next meeting", "plans
/// to hold the drill in May"), lowercase.
const FUTURE_CUES: &[&str] = &[
    " will ",
    " shall ",
    "to be held",
    "to hold ",
    "to host ",
    "scheduled",
    "upcoming",
    "next year",
    "is expected to",
    "are expected to",
    "plans to",
    "planned for",
];

/// Whether a paragraph tells what will happen (see [`FUTURE_CUES`]).
pub(crate) fn speaks_of_the_future(body: &str) -> bool {
    let text = format!(" {} ", body.to_lowercase());
    FUTURE_CUES.iter().any(|cue| text.contains(cue))
}

/// The months a text names by name alone ("held in Phnom Penh in February"), 1 to 12; "May"
/// only after "in" (else it may be the verb).
fn months_named(text: &str) -> impl Iterator<Item = i8> + '_ {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).filter_map(move |i| {
        let m = dates::MONTH_NAMES.iter().position(|n| *n == words[i])?;
        let may = words[i] == "May";
        (!may || (i > 0 && words[i - 1] == "in")).then_some(m as i8 + 1)
    })
}

/// Where a result's dates sit with the days a question asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fit {
    Within,
    Outside,
    Unknown,
}

impl Fit {
    /// Score multiplier: dated within rises, dated elsewhere sinks (it is likely another
    /// instance: "the ADMM theme for 2024" is not the 2019 meeting's).
    pub(crate) fn factor(self, paragraph: bool) -> f32 {
        match (self, paragraph) {
            (Fit::Within, _) => AROUND_BOOST,
            (Fit::Outside, false) => OUTSIDE_FACT,
            (Fit::Outside, true) => OUTSIDE_PARAGRAPH,
            (Fit::Unknown, _) => 1.0,
        }
    }
}

/// Score multiplier of a fact dated outside the days asked about.
const OUTSIDE_FACT: f32 = 0.5;
/// Score multiplier of a paragraph published outside them that names none of their years.
const OUTSIDE_PARAGRAPH: f32 = 0.8;

/// A short line that opens with a farewell ("see you tomorrow", "bye for now"): conversation,
/// whose time words ask nothing.
pub(crate) fn is_farewell(text: &str) -> bool {
    let ws = words(text);
    ws.len() <= 4
        && ws
            .first()
            .is_some_and(|w| FAREWELLS.contains(&w.lower.as_str()))
}

/// `text` without the byte ranges `spans` (sorted), each replaced by a space.
fn without(text: &str, spans: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for s in spans {
        if s.start >= at {
            out.push_str(&text[at..s.start]);
            out.push(' ');
            at = s.end;
        }
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{answer_on, Hit, Scope};
    use jiff::civil::date;

    fn window(text: &str, today: Date) -> Option<Window> {
        TimeFilter::parse(text, today).map(|f| f.window)
    }

    #[test]
    fn time_words_become_windows() {
        let today = date(2025, 3, 10);
        let periods = [
            ("what is due in 2026", date(2026, 1, 1), date(2026, 12, 31)),
            (
                "what happened in September 2024",
                date(2024, 9, 1),
                date(2024, 9, 30),
            ),
            (
                "cyber milestones this year",
                date(2025, 1, 1),
                date(2025, 12, 31),
            ),
            ("meetings last month", date(2025, 2, 1), date(2025, 2, 28)),
            ("anything in Q3 2024?", date(2024, 7, 1), date(2024, 9, 30)),
            ("upcoming", today, date(2026, 3, 10)),
            ("next week", date(2025, 3, 17), date(2025, 3, 23)),
        ];
        for (text, from, to) in periods {
            assert_eq!(
                window(text, today),
                Some(Window::Between(from, to)),
                "{text}"
            );
        }
        assert_eq!(window("next meeting", today), Some(Window::Next));
        assert_eq!(window("the last meeting", today), Some(Window::Last));
        assert_eq!(window("what is overdue?", today), Some(Window::Overdue));
        // No time in these: names with numbers, event words alone.
        for text in [
            "AMIM-21",
            "amim 21",
            "21st meeting",
            "when does it end?",
            "who attended",
        ] {
            assert_eq!(window(text, today), None, "{text}");
        }
    }

    /// A meeting held on `date` (read in 2024 when it names no year).
    fn meeting_on(date: &str) -> Fact {
        let mut m: crate::corpus::Meeting = toml::from_str(&format!(
            "id = \"m\"\nname = \"M\"\ndate = \"{date}\"\ncites = []"
        ))
        .unwrap();
        m.when = Some(dates::parse_when(date, Some(2024)).unwrap());
        Fact::Meeting(Box::new(m))
    }

    /// Issue 22: how far a meeting within the days asked about lies from today, by rows (question,
    /// meeting date → days); `None` where the days do not run from today or the meeting is
    /// outside them.
    #[test]
    fn distance_from_today_of_a_meeting_within_the_days() {
        let today = date(2024, 6, 1);
        let rows: [(&str, &str, Option<i64>); 10] = [
            ("next meeting", "10 June 2024", Some(9)),
            // Known by its year: from the middle of the year (1 January is 214 days ahead).
            ("next meeting", "2025", Some(396)),
            // Known by the year under way: from the middle of what is left of it.
            ("next meeting", "2024", Some(106)),
            ("next meeting", "June 2024", Some(14)),
            ("last meeting", "2024", Some(75)),
            ("upcoming meetings", "1 – 3 June 2024", Some(0)),
            ("next meeting", "3 March 2024", None),
            ("last meeting", "20 May 2024", Some(11)),
            ("meetings recently", "30 May 2024", Some(2)),
            ("meetings in 2023", "5 May 2023", None),
        ];
        for (question, held, days) in rows {
            let filter = TimeFilter::parse(question, today).unwrap();
            let around = Around::of(&filter, today).unwrap();
            assert_eq!(
                around.distance(&meeting_on(held)),
                days,
                "{question} / {held}"
            );
        }
    }

    fn ids(text: &str, today: Date) -> Vec<String> {
        let index = crate::testing::shipped_index();
        answer_on(&index, Scope::Ask, text, today)
            .unwrap()
            .results
            .iter()
            .map(Hit::id)
            .collect()
    }

    /// Issue 10: time words are a milestone filter, on the clock given, combined with the words.
    #[test]
    fn time_questions_answer_from_the_milestones() {
        let today = date(2025, 3, 10);
        assert_eq!(
            ids("what is due in 2026", today),
            ["lao-pdr-defence-capacity-building"]
        );
        assert_eq!(
            ids("what is overdue", today),
            ["regional-cybersecurity-task-force"]
        );
        let september = ids("what happened in September 2024", today);
        assert_eq!(september[..2], ["amim-21", "amom-14"]);
        assert_eq!(
            ids("next meeting", date(2024, 8, 20)),
            ["amim-21", "amom-14"]
        );
        assert!(ids("next meeting", today).is_empty());
        // Issue 21: with other words, time words rank instead of filtering: the task force (due
        // in 2024) comes first in 2024, and the cyber facts still answer in 2025; a year the
        // corpus never names loses nothing the words find.
        let in_2024 = ids("cyber milestones this year", date(2024, 5, 1));
        assert_eq!(in_2024[0], "regional-cybersecurity-task-force");
        assert!(!ids("cyber milestones this year", today).is_empty());
        assert_eq!(
            ids(
                "what was the theme of the intelligence meeting in 2031",
                today
            )[0],
            "amim-21"
        );
    }

    /// Issue 21: "next X" / "last X" read as the days after / before today.
    #[test]
    fn next_and_last_before_any_word_are_time_words() {
        let today = date(2025, 3, 10);
        assert_eq!(window("when is the next ADMM", today), Some(Window::Next));
        assert_eq!(
            window("where was the last ANCM held", today),
            Some(Window::Last)
        );
        assert_eq!(window("the seat next to the chair", today), None);
        let f = TimeFilter::parse("who chaired the ANCM meeting in 2019", today).unwrap();
        assert_eq!(
            f.rest_of_window("who chaired the ANCM meeting in 2019")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["who", "chaired", "the", "ANCM", "meeting"]
        );
    }

    #[test]
    fn the_rest_keeps_the_other_words() {
        let today = date(2025, 3, 10);
        let text = "cyber milestones this year";
        let f = TimeFilter::parse(text, today).unwrap();
        assert_eq!(
            f.rest(text).split_whitespace().collect::<Vec<_>>(),
            ["cyber"]
        );
        let text = "exercises ending in 2025";
        let f = TimeFilter::parse(text, today).unwrap();
        assert_eq!(f.event, Event::Due);
        assert_eq!(
            f.rest(text).split_whitespace().collect::<Vec<_>>(),
            ["exercises"]
        );
        let f = TimeFilter::parse("next meeting", today).unwrap();
        assert_eq!(f.kind, Some(FactKind::Meeting));
    }

    #[test]
    fn nothing_in_the_days_asked_about_says_which_days() {
        let index = crate::testing::shipped_index();
        let today = date(2026, 12, 3);
        let a = answer_on(&index, Scope::Ask, "what is due in 2031", today).unwrap();
        assert!(a.results.is_empty(), "{:?}", a.results);
        assert_eq!(a.time.as_deref(), Some("1 January – 31 December 2031"));
        let mut out = Vec::new();
        crate::render::text::write_answer(&mut out, &a, crate::render::text::Marks::Plain).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("No milestone matches it in 1 January – 31 December 2031."),
            "{out}"
        );
        let embed = crate::render::embed::answer(&a);
        assert!(
            format!("{embed:?}").contains("No milestone matches it in 1 January"),
            "{embed:?}"
        );
        // Without time words there is no such line.
        let plain = crate::query::answer(&index, Scope::Ask, "zzzz").unwrap();
        assert_eq!(plain.time, None);
    }
}
