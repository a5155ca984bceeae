//! The time model with hand-computed numbers (DESIGN.md, "The calendar"
//! and "Definitions"): calendar months, working days, split weeks, the clock.

use super::testkit::{TEAM, date, period, ru_site, site, site_with, targets, week};
use super::*;
use crate::domain::PlanMetric;

fn w(text: &str) -> IsoWeek {
    IsoWeek::parse(text).unwrap()
}

fn m(text: &str) -> YearMonth {
    YearMonth::parse(text).unwrap()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

/// Turns `(String, String)` files into the `&str` pairs `site` takes.
fn refs(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect()
}

#[test]
fn november_2026_shares_its_plan_by_working_days() {
    // 4 November is a public holiday: W45 has 4 of the month's 20 working days.
    let files = [
        targets("2026-11", &[("a", 2000, 20), ("b", 1000, 10)]),
        period("2026-W45", &[("a", 400), ("b", 200)]),
        period("2026-W46", &[("a", 500), ("b", 250)]),
    ];
    let a = compute(&ru_site(&refs(&files)), date("2026-11-13"));
    let w45 = a.week(w("2026-W45")).unwrap();
    assert_eq!(w45.working_days, 4);
    assert_eq!(w45.managers["a"].plan_revenue, Some(400.0)); // 2000 × 4 / 20
    assert_eq!(w45.team.plan_revenue, Some(600.0));
    assert_eq!(w45.managers["a"].attainment, Some(1.0));
    assert_eq!(
        a.week(w("2026-W46")).unwrap().team.plan_revenue,
        Some(750.0)
    ); // 3000 × 5 / 20

    let nov = a.month(m("2026-11")).unwrap();
    assert_eq!(nov.status, MonthStatus::Open);
    assert!(!nov.complete);
    assert_eq!(
        nov.days,
        MonthDays {
            working_days: 20,
            elapsed_working_days: 9,
            days_left: 11,
        }
    );
    let t = &nov.team;
    assert_eq!(t.base.revenue, 1350.0);
    assert_eq!(t.base.plan_revenue, Some(3000.0), "the full monthly plan");
    assert_eq!(t.base.attainment, Some(0.45));
    assert!(close(t.pace, 1.0)); // 1350 / (3000 × 9 / 20)
    assert!(close(t.forecast_revenue, 3000.0)); // 1350 / 9 × 20
    assert!(close(t.pace_deals, 4.0 / 13.5)); // 4 deals of 30 × 9 / 20
    // Decomposition over the two weeks: 4 deals, 16 meetings, 40 processed
    // leads, 1350 of revenue. 1650 to go → ceil(1650 × 4 / 1350) = 5 deals,
    // ceil(5 × 16 / 4) = 20 meetings, ceil(20 × 40 / 16) = 50 leads; per
    // remaining working day (11), rounded up.
    let d = nov.decomposition.as_ref().unwrap();
    assert_eq!(d.team.days_left, 11);
    assert_eq!(d.team.remaining_revenue, Some(1650.0));
    assert_eq!(
        (d.team.deals, d.team.meetings, d.team.leads),
        (Some(5), Some(20), Some(50))
    );
    assert_eq!(
        (
            d.team.deals_per_day,
            d.team.meetings_per_day,
            d.team.leads_per_day
        ),
        (Some(1), Some(2), Some(5))
    );
}

#[test]
fn w49_is_split_between_november_and_december() {
    let files = [
        targets("2026-11", &[("a", 2000, 20)]),
        targets("2026-12", &[("a", 2200, 22)]),
        period("2026-W48", &[("a", 500)]),
        period("2026-W49-11", &[("a", 150)]),
        period("2026-W49-12", &[("a", 300)]),
    ];
    let a = compute(&ru_site(&refs(&files)), date("2026-12-04"));
    let week = a.week(w("2026-W49")).unwrap();
    assert_eq!(week.months, [m("2026-11"), m("2026-12")]);
    assert_eq!(week.working_days, 5);
    assert_eq!(week.periods.len(), 2);
    // Plans: 30 November is 1 of November's 20 working days (100), 1–4
    // December 4 of December's 22 (400).
    assert_eq!(week.periods[0].team.plan_revenue, Some(100.0));
    assert_eq!(week.periods[1].team.plan_revenue, Some(400.0));
    assert_eq!(week.team.revenue, 450.0);
    assert_eq!(week.team.plan_revenue, Some(500.0));
    assert_eq!(week.team.attainment, Some(0.9));
    // The months: November closed with its own part, December open.
    let nov = a.month(m("2026-11")).unwrap();
    assert_eq!(nov.team.base.revenue, 650.0);
    assert_eq!(nov.weeks, [w("2026-W48"), w("2026-W49")]);
    assert_eq!(nov.status, MonthStatus::Closed);
    assert!(!nov.complete);
    let missing: Vec<String> = nov.missing.iter().map(ToString::to_string).collect();
    assert_eq!(missing, ["2026-W45", "2026-W46", "2026-W47"]);
    assert_eq!(
        nov.team.forecast_revenue, None,
        "no forecast for a closed month"
    );
    let dec = a.month(m("2026-12")).unwrap();
    assert_eq!(dec.team.base.revenue, 300.0);
    assert_eq!(dec.days.elapsed_working_days, 4);
    assert_eq!(dec.days.days_left, 18); // 22 − 4
    assert_eq!(a.current_month, Some(m("2026-12")));
    // Without a December plan the week's plan is November's share alone.
    let files = [
        targets("2026-11", &[("a", 2000, 20)]),
        period("2026-W49-11", &[("a", 150)]),
        period("2026-W49-12", &[("a", 300)]),
    ];
    let a = compute(&ru_site(&refs(&files)), date("2026-12-04"));
    let week = a.week(w("2026-W49")).unwrap();
    assert_eq!(week.team.plan_revenue, Some(100.0));
    assert_eq!(week.team.attainment, Some(4.5));
}

#[test]
fn w44_is_october_s_although_it_ends_on_1_november() {
    let files = [period("2026-W44", &[("a", 100)])];
    let a = compute(&ru_site(&refs(&files)), date("2026-11-10"));
    assert_eq!(a.week(w("2026-W44")).unwrap().months, [m("2026-10")]);
    let months: Vec<YearMonth> = a.months.iter().map(|x| x.month).collect();
    assert_eq!(months, [m("2026-10")]);
    assert_eq!(a.months[0].days.elapsed_working_days, 5);
}

#[test]
fn a_week_without_working_days_neither_breaks_nor_counts_a_lagging_run() {
    // 4–8 January 2027 are holidays: W01's plan is 0 and its attainment null.
    let files = [
        targets("2026-12", &[("a", 2200, 22), ("b", 2200, 22)]),
        targets("2027-01", &[("a", 1500, 15), ("b", 1500, 15)]),
        period("2026-W53", &[("a", 100), ("b", 300)]), // plans 300: a 33 %
        period("2027-W01", &[("a", 0), ("b", 0)]),
        period("2027-W02", &[("a", 100), ("b", 500)]), // plans 500: a 20 %
    ];
    let a = compute(&ru_site(&refs(&files)), date("2027-01-17"));
    let w01 = a.week(w("2027-W01")).unwrap();
    assert_eq!(w01.working_days, 0);
    assert_eq!(w01.team.plan_revenue, Some(0.0));
    assert_eq!(w01.team.attainment, None);
    assert_eq!(
        a.week(w("2026-W53")).unwrap().managers["a"].plan_revenue,
        Some(300.0)
    );
    assert_eq!(a.lagging_streak("a", w("2027-W02"), 80.0), 2);
    let ids: Vec<&str> = a.lagging_managers.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["a"]);
    // January: 15 working days, W01 among its periods with none of them.
    let jan = a.month(m("2027-01")).unwrap();
    assert_eq!(jan.days.working_days, 15);
    assert_eq!(jan.days.elapsed_working_days, 5);
}

