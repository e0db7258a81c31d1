//! agenda-bot: the transports over [`agenda_core`] — the CLI and its console, the Discord bot,
//! the daily digest runner and the corpus hot reload.
//!
//! Flow: [`agenda_core`] (corpus → index → query / digest → render) → here (cli, discord, digest
//! runner). Config is parsed here, once, into typed values the core takes as parameters.

pub mod add;
pub mod background;
pub mod brief_runner;
pub mod cli;
pub mod clock;
pub mod config;
pub mod corpus_sync;
pub mod digest_runner;
pub mod digest_store;
#[cfg(feature = "discord")]
pub mod discord;
pub mod extraction_eval;
pub mod feedback;
pub mod fetch;
pub mod index_service;
pub mod net;
pub mod ops;
pub mod pg;
pub mod reload;
pub mod retry;
pub mod watch_runner;
pub mod watches;
