//! The words of the problems `import` meets in an export and its map file.

use super::cells::{cell_en, cell_ru};
use super::{Text, list};
use crate::commands::import::formats::Role;
use crate::content::{Locale, TEAM_PATH};
use crate::locale::plural_ru;
use crate::problem::{Csv, Import, Mapping, Uncounted};

pub(super) fn text(p: &Import, l: Locale) -> Text {
    match l {
        Locale::En => en(p),
        Locale::Ru => ru(p),
    }
}

fn rows_en(n: usize) -> String {
    format!("{n} row{}", if n == 1 { "" } else { "s" })
}

fn rows_ru(n: usize) -> String {
    format!("{n} {}", plural_ru(n as u64, "строка", "строки", "строк"))
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn purpose_en(role: Role) -> &'static str {
    match role {
        Role::Id => "the deal's id",
        Role::Manager => "the responsible CRM user",
        Role::Created => "the date the deal was created",
        Role::Closed => "the date the deal was closed",
        Role::Amount => "the deal's amount",
        Role::Stage => "the deal's stage or status",
        Role::Meeting => "the date of the meeting",
    }
}

fn purpose_ru(role: Role) -> &'static str {
    match role {
        Role::Id => "номер сделки",
        Role::Manager => "ответственный в CRM",
        Role::Created => "дата создания сделки",
        Role::Closed => "дата закрытия сделки",
        Role::Amount => "сумма сделки",
        Role::Stage => "этап или статус сделки",
        Role::Meeting => "дата встречи",
    }
}

const CRMS: [&str; 5] = ["amocrm", "bitrix24", "hubspot", "pipedrive", "salesforce"];

fn en(p: &Import) -> Text {
    match p {
        Import::Csv(p) => csv_en(p),
        Import::Cell {
            header,
            row,
            letter,
            cell,
        } => {
            let (message, hint) = cell_en(cell);
            Text::new(format!("column `{header}`: {message}"))
                .label(format!("row {row}, column {letter}"))
                .hint(hint)
        }
        Import::NeedsFile => Text::new("import needs this file to be correct")
            .hint("fix it (salespulse check shows how), then import again"),
        Import::FileHasErrors => Text::new("the file has errors; import does not edit it")
            .hint("fix it (salespulse check shows how), then import again; nothing was written"),
        Import::TooLarge { megabytes, limit } => Text::new(format!(
            "the file is too large ({megabytes} MB; the limit is {limit} MB)"
        ))
        .hint("export a shorter range of dates"),
        Import::NotRegular => Text::new("not a regular file"),
        Import::CannotRead { reason } => Text::new(format!("cannot read: {reason}")),
        Import::MapNotUtf8 => Text::new("the map file is not UTF-8 text").hint("save it as UTF-8"),
        Import::MoreCells { more, shown } => Text::new(format!(
            "and {more} more cells that cannot be read (only the first {shown} are shown)"
        )),
        Import::CannotWrite { reason, written } => Text::new(format!("cannot write: {reason}"))
            .hint(format!(
                "{} file(s) were written before this one: {}",
                written.len(),
                if written.is_empty() {
                    "none".to_string()
                } else {
                    written.join(", ")
                }
            )),
        Import::Mapping(p) => mapping_en(p),
        Import::Misnamed { week, stem, files } => Text::new(format!(
            "{week} is written as `{stem}`, but the calendar makes its file{} {}",
            if files.len() > 1 { "s" } else { "" },
            files.join(" and ")
        ))
        .hint("split or rename it as `salespulse check` explains, then import again; nothing was written"),
        Import::Uncounted(p) => uncounted_en(p),
    }
}

