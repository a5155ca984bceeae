//! `content/standups/YYYY-MM-DD.md`: one daily stand-up.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::value::{Count, Date, Key};

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Standup {
    #[schemars(with = "Date")]
    pub date: Spanned<Date>,
    #[schemars(with = "Option<Count>")]
    pub duration_min: Option<Spanned<Count>>,
    #[serde(default = "yes")]
    #[schemars(with = "bool")]
    pub video: Spanned<bool>,
    /// Managers excused from the stand-up, with the reason.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub absent: BTreeMap<Key, String>,
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Report>")]
    pub reports: BTreeMap<Key, Spanned<Report>>,
    /// Requests closed at this stand-up, by id: `manager-YYYY-MM-DD-help`
    /// (or `-need`), as `salespulse new standup` lists the open ones.
    #[serde(default)]
    #[schemars(with = "Vec<ResolvedSchema>")]
    pub resolved: Vec<Spanned<Resolved>>,
    /// The Markdown after the front matter.
    #[serde(skip)]
    pub body: String,
}

/// A request closed at a stand-up: its id alone (`- anna-ivanova-2026-11-10-help`),
/// or with who resolved it and how (`- { id: …, by: head, note: "…" }`).
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Resolved {
    pub id: String,
    /// `head`, or the id of the manager who helped.
    pub by: Option<String>,
    pub note: String,
}

/// The long form of [`Resolved`], as written.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolvedEntry {
    /// The request's id, as the stand-up page and `new standup` show it.
    pub id: String,
    /// Who resolved it: `head`, or a manager's id.
    #[serde(default)]
    pub by: Option<String>,
    /// How it was resolved.
    #[serde(default)]
    pub note: String,
}

/// What the JSON Schema says an item of `resolved:` is.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum ResolvedSchema {
    Id(String),
    Entry(ResolvedEntry),
}

impl<'de> Deserialize<'de> for Resolved {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ResolvedVisitor)
    }
}

struct ResolvedVisitor;

impl<'de> serde::de::Visitor<'de> for ResolvedVisitor {
    type Value = Resolved;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a request's id, or `{ id: …, by: …, note: … }`")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Resolved, E> {
        Ok(Resolved {
            id: v.to_string(),
            by: None,
            note: String::new(),
        })
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Resolved, A::Error> {
        let entry = ResolvedEntry::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        Ok(Resolved {
            id: entry.id,
            by: entry.by,
            note: entry.note,
        })
    }
}

fn yes() -> Spanned<bool> {
    let nowhere = serde_saphyr::Location::UNKNOWN;
    Spanned::new(true, nowhere, nowhere)
}

/// One manager's answers, in the order of the format: yesterday (done,
/// result, help), today (goal, how, need).
#[derive(Debug, Clone, Default, Hash, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Report {
    pub done: String,
    pub result: String,
    pub help: String,
    pub goal: String,
    pub how: String,
    pub need: String,
}

impl Report {
    /// The required answers that are empty.
    pub fn missing(&self) -> Vec<&'static str> {
        [
            ("done", &self.done),
            ("result", &self.result),
            ("goal", &self.goal),
            ("how", &self.how),
        ]
        .into_iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(k, _)| k)
        .collect()
    }
}
