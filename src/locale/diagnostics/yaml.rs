//! The words of YAML problems: syntax, shapes, types and values.

use super::syntax::{closing, syntax_en, syntax_ru};
use super::values::{value_en, value_ru};
use super::{Text, suggestion};
use crate::content::Locale;
use crate::content::yaml::{MAX_DEPTH, MAX_NODES};
use crate::problem::{Found, Limit, MapFix, Value, Yaml};

pub(super) fn text(p: &Yaml, l: Locale) -> Text {
    match l {
        Locale::En => en(p),
        Locale::Ru => ru(p),
    }
}

/// "expected X, found Y" as "`deals` must be X, found Y" when the key is known.
fn named(key: &Option<String>, message: String) -> String {
    match (message.strip_prefix("expected "), key) {
        (Some(rest), Some(key)) => format!("`{key}` must be {rest}"),
        _ => message,
    }
}

pub(super) fn found_en(f: &Found) -> String {
    match f {
        Found::Nothing => "nothing".into(),
        Found::List => "a list".into(),
        Found::Map => "a map".into(),
        Found::Text(t) => format!("`{t}`"),
        Found::Quoted(t) => format!("the text \"{t}\""),
        Found::Number(n) | Found::Other(n) => n.clone(),
    }
}

pub(super) fn found_ru(f: &Found) -> String {
    match f {
        Found::Nothing => "пусто".into(),
        Found::List => "список".into(),
        Found::Map => "вложенные строки".into(),
        Found::Text(t) => format!("`{t}`"),
        Found::Quoted(t) => format!("текст в кавычках `\"{t}\"`"),
        Found::Number(n) => n.clone(),
        Found::Other(_) => "значение другого вида".into(),
    }
}

/// "`deals` должно быть целым числом не меньше 0, а здесь `twelve`";
/// without a key, "значение должно быть …". `what` is the thing expected,
/// in the instrumental case.
pub(super) fn must_ru(key: &Option<String>, what: &str, found: &str) -> String {
    let whose = match key {
        Some(key) => format!("`{key}`"),
        None => "значение".to_string(),
    };
    format!("{whose} должно быть {what}, а здесь {found}")
}

/// serde's English name of a type, in Russian (instrumental case).
fn expected_ru(expected: &str) -> &'static str {
    match expected {
        "a whole number ≥ 0" => "целым числом не меньше 0",
        "a number ≥ 0" => "числом не меньше 0",
        "a number" => "числом",
        "a string" | "string" => "текстом",
        "a sequence" | "a list" => "списком",
        "a boolean" => "`true` или `false`",
        e if e.starts_with("struct") || e.contains("map") => "строками `ключ: значение`",
        e if e.contains("date") => "датой вида ГГГГ-ММ-ДД",
        e if e.contains("request") => "номером запроса или строкой `{ id: …, by: …, note: … }`",
        _ => "значением другого вида",
    }
}

fn too_big_en(limit: Limit) -> String {
    match limit {
        Limit::Depth => format!("the file is nested too deeply (more than {MAX_DEPTH} levels)"),
        Limit::Aliases => "the file expands too many YAML aliases (`&anchor` / `*alias`)".into(),
        Limit::Nodes => format!("the file has too many YAML values (more than {MAX_NODES})"),
    }
}

const NO_DATA_EN: &str =
    "write the file's keys (the README shows an example of every kind), or delete the file";
const NO_DATA_RU: &str =
    "впишите в него данные (в README есть пример файла каждого вида) или удалите файл";

