//! A meeting's fields read from its sentence: the date (one policy, [`date_in`]) and the theme.

use super::text::{bare, find_dates, sentences, Found};
use crate::dates::{fmt_day, DateRange, Precision, MONTH_NAMES};
use jiff::civil::{Date, Weekday};

/// Words saying a sentence is about a meeting still to come, which may then be dated by "for"
/// and by its year alone ("to be held … in 2026", "scheduled for 3 November 2026").
const FUTURE_WORDS: &[&str] = &[
    "to be held",
    "will be held",
    "will take place",
    "is scheduled",
    "are scheduled",
    "scheduled to",
    "scheduled for",
    "is expected to",
    "are expected to",
    "upcoming",
    "slated for",
    "planned for",
    "set for",
    "will host",
    "will chair",
    "will be hosted",
    "to take place",
    "to be organised",
    "to be organized",
    "to be convened",
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
    planned: true,
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

/// Whether `word` (lowercase) names a weekday.
pub(super) fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|(w, _)| *w == word)
}

/// The statement's own day.
const TODAY: &str = "today";
/// The day before the statement's.
const YESTERDAY: &str = "yesterday";
/// The day after the statement's.
const TOMORROW: &str = "tomorrow";
/// Parts of the statement's own day after "this": "this morning, he attended the ADMM-Plus".
const PARTS_OF_TODAY: &[&str] = &["morning", "afternoon", "evening"];
/// The word before a [`PARTS_OF_TODAY`] word.
const THIS: &str = "this";
/// The statement's own evening.
const TONIGHT: &str = "tonight";

/// Whether word `k` of `words` (lowercase) names the statement's own day: "today", "tonight",
/// "this morning".
fn names_today(words: &[&str], k: usize) -> bool {
    let w = words[k].trim_end_matches([',', '.', ';']);
    w == TODAY || w == TONIGHT || PARTS_OF_TODAY.contains(&w) && k > 0 && bare(words[k - 1]) == THIS
}

/// Words right before a weekday that make it the day of what they tell: "on Sunday", and in
/// news style with no "on", "met Sunday", "held a meeting Sunday".
const WEEKDAY_LEADS: &[&str] = &[
    "on",
    "met",
    "meeting",
    "convened",
    "gathered",
    "opened",
    "began",
    "concluded",
    "ended",
    // what the members decided that day: "ministers agreed Thursday to …"
    "agreed",
    "adopted",
    "signed",
    "endorsed",
    "approved",
    "pledged",
];

/// Whether `words` name a day by a weekday after one of [`WEEKDAY_LEADS`] ("on Wednesday") or
/// by the statement's own day ("today", "yesterday").
pub(super) fn names_a_day(words: &str) -> bool {
    let lower = words.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.iter().enumerate().any(|(k, w)| {
        let b = bare(w);
        [YESTERDAY, TOMORROW].contains(&b)
            || names_today(&words, k)
            || is_weekday(b) && k > 0 && WEEKDAY_LEADS.contains(&bare(words[k - 1]))
    })
}

/// Whether `words` open on a day, in at most two words: "Thursday", "on Friday", "today",
/// "yesterday" (a news lede's "ministers agreed Thursday to …").
pub(super) fn opens_with_a_day(words: &str) -> bool {
    let lower = words.to_ascii_lowercase();
    let mut it = lower.split_whitespace().map(bare);
    let first = it.next().unwrap_or_default();
    let day = |w: &str| is_weekday(w) || [TODAY, YESTERDAY].contains(&w);
    day(first) || first == "on" && it.next().is_some_and(day)
}

/// Where a clause about something else starts, after a weekday: "met Sunday at the review,
/// which will open Monday".
const CLAUSE_BREAKS: &[&str] = &[" which ", " where ", ";"];

/// Words saying a sentence speaks of what is still to come, for a weekday after the statement's day.
const WILL: &[&str] = &[" will ", " to be held", " is scheduled", " is set to "];

/// What a date in a meeting's sentence is read against: the statement's year and day.
#[derive(Debug, Clone, Copy)]
pub(super) struct Clock {
    pub(super) year: Option<i16>,
    /// The day the statement was published, when it gives a day.
    pub(super) published: Option<Date>,
}

/// The lead of a place a date may follow as if it led the date itself.
const IN: &str = "in";

