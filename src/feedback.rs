//! What readers thought of the answers (opt-in, `[feedback] enabled`): 👍/👎 clicks and questions
//! that found nothing, kept as JSON lines in `state_dir/feedback.jsonl`, or in the PostgreSQL
//! store replicas share (`[store] url`), and `agenda-bot report`, the team's to-do list drawn
//! from them (most frequent first).
//!
//! A record holds the time, what happened, the command and the question, and for a vote the id
//! of the answer voted on (so repeated clicks count once); never who asked or where.

use crate::config::{Config, StoreUrl};
use crate::pg::{self, PgError};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The file in the state directory.
pub const FILE: &str = "feedback.jsonl";

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A question that found nothing.
    NothingFound,
    /// 👎 on an answer.
    Down,
    /// 👍 on an answer.
    Up,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::NothingFound => "nothing found",
            Kind::Down => "👎",
            Kind::Up => "👍",
        }
    }
}

/// One line of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub at: Timestamp,
    pub kind: Kind,
    /// The command (`meeting`, `initiative`, `mechanism`, `ask`) or `chat`.
    pub command: String,
    pub question: String,
    /// The answer voted on (its Discord message id), for votes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<u64>,
}

/// Why the feedback could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum FeedbackError {
    #[error("cannot write {}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read {}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Database(#[from] PgError),
}

/// What was read: the records, and the lines that were not records (`file:line: why`), skipped.
#[derive(Debug, Default)]
pub struct Read {
    pub records: Vec<Record>,
    pub skipped: Vec<String>,
}

/// `state_dir/feedback.jsonl`, appended one line per record (clones share one lock).
#[derive(Debug, Clone)]
pub struct FeedbackLog {
    path: PathBuf,
    lock: std::sync::Arc<Mutex<()>>,
}

impl FeedbackLog {
    pub fn in_state_dir(state_dir: &Path) -> FeedbackLog {
        FeedbackLog {
            path: state_dir.join(FILE),
            lock: Default::default(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `record` as one line. A line left unfinished by a crash is closed first, so it
    /// costs only itself.
    pub fn append(&self, record: &Record) -> Result<(), FeedbackError> {
        let _held = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let write = |source| FeedbackError::Write {
            path: self.path.clone(),
            source,
        };
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(write)?;
        }
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(&self.path)
            .map_err(write)?;
        let mut line = serde_json::to_string(record).expect("a record serialises");
        line.push('\n');
        if !ends_with_newline(&mut file).map_err(write)? {
            line.insert(0, '\n');
        }
        file.write_all(line.as_bytes()).map_err(write)
    }

    /// Every record; a line that is not one is skipped and named. No file: nothing recorded.
    pub fn read(&self) -> Result<Read, FeedbackError> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Read::default()),
            Err(source) => {
                return Err(FeedbackError::Read {
                    path: self.path.clone(),
                    source,
                })
            }
        };
        let mut read = Read::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Record>(line) {
                Ok(record) => read.records.push(record),
                Err(e) => read
                    .skipped
                    .push(format!("{}:{}: {e}", self.path.display(), n + 1)),
            }
        }
        Ok(read)
    }
}

/// The feedback table's schema, one step per version.
const SCHEMA: pg::Schema = pg::Schema {
    version_table: "agenda_feedback_schema",
    lock: 0x6167_656e_6461_0004,
    migrations: &["CREATE TABLE IF NOT EXISTS agenda_feedback (
            id BIGSERIAL PRIMARY KEY,
            at_ms BIGINT NOT NULL,
            kind TEXT NOT NULL,
            command TEXT NOT NULL,
            question TEXT NOT NULL,
            answer BIGINT
        )"],
};

/// The `agenda_feedback` table of the store replicas share.
pub struct PgFeedback {
    pool: deadpool_postgres::Pool,
    url: StoreUrl,
    schema: tokio::sync::OnceCell<()>,
}

impl std::fmt::Debug for PgFeedback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgFeedback")
            .field("url", &self.url)
            .finish()
    }
}

fn kind_text(kind: Kind) -> &'static str {
    match kind {
        Kind::NothingFound => "nothing_found",
        Kind::Down => "down",
        Kind::Up => "up",
    }
}

impl PgFeedback {
    /// A store for `url`; nothing connects before the first use.
    pub fn new(url: &StoreUrl) -> Result<PgFeedback, PgError> {
        Ok(PgFeedback {
            pool: pg::pool(url, "agenda-bot feedback", 2)?,
            url: url.clone(),
            schema: tokio::sync::OnceCell::new(),
        })
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, PgError> {
        let url = self.url.redacted();
        let mut client = self
            .pool
            .get()
            .await
            .map_err(|e| PgError::unavailable(url, e))?;
        self.schema
            .get_or_try_init(|| pg::migrate(&mut client, url, &SCHEMA))
            .await?;
        Ok(client)
    }

    pub async fn append(&self, record: &Record) -> Result<(), PgError> {
        let client = self.client().await?;
        let answer = record.answer.and_then(|a| i64::try_from(a).ok());
        client
            .execute(
                "INSERT INTO agenda_feedback (at_ms, kind, command, question, answer)
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    &record.at.as_millisecond(),
                    &kind_text(record.kind),
                    &record.command,
                    &record.question,
                    &answer,
                ],
            )
            .await
            .map_err(|e| PgError::unavailable(self.url.redacted(), e))?;
        Ok(())
    }

