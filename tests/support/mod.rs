//! Shared support code for integration tests (`mod support;` in a test crate).

pub mod bot;
pub mod fake_discord;