#[test]
fn growth_compares_19_with_23_working_days_fairly() {
    // October 2025 has 23 working days; November 2025 19 (3 and 4 November
    // off, Saturday 1 November worked by transfer).
    let files = [
        period("2025-W40-10", &[("a", 300)]), // 1–3 Oct: 3 days
        period("2025-W41", &[("a", 500)]),
        period("2025-W42", &[("a", 500)]),
        period("2025-W43", &[("a", 500)]),
        period("2025-W44-10", &[("a", 500)]), // 27–31 Oct
        period("2025-W44-11", &[("a", 100)]), // Sat 1 Nov
        period("2025-W45", &[("a", 300)]),    // 5–7 Nov
        period("2025-W46", &[("a", 500)]),
        period("2025-W47", &[("a", 500)]),
        period("2025-W48", &[("a", 500)]),
    ];
    let a = compute(&ru_site(&refs(&files)), date("2025-12-05"));
    let oct = a.month(m("2025-10")).unwrap();
    let nov = a.month(m("2025-11")).unwrap();
    assert_eq!(oct.days.working_days, 23);
    assert_eq!(nov.days.working_days, 19);
    assert_eq!(nov.days.elapsed_working_days, 19);
    assert_eq!(
        a.week(w("2025-W44")).unwrap().periods[1].working_days,
        1,
        "the transferred Saturday"
    );
    // 2300 in 23 days against 1900 in 19: 100 a day both; −17 % in total.
    assert_eq!(
        (oct.team.base.revenue, nov.team.base.revenue),
        (2300.0, 1900.0)
    );
    assert!(close(nov.team.mom_growth, 0.0));
    assert!(close(nov.team.mom_change, 1900.0 / 2300.0 - 1.0));
    assert!(close(nov.managers["a"].figures.mom_growth, 0.0));
    assert_eq!(oct.team.mom_growth, None, "the first month with data");
}

