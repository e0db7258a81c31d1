//! A line typed the way a Discord user types it (`/meeting AMIM-21`, or a plain question) → a
//! command → a [`Response`]: the one path the console, chat and the slash commands share.

use crate::digest::{self, Days, Digest};
use crate::index::AgendaIndex;
use crate::query::{self, Answer, QueryError, Scope};
use crate::render::embed::fit;
use jiff::civil::Date;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Query {
        scope: Scope,
        text: String,
    },
    /// `/upcoming [days]`; no count means `digest.days`.
    Upcoming {
        days: Option<Days>,
    },
    Help,
    Unknown {
        name: String,
    },
    /// A command typed without what it needs (`/ask` alone, `/upcoming abc`): its usage line,
    /// after what was wrong.
    Usage {
        name: &'static str,
        problem: String,
    },
}

impl Command {
    /// A query; `/ask` without a question is its usage, while the fact commands list every
    /// fact of their kind.
    pub fn query(scope: Scope, text: &str) -> Command {
        let text = text.trim();
        if scope == Scope::Ask && text.is_empty() {
            return Command::Usage {
                name: "ask",
                problem: "Ask a question after /ask.".into(),
            };
        }
        Command::Query {
            scope,
            text: text.to_string(),
        }
    }

    /// `/upcoming` with the count as Discord or the CLI passes it, checked against [`Days`].
    pub fn upcoming(days: Option<u32>) -> Command {
        match days.map(Days::new).transpose() {
            Ok(days) => Command::Upcoming { days },
            Err(e) => Command::Usage {
                name: "upcoming",
                problem: e.to_string(),
            },
        }
    }
}

/// Parses one console or chat line. Text without a leading `/` is a question for `/ask`.
pub fn parse_line(line: &str) -> Command {
    let line = line.trim();
    let Some(rest) = line.strip_prefix('/') else {
        return Command::query(Scope::Ask, line);
    };
    let (name, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let args = args.trim();
    match name.to_lowercase().as_str() {
        "meeting" | "meetings" => Command::query(Scope::Meeting, args),
        "initiative" | "initiatives" => Command::query(Scope::Initiative, args),
        "mechanism" | "mechanisms" => Command::query(Scope::Mechanism, args),
        "ask" => Command::query(Scope::Ask, args),
        "upcoming" => match args.split_whitespace().next() {
            None => Command::Upcoming { days: None },
            Some(count) => match count.parse::<Days>() {
                Ok(days) => Command::Upcoming { days: Some(days) },
                Err(e) => Command::Usage {
                    name: "upcoming",
                    problem: e.to_string(),
                },
            },
        },
        "help" => Command::Help,
        other => Command::Unknown {
            name: other.to_string(),
        },
    }
}

/// The entity of an earlier answer a follow-up is read against: "who attended?" in reply to
/// the answer about AMIM-21 asks about AMIM-21.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub scope: Scope,
    /// The fact's id, e.g. `amim-21`.
    pub entity: String,
}

impl FollowUp {
    /// The entity of an answer from its embed footer, `meeting · amim-21` (as
    /// `render::embed::answer` writes it); `None` for passages, digests and notices.
    pub fn from_footer(footer: &str) -> Option<FollowUp> {
        let (kind, entity) = footer.split_once(" · ")?;
        let scope = match kind {
            "meeting" => Scope::Meeting,
            "initiative" => Scope::Initiative,
            "mechanism" => Scope::Mechanism,
            _ => return None,
        };
        let entity = entity.trim();
        (!entity.is_empty() && !entity.contains(char::is_whitespace)).then(|| FollowUp {
            scope,
            entity: entity.to_string(),
        })
    }
}

/// Parses a line typed as a follow-up of `previous`: a plain question is asked about its entity,
/// in its scope; a command (`/upcoming`, `/meeting AOE`) is read as it stands.
pub fn parse_follow_up(line: &str, previous: &FollowUp) -> Command {
    match parse_line(line) {
        Command::Query {
            scope: Scope::Ask,
            text,
        } if !line.trim_start().starts_with('/') => Command::Query {
            scope: previous.scope,
            text: format!("{} {text}", previous.entity),
        },
        other => other,
    }
}

