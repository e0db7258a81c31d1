//! Corpus paths, directory copies and the `agenda-bot` binary run as a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace's root (where `corpus/` and `tests/` are).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `agenda-bot` binary Cargo built for the integration test running now: beside the test
/// executable's `deps/` directory.
pub fn agenda_bot_binary() -> PathBuf {
    let test = std::env::current_exe().expect("the test executable's path");
    let profile_dir = test
        .parent()
        .and_then(Path::parent)
        .expect("a test executable in target/<profile>/deps");
    profile_dir.join(format!("agenda-bot{}", std::env::consts::EXE_SUFFIX))
}

/// The shipped corpus, `corpus/`.
pub fn shipped_corpus() -> PathBuf {
    workspace_root().join("corpus")
}

/// The text of `tests/fixtures/statements/NAME` (statements to add).
pub fn statement_fixture(name: &str) -> String {
    let path = workspace_root()
        .join("tests/fixtures/statements")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The small hand-written corpus, `tests/fixtures/corpus/`.
pub fn fixture_corpus() -> PathBuf {
    workspace_root().join("tests/fixtures/corpus")
}

/// Copies a directory tree (a corpus into a test's temp dir).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A `config.toml` in a temp dir over a corpus (a copy of `from`, or an empty one) and a fresh
/// index directory, for running the `agenda-bot` binary.
pub struct CliSetup {
    pub tmp: tempfile::TempDir,
    pub config: PathBuf,
    pub corpus: PathBuf,
}

impl CliSetup {
    pub fn new(from: Option<&Path>) -> CliSetup {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        match from {
            Some(from) => copy_dir(from, &corpus),
            None => {
                std::fs::create_dir_all(corpus.join("statements")).unwrap();
                std::fs::create_dir_all(corpus.join("facts")).unwrap();
            }
        }
        let config = tmp.path().join("config.toml");
        std::fs::write(
            &config,
            "corpus_dir = \"corpus\"\nindex_dir = \"index\"\nstate_dir = \"state\"\n",
        )
        .unwrap();
        CliSetup {
            tmp,
            config,
            corpus,
        }
    }

    /// `agenda-bot --config … ARGS`, without a Discord token.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(agenda_bot_binary())
            .arg("--config")
            .arg(&self.config)
            .args(args)
            .env_remove("DISCORD_TOKEN")
            .output()
            .unwrap()
    }
}

/// A running `agenda-bot` process whose standard error is collected as it comes.
pub struct Spawned {
    pub child: std::process::Child,
    pub stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

/// A test that fails half-way leaves no bot running behind it.
impl Drop for Spawned {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl CliSetup {
    /// Appends TOML to the config (e.g. a `[discord]` table).
    pub fn append_config(&self, toml: &str) {
        let mut text = std::fs::read_to_string(&self.config).unwrap();
        text.push_str(toml);
        std::fs::write(&self.config, text).unwrap();
    }

    /// Starts `agenda-bot --config … ARGS` with `DISCORD_TOKEN=token`, plain logs.
    pub fn spawn(&self, args: &[&str], token: &str) -> Spawned {
        self.spawn_with_env(args, token, &[])
    }

    /// [`Self::spawn`] with more environment variables (`RUST_LOG` among them if wanted).
    pub fn spawn_with_env(&self, args: &[&str], token: &str, env: &[(&str, &str)]) -> Spawned {
        use std::io::BufRead;
        let mut child = Command::new(agenda_bot_binary())
            .arg("--config")
            .arg(&self.config)
            .args(args)
            .env("DISCORD_TOKEN", token)
            .env_remove("RUST_LOG")
            .envs(env.iter().copied())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let pipe = child.stderr.take().unwrap();
        let sink = stderr.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(pipe).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        Spawned { child, stderr }
    }
}

impl Spawned {
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Polls (every 20 ms, up to `limit`) until standard error contains `text`.
    pub fn wait_stderr(&self, text: &str, limit: std::time::Duration) -> bool {
        let until = std::time::Instant::now() + limit;
        while std::time::Instant::now() < until {
            if self.stderr().contains(text) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        false
    }

    /// Sends SIGTERM.
    pub fn term(&self) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
    }

    /// SIGTERM, then an exit with status 0 within `limit` (asserted, with standard error shown).
    pub fn stop(&mut self, limit: std::time::Duration) {
        self.term();
        let status = self.wait_exit(limit);
        assert_eq!(status.and_then(|s| s.code()), Some(0), "{}", self.stderr());
    }

    /// The exit status, if the process ends within `limit` (polled every 10 ms); killed if not.
    pub fn wait_exit(&mut self, limit: std::time::Duration) -> Option<std::process::ExitStatus> {
        let until = std::time::Instant::now() + limit;
        while std::time::Instant::now() < until {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let _ = self.child.kill();
        None
    }
}