    /// Every record; a row this bot cannot read is skipped and named (`agenda_feedback id N`).
    pub async fn read(&self) -> Result<Read, PgError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT id, at_ms, kind, command, question, answer FROM agenda_feedback ORDER BY id",
                &[],
            )
            .await
            .map_err(|e| PgError::unavailable(self.url.redacted(), e))?;
        let mut read = Read::default();
        for row in rows {
            let id: i64 = row.get(0);
            let kind = match row.get::<_, &str>(2) {
                "nothing_found" => Some(Kind::NothingFound),
                "down" => Some(Kind::Down),
                "up" => Some(Kind::Up),
                _ => None,
            };
            let at = Timestamp::from_millisecond(row.get(1)).ok();
            match (kind, at) {
                (Some(kind), Some(at)) => read.records.push(Record {
                    at,
                    kind,
                    command: row.get(3),
                    question: row.get(4),
                    answer: row
                        .get::<_, Option<i64>>(5)
                        .and_then(|a| u64::try_from(a).ok()),
                }),
                _ => read
                    .skipped
                    .push(format!("agenda_feedback id {id}: not a feedback record")),
            }
        }
        Ok(read)
    }
}

/// Where feedback goes: the state directory's file, or the shared store.
#[derive(Debug)]
pub enum FeedbackStore {
    File(FeedbackLog),
    Postgres(PgFeedback),
}

impl FeedbackStore {
    /// The store of `config`: PostgreSQL with `[store] url`, the state directory otherwise.
    pub fn for_config(config: &Config) -> Result<FeedbackStore, PgError> {
        Ok(match &config.store.url {
            Some(url) => FeedbackStore::Postgres(PgFeedback::new(url)?),
            None => FeedbackStore::File(FeedbackLog::in_state_dir(&config.state_dir)),
        })
    }

    /// Where it is, for messages (no password).
    pub fn describe(&self) -> String {
        match self {
            FeedbackStore::File(log) => log.path().display().to_string(),
            FeedbackStore::Postgres(pg) => pg.url.redacted().to_string(),
        }
    }

    /// Appends `record` (off the async threads for the file).
    pub async fn append(&self, record: Record) -> Result<(), FeedbackError> {
        match self {
            FeedbackStore::File(log) => {
                let log = log.clone();
                let path = log.path().to_path_buf();
                tokio::task::spawn_blocking(move || log.append(&record))
                    .await
                    .unwrap_or_else(|e| {
                        Err(FeedbackError::Write {
                            path,
                            source: std::io::Error::other(e),
                        })
                    })
            }
            FeedbackStore::Postgres(pg) => Ok(pg.append(&record).await?),
        }
    }

    /// Every record, and what could not be read.
    pub async fn read(&self) -> Result<Read, FeedbackError> {
        match self {
            FeedbackStore::File(log) => log.read(),
            FeedbackStore::Postgres(pg) => Ok(pg.read().await?),
        }
    }
}

fn ends_with_newline(file: &mut std::fs::File) -> std::io::Result<bool> {
    use std::io::{Read as _, Seek, SeekFrom};
    if file.metadata()?.len() == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// One line of the report: a question, what happened to it, how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub kind: Kind,
    /// Times asked (nothing found) or answers voted on (👎).
    pub count: usize,
    pub question: String,
    pub commands: Vec<String>,
    pub last: Timestamp,
}

/// The to-do list: the unanswered and 👎 questions since a time, most frequent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub since: Option<Timestamp>,
    pub rows: Vec<Row>,
    /// 👍 votes in the same time, not listed.
    pub helpful: usize,
}

/// A question as it is grouped: lower case, words single-spaced, no closing punctuation.
fn normalised(question: &str) -> String {
    let words: Vec<String> = question.split_whitespace().map(str::to_lowercase).collect();
    words
        .join(" ")
        .trim_end_matches(['?', '.', '!'])
        .trim()
        .to_string()
}

