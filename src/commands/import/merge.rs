//! What the export changes in `content/weeks/`: per period and manager, the
//! fields the export knows, old and new; then the files' new text. An
//! existing file is edited in place with `yaml-edit` (a lossless YAML
//! syntax tree: comments, key order, quoting and flow maps stay as they
//! are, only the changed numbers are replaced); a new file is written in
//! the shape `new week` writes.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;
use yaml_edit::{Document, Mapping};

use super::tally::{Figures, Tally};
use super::values::{cents_text, to_cents};
use crate::calendar::{IsoWeek, Period};
use crate::commands::schema;
use crate::content::{self, Content, Doc, Manager, WeekEntry, WeekFile};
use crate::diagnostic::Diagnostic;
use crate::validate;

/// The week-file fields an export can know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    LeadsReceived,
    Meetings,
    Deals,
    Revenue,
}

impl Known {
    pub fn key(self) -> &'static str {
        match self {
            Known::LeadsReceived => "leads_received",
            Known::Meetings => "meetings",
            Known::Deals => "deals",
            Known::Revenue => "revenue",
        }
    }

    /// Its value in the units compared: a count, or cents for revenue.
    fn of(self, f: &Figures) -> u64 {
        match self {
            Known::LeadsReceived => f.leads_received,
            Known::Meetings => f.meetings,
            Known::Deals => f.deals,
            Known::Revenue => f.revenue_cents,
        }
    }

    fn in_entry(self, e: &WeekEntry) -> u64 {
        match self {
            Known::LeadsReceived => e.leads_received.0,
            Known::Meetings => e.meetings.0,
            Known::Deals => e.deals.0,
            Known::Revenue => to_cents(e.revenue.0),
        }
    }

    /// The value as the week file writes it.
    pub fn text(self, value: u64) -> String {
        match self {
            Known::Revenue => cents_text(value),
            _ => value.to_string(),
        }
    }
}

/// One field of one entry: what the file has and what it will have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub field: Known,
    /// `None` for a new entry.
    pub old: Option<u64>,
    pub new: u64,
    /// The export's own figure, when it is lower than the file's in a
    /// period the export covers only in part (the file's is kept).
    pub kept_over: Option<u64>,
}

impl Field {
    pub fn changed(&self) -> bool {
        self.old != Some(self.new)
    }
}

/// One manager's entry in one period file.
#[derive(Clone, Debug)]
pub struct Entry {
    pub manager: String,
    pub new: bool,
    pub fields: Vec<Field>,
}

impl Entry {
    pub fn changed(&self) -> bool {
        self.new || self.fields.iter().any(Field::changed)
    }
}

/// One period file: what changes in it and its new text.
#[derive(Clone, Debug)]
pub struct FilePlan {
    pub period: Period,
    /// `content/weeks/<stem>.yaml`.
    pub path: String,
    pub exists: bool,
    /// The days of the period the export covers, when that is not all of
    /// its working days.
    pub partial: Option<(NaiveDate, NaiveDate)>,
    pub entries: Vec<Entry>,
    /// The file's new text; `None` when nothing in it changes.
    pub text: Option<String>,
}

/// The fields an import writes, `meetings` only when the export has their dates.
pub fn known_fields(meetings: bool) -> Vec<Known> {
    let mut fields = vec![Known::LeadsReceived];
    if meetings {
        fields.push(Known::Meetings);
    }
    fields.extend([Known::Deals, Known::Revenue]);
    fields
}

fn active_in(m: &Manager, p: Period) -> bool {
    p.days().any(|d| m.active_on(d))
}

