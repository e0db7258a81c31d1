//! How many days ahead a digest looks: one bound, one parse and one message for the CLI, the
//! console, chat, the `/upcoming` slash command and `digest.days` in the config.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A window length in days, `1 ..= Days::MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u32")]
pub struct Days(u32);

/// A day count out of bounds, or not a number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DaysError {
    #[error("Pick between 1 and {max} days (you asked for {asked}).", max = Days::MAX)]
    OutOfRange { asked: i64 },
    #[error("The number of days must be a whole number between 1 and {max}, not {text:?}.", max = Days::MAX)]
    NotANumber { text: String },
}

impl Days {
    /// The longest window: a year, leap day included.
    pub const MAX: u32 = 366;
    /// The window when none is configured.
    pub const DEFAULT: Days = Days(30);

    pub fn new(days: u32) -> Result<Days, DaysError> {
        Days::try_from(i64::from(days))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for Days {
    fn default() -> Self {
        Days::DEFAULT
    }
}

impl TryFrom<i64> for Days {
    type Error = DaysError;

    fn try_from(days: i64) -> Result<Days, DaysError> {
        match u32::try_from(days) {
            Ok(d) if (1..=Days::MAX).contains(&d) => Ok(Days(d)),
            _ => Err(DaysError::OutOfRange { asked: days }),
        }
    }
}

impl From<Days> for u32 {
    fn from(days: Days) -> u32 {
        days.0
    }
}

impl FromStr for Days {
    type Err = DaysError;

    fn from_str(s: &str) -> Result<Days, DaysError> {
        let text = s.trim();
        match text.parse::<i64>() {
            Ok(n) => Days::try_from(n),
            // More digits than an i64 holds is still a number, and far out of range.
            Err(_) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
                Err(DaysError::OutOfRange { asked: i64::MAX })
            }
            Err(_) => Err(DaysError::NotANumber {
                text: text.chars().take(20).collect(),
            }),
        }
    }
}

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_one_to_max() {
        assert_eq!(Days::new(1).unwrap().get(), 1);
        assert_eq!(Days::new(Days::MAX).unwrap().get(), Days::MAX);
        for bad in [0, Days::MAX + 1, 3660, u32::MAX] {
            assert_eq!(
                Days::new(bad),
                Err(DaysError::OutOfRange {
                    asked: i64::from(bad)
                })
            );
        }
        assert_eq!(Days::default().get(), 30);
    }

    #[test]
    fn parses_numbers_and_explains_the_rest() {
        assert_eq!("60".parse::<Days>().unwrap().get(), 60);
        assert_eq!(" 7 ".parse::<Days>().unwrap().get(), 7);
        let e = "9999".parse::<Days>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "Pick between 1 and 366 days (you asked for 9999)."
        );
        assert!(matches!(
            "-3".parse::<Days>(),
            Err(DaysError::OutOfRange { asked: -3 })
        ));
        assert!(matches!(
            "99999999999999999999999".parse::<Days>(),
            Err(DaysError::OutOfRange { .. })
        ));
        let e = "abc".parse::<Days>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "The number of days must be a whole number between 1 and 366, not \"abc\"."
        );
    }

    #[test]
    fn serde_takes_a_bounded_integer() {
        #[derive(Debug, Deserialize)]
        struct W {
            days: Days,
        }
        let w: W = serde_json::from_str(r#"{"days": 45}"#).unwrap();
        assert_eq!(w.days.get(), 45);
        let e = serde_json::from_str::<W>(r#"{"days": 0}"#).unwrap_err();
        assert!(e.to_string().contains("Pick between 1 and 366"), "{e}");
        assert_eq!(serde_json::to_string(&w.days).unwrap(), "45");
    }
}
