//! Mentions of known bodies and series (`corpus/bodies.toml`) in a paragraph, with or without an
//! acronym pair: "the 17th ASEAN Navy Chiefs' Meeting", "ADSOM 2024", "the seventh ADMM Plus",
//! "ACDFM-21", "the ASEAN Our Eyes". Each mention says which body, and the instance it names
//! (a number, or a year) when it names one.

use crate::corpus::Body;
use std::ops::Range;

/// The sign some statements write for "-Plus" after an acronym ("ADMM+").
pub(super) const PLUS_SIGN: &str = "+";

/// The sign written apart from the acronym, which then closes a bracket or a clause: "the
/// ASEAN Defence Ministers Meeting Plus (ADMM +)".
const SPACED_PLUS_SIGN: &str = " +";

/// What may follow [`SPACED_PLUS_SIGN`] for it to be the series' sign (not a sum: "ADMM + 1").
const SPACED_PLUS_ENDS: &[char] = &[')', ',', '.', ';', ':'];
/// The ending of a "-Plus" body's acronym.
const PLUS_SUFFIX: &str = "-Plus";

/// A series' meeting named by its members ([`Body::members`]): "the ASEAN navy chiefs' meeting",
/// "a meeting of ASEAN army chiefs"; the words before and after the members.
const MEMBER_FORMS: &[(&str, &str)] = &[("ASEAN ", " meeting")];

/// Words after a meeting named by its members that bring others to it ("a meeting of ASEAN
/// defence ministers and their counterparts"): no meeting of the series.
const OTHERS_JOIN: &[&str] = &[" and ", " with "];

/// A known body named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention<'b> {
    pub body: &'b Body,
    /// The bytes of the name as written (with its number or year, when it has one).
    pub range: Range<usize>,
    /// "17th …", "…-21", "the seventh …".
    pub number: Option<u32>,
    /// "ADSOM 2024", "the 2019 ASEAN Navy Chiefs' Meeting".
    pub year: Option<i16>,
}

/// The known body `name` is a form of, as a whole ("the ASEAN Regional Forum" is the ARF's).
pub fn named<'b>(name: &str, bodies: &'b [Body]) -> Option<&'b Body> {
    let name = name.trim();
    mentions(name, bodies)
        .into_iter()
        .find(|m| m.range.end == name.len() && name[..m.range.start].trim().len() <= "the".len())
        .map(|m| m.body)
}

