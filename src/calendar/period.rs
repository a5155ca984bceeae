//! Periods: the days of one ISO week that belong to one calendar month.
//!
//! A week with working days in two months is split into two periods, one
//! per month; any other week is one period that belongs whole to the month
//! of its working days (or of its Thursday when it has none).

use std::fmt;

use chrono::{Datelike, Days, NaiveDate};

use super::workdays::WorkCalendar;
use super::{IsoWeek, YearMonth};

/// One week file's span of days: a whole ISO week, or its part in one month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub week: IsoWeek,
    pub month: YearMonth,
    /// Whether this is one part of a split week (its file is `YYYY-Www-MM.yaml`).
    pub split: bool,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Period {
    /// The days of the period, in order.
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        self.first.iter_days().take_while(move |d| *d <= self.last)
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }

    /// The name of its file under `content/weeks/`, without `.yaml`.
    pub fn file_stem(self) -> String {
        if self.split {
            format!("{}-{:02}", self.week, self.month.month())
        } else {
            self.week.to_string()
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file_stem())
    }
}

impl WorkCalendar {
    /// Whether `week` has working days in two months.
    pub fn is_split(&self, week: IsoWeek) -> bool {
        let (monday, sunday) = (week.monday(), week.sunday());
        if monday.month() == sunday.month() {
            return false;
        }
        let last_of_first = YearMonth::of(monday).last_day();
        self.count(monday, last_of_first) > 0
            && self.count(last_of_first + Days::new(1), sunday) > 0
    }

    /// The month a week that is not split belongs to: the month of its
    /// working days, or of its Thursday when it has none.
    fn plain_month(&self, week: IsoWeek) -> YearMonth {
        week.days()
            .find(|d| self.is_working(*d))
            .map_or_else(|| week.thursday_month(), YearMonth::of)
    }

    /// The periods of `week`: one, or two when it is split (earlier first).
    pub fn periods_of_week(&self, week: IsoWeek) -> Vec<Period> {
        let (monday, sunday) = (week.monday(), week.sunday());
        if !self.is_split(week) {
            return vec![Period {
                week,
                month: self.plain_month(week),
                split: false,
                first: monday,
                last: sunday,
            }];
        }
        let end = YearMonth::of(monday).last_day();
        vec![
            Period {
                week,
                month: YearMonth::of(monday),
                split: true,
                first: monday,
                last: end,
            },
            Period {
                week,
                month: YearMonth::of(sunday),
                split: true,
                first: end + Days::new(1),
                last: sunday,
            },
        ]
    }

    /// The period of `week` that belongs to `month`, if any.
    pub fn period(&self, week: IsoWeek, month: YearMonth) -> Option<Period> {
        self.periods_of_week(week)
            .into_iter()
            .find(|p| p.month == month)
    }

    /// Every period that belongs to `month`, in order.
    pub fn periods_of_month(&self, month: YearMonth) -> Vec<Period> {
        let mut periods = Vec::with_capacity(6);
        let mut week = IsoWeek::of(month.first_day()).prev();
        let last = IsoWeek::of(month.last_day()).next();
        while week <= last {
            periods.extend(
                self.periods_of_week(week)
                    .into_iter()
                    .filter(|p| p.month == month),
            );
            week = week.next();
        }
        periods
    }

    /// Working days of a period.
    pub fn working_days(&self, period: Period) -> u32 {
        self.count(period.first, period.last)
    }

    /// Working days of a calendar month.
    pub fn month_working_days(&self, month: YearMonth) -> u32 {
        self.count(month.first_day(), month.last_day())
    }
}

#[cfg(test)]
mod tests {
    use super::super::workdays::{Country, FIVE_DAY_WEEK};
    use super::*;
    use chrono::Weekday;

    fn ru() -> WorkCalendar {
        WorkCalendar::new(Country::Ru, &FIVE_DAY_WEEK, [], [])
    }

