//! Milestones: every dated thing in the facts, as the days it happens (or is due) with their precision.
//!
//! An initiative's `period` gives two milestones, when it starts and when it ends, each at the
//! precision of the timeline: the end of "2024 – 2026" is the year 2026 (1 January – 31 December
//! 2026), the start of "Q3 2024 – Q1 2025" is Q3 2024; a period that is one block of its precision
//! ("2025", "Q3 2024") gives the one milestone when it starts. A deadline-style timeline ("by end-2025")
//! gives one [`What::Deadline`] milestone covering the target period. A meeting's `when` gives
//! one [`What::Meeting`] milestone. Nothing vague is dropped: a milestone is in a window when its
//! range overlaps the window, and its wording says how precise it is.

use crate::corpus::{Fact, FactKind};
use crate::dates::{fmt_day, DateRange, Precision};
use crate::query::Citation;
use jiff::civil::Date;
use serde::Serialize;

/// What happens at a milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum What {
    Starts,
    Ends,
    Deadline,
    Meeting,
}

impl What {
    /// `starts`, `ends`, `deadline`, `meeting` (JSON values and calendar UIDs).
    pub fn as_str(self) -> &'static str {
        match self {
            What::Starts => "starts",
            What::Ends => "ends",
            What::Deadline => "deadline",
            What::Meeting => "meeting",
        }
    }

    /// `Starts`, `Ends`, `Deadline`, `Meeting` (headings and calendar summaries).
    pub fn label(self) -> &'static str {
        match self {
            What::Starts => "Starts",
            What::Ends => "Ends",
            What::Deadline => "Deadline",
            What::Meeting => "Meeting",
        }
    }

    /// Whether the milestone's date is the end of its range (ends, deadlines) rather than the
    /// start (starts, meetings).
    pub fn dated_by_end(self) -> bool {
        matches!(self, What::Ends | What::Deadline)
    }
}

/// One dated event of a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Milestone {
    pub fact_id: String,
    pub fact_kind: FactKind,
    /// The fact's display title.
    pub title: String,
    pub what: What,
    /// The days the milestone may fall on, with their precision; `as_written` is the fact's.
    pub range: DateRange,
    /// The fact's whole date or timeline this milestone comes from.
    pub period: DateRange,
    /// The date or timeline as the statement writes it.
    pub as_written: String,
    /// The fact's first cited paragraph; filled from the index by [`super::upcoming`].
    pub citation: Option<Citation>,
}

impl Milestone {
    /// The milestone's date: the last day of its range for ends and deadlines, the first day
    /// for starts and meetings.
    pub fn date(&self) -> Date {
        if self.what.dated_by_end() {
            self.range.end
        } else {
            self.range.start
        }
    }

    /// Whether the milestone may fall within the inclusive window `from ..= to`.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        self.range.overlaps(from, to)
    }

    /// A stable identifier: `{fact_id}-{what}@agenda-bot`.
    pub fn uid(&self) -> String {
        format!("{}-{}@agenda-bot", self.fact_id, self.what.as_str())
    }

    /// "Ends: Lao PDR Defence Capacity Building".
    pub fn summary(&self) -> String {
        format!("{}: {}", self.what.label(), self.title)
    }

    /// Whether the milestone marks when its fact is due: an end, a deadline, or the one milestone
    /// of a timeline that is a single period ("Q3 2024" starts and ends in it).
    pub fn is_due_date(&self) -> bool {
        self.what.dated_by_end() || (self.what == What::Starts && self.range.end >= self.period.end)
    }

    /// When, in words, with the precision visible: "by 31 December 2026 (2024 – 2026)",
    /// "in 2024 (2024 – 2026)", "in Q3 2024 (1 July – 30 September 2024)", "3 September 2024".
    pub fn when(&self) -> String {
        let whole = self.range.start == self.period.start && self.range.end == self.period.end;
        // The wording as written is added when the milestone is only part of the period, or
        // when the normalised wording hides it ("by 30 September 2024 (Q3 2024)").
        let said_already = (whole
            && (self.what == What::Starts || self.range.precision == Precision::Day))
            || self.as_written.is_empty();
        let source = |text: String| {
            if said_already || text.contains(&self.as_written) {
                text
            } else {
                format!("{text} ({})", self.as_written)
            }
        };
        match self.what {
            What::Meeting | What::Deadline => self.range.describe(),
            What::Starts if self.range.precision == Precision::Day => {
                source(format!("on {}", fmt_day(self.range.start)))
            }
            What::Starts => source(format!("in {}", self.range.describe())),
            What::Ends if self.range.precision == Precision::Day => {
                source(format!("on {}", fmt_day(self.range.end)))
            }
            What::Ends => source(format!("by {}", fmt_day(self.range.end))),
        }
    }
}

