//! Dates and amounts as CRMs write them, read into `NaiveDate` and whole
//! cents, or refused with a message that says what was expected.

use chrono::NaiveDate;

use crate::content::value::MAX_AMOUNT;
use crate::problem::CellDate;

/// How to read a date written with slashes: `11/27/2026` (US CRMs) or
/// `27/11/2026`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlashDates {
    /// Day first: `27/11/2026`.
    Dmy,
    /// Month first: `11/27/2026`.
    Mdy,
}

/// A value that could not be read: the message (without the column, which
/// the caller adds) and how to fix it.
pub use crate::problem::Cell as Refused;

impl Refused {
    /// The English message, for tests.
    pub fn message(&self) -> String {
        crate::locale::diagnostics::cell_en(self).0
    }

    /// The English hint, for tests.
    pub fn hint(&self) -> String {
        crate::locale::diagnostics::cell_en(self).1
    }
}

/// What CRMs write in a close date of a deal that is still open.
const NOT_CLOSED: &[&str] = &[
    "не закрыта",
    "не закрыто",
    "не закрыт",
    "not closed",
    "-",
    "—",
    "–",
];

/// A date with an optional time after it; `None` for an empty cell or an
/// open deal's «не закрыта».
pub fn parse_date(text: &str, slash: SlashDates) -> Result<Option<NaiveDate>, Refused> {
    let t = text.trim();
    if t.is_empty() || NOT_CLOSED.contains(&t.to_lowercase().as_str()) {
        return Ok(None);
    }
    let shape = || Refused::NotADate {
        text: t.to_string(),
    };
    // The date is what comes before a time ("27.11.2026 14:05", "2026-11-27T14:05:00Z").
    let (date, time) = match t.find([' ', 'T']) {
        Some(i) => (&t[..i], t[i + 1..].trim()),
        None => (t, ""),
    };
    if !time.is_empty() && !looks_like_time(time) {
        return Err(shape());
    }
    let parts: Vec<&str> = date.split(['-', '.', '/']).collect();
    let separators: Vec<char> = date
        .chars()
        .filter(|c| matches!(c, '-' | '.' | '/'))
        .collect();
    if parts.len() != 3
        || separators.iter().any(|c| *c != separators[0])
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(shape());
    }
    let number = |p: &str| p.parse::<u32>().unwrap_or(u32::MAX);
    let (year, month, day) = if parts[0].len() == 4 {
        (number(parts[0]), number(parts[1]), number(parts[2]))
    } else if parts[2].len() == 4 {
        match (separators[0], slash) {
            ('/', SlashDates::Mdy) => (number(parts[2]), number(parts[0]), number(parts[1])),
            _ => (number(parts[2]), number(parts[1]), number(parts[0])),
        }
    } else {
        return Err(Refused::NoFourDigitYear {
            text: t.to_string(),
        });
    };
    if parts.iter().any(|p| p.len() > 4) {
        return Err(shape());
    }
    let year = i32::try_from(year).unwrap_or(0);
    NaiveDate::from_ymd_opt(year, month, day)
        .filter(|_| (1900..=9998).contains(&year))
        .map(Some)
        .ok_or_else(|| {
            let fix = match crate::calendar::YearMonth::new(year, month) {
                _ if !(1900..=9998).contains(&year) => CellDate::YearOutOfRange(year),
                None if separators[0] == '/' => CellDate::NoMonthSlash(month),
                None => CellDate::NoMonth(month),
                Some(ym) => CellDate::MonthDays {
                    month: ym.to_string(),
                    days: chrono::Datelike::day(&ym.last_day()),
                },
            };
            Refused::NoSuchDate {
                text: t.to_string(),
                fix,
            }
        })
}

/// `14:05`, `14:05:00`, `14:05:00Z`, `14:05:00.000+03:00`, `2:05 PM`.
fn looks_like_time(text: &str) -> bool {
    let mut chars = text.chars();
    let digits = chars.by_ref().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&digits) && text[digits..].starts_with(':')
}

