//! `/help`: what the bot can do, generated from the commands it registers (their options and
//! descriptions) and from its config (the digest's days, answer channels, threads, the daily
//! post), shown to the caller only. Chat answers a bare mention with the same help.

use crate::config::Config;
use crate::discord::data::{Context, Data, Error};
use crate::discord::invocation::Invocation;
use agenda_core::render::embed::{fit, EmbedSpec, Reply};
use std::fmt::Write as _;

/// What the bot can do
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    super::run(ctx, Invocation::Help).await
}

/// The help for `commands` as registered, under `config`: one line per command (its options,
/// `[optional]`, admin commands marked), then how options, chat and the digest work here.
pub fn generated(commands: &[poise::Command<Data, Error>], config: &Config) -> Reply {
    let mut usage = String::new();
    for c in commands {
        let mut syntax = format!("/{}", c.name);
        for p in c.parameters.iter().filter(|p| p.name != PRIVATE) {
            match p.required {
                true => write!(syntax, " <{}>", p.name),
                false => write!(syntax, " [{}]", p.name),
            }
            .expect("writing to a String");
        }
        let mut what = c.description.as_deref().unwrap_or("").to_string();
        if c.name == "upcoming" {
            write!(what, "; default {} days", config.digest.days.get()).expect("a String");
        }
        let who = match c.default_member_permissions {
            p if p.is_empty() => None,
            p if p.contains(serenity::all::Permissions::MANAGE_GUILD) => Some("admins"),
            _ => Some("channel managers"),
        };
        if let Some(who) = who.filter(|who| !what.contains(who)) {
            write!(what, " ({who})").expect("a String");
        }
        writeln!(usage, "{syntax:<27} {what}").expect("writing to a String");
    }
    let mut notes = Vec::new();
    let private = commands
        .iter()
        .filter(|c| c.parameters.iter().any(|p| p.name == PRIVATE))
        .map(|c| format!("/{}", c.name))
        .collect::<Vec<_>>();
    if !private.is_empty() {
        notes.push(format!(
            "Add `{PRIVATE}: True` to {} to see the answer alone.",
            private.join(", ")
        ));
    }
    notes.push(
        "Mention me with a question in any channel I can read, or send me a direct message; \
         reply to one of my answers to ask more about it (\"who chaired it?\")."
            .to_string(),
    );
    let channels = &config.discord.answer_channel_ids;
    if !channels.is_empty() {
        let list: Vec<String> = channels.iter().map(|c| format!("<#{c}>")).collect();
        notes.push(format!(
            "In {} every message is a question, no mention needed.",
            list.join(", ")
        ));
    }
    if config.discord.answer_threads {
        notes.push(
            "An answer in a channel opens a thread: keep asking there without mentioning me."
                .to_string(),
        );
    }
    if config.feedback.enabled {
        notes.push(
            "Tell the team what helped with 👍/👎 under an answer: the votes and the questions I \
             could not answer are kept (the question and the time, not who asked) to improve me."
                .to_string(),
        );
    }
    let digest = &config.digest;
    if !digest.channel_ids.is_empty() {
        let list: Vec<String> = digest
            .channel_ids
            .iter()
            .map(|c| format!("<#{c}>"))
            .collect();
        notes.push(format!(
            "Every day at {} ({}) I post the milestones of the next {} days in {}.",
            digest.time.strftime("%H:%M"),
            digest.timezone_name(),
            digest.days.get(),
            list.join(", ")
        ));
    }
    notes.push(
        "Every answer quotes the statement paragraph it comes from, with the matched words in \
         bold."
            .to_string(),
    );
    Reply {
        content: None,
        embeds: vec![EmbedSpec {
            title: "agenda-bot: what you can ask".into(),
            description: fit(
                &format!("```\n{}```\n{}", usage, notes.join("\n")),
                agenda_core::render::embed::limits::DESCRIPTION,
            ),
            color: 0x2E86C1,
            ..EmbedSpec::default()
        }],
    }
}

/// The option every answering command has: the answer shown to the caller alone.
const PRIVATE: &str = "private";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{DigestConfig, DiscordConfig};

    fn config(discord: DiscordConfig, digest: DigestConfig) -> Config {
        Config {
            corpus_dir: "corpus".into(),
            index_dir: "index".into(),
            state_dir: "state".into(),
            discord,
            digest,
            feedback: Default::default(),
            store: Default::default(),
        }
    }

    fn text(config: &Config) -> String {
        let reply = generated(&super::super::all(), config);
        assert!(reply.within_limits());
        reply.embeds[0].description.clone()
    }

    /// Issue 24: the help hard-coded "default 30" and left out /add, /reindex, `private` and
    /// replies; it is now made from the registered commands and the config.
    #[test]
    fn the_help_lists_every_command_and_follows_the_config() {
        let plain = text(&config(DiscordConfig::default(), DigestConfig::default()));
        for command in super::super::all() {
            assert!(plain.contains(&format!("/{}", command.name)), "{plain}");
        }
        assert!(plain.contains("/meeting <query>"), "{plain}");
        assert!(plain.contains("/upcoming [days]"), "{plain}");
        assert_eq!(plain.matches("(admins").count(), 2, "{plain}");
        assert_eq!(plain.matches("(channel managers)").count(), 2, "{plain}");
        assert!(plain.contains("`private: True`"), "{plain}");
        assert!(plain.contains("reply to one of my answers"), "{plain}");
        assert!(!plain.contains("every message is a question"), "{plain}");
        assert!(!plain.contains("Every day at"), "{plain}");
        assert!(!plain.contains("👍"), "{plain}");
        let mut voting = config(DiscordConfig::default(), DigestConfig::default());
        voting.feedback.enabled = true;
        assert!(text(&voting).contains("with 👍/👎 under an answer"));

        let days = agenda_core::digest::Days::new(45).unwrap();
        let busy = text(&config(
            DiscordConfig {
                answer_channel_ids: vec![77],
                answer_threads: true,
                ..DiscordConfig::default()
            },
            DigestConfig {
                days,
                channel_ids: vec![88],
                ..DigestConfig::default()
            },
        ));
        assert!(busy.contains("default 45 days"), "{busy}");
        assert!(
            busy.contains("In <#77> every message is a question"),
            "{busy}"
        );
        assert!(busy.contains("opens a thread"), "{busy}");
        assert!(busy.contains("next 45 days in <#88>"), "{busy}");
    }
}
