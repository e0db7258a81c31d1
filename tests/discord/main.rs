//! The real bot against the fake Discord (`fake-discord`, via `agenda-test-support`): commands, chat, buttons, faults, follow-ups, hot reload, the HTTP interactions endpoint, replicas sharing a corpus through PostgreSQL, security, the lifecycle of the process, and the fake itself.

#![cfg(feature = "discord")]

mod add;
mod components;
mod e2e;
mod fake_discord_selftest;
mod faults;
mod followups;
mod hot_reload;
mod interactions_http;
mod lifecycle;
mod replicas;
mod security;
mod watches;
