//! Notes templates: `{{key}}` placeholders in the `--notes` file filled in from the run's own
//! results (and the `--before` run's), formatted as the tables format them.

use crate::report::{mb, ms, ratio, targets};
use crate::results::{Report, SizeResult};
use crate::run::percentile;
use agenda_bench::parse_size;
use agenda_bench::queries::CLASSES;

#[derive(Debug, thiserror::Error, PartialEq)]
pub(crate) enum NoteError {
    #[error("notes: unknown placeholder {{{{{0}}}}} (see crates/bench/src/notes.rs for the keys)")]
    Unknown(String),
    #[error("notes: an unclosed {{{{ at byte {0}")]
    Unclosed(usize),
    #[error("notes: {{{{{0}}}}} was not measured in this run")]
    NotMeasured(String),
}

const ENGINES: [&str; 3] = ["ours", "fts5", "scan"];

/// A parsed placeholder.
#[derive(Debug, Clone, PartialEq)]
enum Key {
    /// `date` / `before.date`
    Date { before: bool },
    /// `targets.passed`, `targets.missed`
    Targets { passed: bool },
    /// `add.total`, `add.add`, `add.rebuild` (milliseconds)
    Add(String),
    /// `serving.<gateway|http>.<concurrency>.<p99|p99_during|ratio|rebuilds>`: a serving row
    Serving {
        mode: String,
        concurrency: usize,
        column: ServingColumn,
    },
    /// `[before.]<size>.<engine>.<metric>[.<p50|p99>][.<class>]`
    Size {
        before: bool,
        paragraphs: usize,
        engine: String,
        metric: Metric,
    },
}

/// A column of the serving table.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ServingColumn {
    /// p99 alone
    P99,
    /// p99 during rebuilds
    P99During,
    /// p99 during ÷ p99 alone
    Ratio,
    /// rebuilds run and their median time
    Rebuilds,
}

#[derive(Debug, Clone, PartialEq)]
enum Metric {
    /// `build`: seconds
    Build,
    /// `search.p50[.class]`, `handler.p99[.class]` (ours only)
    Latency {
        handler: bool,
        p: f64,
        class: Option<String>,
    },
    /// `cold`: evicted open + first answer
    Cold,
    /// `rss_anon`: while serving
    RssAnon,
    /// `recall5[.class]`
    Recall5(Option<String>),
}

fn parse_key(key: &str) -> Option<Key> {
    let parts: Vec<&str> = key.split('.').collect();
    let (before, rest) = match parts.as_slice() {
        ["before", rest @ ..] => (true, rest),
        rest => (false, rest),
    };
    let class = |c: &[&str]| -> Option<Option<String>> {
        match c {
            [] => Some(None),
            [c] if CLASSES.contains(c) => Some(Some(c.to_string())),
            _ => None,
        }
    };
    Some(match rest {
        ["date"] => Key::Date { before },
        ["targets", which @ ("passed" | "missed")] if !before => Key::Targets {
            passed: *which == "passed",
        },
        ["add", which @ ("total" | "add" | "rebuild")] if !before => Key::Add(which.to_string()),
        ["serving", mode @ ("gateway" | "http"), concurrency, column] if !before => Key::Serving {
            mode: mode.to_string(),
            concurrency: concurrency.parse().ok()?,
            column: match *column {
                "p99" => ServingColumn::P99,
                "p99_during" => ServingColumn::P99During,
                "ratio" => ServingColumn::Ratio,
                "rebuilds" => ServingColumn::Rebuilds,
                _ => return None,
            },
        },
        [size, engine, metric @ ..] if ENGINES.contains(engine) => {
            let metric = match metric {
                ["build"] => Metric::Build,
                ["cold"] => Metric::Cold,
                ["rss_anon"] => Metric::RssAnon,
                ["recall5", c @ ..] => Metric::Recall5(class(c)?),
                [which @ ("search" | "handler"), p @ ("p50" | "p99"), c @ ..] => Metric::Latency {
                    handler: *which == "handler",
                    p: if *p == "p50" { 50.0 } else { 99.0 },
                    class: class(c)?,
                },
                _ => return None,
            };
            Key::Size {
                before,
                paragraphs: parse_size(size)?,
                engine: engine.to_string(),
                metric,
            }
        }
        _ => return None,
    })
}

