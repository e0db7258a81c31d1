//! A series' editions told as its history or its next turn: "was first held in 1999", "Laos
//! hosted it in 2011 and 2018", "held its third iteration in Hue last year", "next year's
//! meeting". Each is a meeting of the series the sentence names, else of the series
//! the statement reports.

use super::meetings::{object_is_an_event, set_year, Extractor};
use super::spans::{contains_word, ordinal};
use super::text::{find_dates, place_in, sentences, COUNTRIES};
use super::{known, MEETING_SERIES};
use crate::dates::Precision;

/// Words saying the year after them is the series' first edition.
const FIRST_EDITION: &[&str] = &[
    "first held",
    "first convened",
    "first organised",
    "first organized",
    "first took place",
    "first staged",
    "goes back",
    "dates back",
    "began in",
    "started in",
    "was launched in",
    "its launch in",
    "its inception in",
    "first met in",
];

/// Verbs saying the years after them are editions the subject hosted or first attended.
const EDITION_VERBS: &[&str] = &[
    "hosted",
    "first attended",
    "first took part",
    "first participated",
];

/// How the object of [`EDITION_VERBS`] refers to the series without naming it.
const EDITION_ANAPHORS: &[&str] = &[
    "the event",
    "the meeting",
    "the conference",
    "the competition",
    "the exercise",
    "the forum",
    "the gathering",
    "the meet",
    "it",
];

/// Nouns an ordinal after "its" names an edition by ("its fourth iteration").
const EDITION_NOUNS: &[&str] = &[
    "iteration",
    "edition",
    "session",
    "instalment",
    "installment",
];

/// Words naming the edition after the statement's year without a number.
const NEXT_YEARS_EDITION: &[&str] = &[
    "next year's meeting",
    "next year’s meeting",
    "next year's conference",
    "next year’s conference",
    "next year's edition",
    "next year’s edition",
];

/// Words naming the series' next edition, whose year the sentence gives ([`NEXT_EDITION_WHEN`]
/// or a year): "Australia will host the next meeting later this year".
const NEXT_EDITION: &[&str] = &[
    "the next meeting",
    "the next conference",
    "the next edition",
    // "The chiefs will meet again in Hue next year."
    "will meet again",
    "will reconvene",
];

/// Words after [`NEXT_EDITION`] giving its year relative to the statement's.
const NEXT_EDITION_WHEN: &[(&str, i16)] = &[("this year", 0), ("next year", 1)];

/// Verbs saying their subject hosts an edition still to come, when a year or "next year"
/// follows ([`HOST_WHEN`]): "<State> to host in 2026", the headline's series.
const HOST_AHEAD: &[&str] = &["to host ", "will host "];

/// The word before the year after [`HOST_AHEAD`]: "to host in 2026".
const IN: &str = "in ";

/// What may stand between [`HOST_AHEAD`] and the year: "to host it in 2027".
const HOST_OBJECTS: &[&str] = &["it "];

/// The words after [`HOST_AHEAD`] (past [`HOST_OBJECTS`]) giving the edition's year: "in
/// <year>", or relative to the statement's.
const HOST_WHEN: &[(&str, i16)] = &[("next year", 1), ("this year", 0)];

/// Relative years a history clause may give instead of a number.
const LAST_YEAR: &str = "last year";

/// Years ahead of the statement's an edition a host is named for may be, at most.
const HOST_YEARS_AHEAD: i16 = 5;

/// Bytes between a cue and the years it governs, at most.
const CUE_SPAN: usize = 70;

/// A series as the history rules name it: the acronym (when it has one) and the full name.
struct Series {
    acronym: Option<String>,
    name: String,
}

