//! Digest planning: the milestones coming up in a window of days, grouped for a daily post,
//! `/upcoming` and the calendar feed; plus the schedule and the posted-state file.
//!
//! Everything here is pure or takes its clock and storage as parameters; the loop that posts a
//! digest once a day is the bot's (`agenda-bot`'s `digest_runner`), and rendering is in
//! [`crate::render::digest`] and [`crate::render::ics`].

mod days;
pub mod milestones;
pub mod schedule;
pub mod state;

use crate::index::AgendaIndex;
use crate::query::{citations_for, Citation};
pub use days::{Days, DaysError};
use jiff::civil::Date;
use jiff::Span;
pub use milestones::{Milestone, What};
use std::collections::HashMap;

/// A digest: the milestones of `today ..= through`, grouped by when and by what.
#[derive(Debug, Clone, PartialEq)]
pub struct Digest {
    pub today: Date,
    /// How many days ahead it looks; `through` is `today` plus this.
    pub days: u32,
    pub through: Date,
    /// Non-empty groups, "This week" first.
    pub groups: Vec<Group>,
}

/// When, roughly: the rest of this week (through the coming Sunday), or later in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum When {
    ThisWeek,
    Later,
}

impl When {
    pub fn label(self) -> &'static str {
        match self {
            When::ThisWeek => "This week",
            When::Later => "Later",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            When::ThisWeek => "this_week",
            When::Later => "later",
        }
    }
}

/// What kind of milestones a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Heading {
    Starts,
    /// Ends and deadlines.
    Ends,
    Meetings,
}

