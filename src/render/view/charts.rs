//! The charts of each page: their data taken from `Analytics`, drawn by
//! `crate::render::charts`, and the same numbers formatted into the table that sits
//! beside each chart (in a `<details>`).

use serde::Serialize;

use super::Ctx;
use crate::analytics::{Figures, MonthStats, WeekStats};
use crate::calendar::IsoWeek;
use crate::render::charts::{self, Chart, FunnelRow, LeadsRow, ManagerValue, Period, PeriodBar};

/// A chart as a page shows it.
#[derive(Debug, Serialize)]
pub struct ChartView {
    /// Names the chart for tests and styles (`data-chart`).
    pub kind: &'static str,
    /// What the chart is ("Выручка по месяцам"); its title says what it shows.
    pub name: &'static str,
    #[serde(flatten)]
    pub chart: Chart,
    pub table: DataTable,
}

/// The chart's numbers as a table: first column is the row header.
#[derive(Debug, Serialize)]
pub struct DataTable {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Above this many weeks, weekly axes are labelled by month.
const WEEK_TICKS_MAX: usize = 26;
/// Weeks a sparkline shows.
const SPARK_WEEKS: usize = 8;

impl Ctx<'_> {
    fn view(
        &self,
        kind: &'static str,
        name: &'static str,
        chart: Chart,
        table: DataTable,
    ) -> ChartView {
        ChartView {
            kind,
            name,
            chart,
            table,
        }
    }

    fn week_ticks(&self, weeks: &[IsoWeek]) -> Vec<String> {
        weeks
            .iter()
            .map(|w| {
                if weeks.len() > WEEK_TICKS_MAX {
                    self.fmt.month_short(w.thursday_month())
                } else {
                    self.fmt.week_short(*w)
                }
            })
            .collect()
    }
}

/// Team revenue against plan for the last 12 months up to `current`.
pub fn revenue_by_month(ctx: &Ctx, current: &MonthStats) -> ChartView {
    let months: Vec<&MonthStats> = ctx
        .analytics
        .months
        .iter()
        .filter(|m| m.month <= current.month)
        .collect();
    let months = &months[months.len().saturating_sub(12)..];
    let bars: Vec<PeriodBar> = months
        .iter()
        .map(|m| PeriodBar {
            label: ctx.fmt.month_short(m.month),
            tick: ctx.fmt.month_short(m.month),
            actual: m.team.base.revenue,
            plan: m.team.base.plan_revenue,
            forecast: m.is_open().then_some(m.team.forecast_revenue).flatten(),
        })
        .collect();
    let table = DataTable {
        head: [
            ctx.t().month,
            ctx.t().actual,
            ctx.t().plan,
            ctx.t().attainment_short,
            ctx.t().forecast_short,
        ]
        .map(str::to_string)
        .to_vec(),
        rows: months
            .iter()
            .map(|m| {
                vec![
                    ctx.fmt.month_short(m.month),
                    ctx.fmt.money(m.team.base.revenue),
                    ctx.money(m.team.base.plan_revenue),
                    ctx.pct(m.team.base.attainment),
                    ctx.money(m.team.forecast_revenue.filter(|_| m.is_open())),
                ]
            })
            .collect(),
    };
    let chart = charts::plan_bars("ch-months", &ctx.fmt, Period::Month, &bars);
    ctx.view(
        "revenue_by_month",
        ctx.t().chart_revenue_by_month,
        chart,
        table,
    )
}

