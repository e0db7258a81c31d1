//! Rule-based fact extraction from one statement: meetings, mechanisms, initiatives and areas,
//! each citing the paragraphs it came from and marked `origin = "extracted"`.
//!
//! Every rule is a reading a reviewer can check against the cited paragraph: "Full Name (ACR)"
//! pairs classified by their head noun, ordinals, "a meeting between X and Y", "took place in …
//! on …", "with the theme “…”", tables by their header, list items led in by "initiatives", and
//! timelines in prose.

pub mod documents;
pub mod known;
mod tables;
pub mod text;
mod toml_out;

use crate::corpus::{
    Body, BodyKind, Fact, Initiative, Mechanism, Meeting, Origin, Paragraph, Statement,
};
use crate::dates;
use crate::index::aliases::acronym_pairs;
use std::collections::HashMap;
use text::{
    bare, capitalise_first, find_dates, initials, initials_of, name_at, place_in, sentences,
};

pub use toml_out::to_toml;

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
];

/// Head nouns of a mechanism's or body's name, with the category they give.
const MECHANISM_HEADS: &[(&str, &str)] = &[
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

/// The paragraphs at the top of a statement whose first meeting is the one it reports.
const LEAD_PARAGRAPHS: usize = 2;

/// Words that make a name ending in a meeting head no meeting ("the 15th Anniversary of …").
const NOT_MEETINGS: &[&str] = &["anniversary", "founding"];

/// Words saying a series' meeting took place, for one named without a number.
const OCCURRENCE_VERBS: &[&str] = &[
    "was held",
    "took place",
    "hosted",
    "convened",
    "opened",
    "to be held",
    "will be held",
];

/// What follows a series named without a number when its place and day do: "attended the ASEAN
/// Defence Senior Officials' Meeting (ADSOM) in Vientiane, Laos, on September 25".
const PLACE_AND_DAY_LEADS: &[&str] = &["in ", "on ", "at "];
/// The bytes from the end of the name to the day, at most.
const PLACE_AND_DAY_SPAN: usize = 60;

/// Category of a meeting series kept as a mechanism (ADMM, ADMM-Plus, ADSOM…).
pub const MEETING_SERIES: &str = "meeting series";

/// Extracts the facts of one statement; ids are stable for the same text.
pub fn extract(statement: &Statement) -> Vec<Fact> {
    extract_with(statement, &[])
}

/// [`extract`], recognising the known bodies and series (`corpus/bodies.toml`) by any of their
/// names, with or without an acronym pair.
pub fn extract_with(statement: &Statement, bodies: &[Body]) -> Vec<Fact> {
    let mut x = Extractor {
        statement,
        bodies,
        year: statement.year(),
        meetings: Vec::new(),
        mechanisms: Vec::new(),
        last_meeting: None,
        main_meeting: None,
        paragraphs_read: 0,
    };
    for p in &statement.paragraphs {
        if !p.heading {
            x.paragraph(p);
        }
    }
    let (initiatives, areas, topics) = tables::extract(statement);
    if let Some(main) = x.meetings.first_mut() {
        for (topic, cite) in topics {
            if !main.topics.contains(&topic) {
                main.topics.push(topic);
            }
            push_cite(&mut main.cites, cite);
        }
    }
    // A numbered meeting's series is a mechanism too when the statement names the series bare
    // ("will chair the ADMM in 2026"), not only its numbered meetings ("AMIM-21").
    let numbered: Vec<(String, String)> = x
        .meetings
        .iter()
        .filter(|m| m.number.is_some())
        .filter_map(|m| Some((m.acronym.clone()?, m.series.clone()?)))
        .collect();
    for (acronym, series) in numbered {
        let bare_mention = statement
            .paragraphs
            .iter()
            .filter(|p| !p.heading)
            .find(|p| contains_word(&p.text, &acronym));
        if let (Some(p), true) = (bare_mention, series != acronym) {
            let at = p.text.find(&acronym).unwrap_or(0);
            let sentence = sentence_around(&p.text, at);
            x.mechanism(
                &acronym,
                &series,
                MEETING_SERIES,
                sentence,
                &cite(statement, p),
            );
        }
    }
    let mut initiatives = initiatives;
    for p in statement.paragraphs.iter().filter(|p| !p.heading) {
        for d in documents::documents(&p.text) {
            document_initiative(&mut initiatives, &d, &p.text, &cite(statement, p));
        }
    }
    let mut facts: Vec<Fact> = Vec::new();
    facts.extend(x.meetings.into_iter().map(Fact::Meeting));
    facts.extend(x.mechanisms.into_iter().map(Fact::Mechanism));
    facts.extend(initiatives.into_iter().map(Fact::Initiative));
    facts.extend(areas.into_iter().map(Fact::Area));
    // One fact per id: a later one with the same id is the same thing named again.
    let mut seen = std::collections::HashSet::new();
    facts.retain(|f| seen.insert(f.id().to_string()));
    for f in &mut facts {
        f.set_origin(Origin::Extracted);
    }
    facts
}

/// A document named in prose as an initiative citing its paragraph; its timeline is a span of
/// years in its name ("Road Map 2024-2032"). One already known by its id gets the citation.
fn document_initiative(
    initiatives: &mut Vec<Initiative>,
    d: &documents::Document,
    text: &str,
    cite: &str,
) {
    let id = fact_id(&d.name);
    if id.is_empty() {
        return;
    }
    if let Some(known) = initiatives.iter_mut().find(|i| i.id == id) {
        push_cite(&mut known.cites, cite.to_string());
        return;
    }
    let timeline = find_dates(&d.name, None, true)
        .into_iter()
        .find(|f| f.when.start.year() != f.when.end.year())
        .map(|f| f.text);
    initiatives.push(Initiative {
        id,
        name: d.name.clone(),
        aliases: Vec::new(),
        expected_outcome: None,
        timeline,
        area: None,
        summary: Some(clip(&text[d.sentence.clone()], 300)),
        origin: Origin::Extracted,
        cites: vec![cite.to_string()],
        period: None,
    });
}

pub(crate) fn cite(statement: &Statement, p: &Paragraph) -> String {
    format!("{}#{}", statement.id, p.number)
}

fn push_cite(cites: &mut Vec<String>, cite: String) {
    if !cites.contains(&cite) {
        cites.push(cite);
    }
}

/// An id from a name: lowercase words joined by '-'.
pub fn fact_id(name: &str) -> String {
    crate::ingest::slug(name)
}

struct Extractor<'a> {
    statement: &'a Statement,
    bodies: &'a [Body],
    year: Option<i16>,
    meetings: Vec<Meeting>,
    mechanisms: Vec<Mechanism>,
    /// Index of the meeting the text spoke of last ("the meeting", "the same day").
    last_meeting: Option<usize>,
    /// The meeting the statement's lead paragraphs name first: what the report is about.
    main_meeting: Option<usize>,
    /// Paragraphs read so far (headings aside).
    paragraphs_read: usize,
}

