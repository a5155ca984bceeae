//! What `import` says it read and changed, in Russian and English: one
//! method per sentence, one impl per locale, no defaults — a sentence
//! missing in either language does not compile. The keys of the week files
//! (`leads_received`, `deals`…) stay as the files write them: the head
//! finds them there. (The import's diagnostics are worded elsewhere.)

use chrono::NaiveDate;

use super::Forms;
use crate::content::Locale;

/// The import summary's wording in one language.
pub trait ImportPhrases: Sync {
    /// A day as the summary writes it: `16.11.2026` / `2026-11-16`.
    fn date(&self, day: NaiveDate) -> String;
    /// The delimiter between cells, by its name (`;`, `tab`…).
    fn delimiter(&self, name: &'static str) -> &'static str;
    /// " (узнано по строке заголовков)": the export's kind was recognised.
    fn recognised(&self) -> &'static str;
    /// "прочитано export.csv: amoCRM (…), UTF-8, между ячейками `;`".
    fn read(
        &self,
        export: &str,
        source: &str,
        how: &str,
        encoding: &str,
        delimiter: &str,
    ) -> String;
    /// "пропущено строк итогов после данных: 2".
    fn footer_lines(&self, n: usize) -> String;
    /// Rows repeating a deal already read (a row per product).
    fn repeated_rows(&self, n: usize) -> String;
    /// "3 строки".
    fn rows(&self, n: usize) -> String;
    /// "3 сделки" (the export's deals, by the built-in word: the summary
    /// speaks of the CRM's rows, not of the site's pages).
    fn deals(&self, n: usize) -> String;
    /// "  3 строки: 3 сделки, из них у менеджеров команды — 2".
    fn counted(&self, rows: &str, notes: &str, deals: &str, counted: usize) -> String;
    /// "  даты с 16.11.2026 по 20.11.2026".
    fn dates(&self, first: &str, last: &str) -> String;
    /// The export has no meeting dates (a whole line).
    fn no_meetings(&self) -> &'static str;
    /// ", новый файл", after a period's path.
    fn new_file(&self) -> &'static str;
    /// The export covers only part of a period.
    fn partial(&self, days: &str) -> String;
    /// "deals 3 оставлено (в выгрузке за эти дни 2)".
    fn kept(&self, key: &str, kept: &str, imported: &str) -> String;
    /// "новая запись: ", before a new manager's figures.
    fn new_entry(&self) -> &'static str;
    /// "; остальное заполнит РОП", after them.
    fn rest_awaits(&self) -> &'static str;
    /// "в выгрузке нет строк по anna: их цифры остаются как есть".
    fn uncovered(&self, who: &str) -> String;
    /// "2 файла".
    fn files(&self, n: usize) -> String;
    /// "3 записи": a manager's figures in a period's file.
    fn entries(&self, n: usize) -> String;
    /// "1 период": a week file, or its part in one month.
    fn periods(&self, n: usize) -> String;
    /// "2 файла (новых — 1): изменено 3 записи, добавлено 1; без изменений 1 период".
    fn what(
        &self,
        files: &str,
        new_files: usize,
        changed: &str,
        added: usize,
        periods: &str,
    ) -> String;
    /// The last line: what was written, or for a dry run would be.
    fn done(&self, written: bool, what: &str) -> String;
}

/// The import summary's wording in `locale`.
pub fn phrases(locale: Locale) -> &'static dyn ImportPhrases {
    match locale {
        Locale::Ru => &Ru,
        Locale::En => &En,
    }
}

/// Russian.
pub struct Ru;
/// English.
pub struct En;

fn count(locale: Locale, n: usize, forms: Forms) -> String {
    forms.count(locale, n as u64)
}

impl ImportPhrases for Ru {
    fn date(&self, day: NaiveDate) -> String {
        day.format("%d.%m.%Y").to_string()
    }
    fn delimiter(&self, name: &'static str) -> &'static str {
        match name {
            "tab" => "табуляция",
            other => other,
        }
    }
    fn recognised(&self) -> &'static str {
        " (узнано по строке заголовков)"
    }
    fn read(
        &self,
        export: &str,
        source: &str,
        how: &str,
        encoding: &str,
        delimiter: &str,
    ) -> String {
        format!("прочитано {export}: {source}{how}, {encoding}, между ячейками `{delimiter}`")
    }
    fn footer_lines(&self, n: usize) -> String {
        format!("пропущено строк итогов после данных: {n}")
    }
    fn repeated_rows(&self, n: usize) -> String {
        format!("строк уже прочитанных сделок (строка на товар), учтённых один раз: {n}")
    }
    fn rows(&self, n: usize) -> String {
        count(Locale::Ru, n, Forms::new("строка", "строки", "строк"))
    }
    fn deals(&self, n: usize) -> String {
        count(Locale::Ru, n, Forms::new("сделка", "сделки", "сделок"))
    }
    fn counted(&self, rows: &str, notes: &str, deals: &str, counted: usize) -> String {
        format!("  {rows}{notes}: {deals}, из них у менеджеров команды — {counted}")
    }
    fn dates(&self, first: &str, last: &str) -> String {
        format!("  даты с {first} по {last}")
    }
    fn no_meetings(&self) -> &'static str {
        "  в выгрузке нет дат встреч: `meetings` остаётся как есть\n"
    }
    fn new_file(&self) -> &'static str {
        ", новый файл"
    }
    fn partial(&self, days: &str) -> String {
        format!(
            "  выгрузка покрывает только {days} из этого периода: \
             её цифры только увеличивают цифры файла, но не уменьшают"
        )
    }
    fn kept(&self, key: &str, kept: &str, imported: &str) -> String {
        format!("{key} {kept} оставлено (в выгрузке за эти дни {imported})")
    }
    fn new_entry(&self) -> &'static str {
        "новая запись: "
    }
    fn rest_awaits(&self) -> &'static str {
        "; остальное заполнит РОП"
    }
    fn uncovered(&self, who: &str) -> String {
        format!("в выгрузке нет строк по {who}: их цифры остаются как есть")
    }
    fn files(&self, n: usize) -> String {
        count(Locale::Ru, n, Forms::new("файл", "файла", "файлов"))
    }
    fn entries(&self, n: usize) -> String {
        count(Locale::Ru, n, Forms::new("запись", "записи", "записей"))
    }
    fn periods(&self, n: usize) -> String {
        count(Locale::Ru, n, Forms::new("период", "периода", "периодов"))
    }
    fn what(
        &self,
        files: &str,
        new_files: usize,
        changed: &str,
        added: usize,
        periods: &str,
    ) -> String {
        format!(
            "{files} (новых — {new_files}): изменено {changed}, добавлено {added}; \
             без изменений {periods}"
        )
    }
    fn done(&self, written: bool, what: &str) -> String {
        if written {
            format!("импорт: записано {what}")
        } else {
            format!("пробный запуск: было бы записано {what}; ничего не записано")
        }
    }
}