/// An amount in whole cents; `None` for an empty cell.
pub fn parse_amount(text: &str) -> Result<Option<u64>, Refused> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let not_an_amount = || Refused::NotAnAmount {
        text: t.to_string(),
    };
    let kept = number_chars(t).ok_or_else(not_an_amount)?;
    if kept.starts_with('-') || (kept.starts_with('(') && kept.ends_with(')')) {
        return Err(Refused::NegativeAmount {
            text: t.to_string(),
        });
    }
    if kept.is_empty() || kept.contains(['-', '(', ')']) {
        return Err(not_an_amount());
    }
    let (integer, fraction) = match decimal_separator(&kept) {
        Some(d) => {
            let i = kept.rfind(d).unwrap_or(kept.len());
            (&kept[..i], &kept[i + 1..])
        }
        None => (kept.as_str(), ""),
    };
    let whole: String = integer.chars().filter(char::is_ascii_digit).collect();
    let grouped_wrong = whole.is_empty() && fraction.is_empty()
        || fraction.contains([',', '.'])
        || !grouping_is_regular(integer);
    if grouped_wrong {
        return Err(not_an_amount());
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| Refused::AmountTooLarge {
            text: t.to_string(),
            real: false,
        })?
    };
    let cents = with_cents(whole, fraction)
        .filter(|c| (*c as f64) / 100.0 <= MAX_AMOUNT)
        .ok_or_else(|| Refused::AmountTooLarge {
            text: t.to_string(),
            real: true,
        })?;
    Ok(Some(cents))
}

/// The digits, separators, signs and brackets of an amount: currency
/// signs, codes and words ("$", "₽", "USD", "руб.") and thousands spaces
/// of any width go. `None` when some other character is in it.
fn number_chars(t: &str) -> Option<String> {
    let mut kept = String::with_capacity(t.len());
    let mut after_letters = false;
    for c in t.chars() {
        if c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '(' | ')') {
            // The dot of "руб." or "р." belongs to the word.
            if !(c == '.' && after_letters) {
                kept.push(c);
            }
            after_letters = false;
        } else if c.is_alphabetic() {
            after_letters = true;
        } else if c.is_whitespace()
            || matches!(c, '\'' | '’' | '$' | '€' | '₽' | '£' | '¥' | '₸' | '₴')
        {
            after_letters = false;
        } else {
            return None;
        }
    }
    Some(kept)
}

/// Which of `,` and `.` separates the decimals, if either: a single comma
/// not followed by exactly three digits, a single dot, or when both occur
/// the later one ("1.200.000,50", "1,200,000.50"). Repeated, they group
/// thousands.
fn decimal_separator(kept: &str) -> Option<char> {
    let (commas, dots) = (kept.matches(',').count(), kept.matches('.').count());
    match (commas, dots) {
        (0, 0) => None,
        (_, 0) if commas == 1 && decimals_after(kept, ',') != 3 => Some(','),
        (0, 1) => Some('.'),
        (0, _) | (_, 0) => None,
        _ => {
            let last_comma = kept.rfind(',').unwrap_or(0);
            let last_dot = kept.rfind('.').unwrap_or(0);
            Some(if last_comma > last_dot { ',' } else { '.' })
        }
    }
}

/// Whole units and the decimal digits after them in cents, rounded half
/// up on the third decimal and beyond; `None` on overflow.
fn with_cents(whole: u64, fraction: &str) -> Option<u64> {
    let mut digits = fraction.chars().map(|c| u64::from(c as u8 - b'0'));
    let tenths = digits.next().unwrap_or(0);
    let hundredths = digits.next().unwrap_or(0);
    let round_up = u64::from(digits.next().unwrap_or(0) >= 5);
    whole
        .checked_mul(100)
        .and_then(|c| c.checked_add(tenths * 10 + hundredths + round_up))
}

fn decimals_after(text: &str, separator: char) -> usize {
    text.rfind(separator)
        .map_or(0, |i| text.len() - i - separator.len_utf8())
}

/// Thousands separators (`,` or `.`) in the integer part stand every three digits.
fn grouping_is_regular(integer: &str) -> bool {
    let groups: Vec<&str> = integer.split([',', '.']).collect();
    if groups.len() == 1 {
        return true;
    }
    !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
}

/// Cents as the number a week file holds: `96000`, `1200000.5`.
pub fn cents_text(cents: u64) -> String {
    let (whole, rest) = (cents / 100, cents % 100);
    match rest {
        0 => whole.to_string(),
        r if r % 10 == 0 => format!("{whole}.{}", r / 10),
        r => format!("{whole}.{r:02}"),
    }
}

