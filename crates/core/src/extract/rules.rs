//! The named rules run over each paragraph, in the order of [`PARAGRAPH_RULES`]: first the rules
//! that recognise meeting and body mentions, then the rules that attach fields to the meetings
//! the paragraph mentions.

use super::fields::theme;
use super::meetings::Extractor;
use super::people::{attendance, chair_in, observer_sentence};
use super::spans::{
    contains_word, cut_at_meeting_head, dashed_name_at, enumeration_spans, head, head_before_of,
    is_meeting_name, locate_pairs, ordinal, ordinal_before, sentence_around, strip_the,
    word_before, Pair, MECHANISM_HEADS,
};
use super::text::{self, bare, dateline, initials, initials_of, name_at, sentences};
use super::{cite, known, push_cite, MEETING_SERIES};
use crate::corpus::{Fact, Paragraph};
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

/// The paragraphs at the top of a statement whose first meeting is the one it reports.
const LEAD_PARAGRAPHS: usize = 2;

/// Words that start a meeting's name written without an acronym pair.
const ASEAN_NAME_STARTS: &[&str] = &["ASEAN ", "ASEAN-"];

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

/// The words a body named for its "force" must hold to be a task force.
const TASK_FORCE: &str = "task force";

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
    enumerated_mechanisms: Vec<Range<usize>>,
    mentioned: Vec<usize>,
}

impl Para<'_> {
    fn mention(&mut self, i: usize) {
        if !self.mentioned.contains(&i) {
            self.mentioned.push(i);
        }
    }

    /// Whether byte `at` is inside a "Full Name (ACR)" pair.
    fn in_pair(&self, at: usize) -> bool {
        self.pairs.iter().any(|p| (p.start..p.end).contains(&at))
    }
}

type Rule = fn(&mut Extractor<'_>, &mut Para<'_>);

/// Every rule, in the order it runs on a paragraph.
const PARAGRAPH_RULES: &[Rule] = &[
    // Mentions.
    |x, p| x.acronym_pairs(p),
    |x, p| x.asean_names(p),
    |x, p| x.ordinal_names(p),
    |x, p| x.numbered_series(p),
    |x, p| x.known_handles(p),
    |x, p| x.known_bodies(p),
    |x, p| x.named_bodies(p),
    |x, p| x.bilateral_meeting(p),
    // Fields of the meetings mentioned.
    |x, p| x.same_day(p),
    |x, p| x.theme_rule(p),
    |x, p| x.meeting_reference(p),
    |x, p| x.chair_and_attendance(p),
    |x, p| x.mechanisms_discussed(p),
];

