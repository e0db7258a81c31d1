//! Self-test of the fake Discord (`crates/fake-discord`): a real serenity 0.12.5 client against the fake.
//!
//! Findings pinned down here (serenity 0.12.5, `HttpBuilder::ratelimiter_disabled(true)`, which is
//! the only mode that honours `.proxy(..)`):
//! - **No retry on 429 or 5xx.** `Http::request` sends once and turns any non-2xx into
//!   `Error::Http(HttpError::UnsuccessfulRequest(..))`. The 429's `retry_after` is not
//!   available to the caller either: the body does not decode as `DiscordJsonError` (the error
//!   says `code: -1`) and the response headers are dropped. The application has to retry by
//!   itself; `with_retry` below is the minimal version of that, and `ratelimited_reply_*` show
//!   both behaviours.
//! - **Resume.** When the gateway socket is closed (close code 4000) the shard reconnects to the
//!   same URL immediately and sends RESUME (op 6) with the last sequence number; after RESUMED
//!   the session continues (no second IDENTIFY, no second READY).

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use serenity::all::{
    ChannelId, Client, ClientBuilder, Command, CommandDataOptionValue, Context, CreateAttachment,
    CreateCommand, CreateCommandOption, CreateEmbed, CreateInteractionResponse,
    CreateInteractionResponseMessage, CreateMessage, Event, EventHandler, GatewayIntents, GuildId,
    HttpBuilder, HttpError, Interaction, Message, RawEventHandler, Ready,
};
use serenity::async_trait;
use tokio::sync::mpsc;

use agenda_test_support::bot::{callback_path, ALICE, CHANNEL, GLOBAL_COMMANDS as APP_COMMANDS, T};
use agenda_test_support::fake_discord::*;

// ------------------------------------------------------------------------------------------
// The client under test
// ------------------------------------------------------------------------------------------

#[derive(Debug)]
enum Outcome {
    Ready,
    Registered(Result<Vec<String>, String>),
    /// (interaction id, result: Err(status) if the reply failed)
    Replied(u64, Result<(), Option<u16>>),
    /// (message id, result)
    Answered(u64, Result<(), Option<u16>>),
}

fn http_status(e: &serenity::Error) -> Option<u16> {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(resp)) => {
            Some(resp.status_code.as_u16())
        }
        _ => None,
    }
}

/// What the application must do itself: serenity (ratelimiter disabled) never retries.
async fn with_retry<T, F, Fut>(mut call: F) -> serenity::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = serenity::Result<T>>,
{
    let mut attempt = 0;
    loop {
        match call().await {
            Err(e) if attempt < 2 && matches!(http_status(&e), Some(429) | Some(500..=599)) => {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            other => return other,
        }
    }
}

struct Handler {
    out: mpsc::UnboundedSender<Outcome>,
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        assert_eq!(ready.user.id.get().to_string(), BOT_USER_ID);
        let _ = self.out.send(Outcome::Ready);
        let commands = vec![
            CreateCommand::new("ping")
                .description("Replies with pong")
                .add_option(CreateCommandOption::new(
                    serenity::all::CommandOptionType::String,
                    "query",
                    "What to look up",
                )),
            CreateCommand::new("ping_retry").description("Replies with pong, retrying"),
        ];
        let result = Command::set_global_commands(&ctx.http, commands)
            .await
            .map(|cmds| cmds.into_iter().map(|c| c.name).collect())
            .map_err(|e| e.to_string());
        let _ = self.out.send(Outcome::Registered(result));
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let Interaction::Command(cmd) = interaction else {
            return;
        };
        let query = cmd
            .data
            .options
            .iter()
            .find(|o| o.name == "query")
            .and_then(|o| match &o.value {
                CommandDataOptionValue::String(s) => Some(s.clone()),
                _ => None,
            })
            .unwrap_or_default();
        let response = CreateInteractionResponse::Message(
            CreateInteractionResponseMessage::new().content(format!("pong {query}")),
        );
        let result = if cmd.data.name == "ping_retry" {
            with_retry(|| cmd.create_response(&ctx.http, response.clone())).await
        } else {
            cmd.create_response(&ctx.http, response).await
        };
        let _ = self.out.send(Outcome::Replied(
            cmd.id.get(),
            result.map_err(|e| http_status(&e)),
        ));
    }

    async fn message(&self, ctx: Context, msg: Message) {
        let me = ctx.cache.current_user().id;
        if msg.author.bot || !msg.mentions.iter().any(|u| u.id == me) {
            return;
        }
        let reply = CreateMessage::new()
            .content(format!("echo: {}", msg.content))
            .embed(
                CreateEmbed::new()
                    .title("Source")
                    .description("cited answer")
                    .field("doc", "AMIM-21", false)
                    .colour(0x00AA55),
            )
            .reference_message(&msg);
        // `&ctx.http` (no cache) so no cache-based permission check interferes.
        let result = msg.channel_id.send_message(&ctx.http, reply).await;
        if let Ok(sent) = &result {
            assert_eq!(sent.content, format!("echo: {}", msg.content));
            assert_eq!(sent.embeds.len(), 1);
        }
        let _ = self.out.send(Outcome::Answered(
            msg.id.get(),
            result.map(|_| ()).map_err(|e| http_status(&e)),
        ));
    }
}

