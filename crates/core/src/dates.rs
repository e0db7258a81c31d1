//! Normalises dates and timelines as written in press statements ("Q3 2024", "by end-2025", "2024 – 2026") into inclusive date ranges with a precision.

use jiff::civil::Date;
use std::fmt;

/// How finely a [`DateRange`] pins down when something happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
    Quarter,
    Half,
    /// A calendar year, or a part of one given loosely ("early 2025", "mid-2025", "late 2025").
    Year,
    /// Several calendar years ("2024 – 2026").
    Years,
}

impl Precision {
    fn rank(self) -> u8 {
        match self {
            Precision::Day => 0,
            Precision::Month => 1,
            Precision::Quarter => 2,
            Precision::Half => 3,
            Precision::Year => 4,
            Precision::Years => 5,
        }
    }

    fn coarser(self, other: Precision) -> Precision {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }
}

/// A date or timeline from a statement, normalised to an inclusive range of days.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DateRange {
    /// The original text, trimmed.
    pub as_written: String,
    /// First day covered (inclusive).
    #[serde(with = "iso_date")]
    pub start: Date,
    /// Last day covered (inclusive).
    #[serde(with = "iso_date")]
    pub end: Date,
    pub precision: Precision,
    /// True for "by end-2025", "by 2025", "no later than March 2025", "before 2026": only `end`
    /// is meaningful as the due date; `start` is the start of the target period.
    pub deadline: bool,
}

/// Why a piece of text could not be read as a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("unrecognised date {text:?}: expected forms like \"2024-09-03\", \"3 September 2024\", \"September 3\", \"September 2024\", \"Q3 2024\", \"H1 2025\", \"2024\", \"2024 – 2026\", \"by end-2025\"")]
    Unrecognised { text: String },
    #[error("date {text:?} has no year and no statement date to take it from")]
    NoYear { text: String },
    #[error("date {text:?} is not a real date")]
    Invalid { text: String },
    #[error("range {text:?} ends before it starts")]
    Backwards { text: String },
}

/// Parses a date or timeline as written in a statement.
///
/// `context_year`: the year of the statement the text comes from, used when the text has none
/// ("September 3").
///
/// Accepted forms (case-insensitive, extra spaces, commas and a trailing period ignored):
///
/// * ISO `2024-09-03` (Day), `2024-09` (Month), `2024` (Year). With an ASCII hyphen and no
///   spaces, `YYYY-NN` is a month when `NN` is 00–12 and a two-year span otherwise, so
///   `2024-12` is December 2024 while `2024-25` is 2024 – 2025.
/// * Days: `3 September 2024`, `September 3, 2024`, `3rd September 2024`, `Sept. 3, 2024`,
///   `the 3rd of September 2024`; without a year (`September 3`, `3 September`) the context
///   year is used.
/// * Months: `September 2024`, `Sept 2024`, `September` (context year).
/// * Quarters: `Q3 2024`, `Q3/2024`, `2024 Q3`, `third quarter of 2024`, `3rd quarter 2024`,
///   `last quarter of 2024`.
/// * Halves: `H1 2025`, `1H 2025`, `first half of 2025`, `second half of 2025`.
/// * Loose parts of a year, all with precision [`Precision::Year`]: `early 2025` /
///   `beginning of 2025` = 1 January – 30 April; `mid-2025` / `middle of 2025` = 1 May –
///   31 August; `late 2025` / `end of 2025` / `end-2025` = 1 September – 31 December. The year
///   may be `year` (`mid-year`, `year-end`), meaning the context year. Applied to anything
///   finer than a year (`end of September 2025`) these words are ignored and the period
///   itself is returned.
/// * Ranges: two of the above joined by `–`, `—`, `-`, `/`, `to`, `until`, `through`
///   (optionally led by `from`), or `between … and …`. A missing year, month or (for
///   `2024/25`) century is taken from the other end; if the start's year was borrowed and
///   that puts it after the end, it is moved back a year (`November – February 2025` starts
///   in November 2024), and likewise forward for a borrowed end year. Precision is the
///   coarser of the two ends, and [`Precision::Years`] when that is a year and the range
///   spans more than one calendar year.
/// * Deadlines (`deadline = true`): `by X`, `by the end of X`, `no later than X`,
///   `not later than X` give the period of `X`. `before X` / `prior to X` give the period
///   of the same length just before `X` (`before 2026` = 2025, `before Q3 2025` = Q2 2025,
///   `before mid-2025` = early 2025, `before 3 September 2025` = 2 September 2025), except
///   `before the end of X`, which is `by X`.
///
/// Anything else is [`DateError::Unrecognised`]; impossible dates, quarters, halves and
/// years outside 0000–9999 (or out of `jiff`'s range) are [`DateError::Invalid`].
pub fn parse_when(text: &str, context_year: Option<i16>) -> Result<DateRange, DateError> {
    let as_written = text.trim();
    let err = |fail: Fail| {
        let text = as_written.to_string();
        match fail {
            Fail::Unrecognised => DateError::Unrecognised { text },
            Fail::NoYear => DateError::NoYear { text },
            Fail::Invalid => DateError::Invalid { text },
            Fail::Backwards => DateError::Backwards { text },
        }
    };
    let toks = tokenize(as_written)
        .ok_or(Fail::Unrecognised)
        .map_err(err)?;
    let parsed = parse_tokens(&toks, context_year).map_err(err)?;
    Ok(DateRange {
        as_written: as_written.to_string(),
        start: parsed.start,
        end: parsed.end,
        precision: parsed.precision,
        deadline: parsed.deadline,
    })
}

impl DateRange {
    /// Whether `d` falls within the range (`start <= d <= end`).
    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }

    /// Whether the range shares at least one day with the inclusive window `from ..= to`.
    /// An empty window (`from > to`) overlaps nothing.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        from <= to && self.start <= to && from <= self.end
    }

    /// Human wording of the normalised range, e.g. "3 September 2024", "September 2024",
    /// "Q3 2024 (1 July – 30 September 2024)", "2024 – 2026 (1 January 2024 – 31 December 2026)".
    /// Deadlines read "by 31 December 2025 (2025)".
    pub fn describe(&self) -> String {
        let (label, span) = describe_span(self.start, self.end, self.precision);
        if self.deadline {
            let due = fmt_day(self.end);
            return match label {
                Some(label) if label != due => format!("by {due} ({label})"),
                _ => format!("by {due}"),
            };
        }
        match label {
            Some(label) if label == span || !needs_span(self.precision, &label) => label,
            Some(label) => format!("{label} ({span})"),
            None => span,
        }
    }
}

/// Whether a label leaves the exact days unclear: "Q3 2024" and "mid 2025" do; "September 2024"
/// and "2024" do not.
fn needs_span(precision: Precision, label: &str) -> bool {
    match precision {
        Precision::Day | Precision::Month => false,
        Precision::Year => !label.bytes().all(|b| b.is_ascii_digit() || b == b'-'),
        Precision::Quarter | Precision::Half | Precision::Years => true,
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_written)
    }
}

