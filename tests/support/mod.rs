//! Shared support code for integration tests (`mod support;` in a test crate): the running-bot
//! harness, the fake Discord, log capture and the corpus helpers.

pub mod bot;
pub mod clock;
#[path = "../common/mod.rs"]
pub mod common;
pub mod limits;
pub mod logs;
pub mod postgres;

/// The fake Discord (the `fake-discord` crate), as `support::fake_discord`.
pub use fake_discord;
