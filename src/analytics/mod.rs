//! The numbers: pure functions from typed content and `--as-of` to every
//! figure the site shows. No I/O, no clock, no strings for people.

pub mod alerts;
pub mod checklist;
pub mod decomposition;
pub mod metrics;
pub mod plan;
pub mod practice;
#[cfg(test)]
pub(crate) mod testkit;

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub use alerts::{Alert, AlertSeverity};
pub use decomposition::Decomposition;
pub use metrics::{Figures, MonthFigures, PlanFigures, Totals, TrainingCounts};
pub use plan::MonthPlan;
pub use practice::{GoalProgress, IdpProgress, Request, Round, StandupStats, StandupWeek};

use crate::calendar::{IsoWeek, YearMonth};
use crate::content::Content;

/// One ISO week with a file: the team's and each present manager's figures.
#[derive(Debug, Clone)]
pub struct WeekStats {
    pub week: IsoWeek,
    pub month: YearMonth,
    pub team: Figures,
    pub managers: BTreeMap<String, Figures>,
    pub team_totals: Totals,
    pub manager_totals: BTreeMap<String, Totals>,
}

/// One month with at least one week file.
#[derive(Debug, Clone)]
pub struct MonthStats {
    pub month: YearMonth,
    /// The month's weeks that have a file (k of them).
    pub weeks: Vec<IsoWeek>,
    /// Number of ISO weeks of the month (n).
    pub weeks_in_month: usize,
    pub complete: bool,
    pub has_plan: bool,
    pub team: MonthFigures,
    pub managers: BTreeMap<String, MonthFigures>,
    pub team_totals: Totals,
    pub manager_totals: BTreeMap<String, Totals>,
    /// The month before, like for like (its first k weeks when this one is incomplete).
    pub previous_team_totals: Option<Totals>,
    /// The weeks of the month before that `previous_team_totals` covers.
    pub previous_weeks: Vec<IsoWeek>,
    /// Team revenue pace at the week before the latest one of this month.
    pub pace_week_before: Option<f64>,
    /// For the current month only, and only while weeks remain.
    pub decomposition: Option<MonthDecomposition>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MonthDecomposition {
    pub remaining_weeks: u64,
    pub team: Decomposition,
    pub managers: BTreeMap<String, Decomposition>,
}

/// A manager below the lagging threshold for enough weeks in a row.
#[derive(Debug, Clone, PartialEq)]
pub struct LaggingManager {
    pub id: String,
    pub week: IsoWeek,
    /// Weeks in a row below the threshold, ending at `week`.
    pub weeks: u32,
    pub attainment: Option<f64>,
}

/// A team metric of the current month whose pace is below the threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct LaggingMetric {
    /// `revenue` or `deals`.
    pub metric: &'static str,
    pub pace: f64,
    pub actual: f64,
    pub plan: f64,
    /// Plan pace minus actual: how far behind the month-to-date plan.
    pub shortfall: f64,
}

/// Every computed number of the site.
#[derive(Debug, Clone)]
pub struct Analytics {
    pub as_of: NaiveDate,
    pub weeks: Vec<WeekStats>,
    pub months: Vec<MonthStats>,
    pub plans: BTreeMap<YearMonth, MonthPlan>,
    pub current_month: Option<YearMonth>,
    pub latest_week: Option<IsoWeek>,
    pub lagging_managers: Vec<LaggingManager>,
    pub lagging_metrics: Vec<LaggingMetric>,
    pub alerts: Vec<Alert>,
    pub standups: Vec<StandupStats>,
    pub standup_weeks: Vec<StandupWeek>,
    /// Open requests from stand-ups, newest first.
    pub requests: Vec<Request>,
    /// Development plans, open first.
    pub idps: Vec<IdpProgress>,
    /// Assessment rounds, oldest first.
    pub rounds: Vec<Round>,
    /// The control points in DESIGN.md's order.
    pub checklist: Vec<checklist::ControlPoint>,
}

impl Analytics {
    pub fn week(&self, week: IsoWeek) -> Option<&WeekStats> {
        self.weeks
            .binary_search_by(|w| w.week.cmp(&week))
            .ok()
            .map(|i| &self.weeks[i])
    }

