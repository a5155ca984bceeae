//! The owner's page: the current month in cards, what needs attention, the team.

use crate::render::route::Route;
use serde::Serialize;

use super::charts::{self, ChartView};
use super::{AlertView, Card, Ctx, Delta, Layout, bar_width, month_title};
use crate::analytics::{Decomposition, MonthDecomposition, MonthStats};
use crate::content::{Locale, PlanMetric};

#[derive(Debug, Serialize)]
pub struct Dashboard {
    pub layout: Layout,
    pub heading: String,
    /// Where the month stands: "идёт, осталось 1 рабочий день из 20".
    pub status: Option<String>,
    pub month_href: Option<String>,
    pub cards: Vec<Card>,
    pub alerts: Vec<AlertView>,
    pub lagging: Vec<LagRow>,
    pub team: Vec<TeamRow>,
    pub decomposition: Option<DecompositionView>,
    pub month_over: bool,
    /// The month so far, then the last 12 months.
    pub charts: Vec<ChartView>,
    /// "Точки контроля: 9 из 12 выполнены" (owner's site only).
    pub checklist: Option<String>,
}

/// A lagging team metric and the head's word about it.
#[derive(Debug, Serialize)]
pub struct LagRow {
    pub metric: &'static str,
    pub pace: String,
    pub behind: String,
    pub reason: Option<String>,
    pub actions: Option<String>,
    pub resources: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct TeamRow {
    pub rank: usize,
    pub name: String,
    pub href: String,
    pub revenue: String,
    pub plan: String,
    pub attainment: String,
    pub bar: f64,
    pub conv_meeting_deal: String,
    pub lagging: bool,
    /// Weekly revenue, the 8 weeks up to the month's latest (trusted SVG markup).
    pub spark: String,
}

#[derive(Debug, Serialize)]
pub struct DecompositionView {
    /// "Осталось 2 рабочих дня: нужно 311 260 ₽ — 16 оплат, 8 в день".
    pub summary: String,
    pub days_left: u64,
    pub rows: Vec<DecompositionRow>,
}

#[derive(Debug, Serialize)]
pub struct DecompositionRow {
    pub name: String,
    pub is_team: bool,
    pub days_left: String,
    pub remaining_revenue: String,
    pub deals: String,
    pub deals_per_day: String,
    pub meetings: String,
    pub meetings_per_day: String,
    pub leads: String,
    pub leads_per_day: String,
}

pub fn dashboard(ctx: &Ctx) -> Dashboard {
    let a = ctx.analytics;
    let month = a.current_month.and_then(|m| a.month(m));
    let heading = match a.current_month {
        Some(m) => month_title(ctx, m),
        None => ctx.content.config.title.clone(),
    };
    Dashboard {
        layout: ctx.layout(&Route::Dashboard, ctx.content.config.title.clone()),
        heading,
        status: month.map(|m| month_status(ctx, m)),
        month_href: a.current_month.map(|m| Route::Month(m).path()),
        cards: month.map(|m| cards(ctx, m)).unwrap_or_default(),
        alerts: a.alerts.iter().map(|al| ctx.alert(al)).collect(),
        lagging: lag_rows(ctx),
        team: month.map(|m| team_rows(ctx, m)).unwrap_or_default(),
        decomposition: month
            .and_then(|m| m.decomposition.as_ref())
            .map(|d| decomposition(ctx, d)),
        month_over: month.is_some_and(|m| !m.is_open()),
        charts: month
            .map(|m| {
                vec![
                    charts::month_progress(ctx, m),
                    charts::revenue_by_month(ctx, m),
                ]
            })
            .unwrap_or_default(),
        checklist: ctx.for_owner().then(|| super::control::summary_line(ctx)),
    }
}

/// Where a month stands, and for a closed month without all its periods,
/// which ones are missing.
pub fn month_status(ctx: &Ctx, m: &MonthStats) -> String {
    let status = crate::locale::month_status(
        ctx.locale(),
        m.is_open(),
        m.days.days_left,
        m.days.working_days,
    );
    if m.is_open() || m.missing.is_empty() {
        return status;
    }
    let missing: Vec<String> = m
        .missing
        .iter()
        .map(|p| ctx.fmt.days(p.first, p.last))
        .collect();
    match ctx.locale() {
        Locale::Ru => format!("{status}; нет данных за {}", missing.join(", ")),
        Locale::En => format!("{status}; no numbers for {}", missing.join(", ")),
    }
}

/// What growth per working day compares with: "к окт. 2026".
pub fn growth_against(ctx: &Ctx, m: &MonthStats) -> String {
    let short = ctx.fmt.month_short(m.month.prev());
    match ctx.locale() {
        Locale::Ru => format!("к {short}"),
        Locale::En => format!("vs {short}"),
    }
}

/// The small print under the growth card: the plain change of totals (a
/// closed month) and both months' working days with data.
fn growth_small_print(ctx: &Ctx, m: &MonthStats) -> Option<String> {
    let before = m.previous.as_ref()?;
    let (now, then) = (
        m.days.elapsed_working_days,
        before.days.elapsed_working_days,
    );
    let change = m.team.mom_change.map(|c| ctx.fmt.signed_percent(c));
    Some(match (ctx.locale(), change) {
        (Locale::Ru, Some(c)) => format!("за месяц всего {c} · {now} и {then} раб. дн."),
        (Locale::Ru, None) => format!("{now} раб. дн. с данными против {then}"),
        (Locale::En, Some(c)) => format!("total {c} · {now} vs {then} working days"),
        (Locale::En, None) => format!("{now} working days with data vs {then}"),
    })
}

pub fn cards(ctx: &Ctx, m: &MonthStats) -> Vec<Card> {
    let t = &m.team;
    let f = &ctx.fmt;
    let of_plan = |plan: Option<f64>, share: Option<f64>, show: &dyn Fn(f64) -> String| match plan {
        Some(plan) => format!(
            "{} {} · {} {}",
            ctx.t().of_plan,
            show(plan),
            ctx.pct(share),
            ctx.t().of_plan_suffix
        ),
        None => ctx.t().no_plan.to_string(),
    };
    let pace_delta = match (t.pace, m.pace_before_latest) {
        (Some(now), Some((before, latest))) => Some(Delta::new(
            now - before,
            |v| f.points(v),
            match ctx.locale() {
                Locale::Ru => format!("за {}", f.week_short(latest.week)),
                Locale::En => format!("over {}", f.week_short(latest.week)),
            },
            false,
        )),
        _ => None,
    };
    let growth = |g: Option<f64>| {
        g.map(|g| Delta::new(g, |v| f.percent(v, 0), growth_against(ctx, m), false))
    };
    let growth_sub = growth(t.mom_growth).map(|d| {
        let mut sub = d.against;
        if let Some(small) = growth_small_print(ctx, m) {
            sub.push_str(" · ");
            sub.push_str(&small);
        }
        sub
    });
    let overnight = t.base.leads_overnight;
    let open = m.is_open();
    let cards = vec![
        Card {
            label: ctx.t().revenue,
            value: f.money(t.base.revenue),
            tone: None,
            sub: Some(of_plan(t.base.plan_revenue, t.base.attainment, &|v| {
                f.money(v)
            })),
            delta: None,
            spark: charts::team_spark(ctx, m),
        },
        Card {
            label: ctx.t().pace,
            value: ctx.pct(t.pace),
            tone: None,
            sub: None,
            delta: pace_delta,
            spark: None,
        },
        Card {
            label: ctx.t().forecast,
            value: ctx.money(t.forecast_revenue),
            tone: None,
            sub: t.base.plan_revenue.map(|p| {
                format!(
                    "{} {}",
                    ctx.pct(t.forecast_revenue.map(|fr| fr / p)),
                    ctx.t().of_plan_suffix
                )
            }),
            delta: None,
            spark: None,
        },
        Card {
            label: ctx.t().mom_growth,
            value: growth(t.mom_growth).map_or_else(|| "—".into(), |d| d.text.clone()),
            tone: growth(t.mom_growth).map(|d| d.tone),
            sub: growth_sub,
            delta: None,
            spark: None,
        },
        Card {
            label: ctx.t().deals,
            value: f.number(t.base.deals as f64, 0),
            tone: None,
            sub: Some(of_plan(t.base.plan_deals, t.base.attainment_deals, &|v| {
                f.number(v, 0)
            })),
            delta: None,
            spark: None,
        },
        Card {
            label: ctx.t().processing_rate,
            value: ctx.pct(t.base.processing_rate),
            tone: None,
            sub: Some(format!(
                "{}: {}",
                ctx.t().leads_overnight,
                f.number(overnight as f64, 0)
            )),
            delta: None,
            spark: None,
        },
    ];
    // Pace and forecast say something only while the month runs: on a
    // closed month they repeat attainment and revenue.
    let only_while_open = [ctx.t().pace, ctx.t().forecast];
    cards
        .into_iter()
        .filter(|c| open || !only_while_open.contains(&c.label))
        .collect()
}

fn lag_rows(ctx: &Ctx) -> Vec<LagRow> {
    ctx.analytics
        .lagging_metrics
        .iter()
        .map(|l| LagRow {
            metric: ctx.t().plan_metric(l.metric),
            pace: ctx.fmt.percent(l.pace, 0),
            behind: if l.metric == PlanMetric::Revenue {
                ctx.fmt.money(l.shortfall)
            } else {
                crate::locale::deals(ctx.locale(), l.shortfall.round().max(0.0) as u64)
            },
            reason: explained(ctx, l.metric, |e| e.reason.clone()),
            actions: explained(ctx, l.metric, |e| e.actions.text()),
            resources: explained(ctx, l.metric, |e| e.resources.clone()),
        })
        .collect()
}

/// One part of the head's explanation of a lagging metric this month.
fn explained(
    ctx: &Ctx,
    metric: PlanMetric,
    part: fn(&crate::content::Explanation) -> String,
) -> Option<String> {
    crate::analytics::explanation(ctx.content, ctx.analytics.current_month, metric)
        .map(part)
        .filter(|t| !t.trim().is_empty())
}

/// Managers of the month, best attainment first (no plan last, then by revenue).
pub fn team_rows(ctx: &Ctx, m: &MonthStats) -> Vec<TeamRow> {
    let lagging: Vec<&str> = ctx
        .analytics
        .lagging_managers
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    let mut rows: Vec<(&String, &crate::analytics::MonthFigures)> =
        m.managers.iter().map(|(id, x)| (id, &x.figures)).collect();
    rows.sort_by(|(ia, a), (ib, b)| {
        let key =
            |f: &crate::analytics::MonthFigures| f.base.attainment.unwrap_or(f64::NEG_INFINITY);
        key(b)
            .total_cmp(&key(a))
            .then(b.base.revenue.total_cmp(&a.base.revenue))
            .then(ia.cmp(ib))
    });
    rows.into_iter()
        .enumerate()
        .map(|(i, (id, f))| TeamRow {
            rank: i + 1,
            name: ctx.name(id),
            href: Route::Manager(id.to_string()).path(),
            revenue: ctx.fmt.money(f.base.revenue),
            plan: ctx.money(f.base.plan_revenue),
            attainment: ctx.pct(f.base.attainment),
            bar: bar_width(f.base.attainment),
            conv_meeting_deal: ctx.pct(f.base.conv_meeting_deal),
            lagging: lagging.contains(&id.as_str()),
            spark: charts::manager_spark(ctx, m, id),
        })
        .collect()
}

pub fn decomposition(ctx: &Ctx, d: &MonthDecomposition) -> DecompositionView {
    let dash = || "—".to_string();
    let row = |name: String, is_team: bool, x: Option<&Decomposition>| {
        let n = |v: Option<u64>| ctx.count(v.map(|v| v as f64));
        match x {
            Some(x) => DecompositionRow {
                name,
                is_team,
                days_left: ctx.fmt.number(x.days_left as f64, 0),
                remaining_revenue: ctx.money(x.remaining_revenue),
                deals: n(x.deals),
                deals_per_day: n(x.deals_per_day),
                meetings: n(x.meetings),
                meetings_per_day: n(x.meetings_per_day),
                leads: n(x.leads),
                leads_per_day: n(x.leads_per_day),
            },
            // No working day left for this manager this month.
            None => DecompositionRow {
                name,
                is_team,
                days_left: "0".into(),
                remaining_revenue: dash(),
                deals: dash(),
                deals_per_day: dash(),
                meetings: dash(),
                meetings_per_day: dash(),
                leads: dash(),
                leads_per_day: dash(),
            },
        }
    };
    let mut rows = vec![row(ctx.t().team_total.to_string(), true, Some(&d.team))];
    rows.extend(
        d.managers
            .iter()
            .map(|(id, x)| row(ctx.name(id), false, x.as_ref())),
    );
    DecompositionView {
        summary: crate::locale::decomposition_summary(ctx.locale(), &ctx.fmt, &d.team),
        days_left: d.team.days_left,
        rows,
    }
}
