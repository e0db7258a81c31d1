//! Watch posts: each statement that enters the index is looked at once for every watch
//! ([`scan`]); a watch it mentions gets one post in its channel, cited, through any
//! [`DigestSender`]. [`run_watches`] scans whenever the index in service changes.

use crate::digest_runner::DigestSender;
use crate::retry::{RetryPolicy, SendError};
use crate::watches::{PostClaim, WatchError, WatchStore};
use agenda_core::index::AgendaIndex;
use agenda_core::render;
use agenda_core::watch::{self, What};
use jiff::civil::Date;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// How often the index in service is checked for a change.
pub const POLL: Duration = Duration::from_secs(2);

/// What one scan did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Scanned {
    /// New statements looked at.
    pub statements: usize,
    pub posted: usize,
    /// Posts given up on (the channel refused them for good).
    pub refused: usize,
}

/// Sends `reply` to `channel`, retrying temporary failures within `policy`.
async fn send<S: DigestSender>(
    sender: &S,
    policy: &RetryPolicy,
    channel: u64,
    reply: &agenda_core::render::embed::Reply,
) -> Result<(), SendError> {
    let mut failures = 0;
    loop {
        match sender.send(channel, reply).await {
            Err(e) if e.is_retryable() && failures + 1 < policy.max_attempts => {
                failures += 1;
                tokio::time::sleep(policy.delay(failures, e.retry_after())).await;
            }
            other => return other,
        }
    }
}

/// Looks at the statements of `index` not seen before: each watch one mentions is posted once
/// (recorded in `file`); a statement is seen once every post it owes went out or was refused for
/// good, so a temporary failure is tried again at the next scan. Nothing is done (nor written)
/// before a first watch is added.
pub async fn scan<S: DigestSender>(
    file: &WatchStore,
    index: &AgendaIndex,
    today: Date,
    sender: &S,
    policy: &RetryPolicy,
) -> Result<Scanned, WatchError> {
    if file.is_unused().await? {
        return Ok(Scanned::default());
    }
    let ids = watch::statement_ids(index).map_err(|e| WatchError::Read {
        path: "the index".into(),
        source: e.into(),
    })?;
    let unseen = file.unseen(&ids).await?;
    let watches = file.list(None).await?;
    let mut done = Scanned::default();
    for statement in &unseen {
        let mut complete = true;
        for w in &watches {
            let cited = match watch::mentions(index, &w.target, statement) {
                Ok(cited) => cited,
                Err(e) => {
                    tracing::error!(statement, error = %e, "cannot read a new statement for the watches");
                    complete = false;
                    continue;
                }
            };
            if cited.is_empty() {
                continue;
            }
            match file
                .claim(w.id, statement, jiff::Timestamp::now().as_second())
                .await?
            {
                PostClaim::Claimed => {}
                PostClaim::AlreadyPosted => continue,
                PostClaim::Held => {
                    complete = false;
                    continue;
                }
            }
            let reply = render::watch::post(&w.target, &cited);
            match send(sender, policy, w.channel, &reply).await {
                Ok(()) => {
                    file.mark_posted(w.id, statement).await?;
                    done.posted += 1;
                    tracing::info!(watch = %w.target.label, channel = w.channel, statement, "watch posted");
                }
                Err(e) if e.is_retryable() => {
                    tracing::warn!(channel = w.channel, error = %e, "a watch post failed; trying again later");
                    file.release(w.id, statement).await?;
                    complete = false;
                }
                Err(e) => {
                    tracing::error!(channel = w.channel, error = %e, "a watch post was refused; giving it up");
                    file.mark_posted(w.id, statement).await?;
                    done.refused += 1;
                }
            }
        }
        if complete {
            file.mark_seen(statement).await?;
            done.statements += 1;
        }
    }
    // A planned meeting of a watched series that got a date or a place (or another one).
    for w in watches.iter().filter(|w| w.target.what == What::Series) {
        for planned in watch::planned_instances(index, &w.target, today) {
            let before = file.instance(w.id, &planned.meeting).await?;
            let changed = before.as_ref().is_some_and(|b| *b != planned.looks);
            let fact = index.fact(&planned.meeting);
            if let (true, true, Some(fact)) = (changed, planned.known, fact) {
                let cited = agenda_core::query::citations_for(index, fact);
                let reply = render::watch::instance_update(&w.target, fact, &cited);
                match send(sender, policy, w.channel, &reply).await {
                    Ok(()) => {
                        done.posted += 1;
                        tracing::info!(watch = %w.target.label, meeting = %planned.meeting, "watch posted a meeting's new date or place");
                    }
                    Err(e) if e.is_retryable() => {
                        tracing::warn!(channel = w.channel, error = %e, "a watch post failed; trying again at the next change");
                        continue;
                    }
                    Err(e) => {
                        tracing::error!(channel = w.channel, error = %e, "a watch post was refused; giving it up");
                        done.refused += 1;
                    }
                }
            }
            if before.as_deref() != Some(planned.looks.as_str()) {
                file.record_instance(w.id, &planned.meeting, &planned.looks)
                    .await?;
            }
        }
    }
    Ok(done)
}