/// The month so far: cumulative team revenue by period, plan line by
/// working days, forecast.
pub fn month_progress(ctx: &Ctx, m: &MonthStats) -> ChartView {
    let calendar = &ctx.department.calendar;
    let periods = calendar.periods_of_month(m.month);
    let mut total = 0.0;
    let actual: Vec<Option<f64>> = periods
        .iter()
        .map(|p| {
            let stats = ctx.analytics.week(p.week)?;
            let part = stats.periods.iter().find(|x| x.period == *p)?;
            total += part.team.revenue;
            Some(total)
        })
        .collect();
    let whole = f64::from(m.days.working_days.max(1));
    let mut days = 0;
    let plan_due: Vec<f64> = match m.team.base.plan_revenue {
        Some(plan) => periods
            .iter()
            .map(|p| {
                days += calendar.working_days(*p);
                plan * f64::from(days) / whole
            })
            .collect(),
        None => Vec::new(),
    };
    let data = charts::Cumulative {
        weeks: periods.iter().map(|p| ctx.fmt.week_short(p.week)).collect(),
        actual: actual.clone(),
        plan: m.team.base.plan_revenue,
        plan_due: plan_due.clone(),
        pace: m.team.pace,
        attainment: m.team.base.attainment,
        forecast: m.team.forecast_revenue,
        closed: !m.is_open(),
    };
    let table = DataTable {
        head: [ctx.t().week, ctx.t().actual, ctx.t().plan]
            .map(str::to_string)
            .to_vec(),
        rows: periods
            .iter()
            .zip(&actual)
            .enumerate()
            .map(|(i, (p, a))| {
                vec![
                    ctx.fmt.period(*p),
                    ctx.money(*a),
                    ctx.money(plan_due.get(i).copied()),
                ]
            })
            .collect(),
    };
    let chart = charts::cumulative("ch-progress", &ctx.fmt, &data);
    ctx.view("month_progress", ctx.t().chart_month_progress, chart, table)
}

/// The 8 weeks ending with `end`, as sparkline points of `value`.
fn spark_points(
    ctx: &Ctx,
    end: IsoWeek,
    value: impl Fn(&WeekStats) -> Option<f64>,
) -> Vec<charts::SparkPoint> {
    end.window_ending(SPARK_WEEKS)
        .into_iter()
        .map(|w| charts::SparkPoint {
            label: ctx.fmt.week_short(w),
            value: ctx.analytics.week(w).and_then(&value),
        })
        .collect()
}

/// The team's weekly revenue, 8 weeks up to the month's latest week.
pub fn team_spark(ctx: &Ctx, m: &MonthStats) -> Option<String> {
    let end = *m.weeks.last()?;
    let points = spark_points(ctx, end, |w| Some(w.team.revenue));
    let chart = charts::sparkline("sp-team", &ctx.fmt, ctx.t().revenue, &points);
    Some(chart.svg)
}

/// A manager's weekly revenue, 8 weeks up to the month's latest week.
pub fn manager_spark(ctx: &Ctx, m: &MonthStats, id: &str) -> String {
    let Some(&end) = m.weeks.last() else {
        return String::new();
    };
    let points = spark_points(ctx, end, |w| w.managers.get(id).map(|f| f.revenue));
    let id = format!("sp-m-{id}");
    charts::sparkline(&id, &ctx.fmt, ctx.t().revenue, &points).svg
}

/// Plan attainment per manager (pace while the month runs), best first.
pub fn attainment(ctx: &Ctx, m: &MonthStats) -> ChartView {
    let pace = m.is_open();
    let value = |f: &crate::analytics::MonthFigures| if pace { f.pace } else { f.base.attainment };
    // The order of the manager matrix beside it.
    let rows: Vec<(String, Option<f64>)> = super::matrix::ranked(ctx, m)
        .into_iter()
        .map(|(id, f)| (ctx.name(id), value(&f.figures)))
        .collect();
    let threshold = ctx.department.config.thresholds.manager_lagging_pct / 100.0;
    let data: Vec<ManagerValue> = rows
        .iter()
        .map(|(name, value)| ManagerValue {
            name: name.clone(),
            value: *value,
        })
        .collect();
    let measure = if pace {
        ctx.t().pace
    } else {
        ctx.t().attainment
    };
    let table = DataTable {
        head: vec![ctx.t().manager.into(), measure.into()],
        rows: rows
            .iter()
            .map(|(name, v)| vec![name.clone(), ctx.pct(*v)])
            .collect(),
    };
    let chart = charts::attainment("ch-attainment", &ctx.fmt, &data, threshold, pace);
    ctx.view("attainment", ctx.t().chart_attainment, chart, table)
}

