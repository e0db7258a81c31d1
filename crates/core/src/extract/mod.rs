//! Rule-based fact extraction from one statement: meetings, mechanisms, initiatives and areas,
//! each citing the paragraphs it came from and marked `origin = "extracted"`.
//!
//! Every rule is a reading a reviewer can check against the cited paragraph: "Full Name (ACR)"
//! pairs classified by their head noun, ordinals, "a meeting between X and Y", "took place in …
//! on …", "with the theme “…”", tables by their header, list items led in by "initiatives", and
//! timelines in prose.

mod described;
pub mod documents;
mod exercises;
mod fields;
mod history;
pub mod known;
mod meetings;
mod outcomes;
mod people;
mod rules;
mod spans;
mod tables;
pub mod text;
mod toml_out;

use crate::corpus::{Body, BodyKind, Fact, Initiative, Origin, Paragraph, Statement};
use meetings::Extractor;
use spans::{contains_word, sentence_around};
use std::collections::HashMap;
use text::find_dates;

pub use toml_out::to_toml;

/// Category of a meeting series kept as a mechanism (ADMM, ADMM-Plus, ADSOM…).
pub const MEETING_SERIES: &str = "meeting series";

/// First words that make a fact's name a piece of a sentence.
const FRAGMENT_STARTS: &[&str] = &[
    "of", "and", "or", "to", "for", "in", "on", "with", "by", "at", "these", "this", "those", "as",
    "such",
];

/// Last words that make a fact's name a piece of a sentence.
const FRAGMENT_ENDS: &[&str] = &[
    "especially",
    "including",
    "such",
    "as",
    "and",
    "or",
    "the",
    "of",
    "to",
    "with",
    "by",
    // A clause's verb: "… Community or ASC as declared", "… Meeting and was noted".
    "noted",
    "declared",
    "adopted",
    "agreed",
    "endorsed",
    "approved",
];

/// Last two words that make a fact's name a piece of a name: "Standard Operating Procedures of
/// the ASEAN" (cut before "- Our Eyes").
const FRAGMENT_END_PAIRS: &[(&str, &str)] = &[("the", "ASEAN")];

/// Words of a body's name that say what kind it is, not which.
const GENERIC_BODY_WORDS: &[&str] = &[
    "experts",
    "expert",
    "working",
    "group",
    "groups",
    "committee",
    "network",
    "centre",
    "center",
    "task",
    "force",
];