impl ImportPhrases for En {
    fn date(&self, day: NaiveDate) -> String {
        day.to_string()
    }
    fn delimiter(&self, name: &'static str) -> &'static str {
        name
    }
    fn recognised(&self) -> &'static str {
        " (recognised from the header row)"
    }
    fn read(
        &self,
        export: &str,
        source: &str,
        how: &str,
        encoding: &str,
        delimiter: &str,
    ) -> String {
        format!("read {export}: {source}{how}, {encoding}, `{delimiter}` between cells")
    }
    fn footer_lines(&self, n: usize) -> String {
        let lines = Forms::new("footer line", "footer lines", "footer lines");
        format!("{} after the data left out", count(Locale::En, n, lines))
    }
    fn repeated_rows(&self, n: usize) -> String {
        format!(
            "{} of deals already read (one per product) counted once",
            self.rows(n)
        )
    }
    fn rows(&self, n: usize) -> String {
        count(Locale::En, n, Forms::new("row", "rows", "rows"))
    }
    fn deals(&self, n: usize) -> String {
        count(Locale::En, n, Forms::new("deal", "deals", "deals"))
    }
    fn counted(&self, rows: &str, notes: &str, deals: &str, counted: usize) -> String {
        format!("  {rows}{notes}: {deals}, {counted} of them by managers on the team")
    }
    fn dates(&self, first: &str, last: &str) -> String {
        format!("  dates from {first} to {last}")
    }
    fn no_meetings(&self) -> &'static str {
        "  no meeting dates in the export: `meetings` is left as it is\n"
    }
    fn new_file(&self) -> &'static str {
        ", new file"
    }
    fn partial(&self, days: &str) -> String {
        format!(
            "  the export covers only {days} of this period: \
             its numbers only raise the file's, never lower them"
        )
    }
    fn kept(&self, key: &str, kept: &str, imported: &str) -> String {
        format!("{key} {kept} kept (the export has {imported} for its days)")
    }
    fn new_entry(&self) -> &'static str {
        "new entry: "
    }
    fn rest_awaits(&self) -> &'static str {
        "; the rest awaits the head"
    }
    fn uncovered(&self, who: &str) -> String {
        format!("no rows in the export for {who}: their numbers are left as they are")
    }
    fn files(&self, n: usize) -> String {
        count(Locale::En, n, Forms::new("file", "files", "files"))
    }
    fn entries(&self, n: usize) -> String {
        count(Locale::En, n, Forms::new("entry", "entries", "entries"))
    }
    fn periods(&self, n: usize) -> String {
        count(Locale::En, n, Forms::new("period", "periods", "periods"))
    }
    fn what(
        &self,
        files: &str,
        new_files: usize,
        changed: &str,
        added: usize,
        periods: &str,
    ) -> String {
        format!("{files} ({new_files} new): {changed} changed, {added} added; {periods} unchanged")
    }
    fn done(&self, written: bool, what: &str) -> String {
        if written {
            format!("import: wrote {what}")
        } else {
            format!("dry run: would write {what}; nothing was written")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every phrase of a locale, made with sample figures. A new method
    /// belongs here too.
    fn samples(p: &dyn ImportPhrases) -> Vec<String> {
        let d = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
        let mut out = vec![
            p.date(d),
            p.delimiter("tab").into(),
            p.recognised().into(),
            p.read("выгрузка", "Битрикс24", "", "UTF-8", ";"),
            p.footer_lines(2),
            p.repeated_rows(3),
            p.counted("3", "", "3", 2),
            p.dates("16.11.2026", "20.11.2026"),
            p.no_meetings().into(),
            p.new_file().into(),
            p.partial("16.11.2026"),
            p.kept("deals", "3", "2"),
            p.new_entry().into(),
            p.rest_awaits().into(),
            p.uncovered("Анна"),
            p.what("2", 1, "3", 1, "1"),
            p.done(true, "2"),
            p.done(false, "2"),
        ];
        for n in [0, 1, 2, 5, 21] {
            out.extend([
                p.rows(n),
                p.deals(n),
                p.files(n),
                p.entries(n),
                p.periods(n),
            ]);
        }
        out
    }

    /// The Russian names the week files' keys and formats as they are written.
    #[test]
    fn every_phrase_in_both_languages() {
        super::super::tests::every_method_sampled(include_str!("import.rs"), "ImportPhrases");
        super::super::tests::holds_to_its_language(
            &samples(&Ru),
            &samples(&En),
            &["meetings", "deals", "UTF"],
        );
    }
}
