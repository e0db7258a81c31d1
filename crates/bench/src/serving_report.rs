//! The serving benchmark in the report: its section, its figures and its latency target.

use crate::report::{ms, ratio, Target};
use crate::results::{LoadResult, Report, Serving};
use crate::run::{median, percentile};
use agenda_bench::size_label;

/// p99 during rebuilds may be at most this many times p99 without.
pub(crate) const REBUILD_P99_FACTOR: f64 = 2.0;

impl LoadResult {
    /// The `p`-th percentile of the counted latencies, µs.
    pub(crate) fn p(&self, p: f64) -> f64 {
        percentile(&self.latency_us, p)
    }

    /// Replies per second (NaN when no time was measured).
    pub(crate) fn throughput(&self) -> f64 {
        if self.secs > 0.0 {
            self.answered as f64 / self.secs
        } else {
            f64::NAN
        }
    }
}

/// How many rebuilds ran and their median wall time.
pub(crate) fn rebuilds(secs: &[f64]) -> String {
    if secs.is_empty() {
        return "0".into();
    }
    format!("{} ({:.2} s)", secs.len(), median(&mut secs.to_vec()))
}

fn per_second(x: f64) -> String {
    if x.is_nan() {
        "—".into()
    } else {
        format!("{x:.0}/s")
    }
}

/// p99 during rebuilds ÷ p99 without, per mode and level: one target each, judged only when
/// the serving run was a release build.
pub(crate) fn targets(report: &Report) -> Vec<Target> {
    let Some(s) = &report.serving else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in &s.modes {
        for (steady, during) in m.steady.iter().zip(&m.rebuilding) {
            let name = format!(
                "p99 during a rebuild ≤ {REBUILD_P99_FACTOR}× p99 without: {}, {} concurrent \
                 ({} paragraphs)",
                m.mode,
                steady.concurrency,
                size_label(s.paragraphs)
            );
            let x = during.p(99.0) / steady.p(99.0);
            out.push(if x.is_finite() {
                let judged = if s.release {
                    ""
                } else {
                    "; debug build: not judged"
                };
                Target {
                    name,
                    measured: format!(
                        "{x:.2}× ({} vs {}{judged})",
                        ms(during.p(99.0)),
                        ms(steady.p(99.0))
                    ),
                    pass: s.release.then_some(x <= REBUILD_P99_FACTOR),
                }
            } else {
                Target {
                    name,
                    measured: "not measured".into(),
                    pass: None,
                }
            });
        }
    }
    out
}

/// "Produced by …" when the serving figures come from another run than the tables.
fn provenance(s: &Serving, report: &Report) -> String {
    if s.command == report.command {
        return String::new();
    }
    format!(
        "Produced by `{}` on {} ({} build), into the results of the run above.\n\n",
        s.command,
        s.date,
        if s.release { "release" } else { "debug" }
    )
}

