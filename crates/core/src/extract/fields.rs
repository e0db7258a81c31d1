//! A meeting's fields read from its sentence: the date (one policy, [`date_in`]) and the theme.

use super::text::{find_dates, sentences, Found};
use crate::dates::Precision;

/// Words saying a sentence is about a meeting still to come, which may then be dated by "for"
/// and by its year alone ("to be held … in 2026", "scheduled for 3 November 2026").
const FUTURE_WORDS: &[&str] = &[
    "to be held",
    "will be held",
    "will take place",
    "is scheduled",
    "scheduled for",
    "slated for",
    "planned for",
    "set for",
];

/// Which date of a sentence is a meeting's: the word it follows and how precise it must be.
pub(super) struct DatePolicy {
    /// Words the date follows ("on 3 May", "in May", "from 3 to 5 May").
    leads: &'static [&'static str],
    /// Whether a month is precise enough; a day always is.
    months: bool,
    /// Whether, in a sentence about the future ([`FUTURE_WORDS`]), "for" leads a date and a year
    /// alone is precise enough.
    planned: bool,
}

/// The date of a meeting its sentence names.
pub(super) const MEETING_DATE: DatePolicy = DatePolicy {
    leads: &["on", "in", "from", "between"],
    months: true,
    planned: true,
};

/// The date that makes a series named without a number one meeting of it.
pub(super) const OCCURRENCE_DATE: DatePolicy = DatePolicy {
    leads: &["on", "in", "from"],
    months: true,
    planned: false,
};

/// The day of a meeting between two sides.
pub(super) const BILATERAL_DATE: DatePolicy = DatePolicy {
    leads: &["on"],
    months: false,
    planned: false,
};

/// The first date of `sentence` that `policy` takes as a meeting's; `year` completes dates
/// written without one.
pub(super) fn date_in(sentence: &str, year: Option<i16>, policy: &DatePolicy) -> Option<Found> {
    let future = policy.planned && {
        let lower = sentence.to_ascii_lowercase();
        FUTURE_WORDS.iter().any(|w| lower.contains(w))
    };
    find_dates(sentence, year, false).into_iter().find(|d| {
        (policy.leads.contains(&d.lead.as_str()) || (future && d.lead == "for"))
            && (d.when.precision == Precision::Day
                || (policy.months && d.when.precision == Precision::Month)
                || (future && d.when.precision == Precision::Year))
    })
}

/// Words that introduce a meeting's theme.
const THEME_LEADS: &[&str] = &["theme", "motto", "focused on", "under the banner"];
/// Words that introduce a theme written without quotes, up to the sentence's end.
const UNQUOTED_THEME_LEADS: &[&str] = &["on the topic of ", "under the theme of ", "themed "];

/// A meeting's theme: a quoted title after "theme" or "focused on" (`With the theme “ASEAN:
/// Together for …”`), or a capitalised title after "on the topic of" (`exchanged views on the
/// topic of Synergy at Sea: …`).
pub(super) fn theme(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for lead in THEME_LEADS {
        let Some(at) = lower.find(lead) else { continue };
        let rest = &text[at..];
        let Some(open) = rest.find(['“', '"']) else {
            continue;
        };
        if open > 30 {
            continue;
        }
        let inner = &rest[open + rest[open..].chars().next()?.len_utf8()..];
        let close = inner.find(['”', '"'])?;
        let theme = inner[..close].trim().trim_end_matches([',', '.']);
        if !theme.is_empty() {
            return Some(theme.to_string());
        }
    }
    let at = UNQUOTED_THEME_LEADS
        .iter()
        .find_map(|lead| lower.find(lead).map(|i| i + lead.len()))?;
    let rest = &text[at..];
    let end = sentences(rest).first().map_or(rest.len(), |(r, _)| r.end);
    let theme = rest[..end].trim().trim_end_matches(['.', ',']);
    (theme.starts_with(|c: char| c.is_uppercase()) && theme.split_whitespace().count() <= 15)
        .then(|| theme.to_string())
}
