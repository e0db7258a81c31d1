//! A slash command as a value, whichever way it came (gateway or HTTP endpoint): its options
//! ([`Invocation::from_command`]), who ran it ([`Caller`]) and what it answered ([`Answer`]).
//! `super::commands` turns it into its answer.

use agenda_core::query::Scope;
use agenda_core::render::components::WithButtons;
use agenda_core::render::embed::Reply;
use serenity::all::{
    Attachment, CommandData, CommandInteraction, Permissions, ResolvedValue, RoleId,
};
use std::time::Instant;

/// What a user sees when a command's options cannot be read (an out-of-date registration).
pub const BAD_OPTIONS: &str = "Sorry, I could not read that command's options. Pick the command \
                               from Discord's list and try again.";

/// One slash command with its options.
#[derive(Debug, Clone)]
pub enum Invocation {
    /// `/meeting`, `/initiative`, `/mechanism`, `/ask`.
    Query {
        scope: Scope,
        text: String,
        private: bool,
    },
    Upcoming {
        days: Option<u32>,
        private: bool,
    },
    /// `/brief`: what to read before a meeting.
    Brief {
        meeting: String,
        private: bool,
    },
    /// `/watch`, `/unwatch`: a watch of the channel on a series, body, initiative or words.
    Watch {
        text: String,
    },
    Unwatch {
        text: String,
    },
    /// `/watches`: the channel's watches.
    Watches,
    Help,
    Reindex,
    Add {
        file: Option<Attachment>,
        url: Option<String>,
    },
}

/// Who ran a command, as far as answering goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caller {
    pub user: u64,
    /// Manage Server, Administrator, or one of `admin_role_ids` (see [`is_admin`]).
    pub admin: bool,
    /// An admin, or Manage Channels: may change the channel's watches.
    pub manage_channels: bool,
    /// The channel the command was run in.
    pub channel: u64,
}

impl Caller {
    /// The member (or user, in a DM: never an admin) who sent `interaction`.
    pub fn of(interaction: &CommandInteraction, admin_role_ids: &[u64]) -> Caller {
        let admin = interaction
            .member
            .as_ref()
            .is_some_and(|m| is_admin(m.permissions, &m.roles, admin_role_ids));
        let manage_channels = interaction
            .member
            .as_ref()
            .and_then(|m| m.permissions)
            .is_some_and(|p| p.manage_channels());
        Caller {
            user: interaction.user.id.get(),
            admin,
            manage_channels: admin || manage_channels,
            channel: interaction.channel_id.get(),
        }
    }
}

/// An admin has Manage Server (or Administrator) or one of the configured admin roles.
pub fn is_admin(
    permissions: Option<Permissions>,
    roles: &[RoleId],
    admin_role_ids: &[u64],
) -> bool {
    permissions.is_some_and(|p| p.manage_guild() || p.administrator())
        || roles.iter().any(|r| admin_role_ids.contains(&r.get()))
}

/// A command's answer: the message (with its buttons) and how many results it holds.
#[derive(Debug, Clone)]
pub struct Answer {
    pub message: WithButtons,
    pub results: usize,
}

impl Answer {
    pub fn plain(reply: Reply, results: usize) -> Answer {
        Answer {
            message: WithButtons {
                reply,
                rows: Vec::new(),
            },
            results,
        }
    }

    /// The one info line per command (name, user, latency, result count) and its metrics.
    pub fn log(&self, command: &str, caller: &Caller, started: Instant) {
        crate::ops::metrics::answered(command, started.elapsed());
        if self.results == 0 && matches!(command, "meeting" | "initiative" | "mechanism" | "ask") {
            crate::ops::metrics::nothing_found(command);
        }
        tracing::info!(
            command = %command,
            user = caller.user,
            latency_ms = started.elapsed().as_millis() as u64,
            results = self.results,
            "command answered"
        );
    }
}

