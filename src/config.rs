//! Configuration: `config.toml`, strict (unknown keys are errors), secrets only from the environment.

use agenda_core::command::UpcomingFrom;
use agenda_core::digest::Days;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::Timestamp;
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
    #[serde(default)]
    pub feedback: FeedbackConfig,
    #[serde(default)]
    pub store: StoreConfig,
}

/// Feedback the team can act on (see [`crate::feedback`]): off unless `enabled = true`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FeedbackConfig {
    /// Put 👍/👎 buttons on answers and record the clicks and the questions that found nothing
    /// (time, command, question; never who or where) in `state_dir/feedback.jsonl`, or in the
    /// `[store] url` database when set.
    #[serde(default)]
    pub enabled: bool,
}

/// `[store]`: the PostgreSQL database replicas share (see `README.md`, "Replicas").
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StoreConfig {
    /// With it, statements added (`/add`, `agenda-bot add`) go to this database and every replica
    /// writes them into its corpus; the digest's claims go there too.
    #[serde(default)]
    pub url: Option<StoreUrl>,
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
    /// Buttons on answers ("More results", "Full paragraph") stop working after this many hours
    /// (1 to 8760); a later click is told to ask again.
    #[serde(
        default = "default_buttons_expire_hours",
        deserialize_with = "buttons_expire_hours"
    )]
    pub buttons_expire_hours: u32,
    /// Open a thread on each answer to a chat question in a guild channel, where follow-ups
    /// need no mention (opt-in: off by default).
    #[serde(default)]
    pub answer_threads: bool,
}

fn default_true() -> bool {
    true
}

/// Longest `discord.buttons_expire_hours`: a year.
pub const MAX_BUTTONS_EXPIRE_HOURS: u32 = 8760;

fn default_buttons_expire_hours() -> u32 {
    24
}

fn buttons_expire_hours<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let hours = u32::deserialize(d)?;
    if (1..=MAX_BUTTONS_EXPIRE_HOURS).contains(&hours) {
        Ok(hours)
    } else {
        Err(serde::de::Error::custom(format!(
            "Pick between 1 and {MAX_BUTTONS_EXPIRE_HOURS} hours (got {hours})"
        )))
    }
}

impl Default for DiscordConfig {
    fn default() -> Self {
        DiscordConfig {
            guild_ids: Vec::new(),
            answer_channel_ids: Vec::new(),
            admin_role_ids: Vec::new(),
            watch_corpus: true,
            buttons_expire_hours: default_buttons_expire_hours(),
            answer_threads: false,
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DigestConfig {
    #[serde(default)]
    pub channel_ids: Vec<u64>,
    /// Local time of the daily post, written `HH:MM` (24-hour).
    #[serde(default = "default_time", deserialize_with = "hh_mm")]
    pub time: Time,
    /// The time zone of `time` and of "today", written as an IANA name, e.g. `Asia/Vientiane`.
    #[serde(default = "default_timezone", deserialize_with = "iana_time_zone")]
    pub timezone: TimeZone,
    /// How many days ahead the digest (and `upcoming`, `/upcoming` without a count) looks.
    #[serde(default)]
    pub days: Days,
    /// With nothing upcoming: post a short note (`post`) or stay silent (`skip`).
    #[serde(default)]
    pub when_empty: WhenEmpty,
    /// Where the posts are recorded: absent, `state_dir/digest-state.json` (one bot); a
    /// `postgres://` URL, a table shared by replicas that claim each post (see `digest_store`).
    #[serde(default)]
    pub store: Option<StoreUrl>,
    /// How long a replica's claim on a post holds before another replica may take it over.
    #[serde(default = "default_claim_lease_secs", deserialize_with = "lease_secs")]
    pub claim_lease_secs: u64,
    /// Where subscribers reach the bot's `/calendar.ics` (an `https://` address behind a reverse
    /// proxy): the digest and `/upcoming` offer it. Absent: no link.
    #[serde(default, deserialize_with = "calendar_url")]
    pub calendar_url: Option<String>,
    /// How many days before a planned meeting (known to the day) its brief is posted in the
    /// digest channels; 0 posts none.
    #[serde(default = "default_brief_days", deserialize_with = "brief_days")]
    pub brief_days: u32,
}

/// The default of `digest.brief_days`: a week.
pub const DEFAULT_BRIEF_DAYS: u32 = 7;

fn default_brief_days() -> u32 {
    DEFAULT_BRIEF_DAYS
}

fn brief_days<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let days = u32::deserialize(d)?;
    match days <= 60 {
        true => Ok(days),
        false => Err(serde::de::Error::custom(
            "must be between 0 (no briefs) and 60 days",
        )),
    }
}

fn calendar_url<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text = String::deserialize(d)?;
    match reqwest::Url::parse(&text) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host_str().is_some() => {
            Ok(Some(text))
        }
        _ => Err(serde::de::Error::custom(format!(
            "{:?} is not an http(s) URL",
            crate::net::redact_url(&text)
        ))),
    }
}