/// Plans every period file between the export's first and last day.
pub fn plan(
    root: &Path,
    content: &Content,
    tally: &Tally,
    meetings: bool,
) -> Result<Vec<FilePlan>, Vec<Diagnostic>> {
    let Some((first, last)) = tally.span else {
        return Ok(Vec::new());
    };
    let fields = known_fields(meetings);
    let mut by_week: HashMap<IsoWeek, Vec<&Doc<WeekFile>>> = HashMap::new();
    for doc in &content.weeks {
        by_week.entry(doc.data.week.value).or_default().push(doc);
    }
    let mut plans = Vec::new();
    let mut problems = Vec::new();
    let mut week = IsoWeek::of(first);
    while week <= IsoWeek::of(last) {
        for period in content.calendar.periods_of_week(week) {
            if period.last < first || period.first > last {
                continue;
            }
            let path = format!("content/weeks/{}.yaml", period.file_stem());
            let same_week = by_week.get(&week).map_or(&[][..], Vec::as_slice);
            let expected: Vec<String> = content
                .calendar
                .periods_of_week(week)
                .iter()
                .map(|p| format!("content/weeks/{}.yaml", p.file_stem()))
                .collect();
            if let Some(other) = same_week.iter().find(|d| !expected.contains(&d.path)) {
                problems.push(
                    Diagnostic::error(
                        &other.path,
                        format!(
                            "{week} is written as `{}`, but the calendar makes its file{} {}",
                            other.stem(),
                            if content.calendar.is_split(week) { "s" } else { "" },
                            content
                                .calendar
                                .periods_of_week(week)
                                .iter()
                                .map(|p| format!("weeks/{}.yaml", p.file_stem()))
                                .collect::<Vec<_>>()
                                .join(" and ")
                        ),
                    )
                    .hint("split or rename it as `salespulse check` explains, then import again; nothing was written"),
                );
                continue;
            }
            if content.failed.contains(&path) {
                problems.push(
                    Diagnostic::error(&path, "the file has errors; import does not edit it")
                        .hint("fix it (salespulse check shows how), then import again; nothing was written"),
                );
                continue;
            }
            let doc = same_week.iter().find(|d| d.path == path).copied();
            let partial = period
                .days()
                .any(|d| (d < first || d > last) && content.calendar.is_working(d))
                .then(|| (period.first.max(first), period.last.min(last)));
            let mut entries = Vec::new();
            for m in content.team.managers.iter().map(|m| &m.value) {
                if !tally.covered.contains(m.id()) {
                    continue;
                }
                let figures = tally
                    .figures
                    .get(&(period, m.id().to_string()))
                    .copied()
                    .unwrap_or_default();
                let existing = doc.and_then(|d| d.data.managers.get(m.id()));
                if existing.is_none() && !active_in(m, period) && figures == Figures::default() {
                    continue;
                }
                let fields = fields
                    .iter()
                    .map(|&field| {
                        let imported = field.of(&figures);
                        let old = existing.map(|e| field.in_entry(&e.value));
                        match old {
                            Some(old) if partial.is_some() && imported < old => Field {
                                field,
                                old: Some(old),
                                new: old,
                                kept_over: Some(imported),
                            },
                            _ => Field {
                                field,
                                old,
                                new: imported,
                                kept_over: None,
                            },
                        }
                    })
                    .collect();
                entries.push(Entry {
                    manager: m.id().to_string(),
                    new: existing.is_none(),
                    fields,
                });
            }
            if entries.is_empty() {
                continue;
            }
            let mut plan = FilePlan {
                period,
                path,
                exists: doc.is_some(),
                partial,
                entries,
                text: None,
            };
            if plan.entries.iter().any(Entry::changed) {
                let text = match doc {
                    Some(_) => match std::fs::read_to_string(root.join(&plan.path)) {
                        Ok(raw) => edit(&raw, &plan.entries, content),
                        Err(e) => Err(format!("cannot read: {e}")),
                    },
                    None => Ok(new_file(&plan, content)),
                };
                match text {
                    Ok(text) => plan.text = Some(text),
                    Err(message) => {
                        problems.push(Diagnostic::error(&plan.path, message));
                        continue;
                    }
                }
            }
            plans.push(plan);
        }
        week = week.next();
    }
    if problems.is_empty() {
        Ok(plans)
    } else {
        Err(problems)
    }
}

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
fn new_file(plan: &FilePlan, content: &Content) -> String {
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
fn edit(raw: &str, entries: &[Entry], content: &Content) -> Result<String, String> {
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

/// Checks each new text as `check` would (with the site's config and team)
/// and that it holds exactly the planned numbers: a safety net under the
/// editor. Returns the problems; nothing may be written when there are any.
pub fn verify(content: &Content, plans: &[FilePlan]) -> Vec<Diagnostic> {
    let base: Vec<(String, String)> = [content::CONFIG_PATH, content::TEAM_PATH]
        .iter()
        .filter_map(|p| {
            content
                .sources
                .get(p)
                .map(|t| (p.to_string(), t.to_string()))
        })
        .collect();
    let mut problems = Vec::new();
    for plan in plans {
        let Some(text) = &plan.text else { continue };
        let mut files = base.clone();
        files.push((plan.path.clone(), text.clone()));
        let (parsed, mut found) = content::parse_files(files);
        // As of the period's last day: a period written ahead is a warning
        // only, and only errors stop the import.
        found.extend(validate::check(&parsed, plan.period.last));
        found.retain(|d| d.is_error() && d.path == plan.path);
        problems.extend(found);
        let Some(doc) = parsed.weeks.first() else {
            continue;
        };
        if doc.data.period(&parsed.calendar) != Ok(plan.period) {
            problems.push(Diagnostic::error(
                &plan.path,
                format!("internal: the text written is not for {}", plan.period),
            ));
        }
        for entry in &plan.entries {
            let written = doc.data.managers.get(entry.manager.as_str());
            let same = written.is_some_and(|w| {
                entry
                    .fields
                    .iter()
                    .all(|f| f.field.in_entry(&w.value) == f.new)
            });
            if !same {
                problems.push(Diagnostic::error(
                    &plan.path,
                    format!(
                        "internal: the edited file does not hold the imported numbers of `{}`; nothing was written",
                        entry.manager
                    ),
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

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
