//! `/add` end to end on the fake Discord: an attachment served by the fake's CDN route, a URL on a
//! local HTTP server (both on 127.0.0.1), and every kind of bad input answered with an ephemeral
//! one-line message while the corpus and the index in service stay as they were.

use agenda_test_support::bot::*;
use agenda_test_support::fake_discord::*;
use axum::http::{header, StatusCode};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use std::path::Path;

/// Discord's "ephemeral" message flag.
const EPHEMERAL: u64 = 64;
/// Manage Server.
const MANAGE_GUILD: &str = "32";

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/statements");
    std::fs::read_to_string(path.join(name)).unwrap()
}

/// `/add file:<attachment>` as Discord sends it: the option holds the attachment id, the
/// attachment itself is in `data.resolved`.
pub(super) fn with_attachment(id: u64, attachment: Value, permissions: &str) -> Value {
    let attachment_id = attachment["id"].as_str().unwrap().to_string();
    let options = json!([{"name": "file", "type": 11, "value": attachment_id}]);
    let mut interaction = slash_command(id, "add", options, ALICE, permissions);
    interaction["data"]["resolved"] = json!({ "attachments": { attachment_id: attachment } });
    interaction
}

/// The statements of the bot's corpus, sorted.
fn statements(corpus: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus.join("statements"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The text of the reply to interaction `id`: the edit of a deferred answer or a direct reply,
/// with whether it was ephemeral.
async fn reply_of(bot: &BotUnderTest, id: u64) -> (Value, bool) {
    let callback_path = callback_path(id);
    let callback = bot
        .fake
        .wait_for(|r| r.is("POST", &callback_path) && r.ok(), T)
        .await
        .unwrap_or_else(|| panic!("no callback for {id}: {:#?}", bot.summary()));
    let flags = callback.body["data"]["flags"].as_u64().unwrap_or(0);
    let ephemeral = flags & EPHEMERAL != 0;
    match callback.body["type"].as_u64() {
        Some(4) => (callback.body["data"].clone(), ephemeral),
        Some(5) => (bot.edited(id).await.body, ephemeral),
        other => panic!("unexpected callback type {other:?}"),
    }
}

/// The statement files and the fingerprint of the index in service.
fn snapshot(bot: &BotUnderTest) -> (Vec<String>, String) {
    let fingerprint = bot.index().load().manifest.fingerprint.clone();
    (statements(&bot.corpus), fingerprint)
}

/// A one-line refusal, ephemeral, with the corpus files and the index in service as in `before`.
async fn refused(bot: &BotUnderTest, id: u64, expected: &str, before: &(Vec<String>, String)) {
    let (body, ephemeral) = reply_of(bot, id).await;
    let content = body["content"].as_str().unwrap_or_default().to_string();
    assert!(ephemeral, "{id}: not ephemeral: {body}");
    assert!(
        content.starts_with("Nothing was added: "),
        "{id}: {content}"
    );
    assert!(
        content.contains(expected),
        "{id}: {content:?} lacks {expected:?}"
    );
    assert!(
        !content.contains('\n'),
        "{id}: more than one line: {content:?}"
    );
    assert_eq!(
        &snapshot(bot),
        before,
        "{id}: the corpus or the index changed"
    );
}

fn extracted(corpus: &Path) -> usize {
    std::fs::read_dir(corpus.join("facts/extracted")).map_or(0, |d| d.count())
}

/// A local web server on 127.0.0.1: the HTML fixture, a page without text, a 404.
async fn web() -> String {
    let page = fixture("acdfm-20-bali.html");
    let app = Router::new()
        .route(
            "/acdfm-20",
            get(move || async move { ([(header::CONTENT_TYPE, "text/html")], page) }),
        )
        .route(
            "/empty-page",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/html")],
                    "<html><body><nav><a href='/'>Home</a></nav><footer>© 2025</footer></body></html>",
                )
            }),
        )
        .route("/gone", get(|| async { StatusCode::NOT_FOUND }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_adds_an_attached_statement_and_it_is_answered_at_once() {
    let bot = BotUnderTest::start(Setup::default()).await;
    let put = bot
        .fake
        .requests()
        .into_iter()
        .find(|r| r.is("PUT", GUILD_COMMANDS))
        .unwrap();
    let add = put
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "add")
        .cloned();
    let add = add.expect("/add is registered");
    let types: Vec<&Value> = add["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| &o["type"])
        .collect();
    assert_eq!(types, [&json!(11), &json!(3)], "{add}");

    let before = bot.index().load().manifest.statements;
    let text = fixture("admm-18-vna.txt");
    let attachment =
        bot.fake
            .host_attachment("admm-18.txt", "text/plain; charset=utf-8", text.as_bytes());
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            with_attachment(7001, attachment, MANAGE_GUILD),
        )
        .await;
    let (body, ephemeral) = reply_of(&bot, 7001).await;
    assert!(ephemeral);
    let embed = &body["embeds"][0];
    assert_eq!(
        embed["title"],
        "Added: ASEAN defence ministers pledge to enhance connectivity and resilience",
        "{body}"
    );
    let description = embed["description"].as_str().unwrap();
    assert!(description.starts_with("Statement `"), "{description}");
    assert!(
        description.contains("\nmeeting admm-18 — 18th ASEAN Defence Ministers' Meeting"),
        "{description}"
    );
    assert!(description.contains("\nmechanism admm — "), "{description}");
    assert!(
        description.contains("\n**Milestone** Meeting: "),
        "{description}"
    );
    for line in description.lines() {
        assert!(line.chars().count() <= 300, "{line}");
    }

    // Written, and in the index in service without any other command.
    let written = statements(&bot.corpus);
    assert_eq!(written.len(), 3, "{written:?}");
    assert_eq!(extracted(&bot.corpus), 1);
    let new_id = written
        .iter()
        .map(|n| n.trim_end_matches(".md"))
        .find(|id| description.starts_with(&format!("Statement `{id}`")))
        .expect("the reply names the new statement")
        .to_string();
    let index = bot.index().load();
    assert_eq!(index.manifest.statements, before + 1);
    let cited = |f: &agenda_core::corpus::Fact| {
        f.cites()
            .iter()
            .any(|c| c.starts_with(&format!("{new_id}#")))
    };
    assert!(
        index
            .facts
            .iter()
            .any(|f| f.title().contains("ADMM-18") && cited(f)),
        "the new meeting is not in the index in service"
    );
    drop(index);

    // The same text again: refused as a duplicate, nothing changes.
    let before = snapshot(&bot);
    let again = bot
        .fake
        .host_attachment("copy.txt", "text/plain", text.as_bytes());
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            with_attachment(7002, again, MANAGE_GUILD),
        )
        .await;
    refused(&bot, 7002, "", &before).await;
    assert_eq!(extracted(&bot.corpus), 1);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_adds_a_page_by_url() {
    let bot = BotUnderTest::start(Setup::default()).await;
    let base = web().await;
    let options = json!([{"name": "url", "type": 3, "value": format!("{base}/acdfm-20")}]);
    bot.slash(7101, "add", options, MANAGE_GUILD).await;
    let (body, _) = reply_of(&bot, 7101).await;
    assert_eq!(
        body["embeds"][0]["title"],
        "Added: ASEAN military chiefs agree to hold first joint exercise in Natuna",
        "{body}"
    );
    let written = statements(&bot.corpus);
    assert_eq!(written.len(), 3, "{written:?}");
    let new = written
        .iter()
        .find(|n| !n.starts_with("amim-21") && !n.starts_with("asean-sg"))
        .unwrap();
    let statement = std::fs::read_to_string(bot.corpus.join("statements").join(new)).unwrap();
    assert!(
        statement.contains(&format!("url = \"{base}/acdfm-20\"")),
        "{statement}"
    );
    for furniture in [
        "cookies",
        "Subscribe",
        "Related stories",
        "All rights reserved",
        "Photo: RDR",
    ] {
        assert!(
            !statement.contains(furniture),
            "{furniture} in:\n{statement}"
        );
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_refused_in_one_ephemeral_line_and_changes_nothing() {
    let bot = BotUnderTest::start(Setup::default()).await;
    let base = web().await;
    let text = fixture("admm-19-bernama.txt");
    let before = snapshot(&bot);

    // Not an admin.
    let attachment = bot
        .fake
        .host_attachment("a.txt", "text/plain", text.as_bytes());
    bot.fake
        .dispatch("INTERACTION_CREATE", with_attachment(7201, attachment, "0"))
        .await;
    refused(&bot, 7201, "only server admins", &before).await;

    // Neither a file nor a URL.
    bot.slash(7202, "add", json!([]), MANAGE_GUILD).await;
    refused(&bot, 7202, "attach one file or give one `url`", &before).await;

    // An empty file, over 1 MiB, an image, binary data named like text.
    let big = "An overly long statement line.\n".repeat(40_000);
    let bad_files: [(u64, &str, &str, &[u8], &str); 4] = [
        (7203, "empty.txt", "text/plain", b"", "is empty"),
        (
            7204,
            "big.txt",
            "text/plain",
            big.as_bytes(),
            "at most 1 MiB",
        ),
        (
            7205,
            "photo.png",
            "image/png",
            &[0x89, b'P', b'N', b'G', 0, 1],
            "not a text, Markdown or HTML file",
        ),
        (
            7206,
            "notes.txt",
            "text/plain",
            &[0, 159, 146, 150, 0, 7],
            "not text",
        ),
    ];
    for (id, name, content_type, data, expected) in bad_files {
        let attachment = bot.fake.host_attachment(name, content_type, data);
        bot.fake
            .dispatch(
                "INTERACTION_CREATE",
                with_attachment(id, attachment, MANAGE_GUILD),
            )
            .await;
        refused(&bot, id, expected, &before).await;
    }

    // A page with no text, a page that is gone, a URL that is no URL.
    for (id, url, expected) in [
        (7207, format!("{base}/empty-page"), "no text"),
        (7208, format!("{base}/gone"), "HTTP 404"),
        (
            7209,
            "file:///etc/passwd".to_string(),
            "not an http:// or https:// URL",
        ),
    ] {
        let options = json!([{"name": "url", "type": 3, "value": url}]);
        bot.slash(id, "add", options, MANAGE_GUILD).await;
        refused(&bot, id, expected, &before).await;
    }
    bot.stop().await;
}