fn csv_en(p: &Csv) -> Text {
    match p {
        Csv::BadRow {
            row,
            cells,
            width,
            delimiter,
        } => Text::new(format!("row {row} has {cells} cells, the header has {width}")).hint(
            format!(
                "the file is read with `{delimiter}` between cells; a cell that contains it must be in double quotes"
            ),
        ),
        Csv::UnknownEncoding { label } => Text::new(format!(
            "unknown encoding `{label}` in the map file (try utf-8 or windows-1251)"
        )),
        Csv::NotText { encoding, named } => Text::new(format!(
            "the file is not valid {encoding} text{}",
            if *named {
                " (the encoding named in the map file)"
            } else {
                ""
            }
        )),
        Csv::NotCsv { reason, header } => Text::new(if *header {
            format!("cannot read the header row: {reason}")
        } else {
            format!("cannot read the file as CSV: {reason}")
        }),
        Csv::NoHeaderRow => Text::new("the file is empty: no header row"),
    }
}

fn mapping_en(p: &Mapping) -> Text {
    match p {
        Mapping::UnknownCrm { headers } => Text::new("cannot tell which CRM this export comes from")
            .hint(format!(
                "name it with --from ({}), or map the columns with --map MAP.yaml (see the README); the header row has: {}",
                CRMS.join(", "),
                headers.join(", ")
            )),
        Mapping::MissingColumn { role, headers, map } => {
            let hint = format!(
                "name it in the map file under `columns: {{ {}: \"…\" }}`; the header row has: {}",
                role.key(),
                headers.join(", ")
            );
            Text::new(format!(
                "no column for `{}` ({}) in the export",
                role.key(),
                purpose_en(*role)
            ))
            .hint(if *map {
                hint
            } else {
                format!("{hint} (pass the map file with --map MAP.yaml)")
            })
        }
        Mapping::NoWonStage => Text::new("no stage value means won")
            .hint("list them in the map file, e.g. `won: [Won, \"Closed Won\"]`"),
        Mapping::NotADelimiter { text } => {
            Text::new(format!("`{text}` is not a delimiter")).hint("write `;`, `,` or `tab`")
        }
        Mapping::NoSuchColumn {
            name,
            close,
            headers,
        } => Text::new(format!("no column `{name}` in the export's header row")).hint(
            match close {
                Some(c) => format!("did you mean `{c}`?"),
                None => format!("the header row has: {}", headers.join(", ")),
            },
        ),
    }
}

fn uncounted_en(p: &Uncounted) -> Text {
    match p {
        Uncounted::UnknownUser {
            user,
            rows,
            first_row,
            close,
        } => {
            let fix = format!(
                "if that is someone on the team, add `crm_name: \"{user}\"` to them in {TEAM_PATH}"
            );
            Text::new(format!(
                "unknown CRM user `{user}` ({}): left out",
                rows_en(*rows)
            ))
            .label(format!("first at row {first_row}"))
            .hint(match close {
                Some((name, id)) => format!("did you mean `{name}` ({id})? {}", capital(&fix)),
                None => capital(&fix),
            })
        }
        Uncounted::NoUser { rows, first_row } => Text::new(format!(
            "{} without a responsible user: left out",
            rows_en(*rows)
        ))
        .label(format!("first at row {first_row}"))
        .hint("assign the deals in the CRM and export again"),
        Uncounted::AmbiguousUser { user, ids } => Text::new(format!(
            "CRM user `{user}` matches more than one manager: {}",
            ids.join(", ")
        ))
        .hint(format!(
            "give each of them their own `crm_name` in {TEAM_PATH}"
        )),
        Uncounted::NoCreatedDate { rows, first_row } => Text::new(format!(
            "{} without a created date: not counted as leads",
            rows_en(*rows)
        ))
        .label(format!("first at row {first_row}"))
        .hint("export the deals with their created date"),
        Uncounted::NoCloseDate { rows, first_row } => Text::new(format!(
            "{} of won deals without a close date: not counted as deals or revenue",
            rows_en(*rows)
        ))
        .label(format!("first at row {first_row}"))
        .hint("fill in the close date in the CRM and export again"),
    }
}

fn headers_ru(headers: &[String]) -> String {
    list(Locale::Ru, headers)
}

