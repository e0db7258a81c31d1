//! The serving benchmark (a child process): the bot itself (`Bot::start`, in process, `api_proxy`
//! to the fake Discord of `crates/fake-discord`) driven by 1, 8 and 64 concurrent `/ask`
//! interactions over the gateway and over the HTTP interactions endpoint; request → reply
//! latency and throughput, alone and while `/reindex` rebuilds the whole corpus back to back.

use crate::cli::Mode;
use crate::results::{LoadResult, Serving, ServingResult};
use crate::run::log;
use agenda_bench::queries::{self, CLASSES};
use agenda_bot::config::{Config, DigestConfig, DiscordConfig};
use agenda_bot::discord::interactions::{self, verify::RequestVerifier, Endpoint, DEADLINE};
use agenda_bot::discord::{Bot, BotOptions, TestHooks, USER_ERROR};
use agenda_core::corpus::Corpus;
use agenda_core::index::{self, AgendaIndex};
use anyhow::{bail, Context, Result};
use ed25519_dalek::{Signer, SigningKey};
use fake_discord::{interaction_token, slash_command, FakeDiscord, Recorded, APPLICATION_ID};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

const GUILD: u64 = 222_222_222_222_222_222;
const USER: u64 = 444_444_444_444_444_444;
/// Every wait for the bot is bounded by this.
const WAIT: Duration = Duration::from_secs(60);
/// Ids of the load's interactions start here; the rebuilds' at [`REINDEX_BASE`].
const LOAD_BASE: u64 = 700_000_000_000_000_000;
const REINDEX_BASE: u64 = 900_000_000_000_000_000;
/// The application's signing key in this benchmark (a throwaway: the endpoint is on 127.0.0.1).
const SIGNING_KEY: [u8; 32] = [7; 32];
/// `/ask` questions per query class, interleaved and cycled through.
const QUESTIONS_PER_CLASS: usize = 50;

/// What the child is told to do (its command line).
#[derive(clap::Args)]
pub(crate) struct ServingPlan {
    /// The generated corpus to serve (copied, never changed).
    #[arg(long)]
    pub(crate) corpus: PathBuf,
    /// A directory for the bot's copy of the corpus, its index and state (emptied first).
    #[arg(long)]
    pub(crate) work: PathBuf,
    /// Interactions counted per concurrency level and phase.
    #[arg(long)]
    pub(crate) per_level: usize,
    /// Rebuilds at least per level during rebuilds.
    #[arg(long, default_value_t = 1)]
    pub(crate) min_rebuilds: usize,
    #[arg(long, value_delimiter = ',')]
    pub(crate) levels: Vec<usize>,
    #[arg(long, value_delimiter = ',')]
    pub(crate) modes: Vec<Mode>,
    #[arg(long)]
    pub(crate) seed: u64,
}

/// The final reply to interaction `id` among the fake's requests: the edit of the deferred
/// response (`PATCH …/webhooks/{app}/{token}/messages/@original`) or an immediate callback with
/// a message (type 4). The acknowledgement (type 5) and anything else is not a reply.
pub(crate) fn reply_to(r: &Recorded) -> Option<u64> {
    let parts: Vec<&str> = r.path.trim_start_matches('/').split('/').collect();
    let token = match parts.as_slice() {
        ["api", "v10", "webhooks", app, token, "messages", "@original"]
            if r.method == "PATCH" && *app == APPLICATION_ID =>
        {
            token
        }
        ["api", "v10", "interactions", _, token, "callback"]
            if r.method == "POST" && r.body["type"] == 4 =>
        {
            token
        }
        _ => return None,
    };
    let id = token.strip_prefix("tok-")?.parse().ok()?;
    (interaction_token(id) == *token).then_some(id)
}

/// The message of a reply the fake received (an edit's body; a callback's `data`).
fn message_of(r: &Recorded) -> Value {
    match r.method.as_str() {
        "POST" => r.body["data"].clone(),
        _ => r.body.clone(),
    }
}

