//! The real-statement set (`tests/realdev/`): public news items whose texts stay outside the
//! repository (a git-ignored folder, checked by sha256), with gold facts and questions we wrote.
//! [`run`] adds every text to a scratch copy of the corpus as `agenda-bot add` does, asks every
//! question of the bot and of an SQLite FTS5 baseline over the same paragraphs, and scores the
//! extracted facts against the gold ones ([`extraction`]).

pub mod extraction;
pub mod judge;
mod set;

pub use set::{
    Command, GoldBody, GoldInitiative, GoldMeeting, Manifest, Question, RealSet, Statement,
};

use crate::add_statement::copy_dir;
use crate::eval::Split;
use agenda_bot::add::{add, AddRequest};
use agenda_core::command::{self, UpcomingFrom};
use agenda_core::corpus::{Corpus, Fact};
use agenda_core::digest::Days;
use agenda_core::index::AgendaIndex;
use agenda_core::ingest::Overrides;
use agenda_core::query::Scope;
use agenda_core::render;
use anyhow::{Context, Result};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Results of the bot shown to the judge: the first three (as many as the baseline's paragraphs).
pub const SHOWN: usize = 3;
/// `/upcoming` without a count looks this many days ahead, as the shipped config does.
pub const UPCOMING_DAYS: u32 = 30;

/// One question asked of both engines.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub statement: String,
    pub split: Split,
    pub question: Question,
    pub bot: bool,
    pub fts5: bool,
    /// What the bot replied (its first [`SHOWN`] results), for the list of misses.
    pub reply: String,
}

/// A statement that could not be scored, and why (text missing or changed, `add` refused it).
#[derive(Debug, Clone)]
pub struct Skipped {
    pub statement: String,
    pub reason: String,
}

/// Everything one run measured.
#[derive(Debug)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
    pub extraction: Vec<(Split, extraction::Score)>,
    /// Statements whose text does not match the manifest: their questions are still asked.
    pub changed: Vec<Skipped>,
    /// Statements `add` refused: their questions count as misses for the bot.
    pub refused: Vec<Skipped>,
    /// What extraction missed or got wrong, by half.
    pub extraction_misses: Vec<(Split, String)>,
}

