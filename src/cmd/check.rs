//! `salespulse check`: every problem, the alerts, one closing line.

use std::path::Path;

use chrono::NaiveDate;

use salespulse::analytics::{self, AlertSeverity, Analytics};
use salespulse::cli::Format;
use salespulse::diagnostic;
use salespulse::domain::Department;
use salespulse::locale::{self, console::AlertCounts, format::Formatter};
use salespulse::site;

use super::leave_to_exit;

/// Prints every problem; true when there is no error.
pub fn run(root: &Path, as_of: NaiveDate, format: Format, color: bool) -> bool {
    let mut checked = site::check(root, as_of);
    match format {
        Format::Json => print!(
            "{}",
            diagnostic::render_json(&checked.diagnostics, checked.locale)
        ),
        Format::Github => print!(
            "{}",
            diagnostic::render_github(&checked.diagnostics, checked.locale)
        ),
        Format::Human => {
            eprint!(
                "{}",
                diagnostic::render_human(
                    &checked.diagnostics,
                    &checked.content.sources,
                    color,
                    checked.locale,
                )
            );
            // The files are printed from; what is left of them is lowered
            // by move for the alerts.
            let computed = (!checked.has_errors()).then(|| {
                let department = Department::from(std::mem::take(&mut checked.content));
                let analytics = analytics::compute(&department, as_of);
                (department, analytics)
            });
            let alerts = computed.as_ref().map_or(&[][..], |(_, a)| &a.alerts[..]);
            if let Some((department, a)) = &computed {
                eprint!("{}", alert_lines(department, a));
            }
            let errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
            let count = |s: AlertSeverity| alerts.iter().filter(|a| a.severity() == s).count();
            let counts = AlertCounts {
                critical: count(AlertSeverity::Critical),
                warning: count(AlertSeverity::Warning),
                info: count(AlertSeverity::Info),
            };
            eprintln!(
                "{}",
                locale::console::checked(
                    checked.locale,
                    errors,
                    checked.diagnostics.len() - errors,
                    counts
                )
            );
            leave_to_exit(computed);
        }
    }
    let ok = !checked.has_errors();
    leave_to_exit(checked);
    ok
}

/// Alerts as `check` prints them, in the site's language.
fn alert_lines(department: &Department, analytics: &Analytics) -> String {
    let fmt = Formatter::for_config(&department.config);
    let name = |id: &str| department.team.name_of(id);
    analytics
        .alerts
        .iter()
        .map(|a| {
            format!(
                "{}[alert {}]: {}\n",
                alert_word(a.severity()),
                a.kind(),
                locale::alert_text(a, &fmt, &name)
            )
        })
        .collect()
}

/// How an alert of each severity is marked in `check`'s output: a critical
/// one must not read as one more warning. (English, like `error` and
/// `warning` before a diagnostic: words a tool or a CI log can match.)
fn alert_word(severity: AlertSeverity) -> &'static str {
    match severity {
        AlertSeverity::Critical => "critical",
        AlertSeverity::Warning => "warning",
        AlertSeverity::Info => "info",
    }
}