/// The placeholders of a template, in order, or the first that is malformed or unknown.
fn keys(template: &str) -> Result<Vec<(std::ops::Range<usize>, Key)>, NoteError> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = template[at..].find("{{").map(|i| at + i) {
        let close = template[open..]
            .find("}}")
            .map(|i| open + i)
            .ok_or(NoteError::Unclosed(open))?;
        let name = template[open + 2..close].trim();
        let key = parse_key(name).ok_or_else(|| NoteError::Unknown(name.to_string()))?;
        out.push((open..close + 2, key));
        at = close + 2;
    }
    Ok(out)
}

/// Checks a template's placeholders before anything is measured.
pub(crate) fn check(template: &str) -> Result<(), NoteError> {
    keys(template).map(drop)
}

fn size_value(s: &SizeResult, engine: &str, metric: &Metric) -> Option<String> {
    match metric {
        Metric::Build => s.build.get(engine).map(|b| format!("{:.2} s", b.secs)),
        Metric::Cold => s
            .cold
            .get(engine)
            .map(|c| format!("{:.1} ms", c.evicted.total_ms)),
        Metric::RssAnon => s.serve.get(engine).map(|r| mb(r.rss_anon_kb)),
        Metric::Recall5(class) => match s.relevance(engine, class.as_deref()) {
            (0, _) => None,
            (labelled, right) => Some(format!("{:.0} %", 100.0 * right as f64 / labelled as f64)),
        },
        Metric::Latency { handler, p, class } => {
            let v = if *handler {
                if engine != "ours" {
                    return None;
                }
                s.handler(class.as_deref())
            } else {
                s.search(engine, class.as_deref())
            };
            (!v.is_empty()).then(|| ms(percentile(&v, *p)))
        }
    }
}

fn value(key: &Key, report: &Report, before: Option<&Report>) -> Option<String> {
    match key {
        Key::Date { before: false } => Some(report.date.clone()),
        Key::Date { before: true } => before.map(|b| b.date.clone()),
        Key::Targets { passed } => Some(
            targets(report)
                .iter()
                .filter(|t| t.pass == Some(*passed))
                .count()
                .to_string(),
        ),
        Key::Add(which) => report.add.as_ref().map(|a| {
            let v = match which.as_str() {
                "add" => a.add_ms,
                "rebuild" => a.rebuild_ms,
                _ => a.total_ms,
            };
            format!("{v:.0} ms")
        }),
        Key::Serving {
            mode,
            concurrency,
            column,
        } => {
            let m = report
                .serving
                .as_ref()?
                .modes
                .iter()
                .find(|m| m.mode == *mode)?;
            let at = m
                .steady
                .iter()
                .position(|l| l.concurrency == *concurrency)?;
            let (steady, during) = (&m.steady[at], m.rebuilding.get(at)?);
            Some(match column {
                ServingColumn::P99 => ms(steady.p(99.0)),
                ServingColumn::P99During => ms(during.p(99.0)),
                ServingColumn::Ratio => ratio(during.p(99.0), steady.p(99.0)),
                ServingColumn::Rebuilds => crate::serving_report::rebuilds(&during.rebuild_secs),
            })
        }
        Key::Size {
            before: from_before,
            paragraphs,
            engine,
            metric,
        } => {
            let r = if *from_before { before? } else { report };
            let s = r.sizes.iter().find(|s| s.paragraphs == *paragraphs)?;
            size_value(s, engine, metric)
        }
    }
}