/// The default of `digest.claim_lease_secs`: two minutes.
pub const DEFAULT_CLAIM_LEASE_SECS: u64 = 120;

fn default_claim_lease_secs() -> u64 {
    DEFAULT_CLAIM_LEASE_SECS
}

fn lease_secs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let secs = u64::deserialize(d)?;
    if (1..=86_400).contains(&secs) {
        Ok(secs)
    } else {
        Err(serde::de::Error::custom(
            "must be between 1 and 86400 seconds",
        ))
    }
}

/// A PostgreSQL connection URL (`postgres://user[:password]@host[:port]/db[?options]`). Its
/// `Debug` and `Display` show it with the password replaced by `***`; [`StoreUrl::expose`] is
/// for the database client only. A password can also come from `PGPASSWORD`.
#[derive(Clone, PartialEq, Eq)]
pub struct StoreUrl {
    url: String,
    redacted: String,
}

impl StoreUrl {
    /// Checks the scheme and the syntax; the server is not contacted.
    pub fn parse(url: &str) -> Result<StoreUrl, String> {
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(format!(
                "{:?} is not a postgres:// URL",
                crate::net::redact_url(url)
            ));
        }
        url.parse::<tokio_postgres::Config>()
            .map_err(|e| format!("{}: {e}", crate::net::redact_url(url)))?;
        Ok(StoreUrl {
            url: url.to_string(),
            redacted: crate::net::redact_url(url),
        })
    }

    /// The URL with its password, for the database client. Never log it.
    pub fn expose(&self) -> &str {
        &self.url
    }

    /// The URL without its password, for logs.
    pub fn redacted(&self) -> &str {
        &self.redacted
    }
}

impl std::fmt::Debug for StoreUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("StoreUrl").field(&self.redacted).finish()
    }
}

impl std::fmt::Display for StoreUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.redacted)
    }
}

impl<'de> Deserialize<'de> for StoreUrl {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<StoreUrl, D::Error> {
        let text = String::deserialize(d)?;
        StoreUrl::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum WhenEmpty {
    #[default]
    Post,
    Skip,
}

/// The time zone used when `digest.timezone` is not set.
pub const DEFAULT_TIMEZONE: &str = "Asia/Vientiane";

fn default_time() -> Time {
    Time::constant(8, 0, 0, 0)
}

/// [`DEFAULT_TIMEZONE`]; UTC only on a system without any time zone database.
fn default_timezone() -> TimeZone {
    TimeZone::get(DEFAULT_TIMEZONE).unwrap_or(TimeZone::UTC)
}

/// `"08:30"`: exactly two digits, a colon, two digits.
fn hh_mm<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
    let text = String::deserialize(d)?;
    parse_hh_mm(&text)
        .ok_or_else(|| serde::de::Error::custom(format!("{text:?} must be HH:MM (24-hour)")))
}

fn parse_hh_mm(text: &str) -> Option<Time> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0).ok()
}

fn iana_time_zone<'de, D: serde::Deserializer<'de>>(d: D) -> Result<TimeZone, D::Error> {
    let name = String::deserialize(d)?;
    TimeZone::get(&name)
        .map_err(|_| serde::de::Error::custom(format!("{name:?} is not an IANA time zone name")))
}

impl Config {
    /// Where the digest records its posts: `[digest] store`, else `[store] url` (the state file
    /// when neither is set; [`Config::parse`] refuses two different databases).
    pub fn digest_store(&self) -> Option<&StoreUrl> {
        self.digest.store.as_ref().or(self.store.url.as_ref())
    }
}