/// Whether a fact's name is a head noun alone: an initiative named "Terms of reference", a body
/// named "Experts Working Groups" without an acronym, or "Working Group" with one.
fn head_alone(f: &Fact) -> bool {
    let lower = f.name().to_ascii_lowercase();
    match f {
        Fact::Initiative(_) => documents::DOCUMENT_HEADS.contains(&lower.as_str()),
        // "Working Group (WG)" names none either; "Experts' Working Groups (EWGs)" is the known
        // body's plural.
        Fact::Mechanism(m) => {
            (m.acronym.is_none() || lower.split_whitespace().count() <= 2)
                && lower
                    .split_whitespace()
                    .all(|w| GENERIC_BODY_WORDS.contains(&w.trim_end_matches(['\'', '’'])))
        }
        _ => false,
    }
}

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
        clock: fields::Clock {
            year: statement.year(),
            published: statement
                .published_range
                .as_ref()
                .filter(|r| r.precision == crate::dates::Precision::Day)
                .map(|r| r.start),
        },
        meetings: Vec::new(),
        mechanisms: Vec::new(),
        last_meeting: None,
        main_meeting: None,
        hosts: Vec::new(),
        paragraphs_read: 0,
        early_chair: None,
        delegations: Vec::new(),
    };
    for p in &statement.paragraphs {
        if !p.heading {
            x.paragraph(p);
        }
    }
    // A headline's plan ("…, Philippines to host in 2026"), read once the report's series is
    // known.
    for p in statement.paragraphs.iter().filter(|p| p.heading) {
        x.host_in_year(&p.text, &cite(statement, p));
        x.headline_host(&p.text);
    }
    x.reported_instance();
    x.dateline_place();
    x.dateline_date();
    x.speech_day();
    x.lead_day();
    x.hosts_chair();
    x.first_editions_dated();
    x.merge_occurrences();
    x.early_chair();
    x.delegations_attend();
    x.handover_chairs();
    x.asean_chair_chairs();
    x.chairs_in_full();
    x.year_of_named();
    x.joined_meetings_share();
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
                Some(&acronym),
                &series,
                MEETING_SERIES,
                sentence,
                &cite(statement, p),
            );
        }
    }
    let mut initiatives = initiatives;
    let mut unnamed = Vec::new();
    for p in statement.paragraphs.iter().filter(|p| !p.heading) {
        let instruments =
            instrument_initiatives(&mut initiatives, &p.text, bodies, &cite(statement, p));
        // A document named by its title is that one, not a document read around it.
        let titled = documents::titled(&p.text);
        let named: Vec<documents::Document> = documents::documents(&p.text)
            .into_iter()
            .filter(|d| {
                !titled
                    .iter()
                    .any(|t| t.range.start < d.range.end && d.range.start < t.range.end)
            })
            .flat_map(|d| documents::counted(d, &p.text))
            .chain(titled.iter().cloned())
            .collect();
        for o in outcomes::unnamed_outcomes(&p.text, &named) {
            let sentence = p.text[o.sentence.clone()].to_string();
            unnamed.push((o, (sentence, cite(statement, p))));
        }
        for d in named {
            // "… Encounters at Sea (CUES)": a known instrument is named in full above.
            if instruments
                .iter()
                .any(|r| r.start < d.range.end && d.range.start < r.end)
            {
                continue;
            }
            document_initiative(&mut initiatives, &d, &p.text, &cite(statement, p));
            x.outcome(&d, &p.text, &cite(statement, p));
        }
    }
    titled_document_initiative(&mut x, &mut initiatives, statement);
    unnamed_outcome_initiatives(&mut x, &mut initiatives, unnamed);
    // A convention or code is never a body, nor a mechanism a meeting discussed.
    let instrument =
        |m: &crate::corpus::Mechanism| m.category.as_deref() == Some(BodyKind::Instrument.as_str());
    let dropped: Vec<String> = x
        .mechanisms
        .iter()
        .filter(|m| instrument(m))
        .map(|m| m.id.clone())
        .collect();
    x.mechanisms.retain(|m| !instrument(m));
    for m in &mut x.meetings {
        m.mechanisms.retain(|id| !dropped.contains(id));
    }
    // "Standard Operating Procedure for … Centre (SOP)", "Declaration of the … Summit (DEAS)": a
    // name that opens with a document's head is a document, not a body or a series.
    let (documents, mechanisms): (Vec<_>, Vec<_>) = std::mem::take(&mut x.mechanisms)
        .into_iter()
        .partition(|m| opens_with_document_head(&m.name));
    x.mechanisms = mechanisms;
    for m in documents {
        for meeting in &mut x.meetings {
            meeting.mechanisms.retain(|id| *id != m.id);
        }
        // Read by the documents too: one initiative, with the acronym as an alias.
        if let Some(known) = initiatives
            .iter_mut()
            .find(|i| i.id == m.id || i.name.eq_ignore_ascii_case(&m.name))
        {
            if let Some(alias) = m.acronym.filter(|a| !known.aliases.contains(a)) {
                known.aliases.push(alias);
            }
            for c in m.cites {
                push_cite(&mut known.cites, c);
            }
            continue;
        }
        initiatives.push(Initiative {
            id: m.id,
            name: m.name,
            aliases: m.acronym.into_iter().collect(),
            expected_outcome: None,
            timeline: None,
            area: None,
            summary: m.description,
            origin: Origin::Extracted,
            cites: m.cites,
            period: None,
        });
    }
    // A group named in general ("the ADMM-Plus Experts' Working Group") where one of its
    // groups is named by topic ("… Working Group on Military Medicine") is that group.
    let longer: Vec<String> = x
        .mechanisms
        .iter()
        .map(|m| m.name.clone())
        .chain(x.meetings.iter().filter_map(|m| m.series.clone()))
        .collect();
    x.mechanisms.retain(|m| {
        m.category.as_deref() == Some(MEETING_SERIES)
            || !longer
                .iter()
                .any(|n| n.starts_with(&format!("{}{TOPIC_OF_GROUP}", m.name)))
    });
    // A name that is both a body's and an initiative's, with no acronym to tell them apart, is
    // the initiative ("establish the ASEAN Cyber Defence Network by 2027").
    x.mechanisms
        .retain(|m| m.acronym.is_some() || !initiatives.iter().any(|i| i.id == m.id));
    // A planned exercise ("conduct a joint drill in 2027") is a meeting still to come.
    let (planned, initiatives): (Vec<Initiative>, Vec<Initiative>) =
        initiatives.into_iter().partition(|i| {
            // "Working paper “ASEAN Military Exercise”" is a paper.
            exercises::named_as_one_exercise(&i.name) && !opens_with_document_head(&i.name)
        });
    for i in planned {
        exercises::planned_exercise(&mut x.meetings, i);
    }
    let mut facts: Vec<Fact> = Vec::new();
    facts.extend(x.meetings.into_iter().map(|m| Fact::Meeting(Box::new(m))));
    facts.extend(x.mechanisms.into_iter().map(Fact::Mechanism));
    facts.extend(initiatives.into_iter().map(Fact::Initiative));
    facts.extend(areas.into_iter().map(Fact::Area));
    // A name that opens with a connector ("Of a joint exercise …") is a piece of a sentence.
    // One that ends in one ("… universally recognised, especially") is too; a name that is only
    // a head noun ("Terms of reference", "Working Group") names nothing in particular.
    facts.retain(|f| {
        let words: Vec<&str> = f.name().split_whitespace().collect();
        let first = words.first().copied().unwrap_or("");
        let last = words.last().copied().unwrap_or("");
        let last_two = words
            .len()
            .checked_sub(2)
            .map(|k| (words[k].to_ascii_lowercase(), words[k + 1]));
        let cut = last_two.is_some_and(|(a, b)| FRAGMENT_END_PAIRS.contains(&(a.as_str(), b)));
        !FRAGMENT_STARTS.contains(&first.to_ascii_lowercase().as_str())
            && !FRAGMENT_ENDS.contains(&last)
            && !cut
            && !head_alone(f)
    });
    // One fact per id: a later one with the same id is the same thing named again.
    let mut seen = std::collections::HashSet::new();
    facts.retain(|f| seen.insert(f.id().to_string()));
    // A meeting lists only mechanisms kept: one whose id a meeting took is gone.
    let mechanisms: std::collections::HashSet<String> = facts
        .iter()
        .filter(|f| matches!(f, Fact::Mechanism(_)))
        .map(|f| f.id().to_string())
        .collect();
    for f in &mut facts {
        if let Fact::Meeting(m) = f {
            m.mechanisms.retain(|id| mechanisms.contains(id));
        }
    }
    for f in &mut facts {
        f.set_origin(Origin::Extracted);
    }
    facts
}