struct RawRecorder {
    events: Arc<Mutex<Vec<String>>>,
}

#[async_trait]
impl RawEventHandler for RawRecorder {
    async fn raw_event(&self, _ctx: Context, ev: Event) {
        let name = match &ev {
            Event::Unknown(u) => format!("UNKNOWN:{}", u.kind),
            other => other.name().unwrap_or_else(|| "?".into()),
        };
        self.events.lock().unwrap().push(name);
    }
}

async fn next_outcome(rx: &mut mpsc::UnboundedReceiver<Outcome>, what: &str) -> Outcome {
    match tokio::time::timeout(T, rx.recv()).await {
        Ok(Some(o)) => o,
        Ok(None) => panic!("handler channel closed while waiting for {what}"),
        Err(_) => panic!("timed out waiting for {what}"),
    }
}

/// Waits for the outcome of interaction/message `id`, skipping unrelated ones.
async fn outcome_for(
    rx: &mut mpsc::UnboundedReceiver<Outcome>,
    id: u64,
) -> Result<(), Option<u16>> {
    loop {
        match next_outcome(rx, &format!("outcome for {id}")).await {
            Outcome::Replied(i, r) | Outcome::Answered(i, r) if i == id => return r,
            _ => {}
        }
    }
}

struct Running {
    client_task: tokio::task::JoinHandle<serenity::Result<()>>,
    shard_manager: Arc<serenity::gateway::ShardManager>,
    outcomes: mpsc::UnboundedReceiver<Outcome>,
    raw_events: Arc<Mutex<Vec<String>>>,
}

async fn start_client(fake: &FakeDiscord) -> Running {
    agenda_test_support::logs::capture_logs();
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.rest_url())
        .ratelimiter_disabled(true)
        .build();
    let (tx, outcomes) = mpsc::unbounded_channel();
    let raw_events = Arc::new(Mutex::new(Vec::new()));
    let mut client: Client = ClientBuilder::new_with_http(
        http,
        GatewayIntents::non_privileged() | GatewayIntents::MESSAGE_CONTENT,
    )
    .event_handler(Handler { out: tx })
    .raw_event_handler(RawRecorder {
        events: raw_events.clone(),
    })
    .await
    .expect("client builds");
    let shard_manager = client.shard_manager.clone();
    let client_task = tokio::spawn(async move { client.start().await });
    Running {
        client_task,
        shard_manager,
        outcomes,
        raw_events,
    }
}

