//! Words a normalised range for people: "Q3 2024 (1 July – 30 September 2024)", "by 31 December
//! 2025 (2025)".

use super::{DateRange, Precision};
use jiff::civil::Date;

impl DateRange {
    /// Human wording of the normalised range, e.g. "3 September 2024", "September 2024",
    /// "Q3 2024 (1 July – 30 September 2024)", "2024 – 2026 (1 January 2024 – 31 December 2026)".
    /// Deadlines read "by 31 December 2025 (2025)".
    pub fn describe(&self) -> String {
        let (label, span) = describe_span(self.start, self.end, self.precision);
        if self.deadline {
            let due = fmt_day(self.end);
            return match label {
                Some(label) if label != due => format!("by {due} ({label})"),
                _ => format!("by {due}"),
            };
        }
        match label {
            Some(label) if label == span || !needs_span(self.precision, &label) => label,
            Some(label) => format!("{label} ({span})"),
            None => span,
        }
    }
}

/// "22 November 2026 – 21 January 2027", or one day.
pub fn span(from: Date, to: Date) -> String {
    DateRange {
        as_written: String::new(),
        start: from,
        end: to.max(from),
        precision: Precision::Day,
        deadline: false,
    }
    .describe()
}

/// Whether a label leaves the exact days unclear: "Q3 2024" and "mid 2025" do; "September 2024"
/// and "2024" do not.
fn needs_span(precision: Precision, label: &str) -> bool {
    match precision {
        Precision::Day | Precision::Month => false,
        Precision::Year => !label.bytes().all(|b| b.is_ascii_digit() || b == b'-'),
        Precision::Quarter | Precision::Half | Precision::Years => true,
    }
}

/// The months' English names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(d: Date) -> &'static str {
    MONTH_NAMES[usize::try_from(d.month() - 1).unwrap_or(0).min(11)]
}

/// "31 December 2026".
pub fn fmt_day(d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(d), d.year())
}

fn fmt_span(a: Date, b: Date) -> String {
    if a == b {
        fmt_day(a)
    } else if a.year() == b.year() && a.month() == b.month() {
        format!("{} – {} {} {}", a.day(), b.day(), month_name(b), b.year())
    } else if a.year() == b.year() {
        format!(
            "{} {} – {} {} {}",
            a.day(),
            month_name(a),
            b.day(),
            month_name(b),
            b.year()
        )
    } else {
        format!("{} – {}", fmt_day(a), fmt_day(b))
    }
}

/// Whether `start ..= end` is made of whole blocks of `n` months aligned to the year.
fn aligned(start: Date, end: Date, n: i8) -> bool {
    start.day() == 1
        && (start.month() - 1) % n == 0
        && end == end.last_of_month()
        && end.month() % n == 0
}

/// "Q3 2024", "Q3 – Q4 2024", "Q4 2024 – Q1 2025" from a label for each block.
fn block_label(start: Date, end: Date, label: impl Fn(Date) -> String) -> String {
    let (a, b) = (label(start), label(end));
    if start.year() != end.year() {
        format!("{a} {} – {b} {}", start.year(), end.year())
    } else if a == b {
        format!("{a} {}", start.year())
    } else {
        format!("{a} – {b} {}", start.year())
    }
}

/// A label for the range when it is made of whole periods ("Q3 2024", "2024 – 2026"), and the
/// span of days it covers.
fn describe_span(start: Date, end: Date, precision: Precision) -> (Option<String>, String) {
    let span = fmt_span(start, end);
    let full_years = start.month() == 1 && start.day() == 1 && end.month() == 12 && end.day() == 31;
    let label = match precision {
        Precision::Month if aligned(start, end, 1) => {
            Some(block_label(start, end, |d| month_name(d).to_string()))
        }
        Precision::Quarter if aligned(start, end, 3) => Some(block_label(start, end, |d| {
            format!("Q{}", (d.month() - 1) / 3 + 1)
        })),
        Precision::Half if aligned(start, end, 6) => Some(block_label(start, end, |d| {
            format!("H{}", (d.month() - 1) / 6 + 1)
        })),
        Precision::Year if full_years && start.year() == end.year() => {
            Some(start.year().to_string())
        }
        Precision::Year if aligned(start, end, 4) => Some(block_label(start, end, |d| {
            ["early", "mid", "late"][usize::try_from((d.month() - 1) / 4).unwrap_or(0).min(2)]
                .to_string()
        })),
        Precision::Years if full_years => Some(format!("{} – {}", start.year(), end.year())),
        _ => None,
    };
    (label, span)
}

/// `21` → `"21st"`, `12` → `"12th"`: how statements number meetings.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
