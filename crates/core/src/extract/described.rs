//! Meetings named by description rather than by name: a dialogue partner's informal meeting
//! with the ASEAN defence ministers ("the second informal meeting between ASEAN and Australian
//! defence ministers", "the 2026 Informal Defence Ministers' Meeting with Canada and ASEAN"), and
//! the ASEAN ministers' own ("the fourth meeting of defence ministers of the ASEAN member states
//! and dialogue partners", "a meeting of their defence ministers in Singapore last week"), and a
//! series' members meeting ("ASEAN navy chiefs met in Pattaya on Sunday").

use super::fields::{date_near, is_weekday, opens_with_a_day, MEETING_DATE};
use super::known;
use super::meetings::{modifies_next, Extractor};
use super::spans::{floor_char, is_meeting_head, ordinal, ordinal_before};
use super::text::{bare, find_word, sentences};
use crate::corpus::BodyKind;
use crate::dates::MONTH_NAMES;
use std::ops::Range;

/// Dialogue partners: the name a series' short form takes ("ASEAN-Australia DMIM"), and the words
/// a sentence names them by.
const PARTNERS: &[(&str, &[&str])] = &[
    ("Australia", &["Australia", "Australian"]),
    ("US", &["U.S.", "US", "United States", "American"]),
    ("China", &["China", "Chinese"]),
    ("Japan", &["Japan", "Japanese"]),
    ("Korea", &["Republic of Korea", "Korea", "Korean", "ROK"]),
    ("India", &["India", "Indian"]),
    ("Russia", &["Russia", "Russian"]),
    ("New Zealand", &["New Zealand"]),
    ("Canada", &["Canada", "Canadian"]),
    ("EU", &["European Union", "EU"]),
];

/// Places named after a partner, where its name names no partner at the table ("the South China
/// Sea").
const PARTNER_NAMED_PLACES: &[&str] = &[
    "South China Sea",
    "East China Sea",
    "Indian Ocean",
    "Sea of Japan",
    "Korean Peninsula",
];

/// Words naming ASEAN's side of the meeting.
const ASEAN_SIDE: &[&str] = &["ASEAN", "Asean", "South-east Asia", "Southeast Asia"];

/// Lowercase words for an exercise held between ASEAN and a partner ("the first-ever maritime
/// exercise", "joint drills").
const PARTNER_EXERCISE_WORDS: &[&str] = &["exercise", "exercises", "drill", "drills"];

/// Words saying the exercise is at sea, as the partners' known exercises are.
const AT_SEA_WORDS: &[&str] = &["maritime", "naval", "navies", "navy", "at sea"];

/// Words before the exercise word within which its ordinal stands ("the first, week-long
/// naval exercise").
const EXERCISE_ORDINAL_WITHIN: usize = 4;

/// Words after the phrase that make the meeting ASEAN's own (the ADMM Retreat: "an informal
/// meeting of ASEAN defence ministers"), lowercase.
const ASEAN_OWN: &[&str] = &[
    "of asean",
    "of the asean",
    "among asean",
    "of southeast asian",
];

/// The words that open the description ("an unofficial meeting"), lowercase, and the heads that
/// close it: one meeting, or one with each partner named ("held informal meetings with China,
/// Japan and the US").
const INFORMAL: &[&str] = &["informal", "unofficial", "non-formal"];
const MEETING: &str = "meeting";
const MEETINGS: &str = "meetings";
const OF: &str = "of ";

/// A meeting told by its verb, lowercase: "meeting informally on the sidelines, the ministers of
/// ASEAN and China …", "met informally".
const MET: &[&str] = &["met", "meet", "meets", "meeting"];
const INFORMALLY: &str = "informally";

/// ASEAN's series that stand for its side of a partner's informal meeting ("the ADMM will issue
/// a declaration ahead of informal meetings with China").
const ASEAN_SERIES_SIDE: &[&str] = &["ADMM"];

/// Bytes before "informal" within which "ASEAN-<Partner> <Capital>" makes the phrase part of a
/// name the name rules read ("the ASEAN-India Defence Ministers' Informal Meeting").
const NAMED_SPAN: usize = 60;

/// Capitalised words after "ASEAN-<Partner>" read for a meeting's head noun.
const NAME_WORDS: usize = 8;

/// The most words between "informal" and "meeting" ("Informal Defence Ministers' Meeting").
const WORDS_BETWEEN: usize = 3;

/// Words that open a ministers' meeting told by description, lowercase.
const MEETING_OF: &str = "meeting of";

/// Words for the ministers, lowercase, within [`MINISTERS_WITHIN`] words after "meeting of".
const MINISTERS: &[&str] = &["defence ministers", "defense ministers"];
const MINISTERS_WITHIN: usize = 3;