/// Whether the date at byte `start` follows "in <Place>, " ("… in Jakarta, Indonesia, November
/// 16, 2023", "… in Singapore October 19, 2018"), as a photo caption dates a meeting.
fn follows_a_place(sentence: &str, start: usize) -> bool {
    // "… in Singapore October 19, 2018": a caption may leave the comma out before a month.
    let month_next = MONTH_NAMES.iter().any(|m| sentence[start..].starts_with(m));
    let Some(before) = sentence[..start]
        .strip_suffix(", ")
        .or_else(|| sentence[..start].strip_suffix(' ').filter(|_| month_next))
    else {
        return false;
    };
    for (capitalised, w) in before.split(' ').rev().enumerate() {
        let w = w.trim_end_matches(',');
        if w == IN {
            return capitalised > 0;
        }
        if !w.starts_with(|c: char| c.is_uppercase()) || capitalised == MAX_PLACE_WORDS {
            return false;
        }
    }
    false
}

/// Words of a place before a date ([`follows_a_place`]), at most.
const MAX_PLACE_WORDS: usize = 5;

/// The first date of `sentence` that `policy` takes as a meeting's; without one, a day said
/// against the statement's own ("today", "on Wednesday").
pub(super) fn date_in(sentence: &str, clock: Clock, policy: &DatePolicy) -> Option<Found> {
    date_near(sentence, 0, clock, policy)
}

/// [`date_in`], the first date at or after byte `at` (where the meeting is named) preferred
/// ("the retreat met in the winter; in March its working group sat": March is the working
/// group's).
pub(super) fn date_near(
    sentence: &str,
    at: usize,
    clock: Clock,
    policy: &DatePolicy,
) -> Option<Found> {
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
    // "HANOI, Friday, 11 December (VNA) — On 9 and 10 December, …": the dateline's day is the
    // report's, not the meeting's (a dateline alone dates it later, `dateline_date`).
    let dateline_end = super::text::dateline_head(sentence).map_or(0, str::len);
    // "If the ministers approve it in October, an ADMM-Plus meeting will be held next year": a
    // day in the condition before the meeting's clause is the condition's.
    let condition_end = CONDITION_OPENERS
        .iter()
        .any(|o| lower.starts_with(o))
        .then(|| lower.find(", "))
        .flatten()
        .filter(|&comma| comma < at)
        .unwrap_or(0);
    let taken: Vec<Found> = find_dates(sentence, clock.year, false)
        .into_iter()
        .filter(|d| d.range.start >= dateline_end.max(condition_end))
        .filter(|d| {
            let lead = lead(d);
            let after_place =
                policy.leads.contains(&IN) && follows_a_place(sentence, d.range.start);
            (policy.leads.contains(&lead.as_str()) || (future && lead == "for") || after_place)
                && (d.when.precision == Precision::Day
                    || (policy.months && d.when.precision == Precision::Month)
                    || ((future || later_year(d)) && d.when.precision == Precision::Year))
        })
        .collect();
    let after = taken.iter().position(|d| d.range.start >= at).unwrap_or(0);
    taken
        .into_iter()
        .nth(after)
        .map(|d| last_year_if_past(d, &lower, clock))
        .or_else(|| {
            policy
                .months
                .then(|| month_alone(sentence, &lower, at, clock))
                .flatten()
                .filter(|d| d.range.start >= condition_end)
        })
        .or_else(|| relative_day(sentence, &lower, clock.published?))
        .or_else(|| {
            policy
                .months
                .then(|| relative_month(sentence, &lower, clock.published?))
                .flatten()
        })
        .or_else(|| {
            policy
                .planned
                .then(|| relative_year(sentence, &lower, clock.year?))
                .flatten()
        })
}

/// Words opening a sentence with a condition, whose dates are not the meeting's named after it.
const CONDITION_OPENERS: &[&str] = &["if ", "unless ", "should "];

/// Words for a year said against the statement's, and how many years from it they point to.
const RELATIVE_YEARS: &[(&str, i16)] = &[("next year", 1), ("last year", -1)];

/// Possessives that make a [`RELATIVE_YEARS`] phrase another thing's ("next year's exercise").
const YEAR_POSSESSIVE_ENDS: &[&str] = &["'s", "’s"];

