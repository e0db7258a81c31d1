//! The date forms the parser accepts, each with an example and what it means: the list the
//! "unrecognised date" error gives, checked by the tests against the parser (every example
//! parses as stated and by its form; every form the parser reports has an example).

use super::Precision;
use jiff::civil::{date, Date};

/// One way the parser reads (part of) a date; [`super::parse::parse_with_forms`] reports which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `2024-09-03`.
    IsoDay,
    /// `2024-09`.
    IsoMonth,
    /// `2024`.
    Year,
    /// `3 September 2024`, `3rd September 2024`, `the 3rd of Sept. 2024`.
    DayMonth,
    /// `September 3, 2024`, `Nov 20th, 2024`.
    MonthDay,
    /// `September 2024`, `Sept 2024`.
    Month,
    /// `Q3 2024`, `Q3/2024`, `2024 Q3`.
    Quarter,
    /// `third quarter of 2024`, `last quarter 2024`.
    QuarterWords,
    /// `H1 2025`, `1H 2025`.
    Half,
    /// `first half of 2025`.
    HalfWords,
    /// `early 2025`, `mid-2025`, `late 2025`, `end of 2025`, `year-end`.
    PartOfYear,
    /// No year: the statement's year is used (`September 3`, `mid-year`).
    WithoutYear,
    /// Two dates joined by a dash, `/`, `to`, `until`, `through` (optionally led by `from`), or
    /// two days by `and` (`21 and 22 December`).
    Range,
    /// `2024/25`: the end's century from the start.
    ShortYearSpan,
    /// `between 2024 and 2026`.
    Between,
    /// `by X`, `by the end of X`, `no later than X`.
    By,
    /// `before X`, `prior to X`: the period just before `X`.
    Before,
}

impl Form {
    /// Every form.
    pub const ALL: [Form; 17] = [
        Form::IsoDay,
        Form::IsoMonth,
        Form::Year,
        Form::DayMonth,
        Form::MonthDay,
        Form::Month,
        Form::Quarter,
        Form::QuarterWords,
        Form::Half,
        Form::HalfWords,
        Form::PartOfYear,
        Form::WithoutYear,
        Form::Range,
        Form::ShortYearSpan,
        Form::Between,
        Form::By,
        Form::Before,
    ];

    fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// The forms one text was read by ("3 – 5 September 2024": [`Form::Range`] and
/// [`Form::DayMonth`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forms(u32);

impl Forms {
    pub fn contains(self, form: Form) -> bool {
        self.0 & form.bit() != 0
    }

    pub(super) fn insert(&mut self, form: Form) {
        self.0 |= form.bit();
    }
}

/// An example of a [`Form`] and what the parser makes of it.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    pub form: Form,
    pub text: &'static str,
    /// The year of the statement the text comes from, for [`Form::WithoutYear`].
    pub context_year: Option<i16>,
    pub start: Date,
    pub end: Date,
    pub precision: Precision,
    pub deadline: bool,
}

const fn example(
    form: Form,
    text: &'static str,
    start: Date,
    end: Date,
    precision: Precision,
) -> Example {
    Example {
        form,
        text,
        context_year: None,
        start,
        end,
        precision,
        deadline: false,
    }
}

const fn deadline(example: Example) -> Example {
    Example {
        deadline: true,
        ..example
    }
}

const fn in_year(year: i16, example: Example) -> Example {
    Example {
        context_year: Some(year),
        ..example
    }
}

use Precision::{Day, Half, Month, Quarter, Year, Years};

/// One example per form (two where the form has a spelling people do not guess).
pub const EXAMPLES: &[Example] = &[
    example(
        Form::IsoDay,
        "2024-09-03",
        date(2024, 9, 3),
        date(2024, 9, 3),
        Day,
    ),
    example(
        Form::IsoMonth,
        "2024-09",
        date(2024, 9, 1),
        date(2024, 9, 30),
        Month,
    ),
    example(
        Form::Year,
        "2024",
        date(2024, 1, 1),
        date(2024, 12, 31),
        Year,
    ),
    example(
        Form::DayMonth,
        "3 September 2024",
        date(2024, 9, 3),
        date(2024, 9, 3),
        Day,
    ),
    example(
        Form::MonthDay,
        "Nov 20th, 2024",
        date(2024, 11, 20),
        date(2024, 11, 20),
        Day,
    ),
    example(
        Form::Month,
        "September 2024",
        date(2024, 9, 1),
        date(2024, 9, 30),
        Month,
    ),
    example(
        Form::Quarter,
        "Q3 2024",
        date(2024, 7, 1),
        date(2024, 9, 30),
        Quarter,
    ),
    example(
        Form::QuarterWords,
        "third quarter of 2024",
        date(2024, 7, 1),
        date(2024, 9, 30),
        Quarter,
    ),
    example(
        Form::Half,
        "H1 2025",
        date(2025, 1, 1),
        date(2025, 6, 30),
        Half,
    ),
    example(
        Form::HalfWords,
        "second half of 2025",
        date(2025, 7, 1),
        date(2025, 12, 31),
        Half,
    ),
    example(
        Form::PartOfYear,
        "mid-2025",
        date(2025, 5, 1),
        date(2025, 8, 31),
        Year,
    ),
    in_year(
        2024,
        example(
            Form::WithoutYear,
            "September 3",
            date(2024, 9, 3),
            date(2024, 9, 3),
            Day,
        ),
    ),
    example(
        Form::Range,
        "2024-2027",
        date(2024, 1, 1),
        date(2027, 12, 31),
        Years,
    ),
    example(
        Form::Range,
        "3 – 5 September 2024",
        date(2024, 9, 3),
        date(2024, 9, 5),
        Day,
    ),
    example(
        Form::ShortYearSpan,
        "2024/25",
        date(2024, 1, 1),
        date(2025, 12, 31),
        Years,
    ),
    example(
        Form::Between,
        "between 2024 and 2026",
        date(2024, 1, 1),
        date(2026, 12, 31),
        Years,
    ),
    deadline(example(
        Form::By,
        "by end-2025",
        date(2025, 1, 1),
        date(2025, 12, 31),
        Year,
    )),
    deadline(example(
        Form::Before,
        "before 2026",
        date(2025, 1, 1),
        date(2025, 12, 31),
        Year,
    )),
];

/// The examples, quoted and comma-separated, as the parse error lists them.
pub fn listed() -> String {
    let quoted: Vec<String> = EXAMPLES.iter().map(|e| format!("{:?}", e.text)).collect();
    quoted.join(", ")
}