/// Scans at start and whenever the index in service (`index()`) is another one, checking every
/// `poll`, until `shutdown` resolves. A file that cannot be read stops nothing: it is logged and
/// tried again at the next change.
pub async fn run_watches<S, I, T, F>(
    file: Arc<WatchStore>,
    index: I,
    today: T,
    sender: S,
    policy: RetryPolicy,
    poll: Duration,
    shutdown: F,
) where
    S: DigestSender,
    I: Fn() -> Arc<AgendaIndex>,
    T: Fn() -> Date,
    F: Future<Output = ()>,
{
    tokio::pin!(shutdown);
    let mut scanned: Option<Arc<AgendaIndex>> = None;
    loop {
        let current = index();
        if !scanned.as_ref().is_some_and(|s| Arc::ptr_eq(s, &current)) {
            match scan(&file, &current, today(), &sender, &policy).await {
                Ok(done) if done.statements + done.posted > 0 => {
                    tracing::debug!(?done, "watches scanned");
                }
                Ok(_) => {}
                Err(e) => tracing::error!(
                    error = agenda_core::error_chain::chain(&e),
                    "the watches could not be checked"
                ),
            }
            scanned = Some(current);
        }
        tokio::select! {
            _ = tokio::time::sleep(poll) => {}
            _ = &mut shutdown => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::testing::shipped_corpus;
    use std::sync::Mutex;

    /// Records posts; fails the first `fail` sends with `error`.
    #[derive(Default)]
    struct Recorder {
        posts: Mutex<Vec<(u64, String)>>,
        fail: Mutex<Vec<SendError>>,
    }

    impl DigestSender for Recorder {
        async fn send(
            &self,
            channel_id: u64,
            reply: &agenda_core::render::embed::Reply,
        ) -> Result<(), SendError> {
            if let Some(e) = self.fail.lock().unwrap().pop() {
                return Err(e);
            }
            self.posts
                .lock()
                .unwrap()
                .push((channel_id, reply.embeds[0].title.clone()));
            Ok(())
        }
    }

    const DAY: Date = jiff::civil::date(2026, 12, 5);

    fn policy() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The shipped corpus, then the same with one statement more (written here) naming AJIIP.
    fn before_and_after() -> (AgendaIndex, AgendaIndex) {
        let before = AgendaIndex::build_in_ram(shipped_corpus()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        agenda_test_support::common::copy_dir(
            &agenda_test_support::common::shipped_corpus(),
            dir.path(),
        );
        std::fs::write(
            dir.path().join("statements/junior-programme.md"),
            "+++\nid = \"junior-programme\"\ntitle = \"Junior officers meet again\"\nsource = \"Test Wire\"\npublished = \"2026-12-01\"\n+++\n\nThe AJIIP brought junior officers together for a week of exchanges.\n\nNothing else of note happened.\n",
        )
        .unwrap();
        let corpus = agenda_core::corpus::Corpus::load(dir.path()).unwrap();
        (before, AgendaIndex::build_in_ram(&corpus).unwrap())
    }

    #[tokio::test]
    async fn a_new_statement_is_posted_once_per_matching_watch() {
        let state = tempfile::tempdir().unwrap();
        let file = WatchStore::in_state_dir(state.path());
        let (before, after) = before_and_after();
        let recorder = Recorder::default();
        let now = jiff::Timestamp::UNIX_EPOCH;
        let on = |text: &str| agenda_core::watch::resolve(&before, text).unwrap();
        let present = || agenda_core::watch::statement_ids(&before).unwrap();
        assert_eq!(
            scan(&file, &before, DAY, &recorder, &policy())
                .await
                .unwrap(),
            Scanned::default()
        );
        assert!(
            file.is_unused().await.unwrap(),
            "nothing written before a watch"
        );
        file.add(7, "AJIIP", on("AJIIP"), now, present)
            .await
            .unwrap();
        file.add(8, "AMIM", on("AMIM"), now, present).await.unwrap();
        // The statements already there are not news.
        let first = scan(&file, &before, DAY, &recorder, &policy())
            .await
            .unwrap();
        assert_eq!(first, Scanned::default());
        // A post that fails for now is tried again at the next scan, then sent once.
        recorder.fail.lock().unwrap().push(SendError::Retryable {
            status: Some(503),
            retry_after: None,
            message: "down".into(),
        });
        let failed = scan(&file, &after, DAY, &recorder, &policy())
            .await
            .unwrap();
        assert_eq!((failed.statements, failed.posted), (0, 0));
        let sent = scan(&file, &after, DAY, &recorder, &policy())
            .await
            .unwrap();
        assert_eq!((sent.statements, sent.posted), (1, 1));
        assert_eq!(
            scan(&file, &after, DAY, &recorder, &policy())
                .await
                .unwrap(),
            Scanned::default()
        );
        let posts = recorder.posts.lock().unwrap().clone();
        assert_eq!(posts.len(), 1, "{posts:?}");
        assert_eq!(posts[0].0, 7, "the AJIIP watch only");
        assert!(
            posts[0].1.contains("ASEAN Junior Intelligence"),
            "{posts:?}"
        );
    }

    /// The brief fixture's ANCM series, with ANCM-19's date and place unknown (`dated` false).
    fn ancm(dated: bool) -> AgendaIndex {
        let dir = tempfile::tempdir().unwrap();
        let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/brief");
        agenda_test_support::common::copy_dir(&from, dir.path());
        if !dated {
            let facts = dir.path().join("facts/facts.toml");
            let text = std::fs::read_to_string(&facts).unwrap().replace(
                "date = \"14 – 16 December 2026\"\nplace = \"Subic Bay\"\n",
                "",
            );
            std::fs::write(&facts, text).unwrap();
        }
        let corpus = agenda_core::corpus::Corpus::load(dir.path()).unwrap();
        AgendaIndex::build_in_ram(&corpus).unwrap()
    }

    #[tokio::test]
    async fn a_planned_meeting_of_a_watched_series_that_gets_a_date_is_posted_once() {
        let state = tempfile::tempdir().unwrap();
        let file = WatchStore::in_state_dir(state.path());
        let (before, after) = (ancm(false), ancm(true));
        let recorder = Recorder::default();
        let target = agenda_core::watch::resolve(&before, "ANCM").unwrap();
        let present = || agenda_core::watch::statement_ids(&before).unwrap();
        file.add(9, "ANCM", target, jiff::Timestamp::UNIX_EPOCH, present)
            .await
            .unwrap();
        let first = scan(&file, &before, DAY, &recorder, &policy())
            .await
            .unwrap();
        assert_eq!(
            first.posted, 0,
            "what it looks like when watched is not news"
        );
        let dated = scan(&file, &after, DAY, &recorder, &policy())
            .await
            .unwrap();
        assert_eq!(dated.posted, 1);
        assert_eq!(
            scan(&file, &after, DAY, &recorder, &policy())
                .await
                .unwrap()
                .posted,
            0
        );
        let posts = recorder.posts.lock().unwrap().clone();
        assert_eq!(posts.len(), 1, "{posts:?}");
        assert_eq!(posts[0].0, 9);
        assert!(
            posts[0]
                .1
                .contains("19th ASEAN Navy Chiefs' Meeting (ANCM-19) now reads"),
            "{posts:?}"
        );
        // Once it has begun, it is not planned any more: nothing about it.
        let later = jiff::civil::date(2026, 12, 20);
        assert_eq!(
            scan(&file, &before, later, &recorder, &policy())
                .await
                .unwrap()
                .posted,
            0
        );
    }
}