impl Extractor<'_> {
    /// Editions of a series its history names: the first (number 1 and its year), those a state
    /// hosted or first attended in past years (hosted in a state: that state is the place), and
    /// "its third iteration in <place> last year".
    pub(super) fn past_editions(&mut self, text: &str, cite: &str) {
        for (range, sentence) in sentences(text) {
            let lower = sentence.to_ascii_lowercase();
            let offset = range.start;
            for cue in FIRST_EDITION {
                let Some(at) = lower.find(cue).map(|i| i + cue.len()) else {
                    continue;
                };
                let Some(year) = self.years_after(sentence, at).into_iter().next() else {
                    continue;
                };
                let Some(series) = self.series_for(text, offset + at) else {
                    continue;
                };
                let i = self.edition(&series, Some(1), year, cite);
                set_year(&mut self.meetings[i], year);
                break;
            }
            let mut verbs: Vec<(usize, &str)> = EDITION_VERBS
                .iter()
                .flat_map(|v| lower.match_indices(v).map(move |(at, _)| (at, *v)))
                .collect();
            verbs.sort_unstable();
            for (at, verb) in verbs {
                {
                    let end = at + verb.len();
                    let years = self.years_after(sentence, end);
                    let Some(&first) = years.first() else {
                        continue;
                    };
                    // The object between the verb and the years: the series or a word for it.
                    let object = &lower[end..];
                    let object = &object[..object.find(&first.to_string()).unwrap_or(0)];
                    let named = known::mentions(&sentence[end..end + object.len()], self.bodies)
                        .iter()
                        .any(|m| m.body.kind.has_instances());
                    if !named && !EDITION_ANAPHORS.iter().any(|a| contains_word(object, a)) {
                        continue;
                    }
                    let Some(series) = self.series_for(text, offset + end) else {
                        continue;
                    };
                    let host = (verb == "hosted")
                        .then(|| subject_state(&sentence[..at]))
                        .flatten();
                    for year in years {
                        if self.clock.year.is_some_and(|y| year >= y) {
                            continue;
                        }
                        self.held_edition(&series, year, host, cite);
                    }
                }
            }
            self.nth_iteration(text, sentence, offset, cite);
        }
    }

    /// "its third iteration, in Hue, last year": the series' numbered edition, with its year
    /// and place.
    fn nth_iteration(&mut self, text: &str, sentence: &str, offset: usize, cite: &str) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        for (k, w) in words.iter().enumerate() {
            if !w.eq_ignore_ascii_case("its") || k + 2 >= words.len() {
                continue;
            }
            let noun = words[k + 2]
                .trim_end_matches([',', '.', ';'])
                .to_ascii_lowercase();
            let Some(n) = ordinal(words[k + 1]).filter(|_| EDITION_NOUNS.contains(&noun.as_str()))
            else {
                continue;
            };
            let at = words[k + 2].as_ptr() as usize - sentence.as_ptr() as usize;
            let Some(series) = self.series_for(text, offset + at) else {
                continue;
            };
            let clause = &sentence[at..];
            let clause = &clause[..clause.find([';', '–', '—']).unwrap_or(clause.len())];
            let year = if clause.to_ascii_lowercase().contains(LAST_YEAR) {
                self.clock.year.map(|y| y - 1)
            } else {
                self.years_after(sentence, at).into_iter().next()
            };
            let i = self.edition(&series, Some(n), year.unwrap_or_default(), cite);
            let m = &mut self.meetings[i];
            if let Some(y) = year {
                set_year(m, y);
            }
            if m.place.is_none() {
                m.place = place_in(clause);
            }
        }
    }

    /// "I invite you to next year's meeting", "<State> will host the next meeting later this
    /// year / in <year>": the reported series' edition of that year, in that state, when the
    /// sentence names no series of its own.
    pub(super) fn next_edition(&mut self, text: &str, cite: &str) -> Vec<usize> {
        let mut found = Vec::new();
        let Some(year) = self.clock.year else {
            return found;
        };
        for (range, sentence) in sentences(text) {
            let lower = sentence.to_ascii_lowercase();
            let next_years = NEXT_YEARS_EDITION.iter().find_map(|c| lower.find(c));
            let Some(at) = next_years.or_else(|| NEXT_EDITION.iter().find_map(|c| lower.find(c)))
            else {
                continue;
            };
            if !known::mentions(sentence, self.bodies).is_empty() {
                continue;
            }
            let after = &lower[at..];
            let when = next_years
                .map(|_| year + 1)
                .or_else(|| {
                    NEXT_EDITION_WHEN
                        .iter()
                        .find(|(w, _)| after.contains(w))
                        .map(|(_, k)| year + k)
                })
                .or_else(|| {
                    self.years_after(sentence, at)
                        .into_iter()
                        .find(|y| *y >= year)
                });
            let (Some(when), Some(series)) = (when, self.series_for(text, range.start + at)) else {
                continue;
            };
            let i = self.held_edition(&series, when, subject_state(&sentence[..at]), cite);
            // "the next meeting will be held in Bangkok": where, when no host state said it.
            let m = &mut self.meetings[i];
            if m.place.is_none() {
                m.place = place_in(&sentence[at..]);
            }
            found.push(i);
        }
        found
    }

    /// "ADMM wraps up, Philippines to host in 2026", "PAF to host next year": the edition of
    /// that year of every series the sentence names before the verb (else of the series the
    /// statement reports), held in the verb's subject state when it names one. Headlines say
    /// this most.
    pub(super) fn host_in_year(&mut self, text: &str, cite: &str) -> Vec<usize> {
        let mut found = Vec::new();
        let Some(year) = self.clock.year else {
            return found;
        };
        for (range, sentence) in sentences(text) {
            let lower = sentence.to_ascii_lowercase();
            for verb in HOST_AHEAD {
                let Some(at) = lower.find(verb) else { continue };
                let mut rest = &lower[at + verb.len()..];
                if let Some(r) = HOST_OBJECTS.iter().find_map(|o| rest.strip_prefix(o)) {
                    rest = r;
                }
                let relative = HOST_WHEN
                    .iter()
                    .find(|(w, _)| rest.starts_with(w))
                    .map(|(_, k)| year + k);
                let when = relative.or_else(|| {
                    let after_in = rest.strip_prefix(IN)?;
                    let from = after_in.as_ptr() as usize - lower.as_ptr() as usize;
                    self.years_after(sentence, from)
                        .into_iter()
                        .next()
                        .filter(|y| (year..=year + HOST_YEARS_AHEAD).contains(y))
                });
                let Some(when) = when else { continue };
                // "to host next year an ADMM-Plus conference": an event under a series, no
                // edition of the one named before the verb.
                if object_is_an_event(rest) {
                    continue;
                }
                let before = &sentence[..at];
                let named: Vec<Series> = known::mentions(before, self.bodies)
                    .into_iter()
                    .filter(|m| m.body.kind.has_instances())
                    .map(|m| Series {
                        acronym: m.body.acronym.clone(),
                        name: m.body.name.clone(),
                    })
                    .collect();
                let series = if named.is_empty() {
                    self.series_for(text, range.start + at)
                        .into_iter()
                        .collect()
                } else {
                    named
                };
                let host = subject_state(before);
                for s in &series {
                    let i = self.held_edition(s, when, host, cite);
                    if !found.contains(&i) {
                        found.push(i);
                    }
                }
                break;
            }
        }
        found
    }

    /// The years (before the next sentence break) within [`CUE_SPAN`] bytes after byte `at`:
    /// "in 2010 and 2020".
    fn years_after(&self, sentence: &str, at: usize) -> Vec<i16> {
        let rest = &sentence[at..];
        find_dates(rest, self.clock.year, true)
            .into_iter()
            .filter(|d| d.when.precision == Precision::Year && d.range.start <= CUE_SPAN)
            .map(|d| d.when.start.year())
            .collect()
    }

    /// The series a history clause at byte `at` of `text` speaks of: the last known series named
    /// before it in its sentence, else the one the statement reports.
    fn series_for(&self, text: &str, at: usize) -> Option<Series> {
        let (range, sentence) = sentences(text)
            .into_iter()
            .find(|(r, _)| r.contains(&at) || r.end == at)?;
        let named = known::mentions(sentence, self.bodies)
            .into_iter()
            .rfind(|m| m.body.kind.has_instances() && range.start + m.range.start < at);
        if let Some(m) = named {
            return Some(Series {
                acronym: m.body.acronym.clone(),
                name: m.body.name.clone(),
            });
        }
        // A series the statement read from a pair or a name ("ASEAN-China … Informal Meeting").
        let before = sentence[..at.saturating_sub(range.start).min(sentence.len())].to_lowercase();
        let read = self
            .mechanisms
            .iter()
            .filter(|m| m.category.as_deref() == Some(MEETING_SERIES))
            .filter_map(|m| Some((before.rfind(&m.name.to_lowercase())?, m)))
            .max_by_key(|(at, _)| *at);
        if let Some((_, m)) = read {
            return Some(Series {
                acronym: m.acronym.clone(),
                name: m.name.clone(),
            });
        }
        let main = self
            .main_meeting
            .or_else(|| self.meetings.iter().position(|m| m.acronym.is_some()))?;
        let m = &self.meetings[main];
        let acronym = m.acronym.clone()?;
        Some(Series {
            name: m.series.clone().unwrap_or_else(|| acronym.clone()),
            acronym: Some(acronym),
        })
    }

    /// The series' edition of `year`, dated by it when it has no date yet and held in `state`
    /// when it has no place yet.
    fn held_edition(
        &mut self,
        series: &Series,
        year: i16,
        state: Option<&str>,
        cite: &str,
    ) -> usize {
        let i = self.edition(series, None, year, cite);
        let m = &mut self.meetings[i];
        set_year(m, year);
        if let Some(state) = state {
            m.place.get_or_insert_with(|| state.to_string());
        }
        i
    }

    /// The series' edition numbered `number`, else of `year`: the one known, or a new one.
    fn edition(&mut self, series: &Series, number: Option<u32>, year: i16, cite: &str) -> usize {
        if let (Some(n), Some(acronym)) = (number, &series.acronym) {
            return self.numbered_meeting(acronym, n, &series.name, cite);
        }
        let which = number.map_or(year.to_string(), |n| n.to_string());
        self.series_instance(series.acronym.as_deref(), &series.name, &which, cite)
    }
}

/// The state a clause before a verb has as its subject: the last state it names.
pub(super) fn subject_state(before: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .filter_map(|c| before.rfind(c).map(|at| (at, *c)))
        .filter(|(at, c)| contains_word(&before[*at..], c))
        .max_by_key(|(at, c)| (*at, c.len()))
        .map(|(_, c)| c)
}