/// What a line comes to, before a transport draws it (as text, or as Discord embeds).
#[derive(Debug, Clone)]
pub enum Response {
    /// The answer to a query command or a plain question.
    Answer(Answer),
    /// `/upcoming`: the milestones of the window.
    Upcoming(Digest),
    /// `/help`, or a bare mention of the bot.
    Help,
    /// A line that cannot be answered as typed: a usage line, or an unknown command. Plain
    /// text; the user's words in it are shortened, not escaped.
    Notice(String),
}

impl Response {
    /// How many results or milestones it holds (the count the bot logs).
    pub fn results(&self) -> usize {
        match self {
            Response::Answer(a) => a.results.len(),
            Response::Upcoming(d) => d.len(),
            Response::Help | Response::Notice(_) => 0,
        }
    }
}

/// Where `/upcoming` looks from: today (in `digest.timezone`, on the caller's clock) and the
/// window when the line names none (`digest.days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UpcomingFrom {
    pub today: Date,
    pub default_days: Days,
}

/// The response to a parsed line.
pub fn respond(
    index: &AgendaIndex,
    command: Command,
    upcoming: UpcomingFrom,
) -> Result<Response, QueryError> {
    Ok(match command {
        Command::Query { scope, text } => {
            Response::Answer(query::answer_on(index, scope, &text, upcoming.today)?)
        }
        Command::Upcoming { days } => {
            let days = days.unwrap_or(upcoming.default_days);
            Response::Upcoming(digest::upcoming(index, upcoming.today, days.get()))
        }
        Command::Help => Response::Help,
        Command::Unknown { name } => {
            Response::Notice(format!("Unknown command /{}. Try /help.", fit(&name, 50)))
        }
        Command::Usage { name, problem } => Response::Notice(match usage(name) {
            Some(line) => format!("{problem}\nUsage: {line}"),
            None => problem,
        }),
    })
}

/// The response to a line as typed: an empty one (a bare mention) is the help.
pub fn respond_to_line(
    index: &AgendaIndex,
    line: &str,
    upcoming: UpcomingFrom,
) -> Result<Response, QueryError> {
    if line.trim().is_empty() {
        return Ok(Response::Help);
    }
    respond(index, parse_line(line), upcoming)
}

