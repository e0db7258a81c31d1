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

#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
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
            let line = e
                .span()
                .map_or(1, |s| crate::corpus::line_of(text, s.start));
            invalid(line, crate::corpus::toml_message(&e))
        })?;
        let line_of_key = |key: &str| {
            text.find(key)
                .map_or(1, |i| crate::corpus::line_of(text, i))
        };
        if parse_hhmm(&config.digest.time).is_none() {
            return Err(invalid(
                line_of_key("time"),
                format!(
                    "digest.time {:?} must be HH:MM (24-hour)",
                    config.digest.time
                ),
            ));
        }
        if jiff::tz::TimeZone::get(&config.digest.timezone).is_err() {
            return Err(invalid(
                line_of_key("timezone"),
                format!(
                    "digest.timezone {:?} is not an IANA time zone name",
                    config.digest.timezone
                ),
            ));
        }
        if config.digest.days == 0 || config.digest.days > 366 {
            return Err(invalid(
                line_of_key("days"),
                "digest.days must be between 1 and 366".into(),
            ));
        }
        Ok(config)
    }
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
        let e = Config::parse(
            Path::new("c.toml"),
            &format!("{base}when_empty = \"maybe\"\n"),
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("when_empty") || e.to_string().contains("maybe"),
            "{e}"
        );
    }
}