/// Every mention of `bodies` in `text`, left to right; where two overlap the longer wins
/// ("ADSOM-Plus WG" over "ADSOM-Plus" over "ADSOM").
pub fn mentions<'b>(text: &str, bodies: &'b [Body]) -> Vec<Mention<'b>> {
    // Names are read with acronyms in brackets left out: "the Experts' Working Group (EWG) on
    // Mine Action" is the working group on mine action. `at[k]` is where byte `k` of `lower`
    // stands in `text`.
    let (lower, at) = without_bracketed_acronyms(text);
    let to_text = |r: Range<usize>| at[r.start]..at[r.end - 1] + 1;
    let mut found: Vec<(Range<usize>, &'b Body)> = Vec::new();
    for body in bodies {
        if let Some(acronym) = &body.acronym {
            // "ADMM+" is the body whose acronym is "ADMM-Plus".
            let plus = format!("{acronym}{PLUS_SIGN}");
            let plus_body = bodies
                .iter()
                .find(|b| b.acronym.as_deref() == Some(&format!("{acronym}{PLUS_SUFFIX}")));
            let spaced_plus = format!("{acronym}{SPACED_PLUS_SIGN}");
            for (at, _) in text.match_indices(acronym.as_str()) {
                let end = at + acronym.len();
                let spaced_end = end + SPACED_PLUS_SIGN.len();
                match plus_body {
                    Some(p)
                        if text[at..].starts_with(&plus) && bounded(text, at, end + 1, true) =>
                    {
                        found.push((at..end + 1, p));
                    }
                    Some(p)
                        if text[at..].starts_with(&spaced_plus)
                            && text[spaced_end..]
                                .chars()
                                .next()
                                .is_none_or(|c| SPACED_PLUS_ENDS.contains(&c)) =>
                    {
                        found.push((at..spaced_end, p));
                    }
                    _ if bounded(text, at, end, true) => found.push((at..end, body)),
                    _ => {}
                }
            }
        }
        let member_forms = body.members.iter().flat_map(|m| {
            MEMBER_FORMS
                .iter()
                .map(move |(before, after)| format!("{before}{m}{after}"))
        });
        let forms: Vec<String> = std::iter::once(body.name.clone())
            .chain(body.aliases.iter().cloned())
            .chain(member_forms)
            .collect();
        let by_members = 1 + body.aliases.len();
        for (f, form) in forms.iter().enumerate() {
            for variant in with_acronyms_spelled_out(form, bodies)
                .iter()
                .flat_map(|f| spellings(f))
            {
                for (k, _) in lower.match_indices(variant.as_str()) {
                    let r = to_text(k..k + variant.len());
                    // "a meeting of ASEAN defence ministers and their counterparts": others'
                    // meeting.
                    if f >= by_members && OTHERS_JOIN.iter().any(|j| text[r.end..].starts_with(j)) {
                        continue;
                    }
                    // "… on Mine Actions": a plural "s" goes with the name.
                    let plural = r.start..r.end + 1;
                    if bounded(text, r.start, r.end, false) {
                        found.push((r, body));
                    } else if text[r.end..].starts_with('s')
                        && bounded(text, r.start, plural.end, false)
                    {
                        found.push((plural, body));
                    }
                }
                // "the 2017 Chiefs of Defence Forces Informal Meeting": the name without
                // "ASEAN", capitalised and standing as a name of its own.
                let Some(rest) = without_asean(&variant) else {
                    continue;
                };
                for (k, _) in lower.match_indices(rest) {
                    let r = to_text(k..k + rest.len());
                    if bounded(text, r.start, r.end, false) && stands_alone(text, r.start) {
                        found.push((r, body));
                    }
                }
            }
        }
    }
    found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Mention<'b>> = Vec::new();
    let mut taken_until = 0;
    for (mut range, mut body) in found {
        if range.start < taken_until {
            continue;
        }
        // "… Ministers' Meeting (ADMM) Plus": the "-Plus" series; "… (ADMM) Retreat".
        if let Some((longer, end)) = suffixed_after_bracket(text, range.end, body, bodies) {
            (body, range) = (longer, range.start..end);
        }
        // "the 6th ADMM-Plus EWG on …": a group named after its parent series is the group.
        if let Some(last) = out
            .last_mut()
            .filter(|m| is_parent_of(m, body, text, &range))
        {
            last.body = body;
            last.range.end = range.end;
            taken_until = range.end;
            continue;
        }
        taken_until = range.end;
        let (number_after, year_after, end) = after_name(text, range.end);
        // "the ASEAN Defence Ministers' Meeting (ADMM-18)": the bracket is the name's own
        // acronym, one mention with it (its number or year kept).
        if let Some(last) = out.last_mut().filter(|m| {
            std::ptr::eq(m.body, body) && is_own_bracket(text, m.range.end, &range, end)
        }) {
            last.number = last.number.or(number_after);
            last.year = last.year.or(year_after);
            continue;
        }
        let (number_before, year_before) = before_name(text, range.start);
        // "the 9th meeting of ADMM EWG on …": the ordinal numbers the group's meeting.
        let number_before = number_before
            .filter(|_| ordinal_of_head(text, range.start).is_none() || !group_follows(text, end));
        out.push(Mention {
            body,
            range: range.start..end,
            number: number_after.or(number_before),
            year: year_after.or(year_before),
        });
    }
    out
}