fn en(p: &Yaml) -> Text {
    match p {
        Yaml::Empty => Text::new("the file is empty").hint(NO_DATA_EN),
        Yaml::OnlyComments => Text::new("the file has only comments, no data").hint(NO_DATA_EN),
        Yaml::MissingFrontMatter => Text::new("missing front matter")
            .hint("start the file with a line `---`, the YAML keys, and another line `---`"),
        Yaml::UnclosedFrontMatter => {
            Text::new("front matter is not closed").hint("end the YAML keys with a line `---`")
        }
        Yaml::NotUtf8 { byte } => Text::new(format!(
            "the file is not UTF-8 text: byte 0x{byte:02X} is not valid here"
        ))
        .label("first byte that is not UTF-8")
        .hint("save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8); Windows-1251 and Latin-1 files look like this"),
        Yaml::Control {
            character,
            bidi,
            escaped,
        } => control_en(character, *bidi, *escaped),
        Yaml::Syntax { kind, scanner } => syntax_en(kind, scanner),
        Yaml::UnknownKey { key, fix } => {
            Text::new(format!("unknown key `{key}`")).hint(suggestion(Locale::En, fix, ""))
        }
        Yaml::UnknownValue { value, key, fix } => {
            let whose = key
                .as_ref()
                .map_or_else(String::new, |k| format!(" for `{k}`"));
            Text::new(format!("unknown value `{value}`{whose}"))
                .hint(suggestion(Locale::En, fix, ""))
        }
        Yaml::MissingKey { key, within } => {
            let whose = within
                .as_ref()
                .map_or_else(String::new, |p| format!(" in `{p}`"));
            Text::new(format!("missing key `{key}`{whose}"))
                .hint(format!("add `{key}:` to this entry"))
        }
        Yaml::WrongType {
            key,
            expected,
            found,
        } => Text::new(named(
            key,
            format!("expected {expected}, found {}", found_en(found)),
        )),
        Yaml::NotTrueFalse { key, found } => Text::new(named(
            key,
            format!("expected `true` or `false`, found {}", found_en(found)),
        ))
        .hint("write true or false (not yes/no, on/off or 1/0)"),
        Yaml::NotFinite { key, found } => Text::new(named(
            key,
            format!("expected a number ≥ 0, found {}", found_en(found)),
        ))
        .hint("write the number in digits"),
        Yaml::NotAMap { key, found, fix } => not_a_map_en(key, found, *fix),
        Yaml::NotOneValue { key, found } => Text::new(named(
            key,
            format!("expected a single value, found {}", found_en(found)),
        ))
        .hint("write one value after the key; put text that starts with `[`, `{` or `-` in quotes"),
        Yaml::Unexpected { key, expected } => Text::new(named(key, format!("expected {expected}"))),
        Yaml::Duplicate { key, lines } => duplicate_en(key, *lines),
        Yaml::TooBig(limit) => Text::new(format!("{}; refusing to read it", too_big_en(*limit)))
            .hint("content files are plain maps and lists a few levels deep; see docs/limits.md"),
        Yaml::UnknownAnchor { alias } => unknown_anchor_en(alias),
        Yaml::ManyDocuments => Text::new("the file holds more than one YAML document")
            .hint("remove the second `---` line: one file is one document"),
        Yaml::EndsMidValue => Text::new("the file ends in the middle of a value")
            .hint("look for an unclosed quote or bracket, or a key with nothing after it"),
        Yaml::Value {
            key,
            value,
            unclosed,
        } => refused_en(key, value, *unclosed),
        Yaml::Parser { key, text } => Text::new(named(key, text.clone())),
    }
}

/// A control character in a file, or made by a `\` escape in quoted text.
fn control_en(character: &str, bidi: bool, escaped: bool) -> Text {
    let message = if escaped {
        format!(
            "this quoted text makes the control character {character} with a `\\` escape; it is not allowed in a content file"
        )
    } else {
        format!("the control character {character} is not allowed in a content file")
    };
    Text::new(message).hint(if bidi {
        "delete it: it makes text show in another order than it is written, and Russian or English text needs no direction marks"
    } else {
        "delete it; it is invisible in most editors (one that shows invisible characters shows where it is)"
    })
}

fn not_a_map_en(key: &Option<String>, found: &Found, fix: MapFix) -> Text {
    Text::new(named(
        key,
        format!(
            "expected a map of `key: value` lines, found {}",
            found_en(found)
        ),
    ))
    .hint(match fix {
        MapFix::ColonSpace => "put a space after the colon: `key: value`",
        MapFix::NoDashes => "write the entries as `key: value` lines, without `- `",
        MapFix::Indent => {
            "write `key: value` lines here, indented under their key (see the README)"
        }
    })
}

fn duplicate_en(key: &str, lines: Option<(u64, u64)>) -> Text {
    let lines = match lines {
        Some((first, repeat)) if first == repeat => format!(" on line {first}"),
        Some((first, repeat)) => format!(", on lines {first} and {repeat}"),
        None => String::new(),
    };
    Text::new(format!("key `{key}` is written twice{lines}")).hint("keep one of them")
}

