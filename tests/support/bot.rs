//! The real bot (`agenda_bot::discord::Bot`) on a private copy of the shipped corpus, against its own
//! [`FakeDiscord`]: the harness of the hot-reload, fault and soak tests.
//!
//! [`Setup::tls`] runs serenity exactly as in production (rate limiter on, `https://discord.com`),
//! with a client that can only reach the fake (see `fake_discord.rs`); otherwise the bot uses the
//! fake as `api_proxy` (rate limiter off), like `tests/discord_e2e.rs`.

#![allow(dead_code)]

use super::fake_discord::*;
use agenda_bot::config::{Config, DigestConfig, DiscordConfig};
use agenda_bot::discord::{self, Bot, BotHandle, BotOptions, SharedIndex, TestHooks};
use agenda_core::index::{self, AgendaIndex};
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// Every wait is bounded by this.
pub const T: Duration = Duration::from_secs(15);
pub const GUILD: u64 = 222_222_222_222_222_222;
pub const CHANNEL: u64 = 333_333_333_333_333_333;
pub const ALICE: u64 = 444_444_444_444_444_444;
pub const ADMIN_ROLE: u64 = 777_777_777_777_777_777;
pub const GUILD_COMMANDS: &str =
    "/api/v10/applications/111111111111111111/guilds/222222222222222222/commands$";

// ---------------------------------------------------------------------------------------------
// Log capture (opt-in: the soak test keeps logging off so that the buffer does not grow)
// ---------------------------------------------------------------------------------------------

#[derive(Clone)]
pub struct LogBuffer(pub Arc<Mutex<Vec<u8>>>);

impl Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures the bot's logs (`agenda_bot` at debug, the rest at info) for the whole test binary.
pub fn capture_logs() -> &'static LogBuffer {
    static LOGS: OnceLock<LogBuffer> = OnceLock::new();
    LOGS.get_or_init(|| {
        let buffer = LogBuffer(Arc::new(Mutex::new(Vec::new())));
        let writer = buffer.clone();
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(
                "info,agenda_bot=debug,serenity=info",
            ))
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .try_init();
        buffer
    })
}

/// What was logged so far (empty unless [`capture_logs`] was called).
pub fn log_text() -> String {
    capture_logs();
    String::from_utf8_lossy(&capture_logs().0.lock().unwrap()).into_owned()
}

/// The log's records: a line starting with a timestamp, with the lines that continue it.
pub fn log_records() -> Vec<String> {
    let mut records: Vec<String> = Vec::new();
    for line in log_text().lines() {
        match records.last_mut() {
            Some(last) if !line.starts_with(|c: char| c.is_ascii_digit()) => {
                last.push('\n');
                last.push_str(line);
            }
            _ => records.push(line.to_string()),
        }
    }
    records
}

