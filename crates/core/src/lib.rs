//! agenda-core: the transport-free core of agenda-bot, a cited-answer engine over the ASEAN
//! defence-cooperation agenda.
//!
//! Flow, one direction: [`corpus`] (files → statements and facts) → [`index`] (tantivy schema, build,
//! open) → [`query`] (a request → ranked, cited answers) and [`digest`] (milestones in a window of
//! days) → [`render`] (answers and digests → embed specs, text, JSON, iCalendar). Transports (CLI,
//! Discord, the digest runner) live in the `agenda-bot` crate; nothing here does network I/O.

pub mod analysis;
pub mod atomic_file;
pub mod brief;
pub mod command;
pub mod corpus;
pub mod dates;
pub mod digest;
pub mod error_chain;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod query;
pub mod render;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod watch;