// ------------------------------------------------------------------------------------------
// Tests
// ------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_serenity_client_against_fake() {
    let started = Instant::now();
    let fake = FakeDiscord::start().await;
    let mut run = start_client(&fake).await;
    let out = &mut run.outcomes;

    // --- READY and IDENTIFY ---
    assert!(matches!(next_outcome(out, "READY").await, Outcome::Ready));
    assert!(fake.wait_ready(T).await);
    let identify = fake.identify().expect("IDENTIFY recorded");
    assert_eq!(identify["op"], 2);
    assert_eq!(identify["d"]["token"], "Bot fake-token");
    let intents = identify["d"]["intents"].as_u64().unwrap();
    assert_ne!(intents & GatewayIntents::MESSAGE_CONTENT.bits(), 0);
    assert!(fake.count(|r| r.is("GET", "/api/v10/gateway$")) >= 1);

    // --- command registration in `ready` ---
    match next_outcome(out, "command registration").await {
        Outcome::Registered(Ok(names)) => assert_eq!(names, ["ping", "ping_retry"]),
        other => panic!("registration failed: {other:?}"),
    }
    let put = fake
        .wait_for(|r| r.is("PUT", APP_COMMANDS), T)
        .await
        .expect("PUT commands");
    assert!(put.ok());
    assert_eq!(put.body[0]["name"], "ping");
    assert_eq!(put.body[0]["options"][0]["name"], "query");
    assert_eq!(put.authorization.as_deref(), Some("Bot fake-token"));

    // --- slash command -> create_response -> POST callback ---
    let id = 700_000_000_000_000_001;
    let options = json!([{"name": "query", "type": 3, "value": "AMIM-21"}]);
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(id, "ping", options, ALICE, "0"),
    )
    .await;
    assert_eq!(outcome_for(out, id).await, Ok(()));
    let cb = fake
        .wait_for(|r| r.is("POST", &callback_path(id)), T)
        .await
        .expect("callback");
    assert_eq!(cb.status, 204);
    assert_eq!(cb.body["type"], 4);
    assert_eq!(cb.content(), Some("pong AMIM-21"));

    // --- MESSAGE_CREATE mentioning the bot -> POST /channels/{id}/messages ---
    let mid = 710_000_000_000_000_001;
    let content = format!("{} what is AMIM-21?", bot_mention());
    fake.dispatch(
        "MESSAGE_CREATE",
        message_create(mid, CHANNEL, ALICE, &content, true),
    )
    .await;
    assert_eq!(outcome_for(out, mid).await, Ok(()));
    let sent = fake
        .wait_for(
            |r| r.is("POST", &format!("/api/v10/channels/{CHANNEL}/messages$")),
            T,
        )
        .await
        .expect("channel message");
    assert!(sent.ok());
    assert_eq!(sent.content(), Some(format!("echo: {content}").as_str()));
    assert_eq!(
        sent.body["message_reference"]["message_id"],
        mid.to_string()
    );
    assert_eq!(sent.body["embeds"][0]["title"], "Source");

    // --- 429 on the callback: serenity does NOT retry (ratelimiter disabled) ---
    let id = 700_000_000_000_000_002;
    fake.fail_next("*/callback", 429, 1);
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(id, "ping", json!([]), ALICE, "0"),
    )
    .await;
    // The handler has its Err back, so serenity is done with this request: the count is final.
    assert_eq!(outcome_for(out, id).await, Err(Some(429)));
    let path = callback_path(id);
    let attempts: Vec<u16> = fake
        .requests()
        .iter()
        .filter(|r| r.is("POST", &path))
        .map(|r| r.status)
        .collect();
    assert_eq!(attempts, [429], "serenity sent the callback once, no retry");

    // --- 429 on the callback with an application-level retry: exactly one 2xx ---
    let id = 700_000_000_000_000_003;
    fake.fail_next("*/callback", 429, 1);
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(id, "ping_retry", json!([]), ALICE, "0"),
    )
    .await;
    assert_eq!(outcome_for(out, id).await, Ok(()));
    let path = callback_path(id);
    let attempts: Vec<u16> = fake
        .requests()
        .iter()
        .filter(|r| r.is("POST", &path))
        .map(|r| r.status)
        .collect();
    assert_eq!(attempts, [429, 204]);
    assert_eq!(fake.count(|r| r.is("POST", &path) && r.ok()), 1);

    // --- 503 on a channel message: no retry either ---
    let mid = 710_000_000_000_000_002;
    fake.fail_next("/api/v10/channels/", 503, 1);
    let before = fake.count(|r| r.is("POST", "/api/v10/channels/*/messages$"));
    fake.dispatch(
        "MESSAGE_CREATE",
        message_create(mid, CHANNEL, ALICE, &bot_mention(), true),
    )
    .await;
    assert_eq!(outcome_for(out, mid).await, Err(Some(503)));
    let after: Vec<u16> = fake
        .requests()
        .iter()
        .filter(|r| r.is("POST", "/api/v10/channels/*/messages$"))
        .skip(before)
        .map(|r| r.status)
        .collect();
    assert_eq!(after, [503]);

    // --- drop the gateway: the client resumes and keeps handling events ---
    let seq_before = fake.last_seq();
    let dropped_at = Instant::now();
    assert!(fake.drop_gateway().await);
    assert!(fake.wait_gateway_connections(2, T).await, "no reconnect");
    assert!(fake.wait_ready(T).await, "no RESUME");
    let resume_took = dropped_at.elapsed();
    let resumes = fake.resumes();
    assert_eq!(resumes.len(), 1);
    assert_eq!(resumes[0]["d"]["session_id"], "fake-session-1");
    assert_eq!(resumes[0]["d"]["seq"], seq_before);
    assert_eq!(fake.identifies().len(), 1, "resumed, not re-identified");

    let mid = 710_000_000_000_000_003;
    fake.dispatch(
        "MESSAGE_CREATE",
        message_create(mid, CHANNEL, ALICE, &bot_mention(), true),
    )
    .await;
    assert_eq!(outcome_for(out, mid).await, Ok(()));

    // --- shutdown ---
    run.shard_manager.shutdown_all().await;
    let finished = tokio::time::timeout(T, run.client_task).await;
    assert!(finished.is_ok(), "client did not stop after shutdown_all");

    let events = run.raw_events.lock().unwrap().clone();
    assert!(
        !events.iter().any(|e| e.starts_with("UNKNOWN")),
        "payloads that serenity could not parse: {events:?}"
    );
    for name in ["READY", "INTERACTION_CREATE", "MESSAGE_CREATE", "RESUMED"] {
        assert!(
            events.iter().any(|e| e == name),
            "{name} missing: {events:?}"
        );
    }
    assert_eq!(
        fake.count(|r| !r.ok() && !matches!(r.status, 429 | 503)),
        0,
        "unexpected failures: {:?}",
        fake.requests()
            .iter()
            .filter(|r| !r.ok())
            .map(|r| (r.method.clone(), r.path.clone(), r.status))
            .collect::<Vec<_>>()
    );
    eprintln!(
        "fake discord self-test: resume took {resume_took:?}, whole test {:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heartbeats_are_acked() {
    let fake = FakeDiscord::start_with(FakeOptions {
        heartbeat_interval_ms: 100,
        ..FakeOptions::default()
    })
    .await;
    let mut run = start_client(&fake).await;
    assert!(matches!(
        next_outcome(&mut run.outcomes, "READY").await,
        Outcome::Ready
    ));
    // serenity only reconnects when a heartbeat goes unacknowledged, so three heartbeats on the
    // first connection show the ACKs arrive.
    assert!(
        fake.wait_gateway_received(|f| f["op"] == 1, 3, T).await,
        "no heartbeats"
    );
    assert_eq!(
        fake.gateway_connections(),
        1,
        "client reconnected: missing ACK?"
    );
    run.shard_manager.shutdown_all().await;
    assert!(tokio::time::timeout(T, run.client_task).await.is_ok());
}