/// Waits until the log holds a record (a line and its continuation lines) with every one of
/// `needles`; that record.
pub async fn wait_for_log(needles: &[&str], timeout: Duration) -> Option<String> {
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        let found = log_records()
            .into_iter()
            .find(|l| needles.iter().all(|n| l.contains(n)));
        if found.is_some() || tokio::time::Instant::now() >= deadline {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

// ---------------------------------------------------------------------------------------------
// The bot under test
// ---------------------------------------------------------------------------------------------

pub use super::common::copy_dir;

/// How to start the bot.
#[derive(Default)]
pub struct Setup {
    /// `[discord] watch_corpus`.
    pub watch_corpus: bool,
    /// `TestHooks::answer_delay`.
    pub answer_delay: Option<Duration>,
    /// serenity as in production (rate limiter on) over TLS to the fake, instead of `api_proxy`.
    pub tls: bool,
    /// Changes the corpus after its index was built and opened, before the bot starts.
    pub edit_after_index: Option<fn(&Path)>,
}

pub struct BotUnderTest {
    pub fake: FakeDiscord,
    bot: Option<BotHandle>,
    /// The bot's own copy of the shipped corpus.
    pub corpus: PathBuf,
    pub index_dir: PathBuf,
    _dir: tempfile::TempDir,
}

impl BotUnderTest {
    /// Copies the shipped corpus, builds its index, starts a fake Discord and the bot (commands
    /// registered in [`GUILD`]), and waits until the commands are registered.
    pub async fn start(setup: Setup) -> BotUnderTest {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
            &corpus,
        );
        let index_dir = dir.path().join("index");
        let (c, i) = (corpus.clone(), index_dir.clone());
        let index = tokio::task::spawn_blocking(move || {
            index::ensure_built(&c, &i).expect("index builds");
            AgendaIndex::open(&i).expect("index opens")
        })
        .await
        .unwrap();
        if let Some(edit) = setup.edit_after_index {
            edit(&corpus);
        }
        let config = Config {
            corpus_dir: corpus.clone(),
            index_dir: index_dir.clone(),
            state_dir: dir.path().join("state"),
            discord: DiscordConfig {
                guild_ids: vec![GUILD],
                answer_channel_ids: vec![],
                admin_role_ids: vec![ADMIN_ROLE],
                watch_corpus: setup.watch_corpus,
            },
            digest: DigestConfig::default(),
        };
        let fake = FakeDiscord::start_with(FakeOptions {
            tls: setup.tls,
            ..FakeOptions::default()
        })
        .await;
        let (api_proxy, http_client) = match setup.tls {
            true => (None, Some(fake.discord_client())),
            false => (Some(fake.rest_url()), None),
        };
        let bot = Bot::start(BotOptions {
            config,
            index: discord::shared_index(index),
            token: "harness-token".into(),
            api_proxy,
            test_hooks: TestHooks {
                answer_delay: setup.answer_delay,
                http_client,
            },
        })
        .await
        .expect("bot starts");
        assert!(fake.wait_ready(T).await, "bot never identified");
        let put = fake
            .wait_for(|r| r.is("PUT", GUILD_COMMANDS), T)
            .await
            .expect("commands registered");
        assert!(put.ok());
        BotUnderTest {
            fake,
            bot: Some(bot),
            corpus,
            index_dir,
            _dir: dir,
        }
    }

    /// The index in service.
    pub fn index(&self) -> &SharedIndex {
        self.bot.as_ref().unwrap().index()
    }

    pub async fn slash(&self, id: u64, name: &str, options: Value, permissions: &str) -> u64 {
        self.fake
            .dispatch(
                "INTERACTION_CREATE",
                slash_command(id, name, options, ALICE, permissions),
            )
            .await
    }

    /// `/name option:text`; returns the sequence number of the dispatch.
    pub async fn query(&self, id: u64, name: &str, option: &str, text: &str) -> u64 {
        let options = json!([{"name": option, "type": 3, "value": text}]);
        self.slash(id, name, options, "0").await
    }

    /// The successful edit of interaction `id`'s deferred response.
    pub async fn edited(&self, id: u64) -> Recorded {
        let path = original_path(id);
        self.fake
            .wait_for(|r| r.is("PATCH", &path) && r.ok(), T)
            .await
            .unwrap_or_else(|| panic!("no reply for interaction {id}: {:#?}", self.summary()))
    }

    /// The successful callback of type `kind` for interaction `id`.
    pub async fn callback(&self, id: u64, kind: u64) -> Recorded {
        let path = callback_path(id);
        self.fake
            .wait_for(
                |r| r.is("POST", &path) && r.ok() && r.body["type"] == kind,
                T,
            )
            .await
            .unwrap_or_else(|| panic!("no type {kind} callback for {id}: {:#?}", self.summary()))
    }

    /// (method, path, status) of every request so far.
    pub fn summary(&self) -> Vec<(String, String, u16)> {
        self.fake
            .requests()
            .iter()
            .map(|r| (r.method.clone(), r.path.clone(), r.status))
            .collect()
    }

    /// The statuses of the requests `method pattern`, in order.
    pub fn statuses(&self, method: &str, pattern: &str) -> Vec<u16> {
        self.fake
            .requests()
            .iter()
            .filter(|r| r.is(method, pattern))
            .map(|r| r.status)
            .collect()
    }

    /// Stops the bot (watcher, then gateway) within [`T`]; returns its directory (corpus, index),
    /// deleted when dropped.
    pub async fn stop(mut self) -> tempfile::TempDir {
        let bot = self.bot.take().unwrap();
        tokio::time::timeout(T, bot.shutdown())
            .await
            .expect("shutdown in time")
            .expect("clean shutdown");
        self._dir
    }
}

pub fn callback_path(id: u64) -> String {
    format!(
        "/api/v10/interactions/{id}/{}/callback$",
        interaction_token(id)
    )
}

pub fn original_path(id: u64) -> String {
    format!(
        "/api/v10/webhooks/{APPLICATION_ID}/{}/messages/@original$",
        interaction_token(id)
    )
}

pub fn first_title(body: &Value) -> String {
    body["embeds"][0]["title"]
        .as_str()
        .unwrap_or("")
        .to_string()
}
