//! Initiatives and areas from tables (by their header), list items and sentences carrying a
//! timeline; the topics of lists that are not initiatives.

use super::text::{
    bare, capitalise_first, find_dates, sentences, CLAUSE_PARTICIPLES, POSSESSIVE_OPENERS,
};
use super::{cite, fact_id};
use crate::corpus::{Area, Initiative, Origin, Priority, Statement};

/// Topics (with the citing paragraph) of the statement's meeting, from lists such as
/// "Key focal points of the meeting included:".
pub type Topics = Vec<(String, String)>;

pub fn extract(statement: &Statement) -> (Vec<Initiative>, Vec<Area>, Topics) {
    let year = statement.year();
    let mut initiatives: Vec<Initiative> = Vec::new();
    let mut areas = Vec::new();
    let mut topics = Vec::new();
    for p in statement.paragraphs.iter().filter(|p| !p.heading) {
        let cite = cite(statement, p);
        let lines: Vec<&str> = p.text.lines().collect();
        if let Some(table) = Table::parse(&lines) {
            table.facts(&cite, year, &mut initiatives, &mut areas);
            continue;
        }
        let items: Vec<&str> = lines
            .iter()
            .filter_map(|l| {
                l.trim_start()
                    .strip_prefix("- ")
                    .or_else(|| l.trim_start().strip_prefix("* "))
            })
            .collect();
        if !items.is_empty() {
            let lead = lines[0].to_lowercase();
            let names_initiatives = [
                "initiative",
                "project",
                "programme",
                "program",
                "plans",
                "activities",
            ]
            .iter()
            .any(|w| lead.contains(w))
                && !lines[0].trim_start().starts_with("- ");
            for item in items {
                let found = find_dates(item, year, true);
                if names_initiatives || !found.is_empty() {
                    let timeline = found.first();
                    let mut name = item.to_string();
                    if let Some(t) = timeline {
                        name = format!("{}{}", &item[..t.range.start], &item[t.range.end..]);
                        // "set up a working group by the end of 2025;" → "set up a working group".
                        loop {
                            let trimmed = name.trim_end_matches(|c: char| {
                                matches!(c, ',' | '.' | ';' | ':' | '(' | ')') || c.is_whitespace()
                            });
                            let stripped = [
                                " by", " in", " from", " during", " until", " through", " for",
                            ]
                            .iter()
                            .find_map(|lead| trimmed.strip_suffix(lead));
                            let done = stripped.is_none();
                            name = stripped.unwrap_or(trimmed).to_string();
                            if done {
                                break;
                            }
                        }
                    }
                    let (name, outcome) = initiative_name(&name);
                    push_initiative(
                        &mut initiatives,
                        &name,
                        outcome,
                        timeline.map(|t| (t.text.clone(), t.when.clone())),
                        &cite,
                    );
                } else {
                    let topic = capitalise_first(item.trim().trim_end_matches('.'));
                    topics.push((topic, cite.clone()));
                }
            }
            continue;
        }
        // Sentences that plan something with a timeline: "… agreed to establish the ASEAN Cyber
        // Defence Network by the end of 2027."
        for (_, sentence) in sentences(&p.text) {
            let lower = sentence.to_ascii_lowercase();
            if [
                "will be held",
                "to be held",
                "will take place",
                "will convene",
            ]
            .iter()
            .any(|w| lower.contains(w))
            {
                continue;
            }
            // Each timeline plans what is named between it and the one before.
            let mut from = 0;
            for t in find_dates(sentence, year, true) {
                // "at the 2026 meeting", "the 2026 ADMM": a year naming an event is no timeline.
                if names_an_event(&sentence[t.range.end..]) {
                    from = t.range.end;
                    continue;
                }
                if let Some((name, outcome)) = planned_thing(&sentence[from..t.range.start]) {
                    let when = Some((t.text.clone(), t.when.clone()));
                    push_initiative(&mut initiatives, &name, outcome, when, &cite);
                }
                from = t.range.end;
            }
        }
    }
    outcomes_from_focus_tables(&mut initiatives, &areas);
    (initiatives, areas, topics)
}