#[tokio::test]
async fn rest_routes_parse_and_faults_are_recorded() {
    let fake = FakeDiscord::start().await;
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.rest_url())
        .ratelimiter_disabled(true)
        .application_id(111_111_111_111_111_111.into())
        .build();

    let gateway = http.get_gateway().await.expect("gateway");
    assert_eq!(gateway.url, fake.gateway_url());
    let bot_gateway = http.get_bot_gateway().await.expect("gateway/bot");
    assert_eq!(bot_gateway.shards, 1);
    let app = http
        .get_current_application_info()
        .await
        .expect("application info");
    assert_eq!(app.id.get().to_string(), APPLICATION_ID);
    let me = http.get_current_user().await.expect("users/@me");
    assert!(me.bot);

    // Guild command registration echoes the commands.
    let guild = GuildId::new(222_222_222_222_222_222);
    let cmds = guild
        .set_commands(
            &http,
            vec![CreateCommand::new("meeting").description("Find")],
        )
        .await
        .expect("guild commands");
    assert_eq!(cmds[0].name, "meeting");
    assert_eq!(cmds[0].guild_id, Some(guild));

    // Webhook routes used after a defer / by poise follow-ups.
    let edited = http
        .edit_original_interaction_response("tok-9", &json!({"content": "edited"}), vec![])
        .await
        .expect("edit @original");
    assert_eq!(edited.content, "edited");
    let followup = http
        .create_followup_message("tok-9", &json!({"content": "more"}), vec![])
        .await
        .expect("follow-up");
    assert_eq!(followup.content, "more");

    // Multipart upload: payload_json becomes the body, files are recorded.
    let ics = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".to_vec();
    let msg = ChannelId::new(CHANNEL)
        .send_message(
            &http,
            CreateMessage::new()
                .content("calendar")
                .add_file(CreateAttachment::bytes(ics.clone(), "agenda.ics")),
        )
        .await
        .expect("multipart message");
    assert_eq!(msg.attachments[0].filename, "agenda.ics");
    let upload = fake
        .wait_for(
            |r| r.is("POST", "/api/v10/channels/") && !r.files.is_empty(),
            T,
        )
        .await
        .unwrap();
    assert_eq!(upload.content(), Some("calendar"));
    assert_eq!(upload.files[0].filename.as_deref(), Some("agenda.ics"));
    assert_eq!(upload.files[0].data, ics);

    // Unknown route: 404, recorded.
    let err = http.get_guild(guild).await.expect_err("404");
    assert_eq!(http_status(&err), Some(404));
    assert_eq!(
        fake.count(|r| r.is("GET", "/api/v10/guilds/222222222222222222$") && r.status == 404),
        1
    );

    // Custom failure body, n > 1, predicate matcher.
    fake.fail_next_with(
        "*/callback",
        404,
        2,
        json!({"message": "Unknown interaction", "code": 10062}),
    );
    for _ in 0..2 {
        let err = http
            .create_interaction_response(1u64.into(), "t", &json!({"type": 5}), vec![])
            .await
            .expect_err("injected 404");
        match err {
            serenity::Error::Http(HttpError::UnsuccessfulRequest(resp)) => {
                assert_eq!(resp.error.code, 10062)
            }
            other => panic!("{other:?}"),
        }
    }
    http.create_interaction_response(1u64.into(), "t", &json!({"type": 5}), vec![])
        .await
        .expect("third call passes");
    fake.fail_next_matching(|method, _| method == "GET", 500, 1);
    assert_eq!(
        http_status(&http.get_current_user().await.expect_err("500")),
        Some(500)
    );
    fake.fail_next("/api/v10/users/@me", 429, 1);
    let err = http.get_current_user().await.expect_err("429");
    match &err {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(resp)) => {
            assert_eq!(resp.status_code.as_u16(), 429);
            // Discord's 429 body has no `code`: serenity can't decode it and keeps no retry_after.
            assert_eq!(resp.error.code, -1);
        }
        other => panic!("{other:?}"),
    }
    assert!(http.get_current_user().await.is_ok());

    // wait_for on something that never comes returns None after the timeout.
    let nothing = fake
        .wait_for(|r| r.path == "/never", Duration::from_millis(50))
        .await;
    assert!(nothing.is_none());
}