/// A value our own types refused, or a bracket left open before it.
fn refused_en(key: &Option<String>, value: &Value, unclosed: Option<char>) -> Text {
    let (message, hint) = value_en(value);
    let hint = match unclosed {
        Some(open) => Some(format!(
            "the `{open}` on this line is never closed: end the entry with `{}`",
            closing(open)
        )),
        None => hint,
    };
    Text {
        message: named(key, message),
        label: None,
        hint,
    }
}

fn unknown_anchor_en(alias: &str) -> Text {
    Text::new(format!("`{alias}` refers to an anchor that is not defined")).hint(format!(
        "define `&{}` earlier in the file, or write the value out",
        alias.trim_start_matches('*')
    ))
}

fn ru(p: &Yaml) -> Text {
    match p {
        Yaml::Empty => Text::new("файл пустой").hint(NO_DATA_RU),
        Yaml::OnlyComments => Text::new("в файле одни комментарии, данных нет").hint(NO_DATA_RU),
        Yaml::MissingFrontMatter => Text::new(
            "в начале файла нет блока данных между двумя строками `---`",
        )
        .hint("начните файл строкой `---`, под ней напишите строки `ключ: значение`, затем ещё одну строку `---`; текст идёт после неё"),
        Yaml::UnclosedFrontMatter => Text::new("блок данных в начале файла не закрыт")
            .hint("после строк `ключ: значение` поставьте строку `---`"),
        Yaml::NotUtf8 { byte } => Text::new(format!(
            "файл сохранён не в кодировке UTF-8: здесь стоит байт `0x{byte:02X}`"
        ))
        .label("первый байт не в UTF-8")
        .hint("сохраните файл в кодировке UTF-8 (в большинстве редакторов: «Сохранить как» → кодировка UTF-8); так выглядят файлы в кодировке Windows-1251"),
        Yaml::Control {
            character,
            bidi,
            escaped,
        } => control_ru(character, *bidi, *escaped),
        Yaml::Syntax { kind, .. } => syntax_ru(kind),
        Yaml::UnknownKey { key, fix } => Text::new(format!("неизвестный ключ `{key}`"))
            .hint(suggestion(Locale::Ru, fix, "здесь возможны ключи")),
        Yaml::UnknownValue { value, key, fix } => Text::new(match key {
            Some(key) => format!("`{key}` не может быть `{value}`"),
            None => format!("неизвестное значение `{value}`"),
        })
        .hint(suggestion(Locale::Ru, fix, "возможные значения")),
        Yaml::MissingKey { key, within } => Text::new(match within {
            Some(within) => format!("в записи `{within}` нет ключа `{key}`"),
            None => format!("нет ключа `{key}`"),
        })
        .hint(format!("допишите сюда строку `{key}:` со значением")),
        Yaml::WrongType {
            key,
            expected,
            found,
        } => Text::new(must_ru(key, expected_ru(expected), &found_ru(found))),
        Yaml::NotTrueFalse { key, found } => Text::new(must_ru(
            key,
            "`true` или `false`",
            &found_ru(found),
        ))
        .hint("пишите `true` (да) или `false` (нет), а не `yes`/`no`, `on`/`off` или 1/0"),
        Yaml::NotFinite { key, found } => Text::new(must_ru(
            key,
            "числом не меньше 0",
            &found_ru(found),
        ))
        .hint("запишите число цифрами"),
        Yaml::NotAMap { key, found, fix } => not_a_map_ru(key, found, *fix),
        Yaml::NotOneValue { key, found } => Text::new(must_ru(
            key,
            "одним значением",
            &found_ru(found),
        ))
        .hint("после ключа напишите одно значение; текст, который начинается с `[`, `{` или `-`, возьмите в кавычки"),
        Yaml::Unexpected { key, .. } => Text::new(match key {
            Some(key) => format!("`{key}` записано не в том виде"),
            None => "значение записано не в том виде".to_string(),
        })
        .hint("сравните с примером такого файла в README"),
        Yaml::Duplicate { key, lines } => duplicate_ru(key, *lines),
        Yaml::TooBig(limit) => too_big_ru(*limit),
        Yaml::UnknownAnchor { alias } => unknown_anchor_ru(alias),
        Yaml::ManyDocuments => Text::new("в файле больше одного документа YAML")
            .hint("удалите вторую строку `---`: один файл — один документ"),
        Yaml::EndsMidValue => Text::new("файл обрывается посреди значения")
            .hint("поищите незакрытую кавычку или скобку или ключ, после которого ничего нет"),
        Yaml::Value {
            key,
            value,
            unclosed,
        } => refused_ru(key, value, *unclosed),
        Yaml::Parser { key, text } => parser_ru(key, text),
    }
}

