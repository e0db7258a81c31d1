//! The meetings and mechanisms of one statement as extraction builds them: numbered meetings,
//! instances of known series, occurrences of a series, meetings between two sides, and the
//! fields read from the sentence naming each.

use super::fields::{
    date_in, date_near, names_a_day, Clock, BILATERAL_DATE, MEETING_DATE, OCCURRENCE_DATE,
};
use super::known::GROUP_FOLLOWERS;
use super::people::{
    attendance, chair_of, first_naming, handover, host_state, in_full, merge_people, naming_span,
};
use super::spans::{
    floor_char, is_exercise, is_meeting_name, is_two_digit_year, lead_end, name_before, offset_in,
    ordinal, sentence_around, strip_the,
};
use super::text::{bare, find_dates, name_at, place_in, COUNTRIES};
use super::{clip, fact_id, known, push_cite, MEETING_SERIES};
use crate::corpus::{Body, BodyKind, Mechanism, Meeting, Origin, Statement};
use crate::dates;

/// What names a working group's topic: only a group with one meets as a series does (the
/// experts' working groups in general are no one meeting).
const GROUP_TOPIC: &str = " on ";

/// Words before the two sides of a meeting between them.
const BETWEEN_LEADS: &[&str] = &[
    "meeting between ",
    "dialogue between ",
    "talks between ",
    "discussion between ",
];

/// Verbs between the two sides of a meeting: "X convened with Y".
const MET_WITH: &[&str] = &[" convened with ", " met with "];

/// Words saying a series' meeting took place, for one named without a number.
pub(super) const OCCURRENCE_VERBS: &[&str] = &[
    "was held",
    "were held",
    " held in ",
    " held on ",
    "took place",
    "attended",
    "attend the",
    "attends the",
    "attending the",
    "conducted the",
    "organised the",
    "organized the",
    "delegation to the",
    "delegations to the",
    // a meeting under way: "the conference will proceed until Friday"
    "will proceed",
    "continues until",
    "will continue until",
    "runs until",
    "will run until",
    "participated in the",
    "participate in the",
    "participating in the",
    "took part in the",
    "take part in the",
    "during the",
    "will host",
    "will chair",
    "will be hosted",
    "will convene",
    "hosted",
    "convened",
    "opened",
    "to be held",
    "will be held",
    "kicked off",
    "kicks off",
    "set to kick off",
    "began",
    "begins",
    "commenced",
    "concluded",
    "concludes",
    // "the ADMM and the ADMM-Plus that ended on Tuesday"
    " ended",
    " ends ",
    "wrapped up",
    "will hold",
    "to hold",
    "will attend",
    "to attend",
    "joined the",
    "join the",
    " met ",
    "will meet",
    "to host",
    " gathered",
    " gather in",
    " gather for",
    "will take place",
    "to take place",
    "takes place",
    "taking place",
    "scheduled",
    "slated",
    " opens ",
];

/// Words around a series' name in a report that speak of a meeting under way, besides the
/// [`OCCURRENCE_VERBS`]: "on the sidelines of the ADMM-Plus", "said at the conclusion of the …".
const AROUND_A_MEETING: &[&str] = &[
    "sidelines of the",
    "sideline of the",
    "margins of the",
    "on the occasion of the",
    "conclusion of the",
    "at the close of the",
];

/// Lowercase heads right after a series' name that make it an event under the series, not
/// one of its meetings ("an ADMM-Plus conference on …", "the ADMM-Plus workshop").
const EVENTS_UNDER_SERIES: &[&str] = &[
    "conference",
    "workshop",
    "seminar",
    "symposium",
    "exercise",
    "exercises",
    "drill",
    "course",
    "forum",
];

/// [`OCCURRENCE_VERBS`] whose object, after the series' name, may be another event ("… to hold
/// a harbour conference").
const TRANSITIVE_HOLDS: &[&str] = &["to hold", "will hold", "to host", "will host"];

/// Words after a [`TRANSITIVE_HOLDS`] verb within which an event's head names its object.
const HELD_OBJECT_WORDS: usize = 6;

/// Whether the words after a holding or hosting verb (`after`, lowercase), up to its clause's
/// end, name another event as its object: "… a harbour conference next year".
pub(super) fn object_is_an_event(after: &str) -> bool {
    after
        .split([',', ';', '.'])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take(HELD_OBJECT_WORDS)
        .any(|w| EVENTS_UNDER_SERIES.contains(&bare(w)))
}

/// Words right before a series' name that make it a framework, not one meeting ("under the
/// ADMM-Plus, the exercise will take place", "platforms such as the ADMM-Plus").
const FRAMEWORK_LEADS: &[&str] = &[
    "under the",
    "framework of the",
    "auspices of the",
    "such as the",
    "through the",
    // the series a state takes part in: "Australia's contribution to the ADMM-Plus"
    "contribution to the",
    "contributions to the",
    "participation in the",
    "role in the",
    "member of the",
    "members of the",
];

/// A [`FRAMEWORK_LEADS`] lead after which the series' name followed by "in <Place>" is a meeting
/// held there, the frame of the events the sentence tells: "talks took place in the framework of
/// the ADMM Retreat in Hue".
const FRAMED_AT_A_PLACE: &str = "framework of the";

/// Words before a series' name saying someone chaired it, a meeting when a day follows the name
/// ("spoke after chairing the ADMM Retreat today"); without a day it is a chairmanship ("Laos is
/// chairing the ADMM for a second term").
const CHAIRED_THE: &[&str] = &["chairing the", "chaired the"];

/// How many bytes after the name a day is looked for, for [`CHAIRED_THE`].
const CHAIRED_DAY_SPAN: usize = 30;

/// How many bytes after the name "in <Place>" is read for [`FRAMED_AT_A_PLACE`].
const FRAMED_PLACE_SPAN: usize = 40;

/// Words right after a series' name that make the name a modifier, never one meeting ("the
/// ADMM-Plus countries", "the ADMM process"), even in a sentence dated and speaking of meeting.
const MODIFIED_BY_SERIES: &[&str] = &[
    "countries",
    "nations",
    "members",
    "member",
    "states",
    "process",
    "framework",
    "mechanism",
    "mechanisms",
];

/// Words right after a series' name that make it the series, or a modifier, not one meeting
/// ("the ADMM-Plus is the only meeting …"; [`MODIFIED_BY_SERIES`] too).
const NOT_ONE_MEETING_AFTER: &[&str] = &["is", "are", "has", "have"];

/// Whether the first word of `next`, the text after a series' name, makes the name a modifier
/// ([`MODIFIED_BY_SERIES`]) or a group's parent ([`GROUP_FOLLOWERS`]: "… (ADMM) Working
/// Group"), not one meeting.
pub(super) fn modifies_next(next: &str) -> bool {
    next.split_whitespace().next().is_some_and(|w| {
        let w = w.trim_end_matches([',', '.', ';', ')']);
        GROUP_FOLLOWERS.contains(&w)
            || MODIFIED_BY_SERIES.contains(&w.to_ascii_lowercase().as_str())
    })
}

/// Whether the first word of `next` says the series is spoken of, not one meeting:
/// [`MODIFIED_BY_SERIES`] or [`NOT_ONE_MEETING_AFTER`].
fn series_not_meeting_after(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    MODIFIED_BY_SERIES.contains(&w.as_str()) || NOT_ONE_MEETING_AFTER.contains(&w.as_str())
}

/// Words right after a series' name that make it the series' chair, a role, not one meeting
/// ("take over the ADMM Chair", "the ADMM chairmanship").
const ROLE_AFTER_SERIES: &[&str] = &[
    "chair",
    "chairs",
    "co-chair",
    "co-chairs",
    "chairman",
    "chairmanship",
];

/// Words joining a second series to the first, so that a word after both is said of each ("the
/// role of the ADMM and ADMM-Plus Chair").
const SERIES_JOINERS: &[&str] = &["and", "&"];

/// The most capitalised words of a second series' name after a [`SERIES_JOINERS`] word.
const JOINED_SERIES_WORDS: usize = 4;

/// Whether the series named up to byte `end` of `text` is the series' chair, a role: a word of
/// [`ROLE_AFTER_SERIES`] right after it, or after a second series joined to it ("the ADMM and
/// ADMM-Plus Chair").
fn names_the_role(text: &str, end: usize) -> bool {
    let role = |w: &str| ROLE_AFTER_SERIES.contains(&bare(w).to_ascii_lowercase().as_str());
    let mut after = text[end..].split_whitespace();
    match after.next() {
        Some(w) if role(w) => true,
        Some(w) if SERIES_JOINERS.contains(&w) => {
            for (k, w) in after.take(JOINED_SERIES_WORDS + 1).enumerate() {
                if k > 0 && role(w) {
                    return true;
                }
                if !w.starts_with(char::is_uppercase) {
                    return false;
                }
            }
            false
        }
        _ => false,
    }
}

/// Words before a series' name that make it the parent of a group whose meeting the sentence
/// speaks of.
const GROUPS_OF: &[&str] = &[
    "group of the",
    "groups of the",
    "committee of the",
    "subcommittee of the",
];

/// Bytes before a series' name within which [`GROUPS_OF`] makes it a group's parent ("the
/// working group of the Association of … (ADMM-Plus)").
const GROUP_OF_WINDOW: usize = 80;

/// Bytes between a series' name and its occurrence verb, at most.
const OCCURRENCE_SPAN: usize = 90;

/// Words saying a sentence speaks of a meeting still to come, which is then this year's meeting
/// of the series named, even without a date ("an ADMM-Plus is to be held as well").
const UNDATED_FUTURE: &[&str] = &[
    "there will be",
    "there will also be",
    "will be held",
    "will convene",
    "to be held",
];

/// Words right before a series' name (and an article, [`CUE_ARTICLES`]) that make it this
/// year's meeting still to come, even without a date ("work went on in preparation for the
/// ADSOM", "on the eve of an ADMM-Plus meeting"): a date of an earlier year in their sentence is
/// not the meeting's.
const UNDATED_CUES_AHEAD: &[&str] = &[
    "preparations for",
    "preparation for",
    "prepare for",
    "ahead of",
    "eve of",
    "run-up to",
    "lead-up to",
    "the upcoming",
    "the forthcoming",
    "the coming",
];

/// Words right before a series' name (and an article) that make it this year's meeting, held
/// ("met on the sidelines of the ADMM", "the outcomes of the ADSOM").
const UNDATED_CUES_DONE: &[&str] = &[
    "the recent",
    "the latest",
    "outcomes of",
    "results of",
    "sidelines of",
    "margins of",
    "following",
];