/// The template with every placeholder replaced by its value in `report` (or `before`).
pub(crate) fn render(
    template: &str,
    report: &Report,
    before: Option<&Report>,
) -> Result<String, NoteError> {
    let mut out = String::with_capacity(template.len());
    let mut at = 0;
    for (range, key) in keys(template)? {
        out.push_str(&template[at..range.start]);
        let name = template[range.start + 2..range.end - 2].trim();
        let v = value(&key, report, before).ok_or_else(|| NoteError::NotMeasured(name.into()))?;
        out.push_str(&v);
        at = range.end;
    }
    out.push_str(&template[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::size_table;
    use crate::results::{BuildResult, ClassResult, ServeResult};
    use std::collections::BTreeMap;

    fn report(date: &str, build_secs: f64, search_us: f64) -> Report {
        let classes = CLASSES
            .iter()
            .map(|c| {
                let r = ClassResult {
                    search_us: vec![search_us; 4],
                    handler_us: vec![3.0 * search_us; 4],
                    found: 4,
                    labelled: 4,
                    right_in_top5: 3,
                };
                (c.to_string(), r)
            })
            .collect();
        let size = SizeResult {
            paragraphs: 100_000,
            build: BTreeMap::from([(
                "ours".into(),
                BuildResult {
                    secs: build_secs,
                    ..BuildResult::default()
                },
            )]),
            serve: BTreeMap::from([(
                "ours".into(),
                ServeResult {
                    classes,
                    ..ServeResult::default()
                },
            )]),
            ..SizeResult::default()
        };
        Report {
            date: date.into(),
            sizes: vec![size],
            ..Report::default()
        }
    }

    const TEMPLATE: &str = "Run of {{date}} against {{ before.date }}: the build took \
        {{100k.ours.build}} (before {{before.100k.ours.build}}), search p50 \
        {{100k.ours.search.p50}}, typo p99 {{100k.ours.search.p99.typo}}, handler \
        {{100k.ours.handler.p50}}, recall@5 {{100k.ours.recall5}}.";

    /// The notes quote the figures of the results they are given, as the table prints them.
    #[test]
    fn notes_quote_the_run_they_are_rendered_with() {
        let now = report("2026-12-03 08:00 UTC", 1.5, 250.0);
        let old = report("2026-11-25 01:48 UTC", 3.25, 900.0);
        let text = render(TEMPLATE, &now, Some(&old)).unwrap();
        assert_eq!(
            text,
            "Run of 2026-12-03 08:00 UTC against 2026-11-25 01:48 UTC: the build took 1.50 s \
             (before 3.25 s), search p50 0.250 ms, typo p99 0.250 ms, handler 0.750 ms, \
             recall@5 75 %."
        );
        let table = size_table(&now.sizes[0]);
        assert!(table.contains("| search+snippets p50, all | 0.250 ms |"));
        // Another run, other figures: nothing in the notes is fixed text.
        let other = render(TEMPLATE, &report("x", 2.0, 1_200.0), Some(&old)).unwrap();
        assert!(
            other.contains("took 2.00 s") && other.contains("p50 1.2 ms"),
            "{other}"
        );
    }

    /// The serving placeholders quote the row of their mode and level, as the table does.
    #[test]
    fn serving_placeholders_quote_their_row() {
        use crate::results::{LoadResult, Serving, ServingResult};
        let load = |concurrency, ms: f64, rebuild_secs: Vec<f64>| LoadResult {
            concurrency,
            answered: 100,
            secs: 1.0,
            latency_us: vec![ms * 1e3; 100],
            rebuild_secs,
        };
        let mut now = report("d", 1.0, 1.0);
        now.serving = Some(Serving {
            modes: vec![ServingResult {
                mode: "http".into(),
                steady: vec![load(1, 2.0, vec![]), load(8, 10.0, vec![])],
                rebuilding: vec![load(1, 3.0, vec![4.0; 3]), load(8, 12.5, vec![5.0; 3])],
                failed_requests: 0,
            }],
            ..Serving::default()
        });
        let text = "{{serving.http.8.p99}} → {{serving.http.8.p99_during}} \
                    ({{serving.http.8.ratio}}×, {{serving.http.8.rebuilds}})";
        assert_eq!(
            render(text, &now, None).unwrap(),
            "10.0 ms → 12.5 ms (1.25×, 3 (5.00 s))"
        );
        assert_eq!(
            render("{{serving.gateway.8.p99}}", &now, None),
            Err(NoteError::NotMeasured("serving.gateway.8.p99".into()))
        );
        assert_eq!(
            check("{{serving.http.8.p50}}"),
            Err(NoteError::Unknown("serving.http.8.p50".into()))
        );
    }

    #[test]
    fn unknown_unmeasured_and_unclosed_placeholders_are_errors() {
        let now = report("d", 1.0, 1.0);
        assert_eq!(
            check("{{100k.ours.speed}}"),
            Err(NoteError::Unknown("100k.ours.speed".into()))
        );
        assert_eq!(check("a {{date"), Err(NoteError::Unclosed(2)));
        assert_eq!(
            check("{{1M.fts5.search.p99.acronym}} {{add.total}}"),
            Ok(())
        );
        assert_eq!(
            render("{{1M.ours.build}}", &now, None),
            Err(NoteError::NotMeasured("1M.ours.build".into()))
        );
        assert_eq!(
            render("{{before.date}}", &now, None),
            Err(NoteError::NotMeasured("before.date".into()))
        );
        assert_eq!(
            render("no placeholders", &now, None).unwrap(),
            "no placeholders"
        );
    }
}