/// Leads received, processed and left overnight per manager in a week.
pub fn leads(ctx: &Ctx, w: &WeekStats) -> ChartView {
    let rows: Vec<LeadsRow> = w
        .managers
        .iter()
        .map(|(id, f)| LeadsRow {
            name: ctx.name(id),
            received: f.leads_received,
            processed: f.leads_processed,
            overnight: f.leads_overnight,
        })
        .collect();
    let n = |v: u64| ctx.fmt.number(v as f64, 0);
    let table = DataTable {
        head: [
            ctx.t().manager,
            ctx.t().leads_received,
            ctx.t().leads_processed,
            ctx.t().leads_overnight,
        ]
        .map(str::to_string)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    n(r.received),
                    n(r.processed),
                    n(r.overnight),
                ]
            })
            .collect(),
    };
    let chart = charts::leads("ch-leads", &ctx.fmt, &rows);
    ctx.view("leads", ctx.t().chart_leads, chart, table)
}

fn funnel_row(name: String, f: &Figures) -> FunnelRow {
    FunnelRow {
        name,
        leads: f.leads_processed,
        meetings: f.meetings,
        deals: f.deals,
    }
}

fn funnel_view(ctx: &Ctx, id: &str, rows: Vec<(FunnelRow, &Figures)>) -> ChartView {
    let n = |v: u64| ctx.fmt.number(v as f64, 0);
    let table = DataTable {
        head: [
            ctx.t().manager,
            ctx.t().leads_processed,
            ctx.t().meetings,
            ctx.t().deals,
            ctx.t().conv_lead_meeting,
            ctx.t().conv_meeting_deal,
        ]
        .map(str::to_string)
        .to_vec(),
        rows: rows
            .iter()
            .map(|(r, f)| {
                vec![
                    r.name.clone(),
                    n(r.leads),
                    n(r.meetings),
                    n(r.deals),
                    ctx.pct(f.conv_lead_meeting),
                    ctx.pct(f.conv_meeting_deal),
                ]
            })
            .collect(),
    };
    let data: Vec<FunnelRow> = rows.into_iter().map(|(r, _)| r).collect();
    let chart = charts::funnel(id, &ctx.fmt, &data);
    ctx.view("funnel", ctx.t().chart_funnel, chart, table)
}

/// The week's funnel: the team, then each manager.
pub fn week_funnel(ctx: &Ctx, w: &WeekStats) -> ChartView {
    let mut rows = vec![(funnel_row(ctx.t().team_total.into(), &w.team), &w.team)];
    rows.extend(
        w.managers
            .iter()
            .map(|(id, f)| (funnel_row(ctx.name(id), f), f)),
    );
    funnel_view(ctx, "ch-funnel", rows)
}

/// A manager's funnel this month beside the team's.
pub fn manager_funnel(ctx: &Ctx, m: &MonthStats, id: &str) -> Option<ChartView> {
    let own = &m.managers.get(id)?.figures.base;
    let rows = vec![
        (funnel_row(ctx.name(id), own), own),
        (
            funnel_row(ctx.t().team_total.into(), &m.team.base),
            &m.team.base,
        ),
    ];
    Some(funnel_view(ctx, "ch-funnel", rows))
}

/// The weeks a manager has numbers for, oldest first.
fn manager_weeks<'a>(ctx: &'a Ctx, id: &str) -> Vec<(&'a WeekStats, &'a Figures)> {
    ctx.analytics
        .weeks
        .iter()
        .filter_map(|w| w.managers.get(id).map(|f| (w, f)))
        .collect()
}

