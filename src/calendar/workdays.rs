//! Working days: the department's weekdays, its country's production
//! calendar and its own exceptions (DESIGN.md, "The calendar").

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use holidays_ru::{Federal, Resolved};
use serde::{Deserialize, Serialize};

/// Whose public holidays and transfers of days off count.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Country {
    /// No public holidays: only `workdays` and the config's own dates.
    #[default]
    None,
    /// Russia's production calendar for the five-day week.
    Ru,
}

/// What the country makes of a day, where it has data for its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CountryDay {
    /// Nothing special: the department's weekdays decide.
    Ordinary,
    /// A public holiday (any day of the week) or a weekday moved off.
    Off,
    /// A Saturday or Sunday moved on by a transfer.
    On,
}

/// Decides which days are working days.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WorkCalendar {
    country: Country,
    /// Monday first.
    workdays: [bool; 7],
    holidays: BTreeSet<NaiveDate>,
    working: BTreeSet<NaiveDate>,
}

impl Default for WorkCalendar {
    /// Monday to Friday, no public holidays.
    fn default() -> Self {
        Self::new(Country::None, &FIVE_DAY_WEEK, [], [])
    }
}

/// The five-day week, `workdays`' default.
pub const FIVE_DAY_WEEK: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

impl WorkCalendar {
    pub fn new(
        country: Country,
        workdays: &[Weekday],
        holidays: impl IntoIterator<Item = NaiveDate>,
        working: impl IntoIterator<Item = NaiveDate>,
    ) -> Self {
        let mut days = [false; 7];
        for d in workdays {
            days[d.num_days_from_monday() as usize] = true;
        }
        Self {
            country,
            workdays: days,
            holidays: holidays.into_iter().collect(),
            working: working.into_iter().collect(),
        }
    }

    pub fn country(&self) -> Country {
        self.country
    }

    /// Whether `day` is a working day of the department.
    pub fn is_working(&self, day: NaiveDate) -> bool {
        if self.working.contains(&day) {
            return true;
        }
        if self.holidays.contains(&day) {
            return false;
        }
        let weekday = self.workdays[day.weekday().num_days_from_monday() as usize];
        match self.country_day(day) {
            CountryDay::Ordinary => weekday,
            CountryDay::Off => false,
            CountryDay::On => true,
        }
    }