impl DigestConfig {
    /// The IANA name of the time zone, for logs.
    pub fn timezone_name(&self) -> &str {
        self.timezone.iana_name().unwrap_or("UTC")
    }

    /// Today's date in the digest's time zone, at `now`.
    pub fn today(&self, now: Timestamp) -> Date {
        now.to_zoned(self.timezone.clone()).date()
    }

    /// Where `/upcoming` looks from at `now`, in every transport.
    pub fn upcoming_from(&self, now: Timestamp) -> UpcomingFrom {
        UpcomingFrom {
            today: self.today(now),
            default_days: self.days,
        }
    }
}

impl Default for DigestConfig {
    fn default() -> Self {
        DigestConfig {
            channel_ids: Vec::new(),
            time: default_time(),
            timezone: default_timezone(),
            days: Days::default(),
            when_empty: WhenEmpty::Post,
            store: None,
            claim_lease_secs: DEFAULT_CLAIM_LEASE_SECS,
            calendar_url: None,
            brief_days: DEFAULT_BRIEF_DAYS,
        }
    }
}

/// Why the configuration cannot be used. The cause of [`ConfigError::Read`] is its `source()`
/// (printed by `{:#}`), not part of its message.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}: {message}", path.display())]
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

    /// Parses and checks every value in one pass; paths stay as written. An error names the
    /// file, the line (from the span `toml` reports) and the dotted key (from the path
    /// `serde_path_to_error` tracks): `config.toml:22: digest.days: Pick between 1 and 366 days`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let config: Config = Config::deserialize(path, text)?;
        if let (Some(shared), Some(digest)) = (&config.store.url, &config.digest.store) {
            if shared != digest {
                return Err(ConfigError::Invalid {
                    path: path.to_path_buf(),
                    line: line_of_key(text, "store", "url").unwrap_or(1),
                    message: format!(
                        "store.url ({shared}) and digest.store ({digest}) name different \
                         databases; keep [store] url only"
                    ),
                });
            }
        }
        Ok(config)
    }

    fn deserialize(path: &Path, text: &str) -> Result<Config, ConfigError> {
        serde_path_to_error::deserialize(toml::Deserializer::new(text)).map_err(|e| {
            let key = dotted_key(e.path());
            let e = e.into_inner();
            let line = e
                .span()
                .map_or(1, |s| agenda_core::corpus::line_of(text, s.start));
            let message = agenda_core::corpus::toml_message(&e);
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                // serde names an unknown or missing key itself, but not the key of a value of
                // the wrong type ("invalid type: string \"yes\", expected a boolean").
                message: match key {
                    Some(key) if !message.contains(&key) => format!("{key}: {message}"),
                    _ => message,
                },
            }
        })
    }
}

/// The line of `key` in `[table]` (written as a table header, not inline), for messages.
fn line_of_key(text: &str, table: &str, key: &str) -> Option<usize> {
    let header = format!("[{table}]");
    let mut in_table = false;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            in_table = line == header;
        } else if in_table
            && line
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return Some(n + 1);
        }
    }
    None
}