/// A document named in prose as an initiative citing its paragraph; its timeline is a span of
/// years in its name ("Road Map 2024-2032"). One already known by its id gets the citation.
/// Words after a document that say what follows is when it is due: "guidelines …, to be
/// completed by Q3 2027", "the paper will be finalised in the third quarter of 2027".
const DUE_CUES: &[&str] = &["to be ", "will be ", "expected to ", " by "];

/// The first date in the rest of a document's sentence (`after`) that a [`DUE_CUES`] word
/// before it makes the document's timeline.
fn planned_by(after: &str) -> Option<String> {
    let lower = after.to_ascii_lowercase();
    find_dates(after, None, true)
        .into_iter()
        .find(|f| DUE_CUES.iter().any(|c| lower[..f.range.start].contains(c)))
        .map(|f| f.text)
}

/// Whether a name opens with a document's head ("Standard Operating Procedure for …",
/// "Declaration of …").
pub(super) fn opens_with_document_head(name: &str) -> bool {
    document_head_ends(name, false)
}

/// Whether a name ends in a document's head noun ("Hue Joint Declaration").
pub(super) fn ends_with_document_head(name: &str) -> bool {
    document_head_ends(name, true)
}

/// Whether a document's head opens `name` or, `last`, ends it.
fn document_head_ends(name: &str, last: bool) -> bool {
    let lower = name.to_ascii_lowercase();
    documents::DOCUMENT_HEADS
        .iter()
        .chain(OPENING_DOCUMENT_HEADS)
        .any(|h| match last {
            true => lower.ends_with(&format!(" {h}")),
            false => lower.starts_with(&format!("{h} ")),
        })
}