    /// Working days from `first` to `last`, both included (0 when `last` < `first`).
    pub fn count(&self, first: NaiveDate, last: NaiveDate) -> u32 {
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| self.is_working(*d))
            .count() as u32
    }

    /// Whether the country's calendar has official data for `year` (always
    /// true without a country: there is nothing to miss).
    pub fn has_data_for(&self, year: i32) -> bool {
        match self.country {
            Country::None => true,
            Country::Ru => {
                let Ok(y) = u16::try_from(year) else {
                    return false;
                };
                matches!(
                    holidays_ru::flags_ymd::<Federal>(i32::from(y), 1, 1),
                    Some(Resolved::Fact(_))
                )
            }
        }
    }

    fn country_day(&self, day: NaiveDate) -> CountryDay {
        match self.country {
            Country::None => CountryDay::Ordinary,
            Country::Ru => {
                let Ok(month) = u8::try_from(day.month()) else {
                    return CountryDay::Ordinary;
                };
                let Ok(dom) = u8::try_from(day.day()) else {
                    return CountryDay::Ordinary;
                };
                // Only official data counts: the crate's predictions for
                // later years are not a government decree.
                let Some(Resolved::Fact(flags)) =
                    holidays_ru::flags_ymd::<Federal>(day.year(), month, dom)
                else {
                    return CountryDay::Ordinary;
                };
                let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
                if flags.is_holiday() || (!weekend && flags.is_day_off()) {
                    CountryDay::Off
                } else if weekend && flags.is_working_day() {
                    CountryDay::On
                } else {
                    CountryDay::Ordinary
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn ru() -> WorkCalendar {
        WorkCalendar::new(Country::Ru, &FIVE_DAY_WEEK, [], [])
    }

    fn year(cal: &WorkCalendar, y: i32) -> u32 {
        cal.count(d(&format!("{y}-01-01")), d(&format!("{y}-12-31")))
    }

    #[test]
    fn russian_years_match_the_decrees() {
        // Working days of the five-day week, as the government's production
        // calendars give them (decrees No. 1314 of 10.08.2023, No. 1335 of
        // 04.10.2024, No. 1466 of 24.09.2025), and cross-checked against
        // xmlcalendar.ru's data for the same years.
        let cal = ru();
        assert_eq!(year(&cal, 2024), 248);
        assert_eq!(year(&cal, 2025), 247);
        assert_eq!(year(&cal, 2026), 247);
        for y in 2024..=2027 {
            assert!(cal.has_data_for(y), "{y}");
        }
        assert!(!cal.has_data_for(2031));
        assert!(WorkCalendar::default().has_data_for(2031));
    }

    #[test]
    fn november_2026_has_twenty_working_days() {
        let cal = ru();
        assert!(!cal.is_working(d("2026-11-04")), "National Unity Day");
        assert!(cal.is_working(d("2026-11-03")));
        assert_eq!(cal.count(d("2026-11-01"), d("2026-11-30")), 20);
        // 2026-W45, 2–8 November: four working days.
        assert_eq!(cal.count(d("2026-11-02"), d("2026-11-08")), 4);
    }

    #[test]
    fn transfers_move_days_on_and_off() {
        let cal = ru();
        // 2026: 3 January (Sat) moved to Friday 9 January.
        assert!(!cal.is_working(d("2026-01-09")));
        // 2024: Saturday 27 April and 2 November were working days.
        assert!(cal.is_working(d("2024-04-27")));
        assert!(cal.is_working(d("2024-11-02")));
        assert!(!cal.is_working(d("2024-04-29")));
        // 2025: Saturday 1 November worked, Monday 3 November off.
        assert!(cal.is_working(d("2025-11-01")));
        assert!(!cal.is_working(d("2025-11-03")));
        // 4–8 January 2027: a week without a working day.
        assert_eq!(cal.count(d("2027-01-04"), d("2027-01-10")), 0);
    }

    #[test]
    fn a_six_day_department_keeps_the_country_s_days_off() {
        let mut days = FIVE_DAY_WEEK.to_vec();
        days.push(Weekday::Sat);
        let cal = WorkCalendar::new(Country::Ru, &days, [], []);
        assert!(cal.is_working(d("2026-11-07")), "an ordinary Saturday");
        assert!(
            !cal.is_working(d("2026-01-03")),
            "a Saturday in the New Year holidays"
        );
        assert!(
            !cal.is_working(d("2026-05-09")),
            "Victory Day on a Saturday"
        );
        assert!(!cal.is_working(d("2026-05-11")), "its transfer to Monday");
        // November 2026: 20 weekdays + 4 Saturdays.
        assert_eq!(cal.count(d("2026-11-01"), d("2026-11-30")), 24);
    }

    #[test]
    fn the_config_s_own_dates_win() {
        let cal = WorkCalendar::new(
            Country::Ru,
            &FIVE_DAY_WEEK,
            [d("2026-11-27")],
            [d("2026-11-04"), d("2026-11-28")],
        );
        assert!(!cal.is_working(d("2026-11-27")));
        assert!(cal.is_working(d("2026-11-04")));
        assert!(cal.is_working(d("2026-11-28")));
        // Without a country, only weekdays count.
        let none = WorkCalendar::default();
        assert!(none.is_working(d("2026-11-04")));
        assert!(!none.is_working(d("2026-11-07")));
        assert_eq!(none.count(d("2026-11-01"), d("2026-11-30")), 21);
    }

    #[test]
    fn a_year_without_data_counts_weekdays_only() {
        let cal = ru();
        // 1 January 2031 is a Wednesday: without data, a working day.
        assert!(cal.is_working(d("2031-01-01")));
    }
}
