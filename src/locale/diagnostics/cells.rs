//! The words of a cell of an export that cannot be read as the date or the
//! amount its column holds; `import` names the column and the row.

use crate::locale::plural_ru;
use crate::problem::{Cell, CellDate};

const DATE_HINT: &str = "dates are read as 2026-11-27, 27.11.2026, 27-11-2026 or 27/11/2026, each optionally followed by a time";
const AMOUNT_HINT: &str =
    "write the amount in digits, e.g. 1200000, 1 200 000,50, 1,200,000.50 or $1,234";

/// Why a cell cannot be read, in English: (message, hint).
pub fn cell_en(cell: &Cell) -> (String, String) {
    match cell {
        Cell::NotADate { text } => (format!("expected a date, found `{text}`"), DATE_HINT.into()),
        Cell::NoFourDigitYear { text } => (
            format!("expected a date with a four-digit year, found `{text}`"),
            DATE_HINT.into(),
        ),
        Cell::NoSuchDate { text, fix } => (
            format!("`{text}` is not a date in the calendar"),
            match fix {
                CellDate::YearOutOfRange(year) => format!("the year {year} is out of range"),
                CellDate::NoMonthSlash(month) => format!(
                    "there is no month {month}; if the file writes the day first, add `slash_dates: dmy` to the map file (or `mdy` for month first)"
                ),
                CellDate::NoMonth(month) => format!("there is no month {month}: months run 1–12"),
                CellDate::MonthDays { month, days } => format!("{month} has {days} days"),
            },
        ),
        Cell::NotAnAmount { text } => (
            format!("expected an amount, found `{text}`"),
            AMOUNT_HINT.into(),
        ),
        Cell::NegativeAmount { text } => (
            format!("an amount cannot be negative, found `{text}`"),
            "a refund is not a won deal: leave it out of the export, or fix the amount in the CRM"
                .into(),
        ),
        Cell::AmountTooLarge { text, real } => (
            format!("the amount `{text}` is too large"),
            if *real {
                "that is more than any real deal (the limit is 10^15); check the digits".into()
            } else {
                AMOUNT_HINT.into()
            },
        ),
    }
}

pub(super) fn cell_ru(cell: &Cell) -> (String, String) {
    const DATE_HINT_RU: &str = "даты читаются в виде 2026-11-27, 27.11.2026, 27-11-2026 или 27/11/2026, можно со временем после даты";
    const AMOUNT_HINT_RU: &str =
        "сумма пишется цифрами, например 1200000, 1 200 000,50, 1,200,000.50 или $1,234";
    match cell {
        Cell::NotADate { text } => (
            format!("здесь нужна дата, а написано `{text}`"),
            DATE_HINT_RU.into(),
        ),
        Cell::NoFourDigitYear { text } => (
            format!("в дате `{text}` год должен быть из четырёх цифр"),
            DATE_HINT_RU.into(),
        ),
        Cell::NoSuchDate { text, fix } => (
            format!("даты `{text}` нет в календаре"),
            match fix {
                CellDate::YearOutOfRange(year) => format!("{year} год — вне допустимых пределов"),
                CellDate::NoMonthSlash(month) => format!(
                    "месяца {month} не бывает; если в файле сначала идёт день, добавьте в файл сопоставления `slash_dates: dmy` (или `mdy`, если сначала месяц)"
                ),
                CellDate::NoMonth(month) => {
                    format!("месяца {month} не бывает: месяцы идут с 1 по 12")
                }
                CellDate::MonthDays { month, days } => format!(
                    "в {} всего {days} {}",
                    super::values::month_ru(month),
                    plural_ru(u64::from(*days), "день", "дня", "дней")
                ),
            },
        ),
        Cell::NotAnAmount { text } => (
            format!("здесь нужна сумма, а написано `{text}`"),
            AMOUNT_HINT_RU.into(),
        ),
        Cell::NegativeAmount { text } => (
            format!("сумма не может быть отрицательной, а здесь `{text}`"),
            "возврат — не выигранная сделка: уберите его из выгрузки или исправьте сумму в CRM"
                .into(),
        ),
        Cell::AmountTooLarge { text, real } => (
            format!("сумма `{text}` слишком велика"),
            if *real {
                "таких сделок не бывает (предел — 10^15): проверьте цифры".into()
            } else {
                AMOUNT_HINT_RU.into()
            },
        ),
    }
}