impl Invocation {
    /// The command an interaction's data names, with its options as Discord resolved them; `Err`
    /// (with [`BAD_OPTIONS`] for the user) for a command this bot does not have or options that
    /// do not fit it.
    pub fn from_command(data: &CommandData) -> Result<Invocation, String> {
        let options = data.options();
        let text = |name: &str| {
            options.iter().find_map(|o| match o.value {
                ResolvedValue::String(s) if o.name == name => Some(s.to_string()),
                _ => None,
            })
        };
        let private = options
            .iter()
            .any(|o| o.name == "private" && matches!(o.value, ResolvedValue::Boolean(true)));
        let query = |scope: Scope, option: &str| {
            text(option)
                .map(|text| Invocation::Query {
                    scope,
                    text,
                    private,
                })
                .ok_or_else(|| format!("/{} without its `{option}` option", data.name))
        };
        match data.name.as_str() {
            "meeting" => query(Scope::Meeting, "query"),
            "initiative" => query(Scope::Initiative, "query"),
            "mechanism" => query(Scope::Mechanism, "query"),
            "ask" => query(Scope::Ask, "question"),
            "upcoming" => {
                let days = options.iter().find_map(|o| match o.value {
                    // Out of u32's range is out of `Days`' range too: `Days` refuses it.
                    ResolvedValue::Integer(n) if o.name == "days" => {
                        Some(u32::try_from(n).unwrap_or(u32::MAX))
                    }
                    _ => None,
                });
                Ok(Invocation::Upcoming { days, private })
            }
            "brief" => text("meeting")
                .map(|meeting| Invocation::Brief { meeting, private })
                .ok_or_else(|| "/brief without its `meeting` option".to_string()),
            "watch" | "unwatch" => {
                let text = text("what")
                    .ok_or_else(|| format!("/{} without its `what` option", data.name))?;
                Ok(match data.name.as_str() {
                    "watch" => Invocation::Watch { text },
                    _ => Invocation::Unwatch { text },
                })
            }
            "watches" => Ok(Invocation::Watches),
            "help" => Ok(Invocation::Help),
            "reindex" => Ok(Invocation::Reindex),
            "add" => Ok(Invocation::Add {
                file: options.iter().find_map(|o| match o.value {
                    ResolvedValue::Attachment(a) if o.name == "file" => Some(a.clone()),
                    _ => None,
                }),
                url: text("url"),
            }),
            other => Err(format!("an unknown command /{other}")),
        }
    }

    /// The command's name, as registered.
    pub fn name(&self) -> &'static str {
        match self {
            Invocation::Query { scope, .. } => scope.as_str(),
            Invocation::Upcoming { .. } => "upcoming",
            Invocation::Brief { .. } => "brief",
            Invocation::Watch { .. } => "watch",
            Invocation::Unwatch { .. } => "unwatch",
            Invocation::Watches => "watches",
            Invocation::Help => "help",
            Invocation::Reindex => "reindex",
            Invocation::Add { .. } => "add",
        }
    }

    /// Whether only the caller sees the answer: asked for, or an admin command, or help.
    pub fn ephemeral(&self) -> bool {
        match self {
            Invocation::Query { private, .. }
            | Invocation::Upcoming { private, .. }
            | Invocation::Brief { private, .. } => *private,
            Invocation::Help | Invocation::Reindex | Invocation::Add { .. } => true,
            // The channel sees what it watches.
            Invocation::Watch { .. } | Invocation::Unwatch { .. } | Invocation::Watches => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admins_by_permission_or_role() {
        let roles = [RoleId::new(7)];
        assert!(is_admin(Some(Permissions::MANAGE_GUILD), &[], &[]));
        assert!(is_admin(Some(Permissions::ADMINISTRATOR), &[], &[]));
        assert!(is_admin(Some(Permissions::empty()), &roles, &[7]));
        assert!(!is_admin(Some(Permissions::SEND_MESSAGES), &roles, &[8]));
        assert!(!is_admin(None, &[], &[7]));
    }
}
