//! Property tests: the calendar's weeks, periods and months fit together
//! for every date of 1990–2100, and the analytics of any valid small site add up and
//! never produce an infinite or NaN ratio.

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use salespulse::analytics::{self, Totals};
use salespulse::calendar::workdays::FIVE_DAY_WEEK;
use salespulse::calendar::{Country, IsoWeek, Period, WorkCalendar, YearMonth};
use salespulse::content::{self, value};
use salespulse::render::export;
use salespulse::validate;

fn date_in(from: NaiveDate, days: u64) -> impl Strategy<Value = NaiveDate> {
    (0..days).prop_map(move |d| from + Days::new(d))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A department's calendar: any non-empty set of working weekdays, with or
/// without Russia's production calendar.
fn work_calendar() -> impl Strategy<Value = WorkCalendar> {
    (any::<bool>(), proptest::collection::vec(any::<bool>(), 7)).prop_map(|(ru, days)| {
        let weekdays: Vec<Weekday> = days
            .iter()
            .enumerate()
            .filter(|(_, on)| **on)
            .map(|(i, _)| Weekday::try_from(i as u8).unwrap())
            .collect();
        let country = if ru { Country::Ru } else { Country::None };
        WorkCalendar::new(country, &weekdays, [], [])
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Every date lies in exactly one period of exactly one month, that
    /// period is one of its ISO week's, and it belongs to the date's own
    /// calendar month whenever it is a working day.
    #[test]
    fn every_date_lies_in_one_period(
        date in date_in(ymd(1990, 1, 1), 111 * 366),
        cal in work_calendar(),
    ) {
        prop_assume!(date.year() <= 2100);
        let week = IsoWeek::of(date);
        prop_assert!(week.monday() <= date && date <= week.sunday());
        prop_assert_eq!(IsoWeek::parse(&week.to_string()), Ok(week));
        let month = YearMonth::of(date);
        let holding: Vec<Period> = [month.prev(), month, month.next()]
            .into_iter()
            .flat_map(|m| cal.periods_of_month(m))
            .filter(|p| p.contains(date))
            .collect();
        prop_assert_eq!(holding.len(), 1);
        prop_assert!(cal.periods_of_week(week).contains(&holding[0]));
        if cal.is_working(date) {
            prop_assert_eq!(holding[0].month, month);
        }
    }
}

/// The working days of a year's months add up to the working days of its
/// periods: nothing is counted twice or lost at a month's edge.
#[test]
fn periods_partition_the_working_days_of_every_year() {
    let five = WorkCalendar::new(Country::Ru, &FIVE_DAY_WEEK, [], []);
    let seven = WorkCalendar::new(
        Country::None,
        &[
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ],
        [],
        [],
    );
    for cal in [five, seven] {
        for year in 1990..=2100 {
            let mut total = 0;
            for m in 1..=12 {
                let month = YearMonth::new(year, m).unwrap();
                let periods = cal.periods_of_month(month);
                let n = periods.len();
                assert!((4..=6).contains(&n), "{month}: {n} periods");
                total += periods.iter().map(|p| cal.working_days(*p)).sum::<u32>();
            }
            let days = cal.count(ymd(year, 1, 1), ymd(year, 12, 31));
            assert_eq!(total, days, "{year}");
        }
    }
}

const IDS: [&str; 4] = ["anna-ivanova", "boris-orlov", "vera-lis", "gleb-kim"];

/// A count as a sales head would write it: mostly small, sometimes 0, now and then huge.
fn count() -> impl Strategy<Value = u64> {
    prop_oneof![
        6 => 0..200u64,
        2 => Just(0u64),
        1 => 0..=value::MAX_COUNT,
    ]
}

/// An amount: mostly realistic, sometimes 0, tiny or as large as allowed.
fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => (0..2_000_000u64).prop_map(|v| v as f64),
        2 => Just(0.0),
        1 => 0.0..=value::MAX_AMOUNT,
        1 => 1e-300..1e-3f64,
    ]
}

#[derive(Debug, Clone)]
struct Entry {
    counts: [u64; 6],
    revenue: f64,
    first_response: Option<f64>,
    trial_lessons: Option<f64>,
    trainings: Option<[u64; 4]>,
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        prop::array::uniform6(count()),
        amount(),
        prop::option::of(amount()),
        prop::option::of(amount()),
        prop::option::of(prop::array::uniform4(0..5u64)),
    )
        .prop_map(
            |(counts, revenue, first_response, trial_lessons, trainings)| Entry {
                counts,
                revenue,
                first_response,
                trial_lessons,
                trainings,
            },
        )
}