/// A reply as its sender sees it: when it arrived, the fake's status, and the message.
struct Delivered {
    at: Instant,
    status: u16,
    message: Value,
}

/// Replies the fake received, handed to whoever waits for them (one task reads the fake's log
/// and empties it, so it stays small).
#[derive(Clone, Default)]
struct Replies {
    waiting: Arc<Mutex<HashMap<u64, oneshot::Sender<Delivered>>>>,
    /// Requests the fake answered with an error (none expected).
    failed: Arc<AtomicUsize>,
}

impl Replies {
    fn expect(&self, id: u64) -> oneshot::Receiver<Delivered> {
        let (tx, rx) = oneshot::channel();
        self.waiting.lock().unwrap().insert(id, tx);
        rx
    }

    fn forget(&self, id: u64) {
        self.waiting.lock().unwrap().remove(&id);
    }

    fn collect(&self, fake: Arc<FakeDiscord>) -> tokio::task::JoinHandle<()> {
        let this = self.clone();
        tokio::spawn(async move {
            loop {
                // Any request at all (the log is emptied after each batch).
                if fake.wait_for(|_| true, WAIT).await.is_none() {
                    continue;
                }
                for r in fake.take_requests() {
                    if !r.ok() {
                        this.failed.fetch_add(1, Ordering::Relaxed);
                    }
                    let Some(id) = reply_to(&r) else { continue };
                    if let Some(tx) = this.waiting.lock().unwrap().remove(&id) {
                        let _ = tx.send(Delivered {
                            at: r.received_at,
                            status: r.status,
                            message: message_of(&r),
                        });
                    }
                }
            }
        })
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A client of the HTTP interactions endpoint that signs as Discord does (Ed25519 over
/// timestamp + body).
struct SignedClient {
    url: String,
    http: reqwest::Client,
    key: SigningKey,
}

impl SignedClient {
    /// The response's arrival and its JSON body.
    async fn post(&self, body: Vec<u8>) -> Result<(Instant, Value)> {
        let timestamp = jiff::Timestamp::now().as_second().to_string();
        let signature = self.key.sign(&[timestamp.as_bytes(), &body].concat());
        let response = self
            .http
            .post(&self.url)
            .header("content-type", "application/json")
            .header("x-signature-ed25519", hex(&signature.to_bytes()))
            .header("x-signature-timestamp", timestamp)
            .body(body)
            .send()
            .await?;
        let status = response.status();
        let bytes = response.bytes().await?;
        let at = Instant::now();
        if !status.is_success() {
            bail!("the interactions endpoint answered {status}");
        }
        Ok((at, serde_json::from_slice(&bytes)?))
    }
}

/// Rebuilds under way as a counter, odd while one runs: an interaction is "during a rebuild"
/// when it was sent and answered within the same one.
#[derive(Default)]
struct Phase(AtomicU64);

impl Phase {
    fn now(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }

    /// A rebuild starts or ends.
    fn flip(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }

    fn within_one_rebuild(sent: u64, answered: u64) -> bool {
        sent % 2 == 1 && sent == answered
    }
}

/// The bot on its fake Discord and its endpoint, with the reply collector.
struct Served {
    fake: Arc<FakeDiscord>,
    endpoint: SignedClient,
    replies: Replies,
    next_id: AtomicU64,
    /// The `/ask` questions, cycled through.
    questions: Vec<String>,
    /// The statement each rebuild appends a paragraph to (so that the corpus changed).
    edited: PathBuf,
}

impl Served {
    /// One interaction in `mode`; the time from sending it to the reply's arrival (µs) and the
    /// reply's message. Over the gateway the reply is what the fake receives; over HTTP the
    /// response, or the edit the fake receives when the response only acknowledged it.
    async fn interact(
        &self,
        mode: Mode,
        name: &str,
        options: Value,
        admin: bool,
    ) -> Result<(f64, Value)> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed)
            + if admin { REINDEX_BASE } else { LOAD_BASE };
        let payload = slash_command(id, name, options, USER, if admin { "8" } else { "0" });
        let reply = self.replies.expect(id);
        let sent = Instant::now();
        let edited = async {
            let delivered = tokio::time::timeout(WAIT, reply)
                .await
                .with_context(|| format!("no reply to /{name} within {WAIT:?}"))??;
            if !(200..300).contains(&delivered.status) {
                bail!(
                    "the fake answered the reply to /{name} {}",
                    delivered.status
                );
            }
            Ok(delivered)
        };
        let delivered = match mode {
            Mode::Gateway => {
                self.fake.dispatch("INTERACTION_CREATE", payload).await;
                edited.await?
            }
            Mode::Http => {
                let (at, response) = self.endpoint.post(payload.to_string().into_bytes()).await?;
                match response["type"].as_u64() {
                    Some(4) => {
                        self.replies.forget(id);
                        Delivered {
                            at,
                            status: 200,
                            message: response["data"].clone(),
                        }
                    }
                    Some(5) => edited.await?,
                    other => bail!("the endpoint answered /{name} with type {other:?}"),
                }
            }
        };
        let us = delivered.at.saturating_duration_since(sent).as_secs_f64() * 1e6;
        Ok((us, delivered.message))
    }

    /// `/ask` with the `i`-th question (cycled); its latency in µs.
    async fn ask(&self, mode: Mode, i: usize) -> Result<f64> {
        let q = &self.questions[i % self.questions.len()];
        let options = json!([{"name": "question", "type": 3, "value": q}]);
        let (us, message) = self.interact(mode, "ask", options, false).await?;
        if message["content"] == USER_ERROR {
            bail!("/ask {q:?} failed in the bot");
        }
        Ok(us)
    }

    /// One full rebuild: a paragraph appended to a statement (the corpus changed), then
    /// `/reindex` as an admin, which must answer "Index rebuilt".
    async fn rebuild(&self, mode: Mode, k: usize) -> Result<()> {
        let mut text = std::fs::read_to_string(&self.edited)?;
        text.push_str(&format!(
            "\nThe meeting also noted rebuild number {k} of the benchmark.\n"
        ));
        std::fs::write(&self.edited, text)?;
        let (_, message) = self.interact(mode, "reindex", json!([]), true).await?;
        let title = &message["embeds"][0]["title"];
        if title != "Index rebuilt" {
            bail!(
                "/reindex did not rebuild: {title} {}",
                message["embeds"][0]["description"]
            );
        }
        Ok(())
    }
}

/// The last statement file under `dir` (by path order).
fn last_statement(dir: &Path) -> Result<PathBuf> {
    let mut last: Option<PathBuf> = None;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let candidate = if path.is_dir() {
            last_statement(&path).ok()
        } else {
            (path.extension().is_some_and(|e| e == "md")).then_some(path)
        };
        if candidate > last {
            last = candidate;
        }
    }
    last.with_context(|| format!("no statement under {}", dir.display()))
}

