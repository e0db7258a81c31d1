//! `agenda_bot::fetch` against a local HTTP server on 127.0.0.1: a page, a 404, a page too large
//! (declared and streamed), a slow page (timeout), a non-text page, redirects within and past the
//! limit; and `agenda-bot add URL` fetching a page into the corpus.

use agenda_bot::fetch::{fetch, FetchError, Fetched, Limits};
use axum::body::Body;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

const PAGE: &str =
    "<html><head><title>ADMM</title></head><body><p>Ministers met.</p></body></html>";

async fn serve() -> String {
    let big = "x".repeat(2 << 20);
    let app = Router::new()
        .route(
            "/page",
            get(|| async { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], PAGE) }),
        )
        .route("/text", get(|| async { "Plain statement text." }))
        .route("/missing", get(|| async { StatusCode::NOT_FOUND }))
        .route(
            "/big",
            get(move || async move { ([(header::CONTENT_TYPE, "text/plain")], big) }),
        )
        .route(
            "/big-streamed",
            get(|| async {
                let chunks = (0..40).map(|_| Ok::<_, std::io::Error>("y".repeat(64 << 10)));
                Response::builder()
                    .header(header::CONTENT_TYPE, "text/plain")
                    .body(Body::from_stream(futures_util::stream::iter(chunks)))
                    .unwrap()
            }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "too late"
            }),
        )
        .route(
            "/image",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "image/png")],
                    vec![0x89u8, b'P', b'N', b'G', 0],
                )
            }),
        )
        .route(
            "/binary",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "application/octet-stream")],
                    vec![0u8, 1, 2, 3],
                )
                    .into_response()
            }),
        )
        .route(
            "/statement",
            get(|| async {
                let page = include_str!("../fixtures/statements/acdfm-20-bali.html");
                ([(header::CONTENT_TYPE, "text/html")], page)
            }),
        )
        .route("/moved", get(|| async { Redirect::temporary("/page") }))
        .route("/loop", get(|| async { Redirect::temporary("/loop") }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

fn quick() -> Limits {
    Limits {
        timeout: Duration::from_millis(800),
        ..Limits::default()
    }
}

#[tokio::test]
async fn a_page_and_plain_text() {
    let base = serve().await;
    let page = fetch(&format!("{base}/page"), &quick()).await.unwrap();
    assert_eq!(
        page,
        Fetched {
            url: format!("{base}/page"),
            content_type: "text/html".into(),
            text: PAGE.into(),
        }
    );
    assert!(page.is_html());
    let text = fetch(&format!("{base}/text"), &quick()).await.unwrap();
    assert_eq!(text.text, "Plain statement text.");
    assert!(!text.is_html());
}

#[tokio::test]
async fn a_redirect_is_followed_to_the_page() {
    let base = serve().await;
    let page = fetch(&format!("{base}/moved"), &quick()).await.unwrap();
    assert_eq!(page.url, format!("{base}/page"));
    assert_eq!(page.text, PAGE);
    let err = fetch(&format!("{base}/loop"), &quick()).await.unwrap_err();
    assert!(matches!(err, FetchError::TooManyRedirects(5)), "{err:?}");
    assert_eq!(err.to_string(), "more than 5 redirects");
}

#[tokio::test]
async fn not_found_is_a_status_error() {
    let base = serve().await;
    let err = fetch(&format!("{base}/missing"), &quick())
        .await
        .unwrap_err();
    assert!(
        matches!(err, FetchError::Status(s) if s.as_u16() == 404),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "the server answered HTTP 404 Not Found");
}

#[tokio::test]
async fn too_large_declared_or_streamed() {
    let base = serve().await;
    for path in ["/big", "/big-streamed"] {
        let err = fetch(&format!("{base}{path}"), &quick()).await.unwrap_err();
        assert!(
            matches!(err, FetchError::TooLarge(n) if n == 1 << 20),
            "{path}: {err:?}"
        );
        assert_eq!(err.to_string(), "the page is larger than 1024 KiB");
    }
}

#[tokio::test]
async fn a_slow_page_times_out() {
    let base = serve().await;
    let started = std::time::Instant::now();
    let err = fetch(&format!("{base}/slow"), &quick()).await.unwrap_err();
    assert!(matches!(err, FetchError::Timeout(_)), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(err.to_string(), "the page did not answer within 0.8 s");
}

#[tokio::test]
async fn images_and_binary_are_not_text() {
    let base = serve().await;
    let err = fetch(&format!("{base}/image"), &quick()).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "the page is not text (content type `image/png`)"
    );
    let err = fetch(&format!("{base}/binary"), &quick())
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "the page is not text (binary data)");
}

#[tokio::test]
async fn nothing_listening_is_unreachable() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let err = fetch(&format!("http://{addr}/"), &quick())
        .await
        .unwrap_err();
    assert!(matches!(err, FetchError::Unreachable { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the page could not be fetched (the server could not be reached)"
    );
}

/// `agenda-bot --config <a copy of the shipped corpus> add ARGS`, off the async runtime.
async fn cli_add(corpus_root: &Path, args: Vec<String>) -> Output {
    let config = corpus_root.join("config.toml");
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_agenda-bot"))
            .arg("--config")
            .arg(config)
            .arg("add")
            .args(args)
            .env_remove("DISCORD_TOKEN")
            .output()
            .unwrap()
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_adds_a_page_by_url_and_refuses_a_missing_one() {
    let base = serve().await;
    let tmp = tempfile::tempdir().unwrap();
    agenda_test_support::common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &tmp.path().join("corpus"),
    );
    std::fs::write(
        tmp.path().join("config.toml"),
        "corpus_dir = \"corpus\"\nindex_dir = \"index\"\nstate_dir = \"state\"\n",
    )
    .unwrap();
    let statements = || {
        std::fs::read_dir(tmp.path().join("corpus/statements"))
            .unwrap()
            .count()
    };

    let missing = cli_add(tmp.path(), vec![format!("{base}/missing")]).await;
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("the server answered HTTP 404 Not Found"),
        "{err}"
    );
    assert_eq!(statements(), 2);

    let url = format!("{base}/statement");
    let added = cli_add(
        tmp.path(),
        vec![url.clone(), "--id".into(), "acdfm-20".into()],
    )
    .await;
    let out = String::from_utf8_lossy(&added.stdout);
    assert!(
        added.status.success(),
        "{out}\n{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert_eq!(statements(), 3);
    let statement =
        std::fs::read_to_string(tmp.path().join("corpus/statements/acdfm-20.md")).unwrap();
    assert!(
        statement.contains(&format!("url = \"{url}\"")),
        "{statement}"
    );
    assert!(statement.contains("The 20th ASEAN Chiefs of Defence Forces Meeting (ACDFM-20)"));
    assert!(!statement.contains("cookie"), "{statement}");
}