/// Words after the ministers that make the meeting the ADMM-Plus's ("… and dialogue partners").
const PLUS_SIDE: &[&str] = &["dialogue partners", "plus countries", "eight partners"];

/// How many bytes after the ministers [`PLUS_SIDE`] is looked for.
const PLUS_SIDE_SPAN: usize = 80;

/// ASEAN's name spelled out, lowercase, longest first.
const ASEAN_SPELLED_OUT: &[&str] = &[
    "association of southeast asian nations (asean)",
    "association of southeast asian nations",
];

/// The known series the ministers' meeting is a meeting of: without partners, with them.
const MINISTERS_SERIES: (&str, &str) = ("ADMM", "ADMM-Plus");

/// Words of ASEAN's side right before a series' members ("the ASEAN navy chiefs", "Asean's
/// army chiefs"), lowercase, within [`MEMBERS_SIDE_WORDS`] words.
const ASEAN_BEFORE: &[&str] = &["asean", "asean's", "asean’s"];
const MEMBERS_SIDE_WORDS: usize = 3;

/// The words of another member and "and" that ASEAN's side may stand before ("ASEAN army chiefs
/// and sergeant majors").
const JOINED_MEMBER_WORDS: usize = 3;

/// The region's name, lowercase, as the word before "Asian" ("Southeast Asian navy chiefs") or
/// a word of its own ("navy chiefs from Southeast Asia").
const REGION: &[&str] = &["southeast", "south-east"];
const ASIAN: &str = "asian";

/// Words after the members that lead to ASEAN's side ("navy chiefs from nine Asean countries",
/// "defence ministers of the ASEAN member states"), ASEAN named within [`MEMBERS_SIDE_WORDS`]
/// words after them.
const MEMBERS_OF: &[&str] = &["of", "from"];

/// Words after [`MEMBERS_OF`] within which ASEAN's side is named: "the defence ministers of
/// members of the Association of Southeast Asian Nations".
const MEMBERS_OF_SIDE_WORDS: usize = 6;

/// ASEAN's own series, lowercase, whose countries are ASEAN's side after [`MEMBERS_OF`]
/// ("defence senior officials of the ADMM-Plus countries").
const SERIES_SIDES: &[&str] = &["admm", "admm-plus", "admm+"];

/// Endings of a [`SERIES_SIDES`] name that bring the partners: the meeting is the "-Plus" one.
const PLUS_SIDE_ENDS: [&str; 2] = ["-plus", "+"];

/// Verbs saying the members met, lowercase: "met", "will meet", "held their annual meeting".
const GATHERED: &[&str] = &[
    "met",
    "meet",
    "gathered",
    "gather",
    "convened",
    "convene",
    "held a meeting",
    "held their",
    "hold a meeting",
    "hold their",
];

/// Verbs saying the members decided something, lowercase: a meeting when a day stands right
/// before or after the verb ("ASEAN defence ministers agreed Monday to …", "… on Friday
/// adopted …").
const DECIDED_ON_A_DAY: &[&str] = &[
    "agreed", "adopted", "signed", "endorsed", "approved", "pledged",
];

/// Words in the members' sentence placing what they decided at another event ("… agreed Monday
/// to share tide charts on the sidelines of a harbour forum"): no meeting of their own.
const AT_ANOTHER_EVENT: &[&str] = &["sidelines of", "sideline of", "margins of"];

/// Words anywhere in the members' sentence saying they met: "At their annual meeting in Bali,
/// ASEAN defence chiefs agreed …", "… have started their annual meeting", "… the communiqué
/// closing their annual summit".
const THEIR_MEETING: &[&str] = &[
    "their meeting",
    "their annual meeting",
    "their summit",
    "their annual summit",
    "their conference",
    "their annual conference",
];

/// Words right before ASEAN's side of the members that name their meeting, lowercase: "a
/// meeting of the ASEAN air force leaders", "the annual conference of ASEAN army chiefs".
const MEETING_OF_MEMBERS: &[&str] = &[
    "meeting of",
    "meetings of",
    "meeting for",
    "meetings for",
    "conference of",
    "gathering of",
];

/// Bytes from the end of the members to their verb, at most.
const GATHERED_SPAN: usize = 80;

/// Words after the verb that make it no one meeting of the series ("meet annually", "met with
/// their Chinese counterpart", "will meet their counterpart": a habit, or another meeting),
/// lowercase.
const NOT_GATHERING_AFTER: &[&str] = &[
    "with",
    "annually",
    "regularly",
    "every",
    "once",
    "twice",
    "each",
    "informally",
    "their",
];

