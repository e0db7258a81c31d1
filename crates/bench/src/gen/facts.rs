//! The generated facts as TOML files, written through `toml` from typed rows: meetings (500 to a
//! file), initiatives, mechanisms and areas, each citing the paragraphs that mention it.

use super::words::{AREAS, PARTIES, PLACES};
use super::{capitalise, toml_text, Generator};
use agenda_core::dates::{ordinal, MONTH_NAMES};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Meetings per fact file.
const PER_FILE: usize = 500;

#[derive(Serialize)]
struct Meetings {
    meeting: Vec<MeetingRow>,
}

#[derive(Serialize)]
struct MeetingRow {
    id: String,
    name: String,
    acronym: String,
    number: u32,
    series: String,
    aliases: Vec<String>,
    date: String,
    place: String,
    participants: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    observers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    theme: Option<String>,
    topics: Vec<String>,
    mechanisms: Vec<String>,
    related: Vec<String>,
    summary: String,
    cites: Vec<String>,
}

#[derive(Serialize)]
struct Initiatives {
    initiative: Vec<InitiativeRow>,
}

#[derive(Serialize)]
struct InitiativeRow {
    id: String,
    name: String,
    aliases: Vec<String>,
    expected_outcome: String,
    timeline: String,
    area: String,
    summary: String,
    cites: Vec<String>,
}

#[derive(Serialize)]
struct Mechanisms {
    mechanism: Vec<MechanismRow>,
}

#[derive(Serialize)]
struct MechanismRow {
    id: String,
    acronym: String,
    name: String,
    category: &'static str,
    description: String,
    cites: Vec<String>,
}

#[derive(Serialize)]
struct Areas {
    area: Vec<AreaRow>,
}

#[derive(Serialize)]
struct AreaRow {
    id: String,
    name: String,
    category: &'static str,
    priorities: Vec<Priority>,
    cites: Vec<String>,
}

#[derive(Serialize)]
struct Priority {
    party: &'static str,
    label: &'static str,
    text: &'static str,
}

/// A fact file: its comment line, then the rows.
fn file(kind: &str, rows: &impl Serialize) -> String {
    format!("# Synthetic {kind} (agenda-bench).\n\n{}", toml_text(rows))
}

pub(super) fn fact_files(g: &mut Generator) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut meetings: Vec<MeetingRow> = Vec::new();
    let n = g.meetings.defs.len();
    for i in 0..n {
        if i > 0 && i % PER_FILE == 0 {
            let rows = Meetings {
                meeting: std::mem::take(&mut meetings),
            };
            files.push((
                PathBuf::from(format!("facts/meetings-{:03}.toml", i / PER_FILE - 1)),
                file("meetings", &rows),
            ));
        }
        meetings.push(meeting_row(g, i));
    }
    files.push((
        PathBuf::from(format!(
            "facts/meetings-{:03}.toml",
            n.saturating_sub(1) / PER_FILE
        )),
        file("meetings", &Meetings { meeting: meetings }),
    ));

    let initiative = (0..g.initiatives.defs.len())
        .map(|i| initiative_row(g, i))
        .collect();
    files.push((
        PathBuf::from("facts/initiatives.toml"),
        file("initiatives", &Initiatives { initiative }),
    ));

    let mechanism = (0..g.mechanisms.defs.len())
        .map(|i| {
            let m = &g.mechanisms.defs[i];
            let (name, acronym) = (m.name.clone(), m.acronym.clone());
            MechanismRow {
                id: acronym.to_lowercase(),
                acronym,
                name,
                category: "specialised cooperation mechanism",
                description: capitalise(&g.phrase(8, 18)) + ".",
                cites: g.mechanisms.cites[i].clone(),
            }
        })
        .collect();
    files.push((
        PathBuf::from("facts/mechanisms.toml"),
        file("mechanisms", &Mechanisms { mechanism }),
    ));

    let area = (0..g.areas.defs.len()).map(|i| area_row(g, i)).collect();
    files.push((
        PathBuf::from("facts/areas.toml"),
        file("areas", &Areas { area }),
    ));
    files
}

