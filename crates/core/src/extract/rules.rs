//! The named rules run over each paragraph, in the order of [`PARAGRAPH_RULES`]: first the rules
//! that recognise meeting and body mentions, then the rules that attach fields to the meetings
//! the paragraph mentions.

use super::fields::{date_in, theme, MEETING_DATE};
use super::known::{GROUP_FOLLOWERS, PLUS_SIGN};
use super::meetings::{naming_year, set_year, Extractor, SeriesName, NAMED_YEARS};
use super::people::{
    attendance, chair_in, chair_of, delegation_heads, first_naming, handover, host_subject,
    hosting_verb_end, naming_span, observer_sentence, CHAIRMANSHIP_WORDS,
};
use super::spans::{
    after_phrase, contains_word, cut_at_meeting_head, dashed_name_at, enumeration_spans,
    floor_char, head, head_before_of, is_meeting_name, is_two_digit_year, locate_pairs,
    named_as_exercise, offset_in, ordinal, ordinal_before, sentence_around, strip_the, word_before,
    Pair, MECHANISM_HEADS, NOT_MEETINGS,
};
use super::text::{self, bare, dateline, initials, initials_of, name_at, place_in, sentences};
use super::{cite, known, push_cite, MEETING_SERIES};
use crate::corpus::{Fact, Meeting, Paragraph};
use std::ops::Range;

/// Head nouns of an event named by an acronym pair and the head after it ("the 4th <Name> (<ACR>)
/// Workshop").
const EVENT_HEADS_AFTER_PAIR: &[&str] =
    &["workshop", "seminar", "symposium", "meeting", "conference"];

/// Words before a body's name that make the pair a meeting of it.
const MEETING_OF: &[&str] = &["meeting of the", "meeting of"];

/// The event head right after byte `end`, as written.
fn event_head_after(text: &str, end: usize) -> Option<&str> {
    let next = bare(text[end..].split_whitespace().next()?);
    EVENT_HEADS_AFTER_PAIR
        .contains(&next.to_ascii_lowercase().as_str())
        .then_some(next)
}

/// A name read across "and" up to the word before another ordinal: "ADMM-Plus and the 2nd
/// ASEAN-Korea … Meeting" is two names, the first "ADMM-Plus".
fn before_next_ordinal(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let cut = words.iter().enumerate().position(|(k, w)| {
        k > 0
            && ordinal(w).is_some()
            && words[..k]
                .iter()
                .rev()
                .take(2)
                .any(|c| c.eq_ignore_ascii_case("and"))
    });
    match cut {
        Some(k) => {
            let mut head = &words[..k];
            while head.last().is_some_and(|w| text::connector(bare(w))) {
                head = &head[..head.len() - 1];
            }
            head.join(" ")
        }
        None => name.to_string(),
    }
}

/// Articles before a capitalised name that may be an event's ("the Naval Engineering
/// Conference"), read like an ASEAN name when it ends in a meeting's head.
const NAME_ARTICLES: &[&str] = &["the ", "The "];
/// The fewest words of such a name ([`Extractor::other_event_name`]).
const OTHER_EVENT_WORDS: usize = 3;

/// A partner's name joined to ASEAN's before a meeting's name ("China-ASEAN …").
const PARTNER_BEFORE_ASEAN: &str = "-ASEAN";

/// Lowercase words that may end a meeting's name written in lowercase ("the ASEAN-Japan
/// Defence Ministers' informal meeting"), before its head noun.
const LOWERCASE_MODIFIERS: &[&str] = &["informal", "special", "annual"];

/// `name` (read at byte `at` of `text`) with a lowercase meeting head after it, capitalised:
/// "ASEAN-Japan Defence Ministers'" + " informal meeting" → "… Informal Meeting".
fn with_lowercase_head(text: &str, at: usize, name: String) -> String {
    if is_meeting_name(&name) {
        return name;
    }
    let Some(end) = text[at..].find(name.as_str()).map(|i| at + i + name.len()) else {
        return name;
    };
    let mut words = Vec::new();
    for w in text[end..].split_whitespace().take(2) {
        let b = bare(w);
        if LOWERCASE_MODIFIERS.contains(&b) {
            words.push(text::capitalise_first(b));
            continue;
        }
        if is_meeting_name(b) && b.chars().all(|c| c.is_ascii_lowercase()) {
            words.push(text::capitalise_first(b));
            return format!("{name} {}", words.join(" "));
        }
        break;
    }
    name
}

/// The paragraphs at the top of a statement whose first meeting is the one it reports.
const LEAD_PARAGRAPHS: usize = 2;

/// Words that start a meeting's name written without an acronym pair.
const ASEAN_NAME_STARTS: &[&str] = &["ASEAN ", "ASEAN-"];

/// Quotes a name may stand in ("the ‘… Meeting 2022’").
const NAME_QUOTES: &[char] = &['‘', '’', '“', '”', '"', '\''];

/// Letters before "-<number>" that name no series of meetings ("COVID-19").
const NOT_SERIES_HANDLES: &[&str] = &["COVID", "SARS", "MERS", "HIV", "AIDS", "NCOV"];

/// The highest number an unknown acronym's handle ("ASMAM-10") takes as a meeting's.
const HANDLE_NUMBER_MAX: u32 = 60;

/// Words after a series' acronym that make the mention one of its groups' meetings ("the 14th
/// ADMM-Plus Experts' Working Group on …").
const GROUP_WORDS: &[&str] = &["Group", "Committee"];

/// Head words of a body's name written without an acronym pair ("the Regional Maritime
/// Hotline", "the ASEAN Secretariat"), with the category they give.
const BODY_NAME_HEADS: &[(&str, &str)] = &[
    ("Network", "network"),
    ("Hotline", "hotline"),
    ("Secretariat", "secretariat"),
    ("Task Force", "task force"),
    ("Working Group", "working group"),
    ("Working Groups", "working group"),
    ("Consultative Group", "working group"),
    ("Centre", "centre"),
    ("Center", "centre"),
    ("Committee", "committee"),
];

/// Head words of an organisation's name written without an acronym pair, last or before "of" /
/// "for" ("the Institute for Defence International Relations", "the Defence Intelligence
/// Organisation"), with the category they give. A ministry is a body only with its acronym
/// ([`FORCE_HEADS_FIRST`]): named alone it is mostly the statement's publisher.
const ORGANISATION_HEADS: &[(&str, &str)] = &[
    ("Department", "department"),
    ("Institute", "institute"),
    ("Organisation", "organisation"),
    ("Organization", "organisation"),
    ("Council", "council"),
    ("Command", "command"),
    ("Agency", "agency"),
    ("Academy", "academy"),
    ("College", "college"),
    ("University", "university"),
    ("Bureau", "bureau"),
    ("Directorate", "directorate"),
    ("Centre", "centre"),
    ("Center", "centre"),
    ("Network", "network"),
];

/// Words after an organisation's head that go on to what it is of ([`ORGANISATION_HEADS`]).
const ORGANISATION_OF: &[&str] = &["of", "for"];

/// Words that end an organisation's name read as a capitalised run: "the Ministry of Defence
/// on Wednesday", "… Department in Hanoi".
const ORGANISATION_ENDS: &[&str] = &["on", "in", "at"];

/// An organisation's name in a capitalised run and its category ([`ORGANISATION_HEADS`]): its
/// head last, or before "of" / "for", with a word of its own beside the head; the run cut
/// before [`ORGANISATION_ENDS`], and after the last "of" before the head ("Permanent Secretary
/// of the Brunei Ministry of Defence" is the ministry's officer).
fn organisation(name: &str) -> Option<(String, &'static str)> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if let Some(end) = words.iter().position(|w| ORGANISATION_ENDS.contains(w)) {
        words.truncate(end);
    }
    let (k, category) = words.iter().enumerate().find_map(|(k, w)| {
        let (_, category) = ORGANISATION_HEADS.iter().find(|(h, _)| h == w)?;
        let last = k + 1 == words.len();
        let of = words
            .get(k + 1)
            .is_some_and(|n| ORGANISATION_OF.contains(n));
        (last || of && k + 2 < words.len()).then_some((k, *category))
    })?;
    let from = words[..k]
        .iter()
        .rposition(|w| ORGANISATION_OF.contains(w) || *w == "the")
        .map_or(0, |i| i + 1);
    let words = &words[from..];
    // A possessive or a bracket inside is a sentence's, not a name's.
    let clean = words
        .iter()
        .all(|w| !w.contains(['(', ')']) && !w.ends_with("'s") && !w.ends_with("’s"));
    (words.len() >= 2 && clean).then(|| (words.join(" "), category))
}

/// The state a possessive right before a name says it is of: "Japan's Ministry of Defense".
fn state_possessive_before(text: &str, at: usize) -> Option<&'static str> {
    let word = word_before(text, at)?;
    let owner = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))?;
    text::COUNTRIES
        .iter()
        .find(|c| c.trim_start_matches("the ") == owner)
        .copied()
}

/// Head nouns of a state's forces, services and ministries, ending a name written before its
/// acronym in brackets ("the Royal Harbour Armed Forces (RHAF)"), with the category they give.
const FORCE_HEADS_LAST: &[(&str, &str)] = &[
    ("Armed Forces", "armed forces"),
    ("Defence Force", "armed forces"),
    ("Defence Forces", "armed forces"),
    ("Defense Force", "armed forces"),
    ("Defense Forces", "armed forces"),
    ("Self-Defense Forces", "armed forces"),
    ("Self-Defence Forces", "armed forces"),
    ("Self-Defense Force", "armed forces"),
    ("Self-Defence Force", "armed forces"),
    ("Navy", "armed forces"),
    ("Army", "armed forces"),
    ("Air Force", "armed forces"),
    ("Marine Corps", "armed forces"),
    ("Coast Guard", "armed forces"),
    ("Fleet", "armed forces"),
];

/// The category of a state's ministry.
const MINISTRY: &str = "ministry";

/// Head nouns that open such a name, before "of" ("the Ministry of Defence (MOD)", "Armed Forces
/// of the Harbour Republic (AFHR)").
const FORCE_HEADS_FIRST: &[(&str, &str)] = &[
    ("Ministry", MINISTRY),
    ("Department", MINISTRY),
    ("Armed Forces", "armed forces"),
];

/// Words before a force's name that are a person's office, not part of the name.
const OFFICE_WORDS: &[&str] = &[
    "Commander",
    "Chief",
    "Chiefs",
    "Head",
    "Minister",
    "Secretary",
];

/// Head nouns of a body that belongs to a known one ("the AHCM Board of Directors", "a diving
/// working group within the AHCM", "the permanent joint secretary of AHCM"), longest first,
/// with the category they give.
const SUB_BODY_HEADS: &[(&str, &str)] = &[
    ("board of directors", "board"),
    ("steering committee", "committee"),
    ("consultative group", "working group"),
    ("working group", "working group"),
    ("joint secretariat", "secretariat"),
    ("joint secretary", "secretariat"),
    ("secretariat", "secretariat"),
    ("committee", "committee"),
    ("task force", "task force"),
];

/// Words after which a sub-body's own words begin ("the permanent joint secretary of …").
const SUB_BODY_DETERMINERS: &[&str] = &["a", "an", "the", "its", "new"];

/// Words joining a sub-body's head to the known body it belongs to.
const SUB_BODY_OF: &[&str] = &["of", "within", "under"];

/// The most words of its own a sub-body's name has between its determiner (or the known body)
/// and its head.
const MAX_SUB_BODY_WORDS: usize = 3;

/// The words between a meeting's head noun and the body it is a meeting of ("their 7th meeting
/// since the ADMM was set up").
const EDITION_JOINS: &[&str] = &[" of the ", " since the "];

/// Head nouns an ordinal names one meeting of a series by ("the 20th meeting").
const EDITION_HEADS: &[&str] = &["meeting", "edition", "conference", "session"];

/// Words before the ordinal that make the meeting the one a body named before holds ("… (NADI)
/// wrapped up its ninth meeting").
const OWN_EDITION: &[&str] = &["its"];

