//! The words of a YAML syntax error: the rule broken, as the scanner says
//! it in English or in words of our own, and how to write the line.

use super::Text;
use crate::problem::Syntax;

/// The bracket that closes `open`.
pub(super) fn closing(open: char) -> char {
    if open == '[' { ']' } else { '}' }
}

/// The scanner's own English, or the rule broken in words where it has none.
pub(super) fn syntax_en(kind: &Syntax, scanner: &str) -> Text {
    let message = match kind {
        Syntax::Tab => "a tab character is used for indentation".to_string(),
        Syntax::ColonWithoutSpace | Syntax::KeyExpected => "expected `key: value`".to_string(),
        Syntax::Unclosed(open) => format!("`{open}` is never closed"),
        _ => scanner.to_string(),
    };
    let hint = match kind {
        Syntax::Unclosed(open) => format!(
            "close it with `{}` on the same line, or write the entries as indented lines",
            closing(*open)
        ),
        kind => syntax_hint_en(kind).to_string(),
    };
    Text::new(format!("YAML syntax error: {message}")).hint(hint)
}

/// The rule broken, in words: the scanner's English is not shown in Russian.
pub(super) fn syntax_ru(kind: &Syntax) -> Text {
    let (message, hint) = match kind {
        Syntax::Tab => (
            "отступ сделан табуляцией".to_string(),
            "в YAML отступы делаются только пробелами: замените табуляцию пробелами".to_string(),
        ),
        Syntax::ColonWithoutSpace => (
            "после двоеточия нет пробела".to_string(),
            "пишите `ключ: значение` — с пробелом после двоеточия".to_string(),
        ),
        Syntax::KeyExpected => (
            "здесь ожидалась строка `ключ: значение`".to_string(),
            "ключ заканчивается двоеточием и пробелом; проверьте отступы".to_string(),
        ),
        Syntax::Unclosed(open) => (
            format!("скобка `{open}` не закрыта"),
            format!(
                "закройте её скобкой `{}` на той же строке или запишите содержимое отдельными строками с отступом",
                closing(*open)
            ),
        ),
        Syntax::UnclosedQuote => (
            "кавычка не закрыта".to_string(),
            "закончите текст той же кавычкой, с которой он начинается".to_string(),
        ),
        Syntax::ColonInText => (
            "двоеточие с пробелом внутри значения".to_string(),
            "текст, в котором есть `: `, возьмите в кавычки, например `note: \"план: 3 сделки\"`; или проверьте отступы".to_string(),
        ),
        Syntax::TextAfterQuote => (
            "после закрывающей кавычки идёт ещё текст".to_string(),
            "значение в кавычках кончается на закрывающей кавычке; чтобы поставить внутри двойные кавычки, возьмите весь текст в одинарные".to_string(),
        ),
        Syntax::UnexpectedCharacter => (
            "значение не может начинаться с этого знака".to_string(),
            "возьмите текст в кавычки, например `note: \"@ офис\"`".to_string(),
        ),
        Syntax::DashInText => (
            "строка, начатая с `- `, здесь не на месте".to_string(),
            "текст, который начинается с `- `, возьмите в кавычки; список начинается со следующей строки".to_string(),
        ),
        Syntax::StrayBracket => (
            "лишняя закрывающая скобка".to_string(),
            "удалите её или возьмите текст в кавычки".to_string(),
        ),
        Syntax::Other => (
            "строка записана неправильно".to_string(),
            "проверьте отступы и кавычки в этой строке и в строке выше".to_string(),
        ),
    };
    Text::new(format!("ошибка в записи YAML: {message}")).hint(hint)
}

fn syntax_hint_en(kind: &Syntax) -> &'static str {
    match kind {
        Syntax::UnclosedQuote => "end the text with the same quote it starts with",
        Syntax::ColonInText => {
            "text that contains `: ` must be in quotes, e.g. note: \"plan: 3 deals\"; or check the indentation"
        }
        Syntax::TextAfterQuote => {
            "a quoted value ends at its closing quote; to use double quotes inside, wrap the text in single quotes"
        }
        Syntax::UnexpectedCharacter => "put the text in quotes, e.g. note: \"@ the office\"",
        Syntax::DashInText => {
            "text that starts with `- ` must be in quotes; a list starts on the next line"
        }
        Syntax::StrayBracket => "remove it, or put the text in quotes",
        Syntax::Tab => "YAML indents with spaces only: replace the tab with spaces",
        Syntax::ColonWithoutSpace => "put a space after the colon: `key: value`",
        Syntax::KeyExpected => "a key ends with `: `; check the indentation",
        Syntax::Unclosed(_) | Syntax::Other => {
            "check the indentation and the quotes on this line and the one above"
        }
    }
}