fn ru(p: &Import) -> Text {
    match p {
        Import::Csv(p) => csv_ru(p),
        Import::Cell {
            header,
            row,
            letter,
            cell,
        } => {
            let (message, hint) = cell_ru(cell);
            Text::new(format!("колонка `{header}`: {message}"))
                .label(format!("строка {row}, колонка `{letter}`"))
                .hint(hint)
        }
        Import::NeedsFile => Text::new("для импорта этот файл должен быть без ошибок")
            .hint("исправьте его (`salespulse check` покажет, что не так) и запустите импорт снова"),
        Import::FileHasErrors => Text::new("в файле есть ошибки; импорт его не меняет").hint(
            "исправьте его (`salespulse check` покажет, что не так) и запустите импорт снова; ничего не записано",
        ),
        Import::TooLarge { megabytes, limit } => Text::new(format!(
            "файл слишком большой ({megabytes} МБ, а можно не больше {limit} МБ)"
        ))
        .hint("выгрузите из CRM более короткий период"),
        Import::NotRegular => {
            Text::new("это не обычный файл").hint("укажите файл выгрузки из CRM")
        }
        Import::CannotRead { reason } => Text::new("файл не удалось прочитать").hint(format!(
            "проверьте путь и права на файл; система ответила: `{reason}`"
        )),
        Import::MapNotUtf8 => Text::new("файл сопоставления колонок сохранён не в кодировке UTF-8")
            .hint("сохраните его в кодировке UTF-8"),
        Import::MoreCells { more, shown } => Text::new(format!(
            "и ещё {more} {} (показаны только первые {shown})",
            plural_ru(
                *more as u64,
                "ячейка не читается",
                "ячейки не читаются",
                "ячеек не читаются"
            )
        )),
        Import::CannotWrite { reason, written } => Text::new("файл не удалось записать").hint(
            format!(
                "проверьте права на папку; система ответила: `{reason}`; {}",
                if written.is_empty() {
                    "до него не записано ни одного файла".to_string()
                } else {
                    format!("до него записаны: {}", list(Locale::Ru, written))
                }
            ),
        ),
        Import::Mapping(p) => mapping_ru(p),
        Import::Misnamed { week, stem, files } => Text::new(format!(
            "неделя `{week}` записана в файле `{stem}`, а по календарю её {} {}",
            if files.len() > 1 { "файлы —" } else { "файл —" },
            list(Locale::Ru, files).replace("`, `", "` и `")
        ))
        .hint("разделите или переименуйте его, как объясняет `salespulse check`, и запустите импорт снова; ничего не записано"),
        Import::Uncounted(p) => uncounted_ru(p),
    }
}

fn csv_ru(p: &Csv) -> Text {
    match p {
        Csv::BadRow {
            row,
            cells,
            width,
            delimiter,
        } => Text::new(format!(
            "в строке {row} {cells} {}, а в строке заголовков {width}",
            plural_ru(*cells as u64, "ячейка", "ячейки", "ячеек")
        ))
        .hint(format!(
            "ячейки в файле разделяются знаком `{delimiter}`; ячейку, в которой он есть, берут в двойные кавычки"
        )),
        Csv::UnknownEncoding { label } => Text::new(format!(
            "в файле сопоставления указана неизвестная кодировка `{label}`"
        ))
        .hint("попробуйте `utf-8` или `windows-1251`"),
        Csv::NotText { encoding, named } => Text::new(format!(
            "файл не читается как текст в кодировке `{encoding}`{}",
            if *named {
                " (она указана в файле сопоставления)"
            } else {
                ""
            }
        ))
        .hint("выгрузите файл из CRM ещё раз или укажите кодировку в файле сопоставления: `encoding: windows-1251`"),
        Csv::NotCsv { reason, header } => Text::new(if *header {
            "строку заголовков не удалось прочитать"
        } else {
            "файл не читается как таблица CSV"
        })
        .hint(format!(
            "выгрузите из CRM таблицу в формате CSV; разбор файла сообщил: `{reason}`"
        )),
        Csv::NoHeaderRow => Text::new("файл пустой: нет даже строки заголовков")
            .hint("выгрузите из CRM таблицу со сделками"),
    }
}