/// "will host the 20th AMIM next year": the year meant, against the statement's.
fn relative_year(sentence: &str, lower: &str, year: i16) -> Option<Found> {
    let (at, phrase, shift) = RELATIVE_YEARS.iter().find_map(|(p, shift)| {
        lower
            .match_indices(p)
            .find(|(at, _)| {
                !YEAR_POSSESSIVE_ENDS
                    .iter()
                    .any(|e| lower[at + p.len()..].starts_with(e))
            })
            .map(|(at, _)| (at, *p, *shift))
    })?;
    let text = (year + shift).to_string();
    let when = crate::dates::parse_when(&text, None).ok()?;
    Some(Found {
        range: at..at + phrase.len(),
        text,
        when: DateRange {
            as_written: sentence[at..at + phrase.len()].to_string(),
            ..when
        },
        lead: "in".into(),
    })
}

/// Words for a month said against the statement's day, and how many days from it they point
/// to ("last week": seven days before, in the month that day falls in).
const RELATIVE_MONTHS: &[(&str, RelativeMonth)] = &[
    ("last week", RelativeMonth::Days(-7)),
    ("last month", RelativeMonth::Months(-1)),
    ("earlier this month", RelativeMonth::Months(0)),
    ("earlier this week", RelativeMonth::Days(0)),
    ("next month", RelativeMonth::Months(1)),
];

/// How far a [`RELATIVE_MONTHS`] phrase points from the statement's day.
#[derive(Debug, Clone, Copy)]
enum RelativeMonth {
    Days(i32),
    Months(i32),
}

/// "last week", "last month", "earlier this month": the month meant, against the statement's
/// day, as a month of its year ("October 2018").
fn relative_month(sentence: &str, lower: &str, published: Date) -> Option<Found> {
    let (at, phrase, shift) = RELATIVE_MONTHS
        .iter()
        .filter_map(|(p, shift)| lower.find(p).map(|at| (at, *p, *shift)))
        .min_by_key(|(at, _, _)| *at)?;
    let day = match shift {
        RelativeMonth::Days(d) => published.checked_add(jiff::Span::new().days(d)).ok()?,
        RelativeMonth::Months(m) => published
            .first_of_month()
            .checked_add(jiff::Span::new().months(m))
            .ok()?,
    };
    let month = MONTH_NAMES[usize::try_from(day.month() - 1).ok()?];
    let text = format!("{month} {}", day.year());
    let when = crate::dates::parse_when(&text, None).ok()?;
    let written = &sentence[at..at + phrase.len()];
    Some(Found {
        range: at..at + phrase.len(),
        text,
        when: DateRange {
            as_written: written.to_string(),
            ..when
        },
        lead: "in".into(),
    })
}

/// A date written without its year that would fall after the statement's day, in a sentence
/// that speaks of no future and writes no year of the statement's, is last year's ("On 9
/// December, …" in a report of late January).
fn last_year_if_past(d: Found, lower: &str, clock: Clock) -> Found {
    let written_year = d
        .text
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4);
    let (Some(published), Some(year)) = (clock.published, clock.year) else {
        return d;
    };
    let future = FUTURE_WORDS.iter().chain(WILL).any(|w| lower.contains(w));
    // "The Harbour Exercise 2026 ran from Sep 19 to Sep 23": the sentence writes this year.
    let this_year = lower.contains(&year.to_string());
    if written_year
        || future
        || this_year
        || d.when.start <= published
        || d.when.start.year() != year
    {
        return d;
    }
    match crate::dates::parse_when(&d.text, Some(year - 1)) {
        Ok(when) => Found { when, ..d },
        Err(_) => d,
    }
}

/// Words before a month written alone ("in February", "last November", "next March").
const MONTH_LEADS: &[&str] = &["in", "last", "next", "this"];

/// Words before a month written alone in a sentence about what will be ("slated for April").
const FUTURE_MONTH_LEADS: &[&str] = &["for"];