impl Heading {
    pub fn of(what: What) -> Heading {
        match what {
            What::Starts => Heading::Starts,
            What::Ends | What::Deadline => Heading::Ends,
            What::Meeting => Heading::Meetings,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Heading::Starts => "Starting",
            Heading::Ends => "Ending and deadlines",
            Heading::Meetings => "Meetings",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub when: When,
    /// The days this group covers (inclusive).
    pub from: Date,
    pub to: Date,
    /// Non-empty sections in the order starts, ends and deadlines, meetings.
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: Heading,
    /// Sorted by date (last possible day first, then first possible day), then title.
    pub milestones: Vec<Milestone>,
}

impl Digest {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every milestone, in display order, with its group.
    pub fn milestones(&self) -> impl Iterator<Item = (When, &Milestone)> {
        self.groups.iter().flat_map(|g| {
            g.sections
                .iter()
                .flat_map(move |s| s.milestones.iter().map(move |m| (g.when, m)))
        })
    }

    pub fn len(&self) -> usize {
        self.milestones().count()
    }
}

/// The last day of the week holding `today`: the coming Sunday (today itself on a Sunday).
pub fn week_end(today: Date) -> Date {
    let to_sunday = (7 - i64::from(today.weekday().to_sunday_zero_offset())) % 7;
    add_days(today, to_sunday)
}

pub(crate) fn add_days(d: Date, days: i64) -> Date {
    Span::new()
        .try_days(days)
        .ok()
        .and_then(|s| d.checked_add(s).ok())
        .unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// The milestones in `today ..= today + days`, each with the fact's first cited paragraph.
///
/// A milestone counts when its range overlaps the window, so "ends in 2026" is in every window
/// touching 2026 (its wording says how vague it is). It goes under "This week" when its range
/// ends by the coming Sunday, otherwise under "Later". A pure function of its inputs.
pub fn upcoming(index: &AgendaIndex, today: Date, days: u32) -> Digest {
    let through = add_days(today, i64::from(days));
    let week_end = week_end(today).min(through);
    let mut citations: HashMap<String, Option<Citation>> = HashMap::new();
    let mut picked: Vec<(When, Heading, Milestone)> = Vec::new();
    for fact in &index.facts {
        for mut m in milestones::milestones_of(fact) {
            if !m.overlaps(today, through) {
                continue;
            }
            m.citation = citations
                .entry(m.fact_id.clone())
                .or_insert_with(|| citations_for(index, fact).into_iter().next())
                .clone();
            let when = if m.range.end <= week_end {
                When::ThisWeek
            } else {
                When::Later
            };
            picked.push((when, Heading::of(m.what), m));
        }
    }
    picked.sort_by(|a, b| {
        (
            a.0,
            a.1,
            a.2.range.end,
            a.2.range.start,
            &a.2.title,
            a.2.what,
        )
            .cmp(&(
                b.0,
                b.1,
                b.2.range.end,
                b.2.range.start,
                &b.2.title,
                b.2.what,
            ))
    });
    let mut groups: Vec<Group> = Vec::new();
    for (when, heading, m) in picked {
        if groups.last().is_none_or(|g| g.when != when) {
            let (from, to) = match when {
                When::ThisWeek => (today, week_end),
                When::Later => (add_days(week_end, 1), through),
            };
            groups.push(Group {
                when,
                from,
                to,
                sections: Vec::new(),
            });
        }
        let group = groups.last_mut().expect("a group was just pushed");
        if group.sections.last().is_none_or(|s| s.heading != heading) {
            group.sections.push(Section {
                heading,
                milestones: Vec::new(),
            });
        }
        group
            .sections
            .last_mut()
            .expect("a section was just pushed")
            .milestones
            .push(m);
    }
    Digest {
        today,
        days,
        through,
        groups,
    }
}

#[cfg(test)]
#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Precision;
    use crate::testing::shipped_index;
    use jiff::civil::date as d;

    const LAO: &str = "lao-pdr-defence-capacity-building";

    fn ids(digest: &Digest) -> Vec<(When, String, What)> {
        digest
            .milestones()
            .map(|(w, m)| (w, m.fact_id.clone(), m.what))
            .collect()
    }

    #[test]
    fn week_ends_on_the_coming_sunday() {
        assert_eq!(week_end(d(2026, 11, 22)), d(2026, 11, 22)); // a Sunday
        assert_eq!(week_end(d(2026, 11, 23)), d(2026, 11, 29)); // a Monday
        assert_eq!(week_end(d(2024, 6, 25)), d(2024, 6, 30)); // a Tuesday
        assert_eq!(week_end(d(2026, 12, 26)), d(2026, 12, 27)); // a Saturday
    }

    #[test]
    fn lao_capacity_building_ends_in_the_late_2026_window() {
        let digest = upcoming(&shipped_index(), d(2026, 11, 22), 60);
        assert_eq!(digest.through, d(2027, 1, 21));
        let (when, lao) = digest
            .milestones()
            .find(|(_, m)| m.fact_id == LAO)
            .expect("the Lao PDR initiative ends in this window");
        assert_eq!(when, When::Later);
        assert_eq!(lao.what, What::Ends);
        assert_eq!(lao.title, "Lao PDR Defence Capacity Building");
        assert_eq!(
            (lao.range.start, lao.range.end),
            (d(2026, 1, 1), d(2026, 12, 31))
        );
        assert_eq!(lao.range.precision, Precision::Year);
        assert_eq!(lao.date(), d(2026, 12, 31));
        assert_eq!(lao.as_written, "2024 – 2026");
        assert_eq!(lao.when(), "by 31 December 2026 (2024 – 2026)");
        let c = lao.citation.as_ref().expect("cited");
        assert_eq!(c.reference(), "asean-sg-lao-defence-minister#9");
        assert!(!c.snippet.text.is_empty());
        // Nothing else of the shipped corpus reaches into 2026.
        assert_eq!(ids(&digest), vec![(When::Later, LAO.into(), What::Ends)]);
    }

    #[test]
    fn mid_2024_window_has_the_meetings_and_the_2024_starts() {
        let digest = upcoming(&shipped_index(), d(2024, 6, 25), 120);
        assert_eq!(digest.through, d(2024, 10, 23));
        let got = ids(&digest);
        // This week (25 – 30 June) pins nothing down; everything is later, starts first.
        assert_eq!(
            got,
            vec![
                (
                    When::Later,
                    "regional-cybersecurity-task-force".into(),
                    What::Starts
                ),
                (
                    When::Later,
                    "asean-joint-military-exercises".into(),
                    What::Starts
                ),
                (When::Later, LAO.into(), What::Starts),
                // Same day: by title ("14th …" before "21st …").
                (When::Later, "amom-14".into(), What::Meeting),
                (When::Later, "amim-21".into(), What::Meeting),
            ]
        );
        let headings: Vec<Heading> = digest.groups[0]
            .sections
            .iter()
            .map(|s| s.heading)
            .collect();
        assert_eq!(headings, [Heading::Starts, Heading::Meetings]);
        assert!(digest.milestones().all(|(_, m)| m.citation.is_some()));
    }

    #[test]
    fn meeting_day_is_this_week_and_window_edges_are_inclusive() {
        let index = shipped_index();
        // Monday 2 September 2024: the meetings on Tuesday are this week.
        let digest = upcoming(&index, d(2024, 9, 2), 1);
        let meetings: Vec<_> = ids(&digest)
            .into_iter()
            .filter(|(_, _, w)| *w == What::Meeting)
            .collect();
        assert_eq!(
            meetings,
            vec![
                (When::ThisWeek, "amom-14".into(), What::Meeting),
                (When::ThisWeek, "amim-21".into(), What::Meeting),
            ]
        );
        // On the day itself, with a zero-day window.
        let same_day = upcoming(&index, d(2024, 9, 3), 0);
        assert!(same_day.milestones().any(|(_, m)| m.fact_id == "amim-21"));
        // The day after, gone.
        let after = upcoming(&index, d(2024, 9, 4), 7);
        assert!(!after.milestones().any(|(_, m)| m.what == What::Meeting));
        // The day before, out of a zero-day window.
        let before = upcoming(&index, d(2024, 9, 2), 0);
        assert!(!before.milestones().any(|(_, m)| m.what == What::Meeting));
    }

    #[test]
    fn nothing_upcoming_far_ahead() {
        let digest = upcoming(&shipped_index(), d(2030, 1, 1), 30);
        assert!(digest.is_empty());
        assert_eq!(digest.len(), 0);
    }

    #[test]
    fn huge_windows_do_not_overflow() {
        let digest = upcoming(&shipped_index(), d(2024, 1, 1), u32::MAX);
        assert_eq!(digest.through, Date::MAX);
        assert!(digest.len() >= 6);
    }
}