/// `jiff` is built without its `serde` feature, so dates are (de)serialised as ISO strings here.
mod iso_date {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

// ---------------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fail {
    Unrecognised,
    NoYear,
    Invalid,
    Backwards,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    /// A run of digits; `val` is `None` when it overflows.
    Num {
        val: Option<u64>,
        len: usize,
    },
    /// "3rd", "21st".
    Ord(Option<u64>),
    /// "2024-09-03" / "2024-09".
    Iso {
        year: u64,
        month: u64,
        day: Option<u64>,
    },
    /// "q3".
    Q(Option<u64>),
    /// "h1", "1h".
    H(Option<u64>),
    Month(u64),
    Word(String),
    Dash,
    Slash,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_number(word: &str) -> Option<u64> {
    let n = match word {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    };
    Some(n)
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

fn parse_digits(digits: &str) -> Option<u64> {
    digits.bytes().try_fold(0u64, |acc, b| {
        acc.checked_mul(10)?.checked_add(u64::from(b - b'0'))
    })
}

/// Splits the text into tokens; `None` when it holds a character no date form uses.
fn tokenize(text: &str) -> Option<Vec<Tok>> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c == ',' || c == '.' {
            i += 1;
        } else if is_dash(c) {
            toks.push(Tok::Dash);
            i += 1;
        } else if c == '/' {
            toks.push(Tok::Slash);
            i += 1;
        } else if c.is_ascii_alphanumeric() {
            let begin = i;
            while i < chars.len() && chars[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let word: String = chars[begin..i]
                .iter()
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
                if let Some((tok, next)) = iso_tail(&chars, i, &word) {
                    toks.push(tok);
                    i = next;
                    continue;
                }
            }
            toks.push(classify(&word));
        } else {
            return None;
        }
    }
    Some(toks)
}

/// Exactly two ASCII digits at `i`, not followed by another letter or digit.
fn two_digits_at(chars: &[char], i: usize) -> Option<u64> {
    let a = chars.get(i)?.to_digit(10)?;
    let b = chars.get(i + 1)?.to_digit(10)?;
    if chars.get(i + 2).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(u64::from(a * 10 + b))
}

/// After a four-digit year ending at `i`: "-MM-DD" (any MM, checked later) or "-MM" (MM ≤ 12).
fn iso_tail(chars: &[char], i: usize, year: &str) -> Option<(Tok, usize)> {
    if chars.get(i) != Some(&'-') {
        return None;
    }
    let year = parse_digits(year)?;
    let month = two_digits_at(chars, i + 1)?;
    if chars.get(i + 3) == Some(&'-') {
        if let Some(day) = two_digits_at(chars, i + 4) {
            let tok = Tok::Iso {
                year,
                month,
                day: Some(day),
            };
            return Some((tok, i + 6));
        }
    }
    (month <= 12).then_some((
        Tok::Iso {
            year,
            month,
            day: None,
        },
        i + 3,
    ))
}

fn classify(word: &str) -> Tok {
    let digits_end = word
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(word.len());
    let (digits, rest) = word.split_at(digits_end);
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits.is_empty() {
        let val = parse_digits(digits);
        return match rest {
            "" => Tok::Num {
                val,
                len: digits.len(),
            },
            "st" | "nd" | "rd" | "th" => Tok::Ord(val),
            "h" => Tok::H(val),
            _ => Tok::Word(word.to_string()),
        };
    }
    if let Some(n) = word.strip_prefix('q').filter(|n| all_digits(n)) {
        return Tok::Q(parse_digits(n));
    }
    if let Some(n) = word.strip_prefix('h').filter(|n| all_digits(n)) {
        return Tok::H(parse_digits(n));
    }
    match month_number(word) {
        Some(m) => Tok::Month(m),
        None => Tok::Word(word.to_string()),
    }
}

fn is_word(tok: &Tok, words: &[&str]) -> bool {
    matches!(tok, Tok::Word(w) if words.contains(&w.as_str()))
}

/// Words that carry no meaning of their own ("the end of 2025", "in the second half of 2025").
const FILLERS: &[&str] = &["the", "of", "in", "on", "this", "during"];
/// Words that qualify a year ("early 2025", "mid-2025", "end of 2025").
const MODIFIERS: &[&str] = &[
    "early",
    "beginning",
    "start",
    "mid",
    "middle",
    "late",
    "end",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Plain,
    By,
    Before,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Month,
    Quarter,
    Half,
    /// A third of a year: early (Jan–Apr), mid (May–Aug), late (Sep–Dec).
    Third,
    Year,
}

impl Unit {
    fn precision(self) -> Precision {
        match self {
            Unit::Day => Precision::Day,
            Unit::Month => Precision::Month,
            Unit::Quarter => Precision::Quarter,
            Unit::Half => Precision::Half,
            Unit::Third | Unit::Year => Precision::Year,
        }
    }
}

/// One end of a date, possibly missing its year (or, for bare day numbers, its month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Year,
    Month(u64),
    Day {
        month: Option<u64>,
        day: u64,
    },
    /// A lone day number ("3" in "3 – 5 September"), or a two-digit year suffix ("25" in "2024/25").
    Bare {
        n: u64,
        two_digit: bool,
    },
    Quarter(u64),
    Half(u64),
    Third(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Partial {
    year: Option<i64>,
    kind: Kind,
}

/// A resolved period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Atom {
    unit: Unit,
    start: Date,
    end: Date,
}

struct Parsed {
    start: Date,
    end: Date,
    precision: Precision,
    deadline: bool,
}

fn parse_tokens(toks: &[Tok], ctx: Option<i16>) -> Result<Parsed, Fail> {
    let (mode, rest) = strip_deadline(toks);
    let (between, needs_range, rest) = match rest.first() {
        Some(t) if is_word(t, &["between"]) => (true, true, &rest[1..]),
        Some(t) if is_word(t, &["from"]) => (false, true, &rest[1..]),
        _ => (false, false, rest),
    };
    let seps: Vec<usize> = (0..rest.len())
        .filter(|&i| is_separator(rest, i, between))
        .collect();
    let deadline = mode != Mode::Plain;
    let (first, start, end, precision, end_modifier) = match seps.as_slice() {
        [] if !needs_range => {
            let (p, end_modifier) = parse_atom(rest, deadline, false)?;
            let atom = resolve(&p, p.year.or(ctx.map(i64::from)))?;
            (
                atom,
                atom.start,
                atom.end,
                atom.unit.precision(),
                end_modifier,
            )
        }
        &[sep] => {
            let (a, end_modifier) = parse_atom(&rest[..sep], deadline, true)?;
            let (b, _) = parse_atom(&rest[sep + 1..], deadline, true)?;
            let (first, last) = combine(a, b, ctx)?;
            let mut precision = first.unit.precision().coarser(last.unit.precision());
            if precision == Precision::Year && first.start.year() != last.end.year() {
                precision = Precision::Years;
            }
            (first, first.start, last.end, precision, end_modifier)
        }
        _ => return Err(Fail::Unrecognised),
    };
    if mode == Mode::Before && !end_modifier {
        let previous = period_of(
            first.unit,
            first.start.yesterday().map_err(|_| Fail::Invalid)?,
        )?;
        return Ok(Parsed {
            start: previous.start,
            end: previous.end,
            precision: first.unit.precision(),
            deadline: true,
        });
    }
    Ok(Parsed {
        start,
        end,
        precision,
        deadline,
    })
}