/// Heads beside [`documents::DOCUMENT_HEADS`] that make a name opening with them a document's.
const OPENING_DOCUMENT_HEADS: &[&str] = &[
    "declaration",
    "protocol",
    "code of conduct",
    "working paper",
];

/// Words that may lead the years ending a document's name ("… for 2026-2028").
const YEARS_LEADS: &[&str] = &["for", "from", "to", "in", "of"];

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
        .map(|f| f.text)
        .or_else(|| planned_by(&text[d.range.end..d.sentence.end.max(d.range.end)]));
    // "the ADMM Work Plan 2024-2026", read by its timeline as "ADMM Work Plan" before: one
    // initiative, named in full.
    let years_after = |short: &str| {
        id.strip_prefix(short)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|rest| {
                rest.split('-').all(|w| {
                    YEARS_LEADS.contains(&w)
                        || !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
                })
            })
    };
    if let Some(known) = initiatives.iter_mut().find(|i| years_after(&i.id)) {
        known.id = id;
        known.name = text::capitalise_first(&d.name);
        known.timeline = known.timeline.take().or(timeline);
        known.summary = known
            .summary
            .take()
            .or_else(|| Some(clip(&text[d.sentence.clone()], 300)));
        push_cite(&mut known.cites, cite.to_string());
        return;
    }
    let summary = Some(clip(&text[d.sentence.clone()], 300));
    initiatives.push(Initiative {
        timeline,
        ..extracted_initiative(id, text::capitalise_first(&d.name), summary, cite)
    });
}

/// An initiative read from a statement's text, citing `cite`.
fn extracted_initiative(
    id: String,
    name: String,
    summary: Option<String>,
    cite: &str,
) -> Initiative {
    Initiative {
        id,
        name,
        aliases: Vec::new(),
        expected_outcome: None,
        timeline: None,
        area: None,
        summary,
        origin: Origin::Extracted,
        cites: vec![cite.to_string()],
        period: None,
    }
}

/// The opening paragraphs of a statement read for a document's name when its title is not one.
const TITLE_LINES: usize = 3;

/// A statement that is itself a document ([`outcomes::titled_document`]): an initiative named by
/// its title, an outcome of the meeting the title names, unless the text names it already.
fn titled_document_initiative(
    x: &mut Extractor,
    initiatives: &mut Vec<Initiative>,
    statement: &Statement,
) {
    // The title, else a line of the page's head ("Web Content Viewer", "Actions", then the
    // document's name).
    let lines = statement
        .paragraphs
        .iter()
        .take(TITLE_LINES)
        .filter(|p| !p.text.contains('\n'));
    let Some((name, p)) = std::iter::once((statement.title.as_str(), statement.paragraphs.first()))
        .chain(lines.map(|p| (p.text.as_str(), Some(p))))
        .find_map(|(line, p)| Some((outcomes::titled_document(line)?, p?)))
    else {
        return;
    };
    if initiatives
        .iter()
        .any(|i| outcomes::same_document(&i.name, name))
    {
        return;
    }
    let cite = cite(statement, p);
    let id = fact_id(name);
    if id.is_empty() || initiatives.iter().any(|i| i.id == id) {
        return;
    }
    initiatives.push(extracted_initiative(id, name.to_string(), None, &cite));
    if let Some(i) = x.outcome_meeting(name) {
        x.add_outcome(i, name.to_string(), &cite);
    }
}

