//! Spans recognised in a paragraph before any rule reads it: "Full Name (ACR)" pairs, ordinals,
//! names and their head nouns, meeting names, sentences and phrases.

use super::text::{self, bare, name_at, sentences};
use crate::corpus::Meeting;
use crate::index::aliases::acronym_pairs;

/// Head nouns of a meeting's name.
const MEETING_HEADS: &[&str] = &[
    "meeting",
    "summit",
    "conference",
    "retreat",
    "consultation",
    "consultations",
    "talks",
    "dialogue",
    "forum",
    "workshop",
    "seminar",
    "symposium",
];

/// Head nouns of a mechanism's or body's name, with the category they give.
pub(super) const MECHANISM_HEADS: &[(&str, &str)] = &[
    ("programme", "programme"),
    ("program", "programme"),
    ("community", "community"),
    ("infrastructure", "infrastructure"),
    ("centre", "centre"),
    ("center", "centre"),
    ("group", "working group"),
    ("collaboration", "collaboration"),
    ("network", "network"),
    ("forum", "forum"),
    ("framework", "framework"),
    ("mechanism", "mechanism"),
    ("arrangement", "arrangement"),
    ("council", "council"),
    ("committee", "committee"),
    ("secretariat", "secretariat"),
    ("taskforce", "task force"),
    ("force", "task force"),
    ("academy", "academy"),
    ("institute", "institute"),
    ("hotline", "hotline"),
    ("register", "register"),
    ("exercise", "exercise"),
    ("initiative", "initiative"),
];

/// Words that make a name ending in a meeting head no meeting ("the 15th Anniversary of …").
pub(super) const NOT_MEETINGS: &[&str] = &["anniversary", "founding"];

/// A "Full Name (ACR)" pair with where its name starts in the paragraph.
pub(super) struct Pair {
    pub(super) long: String,
    pub(super) short: String,
    pub(super) start: usize,
    pub(super) end: usize,
}

pub(super) fn locate_pairs(text: &str) -> Vec<Pair> {
    let mut out = Vec::new();
    let mut from = 0;
    for (long, short) in acronym_pairs(text) {
        let needle = format!("({short})");
        let Some(open) = text[from..].find(&needle).map(|i| from + i) else {
            continue;
        };
        from = open + needle.len();
        // The same words as the miner's long form, but as written (apostrophes kept).
        let n = long.split_whitespace().count();
        let before: Vec<(usize, &str)> = super::text::word_offsets(text, &text[..open]).collect();
        if before.len() < n {
            continue;
        }
        let start = before[before.len() - n].0;
        let written = text[start..open]
            .trim_end()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        // "… Ministers' Meeting (ADMM)-Plus": the Plus series, its suffix after the bracket.
        let plus_after = format!("-{PLUS_WORD}");
        let (long, short, end) = if text[from..].starts_with(&plus_after) {
            (
                format!("{written}{plus_after}"),
                format!("{short}{plus_after}"),
                from + plus_after.len(),
            )
        } else {
            (written.to_string(), short, from)
        };
        out.push(Pair {
            long,
            short,
            start,
            end,
        });
    }
    loose_pairs(text, &mut out);
    out
}

/// "(ACR)" pairs the Schwartz–Hearst miner leaves out because a word of the name has no letter
/// in the acronym ("Network of ASEAN Defence and Security Institutions (NADI)"): the acronym's
/// letters are, in order, initials of the capitalised words before it, the first and the last
/// word included.
fn loose_pairs(text: &str, out: &mut Vec<Pair>) {
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        let Some(close) = text[open..].find(')').map(|i| open + i) else {
            break;
        };
        from = close;
        let short = &text[open + 1..close];
        // A plural acronym keeps its "s": "Experts' Working Groups (EWGs)".
        let letters: Vec<char> = short.strip_suffix('s').unwrap_or(short).chars().collect();
        if !(2..=10).contains(&letters.len())
            || !letters.iter().all(char::is_ascii_uppercase)
            || out.iter().any(|p| p.start <= open && p.end > close)
        {
            continue;
        }
        let words: Vec<(usize, &str)> = super::text::word_offsets(text, &text[..open]).collect();
        let window = &words[words.len().saturating_sub(letters.len() + 4)..];
        let Some(&(_, last)) = window.last() else {
            continue;
        };
        if bare(last).chars().next() != letters.last().copied() {
            continue;
        }
        for start in 0..window.len() {
            let names = &window[start..];
            if !bare(names[0].1).starts_with(letters[0])
                || !names
                    .iter()
                    .all(|(_, w)| text::capitalised(w) || text::connector(bare(w)))
            {
                continue;
            }
            let initials: Vec<char> = names
                .iter()
                .filter(|(_, w)| !text::connector(bare(w)))
                .filter_map(|(_, w)| bare(w).chars().next())
                .collect();
            let mut it = initials.iter();
            if letters.iter().all(|l| it.any(|c| c == l)) {
                let long = text[names[0].0..open].trim_end().to_string();
                out.push(Pair {
                    long,
                    short: short.to_string(),
                    start: names[0].0,
                    end: close + 1,
                });
                break;
            }
        }
    }
    out.sort_by_key(|p| p.start);
}

