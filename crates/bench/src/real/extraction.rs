//! Extracted facts against a statement's gold facts: meetings matched by series and number (or
//! year), bodies by acronym or name, initiatives by the words of their names; each pairing one to
//! one, and every extracted fact left over counted as extra.
//!
//! A meeting series (ADMM, ANCM: `kind = "meeting-series"` in `corpus/bodies.toml`) is scored as
//! neither found nor extra body: its instances are scored as meetings, and gold files disagree
//! on whether the series itself is a body.

use super::set::{GoldBody, GoldMeeting, Statement};
use agenda_core::corpus::{Body, BodyKind, Fact, FactKind, Meeting};
use agenda_core::dates::{self, Precision};
use agenda_core::extract::MEETING_SERIES;
use std::collections::HashSet;

/// One kind's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindScore {
    pub gold: usize,
    pub found: usize,
    pub extracted: usize,
    pub extra: usize,
    /// Per meeting field (date, place, chair, theme): equal, and present in gold on a found fact.
    pub fields: [(usize, usize); 4],
    /// Per meeting field: how many of those not equal were left empty (the rest are wrong).
    pub empty: [usize; 4],
}

pub const FIELDS: [&str; 4] = ["date", "place", "chair", "theme"];

impl KindScore {
    /// "date 3/4, place 1/2 (1 empty) …" for meetings, "—" for the other kinds.
    pub fn fields_cell(&self) -> String {
        if self.fields.iter().all(|(_, n)| *n == 0) {
            return "—".into();
        }
        FIELDS
            .iter()
            .zip(self.fields)
            .zip(self.empty)
            .map(|((name, (eq, n)), empty)| match empty {
                0 => format!("{name} {eq}/{n}"),
                _ => format!("{name} {eq}/{n} ({empty} empty)"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn add(&mut self, o: &KindScore) {
        self.gold += o.gold;
        self.found += o.found;
        self.extracted += o.extracted;
        self.extra += o.extra;
        for (a, b) in self.fields.iter_mut().zip(o.fields) {
            a.0 += b.0;
            a.1 += b.1;
        }
        for (a, b) in self.empty.iter_mut().zip(o.empty) {
            *a += b;
        }
    }
}

/// Counts for meetings, bodies and initiatives, and what went wrong, in words.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub meeting: KindScore,
    pub body: KindScore,
    pub initiative: KindScore,
    /// Gold meetings found and in all, by the form the gold gives them ([`MEETING_FORMS`]).
    pub meeting_forms: [(usize, usize); MEETING_FORMS.len()],
    /// Gold meetings missed although a meeting of their series was extracted (another edition,
    /// or one another gold meeting took), by form: the miss is the edition, not the mention.
    pub series_found_edition_missed: [usize; MEETING_FORMS.len()],
    pub misses: Vec<String>,
}

/// Forms of a gold meeting, as the found-by-form table names them: whether the series is a
/// known one (`bodies.toml`), whether the instance has a number, and whether it is planned.
pub const MEETING_FORMS: [&str; 5] = [
    "known series, numbered",
    "known series, by year",
    "other series, numbered",
    "other series, by year",
    "planned (any)",
];

/// The forms of [`MEETING_FORMS`] a gold meeting counts under.
fn forms_of(g: &GoldMeeting, known: &[Body]) -> [bool; MEETING_FORMS.len()] {
    let series = key(&g.series);
    let is_known = !series.is_empty()
        && known.iter().any(|b| {
            b.acronym.as_deref().map(key).as_deref() == Some(series.as_str())
                || b.aliases.iter().any(|a| key(a) == series)
        });
    let numbered = g.number.is_some();
    [
        is_known && numbered,
        is_known && !numbered,
        !is_known && numbered,
        !is_known && !numbered,
        g.planned,
    ]
}

impl Score {
    pub fn kinds(&self) -> [(&'static str, &KindScore); 3] {
        [
            ("meeting", &self.meeting),
            ("mechanism / body", &self.body),
            ("initiative", &self.initiative),
        ]
    }

    pub fn add(&mut self, o: &Score) {
        self.meeting.add(&o.meeting);
        self.body.add(&o.body);
        self.initiative.add(&o.initiative);
        for (a, b) in self.meeting_forms.iter_mut().zip(o.meeting_forms) {
            a.0 += b.0;
            a.1 += b.1;
        }
        for (a, b) in self
            .series_found_edition_missed
            .iter_mut()
            .zip(o.series_found_edition_missed)
        {
            *a += b;
        }
    }
}

/// Letters and digits, lowercased: "ADMM-Plus" → "admmplus".
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace("defense", "defence")
        .replace("center", "centre")
        .replace("experts", "expert")
}

/// Words of a parent series a short form may leave out ("ADMM-Plus EWG HMA" is "EWG-HMA").
const PARENT_SERIES_WORDS: &[&str] = &["admm", "plus"];

/// The words of a short form, lowercase: "ADMM-Plus EWG HMA" → admm, plus, ewg, hma.
fn short_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Scores the facts `add` extracted from one statement against its gold facts; `known` are the
/// corpus' known bodies (`bodies.toml`), which say which names are meeting series.
pub fn score(gold: &Statement, facts: &[Fact], known: &[Body]) -> Score {
    let mut s = Score::default();
    let of = |k: FactKind| facts.iter().filter(move |f| f.kind() == k);

    // Meetings.
    let meetings: Vec<&Meeting> = of(FactKind::Meeting)
        .filter_map(|f| match f {
            Fact::Meeting(m) => Some(&**m),
            _ => None,
        })
        .collect();
    // An instance named by its number pairs with the extracted one of that number before any
    // gold instance known only by its year can take it.
    // Then one whose series is named as the gold's, before one whose longer name holds the gold
    // series' name ("… Meeting Working Group" holds "… Meeting").
    let pairs = pair_up_in_turn(
        &gold.meeting,
        &meetings,
        &mut s.meeting,
        &[
            &|g, m| same_meeting(g, m) && g.number.is_some() && g.number == m.number,
            &|g, m| same_meeting(g, m) && same_series_named(g, m),
            &|g, m| same_meeting(g, m),
        ],
    );
    for (g, found) in gold.meeting.iter().zip(&pairs) {
        let series_seen = found.is_none() && meetings.iter().any(|m| same_series(g, m));
        let forms = forms_of(g, known);
        for (form, is) in s.meeting_forms.iter_mut().zip(forms) {
            if is {
                form.0 += usize::from(found.is_some());
                form.1 += 1;
            }
        }
        for (edition, is) in s.series_found_edition_missed.iter_mut().zip(forms) {
            *edition += usize::from(is && series_seen);
        }
        let Some(m) = found.map(|i| meetings[i]) else {
            s.misses.push(format!("meeting not found: {}", describe(g)));
            continue;
        };
        let checks = [
            g.date.as_ref().map(|d| same_date(d, m)),
            g.place.as_ref().map(|p| same_place(p, m.place.as_deref())),
            g.chair.as_ref().map(|c| same_chair(c, m.chair.as_deref())),
            g.theme.as_ref().map(|t| same_theme(t, m.theme.as_deref())),
        ];
        let fields = s.meeting.fields.iter_mut().zip(&mut s.meeting.empty);
        for ((field, empty), (name, check)) in fields.zip(FIELDS.iter().zip(checks)) {
            if let Some(equal) = check {
                field.1 += 1;
                field.0 += usize::from(equal);
                if !equal {
                    *empty += usize::from(got(m, name).is_none());
                    s.misses.push(format!(
                        "{}: {name} differs (got {:?})",
                        describe(g),
                        got(m, name)
                    ));
                }
            }
        }
    }
    misses_of(
        &pairs,
        &meetings,
        "meeting",
        |m| m.name.as_str(),
        &mut s.misses,
    );

    // Bodies, meeting series aside on both sides.
    let bodies: Vec<&Fact> = of(FactKind::Mechanism)
        .filter(|f| !is_meeting_series(f))
        .collect();
    let series_forms = meeting_series_forms(known, facts);
    let gold_bodies: Vec<&GoldBody> = gold
        .body
        .iter()
        .filter(|g| !names_meeting_series(g, &series_forms))
        .collect();
    let pairs = pair_up(&gold_bodies, &bodies, &mut s.body, |g, f| {
        same_body(g.acronym.as_deref(), &g.name, f)
    });
    for (g, found) in gold_bodies.iter().zip(&pairs) {
        if found.is_none() {
            s.misses.push(format!("body not found: {}", g.name));
        }
    }
    // A meeting series kept as a mechanism (so that `mechanism ADSOM` answers) is the series of
    // the statement's gold meetings, not an extra body: gold lists series under their meetings.
    let series_of_gold_meetings: Vec<usize> = (0..bodies.len())
        .filter(|i| !pairs.contains(&Some(*i)) && is_gold_series(gold, bodies[*i]))
        .collect();
    s.body.extracted -= series_of_gold_meetings.len();
    s.body.extra -= series_of_gold_meetings.len();
    let pairs: Vec<Option<usize>> = pairs
        .into_iter()
        .chain(series_of_gold_meetings.into_iter().map(Some))
        .collect();
    misses_of(&pairs, &bodies, "body", |f| f.name(), &mut s.misses);

    // Initiatives.
    let initiatives: Vec<&Fact> = of(FactKind::Initiative).collect();
    let pairs = pair_up(&gold.initiative, &initiatives, &mut s.initiative, |g, f| {
        same_name_words(&g.name, f.name())
    });
    for (g, found) in gold.initiative.iter().zip(&pairs) {
        if found.is_none() {
            s.misses.push(format!("initiative not found: {}", g.name));
        }
    }
    misses_of(
        &pairs,
        &initiatives,
        "initiative",
        |f| f.name(),
        &mut s.misses,
    );
    s
}

/// Pairs each gold item, in order, with the first extracted one not yet paired that `same`
/// accepts, and counts gold, found, extracted and extra into `k`.
fn pair_up<G, T>(
    gold: &[G],
    got: &[T],
    k: &mut KindScore,
    same: impl Fn(&G, &T) -> bool,
) -> Vec<Option<usize>> {
    let mut used = HashSet::new();
    let pairs: Vec<Option<usize>> = gold
        .iter()
        .map(|g| {
            let i = (0..got.len()).find(|&i| !used.contains(&i) && same(g, &got[i]))?;
            used.insert(i);
            Some(i)
        })
        .collect();
    k.gold = gold.len();
    k.extracted = got.len();
    k.found = used.len();
    k.extra = got.len() - used.len();
    pairs
}

/// A test of whether a gold item and an extracted one are the same.
type Same<G, T> = dyn Fn(&G, &T) -> bool;

/// [`pair_up`] in turns: first the pairs the first test accepts, then those the next accepts
/// among the items left, and so on.
fn pair_up_in_turn<G, T>(
    gold: &[G],
    got: &[T],
    k: &mut KindScore,
    turns: &[&Same<G, T>],
) -> Vec<Option<usize>> {
    let mut pairs = vec![None; gold.len()];
    let mut used = HashSet::new();
    for same in turns {
        for (g, pair) in gold.iter().zip(pairs.iter_mut()) {
            if pair.is_none() {
                *pair = (0..got.len()).find(|&i| !used.contains(&i) && same(g, &got[i]));
                used.extend(*pair);
            }
        }
    }
    k.gold = gold.len();
    k.extracted = got.len();
    k.found = used.len();
    k.extra = got.len() - used.len();
    pairs
}

/// "extra KIND: name" for every extracted item no gold item was paired with.
fn misses_of<T>(
    pairs: &[Option<usize>],
    got: &[T],
    kind: &str,
    name: impl Fn(&T) -> &str,
    misses: &mut Vec<String>,
) {
    for (i, t) in got.iter().enumerate() {
        if !pairs.contains(&Some(i)) {
            misses.push(format!("extra {kind}: {}", name(t)));
        }
    }
}

fn describe(g: &GoldMeeting) -> String {
    let series = if g.series.is_empty() {
        g.series_name.clone().unwrap_or_default()
    } else {
        g.series.clone()
    };
    match (g.number, g.year) {
        (Some(n), _) => format!("{series} #{n}"),
        (None, Some(y)) => format!("{series} {y}"),
        _ => series,
    }
}

fn got(m: &Meeting, field: &str) -> Option<String> {
    match field {
        "date" => m.date.clone(),
        "place" => m.place.clone(),
        "chair" => m.chair.clone(),
        _ => m.theme.clone(),
    }
}

/// Same series (acronym, or series name) and the same number, or the same year when the gold
/// instance has no number.
pub fn same_meeting(g: &GoldMeeting, m: &Meeting) -> bool {
    if !same_series(g, m) {
        return false;
    }
    let year = m.when.as_ref().map(|w| w.start.year());
    match (g.number, m.number) {
        (Some(a), Some(b)) => a == b,
        (Some(_), None) => g.year.is_some() && g.year == year,
        (None, _) => g.year.is_none() || year.is_none() || g.year == year,
    }
}

/// Whether the extracted meeting is of the gold meeting's series, whatever its edition.
fn same_series(g: &GoldMeeting, m: &Meeting) -> bool {
    // A gold series name may end in the word "meeting" the series' own name lacks.
    let series_keys: Vec<String> = [Some(g.series.as_str()), g.series_name.as_deref()]
        .into_iter()
        .flatten()
        .map(key)
        .flat_map(|k| {
            let bare = k.strip_suffix("meeting").map(str::to_string);
            std::iter::once(k).chain(bare)
        })
        .filter(|k| !k.is_empty())
        .collect();
    // "EWG-HMA" for a gold "ADMM-Plus EWG HMA": the same words, but for the parent series' that
    // a short form leaves out.
    let gold_words = short_words(&g.series);
    let short_within = m.acronym.as_deref().map(short_words).is_some_and(|w| {
        w.len() >= 2
            && w.iter().all(|x| gold_words.contains(x))
            && gold_words
                .iter()
                .all(|x| w.contains(x) || PARENT_SERIES_WORDS.contains(&x.as_str()))
    });
    let theirs: Vec<String> = [m.acronym.as_deref(), m.series.as_deref()]
        .into_iter()
        .flatten()
        .map(key)
        .filter(|k| !k.is_empty())
        .collect();
    let name = key(&m.name);
    short_within
        || series_keys
            .iter()
            .any(|k| theirs.contains(k) || (k.len() >= 12 && name.contains(k.as_str())))
}

/// Whether the extracted meeting's acronym or series is the gold series' own (not a longer name
/// holding it).
fn same_series_named(g: &GoldMeeting, m: &Meeting) -> bool {
    let theirs: Vec<String> = [m.acronym.as_deref(), m.series.as_deref()]
        .into_iter()
        .flatten()
        .map(key)
        .collect();
    [Some(g.series.as_str()), g.series_name.as_deref()]
        .into_iter()
        .flatten()
        .map(key)
        .any(|k| !k.is_empty() && theirs.contains(&k))
}

/// The gold date ("2019-11-20", "2019-11-20/2019-11-21", "2019-11", "2019") against the
/// extracted range: the same first day for a day or days, the same span otherwise.
fn same_date(gold: &str, m: &Meeting) -> bool {
    let Some(w) = &m.when else { return false };
    let (start, end) = match gold.split_once('/') {
        Some((a, b)) => (a, b),
        None => (gold, gold),
    };
    let (Ok(a), Ok(b)) = (dates::parse_when(start, None), dates::parse_when(end, None)) else {
        return false;
    };
    match a.precision {
        Precision::Day => w.start == a.start && (w.end == b.end || w.precision == Precision::Day),
        _ => w.start == a.start && w.end == b.end,
    }
}

fn same_place(gold: &str, got: Option<&str>) -> bool {
    let Some(got) = got else { return false };
    // "online", "video conference", "virtual": a meeting held online, however the gold wrote it.
    if online(gold) && online(got) {
        return true;
    }
    let city = key(gold.split(',').next().unwrap_or(gold));
    let got = key(got);
    !city.is_empty() && (got.contains(&city) || city.contains(&got) && got.len() >= 4)
}

/// Words of a place that say a meeting was held online.
const ONLINE_PLACES: &[&str] = &["virtual", "online", "video", "teleconferenc"];

/// Whether a place is a meeting held online ("video conferencing", "virtual").
fn online(place: &str) -> bool {
    let lower = place.to_ascii_lowercase();
    ONLINE_PLACES.iter().any(|w| lower.contains(w))
}

/// A chair is the same when the reply holds the gold's last word: its surname, or the state.
/// A gold chair written "Name, role" is matched by the name's last word too.
fn same_chair(gold: &str, got: Option<&str>) -> bool {
    let Some(got) = got.map(key) else {
        return false;
    };
    let name = gold.split(',').next().unwrap_or(gold);
    [gold, name].iter().any(|g| {
        let surname = g.split_whitespace().last().map(key).unwrap_or_default();
        !surname.is_empty() && got.contains(&surname)
    })
}

fn same_theme(gold: &str, got: Option<&str>) -> bool {
    let Some(got) = got else { return false };
    let (a, b) = (key(gold), key(got));
    a.len() >= 4 && (a.contains(&b) && b.len() * 2 >= a.len() || b.contains(&a))
}

/// Whether `f` is a mechanism kept for a meeting series.
fn is_meeting_series(f: &Fact) -> bool {
    matches!(f, Fact::Mechanism(m) if m.category.as_deref() == Some(MEETING_SERIES))
}

/// Every form (as a [`key`]) of the known meeting series and of the extracted mechanisms whose
/// category is a meeting series.
fn meeting_series_forms(known: &[Body], facts: &[Fact]) -> HashSet<String> {
    let known = known
        .iter()
        .filter(|b| b.kind == BodyKind::MeetingSeries)
        .flat_map(Body::forms);
    let extracted = facts
        .iter()
        .filter(|f| is_meeting_series(f))
        .flat_map(Fact::names);
    known
        .chain(extracted)
        .map(|n| key(&n))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Whether a gold body is a meeting series: its acronym or its name is one of `forms`.
fn names_meeting_series(g: &GoldBody, forms: &HashSet<String>) -> bool {
    g.acronym
        .iter()
        .chain(std::iter::once(&g.name))
        .any(|n| forms.contains(&key(n)))
}

/// Whether `f` is a meeting or exercise series of which the statement has a gold meeting.
fn is_gold_series(gold: &Statement, f: &Fact) -> bool {
    let Fact::Mechanism(m) = f else {
        return false;
    };
    // An exercise series (AUMX) has its exercises as meetings, as a meeting series has (known,
    // or named by a pair whose head is "exercise").
    let series = [MEETING_SERIES, BodyKind::Exercise.as_str(), "exercise"];
    m.category.as_deref().is_some_and(|c| series.contains(&c))
        && gold.meeting.iter().any(|g| {
            let name = g.series_name.as_deref().filter(|n| !n.trim().is_empty());
            let names: Vec<String> = f.names().iter().map(|n| key(n)).collect();
            (!g.series.is_empty() && names.contains(&key(&g.series)))
                || name.is_some_and(|n| names.contains(&key(n)))
        })
}

fn same_body(acronym: Option<&str>, name: &str, f: &Fact) -> bool {
    let names: Vec<String> = f.names().iter().map(|n| key(n)).collect();
    if let Some(a) = acronym.map(key).filter(|a| !a.is_empty()) {
        if names.contains(&a) {
            return true;
        }
    }
    let n = key(name);
    names.contains(&n) || same_name_words(name, f.name())
}

const NAME_STOP_WORDS: &[&str] = &[
    "the", "of", "on", "and", "for", "in", "to", "a", "an", "asean",
];

/// At least 60 % of the gold name's words (beyond "the", "of", "ASEAN"…) are in the other; a
/// gold name's bracketed note ("(draft)", "(every two years from 2013 …)") may be left out.
fn same_name_words(gold: &str, got: &str) -> bool {
    share_name_words(gold, got) || share_name_words(&without_notes(gold), got)
}

/// A gold name without its bracketed notes: "Work plan (2024–2027 cycle)" → "Work plan".
fn without_notes(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// [`same_name_words`] for one form of the gold name.
fn share_name_words(gold: &str, got: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .map(key)
            .filter(|w| !w.is_empty() && !NAME_STOP_WORDS.contains(&w.as_str()))
            .collect()
    };
    let g = words(gold);
    let o: HashSet<String> = words(got).into_iter().collect();
    if g.is_empty() {
        return false;
    }
    let shared = g.iter().filter(|w| o.contains(*w)).count();
    shared * 5 >= g.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(acronym: &str, number: Option<u32>, date: &str) -> Meeting {
        Meeting {
            id: "m".into(),
            name: "m".into(),
            acronym: Some(acronym.into()),
            number,
            series: None,
            aliases: Vec::new(),
            date: Some(date.into()),
            place: Some("Vientiane, Lao PDR".into()),
            chair: Some("General Chansamone Chanyalath".into()),
            participants: Vec::new(),
            observers: Vec::new(),
            theme: None,
            topics: Vec::new(),
            outcomes: Vec::new(),
            mechanisms: Vec::new(),
            related: Vec::new(),
            summary: None,
            origin: Default::default(),
            cites: Vec::new(),
            when: dates::parse_when(date, None).ok(),
        }
    }

    #[test]
    fn meetings_match_by_series_and_number_or_year() {
        let g = GoldMeeting {
            series: "ADMM".into(),
            number: Some(18),
            year: Some(2024),
            date: Some("2024-11-21".into()),
            place: Some("Vientiane".into()),
            chair: Some("Chansamone Chanyalath".into()),
            ..GoldMeeting::default()
        };
        let m = meeting("ADMM", Some(18), "21 November 2024");
        assert!(same_meeting(&g, &m));
        assert!(!same_meeting(&g, &meeting("ADMM", Some(17), "2023")));
        assert!(!same_meeting(&g, &meeting("AMIM", Some(18), "2024")));
        let by_year = GoldMeeting {
            number: None,
            ..g.clone()
        };
        assert!(same_meeting(&by_year, &meeting("ADMM", None, "2024")));
        assert!(!same_meeting(&by_year, &meeting("ADMM", None, "2023")));
        let st = Statement {
            statement: toml::from_str(
                "id='a'\nfile='a'\nurl='u'\ntitle='t'\nsource='s'\npublished='2024'\nquery='q'\nsha256='0'\nsplit='dev'",
            )
            .unwrap(),
            meeting: vec![g.clone()],
            body: Vec::new(),
            initiative: Vec::new(),
            question: Vec::new(),
        };
        let s = score(&st, &[Fact::Meeting(Box::new(m.clone()))], &[]);
        assert_eq!(s.meeting.found, 1);
        assert_eq!(s.meeting.fields[..3], [(1, 1), (1, 1), (1, 1)]);
        assert_eq!(s.meeting.extra, 0);
        // A meeting series kept as a mechanism is no extra body, whether or not the gold has its
        // meetings; a network is.
        let series = |acronym: &str, category: &str| {
            Fact::Mechanism(agenda_core::corpus::Mechanism {
                id: acronym.to_lowercase(),
                acronym: Some(acronym.into()),
                name: format!("{acronym} in full"),
                aliases: Vec::new(),
                category: Some(category.into()),
                description: None,
                origin: Default::default(),
                cites: Vec::new(),
            })
        };
        let facts = [
            Fact::Meeting(Box::new(m)),
            series("ADMM", MEETING_SERIES),
            series("AMIM", MEETING_SERIES),
            series("ADI", "network"),
        ];
        let s = score(&st, &facts, &[]);
        assert_eq!((s.body.extracted, s.body.extra), (1, 1));
        // An exercise series whose exercise is a gold meeting is no extra body either.
        let s = score(&st, &[series("ADMM", "exercise")], &[]);
        assert_eq!((s.body.extracted, s.body.extra), (0, 0));
        // A gold instance known by its year only does not take the numbered one another gold
        // instance names by its number.
        let year_only = GoldMeeting {
            number: None,
            year: Some(2025),
            date: None,
            place: None,
            chair: None,
            ..g.clone()
        };
        let numbered = GoldMeeting {
            number: Some(17),
            year: None,
            date: None,
            place: None,
            chair: None,
            ..g.clone()
        };
        let mut undated = meeting("ADMM", Some(17), "2023");
        undated.when = None;
        let st = Statement {
            meeting: vec![year_only, numbered],
            ..st
        };
        let s = score(&st, &[Fact::Meeting(Box::new(undated))], &[]);
        assert_eq!((s.meeting.found, s.meeting.extra), (1, 0));
        assert!(s.misses[0].contains("2025"), "{:?}", s.misses);
        // The year-only instance was missed with its series found (the edition is off); a miss
        // with no meeting of the series extracted is not counted there.
        assert_eq!(s.series_found_edition_missed[3], 1);
        let s = score(&st, &[], &[]);
        assert_eq!(s.series_found_edition_missed, [0; MEETING_FORMS.len()]);
    }

    /// Meeting series are neither gold bodies nor extracted ones: rows of (gold bodies,
    /// extracted mechanisms as (acronym, name, category)) → (gold, found, extracted, extra).
    #[test]
    fn meeting_series_are_not_bodies() {
        let known = [
            Body {
                acronym: Some("ANCM".into()),
                name: "ASEAN Navy Chiefs' Meeting".into(),
                aliases: vec!["ASEAN navy chiefs meeting".into()],
                kind: BodyKind::MeetingSeries,
                members: Vec::new(),
                first: None,
            },
            Body {
                acronym: Some("ACMM".into()),
                name: "ASEAN Centre of Military Medicine".into(),
                aliases: Vec::new(),
                kind: BodyKind::Centre,
                members: Vec::new(),
                first: None,
            },
        ];
        type Gold<'a> = (Option<&'a str>, &'a str);
        type Got<'a> = (Option<&'a str>, &'a str, &'a str);
        type Row<'a> = (&'a [Gold<'a>], &'a [Got<'a>], (usize, usize, usize, usize));
        let rows: &[Row] = &[
            // a known series in gold, by its acronym or by its name (another spelling), is left out
            (&[(Some("ANCM"), "Navy chiefs")], &[], (0, 0, 0, 0)),
            (&[(None, "ASEAN Navy Chiefs Meeting")], &[], (0, 0, 0, 0)),
            // an extracted series is never extra, nor found
            (
                &[],
                &[(Some("ANCM"), "ASEAN Navy Chiefs' Meeting", MEETING_SERIES)],
                (0, 0, 0, 0),
            ),
            // a series unknown to bodies.toml is one by the extracted fact's category
            (
                &[(Some("AMOM"), "ASEAN Military Operations Meeting")],
                &[(
                    Some("AMOM"),
                    "ASEAN Military Operations Meeting",
                    MEETING_SERIES,
                )],
                (0, 0, 0, 0),
            ),
            // a centre stays a body, found or extra
            (
                &[(Some("ACMM"), "ASEAN Centre of Military Medicine")],
                &[(Some("ACMM"), "ASEAN Centre of Military Medicine", "centre")],
                (1, 1, 1, 0),
            ),
            (
                &[],
                &[(Some("ACMM"), "ASEAN Centre of Military Medicine", "centre")],
                (0, 0, 1, 1),
            ),
            // a body whose name only holds a series' is a body
            (&[(None, "ANCM permanent secretariat")], &[], (1, 0, 0, 0)),
        ];
        for (gold, got, want) in rows {
            let st = Statement {
                statement: toml::from_str(
                    "id='a'\nfile='a'\nurl='u'\ntitle='t'\nsource='s'\npublished='2024'\nquery='q'\nsha256='0'\nsplit='dev'",
                )
                .unwrap(),
                meeting: Vec::new(),
                body: gold
                    .iter()
                    .map(|(a, n)| GoldBody {
                        acronym: a.map(str::to_string),
                        name: n.to_string(),
                    })
                    .collect(),
                initiative: Vec::new(),
                question: Vec::new(),
            };
            let facts: Vec<Fact> = got
                .iter()
                .map(|(a, n, c)| {
                    Fact::Mechanism(agenda_core::corpus::Mechanism {
                        id: n.to_lowercase().replace(' ', "-"),
                        acronym: a.map(str::to_string),
                        name: n.to_string(),
                        aliases: Vec::new(),
                        category: Some(c.to_string()),
                        description: None,
                        origin: Default::default(),
                        cites: Vec::new(),
                    })
                })
                .collect();
            let b = score(&st, &facts, &known).body;
            assert_eq!(
                (b.gold, b.found, b.extracted, b.extra),
                *want,
                "{gold:?} {got:?}"
            );
        }
    }

    #[test]
    fn places_match_by_city_or_as_online() {
        assert!(same_place("Vientiane, Laos", Some("Vientiane")));
        assert!(same_place("video conference", Some("virtual")));
        assert!(same_place("online", Some("videoconferencing")));
        assert!(!same_place("Hanoi", Some("virtual")));
        assert!(!same_place("virtual", None));
    }

    #[test]
    fn names_match_by_their_words() {
        assert!(same_name_words(
            "Concept Paper on the ASEAN Militaries Ready Group",
            "ASEAN Militaries Ready Group concept paper"
        ));
        assert!(!same_name_words(
            "Work Plan on Maritime Security",
            "Maritime Security"
        ));
        // a bracketed note in the gold name may be left out, not the name's own words
        assert!(same_name_words(
            "Concept Paper on Harbour Patrols (every two years from 2031)",
            "Concept Paper on Harbour Patrols"
        ));
        assert!(!same_name_words(
            "Concept Paper on Harbour Patrols (draft)",
            "Concept Paper"
        ));
        assert_eq!(key("ASEAN Defense Center"), "aseandefencecentre");
    }
}
