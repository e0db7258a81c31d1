//! Meetings named by description rather than by name: a dialogue partner's informal meeting
//! with the ASEAN defence ministers ("the second informal meeting between ASEAN and Australian
//! defence ministers", "the 2026 Informal Defence Ministers' Meeting with Canada and ASEAN"), and
//! the ASEAN ministers' own ("the fourth meeting of defence ministers of the ASEAN member states
//! and dialogue partners", "a meeting of their defence ministers in Singapore last week").

use super::fields::{date_near, MEETING_DATE};
use super::meetings::Extractor;
use super::spans::ordinal_before;
use super::text::sentences;

/// Dialogue partners: the name a series' short form takes ("ASEAN-Australia DMIM"), and the words
/// a sentence names them by.
const PARTNERS: &[(&str, &[&str])] = &[
    ("Australia", &["Australia", "Australian"]),
    ("US", &["U.S.", "US", "United States", "American"]),
    ("China", &["China", "Chinese"]),
    ("Japan", &["Japan", "Japanese"]),
    ("Korea", &["Korea", "Korean", "ROK"]),
    ("India", &["India", "Indian"]),
    ("Russia", &["Russia", "Russian"]),
    ("New Zealand", &["New Zealand"]),
    ("Canada", &["Canada", "Canadian"]),
    ("EU", &["European Union", "EU"]),
];

/// Words naming ASEAN's side of the meeting.
const ASEAN_SIDE: &[&str] = &["ASEAN", "Asean", "South-east Asia", "Southeast Asia"];

/// Words after the phrase that make the meeting ASEAN's own (the ADMM Retreat: "an informal
/// meeting of ASEAN defence ministers"), lowercase.
const ASEAN_OWN: &[&str] = &[
    "of asean",
    "of the asean",
    "among asean",
    "of southeast asian",
];

/// The word that opens the description, lowercase, and the head that closes it.
const INFORMAL: &str = "informal";
const MEETING: &str = "meeting";

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

/// The known series the ministers' meeting is a meeting of: without partners, with them.
const MINISTERS_SERIES: (&str, &str) = ("ADMM", "ADMM-Plus");

/// The short form and the name of the series of informal meetings with `partner`.
fn series_of(partner: &str) -> (String, String) {
    (
        format!("ASEAN-{partner} DMIM"),
        format!("ASEAN-{partner} Defence Ministers' Informal Meeting"),
    )
}

/// Byte ranges of "informal … meeting" in `sentence`, lowercase or capitalised.
fn informal_meetings(sentence: &str) -> Vec<usize> {
    let words: Vec<(usize, &str)> = sentence
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
        .collect();
    let lower = |w: &str| super::text::bare(w).to_ascii_lowercase();
    words
        .iter()
        .enumerate()
        .filter(|(_, (_, w))| lower(w) == INFORMAL)
        .filter(|(k, _)| {
            words[k + 1..]
                .iter()
                .take(WORDS_BETWEEN + 1)
                .any(|(_, w)| lower(w) == MEETING)
        })
        .map(|(_, (at, _))| *at)
        .collect()
}

/// The partner named in `sentence` nearest to byte `at`.
fn partner_near(sentence: &str, at: usize) -> Option<&'static str> {
    PARTNERS
        .iter()
        .flat_map(|(partner, words)| {
            words.iter().flat_map(move |w| {
                sentence
                    .match_indices(w)
                    .filter(|(i, _)| {
                        word_at(sentence, *i, w.len()) || partner_of_asean(sentence, *i, w.len())
                    })
                    .map(move |(i, _)| (i.abs_diff(at), *partner))
            })
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, partner)| partner)
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
const ASEAN_HYPHEN: &str = "ASEAN-";

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
                let Some(ministers) = MINISTERS.iter().find(|m| head.contains(*m)) else {
                    continue;
                };
                // "the first meeting of defense ministers of Russia and ASEAN": a partner's.
                let after = rest.find(ministers).map_or("", |i| &rest[i..]);
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
                let plus = PLUS_SIDE.iter().any(|p| {
                    after
                        .get(..PLUS_SIDE_SPAN.min(after.len()))
                        .is_some_and(|a| a.contains(p))
                });
                let acronym = if plus {
                    MINISTERS_SERIES.1
                } else {
                    MINISTERS_SERIES.0
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

    /// "informal meeting" with a dialogue partner and ASEAN's side named in its sentence: that
    /// partner's informal meeting with the ASEAN ministers, numbered by an ordinal before it
    /// ("the second informal meeting"), else of the year before it or of its date's year, else of
    /// the statement's year. A sentence naming the series as "ASEAN-<Partner> …" is left to the
    /// rules that read names.
    pub(super) fn partner_informal_meetings(&mut self, text: &str, cite: &str) -> Vec<usize> {
        let mut found = Vec::new();
        for (_, sentence) in sentences(text) {
            // "the ASEAN-India Defence Ministers' Informal Meeting", a name; not "the Asean-India
            // defence ministers' informal meeting", which only this rule reads.
            let named = PARTNERS.iter().any(|(_, words)| {
                words.iter().any(|w| {
                    [format!("ASEAN-{w} "), format!("{w}-ASEAN ")]
                        .iter()
                        .flat_map(|form| sentence.match_indices(form.as_str()))
                        .any(|(i, form)| sentence[i + form.len()..].starts_with(char::is_uppercase))
                })
            });
            let asean = ASEAN_SIDE.iter().any(|s| sentence.contains(s));
            if named || !asean {
                continue;
            }
            let mentions = informal_meetings(sentence);
            for (k, &at) in mentions.iter().enumerate() {
                // Each of two mentions is described by its own part of the sentence: "after the
                // first informal meeting in Hanoi in May, the second …".
                let part = match (k, mentions.get(k + 1)) {
                    (0, None) => sentence,
                    (0, Some(&next)) => &sentence[..next],
                    (_, next) => &sentence[at..next.copied().unwrap_or(sentence.len())],
                };
                let part_at = if k == 0 { at } else { 0 };
                let rest = sentence[at..].to_ascii_lowercase();
                let after = rest
                    .find(MEETING)
                    .map_or("", |i| rest[i + MEETING.len()..].trim_start());
                if ASEAN_OWN.iter().any(|o| after.starts_with(o)) {
                    continue;
                }
                let Some(partner) = partner_near(sentence, at) else {
                    continue;
                };
                let (short, name) = series_of(partner);
                // "the 2026 Informal Defence Ministers' Meeting": the year before the phrase.
                let year_before = sentence[..at]
                    .split_whitespace()
                    .next_back()
                    .filter(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
                    .map(str::to_string);
                let i = match ordinal_before(sentence, at) {
                    Some(n) => self.numbered_meeting(&short, n, &name, cite),
                    None => {
                        let year = year_before
                            .or_else(|| {
                                date_near(sentence, at, self.clock, &MEETING_DATE)
                                    .map(|d| d.when.start.year().to_string())
                            })
                            .or_else(|| self.clock.year.map(|y| y.to_string()));
                        let Some(year) = year else { continue };
                        self.series_instance(Some(&short), &name, &year, cite)
                    }
                };
                self.describe_meeting(i, part, Some(part_at), cite);
                if !found.contains(&i) {
                    found.push(i);
                }
            }
        }
        found
    }
}
