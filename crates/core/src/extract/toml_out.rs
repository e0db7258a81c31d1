//! Extracted facts → the `corpus/facts/extracted/<id>.toml` file (empty keys left out).

use crate::corpus::{Fact, Statement};
use serde::Serialize;
use toml::Value;

#[derive(Serialize, Default)]
struct File {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    meeting: Vec<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    mechanism: Vec<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    initiative: Vec<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    area: Vec<Value>,
}

/// The fact file for one statement's extracted facts, with a header saying how to review them.
pub fn to_toml(statement: &Statement, facts: &[Fact]) -> String {
    let mut file = File::default();
    for fact in facts {
        let mut fact = fact.clone();
        // Computed at load; a fact file must not carry them.
        match &mut fact {
            Fact::Meeting(m) => m.when = None,
            Fact::Initiative(i) => i.period = None,
            _ => {}
        }
        let Ok(mut value) = Value::try_from(&fact) else {
            continue;
        };
        prune(&mut value);
        if let Value::Table(t) = &mut value {
            t.remove("kind");
        }
        match fact {
            Fact::Meeting(_) => file.meeting.push(value),
            Fact::Mechanism(_) => file.mechanism.push(value),
            Fact::Initiative(_) => file.initiative.push(value),
            Fact::Area(_) => file.area.push(value),
        }
    }
    let body = toml::to_string(&file).unwrap_or_default();
    format!(
        "# Facts extracted by `agenda-bot add` from statement {:?} ({}).\n\
         # Not reviewed by a person. To correct one, move it to a file in corpus/facts/ and edit it\n\
         # there: a hand-written fact wins over an extracted one with the same id or name.\n\n{body}",
        statement.id, statement.title
    )
}

/// Drops empty arrays and tables, recursively.
fn prune(value: &mut Value) {
    match value {
        Value::Table(t) => {
            for (_, v) in t.iter_mut() {
                prune(v);
            }
            t.retain(|_, v| match v {
                Value::Array(a) => !a.is_empty(),
                Value::Table(t) => !t.is_empty(),
                _ => true,
            });
        }
        Value::Array(a) => a.iter_mut().for_each(prune),
        _ => {}
    }
}