/// What a load runs: `n` interactions from `concurrency` clients, alone or during rebuilds, at
/// least `min_rebuilds` of them.
#[derive(Debug, Clone, Copy)]
struct Load {
    mode: Mode,
    concurrency: usize,
    n: usize,
    rebuilding: bool,
    min_rebuilds: usize,
}

impl Load {
    /// Whether the rebuilder starts another rebuild, `counted` interactions and `rebuilds` in.
    fn another_rebuild(&self, counted: usize, rebuilds: usize) -> bool {
        counted < self.n || rebuilds < self.min_rebuilds
    }
}

/// `n` interactions from `concurrency` clients, each sending its next one when the reply to the
/// last has arrived. With `rebuilding`, `/reindex` runs back to back meanwhile, and the load
/// goes on until `n` interactions were sent and answered within one rebuild and
/// `min_rebuilds` ran; only those count, and the throughput is the replies that arrived during
/// rebuilds over the rebuilds' time.
async fn load(served: &Arc<Served>, plan: Load) -> Result<LoadResult> {
    let Load {
        mode,
        concurrency,
        n,
        rebuilding,
        ..
    } = plan;
    let counted = Arc::new(Mutex::new(Vec::with_capacity(n)));
    let issued = Arc::new(AtomicUsize::new(0));
    let answered_during = Arc::new(AtomicUsize::new(0));
    let phase = Arc::new(Phase::default());
    let stop = Arc::new(AtomicBool::new(false));
    let rebuilder = rebuilding.then(|| {
        let (served, counted, phase, stop) =
            (served.clone(), counted.clone(), phase.clone(), stop.clone());
        tokio::spawn(async move {
            let mut secs = Vec::new();
            while plan.another_rebuild(counted.lock().unwrap().len(), secs.len())
                && !stop.load(Ordering::SeqCst)
            {
                phase.flip();
                let started = Instant::now();
                let done = served.rebuild(mode, secs.len() + 1).await;
                secs.push(started.elapsed().as_secs_f64());
                phase.flip();
                if done.is_err() {
                    stop.store(true, Ordering::SeqCst);
                    return done.map(|()| secs);
                }
            }
            stop.store(true, Ordering::SeqCst);
            Ok(secs)
        })
    });
    let started = Instant::now();
    let mut clients = Vec::new();
    for _ in 0..concurrency {
        let (served, counted, issued, answered_during, phase, stop) = (
            served.clone(),
            counted.clone(),
            issued.clone(),
            answered_during.clone(),
            phase.clone(),
            stop.clone(),
        );
        clients.push(tokio::spawn(async move {
            while !stop.load(Ordering::SeqCst) {
                let i = issued.fetch_add(1, Ordering::SeqCst);
                if !rebuilding && i >= n {
                    break;
                }
                let sent = phase.now();
                let us = match served.ask(mode, i).await {
                    Ok(us) => us,
                    Err(e) => {
                        stop.store(true, Ordering::SeqCst);
                        return Err(e);
                    }
                };
                let answered = phase.now();
                if !rebuilding || Phase::within_one_rebuild(sent, answered) {
                    counted.lock().unwrap().push(us);
                }
                if answered % 2 == 1 {
                    answered_during.fetch_add(1, Ordering::Relaxed);
                }
            }
            anyhow::Ok(())
        }));
    }
    let mut failure = None;
    for c in clients {
        if let Err(e) = c.await? {
            failure.get_or_insert(e);
        }
    }
    let wall = started.elapsed().as_secs_f64();
    let rebuild_secs = match rebuilder {
        Some(r) => r.await??,
        None => Vec::new(),
    };
    if let Some(e) = failure {
        return Err(e);
    }
    let latency_us = std::mem::take(&mut *counted.lock().unwrap());
    Ok(match rebuilding {
        true => LoadResult {
            concurrency,
            answered: answered_during.load(Ordering::Relaxed),
            secs: rebuild_secs.iter().sum(),
            latency_us,
            rebuild_secs,
        },
        false => LoadResult {
            concurrency,
            answered: latency_us.len(),
            secs: wall,
            latency_us,
            rebuild_secs,
        },
    })
}

