//! The milestones as an iCalendar (RFC 5545) feed: one all-day event per milestone, as long as
//! its precision (the end of "2024 – 2026" spans all of 2026), with a stable UID and a fixed
//! DTSTAMP so the same index always gives the same bytes.

use crate::digest::milestones::{self, Milestone};
use crate::index::AgendaIndex;
use crate::query::citations_for;
use icalendar::{Calendar, Component, Event, Property};
use jiff::civil::Date;
use jiff::Timestamp;

/// `20261231`
fn ical_date(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

/// `20261122T083000Z`
fn ical_utc(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn date_property(key: &str, d: Date) -> Property {
    Property::new(key, ical_date(d))
        .add_parameter("VALUE", "DATE")
        .done()
}

/// Every milestone of the index's facts, each with the fact's first cited paragraph, sorted by
/// start day, then title.
pub fn all_milestones(index: &AgendaIndex) -> Vec<Milestone> {
    let mut out = Vec::new();
    for fact in &index.facts {
        let mut ms = milestones::milestones_of(fact);
        if ms.is_empty() {
            continue;
        }
        let citation = citations_for(index, fact).into_iter().next();
        for m in &mut ms {
            m.citation = citation.clone();
        }
        out.extend(ms);
    }
    out.sort_by(|a, b| {
        (a.range.start, a.range.end, &a.title, a.what).cmp(&(
            b.range.start,
            b.range.end,
            &b.title,
            b.what,
        ))
    });
    out
}

/// The event text: when, as written, and where it comes from.
pub fn description(m: &Milestone) -> String {
    let mut d = format!(
        "{}: {}\nAs written: {}\n",
        m.what.label(),
        m.when(),
        m.as_written
    );
    if let Some(c) = &m.citation {
        d.push_str(&format!(
            "\nSource: {} — {}, {}, ¶{}\n",
            c.statement_title,
            c.source,
            c.date.as_deref().unwrap_or("date unknown"),
            c.paragraph
        ));
        // Table rows read "a · b · c"; cut ends show an ellipsis.
        let snippet = super::marked_snippet(&c.snippet, "", "", &|s| s.to_string());
        d.push_str(&format!("“{}”\n", snippet.trim()));
        if let Some(url) = &c.url {
            d.push_str(url);
            d.push('\n');
        }
    }
    d.trim_end().to_string()
}

/// One all-day event: DTSTART the first day, DTEND the day after the last (exclusive).
pub fn event(m: &Milestone, dtstamp: Timestamp) -> Event {
    let mut e = Event::new();
    e.uid(&m.uid())
        .add_property("DTSTAMP", ical_utc(dtstamp))
        .append_property(date_property("DTSTART", m.range.start))
        .append_property(date_property(
            "DTEND",
            m.range.end.tomorrow().unwrap_or(m.range.end),
        ))
        .summary(&m.summary())
        .description(&description(m))
        .add_property("TRANSP", "TRANSPARENT")
        .add_property("CATEGORIES", m.what.label().to_uppercase());
    if let Some(url) = m.citation.as_ref().and_then(|c| c.url.as_deref()) {
        e.url(url);
    }
    e.done()
}

/// A calendar of `milestones`, every event stamped `dtstamp`.
pub fn calendar(milestones: &[Milestone], dtstamp: Timestamp) -> Calendar {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//agenda-bot//milestones//EN"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name("ASEAN defence-cooperation milestones")
        .description("Initiative starts, ends and deadlines, and meetings, cited from the statements (agenda-bot).");
    for m in milestones {
        cal.push(event(m, dtstamp));
    }
    cal.done()
}

/// The DTSTAMP of a feed built from `index`: when the index was built (so the feed only changes
/// when the corpus does).
pub fn index_stamp(index: &AgendaIndex) -> Timestamp {
    index.manifest.built_at
}

/// The whole feed of the index as iCalendar text (CRLF line ends, folded lines).
pub fn feed(index: &AgendaIndex, dtstamp: Timestamp) -> String {
    calendar(&all_milestones(index), dtstamp).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::shipped_index;
    use std::collections::BTreeMap;
    use std::str::FromStr;

    fn stamp() -> Timestamp {
        "2026-11-22T08:30:00Z".parse().unwrap()
    }

    /// UID → (property → value) of every VEVENT in the parsed text.
    fn parsed_events(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
        let cal = Calendar::from_str(text).expect("the feed parses back");
        cal.components
            .iter()
            .filter_map(|c| c.as_event())
            .map(|e| {
                let props = e
                    .properties()
                    .iter()
                    .map(|(k, p)| {
                        let params: String = p
                            .params()
                            .iter()
                            .map(|(k, v)| format!(";{k}={}", v.value()))
                            .collect();
                        (format!("{k}{params}"), p.value().to_string())
                    })
                    .collect();
                (e.get_uid().unwrap().to_string(), props)
            })
            .collect()
    }

    #[test]
    fn feed_parses_back_with_sized_all_day_events() {
        let index = shipped_index();
        let text = feed(&index, stamp());
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
        assert!(text.contains("VERSION:2.0\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "unfolded line: {line:?}");
        }
        let events = parsed_events(&text);
        // 2 initiatives × (start, end) + 1 of one quarter (start) + 2 dated meetings.
        assert_eq!(events.len(), 7, "{:?}", events.keys().collect::<Vec<_>>());

        let lao = &events["lao-pdr-defence-capacity-building-ends@agenda-bot"];
        assert_eq!(lao["SUMMARY"], "Ends: Lao PDR Defence Capacity Building");
        assert_eq!(lao["DTSTART;VALUE=DATE"], "20260101");
        assert_eq!(lao["DTEND;VALUE=DATE"], "20270101");
        assert_eq!(lao["DTSTAMP"], "20261122T083000Z");
        let desc = &lao["DESCRIPTION"];
        assert!(
            desc.starts_with("Ends: by 31 December 2026 (2024 – 2026)\nAs written: 2024 – 2026\n"),
            "{desc}"
        );
        assert!(desc.contains("¶9"), "{desc}");
        assert!(
            desc.contains(
                "Lao PDR Defence Capacity Building · Improved Operational Capability · 2024 – 2026"
            ),
            "{desc}"
        );

        let lao_start = &events["lao-pdr-defence-capacity-building-starts@agenda-bot"];
        assert_eq!(lao_start["DTSTART;VALUE=DATE"], "20240101");
        assert_eq!(lao_start["DTEND;VALUE=DATE"], "20250101");

        let cyber = &events["regional-cybersecurity-task-force-starts@agenda-bot"];
        assert_eq!(cyber["DTSTART;VALUE=DATE"], "20240701");
        assert_eq!(cyber["DTEND;VALUE=DATE"], "20241001");

        let amim = &events["amim-21-meeting@agenda-bot"];
        assert_eq!(
            amim["SUMMARY"],
            "Meeting: 21st ASEAN Military Intelligence Meeting (AMIM-21)"
        );
        assert_eq!(amim["DTSTART;VALUE=DATE"], "20240903");
        assert_eq!(amim["DTEND;VALUE=DATE"], "20240904");
    }

    #[test]
    fn feed_is_deterministic_and_stamped_as_asked() {
        let index = shipped_index();
        let a = feed(&index, stamp());
        let b = feed(&index, stamp());
        assert_eq!(a, b);
        let other = feed(&index, Timestamp::UNIX_EPOCH);
        assert!(other.contains("DTSTAMP:19700101T000000Z"));
        assert_ne!(a, other);
        assert_eq!(index_stamp(&index), index.manifest.built_at);
    }

    #[test]
    fn special_characters_survive_the_round_trip() {
        let index = shipped_index();
        let mut ms = all_milestones(&index);
        ms.truncate(1);
        ms[0].title = "Semi; colons, commas\\ and\nnewlines".into();
        let text = calendar(&ms, stamp()).to_string();
        let events = parsed_events(&text);
        let e = events.values().next().unwrap();
        assert_eq!(
            e["SUMMARY"],
            format!(
                "{}: Semi; colons, commas\\ and\nnewlines",
                ms[0].what.label()
            )
        );
    }
}