fn mapping_ru(p: &Mapping) -> Text {
    match p {
        Mapping::UnknownCrm { headers } => Text::new("не понять, из какой CRM эта выгрузка").hint(
            format!(
                "укажите её: `--from` и одно из {}, или опишите колонки в файле сопоставления: `--map MAP.yaml` (пример — в README); в строке заголовков: {}",
                list(Locale::Ru, &CRMS.map(String::from)),
                headers_ru(headers)
            ),
        ),
        Mapping::MissingColumn { role, headers, map } => {
            let hint = format!(
                "назовите её в файле сопоставления: `columns: {{ {}: \"…\" }}`; в строке заголовков: {}",
                role.key(),
                headers_ru(headers)
            );
            Text::new(format!(
                "в выгрузке нет колонки для `{}` ({})",
                role.key(),
                purpose_ru(*role)
            ))
            .hint(if *map {
                hint
            } else {
                format!("{hint} (файл сопоставления передаётся так: `--map MAP.yaml`)")
            })
        }
        Mapping::NoWonStage => Text::new("не задано, какой этап сделки значит «выиграна»")
            .hint("перечислите такие этапы в файле сопоставления, например `won: [Won, \"Closed Won\"]`"),
        Mapping::NotADelimiter { text } => Text::new(format!(
            "`{text}` не годится как разделитель ячеек"
        ))
        .hint("напишите `;`, `,` или `tab`"),
        Mapping::NoSuchColumn {
            name,
            close,
            headers,
        } => Text::new(format!("в строке заголовков выгрузки нет колонки `{name}`")).hint(
            match close {
                Some(c) => format!("может быть, `{c}`?"),
                None => format!("в строке заголовков: {}", headers_ru(headers)),
            },
        ),
    }
}

fn uncounted_ru(p: &Uncounted) -> Text {
    let first = |row: &usize| format!("первая — строка {row} выгрузки");
    match p {
        Uncounted::UnknownUser {
            user,
            rows,
            first_row,
            close,
        } => {
            let fix = format!("добавьте ему в `{TEAM_PATH}` строку `crm_name: \"{user}\"`");
            Text::new(format!(
                "пользователя CRM `{user}` нет в команде ({}): не учтено",
                rows_ru(*rows)
            ))
            .label(first(first_row))
            .hint(match close {
                Some((name, id)) => format!("может быть, это `{name}` (`{id}`)? Тогда {fix}"),
                None => format!("если это менеджер из команды, {fix}"),
            })
        }
        Uncounted::NoUser { rows, first_row } => {
            Text::new(format!("{} без ответственного: не учтено", rows_ru(*rows)))
                .label(first(first_row))
                .hint("назначьте ответственных за сделки в CRM и выгрузите снова")
        }
        Uncounted::AmbiguousUser { user, ids } => Text::new(format!(
            "пользователь CRM `{user}` подходит сразу нескольким менеджерам: {}",
            list(Locale::Ru, ids)
        ))
        .hint(format!("дайте каждому свой `crm_name` в `{TEAM_PATH}`")),
        Uncounted::NoCreatedDate { rows, first_row } => Text::new(format!(
            "{} без даты создания: не учтено в лидах",
            rows_ru(*rows)
        ))
        .label(first(first_row))
        .hint("выгрузите сделки вместе с датой создания"),
        Uncounted::NoCloseDate { rows, first_row } => Text::new(format!(
            "{} выигранных сделок без даты закрытия: не учтено ни в сделках, ни в выручке",
            rows_ru(*rows)
        ))
        .label(first(first_row))
        .hint("заполните дату закрытия в CRM и выгрузите снова"),
    }
}