/// A manager's weekly revenue against the weekly plan.
pub fn manager_revenue(ctx: &Ctx, id: &str) -> Option<ChartView> {
    let weeks = manager_weeks(ctx, id);
    if weeks.is_empty() {
        return None;
    }
    let ticks = ctx.week_ticks(&weeks.iter().map(|(w, _)| w.week).collect::<Vec<_>>());
    let bars: Vec<PeriodBar> = weeks
        .iter()
        .zip(ticks)
        .map(|((w, f), tick)| PeriodBar {
            label: ctx.fmt.week_short(w.week),
            tick,
            actual: f.revenue,
            plan: f.plan_revenue,
            forecast: None,
        })
        .collect();
    let table = DataTable {
        head: [
            ctx.t().week,
            ctx.t().actual,
            ctx.t().plan,
            ctx.t().attainment_short,
        ]
        .map(str::to_string)
        .to_vec(),
        rows: weeks
            .iter()
            .map(|(w, f)| {
                vec![
                    ctx.fmt.week(w.week),
                    ctx.fmt.money(f.revenue),
                    ctx.money(f.plan_revenue),
                    ctx.pct(f.attainment),
                ]
            })
            .collect(),
    };
    let chart = charts::plan_bars("ch-weeks", &ctx.fmt, Period::Week, &bars);
    Some(ctx.view(
        "revenue_by_week",
        ctx.t().chart_revenue_by_week,
        chart,
        table,
    ))
}

/// A manager's meeting→deal conversion by week, with the team's.
pub fn manager_conversion(ctx: &Ctx, id: &str) -> Option<ChartView> {
    let weeks = manager_weeks(ctx, id);
    if weeks.is_empty() {
        return None;
    }
    let ticks = ctx.week_ticks(&weeks.iter().map(|(w, _)| w.week).collect::<Vec<_>>());
    let points: Vec<charts::TrendPoint> = weeks
        .iter()
        .zip(ticks)
        .map(|((w, f), tick)| charts::TrendPoint {
            label: ctx.fmt.week_short(w.week),
            tick,
            value: f.conv_meeting_deal,
            reference: w.team.conv_meeting_deal,
        })
        .collect();
    let data = charts::Trend {
        metric: ctx.t().conv_meeting_deal.into(),
        name: ctx.name(id),
        reference_name: ctx.t().team_total.into(),
        points,
    };
    let table = DataTable {
        head: vec![ctx.t().week.into(), ctx.name(id), ctx.t().team_total.into()],
        rows: weeks
            .iter()
            .map(|(w, f)| {
                vec![
                    ctx.fmt.week(w.week),
                    ctx.pct(f.conv_meeting_deal),
                    ctx.pct(w.team.conv_meeting_deal),
                ]
            })
            .collect(),
    };
    let chart = charts::conversion("ch-conversion", &ctx.fmt, &data);
    Some(ctx.view("conversion", ctx.t().chart_conversion, chart, table))
}

/// The stand-ups' durations against the limit, oldest first (the last 30 at most).
pub fn standup_durations(ctx: &Ctx) -> Option<ChartView> {
    let limit = ctx.department.config.thresholds.standup_max_minutes;
    let days: Vec<_> = ctx
        .analytics
        .standups
        .iter()
        .filter(|s| s.duration_min.is_some())
        .collect();
    let days = &days[days.len().saturating_sub(30)..];
    if days.is_empty() {
        return None;
    }
    let bars: Vec<charts::StandupDay> = days
        .iter()
        .map(|s| charts::StandupDay {
            label: s.date.format("%d.%m").to_string(),
            minutes: s.duration_min.unwrap_or(0) as f64,
        })
        .collect();
    let table = DataTable {
        head: [ctx.t().date, ctx.t().duration, ctx.t().video]
            .map(str::to_string)
            .to_vec(),
        rows: days
            .iter()
            .map(|s| {
                vec![
                    ctx.fmt.date(s.date),
                    s.duration_min.map_or_else(|| "—".into(), |d| d.to_string()),
                    ctx.t().yes_no(s.video).to_string(),
                ]
            })
            .collect(),
    };
    let chart = charts::standup_durations("ch-standups", &ctx.fmt, &bars, f64::from(limit));
    Some(ctx.view("standup_durations", ctx.t().standups_title, chart, table))
}
