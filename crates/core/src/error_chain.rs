//! An error with its causes on one line, for logs: `cannot read x.toml: No such file or directory`.
//!
//! Error types here keep their cause out of their message and return it as `source()`, so that
//! `anyhow`'s `{:#}` prints it once; a log of a typed error shows the chain with [`chain`].

use std::error::Error;

/// `error: cause: cause of the cause`.
pub fn chain(error: &(dyn Error + 'static)) -> String {
    let mut shown = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        shown.push_str(": ");
        shown.push_str(&e.to_string());
        cause = e.source();
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::state::StateStore;

    /// Bug: the state, index and config errors printed their cause in the message and again
    /// as `source()`, so a chain showed it twice.
    #[test]
    fn each_cause_is_shown_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("digest-state.json"), "[]").unwrap();
        let e = StateStore::open(dir.path()).unwrap_err();
        let shown = chain(&e);
        assert!(shown.ends_with("; fix or remove it (removing it may repost today's digest): expected a JSON object"), "{shown}");
        assert_eq!(
            shown.matches("expected a JSON object").count(),
            1,
            "{shown}"
        );

        let root = dir.path().join("index");
        std::fs::create_dir_all(root.join("CURRENT")).unwrap();
        let e = crate::index::current_generation(&root).unwrap_err();
        let shown = chain(&e);
        assert_eq!(shown.matches("Is a directory").count(), 1, "{shown}");
    }
}