/// A "Full Name (ACR)" pair with where its name starts in the paragraph.
struct Pair {
    long: String,
    short: String,
    start: usize,
    end: usize,
}

fn locate_pairs(text: &str) -> Vec<Pair> {
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
        let before: Vec<(usize, &str)> = text[..open]
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        if before.len() < n {
            continue;
        }
        let start = before[before.len() - n].0;
        let written = text[start..open]
            .trim_end()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        out.push(Pair {
            long: written.to_string(),
            short,
            start,
            end: from,
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
            || out.iter().any(|p| p.end == close + 1)
        {
            continue;
        }
        let words: Vec<(usize, &str)> = text[..open]
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
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
fn ordinal(word: &str) -> Option<u32> {
    let w = bare(word).to_ascii_lowercase();
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    matches!(suffix, "st" | "nd" | "rd" | "th")
        .then(|| digits.parse().ok())
        .flatten()
        .or_else(|| crate::analysis::spelled_ordinal(&w))
}

fn head(name: &str) -> String {
    let last = name.split_whitespace().last().unwrap_or("");
    let last = bare(last).to_ascii_lowercase();
    let last = last
        .trim_end_matches("'s")
        .trim_end_matches('\'')
        .trim_end_matches('’');
    last.rsplit('-').next().unwrap_or(last).to_string()
}

/// "Network of ASEAN Defence … Institutions" → "network": the head of an "X of Y" name.
fn head_before_of(name: &str) -> Option<String> {
    let (before, _) = name.split_once(" of ")?;
    Some(head(before))
}

fn is_meeting_name(name: &str) -> bool {
    let h = head(name);
    MEETING_HEADS.contains(&h.as_str())
        || (h == "plus" && name.to_ascii_lowercase().contains("meeting"))
}

/// The word before byte `at`.
fn word_before(text: &str, at: usize) -> Option<&str> {
    text[..at].split_whitespace().last()
}

/// Words that lead to a meeting's chair.
const CHAIR_LEADS: &[&str] = &[
    "co-chaired by ",
    "chaired by ",
    "under the chairmanship of ",
    "under the chair of ",
    "presided over by ",
];

/// Words of a role, which a person's name may follow after a comma ("the Permanent Secretary,
/// Brigadier General … Anwar").
const ROLE_WORDS: &[&str] = &[
    "Minister",
    "Secretary",
    "Chief",
    "Chiefs",
    "Commander",
    "Director",
    "Chairman",
    "Head",
    "Deputy",
    "Permanent",
    "President",
    "Ministry",
];

/// The chair a sentence names: "chaired by …", "under the chair of …", "presided over by …", or
/// the name before "chaired" ("General X chaired the meeting"); a role is followed by the person
/// after its comma.
fn chair_in(sentence: &str) -> Option<String> {
    let plain = without_brackets(sentence);
    let sentence = plain.as_str();
    if let Some(at) = after_phrase(sentence, CHAIR_LEADS) {
        let role = name_at(sentence, at)?;
        let end = sentence[at..]
            .find(&role)
            .map_or(at, |i| at + i + role.len());
        let person = sentence[end..]
            .strip_prefix(", ")
            .and_then(|rest| name_at(rest, 0));
        let is_role = role.split_whitespace().any(|w| ROLE_WORDS.contains(&w));
        return Some(match person {
            Some(p) if is_role => format!("{role}, {p}"),
            _ => role,
        });
    }
    let at = sentence.find(" chaired the ")?;
    let before: Vec<&str> = sentence[..at].split_whitespace().collect();
    let n = before
        .iter()
        .rev()
        .take_while(|w| text::capitalised(w) && !w.ends_with(','))
        .count();
    (n >= 2).then(|| before[before.len() - n..].join(" "))
}

/// A sentence without short bracketed asides ("Brigadier General (retired) X").
fn without_brackets(sentence: &str) -> String {
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

impl Extractor<'_> {
    fn paragraph(&mut self, p: &Paragraph) {
        let text = p.text.as_str();
        let cite = cite(self.statement, p);
        let pairs = locate_pairs(text);
        let enumerated_mechanisms = enumeration_spans(text);
        let mut mentioned: Vec<usize> = Vec::new();

        for pair in &pairs {
            let (letters, number) = match pair.short.rsplit_once('-') {
                Some((l, n)) if n.chars().all(|c| c.is_ascii_digit()) => {
                    (l.to_string(), n.parse().ok())
                }
                _ => (pair.short.clone(), None),
            };
            let number = number.or_else(|| word_before(text, pair.start).and_then(ordinal));
            let sentence = sentence_around(text, pair.start);
            if is_meeting_name(&pair.long) {
                if let Some(n) = number {
                    let i = self.numbered_meeting(&letters, n, &pair.long, &cite);
                    self.describe_meeting(i, sentence, &cite);
                    mentioned.push(i);
                } else {
                    // "hosted the ASEAN Defence Senior Officials' Meeting (ADSOM) … on 11 March
                    // 2026": this year's meeting of the series, beside the series itself.
                    if let Some(i) =
                        self.occurrence(&pair.short, &pair.long, text, pair.start, sentence, &cite)
                    {
                        mentioned.push(i);
                    }
                    self.mechanism(&pair.short, &pair.long, MEETING_SERIES, sentence, &cite);
                }
                continue;
            }
            let category = MECHANISM_HEADS
                .iter()
                .find(|(h, _)| {
                    let last = head(&pair.long);
                    *h == last
                        || Some(*h) == last.strip_suffix('s')
                        || Some(*h) == head_before_of(&pair.long).as_deref()
                })
                .map(|(_, c)| *c)
                .or_else(|| {
                    enumerated_mechanisms
                        .iter()
                        .any(|r| r.contains(&pair.start))
                        .then_some("mechanism")
                });
            if let Some(category) = category {
                self.mechanism(&pair.short, &pair.long, category, sentence, &cite);
            }
        }

        // Named meetings without a parenthesised acronym: "the 18th ASEAN Defence Ministers'
        // Meeting", and series such as "the ASEAN Chiefs of Defence Forces Meeting".
        // "ASEAN-China Defence Ministers' Informal Meeting" too.
        let starts = text
            .match_indices("ASEAN ")
            .chain(text.match_indices("ASEAN-"))
            .map(|(at, _)| at)
            .collect::<Vec<_>>();
        for at in starts {
            if pairs.iter().any(|p| (p.start..p.end).contains(&at)) {
                continue;
            }
            let Some(name) = name_at(text, at) else {
                continue;
            };
            let name = cut_at_meeting_head(&name);
            let Some(name) = name.filter(|n| is_meeting_name(n)) else {
                continue;
            };
            let Some(acr) = initials(&name) else { continue };
            let sentence = sentence_around(text, at);
            match word_before(text, at).and_then(ordinal) {
                Some(n) => {
                    let i = self.numbered_meeting(&acr, n, &name, &cite);
                    self.describe_meeting(i, sentence, &cite);
                    mentioned.push(i);
                }
                None => match self.occurrence(&acr, &name, text, at, sentence, &cite) {
                    Some(i) => mentioned.push(i),
                    None => self.mechanism(&acr, &name, MEETING_SERIES, sentence, &cite),
                },
            }
        }

        // Other numbered meetings: "the 3rd Viet Nam – Singapore Defence Policy Dialogue".
        for (at, word) in text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        {
            let Some(n) = ordinal(word) else { continue };
            let from = at + word.len();
            let Some(name) = dashed_name_at(text, from) else {
                continue;
            };
            if name.starts_with("ASEAN ") || pairs.iter().any(|p| (p.start..p.end).contains(&from))
            {
                continue;
            }
            let Some(name) = cut_at_meeting_head(&name).filter(|n| is_meeting_name(n)) else {
                continue;
            };
            let Some(acr) = initials_of(&name) else {
                continue;
            };
            let i = self.numbered_meeting(&acr, n, &name, &cite);
            self.describe_meeting(i, sentence_around(text, at), &cite);
            if !mentioned.contains(&i) {
                mentioned.push(i);
            }
        }

        // A known series with a number: "the 22nd ADMM", "ADMM-22".
        let words: Vec<(usize, &str)> = text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        for (k, &(at, word)) in words.iter().enumerate() {
            let token = bare(word);
            let (letters, number) = match token.rsplit_once('-') {
                Some((l, n)) if n.chars().all(|c| c.is_ascii_digit()) => (l, n.parse().ok()),
                _ => (token, k.checked_sub(1).and_then(|j| ordinal(words[j].1))),
            };
            // "the 10th ADMM Plus": the series is ADMM-Plus.
            let plus;
            let letters = if words.get(k + 1).is_some_and(|(_, w)| bare(w) == "Plus") {
                plus = format!("{letters}-Plus");
                plus.as_str()
            } else {
                letters
            };
            let Some(number) = number else { continue };
            if pairs.iter().any(|p| (p.start..p.end).contains(&at)) {
                continue;
            }
            // A known series, or an acronym such as "ADMM-Plus" after an ordinal.
            let core = letters.trim_end_matches("-Plus");
            let acronym_like = letters != "ASEAN"
                && core.len() >= 3
                && core.chars().all(|c| c.is_ascii_uppercase());
            let Some(series) = self.series_named(letters).or_else(|| {
                (acronym_like && !token.contains(char::is_numeric)).then(|| letters.to_string())
            }) else {
                continue;
            };
            // "the 14th ADMM-Plus Experts' Working Group on …": a meeting of the series' group,
            // not the series' 14th meeting.
            let group = name_at(text, at + word.len())
                .filter(|rest| {
                    rest.split_whitespace()
                        .any(|w| matches!(bare(w), "Group" | "Committee"))
                        || is_meeting_name(rest)
                })
                .map(|rest| format!("{token} {rest}"))
                .and_then(|name| Some((initials_of(&name)?, name)));
            let i = match &group {
                Some((acronym, name)) => self.numbered_meeting(acronym, number, name, &cite),
                None => self.numbered_meeting(letters, number, &series, &cite),
            };
            self.describe_meeting(i, sentence_around(text, at), &cite);
            if !mentioned.contains(&i) {
                mentioned.push(i);
            }
        }

        // Handles of meetings already known: "AMIM-21 also focused on …".
        for i in 0..self.meetings.len() {
            let Some(handle) = Fact::Meeting(self.meetings[i].clone()).handle() else {
                continue;
            };
            if !mentioned.contains(&i) && contains_word(text, &handle) {
                push_cite(&mut self.meetings[i].cites, cite.clone());
                mentioned.push(i);
            }
        }

        self.known_mentions(text, &cite, &mut mentioned);

        // "a meeting between X and Y", "X convened with Y".
        if let Some(i) = self.bilateral(text, &cite) {
            mentioned.push(i);
        }

        // "The same day, …" takes the date of the meeting spoken of before.
        let lower = text.to_ascii_lowercase();
        if lower.contains("the same day") {
            if let (Some(prev), Some(&now)) = (self.last_meeting, mentioned.first()) {
                if prev != now {
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
            }
        }

        // "With the theme “…”, the meeting …": the meeting named here, else the report's own
        // ("The chiefs exchanged views on the topic of …" after "approved the minutes of the 16th
        // ANCM" is the 17th's), else the last one.
        let target = mentioned.first().copied().or(self.last_meeting);
        let theme_target = mentioned.first().copied().or(self.main_meeting).or(target);
        if let (Some(i), Some(theme)) = (theme_target, theme(text)) {
            self.meetings[i].theme.get_or_insert(theme);
            push_cite(&mut self.meetings[i].cites, cite.clone());
        }
        if let Some(i) = target {
            if lower.contains("the meeting") || lower.contains("delegates") {
                push_cite(&mut self.meetings[i].cites, cite.clone());
            }
        }
        // Who attended, from any sentence of a paragraph about the meeting ("The retreat was
        // attended by …. Timor-Leste took part as an observer.").
        if let Some(i) = target {
            for (_, sentence) in sentences(text) {
                let (participants, observers) = attendance(sentence);
                let m = &mut self.meetings[i];
                // "The meeting was chaired by …", a sentence after the one naming it.
                if m.chair.is_none() {
                    m.chair = chair_in(sentence);
                    if m.chair.is_some() {
                        push_cite(&mut m.cites, cite.clone());
                    }
                }
                let before = m.participants.len() + m.observers.len();
                for p in participants {
                    let known = m
                        .participants
                        .iter()
                        .any(|q| crate::ingest::normalise(q) == crate::ingest::normalise(&p));
                    if !known {
                        m.participants.push(p);
                    }
                }
                // An observer named in the attendance clause is the sentence's only one.
                let alone = observers.is_empty().then(|| observer_sentence(sentence));
                for o in observers.into_iter().chain(alone.flatten()) {
                    if !m.observers.contains(&o) {
                        m.observers.push(o);
                    }
                }
                if m.participants.len() + m.observers.len() > before {
                    push_cite(&mut m.cites, cite.clone());
                }
            }
        }
        // Mechanisms named where a meeting is named are the ones it discussed.
        for &i in &mentioned {
            for pair in &pairs {
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
        if self.paragraphs_read < LEAD_PARAGRAPHS && self.main_meeting.is_none() {
            self.main_meeting = mentioned.first().copied();
        }
        self.paragraphs_read += 1;
        if let Some(&last) = mentioned.last() {
            self.last_meeting = Some(last);
        }
    }

    /// Known bodies named in the paragraph: an instance of a series named by number or year
    /// ("the 17th ASEAN Navy Chiefs' Meeting", "ADSOM 2024"), or by its sentence ("ADSOM was
    /// held in Vientiane on 25 September"), described from its sentence; a body that is no
    /// series of meetings (a network, a centre, an exercise) is a mechanism.
    fn known_mentions(&mut self, text: &str, cite: &str, mentioned: &mut Vec<usize>) {
        for m in known::mentions(text, self.bodies) {
            let body = m.body;
            let sentence = sentence_around(text, m.range.start);
            if body.kind != BodyKind::MeetingSeries {
                self.known_mechanism(body, sentence, cite);
            }
            if !body.kind.has_instances() {
                continue;
            }
            let i = match (m.number, m.year, &body.acronym) {
                (Some(n), _, Some(acronym)) => {
                    Some(self.numbered_meeting(acronym, n, &body.name, cite))
                }
                (Some(n), _, None) => Some(self.instance(body, &n.to_string(), cite)),
                (None, Some(y), _) => Some(self.instance(body, &y.to_string(), cite)),
                (None, None, _) => {
                    let key = body.acronym.as_deref().unwrap_or(&body.name);
                    self.occurrence(key, &body.name, text, m.range.start, sentence, cite)
                }
            };
            let Some(i) = i else { continue };
            self.describe_meeting(i, sentence, cite);
            if let (None, Some(y)) = (&self.meetings[i].date, m.year) {
                self.meetings[i].date = Some(y.to_string());
            }
            if !mentioned.contains(&i) {
                mentioned.push(i);
            }
        }
    }

    /// The instance of a known series named by a year, or by a number when it has no acronym:
    /// "ADSOM 2024" is `adsom-2024`.
    fn instance(&mut self, body: &Body, which: &str, cite: &str) -> usize {
        let key = body.acronym.as_deref().unwrap_or(&body.name);
        let id = format!("{}-{which}", fact_id(key));
        if let Some(i) = self.meetings.iter().position(|m| m.id == id) {
            push_cite(&mut self.meetings[i].cites, cite.to_string());
            return i;
        }
        self.meetings.push(Meeting {
            acronym: body.acronym.clone(),
            series: Some(body.name.clone()),
            aliases: vec![format!("{key} {which}")],
            ..new_meeting(id, format!("{} {which}", body.name), cite)
        });
        self.meetings.len() - 1
    }

    /// A known body that is no meeting series, as a mechanism citing where it is named.
    fn known_mechanism(&mut self, body: &Body, sentence: &str, cite: &str) {
        let id = match &body.acronym {
            Some(a) => fact_id(a),
            None => fact_id(&body.name),
        };
        if let Some(m) = self.mechanisms.iter_mut().find(|m| m.id == id) {
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
    /// and when. Its id is its short name and year.
    fn occurrence(
        &mut self,
        acr: &str,
        name: &str,
        text: &str,
        at: usize,
        sentence: &str,
        cite: &str,
    ) -> Option<usize> {
        let lower = sentence.to_ascii_lowercase();
        // A short name in brackets right after the full one: "(ADMM Retreat)".
        let after = text.get(at + name.len()..).unwrap_or("").trim_start();
        let bracket = after
            .strip_prefix('(')
            .and_then(|r| r.split_once(')'))
            .map(|(s, rest)| (s.trim().to_string(), rest));
        let short = bracket
            .as_ref()
            .map(|(s, _)| s.clone())
            .filter(|s| !s.is_empty() && s.len() <= 30)
            .unwrap_or_else(|| acr.to_string());
        // What follows the name: "… (ADSOM) in Vientiane, Laos, on September 25".
        let next = bracket.map_or(after, |(_, rest)| rest).trim_start();
        let dates = find_dates(sentence, self.year, false);
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
        if !OCCURRENCE_VERBS.iter().any(|v| lower.contains(v)) && !placed_on_a_day() {
            return None;
        }
        let date = dates.iter().find(|d| {
            matches!(d.lead.as_str(), "on" | "in" | "from")
                && matches!(
                    d.when.precision,
                    dates::Precision::Day | dates::Precision::Month
                )
        })?;
        let id = format!("{}-{}", fact_id(&short), date.when.start.year());
        if let Some(i) = self.meetings.iter().position(|m| m.id == id) {
            push_cite(&mut self.meetings[i].cites, cite.to_string());
            return Some(i);
        }
        let mut m = new_meeting(id, name.to_string(), cite);
        m.aliases = vec![short];
        self.meetings.push(m);
        let i = self.meetings.len() - 1;
        self.describe_meeting(i, sentence, cite);
        Some(i)
    }

    /// The full name of a meeting series this statement has named by `acronym`.
    fn series_named(&self, acronym: &str) -> Option<String> {
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

    fn numbered_meeting(&mut self, acronym: &str, number: u32, series: &str, cite: &str) -> usize {
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

    /// Date, place, chair, participants and observers from the sentence naming the meeting.
    fn describe_meeting(&mut self, i: usize, sentence: &str, cite: &str) {
        let year = self.year;
        let m = &mut self.meetings[i];
        push_cite(&mut m.cites, cite.to_string());
        if m.date.is_none() {
            // A meeting still to come may be known only by its year ("to be held … in 2026").
            let lower = sentence.to_ascii_lowercase();
            let future = [
                "to be held",
                "will be held",
                "will take place",
                "is scheduled",
                "scheduled for",
                "slated for",
                "planned for",
                "set for",
            ]
            .iter()
            .any(|w| lower.contains(w));
            // "scheduled for 3 November 2026": `for` leads a date only in a sentence about the future.
            let date = find_dates(sentence, year, false).into_iter().find(|d| {
                (matches!(d.lead.as_str(), "on" | "in" | "from" | "between")
                    || (future && d.lead == "for"))
                    && (matches!(
                        d.when.precision,
                        dates::Precision::Day | dates::Precision::Month
                    ) || (future && d.when.precision == dates::Precision::Year))
            });
            if let Some(d) = date {
                m.date = Some(d.text);
                m.when = Some(d.when);
            }
        }
        if m.place.is_none() {
            m.place = place_in(sentence);
        }
        if m.chair.is_none() {
            m.chair = chair_in(sentence);
        }
        let (participants, observers) = attendance(sentence);
        for p in participants {
            if !m.participants.contains(&p) {
                m.participants.push(p);
            }
        }
        for o in observers {
            if !m.observers.contains(&o) {
                m.observers.push(o);
            }
        }
    }

    fn mechanism(&mut self, acronym: &str, name: &str, category: &str, sentence: &str, cite: &str) {
        let id = fact_id(acronym);
        if let Some(m) = self.mechanisms.iter_mut().find(|m| m.id == id) {
            push_cite(&mut m.cites, cite.to_string());
            return;
        }
        self.mechanisms.push(Mechanism {
            id,
            acronym: Some(acronym.to_string()),
            name: name.to_string(),
            aliases: Vec::new(),
            category: Some(category.to_string()),
            description: Some(clip(sentence, 300)),
            origin: Origin::Extracted,
            cites: vec![cite.to_string()],
        });
    }

    /// "meeting between X and Y", "dialogue between …", "X convened with Y": one meeting per pair.
    fn bilateral(&mut self, text: &str, cite: &str) -> Option<usize> {
        let lower = text.to_ascii_lowercase();
        let mut found = None;
        for word in [
            "meeting between ",
            "dialogue between ",
            "talks between ",
            "discussion between ",
        ] {
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
            for word in [" convened with ", " met with "] {
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
        if let Some(d) = find_dates(sentence, self.year, false)
            .into_iter()
            .find(|d| d.lead == "on" && d.when.precision == dates::Precision::Day)
        {
            self.meetings[i].date = Some(d.text);
            self.meetings[i].when = Some(d.when);
        }
        self.meetings[i].place = place_in(sentence);
        Some(i)
    }
}

/// The names the statement's own meeting is known by are kept; "the" in front is not.
/// [`name_at`], across a dash between two names ("Viet Nam – Singapore Defence Policy Dialogue").
fn dashed_name_at(text: &str, from: usize) -> Option<String> {
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

fn strip_the(name: &str) -> String {
    name.strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name)
        .to_string()
}

/// A meeting with a name and one citation, nothing else known yet.
fn new_meeting(id: String, name: String, cite: &str) -> Meeting {
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
        mechanisms: Vec::new(),
        related: Vec::new(),
        summary: None,
        origin: Origin::Extracted,
        cites: vec![cite.to_string()],
        when: None,
    }
}

/// The capitalised name that ends at byte `end` of `text` ("… the ASEAN Defence Ministers" before
/// " met with"), within its sentence.
fn name_before(text: &str, end: usize) -> Option<String> {
    let start = sentence_start(text, end);
    let words: Vec<(usize, &str)> = text[start..end]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
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

fn bilateral_name(a: &str, b: &str) -> String {
    format!("Meeting of the {a} and the {b}")
}

/// A name cut after its last meeting head noun ("ASEAN Defence Ministers Meeting and related").
fn cut_at_meeting_head(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.iter().rposition(|w| is_meeting_name(w))?;
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

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
    })
}

/// The sentence of `text` holding byte `at`.
fn sentence_around(text: &str, at: usize) -> &str {
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
fn after_phrase(sentence: &str, phrases: &[&str]) -> Option<usize> {
    let lower = sentence.to_ascii_lowercase();
    phrases
        .iter()
        .find_map(|p| lower.find(p).map(|i| i + p.len()))
}

/// Spans of "mechanisms such as A, B and C": every pair there is a mechanism, whatever its head.
fn enumeration_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for lead in [
        "mechanisms such as",
        "mechanisms including",
        "mechanisms like",
        "bodies such as",
        "mechanisms, namely",
        "mechanisms:",
    ] {
        for (i, _) in lower.match_indices(lead) {
            let end = text[i..].find(". ").map_or(text.len(), |e| i + e);
            out.push(i..end);
        }
    }
    out
}

/// Words that introduce a meeting's theme.
const THEME_LEADS: &[&str] = &["theme", "motto", "focused on", "under the banner"];
/// Words that introduce a theme written without quotes, up to the sentence's end.
const UNQUOTED_THEME_LEADS: &[&str] = &["on the topic of ", "under the theme of ", "themed "];

/// A meeting's theme: a quoted title after "theme" or "focused on" (`With the theme “ASEAN:
/// Together for …”`), or a capitalised title after "on the topic of" (`exchanged views on the
/// topic of Synergy at Sea: …`).
fn theme(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for lead in THEME_LEADS {
        let Some(at) = lower.find(lead) else { continue };
        let rest = &text[at..];
        let Some(open) = rest.find(['“', '"']) else {
            continue;
        };
        if open > 30 {
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

/// Participants and observers: "with the attendance of X as well as Y as an observer",
/// "attended by X and Y", "with the participation of X".
fn attendance(sentence: &str) -> (Vec<String>, Vec<String>) {
    let (mut participants, mut observers) = (Vec::new(), Vec::new());
    let lower = sentence.to_ascii_lowercase();
    let Some(at) = after_phrase(
        sentence,
        &[
            "with the attendance of ",
            "attended by ",
            "with the participation of ",
            "participants included ",
            "brought together ",
        ],
    )
    .or_else(|| {
        // "… was held on 1 November with the defence ministers of …": "with the" shortly after
        // "held".
        let held = lower.find(" held ")?;
        let with = lower[held..].find(" with the ")? + held;
        (with - held <= 40).then_some(with + " with ".len())
    }) else {
        return (participants, observers);
    };
    let clause = sentence[at..].trim_end_matches(['.', ';']);
    let clause = [", where", ", during", ", which", ", to "]
        .iter()
        .filter_map(|s| clause.find(s))
        .min()
        .map_or(clause, |e| &clause[..e]);
    // Items are joined by "as well as", ", and" and "and the"; a list of countries inside one
    // stays whole.
    let items = clause
        .split(" as well as ")
        .flat_map(|s| s.split(", with "))
        .flat_map(|s| s.split(", and "))
        .flat_map(|s| s.split(" and the "));
    for item in items {
        let item = item.split(", including ").next().unwrap_or(item);
        let item = item.trim().trim_start_matches("and ").trim();
        if item.is_empty() {
            continue;
        }
        let lower = item.to_ascii_lowercase();
        if let Some(who) = [" as an observer", " as observers", " as observer"]
            .iter()
            .find_map(|s| lower.find(s).map(|e| &item[..e]))
        {
            // "Timor-Leste attending as an observer" → Timor-Leste.
            let who = who.trim();
            let who = [
                " attending",
                " participating",
                " joining",
                " present",
                " taking part",
            ]
            .iter()
            .find_map(|v| who.strip_suffix(v))
            .unwrap_or(who);
            observers.push(text::fix_country(strip_the(who.trim()).as_str()));
        } else {
            participants.push(capitalise_first(item));
        }
    }
    (participants, observers)
}

/// "Timor-Leste took part as an observer." → Timor-Leste.
fn observer_sentence(sentence: &str) -> Option<String> {
    let lower = sentence.to_ascii_lowercase();
    let end = [" as an observer", " as observers"]
        .iter()
        .find_map(|s| lower.find(s))?;
    let verb = [
        " took part",
        " attended",
        " participated",
        " joined",
        " was present",
    ]
    .iter()
    .filter_map(|v| lower[..end].rfind(v))
    .max()?;
    let who = name_at(sentence, 0)?;
    // "The meeting was attended by …": a sentence whose subject is no name names no observer.
    let pronoun = matches!(
        who.as_str(),
        "The" | "It" | "They" | "This" | "These" | "He" | "She" | "We" | "A" | "An"
    );
    (who.len() <= verb && !pronoun).then(|| text::fix_country(&strip_the(&who)))
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

/// The number of extracted facts of each kind, for one-line summaries.
pub fn counts(facts: &[Fact]) -> HashMap<&'static str, usize> {
    let mut out = HashMap::new();
    for f in facts {
        *out.entry(f.kind().as_str()).or_insert(0) += 1;
    }
    out
}

#[cfg(test)]
mod tests;