/// Articles that may stand between a cue and the series' name.
const CUE_ARTICLES: &[&str] = &["", " the", " a", " an"];

/// Whether `lead` ends with one of `cues`, an article after it or none.
fn ends_with_cue(lead: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| {
        CUE_ARTICLES.iter().any(|a| {
            lead.strip_suffix(a)
                .is_some_and(|l| l.ends_with(c) && (a.is_empty() || !c.starts_with("the ")))
        })
    })
}

/// Words before a series' name that make it one meeting when a year follows the name ("first
/// proposed at the ADMM-Plus in 2017"): that year's meeting.
const AT_THE: &[&str] = &["at the", "during the"];

/// The words between a year and the series' name it dates ("the 2026 edition of the ANCM").
const EDITION_OF: &str = " edition of the";

/// The word between a series' name and the year of its meeting ([`AT_THE`]).
const IN_YEAR: &str = "in ";

/// Words near a series' name that make it this year's meeting ("the theme of the ADMM this
/// year"), within [`OCCURRENCE_SPAN`] bytes.
const THIS_YEAR: &str = "this year";

/// Words right before a series' name that name its meeting of another year, by how many years.
const YEAR_SHIFTS: &[(&str, i16)] = &[
    ("last year's", -1),
    ("last year’s", -1),
    ("next year's", 1),
    ("next year’s", 1),
    ("the next", 1),
    ("the previous", -1),
];

/// Words right before a series' name that make it the meeting of the statement's own time
/// ("at this week's ADMM Retreat"); not "this year's", which often leads an office ("this
/// year's ACDFM chair").
const CURRENT_LEADS: &[&str] = &[
    "this week's",
    "this week’s",
    "this month's",
    "this month’s",
    "last week's",
    "last week’s",
];

/// The [`YEAR_SHIFTS`] that name a year outright, whatever day their sentence gives.
const YEAR_POSSESSIVES: &[&str] = &["year's", "year’s"];

/// What ends the clause after a series' name: the next item or clause.
const CLAUSE_ENDS: &[&str] = &[" and ", ",", ";", ".", " where ", " which ", " to "];

/// What ends the clause after a meeting's name in which "this year" is its year.
const YEAR_CLAUSE_ENDS: &[&str] = &[",", ";", ".", " which ", " where ", " while "];

/// Words opening the clause after a numbered meeting's name that give its past year ("the
/// third ADMM-Plus was held in 2015").
const HELD_IN_YEAR: &[&str] = &["was held in ", "took place in ", "was convened in "];

/// Words after a numbered meeting's clause that go on to another edition ("…, and the fourth
/// last year in the Philippines").
const AND_THE_NEXT: &str = ", and the ";

/// Words in that clause giving the meeting's year relative to the statement's.
const CLAUSE_YEAR_SHIFTS: &[(&str, i16)] = &[("last year", -1), ("next year", 1)];

/// A lowercase head right after a series' name that makes it one meeting of it: "the recent
/// ADSOM WG meeting".
const MEETING_AFTER: &[&str] = &["meeting", "session"];

/// What follows a series named without a number when its place and day do: "attended the ASEAN
/// Defence Senior Officials' Meeting (ADSOM) in Vientiane, Laos, on September 25".
const PLACE_AND_DAY_LEADS: &[&str] = &["in ", "on ", "at "];
/// The bytes from the end of the name to the day, at most.
const PLACE_AND_DAY_SPAN: usize = 60;

/// Whether the words after a series' name (`next`) make it an event under the series, not its
/// meeting: a lowercase event head ("an ADMM-Plus conference on …") or a capitalised name going
/// on to one ("the ADMM-Plus Counter-Terrorism Table-Top Exercise").
fn event_follows(next: &str) -> bool {
    let event_head = |w: &str| EVENTS_UNDER_SERIES.contains(&bare(w).to_ascii_lowercase().as_str());
    // "… Leaders Conference and the 22nd …": the name up to the list's "and the".
    let own_name = |n: String| n.split(NAME_LIST_JOINER).next().map(str::to_string);
    next.split_whitespace().next().is_some_and(event_head)
        || next.starts_with(char::is_uppercase)
            && name_at(next, 0)
                .and_then(own_name)
                .is_some_and(|n| n.split_whitespace().next_back().is_some_and(event_head))
}

/// What joins two names in a list, which [`name_at`] runs across.
const NAME_LIST_JOINER: &str = " and the ";

/// Whether two short names hold the same words in any order: "(MM EWG)" is "EWG-MM".
fn same_words_any_order(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        let mut w: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        w.sort_unstable();
        w
    };
    words(a) == words(b)
}

/// Whether a name opens a bracket that goes on past it: "(ADMM PLUS HADR Ex)" names an
/// exercise, not the ADMM-Plus.
fn opens_longer_bracket(text: &str, span: std::ops::Range<usize>) -> bool {
    text[..span.start].trim_end().ends_with('(') && !text[span.end..].trim_start().starts_with(')')
}

/// Whether both meetings are dated to the same days, however each sentence wrote them.
fn same_days(a: &Option<dates::DateRange>, b: &Option<dates::DateRange>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.same_days(b),
        (None, None) => true,
        _ => false,
    }
}

/// Whether `day` is a day of the month `month` ("18 November 2026" in "November 2026"): the
/// same meeting's date, told more precisely.
fn day_in_month(day: &Option<dates::DateRange>, month: &Option<dates::DateRange>) -> bool {
    match (day, month) {
        (Some(d), Some(m)) => {
            d.precision == dates::Precision::Day
                && m.precision == dates::Precision::Month
                && m.contains(d.start)
                && m.contains(d.end)
        }
        _ => false,
    }
}

/// Whether the statement names a meeting by its year ("Chair of ADMM 2023"), not only dates it
/// by a year alone ("the next meeting later this year").
fn named_by_year(m: &Meeting, statement: &Statement) -> bool {
    let year = m.id.rsplit('-').next().unwrap_or("");
    let suffix = format!(" {year}");
    // Its names with the year ("ANCM 2023" as an alias) or without ("AARM", named "AARM 2024"
    // by a sentence the meeting was not made from).
    let names = m
        .aliases
        .iter()
        .filter_map(|a| a.strip_suffix(&suffix))
        .chain(m.acronym.as_deref())
        .chain(m.series.as_deref());
    year.len() == 4
        && names.into_iter().any(|series| {
            // "ANCM 2023" or "the 2023 ANCM"
            let before = format!("{year} {series}");
            statement
                .paragraphs
                .iter()
                .any(|p| p.text.contains(&format!("{series}{suffix}")) || p.text.contains(&before))
        })
}

/// Gives a meeting with no date yet the year `year`.
/// Words between two meetings a sentence names as one pair ("the 19th ADMM and the 12th
/// ADMM-Plus"), an acronym in brackets after the first aside.
const PAIR_JOINERS: &[&str] = &[" and the ", " and ", " as well as the ", " along with the "];

/// What may stand between two series a sentence names as one list, an acronym in brackets
/// aside ("in preparation for the ADSOM WG, the ADMM and the ADMM-Plus").
const LIST_JOINERS: &[&str] = &[
    ",",
    "and",
    ", and",
    "and the",
    ", the",
    ", and the",
    "&",
    "as well as",
    "as well as the",
];

/// What may close a list of series and stand for its last item ("the ACDFM, the ADMM and related
/// meetings held this year").
const LIST_TAILS: &[&str] = &[
    " and related meetings",
    " and related meeting",
    " and other related meetings",
];

/// The byte after a bracket opening right at `at` ("(ADSOM)"), else `at`.
fn past_bracket(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let trimmed = rest.trim_start();
    match trimmed.strip_prefix('(').and_then(|r| r.find(')')) {
        Some(close) => at + (rest.len() - trimmed.len()) + close + 2,
        None => at,
    }
}

/// The bytes of the list of series that the `k`th of `listed` stands in, from its first item to
/// its last (past a closing [`LIST_TAILS`]): its own bytes when it stands alone. A cue before the
/// list or a clause after it is every item's ("in preparation for the ADSOM WG, the ADMM and the
/// ADMM-Plus"; "the ACDFM, the ADMM and related meetings held this year").
fn series_list(text: &str, listed: &[std::ops::Range<usize>], k: usize) -> std::ops::Range<usize> {
    let joined = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
        let from = past_bracket(text, a.end);
        from <= b.start
            && LIST_JOINERS.contains(&text[from..b.start].trim().to_ascii_lowercase().as_str())
    };
    let mut first = k;
    while first > 0 && joined(&listed[first - 1], &listed[first]) {
        first -= 1;
    }
    let mut last = k;
    while last + 1 < listed.len() && joined(&listed[last], &listed[last + 1]) {
        last += 1;
    }
    let mut end = listed[last].end;
    let after = past_bracket(text, end);
    if let Some(tail) = LIST_TAILS.iter().find(|t| {
        text[after..]
            .get(..t.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(t))
    }) {
        end = after + tail.len();
    }
    listed[first].start..end
}

/// Whether meeting `m` is of the known series `body` (by its acronym, else its name).
fn of_body(m: &Meeting, body: &Body) -> bool {
    match (&m.acronym, &body.acronym) {
        (Some(a), Some(b)) => a == b,
        _ => m.series.as_deref() == Some(body.name.as_str()),
    }
}

pub(super) fn set_year(m: &mut Meeting, year: i16) {
    if m.date.is_none() {
        m.date = Some(year.to_string());
        m.when = dates::parse_when(&year.to_string(), None).ok();
    }
}

/// Paragraphs that must name a known exercise for the statement to report it.
const REPORTED_EXERCISE_PARAGRAPHS: usize = 2;

/// The kinds of series whose instance a statement reports by naming it again and again.
const REPORTED_KINDS: &[BodyKind] = &[BodyKind::Exercise, BodyKind::MeetingSeries];