/// Adds the set's texts (from `texts`) to a scratch copy of `corpus`, asks every question and
/// scores the extraction. `today` is the clock of questions that do not set their own.
pub fn run(set: &RealSet, texts: &Path, corpus: &Path, today: Date) -> Result<Report> {
    let work = tempfile::tempdir().context("cannot make a scratch directory")?;
    let scratch = work.path().join("corpus");
    copy_dir(corpus, &scratch)?;
    let mut changed = Vec::new();
    let mut refused = Vec::new();
    let mut raw_paragraphs: Vec<(String, String)> = Vec::new();
    let mut added: BTreeMap<String, Vec<Fact>> = BTreeMap::new();
    // The ids `add` gave the statements: the baseline indexes their raw paragraphs instead.
    let mut added_ids: std::collections::HashSet<String> = std::collections::HashSet::new();
    for s in &set.statements {
        let m = &s.statement;
        let path = texts.join(&m.file);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                refused.push(Skipped {
                    statement: m.id.clone(),
                    reason: format!("cannot read {}: {e}", path.display()),
                });
                continue;
            }
        };
        if set::sha256_hex(text.as_bytes()) != m.sha256 {
            changed.push(Skipped {
                statement: m.id.clone(),
                reason: "the text differs from the manifest's sha256".into(),
            });
        }
        let text = set::as_pasted(&text).to_string();
        for (i, p) in judge::paragraphs(&text).into_iter().enumerate() {
            raw_paragraphs.push((format!("{}#{}", m.id, i + 1), p));
        }
        let req = AddRequest {
            text,
            name: Some(path.to_string_lossy().into_owned()),
            overrides: Overrides {
                source: Some(m.source.clone()),
                published: Some(m.published.clone()),
                url: Some(m.url.clone()),
                ..Overrides::default()
            },
            dry_run: false,
        };
        match add(&scratch, &req) {
            Ok(a) => {
                added_ids.insert(a.statement_id);
                added.insert(m.id.clone(), a.facts);
            }
            Err(e) => refused.push(Skipped {
                statement: m.id.clone(),
                reason: e.to_string(),
            }),
        }
    }
    if let Some(keep) = std::env::var_os("AGENDA_EVAL_KEEP_CORPUS") {
        // A copy of the scratch corpus, to ask it questions with the CLI while tuning.
        copy_dir(&scratch, Path::new(&keep))?;
    }
    let loaded = Corpus::load(&scratch).context("the scratch corpus does not load")?;
    let index = AgendaIndex::build_in_ram(&loaded).context("indexing the scratch corpus")?;
    let db = judge::Fts5Paragraphs::build(
        loaded
            .statements
            .iter()
            .filter(|s| !added_ids.contains(&s.id))
            .flat_map(|s| {
                s.paragraphs
                    .iter()
                    .map(|p| (format!("{}#{}", s.id, p.number), p.text.clone()))
            })
            .chain(raw_paragraphs),
    )?;

    let mut outcomes = Vec::new();
    for s in &set.statements {
        for q in &s.question {
            let reply = bot_reply(&index, q, q.today.unwrap_or(today))?;
            let baseline = db.top_text(&q.text, SHOWN)?;
            outcomes.push(Outcome {
                statement: s.statement.id.clone(),
                split: s.statement.split,
                question: q.clone(),
                bot: judge::answers(&reply, &q.answer),
                fts5: judge::answers(&baseline, &q.answer),
                reply,
            });
        }
    }

    let mut scores: BTreeMap<Split, extraction::Score> = BTreeMap::new();
    let mut extraction_misses = Vec::new();
    for s in &set.statements {
        let facts = added.get(&s.statement.id).map_or(&[][..], Vec::as_slice);
        let one = extraction::score(s, facts, &loaded.bodies);
        extraction_misses.extend(
            one.misses
                .iter()
                .map(|m| (s.statement.split, format!("{}: {m}", s.statement.id))),
        );
        scores.entry(s.statement.split).or_default().add(&one);
    }
    Ok(Report {
        outcomes,
        extraction: scores.into_iter().collect(),
        changed,
        refused,
        extraction_misses,
    })
}

/// The bot's reply to a question as the console and chat give it: the first [`SHOWN`] results
/// as plain text, or the `/upcoming` listing.
pub fn bot_reply(index: &AgendaIndex, q: &Question, today: Date) -> Result<String> {
    let from = UpcomingFrom {
        today,
        default_days: Days::new(UPCOMING_DAYS).expect("30 is a valid count"),
    };
    let command = match q.command {
        Command::Ask => command::Command::query(Scope::Ask, &q.text),
        Command::Meeting => command::Command::query(Scope::Meeting, &q.text),
        Command::Mechanism => command::Command::query(Scope::Mechanism, &q.text),
        Command::Initiative => command::Command::query(Scope::Initiative, &q.text),
        Command::Upcoming => command::parse_line(&q.text),
    };
    Ok(match command::respond(index, command, from)? {
        command::Response::Answer(mut a) => {
            a.results.truncate(SHOWN);
            render::text::to_string(&a, render::text::Marks::Plain)
        }
        command::Response::Upcoming(d) => {
            let mut out = Vec::new();
            render::digest::write_text(&mut out, &d)?;
            String::from_utf8_lossy(&out).into_owned()
        }
        command::Response::Help => command::HELP.to_string(),
        command::Response::Notice(n) => n,
    })
}

/// Pass rates of both engines over some outcomes.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rate {
    pub questions: usize,
    pub bot: usize,
    pub fts5: usize,
}

impl Rate {
    pub fn of<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>) -> Rate {
        let mut r = Rate::default();
        for o in outcomes {
            r.questions += 1;
            r.bot += usize::from(o.bot);
            r.fts5 += usize::from(o.fts5);
        }
        r
    }

    pub fn bot_share(self) -> f64 {
        share(self.bot, self.questions)
    }

    pub fn fts5_share(self) -> f64 {
        share(self.fts5, self.questions)
    }
}

fn share(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 / of as f64
    }
}

