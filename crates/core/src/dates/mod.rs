//! Normalises dates and timelines as written in press statements ("Q3 2024", "by end-2025", "2024 – 2026") into inclusive date ranges with a precision.
//!
//! [`parse`] reads the text, [`describe`] words a range, [`forms`] lists the accepted forms (the
//! examples the parse error names, checked against the parser by the tests).

mod describe;
pub mod forms;
mod parse;

pub use describe::{fmt_day, ordinal, span, MONTH_NAMES};
pub use parse::parse_when;

use jiff::civil::Date;
use std::fmt;

/// How finely a [`DateRange`] pins down when something happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
    Quarter,
    Half,
    /// A calendar year, or a part of one given loosely ("early 2025", "mid-2025", "late 2025").
    Year,
    /// Several calendar years ("2024 – 2026").
    Years,
}

impl Precision {
    fn rank(self) -> u8 {
        match self {
            Precision::Day => 0,
            Precision::Month => 1,
            Precision::Quarter => 2,
            Precision::Half => 3,
            Precision::Year => 4,
            Precision::Years => 5,
        }
    }

    fn coarser(self, other: Precision) -> Precision {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }
}

/// A date or timeline from a statement, normalised to an inclusive range of days.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DateRange {
    /// The original text, trimmed.
    pub as_written: String,
    /// First day covered (inclusive).
    pub start: Date,
    /// Last day covered (inclusive).
    pub end: Date,
    pub precision: Precision,
    /// True for "by end-2025", "by 2025", "no later than March 2025", "before 2026": only `end`
    /// is meaningful as the due date; `start` is the start of the target period.
    pub deadline: bool,
}

/// Why a piece of text could not be read as a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("unrecognised date {text:?}: expected forms like {}", forms::listed())]
    Unrecognised { text: String },
    #[error("date {text:?} has no year and no statement date to take it from")]
    NoYear { text: String },
    #[error("date {text:?} is not a real date")]
    Invalid { text: String },
    #[error("range {text:?} ends before it starts")]
    Backwards { text: String },
}

impl DateRange {
    /// Whether `d` falls within the range (`start <= d <= end`).
    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }

    /// Whether the range shares at least one day with the inclusive window `from ..= to`.
    /// An empty window (`from > to`) overlaps nothing.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        from <= to && self.start <= to && from <= self.end
    }

    /// Whether both ranges are the same days told as precisely, however each was written
    /// ("November 1" and "Saturday" read as 1 November 2025).
    pub fn same_days(&self, other: &DateRange) -> bool {
        self.start == other.start && self.end == other.end && self.precision == other.precision
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_written)
    }
}

#[cfg(test)]
mod tests;