/// Meeting `i`, drawing from the generator's random stream in a fixed order.
fn meeting_row(g: &mut Generator, i: usize) -> MeetingRow {
    let m = &g.meetings.defs[i];
    let series = &g.series[m.series];
    let handle = g.meeting_handle(i);
    let number = m.number;
    let (acr, series_name) = (series.acronym.clone(), series.name.clone());
    let aliases = vec![
        handle,
        format!("{acr} {number}"),
        format!("{} {acr}", ordinal(number)),
    ];
    let date = match g.rng.below(3) {
        0 => g.date(false),
        1 => g.date(true),
        _ => format!(
            "{}-{:02}-{:02}",
            g.rng.range(2019, 2025),
            g.rng.range(1, 12),
            g.rng.range(1, 28)
        ),
    };
    let place = format!("{}, {}", g.rng.pick(PLACES), g.rng.pick(PARTIES));
    let participants: Vec<String> = (0..g.rng.range(1, 3))
        .map(|_| format!("Delegates of {}", g.rng.pick(PARTIES)))
        .collect();
    let topics: Vec<String> = (0..g.rng.range(2, 4))
        .map(|_| capitalise(&g.phrase(3, 7)))
        .collect();
    let mechanisms: Vec<String> = (0..g.rng.below(3))
        .map(|_| {
            let k = g.mechanisms.zipf.sample(&mut g.rng);
            g.mechanisms.defs[k].acronym.to_lowercase()
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let related: Vec<String> = if number > 1 && g.rng.chance(0.5) {
        vec![format!("{}-{}", acr.to_lowercase(), number - 1)]
    } else {
        Vec::new()
    };
    let theme = g.rng.chance(0.5).then(|| capitalise(&g.phrase(3, 6)));
    let summary = capitalise(&g.phrase(10, 24)) + ".";
    let observers = match g.rng.chance(0.3) {
        true => vec!["Timor-Leste".to_string()],
        false => Vec::new(),
    };
    MeetingRow {
        id: g.meeting_id(i),
        name: g.meeting_name(i),
        acronym: acr,
        number,
        series: series_name,
        aliases,
        date,
        place,
        participants,
        observers,
        theme,
        topics,
        mechanisms,
        related,
        summary,
        cites: g.meetings.cites[i].clone(),
    }
}

/// Initiative `i`, with a timeline in one of the forms people write.
fn initiative_row(g: &mut Generator, i: usize) -> InitiativeRow {
    let name = g.initiatives.defs[i].name.clone();
    let y = g.rng.range(2022, 2027);
    let timeline = match g.rng.below(6) {
        0 => format!("Q{} {y}", g.rng.range(1, 4)),
        1 => format!("{y} – {}", y + g.rng.range(1, 3)),
        2 => format!("by end-{y}"),
        3 => format!("H{} {y}", g.rng.range(1, 2)),
        4 => format!("mid-{y}"),
        _ => format!("{} {y}", g.rng.pick(&MONTH_NAMES)),
    };
    let area = AREAS[g.rng.below(AREAS.len())].0.to_string();
    let outcome = capitalise(&g.phrase(2, 5));
    let summary = capitalise(&g.phrase(10, 22)) + ".";
    InitiativeRow {
        id: format!("init-{i:05}"),
        aliases: vec![name.to_lowercase()],
        name,
        expected_outcome: outcome,
        timeline,
        area,
        summary,
        cites: g.initiatives.cites[i].clone(),
    }
}

/// Area `i`: one of the known cooperation areas, with the ASEAN and Lao PDR priorities.
fn area_row(g: &Generator, i: usize) -> AreaRow {
    let (name, asean, lao) = AREAS[g.areas.defs[i]];
    let id = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    AreaRow {
        id,
        name: name.to_string(),
        category: "security cooperation area",
        priorities: vec![
            Priority {
                party: "ASEAN",
                label: "ASEAN priority",
                text: asean,
            },
            Priority {
                party: "Lao PDR",
                label: "Lao PDR focus",
                text: lao,
            },
        ],
        cites: g.areas.cites[i].clone(),
    }
}