#[test]
fn a_six_day_department_splits_its_weeks_at_saturdays() {
    let config = "calendar: { country: ru, workdays: [mon, tue, wed, thu, fri, sat] }\n";
    let files = [
        targets("2026-11", &[("a", 2400, 24)]),
        period("2026-W45", &[("a", 500)]),
    ];
    let a = compute(&site_with(config, TEAM, &refs(&files)), date("2026-11-07"));
    let nov = a.month(m("2026-11")).unwrap();
    assert_eq!(nov.days.working_days, 24);
    // 2, 3, 5, 6 and Saturday 7 November.
    assert_eq!(
        a.week(w("2026-W45")).unwrap().team.plan_revenue,
        Some(500.0)
    );
    assert!(close(nov.team.pace, 1.0));
}

#[test]
fn managers_who_join_or_leave_are_measured_on_their_own_days() {
    let team = "managers:\n  - { id: c, name: C, joined: 2026-11-11 }\n  - { id: d, name: D, joined: 2025-01-01, left: 2026-11-20 }\n";
    let files = [
        targets("2026-11", &[("c", 1400, 14), ("d", 1400, 14)]),
        period("2026-W45", &[("d", 400)]),
        period("2026-W46", &[("c", 300), ("d", 500)]),
        period("2026-W47", &[("c", 500), ("d", 250)]),
    ];
    let a = compute(
        &site_with("calendar: { country: ru }\n", team, &refs(&files)),
        date("2026-11-20"),
    );
    // c works 14 of November's days from the 11th (100 a day of plan):
    // W46 holds 3 of them.
    assert_eq!(
        a.week(w("2026-W46")).unwrap().managers["c"].plan_revenue,
        Some(300.0)
    );
    let nov = a.month(m("2026-11")).unwrap();
    let c = &nov.managers["c"];
    assert_eq!(
        c.days,
        MonthDays {
            working_days: 14,
            elapsed_working_days: 8,
            days_left: 6,
        }
    );
    assert!(close(c.figures.pace, 1.0)); // 800 / (1400 × 8 / 14)
    assert!(close(c.figures.forecast_revenue, 1400.0)); // 800 / 8 × 14
    assert!(close(c.figures.base.attainment, 800.0 / 1400.0));
    // d leaves on the 20th: all 14 of her days are behind her.
    let d = &nov.managers["d"];
    assert_eq!(
        d.days,
        MonthDays {
            working_days: 14,
            elapsed_working_days: 14,
            days_left: 0,
        }
    );
    assert!(close(d.figures.pace, 1150.0 / 1400.0));
    assert!(close(d.figures.forecast_revenue, 1150.0));
    let decomposition = nov.decomposition.as_ref().unwrap();
    assert_eq!(decomposition.managers["d"], None, "no working day left");
    assert_eq!(decomposition.managers["c"].as_ref().unwrap().days_left, 6);
    assert_eq!(decomposition.team.days_left, 6);
}

