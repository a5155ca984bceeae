//! The words of values our own types refuse: counts, amounts, targets,
//! dates, weeks, months, text lengths.

use super::yaml::{found_en, found_ru, must_ru};
use crate::locale::plural_ru;
use crate::problem::{DateFix, NumberFix, Value};

fn number_hint_en(fix: &NumberFix) -> String {
    match fix {
        NumberFix::TooManyCount(limit) => {
            format!("that is more than any real count (the limit is {limit}); check the digits")
        }
        NumberFix::TooMuchAmount => {
            "that is more than any real amount (the limit is 10^15); check the digits".into()
        }
        NumberFix::NegativeCount => "a count cannot be negative; write 0 if there were none".into(),
        NumberFix::NegativeAmount => "an amount cannot be negative; write refunds as a note".into(),
        NumberFix::Fraction => "a count is a whole number: no fractions".into(),
        NumberFix::RemoveQuotes(t) => {
            format!("remove the quotes: a number is written without them, e.g. `{t}`")
        }
        NumberFix::DigitsOnly => {
            "write digits only, without spaces, units or a currency sign: 312000, not 312 000 ₽"
                .into()
        }
        NumberFix::DigitsExample => "write the number in digits, e.g. 12".into(),
        NumberFix::Digits => "write the number in digits".into(),
        NumberFix::AfterColon { plural: true } => {
            "write the number after the colon; 0 if there were none".into()
        }
        NumberFix::AfterColon { plural: false } => {
            "write the number after the colon; 0 if there was none".into()
        }
        NumberFix::Percent { percent, fraction } => {
            format!("write {fraction}: a target is a fraction ({percent}% is {fraction})")
        }
        NumberFix::DecimalPoint(n) => format!("write {n} with a point and without quotes"),
        NumberFix::TargetKinds => {
            "a target is a fraction for a ratio (0.35 for 35%) or an amount for avg_deal".into()
        }
    }
}

pub(super) fn value_en(v: &Value) -> (String, Option<String>) {
    match v {
        Value::Count { found, fix } => (
            format!("expected a whole number ≥ 0, found {}", found_en(found)),
            Some(number_hint_en(fix)),
        ),
        Value::Amount { found, fix } => (
            format!("expected a number ≥ 0, found {}", found_en(found)),
            Some(number_hint_en(fix)),
        ),
        Value::Target { found, fix } => {
            let what = if *fix == NumberFix::TargetKinds {
                "a number ≥ 0"
            } else {
                "a number"
            };
            (
                format!("expected {what}, found {}", found_en(found)),
                Some(number_hint_en(fix)),
            )
        }
        Value::DateShape { text } => (
            format!("expected a date as YYYY-MM-DD, found `{text}`"),
            Some("write it like 2026-11-23 (year, month, day)".into()),
        ),
        Value::NoSuchDate { text, fix } => (
            format!("`{text}` is not a date in the calendar"),
            Some(match fix {
                DateFix::NoMonth(m) => format!("there is no month {m:02}: months run 01–12"),
                DateFix::MonthDays { month, days } => format!("{month} has {days} days"),
            }),
        ),
        Value::TooLong { max, count, name } => (
            format!("expected at most {max} characters, found {count}"),
            Some(if *name {
                "a name is shown in charts, tables and menus: write the name alone".into()
            } else {
                "a title is shown in menus and headings: keep it short and put the rest in the text"
                    .into()
            }),
        ),
        Value::WeekShape { text } => (
            format!("`{text}` is not an ISO week: expected `YYYY-Www`, e.g. `2026-W47`"),
            None,
        ),
        Value::NoSuchWeek { text, year, weeks } => (
            format!("week `{text}` does not exist: {year} has {weeks} ISO weeks"),
            None,
        ),
        Value::MonthShape { text } => (
            format!("`{text}` is not a month: expected `YYYY-MM`, e.g. `2026-11`"),
            None,
        ),
        Value::NoSuchMonth { text } => (format!("month `{text}` does not exist"), None),
    }
}

/// `2026-02` as "феврале 2026 года" (after "в").
pub(super) fn month_ru(month: &str) -> String {
    const NAMES: [&str; 12] = [
        "январе",
        "феврале",
        "марте",
        "апреле",
        "мае",
        "июне",
        "июле",
        "августе",
        "сентябре",
        "октябре",
        "ноябре",
        "декабре",
    ];
    let parsed = month
        .split_once('-')
        .and_then(|(y, m)| Some((y, m.parse::<usize>().ok()?)));
    match parsed {
        Some((year, m @ 1..=12)) => format!("{} {year} года", NAMES[m - 1]),
        _ => format!("месяце {month}"),
    }
}