fn strip_deadline(toks: &[Tok]) -> (Mode, &[Tok]) {
    let starts = |words: &[&str]| {
        toks.len() >= words.len() && toks.iter().zip(words).all(|(t, w)| is_word(t, &[w]))
    };
    if starts(&["by"]) {
        (Mode::By, &toks[1..])
    } else if starts(&["no", "later", "than"]) || starts(&["not", "later", "than"]) {
        (Mode::By, &toks[3..])
    } else if starts(&["before"]) {
        (Mode::Before, &toks[1..])
    } else if starts(&["prior", "to"]) {
        (Mode::Before, &toks[2..])
    } else {
        (Mode::Plain, toks)
    }
}

fn is_separator(toks: &[Tok], i: usize, between: bool) -> bool {
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    match &toks[i] {
        Tok::Dash => {
            // "mid-2025", "end-2025" and "year-end" join words rather than separate dates
            // ("early – mid 2025" does separate them).
            let after_modifier = prev.is_some_and(|t| is_word(t, MODIFIERS))
                && !toks.get(i + 1).is_some_and(|t| is_word(t, MODIFIERS));
            let year_end = prev.is_some_and(|t| is_word(t, &["year"]))
                && toks.get(i + 1).is_some_and(|t| is_word(t, &["end"]));
            !after_modifier && !year_end
        }
        Tok::Slash => !matches!(prev, Some(Tok::Q(_) | Tok::H(_))),
        Tok::Word(w) => {
            matches!(w.as_str(), "to" | "until" | "till" | "through" | "thru")
                || (between && w == "and")
        }
        _ => false,
    }
}

/// Parses a date or one end of a range. The flag reports an "end (of)" modifier that was passed
/// through. `in_range`: a bare modifier ("early" in "early – mid 2025") may borrow its year.
fn parse_atom(toks: &[Tok], deadline: bool, in_range: bool) -> Result<(Partial, bool), Fail> {
    let toks: Vec<&Tok> = toks
        .iter()
        .filter(|t| !matches!(t, Tok::Slash) && !is_word(t, FILLERS))
        .collect();
    let mut may_be_empty = in_range;
    let (third, is_end, body) = match toks.as_slice() {
        [y, rest @ ..]
            if is_word(y, &["year"]) && rest.first().is_some_and(|t| **t == Tok::Dash) =>
        {
            match &rest[1..] {
                [e, body @ ..] if is_word(e, &["end"]) => {
                    may_be_empty = true;
                    (Some(2), true, body)
                }
                _ => return Err(Fail::Unrecognised),
            }
        }
        [y, e, body @ ..] if is_word(y, &["year"]) && is_word(e, &["end"]) => {
            may_be_empty = true;
            (Some(2), true, body)
        }
        [Tok::Word(m), rest @ ..] if MODIFIERS.contains(&m.as_str()) => {
            let third = match m.as_str() {
                "early" | "beginning" | "start" => 0,
                "mid" | "middle" => 1,
                _ => 2,
            };
            let body = match rest {
                [Tok::Dash, body @ ..] => body,
                body => body,
            };
            (Some(third), m == "end", body)
        }
        body => (None, false, body),
    };
    let Some(third) = third else {
        return Ok((parse_plain(body)?, false));
    };
    // "year-end" with nothing after it means the statement's own year.
    let p = if body.is_empty() && may_be_empty {
        Partial {
            year: None,
            kind: Kind::Year,
        }
    } else {
        parse_plain(body)?
    };
    match p.kind {
        Kind::Year if is_end && deadline => Ok((p, true)),
        Kind::Year => Ok((
            Partial {
                year: p.year,
                kind: Kind::Third(third),
            },
            false,
        )),
        Kind::Bare { .. } => Err(Fail::Unrecognised),
        _ => Ok((p, is_end)),
    }
}

/// `Some(Ok(Some(y)))` for a year, `Some(Ok(None))` for the word "year" (the statement's year),
/// `Some(Err(Invalid))` for numbers too long to be a year we can represent.
fn year_of(tok: &Tok) -> Option<Result<Option<i64>, Fail>> {
    match tok {
        Tok::Num { val, len: 4 } => Some(val.map(|v| Some(v as i64)).ok_or(Fail::Invalid)),
        Tok::Num { len, .. } if *len >= 5 => Some(Err(Fail::Invalid)),
        Tok::Word(w) if w == "year" => Some(Ok(None)),
        _ => None,
    }
}

fn day_of(tok: &Tok) -> Option<Result<u64, Fail>> {
    match tok {
        Tok::Num {
            val: Some(v),
            len: 1 | 2,
        } => Some(Ok(*v)),
        Tok::Ord(v) => Some(v.ok_or(Fail::Invalid)),
        _ => None,
    }
}

enum Ordinal {
    N(u64),
    Last,
}

fn ordinal_of(tok: &Tok) -> Option<Result<Ordinal, Fail>> {
    match tok {
        Tok::Ord(v) => Some(v.map(Ordinal::N).ok_or(Fail::Invalid)),
        Tok::Word(w) => match w.as_str() {
            "first" => Some(Ok(Ordinal::N(1))),
            "second" => Some(Ok(Ordinal::N(2))),
            "third" => Some(Ok(Ordinal::N(3))),
            "fourth" => Some(Ok(Ordinal::N(4))),
            "last" | "final" => Some(Ok(Ordinal::Last)),
            _ => None,
        },
        _ => None,
    }
}