#[test]
fn builders_parse_in_serenity() {
    let slash = slash_command(
        700_000_000_000_000_010,
        "meeting",
        json!([{"name": "query", "type": 3, "value": "AMIM-21"}]),
        ALICE,
        "8",
    );
    match serde_json::from_value::<Interaction>(slash.clone()).expect("slash parses") {
        Interaction::Command(c) => {
            assert_eq!(c.data.name, "meeting");
            assert_eq!(c.token, interaction_token(700_000_000_000_000_010));
            let member = c.member.expect("member");
            assert_eq!(member.user.id.get(), ALICE);
            assert!(member.permissions.expect("permissions").administrator());
        }
        other => panic!("{other:?}"),
    }
    match serde_json::from_value::<Interaction>(into_dm(slash)).expect("DM slash parses") {
        Interaction::Command(c) => {
            assert!(c.guild_id.is_none());
            assert_eq!(c.user.id.get(), ALICE);
        }
        other => panic!("{other:?}"),
    }
    let ac = autocomplete(700_000_000_000_000_011, "meeting", "query", "AM", ALICE);
    match serde_json::from_value::<Interaction>(ac).expect("autocomplete parses") {
        Interaction::Autocomplete(a) => {
            let focused = a.data.autocomplete().expect("focused option");
            assert_eq!(focused.name, "query");
            assert_eq!(focused.value, "AM");
        }
        other => panic!("{other:?}"),
    }
    let m: Message =
        serde_json::from_value(message_create(1, CHANNEL, ALICE, &bot_mention(), true))
            .expect("message parses");
    assert_eq!(m.mentions[0].id.get().to_string(), BOT_USER_ID);
    assert!(m.guild_id.is_some());
    let dm: Message = serde_json::from_value(dm_message_create(2, CHANNEL, ALICE, "hi", false))
        .expect("DM message parses");
    assert!(dm.guild_id.is_none() && dm.mentions.is_empty());
    let _: Value = bot_user();
}

