//! A period file's new text. An existing file is edited in place with
//! `yaml-edit` (a lossless YAML syntax tree: comments, key order, quoting
//! and flow maps stay as they are, only the changed numbers are replaced);
//! a new file is written in the shape `new week` writes.

use std::str::FromStr;

use yaml_edit::{Document, Mapping};

use super::merge::{Entry, FilePlan, Known};
use crate::commands::schema;
use crate::content::Content;

/// The comment on a number the head still has to type.
const AWAITS: &str = "# awaits the head: not in the CRM export";

/// A new entry's lines at indentation 0: the export's numbers, the usual
/// placeholders with a comment for the rest.
fn entry_lines(entry: &Entry, content: &Content) -> Vec<String> {
    let value = |field: Known| {
        entry
            .fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| field.text(f.new))
    };
    let line = |key: &str, imported: Option<String>| match imported {
        Some(v) => format!("{key}: {v}"),
        None => format!("{:<28}{AWAITS}", format!("{key}: 0")),
    };
    let mut lines = vec![
        line("leads_received", value(Known::LeadsReceived)),
        line("leads_processed", None),
        line("leads_overnight", None),
        format!("{:<28}{AWAITS}", "# first_response_min:"),
        line("calls", None),
        line("meetings", value(Known::Meetings)),
        line("deals", value(Known::Deals)),
        line("revenue", value(Known::Revenue)),
        format!(
            "{:<28}{AWAITS}",
            "trainings: { call_reviews: 0, case_reviews: 0, trainings: 0, roleplays: 0 }"
        )
        .replace("}#", "}  #"),
    ];
    let custom: Vec<String> = content
        .config
        .custom_metrics
        .iter()
        .map(|m| format!("{}: 0", m.value.key))
        .collect();
    if !custom.is_empty() {
        lines.push(format!("custom: {{ {} }}  {AWAITS}", custom.join(", ")));
    }
    lines
}

/// A period file that does not exist yet.
pub fn new_file(plan: &FilePlan, content: &Content) -> String {
    let mut text = String::new();
    if let Some(line) = schema::modeline(&plan.path) {
        text.push_str(&line);
        text.push('\n');
    }
    text.push_str(&format!("week: {}\n", plan.period.week));
    if plan.period.split {
        text.push_str(&format!("month: {}\n", plan.period.month));
    }
    text.push_str("managers:\n");
    for entry in &plan.entries {
        text.push_str(&format!("  {}:\n", entry.manager));
        for line in entry_lines(entry, content) {
            text.push_str(&format!("    {line}\n"));
        }
    }
    text
}

/// Sets a number as the week file writes it: whole amounts without a fraction.
fn set_number(mapping: &Mapping, field: Known, value: u64) {
    match field {
        Known::Revenue if value % 100 != 0 => mapping.set(field.key(), value as f64 / 100.0),
        Known::Revenue => mapping.set(field.key(), value / 100),
        _ => mapping.set(field.key(), value),
    }
}

/// Edits an existing file's text: changed numbers replaced in place, new
/// entries appended to `managers`; everything else left byte for byte.
pub fn edit(raw: &str, entries: &[Entry], content: &Content) -> Result<String, String> {
    let bom = raw.starts_with('\u{feff}');
    let crlf = raw.contains("\r\n");
    let text = raw.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let cannot = |what: &str| format!("cannot edit the file: {what}; nothing was written");
    let doc = Document::from_str(&text).map_err(|e| cannot(&e.to_string()))?;
    let root = doc
        .as_mapping()
        .ok_or_else(|| cannot("it is not a YAML map"))?;
    let managers = match root.get_mapping("managers") {
        Some(m) if !(m.is_empty() && m.is_flow_style()) => m,
        _ => {
            root.set("managers", Mapping::new());
            root.get_mapping("managers")
                .ok_or_else(|| cannot("`managers` is not a map"))?
        }
    };
    for entry in entries.iter().filter(|e| e.changed()) {
        if entry.new {
            let body = entry_lines(entry, content).join("\n") + "\n";
            let parsed = Document::from_str(&body).map_err(|e| cannot(&e.to_string()))?;
            let mapping = parsed
                .as_mapping()
                .ok_or_else(|| cannot("a new entry did not parse"))?;
            managers.set(entry.manager.as_str(), mapping);
            continue;
        }
        let mapping = managers
            .get_mapping(entry.manager.as_str())
            .ok_or_else(|| cannot(&format!("`{}` is not a map", entry.manager)))?;
        for f in entry.fields.iter().filter(|f| f.changed()) {
            set_number(&mapping, f.field, f.new);
        }
    }
    let mut out = doc.to_string();
    if crlf {
        out = out.replace('\n', "\r\n");
    }
    if bom {
        out.insert(0, '\u{feff}');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::import::merge::Field;
    use crate::content::{self, WeekFile};

    fn content() -> Content {
        content::parse_files(vec![
            ("content/config.yaml".into(), "title: T\n".into()),
            (
                "content/team.yaml".into(),
                "managers:\n  - { id: a, name: A, joined: 2026-01-01 }\n".into(),
            ),
        ])
        .0
    }

    fn entry(new: bool, old: Option<u64>) -> Entry {
        Entry {
            manager: "a".into(),
            new,
            fields: vec![
                Field {
                    field: Known::Deals,
                    old,
                    new: 2,
                    kept_over: None,
                },
                Field {
                    field: Known::Revenue,
                    old: old.map(|o| o * 100),
                    new: 120_000_050,
                    kept_over: None,
                },
            ],
        }
    }

    #[test]
    fn edits_keep_everything_but_the_numbers() {
        let raw = "\u{feff}# typed\r\nweek: 2026-W47\r\nmanagers:\r\n  \"a\": { deals: 1, revenue: 1 }  # flow\r\n";
        let out = edit(raw, &[entry(false, Some(1))], &content()).unwrap();
        assert_eq!(
            out,
            "\u{feff}# typed\r\nweek: 2026-W47\r\nmanagers:\r\n  \"a\": { deals: 2, revenue: 1200000.5 }  # flow\r\n"
        );
    }

    #[test]
    fn a_new_entry_goes_under_managers_however_it_was_left() {
        for raw in [
            "week: 2026-W47\nmanagers:\n",
            "week: 2026-W47\nmanagers: {}\n",
            "week: 2026-W47\n",
        ] {
            let out = edit(raw, &[entry(true, None)], &content()).unwrap();
            assert!(
                out.starts_with("week: 2026-W47\nmanagers:\n  a:\n    leads_received: 0 "),
                "{raw:?} gave\n{out}"
            );
            assert!(
                out.contains("\n    deals: 2\n    revenue: 1200000.5\n"),
                "{out}"
            );
            let parsed: WeekFile = crate::content::yaml::parse("w.yaml", &out, 0).unwrap();
            assert_eq!(parsed.managers["a"].value.deals.0, 2);
        }
    }
}