    pub fn month(&self, month: YearMonth) -> Option<&MonthStats> {
        self.months
            .binary_search_by(|m| m.month.cmp(&month))
            .ok()
            .map(|i| &self.months[i])
    }

    /// Weeks in a row, ending at `week`, in which `manager`'s attainment was
    /// below `pct` % (a week without data or without a plan ends the run).
    pub fn lagging_streak(&self, manager: &str, week: IsoWeek, pct: f64) -> u32 {
        let mut streak = 0;
        let mut w = week;
        loop {
            let below = self
                .week(w)
                .and_then(|s| s.managers.get(manager))
                .and_then(|f| f.attainment)
                .is_some_and(|a| a < pct / 100.0);
            if !below || streak > 520 {
                return streak;
            }
            streak += 1;
            w = w.prev();
        }
    }
}

/// Computes everything from validated content, as of a date.
pub fn compute(content: &Content, as_of: NaiveDate) -> Analytics {
    let plans = plan::monthly(content.targets.iter().map(|d| &d.data));
    let no_plan = MonthPlan::default();

    // Week files, ordered; a repeated week keeps its first file (an error anyway).
    let mut files: BTreeMap<IsoWeek, BTreeMap<String, Totals>> = BTreeMap::new();
    for doc in &content.weeks {
        files.entry(doc.data.week.value).or_insert_with(|| {
            doc.data
                .managers
                .iter()
                .map(|(id, e)| (id.as_str().to_string(), Totals::of(&e.value)))
                .collect()
        });
    }

    let weeks: Vec<WeekStats> = files
        .iter()
        .map(|(&week, managers)| {
            let month = week.thursday_month();
            let n = month.weeks().len();
            let plan = plans.get(&month).unwrap_or(&no_plan);
            let team_totals = Totals::sum(managers.values());
            WeekStats {
                week,
                month,
                team: Figures::new(&team_totals, plan.team.per_week(n)),
                managers: managers
                    .iter()
                    .map(|(id, t)| (id.clone(), Figures::new(t, plan.manager(id).per_week(n))))
                    .collect(),
                team_totals,
                manager_totals: managers.clone(),
            }
        })
        .collect();

    let latest_week = files.keys().next_back().copied();
    let latest_month = latest_week.map(IsoWeek::thursday_month);
    let as_of_month = YearMonth::of(as_of);
    let current_month = latest_month.map(|latest| latest.min(as_of_month));

    let mut month_list: Vec<YearMonth> = files.keys().map(|w| w.thursday_month()).collect();
    month_list.dedup();
    let months: Vec<MonthStats> = month_list
        .into_iter()
        .map(|month| {
            let all_weeks = month.weeks();
            let n = all_weeks.len();
            let present: Vec<IsoWeek> = all_weeks
                .iter()
                .copied()
                .filter(|w| files.contains_key(w))
                .collect();
            let k = present.len();
            let plan = plans.get(&month).unwrap_or(&no_plan);
            // Like with like: an incomplete month of k weeks against the first k of the month before.
            let mut compare: Vec<IsoWeek> = month.prev().weeks();
            if k < n {
                compare.truncate(k);
            }
            let compare_files: Vec<&BTreeMap<String, Totals>> =
                compare.iter().filter_map(|w| files.get(w)).collect();
            let previous = |id: Option<&str>| -> Option<Totals> {
                let parts: Vec<&Totals> = compare_files
                    .iter()
                    .flat_map(|m| match id {
                        Some(id) => m.get(id).into_iter().collect::<Vec<_>>(),
                        None => m.values().collect(),
                    })
                    .collect();
                (!parts.is_empty()).then(|| Totals::sum(parts))
            };
            let mut manager_totals: BTreeMap<String, Totals> = BTreeMap::new();
            for w in &present {
                for (id, t) in &files[w] {
                    manager_totals.entry(id.clone()).or_default().add(t);
                }
            }
            let team_totals = Totals::sum(manager_totals.values());
            let pace_week_before = (k >= 2)
                .then(|| {
                    let earlier =
                        Totals::sum(present[..k - 1].iter().flat_map(|w| files[w].values()));
                    plan.team.revenue.and_then(|p| {
                        metrics::ratio(earlier.revenue, p * (k - 1) as f64 / n as f64)
                    })
                })
                .flatten();
            let previous_team_totals = previous(None);
            let managers = manager_totals
                .iter()
                .map(|(id, t)| {
                    let figures =
                        MonthFigures::new(t, plan.manager(id), k, n, previous(Some(id)).as_ref());
                    (id.clone(), figures)
                })
                .collect();
            MonthStats {
                month,
                weeks: present,
                weeks_in_month: n,
                complete: k == n,
                has_plan: plans.contains_key(&month),
                team: MonthFigures::new(
                    &team_totals,
                    plan.team,
                    k,
                    n,
                    previous_team_totals.as_ref(),
                ),
                managers,
                team_totals,
                manager_totals,
                previous_team_totals,
                previous_weeks: compare
                    .iter()
                    .copied()
                    .filter(|w| files.contains_key(w))
                    .collect(),
                pace_week_before,
                decomposition: None,
            }
        })
        .collect();

    let mut analytics = Analytics {
        as_of,
        weeks,
        months,
        plans,
        current_month,
        latest_week,
        lagging_managers: Vec::new(),
        lagging_metrics: Vec::new(),
        alerts: Vec::new(),
        standups: practice::standups(content),
        standup_weeks: Vec::new(),
        requests: practice::requests(content, as_of),
        idps: Vec::new(),
        rounds: practice::rounds(content),
        checklist: Vec::new(),
    };
    analytics.standup_weeks = practice::standup_weeks(&analytics.standups);
    analytics.idps = practice::idps(content, &analytics);
    decompose_current(&mut analytics, &files);
    judge_lagging(&mut analytics, content);
    analytics.alerts = raise_alerts(&analytics, content);
    analytics.checklist = checklist::measure(content, &analytics);
    analytics
}

