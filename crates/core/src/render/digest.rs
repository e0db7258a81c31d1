//! Digest rendering: terminal text, JSON (`results` array), and a Discord reply with
//! `<t:UNIX:D>` / `<t:UNIX:R>` timestamps, every milestone with its citation.

use super::embed::{chars, escape, fit, limits, EmbedSpec, FieldSpec, Reply};
use super::marked_snippet;
use crate::dates::Precision;
use crate::digest::{Digest, Group, Milestone, When};
use crate::query::Citation;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde_json::{json, Value};
use std::io::{self, Write};

/// "Nothing upcoming in the next 30 days."
pub fn nothing_upcoming(days: u32) -> String {
    format!(
        "Nothing upcoming in the next {days} day{}.",
        if days == 1 { "" } else { "s" }
    )
}

pub use crate::dates::span;

fn heading(d: &Digest) -> String {
    format!(
        "Upcoming in the next {} day{} ({})",
        d.days,
        if d.days == 1 { "" } else { "s" },
        span(d.today, d.through)
    )
}

fn precision_word(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Quarter => "quarter",
        Precision::Half => "half-year",
        Precision::Year => "year",
        Precision::Years => "years",
    }
}

// --- text ---

pub fn write_text(out: &mut dyn Write, d: &Digest) -> io::Result<()> {
    if d.is_empty() {
        writeln!(out, "{}", nothing_upcoming(d.days))?;
        return Ok(());
    }
    writeln!(out, "{}", heading(d))?;
    for g in &d.groups {
        writeln!(out)?;
        writeln!(out, "{} ({})", g.when.label(), span(g.from, g.to))?;
        for s in &g.sections {
            writeln!(out, "  {}", s.heading.label())?;
            for m in &s.milestones {
                writeln!(
                    out,
                    "  • {}  [{} {}]",
                    m.title,
                    m.fact_kind.as_str(),
                    m.fact_id
                )?;
                writeln!(
                    out,
                    "    {}: {}  (precision: {}; as written: “{}”)",
                    m.what.label(),
                    m.when(),
                    precision_word(m.range.precision),
                    m.as_written
                )?;
                if let Some(c) = &m.citation {
                    write_citation(out, c)?;
                }
            }
        }
    }
    Ok(())
}

fn write_citation(out: &mut dyn Write, c: &Citation) -> io::Result<()> {
    writeln!(
        out,
        "    ▸ {} — {}, {}, ¶{}",
        c.statement_title,
        c.source,
        c.date.as_deref().unwrap_or("date unknown"),
        c.paragraph
    )?;
    let text = marked_snippet(&c.snippet, "", "", &|s| s.to_string());
    for line in text.lines() {
        writeln!(out, "        {line}")?;
    }
    if let Some(url) = &c.url {
        writeln!(out, "        {url}")?;
    }
    Ok(())
}

pub fn text(d: &Digest) -> String {
    let mut buf = Vec::new();
    write_text(&mut buf, d).expect("writing to a Vec cannot fail");
    String::from_utf8_lossy(&buf).into_owned()
}

// --- JSON ---

/// `{"today", "days", "through", "results": [...]}`; each result has `group`, `kind`, `id`,
/// `title`, `what`, `date`, `start`, `end`, `precision`, `as_written`, `when`, `period` and
/// `citation` (or `null`).
pub fn json(d: &Digest) -> Value {
    json!({
        "today": d.today.to_string(),
        "days": d.days,
        "through": d.through.to_string(),
        "results": d.milestones().map(|(when, m)| milestone_json(when, m)).collect::<Vec<_>>(),
    })
}

pub fn milestone_json(when: When, m: &Milestone) -> Value {
    json!({
        "group": when.as_str(),
        "kind": m.fact_kind.as_str(),
        "id": m.fact_id,
        "title": m.title,
        "what": m.what.as_str(),
        "date": m.date().to_string(),
        "start": m.range.start.to_string(),
        "end": m.range.end.to_string(),
        "precision": m.range.precision,
        "as_written": m.as_written,
        "when": m.when(),
        "period": {
            "start": m.period.start.to_string(),
            "end": m.period.end.to_string(),
            "precision": m.period.precision,
            "deadline": m.period.deadline,
        },
        "uid": m.uid(),
        "citation": m.citation.as_ref().map(super::json::citation),
    })
}

