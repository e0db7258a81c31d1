//! What the integration tests of `agenda-bot` share: corpus paths and the CLI run as a user
//! would ([`common`]), a throwaway PostgreSQL ([`postgres`]), and with the `discord` feature the
//! running-bot harness ([`bot`]) against the fake Discord ([`fake_discord`], re-exported), a test
//! clock, Discord's limits and log capture.

pub mod common;
pub mod postgres;

#[cfg(feature = "discord")]
pub mod bot;
#[cfg(feature = "discord")]
pub mod clock;
#[cfg(feature = "discord")]
pub mod limits;
#[cfg(feature = "discord")]
pub mod logs;

/// The fake Discord (the `fake-discord` crate).
#[cfg(feature = "discord")]
pub use fake_discord;