/// A meeting's own outcome document named without a name ("…, said a joint declaration"), as
/// an initiative titled after the meeting its sentence names or the statement reports: "Joint
/// Declaration of the 16th ASEAN Defence Ministers' Meeting (ADMM-16)". None of a kind the
/// statement names a document of ("the Vientiane Joint Declaration"): the mention is that one.
fn unnamed_outcome_initiatives(
    x: &mut Extractor,
    initiatives: &mut Vec<Initiative>,
    found: Vec<(outcomes::UnnamedOutcome, (String, String))>,
) {
    let named_kinds: Vec<String> = initiatives.iter().map(|i| i.name.to_lowercase()).collect();
    for (o, (sentence, cite)) in outcomes::standing(found) {
        let kind = o.title.to_lowercase();
        if named_kinds.iter().any(|n| n.contains(&kind)) {
            continue;
        }
        let Some(i) = x.outcome_meeting_near(&sentence, o.range.start - o.sentence.start) else {
            continue;
        };
        let m = &x.meetings[i];
        // "… agreed, in a joint declaration, to a plan for the 9th ADMM in 2015": a meeting still
        // to come issued nothing.
        let later = m
            .when
            .as_ref()
            .zip(x.clock.year)
            .is_some_and(|(w, year)| w.start.year() > year);
        if later {
            continue;
        }
        // "9th ADMM" in full: "9th ASEAN Defence Ministers' Meeting".
        let series = m.acronym.as_deref().and_then(|a| {
            let full = known::named(a, x.bodies).map(|b| b.name.clone());
            Some((a, full.or_else(|| m.series.clone())?))
        });
        let meeting = match series {
            Some((a, full)) if contains_word(&m.name, a) => m.name.replacen(a, &full, 1),
            _ => m.name.clone(),
        };
        let name = match (&m.acronym, m.number) {
            (Some(a), Some(n)) => format!("{} of the {meeting} ({a}-{n})", o.title),
            (Some(a), None) if !meeting.contains(a.as_str()) => {
                format!("{} of the {meeting} ({a})", o.title)
            }
            _ => format!("{} of the {meeting}", o.title),
        };
        let id = fact_id(&name);
        match initiatives.iter_mut().find(|i| i.id == id) {
            Some(known) => push_cite(&mut known.cites, cite.clone()),
            // No summary: its sentence is the meeting's report, cited; as a summary it would
            // make the document answer for the meeting.
            None => initiatives.push(extracted_initiative(id, name.clone(), None, &cite)),
        }
        // Among the meeting's own outcomes, its title alone: the meeting's name is the card's.
        x.add_outcome(i, o.title.to_string(), &cite);
    }
}

/// The words between a group's name and its topic: "… Working Group on Military Medicine".
const TOPIC_OF_GROUP: &str = " on ";

/// Verbs saying an instrument was put to use: "the navies applied the code throughout".
const INSTRUMENT_USE_VERBS: &[&str] = &[
    "used",
    "applied",
    "practised",
    "practiced",
    "implemented",
    "observed",
];

/// Known instruments (a convention, a code: `kind = "instrument"` in `corpus/bodies.toml`) named
/// in a sentence with an adoption verb ("the code the navies agreed last year"): initiatives
/// by their full names. Returns where every known instrument stands in `text`, adopted or not.
fn instrument_initiatives(
    initiatives: &mut Vec<Initiative>,
    text: &str,
    bodies: &[Body],
    cite: &str,
) -> Vec<std::ops::Range<usize>> {
    let mut at = Vec::new();
    for m in known::mentions(text, bodies) {
        if m.body.kind != BodyKind::Instrument {
            continue;
        }
        at.push(m.range.clone());
        let sentence = sentence_around(text, m.range.start);
        let adopted = sentence
            .to_ascii_lowercase()
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| documents::ADOPTION_VERBS.contains(&w) || INSTRUMENT_USE_VERBS.contains(&w));
        if !adopted {
            continue;
        }
        let id = fact_id(&m.body.name);
        if let Some(known) = initiatives.iter_mut().find(|i| i.id == id) {
            push_cite(&mut known.cites, cite.to_string());
            continue;
        }
        let summary = Some(clip(sentence, 300));
        initiatives.push(Initiative {
            aliases: m.body.acronym.iter().cloned().collect(),
            ..extracted_initiative(id, m.body.name.clone(), summary, cite)
        });
    }
    at
}

pub(crate) fn cite(statement: &Statement, p: &Paragraph) -> String {
    format!("{}#{}", statement.id, p.number)
}

fn push_cite(cites: &mut Vec<String>, cite: String) {
    if !cites.contains(&cite) {
        cites.push(cite);
    }
}

/// An id from a name: lowercase words joined by '-', a plus sign read as "plus" ("ADMM+" is
/// `admm-plus`, never the ADMM's `admm`).
pub fn fact_id(name: &str) -> String {
    crate::ingest::slug(&name.replace('+', " plus "))
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