/// The current month's decomposition, over the 8 weeks ending with the
/// latest week with data in or before it.
fn decompose_current(a: &mut Analytics, files: &BTreeMap<IsoWeek, BTreeMap<String, Totals>>) {
    let Some(current) = a.current_month else {
        return;
    };
    let Some(window_end) = files
        .keys()
        .rev()
        .find(|w| w.thursday_month() <= current)
        .copied()
    else {
        return;
    };
    let window = window_end.window_ending(8);
    let window_sum = |id: Option<&str>| {
        Totals::sum(
            window
                .iter()
                .filter_map(|w| files.get(w))
                .flat_map(|m| match id {
                    Some(id) => m.get(id).into_iter().collect::<Vec<_>>(),
                    None => m.values().collect(),
                }),
        )
    };
    let Some(month) = a.months.iter_mut().find(|m| m.month == current) else {
        return;
    };
    let remaining = (month.weeks_in_month - month.weeks.len()) as u64;
    if remaining == 0 {
        return;
    }
    let plan = a.plans.get(&current).cloned().unwrap_or_default();
    let team = decomposition::decompose(
        plan.team.revenue,
        month.team.base.revenue,
        &window_sum(None),
        remaining,
    );
    let managers = month
        .managers
        .iter()
        .map(|(id, f)| {
            let d = decomposition::decompose(
                plan.manager(id).revenue,
                f.base.revenue,
                &window_sum(Some(id)),
                remaining,
            );
            (id.clone(), d)
        })
        .collect();
    month.decomposition = Some(MonthDecomposition {
        remaining_weeks: remaining,
        team,
        managers,
    });
}

fn judge_lagging(a: &mut Analytics, content: &Content) {
    let thresholds = &content.config.thresholds;
    if let Some(latest) = a.latest_week.and_then(|w| a.week(w)) {
        let need = thresholds.manager_lagging_weeks.value.max(1);
        a.lagging_managers = latest
            .managers
            .iter()
            .filter_map(|(id, f)| {
                let weeks = a.lagging_streak(id, latest.week, thresholds.manager_lagging_pct);
                (weeks >= need).then(|| LaggingManager {
                    id: id.clone(),
                    week: latest.week,
                    weeks,
                    attainment: f.attainment,
                })
            })
            .collect();
    }
    if let Some(month) = a.current_month.and_then(|m| a.month(m)) {
        let limit = thresholds.team_lagging_pct / 100.0;
        let share = month.weeks.len() as f64 / month.weeks_in_month as f64;
        let t = &month.team;
        let candidates = [
            ("revenue", t.pace, t.base.revenue, t.base.plan_revenue),
            (
                "deals",
                t.pace_deals,
                t.base.deals as f64,
                t.base.plan_deals,
            ),
        ];
        a.lagging_metrics = candidates
            .into_iter()
            .filter_map(|(metric, pace, actual, plan)| {
                let (pace, plan) = (pace?, plan?);
                (pace < limit).then_some(LaggingMetric {
                    metric,
                    pace,
                    actual,
                    plan,
                    shortfall: plan * share - actual,
                })
            })
            .collect();
    }
}

