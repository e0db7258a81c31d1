//! Exercises as meetings: one named with a short form in brackets that no acronym reader takes
//! ("… Field Training Exercise (MS & CT FTX)", "( ADMM PLUS HADR & MM Ex)"), one named in
//! lowercase with a qualifier and an ordinal or a year ("the second China-ASEAN maritime
//! exercise in 2027"), and "the exercise" sentences giving the days of the one spoken of last.

use super::fields::{date_in, MEETING_DATE};
use super::known::{FIRST_WORDS, ORDINAL_FILLERS};
use super::meetings::{new_meeting, Extractor, OCCURRENCE_VERBS};
use super::people::first_naming;
use super::spans::{is_exercise, name_before, ordinal, EXERCISE_HEADS};
use super::text::{self, bare, find_dates, place_in, sentences};
use super::{fact_id, known, push_cite};
use crate::corpus::{BodyKind, Initiative, Meeting};
use crate::dates::Precision;

/// Head nouns of one exercise, lowercase.
const ONE_EXERCISE_HEADS: &[&str] = &["exercise", "drill"];

/// Words naming one naval event wherever they stand in a name ("the International Fleet Review
/// in May 1990"), lowercase: an event held on its days, not a document.
const ONE_EVENT_PHRASES: &[&str] = &["fleet review"];

/// Last words of an exercise's short form ("HADR & MM Ex", "MS & CT FTX", "AUMX").
const SHORT_FORM_ENDS: &[&str] = &["Ex", "EX", "FTX", "CPX", "TTX", "X"];

/// Words that start an exercise's name written in lowercase ("the", "a").
const DETERMINERS: &[&str] = &["the", "a", "an"];

/// Words an exercise's name written in lowercase never holds: they end it on the left.
const NAME_STOPS: &[&str] = &[
    "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are", "was", "were",
    "will", "would", "be", "been", "that", "which", "who", "their", "its", "his", "her", "this",
];

/// Lowercase words a capitalised exercise's name holds between its capitalised ones ("Maritime
/// Security and Counter-Terrorism Exercise").
const NAME_CONNECTORS: &[&str] = &["and", "&", "of"];

/// The capitalised words before an exercise's head it needs: "Table Top Exercise".
const MIN_QUALIFIER_WORDS: usize = 2;

/// The word that opens an ASEAN exercise's name ("ASEAN-India Maritime Exercise", "Asean …").
const ASEAN: &str = "ASEAN";

/// The longest a short form in brackets after an exercise's head runs, in bytes.
const MAX_SHORT_FORM: usize = 12;

/// What joins an exercise's head to its capitalised topic: "Exercise on Peacekeeping".
const TOPIC_LEAD: &str = " on ";

/// Words saying a sentence is about the exercise spoken of last.
const EXERCISE_REFERENCES: &[&str] = &["the exercise", "this exercise", "the drill"];

/// Subjects and verbs that make the words after them say what a thing already named is ("it
/// was the first ASEAN-wide exercise …"), not name another.
const PREDICATE_SUBJECTS: &[&str] = &["it", "this", "which", "that"];
const COPULAS: &[&str] = &["is", "was", "be", "becomes", "became"];

/// Whether `before` (the words before an exercise's name) ends in a predicate's opening: a
/// [`PREDICATE_SUBJECTS`] word, then a [`COPULAS`] word.
fn predicate(before: &[&str]) -> bool {
    before.windows(2).any(|w| {
        PREDICATE_SUBJECTS.contains(&bare(w[0]).to_ascii_lowercase().as_str())
            && COPULAS.contains(&bare(w[1]).to_ascii_lowercase().as_str())
    })
}

/// Words before an exercise's head within which a predicate ("it was the first … exercise")
/// opens.
const PREDICATE_WORDS: usize = 6;

/// Whether a sentence says what the exercise spoken of last is: "Hosted by Laos from 2 to 6
/// May, it was the first ASEAN-wide exercise …".
fn says_what_it_is(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    words.iter().enumerate().any(|(k, w)| {
        ONE_EXERCISE_HEADS.contains(&bare(w).to_ascii_lowercase().as_str())
            && predicate(&words[k.saturating_sub(PREDICATE_WORDS)..k])
    })
}

/// The most words of an exercise's name.
const MAX_NAME_WORDS: usize = 14;