/// The "Serving" section (empty for results measured before it existed).
pub(crate) fn section(report: &Report) -> String {
    let Some(s) = &report.serving else {
        return String::new();
    };
    let size = size_label(s.paragraphs);
    let mut md = format!(
        "## Serving ({size} paragraphs)\n\n{}",
        provenance(s, report)
    );
    md.push_str(&format!(
        "The bot itself (`agenda_bot::discord::Bot`, started in process with `api_proxy` to the \
         fake Discord of `crates/fake-discord` on 127.0.0.1) on the generated {size}-paragraph \
         corpus, asked the {} `/ask` questions of the four query classes in turn. *N concurrent* \
         clients each send an interaction and the next one when its reply has arrived; {} are \
         counted per level alone, after a warm-up, and during rebuilds at least as many over at \
         least {} rebuild{}. **gateway**: an INTERACTION_CREATE on \
         the fake's gateway; the reply is the edit of the deferred response, timed when the fake \
         receives it. **http**: a signed `POST /interactions` (Ed25519 over timestamp + body, \
         verified by the endpoint) to `agenda_bot::discord::interactions::router` beside the \
         gateway, on the same bot state; the reply is the HTTP response, or, when that only \
         acknowledged (type 5, slower than its 2.5 s deadline), the edit the fake receives. \
         *During rebuilds*: a paragraph is appended to a statement and `/reindex` (in the same \
         mode) rebuilds the whole index, back to back while the load runs, on a thread under \
         `SCHED_IDLE`, below the answers (`agenda_bot::background`); the latencies are \
         those of the interactions sent and answered within one rebuild, the throughput the \
         replies that arrived during rebuilds over the rebuilds' time. The bot, the fake and the \
         clients share one process and the machine's {} cores.\n\n",
        s.questions,
        s.per_level,
        s.min_rebuilds,
        if s.min_rebuilds == 1 { "" } else { "s" },
        report.machine.cores,
    ));
    for m in &s.modes {
        md.push_str(&format!(
            "### {}\n\n\
             | concurrent | throughput | p50 | p99 | during rebuilds: throughput | p50 | p99 | p99 ÷ p99 without | rebuilds (median time) |\n\
             |---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
            m.mode
        ));
        for (steady, during) in m.steady.iter().zip(&m.rebuilding) {
            md.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                steady.concurrency,
                per_second(steady.throughput()),
                ms(steady.p(50.0)),
                ms(steady.p(99.0)),
                per_second(during.throughput()),
                ms(during.p(50.0)),
                ms(during.p(99.0)),
                ratio(during.p(99.0), steady.p(99.0)),
                rebuilds(&during.rebuild_secs),
            ));
        }
        md.push_str(&format!(
            "\n{} requests to the fake Discord failed.\n\n",
            m.failed_requests
        ));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::ServingResult;

    /// `n` interactions of 1, 2, … n ms in `secs` seconds.
    fn level(concurrency: usize, n: usize, secs: f64, scale: f64) -> LoadResult {
        LoadResult {
            concurrency,
            answered: n,
            secs,
            latency_us: (1..=n).rev().map(|k| k as f64 * 1e3 * scale).collect(),
            rebuild_secs: Vec::new(),
        }
    }

    fn serving(release: bool) -> Serving {
        let mut during_8 = level(8, 100, 4.0, 3.0);
        during_8.rebuild_secs = vec![2.0, 1.5, 0.5];
        Serving {
            command: "cargo run -p agenda-bench -- --serving-into r.json".into(),
            date: "2026-12-03 11:00 UTC".into(),
            release,
            paragraphs: 100_000,
            questions: 200,
            per_level: 100,
            min_rebuilds: 3,
            modes: vec![ServingResult {
                mode: "gateway".into(),
                steady: vec![level(1, 100, 2.0, 1.0), level(8, 100, 1.0, 1.0)],
                rebuilding: vec![level(1, 100, 4.0, 1.6), during_8],
                failed_requests: 0,
            }],
        }
    }

    fn cells(md: &str, first: &str) -> Vec<String> {
        md.lines()
            .find(|l| l.starts_with(&format!("| {first} |")))
            .unwrap_or_else(|| panic!("no row {first:?} in\n{md}"))
            .trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().to_string())
            .collect()
    }

    /// Percentiles are nearest-rank over the counted latencies (1..=100 ms: p50 50 ms, p99
    /// 99 ms, whatever their order); throughput is replies over the phase's time.
    #[test]
    fn percentiles_and_throughput_of_a_level() {
        let l = level(1, 100, 2.0, 1.0);
        assert_eq!((l.p(50.0), l.p(99.0), l.p(100.0)), (50e3, 99e3, 100e3));
        assert_eq!(l.throughput(), 50.0);
        let empty = LoadResult::default();
        assert!(empty.p(99.0).is_nan() && empty.throughput().is_nan());
    }

    /// One row per level: both phases' throughput and percentiles, their p99 ratio, the rebuilds
    /// and their median time; the run's own command when it is not the tables' run.
    #[test]
    fn the_section_renders_every_level_of_every_mode() {
        let report = Report {
            command: "cargo run --release -p agenda-bench -- --sizes 1m".into(),
            serving: Some(serving(true)),
            ..Report::default()
        };
        let md = section(&report);
        assert!(md.starts_with("## Serving (100k paragraphs)\n\nProduced by `cargo run -p agenda-bench -- --serving-into r.json` on 2026-12-03 11:00 UTC (release build)"), "{md}");
        assert!(md.contains("### gateway\n"));
        assert_eq!(
            cells(&md, "1"),
            ["1", "50/s", "50.0 ms", "99.0 ms", "25/s", "80.0 ms", "158 ms", "1.60", "0"]
                .map(String::from)
        );
        assert_eq!(
            cells(&md, "8"),
            [
                "8",
                "100/s",
                "50.0 ms",
                "99.0 ms",
                "25/s",
                "150 ms",
                "297 ms",
                "3.00",
                "3 (1.50 s)"
            ]
            .map(String::from)
        );
        assert!(md.contains("0 requests to the fake Discord failed."));
        let same_run = Report {
            command: serving(true).command,
            ..report
        };
        assert!(!section(&same_run).contains("Produced by"));
        assert_eq!(section(&Report::default()), "");
    }

    /// 1.6× passes and 3× misses in a release run; a debug run measures without judging; a
    /// level without a counted interaction during rebuilds is "not measured".
    #[test]
    fn the_rebuild_target_is_judged_per_level_in_release_runs_only() {
        let report = |s: Serving| Report {
            serving: Some(s),
            ..Report::default()
        };
        let t = targets(&report(serving(true)));
        assert_eq!(t.len(), 2);
        assert!(t[0]
            .name
            .contains("gateway, 1 concurrent (100k paragraphs)"));
        assert_eq!(t[0].measured, "1.60× (158 ms vs 99.0 ms)");
        assert_eq!((t[0].pass, t[1].pass), (Some(true), Some(false)));
        let t = targets(&report(serving(false)));
        assert_eq!((t[0].pass, t[1].pass), (None, None));
        assert!(t[1].measured.ends_with("; debug build: not judged)"));
        let mut none_counted = serving(true);
        none_counted.modes[0].rebuilding[1].latency_us.clear();
        let t = targets(&report(none_counted));
        assert_eq!((t[1].measured.as_str(), t[1].pass), ("not measured", None));
    }
}
