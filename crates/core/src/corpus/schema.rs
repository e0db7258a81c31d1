//! One TOML table → a typed value, collecting every schema problem (unknown, missing and mistyped
//! keys) instead of stopping at the first one serde reports.

use serde::de::DeserializeOwned;

/// One problem with one table, located by the key it concerns (`None`: the table as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Problem {
    pub key: Option<String>,
    pub message: String,
}

/// What came of a table: the value when one could be built, and every problem found on the way.
pub(super) struct Checked<T> {
    pub value: Option<T>,
    pub problems: Vec<Problem>,
}

impl<T> Checked<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Checked<U> {
        Checked {
            value: self.value.map(f),
            problems: self.problems,
        }
    }

    /// Whether `key` was missing or mistyped (its value is then a placeholder).
    pub fn is_bad(&self, key: &str) -> bool {
        self.problems.iter().any(|p| p.key.as_deref() == Some(key))
    }
}

/// A required key and the placeholder value that lets checking go on without it.
pub(super) type Required = (&'static str, fn() -> toml::Value);

/// Deserialises `table` as `T`, again and again: each round serde names one problem, which is
/// recorded and taken away (an unknown key removed, a missing or mistyped required key replaced by
/// its placeholder from `required`, a mistyped optional key removed), until the rest deserialises.
pub(super) fn check<T: DeserializeOwned>(
    mut table: toml::Table,
    required: &[Required],
) -> Checked<T> {
    let mut problems = Vec::new();
    // Each round removes or fixes one key, so this many rounds always suffice.
    for _ in 0..table.len() + required.len() + 2 {
        let error = match toml::Value::Table(table.clone()).try_into::<T>() {
            Ok(value) => {
                return Checked {
                    value: Some(value),
                    problems,
                }
            }
            Err(e) => e.to_string(),
        };
        let (message, path) = split_path(&error);
        let placeholder = |key: &str| required.iter().find(|(k, _)| *k == key).map(|(_, v)| v());
        if let Some(key) = quoted_after(message, "unknown field `") {
            problems.push(Problem {
                key: Some(key.to_string()),
                message: message.to_string(),
            });
            table.remove(key);
        } else if let Some(key) = quoted_after(message, "missing field `") {
            problems.push(Problem {
                key: Some(key.to_string()),
                message: format!("missing field `{key}`"),
            });
            match placeholder(key) {
                Some(v) => table.insert(key.to_string(), v),
                None => break,
            };
        } else if let Some(key) = path.filter(|k| table.contains_key(*k)) {
            problems.push(Problem {
                key: Some(key.to_string()),
                message: format!("`{key}`: {message}"),
            });
            match placeholder(key) {
                Some(v) => table.insert(key.to_string(), v),
                None => table.remove(key),
            };
        } else {
            problems.push(Problem {
                key: None,
                message: message.to_string(),
            });
            break;
        }
    }
    Checked {
        value: None,
        problems,
    }
}

/// `"invalid type: …\nin `aliases`\n"` → (`"invalid type: …"`, the top-level key `aliases`).
fn split_path(error: &str) -> (&str, Option<&str>) {
    let error = error.trim();
    match error.rsplit_once("\nin `") {
        Some((message, rest)) => {
            let path = rest.trim_end_matches('`');
            let key = path.split(['.', '[']).next().filter(|k| !k.is_empty());
            (message.trim(), key)
        }
        None => (error, None),
    }
}

fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = &message[message.find(prefix)? + prefix.len()..];
    rest.split('`').next()
}

/// Placeholders for the required keys facts and statements share.
pub(super) fn empty_string() -> toml::Value {
    toml::Value::String(String::new())
}

pub(super) fn empty_array() -> toml::Value {
    toml::Value::Array(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Thing {
        id: String,
        name: String,
        number: Option<u32>,
        #[serde(default)]
        aliases: Vec<String>,
    }

    #[test]
    fn every_problem_of_a_table_is_reported() {
        let table: toml::Table =
            toml::from_str("id = \"a\"\ndte = 1\nnumber = \"x\"\naliases = [1]\nplace = \"y\"")
                .unwrap();
        let checked: Checked<Thing> = check(table, &[("id", empty_string), ("name", empty_string)]);
        let mut shown: Vec<(Option<String>, String)> = checked
            .problems
            .iter()
            .map(|p| (p.key.clone(), p.message.clone()))
            .collect();
        shown.sort();
        let keys: Vec<&str> = shown.iter().filter_map(|(k, _)| k.as_deref()).collect();
        assert_eq!(
            keys,
            ["aliases", "dte", "name", "number", "place"],
            "{shown:?}"
        );
        assert!(shown.iter().any(|(_, m)| m == "missing field `name`"));
        assert!(shown
            .iter()
            .any(|(_, m)| m.starts_with("`number`: invalid type")));
        assert!(
            checked.value.is_some(),
            "placeholders let the rest deserialise"
        );
        assert!(checked.is_bad("name") && !checked.is_bad("id"));
    }

    #[test]
    fn a_missing_key_without_placeholder_stops_with_what_was_found() {
        let table: toml::Table = toml::from_str("name = \"n\"\nextra = 1").unwrap();
        let checked: Checked<Thing> = check(table, &[]);
        assert!(checked.value.is_none());
        assert_eq!(checked.problems.len(), 2, "{:?}", checked.problems);
    }
}
