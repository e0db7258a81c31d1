//! Shared support code for integration tests (`mod support;` in a test crate).

pub mod fake_discord;