fn check(n: Option<u64>, max: u64) -> Result<u64, Fail> {
    match n {
        Some(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(Fail::Invalid),
    }
}

/// Parses a date with no modifier and no range: "3 September 2024", "Q3 2024", "2024-09", ….
fn parse_plain(toks: &[&Tok]) -> Result<Partial, Fail> {
    let (core, year): (&[&Tok], Option<Option<i64>>) = match toks {
        [] => return Err(Fail::Unrecognised),
        // "2024 Q3", "2024 H1"
        [y, qh @ (Tok::Q(_) | Tok::H(_))] if year_of(y).is_some() => (
            std::slice::from_ref(qh),
            Some(year_of(y).unwrap_or(Ok(None))?),
        ),
        [init @ .., last] => match year_of(last) {
            Some(y) => (init, Some(y?)),
            None => (toks, None),
        },
    };
    let has_year = year.is_some();
    let year = year.flatten();
    let partial = |kind| Ok(Partial { year, kind });
    match core {
        [] => partial(Kind::Year),
        [Tok::Iso {
            year: y,
            month,
            day,
        }] if !has_year => Ok(Partial {
            year: Some(*y as i64),
            kind: match day {
                Some(day) => Kind::Day {
                    month: Some(*month),
                    day: *day,
                },
                None => Kind::Month(*month),
            },
        }),
        [Tok::Month(m)] => partial(Kind::Month(*m)),
        [Tok::Month(m), d] | [d, Tok::Month(m)] if day_of(d).is_some() => {
            let day = day_of(d).unwrap_or(Err(Fail::Unrecognised))?;
            partial(Kind::Day {
                month: Some(*m),
                day,
            })
        }
        [d] if day_of(d).is_some() => {
            let day = day_of(d).unwrap_or(Err(Fail::Unrecognised))?;
            if has_year {
                partial(Kind::Day { month: None, day })
            } else {
                let two_digit = matches!(d, Tok::Num { len: 2, .. });
                partial(Kind::Bare { n: day, two_digit })
            }
        }
        [Tok::Q(n)] => partial(Kind::Quarter(check(*n, 4)?)),
        [Tok::H(n)] => partial(Kind::Half(check(*n, 2)?)),
        [o, w] if ordinal_of(o).is_some() && is_word(w, &["quarter", "half"]) => {
            let ord = ordinal_of(o).unwrap_or(Err(Fail::Unrecognised))?;
            let quarter = is_word(w, &["quarter"]);
            let max = if quarter { 4 } else { 2 };
            let n = match ord {
                Ordinal::N(n) => check(Some(n), max)?,
                Ordinal::Last => max,
            };
            partial(if quarter {
                Kind::Quarter(n)
            } else {
                Kind::Half(n)
            })
        }
        _ => Err(Fail::Unrecognised),
    }
}

fn date(year: i16, month: u64, day: u64) -> Result<Date, Fail> {
    let month = i8::try_from(month).map_err(|_| Fail::Invalid)?;
    let day = i8::try_from(day).map_err(|_| Fail::Invalid)?;
    Date::new(year, month, day).map_err(|_| Fail::Invalid)
}

fn months(unit: Unit, year: i16, first: u64, last: u64) -> Result<Atom, Fail> {
    Ok(Atom {
        unit,
        start: date(year, first, 1)?,
        end: date(year, last, 1)?.last_of_month(),
    })
}

/// Resolves a partial date in `year`.
fn resolve(p: &Partial, year: Option<i64>) -> Result<Atom, Fail> {
    if matches!(p.kind, Kind::Bare { .. } | Kind::Day { month: None, .. }) {
        return Err(Fail::Unrecognised);
    }
    let year = year.ok_or(Fail::NoYear)?;
    let y = i16::try_from(year).map_err(|_| Fail::Invalid)?;
    match p.kind {
        Kind::Year => months(Unit::Year, y, 1, 12),
        Kind::Month(m) => months(Unit::Month, y, m, m),
        Kind::Day {
            month: Some(m),
            day,
        } => {
            let d = date(y, m, day)?;
            Ok(Atom {
                unit: Unit::Day,
                start: d,
                end: d,
            })
        }
        Kind::Quarter(q) => months(Unit::Quarter, y, 3 * q - 2, 3 * q),
        Kind::Half(h) => months(Unit::Half, y, 6 * h - 5, 6 * h),
        Kind::Third(t) => months(Unit::Third, y, 4 * t + 1, 4 * t + 4),
        Kind::Bare { .. } | Kind::Day { month: None, .. } => Err(Fail::Unrecognised),
    }
}

/// The period of `unit` that contains `d`.
fn period_of(unit: Unit, d: Date) -> Result<Atom, Fail> {
    let m = u64::try_from(d.month()).map_err(|_| Fail::Invalid)?;
    let kind = match unit {
        Unit::Day => {
            return Ok(Atom {
                unit,
                start: d,
                end: d,
            })
        }
        Unit::Month => Kind::Month(m),
        Unit::Quarter => Kind::Quarter((m - 1) / 3 + 1),
        Unit::Half => Kind::Half((m - 1) / 6 + 1),
        Unit::Third => Kind::Third((m - 1) / 4),
        Unit::Year => Kind::Year,
    };
    let year = Some(i64::from(d.year()));
    resolve(&Partial { year, kind }, year)
}

/// Resolves the two ends of a range, filling in what one end leaves out from the other.
fn combine(mut a: Partial, mut b: Partial, ctx: Option<i16>) -> Result<(Atom, Atom), Fail> {
    // "2024/25", "2024–25"
    if let (Kind::Year, Some(ya), Kind::Bare { n, two_digit: true }, None) =
        (a.kind, a.year, b.kind, b.year)
    {
        b = Partial {
            year: Some(ya - ya.rem_euclid(100) + n as i64),
            kind: Kind::Year,
        };
    }
    let mut a_month_borrowed = false;
    let mut b_month_borrowed = false;
    // "3 – 5 September 2024"
    if let (Kind::Bare { n, .. }, Kind::Day { month: Some(m), .. }) = (a.kind, b.kind) {
        a.kind = Kind::Day {
            month: Some(m),
            day: n,
        };
        a_month_borrowed = true;
    }
    // "September 3 – 5, 2024"
    if let (
        Kind::Day { month: Some(m), .. },
        Kind::Bare { n: day, .. } | Kind::Day { month: None, day },
    ) = (a.kind, b.kind)
    {
        b.kind = Kind::Day {
            month: Some(m),
            day,
        };
        b_month_borrowed = true;
    }
    let ctx = ctx.map(i64::from);
    let (ya, yb, a_borrowed, b_borrowed) = match (a.year, b.year) {
        (Some(x), Some(y)) => (Some(x), Some(y), false, false),
        (None, Some(y)) => (Some(y), Some(y), true, false),
        (Some(x), None) => (Some(x), Some(x), false, true),
        (None, None) => (ctx, ctx, false, false),
    };
    let backwards = |first: &Atom, last: &Atom| last.start < first.start;
    let mut first = resolve(&a, ya)?;
    let mut last = resolve(&b, yb)?;
    if backwards(&first, &last) {
        // "November – February 2025": the start is in the year before.
        if a_borrowed && !a_month_borrowed {
            first = resolve(&a, ya.map(|y| y - 1))?;
        } else if b_borrowed && !b_month_borrowed {
            last = resolve(&b, yb.map(|y| y + 1))?;
        }
    }
    if backwards(&first, &last) {
        return Err(Fail::Backwards);
    }
    Ok((first, last))
}

// ---------------------------------------------------------------------------------------------
// Wording
// ---------------------------------------------------------------------------------------------

fn month_name(d: Date) -> &'static str {
    MONTHS[usize::try_from(d.month() - 1).unwrap_or(0).min(11)]
}