    fn w(text: &str) -> IsoWeek {
        IsoWeek::parse(text).unwrap()
    }

    fn m(text: &str) -> YearMonth {
        YearMonth::parse(text).unwrap()
    }

    fn stems(periods: &[Period]) -> Vec<String> {
        periods.iter().map(|p| p.file_stem()).collect()
    }

    #[test]
    fn w49_of_2026_is_split_between_november_and_december() {
        let cal = ru();
        let parts = cal.periods_of_week(w("2026-W49"));
        assert_eq!(stems(&parts), ["2026-W49-11", "2026-W49-12"]);
        assert_eq!(parts[0].first.to_string(), "2026-11-30");
        assert_eq!(parts[0].last.to_string(), "2026-11-30");
        assert_eq!(parts[1].first.to_string(), "2026-12-01");
        assert_eq!(parts[1].last.to_string(), "2026-12-06");
        assert_eq!(cal.working_days(parts[0]), 1);
        assert_eq!(cal.working_days(parts[1]), 4);
    }

    #[test]
    fn w44_of_2026_is_october_s_whole() {
        // 26 Oct – Sun 1 Nov: its only November day is a Sunday.
        let cal = ru();
        let parts = cal.periods_of_week(w("2026-W44"));
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].month, m("2026-10"));
        assert!(!parts[0].split);
        assert_eq!(cal.working_days(parts[0]), 5);
        // A department that sells on Sundays splits it.
        let mut days = FIVE_DAY_WEEK.to_vec();
        days.extend([Weekday::Sat, Weekday::Sun]);
        let weekends = WorkCalendar::new(Country::Ru, &days, [], []);
        assert!(weekends.is_split(w("2026-W44")));
    }

    #[test]
    fn november_2026_periods() {
        let cal = ru();
        let periods = cal.periods_of_month(m("2026-11"));
        assert_eq!(
            stems(&periods),
            [
                "2026-W45",
                "2026-W46",
                "2026-W47",
                "2026-W48",
                "2026-W49-11"
            ]
        );
        let days: Vec<u32> = periods.iter().map(|p| cal.working_days(*p)).collect();
        assert_eq!(days, [4, 5, 5, 5, 1]);
        assert_eq!(cal.month_working_days(m("2026-11")), 20);
    }

    #[test]
    fn a_week_without_working_days_belongs_to_its_thursday() {
        let cal = ru();
        // 2027-W01, 4–10 January 2027: holidays all week.
        let parts = cal.periods_of_week(w("2027-W01"));
        assert_eq!(parts.len(), 1);
        assert_eq!(cal.working_days(parts[0]), 0);
        assert_eq!(parts[0].month, m("2027-01"));
        // 2026-W53 (28 Dec – 3 Jan): working days only in December.
        let parts = cal.periods_of_week(w("2026-W53"));
        assert_eq!(stems(&parts), ["2026-W53"]);
        assert_eq!(parts[0].month, m("2026-12"));
        assert_eq!(cal.working_days(parts[0]), 3);
        // January 2027 starts with the week of 4 January (1–3 January lie
        // in 2026-W53) and ends on Sunday 31 January.
        assert_eq!(
            stems(&cal.periods_of_month(m("2027-01"))),
            ["2027-W01", "2027-W02", "2027-W03", "2027-W04"]
        );
    }

    #[test]
    fn every_day_of_a_year_is_in_exactly_one_period() {
        for cal in [ru(), WorkCalendar::default()] {
            for month in 1..=12 {
                let month = YearMonth::new(2026, month).unwrap();
                let periods = cal.periods_of_month(month);
                let total: u32 = periods.iter().map(|p| cal.working_days(*p)).sum();
                assert_eq!(total, cal.month_working_days(month), "{month}");
                for p in &periods {
                    assert_eq!(cal.period(p.week, month), Some(*p));
                }
            }
        }
    }
}