/// Words between the members and their verb that bring partners to the table: the meeting is
/// the series' "-Plus" one ("the defence ministers of ASEAN and their counterparts from eight
/// dialogue partners met").
const WITH_PARTNERS: &[&str] = &["counterparts", "dialogue partners", "plus countries"];
const PLUS_SUFFIX: &str = "-Plus";

/// The most bytes from "meeting of" to the bracket naming the series its description closes on.
const BRACKETED_SERIES_SPAN: usize = 160;

/// The known meeting series a description closes on in brackets, within
/// [`BRACKETED_SERIES_SPAN`] bytes of `clause`, before its sentence goes on past a comma and
/// naming no group on the way: "meeting of defense chiefs of … and its Dialogue Partners
/// (ADMM-Plus)".
fn bracketed_series<'b>(
    clause: &str,
    bodies: &'b [crate::corpus::Body],
) -> Option<&'b crate::corpus::Body> {
    let window = &clause[..floor_char(clause, BRACKETED_SERIES_SPAN)];
    let mut from = 0;
    while let Some(open) = window[from..].find('(').map(|k| from + k) {
        // "the 4th meeting of the Harbour Working Group of the … (ADMM)": a group's meeting.
        let group = window[..open]
            .split_whitespace()
            .any(|w| known::GROUP_FOLLOWERS.contains(&bare(w)));
        if group || window[..open].contains([',', ';']) {
            return None;
        }
        let close = open + 1 + window[open + 1..].find(')')?;
        let series = known::named(&window[open + 1..close], bodies)
            .filter(|b| b.kind == BodyKind::MeetingSeries);
        if series.is_some() {
            return series;
        }
        from = close + 1;
    }
    None
}

/// Where ASEAN's side of the members at `at..end` of `lower` is named: right before them, or
/// in the words of [`MEMBERS_OF`] right after; the bytes from the side's first word to the end of
/// its last.
fn asean_members(lower: &str, at: usize, end: usize) -> Option<Range<usize>> {
    let offset = |w: &str| w.as_ptr() as usize - lower.as_ptr() as usize;
    // "ASEAN army chiefs and sergeant majors": the side before the first reaches the second.
    let joined = lower[..at].trim_end().ends_with(" and");
    let before: Vec<&str> = lower[..at]
        .split_whitespace()
        .rev()
        .take(MEMBERS_SIDE_WORDS + if joined { JOINED_MEMBER_WORDS } else { 0 })
        .take_while(|w| !w.ends_with(','))
        .collect();
    let side = before.iter().enumerate().find_map(|(k, w)| {
        if ASEAN_BEFORE.contains(w) || ASEAN_BEFORE.contains(&bare(w)) {
            return Some(*w);
        }
        // "Southeast Asian": the side starts at the region's word.
        let region = before.get(k + 1).filter(|r| REGION.contains(r));
        (*w == ASIAN).then_some(region).flatten().copied()
    });
    if let Some(side) = side {
        return Some(offset(side)..end);
    }
    let mut words = lower[end..].split_whitespace();
    if !words.next().is_some_and(|w| MEMBERS_OF.contains(&w)) {
        return None;
    }
    words
        .take(MEMBERS_OF_SIDE_WORDS)
        .find(|w| {
            let w = bare(w);
            ASEAN_BEFORE.contains(&w) || REGION.contains(&w) || SERIES_SIDES.contains(&w)
        })
        .map(|w| at..offset(w) + w.len())
}

/// "A meeting of the ASEAN navy chiefs": where the meeting word before ASEAN's side (its
/// spelled-out name read as part of the side) stands in `before`, and where its phrase ends.
fn meeting_of_members(before: &str) -> Option<(usize, usize)> {
    let mut head = before.trim_end();
    if let Some(spelled) = ASEAN_SPELLED_OUT
        .iter()
        .filter_map(|n| n.split(" (").next())
        .find(|n| head.ends_with(n))
    {
        head = head[..head.len() - spelled.len()].trim_end();
    }
    let head = head.strip_suffix(" the").unwrap_or(head);
    MEETING_OF_MEMBERS
        .iter()
        .find(|m| head.ends_with(*m))
        .map(|m| (head.len() - m.len(), head.len()))
}