impl Extractor<'_> {
    /// "<Name> Exercise (<SHORT FORM>)", the short form holding spaces or "&": the exercise of
    /// the statement's year (or the first, when "inaugural"), named by its short form, or by
    /// the series-qualified form the statement writes elsewhere ("ADMM-Plus MS & CT FTX").
    pub(super) fn exercise_short_forms(&mut self, text: &str, cite: &str) -> Vec<usize> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(open) = text[from..].find('(').map(|i| from + i) {
            let Some(close) = text[open..].find(')').map(|i| open + i) else {
                break;
            };
            from = close;
            let short = text[open + 1..close].split_whitespace().collect::<Vec<_>>();
            if !is_exercise_short_form(&short) {
                continue;
            }
            let short = short.join(" ");
            let Some(name) = name_before(text, open) else {
                continue;
            };
            let name = name.trim_end().to_string();
            let head = bare(name.split_whitespace().last().unwrap_or("")).to_ascii_lowercase();
            if !EXERCISE_HEADS.contains(&head.as_str()) {
                continue;
            }
            let name_at = text[..open].rfind(&name).unwrap_or(open);
            let sentence = super::spans::sentence_around(text, open);
            let short = self.qualified(&short).unwrap_or(short);
            let first = FIRST_WORDS
                .iter()
                .any(|w| text[..name_at].to_ascii_lowercase().trim_end().ends_with(w));
            let number = ordinal_before(text, name_at).or(first.then_some(1));
            let i = self.exercise(&short, &name, number, sentence, cite);
            found.push(i);
        }
        found
    }

    /// "the third Japan-ASEAN coastal rescue exercise in 2029", "a joint ADMM-Plus peacekeeping
    /// exercise in 2031": an exercise named in lowercase after a capitalised qualifier, with an
    /// ordinal before it or a year in its sentence.
    pub(super) fn exercise_phrases(&mut self, text: &str, cite: &str) -> Vec<usize> {
        let mut found = Vec::new();
        for (_, sentence) in sentences(text) {
            let words: Vec<&str> = sentence.split_whitespace().collect();
            for (k, w) in words.iter().enumerate() {
                let head = bare(w).to_ascii_lowercase();
                if !EXERCISE_HEADS.contains(&head.as_str()) || text::capitalised(w) {
                    continue;
                }
                // Back to the determiner or ordinal that opens the name, over its words.
                let mut start = k;
                let mut number = None;
                let mut opened = false;
                while start > 0 && k - start < MAX_NAME_WORDS {
                    let prev = words[start - 1];
                    let lower = bare(prev).to_ascii_lowercase();
                    if prev.ends_with([',', ';', ':', '.']) || NAME_STOPS.contains(&lower.as_str())
                    {
                        break;
                    }
                    if DETERMINERS.contains(&lower.as_str()) {
                        opened = true;
                        break;
                    }
                    // "the first ever …": the ordinal before the filler opens the name.
                    let filled = ORDINAL_FILLERS.contains(&lower.as_str()) && start >= 2;
                    let before = if filled { words[start - 2] } else { prev };
                    let before_lower = bare(before).to_ascii_lowercase();
                    if let Some(n) = ordinal(before)
                        .or(FIRST_WORDS.contains(&before_lower.as_str()).then_some(1))
                    {
                        number = Some(n);
                        opened = true;
                        break;
                    }
                    start -= 1;
                }
                if !opened || start == k || predicate(&words[start.saturating_sub(4)..start]) {
                    continue;
                }
                let name_words = &words[start..=k];
                // A capitalised qualifier tells which exercise: "a joint exercise" tells none.
                if !name_words[..name_words.len() - 1]
                    .iter()
                    .any(|w| text::capitalised(w) && !w.starts_with('('))
                {
                    continue;
                }
                let name = name_words.join(" ");
                let name = name.trim_end_matches([',', '.', ';']).to_string();
                let at = name_words[0].as_ptr() as usize - sentence.as_ptr() as usize;
                let year = find_dates(&sentence[at..], self.clock.year, true)
                    .into_iter()
                    .find(|d| d.when.precision == Precision::Year || d.lead == "in");
                if number.is_none() && year.is_none() {
                    continue;
                }
                let key = name.trim_end_matches(|c: char| !c.is_alphanumeric());
                let i = self.exercise(key, &text::capitalise_first(&name), number, sentence, cite);
                found.push(i);
            }
        }
        found
    }

    /// "the ADMM-Plus Maritime Security Field Training Exercise, ongoing from 30 April", "the
    /// Harbour Rescue Exercise opened in Hue": an exercise named in capitals (two words at
    /// least before its head, "on <Name>" after it), in a sentence saying it is held or when:
    /// the exercise of the statement's year, or its numbered one.
    pub(super) fn capitalised_exercises(
        &mut self,
        text: &str,
        cite: &str,
        mentioned: &[usize],
    ) -> Vec<usize> {
        let mut found = Vec::new();
        // Only a statement about an exercise (its headline says so) names one this loosely:
        // elsewhere such a name is in passing, and its fact would crowd the report's answers.
        let about_an_exercise = self
            .statement
            .title
            .split_whitespace()
            .any(|w| EXERCISE_HEADS.contains(&bare(w).to_ascii_lowercase().as_str()));
        if !about_an_exercise {
            return found;
        }
        for (_, sentence) in sentences(text) {
            let lower = sentence.to_ascii_lowercase();
            let held = OCCURRENCE_VERBS.iter().any(|v| lower.contains(v))
                || date_in(sentence, self.clock, &MEETING_DATE).is_some();
            if !held {
                continue;
            }
            let words: Vec<(usize, &str)> = super::text::word_offsets(sentence, sentence).collect();
            for (k, &(head_at, w)) in words.iter().enumerate() {
                let head = bare(w);
                let capital_head = head.starts_with(char::is_uppercase)
                    && EXERCISE_HEADS.contains(&head.to_ascii_lowercase().as_str());
                if !capital_head || w.starts_with('(') {
                    continue;
                }
                // Back over capitalised words and inner connectors to the name's start.
                let mut start = k;
                while start > 0 {
                    let prev = words[start - 1].1;
                    let inner = NAME_CONNECTORS.contains(&prev) && start < k;
                    if prev.ends_with([',', ';', ':', '.', ')'])
                        || !(text::capitalised(prev) || inner)
                    {
                        break;
                    }
                    start -= 1;
                }
                // "The Harbour Rescue Exercise": the sentence's capital article is no part of it.
                while start < k
                    && (NAME_CONNECTORS.contains(&words[start].1)
                        || DETERMINERS.contains(&words[start].1.to_ascii_lowercase().as_str()))
                {
                    start += 1;
                }
                if k - start < MIN_QUALIFIER_WORDS {
                    continue;
                }
                // A name cut short ("…, Disaster Relief … Exercise", "(ADMM) Plus … Exercise") or
                // a group's topic ("Working Group on Maritime Security … Exercises") is no
                // exercise's whole name.
                let before = start.checked_sub(1).map(|b| words[b].1);
                if before.is_some_and(|b| {
                    TOPIC_LEAD.trim() == b
                        || b.ends_with(')')
                        || bare(b).is_empty()
                        || b.ends_with([',', '/']) && text::capitalised(b)
                }) {
                    continue;
                }
                // One a known exercise names, or another rule read already ("… Exercise (MS & CT
                // FTX)").
                // The span runs over a short form in brackets after the head ("… Exercise
                // (AUMX)": a known exercise's).
                let head_end = head_at + w.trim_end_matches([',', '.', ';', ':']).len();
                let short = sentence[head_end..]
                    .strip_prefix(" (")
                    .and_then(|r| r.find(')'))
                    .filter(|&c| c <= MAX_SHORT_FORM)
                    .map_or(0, |c| c + 3);
                let span = words[start].0..head_end + short;
                let read = known::mentions(sentence, self.bodies)
                    .iter()
                    .filter(|m| m.body.kind == BodyKind::Exercise)
                    .any(|m| m.range.start < span.end && span.start < m.range.end)
                    || mentioned.iter().chain(&found).any(|&i| {
                        super::people::naming_span(sentence, &self.meetings[i])
                            .is_some_and(|r| r.start < span.end && span.start < r.end)
                    });
                let name_only = &sentence[span.start..head_end];
                if read || known::named(name_only, self.bodies).is_some() {
                    continue;
                }
                // "… Exercise (TTX) on Peacekeeping Operations": a capitalised topic after "on",
                // past the head's short form.
                let topic = sentence[head_end + short..]
                    .strip_prefix(TOPIC_LEAD)
                    .and_then(|rest| text::name_at(rest, 0));
                let from = words[start].0;
                let mut name = sentence[from..head_end].to_string();
                if let Some(topic) = topic {
                    name = format!("{name}{TOPIC_LEAD}{topic}");
                }
                // "ASEAN Defence Ministers' Meeting (ADMM)-Plus Maritime …": a known series
                // opening the name goes by its acronym. A name opened by neither such a series
                // nor ASEAN tells no exercise of ASEAN's ("the Table Top Exercise").
                let series = known::mentions(&name, self.bodies)
                    .into_iter()
                    .find(|m| m.range.start == 0);
                let mut short = name.clone();
                match series
                    .as_ref()
                    .and_then(|m| Some((m, m.body.acronym.as_ref()?)))
                {
                    Some((m, acronym)) => {
                        let rest = &name[m.range.end..];
                        short = format!("{acronym}{rest}");
                        name = format!("{}{rest}", m.body.name);
                    }
                    None if !name.to_ascii_uppercase().starts_with(ASEAN) => continue,
                    None => {}
                }
                let at = sentence.as_ptr() as usize - text.as_ptr() as usize + from;
                let number = ordinal_before(text, at);
                let i = self.exercise(&short, &name, number, sentence, cite);
                found.push(i);
            }
        }
        found
    }

    /// "The exercise will run from May 2 to 12": the days (or place) of the exercise spoken of
    /// last, when its own sentence gave none: the last one before this paragraph, else the last
    /// one this paragraph names (in the sentences after it names it).
    pub(super) fn exercise_reference(&mut self, text: &str, cite: &str, mentioned: &[usize]) {
        let before = self
            .last_meeting
            .filter(|&i| is_exercise(&self.meetings[i]));
        let here = mentioned
            .iter()
            .rev()
            .copied()
            .find(|&i| is_exercise(&self.meetings[i]))
            .filter(|_| before.is_none());
        let Some(i) = before.or(here) else {
            return;
        };
        let mut named = here.is_none();
        for (_, sentence) in sentences(text) {
            if !named {
                named = first_naming(sentence, &self.meetings[i]).is_some();
                continue;
            }
            let lower = sentence.to_ascii_lowercase();
            if !EXERCISE_REFERENCES.iter().any(|r| lower.contains(r)) && !says_what_it_is(sentence)
            {
                continue;
            }
            let clock = self.clock;
            let m = &mut self.meetings[i];
            if m.place.is_none() {
                m.place = place_in(sentence);
                if m.place.is_some() {
                    push_cite(&mut m.cites, cite.to_string());
                }
            }
            let imprecise = m
                .when
                .as_ref()
                .is_none_or(|w| w.precision != Precision::Day);
            if imprecise {
                if let Some(d) = date_in(sentence, clock, &MEETING_DATE) {
                    if d.when.precision == Precision::Day {
                        m.date = Some(d.text);
                        m.when = Some(d.when);
                        push_cite(&mut m.cites, cite.to_string());
                    }
                }
            }
        }
    }

    /// The series-qualified form of `short` the statement writes: "ADMM-Plus MS & CT FTX".
    fn qualified(&self, short: &str) -> Option<String> {
        self.statement
            .paragraphs
            .iter()
            .filter_map(|p| {
                let at = p.text.find(short)?;
                let m = known::mentions(&p.text[..at], self.bodies)
                    .into_iter()
                    .rfind(|m| p.text[m.range.end..at].trim().is_empty())?;
                Some(format!("{} {short}", m.body.acronym.as_ref()?))
            })
            .next()
    }

    /// The exercise `short` of the statement's year, or its `number`th: the one known, or a new
    /// one described from its sentence.
    pub(super) fn exercise(
        &mut self,
        short: &str,
        name: &str,
        number: Option<u32>,
        sentence: &str,
        cite: &str,
    ) -> usize {
        // A known exercise ("the China-ASEAN maritime exercise") goes by its known short form,
        // named as written.
        let known = known::named(name, self.bodies).or_else(|| known::named(short, self.bodies));
        let short = known.and_then(|b| b.acronym.as_deref()).unwrap_or(short);
        let clock = self.clock;
        let date = date_in(sentence, clock, &MEETING_DATE);
        let year = date
            .as_ref()
            .map(|d| d.when.start.year())
            .or(clock.year)
            .unwrap_or_default();
        let which = number.map_or(year.to_string(), |n| n.to_string());
        let id = format!("{}-{which}", fact_id(short));
        if let Some(i) = self.meetings.iter().position(|m| m.id == id) {
            push_cite(&mut self.meetings[i].cites, cite.to_string());
            return i;
        }
        let mut m = Meeting {
            acronym: (short != name).then(|| short.to_string()),
            number,
            series: Some(name.to_string()),
            aliases: vec![format!("{short} {which}")],
            ..new_meeting(id, name.to_string(), cite)
        };
        match date {
            Some(d) => {
                m.date = Some(d.text);
                m.when = Some(d.when);
            }
            None if number.is_none() && year != 0 => {
                m.date = Some(year.to_string());
                m.when = crate::dates::parse_when(&year.to_string(), None).ok();
            }
            None => {}
        }
        m.place = place_in(sentence);
        self.meetings.push(m);
        self.meetings.len() - 1
    }
}

