//! What the commands print around the site, in its language: the closing
//! lines of `build`, `check`, `init` and `schema`, and what `serve` says
//! while it runs. (The diagnostics themselves are `diagnostic`'s.)

use std::path::Path;

use super::Forms;
use crate::content::Locale;

/// A Russian count: "56 страниц".
fn ru(n: usize, forms: Forms) -> String {
    forms.count(Locale::Ru, n as u64)
}

fn count(locale: Locale, n: usize, ru: Forms, en: Forms) -> String {
    match locale {
        Locale::Ru => ru.count(locale, n as u64),
        Locale::En => en.count(locale, n as u64),
    }
}

/// "2 ошибки, 1 предупреждение" / "2 errors, 1 warning".
pub fn problems(locale: Locale, errors: usize, warnings: usize) -> String {
    format!(
        "{}, {}",
        count(
            locale,
            errors,
            Forms::new("ошибка", "ошибки", "ошибок"),
            Forms::new("error", "errors", "errors")
        ),
        count(
            locale,
            warnings,
            Forms::new("предупреждение", "предупреждения", "предупреждений"),
            Forms::new("warning", "warnings", "warnings")
        )
    )
}

/// How many alerts of each severity `check` printed.
#[derive(Debug, Clone, Copy, Default)]
pub struct AlertCounts {
    pub critical: usize,
    pub warning: usize,
    pub info: usize,
}

/// `check`'s last line, counting everything it printed: "проверка: 0
/// ошибок, 2 предупреждения; сигналы: 1 критичный, 3 предупреждения".
pub fn checked(locale: Locale, errors: usize, warnings: usize, alerts: AlertCounts) -> String {
    let (word, alerts_word) = match locale {
        Locale::Ru => ("проверка", "сигналы"),
        Locale::En => ("check", "alerts"),
    };
    let kinds = [
        (
            alerts.critical,
            Forms::new("критичный", "критичных", "критичных"),
            Forms::new("critical", "critical", "critical"),
        ),
        (
            alerts.warning,
            Forms::new("предупреждение", "предупреждения", "предупреждений"),
            Forms::new("warning", "warnings", "warnings"),
        ),
        (
            alerts.info,
            Forms::new("к сведению", "к сведению", "к сведению"),
            Forms::new("info", "info", "info"),
        ),
    ];
    let parts: Vec<String> = kinds
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, r, e)| count(locale, n, r, e))
        .collect();
    let problems = problems(locale, errors, warnings);
    if parts.is_empty() {
        format!("{word}: {problems}")
    } else {
        format!("{word}: {problems}; {alerts_word}: {}", parts.join(", "))
    }
}

/// `serve` after a save that changed nothing in the problems: "…, как и раньше".
pub fn as_before(locale: Locale, errors: usize, warnings: usize) -> String {
    let tail = match locale {
        Locale::Ru => "как и раньше",
        Locale::En => "as before",
    };
    format!("{}, {tail}", problems(locale, errors, warnings))
}

/// What a finished build made.
pub struct Built<'a> {
    pub pages: usize,
    pub charts: usize,
    pub files: usize,
    pub kilobytes: usize,
    pub out: &'a Path,
    pub millis: u128,
    pub encrypted: bool,
}

/// `build`'s last line: "собрано 56 страниц с 135 графиками (62 файла,
/// 1465 КБ) в output за 920 мс".
pub fn built(locale: Locale, b: &Built) -> String {
    let out = b.out.display();
    match locale {
        Locale::Ru => format!(
            "собрано {} с {} ({}, {} КБ) в {out} за {} мс{}",
            ru(b.pages, Forms::new("страница", "страницы", "страниц")),
            ru(b.charts, Forms::new("графиком", "графиками", "графиками")),
            ru(b.files, Forms::new("файл", "файла", "файлов")),
            b.kilobytes,
            b.millis,
            if b.encrypted {
                "; страницы зашифрованы (AES-256-GCM, PBKDF2-SHA256), data/ не публикуется"
            } else {
                ""
            }
        ),
        Locale::En => format!(
            "built {} pages with {} charts ({} files, {} KB) into {out} in {} ms{}",
            b.pages,
            b.charts,
            b.files,
            b.kilobytes,
            b.millis,
            if b.encrypted {
                "; pages encrypted (AES-256-GCM, PBKDF2-SHA256), data/ left out"
            } else {
                ""
            }
        ),
    }
}