/// The body named by `body`'s acronym and the words after its bracket, and where those words
/// end, when " (ACR) Words" or " (ACR)-Words" follows the name of `body` ending at byte `end`:
/// "… Ministers' Meeting (ADMM) Plus" is the "-Plus" series, "… (ADMM) Retreat" the retreat,
/// "… (ADSOM) Working Group" the working group. The longest such name wins.
fn suffixed_after_bracket<'b>(
    text: &str,
    end: usize,
    body: &Body,
    bodies: &'b [Body],
) -> Option<(&'b Body, usize)> {
    let acronym = body.acronym.as_deref()?;
    let rest = text[end..].strip_prefix(" (")?.strip_prefix(acronym)?;
    let tail = rest
        .strip_prefix(") ")
        .or_else(|| rest.strip_prefix(")-"))?;
    let at = text.len() - tail.len();
    let lower_tail = tail.to_ascii_lowercase();
    bodies
        .iter()
        .filter(|b| !std::ptr::eq(*b, body))
        .flat_map(|b| {
            b.acronym
                .iter()
                .chain(std::iter::once(&b.name))
                .chain(&b.aliases)
                .map(move |form| (b, form))
        })
        .filter_map(|(b, form)| {
            let suffix = form
                .get(..acronym.len())
                .filter(|head| head.eq_ignore_ascii_case(acronym))
                .and_then(|_| form[acronym.len()..].strip_prefix([' ', '-']))?;
            let suffix = suffix.to_ascii_lowercase();
            let suffix_end = at + suffix.len();
            (!suffix.is_empty()
                && lower_tail.starts_with(&suffix)
                && bounded(text, at, suffix_end, false))
            .then_some((b, suffix_end))
        })
        .max_by_key(|(_, e)| *e)
}

/// Whether the acronym at `range` (its number ending at `end`) stands in brackets right after a
/// name ending at byte `name_end`: "… Meeting (ADMM)".
fn is_own_bracket(text: &str, name_end: usize, range: &Range<usize>, end: usize) -> bool {
    text.get(name_end..range.start) == Some(" (") && text[end..].starts_with(')')
}

/// Whether `group`, named at `range`, is a group of the series `parent` names right before it
/// (a bracketed acronym between): its name starts with the series' acronym or name ("ADMM-Plus
/// Experts' Working Group on …").
fn is_parent_of(parent: &Mention<'_>, group: &Body, text: &str, range: &Range<usize>) -> bool {
    let series = parent.body;
    if !series.kind.has_instances() || group.kind.has_instances() && group.kind == series.kind {
        return false;
    }
    let between = text[parent.range.end..range.start].trim();
    let bracketed = between.starts_with('(') && between.ends_with(')');
    if !between.is_empty() && !bracketed {
        return false;
    }
    let starts = |form: &str| {
        let f = form.to_ascii_lowercase();
        std::iter::once(&group.name)
            .chain(&group.aliases)
            .any(|n| n.to_ascii_lowercase().starts_with(&format!("{f} ")))
    };
    series.acronym.as_deref().is_some_and(starts) || starts(&series.name)
}

/// A meeting word a group's name may hold before its topic, read without it: "the inaugural EWG
/// meeting on Maritime Security" names the EWG on Maritime Security.
const GROUP_MEETING_ON: &str = " meeting on ";

/// The last words of a group's name (lowercase) that [`GROUP_MEETING_ON`] may follow.
const GROUP_NAME_ENDS: &[&str] = &["ewg", "wg", "working group", "experts' working group"];

/// Quotation marks a known name may be written between, left out when names are read.
const QUOTATION_MARKS: &[char] = &['"', '“', '”'];

