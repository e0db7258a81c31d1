//! agenda-bot: a cited-answer engine over the ASEAN defence-cooperation agenda, with a Discord transport.
//!
//! Flow: [`corpus`] (files → statements and facts) → [`index`] (tantivy) → [`query`] (cited answers)
//! → [`render`] (embeds and text) → transports (CLI, Discord, digest).

pub mod analysis;
pub mod bench;
pub mod cli;
pub mod command;
pub mod config;
pub mod corpus;
pub mod dates;
pub mod digest;
#[cfg(feature = "discord")]
pub mod discord;
pub mod index;
pub mod query;
pub mod reload;
pub mod render;
