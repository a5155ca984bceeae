//! Numbers that parse but look wrong: warnings that say what looks wrong,
//! because a typed extra zero or a swapped pair of fields otherwise reaches
//! the owner as "лучшая конверсия в оплату … 625 %". Each rule has one
//! threshold, a constant here, tested at, just under and just over it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde_saphyr::Spanned;

use super::Roster;
use crate::calendar::{Period, YearMonth};
use crate::content::value::Key;
use crate::content::{Content, Doc, WeekEntry, WeekFile};
use crate::diagnostic::Diagnostic;
use crate::problem::numbers::{Implausible, Step};

/// A number this many times the manager's own median (per working day,
/// over their other periods) is most likely a typed extra zero.
pub const OUTLIER_FACTOR: f64 = 10.0;
/// Fewer other periods than this make no median worth comparing with.
pub const OUTLIER_MIN_OTHERS: usize = 3;

/// Reads one number of an entry.
type Field = fn(&WeekEntry) -> f64;

/// The fields compared with the manager's median: the counts and amounts
/// that grow with the days worked (`leads_overnight` is usually 0, so it
/// has no median to speak of).
const FIELDS: [(&str, Field); 6] = [
    ("leads_received", |e| e.leads_received.0 as f64),
    ("leads_processed", |e| e.leads_processed.0 as f64),
    ("calls", |e| e.calls.0 as f64),
    ("meetings", |e| e.meetings.0 as f64),
    ("deals", |e| e.deals.0 as f64),
    ("revenue", |e| e.revenue.0),
];

/// A funnel upside down in one entry: more deals than meetings, or more
/// meetings than processed leads. Either may be true (a deal paid this
/// week from last week's meeting), so it is a warning that shows the
/// conversion the site would print.
pub fn funnel(
    doc: &Doc<WeekFile>,
    key: &Key,
    entry: &Spanned<WeekEntry>,
    period: Period,
    out: &mut Vec<Diagnostic>,
) {
    let e = &entry.value;
    let steps = [
        (Step::Deals, e.deals.0, e.meetings.0),
        (Step::Meetings, e.meetings.0, e.leads_processed.0),
    ];
    for (step, after, before) in steps {
        if after > before {
            let percent =
                (before > 0).then(|| (after as f64 / before as f64 * 100.0).round() as u64);
            out.push(doc.key_warning(
                key,
                Implausible::Funnel {
                    id: key.to_string(),
                    step,
                    later: after,
                    earlier: before,
                    period: period.to_string(),
                    percent,
                },
            ));
        }
    }
}

/// One manager's filled-in entry in a lived period, with the working days
/// they were active in it.
struct Sample<'a> {
    doc: &'a Doc<WeekFile>,
    key: &'a Key,
    entry: &'a WeekEntry,
    period: Period,
    days: u32,
}

/// Numbers ≥ [`OUTLIER_FACTOR`] × the manager's own median for the field,
/// compared per working day so that a one-day part of a split week is not
/// measured against whole weeks.
pub fn outliers(content: &Content, roster: &Roster, as_of: NaiveDate, out: &mut Vec<Diagnostic>) {
    let mut by_manager: BTreeMap<&str, Vec<Sample>> = BTreeMap::new();
    for doc in &content.weeks {
        let Ok(period) = doc.data.period(&content.calendar) else {
            continue;
        };
        if period.first > as_of {
            continue;
        }
        for (key, entry) in &doc.data.managers {
            let e = &entry.value;
            let days = active_days(content, roster, key.as_str(), period);
            if days == 0 || FIELDS.iter().all(|(_, f)| f(e) == 0.0) {
                continue;
            }
            by_manager.entry(key.as_str()).or_default().push(Sample {
                doc,
                key,
                entry: e,
                period,
                days,
            });
        }
    }
    for samples in by_manager.values() {
        for (field, value) in FIELDS {
            let rates: Vec<f64> = samples
                .iter()
                .map(|s| value(s.entry) / f64::from(s.days))
                .collect();
            let mut sorted = rates.clone();
            sorted.sort_by(f64::total_cmp);
            for (sample, rate) in samples.iter().zip(&rates) {
                let Some(median) = median_without(&sorted, *rate) else {
                    continue;
                };
                if median > 0.0 && *rate >= OUTLIER_FACTOR * median {
                    out.push(outlier(sample, field, value(sample.entry), median));
                }
            }
        }
    }
}

fn outlier(s: &Sample, field: &str, value: f64, median: f64) -> Diagnostic {
    let usual = median * f64::from(s.days);
    let times = (value / usual).floor();
    s.doc.key_warning(
        s.key,
        Implausible::Outlier {
            id: s.key.to_string(),
            field: field.to_string(),
            period: s.period.to_string(),
            value: value.to_string(),
            times: times.to_string(),
            usual: format!("{usual:.0}"),
        },
    )
}

/// The median of `sorted` without one occurrence of `value`, when at least
/// [`OUTLIER_MIN_OTHERS`] values remain.
fn median_without(sorted: &[f64], value: f64) -> Option<f64> {
    let n = sorted.len().checked_sub(1)?;
    if n < OUTLIER_MIN_OTHERS {
        return None;
    }
    let skip = sorted.iter().position(|v| *v == value)?;
    let at = |k: usize| sorted[if k < skip { k } else { k + 1 }];
    Some(if n % 2 == 1 {
        at(n / 2)
    } else {
        (at(n / 2 - 1) + at(n / 2)) / 2.0
    })
}