fn pct(n: usize, of: usize) -> String {
    if of == 0 {
        "—".into()
    } else {
        format!("{:.0} %", 100.0 * share(n, of))
    }
}

impl Report {
    /// The pass-rate table: rows per command and per question class, columns bot and FTS5 for
    /// the dev half, the held-out half and both.
    pub fn answers_table(&self) -> String {
        let halves = [Some(Split::Dev), Some(Split::HeldOut), None];
        let mut t = String::from(
            "| questions | dev n | dev bot | dev FTS5 | held-out n | held-out bot | held-out FTS5 | all n | all bot | all FTS5 |\n|---|---|---|---|---|---|---|---|---|---|\n",
        );
        let mut row = |label: String, pick: &dyn Fn(&Outcome) -> bool| {
            let _ = write!(t, "| {label} |");
            for half in halves {
                let r = Rate::of(
                    self.outcomes
                        .iter()
                        .filter(|o| half.is_none_or(|h| o.split == h) && pick(o)),
                );
                let _ = write!(
                    t,
                    " {} | {} | {} |",
                    r.questions,
                    pct(r.bot, r.questions),
                    pct(r.fts5, r.questions)
                );
            }
            t.push('\n');
        };
        row("**all**".into(), &|_| true);
        for c in Command::ALL {
            row(format!("`{}`", c.as_str()), &|o| o.question.command == c);
        }
        let classes: std::collections::BTreeSet<&str> = self
            .outcomes
            .iter()
            .map(|o| o.question.class.as_str())
            .collect();
        for class in classes {
            row(format!("class {class}"), &|o| o.question.class == class);
        }
        // Counts, which show a change the rounded percentages hide.
        t.push('\n');
        for (label, half) in [("dev", Split::Dev), ("held-out", Split::HeldOut)] {
            let r = Rate::of(self.outcomes.iter().filter(|o| o.split == half));
            let _ = writeln!(
                t,
                "{label}: bot answered {} of {}, FTS5 {}",
                r.bot, r.questions, r.fts5
            );
        }
        t
    }

    /// The extraction table per half: gold, found, fields equal, extra, per kind.
    pub fn extraction_table(&self) -> String {
        let mut t = String::from(
            "| half | kind | gold | found | found % | fields equal | extracted | extra | extra % |\n|---|---|---|---|---|---|---|---|---|\n",
        );
        for (split, s) in &self.extraction {
            for (kind, k) in s.kinds() {
                let _ = writeln!(
                    t,
                    "| {} | {kind} | {} | {} | {} | {} | {} | {} | {} |",
                    split.as_str(),
                    k.gold,
                    k.found,
                    pct(k.found, k.gold),
                    k.fields_cell(),
                    k.extracted,
                    k.extra,
                    pct(k.extra, k.extracted)
                );
            }
        }
        t.push_str(
            "\n| half | meetings found, by gold form (missed with the series found: edition off) |\n|---|---|\n",
        );
        for (split, s) in &self.extraction {
            let cells: Vec<String> = extraction::MEETING_FORMS
                .iter()
                .zip(s.meeting_forms)
                .zip(s.series_found_edition_missed)
                .map(|((form, (found, n)), edition)| format!("{form} {found}/{n} ({edition})"))
                .collect();
            let _ = writeln!(t, "| {} | {} |", split.as_str(), cells.join(", "));
        }
        t
    }

    /// The misses of one half: question, answer wanted, the first line of the bot's reply.
    pub fn misses(&self, split: Split) -> String {
        let mut t = String::new();
        for o in self.outcomes.iter().filter(|o| o.split == split && !o.bot) {
            let first: String = o
                .reply
                .lines()
                .take(3)
                .collect::<Vec<_>>()
                .join(" / ")
                .chars()
                .take(200)
                .collect();
            let _ = writeln!(
                t,
                "- [{} {} {}{}] {:?} wants {:?} → {first}",
                o.statement,
                o.question.command.as_str(),
                o.question.class,
                if o.fts5 { ", FTS5 passes" } else { "" },
                o.question.text,
                o.question.answer
            );
        }
        t
    }
}
