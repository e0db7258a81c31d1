//! The values a query produces: the scope asked in, citations, hits, the answer, the error.

use super::snippet::Snippet;
use crate::corpus::{Fact, FactKind};
use serde::Serialize;

/// What the user asked for: a kind of fact, or anything (`/ask`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Meeting,
    Initiative,
    Mechanism,
    Ask,
}

impl Scope {
    pub fn kind(self) -> Option<FactKind> {
        match self {
            Scope::Meeting => Some(FactKind::Meeting),
            Scope::Initiative => Some(FactKind::Initiative),
            Scope::Mechanism => Some(FactKind::Mechanism),
            Scope::Ask => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Meeting => "meeting",
            Scope::Initiative => "initiative",
            Scope::Mechanism => "mechanism",
            Scope::Ask => "ask",
        }
    }
}

/// A passage of a statement that an answer cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub statement_id: String,
    pub statement_title: String,
    pub source: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub paragraph: u32,
    pub snippet: Snippet,
    /// The words of the question found in this paragraph.
    pub matched: Vec<String>,
}

impl Citation {
    /// `statement-id#N`
    pub fn reference(&self) -> String {
        format!("{}#{}", self.statement_id, self.paragraph)
    }
}

/// One result: a fact with its citations, or a passage of a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub score: f32,
    pub fact: Option<Fact>,
    pub citations: Vec<Citation>,
}

impl Hit {
    /// "meeting", "initiative", "mechanism", "area", or "statement" for a passage.
    pub fn kind(&self) -> &'static str {
        self.fact
            .as_ref()
            .map_or("statement", |f| f.kind().as_str())
    }

    pub fn id(&self) -> String {
        match &self.fact {
            Some(f) => f.id().to_string(),
            None => self
                .citations
                .first()
                .map(Citation::reference)
                .unwrap_or_default(),
        }
    }

    pub fn title(&self) -> String {
        match &self.fact {
            Some(f) => f.title(),
            None => self
                .citations
                .first()
                .map(|c| c.statement_title.clone())
                .unwrap_or_default(),
        }
    }
}

/// The answer to one request.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub scope: Scope,
    pub query: String,
    pub results: Vec<Hit>,
    /// Close names, offered when nothing was found.
    pub suggestions: Vec<String>,
    /// The request asked for every fact of the scope ("all", or nothing).
    pub listing: bool,
    /// A fact command that found no fact of its kind, answered with the statements' passages.
    pub passages_instead: Option<FactKind>,
    /// The days the question's time words asked about, in words ("1 January – 31 December
    /// 2027"), told when nothing was found there.
    pub time: Option<String>,
    /// The ids of the meetings listed that lie ahead of the day asked on (a series' timeline:
    /// its planned instances, marked so).
    pub planned: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("searching the index failed")]
    Search(#[from] tantivy::TantivyError),
}
