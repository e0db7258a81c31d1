//! One log capture per test binary (opt-in: the soak test keeps logging off so that the buffer
//! does not grow), and waiting for a record in it.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

#[derive(Clone)]
pub struct LogBuffer(pub Arc<Mutex<Vec<u8>>>);

impl Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures the logs for the whole test binary: the bot and its Discord libraries at trace, the
/// rest (reqwest, hyper, tungstenite...) at debug. tungstenite's trace level is left out because
/// the fake *server* runs in this process and logs the IDENTIFY frame it receives, token
/// included, at trace.
pub fn capture_logs() -> &'static LogBuffer {
    static LOGS: OnceLock<LogBuffer> = OnceLock::new();
    LOGS.get_or_init(|| {
        let buffer = LogBuffer(Arc::new(Mutex::new(Vec::new())));
        let writer = buffer.clone();
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(
                "debug,agenda_bot=trace,serenity=trace,poise=trace",
            ))
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .try_init();
        buffer
    })
}

/// What was logged so far (empty unless [`capture_logs`] was called).
pub fn log_text() -> String {
    capture_logs();
    String::from_utf8_lossy(&capture_logs().0.lock().unwrap()).into_owned()
}

/// The log's records: a line starting with a timestamp, with the lines that continue it.
pub fn log_records() -> Vec<String> {
    let mut records: Vec<String> = Vec::new();
    for line in log_text().lines() {
        match records.last_mut() {
            Some(last) if !line.starts_with(|c: char| c.is_ascii_digit()) => {
                last.push('\n');
                last.push_str(line);
            }
            _ => records.push(line.to_string()),
        }
    }
    records
}

/// Waits until the log holds a record (a line and its continuation lines) with every one of
/// `needles`; that record.
pub async fn wait_for_log(needles: &[&str], timeout: Duration) -> Option<String> {
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        let found = log_records()
            .into_iter()
            .find(|l| needles.iter().all(|n| l.contains(n)));
        if found.is_some() || tokio::time::Instant::now() >= deadline {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
