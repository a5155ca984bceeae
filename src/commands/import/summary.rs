//! What an import read and what it changed (or, with `--dry-run`, would
//! change), per period and manager, old → new, in the site's language.
//! The keys of the week files (`leads_received`, `deals`…) and their
//! period names stay as the files write them: the head finds them there.

use std::fmt::Write;

use chrono::NaiveDate;

use super::Report;
use super::merge::{Entry, FilePlan};
use super::table::delimiter_name;
use crate::content::Locale;
use crate::locale::import::{self, ImportPhrases};

/// "16.11.2026" or "16.11.2026 – 20.11.2026".
fn days(say: &dyn ImportPhrases, first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        say.date(first)
    } else {
        format!("{} – {}", say.date(first), say.date(last))
    }
}

fn entry_line(entry: &Entry, say: &dyn ImportPhrases) -> Option<String> {
    let mut parts = Vec::new();
    for f in &entry.fields {
        let key = f.field.key();
        match (f.old, f.kept_over) {
            (_, Some(imported)) => {
                parts.push(say.kept(key, &f.field.text(f.new), &f.field.text(imported)))
            }
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
        line.push_str(say.new_entry());
    }
    line.push_str(&parts.join(", "));
    if entry.new {
        line.push_str(say.rest_awaits());
    }
    Some(line)
}

fn period_lines(plan: &FilePlan, say: &dyn ImportPhrases, out: &mut String) {
    let _ = write!(
        out,
        "{} ({}) {}",
        plan.period,
        days(say, plan.period.first, plan.period.last),
        plan.path
    );
    if !plan.exists {
        out.push_str(say.new_file());
    }
    out.push('\n');
    if let Some((first, last)) = plan.partial {
        let _ = writeln!(out, "{}", say.partial(&days(say, first, last)));
    }
    for line in plan.entries.iter().filter_map(|e| entry_line(e, say)) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// The summary in `locale`; `written` is false for a dry run.
pub fn render(report: &Report, written: bool, locale: Locale) -> String {
    let say = import::phrases(locale);
    let mut out = String::new();
    let how = if report.detected {
        say.recognised()
    } else {
        ""
    };
    let delimiter = say.delimiter(delimiter_name(report.delimiter));
    let _ = writeln!(
        out,
        "{}",
        say.read(
            &report.export,
            &report.source.to_string(),
            how,
            report.encoding,
            delimiter
        )
    );
    let mut notes = Vec::new();
    if report.footer_lines > 0 {
        notes.push(say.footer_lines(report.footer_lines));
    }
    if report.repeated_rows > 0 {
        notes.push(say.repeated_rows(report.repeated_rows));
    }
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    };
    let rows = say.rows(report.rows);
    let deals = say.deals(report.deals);
    let _ = writeln!(
        out,
        "{}",
        say.counted(&rows, &notes, &deals, report.counted)
    );
    if let Some((first, last)) = report.span {
        let _ = writeln!(out, "{}", say.dates(&say.date(first), &say.date(last)));
    }
    if !report.meetings {
        out.push_str(say.no_meetings());
    }
    let changing: Vec<&FilePlan> = report
        .plans
        .iter()
        .filter(|p| p.text.is_some() || p.partial.is_some())
        .collect();
    for plan in &changing {
        period_lines(plan, say, &mut out);
    }
    if !report.uncovered.is_empty() {
        let who = report.uncovered.join(", ");
        let _ = writeln!(out, "{}", say.uncovered(&who));
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
    let what = say.what(
        &say.files(files.len()),
        new_files,
        &say.entries(entries.len() - added),
        added,
        &say.periods(unchanged),
    );
    let _ = writeln!(out, "{}", say.done(written, &what));
    out
}