/// `digest.days` from serde's path to a value (array positions left out: the line says which).
fn dotted_key(path: &serde_path_to_error::Path) -> Option<String> {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|segment| match segment {
            serde_path_to_error::Segment::Map { key } => Some(key.as_str()),
            _ => None,
        })
        .collect();
    (!keys.is_empty()).then(|| keys.join("."))
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
        assert!(c.digest.days.get() > 0);
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
    fn button_expiry_and_answer_threads_are_checked() {
        let base = "corpus_dir = \"c\"\nindex_dir = \"i\"\n[discord]\n";
        let c = Config::parse(Path::new("c.toml"), base).unwrap();
        assert_eq!(c.discord.buttons_expire_hours, 24);
        assert!(!c.discord.answer_threads);
        let c = Config::parse(
            Path::new("c.toml"),
            &format!("{base}buttons_expire_hours = 2\nanswer_threads = true\n"),
        )
        .unwrap();
        assert_eq!(c.discord.buttons_expire_hours, 2);
        assert!(c.discord.answer_threads);
        for bad in ["0", "8761", "-1", "\"24\""] {
            let e = Config::parse(
                Path::new("c.toml"),
                &format!("{base}buttons_expire_hours = {bad}\n"),
            )
            .unwrap_err()
            .to_string();
            assert!(
                e.starts_with("c.toml:4:") && e.contains("buttons_expire_hours"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn feedback_is_off_unless_switched_on_and_takes_one_key() {
        let base = "corpus_dir = \"c\"\nindex_dir = \"i\"\n";
        let c = Config::parse(Path::new("c.toml"), base).unwrap();
        assert!(!c.feedback.enabled);
        let on = format!("{base}[feedback]\nenabled = true\n");
        assert!(
            Config::parse(Path::new("c.toml"), &on)
                .unwrap()
                .feedback
                .enabled
        );
        for (bad, line) in [("enabled = \"yes\"", 4), ("store_users = true", 4)] {
            let e = Config::parse(Path::new("c.toml"), &format!("{base}[feedback]\n{bad}\n"))
                .unwrap_err()
                .to_string();
            assert!(
                e.starts_with(&format!("c.toml:{line}:")) && e.contains("feedback"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn bad_values_name_the_key() {
        let base = "corpus_dir = \"c\"\nindex_dir = \"i\"\n[digest]\n";
        for (bad, key) in [
            ("time = \"25:00\"", "digest.time"),
            ("timezone = \"Mars/Olympus\"", "digest.timezone"),
            ("days = 0", "digest.days"),
            ("brief_days = 61", "digest.brief_days"),
            ("brief_days = -1", "digest.brief_days"),
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
    }

    #[test]
    fn values_are_typed_once() {
        let text = "corpus_dir = \"c\"\nindex_dir = \"i\"\n[digest]\ntime = \"07:45\"\ntimezone = \"America/New_York\"\ndays = 366\n";
        let c = Config::parse(Path::new("c.toml"), text).unwrap();
        assert_eq!(c.digest.time, jiff::civil::time(7, 45, 0, 0));
        assert_eq!(c.digest.timezone_name(), "America/New_York");
        assert_eq!(c.digest.days, Days::new(366).unwrap());
        let d = DigestConfig::default();
        assert_eq!(
            (d.time, d.timezone_name(), d.days),
            (
                jiff::civil::time(8, 0, 0, 0),
                DEFAULT_TIMEZONE,
                Days::DEFAULT
            )
        );
        // 20:00 UTC on the 21st is already the 22nd in Vientiane (UTC+7).
        let now: Timestamp = "2026-11-21T20:00:00Z".parse().unwrap();
        assert_eq!(d.today(now), jiff::civil::date(2026, 11, 22));
        for bad in ["8:00", "24:00", "08:60", "08:00:00", " 08:00", "0800"] {
            assert_eq!(parse_hh_mm(bad), None, "{bad:?}");
        }
    }

    /// The error for a config `text` that must be refused, checked to show no password.
    fn refused(text: &str) -> String {
        let e = Config::parse(Path::new("c.toml"), text)
            .unwrap_err()
            .to_string();
        assert!(!e.contains(":pw@"), "the password leaked: {e}");
        e
    }

    #[test]
    fn the_store_is_a_postgres_url_shown_without_its_password() {
        let base = "corpus_dir = \"c\"\nindex_dir = \"i\"\n[digest]\n";
        let c = Config::parse(Path::new("c.toml"), base).unwrap();
        assert_eq!(c.digest.store, None);
        assert_eq!(c.digest.claim_lease_secs, DEFAULT_CLAIM_LEASE_SECS);
        let text = format!(
            "{base}store = \"postgres://bot:s3cret@db.internal:5433/agenda?password=s3cret&sslmode=disable\"\nclaim_lease_secs = 5\n"
        );
        let c = Config::parse(Path::new("c.toml"), &text).unwrap();
        let store = c.digest.store.clone().unwrap();
        assert_eq!(
            store.redacted(),
            "postgres://bot:***@db.internal:5433/agenda?password=***&sslmode=disable"
        );
        assert!(store.expose().contains("s3cret"));
        for shown in [format!("{c:?}"), store.to_string(), format!("{store:?}")] {
            assert!(!shown.contains("s3cret"), "{shown}");
        }
        assert_eq!(c.digest.claim_lease_secs, 5);
        for (bad, key) in [
            ("store = \"mysql://u:pw@h/db\"", "digest.store"),
            ("store = \"postgres://u:pw@h:notaport/db\"", "digest.store"),
            ("claim_lease_secs = 0", "digest.claim_lease_secs"),
        ] {
            let e = refused(&format!("{base}{bad}\n"));
            assert!(e.starts_with(&format!("c.toml:4: {key}")), "{bad:?} -> {e}");
        }
    }

    #[test]
    fn the_shared_store_is_checked_and_feeds_the_digest_unless_it_names_another_database() {
        let base = "corpus_dir = \"c\"\nindex_dir = \"i\"\n";
        let c = Config::parse(Path::new("c.toml"), base).unwrap();
        assert_eq!((c.store.url.as_ref(), c.digest_store()), (None, None));
        let shared = "[store]\nurl = \"postgres://bot:s3cret@db:5432/agenda\"\n";
        let c = Config::parse(Path::new("c.toml"), &format!("{base}{shared}")).unwrap();
        let url = c.store.url.clone().unwrap();
        assert_eq!(url.redacted(), "postgres://bot:***@db:5432/agenda");
        assert_eq!(
            c.digest_store(),
            Some(&url),
            "the digest claims go there too"
        );
        assert!(!format!("{c:?}").contains("s3cret"));
        // The same database twice is fine; the digest's own store alone works as before.
        let same = "[digest]\nstore = \"postgres://bot:s3cret@db:5432/agenda\"\n";
        let c = Config::parse(Path::new("c.toml"), &format!("{base}{shared}{same}")).unwrap();
        assert_eq!(c.digest_store(), Some(&url));
        let c = Config::parse(Path::new("c.toml"), &format!("{base}{same}")).unwrap();
        assert_eq!((c.store.url.as_ref(), c.digest_store()), (None, Some(&url)));
        // Two different databases: refused, naming both without their passwords.
        let other = "[digest]\nstore = \"postgres://bot:s3cret@db:5432/other\"\n";
        let e = Config::parse(Path::new("c.toml"), &format!("{base}{shared}{other}"))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(
                "c.toml:4: store.url (postgres://bot:***@db:5432/agenda) and digest.store"
            ),
            "{e}"
        );
        assert!(!e.contains("s3cret"), "{e}");
        for (bad, key) in [
            ("[store]\nurl = \"mysql://u:pw@h/db\"\n", "store.url"),
            ("[store]\nurl = 5\n", "store.url"),
            ("[store]\nuri = \"postgres://h/db\"\n", "uri"),
        ] {
            let e = refused(&format!("{base}{bad}"));
            assert!(
                e.starts_with("c.toml:4: ") && e.contains(key),
                "{bad:?} -> {e}"
            );
        }
    }

    #[test]
    fn the_calendar_url_is_an_http_address() {
        let base = "corpus_dir = \"c\"\nindex_dir = \"i\"\n[digest]\n";
        let c = Config::parse(Path::new("c.toml"), base).unwrap();
        assert_eq!(c.digest.calendar_url, None);
        let good = format!("{base}calendar_url = \"https://bot.example.org/calendar.ics\"\n");
        let c = Config::parse(Path::new("c.toml"), &good).unwrap();
        assert_eq!(
            c.digest.calendar_url.as_deref(),
            Some("https://bot.example.org/calendar.ics")
        );
        for bad in ["calendar.ics", "ftp://h/calendar.ics", "https://u:pw@", ""] {
            let text = format!("{base}calendar_url = \"{bad}\"\n");
            let e = Config::parse(Path::new("c.toml"), &text)
                .unwrap_err()
                .to_string();
            assert!(
                e.starts_with("c.toml:4: digest.calendar_url"),
                "{bad:?} -> {e}"
            );
            assert!(!e.contains(":pw@"), "the password leaked: {e}");
        }
    }

    /// Bug: a missing config file printed "No such file or directory" twice under `{:#}`,
    /// once in the message and once as its source.
    #[test]
    fn a_read_error_prints_its_cause_once() {
        let e = Config::load(Path::new("/nonexistent/nope.toml")).unwrap_err();
        let shown = format!("{:#}", anyhow::Error::new(e));
        assert_eq!(
            shown.matches("No such file or directory").count(),
            1,
            "{shown}"
        );
        assert!(
            shown.starts_with("cannot read /nonexistent/nope.toml: "),
            "{shown}"
        );
    }
}