/// "21st" → 21, "Seventh" → 7.
pub(super) fn ordinal(word: &str) -> Option<u32> {
    let w = bare(word).to_ascii_lowercase();
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    matches!(suffix, "st" | "nd" | "rd" | "th")
        .then(|| digits.parse().ok())
        .flatten()
        .or_else(|| crate::analysis::spelled_ordinal(&w))
}

pub(super) fn head(name: &str) -> String {
    let last = name.split_whitespace().last().unwrap_or("");
    let last = bare(last).to_ascii_lowercase();
    let last = last
        .trim_end_matches("'s")
        .trim_end_matches('\'')
        .trim_end_matches('’');
    last.rsplit('-').next().unwrap_or(last).to_string()
}

/// "Network of ASEAN Defence … Institutions" → "network": the head of an "X of Y" name.
pub(super) fn head_before_of(name: &str) -> Option<String> {
    let (before, _) = name.split_once(" of ")?;
    Some(head(before))
}

/// Whether `word` (any case) is the head noun of a meeting's name ("Forum", "meeting").
pub(super) fn is_meeting_head(word: &str) -> bool {
    MEETING_HEADS.contains(&bare(word).to_ascii_lowercase().as_str())
}

pub(super) fn is_meeting_name(name: &str) -> bool {
    let h = head(name);
    MEETING_HEADS.contains(&h.as_str())
        || (h == "plus" && name.to_ascii_lowercase().contains("meeting"))
}

/// A word between an ordinal and the name it numbers ("the 11th annual ADMM-Plus").
const ANNUAL: &str = "annual";

/// Suffixes of an ordinal written apart from its number ("the 9 th ADMM").
const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// The ordinal before byte `at`: "21st", "Seventh", or "9 th" written in two words.
pub(super) fn ordinal_before(text: &str, at: usize) -> Option<u32> {
    let mut words = text[..at].split_whitespace().rev().peekable();
    // "the 11th annual …": the ordinal before the word.
    if words.peek().is_some_and(|w| *w == ANNUAL) {
        words.next();
    }
    let last = words.next()?;
    ordinal(last).or_else(|| {
        let number = words.next()?;
        (ORDINAL_SUFFIXES.contains(&last) && number.chars().all(|c| c.is_ascii_digit()))
            .then(|| number.parse().ok())
            .flatten()
    })
}