// --- Discord ---

const COLOR_THIS_WEEK: u32 = 0xE67E22;
const COLOR_LATER: u32 = 0x3498DB;
/// Room kept per milestone for the citation's snippet.
const SNIPPET_CHARS: usize = 300;

/// The Unix time of `date` at 00:00 in `tz` (the first instant of the day if midnight is skipped).
pub fn unix_midnight(date: Date, tz: &TimeZone) -> Option<i64> {
    date.to_zoned(tz.clone())
        .ok()
        .map(|z| z.timestamp().as_second())
}

/// The digest as a Discord reply: one embed per group ("This week", "Later"), one field per
/// milestone, within every Discord limit; milestones that do not fit are counted in the content.
/// With nothing upcoming, a short "Nothing upcoming in the next N days." text.
pub fn reply(d: &Digest, tz: &TimeZone) -> Reply {
    if d.is_empty() {
        return Reply::text(&nothing_upcoming(d.days));
    }
    let head = format!("**{}**", escape(&heading(d)));
    let mut reply = Reply {
        content: Some(head.clone()),
        embeds: Vec::new(),
    };
    let mut left_out = 0usize;
    for g in &d.groups {
        if reply.embeds.len() >= limits::EMBEDS {
            left_out += g.sections.iter().map(|s| s.milestones.len()).sum::<usize>();
            continue;
        }
        let mut e = group_embed(g);
        for s in &g.sections {
            for m in &s.milestones {
                let used = reply.total_embed_size() + e.size();
                let room = limits::EMBED_TOTAL.saturating_sub(used);
                let fitted = [true, false]
                    .into_iter()
                    .map(|with_snippet| milestone_field(m, tz, with_snippet))
                    .find(|f| chars(&f.name) + chars(&f.value) <= room);
                match fitted {
                    Some(f) if e.fields.len() < limits::FIELDS => e.fields.push(f),
                    _ => left_out += 1,
                }
            }
        }
        if !e.fields.is_empty() {
            reply.embeds.push(e);
        }
    }
    if left_out > 0 {
        reply.content = Some(fit(
            &format!(
                "{head}\n{left_out} more milestone{} did not fit; ask with fewer days.",
                if left_out == 1 { "" } else { "s" }
            ),
            limits::CONTENT,
        ));
    }
    reply
}

/// A digest reply with the line that offers its calendar to subscribe to (`url`, when the bot
/// serves one at a public address), within Discord's content limit.
pub fn with_calendar(mut reply: Reply, url: Option<&str>) -> Reply {
    if let Some(url) = url {
        let line = format!("Subscribe to the calendar: <{url}>");
        let content = match reply.content.take() {
            Some(c) if !c.is_empty() => format!("{c}\n{line}"),
            _ => line,
        };
        reply.content = Some(fit(&content, limits::CONTENT));
    }
    reply
}

fn group_embed(g: &Group) -> EmbedSpec {
    EmbedSpec {
        title: fit(
            &format!("{} · {}", g.when.label(), span(g.from, g.to)),
            limits::TITLE,
        ),
        color: match g.when {
            When::ThisWeek => COLOR_THIS_WEEK,
            When::Later => COLOR_LATER,
        },
        footer: Some("Dates as the statements give them; vague ones show their precision.".into()),
        ..EmbedSpec::default()
    }
}