/// Copies `from` to `to` (files and directories).
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// The child: the bot on a copy of the corpus, every mode and level with and without rebuilds.
pub(crate) fn run(plan: &ServingPlan) -> Result<Serving> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(plan))
}

/// The corpus copied to `work`, its index built, the questions drawn: the index, the questions
/// and the corpus's paragraph count.
async fn prepare(plan: &ServingPlan) -> Result<(AgendaIndex, Vec<String>, usize)> {
    if plan.work.exists() {
        std::fs::remove_dir_all(&plan.work)?;
    }
    let (corpus_dir, index_dir) = (plan.work.join("corpus"), plan.work.join("index"));
    copy_tree(&plan.corpus, &corpus_dir)?;
    let seed = plan.seed;
    tokio::task::spawn_blocking(move || {
        let corpus = Corpus::load(&corpus_dir)?;
        let paragraphs: usize = corpus.statements.iter().map(|s| s.paragraphs.len()).sum();
        let set = queries::generate(&corpus, QUESTIONS_PER_CLASS, seed);
        drop(corpus);
        index::ensure_built(&corpus_dir, &index_dir)?;
        // The classes interleaved: plain, phrase, typo, acronym, plain, …
        let questions: Vec<String> = (0..QUESTIONS_PER_CLASS)
            .flat_map(|k| CLASSES.map(|c| set.class(c).get(k).cloned()))
            .flatten()
            .collect();
        anyhow::Ok((AgendaIndex::open(&index_dir)?, questions, paragraphs))
    })
    .await?
}

