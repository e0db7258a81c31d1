//! The labelled question set (`tests/questions.toml`): loads it, asks every question on a given
//! clock and scores precision@1 and recall@3 per class.

use agenda_core::index::AgendaIndex;
use agenda_core::query::{self, Scope};
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// How many results recall is counted over.
pub const RECALL_AT: usize = 3;

/// The question file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSet {
    /// The bot's clock for questions that do not set their own.
    pub today: Date,
    #[serde(rename = "question")]
    pub questions: Vec<Question>,
}

/// One labelled question.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub text: String,
    #[serde(default = "ask")]
    pub scope: ScopeName,
    pub class: String,
    /// Right answers: fact ids or `statement-id#N`; empty means "nothing found" is right.
    pub expect: Vec<String>,
    /// For a follow-up, the previous answer's entity.
    pub after: Option<String>,
    pub today: Option<Date>,
    pub split: Split,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScopeName {
    Ask,
    Meeting,
    Initiative,
    Mechanism,
}

fn ask() -> ScopeName {
    ScopeName::Ask
}

impl From<ScopeName> for Scope {
    fn from(s: ScopeName) -> Scope {
        match s {
            ScopeName::Ask => Scope::Ask,
            ScopeName::Meeting => Scope::Meeting,
            ScopeName::Initiative => Scope::Initiative,
            ScopeName::Mechanism => Scope::Mechanism,
        }
    }
}

/// Whether a question was looked at while tuning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Split {
    Dev,
    HeldOut,
}

impl Split {
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::HeldOut => "held-out",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    #[error("a question refers to the unknown fact {0:?}")]
    UnknownFact(String),
    #[error(transparent)]
    Query(#[from] query::QueryError),
}

impl QuestionSet {
    pub fn load(path: &Path) -> Result<QuestionSet, EvalError> {
        let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
            path: path.display().to_string(),
            source,
        })?;
        toml::from_str(&text).map_err(|e| EvalError::Parse {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    }
}

/// What one question got.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub question: Question,
    /// Ids of the results, best first.
    pub got: Vec<String>,
    pub precision_at_1: f64,
    pub recall_at_3: f64,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.precision_at_1 >= 1.0
    }
}

/// The text a follow-up is asked as: the question, in the context of the previous entity (named
/// after it, as a reader would complete it).
pub fn follow_up_text(index: &AgendaIndex, text: &str, after: &str) -> Result<String, EvalError> {
    let fact = index
        .fact(after)
        .ok_or_else(|| EvalError::UnknownFact(after.to_string()))?;
    Ok(format!("{text} {}", fact.name()))
}

/// Asks one question and scores it.
pub fn run_one(index: &AgendaIndex, q: &Question, today: Date) -> Result<Outcome, EvalError> {
    let text = match &q.after {
        Some(after) => follow_up_text(index, &q.text, after)?,
        None => q.text.clone(),
    };
    let answer = query::answer_on(index, q.scope.into(), &text, today)?;
    let got: Vec<String> = answer.results.iter().map(|h| h.id()).collect();
    let (precision_at_1, recall_at_3) = if q.expect.is_empty() {
        let right = if got.is_empty() { 1.0 } else { 0.0 };
        (right, right)
    } else {
        let p1 = if got.first().is_some_and(|g| q.expect.contains(g)) {
            1.0
        } else {
            0.0
        };
        let found = got
            .iter()
            .take(RECALL_AT)
            .filter(|g| q.expect.contains(g))
            .count();
        (p1, found as f64 / q.expect.len().min(RECALL_AT) as f64)
    };
    Ok(Outcome {
        question: q.clone(),
        got,
        precision_at_1,
        recall_at_3,
    })
}

/// Asks every question of the set.
pub fn run(index: &AgendaIndex, set: &QuestionSet) -> Result<Vec<Outcome>, EvalError> {
    set.questions
        .iter()
        .map(|q| run_one(index, q, q.today.unwrap_or(set.today)))
        .collect()
}

/// Mean precision@1 and recall@3 of a group of outcomes.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub questions: usize,
    pub precision_at_1: f64,
    pub recall_at_3: f64,
}

pub fn score<'a>(outcomes: impl IntoIterator<Item = &'a Outcome>) -> Score {
    let mut s = Score::default();
    for o in outcomes {
        s.questions += 1;
        s.precision_at_1 += o.precision_at_1;
        s.recall_at_3 += o.recall_at_3;
    }
    if s.questions > 0 {
        s.precision_at_1 /= s.questions as f64;
        s.recall_at_3 /= s.questions as f64;
    }
    s
}

/// Scores per class, in class order.
pub fn by_class(outcomes: &[Outcome]) -> BTreeMap<String, Score> {
    let mut classes: BTreeMap<String, Vec<&Outcome>> = BTreeMap::new();
    for o in outcomes {
        classes.entry(o.question.class.clone()).or_default().push(o);
    }
    classes
        .into_iter()
        .map(|(class, os)| (class, score(os)))
        .collect()
}

/// The Markdown table: one row per class, then the dev, held-out and overall rows.
pub fn table(outcomes: &[Outcome]) -> String {
    let mut out =
        String::from("| class | questions | precision@1 | recall@3 |\n|---|---|---|---|\n");
    let mut row = |name: &str, s: Score| {
        let _ = writeln!(
            out,
            "| {name} | {} | {:.2} | {:.2} |",
            s.questions, s.precision_at_1, s.recall_at_3
        );
    };
    for (class, s) in by_class(outcomes) {
        row(&class, s);
    }
    let split = |which: Split| score(outcomes.iter().filter(|o| o.question.split == which));
    row("**dev** (tuned on)", split(Split::Dev));
    row("**held-out**", split(Split::HeldOut));
    row("**all**", score(outcomes));
    out
}
