//! Configuration: `config.toml`, strict (unknown keys are errors), secrets only from the environment.

use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Directory holding `statements/` and `facts/`, relative to the config file.
    pub corpus_dir: PathBuf,
    /// Directory holding the index generations, relative to the config file.
    pub index_dir: PathBuf,
    /// Directory for the bot's persistent state (digest bookkeeping), relative to the config file.
    #[serde(default = "default_state_dir")]
    pub state_dir: PathBuf,
    #[serde(default)]
    pub discord: DiscordConfig,
    #[serde(default)]
    pub digest: DigestConfig,
}

fn default_state_dir() -> PathBuf {
    PathBuf::from("state")
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DiscordConfig {
    /// Guilds to register commands in instantly; empty means global registration.
    #[serde(default)]
    pub guild_ids: Vec<u64>,
    /// Channels where every message is taken as a question (besides mentions anywhere).
    #[serde(default)]
    pub answer_channel_ids: Vec<u64>,
    /// Roles allowed to run admin commands (`/reindex`), besides Manage Server.
    #[serde(default)]
    pub admin_role_ids: Vec<u64>,
    /// Hot reload: watch `corpus_dir` and swap in a rebuilt index when a change validates
    /// (a broken change is refused and logged; the index in service keeps answering).
    #[serde(default = "default_true")]
    pub watch_corpus: bool,
}

fn default_true() -> bool {
    true
}

impl Default for DiscordConfig {
    fn default() -> Self {
        DiscordConfig {
            guild_ids: Vec::new(),
            answer_channel_ids: Vec::new(),
            admin_role_ids: Vec::new(),
            watch_corpus: true,
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DigestConfig {
    #[serde(default)]
    pub channel_ids: Vec<u64>,
    /// Local time of the daily post, `HH:MM`.
    #[serde(default = "default_time")]
    pub time: String,
    /// IANA time zone name, e.g. `Asia/Vientiane`.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// How many days ahead the digest looks.
    #[serde(default = "default_days")]
    pub days: u32,
    /// With nothing upcoming: post a short note (`post`) or stay silent (`skip`).
    #[serde(default)]
    pub when_empty: WhenEmpty,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum WhenEmpty {
    #[default]
    Post,
    Skip,
}

fn default_time() -> String {
    "08:00".into()
}
fn default_timezone() -> String {
    "Asia/Vientiane".into()
}
fn default_days() -> u32 {
    30
}

impl Default for DigestConfig {
    fn default() -> Self {
        DigestConfig {
            channel_ids: Vec::new(),
            time: default_time(),
            timezone: default_timezone(),
            days: default_days(),
            when_empty: WhenEmpty::Post,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config = Config::parse(path, &text)?;
        let base = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        for dir in [
            &mut config.corpus_dir,
            &mut config.index_dir,
            &mut config.state_dir,
        ] {
            if dir.is_relative() {
                *dir = base.join(&*dir);
            }
        }
        Ok(config)
    }

    /// Parses and checks values; paths stay as written.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let invalid = |line: usize, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            message,
        };
        let config: Config = toml::from_str(text).map_err(|e| {
            let start = e.span().map(|s| s.start);
            let line = start.map_or(1, |s| agenda_core::corpus::line_of(text, s));
            let message = agenda_core::corpus::toml_message(&e);
            // serde names an unknown or missing key itself, but not the key of a value of the
            // wrong type ("invalid type: string \"yes\", expected a boolean"): name it.
            match start.and_then(|s| key_of_value_at(text, s)) {
                Some(key) if !message.contains(&key) => invalid(line, format!("{key}: {message}")),
                _ => invalid(line, message),
            }
        })?;
        let line_of_key = |key: &str| {
            assignments(text)
                .iter()
                .find(|a| a.key == key)
                .map_or(1, |a| a.line)
        };
        if parse_hhmm(&config.digest.time).is_none() {
            return Err(invalid(
                line_of_key("digest.time"),
                format!(
                    "digest.time {:?} must be HH:MM (24-hour)",
                    config.digest.time
                ),
            ));
        }
        if jiff::tz::TimeZone::get(&config.digest.timezone).is_err() {
            return Err(invalid(
                line_of_key("digest.timezone"),
                format!(
                    "digest.timezone {:?} is not an IANA time zone name",
                    config.digest.timezone
                ),
            ));
        }
        if config.digest.days == 0 || config.digest.days > 366 {
            return Err(invalid(
                line_of_key("digest.days"),
                "digest.days must be between 1 and 366".into(),
            ));
        }
        Ok(config)
    }
}

/// One `key = value` of a TOML text, with its table: `digest.days` on line 22.
#[derive(Debug, PartialEq)]
struct Assignment {
    /// The dotted key, table included.
    key: String,
    line: usize,
    /// Byte offsets of the value: from after the `=` to the start of the next key or table.
    value: std::ops::Range<usize>,
}

/// The assignments of a (config-sized) TOML text, by a light scan: table headers, `key = value`,
/// values over several lines (arrays, inline tables), strings and comments. Enough to name and
/// locate keys in error messages; the parsing proper is `toml`'s.
fn assignments(text: &str) -> Vec<Assignment> {
    let mut out: Vec<Assignment> = Vec::new();
    let mut table = String::new();
    let mut depth = 0i32;
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        if depth > 0 {
            depth += bracket_depth(line);
            continue;
        }
        let trimmed = line.trim_start();
        let statement = trimmed.starts_with('[') || code(line).contains('=');
        if statement {
            if let Some(last) = out.last_mut() {
                last.value.end = last.value.end.min(start);
            }
        }
        if trimmed.starts_with('[') {
            let inner = trimmed.trim_start_matches('[');
            let inner = inner.split(']').next().unwrap_or("");
            table = dotted(inner);
        } else if let Some(eq) = code(line).find('=') {
            let key = dotted(&line[..eq]);
            depth += bracket_depth(&line[eq + 1..]);
            out.push(Assignment {
                key: if table.is_empty() {
                    key
                } else {
                    format!("{table}.{key}")
                },
                line: i + 1,
                value: start + eq + 1..usize::MAX,
            });
        }
    }
    if let Some(last) = out.last_mut() {
        last.value.end = last.value.end.min(text.len() + 1);
    }
    out
}

/// `digest . "days"` → `digest.days`.
fn dotted(key: &str) -> String {
    key.split('.')
        .map(|p| p.trim().trim_matches(['"', '\'']))
        .collect::<Vec<_>>()
        .join(".")
}

/// The line up to its comment, with strings blanked out (so `=`, `[`, `#` in them do not count).
fn code(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in line.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' && q == '"' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
                out.push(if quote.is_none() { c } else { ' ' });
            }
            None if c == '#' => break,
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// How much deeper in `[`/`{` the line leaves a value.
fn bracket_depth(line: &str) -> i32 {
    code(line)
        .chars()
        .map(|c| match c {
            '[' | '{' => 1,
            ']' | '}' => -1,
            _ => 0,
        })
        .sum()
}

/// The dotted key whose value holds byte `offset` (`None` when `offset` is on a key or header).
fn key_of_value_at(text: &str, offset: usize) -> Option<String> {
    assignments(text)
        .into_iter()
        .find(|a| a.value.contains(&offset))
        .map(|a| a.key)
}

/// `"08:30"` → (8, 30).
pub fn parse_hhmm(s: &str) -> Option<(i8, i8)> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (i8, i8) = (h.parse().ok()?, m.parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m) && s.trim().len() == 5).then_some((h, m))
}

/// The bot token, from `DISCORD_TOKEN` only. Never logged.
pub fn discord_token() -> Option<String> {
    std::env::var("DISCORD_TOKEN")
        .ok()
        .filter(|t| !t.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_config_parses() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml");
        let c = Config::load(&path).expect("shipped config.toml must parse");
        assert!(
            c.corpus_dir.join("statements").is_dir(),
            "{:?}",
            c.corpus_dir
        );
        assert!(c.digest.days > 0);
    }

    #[test]
    fn unknown_key_is_named_with_its_line() {
        let e = Config::parse(
            Path::new("c.toml"),
            "corpus_dir = \"c\"\nindex_dir = \"i\"\n[discord]\ntoken = \"x\"\n",
        )
        .unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.starts_with("c.toml:4:") && msg.contains("token"),
            "{msg}"
        );
    }

    #[test]
    fn watch_corpus_defaults_to_on_and_must_be_a_bool() {
        let base = "corpus_dir = \"c\"\nindex_dir = \"i\"\n";
        let c = Config::parse(Path::new("c.toml"), base).unwrap();
        assert!(c.discord.watch_corpus);
        assert_eq!(c.discord, DiscordConfig::default());
        let c = Config::parse(
            Path::new("c.toml"),
            &format!("{base}[discord]\nwatch_corpus = false\n"),
        )
        .unwrap();
        assert!(!c.discord.watch_corpus);
        let e = Config::parse(
            Path::new("c.toml"),
            &format!("{base}[discord]\nwatch_corpus = \"yes\"\n"),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("c.toml:4:") && e.contains("watch_corpus"),
            "{e}"
        );
    }

    #[test]
    fn bad_values_name_the_key() {
        let base = "corpus_dir = \"c\"\nindex_dir = \"i\"\n[digest]\n";
        for (bad, key) in [
            ("time = \"25:00\"", "digest.time"),
            ("timezone = \"Mars/Olympus\"", "digest.timezone"),
            ("days = 0", "digest.days"),
        ] {
            let e = Config::parse(Path::new("c.toml"), &format!("{base}{bad}\n")).unwrap_err();
            assert!(
                e.to_string().contains(key) && e.to_string().contains("c.toml:4:"),
                "{e}"
            );
        }
    }

    /// A value of the wrong type or out of range: the message names the key (serde alone only
    /// says "invalid type: string \"yes\", expected a boolean") and its line.
    #[test]
    fn values_of_the_wrong_type_name_the_key() {
        let base = "corpus_dir = \"c\"\nindex_dir = \"i\"\n";
        for (bad, key, line) in [
            (
                "[discord]\nwatch_corpus = \"yes\"\n",
                "discord.watch_corpus",
                4,
            ),
            ("[digest]\ndays = \"thirty\"\n", "digest.days", 4),
            ("[digest]\ndays = -3\n", "digest.days", 4),
            ("[digest]\nwhen_empty = \"maybe\"\n", "digest.when_empty", 4),
            ("[discord]\nguild_ids = [\"x\"]\n", "discord.guild_ids", 4),
            (
                "[digest] # the = [digest]\nchannel_ids = 5\n",
                "digest.channel_ids",
                4,
            ),
            ("state_dir = 3\n", "state_dir", 3),
            (
                "[discord]\nguild_ids = [1]\nadmin_role_ids = [1,\n  \"two\"]\n",
                "discord.admin_role_ids",
                6,
            ),
            (
                "discord.answer_channel_ids = true\n",
                "discord.answer_channel_ids",
                3,
            ),
        ] {
            let e = Config::parse(Path::new("c.toml"), &format!("{base}{bad}"))
                .unwrap_err()
                .to_string();
            assert!(
                e.starts_with(&format!("c.toml:{line}: {key}: ")),
                "{bad:?} -> {e}"
            );
        }
    }

    #[test]
    fn keys_are_located_past_comments_that_mention_them() {
        let text = "# the time and the timezone of the digest\ncorpus_dir = \"c\"\nindex_dir = \"i\"\n[digest]\ntimezone = \"UTC\"\ntime = \"8:00\"\n";
        let e = Config::parse(Path::new("c.toml"), text)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml:6: digest.time"), "{e}");
        let keys: Vec<(String, usize)> = assignments(text)
            .into_iter()
            .map(|a| (a.key, a.line))
            .collect();
        assert_eq!(
            keys,
            [
                ("corpus_dir".to_string(), 2),
                ("index_dir".to_string(), 3),
                ("digest.timezone".to_string(), 5),
                ("digest.time".to_string(), 6)
            ]
        );
    }
}