/// "Ends: Title" over "<t:…:D> (<t:…:R>) · by 31 December 2026 (2024 – 2026)", the snippet,
/// and "— source, date · [¶9](url)".
pub fn milestone_field(m: &Milestone, tz: &TimeZone, with_snippet: bool) -> FieldSpec {
    let name = fit(
        &format!("{}: {}", m.what.label(), escape(&m.title)),
        limits::FIELD_NAME,
    );
    let mut head = match unix_midnight(m.date(), tz) {
        Some(t) => format!("<t:{t}:D> (<t:{t}:R>) · "),
        None => String::new(),
    };
    head.push_str(&escape(&m.when()));
    let mut value = head;
    if let Some(c) = &m.citation {
        let mut tail = format!(
            "— {}, {}",
            escape(&c.source),
            escape(c.date.as_deref().unwrap_or("date unknown"))
        );
        let label = format!("¶{} {}", c.paragraph, escape(&c.statement_title));
        match c
            .url
            .as_deref()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        {
            Some(url) => tail.push_str(&format!(" · [{}]({url})", fit(&label, 120))),
            None => tail.push_str(&format!(" · {}", fit(&label, 120))),
        }
        if with_snippet {
            let budget = limits::FIELD_VALUE
                .saturating_sub(chars(&value) + chars(&tail) + 4)
                .min(SNIPPET_CHARS);
            let snippet = marked_snippet(&c.snippet, "", "", &escape).replace('\n', " ");
            if budget > 20 && !snippet.trim().is_empty() {
                value.push_str(&format!("\n> {}", fit(snippet.trim(), budget)));
            }
        }
        value.push('\n');
        value.push_str(&tail);
    }
    FieldSpec {
        name,
        value: fit(&value, limits::FIELD_VALUE),
        inline: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The calendar line: none without an address; after the heading, within the content limit.
    #[test]
    fn the_calendar_is_offered_after_the_heading() {
        let url = "https://bot.example.org/calendar.ics";
        // (content before, content after)
        let rows: &[(Option<&str>, Option<&str>)] = &[
            (Some("**Upcoming**"), Some("**Upcoming**\nSubscribe to the calendar: <https://bot.example.org/calendar.ics>")),
            (None, Some("Subscribe to the calendar: <https://bot.example.org/calendar.ics>")),
        ];
        for (before, after) in rows {
            let reply = Reply {
                content: before.map(str::to_string),
                embeds: Vec::new(),
            };
            assert_eq!(with_calendar(reply.clone(), None), reply);
            assert_eq!(with_calendar(reply, Some(url)).content.as_deref(), *after);
        }
        let long = Reply::text(&"x".repeat(limits::CONTENT));
        assert!(with_calendar(long, Some(url)).within_limits());
    }
    use crate::digest::{upcoming, What};
    use crate::testing::shipped_index;
    use jiff::civil::date as d;

    fn vientiane() -> TimeZone {
        TimeZone::get("Asia/Vientiane").unwrap()
    }

    #[test]
    fn text_shows_the_lao_end_with_precision_and_citation() {
        let digest = upcoming(&shipped_index(), d(2026, 11, 22), 60);
        let t = text(&digest);
        assert!(
            t.starts_with("Upcoming in the next 60 days (22 November 2026 – 21 January 2027)"),
            "{t}"
        );
        assert!(
            t.contains("Later (23 November 2026 – 21 January 2027)"),
            "{t}"
        );
        assert!(t.contains("• Lao PDR Defence Capacity Building"), "{t}");
        assert!(
            t.contains("Ends: by 31 December 2026 (2024 – 2026)  (precision: year"),
            "{t}"
        );
        assert!(t.contains("¶9"), "{t}");
    }

    #[test]
    fn json_has_results_with_dates_precision_and_citation() {
        let digest = upcoming(&shipped_index(), d(2026, 11, 22), 60);
        let v = json(&digest);
        assert_eq!(v["days"], 60);
        assert_eq!(v["through"], "2027-01-21");
        let results = v["results"].as_array().unwrap();
        assert_eq!(results.len(), 1);
        let r = &results[0];
        assert_eq!(r["kind"], "initiative");
        assert_eq!(r["id"], "lao-pdr-defence-capacity-building");
        assert_eq!(r["title"], "Lao PDR Defence Capacity Building");
        assert_eq!(r["what"], "ends");
        assert_eq!(r["group"], "later");
        assert_eq!(r["date"], "2026-12-31");
        assert_eq!(r["start"], "2026-01-01");
        assert_eq!(r["end"], "2026-12-31");
        assert_eq!(r["precision"], "year");
        assert_eq!(r["as_written"], "2024 – 2026");
        assert_eq!(r["when"], "by 31 December 2026 (2024 – 2026)");
        assert_eq!(r["period"]["start"], "2024-01-01");
        assert_eq!(
            r["citation"]["statement_id"],
            "asean-sg-lao-defence-minister"
        );
        assert_eq!(r["citation"]["paragraph"], 9);
        assert!(r["citation"]["snippet"]
            .as_str()
            .is_some_and(|s| !s.is_empty()));
    }

    #[test]
    fn reply_uses_discord_timestamps_of_local_midnight() {
        let digest = upcoming(&shipped_index(), d(2026, 11, 22), 60);
        let r = reply(&digest, &vientiane());
        assert!(r.within_limits());
        assert_eq!(r.embeds.len(), 1);
        let f = &r.embeds[0].fields[0];
        assert_eq!(f.name, "Ends: Lao PDR Defence Capacity Building");
        // 31 December 2026 00:00 in Vientiane (UTC+7) = 2026-12-30T17:00:00Z.
        let t = "2026-12-30T17:00:00Z"
            .parse::<jiff::Timestamp>()
            .unwrap()
            .as_second();
        assert!(
            f.value.starts_with(&format!(
                "<t:{t}:D> (<t:{t}:R>) · by 31 December 2026 (2024 – 2026)"
            )),
            "{}",
            f.value
        );
        assert!(f.value.contains("¶9"), "{}", f.value);
        assert!(f.value.contains("\n> "), "{}", f.value);
        // The same day in another zone is another instant.
        let ny = reply(&digest, &TimeZone::get("America/New_York").unwrap());
        assert!(!ny.embeds[0].fields[0].value.contains(&format!("<t:{t}:D>")));
    }

    #[test]
    fn starts_and_meetings_are_stamped_at_their_first_day() {
        let digest = upcoming(&shipped_index(), d(2024, 6, 25), 120);
        let tz = vientiane();
        let r = reply(&digest, &tz);
        assert!(r.within_limits());
        let fields: Vec<&FieldSpec> = r.embeds.iter().flat_map(|e| &e.fields).collect();
        assert_eq!(fields.len(), digest.len());
        let meeting = fields
            .iter()
            .find(|f| {
                f.name
                    .starts_with("Meeting: 21st ASEAN Military Intelligence Meeting")
            })
            .unwrap();
        let t = unix_midnight(d(2024, 9, 3), &tz).unwrap();
        assert!(
            meeting.value.starts_with(&format!("<t:{t}:D>")),
            "{}",
            meeting.value
        );
        let cyber_starts = digest
            .milestones()
            .find(|(_, m)| {
                m.what == What::Starts && m.fact_id == "regional-cybersecurity-task-force"
            })
            .unwrap()
            .1;
        let f = milestone_field(cyber_starts, &tz, true);
        let t = unix_midnight(d(2024, 7, 1), &tz).unwrap();
        assert!(f.value.starts_with(&format!("<t:{t}:D>")), "{}", f.value);
    }

    #[test]
    fn nothing_upcoming_is_a_short_text() {
        let digest = upcoming(&shipped_index(), d(2030, 1, 1), 14);
        let r = reply(&digest, &vientiane());
        assert_eq!(
            r.content.as_deref(),
            Some("Nothing upcoming in the next 14 days.")
        );
        assert!(r.embeds.is_empty());
        assert_eq!(text(&digest), "Nothing upcoming in the next 14 days.\n");
        assert_eq!(json(&digest)["results"], json!([]));
    }

    #[test]
    fn many_milestones_stay_within_discord_limits() {
        let index = shipped_index();
        let base = upcoming(&index, d(2024, 6, 25), 120);
        let mut digest = base.clone();
        // Blow the digest up to 80 milestones with long titles.
        let section = &mut digest.groups[0].sections[0];
        let one = section.milestones[0].clone();
        section.milestones = (0..80)
            .map(|i| {
                let mut m = one.clone();
                m.title = format!("{i} {}", "very long initiative title ".repeat(12));
                m
            })
            .collect();
        let r = reply(&digest, &vientiane());
        assert!(r.within_limits(), "{}", r.total_embed_size());
        let shown: usize = r.embeds.iter().map(|e| e.fields.len()).sum();
        let total = digest.len();
        assert!(shown > 0 && shown < total);
        let content = r.content.unwrap();
        assert!(
            content.contains(&format!("{} more milestones did not fit", total - shown)),
            "{content}"
        );
    }

    #[test]
    fn corpus_text_is_escaped_in_embeds() {
        let index = shipped_index();
        let mut digest = upcoming(&index, d(2026, 11, 22), 60);
        let m = &mut digest.groups[0].sections[0].milestones[0];
        m.title = "@everyone *bold* <@&123>".into();
        let r = reply(&digest, &vientiane());
        let f = &r.embeds[0].fields[0];
        assert!(
            !f.name.contains("@everyone") && !f.name.contains("*bold*"),
            "{}",
            f.name
        );
    }
}