/// The report of `records` from `since` on. Votes on one answer count once per kind.
pub fn report(records: &[Record], since: Option<Timestamp>) -> Report {
    let mut groups: HashMap<(Kind, String), Row> = HashMap::new();
    let mut voted: std::collections::HashSet<(Kind, u64)> = Default::default();
    let mut helpful = 0;
    let mut sorted: Vec<&Record> = records
        .iter()
        .filter(|r| since.is_none_or(|s| r.at >= s))
        .collect();
    sorted.sort_by_key(|r| r.at);
    for record in sorted {
        if let Some(answer) = record.answer {
            if !voted.insert((record.kind, answer)) {
                continue;
            }
        }
        if record.kind == Kind::Up {
            helpful += 1;
            continue;
        }
        let key = (record.kind, normalised(&record.question));
        let row = groups.entry(key).or_insert_with(|| Row {
            kind: record.kind,
            count: 0,
            question: String::new(),
            commands: Vec::new(),
            last: record.at,
        });
        row.count += 1;
        row.question = record.question.trim().to_string();
        row.last = record.at;
        if !row.commands.contains(&record.command) {
            row.commands.push(record.command.clone());
        }
    }
    let mut rows: Vec<Row> = groups.into_values().collect();
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.last.cmp(&a.last))
            .then(a.kind.cmp(&b.kind))
            .then(a.question.cmp(&b.question))
    });
    Report {
        since,
        rows,
        helpful,
    }
}

/// The report as text for a terminal.
pub fn write_report(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let total = |kind| {
        report
            .rows
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.count)
            .sum::<usize>()
    };
    let (unanswered, down) = (total(Kind::NothingFound), total(Kind::Down));
    let since = report
        .since
        .map(|s| format!(" since {}", s.strftime("%Y-%m-%d")))
        .unwrap_or_default();
    writeln!(
        out,
        "Feedback{since}: {unanswered} question(s) found nothing, {down} answer(s) got 👎, {} got 👍.",
        report.helpful
    )?;
    if report.rows.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{:>5}  {:<13}  {:<10}  {:<18}  question",
        "count", "what", "last", "command"
    )?;
    for row in &report.rows {
        writeln!(
            out,
            "{:>5}  {:<13}  {:<10}  {:<18}  {}",
            row.count,
            row.kind.label(),
            row.last.strftime("%Y-%m-%d").to_string(),
            row.commands.join(","),
            row.question.replace(['\n', '\r'], " ")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> Timestamp {
        format!("2026-12-{day:02}T09:00:00Z").parse().unwrap()
    }

    fn record(day: u32, kind: Kind, question: &str, answer: Option<u64>) -> Record {
        Record {
            at: at(day),
            kind,
            command: "ask".into(),
            question: question.into(),
            answer,
        }
    }

    #[test]
    fn records_survive_a_round_trip_and_a_torn_line_costs_only_itself() {
        let dir = tempfile::tempdir().unwrap();
        let log = FeedbackLog::in_state_dir(&dir.path().join("state"));
        assert!(log.read().unwrap().records.is_empty(), "no file yet");
        let first = record(1, Kind::NothingFound, "who hosts the next ANCM?", None);
        log.append(&first).unwrap();
        // A crash in the middle of a write: half a line, no newline.
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(log.path())
            .unwrap();
        file.write_all(br#"{"at":"2026-12-02T0"#).unwrap();
        let second = record(3, Kind::Down, "ADMM theme", Some(7));
        log.append(&second).unwrap();
        let read = log.read().unwrap();
        assert_eq!(read.records, [first, second]);
        assert_eq!(read.skipped.len(), 1, "{:?}", read.skipped);
        assert!(
            read.skipped[0].contains("feedback.jsonl:2:"),
            "{:?}",
            read.skipped
        );
    }

    #[test]
    fn the_report_groups_questions_most_frequent_first_and_counts_a_vote_once() {
        let records = [
            record(1, Kind::NothingFound, "Who hosts the next ANCM?", None),
            record(2, Kind::NothingFound, "who  hosts the next ancm", None),
            record(2, Kind::Down, "ADMM theme", Some(10)),
            record(2, Kind::Down, "ADMM theme", Some(10)),
            record(3, Kind::Down, "admm theme?", Some(11)),
            record(4, Kind::NothingFound, "who hosts the next ANCM", None),
            record(4, Kind::Up, "AMIM-21", Some(12)),
            record(4, Kind::Up, "AMIM-21", Some(12)),
            record(5, Kind::NothingFound, "ACDFM venue", None),
        ];
        let r = report(&records, None);
        let rows: Vec<(Kind, usize, &str)> = r
            .rows
            .iter()
            .map(|row| (row.kind, row.count, row.question.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                (Kind::NothingFound, 3, "who hosts the next ANCM"),
                (Kind::Down, 2, "admm theme?"),
                (Kind::NothingFound, 1, "ACDFM venue"),
            ]
        );
        assert_eq!(r.helpful, 1, "two clicks on one answer count once");
        let since = report(&records, Some(at(3)));
        assert_eq!(since.rows[0].count, 1);
        assert_eq!(since.rows.len(), 3);
        let mut text = Vec::new();
        write_report(&r, &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(
            text.starts_with(
                "Feedback: 4 question(s) found nothing, 2 answer(s) got 👎, 1 got 👍."
            ),
            "{text}"
        );
        assert!(text.contains("2026-12-04"), "{text}");
    }
}