/// The milestones of one fact, without citations, in the order start, end (or deadline).
pub fn milestones_of(fact: &Fact) -> Vec<Milestone> {
    let make = |what: What, range: DateRange, period: &DateRange| Milestone {
        fact_id: fact.id().to_string(),
        fact_kind: fact.kind(),
        title: fact.title(),
        what,
        range,
        period: period.clone(),
        as_written: period.as_written.clone(),
        citation: None,
    };
    match fact {
        Fact::Meeting(m) => m
            .when
            .iter()
            .map(|when| make(What::Meeting, when.clone(), when))
            .collect(),
        Fact::Initiative(i) => match &i.period {
            Some(p) if p.deadline => vec![make(What::Deadline, p.clone(), p)],
            Some(p) => {
                let starts = unit_at(p, p.start);
                if starts.end >= p.end {
                    vec![make(What::Starts, starts, p)]
                } else {
                    vec![
                        make(What::Starts, starts, p),
                        make(What::Ends, unit_at(p, p.end), p),
                    ]
                }
            }
            None => Vec::new(),
        },
        Fact::Mechanism(_) | Fact::Area(_) => Vec::new(),
    }
}

/// Every milestone of the facts, in fact order.
pub fn all(facts: &[Fact]) -> Vec<Milestone> {
    facts.iter().flat_map(milestones_of).collect()
}

/// The block of the period's precision that holds `d`, clipped to the period: the month of a
/// month-precise range, the quarter of a quarter-precise one, the year of a year-precise one
/// (or the third of a year for "early/mid/late" ranges), the day itself for days.
fn unit_at(period: &DateRange, d: Date) -> DateRange {
    let (start, end, precision) = match block_months(period) {
        None => (d, d, Precision::Day),
        Some(n) => {
            let first_month = (d.month() - 1) / n * n + 1;
            let start = Date::new(d.year(), first_month, 1).unwrap_or(d);
            let end = Date::new(d.year(), first_month + n - 1, 1)
                .map(|m| m.last_of_month())
                .unwrap_or(d);
            let precision = match period.precision {
                Precision::Years => Precision::Year,
                p => p,
            };
            (start, end, precision)
        }
    };
    DateRange {
        as_written: period.as_written.clone(),
        start: start.max(period.start),
        end: end.min(period.end),
        precision,
        deadline: false,
    }
}