/// `text` lowercased without " (ACR)" asides (2 to 10 capital letters or hyphens) and quotation
/// marks, ASEAN's name in full read as "asean", and for each byte kept where it stands in `text`.
fn without_bracketed_acronyms(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut at = Vec::with_capacity(text.len());
    let mut k = 0;
    while k < text.len() {
        let rest = &text[k..];
        if let Some(inner) = rest.strip_prefix(" (") {
            // "(ADMM-Plus)" too.
            let acronym = inner.find(')').is_some_and(|close| {
                (2..=10).contains(&close)
                    && inner[..close]
                        .trim_end_matches(PLUS_SUFFIX)
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '-')
            });
            if acronym {
                k += 2 + inner.find(')').unwrap_or(0) + 1;
                continue;
            }
        }
        // ASEAN's name in full reads as "asean", its first letters and last standing for it.
        let full = ASEAN_IN_FULL.iter().find(|long| {
            rest.get(..long.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(long))
                && !rest[long.len()..].starts_with(|c: char| c.is_alphanumeric())
        });
        if let Some(long) = full {
            out.push_str(ASEAN);
            at.extend((0..ASEAN.len() - 1).map(|b| k + b));
            at.push(k + long.len() - 1);
            k += long.len();
            continue;
        }
        // "the EWG meeting on Maritime Security": the group on its topic.
        let group_meeting = rest
            .get(..GROUP_MEETING_ON.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(GROUP_MEETING_ON))
            && GROUP_NAME_ENDS.iter().any(|e| {
                out.ends_with(e)
                    && !out[..out.len() - e.len()].ends_with(|c: char| c.is_alphanumeric())
            });
        if group_meeting {
            k += GROUP_MEETING_ON.len() - " on ".len();
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        // "the “Our Eyes” initiative": a name in quotation marks is read without them.
        if QUOTATION_MARKS.contains(&c) {
            k += c.len_utf8();
            continue;
        }
        for b in 0..c.len_utf8() {
            at.push(k + b);
        }
        out.push(c.to_ascii_lowercase());
        k += c.len_utf8();
    }
    (out, at)
}