/// What became of the output folder when `build` wrote no site.
#[derive(Debug, Clone, Copy)]
pub enum Fate<'a> {
    /// Refused before anything was written or moved.
    NothingMoved,
    /// The folder holds the last good site.
    PreviousKept(&'a Path),
    /// The folder is someone's own (salespulse never wrote it): untouched.
    Untouched(&'a Path),
    /// There was no site yet.
    NothingWritten(&'a Path),
}

/// The note under a failed build: "предыдущая версия сайта в output не изменилась".
pub fn fate(locale: Locale, fate: Fate) -> String {
    match (locale, fate) {
        (Locale::Ru, Fate::NothingMoved) => "ничего не записано и не перенесено".into(),
        (Locale::Ru, Fate::PreviousKept(out)) => {
            format!("предыдущая версия сайта в {} не изменилась", out.display())
        }
        (Locale::Ru, Fate::NothingWritten(out)) => {
            format!("в {} ничего не записано", out.display())
        }
        (Locale::Ru, Fate::Untouched(out)) => {
            format!("в {} ничего не тронуто", out.display())
        }
        (Locale::En, Fate::NothingMoved) => "nothing was written or moved".into(),
        (Locale::En, Fate::PreviousKept(out)) => {
            format!("the previous site in {} is unchanged", out.display())
        }
        (Locale::En, Fate::NothingWritten(out)) => {
            format!("nothing was written to {}", out.display())
        }
        (Locale::En, Fate::Untouched(out)) => {
            format!("nothing in {} was touched", out.display())
        }
    }
}

/// `build` when the content has errors (printed above it).
pub fn content_errors(locale: Locale, errors: usize) -> String {
    match locale {
        Locale::Ru => format!(
            "в файлах {}: сайт не собран",
            ru(errors, Forms::new("ошибка", "ошибки", "ошибок"))
        ),
        Locale::En => format!(
            "the content has {}; no site was built",
            count(
                locale,
                errors,
                Forms::new("error", "errors", "errors"),
                Forms::new("error", "errors", "errors")
            )
        ),
    }
}

/// `build --encrypt` with a password under `min` characters.
pub fn short_password(locale: Locale, var: &str, min: usize) -> String {
    match locale {
        Locale::Ru => format!(
            "пароль в {var} короче {min} символов: соль и число итераций открыты, поэтому любой, у кого есть страницы, может перебирать пароли у себя; возьмите длинную фразу"
        ),
        Locale::En => format!(
            "{var} is shorter than {min} characters: the salt and iteration count are public, so anyone with the pages can try passwords offline; use a long passphrase"
        ),
    }
}

/// `new` and `import` when they write nothing because of the content.
pub fn nothing_written(locale: Locale, content_has_errors: bool) -> &'static str {
    match (locale, content_has_errors) {
        (Locale::Ru, true) => "сначала исправьте ошибки в файлах; ничего не записано",
        (Locale::Ru, false) => "ничего не записано",
        (Locale::En, true) => "fix the content first; nothing was written",
        (Locale::En, false) => "nothing was written",
    }
}

/// `init`'s last line.
pub fn created(locale: Locale, dir: &Path, files: usize) -> String {
    let dir = dir.display();
    match locale {
        Locale::Ru => format!(
            "создан сайт {dir} ({}): перейдите в эту папку и запустите `salespulse build`",
            ru(files, Forms::new("файл", "файла", "файлов"))
        ),
        Locale::En => {
            format!("created {dir} ({files} files): cd into it and run `salespulse build`")
        }
    }
}

/// `schema`'s last line.
pub fn schemas_written(locale: Locale, n: usize, dir: &Path) -> String {
    let dir = dir.display();
    match locale {
        Locale::Ru => format!(
            "в {dir} записано {}",
            ru(n, Forms::new("схема", "схемы", "схем"))
        ),
        Locale::En => format!("wrote {n} schemas to {dir}"),
    }
}

/// `serve`'s first line (its address is the second word, for scripts).
pub fn serving(locale: Locale, address: &str) -> String {
    match locale {
        Locale::Ru => format!("сайт: {address} (Ctrl-C — остановить)"),
        Locale::En => format!("serving {address} (Ctrl-C to stop)"),
    }
}

/// `serve` when the port is taken or not allowed.
pub fn cannot_listen(locale: Locale, port: u16, why: &str) -> String {
    match locale {
        Locale::Ru => format!(
            "не удалось открыть порт 127.0.0.1:{port}: {why}; укажите другой, например --port 8001"
        ),
        Locale::En => {
            format!("cannot listen on 127.0.0.1:{port}: {why}; try another, e.g. --port 8001")
        }
    }
}

/// `serve` when the system will not report changes to a folder: the site
/// is served as first built.
pub fn cannot_watch(locale: Locale, what: &str, why: &str) -> String {
    match locale {
        Locale::Ru => format!(
            "не удалось следить за изменениями в {what}: {why}; сайт не будет пересобираться сам — перезапустите serve после правки"
        ),
        Locale::En => format!(
            "cannot watch {what} for changes: {why}; the site will not rebuild by itself — restart serve after an edit"
        ),
    }
}

/// `serve` when it stops.
pub fn stopped(locale: Locale) -> &'static str {
    match locale {
        Locale::Ru => "остановлено",
        Locale::En => "stopped",
    }
}