/// The working days of `period` on which the manager is active (all of
/// them for an id team.yaml lacks: that is reported elsewhere).
fn active_days(content: &Content, roster: &Roster, id: &str, period: Period) -> u32 {
    let (mut first, mut last) = (period.first, period.last);
    if let Some(m) = roster.get(id) {
        first = first.max(m.joined.value.0);
        if let Some(left) = &m.left {
            last = last.min(left.value.0);
        }
    }
    if first > last {
        return 0;
    }
    content.calendar.count(first, last)
}

/// Plans for months that are over and have not a single period file: most
/// often the year or month in the file is wrong, and the plan shows nowhere.
pub fn past_plans(content: &Content, as_of: NaiveDate, out: &mut Vec<Diagnostic>) {
    let with_numbers: BTreeSet<YearMonth> = content
        .weeks
        .iter()
        .filter_map(|d| d.data.period(&content.calendar).ok())
        .map(|p| p.month)
        .collect();
    for doc in &content.targets {
        let month = doc.data.month.value;
        if month.last_day() < as_of && !with_numbers.contains(&month) {
            out.push(doc.warning_at(
                &doc.data.month,
                Implausible::PastPlan {
                    month: month.to_string(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_files;

    #[test]
    fn the_median_leaves_the_value_itself_out() {
        let sorted = [1.0, 2.0, 3.0, 100.0];
        assert_eq!(median_without(&sorted, 100.0), Some(2.0));
        assert_eq!(median_without(&sorted, 1.0), Some(3.0));
        assert_eq!(
            median_without(&[1.0, 2.0, 3.0, 4.0, 100.0], 100.0),
            Some(2.5)
        );
        // Three others are the least to compare with.
        assert_eq!(median_without(&[1.0, 2.0, 100.0], 100.0), None);
    }

    /// The warnings `check` gives as of 2026-11-27 for one manager and these
    /// files, besides config and team: messages containing `about`.
    fn warnings(files: &[(&str, String)], as_of: &str, about: &str) -> Vec<String> {
        let mut all = vec![
            (
                "content/config.yaml".to_string(),
                "title: T\nlocale: en\n".to_string(),
            ),
            (
                "content/team.yaml".to_string(),
                "managers:\n  - { id: a, name: A, joined: 2026-01-01 }\n".to_string(),
            ),
        ];
        all.extend(files.iter().map(|(p, t)| (p.to_string(), t.clone())));
        let (content, mut problems) = parse_files(all);
        let as_of = NaiveDate::parse_from_str(as_of, "%Y-%m-%d").unwrap();
        problems.extend(super::super::check(&content, as_of));
        assert!(problems.iter().all(|d| !d.is_error()), "{problems:?}");
        problems
            .into_iter()
            .map(|d| d.message())
            .filter(|m| m.contains(about))
            .collect()
    }

    fn week(number: u32, meetings: u64, deals: u64, revenue: u64) -> (&'static str, String) {
        let path: &'static str =
            Box::leak(format!("content/weeks/2026-W{number}.yaml").into_boxed_str());
        let text = format!(
            "week: 2026-W{number}\nmanagers:\n  a: {{ leads_received: 10, leads_processed: 10, leads_overnight: 0, calls: 10, meetings: {meetings}, deals: {deals}, revenue: {revenue} }}\n"
        );
        (path, text)
    }

    #[test]
    fn the_funnel_warns_only_when_a_later_step_exceeds_an_earlier_one() {
        let upside = |meetings, deals| {
            warnings(
                &[week(47, meetings, deals, 100)],
                "2026-11-27",
                "upside down",
            )
            .len()
        };
        assert_eq!(upside(5, 4), 0, "under");
        assert_eq!(upside(5, 5), 0, "at: every meeting a deal");
        assert_eq!(upside(5, 6), 1, "over");
        // Meetings against processed leads (10).
        assert_eq!(upside(10, 1), 0, "at");
        assert_eq!(upside(11, 1), 1, "over");
    }

    #[test]
    fn an_outlier_is_ten_times_the_median_or_more() {
        // Weeks 44–46 at 1000 a week of five working days; week 47 tried.
        let revenue = |w47: u64| {
            let files: Vec<_> = [44, 45, 46]
                .into_iter()
                .map(|n| week(n, 1, 1, 1000))
                .chain([week(47, 1, 1, w47)])
                .collect();
            warnings(&files, "2026-11-27", "extra zero")
        };
        assert_eq!(revenue(9999), Vec::<String>::new(), "just under 10×");
        assert_eq!(
            revenue(10_000),
            [
                "`a`'s revenue in 2026-W47 (10000) is 10× their median for a period like it (1000): an extra zero?"
            ],
            "at 10×"
        );
        assert_eq!(revenue(10_001).len(), 1, "just over");
        // Two other periods are too few to have a median.
        let few: Vec<_> = [45, 46]
            .into_iter()
            .map(|n| week(n, 1, 1, 1000))
            .chain([week(47, 1, 1, 100_000)])
            .collect();
        assert!(warnings(&few, "2026-11-27", "extra zero").is_empty());
    }

    #[test]
    fn a_plan_for_a_month_over_without_numbers() {
        let files = [
            (
                "content/targets/2026-10.yaml",
                "month: 2026-10\nmanagers:\n  a: { revenue: 1 }\n".to_string(),
            ),
            week(46, 1, 1, 100),
        ];
        let past = |as_of| warnings(&files, as_of, "without a single week file").len();
        assert_eq!(past("2026-10-30"), 0, "just under: the month is still on");
        assert_eq!(past("2026-10-31"), 0, "at: its last day");
        assert_eq!(past("2026-11-01"), 1, "over");
    }
}