/// Words of a sentence naming next year's host.
const NEXT_YEAR: &str = "next year";
/// Verbs naming a host or chair still to come.
const HOST_VERBS: &[&str] = &[
    "will be the host",
    "will host",
    "will be host",
    "will chair",
];

/// Words between a state and a series it chairs from a year ("<State> was handed the <series>
/// chairmanship for <year>").
const HANDED_CHAIRMANSHIP: &[&str] = &[
    " was handed the ",
    " will assume the ",
    " to assume the ",
    " assumed the ",
    " took over the ",
    " takes over the ",
    " will take over the ",
    " to take over the ",
];
/// The words before the year of a chairmanship ("… chairmanship for 2027", "… chairship in
/// 2026"), within [`CHAIRMANSHIP_YEAR_SPAN`] bytes of the word.
const CHAIRMANSHIP_YEAR_LEADS: &[&str] = &[" for ", " in "];
/// Words after a state that make it the chair of the series named next, this year: "Malaysia
/// is this year's ADMM chair", "Laos, the current ADMM chair, …".
const CHAIR_THIS_YEAR: &[&str] = &[
    " is this year's ",
    " is this year’s ",
    " is the current ",
    ", this year's ",
    ", this year’s ",
    ", the current ",
];
/// The office word after the series ([`CHAIR_THIS_YEAR`]), within this many words.
const SERIES_CHAIR_WORDS: &[&str] = &["chair", "chairman", "host"];
const CHAIR_THIS_YEAR_WORDS: usize = 4;

/// The words between a chairmanship and the series it is of: "the chairmanship of the ADMM".
const CHAIRMANSHIP_OF: &str = " of the ";
const CHAIRMANSHIP_YEAR_SPAN: usize = 16;

/// Words that hand a series' chairmanship on: "X handed over the ADMM chairmanship to Laos".
const HANDOVER_CUES: &[&str] = &[
    "handed over the ",
    "handed over its ",
    "handing over of the ",
    "handover of the ",
    "hand over the ",
];
/// What is handed over besides [`CHAIRMANSHIP_WORDS`]: "the leadership of the ADMM".
const HANDED_ROLES: &[&str] = &["leadership"];
/// The word before who takes the chairmanship over, and the bytes after it within which their
/// state is named ("to the leader of the Indonesian delegation").
const HANDED_TO: &str = " to ";
const RECIPIENT_SPAN: usize = 60;

/// The words a body named for its "force" must hold to be a task force.
const TASK_FORCE: &str = "task force";

/// Dates meeting `m` by `day` when `m` names no other year; whether it did.
fn give_day(m: &mut Meeting, day: text::Found) -> bool {
    let same_year = m
        .when
        .as_ref()
        .is_none_or(|w| w.start.year() == day.when.start.year());
    if same_year {
        m.date = Some(day.text);
        m.when = Some(day.when);
    }
    same_year
}

/// Words in a lead that tell of a meeting held, unnamed ([`Extractor::lead_day`]): "a regional
/// defence summit on Saturday", "the defence ministers vowed on Wednesday".
const LEAD_EVENT_WORDS: &[&str] = &[
    "summit",
    "meeting",
    "talks",
    "conference",
    "forum",
    "ministers",
    "chiefs",
];

/// Words opening a sentence about a speech given at the meeting it names.
const SPEECH_AT: &[&str] = &[
    "speaking at the ",
    "addressing the ",
    "in his speech at the ",
    "in her speech at the ",
];
/// Words before the day a lead dates a speech by ("… said on November 5").
const SAID_ON: &[&str] = &[" said on ", " stated on ", " told reporters on "];
/// Bytes after [`SAID_ON`] within which its day starts.
const SAID_ON_SPAN: usize = 4;

/// Words a sentence opens with for the meeting a statement reports, before it is named.
const MEETING_ANAPHORS: &[&str] = &[
    "the meeting ",
    "the opening ceremony ",
    "the ceremony ",
    "the event ",
    "the conference ",
    "the exercise ",
    "the talks ",
];

/// ASEAN and a conjunction opening what the name reader took for one name: two names.
const JOINED_TO_ASEAN: &[&str] = &["ASEAN and the ", "ASEAN and ", "ASEAN or the "];

/// Words a sentence opens with for the meeting spoken of, when it gives its day and place.
const OCCURRENCE_ANAPHORS: &[&str] = &[
    "the meeting",
    "this meeting",
    "the session",
    "the event",
    "the conference",
    "the talks",
    "the exercise",
];

/// Verbs of such a sentence that give them: "The meeting took place in Kuantan on 4 May", "The
/// session, set to be held in Hue on 20–21 July, …", "The meeting, held in Hue, …".
const ANAPHOR_OCCURRENCE_VERBS: &[&str] = &[
    "took place",
    "takes place",
    "was held",
    "is held",
    "is being held",
    "will be held",
    "to be held",
    "will take place",
    "to take place",
    "is scheduled",
    "was scheduled",
    "was convened",
    ", held ",
];

/// The word after [`OCCURRENCE_ANAPHORS`] leading to the meeting's place ("The conference in
/// Hue …").
const ANAPHOR_PLACE_LEAD: &str = " in ";

/// The end of a word saying how long the meeting ran, between "the" and its noun ("the
/// two-day event").
const DURATION_END: &str = "-day";

/// Lowercase `lower` without a duration word right after its opening "the ": "the two-day event,
/// held in Hue, …" reads as "the event, held in Hue, …".
fn without_duration(lower: &str) -> String {
    let Some(rest) = lower.strip_prefix("the ") else {
        return lower.to_string();
    };
    match rest.split_once(' ') {
        Some((word, noun)) if word.ends_with(DURATION_END) => format!("the {noun}"),
        _ => lower.to_string(),
    }
}

/// A meeting's place from a dateline or headline: after its venue when it has one ("Harbour
/// View Hotel, Hue, Vietnam").
fn place_at_venue(m: &mut Meeting, place: String) {
    m.place = Some(match m.place.take() {
        Some(venue) => format!("{venue}, {place}"),
        None => place,
    });
}

/// Words inside a sentence for the meeting spoken of, followed by where and when it was held.
const HELD_ANAPHORS: &[&str] = &["the meeting held ", "the meeting, held "];

/// Plural words a sentence opens with for meetings held together ("The events, chaired by …").
const PLURAL_MEETING_WORDS: &[&str] = &["events", "sessions", "meetings", "talks", "conferences"];

/// Words saying a paragraph is about the same day as the meeting spoken of before.
const SAME_DAY: &str = "the same day";

/// Words saying a paragraph speaks of the meeting spoken of last.
const MEETING_REFERENCES: &[&str] = &["the meeting", "delegates"];

/// Paragraphs at the top of a statement where its dateline may stand (after a line with its date).
const DATELINE_PARAGRAPHS: usize = 3;

/// One paragraph as the rules see it, with the meetings it has mentioned so far (first mention
/// first).
pub(super) struct Para<'t> {
    text: &'t str,
    lower: String,
    cite: String,
    pairs: Vec<Pair>,
    /// Where known bodies are named.
    known: Vec<Range<usize>>,
    enumerated_mechanisms: Vec<Range<usize>>,
    mentioned: Vec<usize>,
}

impl Para<'_> {
    fn mention(&mut self, i: usize) {
        if !self.mentioned.contains(&i) {
            self.mentioned.push(i);
        }
    }

    /// [`Self::mention`] for each meeting a rule found.
    fn mention_all(&mut self, found: Vec<usize>) {
        for i in found {
            self.mention(i);
        }
    }

    /// Whether byte `at` is inside a "Full Name (ACR)" pair.
    fn in_pair(&self, at: usize) -> bool {
        self.pairs.iter().any(|p| (p.start..p.end).contains(&at))
    }
}

/// Series whose meetings the state holding ASEAN's chairmanship chairs, by acronym or name
/// ([`Extractor::asean_chair_chairs`]).
const ASEAN_CHAIR_SERIES: &[&str] = &[
    "ADMM",
    "ADMM-Plus",
    "ADMM Retreat",
    "ADSOM",
    "ADSOM-Plus",
    "ADSOM WG",
    "ADSOM-Plus WG",
];

/// Words naming the ASEAN chairmanship a state holds: "Laos, as ASEAN Chair for 2026",
/// "Laos' ASEAN Chairmanship", "as Malaysia chairs ASEAN this year".
const ASEAN_CHAIR_PHRASES: &[&str] = &[
    "asean chair",
    "chair of asean",
    "chairman of asean",
    "chairmanship of asean",
    "chairs asean",
    "chairing asean",
];

/// Words before the phrase within [`ASEAN_CHAIR_STATE_SPAN`] that make the state another
/// year's chair, or the office not held ("the incoming ASEAN chair", "bid for").
const NOT_THE_HOLDER: &[&str] = &["incoming", "next", "future", "former", "previous", " bid"];

/// Bytes before an [`ASEAN_CHAIR_PHRASES`] phrase the state is named within.
const ASEAN_CHAIR_STATE_SPAN: usize = 40;

/// Bytes after the phrase a year it is held in is named within ("ASEAN Chair for 2026").
const ASEAN_CHAIR_YEAR_SPAN: usize = 14;

/// The state a sentence names as holding ASEAN's chairmanship, and the year it names for it:
/// the last state named just before the phrase ([`ASEAN_CHAIR_PHRASES`]).
pub(super) fn asean_chair(sentence: &str) -> Option<(&'static str, Option<i16>)> {
    let lower = sentence.to_ascii_lowercase();
    let (at, phrase) = ASEAN_CHAIR_PHRASES
        .iter()
        .filter_map(|p| lower.find(p).map(|i| (i, *p)))
        .min_by_key(|(i, _)| *i)?;
    let from = floor_char(sentence, at.saturating_sub(ASEAN_CHAIR_STATE_SPAN));
    let before = &sentence[from..at];
    let lower_before = &lower[from..at];
    if NOT_THE_HOLDER.iter().any(|w| lower_before.contains(w)) {
        return None;
    }
    let state = super::history::subject_state(before)?;
    let after = &sentence[at + phrase.len()..];
    let year = after[..floor_char(after, ASEAN_CHAIR_YEAR_SPAN)]
        .split(|c: char| !c.is_ascii_digit())
        .find_map(|w| w.parse::<i16>().ok().filter(|y| NAMED_YEARS.contains(y)));
    Some((state, year))
}

/// Bytes after the next chair's cue within which the meeting it will chair is named.
const NEXT_CHAIR_SPAN: usize = 20;

/// Bytes after a hosting verb within which the meeting named is what it hosted ("hosted the
/// 2nd …").
const HOSTED_OBJECT_SPAN: usize = 60;

/// What may stand between two meetings a hosting verb's object joins ("the ADMM and the
/// ADMM-Plus", "… Meeting (ADMM) and ADMM-Plus"), a bracketed acronym aside.
const OBJECT_JOINERS: &[&str] = &[
    "and",
    "and the",
    ",",
    ", the",
    "as well as",
    "as well as the",
];

/// The meeting named first after a hosting verb (`first`, its naming's bytes and index) and each
/// meeting of `spans` joined to it, in turn, by [`OBJECT_JOINERS`].
fn joined_objects(
    sentence: &str,
    first: (std::ops::Range<usize>, usize),
    spans: &[(std::ops::Range<usize>, usize)],
) -> Vec<usize> {
    let (mut end, mut found) = (first.0.end, vec![first.1]);
    while let Some((r, k)) = spans.iter().find(|(r, k)| {
        r.start >= end && !found.contains(k) && {
            let between = sentence[end..r.start].trim();
            let between = match between.strip_prefix('(').and_then(|b| b.split_once(')')) {
                Some((_, rest)) => rest.trim(),
                None => between,
            };
            OBJECT_JOINERS.contains(&between)
        }
    }) {
        end = r.end;
        found.push(*k);
    }
    found
}

type Rule = fn(&mut Extractor<'_>, &mut Para<'_>);

