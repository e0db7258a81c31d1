//! The date tests: one table of texts and what they mean, checked in one loop; the accepted
//! forms against the parser; the `DateRange` API; properties.

use super::forms::{self, Form, EXAMPLES};
use super::parse::parse_with_forms;
use super::*;
use jiff::civil::date as d;
use proptest::prelude::*;
use Precision::*;
use Want::*;

/// What a text should give.
#[derive(Debug, Clone, Copy)]
enum Want {
    Range {
        start: Date,
        end: Date,
        precision: Precision,
        deadline: bool,
    },
    Describes(&'static str),
    Unrecognised,
    NoYear,
    Invalid,
    Backwards,
}

#[derive(Debug, Clone, Copy)]
struct Row {
    text: &'static str,
    context_year: Option<i16>,
    want: Want,
}

const fn range(
    text: &'static str,
    start: Date,
    end: Date,
    precision: Precision,
    deadline: bool,
) -> Row {
    Row {
        text,
        context_year: None,
        want: Range {
            start,
            end,
            precision,
            deadline,
        },
    }
}

/// `text` means `start ..= end` with `precision`.
const fn ok(text: &'static str, start: Date, end: Date, precision: Precision) -> Row {
    range(text, start, end, precision, false)
}

/// `text` is a deadline for `start ..= end`.
const fn by(text: &'static str, start: Date, end: Date, precision: Precision) -> Row {
    range(text, start, end, precision, true)
}

/// `text` is refused (in a statement of 2024 unless told otherwise).
const fn fails(text: &'static str, want: Want) -> Row {
    Row {
        text,
        context_year: Some(2024),
        want,
    }
}

/// `text` parses and reads `wording`.
const fn describes(text: &'static str, wording: &'static str) -> Row {
    Row {
        text,
        context_year: None,
        want: Describes(wording),
    }
}

impl Row {
    /// In a statement of `year`.
    const fn ctx(self, year: i16) -> Row {
        Row {
            context_year: Some(year),
            ..self
        }
    }

    /// In a statement without a date.
    const fn no_ctx(self) -> Row {
        Row {
            context_year: None,
            ..self
        }
    }

