//! Query: a request (scope + user text) → ranked answers, each carrying cited, highlighted snippets.
//!
//! The text is analysed once ([`request`]), planned into scoring clauses ([`plan`]), searched and
//! floored ([`answer`]), and each hit cites its paragraphs ([`citations`]); [`passages`] is search
//! and snippets alone, for the benchmark.

mod answer;
mod citations;
mod collector;
mod dated;
mod english;
mod expand;
mod fuzzy;
pub(crate) mod listing;
mod paragraph;
mod passages;
mod plan;
mod request;
pub mod snippet;
pub mod time;
mod types;
mod union;

pub use answer::answer;
pub use citations::citations_for;
pub use dated::answer_on;
pub use paragraph::paragraph;
pub use passages::{exhaustive_paragraph_query, passages};
pub use types::{Answer, Citation, Hit, QueryError, Scope};

/// The longest user text considered; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 400;
/// Snippet budget in bytes.
pub const SNIPPET_BYTES: usize = 800;
/// Citations kept per fact.
pub const MAX_CITATIONS: usize = 4;
