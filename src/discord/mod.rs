//! The Discord transport (feature `discord`): poise 0.7 on serenity 0.12.
//!
//! - [`commands`]: one file per slash command, the one list they are registered from, and the
//!   gateway's path from a command to its answer;
//! - [`invocation`]: a slash command as a value (gateway or HTTP endpoint alike), who ran it,
//!   and its answer;
//! - [`reply`]: core responses drawn as Discord messages (answers, the digest, help);
//! - [`chat`]: questions asked by mentioning the bot, in answer channels, or by direct message;
//!   [`channels`]: what the bot knows of the channels it was asked in;
//! - [`buttons`]: clicks on the buttons under answers (paging, full paragraphs);
//! - [`autocomplete`]: choices for the `query` options from the facts in memory;
//! - [`send`]: the only place replies are turned into serenity builders and sent (empty allowed
//!   mentions everywhere); [`rest`]: the REST client, the verdict on failed requests and their
//!   bounded retry;
//! - [`digest`]: the daily digest posted to `digest.channel_ids`, run next to the bot;
//!   [`watch`]: the posts for the channels' watches (`/watch`), run next to the gateway bot;
//! - [`interactions`]: Discord's HTTP interactions endpoint (and gateway-less replicas);
//! - [`data`]: what every command shares; [`errors`]: the framework's error handler;
//! - [`bot`]: starting and stopping the gateway bot; [`lifecycle`]: the token check and the
//!   gateway's reconnects; [`run`]: the `agenda-bot run` subcommand.
//!
//! [`Bot::start`] runs the bot against Discord, or against any base URL given as `api_proxy` (the
//! tests' fake Discord).

pub mod autocomplete;
pub mod bot;
pub mod buttons;
pub mod channels;
pub mod chat;
pub mod commands;
pub mod data;
pub mod digest;
pub mod errors;
pub mod interactions;
pub mod invocation;
pub mod lifecycle;
pub mod reply;
pub mod rest;
pub mod run;
pub mod send;
pub mod watch;

pub use bot::{Bot, BotHandle, BotOptions};
pub use data::{Data, TestHooks, USER_ERROR};
pub use run::{run, RunOptions, STOP_BUDGET};
