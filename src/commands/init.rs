//! `salespulse init DIR`: a new site, ready to edit, check and publish.

use std::fs;
use std::io;
use std::path::Path;

use chrono::NaiveDate;
use include_dir::{Dir, include_dir};

use crate::calendar::workdays::FIVE_DAY_WEEK;
use crate::calendar::{Country, IsoWeek, WorkCalendar};
use crate::commands::schema;
use crate::content::Locale;

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
/// The README for the sales head, one per language.
const README_RU: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/templates/init/README.ru.md"
));
const README_EN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/templates/init/README.en.md"
));
const WORKFLOW: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/templates/init/pages.yml"
));

/// The Pages workflow of a new site in `locale`, pinned to this binary's
/// release (its archive is downloaded and checked against the release's
/// SHA256SUMS).
pub fn workflow(locale: Locale) -> String {
    in_language(WORKFLOW, locale).replace("__VERSION__", env!("CARGO_PKG_VERSION"))
}

/// A template with lines in both languages, marked `#ru| ` and `#en| `
/// after their indentation: the lines of `locale` without the mark, and
/// every unmarked line; `#--| ` lines are the template's own notes.
fn in_language(template: &str, locale: Locale) -> String {
    let keep = match locale {
        Locale::Ru => "#ru| ",
        Locale::En => "#en| ",
    };
    let mut out = String::with_capacity(template.len());
    for line in template.lines() {
        let text = line.trim_start();
        let indent = &line[..line.len() - text.len()];
        match text.get(..5) {
            Some(mark) if mark == keep => {
                out.push_str(indent);
                out.push_str(&text[5..]);
            }
            Some("#ru| " | "#en| " | "#--| ") => continue,
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// The README of a new site in `locale`.
pub fn readme(locale: Locale) -> &'static str {
    match locale {
        Locale::Ru => README_RU,
        Locale::En => README_EN,
    }
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
    let locale = locale_of(&out);
    out.push((".gitignore".into(), GITIGNORE.into()));
    out.push(("README.md".into(), readme(locale).into()));
    out.push((".github/workflows/pages.yml".into(), workflow(locale)));
    out.extend(
        schema::all()
            .into_iter()
            .map(|(name, text)| (format!("schemas/{name}"), text)),
    );
    out.sort();
    out
}

/// The language of the site being made: its config's.
fn locale_of(files: &[(String, String)]) -> Locale {
    files
        .iter()
        .find(|(path, _)| path == "content/config.yaml")
        .and_then(|(_, text)| crate::locale::detect::of_config(text))
        .unwrap_or_default()
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

/// Writes a new site into `dir`, which must not exist or be empty; the
/// site's language and how many files it has.
pub fn create(dir: &Path, empty: bool, today: NaiveDate) -> io::Result<(Locale, usize)> {
    let files = files(empty, today);
    let locale = locale_of(&files);
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        let message =
            crate::locale::scaffold::phrases(locale).not_empty(&dir.display().to_string());
        return Err(io::Error::new(io::ErrorKind::AlreadyExists, message));
    }
    for (relative, text) in &files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, text)?;
    }
    Ok((locale, files.len()))
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

    /// A Russian site gets the head's README and the workflow's comments
    /// in Russian; the workflow's steps are the same in both languages.
    #[test]
    fn a_new_site_speaks_its_language() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let files = files(false, today);
        let get = |name: &str| &files.iter().find(|(p, _)| p == name).unwrap().1;
        assert!(get("README.md").starts_with("# Отчёты отдела продаж"));
        let ru = get(".github/workflows/pages.yml");
        assert!(ru.contains("# Проверяет файлы при каждом push"), "{ru}");
        assert!(!ru.contains("#ru|") && !ru.contains("#en|") && !ru.contains("#--|"));
        assert!(!ru.contains("Checks the content"));
        let en = workflow(Locale::En);
        assert!(en.contains("# Checks the content on every push") && !en.contains("Проверяет"));
        let steps = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|l| !l.trim_start().starts_with('#') && !l.contains("description:"))
                .map(String::from)
                .collect()
        };
        assert_eq!(steps(ru), steps(&en));
        assert_eq!(
            readme(Locale::En).lines().next(),
            Some("# Sales department reports")
        );
    }
}