fn fmt_day(d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(d), d.year())
}

fn fmt_span(a: Date, b: Date) -> String {
    if a == b {
        fmt_day(a)
    } else if a.year() == b.year() && a.month() == b.month() {
        format!("{} – {} {} {}", a.day(), b.day(), month_name(b), b.year())
    } else if a.year() == b.year() {
        format!(
            "{} {} – {} {} {}",
            a.day(),
            month_name(a),
            b.day(),
            month_name(b),
            b.year()
        )
    } else {
        format!("{} – {}", fmt_day(a), fmt_day(b))
    }
}

/// Whether `start ..= end` is made of whole blocks of `n` months aligned to the year.
fn aligned(start: Date, end: Date, n: i8) -> bool {
    start.day() == 1
        && (start.month() - 1) % n == 0
        && end == end.last_of_month()
        && end.month() % n == 0
}

/// "Q3 2024", "Q3 – Q4 2024", "Q4 2024 – Q1 2025" from a label for each block.
fn block_label(start: Date, end: Date, label: impl Fn(Date) -> String) -> String {
    let (a, b) = (label(start), label(end));
    if start.year() != end.year() {
        format!("{a} {} – {b} {}", start.year(), end.year())
    } else if a == b {
        format!("{a} {}", start.year())
    } else {
        format!("{a} – {b} {}", start.year())
    }
}