fn number_hint_ru(fix: &NumberFix) -> String {
    match fix {
        NumberFix::TooManyCount(limit) => {
            format!("столько не бывает (предел — {limit}): проверьте цифры")
        }
        NumberFix::TooMuchAmount => {
            "такой суммы не бывает (предел — 10^15): проверьте цифры".into()
        }
        NumberFix::NegativeCount => {
            "количество не может быть отрицательным; если ничего не было, пишите 0".into()
        }
        NumberFix::NegativeAmount => {
            "сумма не может быть отрицательной; возвраты опишите в заметке к месяцу".into()
        }
        NumberFix::Fraction => "количество — целое число, без дробей".into(),
        NumberFix::RemoveQuotes(t) => {
            format!("уберите кавычки: число пишется без них, например `{t}`")
        }
        NumberFix::DigitsOnly => {
            "пишите только цифры, без пробелов, единиц и знака валюты: 312000, а не 312 000 ₽"
                .into()
        }
        NumberFix::DigitsExample => "запишите число цифрами, например 12".into(),
        NumberFix::Digits => "запишите число цифрами".into(),
        NumberFix::AfterColon { .. } => {
            "напишите число после двоеточия; если ничего не было — 0".into()
        }
        NumberFix::Percent { percent, fraction } => {
            format!("напишите {fraction}: цель записывается долей ({percent} % — это {fraction})")
        }
        NumberFix::DecimalPoint(n) => format!("напишите {n} — с точкой и без кавычек"),
        NumberFix::TargetKinds => {
            "цель — это доля для конверсий (0.35 для 35 %) или сумма для среднего чека (`avg_deal`)"
                .into()
        }
    }
}

pub(super) fn value_ru(key: &Option<String>, v: &Value) -> (String, Option<String>) {
    match v {
        Value::Count { found, fix } => (
            must_ru(
                key,
                "целым числом не меньше 0",
                &found_ru(found),
            ),
            Some(number_hint_ru(fix)),
        ),
        Value::Amount { found, fix } => (
            must_ru(key, "числом не меньше 0", &found_ru(found)),
            Some(number_hint_ru(fix)),
        ),
        Value::Target { found, fix } => {
            let what = if *fix == NumberFix::TargetKinds {
                "числом не меньше 0"
            } else {
                "числом"
            };
            (must_ru(key, what, &found_ru(found)), Some(number_hint_ru(fix)))
        }
        Value::DateShape { text } => (
            must_ru(
                key,
                "датой вида ГГГГ-ММ-ДД",
                &format!("`{text}`"),
            ),
            Some("пишите дату так: 2026-11-23 (год, месяц, день)".into()),
        ),
        Value::NoSuchDate { text, fix } => (
            format!("даты `{text}` нет в календаре"),
            Some(match fix {
                DateFix::NoMonth(m) => format!("месяца {m:02} не бывает: месяцы идут с 01 по 12"),
                DateFix::MonthDays { month, days } => format!(
                    "в {} всего {days} {}",
                    month_ru(month),
                    plural_ru(u64::from(*days), "день", "дня", "дней")
                ),
            }),
        ),
        Value::TooLong { max, count, name } => (
            match key {
                Some(key) => format!(
                    "`{key}` должно быть не длиннее {max} знаков, а здесь {count}"
                ),
                None => format!("текст должен быть не длиннее {max} знаков, а здесь {count}"),
            },
            Some(if *name {
                "имя показывается на графиках, в таблицах и меню: напишите только имя".into()
            } else {
                "заголовок показывается в меню и над страницей: сделайте его коротким, а остальное напишите в тексте".into()
            }),
        ),
        Value::WeekShape { text } => (
            format!("`{text}` — не неделя: нужно `ГГГГ-Wнн`, например `2026-W47`"),
            None,
        ),
        Value::NoSuchWeek { text, year, weeks } => (
            format!(
                "недели `{text}` нет: в {year} году {weeks} {}",
                plural_ru(u64::from(*weeks), "неделя", "недели", "недель")
            ),
            Some("неделя в файлах — это неделя ISO: с понедельника по воскресенье, первая — та, в которой первый четверг января".into()),
        ),
        Value::MonthShape { text } => (
            format!("`{text}` — не месяц: нужно `ГГГГ-ММ`, например `2026-11`"),
            None,
        ),
        Value::NoSuchMonth { text } => (format!("месяца `{text}` нет"), None),
    }
}