/// Months in one block of the period's precision; `None` for days.
fn block_months(period: &DateRange) -> Option<i8> {
    match period.precision {
        Precision::Day => None,
        Precision::Month => Some(1),
        Precision::Quarter => Some(3),
        Precision::Half => Some(6),
        Precision::Year => {
            let (s, e) = (period.start, period.end);
            let whole_years = s.month() == 1 && s.day() == 1 && e.month() == 12 && e.day() == 31;
            let thirds = s.day() == 1
                && (s.month() - 1) % 4 == 0
                && e == e.last_of_month()
                && e.month() % 4 == 0;
            Some(if thirds && !whole_years { 4 } else { 12 })
        }
        Precision::Years => Some(12),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Initiative, Meeting};
    use crate::dates::parse_when;
    use jiff::civil::date as d;

    fn initiative(timeline: &str) -> Fact {
        Fact::Initiative(Initiative {
            id: "x".into(),
            name: "X".into(),
            aliases: vec![],
            expected_outcome: None,
            timeline: Some(timeline.into()),
            area: None,
            summary: None,
            origin: Default::default(),
            cites: vec![],
            period: Some(parse_when(timeline, Some(2024)).unwrap()),
        })
    }

    fn ranges(fact: &Fact) -> Vec<(What, Date, Date, Precision)> {
        milestones_of(fact)
            .into_iter()
            .map(|m| (m.what, m.range.start, m.range.end, m.range.precision))
            .collect()
    }

    #[test]
    fn multi_year_timeline_starts_and_ends_in_years() {
        let f = initiative("2024 – 2026");
        assert_eq!(
            ranges(&f),
            vec![
                (
                    What::Starts,
                    d(2024, 1, 1),
                    d(2024, 12, 31),
                    Precision::Year
                ),
                (What::Ends, d(2026, 1, 1), d(2026, 12, 31), Precision::Year),
            ]
        );
        let ms = milestones_of(&f);
        assert_eq!(ms[1].when(), "by 31 December 2026 (2024 – 2026)");
        assert_eq!(ms[1].date(), d(2026, 12, 31));
        assert_eq!(ms[0].when(), "in 2024 (2024 – 2026)");
        assert_eq!(ms[0].date(), d(2024, 1, 1));
        assert_eq!(ms[1].uid(), "x-ends@agenda-bot");
        assert_eq!(ms[1].summary(), "Ends: X");
    }

    #[test]
    fn vague_end_overlaps_late_windows_only() {
        let ms = milestones_of(&initiative("2024 – 2026"));
        let ends = &ms[1];
        assert!(ends.overlaps(d(2026, 12, 1), d(2026, 12, 31)));
        assert!(ends.overlaps(d(2026, 11, 22), d(2027, 1, 21)));
        assert!(!ends.overlaps(d(2025, 11, 22), d(2025, 12, 31)));
        assert!(!ends.overlaps(d(2027, 1, 1), d(2027, 3, 1)));
    }

    #[test]
    fn units_follow_the_precision() {
        assert_eq!(
            ranges(&initiative("Q4 2024 – Q1 2025")),
            vec![
                (
                    What::Starts,
                    d(2024, 10, 1),
                    d(2024, 12, 31),
                    Precision::Quarter
                ),
                (
                    What::Ends,
                    d(2025, 1, 1),
                    d(2025, 3, 31),
                    Precision::Quarter
                ),
            ]
        );
        assert_eq!(
            ranges(&initiative("September 2024 – March 2025")),
            vec![
                (
                    What::Starts,
                    d(2024, 9, 1),
                    d(2024, 9, 30),
                    Precision::Month
                ),
                (What::Ends, d(2025, 3, 1), d(2025, 3, 31), Precision::Month),
            ]
        );
        assert_eq!(
            ranges(&initiative("3 September – 5 October 2024")),
            vec![
                (What::Starts, d(2024, 9, 3), d(2024, 9, 3), Precision::Day),
                (What::Ends, d(2024, 10, 5), d(2024, 10, 5), Precision::Day),
            ]
        );
        // "early – mid 2025" is year-precise but made of thirds of a year.
        assert_eq!(
            ranges(&initiative("early – mid 2025")),
            vec![
                (What::Starts, d(2025, 1, 1), d(2025, 4, 30), Precision::Year),
                (What::Ends, d(2025, 5, 1), d(2025, 8, 31), Precision::Year),
            ]
        );
        // A mixed-precision span is clipped to the period.
        assert_eq!(
            ranges(&initiative("mid-2024 – end-2025")),
            vec![
                (
                    What::Starts,
                    d(2024, 5, 1),
                    d(2024, 12, 31),
                    Precision::Year
                ),
                (What::Ends, d(2025, 1, 1), d(2025, 12, 31), Precision::Year),
            ]
        );
    }

    /// Regression (issue 13, answers 5): the timeline "2025" gave two milestones, "Starts: in
    /// 2025" and "Ends: by 31 December 2025".
    #[test]
    fn single_block_timeline_is_one_milestone_with_its_wording() {
        let ms = milestones_of(&initiative("2025"));
        assert_eq!(
            ranges(&initiative("2025")),
            vec![(
                What::Starts,
                d(2025, 1, 1),
                d(2025, 12, 31),
                Precision::Year
            )]
        );
        assert_eq!(ms[0].when(), "in 2025");
        let ms = milestones_of(&initiative("Q3 2024"));
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].when(), "in Q3 2024 (1 July – 30 September 2024)");
        assert_eq!(ms[0].date(), d(2024, 7, 1));
        assert_eq!(milestones_of(&initiative("3 September 2024")).len(), 1);
        assert_eq!(milestones_of(&initiative("2024 – 2025")).len(), 2);
    }

    #[test]
    fn deadline_is_one_milestone() {
        let ms = milestones_of(&initiative("by end-2025"));
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].what, What::Deadline);
        assert_eq!(ms[0].date(), d(2025, 12, 31));
        assert_eq!(ms[0].when(), "by 31 December 2025 (2025)");
        assert_eq!(ms[0].as_written, "by end-2025");
    }

    #[test]
    fn meetings_give_their_day_and_undated_facts_nothing() {
        let meeting = |date: Option<&str>| {
            Fact::Meeting(Box::new(Meeting {
                id: "m".into(),
                name: "M".into(),
                acronym: Some("M".into()),
                number: Some(1),
                series: None,
                aliases: vec![],
                date: date.map(str::to_string),
                place: None,
                chair: None,
                participants: vec![],
                observers: vec![],
                theme: None,
                topics: vec![],
                outcomes: Vec::new(),
                mechanisms: vec![],
                related: vec![],
                summary: None,
                origin: Default::default(),
                cites: vec![],
                when: date.map(|t| parse_when(t, Some(2024)).unwrap()),
            }))
        };
        let ms = milestones_of(&meeting(Some("September 3")));
        assert_eq!(ms.len(), 1);
        assert_eq!(
            (ms[0].what, ms[0].range.start, ms[0].range.end),
            (What::Meeting, d(2024, 9, 3), d(2024, 9, 3))
        );
        assert_eq!(ms[0].when(), "3 September 2024");
        assert_eq!(ms[0].title, "M (M-1)");
        assert!(milestones_of(&meeting(None)).is_empty());
        let mut undated = initiative("2024");
        if let Fact::Initiative(i) = &mut undated {
            i.timeline = None;
            i.period = None;
        }
        assert!(milestones_of(&undated).is_empty());
    }
}