/// A form, and the form with another body's acronym in it written in full: "ADMM-Plus Experts'
/// Working Group on …" is also "ASEAN Defence Ministers' Meeting-Plus Experts' Working Group on …".
fn with_acronyms_spelled_out(form: &str, bodies: &[Body]) -> Vec<String> {
    let mut out = vec![form.to_string()];
    for other in bodies {
        let Some(acronym) = other.acronym.as_deref() else {
            continue;
        };
        let whole_word = form.match_indices(acronym).any(|(at, _)| {
            let before = form[..at].chars().next_back();
            let after = form[at + acronym.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
        });
        if whole_word && form != acronym {
            out.push(form.replacen(acronym, &other.name, 1));
        }
    }
    out
}

/// ASEAN's name in full, read as its acronym ("Association of Southeast Asian Nations Defense
/// Ministers' Meeting" is the ASEAN Defence Ministers' Meeting), and the acronym.
/// Longest first: "Association of Southeast Asian (ASEAN) Defense Ministers' Meeting" leaves
/// out "Nations".
const ASEAN_IN_FULL: &[&str] = &[
    "association of southeast asian nations",
    "association of south east asian nations",
    "association of south-east asian nations",
    "association of southeast asian",
];
const ASEAN: &str = "asean";

/// A form as statements spell it: both apostrophes, none, "Chief's", "Defense", "Center", "Expert Working
/// Group", "Meeting Plus", "Meeting - Plus" and "Meeting -Plus" for "Meeting-Plus".
fn spellings(form: &str) -> Vec<String> {
    let mut out = vec![form.to_ascii_lowercase()];
    // Each respelling applies to every form so far: "Defense" with no apostrophe too, and a
    // possessive's apostrophe where the form has none ("defence chiefs' meeting").
    let respell: &[(&str, &str)] = &[
        ("chiefs ", "chiefs' "),
        // "Navy Chief's Meeting": a singular possessive for the plural one.
        ("chiefs' ", "chief's "),
        ("ministers ", "ministers' "),
        ("officials ", "officials' "),
        ("experts ", "experts' "),
        ("'", "’"),
        ("'", ""),
        ("experts", "expert"),
        ("defence", "defense"),
        ("centre", "center"),
        ("-plus", " plus"),
        (" plus", "-plus"),
        ("-plus", " - plus"),
        ("-plus", " – plus"),
        ("-plus", "–plus"),
        ("-plus", " -plus"),
    ];
    for &(from, to) in respell {
        for k in 0..out.len() {
            let v = out[k].replace(from, to);
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// Whether `text[at..end]` stands as a word: no letter or digit on either side (a hyphen after an
/// acronym only when a number follows it: "ACDFM-21", not "ADMM-Plus").
fn bounded(text: &str, at: usize, end: usize, acronym: bool) -> bool {
    let before = text[..at].chars().next_back();
    let mut rest = text[end..].chars();
    let after = rest.next();
    // "India-ASEAN Defence Ministers' Meeting": a name after a hyphened word is part of a
    // longer one (the partner's meeting), as an acronym after any hyphen is.
    let hyphened = before == Some('-')
        && (acronym
            || text[..at - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric));
    let ok_before = !before.is_some_and(char::is_alphanumeric) && !hyphened;
    let ok_after = match after {
        Some('-') => rest.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => !c.is_alphanumeric(),
        None => true,
    };
    ok_before && ok_after
}

/// A lowercase form's words after a leading "asean ", when they are enough to name the body
/// alone ([`MIN_WORDS_WITHOUT_ASEAN`]).
fn without_asean(form: &str) -> Option<&str> {
    form.strip_prefix(ASEAN_PREFIX)
        .filter(|rest| rest.split_whitespace().count() >= MIN_WORDS_WITHOUT_ASEAN)
}

/// The prefix a body's name may go without.
const ASEAN_PREFIX: &str = "asean ";
/// Words a name without "ASEAN" keeps at least ("Navy Chiefs' Meeting" alone is too little:
/// another alliance's chiefs meet too).
const MIN_WORDS_WITHOUT_ASEAN: usize = 4;

/// A name without "ASEAN" at `at` is one: it opens with a capital, and the word before it is
/// no part of another name ("the 2017 Chiefs of …", not "Pacific Chiefs of …" or "ASEAN-Japan
/// …").
fn stands_alone(text: &str, at: usize) -> bool {
    if !text[at..].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let before = text[..at].trim_end();
    if before.len() == text[..at].len() {
        // Joined to the word before ("-Japan Chiefs …").
        return before.is_empty();
    }
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    word.is_empty()
        || word.ends_with(['.', ',', ';', ':', '(', '"', '“'])
        || !word.starts_with(|c: char| c.is_uppercase())
        || word == "The"
}

/// Words between an ordinal and the name it numbers: "the first ever …".
pub(super) const ORDINAL_FILLERS: &[&str] = &["ever", "annual"];

/// Lowercase heads between an ordinal and "of <name>": "the 14th meeting of the <group>".
const MEETING_HEADS_OF: &[&str] = &["meeting", "session", "conference"];

/// Words before a name that make it the first of its series.
pub(super) const FIRST_WORDS: &[&str] = &["inaugural", "first-ever", "maiden"];

/// A number or year right after a name: "-21", " 2024", " (ADSOM) 2024" is not read.
fn after_name(text: &str, end: usize) -> (Option<u32>, Option<i16>, usize) {
    let rest = &text[end..];
    if let Some(digits) = rest.strip_prefix('-') {
        let n: String = digits.chars().take_while(char::is_ascii_digit).collect();
        // "AIME-2023": a year.
        if let (4, Ok(year @ 1990..=2100)) = (n.len(), n.parse::<i16>()) {
            return (None, Some(year), end + 1 + n.len());
        }
        if let Ok(number) = n.parse() {
            return (Some(number), None, end + 1 + n.len());
        }
    }
    let trimmed = rest.trim_start_matches(' ');
    let digits: String = trimmed.chars().take_while(char::is_ascii_digit).collect();
    let next = trimmed[digits.len()..].chars().next();
    let at = end + (rest.len() - trimmed.len()) + digits.len();
    if digits.len() == 4 && !next.is_some_and(char::is_alphanumeric) {
        if let Ok(year @ 1990..=2100) = digits.parse::<i16>() {
            return (None, Some(year), at);
        }
    }
    // "ADMM 17", "the ADMM Plus 10th": a number of one or two digits after a space, unless a
    // month follows it (a date: "ADSOM 18 May").
    if (1..=2).contains(&digits.len()) && trimmed.len() < rest.len() {
        let after = &trimmed[digits.len()..];
        let suffix = ["st", "nd", "rd", "th"]
            .into_iter()
            .find(|s| after.starts_with(s))
            .unwrap_or("");
        let tail = &after[suffix.len()..];
        let next_word = tail.split_whitespace().next().unwrap_or("");
        let month = crate::dates::MONTH_NAMES.iter().any(|m| {
            next_word
                .trim_matches(|c: char| !c.is_alphabetic())
                .eq_ignore_ascii_case(m)
        });
        if !tail.starts_with(|c: char| c.is_alphanumeric()) && !month {
            if let Ok(number @ 1..=99) = digits.parse::<u32>() {
                return (Some(number), None, at + suffix.len());
            }
        }
    }
    (None, None, end)
}

/// Words after a series' name that make it the name of one of its groups.
pub(super) const GROUP_FOLLOWERS: &[&str] = &["Experts", "Expert", "Working", "Group", "Committee"];

/// Words after a series' name that make the name a group's parent ("ADMM EWG on …").
const GROUP_AFTER_NAME: &[&str] = &["EWG", "EWGs", "WG"];

/// Whether a group of the series named up to byte `end` follows the name.
fn group_follows(text: &str, end: usize) -> bool {
    text[end..].split_whitespace().next().is_some_and(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        GROUP_AFTER_NAME.contains(&w) || GROUP_FOLLOWERS.contains(&w)
    })
}

/// "the 14th meeting of (the) <name>": the ordinal before a meeting's lowercase head. A group's
/// name may follow its parent series' acronym: "the 17th meeting of ADMM EWG on …".
fn ordinal_of_head(text: &str, at: usize) -> Option<u32> {
    let parent = |w: &str| {
        let letters = w.trim_end_matches("-Plus").trim_end_matches('+');
        letters.len() >= 3 && letters.chars().all(|c| c.is_ascii_uppercase())
    };
    let mut words = text[..at].split_whitespace().rev().peekable();
    if words.peek().is_some_and(|w| parent(w)) {
        words.next();
    }
    let mut words = words.skip_while(|w| w.eq_ignore_ascii_case("the"));
    (words.next()? == "of" && MEETING_HEADS_OF.contains(&words.next()?))
        .then(|| words.next().and_then(super::spans::ordinal))
        .flatten()
}

/// Endings of an ordinal that a text may write apart from its digits ("9 th").
const SPLIT_ORDINAL_ENDS: &[&str] = &["st", "nd", "rd", "th"];

/// An ordinal or a year just before a name, "the" aside: "the 17th …", "the seventh …", "the
/// 2019 …".
fn before_name(text: &str, at: usize) -> (Option<u32>, Option<i16>) {
    if let Some(n) = ordinal_of_head(text, at) {
        return (Some(n), None);
    }
    let mut words = text[..at].split_whitespace().rev();
    let Some(mut word) = words.next() else {
        return (None, None);
    };
    if word.eq_ignore_ascii_case("the") {
        return (None, None);
    }
    // "the first ever …", "the 11th annual …": the ordinal before the word.
    if ORDINAL_FILLERS.contains(&word.to_ascii_lowercase().as_str()) {
        let Some(before) = words.next() else {
            return (None, None);
        };
        word = before;
    }
    // "… Concept Paper (2007), ADMM-Plus: …": a year closed by a bracket or a comma is
    // another thing's.
    let closed = word.ends_with(|c: char| !c.is_alphanumeric());
    word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if FIRST_WORDS.contains(&word.to_ascii_lowercase().as_str()) {
        return (Some(1), None);
    }
    if let Some(n) = super::spans::ordinal(word) {
        return (Some(n), None);
    }
    // "the 9 th ADMM": an ordinal's ending written apart from its digits.
    if SPLIT_ORDINAL_ENDS.contains(&word.to_ascii_lowercase().as_str()) {
        if let Some(n) = words.next().and_then(|d| d.parse::<u32>().ok()) {
            return (Some(n), None);
        }
    }
    if word.len() == 4 && !closed {
        if let Ok(year @ 1990..=2100) = word.parse::<i16>() {
            return (None, Some(year));
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::BodyKind;

    fn body(acronym: Option<&str>, name: &str, aliases: &[&str]) -> Body {
        Body {
            acronym: acronym.map(str::to_string),
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: BodyKind::MeetingSeries,
            members: Vec::new(),
            first: None,
        }
    }

    /// Phrasing classes met in real statements, written here in our own words.
    #[test]
    fn mention_rows() {
        let bodies = vec![
            body(Some("ANCM"), "ASEAN Navy Chiefs' Meeting", &[]),
            body(Some("AHCIM"), "ASEAN Harbour Chiefs Informal Meeting", &[]),
            body(
                Some("ADSOM"),
                "ASEAN Defence Senior Officials' Meeting",
                &[],
            ),
            body(
                Some("ADSOM-Plus"),
                "ASEAN Defence Senior Officials' Meeting-Plus",
                &[],
            ),
            body(
                Some("ADMM-Plus"),
                "ASEAN Defence Ministers' Meeting-Plus",
                &["ADMM Plus"],
            ),
            body(Some("ADMM"), "ASEAN Defence Ministers' Meeting", &[]),
            body(None, "ADMM Retreat", &["ADMM-Retreat"]),
            body(Some("AOE"), "ASEAN Our Eyes", &["Our Eyes Initiative"]),
            body(
                Some("EWG-MM"),
                "Experts' Working Group on Military Medicine",
                &["EWG on Military Medicine"],
            ),
        ];
        // (text, [(acronym or name, number, year)])
        type Row<'a> = (&'a str, &'a [(&'a str, Option<u32>, Option<i16>)]);
        let rows: &[Row] = &[
            // probe class "the maiden <Partner>-ASEAN Defence Ministers' Meeting": a name after a
            // hyphened word is part of the partner's longer name, not the known series
            (
                "The maiden Harbourland-ASEAN Defence Ministers' Meeting opened in Hue.",
                &[],
            ),
            // an ordinal before the full name, curly apostrophe
            (
                "Admirals met at the 17th ASEAN Navy Chiefs’ Meeting in the capital.",
                &[("ANCM", Some(17), None)],
            ),
            // a year after the acronym
            (
                "ADSOM 2024 opened on Monday.",
                &[("ADSOM", None, Some(2024))],
            ),
            // a spelled ordinal before another form, and the acronym with its number
            (
                "the seventh ADMM Plus and ADMM-18 were held",
                &[("ADMM-Plus", Some(7), None), ("ADMM", Some(18), None)],
            ),
            // the longer name wins; a hyphenated acronym is not its shorter cousin
            (
                "the ASEAN Defence Senior Officials' Meeting-Plus (ADSOM-Plus) met",
                &[("ADSOM-Plus", None, None)],
            ),
            // the bracketed acronym's number numbers the name before it
            (
                "the ASEAN Defence Ministers' Meeting (ADMM-18) and ADMM",
                &[("ADMM", Some(18), None), ("ADMM", None, None)],
            ),
            // ASEAN written in full, its own acronym in brackets
            (
                "at the Association of Southeast Asian Nations (ASEAN) Defense Ministers' Meeting Plus (ADMM-Plus) in 2017",
                &[("ADMM-Plus", None, None)],
            ),
            // the name without "ASEAN", a year before it
            (
                "said the 2017 Harbour Chiefs Informal Meeting is held yearly",
                &[("AHCIM", None, Some(2017))],
            ),
            // ... but not as part of another name, nor in lowercase prose
            ("the Pacific Harbour Chiefs Informal Meeting met", &[]),
            ("an informal harbour chiefs informal meeting", &[]),
            // lowercase, apostrophe dropped, a year before
            (
                "at the 2019 asean navy chiefs meeting",
                &[("ANCM", None, Some(2019))],
            ),
            // "the <ordinal> meeting of (the) <name>": the ordinal numbers the name
            (
                "The 14th meeting of Experts' Working Group on Military Medicine opened.",
                &[("EWG-MM", Some(14), None)],
            ),
            (
                "the third session of the ADSOM began",
                &[("ADSOM", Some(3), None)],
            ),
            // an ordinal before a series whose group follows numbers the group's meeting
            (
                "the 9th meeting of ADMM EWG on mine action",
                &[("ADMM", None, None)],
            ),
            // … and the known group after its parent's acronym takes it
            (
                "the 17th meeting of ADMM EWG on military medicine",
                &[("ADMM", None, None), ("EWG-MM", Some(17), None)],
            ),
            // a body that is no series; a word containing an acronym is no mention
            ("the ASEAN Our Eyes and AOEX", &[("AOE", None, None)]),
            // "ADMM+" for the "-Plus" series
            (
                "ADMM+ talks follow the ADMM",
                &[("ADMM-Plus", None, None), ("ADMM", None, None)],
            ),
            // … and "ADMM +" closing a bracket; a sum is no series
            (
                "the ministers' meeting plus partners (ADMM +) met after ADMM + 1 talks",
                &[("ADMM-Plus", None, None), ("ADMM", None, None)],
            ),
            // a number after a space, with or without its ordinal ending; not a day of a date
            (
                "after ADMM 17 and ADMM Plus 10th came ADSOM 18 May talks",
                &[
                    ("ADMM", Some(17), None),
                    ("ADMM-Plus", Some(10), None),
                    ("ADSOM", None, None),
                ],
            ),
            // an acronym in brackets inside the name, and a plural "s" after it
            (
                "The Experts’ Working Group (EWG) on Military Medicines met.",
                &[("EWG-MM", None, None)],
            ),
            // a singular possessive for the plural one
            (
                "the harbour met before the 2019 ASEAN Navy Chief's Meeting",
                &[("ANCM", None, Some(2019))],
            ),
            // an ordinal's ending written apart from its digits
            (
                "talks ahead of the 9 th ADMM in the autumn",
                &[("ADMM", Some(9), None)],
            ),
            // "Defense" spelling
            (
                "the 13th ASEAN Defense Ministers' Meeting",
                &[("ADMM", Some(13), None)],
            ),
            // a name in quotation marks, in a longer known name
            (
                "Ministers adopted the “ASEAN Our Eyes” network and the \"Our Eyes\" Initiative.",
                &[("AOE", None, None), ("AOE", None, None)],
            ),
            // "Meeting - Plus" and "Meeting – Plus" with spaces: the "-Plus" series, not the
            // series its first words name
            (
                "the First ASEAN Defence Ministers’ Meeting - Plus and the 12th ASEAN Defence Ministers' Meeting – Plus",
                &[("ADMM-Plus", Some(1), None), ("ADMM-Plus", Some(12), None)],
            ),
            // "Meeting (ACR) Retreat": the words after the bracket name another series of the
            // acronym, in any case
            (
                "The Asean Defence Ministers' Meeting (ADMM) retreat closed in Hue; the ASEAN Defence Ministers' Meeting (ADMM) retreated",
                &[("ADMM Retreat", None, None), ("ADMM", None, None)],
            ),
            // "Meeting -Plus": a space before the hyphen only
            (
                "the inaugural ASEAN Defence Ministers’ Meeting -Plus in Hanoi",
                &[("ADMM-Plus", Some(1), None)],
            ),
        ];
        for (text, want) in rows {
            let got: Vec<(String, Option<u32>, Option<i16>)> = mentions(text, &bodies)
                .into_iter()
                .map(|m| {
                    (
                        m.body
                            .acronym
                            .clone()
                            .unwrap_or_else(|| m.body.name.clone()),
                        m.number,
                        m.year,
                    )
                })
                .collect();
            let want: Vec<(String, Option<u32>, Option<i16>)> = want
                .iter()
                .map(|(a, n, y)| (a.to_string(), *n, *y))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
