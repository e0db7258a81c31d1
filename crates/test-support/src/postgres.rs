//! A throwaway PostgreSQL server for tests: `initdb` in a temp dir (trust auth, no fsync),
//! started on 127.0.0.1 on a free port with its socket in the temp dir, stopped on drop. As
//! root (initdb refuses to run so) the server runs as the `postgres` user via `runuser`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Postgres {
    bin: PathBuf,
    data: PathBuf,
    pub port: u16,
    as_postgres: bool,
    _dir: tempfile::TempDir,
}

/// `pg_ctl`'s directory: on PATH, or the newest `/usr/lib/postgresql/*/bin`.
fn find_bin() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        if dir.join("pg_ctl").is_file() && dir.join("initdb").is_file() {
            return std::fs::canonicalize(dir.join("pg_ctl"))
                .ok()
                .and_then(|p| p.parent().map(Path::to_path_buf))
                .unwrap_or(dir);
        }
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|b| b.join("pg_ctl").is_file())
        .collect();
    found.sort();
    found
        .pop()
        .expect("PostgreSQL not found (pg_ctl on PATH or under /usr/lib/postgresql/*/bin); .ci/run installs it")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Postgres {
    /// Initialises and starts a server; panics with the tool's output when it cannot.
    pub fn start() -> Postgres {
        let bin = find_bin();
        let dir = tempfile::tempdir().unwrap();
        let as_postgres = is_root();
        if as_postgres {
            let ok = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .unwrap()
                .success();
            assert!(ok, "chown of the cluster dir to postgres failed");
        }
        let data = dir.path().join("data");
        let pg = Postgres {
            bin,
            data,
            port: free_port(),
            as_postgres,
            _dir: dir,
        };
        let data = pg.data.display().to_string();
        pg.run(
            "initdb",
            &[
                "-D",
                &data,
                "-A",
                "trust",
                "-U",
                "agenda",
                "--no-sync",
                "-E",
                "UTF8",
            ],
        );
        let socket = pg._dir.path().display().to_string();
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {} -k {socket} -c fsync=off",
            pg.port
        );
        let log = pg._dir.path().join("server.log").display().to_string();
        pg.run(
            "pg_ctl",
            &[
                "-D", &data, "-l", &log, "-o", &options, "-w", "-t", "30", "start",
            ],
        );
        pg.wait_ready();
        pg
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let exe = self.bin.join(tool);
        let output = if self.as_postgres {
            Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(&exe)
                .args(args)
                .current_dir(self._dir.path())
                .output()
        } else {
            Command::new(&exe).args(args).output()
        }
        .unwrap_or_else(|e| panic!("{tool}: {e}"));
        assert!(
            output.status.success(),
            "{tool} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Bounded polling until the server accepts TCP connections.
    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "PostgreSQL did not come up");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `postgres://agenda@127.0.0.1:PORT/postgres`.
    pub fn url(&self) -> String {
        format!("postgres://agenda@127.0.0.1:{}/postgres", self.port)
    }

    /// A new empty database on this server; its URL.
    pub async fn database(&self, name: &str) -> String {
        connect(&self.url())
            .await
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create database");
        format!("postgres://agenda@127.0.0.1:{}/{name}", self.port)
    }
}

/// A client of the database at `url`, its connection driven by a task of its own.
pub async fn connect(url: &str) -> tokio_postgres::Client {
    let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .expect("connect to the test server");
    tokio::spawn(conn);
    client
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.data.display().to_string();
        let exe = self.bin.join("pg_ctl");
        let args = ["-D", data.as_str(), "-m", "immediate", "-w", "stop"];
        let _ = if self.as_postgres {
            Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(&exe)
                .args(args)
                .output()
        } else {
            Command::new(&exe).args(args).output()
        };
    }
}