/// What the bot can do, for `/help` and the console; [`usage`] takes its lines from here.
pub const HELP: &str = "\
/meeting <name or question>     a meeting: date, place, theme, who attended (e.g. /meeting AMIM-21)
/initiative <name or question>  an initiative: expected outcome and timeline
/mechanism <name or acronym>    a cooperation mechanism or body (AJIIP, AOE, AMIC, ADMM...)
/ask <question>                 any question; answers cite the statements
/upcoming [days]                milestones coming up (1-366 days, default: the digest's days)
/help                           this list
Every answer quotes the statement paragraph it comes from, with the matched words in bold.";

/// The [`HELP`] line of `/name`: `/ask <question> — any question; answers cite the statements`.
pub fn usage(name: &str) -> Option<String> {
    HELP.lines().find_map(|line| {
        let rest = line.strip_prefix('/')?.strip_prefix(name)?;
        if !rest.starts_with(' ') {
            return None;
        }
        let (syntax, what) = line.split_once("  ")?;
        Some(format!("{} — {}", syntax.trim(), what.trim()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::shipped_index;

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
            Command::Upcoming {
                days: Some(Days::new(60).unwrap())
            }
        );
        assert_eq!(parse_line("/upcoming"), Command::Upcoming { days: None });
        assert_eq!(
            parse_line("/frobnicate x"),
            Command::Unknown {
                name: "frobnicate".into()
            }
        );
        assert_eq!(parse_line("/HELP"), Command::Help);
        // A fact command alone lists its kind.
        assert_eq!(
            parse_line("/meeting"),
            Command::Query {
                scope: Scope::Meeting,
                text: String::new()
            }
        );
    }

    /// Bug: `/upcoming 9999` was accepted by the console (the CLI refused over 3660, the bot
    /// over 366), `/upcoming abc` silently meant 30, and `/ask` alone answered
    /// "Nothing found for “”".
    #[test]
    fn bad_counts_and_missing_questions_get_the_usage() {
        let idx = shipped_index();
        let from = UpcomingFrom {
            today: jiff::civil::date(2026, 11, 22),
            default_days: Days::DEFAULT,
        };
        let notice = |line: &str| match respond_to_line(&idx, line, from).unwrap() {
            Response::Notice(n) => n,
            other => panic!("{line:?}: {other:?}"),
        };
        let upcoming_usage =
            "Usage: /upcoming [days] — milestones coming up (1-366 days, default: the digest's days)";
        for (line, problem) in [
            (
                "/upcoming 9999",
                "Pick between 1 and 366 days (you asked for 9999).",
            ),
            (
                "/upcoming 0",
                "Pick between 1 and 366 days (you asked for 0).",
            ),
            (
                "/upcoming abc",
                "The number of days must be a whole number between 1 and 366, not \"abc\".",
            ),
        ] {
            assert_eq!(notice(line), format!("{problem}\n{upcoming_usage}"));
        }
        for line in ["/ask", "/ask   ", "/ASK"] {
            assert_eq!(
                notice(line),
                "Ask a question after /ask.\nUsage: /ask <question> — any question; answers cite the statements"
            );
        }
        assert_eq!(
            notice(&format!("/{}", "x".repeat(500))).chars().count(),
            "Unknown command /. Try /help.".len() + 50
        );
        // The slash command's count goes through the same bound.
        assert!(matches!(
            Command::upcoming(Some(367)),
            Command::Usage {
                name: "upcoming",
                ..
            }
        ));
        assert_eq!(Command::upcoming(None), Command::Upcoming { days: None });
    }

    #[test]
    fn lines_are_answered_the_same_for_every_transport() {
        let idx = shipped_index();
        let from = UpcomingFrom {
            today: jiff::civil::date(2026, 11, 22),
            default_days: Days::new(60).unwrap(),
        };
        assert!(matches!(
            respond_to_line(&idx, "  ", from).unwrap(),
            Response::Help
        ));
        let Response::Upcoming(d) = respond_to_line(&idx, "/upcoming", from).unwrap() else {
            panic!("not a digest");
        };
        assert_eq!((d.days, d.len()), (60, 1));
        let r = respond_to_line(&idx, "/meeting AMIM-21", from).unwrap();
        let Response::Answer(a) = &r else {
            panic!("not an answer");
        };
        assert_eq!(a.results[0].id(), "amim-21");
        assert_eq!(r.results(), a.results.len());
    }

    #[test]
    fn follow_ups_ask_about_the_previous_entity() {
        let previous = FollowUp::from_footer("meeting · amim-21").unwrap();
        assert_eq!(previous.scope, Scope::Meeting);
        assert_eq!(
            parse_follow_up("who attended?", &previous),
            Command::Query {
                scope: Scope::Meeting,
                text: "amim-21 who attended?".into()
            }
        );
        assert_eq!(
            parse_follow_up("/upcoming", &previous),
            Command::Upcoming { days: None }
        );
        assert_eq!(
            parse_follow_up("/ask what is AOE?", &previous),
            Command::Query {
                scope: Scope::Ask,
                text: "what is AOE?".into()
            }
        );
        for footer in [
            "statement passage",
            "meeting · ",
            "area · x",
            "meeting·amim-21",
        ] {
            assert_eq!(FollowUp::from_footer(footer), None, "{footer:?}");
        }
        // Asked alone "when was it?" finds nothing; as a follow-up, the meeting.
        let idx = shipped_index();
        let from = UpcomingFrom {
            today: jiff::civil::date(2026, 11, 22),
            default_days: Days::DEFAULT,
        };
        let ids = |command| match respond(&idx, command, from).unwrap() {
            Response::Answer(a) => a.results.iter().map(|h| h.id()).collect::<Vec<_>>(),
            other => panic!("not an answer: {other:?}"),
        };
        assert!(ids(parse_line("when was it?")).is_empty());
        assert_eq!(
            ids(parse_follow_up("when was it?", &previous))[0],
            "amim-21"
        );
    }

    #[test]
    fn every_command_has_a_usage_line() {
        for name in [
            "meeting",
            "initiative",
            "mechanism",
            "ask",
            "upcoming",
            "help",
        ] {
            let line = usage(name).unwrap_or_else(|| panic!("{name}"));
            assert!(line.starts_with(&format!("/{name}")), "{line}");
        }
        assert_eq!(usage("me"), None);
        assert_eq!(usage("bogus"), None);
    }
}
