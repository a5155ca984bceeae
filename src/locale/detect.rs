//! Which language to speak before a site is loaded (`--help`, `init`, the
//! serve error page of a broken config): the site's own `locale:` when its
//! `content/config.yaml` can be read, else the environment's.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::content::Locale;

/// The language of the site in `root`, else of the environment.
pub fn for_root(root: &Path) -> Locale {
    std::fs::read_to_string(root.join("content/config.yaml"))
        .ok()
        .and_then(|text| of_config(&text))
        .unwrap_or_else(from_env)
}

/// The language of the site a command line is run in: its `--root`
/// (anywhere on the line, `--root DIR` or `--root=DIR`), else the current
/// folder.
pub fn for_args(args: &[OsString]) -> Locale {
    for_root(&root_in(args))
}

fn root_in(args: &[OsString]) -> PathBuf {
    let mut root = PathBuf::from(".");
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--root" {
            if let Some(dir) = words.next() {
                root = PathBuf::from(dir);
            }
        } else if let Some(dir) = word.to_str().and_then(|w| w.strip_prefix("--root=")) {
            root = PathBuf::from(dir);
        }
    }
    root
}

/// The `locale:` of a config.yaml's text, read line by line so that a
/// mistake elsewhere in the file does not hide it; a readable file without
/// one is Russian, as the site itself would be. `None` when the text is
/// not a config at all (a binary file, nothing but a `locale:` nobody
/// knows).
pub fn of_config(text: &str) -> Option<Locale> {
    for line in text.lines() {
        let Some(value) = line.strip_prefix("locale:") else {
            continue;
        };
        let value = value.split('#').next().unwrap_or("").trim();
        let value = value.trim_matches(|c| c == '"' || c == '\'');
        return match value {
            "ru" => Some(Locale::Ru),
            "en" => Some(Locale::En),
            _ => None,
        };
    }
    Some(Locale::default())
}

/// `SALESPULSE_LANG`, else the system's language (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`, in POSIX's order): Russian for `ru…`, English
/// otherwise.
pub fn from_env() -> Locale {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let wanted = var("SALESPULSE_LANG")
        .or_else(|| var("LC_ALL"))
        .or_else(|| var("LC_MESSAGES"))
        .or_else(|| var("LANG"));
    of_language(wanted.as_deref().unwrap_or(""))
}

/// "ru", "ru_RU.UTF-8", "ru-RU" → Russian; anything else English.
pub fn of_language(name: &str) -> Locale {
    let name = name.trim().to_ascii_lowercase();
    if name == "ru" || name.starts_with("ru_") || name.starts_with("ru-") || name.starts_with("ru.")
    {
        Locale::Ru
    } else {
        Locale::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_says_its_locale_even_when_broken_elsewhere() {
        assert_eq!(
            of_config("title: x\nlocale: en # English\n"),
            Some(Locale::En)
        );
        assert_eq!(of_config("locale: \"ru\"\n  bad: [\n"), Some(Locale::Ru));
        assert_eq!(of_config("title: x\n"), Some(Locale::Ru));
        assert_eq!(of_config("locale: fr\n"), None);
    }

    #[test]
    fn the_environment_names_a_language() {
        assert_eq!(of_language("ru_RU.UTF-8"), Locale::Ru);
        assert_eq!(of_language("ru"), Locale::Ru);
        assert_eq!(of_language("en_US.UTF-8"), Locale::En);
        assert_eq!(of_language("C"), Locale::En);
        assert_eq!(of_language(""), Locale::En);
        assert_eq!(of_language("rus"), Locale::En);
    }

    #[test]
    fn the_root_is_found_anywhere_on_the_line() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            root_in(&args(&["sp", "build", "--root", "x"])),
            Path::new("x")
        );
        assert_eq!(root_in(&args(&["sp", "--root=y", "check"])), Path::new("y"));
        assert_eq!(root_in(&args(&["sp", "check"])), Path::new("."));
    }
}
