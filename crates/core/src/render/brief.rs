//! A pre-meeting brief ([`crate::brief::Brief`]) as terminal text and as a Discord reply.

use super::embed::{chars, citation_field, escape, fit, limits, EmbedSpec, Reply};
use super::text::{write_citation, Marks};
use crate::brief::{Brief, Cited};
use crate::digest::Milestone;
use std::io::{self, Write};

/// The embed's colour (the digest's family).
const COLOR: u32 = 0x1E8449;

fn planned(brief: &Brief) -> &'static str {
    match brief.planned {
        true => "planned",
        false => "held",
    }
}

/// The fields of a meeting a brief shows (its card's labels).
const BRIEF_FIELDS: &[&str] = &["Date", "Place", "Chair", "Theme"];

/// The fields of a meeting on one line: "Date: …; Place: …; Chair: …; Theme: …".
fn fields_line(fact: &crate::corpus::Fact) -> String {
    let fields: Vec<String> = fact
        .fields()
        .into_iter()
        .filter(|(label, _)| BRIEF_FIELDS.contains(&label.as_ref()))
        .map(|(label, value)| format!("{label}: {value}"))
        .collect();
    match fields.is_empty() {
        true => "nothing more is known yet".into(),
        false => fields.join("; "),
    }
}

fn milestone_line(m: &Milestone) -> String {
    format!("{} — {} ({})", m.title, m.what.label(), m.as_written)
}

/// The brief as text, each cited paragraph with the words of what it cites for marked `**…**`.
pub fn write_text(out: &mut dyn Write, brief: &Brief) -> io::Result<()> {
    let marks = Marks::Plain;
    let meeting = &brief.meeting;
    writeln!(
        out,
        "Brief: {} — {} [meeting {}]",
        meeting.fact.title(),
        planned(brief),
        meeting.fact.id()
    )?;
    writeln!(out, "  {}", fields_line(&meeting.fact))?;
    for c in meeting.citations.iter().take(1) {
        write_citation(out, c, marks)?;
    }
    write_section(out, "Previous instance", brief.previous.iter(), |out, p| {
        writeln!(out, "  {} [meeting {}]", p.fact.title(), p.fact.id())?;
        writeln!(out, "    {}", fields_line(&p.fact))?;
        p.citations
            .iter()
            .take(1)
            .try_for_each(|c| write_citation(out, c, marks))
    })?;
    write_section(out, "Reported with it", brief.agreed.iter(), |out, a| {
        writeln!(out, "  {} [initiative {}]", a.fact.title(), a.fact.id())?;
        a.citations
            .iter()
            .take(1)
            .try_for_each(|c| write_citation(out, c, marks))
    })?;
    write_section(out, "Due within a year", brief.due.iter(), |out, m| {
        writeln!(out, "  {}", milestone_line(m))?;
        m.citation
            .iter()
            .try_for_each(|c| write_citation(out, c, marks))
    })?;
    write_section(out, "Latest statements", brief.latest.iter(), |out, c| {
        write_citation(out, c, marks)
    })
}

fn write_section<'a, T: 'a>(
    out: &mut dyn Write,
    heading: &str,
    items: impl Iterator<Item = &'a T>,
    mut write: impl FnMut(&mut dyn Write, &T) -> io::Result<()>,
) -> io::Result<()> {
    let mut items = items.peekable();
    if items.peek().is_none() {
        return Ok(());
    }
    writeln!(out, "\n{heading}:")?;
    items.try_for_each(|item| write(out, item))
}

/// Adds a field (fitted to its limits) while the embed stays within Discord's total; the lines
/// come most important first, so what does not fit is the least of them.
fn push(e: &mut EmbedSpec, name: &str, value: &str) {
    let (name, value) = (
        fit(name, limits::FIELD_NAME),
        fit(value, limits::FIELD_VALUE),
    );
    if e.size() + chars(&name) + chars(&value) <= limits::EMBED_TOTAL {
        e.push_field(&name, &value, false);
    }
}

/// The brief as a Discord reply: one embed, the meeting in its description, a field per cited
/// line, within Discord's limits.
pub fn reply(brief: &Brief) -> Reply {
    let meeting = &brief.meeting;
    let mut e = EmbedSpec {
        title: fit(
            &format!("Brief: {} — {}", meeting.fact.title(), planned(brief)),
            limits::TITLE,
        ),
        description: fit(&escape(&fields_line(&meeting.fact)), limits::DESCRIPTION),
        color: COLOR,
        ..EmbedSpec::default()
    };
    let cite = |e: &mut EmbedSpec, label: &str, cited: Option<&crate::query::Citation>| {
        if let Some(c) = cited {
            let (name, value) = citation_field(c);
            push(e, &format!("{label} · {name}"), &value);
        }
    };
    cite(&mut e, "Source", meeting.citations.first());
    if let Some(Cited { fact, citations }) = &brief.previous {
        let line = format!("{}: {}", fact.title(), fields_line(fact));
        push(&mut e, "Previous instance", &escape(&line));
        cite(&mut e, "Previous", citations.first());
    }
    for a in &brief.agreed {
        cite(
            &mut e,
            &format!("Reported with it: {}", a.fact.title()),
            a.citations.first(),
        );
    }
    for m in &brief.due {
        match &m.citation {
            Some(c) => cite(&mut e, &format!("Due: {}", milestone_line(m)), Some(c)),
            None => push(&mut e, "Due", &escape(&milestone_line(m))),
        }
    }
    for c in &brief.latest {
        cite(&mut e, "Latest", Some(c));
    }
    Reply {
        content: None,
        embeds: vec![e],
    }
}

/// Several briefs in one message (the meetings of one day): one embed each, within Discord's
/// limits; later embeds lose their last fields (or are left out) to keep the total.
pub fn replies(briefs: &[Brief]) -> Reply {
    let mut embeds: Vec<EmbedSpec> = Vec::new();
    let mut total = 0;
    for brief in briefs.iter().take(limits::EMBEDS) {
        let Some(mut e) = reply(brief).embeds.into_iter().next() else {
            continue;
        };
        while total + e.size() > limits::EMBED_TOTAL && e.fields.pop().is_some() {}
        if total + e.size() <= limits::EMBED_TOTAL {
            total += e.size();
            embeds.push(e);
        }
    }
    Reply {
        content: None,
        embeds,
    }
}