/// Whether the word after a gathering verb makes it none ([`NOT_GATHERING_AFTER`], or a
/// capitalised name that is no day: "met Chinese Defence Minister …").
fn not_gathering(next: Option<&str>) -> bool {
    let Some(word) = next.map(bare) else {
        return false;
    };
    let lower = word.to_ascii_lowercase();
    NOT_GATHERING_AFTER.contains(&lower.as_str())
        || word.starts_with(char::is_uppercase)
            && !is_weekday(&lower)
            && !MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// The short form and the name of the series of informal meetings with `partner`, its sides in
/// the order `sentence` names them ("China-Asean …" is the series "China-ASEAN …" names).
fn series_of(partner: &str, sentence: &str) -> (String, String) {
    let partner_first = sentence
        .to_ascii_lowercase()
        .contains(&format!("{}-asean", partner.to_ascii_lowercase()));
    let sides = if partner_first {
        format!("{partner}-ASEAN")
    } else {
        format!("ASEAN-{partner}")
    };
    (
        format!("{sides} DMIM"),
        format!("{sides} Defence Ministers' Informal Meeting"),
    )
}

/// "informal … meeting(s)" in `sentence`, lowercase or capitalised, or a meeting verb before
/// "informally": where each opens, and whether it is plural.
fn informal_meetings(sentence: &str) -> Vec<(usize, bool)> {
    let words: Vec<(usize, &str)> = super::text::word_offsets(sentence, sentence).collect();
    let lower = |w: &str| super::text::bare(w).to_ascii_lowercase();
    let mut found: Vec<(usize, bool)> = words
        .iter()
        .enumerate()
        .filter(|(_, (_, w))| INFORMAL.contains(&lower(w).as_str()))
        .filter_map(|(k, (at, _))| {
            let head = words[k + 1..]
                .iter()
                .take(WORDS_BETWEEN + 1)
                .map(|(_, w)| lower(w))
                .find(|w| w == MEETING || w == MEETINGS)?;
            Some((*at, head == MEETINGS))
        })
        .collect();
    found.extend(
        words
            .windows(2)
            .filter(|w| MET.contains(&lower(w[0].1).as_str()) && lower(w[1].1) == INFORMALLY)
            .map(|w| (w[0].0, false)),
    );
    found.sort_unstable();
    found
}

/// Whether the description at byte `at` is left to the name rules: it is part of a name
/// "ASEAN-<Partner> …" (or "<Partner>-ASEAN …") opening within [`NAMED_SPAN`] bytes before it
/// ("the ASEAN-India Defence Ministers' Informal Meeting"), or the sentence names the meeting
/// so ("… dubbed the US-ASEAN Defense Forum"), not a partnership ("the ASEAN-US Comprehensive
/// Strategic Partnership").
fn within_partner_name(sentence: &str, at: usize) -> bool {
    PARTNERS.iter().any(|(_, words)| {
        words.iter().any(|w| {
            [format!("ASEAN-{w} "), format!("{w}-ASEAN ")]
                .iter()
                .flat_map(|form| sentence.match_indices(form.as_str()))
                .any(|(i, form)| {
                    let name = &sentence[i + form.len()..];
                    let capitals = name
                        .split_whitespace()
                        .take(NAME_WORDS)
                        .take_while(|w| w.starts_with(char::is_uppercase));
                    let opens_here = i <= at && at - i <= NAMED_SPAN;
                    name.starts_with(char::is_uppercase)
                        && (opens_here || capitals.clone().any(is_meeting_head))
                })
        })
    })
}

/// Words right before a description (articles aside) that set it after another event the
/// sentence told first, lowercase.
const AFTER_ANOTHER_EVENT: &[&str] = &["ahead of", "before", "after", "following"];
const ARTICLES: &[&str] = &["the", "a", "an", "its", "their"];

/// Whether `before` (the sentence up to a description) ends in [`AFTER_ANOTHER_EVENT`] words.
fn follows_another_event(before: &str) -> bool {
    let lower = before.to_ascii_lowercase();
    let mut head = lower.trim_end();
    if let Some(article) = ARTICLES.iter().find(|a| head.ends_with(&format!(" {a}"))) {
        head = head[..head.len() - article.len()].trim_end();
    }
    AFTER_ANOTHER_EVENT
        .iter()
        .any(|w| head == *w || head.ends_with(&format!(" {w}")))
}

/// Whether `after` (lowercase, right after the meeting word) opens with [`ASEAN_OWN`] words that
/// make the meeting ASEAN's own: "of ASEAN defence ministers", not "of ASEAN-Japan defence
/// ministers".
fn asean_own(after: &str) -> bool {
    ASEAN_OWN
        .iter()
        .any(|o| after.starts_with(o) && !after[o.len()..].starts_with('-'))
}

/// The partners `sentence` names, each once, in the order first named.
fn partners_named(sentence: &str) -> Vec<&'static str> {
    let mut named: Vec<(usize, &str)> = partner_mentions(sentence).collect();
    named.sort_unstable();
    let mut out: Vec<&str> = Vec::new();
    for (_, p) in named {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// The partner named in `sentence` nearest to byte `at`.
fn partner_near(sentence: &str, at: usize) -> Option<&'static str> {
    partner_mentions(sentence)
        .min_by_key(|(i, _)| i.abs_diff(at))
        .map(|(_, partner)| partner)
}

/// How many partners `sentence` names.
fn partners_in(sentence: &str) -> usize {
    partners_named(sentence).len()
}

/// Where `sentence` names a partner, and which: a word of its own or the partner's half of
/// "ASEAN-<Partner>".
fn partner_mentions(sentence: &str) -> impl Iterator<Item = (usize, &'static str)> + '_ {
    PARTNERS.iter().flat_map(move |(partner, words)| {
        words.iter().flat_map(move |w| {
            sentence
                .match_indices(w)
                .filter(|(i, _)| {
                    word_at(sentence, *i, w.len()) || partner_of_asean(sentence, *i, w.len())
                })
                .filter(|(i, _)| !in_partner_named_place(sentence, *i))
                .map(move |(i, _)| (i, *partner))
        })
    })
}

/// Whether byte `at` of `sentence` falls in one of the [`PARTNER_NAMED_PLACES`].
fn in_partner_named_place(sentence: &str, at: usize) -> bool {
    PARTNER_NAMED_PLACES.iter().any(|place| {
        sentence
            .match_indices(place)
            .any(|(k, _)| (k..k + place.len()).contains(&at))
    })
}

/// Whether `sentence[at..at + len]` is the partner's half of "ASEAN-<Partner>" ("Asean-India").
fn partner_of_asean(sentence: &str, at: usize, len: usize) -> bool {
    let before = &sentence[..at];
    let after = sentence[at + len..].chars().next();
    before.len() >= ASEAN_HYPHEN.len()
        && before.is_char_boundary(before.len() - ASEAN_HYPHEN.len())
        && before[before.len() - ASEAN_HYPHEN.len()..].eq_ignore_ascii_case(ASEAN_HYPHEN)
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// ASEAN's half of a partner's series' name written with a hyphen.
pub(super) const ASEAN_HYPHEN: &str = "ASEAN-";

/// Whether `sentence[at..at + len]` stands as a word (or a word with a possessive after it).
fn word_at(sentence: &str, at: usize, len: usize) -> bool {
    let before = sentence[..at].chars().next_back();
    let after = sentence[at + len..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

impl Extractor<'_> {
    /// "the fourth meeting of defence ministers of the ASEAN member states and dialogue
    /// partners", "a meeting of their defense ministers in Singapore last week", in a sentence
    /// naming ASEAN and no partner: a meeting of the known ADMM (or ADMM-Plus, with dialogue
    /// partners), by its ordinal, else of its date's year or the statement's.
    pub(super) fn ministers_meetings(&mut self, text: &str, cite: &str) -> Vec<usize> {
        let mut found = Vec::new();
        for (_, sentence) in sentences(text) {
            let lower = sentence.to_ascii_lowercase();
            let asean = ASEAN_SIDE.iter().any(|s| sentence.contains(s))
                || sentence.contains("Southeast Asian Nations");
            if !asean {
                continue;
            }
            for (at, _) in lower.match_indices(MEETING_OF) {
                let rest = &lower[at + MEETING_OF.len()..];
                let head: String = rest
                    .split_whitespace()
                    .take(MINISTERS_WITHIN + 1)
                    .collect::<Vec<_>>()
                    .join(" ");
                // "the eighth meeting of defense chiefs of … and its Dialogue Partners
                // (ADMM-Plus)": the series the description closes on, in brackets.
                let bracketed = bracketed_series(&sentence[at..], self.bodies);
                let ministers = MINISTERS.iter().find(|m| head.contains(*m));
                if ministers.is_none() && bracketed.is_none() {
                    continue;
                }
                // "the first meeting of defense ministers of Russia and ASEAN": a partner's.
                let after = ministers
                    .and_then(|m| rest.find(m))
                    .map_or("", |i| &rest[i..]);
                // "the 11th meeting of the ASEAN Defence Ministers' Meeting-Plus Experts' …": a
                // name the name rules read.
                let named = after
                    .split_whitespace()
                    .nth(2)
                    .is_some_and(|w| w.starts_with(MEETING));
                if named {
                    continue;
                }
                let clause = &sentence[at..];
                let clause = &clause[..clause.len().min(MEETING_OF.len() + PLUS_SIDE_SPAN * 2)];
                if partner_near(clause, 0).is_some() {
                    continue;
                }
                // ASEAN's name spelled out counts as one word towards the span.
                let after = ASEAN_SPELLED_OUT
                    .iter()
                    .find(|n| after.contains(*n))
                    .map_or_else(|| after.to_string(), |n| after.replacen(n, "asean", 1));
                let plus = PLUS_SIDE.iter().any(|p| {
                    after
                        .get(..floor_char(&after, PLUS_SIDE_SPAN))
                        .is_some_and(|a| a.contains(p))
                });
                let acronym = match bracketed.and_then(|b| b.acronym.as_deref()) {
                    Some(acronym) => acronym,
                    None if plus => MINISTERS_SERIES.1,
                    None => MINISTERS_SERIES.0,
                };
                let Some(body) = self
                    .bodies
                    .iter()
                    .find(|b| b.acronym.as_deref() == Some(acronym))
                else {
                    continue;
                };
                let i = match ordinal_before(sentence, at) {
                    Some(n) => self.numbered_meeting(acronym, n, &body.name, cite),
                    None => {
                        let year = date_near(sentence, at, self.clock, &MEETING_DATE)
                            .map(|d| d.when.start.year())
                            .or(self.clock.year);
                        let Some(year) = year else { continue };
                        let body = body.clone();
                        self.instance(&body, &year.to_string(), cite)
                    }
                };
                self.describe_meeting(i, sentence, Some(at), cite);
                if !found.contains(&i) {
                    found.push(i);
                }
            }
        }
        found
    }

    /// "ASEAN navy chiefs met in Pattaya on Sunday", "the defence ministers of ASEAN … will meet
    /// in Kuala Lumpur": a meeting of the known series those members hold (`members` in
    /// `bodies.toml`), of its date's year or the statement's, in a sentence naming no series and
    /// no dialogue partner; the series' "-Plus" one when counterparts join them.
    pub(super) fn members_gathered(&mut self, text: &str, cite: &str) -> Vec<usize> {
        let mut found = Vec::new();
        let bodies = self.bodies;
        // Each series' members, lowercase, read once for every sentence.
        let members: Vec<(&crate::corpus::Body, String)> = bodies
            .iter()
            .flat_map(|b| b.members.iter().map(move |m| (b, m.to_ascii_lowercase())))
            .collect();
        for (_, sentence) in sentences(text) {
            let lower = sentence.to_ascii_lowercase();
            // The known names are read only for a sentence naming some members.
            if !members.iter().any(|(_, m)| find_word(&lower, m).is_some()) {
                continue;
            }
            // "… officials of the ADMM-Plus countries met": a series named as a modifier is
            // the members' side, not the meeting.
            let names_series = known::mentions(sentence, bodies).iter().any(|m| {
                m.body.kind == BodyKind::MeetingSeries && !modifies_next(&sentence[m.range.end..])
            });
            if names_series {
                continue;
            }
            for (body, member) in &members {
                let Some(at) = find_word(&lower, member) else {
                    continue;
                };
                let Some(side) = asean_members(&lower, at, at + member.len()) else {
                    continue;
                };
                let side_end = side.end;
                let rest = &lower[side_end..];
                // Where the verb stands in `lower`: after the members, or "at their meeting"
                // anywhere in the sentence.
                let elsewhere = AT_ANOTHER_EVENT.iter().any(|e| lower.contains(e));
                let decided = DECIDED_ON_A_DAY
                    .iter()
                    .filter(|_| !elsewhere)
                    .filter_map(|v| {
                        let k = find_word(rest, v)?;
                        let on_a_day =
                            opens_with_a_day(&rest[k + v.len()..]) || opens_with_a_day(&rest[..k]);
                        on_a_day.then_some((k, k + v.len()))
                    });
                let verb = GATHERED
                    .iter()
                    .filter_map(|v| find_word(rest, v).map(|k| (k, k + v.len())))
                    .chain(decided)
                    .filter(|(k, _)| *k <= GATHERED_SPAN && !rest[..*k].contains([';', ':']))
                    .min()
                    .map(|(k, e)| (side_end + k, side_end + e))
                    .or_else(|| {
                        THEIR_MEETING
                            .iter()
                            .find_map(|c| find_word(&lower, c).map(|k| (k, k + c.len())))
                    });
                let meeting_of = meeting_of_members(&lower[..side.start]);
                let meeting_word = verb.is_none() && meeting_of.is_some();
                let Some((verb_at, verb_end)) = verb.or(meeting_of) else {
                    continue;
                };
                // "a meeting of ASEAN navy chiefs": not when the members open a name ("the
                // meeting of the ASEAN Defence Ministers' Meeting-Plus Experts' …"), a dialogue
                // partner is in the sentence, or an ordinal numbers the meeting (the
                // ministers' own rule reads those).
                if meeting_word {
                    let named = sentence[at + member.len()..].starts_with(['\'', '’'])
                        || sentence[at..].starts_with(char::is_uppercase);
                    if named
                        || partners_in(sentence) > 0
                        || ordinal_before(sentence, verb_at).is_some()
                    {
                        continue;
                    }
                }
                let between = side_end..verb_at.max(side_end);
                // The meeting word before the members is followed by them, not by a verb's
                // object.
                let after = (!meeting_word)
                    .then(|| sentence[verb_end..].split_whitespace().next())
                    .flatten();
                if not_gathering(after)
                    || partner_near(&sentence[side.start..between.end], 0).is_some()
                {
                    continue;
                }
                let plus_side = SERIES_SIDES
                    .iter()
                    .filter(|s| PLUS_SIDE_ENDS.iter().any(|e| s.ends_with(e)))
                    .any(|s| find_word(&lower[side.clone()], s).is_some());
                let plus = plus_side
                    || WITH_PARTNERS
                        .iter()
                        .any(|w| lower[between.clone()].contains(w));
                let body = match (plus, &body.acronym) {
                    (false, _) => body,
                    (true, Some(acronym)) => {
                        let plus = format!("{acronym}{PLUS_SUFFIX}");
                        match bodies
                            .iter()
                            .find(|b| b.acronym.as_deref() == Some(plus.as_str()))
                        {
                            Some(b) => b,
                            None => continue,
                        }
                    }
                    (true, None) => continue,
                };
                let year = date_near(sentence, verb_at, self.clock, &MEETING_DATE)
                    .map(|d| d.when.start.year())
                    .or(self.clock.year);
                let Some(year) = year else { continue };
                let i = self.instance(body, &year.to_string(), cite);
                self.describe_meeting(i, sentence, Some(at.min(verb_at)), cite);
                if !found.contains(&i) {
                    found.push(i);
                }
            }
        }
        found
    }

    /// "informal meeting" with a dialogue partner and ASEAN's side named in its sentence: that
    /// partner's informal meeting with the ASEAN ministers, numbered by an ordinal before it
    /// ("the second informal meeting"), else of the year before it or of its date's year, else of
    /// the statement's year. A sentence naming the series as "ASEAN-<Partner> …" is left to the
    /// rules that read names.
    pub(super) fn partner_informal_meetings(&mut self, text: &str, cite: &str) -> Vec<usize> {
        let mut found = Vec::new();
        for (_, sentence) in sentences(text) {
            let asean = ASEAN_SIDE
                .iter()
                .chain(ASEAN_SERIES_SIDE)
                .any(|s| sentence.contains(s));
            if !asean {
                continue;
            }
            let mentions = informal_meetings(sentence);
            for (k, &(at, plural)) in mentions.iter().enumerate() {
                // "the ASEAN-India Defence Ministers' Informal Meeting", a name; not "the
                // Asean-India defence ministers' informal meeting", which only this rule reads.
                if within_partner_name(sentence, at) {
                    continue;
                }
                // Each of two mentions is described by its own part of the sentence: "after the
                // first informal meeting in Hanoi in May, the second …".
                let next = mentions.get(k + 1).map(|m| m.0);
                // "… on Monday, ahead of informal meetings with India": what comes before is
                // another event.
                let own_start = k > 0 || follows_another_event(&sentence[..at]);
                let part = match (own_start, next) {
                    (false, None) => sentence,
                    (false, Some(next)) => &sentence[..next],
                    (true, next) => &sentence[at..next.unwrap_or(sentence.len())],
                };
                let part_at = if own_start { 0 } else { at };
                let rest = sentence[at..].to_ascii_lowercase();
                let after = rest
                    .find(MEETING)
                    .map(|i| rest[i..].trim_start_matches(|c: char| c.is_alphabetic()))
                    .map_or("", str::trim_start);
                // "ASEAN Plus One's informal meetings of defence ministers": a kind of meeting.
                if asean_own(after) || plural && after.starts_with(OF) {
                    continue;
                }
                // "held informal meetings with China, Japan and the US": one with each.
                let partners = match (plural, partners_named(sentence)) {
                    (true, named) if named.len() > 1 => named,
                    _ => partner_near(sentence, at).into_iter().collect(),
                };
                for partner in partners {
                    if let Some(i) = self.partner_informal_meeting(partner, sentence, at, cite) {
                        self.describe_meeting(i, part, Some(part_at), cite);
                        if !found.contains(&i) {
                            found.push(i);
                        }
                    }
                }
            }
        }
        found
    }

    /// `partner`'s informal meeting described at byte `at` of `sentence`: numbered by an
    /// ordinal before it ("the second informal meeting"), else of the year before it ("the 2026
    /// Informal Defence Ministers' Meeting"), of its date's year, or of the statement's.
    fn partner_informal_meeting(
        &mut self,
        partner: &str,
        sentence: &str,
        at: usize,
        cite: &str,
    ) -> Option<usize> {
        let (short, name) = series_of(partner, sentence);
        if let Some(n) = ordinal_before(sentence, at) {
            return Some(self.numbered_meeting(&short, n, &name, cite));
        }
        let year_before = sentence[..at]
            .split_whitespace()
            .next_back()
            .filter(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_string);
        let year = year_before
            .or_else(|| {
                date_near(sentence, at, self.clock, &MEETING_DATE)
                    .map(|d| d.when.start.year().to_string())
            })
            .or_else(|| self.clock.year.map(|y| y.to_string()))?;
        Some(self.series_instance(Some(&short), &name, &year, cite))
    }

    /// "ASEAN and China launched the first-ever maritime exercise off Zhanjiang on 22 October",
    /// "the first joint exercise between China and ASEAN navies": an exercise at sea between ASEAN
    /// and a partner that has a known exercise series (`kind = "exercise"`, named
    /// "ASEAN-<Partner> …" in `bodies.toml`), numbered by the ordinal before it ("first" is 1),
    /// else of its date's year or the statement's. A sentence naming the series is left to the
    /// known bodies.
    pub(super) fn partner_exercises(&mut self, text: &str, cite: &str) -> Vec<usize> {
        let mut found = Vec::new();
        for (_, sentence) in sentences(text) {
            let lower = sentence.to_ascii_lowercase();
            let asean = ASEAN_SIDE.iter().any(|s| sentence.contains(s));
            if !asean {
                continue;
            }
            let words: Vec<(usize, &str)> = super::text::word_offsets(sentence, sentence).collect();
            let Some(k) = words.iter().position(|(_, w)| {
                PARTNER_EXERCISE_WORDS.contains(&bare(w)) && !w.starts_with(char::is_uppercase)
            }) else {
                continue;
            };
            let at = words[k].0;
            // "after Russia, China and the US to hold the ASEAN+1 maritime exercise": a list of
            // partners names no one exercise.
            if partners_in(sentence) != 1 {
                continue;
            }
            let Some(partner) = partner_near(sentence, at) else {
                continue;
            };
            let series = format!("ASEAN-{partner} ");
            let Some(body) = self
                .bodies
                .iter()
                .find(|b| b.kind == BodyKind::Exercise && b.name.starts_with(&series))
            else {
                continue;
            };
            if known::mentions(sentence, self.bodies)
                .iter()
                .any(|m| std::ptr::eq(m.body, body))
            {
                continue;
            }
            // At sea, or the statement names the series elsewhere ("The first joint exercise
            // between China and ASEAN …", then "the ASEAN-China Maritime Exercise").
            let at_sea = AT_SEA_WORDS.iter().any(|w| lower.contains(w));
            let series_named = || {
                self.statement.paragraphs.iter().any(|p| {
                    known::mentions(&p.text, self.bodies)
                        .iter()
                        .any(|m| std::ptr::eq(m.body, body))
                })
            };
            if !at_sea && !series_named() {
                continue;
            }
            let number = words[k.saturating_sub(EXERCISE_ORDINAL_WITHIN)..k]
                .iter()
                .rev()
                .find_map(|(_, w)| {
                    let b = bare(w).to_ascii_lowercase();
                    ordinal(&b).or(known::FIRST_WORDS.contains(&b.as_str()).then_some(1))
                });
            // "enhance co-operation via … maritime exercises": a line of work, unless numbered
            // or dated.
            let undated =
                number.is_none() && date_near(sentence, at, self.clock, &MEETING_DATE).is_none();
            if undated && bare(words[k].1).ends_with('s') {
                continue;
            }
            let short = body.acronym.as_deref().unwrap_or(&body.name);
            // "The ASEAN-Russia exercise will include …" after "the first … exercise": the one
            // the statement spoke of.
            let spoken_of = self
                .meetings
                .iter()
                .position(|m| m.acronym.as_deref() == Some(short))
                .filter(|_| undated);
            let name = body.name.clone();
            let i = match spoken_of {
                Some(i) => {
                    super::push_cite(&mut self.meetings[i].cites, cite.to_string());
                    i
                }
                None => self.exercise(short, &name, number, sentence, cite),
            };
            if !found.contains(&i) {
                found.push(i);
            }
        }
        found
    }
}
