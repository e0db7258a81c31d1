//! A meeting's fields read from its sentence: the date (one policy, [`date_in`]) and the theme.

use super::text::{bare, find_dates, sentences, Found};
use crate::dates::{fmt_day, DateRange, Precision};
use jiff::civil::{Date, Weekday};

/// Words saying a sentence is about a meeting still to come, which may then be dated by "for"
/// and by its year alone ("to be held … in 2026", "scheduled for 3 November 2026").
const FUTURE_WORDS: &[&str] = &[
    "to be held",
    "will be held",
    "will take place",
    "is scheduled",
    "scheduled for",
    "slated for",
    "planned for",
    "set for",
    "will host",
    "will chair",
    "will be hosted",
];

/// Which date of a sentence is a meeting's: the word it follows and how precise it must be.
pub(super) struct DatePolicy {
    /// Words the date follows ("on 3 May", "in May", "from 3 to 5 May").
    leads: &'static [&'static str],
    /// Whether a month is precise enough; a day always is.
    months: bool,
    /// Whether, in a sentence about the future ([`FUTURE_WORDS`]), "for" leads a date and a year
    /// alone is precise enough.
    planned: bool,
}

/// The date of a meeting its sentence names.
pub(super) const MEETING_DATE: DatePolicy = DatePolicy {
    leads: &["on", "in", "from", "between"],
    months: true,
    planned: true,
};

/// The date that makes a series named without a number one meeting of it.
pub(super) const OCCURRENCE_DATE: DatePolicy = DatePolicy {
    leads: &["on", "in", "from"],
    months: true,
    planned: false,
};

/// The day of a meeting between two sides.
pub(super) const BILATERAL_DATE: DatePolicy = DatePolicy {
    leads: &["on"],
    months: false,
    planned: false,
};

/// Weekdays, as a date's lead word ("on Tuesday (May 5)") or a date of their own ("on Thursday").
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// The statement's own day.
const TODAY: &str = "today";

/// Words saying a sentence speaks of what is still to come, for a weekday after the statement's day.
const WILL: &[&str] = &[" will ", " to be held", " is scheduled", " is set to "];

/// What a date in a meeting's sentence is read against: the statement's year and day.
#[derive(Debug, Clone, Copy)]
pub(super) struct Clock {
    pub(super) year: Option<i16>,
    /// The day the statement was published, when it gives a day.
    pub(super) published: Option<Date>,
}

/// The first date of `sentence` that `policy` takes as a meeting's; without one, a day said
/// against the statement's own ("today", "on Wednesday").
pub(super) fn date_in(sentence: &str, clock: Clock, policy: &DatePolicy) -> Option<Found> {
    let lower = sentence.to_ascii_lowercase();
    let future = policy.planned && FUTURE_WORDS.iter().any(|w| lower.contains(w));
    // A year after the statement's own is a meeting still to come, however the sentence says it.
    let later_year =
        |d: &Found| policy.planned && clock.year.is_some_and(|y| d.when.start.year() > y);
    // "on Tuesday (May 5)": the weekday leads the date as "on" would.
    let lead = |d: &Found| {
        if WEEKDAYS.iter().any(|(w, _)| d.lead == *w) {
            "on".to_string()
        } else {
            d.lead.clone()
        }
    };
    find_dates(sentence, clock.year, false)
        .into_iter()
        .find(|d| {
            let lead = lead(d);
            (policy.leads.contains(&lead.as_str()) || (future && lead == "for"))
                && (d.when.precision == Precision::Day
                    || (policy.months && d.when.precision == Precision::Month)
                    || ((future || later_year(d)) && d.when.precision == Precision::Year))
        })
        .or_else(|| relative_day(sentence, &lower, clock.published?))
}

/// "today", "on Wednesday": the day meant, against the statement's day (a weekday is the
/// last such day up to it, or the next after it in a sentence about what will be).
fn relative_day(sentence: &str, lower: &str, published: Date) -> Option<Found> {
    let words: Vec<(usize, &str)> = lower
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - lower.as_ptr() as usize, w))
        .collect();
    let (at, word, day) = words.iter().enumerate().find_map(|(k, &(at, w))| {
        let b = bare(w);
        // "today", not "today's".
        if w.trim_end_matches([',', '.', ';']) == TODAY {
            return Some((at, b, published));
        }
        let (_, weekday) = WEEKDAYS.iter().find(|(name, _)| *name == b)?;
        if k == 0 || bare(words[k - 1].1) != "on" {
            return None;
        }
        let will = WILL.iter().any(|v| lower.contains(v));
        let day = if will {
            published.nth_weekday(1, *weekday).ok()?
        } else if published.weekday() == *weekday {
            published
        } else {
            published.nth_weekday(-1, *weekday).ok()?
        };
        Some((at, b, day))
    })?;
    let text = fmt_day(day);
    Some(Found {
        range: at..at + word.len(),
        text: text.clone(),
        when: DateRange {
            as_written: sentence[at..at + word.len()].to_string(),
            start: day,
            end: day,
            precision: Precision::Day,
            deadline: false,
        },
        lead: "on".to_string(),
    })
}

/// Words that introduce a meeting's theme.
const THEME_LEADS: &[&str] = &["theme", "motto", "focused on", "under the banner"];
/// Bytes from a theme's lead word to its opening quote, at most.
const THEME_SPAN: usize = 30;
/// The same, when a colon stands right before the quote.
const THEME_COLON_SPAN: usize = 160;
/// Words that introduce a theme written without quotes, up to the sentence's end.
const UNQUOTED_THEME_LEADS: &[&str] = &["on the topic of ", "under the theme of ", "themed "];

/// A meeting's theme: a quoted title after "theme" or "focused on" (`With the theme “ASEAN:
/// Together for …”`), or a capitalised title after "on the topic of" (`exchanged views on the
/// topic of Synergy at Sea: …`).
pub(super) fn theme(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for lead in THEME_LEADS {
        let Some(at) = lower.find(lead) else { continue };
        let rest = &text[at..];
        let Some(open) = rest.find(['“', '"']) else {
            continue;
        };
        // "the theme of the 18th meeting, held on …: “…”": a colon leads the quote from further.
        let colon_led = open <= THEME_COLON_SPAN && rest[..open].trim_end().ends_with(':');
        if open > THEME_SPAN && !colon_led {
            continue;
        }
        let inner = &rest[open + rest[open..].chars().next()?.len_utf8()..];
        let close = inner.find(['”', '"'])?;
        let theme = inner[..close].trim().trim_end_matches([',', '.']);
        if !theme.is_empty() {
            return Some(theme.to_string());
        }
    }
    let at = UNQUOTED_THEME_LEADS
        .iter()
        .find_map(|lead| lower.find(lead).map(|i| i + lead.len()))?;
    let rest = &text[at..];
    let end = sentences(rest).first().map_or(rest.len(), |(r, _)| r.end);
    let theme = rest[..end].trim().trim_end_matches(['.', ',']);
    (theme.starts_with(|c: char| c.is_uppercase()) && theme.split_whitespace().count() <= 15)
        .then(|| theme.to_string())
}
