//! JSON Schemas of the content files, generated from the Rust types that
//! read them (so they cannot drift), for editor completion and CI checks.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::calendar::{IsoWeek, YearMonth};
use crate::content::value::{Amount, Count, Date};
use crate::content::{
    Assessment, Checklist, Config, Idp, MonthNote, OneOnOne, Page, Standup, Targets, Team, WeekFile,
};

impl JsonSchema for Count {
    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "minimum": 0, "description": "A whole number ≥ 0" })
    }
}

impl JsonSchema for Amount {
    fn schema_name() -> Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "number", "minimum": 0, "description": "A number ≥ 0 (digits only)" })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" })
    }
}

impl JsonSchema for IsoWeek {
    fn schema_name() -> Cow<'static, str> {
        "IsoWeek".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^\\d{4}-W\\d{2}$", "description": "An ISO week, e.g. 2026-W47" })
    }
}

impl JsonSchema for YearMonth {
    fn schema_name() -> Cow<'static, str> {
        "YearMonth".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^\\d{4}-(0[1-9]|1[0-2])$", "description": "A month, e.g. 2026-11" })
    }
}

/// One schema file per content kind: (file name, JSON text).
pub fn all() -> Vec<(&'static str, String)> {
    fn one<T: JsonSchema>(name: &'static str) -> (&'static str, String) {
        let schema = schemars::schema_for!(T);
        (
            name,
            serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n",
        )
    }
    vec![
        one::<Config>("config.json"),
        one::<Team>("team.json"),
        one::<Targets>("targets.json"),
        one::<WeekFile>("week.json"),
        one::<Standup>("standup.json"),
        one::<Idp>("idp.json"),
        one::<Assessment>("assessment.json"),
        one::<MonthNote>("month.json"),
        one::<Page>("page.json"),
        one::<OneOnOne>("one-on-one.json"),
        one::<Checklist>("checklist.json"),
    ]
}

/// The schema file of a content path (`content/weeks/…` → `week.json`), for modelines.
pub fn for_path(relative: &str) -> Option<&'static str> {
    let inside = relative.trim_start_matches("content/");
    let (dir, name) = inside.rsplit_once('/').unwrap_or(("", inside));
    Some(match (dir, name) {
        ("", "config.yaml") => "config.json",
        ("", "team.yaml") => "team.json",
        ("", "checklist.yaml") => "checklist.json",
        ("targets", _) => "targets.json",
        ("weeks", _) => "week.json",
        ("standups", _) => "standup.json",
        ("idp", _) => "idp.json",
        ("assessments", _) => "assessment.json",
        ("months", _) => "month.json",
        ("pages", _) => "page.json",
        ("one-on-ones", _) => "one-on-one.json",
        _ => return None,
    })
}

/// `# yaml-language-server: $schema=…` pointing from a content file to `schemas/`.
pub fn modeline(relative: &str) -> Option<String> {
    let schema = for_path(relative)?;
    let depth = relative.matches('/').count();
    Some(format!(
        "# yaml-language-server: $schema={}schemas/{schema}",
        "../".repeat(depth)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_forbid_unknown_keys_and_know_the_fields() {
        let all = all();
        assert_eq!(all.len(), 11);
        let week = &all.iter().find(|(n, _)| *n == "week.json").unwrap().1;
        let json: serde_json::Value = serde_json::from_str(week).unwrap();
        assert_eq!(json["additionalProperties"], false);
        let entry = &json["$defs"]["WeekEntry"];
        assert_eq!(entry["additionalProperties"], false);
        assert_eq!(entry["properties"]["deals"]["$ref"], "#/$defs/Count");
        assert!(
            entry["required"]
                .as_array()
                .unwrap()
                .contains(&"revenue".into())
        );
        let standup = &all.iter().find(|(n, _)| *n == "standup.json").unwrap().1;
        assert!(
            !standup.contains("\"body\""),
            "the Markdown body is not front matter"
        );
    }

    #[test]
    fn modelines_point_back_to_the_site_root() {
        assert_eq!(
            modeline("content/weeks/2026-W47.yaml").unwrap(),
            "# yaml-language-server: $schema=../../schemas/week.json"
        );
        assert_eq!(
            modeline("content/team.yaml").unwrap(),
            "# yaml-language-server: $schema=../schemas/team.json"
        );
        assert_eq!(modeline("content/other/x.txt"), None);
    }
}