/// A series [`Extractor::reported_instance`] counts: where it is named, and the first naming
/// that speaks of an occurrence (its sentence, the byte of the name in it, its paragraph).
struct Reported<'b, 's> {
    body: &'b Body,
    cites: Vec<String>,
    cue: Option<(&'s str, usize, String)>,
    /// The cue is the statement's headline's.
    headline: bool,
    /// A sentence names the series right after words of a meeting under way ("on the sidelines
    /// of the ADMM-Plus"): once is enough.
    under_way: bool,
}

/// Whether the naming at `range` of `text` is a group's parent, a framework or a modifier
/// ("the ADMM-Plus Experts' Working Group", "under the ADMM", "the ADMM-Plus countries"), not
/// one meeting.
fn not_one_instance(text: &str, range: std::ops::Range<usize>) -> bool {
    let lead = text[..lead_end(text, range.start)]
        .trim_end()
        .to_ascii_lowercase();
    let after = &text[range.end..];
    let follower = after
        .split_whitespace()
        .next()
        .map(|w| w.trim_end_matches([',', '.', ';', ')']));
    GROUPS_OF
        .iter()
        .chain(FRAMEWORK_LEADS)
        .any(|g| lead.ends_with(g))
        || modifies_next(after)
        || follower
            .is_some_and(|w| NOT_ONE_MEETING_AFTER.contains(&w.to_ascii_lowercase().as_str()))
        || names_the_role(text, range.end)
}

/// Whether `lead` (lowercase, before a series' name) ends, a year aside, in words that make the
/// series' meeting the frame of another event the sentence tells: "in the framework of the
/// 2020", "on the sidelines of the".
fn frames_another(lead: &str) -> bool {
    let lead = match lead.rsplit_once(' ') {
        Some((before, last)) if naming_year(last).is_some() => before,
        _ => lead,
    };
    FRAMEWORK_LEADS
        .iter()
        .chain(AROUND_A_MEETING)
        .any(|f| lead.ends_with(f))
}

/// Words before a numbered series that make it the framework something else is held under:
/// "the experts' group met under the fifth ADMM-Plus".
const NUMBERED_FRAMEWORK_LEADS: &[&str] = &["under the", "auspices of the", "framework of the"];

/// Whether the series mentioned at `name` is numbered by an ordinal after
/// [`NUMBERED_FRAMEWORK_LEADS`]: a framework, not one of its meetings.
fn under_numbered(text: &str, name: &std::ops::Range<usize>) -> bool {
    let lead = text[..name.start].trim_end();
    let Some((before, last)) = lead.rsplit_once(' ') else {
        return false;
    };
    let before = before.to_ascii_lowercase();
    ordinal(last).is_some() && NUMBERED_FRAMEWORK_LEADS.iter().any(|l| before.ends_with(l))
}

/// Verbs saying someone led a meeting, which then took place: "the meeting, marking …, was
/// chaired by".
const LED_VERBS: &[&str] = &[" chaired", " co-chaired", " presided", " hosted"];

/// Verbs in the present saying someone leads a meeting, which makes it a meeting only when
/// the series' own clause gives its year ("when Laos chairs the ADMM next year").
const LEADS_VERBS: &[&str] = &[" chairs", " hosts"];

/// What comes between a series' name and its place: "… Conference in Vientiane".
const PLACE_LEADS: &[&str] = &[" in ", " at "];

/// Whether the sentence naming a series at `name` speaks of an occurrence: an occurrence verb,
/// "this year", or a place right after the name ("at the ASEAN Air Chiefs Conference in
/// Vientiane").
fn instance_cue(sentence: &str, name: std::ops::Range<usize>) -> bool {
    let lower = sentence.to_ascii_lowercase();
    let after = sentence.get(name.end..).unwrap_or("");
    OCCURRENCE_VERBS
        .iter()
        .chain(LED_VERBS)
        .chain(AROUND_A_MEETING)
        .any(|v| lower.contains(v))
        || lower.contains(THIS_YEAR)
        || PLACE_LEADS
            .iter()
            .filter_map(|l| after.find(l))
            .any(|k| k <= PLACE_AND_DAY_SPAN && place_in(&after[k..]).is_some())
}

/// Years a meeting's id may end in to be dated by it.
pub(super) const NAMED_YEARS: std::ops::RangeInclusive<i16> = 1967..=2100;

/// The year a meeting's name carries when `word` is one: four digits, nothing joined after
/// ("2022", "2022’", "2022,"; not "2021-2023" or "2021–23").
pub(super) fn naming_year(word: &str) -> Option<i16> {
    let digits = word.trim_end_matches(['’', '\'', '"', '”', ',', '.', ';', ':', ')']);
    (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| NAMED_YEARS.contains(y))
}

/// A series as a rule names it: its short name, its full name, and whether the rule keeps the
/// series as a mechanism whatever [`Extractor::occurrence`] finds.
pub(super) struct SeriesName<'a> {
    pub(super) short: &'a str,
    pub(super) name: &'a str,
    pub(super) kept: bool,
}

/// What extraction knows of a statement so far, read paragraph by paragraph.
pub(super) struct Extractor<'a> {
    pub(super) statement: &'a Statement,
    pub(super) bodies: &'a [Body],
    /// The statement's year and day, which dates written without them are read against.
    pub(super) clock: Clock,
    pub(super) meetings: Vec<Meeting>,
    pub(super) mechanisms: Vec<Mechanism>,
    /// Index of the meeting the text spoke of last ("the meeting", "the same day").
    pub(super) last_meeting: Option<usize>,
    /// The meeting the statement's lead paragraphs name first: what the report is about.
    pub(super) main_meeting: Option<usize>,
    /// Who hosted each meeting, by index, as a sentence about it said: its chair when no
    /// sentence names one.
    pub(super) hosts: Vec<(usize, String)>,
    /// Paragraphs read so far (headings aside).
    pub(super) paragraphs_read: usize,
    /// A chair a paragraph named for "the meeting" before any meeting was named, and where.
    pub(super) early_chair: Option<(String, String)>,
    /// Each state's delegation and its head ([`super::people::delegation_heads`]), with the
    /// meeting its sentence names alone (else the one the statement reports) and where.
    pub(super) delegations: Vec<(Option<usize>, String, String)>,
}

