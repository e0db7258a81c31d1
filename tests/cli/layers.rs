//! The shape of the code, checked on its sources: no module imports another that imports it back
//! (a facade `mod.rs` re-exporting or calling its own children aside), and in the bot the
//! transports (`cli`, `discord`) import only shared modules, never each other, while no shared
//! module imports a transport.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

/// The crate's modules under `root` (`src/`), by path (`["discord", "send"]`), with their text
/// (comments and the unit-test module left out). `main.rs` is another crate and is skipped.
fn modules(root: &Path) -> BTreeMap<Module, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path == root.join("main.rs") {
                continue;
            }
            let rel: PathBuf = path.strip_prefix(root).unwrap().with_extension("");
            let mut module: Module = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            out.insert(module, code_of(&std::fs::read_to_string(&path).unwrap()));
        }
    }
    out
}

/// The text without `//` comments and without its `#[cfg(test)] mod tests`.
fn code_of(text: &str) -> String {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    code.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].ends_with(':') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths `text` names from `crate`, `super` or `self`, resolved against `module` (brace
/// groups expanded one level: `crate::{a, b::c}`).
fn paths_named(module: &Module, text: &str) -> Vec<Module> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for base in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(i) = text[from..].find(base).map(|i| from + i) {
            from = i + base.len();
            if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
                continue;
            }
            let mut prefix: Module = match base {
                "crate::" => Vec::new(),
                "super::" => module[..module.len().saturating_sub(1)].to_vec(),
                _ => module.clone(),
            };
            let rest = &text[from..];
            let path_len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let path = &rest[..path_len];
            let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            while segments.first() == Some(&"super") {
                segments.remove(0);
                prefix.pop();
            }
            prefix.extend(segments.iter().map(|s| s.to_string()));
            if rest[path_len..].starts_with('{') {
                let group = &rest[path_len + 1..];
                let group = &group[..group.find('}').unwrap_or(group.len())];
                for item in group.split(',') {
                    let item = item.split(" as ").next().unwrap_or("").trim();
                    let mut full = prefix.clone();
                    full.extend(
                        item.split("::")
                            .filter(|s| !s.is_empty() && *s != "self")
                            .map(str::to_string),
                    );
                    out.push(full);
                }
            } else {
                out.push(prefix);
            }
        }
    }
    out
}

/// Module → the modules it imports (the longest known prefix of each path it names), without
/// itself and without its own descendants (a facade using its children).
fn imports(modules: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeSet<Module>> {
    modules
        .iter()
        .map(|(module, text)| {
            let targets = paths_named(module, text)
                .into_iter()
                .filter_map(|path| {
                    (1..=path.len())
                        .rev()
                        .map(|n| path[..n].to_vec())
                        .find(|p| modules.contains_key(p))
                })
                .filter(|t| !t.starts_with(module))
                .collect();
            (module.clone(), targets)
        })
        .collect()
}

/// A cycle of imports, if there is one (as module paths, the first repeated at the end).
fn a_cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<String>> {
    fn visit(
        m: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        state: &mut BTreeMap<Module, bool>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<String>> {
        state.insert(m.clone(), false);
        stack.push(m.clone());
        for t in graph.get(m).into_iter().flatten() {
            match state.get(t) {
                Some(false) => {
                    let at = stack.iter().position(|s| s == t).unwrap_or(0);
                    let mut cycle: Vec<String> = stack[at..].iter().map(|p| p.join("::")).collect();
                    cycle.push(t.join("::"));
                    return Some(cycle);
                }
                Some(true) => {}
                None => {
                    if let Some(c) = visit(t, graph, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(m.clone(), true);
        None
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        if !state.contains_key(m) {
            if let Some(c) = visit(m, graph, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

fn root(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    for dir in ["src", "crates/core/src"] {
        let graph = imports(&modules(&root(dir)));
        assert!(graph.len() > 10, "{dir}: {} modules read", graph.len());
        if let Some(cycle) = a_cycle(&graph) {
            panic!("{dir}: an import circle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn transports_import_shared_modules_only() {
    const TRANSPORTS: &[&str] = &["cli", "discord"];
    let graph = imports(&modules(&root("src")));
    for (module, targets) in &graph {
        let own = module.first().map(String::as_str);
        for t in targets {
            let other = t
                .first()
                .map(String::as_str)
                .filter(|t| TRANSPORTS.contains(t));
            if let Some(transport) = other {
                assert_eq!(
                    own,
                    Some(transport),
                    "{} imports the {transport} transport",
                    module.join("::")
                );
            }
        }
    }
}

/// The checker itself: a circle and a transport import it must see.
#[test]
fn the_checker_sees_circles_and_paths() {
    let m = |s: &str| s.split("::").map(str::to_string).collect::<Module>();
    let found = paths_named(
        &m("discord::chat"),
        "use super::{send, data::Data};\nuse crate::config::Config;",
    );
    assert!(found.contains(&m("discord::send")) && found.contains(&m("discord::data::Data")));
    assert!(found.contains(&m("config::Config")));
    let graph: BTreeMap<Module, BTreeSet<Module>> = [
        (m("a"), BTreeSet::from([m("b")])),
        (m("b"), BTreeSet::from([m("c")])),
        (m("c"), BTreeSet::from([m("a")])),
    ]
    .into();
    assert_eq!(a_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    let graph: BTreeMap<Module, BTreeSet<Module>> = [
        (m("a"), BTreeSet::from([m("b")])),
        (m("b"), BTreeSet::new()),
    ]
    .into();
    assert_eq!(a_cycle(&graph), None);
}
