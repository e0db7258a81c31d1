//! Reads a date or timeline: a tokenizer, then a small grammar of periods, ranges and deadlines.

use super::forms::{Form, Forms};
use super::{DateError, DateRange, Precision};
use jiff::civil::Date;

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
/// * Ranges: two of the above joined by `–`, `—`, `-`, `/`, `to`, `until`, `through` (two days
///   also by `and`: `21 and 22 December`)
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
///
/// The forms, with an example of each, are listed in [`super::forms`].
pub fn parse_when(text: &str, context_year: Option<i16>) -> Result<DateRange, DateError> {
    parse_with_forms(text, context_year).map(|(range, _)| range)
}

/// [`parse_when`], and the [`Form`]s the text was read by.
pub fn parse_with_forms(
    text: &str,
    context_year: Option<i16>,
) -> Result<(DateRange, Forms), DateError> {
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
    let mut forms = Forms::default();
    let parsed = parse_tokens(&toks, context_year, &mut forms).map_err(err)?;
    let range = DateRange {
        as_written: as_written.to_string(),
        start: parsed.start,
        end: parsed.end,
        precision: parsed.precision,
        deadline: parsed.deadline,
    };
    Ok((range, forms))
}

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

fn parse_tokens(toks: &[Tok], ctx: Option<i16>, forms: &mut Forms) -> Result<Parsed, Fail> {
    let (mode, rest) = strip_deadline(toks);
    match mode {
        Mode::Plain => {}
        Mode::By => forms.insert(Form::By),
        Mode::Before => forms.insert(Form::Before),
    }
    let (between, needs_range, rest) = match rest.first() {
        Some(t) if is_word(t, &["between"]) => {
            forms.insert(Form::Between);
            (true, true, &rest[1..])
        }
        Some(t) if is_word(t, &["from"]) => (false, true, &rest[1..]),
        _ => (false, false, rest),
    };
    let seps: Vec<usize> = (0..rest.len())
        .filter(|&i| is_separator(rest, i, between))
        .collect();
    let deadline = mode != Mode::Plain;
    let (first, start, end, precision, end_modifier) = match seps.as_slice() {
        [] if !needs_range => {
            let (p, end_modifier) = parse_atom(rest, deadline, false, forms)?;
            if p.year.is_none() {
                forms.insert(Form::WithoutYear);
            }
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
            forms.insert(Form::Range);
            let (a, end_modifier) = parse_atom(&rest[..sep], deadline, true, forms)?;
            let (b, _) = parse_atom(&rest[sep + 1..], deadline, true, forms)?;
            let (first, last) = combine(a, b, ctx, forms)?;
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
            // "21 and 22 December": two days of a month joined by "and" are the days between.
            let day = |t: Option<&Tok>| {
                matches!(
                    t,
                    Some(
                        Tok::Num {
                            val: Some(1..=31),
                            len: 1 | 2
                        } | Tok::Ord(Some(1..=31))
                    )
                )
            };
            matches!(w.as_str(), "to" | "until" | "till" | "through" | "thru")
                || (w == "and" && (between || day(prev) && day(toks.get(i + 1))))
        }
        _ => false,
    }
}

/// Parses a date or one end of a range. The flag reports an "end (of)" modifier that was passed
/// through. `in_range`: a bare modifier ("early" in "early – mid 2025") may borrow its year.
fn parse_atom(
    toks: &[Tok],
    deadline: bool,
    in_range: bool,
    forms: &mut Forms,
) -> Result<(Partial, bool), Fail> {
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
        return Ok((parse_plain(body, forms)?, false));
    };
    // "year-end" with nothing after it means the statement's own year.
    let p = if body.is_empty() && may_be_empty {
        Partial {
            year: None,
            kind: Kind::Year,
        }
    } else {
        parse_plain(body, forms)?
    };
    match p.kind {
        Kind::Year if is_end && deadline => Ok((p, true)),
        Kind::Year => {
            forms.insert(Form::PartOfYear);
            Ok((
                Partial {
                    year: p.year,
                    kind: Kind::Third(third),
                },
                false,
            ))
        }
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
fn parse_plain(toks: &[&Tok], forms: &mut Forms) -> Result<Partial, Fail> {
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
        [] => {
            forms.insert(Form::Year);
            partial(Kind::Year)
        }
        [Tok::Iso {
            year: y,
            month,
            day,
        }] if !has_year => {
            forms.insert(match day {
                Some(_) => Form::IsoDay,
                None => Form::IsoMonth,
            });
            Ok(Partial {
                year: Some(*y as i64),
                kind: match day {
                    Some(day) => Kind::Day {
                        month: Some(*month),
                        day: *day,
                    },
                    None => Kind::Month(*month),
                },
            })
        }
        [Tok::Month(m)] => {
            forms.insert(Form::Month);
            partial(Kind::Month(*m))
        }
        [Tok::Month(m), d] | [d, Tok::Month(m)] if day_of(d).is_some() => {
            forms.insert(match core {
                [Tok::Month(_), _] => Form::MonthDay,
                _ => Form::DayMonth,
            });
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
        [Tok::Q(n)] => {
            forms.insert(Form::Quarter);
            partial(Kind::Quarter(check(*n, 4)?))
        }
        [Tok::H(n)] => {
            forms.insert(Form::Half);
            partial(Kind::Half(check(*n, 2)?))
        }
        [o, w] if ordinal_of(o).is_some() && is_word(w, &["quarter", "half"]) => {
            let ord = ordinal_of(o).unwrap_or(Err(Fail::Unrecognised))?;
            let quarter = is_word(w, &["quarter"]);
            forms.insert(if quarter {
                Form::QuarterWords
            } else {
                Form::HalfWords
            });
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
fn combine(
    mut a: Partial,
    mut b: Partial,
    ctx: Option<i16>,
    forms: &mut Forms,
) -> Result<(Atom, Atom), Fail> {
    // "2024/25", "2024–25"
    if let (Kind::Year, Some(ya), Kind::Bare { n, two_digit: true }, None) =
        (a.kind, a.year, b.kind, b.year)
    {
        forms.insert(Form::ShortYearSpan);
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
        (None, None) => {
            forms.insert(Form::WithoutYear);
            (ctx, ctx, false, false)
        }
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