#[test]
fn path_patterns() {
    assert!(path_matches(
        "/api/v10/channels/",
        "/api/v10/channels/1/messages"
    ));
    assert!(path_matches(
        "*/callback",
        "/api/v10/interactions/1/tok-1/callback"
    ));
    assert!(path_matches(
        "/api/v10/channels/*/messages$",
        "/api/v10/channels/1/messages"
    ));
    assert!(!path_matches(
        "/api/v10/channels/*/messages$",
        "/api/v10/channels/1/messages/2"
    ));
    assert!(path_matches("/a$", "/a"));
    assert!(!path_matches("/a$", "/ab"));
    assert!(!path_matches("/b", "/a/b"));
    assert!(path_matches("*", "/anything"));
}

/// The next text frame from a raw gateway client, as JSON.
async fn next_frame<S>(ws: &mut S) -> Value
where
    S: futures_util::Stream<
            Item = Result<
                tokio_tungstenite::tungstenite::Message,
                tokio_tungstenite::tungstenite::Error,
            >,
        > + Unpin,
{
    use futures_util::StreamExt;
    loop {
        let frame = tokio::time::timeout(T, ws.next())
            .await
            .expect("a frame in time")
            .expect("the socket is open")
            .expect("a websocket frame");
        if let tokio_tungstenite::tungstenite::Message::Text(text) = frame {
            return serde_json::from_str(&text).expect("JSON frame");
        }
    }
}

/// Regression (the flake of `discord_faults::a_dropped_gateway_is_resumed_and_answers_continue`,
/// "no reply for interaction 730000000000000013"): on op 7 serenity opens a new socket and
/// RESUMEs without closing the old one, and an INTERACTION_CREATE the fake wrote to the old
/// socket in between was lost. Like Discord, the fake replays what the client missed on RESUME,
/// and a RESUME takes the session over at once.
#[tokio::test]
async fn a_resume_replays_what_the_abandoned_socket_was_sent() {
    use futures_util::SinkExt;
    use tokio_tungstenite::tungstenite::Message as Frame;
    let fake = FakeDiscord::start().await;
    let (mut first, _) = tokio_tungstenite::connect_async(fake.gateway_url())
        .await
        .expect("gateway connects");
    assert_eq!(next_frame(&mut first).await["op"], 10, "HELLO");
    let identify = json!({"op": 2, "d": {"token": "Bot raw", "intents": 0, "properties": {}}});
    first.send(Frame::Text(identify.to_string())).await.unwrap();
    let ready = next_frame(&mut first).await;
    assert_eq!(
        (ready["t"].as_str(), ready["s"].as_u64()),
        (Some("READY"), Some(1))
    );

    // The client abandons `first` without reading from it again; this goes to it.
    let lost = fake
        .dispatch("MESSAGE_CREATE", json!({"id": "1", "content": "missed"}))
        .await;
    let (mut second, _) = tokio_tungstenite::connect_async(fake.gateway_url())
        .await
        .expect("gateway connects again");
    assert_eq!(next_frame(&mut second).await["op"], 10, "HELLO");
    let resume =
        json!({"op": 6, "d": {"token": "Bot raw", "session_id": "fake-session-1", "seq": 1}});
    second.send(Frame::Text(resume.to_string())).await.unwrap();
    let replayed = next_frame(&mut second).await;
    assert_eq!(replayed["s"], lost);
    assert_eq!(replayed["d"]["content"], "missed");
    assert_eq!(next_frame(&mut second).await["t"], "RESUMED");

    // The session is the new socket's now, though the old one is still open.
    let next = fake
        .dispatch("MESSAGE_CREATE", json!({"id": "2", "content": "after"}))
        .await;
    let frame = next_frame(&mut second).await;
    assert_eq!(
        (frame["s"].as_u64(), &frame["d"]["content"]),
        (Some(next), &json!("after"))
    );
    assert_eq!(fake.identifies().len(), 1);
    drop(first);
}
