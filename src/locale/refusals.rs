//! Why a build wrote nothing, in the site's language: the output folder's
//! refusals and `--encrypt`'s missing password. Every variant is worded here
//! (an exhaustive match), so a new refusal without Russian does not compile.
//! Failures of the machine itself (a disk error, no random bytes) keep the
//! operating system's English: the head forwards those, not fixes them.

use std::path::Path;

use crate::content::Locale;
use crate::output::encrypt::{PASSWORD_VAR, PasswordError};
use crate::output::{OutputError, shown_folder};

/// An output refusal as the head reads it.
pub fn output(locale: Locale, err: &OutputError) -> String {
    if locale == Locale::En {
        return err.to_string();
    }
    let f = |p: &Path| shown_folder(p);
    match err {
        OutputError::Io { out, source } => {
            format!("не удалось записать сайт в {}: {source}", out.display())
        }
        OutputError::Foreign { path } => format!(
            "в `{}` лежат файлы, которые записал не salespulse; выберите пустую папку или уберите их",
            f(path)
        ),
        OutputError::ForeignSpare { path } => format!(
            "в `{}` salespulse хранит запасную копию сайта, но там лежат чужие файлы; удалите или перенесите эту папку (salespulse держит в ней только прошлую копию сайта)",
            f(path)
        ),
        OutputError::Symlink { path, spare } => format!(
            "`{}` — символическая ссылка; salespulse ничего не пишет, не переносит и не удаляет через ссылку: удалите ссылку{}",
            path.display(),
            if *spare {
                ""
            } else {
                " или укажите папку, на которую она ведёт, в --out"
            }
        ),
        OutputError::NotAFolder { path } => format!(
            "не удалось записать сайт в {}: это файл, а не папка; заменять его salespulse не станет",
            path.display()
        ),
        OutputError::InsideSources { path, within } => format!(
            "`{}` — внутри папки {within} сайта; сайт пишется рядом с content/ и templates/, а не в них (по умолчанию — в output/)",
            f(path)
        ),
        OutputError::HoldsSite { path } => format!(
            "в `{}` лежит сама папка сайта (с content/ и остальным); выберите для сайта отдельную папку, например output/",
            f(path)
        ),
        OutputError::PlaintextSpare { path, source } => format!(
            "не удалось удалить `{}`, где может лежать незашифрованная копия сайта: {source}; удалите её вручную",
            f(path)
        ),
    }
}

/// Why `--encrypt` has no password, as the head reads it.
pub fn password(locale: Locale, err: &PasswordError) -> String {
    if locale == Locale::En {
        return err.to_string();
    }
    match err {
        PasswordError::Missing => format!(
            "`--encrypt` берёт пароль из переменной окружения {PASSWORD_VAR}, а она не задана"
        ),
        PasswordError::Empty => {
            format!("переменная окружения {PASSWORD_VAR} пуста; для `--encrypt` нужен пароль")
        }
        PasswordError::NotUnicode => {
            format!("в переменной окружения {PASSWORD_VAR} не текст в UTF-8")
        }
        PasswordError::ControlCharacter => format!(
            "в переменной окружения {PASSWORD_VAR} есть перевод строки или другой управляющий символ — такой пароль не ввести в поле пароля"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn the_refusal_of_a_foreign_folder_reads_in_both_languages() {
        let err = OutputError::Foreign {
            path: PathBuf::from("docs"),
        };
        assert_eq!(
            output(Locale::Ru, &err),
            "в `docs/` лежат файлы, которые записал не salespulse; выберите пустую папку или уберите их"
        );
        assert!(
            output(Locale::En, &err).starts_with("`docs/` holds files salespulse did not write")
        );
        assert!(password(Locale::Ru, &PasswordError::Empty).contains("пуста"));
    }
}