/// A manager's monthly plan: revenue and deals, either may be left out.
type Plan = Option<(Option<f64>, Option<u64>)>;
/// A month's targets file: per manager plans and an optional team plan.
type Targets = Option<(Vec<Plan>, Option<(f64, u64)>)>;

#[derive(Debug, Clone)]
struct Site {
    managers: usize,
    avg: bool,
    /// Per month of 2026-08..=2026-12: per manager (revenue, deals) plan, and a team plan.
    targets: Vec<Targets>,
    /// Per week 2026-W31..=2026-W53: per manager entry.
    weeks: Vec<Option<Vec<Option<Entry>>>>,
    as_of: NaiveDate,
}

fn site() -> impl Strategy<Value = Site> {
    let plan = prop::option::of((prop::option::of(amount()), prop::option::of(count())));
    let targets = prop::collection::vec(
        prop::option::of((
            prop::collection::vec(plan, 4),
            prop::option::of((amount(), count())),
        )),
        5,
    );
    let weeks = prop::collection::vec(
        prop::option::of(prop::collection::vec(prop::option::of(entry()), 4)),
        23,
    );
    (
        1..=4usize,
        any::<bool>(),
        targets,
        weeks,
        date_in(ymd(2026, 7, 1), 240),
    )
        .prop_map(|(managers, avg, targets, weeks, as_of)| Site {
            managers,
            avg,
            targets,
            weeks,
            as_of,
        })
}

/// Writes a float so YAML reads it back as the same number.
fn num(v: f64) -> String {
    format!("{v:e}")
}

impl Site {
    fn files(&self) -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        let aggregate = if self.avg { "avg" } else { "sum" };
        files.push((
            "content/config.yaml".to_string(),
            format!(
                "title: t\nlocale: en\ncurrency: USD\ncustom_metrics:\n  - {{ key: trial_lessons, label: T, aggregate: {aggregate} }}\n"
            ),
        ));
        let mut team = String::from("managers:\n");
        for id in &IDS[..self.managers] {
            writeln!(team, "  - {{ id: {id}, name: N, joined: 2025-01-06 }}").unwrap();
        }
        files.push(("content/team.yaml".to_string(), team));
        for (i, t) in self.targets.iter().enumerate() {
            let Some((plans, team)) = t else { continue };
            let month = format!("2026-{:02}", 8 + i);
            let mut text = format!("month: {month}\nmanagers:\n");
            for (id, plan) in IDS[..self.managers].iter().zip(plans) {
                let Some((revenue, deals)) = plan else {
                    continue;
                };
                let mut fields = Vec::new();
                if let Some(r) = revenue {
                    fields.push(format!("revenue: {}", num(*r)));
                }
                if let Some(d) = deals {
                    fields.push(format!("deals: {d}"));
                }
                writeln!(text, "  {id}: {{ {} }}", fields.join(", ")).unwrap();
            }
            if let Some((revenue, deals)) = team {
                writeln!(
                    text,
                    "team: {{ revenue: {}, deals: {deals} }}",
                    num(*revenue)
                )
                .unwrap();
            }
            files.push((format!("content/targets/{month}.yaml"), text));
        }
        for (i, w) in self.weeks.iter().enumerate() {
            let Some(entries) = w else { continue };
            let week = IsoWeek::new(2026, 31 + i as u32).unwrap();
            // A week split between months is written as two files (the same
            // entries in each: the sums must still add up).
            let calendar = WorkCalendar::default();
            for period in calendar.periods_of_week(week) {
                let mut text = format!("week: {week}\n");
                if period.split {
                    writeln!(text, "month: {}", period.month).unwrap();
                }
                text.push_str("managers:\n");
                write_entries(&mut text, &IDS[..self.managers], entries);
                files.push((format!("content/weeks/{}.yaml", period.file_stem()), text));
            }
        }
        files
            .into_iter()
            .map(|(p, t)| (p, t.into_bytes()))
            .collect()
    }
}