/// `serve` when a save broke the content.
pub fn serving_errors(locale: Locale) -> &'static str {
    match locale {
        Locale::Ru => {
            "в файлах есть ошибки: пока они не исправлены, на сайте — страница с ошибками"
        }
        Locale::En => "the content has errors; serving the error page until they are fixed",
    }
}

/// The words of the page `serve` shows while the content has errors.
pub struct ErrorPage {
    pub lang: &'static str,
    pub title: String,
    pub heading: String,
    pub lede: &'static str,
}

pub fn error_page(locale: Locale, errors: usize) -> ErrorPage {
    let n = count(
        locale,
        errors,
        Forms::new("ошибка", "ошибки", "ошибок"),
        Forms::new("error", "errors", "errors"),
    );
    match locale {
        Locale::Ru => ErrorPage {
            lang: "ru",
            title: "salespulse: в файлах ошибки".into(),
            heading: format!("В файлах {n}"),
            lede: "Исправьте файлы ниже и сохраните: страница обновится сама. В терминале — то же самое.",
        },
        Locale::En => ErrorPage {
            lang: "en",
            title: "salespulse: the content has errors".into(),
            heading: format!("The content has {n}"),
            lede: "Fix the files below and save: this page reloads by itself. The terminal shows the same.",
        },
    }
}

/// What a rebuild took.
pub struct Rebuilt {
    pub pages: usize,
    pub millis: u128,
    pub made: usize,
    pub load: u128,
    pub validate: u128,
    pub analytics: u128,
    pub render: u128,
}

/// `serve` after each rebuild. The figures stay in the same order in both
/// languages (the benchmark reads them).
pub fn rebuilt(locale: Locale, r: &Rebuilt) -> String {
    match locale {
        Locale::Ru => format!(
            "пересобрано {} за {} мс (заново: {}; чтение {} · проверка {} · расчёт {} · отрисовка {})",
            ru(r.pages, Forms::new("страница", "страницы", "страниц")),
            r.millis,
            ru(r.made, Forms::new("файл", "файла", "файлов")),
            r.load,
            r.validate,
            r.analytics,
            r.render
        ),
        Locale::En => format!(
            "rebuilt {} pages in {} ms ({} files made anew; load {} · validate {} · analytics {} · render {})",
            r.pages, r.millis, r.made, r.load, r.validate, r.analytics, r.render
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_lines_count_in_words() {
        assert_eq!(
            checked(Locale::Ru, 0, 2, AlertCounts::default()),
            "проверка: 0 ошибок, 2 предупреждения"
        );
        assert_eq!(
            checked(Locale::Ru, 1, 21, AlertCounts::default()),
            "проверка: 1 ошибка, 21 предупреждение"
        );
        assert_eq!(
            checked(Locale::En, 1, 0, AlertCounts::default()),
            "check: 1 error, 0 warnings"
        );
        let alerts = AlertCounts {
            critical: 1,
            warning: 3,
            info: 0,
        };
        assert_eq!(
            checked(Locale::Ru, 0, 0, alerts),
            "проверка: 0 ошибок, 0 предупреждений; сигналы: 1 критичный, 3 предупреждения"
        );
        assert_eq!(
            checked(Locale::En, 0, 1, alerts),
            "check: 0 errors, 1 warning; alerts: 1 critical, 3 warnings"
        );
        let b = Built {
            pages: 56,
            charts: 1,
            files: 62,
            kilobytes: 1465,
            out: Path::new("output"),
            millis: 920,
            encrypted: false,
        };
        assert_eq!(
            built(Locale::Ru, &b),
            "собрано 56 страниц с 1 графиком (62 файла, 1465 КБ) в output за 920 мс"
        );
        assert_eq!(
            built(Locale::En, &b),
            "built 56 pages with 1 charts (62 files, 1465 KB) into output in 920 ms"
        );
    }
}