async fn serve(plan: &ServingPlan) -> Result<Serving> {
    let (index, questions, paragraphs) = prepare(plan).await?;
    let corpus_dir = plan.work.join("corpus");
    let fake = Arc::new(FakeDiscord::start().await);
    let config = Config {
        corpus_dir: corpus_dir.clone(),
        index_dir: plan.work.join("index"),
        state_dir: plan.work.join("state"),
        discord: DiscordConfig {
            guild_ids: vec![GUILD],
            watch_corpus: false,
            ..DiscordConfig::default()
        },
        digest: DigestConfig::default(),
        feedback: Default::default(),
        store: Default::default(),
    };
    let bot = Bot::start(BotOptions {
        config,
        index: agenda_bot::index_service::shared_index(index),
        token: "agenda-bench".into(),
        api_proxy: Some(fake.rest_url()),
        test_hooks: TestHooks::default(),
    })
    .await?;
    if !fake.wait_ready(WAIT).await {
        bail!("the bot never identified on the fake Discord");
    }
    // The HTTP endpoint beside the gateway: the same bot state and REST client.
    let key = SigningKey::from_bytes(&SIGNING_KEY);
    let endpoint = Endpoint {
        data: bot.data().clone(),
        http: bot.http().clone(),
        verifier: RequestVerifier::from_hex(&hex(key.verifying_key().as_bytes()))?,
        deadline: DEADLINE,
    };
    let addr = interactions::serve("127.0.0.1:0".parse()?, interactions::router(endpoint)).await?;
    let replies = Replies::default();
    let collector = replies.collect(fake.clone());
    let served = Arc::new(Served {
        fake,
        endpoint: SignedClient {
            url: format!("http://{addr}/interactions"),
            http: reqwest::Client::builder().no_proxy().build()?,
            key,
        },
        replies,
        next_id: AtomicU64::new(1),
        edited: last_statement(&corpus_dir.join("statements"))?,
        questions,
    });
    let mut result = Serving {
        paragraphs,
        questions: served.questions.len(),
        per_level: plan.per_level,
        min_rebuilds: plan.min_rebuilds,
        ..Serving::default()
    };
    for &mode in &plan.modes {
        // Warm-up: the first answers open readers, fill caches and connections.
        let warm = plan.levels.iter().max().copied().unwrap_or(1);
        for i in 0..warm.min(plan.per_level) {
            served.ask(mode, i).await?;
        }
        served.replies.failed.store(0, Ordering::Relaxed);
        let mut m = ServingResult {
            mode: mode.name().into(),
            ..ServingResult::default()
        };
        for &c in &plan.levels {
            let mut level = Load {
                mode,
                concurrency: c,
                n: plan.per_level,
                rebuilding: false,
                min_rebuilds: plan.min_rebuilds,
            };
            let steady = load(&served, level).await?;
            log(format!(
                "serving ({}): {c} concurrent: {:.0}/s",
                mode.name(),
                steady.throughput()
            ));
            m.steady.push(steady);
            level.rebuilding = true;
            let during = load(&served, level).await?;
            log(format!(
                "serving ({}): {c} concurrent during {} rebuilds: {:.0}/s",
                mode.name(),
                during.rebuild_secs.len(),
                during.throughput()
            ));
            m.rebuilding.push(during);
        }
        m.failed_requests = served.replies.failed.load(Ordering::Relaxed);
        result.modes.push(m);
    }
    collector.abort();
    if !bot.stop_within(Duration::from_secs(10)).await {
        log("serving: the bot did not stop within 10 s");
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recorded(method: &str, path: &str, body: Value) -> Recorded {
        Recorded {
            method: method.into(),
            path: path.into(),
            query: None,
            body,
            files: Vec::new(),
            authorization: None,
            status: 200,
            received_at: Instant::now(),
        }
    }

    /// The edit of a deferred response and a type 4 callback are replies to the interaction
    /// whose token they carry; the acknowledgement, another application's webhook, a token that
    /// is not the fake's, and other routes are not.
    #[test]
    fn the_reply_matcher_finds_the_interaction_a_reply_answers() {
        let id = LOAD_BASE + 17;
        let token = interaction_token(id);
        let edit = format!("/api/v10/webhooks/{APPLICATION_ID}/{token}/messages/@original");
        let callback = format!("/api/v10/interactions/{id}/{token}/callback");
        assert_eq!(reply_to(&recorded("PATCH", &edit, json!({}))), Some(id));
        let answer = json!({"type": 4, "data": {"content": "hi"}});
        let r = recorded("POST", &callback, answer);
        assert_eq!(reply_to(&r), Some(id));
        assert_eq!(message_of(&r), json!({"content": "hi"}));
        assert_eq!(
            message_of(&recorded("PATCH", &edit, json!({"a": 1}))),
            json!({"a": 1})
        );

        assert_eq!(
            reply_to(&recorded("POST", &callback, json!({"type": 5}))),
            None
        );
        assert_eq!(reply_to(&recorded("GET", &edit, json!({}))), None);
        let other_app = format!("/api/v10/webhooks/1/{token}/messages/@original");
        assert_eq!(reply_to(&recorded("PATCH", &other_app, json!({}))), None);
        let foreign = format!("/api/v10/webhooks/{APPLICATION_ID}/tok-0{id}/messages/@original");
        assert_eq!(reply_to(&recorded("PATCH", &foreign, json!({}))), None);
        let followup = format!("/api/v10/webhooks/{APPLICATION_ID}/{token}");
        assert_eq!(reply_to(&recorded("POST", &followup, json!({}))), None);
    }

    /// Only an interaction sent and answered within one and the same rebuild counts as during
    /// The rebuilds go on until both the interactions and the minimum of rebuilds are done.
    #[test]
    fn rebuilds_go_on_until_both_interactions_and_rebuilds_suffice() {
        let plan = Load {
            mode: Mode::Gateway,
            concurrency: 8,
            n: 100,
            rebuilding: true,
            min_rebuilds: 3,
        };
        assert!(plan.another_rebuild(0, 0));
        assert!(plan.another_rebuild(150, 2), "only two rebuilds ran");
        assert!(plan.another_rebuild(99, 5), "one interaction short");
        assert!(!plan.another_rebuild(100, 3));
    }

    /// a rebuild: not one sent before it, nor one that spans the end of one and the start of
    /// the next.
    #[test]
    fn only_interactions_within_one_rebuild_count() {
        let phase = Phase::default();
        let before = phase.now();
        phase.flip();
        let first = phase.now();
        assert!(Phase::within_one_rebuild(first, phase.now()));
        assert!(!Phase::within_one_rebuild(before, first));
        phase.flip();
        assert!(!Phase::within_one_rebuild(first, phase.now()));
        phase.flip();
        assert!(!Phase::within_one_rebuild(first, phase.now()));
        assert!(Phase::within_one_rebuild(phase.now(), phase.now()));
    }

    #[test]
    fn the_last_statement_is_the_last_md_file_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["a/x.md", "b/y.md", "b/z.txt", "a/w.md"] {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        assert_eq!(
            last_statement(dir.path()).unwrap(),
            dir.path().join("b/y.md")
        );
        assert!(last_statement(&dir.path().join("b").join("none")).is_err());
    }
}