/// A week file's amount in cents, to compare with imported ones.
pub fn to_cents(amount: f64) -> u64 {
    (amount * 100.0).round().max(0.0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Option<NaiveDate> {
        parse_date(text, SlashDates::Dmy).unwrap()
    }

    fn date(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn reads_the_date_formats_of_real_exports() {
        let expected = date(2026, 11, 27);
        for text in [
            "2026-11-27",
            "27.11.2026",
            "27.11.2026 14:05",
            "27-11-2026 14:05:00",
            " 2026-11-27T14:05:00Z ",
            "2026-11-27 14:05",
            "27/11/2026",
        ] {
            assert_eq!(d(text), expected, "{text}");
        }
        assert_eq!(
            parse_date("11/27/2026 2:05 PM", SlashDates::Mdy).unwrap(),
            expected
        );
        assert_eq!(
            parse_date("3/1/2017", SlashDates::Mdy).unwrap(),
            date(2017, 3, 1)
        );
        assert_eq!(d("не закрыта"), None);
        assert_eq!(d("Не закрыта"), None);
        assert_eq!(d(""), None);
    }

    #[test]
    fn refuses_dates_with_a_reason() {
        let err = |t: &str| parse_date(t, SlashDates::Dmy).unwrap_err();
        assert_eq!(err("завтра").message(), "expected a date, found `завтра`");
        assert_eq!(
            err("31.11.2026").message(),
            "`31.11.2026` is not a date in the calendar"
        );
        assert_eq!(err("31.11.2026").hint(), "2026-11 has 30 days");
        assert_eq!(
            err("27.13.2026").hint(),
            "there is no month 13: months run 1–12"
        );
        assert_eq!(
            parse_date("27/11/2026", SlashDates::Mdy)
                .unwrap_err()
                .hint(),
            "there is no month 27; if the file writes the day first, add `slash_dates: dmy` to the map file (or `mdy` for month first)"
        );
        assert_eq!(
            err("27.11.26").message(),
            "expected a date with a four-digit year, found `27.11.26`"
        );
        assert_eq!(
            err("27.11-2026").message(),
            "expected a date, found `27.11-2026`"
        );
        assert_eq!(
            err("2026-11-27 noon").message(),
            "expected a date, found `2026-11-27 noon`"
        );
    }

    fn a(text: &str) -> u64 {
        parse_amount(text).unwrap().unwrap()
    }

    #[test]
    fn reads_the_amount_formats_of_real_exports() {
        assert_eq!(a("1 200 000"), 120_000_000);
        assert_eq!(a("1\u{a0}200\u{a0}000,50"), 120_000_050);
        assert_eq!(a("1 200 000,5"), 120_000_050);
        assert_eq!(a("1,200,000.50"), 120_000_050);
        assert_eq!(a("$1,234"), 123_400);
        assert_eq!(a("USD 1,234.00"), 123_400);
        assert_eq!(a("96000 руб."), 9_600_000);
        assert_eq!(a("1.200.000,50"), 120_000_050);
        assert_eq!(a("1054"), 105_400);
        assert_eq!(a("1054.0"), 105_400);
        assert_eq!(a("12.345"), 1235, "a third decimal rounds");
        assert_eq!(parse_amount("  ").unwrap(), None);
    }

    #[test]
    fn refuses_amounts_with_a_reason() {
        let err = |t: &str| parse_amount(t).unwrap_err();
        assert_eq!(err("много").message(), "expected an amount, found `много`");
        assert_eq!(
            err("-500").message(),
            "an amount cannot be negative, found `-500`"
        );
        assert_eq!(
            err("(1,234.00)").message(),
            "an amount cannot be negative, found `(1,234.00)`"
        );
        assert_eq!(
            err("1,20,0").message(),
            "expected an amount, found `1,20,0`"
        );
        assert_eq!(err("12%").message(), "expected an amount, found `12%`");
    }

    #[test]
    fn cents_print_as_the_week_file_writes_them() {
        assert_eq!(cents_text(9_600_000), "96000");
        assert_eq!(cents_text(120_000_050), "1200000.5");
        assert_eq!(cents_text(123_456), "1234.56");
        assert_eq!(to_cents(1200000.5), 120_000_050);
    }
}