/// Whether a bracket's words are an exercise's short form no acronym reader takes: several
/// words or an "&", capitals in each, ending in an exercise's ending.
fn is_exercise_short_form(words: &[&str]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    let several = words.len() > 1 || last.contains(['&', '/']);
    let capitals = words
        .iter()
        .all(|w| *w == "&" || *w == "+" || w.chars().next().is_some_and(char::is_uppercase));
    several && capitals && words.len() <= 8 && SHORT_FORM_ENDS.iter().any(|e| last.ends_with(e))
}

/// The ordinal right before byte `at` ("the 2nd <Name>").
fn ordinal_before(text: &str, at: usize) -> Option<u32> {
    ordinal(text[..at].split_whitespace().next_back()?)
}

/// Whether a name ends in a singular exercise head: one event ("a joint drill"), where the
/// plural ("joint military exercises") is a line of work, an initiative.
pub(super) fn named_as_one_exercise(name: &str) -> bool {
    let (name, _) = split_short_form(name);
    let last = name.split_whitespace().last().unwrap_or("");
    let lower = name.to_ascii_lowercase();
    ONE_EXERCISE_HEADS.contains(&bare(last).to_ascii_lowercase().as_str())
        || ONE_EVENT_PHRASES.iter().any(|p| lower.contains(p))
}