#[test]
fn an_open_month_on_its_last_working_day_has_nothing_left_to_decompose() {
    let files = [
        targets("2026-11", &[("a", 2000, 20)]),
        period("2026-W45", &[("a", 400)]),
        period("2026-W46", &[("a", 500)]),
        period("2026-W47", &[("a", 500)]),
        period("2026-W48", &[("a", 500)]),
        period("2026-W49-11", &[("a", 100)]),
    ];
    let a = compute(&ru_site(&refs(&files)), date("2026-11-30"));
    let nov = a.month(m("2026-11")).unwrap();
    assert_eq!(nov.status, MonthStatus::Open);
    assert!(nov.complete);
    assert_eq!(nov.days.days_left, 0);
    assert_eq!(nov.days.elapsed_working_days, 20);
    assert!(nov.decomposition.is_none());
    assert!(close(nov.team.forecast_revenue, 2000.0));
    assert!(close(nov.team.pace, 1.0));
    assert_eq!(nov.team.mom_change, None, "open: no plain change");
}

#[test]
fn a_closed_month_with_a_missing_week_says_which() {
    let files = [
        targets("2026-10", &[("a", 2200, 22)]),
        period("2026-W41", &[("a", 500)]),
        period("2026-W43", &[("a", 500)]),
        period("2026-W44", &[("a", 500)]),
    ];
    let a = compute(&ru_site(&refs(&files)), date("2026-11-10"));
    let oct = a.month(m("2026-10")).unwrap();
    assert_eq!(oct.status, MonthStatus::Closed);
    assert!(!oct.complete);
    let missing: Vec<String> = oct.missing.iter().map(ToString::to_string).collect();
    assert_eq!(missing, ["2026-W40-10", "2026-W42"]);
    assert_eq!(oct.days.elapsed_working_days, 15);
    assert_eq!(oct.days.days_left, 0);
    assert_eq!(oct.team.base.attainment, Some(1500.0 / 2200.0));
    assert!(close(oct.team.pace, 1500.0 / (2200.0 * 15.0 / 22.0)));
    assert_eq!(oct.team.forecast_revenue, None);
    assert!(oct.decomposition.is_none());
}

#[test]
fn a_period_written_ahead_of_as_of_is_left_out() {
    let files = [
        targets("2026-11", &[("a", 2000, 20)]),
        period("2026-W46", &[("a", 500)]),
        period("2026-W47", &[("a", 0)]),
    ];
    let a = compute(&ru_site(&refs(&files)), date("2026-11-13"));
    let weeks: Vec<IsoWeek> = a.weeks.iter().map(|x| x.week).collect();
    assert_eq!(weeks, [w("2026-W46")]);
    let nov = a.month(m("2026-11")).unwrap();
    assert_eq!(nov.team.base.revenue, 500.0);
    assert_eq!(nov.days.elapsed_working_days, 5);
    assert!(close(nov.team.pace, 500.0 / (2000.0 * 5.0 / 20.0)));
}