    /// What the parser gives for the row, in the terms of [`Want`].
    fn check(&self) -> Result<(), String> {
        let got = parse_when(self.text, self.context_year);
        let error = |make: fn(String) -> DateError| Err(make(self.text.trim().to_string()));
        let matches = match (self.want, &got) {
            (
                Range {
                    start,
                    end,
                    precision,
                    deadline,
                },
                Ok(r),
            ) => (r.start, r.end, r.precision, r.deadline) == (start, end, precision, deadline),
            (Describes(wording), Ok(r)) => r.describe() == wording,
            (Unrecognised, _) => got == error(|text| DateError::Unrecognised { text }),
            (NoYear, _) => got == error(|text| DateError::NoYear { text }),
            (Invalid, _) => got == error(|text| DateError::Invalid { text }),
            (Backwards, _) => got == error(|text| DateError::Backwards { text }),
            _ => false,
        };
        if matches {
            return Ok(());
        }
        let got = match got {
            Ok(r) => format!("{r:?} reading {:?}", r.describe()),
            Err(e) => format!("{e:?}"),
        };
        Err(format!("{self:?}: got {got}"))
    }
}

/// Every form of date the normaliser is tested on, in the order of `parse_when`'s docs.
const ROWS: &[Row] = &[
    ok("Q3 2024", d(2024, 7, 1), d(2024, 9, 30), Quarter),
    ok("2024 – 2025", d(2024, 1, 1), d(2025, 12, 31), Years),
    ok("2024 – 2026", d(2024, 1, 1), d(2026, 12, 31), Years),
    ok("September 3", d(2024, 9, 3), d(2024, 9, 3), Day).ctx(2024),
    ok("2024-09-03", d(2024, 9, 3), d(2024, 9, 3), Day),
    ok("2024-09", d(2024, 9, 1), d(2024, 9, 30), Month),
    ok("2024-12", d(2024, 12, 1), d(2024, 12, 31), Month),
    ok("2024", d(2024, 1, 1), d(2024, 12, 31), Year),
    ok("  2024-09-03.  ", d(2024, 9, 3), d(2024, 9, 3), Day),
    ok("3 September 2024", d(2024, 9, 3), d(2024, 9, 3), Day),
    ok("September 3, 2024", d(2024, 9, 3), d(2024, 9, 3), Day),
    ok("September 3 2024", d(2024, 9, 3), d(2024, 9, 3), Day),
    ok("3rd September 2024", d(2024, 9, 3), d(2024, 9, 3), Day),
    ok("Sept. 3, 2024", d(2024, 9, 3), d(2024, 9, 3), Day),
    ok("Sep 3, 2024", d(2024, 9, 3), d(2024, 9, 3), Day),
    ok("sept 3rd 2024", d(2024, 9, 3), d(2024, 9, 3), Day),
    ok(
        "the 3rd of September 2024",
        d(2024, 9, 3),
        d(2024, 9, 3),
        Day,
    ),
    ok(
        "  SEPTEMBER   3 ,  2024. ",
        d(2024, 9, 3),
        d(2024, 9, 3),
        Day,
    ),
    ok("on 3 September 2024", d(2024, 9, 3), d(2024, 9, 3), Day),
    ok(
        "3\u{a0}September\u{a0}2024",
        d(2024, 9, 3),
        d(2024, 9, 3),
        Day,
    ),
    ok("1 January 2023", d(2023, 1, 1), d(2023, 1, 1), Day),
    ok("Jan. 1, 2023", d(2023, 1, 1), d(2023, 1, 1), Day),
    ok("1 February 2023", d(2023, 2, 1), d(2023, 2, 1), Day),
    ok("Feb. 1, 2023", d(2023, 2, 1), d(2023, 2, 1), Day),
    ok("1 March 2023", d(2023, 3, 1), d(2023, 3, 1), Day),
    ok("Mar. 1, 2023", d(2023, 3, 1), d(2023, 3, 1), Day),
    ok("1 April 2023", d(2023, 4, 1), d(2023, 4, 1), Day),
    ok("Apr. 1, 2023", d(2023, 4, 1), d(2023, 4, 1), Day),
    ok("1 May 2023", d(2023, 5, 1), d(2023, 5, 1), Day),
    ok("May. 1, 2023", d(2023, 5, 1), d(2023, 5, 1), Day),
    ok("1 June 2023", d(2023, 6, 1), d(2023, 6, 1), Day),
    ok("Jun. 1, 2023", d(2023, 6, 1), d(2023, 6, 1), Day),
    ok("1 July 2023", d(2023, 7, 1), d(2023, 7, 1), Day),
    ok("Jul. 1, 2023", d(2023, 7, 1), d(2023, 7, 1), Day),
    ok("1 August 2023", d(2023, 8, 1), d(2023, 8, 1), Day),
    ok("Aug. 1, 2023", d(2023, 8, 1), d(2023, 8, 1), Day),
    ok("1 September 2023", d(2023, 9, 1), d(2023, 9, 1), Day),
    ok("Sep. 1, 2023", d(2023, 9, 1), d(2023, 9, 1), Day),
    ok("1 October 2023", d(2023, 10, 1), d(2023, 10, 1), Day),
    ok("Oct. 1, 2023", d(2023, 10, 1), d(2023, 10, 1), Day),
    ok("1 November 2023", d(2023, 11, 1), d(2023, 11, 1), Day),
    ok("Nov. 1, 2023", d(2023, 11, 1), d(2023, 11, 1), Day),
    ok("1 December 2023", d(2023, 12, 1), d(2023, 12, 1), Day),
    ok("Dec. 1, 2023", d(2023, 12, 1), d(2023, 12, 1), Day),
    ok("3 September", d(2024, 9, 3), d(2024, 9, 3), Day).ctx(2024),
    ok("Sep 3", d(2023, 9, 3), d(2023, 9, 3), Day).ctx(2023),
    ok("Sept. 3rd", d(2023, 9, 3), d(2023, 9, 3), Day).ctx(2023),
    fails("September 3", NoYear).no_ctx(),
    fails("3 September", NoYear).no_ctx(),
    fails("Sep 3", NoYear).no_ctx(),
    fails("September", NoYear).no_ctx(),
    fails("Q3", NoYear).no_ctx(),
    fails("mid-year", NoYear).no_ctx(),
    ok("September 2024", d(2024, 9, 1), d(2024, 9, 30), Month),
    ok("Sept 2024", d(2024, 9, 1), d(2024, 9, 30), Month),
    ok("in February 2023", d(2023, 2, 1), d(2023, 2, 28), Month),
    ok("September", d(2024, 9, 1), d(2024, 9, 30), Month).ctx(2024),
    ok("this September", d(2022, 9, 1), d(2022, 9, 30), Month).ctx(2022),
    ok("Q3 2024", d(2024, 7, 1), d(2024, 9, 30), Quarter),
    ok("q3 2024", d(2024, 7, 1), d(2024, 9, 30), Quarter),
    ok("Q3/2024", d(2024, 7, 1), d(2024, 9, 30), Quarter),
    ok("Q3 / 2024", d(2024, 7, 1), d(2024, 9, 30), Quarter),
    ok("2024 Q3", d(2024, 7, 1), d(2024, 9, 30), Quarter),
    ok(
        "third quarter of 2024",
        d(2024, 7, 1),
        d(2024, 9, 30),
        Quarter,
    ),
    ok("3rd quarter 2024", d(2024, 7, 1), d(2024, 9, 30), Quarter),
    ok(
        "the third quarter of 2024",
        d(2024, 7, 1),
        d(2024, 9, 30),
        Quarter,
    ),
    ok("Q3 of 2024", d(2024, 7, 1), d(2024, 9, 30), Quarter),
    ok("Q1 2025", d(2025, 1, 1), d(2025, 3, 31), Quarter),
    ok(
        "second quarter 2025",
        d(2025, 4, 1),
        d(2025, 6, 30),
        Quarter,
    ),
    ok("Q4 2024", d(2024, 10, 1), d(2024, 12, 31), Quarter),
    ok(
        "last quarter of 2024",
        d(2024, 10, 1),
        d(2024, 12, 31),
        Quarter,
    ),
    ok("Q2", d(2023, 4, 1), d(2023, 6, 30), Quarter).ctx(2023),
    ok("H1 2025", d(2025, 1, 1), d(2025, 6, 30), Half),
    ok("h1 2025", d(2025, 1, 1), d(2025, 6, 30), Half),
    ok("1H 2025", d(2025, 1, 1), d(2025, 6, 30), Half),
    ok("first half of 2025", d(2025, 1, 1), d(2025, 6, 30), Half),
    ok("1st half 2025", d(2025, 1, 1), d(2025, 6, 30), Half),
    ok("2025 H1", d(2025, 1, 1), d(2025, 6, 30), Half),
    ok("H2 2025", d(2025, 7, 1), d(2025, 12, 31), Half),
    ok("2H 2025", d(2025, 7, 1), d(2025, 12, 31), Half),
    ok("second half of 2025", d(2025, 7, 1), d(2025, 12, 31), Half),
    ok(
        "in the second half of 2025",
        d(2025, 7, 1),
        d(2025, 12, 31),
        Half,
    ),
    ok("early 2025", d(2025, 1, 1), d(2025, 4, 30), Year),
    ok("beginning of 2025", d(2025, 1, 1), d(2025, 4, 30), Year),
    ok("mid-2025", d(2025, 5, 1), d(2025, 8, 31), Year),
    ok("mid 2025", d(2025, 5, 1), d(2025, 8, 31), Year),
    ok("middle of 2025", d(2025, 5, 1), d(2025, 8, 31), Year),
    ok("late 2025", d(2025, 9, 1), d(2025, 12, 31), Year),
    ok("end of 2025", d(2025, 9, 1), d(2025, 12, 31), Year),
    ok("end-2025", d(2025, 9, 1), d(2025, 12, 31), Year),
    ok("the end of 2025", d(2025, 9, 1), d(2025, 12, 31), Year),
    ok("mid-year", d(2024, 5, 1), d(2024, 8, 31), Year).ctx(2024),
    ok("year-end", d(2024, 9, 1), d(2024, 12, 31), Year).ctx(2024),
    ok("end of the year", d(2024, 9, 1), d(2024, 12, 31), Year).ctx(2024),
    ok(
        "end of September 2025",
        d(2025, 9, 1),
        d(2025, 9, 30),
        Month,
    ),
    ok("early Q3 2025", d(2025, 7, 1), d(2025, 9, 30), Quarter),
    ok("2024 – 2026", d(2024, 1, 1), d(2026, 12, 31), Years),
    ok("2024–2026", d(2024, 1, 1), d(2026, 12, 31), Years),
    ok("2024 — 2026", d(2024, 1, 1), d(2026, 12, 31), Years),
    ok("2024-2026", d(2024, 1, 1), d(2026, 12, 31), Years),
    ok("2024 - 2026", d(2024, 1, 1), d(2026, 12, 31), Years),
    ok("2024 to 2026", d(2024, 1, 1), d(2026, 12, 31), Years),
    ok("2024 until 2026", d(2024, 1, 1), d(2026, 12, 31), Years),
    ok("2024 through 2026", d(2024, 1, 1), d(2026, 12, 31), Years),
    ok("from 2024 to 2026", d(2024, 1, 1), d(2026, 12, 31), Years),
    ok(
        "between 2024 and 2026",
        d(2024, 1, 1),
        d(2026, 12, 31),
        Years,
    ),
    ok("2024 \u{2212} 2026", d(2024, 1, 1), d(2026, 12, 31), Years),
    ok("2024/25", d(2024, 1, 1), d(2025, 12, 31), Years),
    ok("2024–25", d(2024, 1, 1), d(2025, 12, 31), Years),
    ok("2024-25", d(2024, 1, 1), d(2025, 12, 31), Years),
    ok("2024/2025", d(2024, 1, 1), d(2025, 12, 31), Years),
    ok("2024 / 25", d(2024, 1, 1), d(2025, 12, 31), Years),
    ok("2024 – 2024", d(2024, 1, 1), d(2024, 12, 31), Year),
    ok("early – mid 2025", d(2025, 1, 1), d(2025, 8, 31), Year),
    ok(
        "September – December 2024",
        d(2024, 9, 1),
        d(2024, 12, 31),
        Month,
    ),
    ok(
        "September to December 2024",
        d(2024, 9, 1),
        d(2024, 12, 31),
        Month,
    ),
    ok(
        "September/October 2024",
        d(2024, 9, 1),
        d(2024, 10, 31),
        Month,
    ),
    ok("Q3 – Q4 2024", d(2024, 7, 1), d(2024, 12, 31), Quarter),
    ok("Q3-Q4 2024", d(2024, 7, 1), d(2024, 12, 31), Quarter),
    ok("H1 – H2 2025", d(2025, 1, 1), d(2025, 12, 31), Half),
    ok("3 – 5 September 2024", d(2024, 9, 3), d(2024, 9, 5), Day),
    ok("3-5 September 2024", d(2024, 9, 3), d(2024, 9, 5), Day),
    // two days joined by "and"
    ok(
        "21 and 22 December 2024",
        d(2024, 12, 21),
        d(2024, 12, 22),
        Day,
    ),
    ok("March 28 and 29, 2024", d(2024, 3, 28), d(2024, 3, 29), Day),
    ok("September 3 – 5, 2024", d(2024, 9, 3), d(2024, 9, 5), Day),
    ok(
        "3 September – 5 October 2024",
        d(2024, 9, 3),
        d(2024, 10, 5),
        Day,
    ),
    ok(
        "2024-09-03 to 2024-09-05",
        d(2024, 9, 3),
        d(2024, 9, 5),
        Day,
    ),
    ok("2024-09-03–2024-09-05", d(2024, 9, 3), d(2024, 9, 5), Day),
    ok(
        "September 2024 – March 2025",
        d(2024, 9, 1),
        d(2025, 3, 31),
        Month,
    ),
    ok("Q4 2024 – Q1 2025", d(2024, 10, 1), d(2025, 3, 31), Quarter),
    ok(
        "September – December",
        d(2023, 9, 1),
        d(2023, 12, 31),
        Month,
    )
    .ctx(2023),
    ok(
        "3 September – December 2024",
        d(2024, 9, 3),
        d(2024, 12, 31),
        Month,
    ),
    ok(
        "September – Q4 2024",
        d(2024, 9, 1),
        d(2024, 12, 31),
        Quarter,
    ),
    ok("Q3 2024 – 2025", d(2024, 7, 1), d(2025, 12, 31), Years),
    ok("mid-2024 – end-2025", d(2024, 5, 1), d(2025, 12, 31), Years),
    ok(
        "November – February 2025",
        d(2024, 11, 1),
        d(2025, 2, 28),
        Month,
    ),
    ok(
        "30 December – 2 January 2025",
        d(2024, 12, 30),
        d(2025, 1, 2),
        Day,
    ),
    ok("Q4 – Q1 2025", d(2024, 10, 1), d(2025, 3, 31), Quarter),
    ok(
        "December 2024 – February",
        d(2024, 12, 1),
        d(2025, 2, 28),
        Month,
    ),
    by("by end-2025", d(2025, 1, 1), d(2025, 12, 31), Year),
    by("by the end of 2025", d(2025, 1, 1), d(2025, 12, 31), Year),
    by("By end of 2025.", d(2025, 1, 1), d(2025, 12, 31), Year),
    by("by 2025", d(2025, 1, 1), d(2025, 12, 31), Year),
    by("no later than 2025", d(2025, 1, 1), d(2025, 12, 31), Year),
    by(
        "not later than 30 June 2025",
        d(2025, 6, 30),
        d(2025, 6, 30),
        Day,
    ),
    by("by Q3 2025", d(2025, 7, 1), d(2025, 9, 30), Quarter),
    by(
        "by the end of Q3 2025",
        d(2025, 7, 1),
        d(2025, 9, 30),
        Quarter,
    ),
    by("by September 2025", d(2025, 9, 1), d(2025, 9, 30), Month),
    by(
        "no later than March 2025",
        d(2025, 3, 1),
        d(2025, 3, 31),
        Month,
    ),
    by("by H1 2026", d(2026, 1, 1), d(2026, 6, 30), Half),
    by("by mid-2025", d(2025, 5, 1), d(2025, 8, 31), Year),
    by("by late 2025", d(2025, 9, 1), d(2025, 12, 31), Year),
    by("by year-end", d(2024, 1, 1), d(2024, 12, 31), Year).ctx(2024),
    by("before 2026", d(2025, 1, 1), d(2025, 12, 31), Year),
    by("prior to 2026", d(2025, 1, 1), d(2025, 12, 31), Year),
    by("before Q3 2025", d(2025, 4, 1), d(2025, 6, 30), Quarter),
    by("before Q1 2025", d(2024, 10, 1), d(2024, 12, 31), Quarter),
    by("before H1 2026", d(2025, 7, 1), d(2025, 12, 31), Half),
    by(
        "before September 2025",
        d(2025, 8, 1),
        d(2025, 8, 31),
        Month,
    ),
    by("before March 2024", d(2024, 2, 1), d(2024, 2, 29), Month),
    by("before 3 September 2025", d(2025, 9, 2), d(2025, 9, 2), Day),
    by(
        "before 1 January 2025",
        d(2024, 12, 31),
        d(2024, 12, 31),
        Day,
    ),
    by("before mid-2025", d(2025, 1, 1), d(2025, 4, 30), Year),
    by("before early 2026", d(2025, 9, 1), d(2025, 12, 31), Year),
    by(
        "before the end of 2025",
        d(2025, 1, 1),
        d(2025, 12, 31),
        Year,
    ),
    by("before 2024 – 2026", d(2023, 1, 1), d(2023, 12, 31), Year),
    fails("soon", Unrecognised),
    fails("ongoing", Unrecognised),
    fails("", Unrecognised),
    fails("   ", Unrecognised),
    fails("TBD", Unrecognised),
    fails("recently", Unrecognised),
    fails(".", Unrecognised),
    fails("3", Unrecognised),
    fails("999", Unrecognised),
    fails("by", Unrecognised),
    fails("before", Unrecognised),
    fails("in", Unrecognised),
    fails("from 2024", Unrecognised),
    fails("2024 –", Unrecognised),
    fails("– 2024", Unrecognised),
    fails("2024 – 2025 – 2026", Unrecognised),
    fails("3 – 5", Unrecognised),
    fails("September 2024 onwards", Unrecognised),
    fails("2024 – soon", Unrecognised),
    fails("2024 (tentative)", Unrecognised),
    fails("3/9/2024", Unrecognised),
    fails("2024-9", Unrecognised),
    fails("Q 2024", Unrecognised),
    fails("fifth quarter 2024", Unrecognised),
    fails("2024年", Unrecognised),
    fails("by by 2025", Unrecognised),
    fails("mid-", Unrecognised),
    fails("year-", Unrecognised),
    fails("end", Unrecognised),
    fails("early", Unrecognised),
    fails("late –", Unrecognised),
    fails("2024-02-30", Invalid),
    fails("2023-02-29", Invalid),
    fails("2024-13-01", Invalid),
    fails("2024-00", Invalid),
    fails("2024-04-31", Invalid),
    fails("Q5 2024", Invalid),
    fails("Q0 2024", Invalid),
    fails("5th quarter 2024", Invalid),
    fails("H3 2025", Invalid),
    fails("31 April 2024", Invalid),
    fails("0 September 2024", Invalid),
    fails("32 December 2024", Invalid),
    fails("99999", Invalid),
    fails("September 99999999999999999999999", Invalid),
    fails("99999999999999999999999th September 2024", Invalid),
    fails("Q99999999999999999999999 2024", Invalid),
    fails("2024 – 123456", Invalid),
    fails("September 3", Invalid).ctx(i16::MAX),
    fails("Q1", Invalid).ctx(i16::MIN),
    fails("2026 – 2024", Backwards),
    fails("2026 to 2024", Backwards),
    fails("2024/23", Backwards),
    fails("5 – 3 September 2024", Backwards),
    fails("September 2025 – March 2025", Backwards),
    fails("Q4 2024 – Q1 2024", Backwards),
    fails("2024-09-05 to 2024-09-03", Backwards),
    ok("2024-02-29", d(2024, 2, 29), d(2024, 2, 29), Day),
    ok("29 February 2024", d(2024, 2, 29), d(2024, 2, 29), Day),
    ok("February 2024", d(2024, 2, 1), d(2024, 2, 29), Month),
    ok("February 2023", d(2023, 2, 1), d(2023, 2, 28), Month),
    ok("2000-02-29", d(2000, 2, 29), d(2000, 2, 29), Day),
    fails("2023-02-29", Invalid),
    fails("29 February 2023", Invalid),
    fails("1900-02-29", Invalid),
    describes("2024-09-03", "3 September 2024"),
    describes("September 3", "3 September 2024").ctx(2024),
    describes("September 2024", "September 2024"),
    describes("Q3 2024", "Q3 2024 (1 July – 30 September 2024)"),
    describes("Q3 – Q4 2024", "Q3 – Q4 2024 (1 July – 31 December 2024)"),
    describes(
        "Q4 2024 – Q1 2025",
        "Q4 2024 – Q1 2025 (1 October 2024 – 31 March 2025)",
    ),
    describes("H1 2025", "H1 2025 (1 January – 30 June 2025)"),
    describes("2024", "2024"),
    describes("mid-2025", "mid 2025 (1 May – 31 August 2025)"),
    describes(
        "2024 – 2026",
        "2024 – 2026 (1 January 2024 – 31 December 2026)",
    ),
    describes("3 – 5 September 2024", "3 – 5 September 2024"),
    describes("September – December 2024", "September – December 2024"),
    describes("September 2024 – March 2025", "September 2024 – March 2025"),
    describes(
        "3 September – December 2024",
        "3 September – 31 December 2024",
    ),
    describes("by end-2025", "by 31 December 2025 (2025)"),
    describes("by Q3 2025", "by 30 September 2025 (Q3 2025)"),
    describes("by September 2025", "by 30 September 2025 (September 2025)"),
    describes(
        "early – mid 2025",
        "early – mid 2025 (1 January – 31 August 2025)",
    ),
    describes("before 3 September 2025", "by 2 September 2025"),
];

#[test]
fn every_row_of_the_table() {
    let failures: Vec<String> = ROWS
        .iter()
        .enumerate()
        .filter_map(|(i, row)| row.check().err().map(|e| format!("row {i}: {e}")))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_listed_example_parses_as_stated_and_by_its_form() {
    for e in EXAMPLES {
        let row = range(e.text, e.start, e.end, e.precision, e.deadline);
        let row = match e.context_year {
            Some(year) => row.ctx(year),
            None => row,
        };
        assert_eq!(row.check(), Ok(()), "listed example {:?}", e.text);
        let (_, read_by) = parse_with_forms(e.text, e.context_year).unwrap();
        assert!(
            read_by.contains(e.form),
            "{:?} is not read as {:?}",
            e.text,
            e.form
        );
    }
}

#[test]
fn every_form_the_parser_reads_is_listed() {
    // A new form fails to compile here until it is listed in `Form::ALL` (and so in this test).
    for form in Form::ALL {
        match form {
            Form::IsoDay
            | Form::IsoMonth
            | Form::Year
            | Form::DayMonth
            | Form::MonthDay
            | Form::Month
            | Form::Quarter
            | Form::QuarterWords
            | Form::Half
            | Form::HalfWords
            | Form::PartOfYear
            | Form::WithoutYear
            | Form::Range
            | Form::ShortYearSpan
            | Form::Between
            | Form::By
            | Form::Before => {}
        }
        assert!(
            EXAMPLES.iter().any(|e| e.form == form),
            "{form:?} has no example in forms::EXAMPLES"
        );
    }
    for row in ROWS {
        if let Ok((_, read_by)) = parse_with_forms(row.text, row.context_year) {
            assert!(
                Form::ALL.iter().any(|f| read_by.contains(*f)),
                "{:?} is read by no listed form",
                row.text
            );
        }
    }
}

/// Issue 13: the error listed "3 September 2024" and "2024 – 2026" but not the spellings people
/// write and the parser takes, "Nov 20th, 2024" and "2024-2027".
#[test]
fn the_unrecognised_date_error_lists_every_form() {
    let message = parse_when("soon", None).unwrap_err().to_string();
    assert_eq!(
        message,
        format!(
            "unrecognised date \"soon\": expected forms like {}",
            forms::listed()
        )
    );
    for e in EXAMPLES {
        assert!(message.contains(&format!("{:?}", e.text)), "{message}");
    }
    assert!(message.contains("\"Nov 20th, 2024\"") && message.contains("\"2024-2027\""));
}

/// The range `text` gives, or a panic naming it.
fn parsed(text: &str, ctx: Option<i16>) -> DateRange {
    match parse_when(text, ctx) {
        Ok(r) => r,
        Err(e) => panic!("{text:?} should parse: {e}"),
    }
}

#[test]
fn error_messages_name_the_text() {
    let e = parse_when("soon", None).unwrap_err();
    assert!(
        e.to_string().starts_with("unrecognised date \"soon\""),
        "{e}"
    );
    let e = parse_when("September 3", None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "date \"September 3\" has no year and no statement date to take it from"
    );
    let e = parse_when("2026 – 2024", None).unwrap_err();
    assert_eq!(e.to_string(), "range \"2026 – 2024\" ends before it starts");
}

// --- the DateRange API ---

#[test]
fn as_written_is_trimmed_original_and_display() {
    let r = parsed("  Q3   2024. ", None);
    assert_eq!(r.as_written, "Q3   2024.");
    assert_eq!(r.to_string(), "Q3   2024.");
}

#[test]
fn contains_is_inclusive() {
    let r = parsed("Q3 2024", None);
    assert!(r.contains(d(2024, 7, 1)));
    assert!(r.contains(d(2024, 8, 15)));
    assert!(r.contains(d(2024, 9, 30)));
    assert!(!r.contains(d(2024, 6, 30)));
    assert!(!r.contains(d(2024, 10, 1)));
}

#[test]
fn overlaps_inclusive_window() {
    let r = parsed("Q3 2024", None);
    assert!(r.overlaps(d(2024, 9, 30), d(2024, 12, 31)));
    assert!(r.overlaps(d(2024, 1, 1), d(2024, 7, 1)));
    assert!(r.overlaps(d(2024, 8, 1), d(2024, 8, 2)));
    assert!(r.overlaps(d(2020, 1, 1), d(2030, 1, 1)));
    assert!(!r.overlaps(d(2024, 10, 1), d(2024, 12, 31)));
    assert!(!r.overlaps(d(2024, 1, 1), d(2024, 6, 30)));
    // An inverted (empty) window overlaps nothing.
    assert!(!r.overlaps(d(2024, 9, 1), d(2024, 8, 1)));
}

#[test]
fn serde_round_trip() {
    let r = parsed("2024 – 2026", None);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "as_written": "2024 – 2026",
            "start": "2024-01-01",
            "end": "2026-12-31",
            "precision": "years",
            "deadline": false,
        })
    );
    let back: DateRange = serde_json::from_value(json).unwrap();
    assert_eq!(back, r);
    let bad = serde_json::json!({
        "as_written": "x", "start": "2024-02-30", "end": "2024-03-01",
        "precision": "day", "deadline": false,
    });
    assert!(serde_json::from_value::<DateRange>(bad).is_err());
}