impl Extractor<'_> {
    pub(super) fn paragraph(&mut self, p: &Paragraph) {
        let text = p.text.as_str();
        let mut para = Para {
            text,
            lower: text.to_ascii_lowercase(),
            cite: cite(self.statement, p),
            pairs: locate_pairs(text),
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

    /// After every paragraph: a dateline ("SEREMBAN: …") is the place of the meeting the
    /// statement reports (its lead's, else its first) and of meetings held on the statement's
    /// own day, when no sentence gave them one.
    pub(super) fn dateline_place(&mut self) {
        let reported = self
            .main_meeting
            .or((!self.meetings.is_empty()).then_some(0));
        let today = self.clock.published;
        let placed: Vec<usize> = (0..self.meetings.len())
            .filter(|&i| {
                let m = &self.meetings[i];
                let on_the_day = m.when.as_ref().is_some_and(|w| Some(w.start) == today);
                m.place.is_none() && (Some(i) == reported || on_the_day)
            })
            .collect();
        if placed.is_empty() {
            return;
        }
        let found = self
            .statement
            .paragraphs
            .iter()
            .filter(|p| !p.heading)
            .take(DATELINE_PARAGRAPHS)
            .find_map(|p| Some((dateline(&p.text)?, cite(self.statement, p))));
        if let Some((place, cite)) = found {
            for i in placed {
                let m = &mut self.meetings[i];
                m.place = Some(place.clone());
                push_cite(&mut m.cites, cite.clone());
            }
        }
    }

    /// "Full Name (ACR)" pairs: a meeting when the name ends in a meeting head (numbered by
    /// "ACR-21" or an ordinal before it, else an occurrence of its series and the series), a
    /// mechanism when it ends in a body's head or stands in "mechanisms such as …".
    fn acronym_pairs(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let cite = para.cite.clone();
        for pair in &para.pairs {
            let (letters, numbered) = match pair.short.rsplit_once('-') {
                Some((l, n)) if n.chars().all(|c| c.is_ascii_digit()) => {
                    (l.to_string(), n.parse().ok())
                }
                _ => (pair.short.clone(), None),
            };
            let number = numbered.or_else(|| ordinal_before(text, pair.start));
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
            if let (Some(n), Some(event), false) = (number, event, is_meeting_name(&pair.long)) {
                let i = self.numbered_meeting(&letters, n, &event, &cite);
                self.describe_meeting(i, sentence, &cite);
                if !para.mentioned.contains(&i) {
                    para.mentioned.push(i);
                }
            }
            if is_meeting_name(&pair.long) {
                if let Some(n) = number {
                    let i = self.numbered_meeting(&letters, n, &pair.long, &cite);
                    self.describe_meeting(i, sentence, &cite);
                    para.mentioned.push(i);
                } else {
                    // "hosted the ASEAN Defence Senior Officials' Meeting (ADSOM) … on 11 March
                    // 2026": this year's meeting of the series, beside the series itself.
                    if let Some(i) =
                        self.occurrence(&pair.short, &pair.long, text, pair.start, sentence, &cite)
                    {
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
                // "(NADI-17)" names a meeting of NADI; the body is NADI.
                let acronym = if numbered.is_some() {
                    &letters
                } else {
                    &pair.short
                };
                self.mechanism(Some(acronym), &pair.long, category, sentence, &cite);
            }
        }
    }

    /// Named meetings without a parenthesised acronym: "the 18th ASEAN Defence Ministers'
    /// Meeting", series such as "the ASEAN Chiefs of Defence Forces Meeting", and
    /// "ASEAN-China Defence Ministers' Informal Meeting".
    fn asean_names(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let cite = para.cite.clone();
        let starts = ASEAN_NAME_STARTS
            .iter()
            .flat_map(|s| text.match_indices(s))
            .map(|(at, _)| at)
            .collect::<Vec<_>>();
        for at in starts {
            if para.in_pair(at) {
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
            match ordinal_before(text, at) {
                Some(n) => {
                    let i = self.numbered_meeting(&acr, n, &name, &cite);
                    self.describe_meeting(i, sentence, &cite);
                    para.mentioned.push(i);
                }
                None => match self.occurrence(&acr, &name, text, at, sentence, &cite) {
                    Some(i) => para.mentioned.push(i),
                    None => self.mechanism(Some(&acr), &name, MEETING_SERIES, sentence, &cite),
                },
            }
        }
    }

    /// Other numbered meetings: "the 3rd Viet Nam – Singapore Defence Policy Dialogue".
    fn ordinal_names(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let cite = para.cite.clone();
        for (at, word) in text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        {
            let Some(n) = ordinal(word) else { continue };
            let from = at + word.len();
            let Some(name) = dashed_name_at(text, from) else {
                continue;
            };
            if name.starts_with(ASEAN_NAME_STARTS[0]) || para.in_pair(from) {
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
            para.mention(i);
        }
    }

    /// A series with a number: "the 22nd ADMM", "ADMM-22", "the 10th ADMM Plus" (the series is
    /// ADMM-Plus).
    fn numbered_series(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let cite = para.cite.clone();
        let words: Vec<(usize, &str)> = text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        for (k, &(at, word)) in words.iter().enumerate() {
            let token = bare(word);
            let (letters, number) = match token.rsplit_once('-') {
                Some((l, n)) if n.chars().all(|c| c.is_ascii_digit()) => (l, n.parse().ok()),
                _ => (token, ordinal_before(text, at)),
            };
            let plus;
            let letters = if words.get(k + 1).is_some_and(|(_, w)| bare(w) == "Plus") {
                plus = format!("{letters}-Plus");
                plus.as_str()
            } else {
                letters
            };
            let Some(number) = number else { continue };
            if para.in_pair(at) {
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
                        .any(|w| GROUP_WORDS.contains(&bare(w)))
                        || is_meeting_name(rest)
                })
                .map(|rest| format!("{token} {rest}"))
                .and_then(|name| Some((initials_of(&name)?, name)));
            let i = match &group {
                Some((acronym, name)) => self.numbered_meeting(acronym, number, name, &cite),
                None => self.numbered_meeting(letters, number, &series, &cite),
            };
            self.describe_meeting(i, sentence_around(text, at), &cite);
            para.mention(i);
        }
    }

    /// Handles of meetings already known: "AMIM-21 also focused on …".
    fn known_handles(&mut self, para: &mut Para<'_>) {
        for i in 0..self.meetings.len() {
            let Some(handle) = Fact::Meeting(self.meetings[i].clone()).handle() else {
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

    /// Bodies named without an acronym pair by a capitalised name ending in a body's head ("the
    /// Regional Maritime Hotline", "the ASEAN Secretariat"), not a known body's and not inside a
    /// pair: a mechanism named so.
    fn named_bodies(&mut self, para: &mut Para<'_>) {
        let text = para.text;
        let known: Vec<Range<usize>> = known::mentions(text, self.bodies)
            .into_iter()
            .map(|m| m.range)
            .collect();
        let mut from = 0;
        for (at, word) in text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        {
            if at < from || !text::capitalised(word) || para.in_pair(at) {
                continue;
            }
            let Some(name) = name_at(text, at) else {
                continue;
            };
            from = at + name.len();
            // "the member states and the ASEAN Secretariat": the last item is the body.
            let name = strip_the(name.rsplit(" and the ").next().unwrap_or(&name));
            let Some((head, category)) = BODY_NAME_HEADS
                .iter()
                .find(|(h, _)| name.ends_with(&format!(" {h}")))
            else {
                continue;
            };
            let own = name[..name.len() - head.len()].split_whitespace().count();
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
                || word_before(text, at).is_some_and(text::capitalised)
            {
                continue;
            }
            let sentence = sentence_around(text, at);
            self.mechanism(None, &name, category, sentence, &para.cite);
        }
    }

    /// "a meeting between X and Y", "X convened with Y".
    fn bilateral_meeting(&mut self, para: &mut Para<'_>) {
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
        let theme_target = para
            .mentioned
            .first()
            .copied()
            .or(self.main_meeting)
            .or(self.target(para));
        if let (Some(i), Some(theme)) = (theme_target, theme(para.text)) {
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

    /// Who chaired and who attended, from any sentence of a paragraph about the meeting ("The
    /// retreat was attended by …. Timor-Leste took part as an observer.").
    fn chair_and_attendance(&mut self, para: &mut Para<'_>) {
        let Some(i) = self.target(para) else { return };
        for (_, sentence) in sentences(para.text) {
            let (participants, observers) = attendance(sentence);
            let m = &mut self.meetings[i];
            // "The meeting was chaired by …", a sentence after the one naming it.
            if m.chair.is_none() {
                m.chair = chair_in(sentence);
                if m.chair.is_some() {
                    push_cite(&mut m.cites, para.cite.clone());
                }
            }
            // An observer named in the attendance clause is the sentence's only one.
            let alone = observers.is_empty().then(|| observer_sentence(sentence));
            let observers = observers.into_iter().chain(alone.flatten()).collect();
            if super::people::merge_people(m, participants, observers) {
                push_cite(&mut m.cites, para.cite.clone());
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
