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
use crate::locale::Forms;

/// The summary's words in one language.
struct Say {
    locale: Locale,
}

impl Say {
    fn ru(&self) -> bool {
        self.locale == Locale::Ru
    }

    fn pick<'a>(&self, ru: &'a str, en: &'a str) -> &'a str {
        if self.ru() { ru } else { en }
    }

    /// "3 строки" / "3 rows".
    fn count(&self, n: usize, ru: Forms, en: Forms) -> String {
        let forms = if self.ru() { ru } else { en };
        forms.count(self.locale, n as u64)
    }

    fn rows(&self, n: usize) -> String {
        self.count(
            n,
            Forms::new("строка", "строки", "строк"),
            Forms::new("row", "rows", "rows"),
        )
    }

    /// A day as the language writes it: `16.11.2026` / `2026-11-16`.
    fn date(&self, d: NaiveDate) -> String {
        if self.ru() {
            d.format("%d.%m.%Y").to_string()
        } else {
            d.to_string()
        }
    }

    fn days(&self, first: NaiveDate, last: NaiveDate) -> String {
        if first == last {
            self.date(first)
        } else {
            format!("{} – {}", self.date(first), self.date(last))
        }
    }

    fn delimiter(&self, delimiter: u8) -> &'static str {
        match (delimiter_name(delimiter), self.ru()) {
            ("tab", true) => "табуляция",
            (name, _) => name,
        }
    }
}

fn entry_line(entry: &Entry, say: &Say) -> Option<String> {
    let mut parts = Vec::new();
    for f in &entry.fields {
        let key = f.field.key();
        match (f.old, f.kept_over) {
            (_, Some(imported)) => parts.push(if say.ru() {
                format!(
                    "{key} {} оставлено (в выгрузке за эти дни {})",
                    f.field.text(f.new),
                    f.field.text(imported)
                )
            } else {
                format!(
                    "{key} {} kept (the export has {} for its days)",
                    f.field.text(f.new),
                    f.field.text(imported)
                )
            }),
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
        line.push_str(say.pick("новая запись: ", "new entry: "));
    }
    line.push_str(&parts.join(", "));
    if entry.new {
        line.push_str(say.pick("; остальное заполнит РОП", "; the rest awaits the head"));
    }
    Some(line)
}

fn period_lines(plan: &FilePlan, say: &Say, out: &mut String) {
    let _ = write!(
        out,
        "{} ({}) {}",
        plan.period,
        say.days(plan.period.first, plan.period.last),
        plan.path
    );
    if !plan.exists {
        out.push_str(say.pick(", новый файл", ", new file"));
    }
    out.push('\n');
    if let Some((first, last)) = plan.partial {
        let days = say.days(first, last);
        let _ = writeln!(
            out,
            "{}",
            if say.ru() {
                format!(
                    "  выгрузка покрывает только {days} из этого периода: её цифры только увеличивают цифры файла, но не уменьшают"
                )
            } else {
                format!(
                    "  the export covers only {days} of this period: its numbers only raise the file's, never lower them"
                )
            }
        );
    }
    for line in plan.entries.iter().filter_map(|e| entry_line(e, say)) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// The summary in `locale`; `written` is false for a dry run.
pub fn render(report: &Report, written: bool, locale: Locale) -> String {
    let say = Say { locale };
    let ru = say.ru();
    let mut out = String::new();
    let how = match (report.detected, ru) {
        (false, _) => "",
        (true, true) => " (узнано по строке заголовков)",
        (true, false) => " (recognised from the header row)",
    };
    let delimiter = say.delimiter(report.delimiter);
    let _ = writeln!(
        out,
        "{}",
        if ru {
            format!(
                "прочитано {}: {}{how}, {}, между ячейками `{delimiter}`",
                report.export, report.source, report.encoding
            )
        } else {
            format!(
                "read {}: {}{how}, {}, `{delimiter}` between cells",
                report.export, report.source, report.encoding
            )
        }
    );
    let mut notes = Vec::new();
    if report.footer_lines > 0 {
        let n = report.footer_lines;
        notes.push(if ru {
            format!("пропущено строк итогов после данных: {n}")
        } else {
            let lines = Forms::new("footer line", "footer lines", "footer lines");
            format!(
                "{} after the data left out",
                lines.count(Locale::En, n as u64)
            )
        });
    }
    if report.repeated_rows > 0 {
        let n = report.repeated_rows;
        notes.push(if ru {
            format!("строк уже прочитанных сделок (строка на товар), учтённых один раз: {n}")
        } else {
            format!(
                "{} of deals already read (one per product) counted once",
                say.rows(n)
            )
        });
    }
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    };
    let rows = say.rows(report.rows);
    let deals = say.count(
        report.deals,
        Forms::new("сделка", "сделки", "сделок"),
        Forms::new("deal", "deals", "deals"),
    );
    let counted = report.counted;
    let _ = writeln!(
        out,
        "{}",
        if ru {
            format!("  {rows}{notes}: {deals}, из них у менеджеров команды — {counted}")
        } else {
            format!("  {rows}{notes}: {deals}, {counted} of them by managers on the team")
        }
    );
    if let Some((first, last)) = report.span {
        let (first, last) = (say.date(first), say.date(last));
        let _ = writeln!(
            out,
            "{}",
            if ru {
                format!("  даты с {first} по {last}")
            } else {
                format!("  dates from {first} to {last}")
            }
        );
    }
    if !report.meetings {
        out.push_str(say.pick(
            "  в выгрузке нет дат встреч: `meetings` остаётся как есть\n",
            "  no meeting dates in the export: `meetings` is left as it is\n",
        ));
    }
    let changing: Vec<&FilePlan> = report
        .plans
        .iter()
        .filter(|p| p.text.is_some() || p.partial.is_some())
        .collect();
    for plan in &changing {
        period_lines(plan, &say, &mut out);
    }
    if !report.uncovered.is_empty() {
        let who = report.uncovered.join(", ");
        let _ = writeln!(
            out,
            "{}",
            if ru {
                format!("в выгрузке нет строк по {who}: их цифры остаются как есть")
            } else {
                format!("no rows in the export for {who}: their numbers are left as they are")
            }
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
    let files_n = say.count(
        files.len(),
        Forms::new("файл", "файла", "файлов"),
        Forms::new("file", "files", "files"),
    );
    let changed = say.count(
        entries.len() - added,
        Forms::new("запись", "записи", "записей"),
        Forms::new("entry", "entries", "entries"),
    );
    let periods = say.count(
        unchanged,
        Forms::new("период", "периода", "периодов"),
        Forms::new("period", "periods", "periods"),
    );
    let what = if ru {
        format!(
            "{files_n} (новых — {new_files}): изменено {changed}, добавлено {added}; без изменений {periods}"
        )
    } else {
        format!(
            "{files_n} ({new_files} new): {changed} changed, {added} added; {periods} unchanged"
        )
    };
    let _ = writeln!(
        out,
        "{}",
        match (written, ru) {
            (true, true) => format!("импорт: записано {what}"),
            (true, false) => format!("import: wrote {what}"),
            (false, true) => format!("пробный запуск: было бы записано {what}; ничего не записано"),
            (false, false) => format!("dry run: would write {what}; nothing was written"),
        }
    );
    out
}
