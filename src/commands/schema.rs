//! JSON Schemas of the content files, generated from the Rust types that
//! read them (so they cannot drift), for editor completion and CI checks.

use std::borrow::Cow;
use std::fs;
use std::path::Path;

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

/// Writes every schema into `out`. A file already there is replaced only
/// if it is one of these schemas (the same `$schema` and `title`, from this
/// or an earlier version); anything else — a file of the user's, a link, a
/// folder — is refused before anything is written. Returns how many were written.
pub fn write_all(out: &Path) -> Result<usize, String> {
    let all = all();
    match fs::symlink_metadata(out) {
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(format!(
                "`{}` is a symbolic link; salespulse never writes through a link: remove it, or give the real folder with --out; nothing was written",
                out.display()
            ));
        }
        Ok(meta) if !meta.is_dir() => {
            return Err(format!(
                "`{}` is a file, not a folder; nothing was written",
                out.display()
            ));
        }
        _ => {}
    }
    let foreign: Vec<String> = all
        .iter()
        .map(|(name, text)| (out.join(name), text))
        .filter(|(path, text)| !replaceable(path, text))
        .map(|(path, _)| format!("`{}`", path.display()))
        .collect();
    if !foreign.is_empty() {
        return Err(format!(
            "{} {} not written by `salespulse schema`; refusing to overwrite {}: move {} away, or choose another folder with --out; nothing was written",
            foreign.join(", "),
            if foreign.len() == 1 { "was" } else { "were" },
            if foreign.len() == 1 { "it" } else { "them" },
            if foreign.len() == 1 { "it" } else { "them" },
        ));
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for (name, text) in &all {
        let path = out.join(name);
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(all.len())
}

/// Whether `path` may be written with the schema `ours`: nothing is there,
/// or a regular file that is a schema of the same kind.
fn replaceable(path: &Path, ours: &str) -> bool {
    let meta = match fs::symlink_metadata(path) {
        Err(err) => return err.kind() == std::io::ErrorKind::NotFound,
        Ok(meta) => meta,
    };
    // Schemas are a few kilobytes; a big file is not one.
    if !meta.file_type().is_file() || meta.len() > 1024 * 1024 {
        return false;
    }
    let Ok(text) = fs::read_to_string(path) else {
        return false;
    };
    let stamp = |text: &str| -> Option<(String, String)> {
        let json: serde_json::Value = serde_json::from_str(text).ok()?;
        Some((
            json.get("$schema")?.as_str()?.to_string(),
            json.get("title")?.as_str()?.to_string(),
        ))
    };
    text == ours || (stamp(&text).is_some() && stamp(&text) == stamp(ours))
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
