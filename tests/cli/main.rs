//! The `agenda-bot` binary and its shared modules as a user meets them: the CLI and console, `add`,
//! `fetch`, crash safety of writes and the corpus hot reload; and the layers of the code itself.

mod add;
mod cli;
mod crash_safety;
mod fetch;
mod layers;
mod reload;