/// A label for the range when it is made of whole periods ("Q3 2024", "2024 – 2026"), and the
/// span of days it covers.
fn describe_span(start: Date, end: Date, precision: Precision) -> (Option<String>, String) {
    let span = fmt_span(start, end);
    let full_years = start.month() == 1 && start.day() == 1 && end.month() == 12 && end.day() == 31;
    let label = match precision {
        Precision::Month if aligned(start, end, 1) => {
            Some(block_label(start, end, |d| month_name(d).to_string()))
        }
        Precision::Quarter if aligned(start, end, 3) => Some(block_label(start, end, |d| {
            format!("Q{}", (d.month() - 1) / 3 + 1)
        })),
        Precision::Half if aligned(start, end, 6) => Some(block_label(start, end, |d| {
            format!("H{}", (d.month() - 1) / 6 + 1)
        })),
        Precision::Year if full_years && start.year() == end.year() => {
            Some(start.year().to_string())
        }
        Precision::Year if aligned(start, end, 4) => Some(block_label(start, end, |d| {
            ["early", "mid", "late"][usize::try_from((d.month() - 1) / 4).unwrap_or(0).min(2)]
                .to_string()
        })),
        Precision::Years if full_years => Some(format!("{} – {}", start.year(), end.year())),
        _ => None,
    };
    (label, span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;
    use proptest::prelude::*;

    fn ok(text: &str, ctx: Option<i16>) -> DateRange {
        match parse_when(text, ctx) {
            Ok(r) => r,
            Err(e) => panic!("{text:?} should parse: {e}"),
        }
    }

    /// Asserts the range, precision and deadline flag of `text` (no context year).
    fn check(text: &str, start: Date, end: Date, precision: Precision) {
        check_ctx(text, None, start, end, precision);
    }

    fn check_ctx(text: &str, ctx: Option<i16>, start: Date, end: Date, precision: Precision) {
        let r = ok(text, ctx);
        assert_eq!(
            (r.start, r.end, r.precision, r.deadline),
            (start, end, precision, false),
            "{text:?}"
        );
    }

    fn check_deadline(text: &str, start: Date, end: Date, precision: Precision) {
        let r = ok(text, None);
        assert_eq!(
            (r.start, r.end, r.precision, r.deadline),
            (start, end, precision, true),
            "{text:?}"
        );
    }

    fn unrecognised(text: &str) {
        assert_eq!(
            parse_when(text, Some(2024)),
            Err(DateError::Unrecognised {
                text: text.trim().to_string()
            }),
            "{text:?}"
        );
    }

    fn invalid(text: &str) {
        assert_eq!(
            parse_when(text, Some(2024)),
            Err(DateError::Invalid {
                text: text.trim().to_string()
            }),
            "{text:?}"
        );
    }

    fn backwards(text: &str) {
        assert_eq!(
            parse_when(text, Some(2024)),
            Err(DateError::Backwards {
                text: text.trim().to_string()
            }),
            "{text:?}"
        );
    }

    use Precision::*;

    // --- seeds ---

    #[test]
    fn seed_q3_2024() {
        check("Q3 2024", d(2024, 7, 1), d(2024, 9, 30), Quarter);
    }

    #[test]
    fn seed_2024_en_dash_2025() {
        check("2024 – 2025", d(2024, 1, 1), d(2025, 12, 31), Years);
    }

    #[test]
    fn seed_2024_en_dash_2026() {
        check("2024 – 2026", d(2024, 1, 1), d(2026, 12, 31), Years);
    }

    #[test]
    fn seed_september_3_with_context() {
        check_ctx("September 3", Some(2024), d(2024, 9, 3), d(2024, 9, 3), Day);
    }

    #[test]
    fn seed_by_end_2025() {
        let r = ok("by end-2025", None);
        assert_eq!(r.end, d(2025, 12, 31));
        assert!(r.deadline);
        assert_eq!(r.start, d(2025, 1, 1));
        assert_eq!(r.precision, Year);
    }

    // --- ISO ---

    #[test]
    fn iso_forms() {
        check("2024-09-03", d(2024, 9, 3), d(2024, 9, 3), Day);
        check("2024-09", d(2024, 9, 1), d(2024, 9, 30), Month);
        check("2024-12", d(2024, 12, 1), d(2024, 12, 31), Month);
        check("2024", d(2024, 1, 1), d(2024, 12, 31), Year);
        check("  2024-09-03.  ", d(2024, 9, 3), d(2024, 9, 3), Day);
    }

    // --- days ---

    #[test]
    fn day_forms_with_year() {
        for text in [
            "3 September 2024",
            "September 3, 2024",
            "September 3 2024",
            "3rd September 2024",
            "Sept. 3, 2024",
            "Sep 3, 2024",
            "sept 3rd 2024",
            "the 3rd of September 2024",
            "  SEPTEMBER   3 ,  2024. ",
            "on 3 September 2024",
            "3\u{a0}September\u{a0}2024",
        ] {
            check(text, d(2024, 9, 3), d(2024, 9, 3), Day);
        }
    }

    #[test]
    fn all_month_names_and_abbreviations() {
        let names = [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May", "May"),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ];
        for (i, (full, short)) in names.iter().enumerate() {
            let m = i8::try_from(i + 1).unwrap();
            check(&format!("1 {full} 2023"), d(2023, m, 1), d(2023, m, 1), Day);
            check(
                &format!("{short}. 1, 2023"),
                d(2023, m, 1),
                d(2023, m, 1),
                Day,
            );
        }
    }

    #[test]
    fn day_without_year_uses_context() {
        check_ctx("3 September", Some(2024), d(2024, 9, 3), d(2024, 9, 3), Day);
        check_ctx("Sep 3", Some(2023), d(2023, 9, 3), d(2023, 9, 3), Day);
        check_ctx("Sept. 3rd", Some(2023), d(2023, 9, 3), d(2023, 9, 3), Day);
    }

    #[test]
    fn day_without_year_or_context_is_no_year() {
        for text in [
            "September 3",
            "3 September",
            "Sep 3",
            "September",
            "Q3",
            "mid-year",
        ] {
            assert_eq!(
                parse_when(text, None),
                Err(DateError::NoYear {
                    text: text.to_string()
                }),
                "{text:?}"
            );
        }
    }

    // --- months ---

    #[test]
    fn month_forms() {
        check("September 2024", d(2024, 9, 1), d(2024, 9, 30), Month);
        check("Sept 2024", d(2024, 9, 1), d(2024, 9, 30), Month);
        check("in February 2023", d(2023, 2, 1), d(2023, 2, 28), Month);
        check_ctx(
            "September",
            Some(2024),
            d(2024, 9, 1),
            d(2024, 9, 30),
            Month,
        );
        check_ctx(
            "this September",
            Some(2022),
            d(2022, 9, 1),
            d(2022, 9, 30),
            Month,
        );
    }

    // --- quarters and halves ---

    #[test]
    fn quarter_forms() {
        for text in [
            "Q3 2024",
            "q3 2024",
            "Q3/2024",
            "Q3 / 2024",
            "2024 Q3",
            "third quarter of 2024",
            "3rd quarter 2024",
            "the third quarter of 2024",
            "Q3 of 2024",
        ] {
            check(text, d(2024, 7, 1), d(2024, 9, 30), Quarter);
        }
        check("Q1 2025", d(2025, 1, 1), d(2025, 3, 31), Quarter);
        check(
            "second quarter 2025",
            d(2025, 4, 1),
            d(2025, 6, 30),
            Quarter,
        );
        check("Q4 2024", d(2024, 10, 1), d(2024, 12, 31), Quarter);
        check(
            "last quarter of 2024",
            d(2024, 10, 1),
            d(2024, 12, 31),
            Quarter,
        );
        check_ctx("Q2", Some(2023), d(2023, 4, 1), d(2023, 6, 30), Quarter);
    }

    #[test]
    fn half_forms() {
        for text in [
            "H1 2025",
            "h1 2025",
            "1H 2025",
            "first half of 2025",
            "1st half 2025",
            "2025 H1",
        ] {
            check(text, d(2025, 1, 1), d(2025, 6, 30), Half);
        }
        for text in [
            "H2 2025",
            "2H 2025",
            "second half of 2025",
            "in the second half of 2025",
        ] {
            check(text, d(2025, 7, 1), d(2025, 12, 31), Half);
        }
    }

    // --- loose parts of a year ---

    #[test]
    fn early_mid_late() {
        check("early 2025", d(2025, 1, 1), d(2025, 4, 30), Year);
        check("beginning of 2025", d(2025, 1, 1), d(2025, 4, 30), Year);
        check("mid-2025", d(2025, 5, 1), d(2025, 8, 31), Year);
        check("mid 2025", d(2025, 5, 1), d(2025, 8, 31), Year);
        check("middle of 2025", d(2025, 5, 1), d(2025, 8, 31), Year);
        check("late 2025", d(2025, 9, 1), d(2025, 12, 31), Year);
        check("end of 2025", d(2025, 9, 1), d(2025, 12, 31), Year);
        check("end-2025", d(2025, 9, 1), d(2025, 12, 31), Year);
        check("the end of 2025", d(2025, 9, 1), d(2025, 12, 31), Year);
        check_ctx("mid-year", Some(2024), d(2024, 5, 1), d(2024, 8, 31), Year);
        check_ctx("year-end", Some(2024), d(2024, 9, 1), d(2024, 12, 31), Year);
        check_ctx(
            "end of the year",
            Some(2024),
            d(2024, 9, 1),
            d(2024, 12, 31),
            Year,
        );
    }

    #[test]
    fn modifiers_on_finer_periods_return_the_period() {
        check(
            "end of September 2025",
            d(2025, 9, 1),
            d(2025, 9, 30),
            Month,
        );
        check("early Q3 2025", d(2025, 7, 1), d(2025, 9, 30), Quarter);
    }

    // --- year spans ---

    #[test]
    fn year_spans() {
        for text in [
            "2024 – 2026",
            "2024–2026",
            "2024 — 2026",
            "2024-2026",
            "2024 - 2026",
            "2024 to 2026",
            "2024 until 2026",
            "2024 through 2026",
            "from 2024 to 2026",
            "between 2024 and 2026",
            "2024 \u{2212} 2026",
        ] {
            check(text, d(2024, 1, 1), d(2026, 12, 31), Years);
        }
        for text in ["2024/25", "2024–25", "2024-25", "2024/2025", "2024 / 25"] {
            check(text, d(2024, 1, 1), d(2025, 12, 31), Years);
        }
    }

    #[test]
    fn same_year_span_is_year() {
        check("2024 – 2024", d(2024, 1, 1), d(2024, 12, 31), Year);
        check("early – mid 2025", d(2025, 1, 1), d(2025, 8, 31), Year);
    }

    // --- ranges ---

    #[test]
    fn ranges_of_other_forms() {
        check(
            "September – December 2024",
            d(2024, 9, 1),
            d(2024, 12, 31),
            Month,
        );
        check(
            "September to December 2024",
            d(2024, 9, 1),
            d(2024, 12, 31),
            Month,
        );
        check(
            "September/October 2024",
            d(2024, 9, 1),
            d(2024, 10, 31),
            Month,
        );
        check("Q3 – Q4 2024", d(2024, 7, 1), d(2024, 12, 31), Quarter);
        check("Q3-Q4 2024", d(2024, 7, 1), d(2024, 12, 31), Quarter);
        check("H1 – H2 2025", d(2025, 1, 1), d(2025, 12, 31), Half);
        check("3 – 5 September 2024", d(2024, 9, 3), d(2024, 9, 5), Day);
        check("3-5 September 2024", d(2024, 9, 3), d(2024, 9, 5), Day);
        check("September 3 – 5, 2024", d(2024, 9, 3), d(2024, 9, 5), Day);
        check(
            "3 September – 5 October 2024",
            d(2024, 9, 3),
            d(2024, 10, 5),
            Day,
        );
        check(
            "2024-09-03 to 2024-09-05",
            d(2024, 9, 3),
            d(2024, 9, 5),
            Day,
        );
        check("2024-09-03–2024-09-05", d(2024, 9, 3), d(2024, 9, 5), Day);
        check(
            "September 2024 – March 2025",
            d(2024, 9, 1),
            d(2025, 3, 31),
            Month,
        );
        check("Q4 2024 – Q1 2025", d(2024, 10, 1), d(2025, 3, 31), Quarter);
        check_ctx(
            "September – December",
            Some(2023),
            d(2023, 9, 1),
            d(2023, 12, 31),
            Month,
        );
    }

    #[test]
    fn range_precision_is_the_coarser_end() {
        check(
            "3 September – December 2024",
            d(2024, 9, 3),
            d(2024, 12, 31),
            Month,
        );
        check(
            "September – Q4 2024",
            d(2024, 9, 1),
            d(2024, 12, 31),
            Quarter,
        );
        check("Q3 2024 – 2025", d(2024, 7, 1), d(2025, 12, 31), Years);
        check("mid-2024 – end-2025", d(2024, 5, 1), d(2025, 12, 31), Years);
    }

    #[test]
    fn borrowed_year_wraps_around_new_year() {
        check(
            "November – February 2025",
            d(2024, 11, 1),
            d(2025, 2, 28),
            Month,
        );
        check(
            "30 December – 2 January 2025",
            d(2024, 12, 30),
            d(2025, 1, 2),
            Day,
        );
        check("Q4 – Q1 2025", d(2024, 10, 1), d(2025, 3, 31), Quarter);
        check(
            "December 2024 – February",
            d(2024, 12, 1),
            d(2025, 2, 28),
            Month,
        );
    }

    // --- deadlines ---

    #[test]
    fn deadlines_by() {
        check_deadline("by end-2025", d(2025, 1, 1), d(2025, 12, 31), Year);
        check_deadline("by the end of 2025", d(2025, 1, 1), d(2025, 12, 31), Year);
        check_deadline("By end of 2025.", d(2025, 1, 1), d(2025, 12, 31), Year);
        check_deadline("by 2025", d(2025, 1, 1), d(2025, 12, 31), Year);
        check_deadline("no later than 2025", d(2025, 1, 1), d(2025, 12, 31), Year);
        check_deadline(
            "not later than 30 June 2025",
            d(2025, 6, 30),
            d(2025, 6, 30),
            Day,
        );
        check_deadline("by Q3 2025", d(2025, 7, 1), d(2025, 9, 30), Quarter);
        check_deadline(
            "by the end of Q3 2025",
            d(2025, 7, 1),
            d(2025, 9, 30),
            Quarter,
        );
        check_deadline("by September 2025", d(2025, 9, 1), d(2025, 9, 30), Month);
        check_deadline(
            "no later than March 2025",
            d(2025, 3, 1),
            d(2025, 3, 31),
            Month,
        );
        check_deadline("by H1 2026", d(2026, 1, 1), d(2026, 6, 30), Half);
        check_deadline("by mid-2025", d(2025, 5, 1), d(2025, 8, 31), Year);
        check_deadline("by late 2025", d(2025, 9, 1), d(2025, 12, 31), Year);
        let r = ok("by year-end", Some(2024));
        assert_eq!(
            (r.start, r.end, r.deadline),
            (d(2024, 1, 1), d(2024, 12, 31), true)
        );
    }

    #[test]
    fn deadlines_before() {
        check_deadline("before 2026", d(2025, 1, 1), d(2025, 12, 31), Year);
        check_deadline("prior to 2026", d(2025, 1, 1), d(2025, 12, 31), Year);
        check_deadline("before Q3 2025", d(2025, 4, 1), d(2025, 6, 30), Quarter);
        check_deadline("before Q1 2025", d(2024, 10, 1), d(2024, 12, 31), Quarter);
        check_deadline("before H1 2026", d(2025, 7, 1), d(2025, 12, 31), Half);
        check_deadline(
            "before September 2025",
            d(2025, 8, 1),
            d(2025, 8, 31),
            Month,
        );
        check_deadline("before March 2024", d(2024, 2, 1), d(2024, 2, 29), Month);
        check_deadline("before 3 September 2025", d(2025, 9, 2), d(2025, 9, 2), Day);
        check_deadline(
            "before 1 January 2025",
            d(2024, 12, 31),
            d(2024, 12, 31),
            Day,
        );
        check_deadline("before mid-2025", d(2025, 1, 1), d(2025, 4, 30), Year);
        check_deadline("before early 2026", d(2025, 9, 1), d(2025, 12, 31), Year);
        check_deadline(
            "before the end of 2025",
            d(2025, 1, 1),
            d(2025, 12, 31),
            Year,
        );
        check_deadline("before 2024 – 2026", d(2023, 1, 1), d(2023, 12, 31), Year);
    }

    // --- errors ---

    #[test]
    fn unrecognised_inputs() {
        for text in [
            "soon",
            "ongoing",
            "",
            "   ",
            "TBD",
            "recently",
            ".",
            "3",
            "999",
            "by",
            "before",
            "in",
            "from 2024",
            "2024 –",
            "– 2024",
            "2024 – 2025 – 2026",
            "3 – 5",
            "September 2024 onwards",
            "2024 – soon",
            "2024 (tentative)",
            "3/9/2024",
            "2024-9",
            "Q 2024",
            "fifth quarter 2024",
            "2024年",
            "by by 2025",
            "mid-",
            "year-",
            "end",
            "early",
            "late –",
        ] {
            unrecognised(text);
        }
    }

    #[test]
    fn invalid_inputs() {
        for text in [
            "2024-02-30",
            "2023-02-29",
            "2024-13-01",
            "2024-00",
            "2024-04-31",
            "Q5 2024",
            "Q0 2024",
            "5th quarter 2024",
            "H3 2025",
            "31 April 2024",
            "0 September 2024",
            "32 December 2024",
            "99999",
            "September 99999999999999999999999",
            "99999999999999999999999th September 2024",
            "Q99999999999999999999999 2024",
            "2024 – 123456",
        ] {
            invalid(text);
        }
    }

    #[test]
    fn context_year_outside_jiffs_range_is_invalid() {
        assert_eq!(
            parse_when("September 3", Some(i16::MAX)),
            Err(DateError::Invalid {
                text: "September 3".into()
            })
        );
        assert_eq!(
            parse_when("Q1", Some(i16::MIN)),
            Err(DateError::Invalid { text: "Q1".into() })
        );
    }

    #[test]
    fn backwards_ranges() {
        for text in [
            "2026 – 2024",
            "2026 to 2024",
            "2024/23",
            "5 – 3 September 2024",
            "September 2025 – March 2025",
            "Q4 2024 – Q1 2024",
            "2024-09-05 to 2024-09-03",
        ] {
            backwards(text);
        }
    }

    #[test]
    fn leap_days() {
        check("2024-02-29", d(2024, 2, 29), d(2024, 2, 29), Day);
        check("29 February 2024", d(2024, 2, 29), d(2024, 2, 29), Day);
        check("February 2024", d(2024, 2, 1), d(2024, 2, 29), Month);
        check("February 2023", d(2023, 2, 1), d(2023, 2, 28), Month);
        check("2000-02-29", d(2000, 2, 29), d(2000, 2, 29), Day);
        invalid("2023-02-29");
        invalid("29 February 2023");
        invalid("1900-02-29");
    }

    #[test]
    fn error_messages_name_the_text() {
        let e = parse_when("soon", None).unwrap_err();
        assert!(
            e.to_string().starts_with("unrecognised date \"soon\""),
            "{e}"
        );
        let e = parse_when("September 3", None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "date \"September 3\" has no year and no statement date to take it from"
        );
        let e = parse_when("2026 – 2024", None).unwrap_err();
        assert_eq!(e.to_string(), "range \"2026 – 2024\" ends before it starts");
    }

    // --- the DateRange API ---

    #[test]
    fn as_written_is_trimmed_original_and_display() {
        let r = ok("  Q3   2024. ", None);
        assert_eq!(r.as_written, "Q3   2024.");
        assert_eq!(r.to_string(), "Q3   2024.");
    }

    #[test]
    fn contains_is_inclusive() {
        let r = ok("Q3 2024", None);
        assert!(r.contains(d(2024, 7, 1)));
        assert!(r.contains(d(2024, 8, 15)));
        assert!(r.contains(d(2024, 9, 30)));
        assert!(!r.contains(d(2024, 6, 30)));
        assert!(!r.contains(d(2024, 10, 1)));
    }

    #[test]
    fn overlaps_inclusive_window() {
        let r = ok("Q3 2024", None);
        assert!(r.overlaps(d(2024, 9, 30), d(2024, 12, 31)));
        assert!(r.overlaps(d(2024, 1, 1), d(2024, 7, 1)));
        assert!(r.overlaps(d(2024, 8, 1), d(2024, 8, 2)));
        assert!(r.overlaps(d(2020, 1, 1), d(2030, 1, 1)));
        assert!(!r.overlaps(d(2024, 10, 1), d(2024, 12, 31)));
        assert!(!r.overlaps(d(2024, 1, 1), d(2024, 6, 30)));
        // An inverted (empty) window overlaps nothing.
        assert!(!r.overlaps(d(2024, 9, 1), d(2024, 8, 1)));
    }

    #[test]
    fn describe_wording() {
        let cases = [
            ("2024-09-03", None, "3 September 2024"),
            ("September 3", Some(2024), "3 September 2024"),
            ("September 2024", None, "September 2024"),
            ("Q3 2024", None, "Q3 2024 (1 July – 30 September 2024)"),
            (
                "Q3 – Q4 2024",
                None,
                "Q3 – Q4 2024 (1 July – 31 December 2024)",
            ),
            (
                "Q4 2024 – Q1 2025",
                None,
                "Q4 2024 – Q1 2025 (1 October 2024 – 31 March 2025)",
            ),
            ("H1 2025", None, "H1 2025 (1 January – 30 June 2025)"),
            ("2024", None, "2024"),
            ("mid-2025", None, "mid 2025 (1 May – 31 August 2025)"),
            (
                "2024 – 2026",
                None,
                "2024 – 2026 (1 January 2024 – 31 December 2026)",
            ),
            ("3 – 5 September 2024", None, "3 – 5 September 2024"),
            (
                "September – December 2024",
                None,
                "September – December 2024",
            ),
            (
                "September 2024 – March 2025",
                None,
                "September 2024 – March 2025",
            ),
            (
                "3 September – December 2024",
                None,
                "3 September – 31 December 2024",
            ),
            ("by end-2025", None, "by 31 December 2025 (2025)"),
            ("by Q3 2025", None, "by 30 September 2025 (Q3 2025)"),
            (
                "by September 2025",
                None,
                "by 30 September 2025 (September 2025)",
            ),
            (
                "early – mid 2025",
                None,
                "early – mid 2025 (1 January – 31 August 2025)",
            ),
            ("before 3 September 2025", None, "by 2 September 2025"),
        ];
        for (text, ctx, want) in cases {
            assert_eq!(ok(text, ctx).describe(), want, "{text:?}");
        }
    }

    #[test]
    fn serde_round_trip() {
        let r = ok("2024 – 2026", None);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "as_written": "2024 – 2026",
                "start": "2024-01-01",
                "end": "2026-12-31",
                "precision": "years",
                "deadline": false,
            })
        );
        let back: DateRange = serde_json::from_value(json).unwrap();
        assert_eq!(back, r);
        let bad = serde_json::json!({
            "as_written": "x", "start": "2024-02-30", "end": "2024-03-01",
            "precision": "day", "deadline": false,
        });
        assert!(serde_json::from_value::<DateRange>(bad).is_err());
    }

    // --- properties ---

    fn check_invariants(text: &str, ctx: Option<i16>) -> Result<(), TestCaseError> {
        if let Ok(r) = parse_when(text, ctx) {
            prop_assert!(r.start <= r.end, "{text:?} gave {} > {}", r.start, r.end);
            prop_assert_eq!(r.as_written.as_str(), text.trim());
            prop_assert!(r.contains(r.start) && r.contains(r.end));
            let _ = r.describe();
        }
        Ok(())
    }

    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "2024",
            "2025",
            "25",
            "3",
            "3rd",
            "31",
            "0",
            "99999",
            "September",
            "Sept.",
            "feb",
            "Q3",
            "Q5",
            "H1",
            "1H",
            "third",
            "last",
            "quarter",
            "half",
            "of",
            "the",
            "early",
            "mid-",
            "mid",
            "late",
            "end",
            "end-",
            "year",
            "year-end",
            "by",
            "before",
            "no later than",
            "from",
            "between",
            "and",
            "to",
            "until",
            "–",
            "—",
            "-",
            "/",
            ",",
            ".",
            "2024-02-29",
            "2023-02-29",
            "2024-09",
            "2024-13",
            "soon",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_text(text in any::<String>(), ctx in any::<Option<i16>>()) {
            check_invariants(&text, ctx)?;
        }

        #[test]
        fn never_panics_on_date_like_text(
            pieces in prop::collection::vec(piece(), 0..7),
            spaced in any::<bool>(),
            ctx in any::<Option<i16>>(),
        ) {
            let text = pieces.join(if spaced { " " } else { "" });
            check_invariants(&text, ctx)?;
        }
    }
}
