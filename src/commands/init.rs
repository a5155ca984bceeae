//! `salespulse init DIR`: a new site, ready to edit, check and publish.

use std::fs;
use std::io;
use std::path::Path;

use chrono::NaiveDate;
use include_dir::{Dir, include_dir};

use crate::calendar::workdays::FIVE_DAY_WEEK;
use crate::calendar::{Country, IsoWeek, WorkCalendar};
use crate::commands::schema;

/// The folders of content/ an empty site starts without a file of their own.
const EMPTY_FOLDERS: [&str; 6] = [
    "standups",
    "idp",
    "assessments",
    "months",
    "one-on-ones",
    "pages",
];

/// The demo department, compiled into the binary.
static DEMO: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// The built site, the previous one kept to be rewritten by the next build,
/// and the staging folders a killed build leaves. No trailing slash: a
/// pattern with one does not match a link, and a committed link where
/// these folders go is refused by `build`.
const GITIGNORE: &str = "output\n.output.spare\n.output.new-*\n.output.old-*\n";
const README: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/templates/init/README.md"
));
const WORKFLOW: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/templates/init/pages.yml"
));

/// The Pages workflow of a new site, pinned to this binary's release (its
/// archive is downloaded and checked against the release's SHA256SUMS).
pub fn workflow() -> String {
    WORKFLOW.replace("__VERSION__", env!("CARGO_PKG_VERSION"))
}

/// Puts the modeline first in a YAML file, or first inside a Markdown file's front matter.
fn with_modeline(relative: &str, text: &str) -> String {
    match schema::modeline(relative) {
        Some(line) if relative.ends_with(".md") => match text.strip_prefix("---\n") {
            Some(rest) => format!("---\n{line}\n{rest}"),
            None => text.to_string(),
        },
        Some(line) => format!("{line}\n{text}"),
        None => text.to_string(),
    }
}

/// The files of a new site: the demo department, or (`empty`) one manager and one week.
pub fn files(empty: bool, today: NaiveDate) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    if empty {
        let calendar = WorkCalendar::new(Country::Ru, &FIVE_DAY_WEEK, [], []);
        // The period of today's week that holds today: its numbers are
        // today's to write, not a period written ahead.
        let period = calendar
            .periods_of_week(IsoWeek::of(today))
            .into_iter()
            .find(|p| p.contains(today))
            .expect("a week's periods cover its days");
        let month = period.month;
        files.push((
            "content/config.yaml".into(),
            "title: \"Отдел продаж\"\nlocale: ru\ncurrency: RUB\nbase_url: \"/\"\n\
             calendar:                  # рабочие дни: производственный календарь РФ, пятидневка\n  \
             country: ru\n  workdays: [mon, tue, wed, thu, fri]\n\
             competencies:              # строки оценки компетенций (salespulse new assessment)\n  \
             - { key: product, label: \"Знание продукта\" }\n  \
             - { key: needs, label: \"Выявление потребностей\" }\n  \
             - { key: objections, label: \"Работа с возражениями\" }\n  \
             - { key: closing, label: \"Закрытие сделки\" }\n  \
             - { key: crm, label: \"Дисциплина в CRM\" }\n"
                .into(),
        ));
        // Every folder of content/, so the head sees where each kind goes;
        // git keeps a folder only with a file in it (hidden files are not content).
        for folder in EMPTY_FOLDERS {
            files.push((format!("content/{folder}/.gitkeep"), String::new()));
        }
        files.push((
            "content/team.yaml".into(),
            format!(
                "managers:\n  - {{ id: manager-one, name: \"Менеджер Первый\", joined: {} }}\n",
                month.first_day()
            ),
        ));
        files.push((
            format!("content/targets/{month}.yaml"),
            format!("month: {month}\nmanagers:\n  manager-one: {{ revenue: 500000, deals: 10 }}\n"),
        ));
        let month_line = if period.split {
            format!("month: {month}\n")
        } else {
            String::new()
        };
        files.push((
            format!("content/weeks/{}.yaml", period.file_stem()),
            format!(
                "week: {}\n{month_line}managers:\n  manager-one:\n    leads_received: 0\n    leads_processed: 0\n    leads_overnight: 0\n    \
                 calls: 0\n    meetings: 0\n    deals: 0\n    revenue: 0\n",
                period.week
            ),
        ));
    } else {
        collect(&DEMO, &mut files);
    }
    let mut out: Vec<(String, String)> = files
        .into_iter()
        .map(|(path, text)| (path.clone(), with_modeline(&path, &text)))
        .collect();
    out.push((".gitignore".into(), GITIGNORE.into()));
    out.push(("README.md".into(), README.into()));
    out.push((".github/workflows/pages.yml".into(), workflow()));
    out.extend(
        schema::all()
            .into_iter()
            .map(|(name, text)| (format!("schemas/{name}"), text)),
    );
    out.sort();
    out
}

fn collect(dir: &Dir, out: &mut Vec<(String, String)>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            out.push((
                format!("content/{}", file.path().to_string_lossy()),
                text.to_string(),
            ));
        }
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

/// Writes a new site into `dir`, which must not exist or be empty.
pub fn create(dir: &Path, empty: bool, today: NaiveDate) -> io::Result<usize> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} is not empty; init writes only into a new or empty folder",
                dir.display()
            ),
        ));
    }
    let files = files(empty, today);
    for (relative, text) in &files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, text)?;
    }
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gitignore_covers_the_output_its_spare_and_leftovers_even_as_links() {
        let lines: Vec<&str> = GITIGNORE.lines().collect();
        assert_eq!(
            lines,
            ["output", ".output.spare", ".output.new-*", ".output.old-*"]
        );
        // A pattern ending in `/` matches folders only, never a link.
        assert!(lines.iter().all(|l| !l.ends_with('/')));
    }
}
