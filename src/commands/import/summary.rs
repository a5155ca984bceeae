//! What an import read and what it changed (or, with `--dry-run`, would
//! change), per period and manager, old → new. One function renders it, so
//! the summary can be localised in one place.

use std::fmt::Write;

use chrono::NaiveDate;

use super::Report;
use super::merge::{Entry, FilePlan};
use super::table::delimiter_name;

fn days(first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first} – {last}")
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn entry_line(entry: &Entry) -> Option<String> {
    let mut parts = Vec::new();
    for f in &entry.fields {
        let key = f.field.key();
        match (f.old, f.kept_over) {
            (_, Some(imported)) => parts.push(format!(
                "{key} {} kept (the export has {} for its days)",
                f.field.text(f.new),
                f.field.text(imported)
            )),
            (None, None) => parts.push(format!("{key} {}", f.field.text(f.new))),
            (Some(old), None) if old != f.new => parts.push(format!(
                "{key} {} → {}",
                f.field.text(old),
                f.field.text(f.new)
            )),
            _ => {}
        }
    }
    if parts.is_empty() {
        return None;
    }
    let mut line = format!("  {:<20} ", entry.manager);
    if entry.new {
        line.push_str("new entry: ");
    }
    line.push_str(&parts.join(", "));
    if entry.new {
        line.push_str("; the rest awaits the head");
    }
    Some(line)
}

fn period_lines(plan: &FilePlan, out: &mut String) {
    let _ = write!(
        out,
        "{} ({}) {}",
        plan.period,
        days(plan.period.first, plan.period.last),
        plan.path
    );
    if !plan.exists {
        out.push_str(", new file");
    }
    out.push('\n');
    if let Some((first, last)) = plan.partial {
        let _ = writeln!(
            out,
            "  the export covers only {} of this period: its numbers only raise the file's, never lower them",
            days(first, last)
        );
    }
    for line in plan.entries.iter().filter_map(entry_line) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// The summary; `written` is false for a dry run.
pub fn render(report: &Report, written: bool) -> String {
    let mut out = String::new();
    let how = if report.detected {
        " (recognised from the header row)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "read {}: {}{how}, {}, `{}` between cells",
        report.export,
        report.source,
        report.encoding,
        delimiter_name(report.delimiter)
    );
    let mut notes = Vec::new();
    if report.footer_lines > 0 {
        notes.push(format!(
            "{} after the data left out",
            plural(report.footer_lines, "footer line")
        ));
    }
    if report.repeated_rows > 0 {
        notes.push(format!(
            "{} of deals already read (one per product) counted once",
            plural(report.repeated_rows, "row")
        ));
    }
    let _ = writeln!(
        out,
        "  {}{}: {}, {} of them by managers on the team",
        plural(report.rows, "row"),
        if notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", notes.join("; "))
        },
        plural(report.deals, "deal"),
        report.counted
    );
    if let Some((first, last)) = report.span {
        let _ = writeln!(out, "  dates from {first} to {last}");
    }
    if !report.meetings {
        out.push_str("  no meeting dates in the export: `meetings` is left as it is\n");
    }
    let changing: Vec<&FilePlan> = report
        .plans
        .iter()
        .filter(|p| p.text.is_some() || p.partial.is_some())
        .collect();
    for plan in &changing {
        period_lines(plan, &mut out);
    }
    if !report.uncovered.is_empty() {
        let _ = writeln!(
            out,
            "no rows in the export for {}: their numbers are left as they are",
            report.uncovered.join(", ")
        );
    }
    let files: Vec<&FilePlan> = report.plans.iter().filter(|p| p.text.is_some()).collect();
    let new_files = files.iter().filter(|p| !p.exists).count();
    let entries: Vec<&Entry> = files
        .iter()
        .flat_map(|p| p.entries.iter())
        .filter(|e| e.changed())
        .collect();
    let added = entries.iter().filter(|e| e.new).count();
    let unchanged = report.plans.len() - files.len();
    let what = format!(
        "{} ({} new): {} changed, {} added; {} unchanged",
        plural(files.len(), "file"),
        new_files,
        plural(entries.len() - added, "entry"),
        added,
        plural(unchanged, "period"),
    )
    .replace("entrys", "entries");
    if written {
        let _ = writeln!(out, "import: wrote {what}");
    } else {
        let _ = writeln!(out, "dry run: would write {what}; nothing was written");
    }
    out
}