impl Extractor<'_> {
    /// Known bodies named in the paragraph: an instance of a series named by number or year
    /// ("the 17th ASEAN Navy Chiefs' Meeting", "ADSOM 2024"), or by its sentence ("ADSOM was
    /// held in Vientiane on 25 September"), described from its sentence; a body that is no
    /// series of meetings (a network, a centre, an exercise) is a mechanism.
    pub(super) fn known_mentions(&mut self, text: &str, cite: &str, mentioned: &mut Vec<usize>) {
        let found = known::mentions(text, self.bodies);
        // Series named bare, which a list may join.
        let bare: Vec<usize> = (0..found.len())
            .filter(|&k| {
                found[k].number.is_none()
                    && found[k].year.is_none()
                    && found[k].body.kind.has_instances()
            })
            .collect();
        let ranges: Vec<std::ops::Range<usize>> =
            bare.iter().map(|&k| found[k].range.clone()).collect();
        for (k, m) in found.iter().enumerate() {
            let body = m.body;
            let sentence = sentence_around(text, m.range.start);
            // A series named bare (not one of its meetings) is a mechanism too.
            let bare_series = m.number.is_none() && m.year.is_none();
            if body.kind != BodyKind::MeetingSeries || bare_series {
                self.known_mechanism(body, sentence, cite);
            }
            // "the 9th <programme>", "the 18th <working group>": a numbered meeting of a body
            // that is no series is still one of its meetings; a working group meets like a
            // series ("the … Working Group on Counter-Terrorism met in Moscow on 20 July").
            let meets = body.kind.has_instances()
                || body.kind == BodyKind::WorkingGroup && body.name.contains(GROUP_TOPIC);
            if !meets && m.number.is_none() {
                continue;
            }
            // "the 18th <series> Experts Working Group on …": a meeting of the series' group,
            // not the series' 18th.
            let group_follows = text[m.range.end..]
                .split_whitespace()
                .next()
                .is_some_and(|w| GROUP_FOLLOWERS.contains(&w.trim_end_matches(['\'', '’'])));
            // "the inaugural ADMM+ Disaster Relief Exercise": the exercise's number, not the
            // series'.
            let event = event_follows(text[m.range.end..].trim_start());
            if m.number.is_some() && (group_follows || event || under_numbered(text, &m.range)) {
                continue;
            }
            // "AIME-23" in a statement of 2023: an exercise's year, not its 23rd edition.
            let two_digit_year = self.clock.year.filter(|_| {
                body.kind == BodyKind::Exercise
                    && m.number
                        .is_some_and(|n| is_two_digit_year(n, self.clock.year))
            });
            let (number, year) = match two_digit_year {
                Some(y) => (None, Some(y)),
                None => (m.number, m.year),
            };
            let i = match (number, year, &body.acronym) {
                (Some(n), _, Some(acronym)) => {
                    Some(self.numbered_meeting(acronym, n, &body.name, cite))
                }
                (Some(n), _, None) => Some(self.instance(body, &n.to_string(), cite)),
                (None, Some(y), _) => Some(self.instance(body, &y.to_string(), cite)),
                (None, None, _) => {
                    let key = body.acronym.as_deref().unwrap_or(&body.name);
                    let series = SeriesName {
                        short: key,
                        name: &body.name,
                        kept: true,
                    };
                    // "<an exercise's long name the list does not know> (AHMX)": the mention
                    // starts where the name does, so the words before the name cue it.
                    let named = match body.kind {
                        BodyKind::Exercise => lead_end(text, m.range.start).min(m.range.start),
                        _ => m.range.start,
                    }..m.range.end;
                    let list = bare
                        .iter()
                        .position(|&b| b == k)
                        .map_or(named.clone(), |b| series_list(text, &ranges, b));
                    let i = self.occurrence(series, text, named, list, sentence, cite);
                    // A known series' meeting carries the series' acronym.
                    if let Some(m) = i.map(|i| &mut self.meetings[i]) {
                        if m.number.is_none() {
                            m.acronym = m.acronym.take().or_else(|| body.acronym.clone());
                        }
                    }
                    i
                }
            };
            let Some(i) = i else { continue };
            let here = offset_in(sentence, text, m.range.start);
            // "met in Hue on 2 May ahead of the ADSOM", "held on 18 February in the framework
            // of the 2020 ADMM Retreat": what comes before the cue is the other meeting's; this
            // one is described from its own name on.
            let lead = text[..lead_end(text, m.range.start)]
                .trim_end()
                .to_ascii_lowercase();
            let own_from_name = ends_with_cue(&lead, UNDATED_CUES_AHEAD) || frames_another(&lead);
            match here.filter(|_| own_from_name) {
                Some(at) => self.describe_meeting(i, &sentence[at..], Some(0), cite),
                None => self.describe_meeting(i, sentence, here, cite),
            }
            if let Some(y) = year {
                set_year(&mut self.meetings[i], y);
            }
            if !mentioned.contains(&i) {
                mentioned.push(i);
            }
        }
    }

    /// The instance of a known series named by a year, or by a number when it has no acronym:
    /// "ADSOM 2024" is `adsom-2024`.
    pub(super) fn instance(&mut self, body: &Body, which: &str, cite: &str) -> usize {
        self.series_instance(body.acronym.as_deref(), &body.name, which, cite)
    }

    /// The instance `which` (a year or a number) of the series with this acronym and name: the
    /// one known, or a new one.
    pub(super) fn series_instance(
        &mut self,
        acronym: Option<&str>,
        name: &str,
        which: &str,
        cite: &str,
    ) -> usize {
        let key = acronym.unwrap_or(name);
        let id = format!("{}-{which}", fact_id(key));
        if let Some(i) = self.meetings.iter().position(|m| m.id == id) {
            push_cite(&mut self.meetings[i].cites, cite.to_string());
            return i;
        }
        self.meetings.push(Meeting {
            acronym: acronym.map(str::to_string),
            series: Some(name.to_string()),
            aliases: vec![format!("{key} {which}")],
            ..new_meeting(id, format!("{name} {which}"), cite)
        });
        self.meetings.len() - 1
    }

    /// A known body that is no meeting series, as a mechanism citing where it is named.
    pub(super) fn known_mechanism(&mut self, body: &Body, sentence: &str, cite: &str) {
        let id = match &body.acronym {
            Some(a) => fact_id(a),
            None => fact_id(&body.name),
        };
        // "Experts' Working Groups (EWGs)", named as a pair, is the known EWG.
        let plural = body.acronym.as_ref().map(|a| format!("{a}s"));
        let named_as_plural = |m: &Mechanism| plural.is_some() && m.acronym == plural;
        if let Some(m) = self
            .mechanisms
            .iter_mut()
            .find(|m| m.id == id || named_as_plural(m))
        {
            push_cite(&mut m.cites, cite.to_string());
            return;
        }
        self.mechanisms.push(Mechanism {
            id,
            acronym: body.acronym.clone(),
            name: body.name.clone(),
            aliases: body.aliases.clone(),
            category: Some(body.kind.as_str().to_string()),
            description: Some(clip(sentence, 300)),
            origin: Origin::Extracted,
            cites: vec![cite.to_string()],
        });
    }

    /// "The ASEAN Defence Ministers' Meeting Retreat (ADMM Retreat) was held in Penang … on 26
    /// February": one meeting of a series without a number, when its sentence says it took place
    /// and when. Its id is its short name and year (and month, for a second meeting of the series
    /// in the same year). `span` is the name as written in `text`.
    pub(super) fn occurrence(
        &mut self,
        series: SeriesName<'_>,
        text: &str,
        span: std::ops::Range<usize>,
        list: std::ops::Range<usize>,
        sentence: &str,
        cite: &str,
    ) -> Option<usize> {
        let SeriesName {
            short: acr,
            name,
            kept: series_kept,
        } = series;
        let (start, end) = (span.start, span.end);
        let lower = sentence.to_ascii_lowercase();
        // A short name in brackets right after the full one: "(ADMM Retreat)".
        let after = text.get(end..).unwrap_or("").trim_start();
        let bracket = after
            .strip_prefix('(')
            .and_then(|r| r.split_once(')'))
            .map(|(s, rest)| (s.trim().to_string(), rest));
        // "… Working Group (WG)" after "ADSOM … (ADSOM)": the part of a known acronym is none.
        let short = bracket
            .as_ref()
            .map(|(s, _)| s.clone())
            .filter(|s| {
                !s.is_empty()
                    && s.len() <= 30
                    && !acr.ends_with(&format!(" {s}"))
                    && !same_words_any_order(s, acr)
            })
            .unwrap_or_else(|| acr.to_string());
        // What follows the name, or the list it closes: "… (ADSOM) in Vientiane, Laos, on
        // September 25".
        let next = if list.end > end {
            text[past_bracket(text, list.end)..].trim_start()
        } else {
            bracket.map_or(after, |(_, rest)| rest).trim_start()
        };
        // "to host an ADMM-Plus conference on … in 2022": an event under the series, not its
        // meeting.
        // "the ADMM-Plus Counter-Terrorism Table-Top Exercise": a capitalised name going on
        // after the series' to an event's head.
        if event_follows(next) || modifies_next(next) || names_the_role(text, end) {
            return None;
        }
        let dates = find_dates(sentence, self.clock.year, false);
        // Both are slices of `text`: where the rest starts within the sentence.
        let next_at = (next.as_ptr() as usize).wrapping_sub(sentence.as_ptr() as usize);
        let placed_on_a_day = || {
            PLACE_AND_DAY_LEADS.iter().any(|l| next.starts_with(l))
                && dates.iter().any(|d| {
                    d.when.precision == dates::Precision::Day
                        && d.range.start >= next_at
                        && d.range.start - next_at <= PLACE_AND_DAY_SPAN
                })
        };
        // "speaking at the ADMM in Vientiane on Wednesday": a weekday or the statement's own day
        // ("today") after the place of a meeting someone was at.
        let placed_on_a_weekday = || {
            PLACE_AND_DAY_LEADS.iter().any(|l| next.starts_with(l))
                && names_a_day(&next[..floor_char(next, PLACE_AND_DAY_SPAN)])
        };
        // "an ADMM-Plus is to be held as well", "preparations for the ADSOM": this year's
        // meeting of the series, still to come, without a date.
        let lead = text[..lead_end(text, list.start)]
            .trim_end()
            .to_ascii_lowercase();
        // "the forthcoming ADMM and ADMM-Plus meetings": a cue before the first of two series
        // joined by "and" cues the second too.
        let joined_lead = lead
            .strip_suffix(" and")
            .and_then(|l| l.rsplit_once(' '))
            .map(|(before, _)| before);
        let cued_by = |cues: &[&str]| {
            ends_with_cue(&lead, cues) || joined_lead.is_some_and(|l| ends_with_cue(l, cues))
        };
        let ahead = cued_by(UNDATED_CUES_AHEAD);
        let cued = ahead || cued_by(UNDATED_CUES_DONE);
        // "at the ADMM-Plus in 2017": that year's meeting.
        let at_year = AT_THE
            .iter()
            .any(|c| lead.ends_with(c))
            .then(|| next.strip_prefix(IN_YEAR))
            .flatten()
            .and_then(|r| r.get(..4))
            .and_then(|y| y.parse::<i16>().ok())
            .filter(|y| NAMED_YEARS.contains(y));
        // "the ‘ROK-ASEAN Defence Vice-Ministerial Meeting 2022’", "the 2019 ASEAN … Meeting":
        // the meeting its name's year names.
        let named = next
            .split_whitespace()
            .next()
            .and_then(naming_year)
            .or_else(|| {
                // "the 2026 edition of the <series>": the edition's year.
                let lead = lead.strip_suffix(EDITION_OF).unwrap_or(&lead);
                let mut words = lead.split_whitespace().rev();
                let year = words.next().and_then(naming_year)?;
                (words.next() == Some("the")).then_some(year)
            });
        if let Some(year) = at_year.or(named) {
            let id = format!("{}-{year}", fact_id(&short));
            let (i, new) = self.series_meeting(id, name, short, cite);
            if new && at_year.is_none() {
                let here = offset_in(sentence, text, start);
                self.describe_edition(i, year, sentence, here, cite);
            }
            set_year(&mut self.meetings[i], year);
            return Some(i);
        }
        // "the cybersecurity working group of the ADMM-Plus, which kicked off Wednesday": the
        // group's meeting, not the series'.
        let window = text[..start]
            .get(start.saturating_sub(GROUP_OF_WINDOW)..)
            .unwrap_or("")
            .to_ascii_lowercase();
        let framed_at_a_place = lead.ends_with(FRAMED_AT_A_PLACE)
            && next.starts_with(IN_YEAR)
            && place_in(&format!(
                " {}",
                &next[..floor_char(next, FRAMED_PLACE_SPAN)]
            ))
            .is_some();
        if GROUPS_OF
            .iter()
            .any(|g| lead.ends_with(g) || window.contains(g))
            || FRAMEWORK_LEADS.iter().any(|f| lead.ends_with(f)) && !framed_at_a_place
        {
            return None;
        }
        // The verb near the name: "… within the ADMM-Plus" long after "was held" is no meeting.
        let sentence_at = sentence.as_ptr() as usize - text.as_ptr() as usize;
        let here = start.wrapping_sub(sentence_at);
        // A list's clause after its last item is every item's.
        let list_end = list.end.max(end).wrapping_sub(sentence_at);
        let this_year = lower
            .match_indices(THIS_YEAR)
            .any(|(at, _)| at > here && at.saturating_sub(list_end.max(here)) <= OCCURRENCE_SPAN);
        // "last year's ADMM-Plus meeting", "next year's ADMM": the year before or after.
        let shift = YEAR_SHIFTS
            .iter()
            .find(|(w, _)| lead.ends_with(w))
            .map_or(0, |(_, k)| *k);
        let headed = next
            .split_whitespace()
            .next()
            .is_some_and(|w| MEETING_AFTER.contains(&w.trim_end_matches([',', '.', ';'])));
        // The weaker cues make a meeting only of a series the caller keeps as a mechanism too,
        // so the series itself is never lost to them.
        let current = CURRENT_LEADS.iter().any(|w| lead.ends_with(w));
        let weak = series_kept && (this_year || current || headed || shift != 0);
        // Words that speak of the meeting as one to come, or of its being held.
        let told = UNDATED_FUTURE.iter().any(|v| lower.contains(v)) || cued;
        let coming = told || weak;
        // "the ADMM approved a plan to hold a harbour conference": the verb's object is another
        // event, not a meeting of the series named before it.
        let near = OCCURRENCE_VERBS.iter().any(|v| {
            lower.match_indices(v).any(|(at, _)| {
                let after = &lower[at + v.len()..];
                at.abs_diff(here) <= OCCURRENCE_SPAN
                    && !(at > here && TRANSITIVE_HOLDS.contains(v) && object_is_an_event(after))
            })
        });
        // "at the ADMM in Vientiane in 2024", "when Laos chaired the ADMM in 2024": a meeting
        // when its own clause gives the year.
        let clause_year = self.year_after_name(next);
        let at_or_led = clause_year.is_some()
            && (AT_THE.iter().any(|c| lead.ends_with(c))
                || LED_VERBS
                    .iter()
                    .chain(LEADS_VERBS)
                    .any(|v| lower.contains(v)));
        let at_on_a_weekday = AT_THE.iter().any(|c| lead.ends_with(c)) && placed_on_a_weekday();
        let chaired_on_a_day = CHAIRED_THE.iter().any(|c| lead.ends_with(c))
            && names_a_day(&next[..floor_char(next, CHAIRED_DAY_SPAN)]);
        if !near
            && !chaired_on_a_day
            && !placed_on_a_day()
            && !coming
            && !at_or_led
            && !at_on_a_weekday
            && !framed_at_a_place
        {
            return None;
        }
        // "said on the eve of an ADMM-Plus meeting …, after they were invited in 2019": a date
        // of an earlier year is not the meeting's still to come.
        // "met in Bangkok on 3 February ahead of the ADSOM": a day before the cue is the other
        // meeting's.
        let date = date_near(sentence, here, self.clock, &OCCURRENCE_DATE).filter(|d| {
            !ahead || self.clock.year.is_none_or(|y| d.when.end.year() >= y) && d.range.start > here
        });
        // "talks on Thursday on next year's <series>": the shifted year, when the day the
        // sentence gives is of another year (the talks'). "The previous <series>" may be of any
        // earlier year, so only a year's possessive counts.
        let year_possessive = YEAR_POSSESSIVES.iter().any(|p| lead.ends_with(p));
        let shifted =
            self.clock.year.map(|y| y + shift).filter(|y| {
                year_possessive && date.as_ref().is_none_or(|d| d.when.start.year() != *y)
            });
        // "attended the ADSOM in Kuala Lumpur in 2025", "met at the ADMM-Plus in Jakarta last
        // year": the year its own clause gives, a place between, unless the sentence gives a
        // day or a month.
        let dated_finer = date
            .as_ref()
            .is_some_and(|d| d.when.precision != dates::Precision::Year);
        let own_year = clause_year.filter(|_| !dated_finer);
        if let Some(year) = shifted.or(own_year) {
            let id = format!("{}-{year}", fact_id(&short));
            let (i, new) = self.series_meeting(id, name, short, cite);
            set_year(&mut self.meetings[i], year);
            if new && shifted.is_none() {
                self.describe_meeting(i, sentence, Some(here), cite);
            }
            return Some(i);
        }
        let Some(date) = date else {
            let year = self.clock.year?;
            // "the ADMM Retreat was held a day before …", in a sentence dated no other year:
            // the statement's own year's meeting.
            let follower = next
                .split_whitespace()
                .next()
                .map(|w| w.trim_end_matches([',', '.', ';']).to_ascii_lowercase());
            let undated_now = near
                && shift == 0
                && dates.iter().all(|d| d.when.start.year() == year)
                && !lead.ends_with(" of the")
                && !opens_longer_bracket(text, start..end)
                && !follower.is_some_and(|w| series_not_meeting_after(&w));
            // "… in the first quarter of 2017, followed by the ADSOM meeting proper": a meeting
            // named only with its head, in a sentence of one other year, is of that year.
            let sentence_year = dates.first().map(|d| d.when.start.year()).filter(|y| {
                dates
                    .iter()
                    .all(|d| d.when.start.year() == *y && d.when.end.year() == *y)
            });
            let year = match sentence_year {
                Some(y) if headed && !told && !this_year && shift == 0 => y,
                _ => year + shift,
            };
            let id = format!("{}-{year}", fact_id(&short));
            if !(coming || undated_now) {
                return None;
            }
            let (i, _) = self.series_meeting(id, name, short, cite);
            // A meeting still to come keeps its year against any earlier one its sentence gives.
            if ahead || Some(year) != self.clock.year {
                set_year(&mut self.meetings[i], year);
            }
            return Some(i);
        };
        let start = date.when.start;
        let mut id = format!("{}-{}", fact_id(&short), start.year());
        if let Some(i) = self.meetings.iter().position(|m| m.id == id) {
            // an ADSOM WG in March and another in June: two meetings. One known by its year
            // alone is this one, now dated by the day.
            let known = self.meetings[i].when.clone();
            let by_year = known
                .as_ref()
                .is_none_or(|w| w.precision == dates::Precision::Year);
            let other_month = known.is_some_and(|w| w.start.month() != start.month());
            if by_year && date.when.precision != dates::Precision::Year {
                let m = &mut self.meetings[i];
                m.date = Some(date.text);
                m.when = Some(date.when);
                self.describe_meeting(i, sentence, Some(here), cite);
                return Some(i);
            }
            if !other_month {
                push_cite(&mut self.meetings[i].cites, cite.to_string());
                return Some(i);
            }
            id = format!("{id}-{:02}", start.month());
        }
        let (i, new) = self.series_meeting(id, name, short, cite);
        if new {
            self.describe_meeting(i, sentence, Some(here), cite);
        }
        Some(i)
    }

    /// Describes meeting `i`, named by its `year`, from its sentence: a day of another year
    /// there is another event's and is not its date.
    fn describe_edition(
        &mut self,
        i: usize,
        year: i16,
        sentence: &str,
        here: Option<usize>,
        cite: &str,
    ) {
        self.describe_meeting(i, sentence, here, cite);
        let m = &mut self.meetings[i];
        if m.when.as_ref().is_some_and(|w| w.start.year() != year) {
            m.date = None;
            m.when = None;
        }
        set_year(m, year);
    }

    /// The year the clause right after a series' name gives its meeting, within
    /// [`PLACE_AND_DAY_SPAN`] bytes and before the next item ("in Kuala Lumpur in 2025", "in
    /// Jakarta last year", "… the ADMM next year"), when the clause gives no day.
    fn year_after_name(&self, next: &str) -> Option<i16> {
        // "the ADMM-Plus meeting in Jakarta": past the head word.
        let next = MEETING_AFTER
            .iter()
            .find_map(|h| next.strip_prefix(h))
            .map_or(next, str::trim_start);
        let mut clause = &next[..floor_char(next, PLACE_AND_DAY_SPAN)];
        if let Some(end) = CLAUSE_ENDS.iter().filter_map(|e| clause.find(e)).min() {
            clause = &clause[..end];
        }
        let lower = clause.to_ascii_lowercase();
        // "will host the ADMM next year": the shift right after the name.
        if let Some((_, k)) = CLAUSE_YEAR_SHIFTS
            .iter()
            .find(|(w, _)| lower.starts_with(w))
        {
            return self.clock.year.map(|y| y + k);
        }
        if !PLACE_AND_DAY_LEADS.iter().any(|l| clause.starts_with(l)) {
            return None;
        }
        // A day or a month there is the sentence's date to read ([`date_near`]).
        let only_years = find_dates(clause, self.clock.year, false)
            .iter()
            .all(|d| d.when.precision == dates::Precision::Year);
        if !only_years {
            return None;
        }
        if let Some((_, k)) = CLAUSE_YEAR_SHIFTS.iter().find(|(w, _)| lower.contains(w)) {
            return self.clock.year.map(|y| y + k);
        }
        let year = find_dates(clause, self.clock.year, true)
            .first()?
            .when
            .start
            .year();
        NAMED_YEARS.contains(&year).then_some(year)
    }

    /// The meeting of a series with id `id`, citing `cite`: the one known, or a new one named
    /// `name` and `short`; whether it is new.
    fn series_meeting(
        &mut self,
        id: String,
        name: &str,
        short: String,
        cite: &str,
    ) -> (usize, bool) {
        if let Some(i) = self.meetings.iter().position(|m| m.id == id) {
            push_cite(&mut self.meetings[i].cites, cite.to_string());
            return (i, false);
        }
        let mut m = new_meeting(id, name.to_string(), cite);
        m.series = Some(name.to_string());
        m.aliases = vec![short];
        self.meetings.push(m);
        (self.meetings.len() - 1, true)
    }

    /// A series' meeting kept by its year ("ADMM 2021", from "the ADMM … was held on 15 June")
    /// that is a numbered meeting of the same series on the same days ("the 15th ADMM") is that
    /// meeting: its citations go to it.
    pub(super) fn merge_occurrences(&mut self) {
        let mut i = 0;
        while i < self.meetings.len() {
            let m = &self.meetings[i];
            let same = m.number.is_none().then(|| {
                self.meetings.iter().position(|n| {
                    let series_year = n
                        .acronym
                        .as_ref()
                        .zip(n.when.as_ref())
                        .map(|(a, w)| format!("{}-{}", fact_id(a), w.start.year()));
                    // The same days, or for an exercise the same year ("AIME-2023" and "the
                    // first AIME"): a series of exercises holds one a year. A numbered meeting
                    // no sentence dated is the series' one of the year when the statement
                    // numbers no other ("the 25th ACAMM …; the ACAMM, which commenced on 20
                    // November").
                    // Its own day or month, or no date at all; a year alone is another
                    // meeting of that year ("the next meeting later this year").
                    let m_year = match &m.when {
                        Some(w)
                            if w.precision == dates::Precision::Year
                                && !named_by_year(m, self.statement) =>
                        {
                            None
                        }
                        Some(w) => Some(w.start.year()),
                        None => self.clock.year,
                    };
                    // … or dated in the statement's year, when `m` has no date at all ("the
                    // 20th ACAMM was held on 25 November"; "on the sidelines of the ACAMM").
                    // … or, "the 2023 ANCM" named by its year, dated in that year ("the 17th
                    // ANCM on Wednesday …; the 2023 ANCM was hosted by …").
                    let n_this_year = match &n.when {
                        None => true,
                        Some(w) => {
                            (m.when.is_none() && Some(w.start.year()) == self.clock.year)
                                || (m
                                    .when
                                    .as_ref()
                                    .is_some_and(|w| w.precision == dates::Precision::Year)
                                    && named_by_year(m, self.statement)
                                    && Some(w.start.year()) == m_year)
                        }
                    };
                    // `n` is of `m`'s series and this year's, `m` being the series' meeting of
                    // the statement's year; the one numbered meeting of the series (`where_`
                    // narrowing which count) is then `m`.
                    let this_years = n_this_year
                        && m_year.is_some()
                        && m_year == self.clock.year
                        && n.acronym
                            .as_ref()
                            .zip(m_year)
                            .map(|(a, y)| format!("{}-{y}", fact_id(a)))
                            .as_deref()
                            == Some(m.id.as_str());
                    let only_numbered = |where_: &dyn Fn(&Meeting) -> bool| {
                        self.meetings
                            .iter()
                            .filter(|o| o.number.is_some() && o.acronym == n.acronym && where_(o))
                            .count()
                            == 1
                    };
                    let alone = this_years && only_numbered(&|_| true);
                    let same_when = m.when.is_some()
                        && (same_days(&n.when, &m.when)
                            || day_in_month(&m.when, &n.when)
                            || is_exercise(m));
                    // "the forthcoming ADMM" (its year alone) and "the 19th ADMM in October",
                    // still to come: the one coming meeting of the series that year.
                    // Past editions the statement recalls without a date ("the 30th and 31st
                    // AARM") are no other coming one.
                    let to_come = |o: &Meeting| {
                        o.when.as_ref().is_some_and(|w| {
                            self.clock.published.is_some_and(|today| w.start > today)
                        })
                    };
                    let coming = m
                        .when
                        .as_ref()
                        .is_none_or(|w| w.precision == dates::Precision::Year)
                        && to_come(n)
                        && only_numbered(&to_come);
                    let same_year = series_year.as_deref() == Some(m.id.as_str());
                    // "… met in Hue on Tuesday; … the 7th … EWG, which goes on in Hue, and the
                    // 8th … in Perth": the one numbered meeting of the
                    // series held where it was.
                    let same_place = this_years
                        && m.place.is_some()
                        && n.place == m.place
                        && only_numbered(&|o| o.place == m.place);
                    n.number.is_some()
                        && (alone || same_place || ((same_when || coming) && same_year))
                })
            });
            let Some(Some(into)) = same else {
                i += 1;
                continue;
            };
            let gone = self.meetings.remove(i);
            let into = if into > i { into - 1 } else { into };
            let kept = &mut self.meetings[into];
            // No date, or the month the merged one's day falls in: the more precise wins.
            if kept.when.is_none() || day_in_month(&gone.when, &kept.when) {
                kept.date = gone.date;
                kept.when = gone.when;
            }
            kept.place = kept.place.take().or(gone.place);
            kept.chair = kept.chair.take().or(gone.chair);
            for c in gone.cites {
                push_cite(&mut kept.cites, c);
            }
            let delegations = self.delegations.iter_mut().map(|(k, _, _)| k);
            for slot in [&mut self.last_meeting, &mut self.main_meeting]
                .into_iter()
                .chain(delegations)
            {
                *slot = slot.and_then(|k| match k.cmp(&i) {
                    std::cmp::Ordering::Less => Some(k),
                    std::cmp::Ordering::Equal => Some(into),
                    std::cmp::Ordering::Greater => Some(k - 1),
                });
            }
        }
    }

    /// The full name of a meeting series this statement has named by `acronym`.
    pub(super) fn series_named(&self, acronym: &str) -> Option<String> {
        let letters = acronym.trim_end_matches("-Plus");
        if letters.len() < 2 || !letters.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        self.meetings
            .iter()
            .find(|m| m.acronym.as_deref() == Some(acronym))
            .and_then(|m| m.series.clone())
            .or_else(|| {
                self.mechanisms
                    .iter()
                    .find(|m| {
                        m.acronym.as_deref() == Some(acronym)
                            && m.category.as_deref() == Some(MEETING_SERIES)
                    })
                    .map(|m| m.name.clone())
            })
    }

    /// After every paragraph: the first edition of a known series with a `first` year, undated,
    /// is of that year ("fifteen years after the first ADMM-Plus in Hanoi" is the 2010 one, not
    /// this year's).
    pub(super) fn first_editions_dated(&mut self) {
        for m in self.meetings.iter_mut().filter(|m| m.number == Some(1)) {
            let first = self
                .bodies
                .iter()
                .find(|b| b.acronym.is_some() && b.acronym == m.acronym)
                .and_then(|b| b.first);
            if let Some(year) = first {
                set_year(m, year);
            }
        }
    }

    /// After every paragraph: each delegation and its head attended the meeting its sentence
    /// named alone, else the one the statement reports ("A Vietnamese delegation led by X
    /// attended the meeting" after a paragraph naming the next ADMM is at the ADSOM reported).
    pub(super) fn delegations_attend(&mut self) {
        let reported = self.reported_meeting();
        for (named, item, cite) in std::mem::take(&mut self.delegations) {
            let Some(i) = named.or(reported) else {
                continue;
            };
            let m = &mut self.meetings[i];
            if super::people::merge_people(m, vec![item], Vec::new()) {
                push_cite(&mut m.cites, cite);
            }
        }
    }

    /// After every paragraph: a chair named for "the meeting" before any meeting was named
    /// chairs the meeting the statement reports: its main meeting, else the one cited first
    /// (of the statement's year before another's).
    pub(super) fn early_chair(&mut self) {
        let Some((chair, cite)) = self.early_chair.take() else {
            return;
        };
        if let Some(m) = self.reported_meeting().map(|i| &mut self.meetings[i]) {
            if m.chair.is_none() {
                m.chair = Some(chair);
                push_cite(&mut m.cites, cite);
            }
        }
    }

    /// A document a sentence says was adopted, agreed, endorsed or launched (`d`, in paragraph
    /// `text`) is an outcome of the meeting the sentence names (the first, when it names
    /// several), else of the meeting the statement reports, when that is of the statement's year.
    pub(super) fn outcome(&mut self, d: &super::documents::Document, text: &str, cite: &str) {
        if fact_id(&d.name).is_empty() {
            return;
        }
        let Some(i) = self.outcome_meeting(&text[d.sentence.clone()]) else {
            return;
        };
        self.add_outcome(i, super::text::capitalise_first(&d.name), cite);
    }

    /// The meeting whose outcome a document named in `sentence` is: the meeting the sentence
    /// names (the first, when it names several), else the one the statement reports, when that
    /// is of the statement's year.
    pub(super) fn outcome_meeting(&self, sentence: &str) -> Option<usize> {
        self.outcome_meeting_near(sentence, 0)
    }

    /// [`Self::outcome_meeting`] for a document at byte `at` of `sentence`: of the meetings the
    /// sentence names, the last named before it ("the ADMM and the ADMM-Plus, which issued a
    /// joint communique"), else the first after it.
    pub(super) fn outcome_meeting_near(&self, sentence: &str, at: usize) -> Option<usize> {
        // Where each meeting is named first, and how long the naming is: "ADMM-Plus" names the
        // ADMM-Plus, not the ADMM its first letters name.
        let namings: Vec<(usize, usize, usize)> = (0..self.meetings.len())
            .filter_map(|i| {
                let r = naming_span(sentence, &self.meetings[i])?;
                Some((r.start, r.len(), i))
            })
            .collect();
        let named = namings
            .iter()
            .filter(|&&(n, _, _)| n < at)
            .max_by_key(|&&(n, len, _)| (n, len))
            .or_else(|| {
                namings
                    .iter()
                    .min_by_key(|&&(n, len, _)| (n, std::cmp::Reverse(len)))
            })
            .map(|&(_, _, i)| i);
        let year = self.clock.year;
        let reported = || {
            self.reported_meeting().filter(|&i| {
                self.meetings[i]
                    .when
                    .as_ref()
                    .is_none_or(|w| Some(w.start.year()) == year)
            })
        };
        named.or_else(reported)
    }

    /// Lists `name` among the outcomes of meeting `i`, citing `cite`.
    pub(super) fn add_outcome(&mut self, i: usize, name: String, cite: &str) {
        let m = &mut self.meetings[i];
        if !m.outcomes.contains(&name) {
            m.outcomes.push(name);
            push_cite(&mut m.cites, cite.to_string());
        }
    }

    /// The meeting the statement reports: its main meeting, else the one cited first (of the
    /// statement's year before another's).
    fn reported_meeting(&self) -> Option<usize> {
        let paragraph = |c: &String| {
            c.rsplit('#')
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(usize::MAX)
        };
        let year = self.clock.year;
        self.main_meeting.or_else(|| {
            (0..self.meetings.len()).min_by_key(|&i| {
                let m = &self.meetings[i];
                let other_year = m
                    .when
                    .as_ref()
                    .is_some_and(|w| Some(w.start.year()) != year);
                (m.cites.iter().map(paragraph).min(), other_year, i)
            })
        })
    }

    /// After every paragraph: a meeting no sentence gave a chair is chaired by its host, and
    /// held in it when the host is a state and no sentence gave a place.
    pub(super) fn hosts_chair(&mut self) {
        for (i, host) in std::mem::take(&mut self.hosts) {
            let m = &mut self.meetings[i];
            // "Vietnam hosted the 23rd ANCM", no place named: it was held in the host state.
            if m.place.is_none() && COUNTRIES.contains(&host.as_str()) {
                m.place = Some(host.trim_start_matches("the ").to_string());
            }
            if m.chair.is_none() {
                m.chair = Some(host);
            }
        }
    }

    /// After every paragraph: a known exercise or meeting series the statement names again and
    /// again ("AUMX includes eight warships …; the AUMX is co-led by …", "colleagues met at the
    /// ASEAN Air Chiefs Conference in Vientiane …; the conference goes on until Friday") is its
    /// instance of the statement's year, when no meeting leads the statement and no edition of
    /// it was found. A meeting series needs one naming that speaks of an occurrence
    /// ([`instance_cue`]); a naming as a group's parent or a framework is none.
    pub(super) fn reported_instance(&mut self) {
        let (Some(year), None) = (self.clock.year, self.main_meeting) else {
            return;
        };
        let mut counts: Vec<Reported> = Vec::new();
        for p in self.statement.paragraphs.iter().filter(|p| !p.heading) {
            for m in known::mentions(&p.text, self.bodies) {
                if !REPORTED_KINDS.contains(&m.body.kind) || m.number.is_some() || m.year.is_some()
                {
                    continue;
                }
                let cite = super::cite(self.statement, p);
                let sentence = sentence_around(&p.text, m.range.start);
                let cue = offset_in(sentence, &p.text, m.range.start)
                    .filter(|_| !not_one_instance(&p.text, m.range.clone()))
                    .filter(|&at| instance_cue(sentence, at..at + m.range.len()))
                    .map(|at| (sentence, at, cite.clone()));
                let under_way = cue.is_some() && {
                    let before = p.text[..m.range.start].trim_end().to_ascii_lowercase();
                    AROUND_A_MEETING.iter().any(|a| before.ends_with(a))
                };
                match counts.iter_mut().find(|r| std::ptr::eq(r.body, m.body)) {
                    Some(r) => {
                        push_cite(&mut r.cites, cite);
                        r.cue = r.cue.take().or(cue);
                        r.under_way |= under_way;
                    }
                    None => counts.push(Reported {
                        body: m.body,
                        cites: vec![cite],
                        cue,
                        headline: false,
                        under_way,
                    }),
                }
            }
        }
        // "Deputy minister attends ADSOM+ in Laos": a headline telling the occurrence cues the
        // series its text names, once is enough.
        if let Some(p) = self.statement.paragraphs.first().filter(|p| p.heading) {
            for m in known::mentions(&p.text, self.bodies) {
                let Some(r) = counts.iter_mut().find(|r| std::ptr::eq(r.body, m.body)) else {
                    continue;
                };
                let told = m.number.is_none()
                    && m.year.is_none()
                    && !not_one_instance(&p.text, m.range.clone())
                    && instance_cue(&p.text, m.range.clone());
                if told && r.cue.is_none() {
                    r.cue = Some((&p.text, m.range.start, super::cite(self.statement, p)));
                    r.headline = true;
                }
            }
        }
        let Some(reported) = counts
            .into_iter()
            .filter(|r| r.cites.len() >= REPORTED_EXERCISE_PARAGRAPHS || r.headline || r.under_way)
            .filter(|r| r.body.kind == BodyKind::Exercise || r.cue.is_some())
            .max_by_key(|r| r.cites.len())
        else {
            return;
        };
        let body = reported.body;
        let series = [body.acronym.as_deref(), Some(body.name.as_str())];
        let has_edition = self.meetings.iter().any(|m| {
            series.contains(&m.acronym.as_deref()) || series.contains(&m.series.as_deref())
        });
        if has_edition {
            return;
        }
        let i = self.instance(body, &year.to_string(), &reported.cites[0]);
        for c in reported.cites {
            push_cite(&mut self.meetings[i].cites, c);
        }
        if let Some((sentence, at, cite)) = reported.cue {
            self.describe_meeting(i, sentence, Some(at), &cite);
            // A day of another year is another meeting's: this one keeps its year.
            let m = &mut self.meetings[i];
            if m.when.as_ref().is_some_and(|w| w.start.year() != year) {
                m.date = None;
                m.when = None;
            }
        }
        // The statement names no other meeting: a theme it gives is this one's ("held under the
        // theme …").
        let themed = self
            .statement
            .paragraphs
            .iter()
            .filter(|p| !p.heading)
            .find_map(|p| {
                Some((
                    super::fields::theme(&p.text)?,
                    super::cite(self.statement, p),
                ))
            });
        let m = &mut self.meetings[i];
        if let (None, Some((theme, cite))) = (&m.theme, themed) {
            m.theme = Some(theme);
            push_cite(&mut m.cites, cite);
        }
        set_year(m, year);
        self.main_meeting = Some(i);
    }

    /// After every paragraph: a chair handing the office on ("X handed over the chairmanship of
    /// the ADMM and ADMM-Plus to Y", [`handover`]) chairs the reported meeting of each series
    /// the sentence names (the meeting the statement reports when it names none), and Y the series'
    /// next one: numbered one more, else of the following year. A meeting a sentence gave a
    /// chair keeps it, unless that chair is a state alone and the handover names a person.
    pub(super) fn handover_chairs(&mut self) {
        let Some(year) = self.clock.year else {
            return;
        };
        for p in self.statement.paragraphs.iter().filter(|p| !p.heading) {
            for (_, sentence) in super::text::sentences(&p.text) {
                let Some(h) = handover(sentence) else {
                    continue;
                };
                let cite = super::cite(self.statement, p);
                let named: Vec<&Body> = known::mentions(&sentence[h.handed.clone()], self.bodies)
                    .into_iter()
                    .map(|m| m.body)
                    .collect();
                let mut pairs: Vec<(Option<usize>, Option<usize>)> = named
                    .iter()
                    .map(|body| {
                        let of: Vec<usize> = (0..self.meetings.len())
                            .filter(|&i| of_body(&self.meetings[i], body))
                            .collect();
                        let current = self.current_of(&of, year);
                        (current, self.next_of(&of, current, year))
                    })
                    .collect();
                if named.is_empty() {
                    let current = self.reported_meeting();
                    let acronym = current.and_then(|i| self.meetings[i].acronym.clone());
                    let of: Vec<usize> = (0..self.meetings.len())
                        .filter(|&i| acronym.is_some() && self.meetings[i].acronym == acronym)
                        .collect();
                    pairs.push((current, self.next_of(&of, current, year)));
                }
                for (current, next) in pairs {
                    let sides = [(current, h.giver.as_ref()), (next, h.receiver.as_ref())];
                    for (i, chair) in sides {
                        let (Some(i), Some(chair)) = (i, chair) else {
                            continue;
                        };
                        let m = &mut self.meetings[i];
                        let state_alone = m.chair.as_deref().is_some_and(|c| {
                            COUNTRIES.contains(&c) && !COUNTRIES.contains(&chair.as_str())
                        });
                        if m.chair.is_none() || state_alone {
                            m.chair = Some(chair.clone());
                            push_cite(&mut m.cites, cite.clone());
                        }
                    }
                }
            }
        }
    }

    /// Of a series' meetings `of`, the one a statement of `year` reports: its main meeting, else
    /// the one of that year, else its one undated meeting.
    fn current_of(&self, of: &[usize], year: i16) -> Option<usize> {
        if let Some(main) = self.main_meeting.filter(|i| of.contains(i)) {
            return Some(main);
        }
        let year_of = |i: usize| self.meetings[i].when.as_ref().map(|w| w.start.year());
        of.iter()
            .copied()
            .find(|&i| year_of(i) == Some(year))
            .or_else(|| {
                let undated: Vec<usize> = of
                    .iter()
                    .copied()
                    .filter(|&i| year_of(i).is_none())
                    .collect();
                (undated.len() == 1).then(|| undated[0])
            })
    }

    /// Of a series' meetings `of`, the one after `current`: numbered one more, else the one of
    /// the year after `year`.
    fn next_of(&self, of: &[usize], current: Option<usize>, year: i16) -> Option<usize> {
        let number = current.and_then(|i| self.meetings[i].number);
        let by_number = number.and_then(|n| {
            of.iter()
                .copied()
                .find(|&i| self.meetings[i].number == Some(n + 1))
        });
        by_number.or_else(|| {
            of.iter().copied().find(|&i| {
                Some(i) != current
                    && self.meetings[i]
                        .when
                        .as_ref()
                        .is_some_and(|w| w.start.year() == year + 1)
            })
        })
    }

    /// After every paragraph: a chair named short ("KSAL Yudo") is named as the statement
    /// names the person in full elsewhere ("Admiral Yudo Margono"), see [`in_full`]; a surname
    /// alone ("Austin") with the words before it ("Lloyd Austin").
    pub(super) fn chairs_in_full(&mut self) {
        let text: String = self
            .statement
            .paragraphs
            .iter()
            .filter(|p| !p.heading)
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        for m in &mut self.meetings {
            let Some(chair) = m.chair.as_deref() else {
                continue;
            };
            let surname = || {
                super::people::one_word_name(chair)
                    .then(|| super::people::surname_in_full(chair, &text))
                    .flatten()
            };
            if let Some(full) = in_full(chair, &text).or_else(surname) {
                m.chair = Some(full);
            }
        }
    }

    /// After every paragraph: two meetings a sentence names as one pair ("hosted the 2nd … Leaders
    /// Conference and the 22nd … Meeting over two days", "the 19th ADMM and the 12th ADMM-Plus,
    /// to be held from …") were held together: one the statement gave no place, date or theme
    /// takes its partner's.
    pub(super) fn joined_meetings_share(&mut self) {
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for p in self.statement.paragraphs.iter().filter(|p| !p.heading) {
            for (_, sentence) in super::text::sentences(&p.text) {
                let mut named: Vec<(std::ops::Range<usize>, usize)> = (0..self.meetings.len())
                    .filter_map(|i| Some((naming_span(sentence, &self.meetings[i])?, i)))
                    .collect();
                // A name two meetings share ("ADMM-Plus" of the 12th and of next year's) tells
                // neither.
                let spans: Vec<std::ops::Range<usize>> =
                    named.iter().map(|(r, _)| r.clone()).collect();
                named.retain(|(r, _)| spans.iter().filter(|s| *s == r).count() == 1);
                // A name inside a longer one ("2nd ASEAN … Community" in "2nd ASEAN …
                // Community Leaders Conference") is not a naming of its own.
                named.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
                let mut reach = 0;
                named.retain(|(r, _)| {
                    let inside = r.end <= reach;
                    reach = reach.max(r.end);
                    !inside
                });
                for w in named.windows(2) {
                    let ((a, i), (b, j)) = (&w[0], &w[1]);
                    let between = sentence.get(a.end..b.start).unwrap_or("");
                    let between = between.trim_start_matches(|c: char| {
                        c == ')'
                            || c == '('
                            || c.is_ascii_uppercase()
                            || c == '-'
                            || c.is_ascii_digit()
                    });
                    if PAIR_JOINERS.contains(&between) {
                        pairs.push((*i, *j));
                    }
                }
            }
        }
        for (i, j) in pairs {
            for (from, to) in [(i, j), (j, i)] {
                let (place, date, when, theme) = {
                    let m = &self.meetings[from];
                    (
                        m.place.clone(),
                        m.date.clone(),
                        m.when.clone(),
                        m.theme.clone(),
                    )
                };
                let m = &mut self.meetings[to];
                if m.place.is_none() {
                    m.place = place;
                }
                if m.date.is_none() && date.is_some() {
                    m.date = date;
                    m.when = when;
                }
                if m.theme.is_none() {
                    m.theme = theme;
                }
            }
        }
    }

    /// After every paragraph: a meeting known by its year ("ADSOM 2024", "… Exercise-2018")
    /// that no sentence dated is dated by that year.
    pub(super) fn year_of_named(&mut self) {
        for m in self.meetings.iter_mut().filter(|m| m.date.is_none()) {
            let year =
                m.id.rsplit('-')
                    .next()
                    .filter(|y| y.len() == 4)
                    .and_then(|y| y.parse::<i16>().ok())
                    .filter(|y| NAMED_YEARS.contains(y));
            if let Some(y) = year {
                set_year(m, y);
            }
        }
    }

    pub(super) fn numbered_meeting(
        &mut self,
        acronym: &str,
        number: u32,
        series: &str,
        cite: &str,
    ) -> usize {
        let id = format!("{}-{number}", fact_id(acronym));
        if let Some(i) = self.meetings.iter().position(|m| m.id == id) {
            push_cite(&mut self.meetings[i].cites, cite.to_string());
            return i;
        }
        let handle = format!("{acronym}-{number}");
        self.meetings.push(Meeting {
            acronym: Some(acronym.to_string()),
            number: Some(number),
            series: Some(series.to_string()),
            aliases: vec![
                handle,
                format!("{} {acronym}", crate::dates::ordinal(number)),
            ],
            ..new_meeting(
                id,
                format!("{} {series}", crate::dates::ordinal(number)),
                cite,
            )
        });
        self.meetings.len() - 1
    }

    /// A numbered meeting's sentence going on to another edition of its series with ", and the
    /// <ordinal>" after its naming at byte `at`: the meeting's own part, the other edition's
    /// number and its part ("fourth last year in the Philippines").
    fn elliptical_edition<'s>(
        &self,
        i: usize,
        sentence: &'s str,
        at: Option<usize>,
    ) -> Option<(&'s str, u32, &'s str)> {
        let number = self.meetings[i].number?;
        let at = at?;
        let cut = at + sentence.get(at..)?.find(AND_THE_NEXT)?;
        let tail = &sentence[cut + AND_THE_NEXT.len()..];
        let mut words = tail.split_whitespace();
        let other = ordinal(words.next()?)?;
        // "…, and the seventh ADMM Plus": another meeting named in full, not left out.
        let named = words.next().is_some_and(super::text::capitalised);
        (other != number && !named).then_some((&sentence[..cut], other, tail))
    }

    /// Date, place, chair, participants and observers from the sentence naming the meeting at
    /// byte `at` of it (when the caller knows where).
    pub(super) fn describe_meeting(
        &mut self,
        i: usize,
        sentence: &str,
        at: Option<usize>,
        cite: &str,
    ) {
        let clock = self.clock;
        let at = at.or_else(|| first_naming(sentence, &self.meetings[i]));
        // "The third ADMM-Plus was held in 2015, and the fourth last year in the Philippines":
        // the clause after ", and the <ordinal>" tells of the series' other edition.
        if let Some((own, other, tail)) = self.elliptical_edition(i, sentence, at) {
            self.describe_meeting(i, own, at, cite);
            let m = &self.meetings[i];
            let (Some(acronym), Some(series)) = (m.acronym.clone(), m.series.clone()) else {
                return;
            };
            let k = self.numbered_meeting(&acronym, other, &series, cite);
            self.describe_meeting(k, tail, Some(0), cite);
            return;
        }
        let m = &mut self.meetings[i];
        push_cite(&mut m.cites, cite.to_string());
        // The date and the place named after the meeting first ("… spoke in Hanoi of the X
        // Meeting to be held in Tokyo"), else anywhere in its sentence.
        if m.date.is_none() {
            if let Some(d) = date_near(sentence, at.unwrap_or(0), clock, &MEETING_DATE) {
                m.date = Some(d.text);
                m.when = Some(d.when);
            }
        }
        // "will organise the 14th ANCM in Da Nang later this year": no day, the year (a
        // numbered meeting; one named by its series alone is read by [`Self::occurrence`]).
        if m.date.is_none() && m.number.is_some() {
            let clause = naming_span(sentence, m).map_or("", |r| {
                let after = &sentence[r.end..];
                let end = YEAR_CLAUSE_ENDS
                    .iter()
                    .filter_map(|e| after.find(e))
                    .min()
                    .unwrap_or(after.len());
                &after[..end]
            });
            // "The third ADMM-Plus was held in 2015": a past edition's year.
            let held_in = HELD_IN_YEAR
                .iter()
                .find_map(|lead| clause.trim_start().strip_prefix(lead))
                .and_then(|rest| rest.get(..4))
                .and_then(|y| y.parse::<i16>().ok())
                .filter(|y| NAMED_YEARS.contains(y) && clock.year.is_none_or(|now| *y <= now));
            if let Some(year) = clock.year.filter(|_| clause.contains(THIS_YEAR)) {
                set_year(m, year);
            } else if let Some(year) = held_in {
                set_year(m, year);
            }
        }
        // A state alone gives way to a city of it a later sentence names ("held in Indonesia",
        // then "held in Jakarta, Indonesia").
        let state_alone = m.place.as_deref().filter(|p| COUNTRIES.contains(p));
        if m.place.is_none() || state_alone.is_some() {
            let state_alone = state_alone.map(str::to_string);
            let after = at.map_or("", |at| &sentence[at..]);
            // A place before the meeting is its own, unless it follows another meeting named
            // before ("After the 1st … Meeting in Hanoi, the 2nd … Meeting was held on 3 May").
            let before = &sentence[..at.unwrap_or(0)];
            let other_named = before
                .split_whitespace()
                .find(|w| is_meeting_name(w.trim_end_matches([',', '.', ';'])))
                .map(|w| w.as_ptr() as usize - before.as_ptr() as usize);
            let own = match other_named {
                Some(end) => &before[..end],
                None => sentence,
            };
            let place = place_in(after)
                .or_else(|| place_in(own))
                .or_else(|| host_state(sentence));
            m.place = match state_alone {
                Some(state) => Some(
                    place
                        .filter(|p| p.ends_with(&format!(", {state}")))
                        .unwrap_or(state),
                ),
                None => place,
            };
        }
        if m.chair.is_none() && handover(sentence).is_none() {
            m.chair = chair_of(sentence, m);
        }
        let (participants, observers) = attendance(sentence);
        merge_people(m, participants, observers);
    }

    pub(super) fn mechanism(
        &mut self,
        acronym: Option<&str>,
        name: &str,
        category: &str,
        sentence: &str,
        cite: &str,
    ) {
        let id = fact_id(acronym.unwrap_or(name));
        // The same body named again, with or without its acronym: one mechanism.
        if let Some(m) = self
            .mechanisms
            .iter_mut()
            .find(|m| m.id == id || m.name.eq_ignore_ascii_case(name))
        {
            if m.acronym.is_none() {
                m.acronym = acronym.map(str::to_string);
            }
            push_cite(&mut m.cites, cite.to_string());
            return;
        }
        self.mechanisms.push(Mechanism {
            id,
            acronym: acronym.map(str::to_string),
            name: name.to_string(),
            aliases: Vec::new(),
            category: Some(category.to_string()),
            description: (!sentence.is_empty()).then(|| clip(sentence, 300)),
            origin: Origin::Extracted,
            cites: vec![cite.to_string()],
        });
    }

    /// "meeting between X and Y", "dialogue between …", "X convened with Y": one meeting per pair.
    pub(super) fn bilateral(&mut self, text: &str, cite: &str) -> Option<usize> {
        let lower = text.to_ascii_lowercase();
        let mut found = None;
        for word in BETWEEN_LEADS {
            if let Some(at) = lower.find(word) {
                let from = at + word.len();
                // The name reader takes "X and Y" as one name; the two sides are its halves.
                let both = name_at(text, from)?;
                let (first, second) = both.split_once(" and ")?;
                found = Some((first.to_string(), second.to_string()));
                break;
            }
        }
        if found.is_none() {
            for word in MET_WITH {
                if let Some(at) = text.find(word) {
                    // The side is the name the verb follows, not the sentence's first words
                    // ("At the sidelines of …, the ASEAN ministers met with …").
                    let first = name_before(text, at)?;
                    let second = name_at(text, at + word.len())?;
                    found = Some((first, second));
                    break;
                }
            }
        }
        let (a, b) = found?;
        let (a, b) = (strip_the(&a), strip_the(&b));
        // "between Wei and ASEAN defence ministers": one word that is no state and no acronym is
        // a piece of a name, not a side.
        if !is_side(&a) || !is_side(&b) {
            return None;
        }
        let key = |p: &[String]| {
            let mut k: Vec<String> = p.iter().map(|s| crate::ingest::normalise(s)).collect();
            k.sort();
            k
        };
        let want = key(&[a.clone(), b.clone()]);
        if let Some(i) = self
            .meetings
            .iter()
            .position(|m| m.acronym.is_none() && key(&m.participants) == want)
        {
            push_cite(&mut self.meetings[i].cites, cite.to_string());
            return Some(i);
        }
        // The same two sides named differently ("of the Lao People's Democratic Republic" and "of
        // Lao PDR") are still one meeting when the statement has only one such meeting.
        // The shorter wording of each side is the statement's usual one.
        if let Some(i) = self
            .meetings
            .iter()
            .position(|m| m.acronym.is_none() && m.participants.len() == 2)
        {
            let m = &mut self.meetings[i];
            push_cite(&mut m.cites, cite.to_string());
            for (slot, new) in m.participants.iter_mut().zip([a, b]) {
                if new.len() < slot.len() {
                    *slot = new;
                }
            }
            m.name = bilateral_name(&m.participants[0], &m.participants[1]);
            m.aliases = vec![format!("{} and {}", m.participants[0], m.participants[1])];
            return Some(i);
        }
        let mut m = new_meeting(
            format!("{}-meeting", self.statement.id),
            bilateral_name(&a, &b),
            cite,
        );
        m.aliases = vec![format!("{a} and {b}")];
        m.participants = vec![a, b];
        self.meetings.push(m);
        let i = self.meetings.len() - 1;
        let sentence = text;
        if let Some(d) = date_in(sentence, self.clock, &BILATERAL_DATE) {
            self.meetings[i].date = Some(d.text);
            self.meetings[i].when = Some(d.when);
        }
        self.meetings[i].place = place_in(sentence);
        Some(i)
    }
}

/// Whether a name can be a side of a meeting: two words or more, a state, or an acronym.
fn is_side(name: &str) -> bool {
    name.split_whitespace().count() >= 2
        || COUNTRIES.contains(&name)
        || name.chars().all(|c| c.is_ascii_uppercase())
}

/// A meeting with a name and one citation, nothing else known yet.
pub(super) fn new_meeting(id: String, name: String, cite: &str) -> Meeting {
    Meeting {
        id,
        name,
        acronym: None,
        number: None,
        series: None,
        aliases: Vec::new(),
        date: None,
        place: None,
        chair: None,
        participants: Vec::new(),
        observers: Vec::new(),
        theme: None,
        topics: Vec::new(),
        outcomes: Vec::new(),
        mechanisms: Vec::new(),
        related: Vec::new(),
        summary: None,
        origin: Origin::Extracted,
        cites: vec![cite.to_string()],
        when: None,
    }
}

fn bilateral_name(a: &str, b: &str) -> String {
    format!("Meeting of the {a} and the {b}")
}
