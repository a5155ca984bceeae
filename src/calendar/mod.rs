//! ISO weeks, calendar months and working days: the time every number is
//! counted in (DESIGN.md, "The calendar").
//!
//! A month's figures are the sums of its periods: whole ISO weeks, and the
//! parts of weeks split between two months (see [`period`]).

pub mod period;
pub mod workdays;

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::problem::Value;

pub use period::Period;
pub use workdays::{Country, WorkCalendar};

/// An ISO 8601 week, written `2026-W47`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

/// A calendar month, written `2026-11`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

/// Number of ISO weeks in an ISO year (52 or 53).
pub fn weeks_in_year(year: i32) -> u32 {
    // 28 December is always in the last ISO week of its year.
    NaiveDate::from_ymd_opt(year, 12, 28)
        .map(|d| d.iso_week().week())
        .unwrap_or(52)
}

impl IsoWeek {
    /// The week, if `week` exists in ISO year `year`.
    pub fn new(year: i32, week: u32) -> Option<Self> {
        ((1..=weeks_in_year(year)).contains(&week) && (1..=9998).contains(&year))
            .then_some(Self { year, week })
    }

    /// The ISO week that contains `date`.
    pub fn of(date: NaiveDate) -> Self {
        let w = date.iso_week();
        Self {
            year: w.year(),
            week: w.week(),
        }
    }

    /// Parses `YYYY-Www`, explaining what is wrong in words a person can act on.
    pub fn parse(text: &str) -> Result<Self, String> {
        Self::parse_typed(text).map_err(|p| english(&p))
    }

    /// Parses `YYYY-Www`, or says what is wrong with it.
    pub fn parse_typed(text: &str) -> Result<Self, Value> {
        let shape = || Value::WeekShape {
            text: text.to_string(),
        };
        let (year, week) = text.split_once("-W").ok_or_else(shape)?;
        if year.len() != 4 || week.len() != 2 {
            return Err(shape());
        }
        let year: i32 = year.parse().map_err(|_| shape())?;
        let week: u32 = week.parse().map_err(|_| shape())?;
        Self::new(year, week).ok_or_else(|| Value::NoSuchWeek {
            text: text.to_string(),
            year,
            weeks: weeks_in_year(year),
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn number(self) -> u32 {
        self.week
    }

    fn day(self, weekday: Weekday) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, weekday)
            .expect("IsoWeek is only constructed for existing weeks")
    }

    pub fn monday(self) -> NaiveDate {
        self.day(Weekday::Mon)
    }

    pub fn thursday(self) -> NaiveDate {
        self.day(Weekday::Thu)
    }

    pub fn sunday(self) -> NaiveDate {
        self.day(Weekday::Sun)
    }

    /// The month of its Thursday: where a week without working days belongs.
    pub fn thursday_month(self) -> YearMonth {
        YearMonth::of(self.thursday())
    }

    /// Its seven days, Monday first.
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        self.monday().iter_days().take(7)
    }

    pub fn next(self) -> Self {
        Self::of(self.monday() + Days::new(7))
    }

    pub fn prev(self) -> Self {
        Self::of(self.monday() - Days::new(7))
    }

    /// This week and the `count - 1` weeks before it, oldest first.
    pub fn window_ending(self, count: usize) -> Vec<IsoWeek> {
        let mut weeks = Vec::with_capacity(count);
        let mut w = self;
        for _ in 0..count {
            weeks.push(w);
            w = w.prev();
        }
        weeks.reverse();
        weeks
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        ((1..=12).contains(&month) && (1..=9998).contains(&year)).then_some(Self { year, month })
    }

    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Parses `YYYY-MM`.
    pub fn parse(text: &str) -> Result<Self, String> {
        Self::parse_typed(text).map_err(|p| english(&p))
    }

