//! The one harness for a running bot: the real bot (`agenda_bot::discord::Bot`) on a private copy
//! of the shipped corpus, against its own [`FakeDiscord`], used by the e2e, digest, fault,
//! hot-reload, security and soak tests.
//!
//! [`Setup::tls`] runs serenity exactly as in production (rate limiter on, `https://discord.com`),
//! with a client that can only reach the fake (see the `fake-discord` crate); otherwise the bot uses
//! the fake as `api_proxy` (rate limiter off).

use crate::common::{copy_dir, shipped_corpus};
use agenda_bot::clock::SharedClock;
use agenda_bot::config::{Config, DigestConfig, DiscordConfig, FeedbackConfig};
use agenda_bot::discord::{Bot, BotHandle, BotOptions, TestHooks};
use agenda_bot::index_service::{shared_index, SharedIndex};
use agenda_core::index::{self, AgendaIndex};
use fake_discord::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Every wait is bounded by this.
pub const T: Duration = Duration::from_secs(15);
pub const GUILD: u64 = 222_222_222_222_222_222;
pub const CHANNEL: u64 = 333_333_333_333_333_333;
pub const ALICE: u64 = 444_444_444_444_444_444;
pub const ADMIN_ROLE: u64 = 777_777_777_777_777_777;
pub const GUILD_COMMANDS: &str =
    "/api/v10/applications/111111111111111111/guilds/222222222222222222/commands$";
pub const GLOBAL_COMMANDS: &str = "/api/v10/applications/111111111111111111/commands$";

/// A change to the copied corpus, made before its index is built.
pub type CorpusEdit = Box<dyn FnOnce(&Path) + Send>;

/// How to start the bot; `Setup::default()` is the bot in [`GUILD`] with no digest.
#[derive(Default)]
pub struct Setup {
    /// The bot token (default `harness-token`).
    pub token: Option<String>,
    /// Register the commands globally instead of in [`GUILD`].
    pub global_commands: bool,
    /// `[discord] answer_channel_ids`.
    pub answer_channel_ids: Vec<u64>,
    /// `[discord] watch_corpus`.
    pub watch_corpus: bool,
    /// `[digest]`.
    pub digest: DigestConfig,
    /// The state directory, for a test that restarts the bot on the same state (default: a new
    /// one in the bot's temp dir).
    pub state_dir: Option<PathBuf>,
    /// The clock of the digest and `/upcoming` (default: the wall clock).
    pub clock: Option<SharedClock>,
    /// A fake prepared by the test (faults armed); default: a new one.
    pub fake: Option<FakeDiscord>,
    /// `TestHooks::answer_delay`.
    pub answer_delay: Option<Duration>,
    /// serenity as in production (rate limiter on) over TLS to the fake, instead of `api_proxy`.
    pub tls: bool,
    /// Changes the copied corpus before its index is built.
    pub edit_corpus: Option<CorpusEdit>,
    /// Changes the corpus after its index was built and opened, before the bot starts.
    pub edit_after_index: Option<fn(&Path)>,
    /// `[discord] buttons_expire_hours` (default 24).
    pub buttons_expire_hours: Option<u32>,
    /// `[discord] answer_threads = true`: answers in chat open a thread (off by default).
    pub answer_threads: bool,
    /// `[feedback] enabled = true`: 👍/👎 on answers, recorded in the state directory.
    pub feedback: bool,
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
    /// Copies the shipped corpus, builds its index, starts the bot against the fake and waits
    /// until it has identified and registered its commands.
    pub async fn start(setup: Setup) -> BotUnderTest {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        copy_dir(&shipped_corpus(), &corpus);
        if let Some(edit) = setup.edit_corpus {
            edit(&corpus);
        }
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
            state_dir: setup.state_dir.unwrap_or_else(|| dir.path().join("state")),
            discord: DiscordConfig {
                guild_ids: if setup.global_commands {
                    vec![]
                } else {
                    vec![GUILD]
                },
                answer_channel_ids: setup.answer_channel_ids,
                admin_role_ids: vec![ADMIN_ROLE],
                watch_corpus: setup.watch_corpus,
                buttons_expire_hours: setup.buttons_expire_hours.unwrap_or(24),
                answer_threads: setup.answer_threads,
            },
            digest: setup.digest,
            feedback: FeedbackConfig {
                enabled: setup.feedback,
            },
            store: Default::default(),
        };
        let fake = match setup.fake {
            Some(fake) => fake,
            None => {
                FakeDiscord::start_with(FakeOptions {
                    tls: setup.tls,
                    ..FakeOptions::default()
                })
                .await
            }
        };
        let (api_proxy, http_client) = match setup.tls {
            true => (None, Some(fake.discord_client())),
            false => (Some(fake.rest_url()), None),
        };
        let options = BotOptions {
            config,
            index: shared_index(index),
            token: setup.token.unwrap_or_else(|| "harness-token".into()),
            api_proxy,
            test_hooks: TestHooks {
                answer_delay: setup.answer_delay,
                http_client,
            },
        };
        let clock = setup.clock.unwrap_or_else(SharedClock::system);
        let bot = Bot::start_with_clock(options, clock)
            .await
            .expect("bot starts");
        assert!(fake.wait_ready(T).await, "bot never identified");
        let commands = if setup.global_commands {
            GLOBAL_COMMANDS
        } else {
            GUILD_COMMANDS
        };
        let put = fake
            .wait_for(|r| r.is("PUT", commands), T)
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

    /// The running bot (its state and REST client, for an HTTP interactions endpoint).
    pub fn handle(&self) -> &BotHandle {
        self.bot.as_ref().unwrap()
    }

    pub async fn slash(&self, id: u64, name: &str, options: Value, permissions: &str) -> u64 {
        self.fake
            .dispatch(
                "INTERACTION_CREATE",
                slash_command(id, name, options, ALICE, permissions),
            )
            .await
    }

    /// A message from [`ALICE`] in guild channel `channel`, mentioning the bot or not; returns
    /// the sequence number of the dispatch.
    pub async fn say(&self, id: u64, channel: u64, content: &str, mentions_bot: bool) -> u64 {
        self.fake
            .dispatch(
                "MESSAGE_CREATE",
                message_create(id, channel, ALICE, content, mentions_bot),
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

    /// Every request to post a message in `channel` so far: (status, body).
    pub fn posts(&self, channel: u64) -> Vec<(u16, Value)> {
        let path = messages_path(channel);
        self.fake
            .requests()
            .into_iter()
            .filter(|r| r.is("POST", &path))
            .map(|r| (r.status, r.body))
            .collect()
    }

    /// The body of the first message posted in `channel` successfully.
    pub async fn wait_posted(&self, channel: u64) -> Value {
        let path = messages_path(channel);
        match self
            .fake
            .wait_for(|r| r.is("POST", &path) && r.ok(), T)
            .await
        {
            Some(r) => r.body,
            None => panic!("nothing posted in {channel}: {:?}", self.summary()),
        }
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

pub fn messages_path(channel: u64) -> String {
    format!("/api/v10/channels/{channel}/messages$")
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

/// The custom id of the first button of `body` whose label starts with `label`.
pub fn button<'a>(body: &'a Value, label: &str) -> Option<&'a str> {
    body["components"]
        .as_array()?
        .iter()
        .flat_map(|row| row["components"].as_array().into_iter().flatten())
        .find(|b| b["label"].as_str().is_some_and(|l| l.starts_with(label)))
        .and_then(|b| b["custom_id"].as_str())
}
