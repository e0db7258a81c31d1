//! The files of the real set: one TOML per statement under `tests/realdev/statements/`, holding
//! its manifest entry (where the text comes from and its sha256), our gold facts and questions.

use crate::eval::Split;
use anyhow::{bail, Context, Result};
use jiff::civil::Date;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Every statement of the set, in file-name order.
#[derive(Debug, Clone)]
pub struct RealSet {
    pub statements: Vec<Statement>,
}

/// One statement's file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub statement: Manifest,
    #[serde(default)]
    pub meeting: Vec<GoldMeeting>,
    #[serde(default)]
    pub body: Vec<GoldBody>,
    #[serde(default)]
    pub initiative: Vec<GoldInitiative>,
    #[serde(default)]
    pub question: Vec<Question>,
}

/// Where a text comes from, so that any session can collect it again and check it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub id: String,
    /// The text's file name in the texts folder.
    pub file: String,
    pub url: String,
    pub title: String,
    pub source: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as `add --published` takes it.
    pub published: String,
    /// The search that finds it.
    pub query: String,
    /// Of the text as kept.
    pub sha256: String,
    /// Decided by the sha256 (first hex digit 8–f: held-out), before any tuning.
    pub split: Split,
}

/// A meeting or exercise instance the text reports or announces.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldMeeting {
    /// The series' acronym ("ADMM", "ANCM"), empty when it has none.
    #[serde(default)]
    pub series: String,
    pub series_name: Option<String>,
    pub number: Option<u32>,
    pub year: Option<i16>,
    /// ISO day, `day/day` range, month or year.
    pub date: Option<String>,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub theme: Option<String>,
    #[serde(default)]
    pub planned: bool,
}

/// A mechanism, body, network, centre, working group or programme.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldBody {
    pub acronym: Option<String>,
    pub name: String,
}

/// A concept paper, work plan, road map, declaration, task force…
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldInitiative {
    pub name: String,
    pub timeline: Option<String>,
    pub status: Option<String>,
}

/// How a question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Command {
    Ask,
    Meeting,
    Mechanism,
    Initiative,
    /// Typed in chat as it stands (`/upcoming`, or a question with time words).
    Upcoming,
}

impl Command {
    pub const ALL: [Command; 5] = [
        Command::Ask,
        Command::Meeting,
        Command::Mechanism,
        Command::Initiative,
        Command::Upcoming,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Command::Ask => "ask",
            Command::Meeting => "meeting",
            Command::Mechanism => "mechanism",
            Command::Initiative => "initiative",
            Command::Upcoming => "upcoming",
        }
    }
}

/// A question a team member would ask, answerable from its statement alone.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub command: Command,
    pub text: String,
    pub class: String,
    /// Every element must appear in the reply; " | " separates accepted forms of one element.
    pub answer: Vec<String>,
    /// The bot's clock for this question.
    pub today: Option<Date>,
}

impl RealSet {
    /// Loads every `*.toml` of `dir`; a file that does not parse is named with its error.
    pub fn load(dir: &Path) -> Result<RealSet> {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        let mut statements = Vec::new();
        for path in paths {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let s: Statement =
                toml::from_str(&text).with_context(|| format!("{}", path.display()))?;
            if s.question.iter().any(|q| q.answer.is_empty()) {
                bail!("{}: a question without an answer", path.display());
            }
            statements.push(s);
        }
        Ok(RealSet { statements })
    }

    pub fn questions(&self) -> usize {
        self.statements.iter().map(|s| s.question.len()).sum()
    }
}

/// The text a team member would paste: without the "date YYYY-MM-DD" the search tool puts
/// before some collected texts (kept as collected, so that their sha256 holds).
pub fn as_pasted(text: &str) -> &str {
    let trimmed = text.trim_start();
    let Some(rest) = trimmed.strip_prefix("date ") else {
        return text;
    };
    let day = rest.get(..10).unwrap_or("");
    let is_day = day.len() == 10
        && day.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if is_day {
        rest[10..].trim_start_matches(' ')
    } else {
        text
    }
}

/// Lowercase hex sha256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_tools_date_mark_is_not_pasted() {
        assert_eq!(
            as_pasted(" date 2025-11-01 Hanoi, 1 Nov – Text"),
            "Hanoi, 1 Nov – Text"
        );
        assert_eq!(as_pasted("date 2025-11-01\nText"), "\nText");
        assert_eq!(as_pasted("date of the meeting"), "date of the meeting");
        assert_eq!(as_pasted("Text"), "Text");
    }

    #[test]
    fn a_statement_file_parses_and_unknown_keys_are_refused() {
        let ok = r#"
            [statement]
            id = "x01-test"
            file = "x01-test.txt"
            url = "https://example.org/a"
            title = "A test"
            source = "Us"
            published = "2024-05-01"
            query = "test"
            sha256 = "00"
            split = "held-out"
            [[meeting]]
            series = "ADMM"
            number = 18
            [[question]]
            command = "meeting"
            text = "ADMM 18"
            class = "where"
            answer = ["Vientiane | Laos"]
        "#;
        let s: Statement = toml::from_str(ok).unwrap();
        assert_eq!(s.statement.split, Split::HeldOut);
        assert_eq!(s.meeting[0].number, Some(18));
        assert_eq!(s.question[0].command, Command::Meeting);
        let bad = ok.replace("class = \"where\"", "klass = \"where\"");
        assert!(toml::from_str::<Statement>(&bad).is_err());
    }

    /// The shipped set parses, and every statement's half is the one its hash decides.
    #[test]
    fn the_shipped_set_loads_and_its_halves_follow_the_hash() {
        let set = RealSet::load(&crate::repo_root().join("tests/realdev/statements")).unwrap();
        assert!(set.statements.len() >= 200);
        for s in &set.statements {
            let m = &s.statement;
            let held_out = m
                .sha256
                .starts_with(['8', '9', 'a', 'b', 'c', 'd', 'e', 'f']);
            let want = if held_out { Split::HeldOut } else { Split::Dev };
            assert_eq!(m.split, want, "{}", m.id);
            assert_eq!(m.sha256.len(), 64, "{}", m.id);
            assert_eq!(m.file, format!("{}.txt", m.id));
        }
    }

    /// The probes' gold parses, and every probe is dev: they were read while tuning before their
    /// gold was written, so none can be held out.
    #[test]
    fn the_probe_gold_loads_and_is_all_dev() {
        let set = RealSet::load(&crate::repo_root().join("tests/realdev/probes")).unwrap();
        assert!(set.statements.len() >= 150);
        for s in &set.statements {
            let m = &s.statement;
            assert_eq!(m.split, Split::Dev, "{}", m.id);
            assert_eq!(m.sha256.len(), 64, "{}", m.id);
            assert!(
                m.id.starts_with(m.file.trim_end_matches(".txt")),
                "{}",
                m.id
            );
        }
    }

    #[test]
    fn sha256_is_the_usual_one() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