    /// Parses `YYYY-MM`, or says what is wrong with it.
    pub fn parse_typed(text: &str) -> Result<Self, Value> {
        let shape = || Value::MonthShape {
            text: text.to_string(),
        };
        let (year, month) = text.split_once('-').ok_or_else(shape)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(shape());
        }
        let year: i32 = year.parse().map_err(|_| shape())?;
        let month: u32 = month.parse().map_err(|_| shape())?;
        Self::new(year, month).ok_or_else(|| Value::NoSuchMonth {
            text: text.to_string(),
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("valid month")
    }

    pub fn next(self) -> Self {
        if self.month == 12 {
            Self {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Self {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn prev(self) -> Self {
        if self.month == 1 {
            Self {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Self {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// The ISO weeks counted in this month (those whose Thursday falls in it), in order.
    pub fn weeks(self) -> Vec<IsoWeek> {
        // The first Thursday on or after the 1st starts the first week of the month.
        let first = self.first_day();
        let offset =
            (Weekday::Thu.num_days_from_monday() + 7 - first.weekday().num_days_from_monday()) % 7;
        let mut thursday = first + Days::new(u64::from(offset));
        let mut weeks = Vec::with_capacity(5);
        while thursday.month() == self.month {
            weeks.push(IsoWeek::of(thursday));
            thursday = thursday + Days::new(7);
        }
        weeks
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A refused week or month in English, for the command line's arguments.
fn english(problem: &Value) -> String {
    crate::locale::diagnostics::value_text(problem, crate::content::Locale::En).message
}

macro_rules! string_serde {
    ($ty:ty) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                <$ty>::parse_typed(&text).map_err(crate::content::yaml::invalid)
            }
        }
    };
}

string_serde!(IsoWeek);
string_serde!(YearMonth);

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_and_prints_weeks() {
        let w = IsoWeek::parse("2026-W47").unwrap();
        assert_eq!(w.to_string(), "2026-W47");
        assert_eq!(w.monday(), d(2026, 11, 16));
        assert_eq!(w.sunday(), d(2026, 11, 22));
    }

    #[test]
    fn week_53_exists_only_in_long_years() {
        assert_eq!(weeks_in_year(2026), 53);
        assert_eq!(weeks_in_year(2025), 52);
        assert!(IsoWeek::parse("2026-W53").is_ok());
        assert_eq!(
            IsoWeek::parse("2025-W53").unwrap_err(),
            "week `2025-W53` does not exist: 2025 has 52 ISO weeks"
        );
        assert!(IsoWeek::parse("2026-W00").is_err());
        assert!(IsoWeek::parse("2026-47").is_err());
        assert!(IsoWeek::parse("2026-W4").is_err());
    }

    #[test]
    fn week_53_of_2026_is_in_december() {
        let w = IsoWeek::parse("2026-W53").unwrap();
        assert_eq!(w.monday(), d(2026, 12, 28));
        assert_eq!(w.thursday_month().to_string(), "2026-12");
        assert_eq!(w.next().to_string(), "2027-W01");
        assert_eq!(IsoWeek::parse("2027-W01").unwrap().prev(), w);
    }

    #[test]
    fn thursday_decides_the_month() {
        // 2026-W49 runs Nov 30 – Dec 6; its Thursday is Dec 3.
        assert_eq!(
            IsoWeek::parse("2026-W49")
                .unwrap()
                .thursday_month()
                .to_string(),
            "2026-12"
        );
        // 2026-W45 runs Nov 2 – 8.
        assert_eq!(
            IsoWeek::parse("2026-W45")
                .unwrap()
                .thursday_month()
                .to_string(),
            "2026-11"
        );
        // 2026-W01 runs Dec 29 2025 – Jan 4 2026: January.
        assert_eq!(
            IsoWeek::parse("2026-W01")
                .unwrap()
                .thursday_month()
                .to_string(),
            "2026-01"
        );
    }

    #[test]
    fn months_have_four_or_five_weeks() {
        let nov = YearMonth::parse("2026-11").unwrap();
        let names: Vec<String> = nov.weeks().iter().map(|w| w.to_string()).collect();
        assert_eq!(names, ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]);
        let dec = YearMonth::parse("2026-12").unwrap();
        let names: Vec<String> = dec.weeks().iter().map(|w| w.to_string()).collect();
        assert_eq!(
            names,
            ["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"]
        );
        for m in 1..=12 {
            let ym = YearMonth::new(2026, m).unwrap();
            for w in ym.weeks() {
                assert_eq!(w.thursday_month(), ym);
            }
        }
        let total: usize = (1..=12)
            .map(|m| YearMonth::new(2026, m).unwrap().weeks().len())
            .sum();
        assert_eq!(total, 53);
    }

    #[test]
    fn months_parse() {
        assert_eq!(
            YearMonth::parse("2026-02").unwrap().last_day(),
            d(2026, 2, 28)
        );
        assert!(YearMonth::parse("2026-13").is_err());
        assert!(YearMonth::parse("2026-1").is_err());
        assert_eq!(
            YearMonth::parse("2026-01").unwrap().prev().to_string(),
            "2025-12"
        );
    }

    #[test]
    fn window_is_oldest_first() {
        let w = IsoWeek::parse("2027-W02").unwrap();
        let names: Vec<String> = w.window_ending(3).iter().map(|w| w.to_string()).collect();
        assert_eq!(names, ["2026-W53", "2027-W01", "2027-W02"]);
    }
}