/// Every rule, in the order it runs on a paragraph.
const PARAGRAPH_RULES: &[Rule] = &[
    // Mentions.
    |x, p| x.acronym_pairs(p),
    |x, p| x.forces_with_acronym(p),
    |x, p| x.state_forces(p),
    |x, p| x.asean_names(p),
    |x, p| x.ordinal_names(p),
    |x, p| x.numbered_series(p),
    |x, p| x.known_handles(p),
    |x, p| x.known_bodies(p),
    |x, p| x.sub_bodies(p),
    |x, p| x.edition_of_series(p),
    |x, p| x.past_editions(p.text, &p.cite),
    |x, p| p.mention_all(x.next_edition(p.text, &p.cite)),
    |x, p| p.mention_all(x.host_in_year(p.text, &p.cite)),
    |x, p| p.mention_all(x.exercise_short_forms(p.text, &p.cite)),
    |x, p| p.mention_all(x.exercise_phrases(p.text, &p.cite)),
    |x, p| {
        let found = x.capitalised_exercises(p.text, &p.cite, &p.mentioned);
        p.mention_all(found)
    },
    |x, p| p.mention_all(x.partner_informal_meetings(p.text, &p.cite)),
    |x, p| p.mention_all(x.partner_exercises(p.text, &p.cite)),
    |x, p| p.mention_all(x.ministers_meetings(p.text, &p.cite)),
    |x, p| p.mention_all(x.members_gathered(p.text, &p.cite)),
    |x, p| x.next_host(p),
    |x, p| x.chairmanship_handed(p),
    |x, p| x.chairmanship_handed_over(p),
    |x, p| x.chair_this_year(p),
    |x, p| x.next_chair_named(p),
    |x, p| x.named_bodies(p),
    |x, p| x.bilateral_meeting(p),
    // Fields of the meetings mentioned.
    |x, p| x.same_day(p),
    |x, p| x.exercise_reference(p.text, &p.cite, &p.mentioned),
    |x, p| x.theme_rule(p),
    |x, p| x.meeting_reference(p),
    |x, p| x.occurrence_anaphor(p),
    |x, p| x.chair_and_attendance(p),
    |x, p| x.mechanisms_discussed(p),
];

/// Whether the words in a bracket are an acronym: 2 to 10 letters, the first and at least one
/// other a capital ("SAF", "MinDef").
fn looks_like_acronym(s: &str) -> bool {
    (2..=10).contains(&s.len())
        && s.chars().all(|c| c.is_ascii_alphabetic())
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// The name of a state's force or ministry ending at byte `end` (where its bracketed acronym
/// opens): its start, the name, and its category. The name is capitalised words ("People's"
/// among them) ending in a head of [`FORCE_HEADS_LAST`], or a head of [`FORCE_HEADS_FIRST`]
/// with "of (the) …" after it; a state's name before it goes with it, an office ("Commander
/// of the") does not.
fn force_name_before(text: &str, end: usize) -> Option<(usize, String, &'static str)> {
    let before = &text[..end];
    let words: Vec<(usize, &str)> = super::text::word_offsets(text, before).collect();
    // The run of capitalised words and inner connectors right before the bracket.
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1].1;
        let b = bare(w);
        // "U.S. Marine Corps": a state's initials end no phrase.
        let ends = w.ends_with([',', '.', ';', ':', ')', '”', '"']) && !text::is_initials(w);
        if (start < words.len() && ends) || b.is_empty() {
            break;
        }
        let capital = text::capitalised(w) && !OFFICE_WORDS.contains(&b);
        if !(capital || b == "of" || b == "the") {
            break;
        }
        start -= 1;
    }
    // No connector first: "of the Royal … Forces" is the forces.
    while start < words.len() && matches!(bare(words[start].1), "of" | "the" | "The") {
        start += 1;
    }
    let run = &words[start..];
    let name_of = |k: usize| -> String {
        let (at, _) = run[k];
        text[at..end]
            .trim_end()
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    // A head first: the name starts at the head, or at a state's name right before it.
    for k in 0..run.len() {
        let Some((_, category)) = FORCE_HEADS_FIRST.iter().find(|(h, _)| {
            let n = h.split(' ').count();
            run.len() > k + n
                && run[k..k + n].iter().map(|(_, w)| bare(w)).eq(h.split(' '))
                && bare(run[k + n].1) == "of"
        }) else {
            continue;
        };
        let first = if k > 0 && is_state_word(run[k - 1].1) {
            k - 1
        } else {
            k
        };
        return Some((run[first].0, name_of(first), category));
    }
    // A head last: every word of the run, from the first after its last connector.
    let last_connector = run
        .iter()
        .rposition(|(_, w)| matches!(bare(w), "of" | "the"));
    let from = last_connector.map_or(0, |k| k + 1);
    let run = &run[from..];
    let name = run.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    let (_, category) = FORCE_HEADS_LAST.iter().find(|(h, _)| {
        name.ends_with(&format!(" {h}")) && name.split_whitespace().count() > h.split(' ').count()
    })?;
    Some((run[0].0, name.to_string(), category))
}

/// Whether a word closes a phrase: a comma, a full stop, a bracket or a quote after it.
fn closes(w: &str) -> bool {
    w.ends_with([',', '.', ';', ':', ')', '”', '"'])
}

/// Whether words `k..` open with a sub-body's head as written.
fn sub_head_at(words: &[(usize, &str)], k: usize) -> Option<(usize, &'static str, &'static str)> {
    SUB_BODY_HEADS.iter().find_map(|(head, category)| {
        let parts: Vec<&str> = head.split(' ').collect();
        let fits = parts.iter().enumerate().all(|(i, p)| {
            words.get(k + i).is_some_and(|(_, w)| {
                bare(w).eq_ignore_ascii_case(p) && (i + 1 == parts.len() || !closes(w))
            })
        });
        fits.then_some((parts.len(), *head, *category))
    })
}

/// A sub-body's own words and head right after a known body's name at word `k`: up to
/// [`MAX_SUB_BODY_WORDS`] words, none closing a phrase, then the head.
fn sub_head_after(
    words: &[(usize, &str)],
    k: usize,
) -> Option<(Vec<String>, String, &'static str)> {
    for n in 0..=MAX_SUB_BODY_WORDS {
        let own = words.get(k..k + n)?;
        // "ADMM and the working group": a connector or determiner starts another phrase.
        let joins = |w: &str| {
            let b = bare(w).to_ascii_lowercase();
            text::connector(&b) || SUB_BODY_DETERMINERS.contains(&b.as_str()) || b == "to"
        };
        if own
            .iter()
            .any(|(_, w)| closes(w) || bare(w).is_empty() || joins(w))
        {
            return None;
        }
        if let Some((len, _, category)) = sub_head_at(words, k + n) {
            let head = head_words(&words[k + n..k + n + len]);
            let own = own.iter().map(|(_, w)| bare(w).to_string()).collect();
            return Some((own, head, category));
        }
    }
    None
}

/// A sub-body's own words and head ending right before word `of` ("of", "within"): a head, and
/// up to [`MAX_SUB_BODY_WORDS`] lowercase words before it after a determiner.
fn sub_head_before(
    words: &[(usize, &str)],
    of: usize,
) -> Option<(Vec<String>, String, &'static str)> {
    for (head, category) in SUB_BODY_HEADS {
        let len = head.split(' ').count();
        let Some(start) = of.checked_sub(len) else {
            continue;
        };
        if sub_head_at(words, start).map(|(_, h, _)| h) != Some(head) {
            continue;
        }
        let mut own_start = start;
        while own_start > 0 && start - own_start < MAX_SUB_BODY_WORDS {
            let w = words[own_start - 1].1;
            let b = bare(w);
            if closes(w) || SUB_BODY_DETERMINERS.contains(&b.to_ascii_lowercase().as_str()) {
                break;
            }
            if !b.chars().all(|c| c.is_ascii_lowercase() || c == '-') || b.is_empty() {
                return None;
            }
            own_start -= 1;
        }
        let determined = own_start > 0
            && SUB_BODY_DETERMINERS
                .contains(&bare(words[own_start - 1].1).to_ascii_lowercase().as_str())
            && !closes(words[own_start - 1].1);
        if !determined {
            return None;
        }
        let own = words[own_start..start]
            .iter()
            .map(|(_, w)| bare(w).to_string())
            .collect();
        return Some((own, head_words(&words[start..of]), category));
    }
    None
}