fn raise_alerts(a: &Analytics, content: &Content) -> Vec<Alert> {
    let threshold_pct = content.config.thresholds.manager_lagging_pct;
    let mut alerts = Vec::new();
    for m in &a.lagging_managers {
        let has_plan = a
            .idps
            .iter()
            .any(|p| p.manager == m.id && p.status.is_open());
        if !has_plan {
            alerts.push(Alert::ManagerLaggingWithoutIdp {
                manager: m.id.clone(),
                weeks: m.weeks,
                attainment: m.attainment,
                threshold_pct,
            });
        }
    }
    for m in &a.lagging_metrics {
        if explanation(content, a.current_month, m.metric).is_none() {
            alerts.push(Alert::TeamMetricUnexplained {
                metric: m.metric,
                pace: m.pace,
            });
        }
    }
    if let Some(latest) = a.latest_week.and_then(|w| a.week(w)) {
        for (id, f) in &latest.managers {
            if f.leads_overnight > 0 {
                alerts.push(Alert::LeadsOvernight {
                    manager: id.clone(),
                    week: latest.week,
                    count: f.leads_overnight,
                });
            }
        }
    }
    let limit = u64::from(content.config.thresholds.standup_max_minutes);
    for s in practice::last_week(&a.standups, a.as_of) {
        if let Some(minutes) = s.duration_min.filter(|_| s.over_limit) {
            alerts.push(Alert::StandupTooLong {
                date: s.date,
                minutes,
                limit,
            });
        }
        if !s.video {
            alerts.push(Alert::StandupWithoutVideo { date: s.date });
        }
        if !s.missing.is_empty() {
            alerts.push(Alert::StandupMissingReports {
                date: s.date,
                managers: s.missing.clone(),
            });
        }
    }
    for manager in checklist::one_on_ones_overdue(content, a.as_of).unwrap_or_default() {
        let last = checklist::latest_one_on_one(content, &manager);
        alerts.push(Alert::OneOnOneOverdue { manager, last });
    }
    for p in a.idps.iter().filter(|p| p.overdue) {
        alerts.push(Alert::IdpOverdue {
            slug: p.slug.clone(),
            manager: p.manager.clone(),
            due: p.due,
        });
    }
    alerts::sort(&mut alerts);
    alerts
}