/// A month written without a day or a year ("met in Hue in March", "the retreat last
/// autumn, in October"): the month of the statement's year, or the one before or after the statement's
/// month when "last" or "next" (or a sentence about what will be) says so.
fn month_alone(sentence: &str, lower: &str, at: usize, clock: Clock) -> Option<Found> {
    let year = clock.year?;
    let words: Vec<(usize, &str)> = super::text::word_offsets(lower, lower).collect();
    let found: Vec<Found> = words
        .windows(2)
        .filter_map(|pair| {
            let [(_, lead), (at, word)] = pair else {
                return None;
            };
            let lead = bare(lead);
            let name = bare(word);
            let month = MONTH_NAMES
                .iter()
                .position(|m| m.eq_ignore_ascii_case(name))?;
            // "in May 2026", "in May 5" are dates the reader finds; a month alone ends its phrase.
            let next = lower[at + word.len()..]
                .split_whitespace()
                .next()
                .unwrap_or("");
            // "scheduled for November": "for" leads a month still to come.
            let lead_ok = MONTH_LEADS.contains(&lead)
                || FUTURE_MONTH_LEADS.contains(&lead)
                    && FUTURE_WORDS.iter().any(|w| lower.contains(w));
            if !lead_ok || next.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            let month = i8::try_from(month + 1).ok()?;
            let now = clock.published.map(|d| d.month());
            let will = WILL.iter().chain(FUTURE_WORDS).any(|v| lower.contains(v)) || lead == "next";
            let year = match now {
                Some(now) if lead == "last" && month >= now => year - 1,
                Some(now) if will && month < now => year + 1,
                _ => year,
            };
            let written = &sentence[*at..*at + word.len()];
            let written = written.trim_end_matches(|c: char| !c.is_alphabetic());
            let when = crate::dates::parse_when(
                &format!("{} {year}", MONTH_NAMES[usize::try_from(month - 1).ok()?]),
                None,
            )
            .ok()?;
            Some(Found {
                range: *at..*at + written.len(),
                text: written.to_string(),
                when: DateRange {
                    as_written: written.to_string(),
                    ..when
                },
                lead: if lead == "in" {
                    "in".into()
                } else {
                    "on".into()
                },
            })
        })
        .collect();
    let after = found.iter().position(|d| d.range.start >= at).unwrap_or(0);
    found.into_iter().nth(after)
}