// --- properties ---

fn check_invariants(text: &str, ctx: Option<i16>) -> Result<(), TestCaseError> {
    if let Ok(r) = parse_when(text, ctx) {
        prop_assert!(r.start <= r.end, "{text:?} gave {} > {}", r.start, r.end);
        prop_assert_eq!(r.as_written.as_str(), text.trim());
        prop_assert!(r.contains(r.start) && r.contains(r.end));
        let _ = r.describe();
    }
    Ok(())
}

fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "2024",
        "2025",
        "25",
        "3",
        "3rd",
        "31",
        "0",
        "99999",
        "September",
        "Sept.",
        "feb",
        "Q3",
        "Q5",
        "H1",
        "1H",
        "third",
        "last",
        "quarter",
        "half",
        "of",
        "the",
        "early",
        "mid-",
        "mid",
        "late",
        "end",
        "end-",
        "year",
        "year-end",
        "by",
        "before",
        "no later than",
        "from",
        "between",
        "and",
        "to",
        "until",
        "–",
        "—",
        "-",
        "/",
        ",",
        ".",
        "2024-02-29",
        "2023-02-29",
        "2024-09",
        "2024-13",
        "soon",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_text(text in any::<String>(), ctx in any::<Option<i16>>()) {
        check_invariants(&text, ctx)?;
    }

    #[test]
    fn never_panics_on_date_like_text(
        pieces in prop::collection::vec(piece(), 0..7),
        spaced in any::<bool>(),
        ctx in any::<Option<i16>>(),
    ) {
        let text = pieces.join(if spaced { " " } else { "" });
        check_invariants(&text, ctx)?;
    }
}