/// The largest char boundary of `s` at or below `at`.
pub(super) fn floor_char(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The word before byte `at`.
pub(super) fn word_before(text: &str, at: usize) -> Option<&str> {
    text[..at].split_whitespace().last()
}

/// A sentence without short bracketed asides ("Brigadier General (retired) X").
pub(super) fn without_brackets(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut rest = sentence;
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 2..open + close];
        out.push_str(&rest[..open]);
        if inner.split_whitespace().count() > 2 {
            out.push_str(&rest[open..=open + close]);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// [`name_at`], across a dash between two names ("Viet Nam – Singapore Defence Policy Dialogue").
pub(super) fn dashed_name_at(text: &str, from: usize) -> Option<String> {
    let mut name = name_at(text, from)?;
    let mut end = from + text[from..].find(name.as_str())? + name.len();
    loop {
        let rest = &text[end..];
        let after = rest.trim_start();
        let Some(next) = after
            .strip_prefix('–')
            .or_else(|| after.strip_prefix('—'))
            .or_else(|| after.strip_prefix("- "))
        else {
            return Some(name);
        };
        let at = end + (rest.len() - next.len());
        let Some(more) = name_at(text, at).filter(|_| next.starts_with(' ')) else {
            return Some(name);
        };
        end = at + text[at..].find(more.as_str())? + more.len();
        name = format!("{name} – {more}");
    }
}

pub(super) fn strip_the(name: &str) -> String {
    name.strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name)
        .to_string()
}

/// The capitalised name that ends at byte `end` of `text` ("… the ASEAN Defence Ministers" before
/// " met with"), within its sentence.
pub(super) fn name_before(text: &str, end: usize) -> Option<String> {
    let start = sentence_start(text, end);
    let words: Vec<(usize, &str)> = super::text::word_offsets(text, &text[start..end]).collect();
    let mut from = None;
    for &(at, w) in words.iter().rev() {
        if w.ends_with(',') {
            break;
        }
        if text::capitalised(w) {
            from = Some(at);
        } else if !text::connector(text::bare(w)) {
            break;
        }
    }
    let name = name_at(text, from?)?;
    // The name must run up to the verb.
    (from? + name.len() + 1 >= end).then_some(name)
}

/// Where the words leading to a mention at byte `at` end: before the full name when the mention
/// is the short form in brackets after it ("the outcomes of the <full name> (ADSOM WG)").
pub(super) fn lead_end(text: &str, at: usize) -> usize {
    let head = text[..at].trim_end();
    let Some(named) = head.strip_suffix('(').map(str::trim_end) else {
        return at;
    };
    match name_before(text, named.len()) {
        Some(name) if named.ends_with(name.as_str()) => named.len() - name.len(),
        _ => at,
    }
}

/// The word that makes a meeting's name the "Plus" series' ("… Ministers' Meeting Plus").
const PLUS_WORD: &str = "Plus";

/// A name cut after its last meeting head noun ("ASEAN Defence Ministers Meeting and related").
pub(super) fn cut_at_meeting_head(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut last = words.iter().rposition(|w| is_meeting_name(w))?;
    // "… Ministers' Meeting Plus": the series' "Plus" ends the name.
    if words.get(last + 1).is_some_and(|w| bare(w) == PLUS_WORD) {
        last += 1;
    }
    // "the 15th Founding Anniversary of the ASEAN Defence Ministers' Meeting" is no meeting.
    if words[..last]
        .iter()
        .any(|w| NOT_MEETINGS.contains(&bare(w).to_ascii_lowercase().as_str()))
    {
        return None;
    }
    Some(
        words[..=last]
            .join(" ")
            .trim_end_matches([',', '.'])
            .to_string(),
    )
}

/// Whether `word` stands in `text` as a whole word ([`super::text::find_word`]).
pub(super) fn contains_word(text: &str, word: &str) -> bool {
    super::text::find_word(text, word).is_some()
}

/// Where byte `at` of `text` stands in `sentence`, a slice of `text` holding it.
pub(super) fn offset_in(sentence: &str, text: &str, at: usize) -> Option<usize> {
    let start = (sentence.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    at.checked_sub(start).filter(|&k| k <= sentence.len())
}

/// The sentence of `text` holding byte `at`.
pub(super) fn sentence_around(text: &str, at: usize) -> &str {
    sentences(text)
        .into_iter()
        .find(|(r, _)| r.contains(&at))
        .map_or(text, |(_, s)| s)
}

fn sentence_start(text: &str, at: usize) -> usize {
    sentences(text)
        .into_iter()
        .find(|(r, _)| r.contains(&at))
        .map_or(0, |(r, _)| r.start)
}

/// Byte offset just after the first of `phrases` found (case-insensitive).
pub(super) fn after_phrase(sentence: &str, phrases: &[&str]) -> Option<usize> {
    let lower = sentence.to_ascii_lowercase();
    phrases
        .iter()
        .find_map(|p| lower.find(p).map(|i| i + p.len()))
}

/// Words that lead a list of mechanisms.
const ENUMERATION_LEADS: &[&str] = &[
    "mechanisms such as",
    "mechanisms including",
    "mechanisms like",
    "bodies such as",
    "mechanisms, namely",
    "mechanisms:",
];

/// Spans of "mechanisms such as A, B and C": every pair there is a mechanism, whatever its head.
pub(super) fn enumeration_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for lead in ENUMERATION_LEADS {
        for (i, _) in lower.match_indices(lead) {
            let end = text[i..].find(". ").map_or(text.len(), |e| i + e);
            out.push(i..end);
        }
    }
    out
}

/// Head nouns of an exercise's name, lowercase.
pub(super) const EXERCISE_HEADS: &[&str] = &["exercise", "exercises", "drill", "drills"];

/// Whether a meeting is an exercise: its name ends in an exercise's head noun.
pub(super) fn is_exercise(m: &Meeting) -> bool {
    named_as_exercise(m.series.as_deref().unwrap_or(&m.name))
}

/// Whether a name ends in an exercise's head noun.
pub(super) fn named_as_exercise(name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or("");
    EXERCISE_HEADS.contains(&bare(last).to_ascii_lowercase().as_str())
}

/// Whether a handle's number is the statement's year in two digits ("AIME-23" in a statement of
/// 2023).
pub(super) fn is_two_digit_year(number: u32, statement_year: Option<i16>) -> bool {
    statement_year.is_some_and(|y| u32::try_from(y % 100).ok() == Some(number))
}