/// A name and the short form in brackets after it: "ASEAN Solidarity Exercise (ASEX)" →
/// ("ASEAN Solidarity Exercise", Some("ASEX")).
fn split_short_form(name: &str) -> (&str, Option<&str>) {
    match name
        .trim_end()
        .strip_suffix(')')
        .and_then(|n| n.rsplit_once('('))
    {
        Some((before, short)) if !before.trim().is_empty() => {
            (before.trim_end(), Some(short.trim()))
        }
        _ => (name, None),
    }
}

/// A planned thing named as an exercise, as the meeting it is: dated by its timeline. One the
/// exercise rules read already ("the second <name>" beside "<name>" #2) gets its citations.
pub(super) fn planned_exercise(meetings: &mut Vec<Meeting>, mut planned: Initiative) {
    let (name, short) = split_short_form(&planned.name);
    let short = short.map(str::to_string);
    planned.name = name.to_string();
    let lower = planned.name.to_ascii_lowercase();
    if let Some(m) = meetings.iter_mut().find(|m| {
        is_exercise(m)
            && std::iter::once(&m.name)
                .chain(&m.series)
                .any(|n| lower.contains(&n.to_ascii_lowercase()))
    }) {
        for c in planned.cites {
            push_cite(&mut m.cites, c);
        }
        return;
    }
    let when = planned
        .timeline
        .as_deref()
        .and_then(|t| crate::dates::parse_when(t, None).ok());
    let which = when
        .as_ref()
        .map_or_else(String::new, |w| format!("-{}", w.start.year()));
    let mut cites = planned.cites.into_iter();
    let mut m = new_meeting(
        format!("{}{which}", fact_id(&planned.name)),
        planned.name.clone(),
        &cites.next().unwrap_or_default(),
    );
    m.cites.extend(cites);
    m.series = Some(planned.name);
    m.aliases.extend(short);
    m.summary = planned.summary;
    m.date = planned.timeline;
    m.when = when;
    meetings.push(m);
}