/// "today", "on Wednesday": the day meant, against the statement's day (a weekday is the
/// last such day up to it, or the next after it in a sentence about what will be).
fn relative_day(sentence: &str, lower: &str, published: Date) -> Option<Found> {
    let words: Vec<(usize, &str)> = super::text::word_offsets(lower, lower).collect();
    let plain: Vec<&str> = words.iter().map(|&(_, w)| w).collect();
    let (at, word, day) = words.iter().enumerate().find_map(|(k, &(at, w))| {
        let b = bare(w);
        // "today", not "today's"; "this morning".
        if names_today(&plain, k) {
            return Some((at, b, published));
        }
        if w.trim_end_matches([',', '.', ';']) == YESTERDAY {
            return Some((at, b, published.yesterday().ok()?));
        }
        if w.trim_end_matches([',', '.', ';']) == TOMORROW {
            return Some((at, b, published.tomorrow().ok()?));
        }
        let (_, weekday) = WEEKDAYS.iter().find(|(name, _)| *name == b)?;
        if k == 0 || !WEEKDAY_LEADS.contains(&bare(words[k - 1].1)) {
            return None;
        }
        // "… will meet on Monday", "On Monday, ministers will meet"; not "met Sunday at the
        // review, which will open Monday": the tense of the weekday's own clause.
        let after = &lower[at..];
        let clause_after = CLAUSE_BREAKS
            .iter()
            .filter_map(|b| after.find(b))
            .min()
            .map_or(after, |end| &after[..end]);
        let will = WILL
            .iter()
            .any(|v| lower[..at].contains(v) || clause_after.contains(v));
        let day = if will {
            published.nth_weekday(1, *weekday).ok()?
        } else if published.weekday() == *weekday {
            published
        } else {
            published.nth_weekday(-1, *weekday).ok()?
        };
        Some((at, b, day))
    })?;
    // "leaves for Jakarta on Wednesday to attend the meeting set to open the next day": the day
    // after the weekday.
    let day = match NEXT_DAY.iter().any(|p| lower[at..].contains(p)) {
        true => day.tomorrow().ok()?,
        false => day,
    };
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

/// Words after a weekday that point to the day after it.
const NEXT_DAY: &[&str] = &["the next day", "the following day", "a day later"];

/// Words that introduce a meeting's theme.
const THEME_LEADS: &[&str] = &["theme", "motto", "focused on", "under the banner"];
/// Bytes from a theme's lead word to its opening quote, at most.
const THEME_SPAN: usize = 40;
/// The same, when a colon stands right before the quote.
const THEME_COLON_SPAN: usize = 160;
/// Words that introduce a theme written without quotes, up to the sentence's end.
const UNQUOTED_THEME_LEADS: &[&str] = &[
    "on the topic of ",
    "under the theme of ",
    "under the theme ",
    "with the theme of ",
    "with the theme ",
    "bearing the theme ",
    "carrying the theme ",
    "themed ",
];
/// Quotes a theme is written in, opening and closing; a straight single quote opens only
/// before a capital and closes only before a word's end.
const THEME_QUOTES: &[(char, char)] = &[('“', '”'), ('"', '"'), ('‘', '’'), ('\'', '\'')];
/// Words after a theme's lead that set the theme off by commas: "This year's theme,
/// Inclusivity and Sustainability, reflects …".
const THEME_APPOSITION: &str = "theme, ";
/// Words between a quoted theme and its lead after it: "“…” was the theme of the meeting".
const THEME_AFTER_QUOTE: &[&str] = &[
    " was the theme",
    " is the theme",
    " was the meeting's theme",
];

/// The first quoted text in `rest` (its opening quote within `span` bytes, or further when a
/// colon leads it): the quote's text.
fn quoted(rest: &str, span: usize) -> Option<&str> {
    let (open, o, c) = rest
        .char_indices()
        .take_while(|(i, _)| *i <= THEME_COLON_SPAN)
        .find_map(|(i, ch)| {
            let (o, c) = THEME_QUOTES.iter().find(|(o, _)| *o == ch)?;
            let opens = *o != '\''
                || rest[i + 1..].starts_with(char::is_uppercase)
                    && !rest[..i].ends_with(char::is_alphanumeric);
            opens.then_some((i, *o, *c))
        })?;
    let colon_led = rest[..open].trim_end().ends_with(':');
    if open > span && !colon_led {
        return None;
    }
    let inner = &rest[open + o.len_utf8()..];
    let close = inner.char_indices().find_map(|(i, ch)| {
        let ends = ch == c && (c != '\'' || !inner[i + 1..].starts_with(char::is_alphanumeric));
        ends.then_some(i)
    })?;
    let theme = inner[..close].trim().trim_end_matches([',', '.']);
    (!theme.is_empty()).then_some(theme)
}

/// A meeting's theme: a quoted title after "theme" or "focused on" (`With the theme “ASEAN:
/// Together for …”`) or before "was the theme", or a capitalised title after "on the topic
/// of", "with the theme of" or "theme," (`exchanged views on the topic of Synergy at Sea: …`).
pub(super) fn theme(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for lead in THEME_LEADS {
        let Some(at) = lower.find(lead) else { continue };
        if let Some(theme) = quoted(&text[at..], THEME_SPAN) {
            return Some(theme.to_string());
        }
    }
    // "‘Inclusivity and Sustainability’ was the theme of the meeting".
    if let Some(at) = THEME_AFTER_QUOTE.iter().find_map(|l| lower.find(l)) {
        let before = text[..at].trim_end();
        let (c, o) = THEME_QUOTES
            .iter()
            .find(|(_, c)| before.ends_with(*c))
            .map(|(o, c)| (*c, *o))?;
        let inner = &before[..before.len() - c.len_utf8()];
        let open = inner.rfind(o)?;
        let theme = inner[open + o.len_utf8()..].trim();
        if !theme.is_empty() {
            return Some(theme.to_string());
        }
    }
    // "This year's theme, Inclusivity and Sustainability, reflects …".
    if let Some(at) = lower
        .find(THEME_APPOSITION)
        .map(|i| i + THEME_APPOSITION.len())
    {
        let rest = &text[at..];
        if let Some(end) = rest.find(',') {
            let theme = rest[..end].trim();
            let title = theme.starts_with(char::is_uppercase)
                && theme.split_whitespace().count() <= UNQUOTED_THEME_WORDS;
            if title && quoted(theme, 0).is_none() {
                return Some(theme.to_string());
            }
        }
    }
    let at = UNQUOTED_THEME_LEADS
        .iter()
        .find_map(|lead| lower.find(lead).map(|i| i + lead.len()))?;
    let rest = &text[at..];
    let end = sentences(rest).first().map_or(rest.len(), |(r, _)| r.end);
    let theme = rest[..end].trim().trim_end_matches(['.', ',']);
    (theme.starts_with(|c: char| c.is_uppercase())
        && theme.split_whitespace().count() <= UNQUOTED_THEME_WORDS)
        .then(|| theme.to_string())
}

/// The most words of a theme written without quotes.
const UNQUOTED_THEME_WORDS: usize = 15;
