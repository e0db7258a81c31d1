//! A line typed the way a Discord user types it (`/meeting AMIM-21`, or a plain question) → a command.

use crate::query::Scope;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Query { scope: Scope, text: String },
    Upcoming { days: Option<u32> },
    Help,
    Unknown { name: String },
}

/// Parses one console or chat line. Text without a leading `/` is a question for `/ask`.
pub fn parse_line(line: &str) -> Command {
    let line = line.trim();
    let Some(rest) = line.strip_prefix('/') else {
        return Command::Query {
            scope: Scope::Ask,
            text: line.to_string(),
        };
    };
    let (name, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let args = args.trim().to_string();
    match name.to_lowercase().as_str() {
        "meeting" | "meetings" => Command::Query {
            scope: Scope::Meeting,
            text: args,
        },
        "initiative" | "initiatives" => Command::Query {
            scope: Scope::Initiative,
            text: args,
        },
        "mechanism" | "mechanisms" => Command::Query {
            scope: Scope::Mechanism,
            text: args,
        },
        "ask" => Command::Query {
            scope: Scope::Ask,
            text: args,
        },
        "upcoming" => Command::Upcoming {
            days: args.split_whitespace().next().and_then(|d| d.parse().ok()),
        },
        "help" => Command::Help,
        other => Command::Unknown {
            name: other.to_string(),
        },
    }
}

/// What the bot can do, for `/help` and the console.
pub const HELP: &str = "\
/meeting <name or question>     a meeting: date, place, theme, who attended (e.g. /meeting AMIM-21)
/initiative <name or question>  an initiative: expected outcome and timeline
/mechanism <name or acronym>    a cooperation mechanism or body (AJIIP, AOE, AMIC, ADMM...)
/ask <question>                 any question; answers cite the statements
/upcoming [days]                milestones coming up (default 30 days)
/help                           this list
Every answer quotes the statement paragraph it comes from, with the matched words in bold.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands_and_plain_questions() {
        assert_eq!(
            parse_line("/meeting  AMIM-21 "),
            Command::Query {
                scope: Scope::Meeting,
                text: "AMIM-21".into()
            }
        );
        assert_eq!(
            parse_line("who attended?"),
            Command::Query {
                scope: Scope::Ask,
                text: "who attended?".into()
            }
        );
        assert_eq!(
            parse_line("/upcoming 60"),
            Command::Upcoming { days: Some(60) }
        );
        assert_eq!(
            parse_line("/frobnicate x"),
            Command::Unknown {
                name: "frobnicate".into()
            }
        );
        assert_eq!(parse_line("/HELP"), Command::Help);
    }
}
