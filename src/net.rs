//! URLs as the bot checks and shows them, parsed by `url` (through reqwest): the loopback guard
//! for test traffic, and credentials kept out of logs and error messages.

use reqwest::Url;

/// The host of `url` (`http://127.0.0.1:8080/x` → `127.0.0.1`, `http://[::1]:80/` → `::1`);
/// `None` when `url` is not a URL with a host.
pub fn host_of(url: &str) -> Option<String> {
    let url = Url::parse(url).ok()?;
    let host = url.host_str()?;
    Some(
        host.trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
    )
}

/// `127.x.x.x`, `::1` or `localhost`.
pub fn is_loopback_host(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// `http://` on a loopback host: the only base URL `--api-proxy` accepts.
pub fn is_loopback_url(url: &str) -> bool {
    Url::parse(url).is_ok_and(|u| u.scheme() == "http")
        && host_of(url).is_some_and(|h| is_loopback_host(&h))
}

/// `scheme://user:secret@host/db?password=x` → `scheme://user:***@host/db?password=***`; a URL
/// that does not parse, or has no authority, is shown as its scheme alone (`postgres://…`), so
/// nothing in it leaks.
pub fn redact_url(text: &str) -> String {
    let Ok(mut url) = Url::parse(text) else {
        return match text.split_once("://") {
            Some((scheme, _)) if scheme.chars().all(|c| c.is_ascii_alphanumeric()) => {
                format!("{scheme}://…")
            }
            _ => "(not a URL)".to_string(),
        };
    };
    if url.cannot_be_a_base() {
        // `user:secret@host` parses as the scheme `user` and an opaque rest: show none of it.
        return format!("{}:…", url.scheme());
    }
    if url.password().is_some() {
        let _ = url.set_password(Some("***"));
    }
    if url.query().is_some() {
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(k, v)| match k.eq_ignore_ascii_case("password") {
                true => (k.into_owned(), "***".to_string()),
                false => (k.into_owned(), v.into_owned()),
            })
            .collect();
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
    url.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_the_loopback_guard() {
        let host = |u: &str| host_of(u).unwrap_or_default();
        assert_eq!(host("http://127.0.0.1:8080"), "127.0.0.1");
        assert_eq!(host("ws://127.0.0.1:9/x?v=10"), "127.0.0.1");
        assert_eq!(host("wss://gateway.discord.gg"), "gateway.discord.gg");
        assert_eq!(host("http://[::1]:80/"), "::1");
        assert_eq!(host("http://user@127.0.0.1/"), "127.0.0.1");
        assert_eq!(host_of("not a url"), None);
        assert!(is_loopback_host("127.0.0.1") && is_loopback_host("127.3.2.1"));
        assert!(is_loopback_host("::1") && is_loopback_host("LOCALHOST"));
        assert!(!is_loopback_host("gateway.discord.gg") && !is_loopback_host("10.0.0.1"));
        assert!(is_loopback_url("http://127.0.0.1:9") && is_loopback_url("http://[::1]:9/"));
        assert!(!is_loopback_url("https://discord.com") && !is_loopback_url("http://10.0.0.1:9"));
        assert!(!is_loopback_url("ws://127.0.0.1:9"));
        assert!(!is_loopback_url("http://127.0.0.1.evil.com"));
        // A userinfo that looks like a host does not make the URL local.
        assert!(!is_loopback_url("http://127.0.0.1@evil.com/"));
    }

    #[test]
    fn passwords_are_masked_and_unreadable_urls_hidden() {
        assert_eq!(
            redact_url(
                "postgres://bot:s3cret@db.internal:5433/agenda?password=s3cret&sslmode=disable"
            ),
            "postgres://bot:***@db.internal:5433/agenda?password=***&sslmode=disable"
        );
        assert_eq!(redact_url("postgres://bot@h/db"), "postgres://bot@h/db");
        assert_eq!(redact_url("postgres://u:pw@h:notaport/db"), "postgres://…");
        assert_eq!(redact_url("u:pw@h"), "u:…");
        assert_eq!(redact_url("pw@h"), "(not a URL)");
    }
}