fn write_entries(text: &mut String, ids: &[&str], entries: &[Option<Entry>]) {
    for (id, e) in ids.iter().zip(entries) {
        let Some(e) = e else { continue };
        let [lr, lp, lo, calls, meetings, deals] = e.counts;
        write!(
                    text,
                    "  {id}:\n    leads_received: {lr}\n    leads_processed: {lp}\n    leads_overnight: {lo}\n    calls: {calls}\n    meetings: {meetings}\n    deals: {deals}\n    revenue: {}\n",
                    num(e.revenue)
                )
                .unwrap();
        if let Some(m) = e.first_response {
            writeln!(text, "    first_response_min: {}", num(m)).unwrap();
        }
        if let Some(t) = e.trial_lessons {
            writeln!(text, "    custom: {{ trial_lessons: {} }}", num(t)).unwrap();
        }
        if let Some([a, b, c, d]) = e.trainings {
            writeln!(
                        text,
                        "    trainings: {{ call_reviews: {a}, case_reviews: {b}, trainings: {c}, roleplays: {d} }}"
                    )
                    .unwrap();
        }
    }
}

/// The additive fields, as exact integers and a float.
fn additive(t: &Totals) -> ([u64; 6], f64) {
    (
        [
            t.leads_received,
            t.leads_processed,
            t.leads_overnight,
            t.calls,
            t.meetings,
            t.deals,
        ],
        t.revenue,
    )
}

fn sum_of<'a>(parts: impl IntoIterator<Item = &'a Totals>) -> ([u64; 6], f64) {
    let mut ints = [0u64; 6];
    let mut revenue = 0.0;
    for t in parts {
        let (i, r) = additive(t);
        for (sum, v) in ints.iter_mut().zip(i) {
            *sum += v;
        }
        revenue += r;
    }
    (ints, revenue)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn team_figures_are_sums_and_ratios_are_finite(site in site()) {
        let (content, mut diagnostics) = content::load_from_memory(site.files());
        diagnostics.extend(validate::check(&content, site.as_of));
        let errors: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.message())
            .collect();
        prop_assert!(errors.is_empty(), "generated site has errors: {:?}", errors);
        let department = salespulse::domain::Department::of(&content);
        let a = analytics::compute(&department, site.as_of);

        for w in &a.weeks {
            let (ints, revenue) = sum_of(w.manager_totals.values());
            let (team_ints, team_revenue) = additive(&w.team_totals);
            prop_assert_eq!(team_ints, ints, "{}", w.week);
            prop_assert!(close(team_revenue, revenue), "{}", w.week);
            let figures: u64 = w.managers.values().map(|f| f.deals).sum();
            prop_assert_eq!(w.team.deals, figures);
        }
        for m in &a.months {
            let (ints, revenue) = sum_of(m.manager_totals.values());
            let (team_ints, team_revenue) = additive(&m.team_totals);
            prop_assert_eq!(team_ints, ints, "{}", m.month);
            prop_assert!(close(team_revenue, revenue), "{}", m.month);
            // A month is the sum of its periods, for the team and each manager.
            let periods: Vec<_> = a
                .weeks
                .iter()
                .flat_map(|w| &w.periods)
                .filter(|p| p.period.month == m.month)
                .collect();
            let (period_ints, period_revenue) = sum_of(periods.iter().map(|p| &p.team_totals));
            prop_assert_eq!(team_ints, period_ints, "{}", m.month);
            prop_assert!(close(team_revenue, period_revenue), "{}", m.month);
            for (id, t) in &m.manager_totals {
                let parts: Vec<&Totals> =
                    periods.iter().filter_map(|p| p.manager_totals.get(id)).collect();
                prop_assert_eq!(additive(t).0, sum_of(parts).0, "{} {}", m.month, id);
            }
            // Elapsed working days never exceed the month's, nor days left.
            prop_assert!(m.days.elapsed_working_days + m.days.days_left <= m.days.working_days);
            let leads: u64 = m.managers.values().map(|f| f.figures.base.leads_received).sum();
            prop_assert_eq!(m.team.base.leads_received, leads);
        }
        // Every float anywhere in the analytics: Debug prints NaN and inf by name.
        let all = format!("{a:?}");
        prop_assert!(!all.contains("NaN"), "NaN in analytics");
        prop_assert!(!all.contains("inf"), "infinity in analytics");
        // And the export is JSON that parses back.
        let json: serde_json::Value =
            serde_json::from_slice(&export::metrics_json(&department, &a)).unwrap();
        prop_assert!(json.get("weeks").is_some());
        let by_week: BTreeMap<String, u64> = a
            .weeks
            .iter()
            .map(|w| (w.week.to_string(), w.team.deals))
            .collect();
        prop_assert_eq!(by_week.len(), a.weeks.len());
    }
}