#[test]
fn current_month_is_the_as_of_month_or_the_latest_with_data() {
    let (p, t) = week("2026-W45", 1000, 500);
    let c = site(&[(&p, &t)]);
    assert_eq!(
        compute(&c, date("2026-11-03")).current_month,
        Some(m("2026-11"))
    );
    // Data ends in November; as of mid-December the current month stays November.
    assert_eq!(
        compute(&c, date("2026-12-15")).current_month,
        Some(m("2026-11"))
    );
    // As of October, the November file lies ahead and counts for nothing.
    let a = compute(&c, date("2026-10-20"));
    assert!(a.weeks.is_empty());
    assert_eq!(a.current_month, None);
}

#[test]
fn a_month_without_targets_has_no_plan_figures() {
    let (p, t) = week("2026-W50", 1000, 500);
    let a = compute(&site(&[(&p, &t)]), date("2026-12-11"));
    let mo = &a.months[0];
    assert!(!mo.has_plan);
    assert_eq!(mo.team.base.plan_revenue, None);
    assert_eq!(mo.team.base.attainment, None);
    assert_eq!(mo.team.pace, None);
    // December without holidays: 23 working days, 5 elapsed.
    assert!(close(mo.team.forecast_revenue, 1500.0 / 5.0 * 23.0));
    assert!(
        a.lagging_metrics.is_empty(),
        "no plan, nothing to lag behind"
    );
    let d = mo.decomposition.as_ref().unwrap();
    assert_eq!(
        d.team,
        Decomposition {
            days_left: 14,
            ..Decomposition::default()
        },
        "no plan, nothing to decompose"
    );
}

#[test]
fn lagging_needs_consecutive_planned_weeks_below_the_threshold() {
    let plans = targets("2026-11", &[("a", 4200, 4), ("b", 4200, 4)]);
    // Without holidays November has 21 working days: 1000 of plan a week.
    // a: 70 %, 70 % → lagging (2 weeks); b: 70 %, 90 % → not.
    let files = [
        plans.clone(),
        period("2026-W46", &[("a", 700), ("b", 700)]),
        period("2026-W47", &[("a", 700), ("b", 900)]),
    ];
    let a = compute(&site(&refs(&files)), date("2026-11-22"));
    let ids: Vec<&str> = a.lagging_managers.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["a"]);
    assert_eq!(a.lagging_managers[0].weeks, 2);
    // A planned week without a's entry ends the run.
    let files = [
        plans.clone(),
        period("2026-W46", &[("a", 700), ("b", 700)]),
        period("2026-W47", &[("b", 900)]),
        period("2026-W48", &[("a", 700), ("b", 900)]),
    ];
    let a = compute(&site(&refs(&files)), date("2026-11-29"));
    assert!(a.lagging_managers.is_empty());
    // A week still in progress is not judged: the one before it is.
    let files = [
        plans,
        period("2026-W46", &[("a", 700), ("b", 700)]),
        period("2026-W47", &[("a", 700), ("b", 900)]),
        period("2026-W48", &[("a", 100), ("b", 100)]),
    ];
    let a = compute(&site(&refs(&files)), date("2026-11-25"));
    assert_eq!(a.lagging_managers.len(), 1);
    assert_eq!(a.lagging_managers[0].week, w("2026-W47"));
}

#[test]
fn team_revenue_lags_below_ninety_percent_pace() {
    let files = [
        targets("2026-11", &[("a", 4200, 4), ("b", 4200, 4)]),
        period("2026-W46", &[("a", 1000), ("b", 750)]),
        period("2026-W47", &[("a", 1000), ("b", 750)]),
    ];
    // 10 of 21 working days (no holidays): plan to date 8400 × 10 / 21 = 4000;
    // revenue 3500 → pace 87.5 %; deals 4 of 8 × 10 / 21 → 105 %, fine.
    let a = compute(&site(&refs(&files)), date("2026-11-22"));
    assert_eq!(a.lagging_metrics.len(), 1);
    let l = &a.lagging_metrics[0];
    assert_eq!(l.metric, PlanMetric::Revenue);
    assert!((l.pace - 0.875).abs() < 1e-9);
    assert!((l.shortfall - 500.0).abs() < 1e-9);
}