fn control_ru(character: &str, bidi: bool, escaped: bool) -> Text {
    let code = character.split(' ').next().unwrap_or(character);
    let message = if escaped {
        format!(
            "этот текст в кавычках через `\\` даёт невидимый управляющий символ `{code}`; в файлах данных он недопустим"
        )
    } else {
        format!(
            "в файле стоит невидимый управляющий символ `{code}`; в файлах данных он недопустим"
        )
    };
    Text::new(message).hint(if bidi {
        "удалите его: он меняет порядок, в котором показывается текст, а русскому и английскому тексту такие знаки не нужны"
    } else {
        "удалите его; в большинстве редакторов он не виден (редактор, который показывает невидимые символы, покажет, где он)"
    })
}

fn not_a_map_ru(key: &Option<String>, found: &Found, fix: MapFix) -> Text {
    Text::new(match key {
        Some(key) => format!(
            "под `{key}` должны идти строки `ключ: значение`, а здесь {}",
            found_ru(found)
        ),
        None => format!(
            "здесь должны идти строки `ключ: значение`, а не {}",
            found_ru(found)
        ),
    })
    .hint(match fix {
        MapFix::ColonSpace => "поставьте пробел после двоеточия: `ключ: значение`",
        MapFix::NoDashes => "запишите строки как `ключ: значение`, без `- ` в начале",
        MapFix::Indent => {
            "запишите здесь строки `ключ: значение` с отступом под своим ключом (пример есть в README)"
        }
    })
}

fn duplicate_ru(key: &str, lines: Option<(u64, u64)>) -> Text {
    let lines = match lines {
        Some((first, repeat)) if first == repeat => format!(" в строке {first}"),
        Some((first, repeat)) => format!(": в строках {first} и {repeat}"),
        None => String::new(),
    };
    Text::new(format!("ключ `{key}` написан дважды{lines}"))
        .hint("оставьте один из двух; если нужное есть в обоих, соберите всё под одним ключом")
}

fn too_big_ru(limit: Limit) -> Text {
    let what = match limit {
        Limit::Depth => {
            format!("в файле слишком глубокая вложенность (больше {MAX_DEPTH} уровней)")
        }
        Limit::Aliases => "в файле слишком много ссылок YAML (`&якорь` / `*ссылка`)".to_string(),
        Limit::Nodes => format!("в файле слишком много значений (больше {MAX_NODES})"),
    };
    Text::new(format!("{what}; файл не прочитан")).hint(
        "файлы данных — это простые строки и списки в несколько уровней; подробнее в `docs/limits.md`",
    )
}

/// A value our own types refused, or a bracket left open before it.
fn refused_ru(key: &Option<String>, value: &Value, unclosed: Option<char>) -> Text {
    let (message, hint) = value_ru(key, value);
    let hint = match unclosed {
        Some(open) => Some(format!(
            "скобка `{open}` в этой строке не закрыта: закончите запись скобкой `{}`",
            closing(open)
        )),
        None => hint,
    };
    Text {
        message,
        label: None,
        hint,
    }
}

fn unknown_anchor_ru(alias: &str) -> Text {
    Text::new(format!(
        "`{alias}` ссылается на якорь, которого в файле нет"
    ))
    .hint(format!(
        "задайте `&{}` выше в файле или напишите значение целиком",
        alias.trim_start_matches('*')
    ))
}

/// A parser message without a case of its own: the Russian says what is
/// wrong in general and quotes the parser.
fn parser_ru(key: &Option<String>, text: &str) -> Text {
    Text::new(match key {
        Some(key) => format!("значение `{key}` записано неправильно"),
        None => "значение записано неправильно".to_string(),
    })
    // The parser's own words, for whoever helps the head: in backticks,
    // as they are.
    .hint(format!(
        "сравните с примером такого файла в README; разбор файла сообщил: `{}`",
        text.replace('`', "'")
    ))
}