/// The head's explanation of a lagging metric in a month's note, if written.
pub fn explanation<'a>(
    content: &'a Content,
    month: Option<YearMonth>,
    metric: &str,
) -> Option<&'a crate::content::Explanation> {
    let month = month?;
    content
        .month_notes
        .iter()
        .find(|n| n.data.month.value == month)
        .and_then(|n| n.data.explanations.get(metric))
        .filter(|e| !e.reason.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::testkit::{date, site, week};
    use super::*;

    #[test]
    fn week_53_is_a_fifth_of_the_december_plan() {
        let (p, t) = week("2026-W53", 1000, 500);
        let targets = "month: 2026-12\nmanagers:\n  a: { revenue: 5000, deals: 10 }\n  b: { revenue: 2500, deals: 5 }\n";
        let c = site(&[(&p, &t), ("content/targets/2026-12.yaml", targets)]);
        let a = compute(&c, date("2026-12-31"));
        let w = a.week(IsoWeek::parse("2026-W53").unwrap()).unwrap();
        assert_eq!(w.month.to_string(), "2026-12");
        assert_eq!(w.managers["a"].plan_revenue, Some(1000.0));
        assert_eq!(w.team.plan_revenue, Some(1500.0));
        assert_eq!(w.managers["a"].attainment, Some(1.0));
        let m = &a.months[0];
        assert_eq!((m.weeks.len(), m.weeks_in_month), (1, 5));
        assert_eq!(m.team.forecast_revenue, Some(7500.0));
        // Four weeks remain; the decomposition divides by them.
        let d = m.decomposition.as_ref().unwrap();
        assert_eq!(d.remaining_weeks, 4);
        assert_eq!(d.team.remaining_revenue, Some(6000.0));
        assert_eq!(d.team.deals, Some(12)); // 6000 / (1500/3 per deal)
        assert_eq!(d.team.deals_per_week, Some(3));
    }

    #[test]
    fn a_month_without_targets_has_no_plan_figures() {
        let (p, t) = week("2026-W49", 1000, 500);
        let a = compute(&site(&[(&p, &t)]), date("2026-12-05"));
        let m = &a.months[0];
        assert!(!m.has_plan);
        assert_eq!(m.team.base.plan_revenue, None);
        assert_eq!(m.team.base.attainment, None);
        assert_eq!(m.team.pace, None);
        assert_eq!(
            m.team.forecast_revenue,
            Some(7500.0),
            "forecast needs no plan"
        );
        assert!(
            a.lagging_metrics.is_empty(),
            "no plan, nothing to lag behind"
        );
        let d = m.decomposition.as_ref().unwrap();
        assert_eq!(
            d.team,
            Decomposition::default(),
            "no plan, nothing to decompose"
        );
    }

    #[test]
    fn current_month_is_the_as_of_month_or_the_latest_with_data() {
        let (p, t) = week("2026-W45", 1000, 500);
        let c = site(&[(&p, &t)]);
        assert_eq!(
            compute(&c, date("2026-11-03"))
                .current_month
                .unwrap()
                .to_string(),
            "2026-11"
        );
        // Data ends in November; as of mid-December the current month stays November.
        assert_eq!(
            compute(&c, date("2026-12-15"))
                .current_month
                .unwrap()
                .to_string(),
            "2026-11"
        );
        // As of October (data from the future), October is current, and has no month figures.
        let a = compute(&c, date("2026-10-20"));
        assert_eq!(a.current_month.unwrap().to_string(), "2026-10");
        assert!(a.month(a.current_month.unwrap()).is_none());
    }

    #[test]
    fn lagging_needs_consecutive_weeks_below_the_threshold() {
        let targets = "month: 2026-11\nmanagers:\n  a: { revenue: 4000, deals: 4 }\n  b: { revenue: 4000, deals: 4 }\n";
        // a: 70 %, 70 % → lagging (2 weeks); b: 70 %, 90 % → not.
        let (p1, t1) = week("2026-W45", 700, 700);
        let (p2, t2) = week("2026-W46", 700, 900);
        let c = site(&[
            (&p1, &t1),
            (&p2, &t2),
            ("content/targets/2026-11.yaml", targets),
        ]);
        let a = compute(&c, date("2026-11-20"));
        let ids: Vec<&str> = a.lagging_managers.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["a"]);
        assert_eq!(a.lagging_managers[0].weeks, 2);
        // A gap week ends the run.
        let (p3, t3) = week("2026-W48", 700, 900);
        let c = site(&[
            (&p1, &t1),
            (&p3, &t3),
            ("content/targets/2026-11.yaml", targets),
        ]);
        assert!(compute(&c, date("2026-11-28")).lagging_managers.is_empty());
    }

    #[test]
    fn team_revenue_lags_below_ninety_percent_pace() {
        let targets = "month: 2026-11\nmanagers:\n  a: { revenue: 4000, deals: 4 }\n  b: { revenue: 4000, deals: 4 }\n";
        // 2 weeks of 4: plan to date 4000; revenue 3500 → pace 87.5 %; deals 6 of plan-to-date 4 → fine.
        let (p1, t1) = week("2026-W45", 1000, 750);
        let (p2, t2) = week("2026-W46", 1000, 750);
        let c = site(&[
            (&p1, &t1),
            (&p2, &t2),
            ("content/targets/2026-11.yaml", targets),
        ]);
        let a = compute(&c, date("2026-11-20"));
        assert_eq!(a.lagging_metrics.len(), 1);
        let l = &a.lagging_metrics[0];
        assert_eq!((l.metric, l.pace), ("revenue", 0.875));
        assert_eq!(l.shortfall, 500.0);
    }
}
