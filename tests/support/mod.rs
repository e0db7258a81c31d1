//! Shared support code for integration tests (`mod support;` in a test crate).

pub mod bot;
#[path = "../common/mod.rs"]
pub mod common;
pub mod fake_discord;