/// Content words, plural `s` dropped: for matching an initiative with a table row.
fn content_words(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(|w| w.to_lowercase())
        .filter(|w| {
            w.len() > 3 && !matches!(w.as_str(), "with" | "from" | "through" | "their" | "among")
        })
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

/// An initiative the statement names without an outcome takes the expected outcome of the
/// strategic-focus row that names the same programme (two content words in common, one row
/// only): "youth leadership programs" ↔ "Youth Peace Programs".
fn outcomes_from_focus_tables(initiatives: &mut [Initiative], areas: &[Area]) {
    for i in initiatives
        .iter_mut()
        .filter(|i| i.expected_outcome.is_none())
    {
        let words = content_words(&i.name);
        let rows: Vec<&Area> = areas
            .iter()
            .filter(|a| a.expected_outcome.is_some())
            .filter(|a| content_words(&a.name).intersection(&words).count() >= 2)
            .collect();
        if let [row] = rows.as_slice() {
            i.expected_outcome = row.expected_outcome.clone();
            for c in &row.cites {
                if !i.cites.contains(c) {
                    i.cites.push(c.clone());
                }
            }
        }
    }
}

fn push_initiative(
    out: &mut Vec<Initiative>,
    name: &str,
    outcome: Option<String>,
    timeline: Option<(String, crate::dates::DateRange)>,
    cite: &str,
) {
    let name = name.trim();
    if name.split_whitespace().count() < 2 {
        return;
    }
    let id = fact_id(name);
    if let Some(i) = out.iter_mut().find(|i| i.id == id) {
        if !i.cites.iter().any(|c| c == cite) {
            i.cites.push(cite.to_string());
        }
        return;
    }
    let (timeline, period) = match timeline {
        Some((t, p)) => (Some(t), Some(p)),
        None => (None, None),
    };
    out.push(Initiative {
        id,
        name: name.to_string(),
        aliases: Vec::new(),
        expected_outcome: outcome,
        timeline,
        area: None,
        summary: None,
        origin: Origin::Extracted,
        cites: vec![cite.to_string()],
        period,
    });
}

/// A list item read as an initiative: the leading verb and the purpose go ("Organizing annual
/// ASEAN defense dialogues to foster continuous engagement." → "Annual ASEAN defense dialogues",
/// outcome "Continuous engagement").
fn initiative_name(item: &str) -> (String, Option<String>) {
    let item = item.trim().trim_end_matches(['.', ';']);
    // "set up a joint working group" → "a joint working group": a plan's verb goes.
    let lower = item.to_ascii_lowercase();
    let item = PLANNING_VERBS
        .iter()
        .find_map(|v| {
            let rest = lower.strip_prefix(v)?.strip_prefix(' ')?;
            Some(&item[item.len() - rest.len()..])
        })
        .unwrap_or(item);
    // "a workshop on …, to be held" → "Workshop on …".
    let item = item.split(", to be ").next().unwrap_or(item);
    let item = ["a ", "an ", "the "]
        .iter()
        .find_map(|a| item.strip_prefix(a))
        .unwrap_or(item);
    let mut words: Vec<&str> = item.split_whitespace().collect();
    if words.len() > 2
        && words[0].ends_with("ing")
        && words[0].starts_with(|c: char| c.is_uppercase())
    {
        words.remove(0);
        if matches!(words[0], "a" | "an" | "the") {
            words.remove(0);
        }
    }
    let rest = words.join(" ");
    let mut outcome = None;
    let mut name = rest.as_str();
    for purpose in [
        " to foster ",
        " to ensure ",
        " to promote ",
        " to improve ",
        " to strengthen ",
        " to build ",
    ] {
        if let Some(i) = rest.find(purpose) {
            name = &rest[..i];
            outcome = Some(capitalise_first(rest[i + purpose.len()..].trim()));
            break;
        }
    }
    for cut in [" aimed at ", " in order to "] {
        if let Some(i) = name.find(cut) {
            name = &name[..i];
        }
    }
    (capitalise_first(name.trim()), outcome)
}

/// Verbs that plan something ("agreed to establish …", "- conduct an exercise in 2026").
const PLANNING_VERBS: &[&str] = &[
    "establish",
    "launch",
    "develop",
    "implement",
    "complete",
    "set up",
    "operationalise",
    "operationalize",
    "conduct",
    "finalise",
    "finalize",
    "adopt",
    "create",
    "build",
    "hold",
    "organise",
    "organize",
];

/// Words before a planned thing's name that are no part of it; "of" after a verb used as a noun
/// ("including the conduct of a joint exercise in 2015").
const OBJECT_LEADS: &[&str] = &[
    "of ",
    "the ",
    "a ",
    "an ",
    "next ",
    "new ",
    "upcoming ",
    "proposed ",
    "planned ",
];

/// Words right before a planning verb's word that make it a noun ("the code of conduct"); "the
/// conduct of …" names its object after "of" and stays.
const NOUN_LEADS: &[&str] = &["of"];

/// Last words of a planned thing's object that make it a relationship between states, no plan.
const RELATIONSHIP_HEADS: &[&str] = &["ties", "relations", "relationship", "partnership"];

/// Words that open a list of the things planned: the object before them names none.
const LIST_OPENERS: &[&str] = &[", including ", " including ", " such as "];

/// Openings of a clause after a comma that say what a planned thing will be or do, so that
/// the name ends at the comma even in lowercase ("a task force on harbour safety, to be
/// operational by 2027").
const CLAUSES_AFTER_NAME: &[&str] = &[
    "to be ",
    "expected ",
    "aimed ",
    "which ",
    "due ",
    "set to ",
    "slated ",
    "scheduled ",
];

/// Lowercase heads of an event a year before them names ("the 2026 meeting").
const EVENTS_AFTER_YEAR: &[&str] = &[
    "meeting",
    "meetings",
    "summit",
    "session",
    "edition",
    "conference",
    "exercise",
    "retreat",
];

/// Whether the words after a date make it an event's year: an event's head or a capitalised
/// name follows it ("the 2026 meeting", "the 2026 ADMM").
fn names_an_event(after: &str) -> bool {
    after.split_whitespace().next().is_some_and(|w| {
        let b = bare(w);
        EVENTS_AFTER_YEAR.contains(&b.to_ascii_lowercase().as_str())
            || b.starts_with(char::is_uppercase)
    })
}

/// What a sentence plans, named before its timeline, and what it is expected to bring: the
/// object of the last planning verb, up to a comma after a name ("launch the ASEAN Maritime
/// Domain Awareness Initiative, expected to deliver a shared maritime picture by Q2 2026" →
/// "ASEAN Maritime Domain Awareness Initiative", outcome "A shared maritime picture") or up to
/// the timeline's preposition; "next", "new" and the like before the name go.
fn planned_thing(head: &str) -> Option<(String, Option<String>)> {
    let lower = head.to_ascii_lowercase();
    // After the verb and the rest of its word ("adopted").
    let at = PLANNING_VERBS
        .iter()
        .filter_map(|v| {
            let i = lower.rfind(v)?;
            // "the code of conduct negotiations": inside a word or after "of", a noun.
            let before = lower[..i].trim_end();
            // "Secretary of Defence Policy and Development of …": a capitalised word inside a
            // name, not a verb opening an item.
            let in_a_name = !before.is_empty() && head[i..].starts_with(char::is_uppercase);
            let noun = !lower[..i].is_empty() && !lower[..i].ends_with(' ')
                || in_a_name
                || NOUN_LEADS.iter().any(|n| {
                    before.ends_with(n) && {
                        let k = before.len() - n.len();
                        k == 0 || before[..k].ends_with(' ')
                    }
                });
            if noun {
                return None;
            }
            let end = i + v.len();
            Some(end + lower[end..].find(' ').unwrap_or(lower.len() - end))
        })
        .max()?;
    let mut object = head[at..].trim();
    loop {
        let lowered = object.to_ascii_lowercase();
        let Some(word) = OBJECT_LEADS.iter().find(|w| lowered.starts_with(*w)) else {
            break;
        };
        object = object[word.len()..].trim_start();
    }
    // "complete its role as the chair": a thing of someone's, named by no name of its own.
    let first = object
        .split_whitespace()
        .next()
        .map_or(String::new(), |w| bare(w).to_ascii_lowercase());
    if POSSESSIVE_OPENERS.contains(&first.as_str()) {
        return None;
    }
    // "adopted a number of papers, including the Work Programme 2023-2026": the items are the
    // documents, read as such.
    if LIST_OPENERS.iter().any(|l| object.contains(l)) {
        return None;
    }
    let (name, rest) = match object.split_once(", ") {
        Some((name, rest))
            if name.starts_with(|c: char| c.is_uppercase())
                || CLAUSES_AFTER_NAME.iter().any(|c| rest.starts_with(c)) =>
        {
            (name, Some(rest))
        }
        _ => (object, None),
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let cut = words
        .iter()
        .position(|w| {
            matches!(
                bare(w),
                "by" | "in" | "from" | "during" | "before" | "until" | "for" | "over" | "since"
            ) || CLAUSE_PARTICIPLES.contains(&bare(w))
        })
        .unwrap_or(words.len());
    let words = &words[..cut];
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    // "established cooperative ties in 1977": a relationship between states, no plan.
    let head = words
        .last()
        .map_or(String::new(), |w| bare(w).to_ascii_lowercase());
    if RELATIONSHIP_HEADS.contains(&head.as_str()) {
        return None;
    }
    let outcome = rest.and_then(expected_outcome);
    Some((
        capitalise_first(words.join(" ").trim_end_matches(',')),
        outcome,
    ))
}

/// "expected to deliver a shared maritime picture by" → "A shared maritime picture"; "aimed at
/// improving maritime safety" → "Improving maritime safety". `None` for anything else.
fn expected_outcome(clause: &str) -> Option<String> {
    let lower = clause.to_ascii_lowercase();
    let lead = [
        "expected to ",
        "which is expected to ",
        "which will ",
        "aimed at ",
        "aiming to ",
        "designed to ",
        "intended to ",
        "to ",
    ]
    .iter()
    .find(|l| lower.starts_with(*l))?;
    let mut words: Vec<&str> = clause[lead.len()..].split_whitespace().collect();
    // The verb of a result goes ("deliver a picture" → "a picture"), one of change stays.
    if words.len() > 1
        && matches!(
            words[0],
            "deliver" | "produce" | "provide" | "yield" | "bring" | "give" | "offer"
        )
    {
        words.remove(0);
    }
    while words.last().is_some_and(|w| {
        matches!(
            bare(w),
            "by" | "in" | "from" | "during" | "before" | "until" | "for" | "over" | "and" | "as"
        )
    }) {
        words.pop();
    }
    (words.len() >= 2 && words.len() <= 12)
        .then(|| capitalise_first(words.join(" ").trim_end_matches([',', '.'])))
}

/// A Markdown table: a header row, a `|---|` rule, body rows.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn cells(line: &str) -> Vec<String> {
    let t = line.trim().trim_start_matches('|').trim_end_matches('|');
    t.split('|').map(|c| c.trim().to_string()).collect()
}

impl Table {
    fn parse(lines: &[&str]) -> Option<Table> {
        if lines.len() < 3 || !lines.iter().all(|l| l.trim_start().starts_with('|')) {
            return None;
        }
        let rule = cells(lines[1]);
        if !rule
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        {
            return None;
        }
        Some(Table {
            header: cells(lines[0]),
            rows: lines[2..].iter().map(|l| cells(l)).collect(),
        })
    }

    fn column(&self, words: &[&str]) -> Option<usize> {
        self.header.iter().position(|h| {
            let h = h.to_lowercase();
            words.iter().any(|w| h.contains(w))
        })
    }

    fn facts(
        &self,
        cite: &str,
        year: Option<i16>,
        initiatives: &mut Vec<Initiative>,
        areas: &mut Vec<Area>,
    ) {
        let first = self.header[0].to_lowercase();
        let outcome = self.column(&["outcome", "result", "goal", "objective"]);
        let timeline = self.column(&[
            "timeline",
            "timeframe",
            "time frame",
            "schedule",
            "deadline",
            "period",
            "target date",
        ]);
        let named = self.column(&[
            "initiative",
            "project",
            "programme",
            "program",
            "activity",
            "action",
        ]);
        let is_area = ["area", "focus", "sector", "domain", "pillar"]
            .iter()
            .any(|w| first.contains(w));
        if is_area && named.is_none() && timeline.is_none() {
            for row in &self.rows {
                let Some(name) = row.first().filter(|n| !n.is_empty()) else {
                    continue;
                };
                let mut priorities = Vec::new();
                for (k, heading) in self.header.iter().enumerate().skip(1) {
                    let Some(text) = row.get(k).filter(|t| !t.is_empty()) else {
                        continue;
                    };
                    if Some(k) == outcome {
                        continue;
                    }
                    let (party, label) = party_of(heading);
                    priorities.push(Priority {
                        party,
                        label: Some(label),
                        text: text.clone(),
                    });
                }
                let id = fact_id(name);
                if areas.iter().any(|a: &Area| a.id == id) {
                    continue;
                }
                areas.push(Area {
                    id,
                    name: name.clone(),
                    aliases: Vec::new(),
                    category: Some(self.header[0].to_lowercase()),
                    priorities,
                    expected_outcome: outcome
                        .and_then(|k| row.get(k))
                        .filter(|t| !t.is_empty())
                        .cloned(),
                    origin: Origin::Extracted,
                    cites: vec![cite.to_string()],
                });
            }
            return;
        }
        if named.is_none() && timeline.is_none() && outcome.is_none() {
            return;
        }
        let name_col = named.unwrap_or(0);
        for row in &self.rows {
            let Some(name) = row.get(name_col).filter(|n| !n.is_empty()) else {
                continue;
            };
            let when = timeline
                .and_then(|k| row.get(k))
                .filter(|t| !t.is_empty())
                .and_then(|t| {
                    crate::dates::parse_when(t, year)
                        .ok()
                        .map(|w| (t.clone(), w))
                });
            let outcome = outcome
                .and_then(|k| row.get(k))
                .filter(|t| !t.is_empty())
                .cloned();
            push_initiative(initiatives, name, outcome, when, cite);
        }
    }
}

/// "Lao PDR Focus" → party "Lao PDR", label "Lao PDR focus".
fn party_of(heading: &str) -> (String, String) {
    let words: Vec<&str> = heading.split_whitespace().collect();
    match words.split_last() {
        Some((last, party))
            if !party.is_empty()
                && [
                    "priority",
                    "priorities",
                    "focus",
                    "position",
                    "role",
                    "view",
                ]
                .contains(&last.to_lowercase().as_str()) =>
        {
            let party = party.join(" ");
            (party.clone(), format!("{party} {}", last.to_lowercase()))
        }
        _ => (heading.to_string(), heading.to_string()),
    }
}