/// A head's words as written, punctuation around them left out.
fn head_words(words: &[(usize, &str)]) -> String {
    words
        .iter()
        .map(|(_, w)| bare(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "cyber security" + "working group" → "cyber security working group".
fn own_and_head(own: &[String], head: String) -> String {
    if own.is_empty() {
        head
    } else {
        format!("{} {head}", own.join(" "))
    }
}

/// Capitalised words of a unit within a force, or of an office in one, whose holder serves in the
/// force named after "of the" ("Chief of the General Staff of the …", "Director of the
/// Operations Department of the …"); the force's own head ("Commander of the …") is none.
const UNIT_WORDS: &[&str] = &[
    "Staff",
    "Department",
    "Directorate",
    "Director",
    "Division",
    "Bureau",
];

/// Words before a force's "of the" within which a [`UNIT_WORDS`] word makes it a unit's.
const UNIT_WORDS_BEFORE: usize = 3;

/// Whether the force named at byte `start` of `text` follows a unit within it: "<unit word> …
/// of the <force>".
fn after_a_unit(text: &str, start: usize) -> bool {
    let Some(before) = text[..start].strip_suffix("of the ") else {
        return false;
    };
    before
        .split_whitespace()
        .rev()
        .take(UNIT_WORDS_BEFORE)
        .any(|w| UNIT_WORDS.contains(&bare(w)))
}

/// Lowercase nouns after a meeting's head that make the head describe them, no meeting's name
/// ("ASEAN dialogue partners").
const HEAD_DESCRIBES: &[&str] = &["partner", "partners", "partnership", "relations"];

/// How many forces named in one sentence make it a list of who came.
const LISTED_FORCES: usize = 3;

/// The word a state's force may open with before the state's own ("Royal Thai Navy").
const ROYAL: &str = "Royal";

/// Whether a force's name opens with a state: "Philippine Air Force", "Royal Brunei Navy",
/// "Vietnam People's Navy"; not "People's Army" nor "the Army".
/// A state's defence ministry as written without an acronym, lowercase-insensitive heads.
const MINISTRY_NAMES: &[&str] = &[
    "Ministry of National Defence",
    "Ministry of National Defense",
    "Ministry of Defence",
    "Ministry of Defense",
    "Department of National Defense",
    "Department of National Defence",
];

/// A state's defence ministry named with the state next to it: before ("the Singapore Ministry
/// of Defence", "Japan's Ministry of Defense") or after ("the Ministry of Defence Malaysia",
/// "… of Defence of Brunei"). Where the name starts and the name; one followed by its acronym in
/// brackets is [`Extractor::forces_with_acronym`]'s, one with no state names no one body, and
/// one named for an office, an owner or a source is none ([`named_in_passing`]).
fn state_ministries(text: &str) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for head in MINISTRY_NAMES {
        for (at, _) in text.match_indices(head) {
            let end = at + head.len();
            let after = &text[end..];
            if after.starts_with(|c: char| c.is_alphanumeric())
                || after.trim_start().starts_with('(')
                || found.iter().any(|(s, n)| (*s..s + n.len()).contains(&at))
            {
                continue;
            }
            // "Singapore Ministry of Defence", "Japan's Ministry of Defense".
            let before = text[..at].trim_end();
            let state_before = before
                .rsplit(' ')
                .next()
                .filter(|w| is_state_word(w) || text::STATE_ADJECTIVES.iter().any(|(a, _)| a == w));
            if let Some(w) = state_before {
                let start = at - (text[..at].len() - before.len()) - w.len();
                if !named_in_passing(text, start, end) {
                    found.push((start, text[start..end].to_string()));
                }
                continue;
            }
            // "Ministry of Defence Malaysia", "… of Defence of Brunei".
            let rest = after
                .strip_prefix(" of ")
                .or_else(|| after.strip_prefix(' '));
            let state = rest.and_then(|r| {
                text::COUNTRIES.iter().find(|c| {
                    r.strip_prefix(**c)
                        .is_some_and(|t| !t.starts_with(|c: char| c.is_alphanumeric()))
                })
            });
            if let (Some(rest), Some(state)) = (rest, state) {
                let name_end = end + (after.len() - rest.len()) + state.len();
                if !named_in_passing(text, at, name_end) {
                    found.push((at, text[at..name_end].to_string()));
                }
            }
        }
    }
    found
}

/// Words before a ministry's name that make it an officer's ("Permanent Secretary of the …
/// Ministry of Defence", "… Department of Policy, Ministry of …") or a report's source ("a press
/// release by the …"): the ministry is then no body the statement is about.
const OFFICE_OF: &[&str] = &[
    " of the",
    " of",
    " under the",
    " under",
    " at the",
    "according to the",
    " by the",
    ",",
];

/// Marks after a ministry's name that make it the owner of something else ("…'s training
/// centre").
const OWNER_MARKS: &[&str] = &["'s", "’s"];

/// Words after a ministry's name that make it the source of a report ("a statement the …
/// Ministry of Defence issued"), not a body the statement is about.
const SOURCE_VERBS: &[&str] = &[
    " said",
    " says",
    " issued",
    " announced",
    " stated",
    ", press release",
    ", media release",
    ", statement",
];

/// Whether the ministry at `start..end` of `text` is named in passing: for an office, as an
/// owner or as a source.
fn named_in_passing(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    OFFICE_OF.iter().any(|o| before.ends_with(o))
        || OWNER_MARKS
            .iter()
            .chain(SOURCE_VERBS)
            .any(|m| text[end..].starts_with(m))
}

fn opens_with_state(name: &str) -> bool {
    let rest = name
        .strip_prefix(ROYAL)
        .map_or(name, str::trim_start)
        .trim_start();
    text::COUNTRIES
        .iter()
        .chain(text::STATE_ADJECTIVES.iter().map(|(a, _)| a))
        .any(|s| {
            rest.strip_prefix(s)
                .is_some_and(|r| r.starts_with(' ') || r.starts_with("'s") || r.starts_with("’s"))
        })
}

/// Whether a word names a state ("Harbour's", "Singapore"): a capitalised word that is one of
/// [`text::COUNTRIES`] or its possessive.
fn is_state_word(w: &str) -> bool {
    let b = bare(w);
    let b = b
        .strip_suffix("'s")
        .or_else(|| b.strip_suffix("’s"))
        .unwrap_or(b);
    text::COUNTRIES.contains(&b)
}

impl<'a> Extractor<'a> {
    /// Whether `name` names meetings: it ends in a meeting head ("… Forum", "… Workshop") and is
    /// no known body whose kind has no meetings (the ASEAN Regional Forum is a framework).
    /// The edition a handle's digits number ("ADSOM-18"): none when they are its year
    /// ("AIME-2023", or "AIME-23" for an exercise in a statement of 2023).
    fn handle_edition(&self, digits: &str, name: &str) -> Option<u32> {
        let n: u32 = digits.parse().ok()?;
        let two_digit_year = named_as_exercise(name) && is_two_digit_year(n, self.clock.year);
        (digits.len() < 4 && !two_digit_year).then_some(n)
    }

    fn names_meetings(&self, name: &str) -> bool {
        is_meeting_name(name)
            && known::named(name, self.bodies).is_none_or(|b| b.kind.has_instances())
    }

    pub(super) fn paragraph(&mut self, p: &Paragraph) {
        let text = p.text.as_str();
        let mut para = Para {
            text,
            lower: text.to_ascii_lowercase(),
            cite: cite(self.statement, p),
            pairs: locate_pairs(text),
            known: known::mentions(text, self.bodies)
                .into_iter()
                .map(|m| m.range)
                .collect(),
            enumerated_mechanisms: enumeration_spans(text),
            mentioned: Vec::new(),
        };
        for rule in PARAGRAPH_RULES {
            rule(self, &mut para);
        }
        let mentioned = para.mentioned;
        if self.paragraphs_read < LEAD_PARAGRAPHS && self.main_meeting.is_none() {
            self.main_meeting = mentioned.first().copied();
        }
        self.paragraphs_read += 1;
        if let Some(&last) = mentioned.last() {
            self.last_meeting = Some(last);
        }
    }

    /// After every paragraph: the day a dateline gives ("PENANG, 26 February 2025 – The …
    /// Retreat was held …") is the day of the meeting the statement reports, when its own
    /// paragraph names it and no sentence gave it a day.
    pub(super) fn dateline_date(&mut self) {
        let Some(i) = self.main_meeting else { return };
        let Some(p) = self
            .lead_paragraphs()
            .find(|p| self.meetings[i].cites.contains(&cite(self.statement, p)))
        else {
            return;
        };
        let Some(head) = text::dateline_head(&p.text) else {
            return;
        };
        let m = &mut self.meetings[i];
        let dayless = m
            .when
            .as_ref()
            .is_none_or(|w| w.precision != crate::dates::Precision::Day);
        let Some(day) = text::find_dates(head, self.clock.year, false)
            .into_iter()
            .find(|d| d.when.precision == crate::dates::Precision::Day)
        else {
            return;
        };
        if dayless {
            give_day(m, day);
        }
    }

    /// After every paragraph: a dateline ("SEREMBAN: …") is the place of the meeting the
    /// statement reports (its lead's, else its first) and of meetings held on the statement's
    /// own day, when no sentence gave them one.
    /// A report of a speech at the meeting ("Speaking at the 14th ASEAN Navy Chiefs' Meeting,
    /// the admiral said …") after a lead dating the speech ("… a senior official said on
    /// November 5"): the day of the speech is the meeting's, when nothing dates it by the day.
    pub(super) fn speech_day(&mut self) {
        let Some((i, lead)) = self.dayless_report() else {
            return;
        };
        let spoken_at = lead.iter().any(|p| {
            sentences(&p.text).into_iter().any(|(_, s)| {
                let lower = s.to_ascii_lowercase();
                SPEECH_AT.iter().any(|c| lower.starts_with(c))
                    && first_naming(s, &self.meetings[i]).is_some()
            })
        });
        if !spoken_at {
            return;
        }
        let said_on = lead.iter().find_map(|p| {
            let lower = p.text.to_ascii_lowercase();
            let at = SAID_ON
                .iter()
                .filter_map(|c| lower.find(c).map(|k| k + c.len()))
                .min()?;
            let day = text::find_dates(&p.text[at..], self.clock.year, false)
                .into_iter()
                .next()
                .filter(|d| d.range.start <= SAID_ON_SPAN)
                .filter(|d| d.when.precision == crate::dates::Precision::Day)?;
            Some((day, cite(self.statement, p)))
        });
        let Some((day, cite)) = said_on else { return };
        let m = &mut self.meetings[i];
        if give_day(m, day) {
            push_cite(&mut m.cites, cite);
        }
    }

    /// After every paragraph and the other chair rules: a meeting of a series chaired by
    /// ASEAN's chair ([`ASEAN_CHAIR_SERIES`]) with no chair, of the year a sentence names a
    /// state ASEAN's chair for (else the statement's), is chaired by that state ("Laos, as
    /// ASEAN Chair for 2026, welcomed …"). Two states named so leave it empty.
    pub(super) fn asean_chair_chairs(&mut self) {
        let Some(statement_year) = self.clock.year else {
            return;
        };
        let mut named: Vec<(&'static str, i16)> = Vec::new();
        for p in self.statement.paragraphs.iter().filter(|p| !p.heading) {
            for (_, sentence) in super::text::sentences(&p.text) {
                if let Some((state, year)) = asean_chair(sentence) {
                    let held = (state, year.unwrap_or(statement_year));
                    if !named.contains(&held) {
                        named.push(held);
                    }
                }
            }
        }
        for &(state, year) in &named {
            if named.iter().any(|&(s, y)| y == year && s != state) {
                continue;
            }
            for m in &mut self.meetings {
                let follows = [m.acronym.as_deref(), m.series.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(|s| ASEAN_CHAIR_SERIES.contains(&s));
                let of_year = m.when.as_ref().is_some_and(|w| w.start.year() == year);
                if follows && of_year && m.chair.is_none() {
                    m.chair = Some(state.to_string());
                }
            }
        }
    }

    /// The statement's first paragraphs below its headline ([`DATELINE_PARAGRAPHS`]).
    fn lead_paragraphs(&self) -> impl Iterator<Item = &'a Paragraph> {
        self.statement
            .paragraphs
            .iter()
            .filter(|p| !p.heading)
            .take(DATELINE_PARAGRAPHS)
    }

    /// The meeting the statement reports, when nothing dates it by the day, and the lead
    /// paragraphs ([`DATELINE_PARAGRAPHS`]) that may.
    fn dayless_report(&self) -> Option<(usize, Vec<&'a Paragraph>)> {
        let i = self.main_meeting?;
        let by_day = self.meetings[i]
            .when
            .as_ref()
            .is_some_and(|w| w.precision == crate::dates::Precision::Day);
        let lead = self.lead_paragraphs().collect();
        (!by_day).then_some((i, lead))
    }

    /// A lead that tells of an event on a day and names no meeting ("… following the
    /// conclusion of a regional defence summit on Saturday (Oct 20)"), before the paragraph
    /// naming the meeting the statement reports ("At the end of the 5th ADMM-Plus, …"): the
    /// lead's day is that meeting's, when nothing dates it by the day.
    pub(super) fn lead_day(&mut self) {
        let Some((i, lead)) = self.dayless_report() else {
            return;
        };
        let Some((first, rest)) = lead.split_first() else {
            return;
        };
        let first_cite = cite(self.statement, first);
        // The reported meeting may cite the lead already for its dateline's place.
        let names_one = self
            .meetings
            .iter()
            .enumerate()
            .any(|(k, m)| k != i && m.cites.contains(&first_cite));
        let reported_after = rest
            .iter()
            .any(|p| self.meetings[i].cites.contains(&cite(self.statement, p)));
        if names_one || !reported_after {
            return;
        }
        let day = sentences(&first.text).into_iter().find_map(|(_, s)| {
            let lower = s.to_ascii_lowercase();
            LEAD_EVENT_WORDS
                .iter()
                .any(|w| contains_word(&lower, w))
                .then(|| date_in(s, self.clock, &MEETING_DATE))
                .flatten()
                .filter(|d| d.when.precision == crate::dates::Precision::Day)
        });
        let Some(day) = day else { return };
        let m = &mut self.meetings[i];
        if give_day(m, day) {
            push_cite(&mut m.cites, first_cite);
        }
    }

    pub(super) fn dateline_place(&mut self) {
        let reported = self
            .main_meeting
            .or((!self.meetings.is_empty()).then_some(0));
        let today = self.clock.published;
        let placed: Vec<usize> = (0..self.meetings.len())
            .filter(|&i| {
                let m = &self.meetings[i];
                let on_the_day = m.when.as_ref().is_some_and(|w| Some(w.start) == today);
                // "… was held at the Harbour View Hotel": a venue alone is placed in
                // the dateline's city.
                let unplaced = m
                    .place
                    .as_deref()
                    .is_none_or(|p| !text::names_known_place(p));
                unplaced && (Some(i) == reported || on_the_day)
            })
            .collect();
        if placed.is_empty() {
            return;
        }
        let found = self.lead_paragraphs().find_map(|p| {
            let filed_from = dateline(&p.text)?;
            // "SEOUL, … -- The minister will travel to Cambodia next week to attend …": the
            // journey's end, not where the report was filed.
            let place = text::journey_end(&p.text).unwrap_or(filed_from);
            Some((place, cite(self.statement, p)))
        });
        if let Some((place, cite)) = found {
            for i in placed {
                let m = &mut self.meetings[i];
                place_at_venue(m, place.clone());
                push_cite(&mut m.cites, cite.clone());
            }
            return;
        }
        // No dateline: the place the headline names ("… Rifle Meet opens in Hanoi") is the
        // reported meeting's.
        let headline = self.statement.paragraphs.iter().find(|p| p.heading);
        let (Some(i), Some(h)) = (reported.filter(|i| placed.contains(i)), headline) else {
            return;
        };
        if let Some(place) = place_in(&h.text) {
            let cite = cite(self.statement, h);
            let m = &mut self.meetings[i];
            place_at_venue(m, place);
            push_cite(&mut m.cites, cite);
        }
    }

    /// "Full Name (ACR)" pairs: a meeting when the name ends in a meeting head (numbered by
    /// "ACR-21" or an ordinal before it, else an occurrence of its series and the series), a
    /// mechanism when it ends in a body's head or stands in "mechanisms such as …".
    fn acronym_pairs(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let cite = para.cite.clone();
        // "the ASEAN Defence Senior Officials' Meeting (ADSOM) Working Group (WG)": a pair inside
        // a longer known name is that name's, which the known bodies read.
        let known = para.known.clone();
        for pair in &para.pairs {
            // "… Meeting (ADSOM) Working Group (WG)": "Working Group (WG)" ends that name too.
            let long_end = pair.start + pair.long.len();
            if known.iter().any(|r| {
                (r.start <= pair.start && r.end > pair.end)
                    || (r.start < pair.start && r.end >= long_end)
            }) {
                continue;
            }
            let (letters, numbered) = match pair.short.rsplit_once('-') {
                Some((l, n)) if n.chars().all(|c| c.is_ascii_digit()) => {
                    (l.to_string(), self.handle_edition(n, &pair.long))
                }
                _ => (pair.short.clone(), None),
            };
            // "the 16th … Meeting (ADMM)-Plus Experts Working Group …": the number is the
            // group's, which the known bodies read.
            let group_follows = text[pair.end..]
                .split_whitespace()
                .next()
                .is_some_and(|w| GROUP_FOLLOWERS.contains(&bare(w)));
            let number = numbered
                .or_else(|| ordinal_before(text, pair.start))
                .filter(|_| !group_follows);
            let sentence = sentence_around(text, pair.start);
            // "the 4th ASEAN Harbour Safety Cooperation (AHSC) Workshop": the event's head after
            // the pair; "the 17th Annual Meeting of the <Body> (<ACR>-17)": a meeting of the
            // body. The body the pair names stays a mechanism below.
            let before = text[..pair.start].trim_end().to_ascii_lowercase();
            let event = event_head_after(text, pair.end)
                .map(|h| format!("{} {h}", pair.long))
                .or_else(|| {
                    MEETING_OF
                        .iter()
                        .any(|m| before.ends_with(m))
                        .then(|| format!("Meeting of the {}", pair.long))
                });
            let meeting_pair = self.names_meetings(&pair.long);
            if let (Some(n), Some(event), false) = (number, event, meeting_pair) {
                let i = self.numbered_meeting(&letters, n, &event, &cite);
                self.describe_meeting(i, sentence, offset_in(sentence, text, pair.start), &cite);
                if !para.mentioned.contains(&i) {
                    para.mentioned.push(i);
                }
            }
            if meeting_pair {
                if let Some(n) = number {
                    let i = self.numbered_meeting(&letters, n, &pair.long, &cite);
                    let at = offset_in(sentence, text, pair.start);
                    self.describe_meeting(i, sentence, at, &cite);
                    para.mentioned.push(i);
                } else {
                    // "hosted the ASEAN Defence Senior Officials' Meeting (ADSOM) … on 11 March
                    // 2026": this year's meeting of the series, beside the series itself.
                    let series = SeriesName {
                        short: &pair.short,
                        name: &pair.long,
                        kept: true,
                    };
                    let occurred = (!group_follows)
                        .then(|| {
                            self.occurrence(
                                series,
                                text,
                                pair.start..pair.start + pair.long.len(),
                                pair.start..pair.start + pair.long.len(),
                                sentence,
                                &cite,
                            )
                        })
                        .flatten();
                    if let Some(i) = occurred {
                        para.mentioned.push(i);
                    }
                    self.mechanism(
                        Some(&pair.short),
                        &pair.long,
                        MEETING_SERIES,
                        sentence,
                        &cite,
                    );
                }
                continue;
            }
            let category = MECHANISM_HEADS
                .iter()
                .find(|(h, _)| {
                    let last = head(&pair.long);
                    // "Royal Cambodian Armed Forces" is no task force.
                    if *h == "force" && !pair.long.to_ascii_lowercase().contains(TASK_FORCE) {
                        return false;
                    }
                    *h == last
                        || Some(*h) == last.strip_suffix('s')
                        || Some(*h) == head_before_of(&pair.long).as_deref()
                })
                .map(|(_, c)| *c)
                .or_else(|| {
                    para.enumerated_mechanisms
                        .iter()
                        .any(|r| r.contains(&pair.start))
                        .then_some("mechanism")
                });
            if let Some(category) = category {
                // "(NADI-17)", "(AIME-2023)" name a meeting of NADI, of AIME; the body is NADI,
                // AIME.
                let acronym = if letters != pair.short {
                    &letters
                } else {
                    &pair.short
                };
                self.mechanism(Some(acronym), &pair.long, category, sentence, &cite);
            }
        }
    }

    /// A state's armed forces, service or ministry named before its acronym in brackets ("the
    /// Harbour Armed Forces (HAF)", "Harbour's Ministry of Defence (MinDef)"), whether or not the
    /// acronym is made of the name's initials: a body. Named without one, a force is only
    /// mentioned in passing.
    /// A state's force named without an acronym: "the Philippine Air Force", "Royal Brunei
    /// Navy", "Lao People's Armed Forces". One with its acronym in brackets is
    /// [`Self::forces_with_acronym`]'s.
    fn state_forces(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let mut heads: Vec<(usize, usize)> = FORCE_HEADS_LAST
            .iter()
            .flat_map(|(head, _)| text.match_indices(head).map(|(at, h)| (at, at + h.len())))
            .collect();
        heads.sort_unstable();
        let forces: Vec<(usize, String, &str)> = heads
            .into_iter()
            .filter(|&(at, end)| {
                let after = &text[end..];
                let bounded = !after.starts_with(|c: char| c.is_alphanumeric())
                    && !text[..at].ends_with(|c: char| c.is_alphanumeric());
                bounded && !after.trim_start().starts_with('(')
            })
            .filter_map(|(_, end)| force_name_before(text, end))
            .filter(|(_, name, _)| opens_with_state(name))
            .chain(
                state_ministries(text)
                    .into_iter()
                    .map(|(at, name)| (at, name, MINISTRY)),
            )
            .collect();
        // "… People's Liberation Army Navy": the whole name, not the "… Army" it opens with.
        let forces: Vec<(usize, String, &str)> = forces
            .iter()
            .filter(|(s, n, _)| {
                !forces
                    .iter()
                    .any(|(t, m, _)| t == s && m.len() > n.len() && m.starts_with(n.as_str()))
            })
            .cloned()
            .collect();
        for (start, name, category) in &forces {
            // Forces listed with others ("… the Royal Thai Air Force, the Myanmar Air Force and
            // …") are who came, not bodies the statement is about.
            let sentence = sentence_around(text, *start);
            let listed = forces
                .iter()
                .filter(|(s, _, _)| sentence_around(text, *s).as_ptr() == sentence.as_ptr())
                .count()
                >= LISTED_FORCES;
            // "Deputy Chief of the General Staff of the <force>": a unit within the force names
            // it, where a person serves, not a body the statement is about.
            if after_a_unit(text, *start) {
                continue;
            }
            // Described by no sentence: a force is named in many, about other things.
            if !listed {
                self.mechanism(None, name, category, "", &para.cite);
            }
        }
    }

    fn forces_with_acronym(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let mut from = 0;
        while let Some(open) = text[from..].find('(').map(|i| from + i) {
            let Some(close) = text[open..].find(')').map(|i| open + i) else {
                break;
            };
            from = close;
            let acronym = &text[open + 1..close];
            if !looks_like_acronym(acronym) {
                continue;
            }
            let Some((start, name, category)) = force_name_before(text, open) else {
                continue;
            };
            let sentence = sentence_around(text, start);
            self.mechanism(Some(acronym), &name, category, sentence, &para.cite);
        }
    }

    /// Named meetings without a parenthesised acronym: "the 18th ASEAN Defence Ministers'
    /// Meeting", series such as "the ASEAN Chiefs of Defence Forces Meeting", and
    /// "ASEAN-China Defence Ministers' Informal Meeting".
    fn asean_names(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let cite = para.cite.clone();
        // Not inside a word: "China-ASEAN …" starts at "China".
        let mut starts = ASEAN_NAME_STARTS
            .iter()
            .flat_map(|s| text.match_indices(s))
            .map(|(at, _)| at)
            .filter(|&at| {
                !text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '-')
            })
            .collect::<Vec<_>>();
        // "China-ASEAN …": a partner's name before ASEAN's.
        starts.extend(
            text.split_whitespace()
                .filter(|w| {
                    w.strip_suffix(PARTNER_BEFORE_ASEAN)
                        .is_some_and(|p| p.len() >= 3 && text::capitalised(p))
                })
                // "‘China-ASEAN …": the name, out of its quote.
                .map(|w| {
                    let quote = w.len() - w.trim_start_matches(NAME_QUOTES).len();
                    w.as_ptr() as usize - text.as_ptr() as usize + quote
                }),
        );
        // "the Naval Engineering Conference": any capitalised name after an article, when it
        // ends in a meeting's head (checked below like the others).
        let other_names: Vec<usize> = NAME_ARTICLES
            .iter()
            .flat_map(|a| text.match_indices(a))
            .filter(|&(at, _)| !text[..at].ends_with(|c: char| c.is_alphanumeric()))
            .map(|(at, a)| at + a.len())
            .filter(|&at| text[at..].starts_with(|c: char| c.is_uppercase()))
            .filter(|at| !starts.contains(at))
            .collect();
        starts.extend(&other_names);
        starts.sort_unstable();
        starts.dedup();
        for at in starts {
            if para.in_pair(at) {
                continue;
            }
            // "… Conference and the 22nd … Meeting": two names.
            let Some(full) = name_at(text, at)
                .map(|n| with_lowercase_head(text, at, n))
                .map(|n| before_next_ordinal(&n))
            else {
                continue;
            };
            let name = cut_at_meeting_head(&full);
            let Some(name) = name.filter(|n| self.names_meetings(n)) else {
                continue;
            };
            // "the 4th ASEAN dialogue partner": the head describes the noun after it.
            let described = text[at + name.len().min(text.len() - at)..]
                .split_whitespace()
                .next()
                .is_some_and(|w| HEAD_DESCRIBES.contains(&bare(w)));
            if described {
                continue;
            }
            // "the consideration of ASEAN and the ASEAN Defence Ministers' Meeting": two names,
            // the second read from its own start. "the Declaration of the East Asia Summit on
            // …": a document's name, which the document rules read.
            if JOINED_TO_ASEAN.iter().any(|j| name.starts_with(j))
                || super::opens_with_document_head(&name)
            {
                continue;
            }
            if other_names.contains(&at) && !self.other_event_name(&name) {
                continue;
            }
            // "the First ASEAN Defence Ministers' Meeting - Plus": the start of a longer known
            // name, or a known name in full ("the ASEAN Defence Ministers Plus Meeting" is the
            // ADMM-Plus, not an "ADMPM"), which the known bodies read.
            if para
                .known
                .iter()
                .any(|r| r.start <= at && r.end >= at + name.len())
            {
                continue;
            }
            // "the ASEAN … Meeting Working Group": the name of a group of the meeting, which
            // the known bodies and the pairs read.
            let longer = full
                .get(name.len()..)
                .and_then(|rest| rest.split_whitespace().next())
                .is_some_and(|w| text::capitalised(w) && naming_year(w).is_none());
            // "the 9th ASEAN Summit": a name too short for initials is its own short form.
            let Some(acr) = initials(&name)
                .or_else(|| (name.split_whitespace().count() == 2).then(|| name.clone()))
                .or_else(|| {
                    other_names
                        .contains(&at)
                        .then(|| initials_of(&name))
                        .flatten()
                })
            else {
                continue;
            };
            let sentence = sentence_around(text, at);
            match ordinal_before(text, at) {
                None if longer => {}
                Some(n) => {
                    let i = self.numbered_meeting(&acr, n, &name, &cite);
                    self.describe_meeting(i, sentence, offset_in(sentence, text, at), &cite);
                    para.mentioned.push(i);
                }
                None => {
                    let series = SeriesName {
                        short: &acr,
                        name: &name,
                        kept: false,
                    };
                    match self.occurrence(
                        series,
                        text,
                        at..at + name.len(),
                        at..at + name.len(),
                        sentence,
                        &cite,
                    ) {
                        Some(i) => para.mentioned.push(i),
                        None => self.mechanism(Some(&acr), &name, MEETING_SERIES, sentence, &cite),
                    }
                }
            }
        }
    }

    /// Whether a capitalised name after an article is an event of its own ("the Naval
    /// Engineering Conference", "the Shangri-La Dialogue"): three words or more (two when the
    /// first is a compound), naming no known body, no ASEAN and no ordinal, and not two names.
    fn other_event_name(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        let long_enough = words.len() >= OTHER_EVENT_WORDS
            || words.len() == OTHER_EVENT_WORDS - 1 && words[0].contains('-');
        long_enough
            && known::mentions(name, self.bodies).is_empty()
            && !words.iter().any(|w| {
                bare(w).eq_ignore_ascii_case("asean")
                    || w.to_ascii_lowercase().starts_with("asean-")
                    || ordinal(w).is_some()
                    || *w == "and"
            })
    }

    /// Other numbered meetings: "the 3rd Viet Nam – Singapore Defence Policy Dialogue".
    fn ordinal_names(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let cite = para.cite.clone();
        for (at, word) in super::text::word_offsets(text, text) {
            let Some(n) = ordinal(word) else { continue };
            let from = at + word.len();
            let Some(name) = dashed_name_at(text, from).map(|n| before_next_ordinal(&n)) else {
                continue;
            };
            let partner_first = name
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with(PARTNER_BEFORE_ASEAN));
            let asean_first = ASEAN_NAME_STARTS.iter().any(|s| name.starts_with(s));
            // "the 6th ADMM-Plus EWG on … Meeting": a known name, which the known bodies read.
            let name_at = text.len() - text[from..].trim_start().len();
            let known = para.known.iter().any(|r| r.contains(&name_at));
            if asean_first || partner_first || known || para.in_pair(from) {
                continue;
            }
            let Some(name) = cut_at_meeting_head(&name).filter(|n| self.names_meetings(n)) else {
                continue;
            };
            let Some(acr) = initials_of(&name) else {
                continue;
            };
            let i = self.numbered_meeting(&acr, n, &name, &cite);
            let sentence = sentence_around(text, at);
            self.describe_meeting(i, sentence, offset_in(sentence, text, at), &cite);
            para.mention(i);
        }
    }

    /// A series with a number: "the 22nd ADMM", "ADMM-22", "the 10th ADMM Plus" (the series is
    /// ADMM-Plus).
    fn numbered_series(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let cite = para.cite.clone();
        let known_spans = para.known.clone();
        let words: Vec<(usize, &str)> = super::text::word_offsets(text, text).collect();
        for (k, &(at, word)) in words.iter().enumerate() {
            let token = bare(word);
            let (letters, number) = match token.rsplit_once('-') {
                Some((l, n)) if n.chars().all(|c| c.is_ascii_digit()) => {
                    let known_name = self
                        .bodies
                        .iter()
                        .find(|b| b.acronym.as_deref() == Some(l))
                        .map_or("", |b| b.name.as_str());
                    (l, self.handle_edition(n, known_name))
                }
                _ => (token, ordinal_before(text, at)),
            };
            let plus;
            // "the third ADMM+", "the 10th ADMM Plus": the "-Plus" series.
            let plus_sign = word
                .trim_end_matches([',', '.', ';', ':', ')', '’', '\''])
                .ends_with(PLUS_SIGN);
            let letters = if plus_sign || words.get(k + 1).is_some_and(|(_, w)| bare(w) == "Plus") {
                plus = format!("{letters}-Plus");
                plus.as_str()
            } else {
                letters
            };
            let Some(number) = number else { continue };
            // "the 55th RBAF anniversary": the body's years, not a meeting of it.
            let anniversary = words.get(k + 1).is_some_and(|(_, w)| {
                NOT_MEETINGS.contains(&bare(w).to_ascii_lowercase().as_str())
            });
            if anniversary {
                continue;
            }
            // "the 16th EWG on Counter-Terrorism": a longer known name, which the known bodies
            // read.
            let longer_known = known_spans
                .iter()
                .any(|r| r.start == at && r.end > at + word.len());
            // "the third ADMM+": a known series' sign, which the known bodies read.
            let known_plus = plus_sign && known_spans.iter().any(|r| r.start == at);
            if para.in_pair(at) || longer_known || known_plus {
                continue;
            }
            // A known series, or an acronym such as "ADMM-Plus" after an ordinal.
            let core = letters.trim_end_matches("-Plus");
            let acronym_like = letters != "ASEAN"
                && core.len() >= 3
                && core.chars().all(|c| c.is_ascii_uppercase());
            // "ASMAM-10": an unknown acronym's handle, unless it names no meeting ("COVID-19");
            // a known body's handle is [`Self::known_handles`]'s.
            // "KDB Darulaman (OPV-08)": a number led by a zero is a ship's pennant.
            let pennant = token
                .rsplit_once('-')
                .is_some_and(|(_, n)| n.starts_with('0'));
            let handle = token.contains(char::is_numeric)
                && !pennant
                && number <= HANDLE_NUMBER_MAX
                && !NOT_SERIES_HANDLES.contains(&letters)
                && !self
                    .bodies
                    .iter()
                    .any(|b| b.acronym.as_deref() == Some(letters));
            let Some(series) = self.series_named(letters).or_else(|| {
                (acronym_like && (!token.contains(char::is_numeric) || handle))
                    .then(|| letters.to_string())
            }) else {
                continue;
            };
            // "the 14th ADMM-Plus Experts' Working Group on …": a meeting of the series' group,
            // not the series' 14th meeting; "the first ADMM-Plus Harbour Rescue Exercise": the
            // exercise's.
            let group = name_at(text, at + word.len())
                .filter(|rest| {
                    rest.split_whitespace()
                        .any(|w| GROUP_WORDS.contains(&bare(w)))
                        || is_meeting_name(rest)
                        || named_as_exercise(rest)
                })
                .map(|rest| format!("{token} {rest}"))
                .and_then(|name| Some((initials_of(&name)?, name)));
            let i = match &group {
                Some((acronym, name)) => self.numbered_meeting(acronym, number, name, &cite),
                None => self.numbered_meeting(letters, number, &series, &cite),
            };
            let sentence = sentence_around(text, at);
            self.describe_meeting(i, sentence, offset_in(sentence, text, at), &cite);
            para.mention(i);
        }
    }

    /// Handles of meetings already known: "AMIM-21 also focused on …".
    fn known_handles(&mut self, para: &mut Para<'_>) {
        for i in 0..self.meetings.len() {
            let Some(handle) = Fact::Meeting(Box::new(self.meetings[i].clone())).handle() else {
                continue;
            };
            if !para.mentioned.contains(&i) && contains_word(para.text, &handle) {
                push_cite(&mut self.meetings[i].cites, para.cite.clone());
                para.mentioned.push(i);
            }
        }
    }

    /// Known bodies and series (`corpus/bodies.toml`) named in the paragraph.
    fn known_bodies(&mut self, para: &mut Para<'_>) {
        let cite = para.cite.clone();
        self.known_mentions(para.text, &cite, &mut para.mentioned);
    }

    /// A body of a known one, named by a head after it ("the AHCM's Board of Directors", "AHCM
    /// steering committee") or before it with "of" or "within" ("a diving working group within
    /// the AHCM", "the permanent joint secretary of AHCM"): a mechanism named "<known>
    /// <own words> <head>".
    fn sub_bodies(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let words: Vec<(usize, &str)> = super::text::word_offsets(text, text).collect();
        let index_at = |byte: usize| words.iter().position(|(at, _)| *at >= byte);
        for m in known::mentions(text, self.bodies) {
            if m.number.is_some() || m.year.is_some() {
                continue;
            }
            // After: "<known>('s) <own words> <head>", the mention ending a word or "'s".
            let rest = &text[m.range.end..];
            let after_mention = rest
                .strip_prefix("'s")
                .or_else(|| rest.strip_prefix("’s"))
                .unwrap_or(rest);
            // "… Medicine (AHCM)’s Board": the acronym in brackets is the mention's.
            let after = if after_mention.starts_with(' ') {
                index_at(text.len() - after_mention.len()).map(|k| {
                    let bracketed = words[k].1.starts_with('(')
                        && words[k].1.trim_end_matches(['s', '\'', '’']).ends_with(')');
                    k + usize::from(bracketed)
                })
            } else {
                None
            };
            if let Some(k) = after {
                if let Some((own, head, category)) = sub_head_after(&words, k) {
                    let sub = own_and_head(&own, head);
                    self.sub_body(&m, text, &sub, category, &para.cite);
                    continue;
                }
            }
            // Before: "<determiner> <own words> <head> of|within (the) <known>".
            let Some(k) = index_at(m.range.start) else {
                continue;
            };
            let mut j = k;
            if j > 0 && bare(words[j - 1].1).eq_ignore_ascii_case("the") {
                j -= 1;
            }
            if j < 2 || !SUB_BODY_OF.contains(&bare(words[j - 1].1)) || closes(words[j - 2].1) {
                continue;
            }
            if let Some((own, head, category)) = sub_head_before(&words, j - 1) {
                let sub = own_and_head(&own, head);
                self.sub_body(&m, text, &sub, category, &para.cite);
            }
        }
    }

    /// The body `sub` ("board of directors") of the known body mentioned at `m`: named by the
    /// known body as written, and by its acronym as an alias (its id, so that both writings are
    /// one body); a known body itself when the whole is one's name ("ADSOM's Working Group").
    fn sub_body(
        &mut self,
        m: &known::Mention<'_>,
        text: &str,
        sub: &str,
        category: &str,
        cite: &str,
    ) {
        let sentence = sentence_around(text, m.range.start);
        let owner = m.body.acronym.as_deref().unwrap_or(&m.body.name);
        let short = format!("{owner} {sub}");
        if let Some(whole) = known::mentions(&short, self.bodies)
            .into_iter()
            .find(|k| k.range == (0..short.len()))
        {
            self.known_mechanism(whole.body, sentence, cite);
            return;
        }
        let written = format!("{} {sub}", &text[m.range.clone()]);
        let id = super::fact_id(&short);
        if let Some(known) = self.mechanisms.iter_mut().find(|k| k.id == id) {
            push_cite(&mut known.cites, cite.to_string());
            return;
        }
        self.mechanism(None, &written, category, sentence, cite);
        if let Some(new) = self.mechanisms.last_mut() {
            new.id = id;
            if written != short {
                new.aliases.push(short);
            }
        }
    }

    /// "Brunei takes the AMOM chair next and is to chair the 13th meeting in 2027": an
    /// ordinal before a meeting's head noun is that meeting of the series the sentence names
    /// (the nearest before it).
    fn edition_of_series(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let cite = para.cite.clone();
        let mentions = known::mentions(text, self.bodies);
        for (range, sentence) in sentences(text) {
            let words: Vec<(usize, &str)> = super::text::word_offsets(text, sentence).collect();
            for pair in words.windows(2) {
                let [(at, first), (_, second)] = pair else {
                    continue;
                };
                let head = bare(second).to_ascii_lowercase();
                let Some(n) = ordinal(first).filter(|_| EDITION_HEADS.contains(&head.as_str()))
                else {
                    continue;
                };
                // "the first meeting of the <body>": the body named right after, whatever its
                // kind; else the series named before.
                let head_end = second.as_ptr() as usize - text.as_ptr() as usize + second.len();
                let of_body = EDITION_JOINS
                    .iter()
                    .filter(|j| text[head_end..].starts_with(**j))
                    .find_map(|j| {
                        mentions
                            .iter()
                            .find(|m| m.range.start == head_end + j.len())
                    })
                    .map(|m| m.body);
                // "The Network of … (NADI) wrapped up its ninth meeting": the body "its" refers
                // to holds the meeting, whatever its kind.
                let its = word_before(text, *at).is_some_and(|w| OWN_EDITION.contains(&w));
                let before = || {
                    mentions
                        .iter()
                        .rfind(|m| {
                            range.contains(&m.range.start)
                                && m.range.start < *at
                                && (its || m.body.kind.has_instances())
                        })
                        .map(|m| m.body)
                };
                let Some(series) = of_body.or_else(before) else {
                    continue;
                };
                let Some(acronym) = &series.acronym else {
                    continue;
                };
                let i = self.numbered_meeting(acronym, n, &series.name, &cite);
                self.describe_meeting(i, sentence, offset_in(sentence, text, *at), &cite);
                para.mention(i);
            }
        }
    }

    /// "… Indonesia as the next chairman of the 20th AMIM": the meeting named right after the
    /// cue is chaired by the one named before it ([`people::next_chair`]), when no sentence gave
    /// it a chair.
    fn next_chair_named(&mut self, para: &mut Para<'_>) {
        for (_, sentence) in sentences(para.text) {
            let Some((holder, at)) = super::people::next_chair(sentence) else {
                continue;
            };
            let named_after = para
                .mentioned
                .iter()
                .copied()
                .filter_map(|i| {
                    let k = first_naming(&sentence[at..], &self.meetings[i])?;
                    (k <= NEXT_CHAIR_SPAN).then_some((k, i))
                })
                .min();
            if let Some((_, i)) = named_after {
                let m = &mut self.meetings[i];
                if m.chair.is_none() {
                    m.chair = Some(holder);
                }
            }
        }
    }

    /// "next year" with "<State> will host" or "will be the host": next year's meeting of the series the statement
    /// reports, in the state named, when the sentence names no series of its own.
    fn next_host(&mut self, para: &mut Para<'_>) {
        let Some(year) = self.clock.year else { return };
        let Some(main) = self.main_meeting else {
            return;
        };
        let Some(acronym) = self.meetings[main].acronym.clone() else {
            return;
        };
        let series = self.meetings[main]
            .series
            .clone()
            .unwrap_or_else(|| acronym.clone());
        for (_, sentence) in sentences(para.text) {
            let lower = sentence.to_ascii_lowercase();
            if !lower.contains(NEXT_YEAR)
                || !HOST_VERBS.iter().any(|v| lower.contains(v))
                || !known::mentions(sentence, self.bodies).is_empty()
            {
                continue;
            }
            let Some(state) = text::COUNTRIES.iter().find(|c| contains_word(sentence, c)) else {
                continue;
            };
            let id = format!("{}-{}", super::fact_id(&acronym), year + 1);
            let i = match self.meetings.iter().position(|m| m.id == id) {
                Some(i) => i,
                None => {
                    self.meetings.push(Meeting {
                        acronym: Some(acronym.clone()),
                        series: Some(series.clone()),
                        aliases: vec![format!("{acronym} {}", year + 1)],
                        date: Some((year + 1).to_string()),
                        ..super::meetings::new_meeting(
                            id,
                            format!("{series} {}", year + 1),
                            &para.cite,
                        )
                    });
                    self.meetings.len() - 1
                }
            };
            let m = &mut self.meetings[i];
            m.place.get_or_insert_with(|| state.to_string());
            push_cite(&mut m.cites, para.cite.clone());
        }
    }

    /// "<State> took over the <series> chairmanship for <year>", "<State> will assume the
    /// chairmanship of the <series> in <year>" (or "next year"): the series' meeting of that
    /// year, chaired by that state.
    fn chairmanship_handed(&mut self, para: &mut Para<'_>) {
        for (_, sentence) in sentences(para.text) {
            let lower = sentence.to_ascii_lowercase();
            let Some(at) = after_phrase(sentence, HANDED_CHAIRMANSHIP) else {
                continue;
            };
            // The subject: the state opening the sentence, else the last one named before the
            // verb ("… said the Philippines is ready … as it prepares to assume the …").
            let opening = text::COUNTRIES.iter().find(|c| {
                sentence.starts_with(**c) || sentence[..at].trim_start().starts_with(**c)
            });
            let Some(state) = opening
                .copied()
                .or_else(|| super::history::subject_state(&sentence[..at]))
            else {
                continue;
            };
            // "the ADMM and ADMM-Plus chairship in 2026": each series named before the word;
            // else "the chairmanship of the ADMM in 2027": the series named after it.
            let rest = &lower[at..];
            let Some((word_at, word_end)) = CHAIRMANSHIP_WORDS
                .iter()
                .filter_map(|w| rest.find(w).map(|k| (k, k + w.len())))
                .min()
            else {
                continue;
            };
            let mut series = self.series_in(&sentence[at..at + word_at]);
            let mut year_from = word_end;
            if series.is_empty() {
                let after = &sentence[at + word_at..];
                let of = after
                    .find(CHAIRMANSHIP_OF)
                    .filter(|k| *k <= CHAIRMANSHIP_YEAR_SPAN);
                let named = of.and_then(|k| {
                    known::mentions(&after[k..], self.bodies)
                        .into_iter()
                        .find(|m| {
                            m.body.kind.has_instances() && m.range.start <= CHAIRMANSHIP_OF.len()
                        })
                        .map(|m| (k + m.range.end, m.body))
                });
                if let Some((end, body)) = named {
                    series.push(body);
                    year_from = word_at + end;
                }
            }
            let after = &rest[year_from..];
            let named_year = CHAIRMANSHIP_YEAR_LEADS
                .iter()
                .filter_map(|lead| {
                    let k = after.find(lead)?;
                    (k <= CHAIRMANSHIP_YEAR_SPAN).then(|| after[k + lead.len()..].get(..4))?
                })
                .find_map(|y| y.parse::<i16>().ok().filter(|y| NAMED_YEARS.contains(y)));
            // "… the ACDFM chairmanship next year".
            let next_year = after
                .get(..floor_char(after, CHAIRMANSHIP_YEAR_SPAN))
                .is_some_and(|a| a.contains(NEXT_YEAR))
                .then(|| self.clock.year.map(|y| y + 1))
                .flatten();
            let Some(year) = named_year.or(next_year) else {
                continue;
            };
            self.chaired_in(&series, year, state, &para.cite);
        }
    }

    /// "<State> is this year's <series> chair", "<State>, the current <series> chair, …": the
    /// series' meeting of the statement's year, chaired by that state.
    fn chair_this_year(&mut self, para: &mut Para<'_>) {
        let Some(year) = self.clock.year else { return };
        for (_, sentence) in sentences(para.text) {
            let lower = sentence.to_ascii_lowercase();
            let Some(at) = after_phrase(sentence, CHAIR_THIS_YEAR) else {
                continue;
            };
            let rest = &lower[at..];
            let Some(office_at) = rest
                .split_whitespace()
                .take(CHAIR_THIS_YEAR_WORDS)
                .find(|w| SERIES_CHAIR_WORDS.contains(&text::bare(w)))
                .map(|w| w.as_ptr() as usize - rest.as_ptr() as usize)
            else {
                continue;
            };
            let series = self.series_in(&sentence[at..at + office_at]);
            let Some(state) = super::history::subject_state(&sentence[..at]) else {
                continue;
            };
            self.chaired_in(&series, year, state, &para.cite);
        }
    }

    /// "<Chair> handed over the <series> chairmanship to <state or its delegate>": the series'
    /// meeting of the year the sentence names after them ("… which will begin in 2017"), else of
    /// the next year, chaired by that state.
    fn chairmanship_handed_over(&mut self, para: &mut Para<'_>) {
        for (_, sentence) in sentences(para.text) {
            let lower = sentence.to_ascii_lowercase();
            let Some(at) = after_phrase(sentence, HANDOVER_CUES) else {
                continue;
            };
            let Some(to_at) = lower[at..].find(HANDED_TO).map(|k| at + k) else {
                continue;
            };
            let handed = &lower[at..to_at];
            let role = CHAIRMANSHIP_WORDS
                .iter()
                .chain(HANDED_ROLES)
                .any(|w| handed.contains(w));
            let series = self.series_in(&sentence[at..to_at]);
            if !role || series.is_empty() {
                continue;
            }
            let rest = &sentence[to_at + HANDED_TO.len()..];
            let span = floor_char(rest, RECIPIENT_SPAN);
            let Some(state) = text::first_state(&rest[..span]) else {
                continue;
            };
            let named_year = CHAIRMANSHIP_YEAR_LEADS
                .iter()
                .flat_map(|lead| rest.match_indices(lead))
                .filter_map(|(k, lead)| rest.get(k + lead.len()..k + lead.len() + 4))
                .find_map(|y| y.parse::<i16>().ok().filter(|y| NAMED_YEARS.contains(y)));
            let Some(year) = named_year.or_else(|| self.clock.year.map(|y| y + 1)) else {
                continue;
            };
            self.chaired_in(&series, year, state, &para.cite);
        }
    }

    /// The known series (bodies that hold meetings) `text` names.
    fn series_in(&self, text: &str) -> Vec<&'a crate::corpus::Body> {
        known::mentions(text, self.bodies)
            .into_iter()
            .filter(|m| m.body.kind.has_instances())
            .map(|m| m.body)
            .collect()
    }

    /// Each series' meeting of `year`, chaired by `state` unless a chair is known.
    fn chaired_in(&mut self, series: &[&crate::corpus::Body], year: i16, state: &str, cite: &str) {
        for body in series {
            let i = self.instance(body, &year.to_string(), cite);
            let m = &mut self.meetings[i];
            set_year(m, year);
            m.chair.get_or_insert_with(|| state.to_string());
        }
    }

    /// Bodies named without an acronym pair by a capitalised name ending in a body's head ("the
    /// Regional Maritime Hotline", "the ASEAN Secretariat"), not a known body's and not inside a
    /// pair: a mechanism named so.
    fn named_bodies(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let known = para.known.clone();
        let mut from = 0;
        for (at, word) in super::text::word_offsets(text, text) {
            if at < from || !text::capitalised(word) || para.in_pair(at) {
                continue;
            }
            let Some(name) = name_at(text, at) else {
                continue;
            };
            from = at + name.len();
            // "the member states and the ASEAN Secretariat": the last item is the body.
            let name = strip_the(name.rsplit(" and the ").next().unwrap_or(&name));
            let headed = BODY_NAME_HEADS
                .iter()
                .find(|(h, _)| name.ends_with(&format!(" {h}")))
                .map(|(h, c)| (name[..name.len() - h.len()].split_whitespace().count(), *c));
            // "Japan's Ministry of Defense": the organisation, and whose it is.
            let owner = state_possessive_before(text, at);
            let (name, own, category) = match (headed, organisation(&name)) {
                (Some((own, category)), _) => (name, own, category),
                (None, Some((organisation, category))) => (organisation, 1, category),
                (None, None) => continue,
            };
            let name = match owner {
                Some(state) if !name.contains(state) => format!("{name} ({state})"),
                _ => name,
            };
            let overlaps_known = known.iter().any(|r| r.start < from && at < r.end);
            // "… Working Group (ADSOM WG)": a pair, which the pair rules and known bodies read.
            let bracket = text[from..].trim_start().starts_with('(');
            // "at the Grand Maritime Centre" is a venue.
            let venue = word_before(text, at).is_some_and(|w| w == "at")
                || text[..at].ends_with(" at the ");
            if own == 0
                || bracket
                || overlaps_known
                || venue
                || owner.is_none() && word_before(text, at).is_some_and(text::capitalised)
            {
                continue;
            }
            let sentence = sentence_around(text, at);
            self.mechanism(None, &name, category, sentence, &para.cite);
        }
    }

    /// "a meeting between X and Y", "X convened with Y".
    fn bilateral_meeting(&mut self, para: &mut Para<'_>) {
        // "an unofficial meeting between ASEAN and the US": the partner's informal meeting, read
        // already, not a meeting of two sides besides.
        let partners_read = para.mentioned.iter().any(|&i| {
            self.meetings[i].acronym.as_deref().is_some_and(|a| {
                a.starts_with(super::described::ASEAN_HYPHEN) || a.contains(PARTNER_BEFORE_ASEAN)
            })
        });
        if partners_read {
            return;
        }
        let cite = para.cite.clone();
        if let Some(i) = self.bilateral(para.text, &cite) {
            para.mentioned.push(i);
        }
    }

    /// "The same day, …" takes the date of the meeting spoken of before.
    fn same_day(&mut self, para: &mut Para<'_>) {
        if !para.lower.contains(SAME_DAY) {
            return;
        }
        let (Some(prev), Some(&now)) = (self.last_meeting, para.mentioned.first()) else {
            return;
        };
        if prev == now {
            return;
        }
        let (date, when) = (
            self.meetings[prev].date.clone(),
            self.meetings[prev].when.clone(),
        );
        let prev_id = self.meetings[prev].id.clone();
        let now_id = self.meetings[now].id.clone();
        let m = &mut self.meetings[now];
        if m.date.is_none() {
            m.date = date;
            m.when = when;
        }
        if !m.related.contains(&prev_id) {
            m.related.push(prev_id);
        }
        if !self.meetings[prev].related.contains(&now_id) {
            self.meetings[prev].related.push(now_id);
        }
    }

    /// The meeting the paragraph's fields attach to: the first it names, else the last one
    /// spoken of.
    fn target(&self, para: &Para<'_>) -> Option<usize> {
        para.mentioned.first().copied().or(self.last_meeting)
    }

    /// "With the theme “…”, the meeting …": the meeting named here, else the report's own
    /// ("The chiefs exchanged views on the topic of …" after "approved the minutes of the 16th
    /// ANCM" is the 17th's), else the last one.
    fn theme_rule(&mut self, para: &mut Para<'_>) {
        let Some(theme) = theme(para.text) else {
            return;
        };
        // Only a meeting named before the theme is the one it belongs to ("With the theme …,
        // the meeting … in the spirit of the ADMM held this year" is the report's own).
        let before = &para.text[..para.text.find(&theme).unwrap_or(para.text.len())];
        let named_before = |m: &Meeting| {
            std::iter::once(&m.name)
                .chain(m.acronym.iter())
                .chain(m.series.iter())
                .chain(m.aliases.iter())
                .any(|n| before.contains(n.as_str()))
        };
        let theme_target = para
            .mentioned
            .iter()
            .copied()
            .find(|&i| named_before(&self.meetings[i]))
            .or(self.main_meeting)
            .or(self.target(para));
        if let Some(i) = theme_target {
            self.meetings[i].theme.get_or_insert(theme);
            push_cite(&mut self.meetings[i].cites, para.cite.clone());
        }
    }

    /// A paragraph speaking of "the meeting" or its "delegates" cites the meeting it is about.
    fn meeting_reference(&mut self, para: &mut Para<'_>) {
        if let Some(i) = self.target(para) {
            if MEETING_REFERENCES.iter().any(|r| para.lower.contains(r)) {
                push_cite(&mut self.meetings[i].cites, para.cite.clone());
            }
        }
    }

    /// "The meeting took place in Kuantan on 4 May": a sentence opening with words for the
    /// meeting the paragraph is about and saying it was held gives its day and place.
    fn occurrence_anaphor(&mut self, para: &mut Para<'_>) {
        let Some(i) = self.target(para) else {
            return;
        };
        for (_, sentence) in sentences(para.text) {
            let lower = without_duration(&sentence.to_ascii_lowercase());
            // The words for the meeting open the sentence (no anaphor is another's prefix).
            let rest = OCCURRENCE_ANAPHORS
                .iter()
                .find_map(|a| lower.strip_prefix(a));
            let opens = rest.is_some_and(|r| r.starts_with([' ', ',']));
            // "The conference in Nay Pyi Taw sees …": the place right after the words.
            let placed = rest.is_some_and(|r| r.starts_with(ANAPHOR_PLACE_LEAD));
            // "The meeting, chaired by Laos through videoconferencing, …": held online.
            let online = text::virtual_in(sentence).is_some();
            if opens
                && (placed || online || ANAPHOR_OCCURRENCE_VERBS.iter().any(|v| lower.contains(v)))
            {
                self.describe_meeting(i, sentence, Some(0), &para.cite);
            } else if let Some(at) = HELD_ANAPHORS.iter().find_map(|a| lower.find(a)) {
                // "…, he said at the meeting held at the Grand Hall in Hue."
                self.describe_meeting(i, &sentence[at..], Some(0), &para.cite);
            }
        }
    }

    /// Who chaired and who attended, from any sentence of a paragraph about the meeting ("The
    /// retreat was attended by …. Timor-Leste took part as an observer.").
    fn chair_and_attendance(&mut self, para: &mut Para<'_>) {
        // Each delegation goes to the one meeting its sentence names, else to the reported one.
        for (_, sentence) in sentences(para.text) {
            let heads = delegation_heads(sentence);
            if heads.is_empty() {
                continue;
            }
            let named: Vec<usize> = para
                .mentioned
                .iter()
                .copied()
                .filter(|&k| first_naming(sentence, &self.meetings[k]).is_some())
                .collect();
            let alone = (named.len() == 1).then(|| named[0]);
            for item in heads {
                self.delegations.push((alone, item, para.cite.clone()));
            }
        }
        let Some(i) = self.target(para) else {
            // "The meeting was co-chaired by …" before any meeting is named: kept for the
            // meeting the statement reports ([`Extractor::early_chair`]).
            if self.early_chair.is_none() && self.meetings.is_empty() {
                self.early_chair = sentences(para.text)
                    .into_iter()
                    .filter(|(_, s)| {
                        let lower = s.to_ascii_lowercase();
                        MEETING_ANAPHORS.iter().any(|a| lower.starts_with(a))
                    })
                    .find_map(|(_, s)| chair_in(s))
                    .map(|chair| (chair, para.cite.clone()));
            }
            return;
        };
        for (_, sentence) in sentences(para.text) {
            let (participants, observers) = attendance(sentence);
            // A handover names the chairs of two meetings ([`Extractor::handover_chairs`]).
            let handing = handover(sentence).is_some();
            // "The meeting was chaired by …", a sentence after the one naming it; "The
            // sessions, chaired by X, took up what the ADSOM WG meetings in May left": X chaired
            // the meeting spoken of before, not the one named after the clause.
            let chair_of_before = self
                .last_meeting
                .filter(|_| !handing)
                .filter(|&k| k != i && self.meetings[k].chair.is_none())
                .filter(|_| chair_of(sentence, &self.meetings[i]).is_none())
                .and_then(|k| Some((k, chair_in(sentence)?)));
            if let Some((k, chair)) = chair_of_before {
                // "The events, chaired by X, …": every meeting held with the one spoken of last.
                let subject = sentence
                    .split(',')
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let plural = PLURAL_MEETING_WORDS
                    .iter()
                    .any(|w| subject.trim_end().ends_with(w));
                let when = self.meetings[k].when.clone();
                let together: Vec<usize> = (0..self.meetings.len())
                    .filter(|&j| {
                        j == k
                            || plural
                                && when.is_some()
                                && self.meetings[j].when == when
                                && self.meetings[j].chair.is_none()
                    })
                    .collect();
                for j in together {
                    self.meetings[j].chair = Some(chair.clone());
                    push_cite(&mut self.meetings[j].cites, para.cite.clone());
                }
            }
            let m = &mut self.meetings[i];
            if m.chair.is_none() && !handing {
                m.chair = chair_of(sentence, m);
                if m.chair.is_some() {
                    push_cite(&mut m.cites, para.cite.clone());
                }
            }
            // The host goes to the meeting named right after the hosting verb ("Under the 17th
            // AHCM, the navy hosted the 2nd AHX"), else to the one the sentence names first
            // ("Hosted by X, the ADMM Retreat was held before the 3rd ADMM-Plus"), else to the
            // paragraph's.
            let spans: Vec<(std::ops::Range<usize>, usize)> = para
                .mentioned
                .iter()
                .filter_map(|&k| Some((naming_span(sentence, &self.meetings[k])?, k)))
                .collect();
            let object = hosting_verb_end(sentence).and_then(|end| {
                spans
                    .iter()
                    .filter(|(r, _)| (end..=end + HOSTED_OBJECT_SPAN).contains(&r.start))
                    .min_by_key(|(r, _)| r.start)
                    .cloned()
            });
            // "Cambodia hosted the ADMM and the ADMM-Plus": every meeting the object joins.
            let hosted_ones = match object {
                Some(first) => joined_objects(sentence, first, &spans),
                None => vec![spans
                    .iter()
                    .min_by_key(|(r, _)| r.start)
                    .map_or(i, |(_, k)| *k)],
            };
            if let Some(host) = host_subject(sentence).filter(|_| !handing) {
                for hosted_one in hosted_ones {
                    if !self.hosts.iter().any(|(k, _)| *k == hosted_one) {
                        self.hosts.push((hosted_one, host.clone()));
                    }
                }
            }
            let m = &mut self.meetings[i];
            // An observer named in the attendance clause is the sentence's only one.
            let alone = observers.is_empty().then(|| observer_sentence(sentence));
            let observers = observers.into_iter().chain(alone.flatten()).collect();
            if super::people::merge_people(m, participants, observers) {
                push_cite(&mut m.cites, para.cite.clone());
            }
        }
    }

    /// A headline's host ("<Navy> Hosts the 17th <series>"): the host of the statement's
    /// meeting of that series and edition (number or year), read after every paragraph.
    pub(super) fn headline_host(&mut self, text: &str) {
        for (_, sentence) in sentences(text) {
            let (Some(host), Some(end)) = (host_subject(sentence), hosting_verb_end(sentence))
            else {
                continue;
            };
            let Some(named) = known::mentions(&sentence[end..], self.bodies)
                .into_iter()
                .find(|m| m.range.start <= HOSTED_OBJECT_SPAN)
            else {
                continue;
            };
            let edition = |m: &Meeting| match (named.number, named.year) {
                (Some(n), _) => m.number == Some(n),
                (None, Some(y)) => m.when.as_ref().is_some_and(|w| w.start.year() == y),
                (None, None) => false,
            };
            let hosted = self.meetings.iter().position(|m| {
                named.body.acronym.is_some() && m.series == named.body.acronym && edition(m)
            });
            if let Some(i) = hosted.filter(|i| !self.hosts.iter().any(|(k, _)| k == i)) {
                self.hosts.push((i, host));
            }
        }
    }

    /// Mechanisms named where a meeting is named are the ones it discussed.
    fn mechanisms_discussed(&mut self, para: &mut Para<'_>) {
        for &i in &para.mentioned {
            for pair in &para.pairs {
                if let Some(m) = self
                    .mechanisms
                    .iter()
                    .find(|m| m.acronym.as_deref() == Some(pair.short.as_str()))
                {
                    if m.category.as_deref() != Some(MEETING_SERIES)
                        && !self.meetings[i].mechanisms.contains(&m.id)
                    {
                        let id = m.id.clone();
                        self.meetings[i].mechanisms.push(id);
                    }
                }
            }
        }
    }
}
