//! The owner's page: the current month in cards, what needs attention, the team.

use serde::Serialize;

use super::charts::{self, ChartView};
use super::{AlertView, Card, Ctx, Delta, Layout, Section, bar_width, href, month_title};
use crate::analytics::{MonthDecomposition, MonthStats};
use crate::content::Locale;

#[derive(Debug, Serialize)]
pub struct Dashboard {
    pub layout: Layout,
    pub heading: String,
    /// "данные по неделю 48 (23–29 нояб.)".
    pub data_through: Option<String>,
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
    pub remaining_weeks: u64,
    pub rows: Vec<DecompositionRow>,
}

#[derive(Debug, Serialize)]
pub struct DecompositionRow {
    pub name: String,
    pub is_team: bool,
    pub remaining_revenue: String,
    pub deals: String,
    pub deals_per_week: String,
    pub meetings: String,
    pub meetings_per_week: String,
    pub leads: String,
    pub leads_per_week: String,
}

pub fn dashboard(ctx: &Ctx) -> Dashboard {
    let a = ctx.analytics;
    let month = a.current_month.and_then(|m| a.month(m));
    let heading = match a.current_month {
        Some(m) => month_title(ctx, m),
        None => ctx.content.config.title.clone(),
    };
    Dashboard {
        layout: ctx.layout(
            "index.html",
            ctx.content.config.title.clone(),
            Section::Dashboard,
        ),
        heading,
        data_through: a.latest_week.map(|w| match ctx.locale() {
            Locale::Ru => format!(
                "данные по {}-ю неделю ({})",
                w.number(),
                ctx.fmt.week_dates(w)
            ),
            Locale::En => format!("data through {}", ctx.fmt.week(w)),
        }),
        month_href: a.current_month.map(href::month),
        cards: month.map(|m| cards(ctx, m)).unwrap_or_default(),
        alerts: a.alerts.iter().map(|al| ctx.alert(al)).collect(),
        lagging: lag_rows(ctx),
        team: month.map(|m| team_rows(ctx, m)).unwrap_or_default(),
        decomposition: month
            .and_then(|m| m.decomposition.as_ref())
            .map(|d| decomposition(ctx, d)),
        month_over: month.is_some_and(|m| m.complete),
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

/// "к 1–2 нед. окт." / "vs Oct wk 1–2", or the whole previous month.
pub fn growth_against(ctx: &Ctx, m: &MonthStats) -> String {
    let prev = m.month.prev();
    let k = m.weeks.len();
    let short = ctx.fmt.month_short(prev);
    // Say so when a complete month is compared with one of another length.
    let before = m.previous_weeks.len();
    let length = |weeks: usize| match ctx.locale() {
        Locale::Ru => format!(" ({weeks} нед.)"),
        Locale::En => format!(" ({weeks} wk)"),
    };
    match (ctx.locale(), m.complete) {
        (Locale::Ru, false) => format!("к 1–{k} нед. {short}"),
        (Locale::En, false) => format!("vs {short} wk 1–{k}"),
        (Locale::Ru, true) if before != k => format!("к {short}{}", length(before)),
        (Locale::En, true) if before != k => format!("vs {short}{}", length(before)),
        (Locale::Ru, true) => format!("к {short}"),
        (Locale::En, true) => format!("vs {short}"),
    }
}

pub fn cards(ctx: &Ctx, m: &MonthStats) -> Vec<Card> {
    let t = &m.team;
    let f = &ctx.fmt;
    let of_plan = |plan: Option<f64>, share: Option<f64>, show: &dyn Fn(f64) -> String| match plan {
        Some(plan) => format!(
            "{} {} · {} {}",
            ctx.t("of_plan"),
            show(plan),
            ctx.pct(share),
            ctx.t("of_plan_suffix")
        ),
        None => ctx.t("no_plan").to_string(),
    };
    let pace_delta = match (t.pace, m.pace_week_before, m.weeks.len()) {
        (Some(now), Some(before), k) if k >= 2 => Some(Delta::new(
            now - before,
            |v| f.points(v),
            match ctx.locale() {
                Locale::Ru => format!("к {}", f.week_short(m.weeks[k - 2])),
                Locale::En => format!("vs {}", f.week_short(m.weeks[k - 2])),
            },
            false,
        )),
        _ => None,
    };
    let growth = |g: Option<f64>| {
        g.map(|g| Delta::new(g, |v| f.percent(v, 0), growth_against(ctx, m), false))
    };
    let overnight = t.base.leads_overnight;
    vec![
        Card {
            label: ctx.t("revenue"),
            value: f.money(t.base.revenue),
            tone: None,
            sub: Some(of_plan(t.base.plan_revenue, t.base.attainment, &|v| {
                f.money(v)
            })),
            delta: None,
            spark: charts::team_spark(ctx, m),
        },
        Card {
            label: ctx.t("pace"),
            value: ctx.pct(t.pace),
            tone: None,
            sub: None,
            delta: pace_delta,
            spark: None,
        },
        Card {
            label: ctx.t("forecast"),
            value: ctx.money(t.forecast_revenue),
            tone: None,
            sub: t.base.plan_revenue.map(|p| {
                format!(
                    "{} {}",
                    ctx.pct(t.forecast_revenue.map(|fr| fr / p)),
                    ctx.t("of_plan_suffix")
                )
            }),
            delta: None,
            spark: None,
        },
        Card {
            label: ctx.t("mom_growth"),
            value: growth(t.mom_growth).map_or_else(|| "—".into(), |d| d.text.clone()),
            tone: growth(t.mom_growth).map(|d| d.tone),
            sub: growth(t.mom_growth).map(|d| d.against),
            delta: None,
            spark: None,
        },
        Card {
            label: ctx.t("deals"),
            value: f.number(t.base.deals as f64, 0),
            tone: None,
            sub: Some(of_plan(t.base.plan_deals, t.base.attainment_deals, &|v| {
                f.number(v, 0)
            })),
            delta: None,
            spark: None,
        },
        Card {
            label: ctx.t("processing_rate"),
            value: ctx.pct(t.base.processing_rate),
            tone: None,
            sub: Some(format!(
                "{}: {}",
                ctx.t("leads_overnight"),
                f.number(overnight as f64, 0)
            )),
            delta: None,
            spark: None,
        },
    ]
}

fn lag_rows(ctx: &Ctx) -> Vec<LagRow> {
    ctx.analytics
        .lagging_metrics
        .iter()
        .map(|l| LagRow {
            metric: ctx.t(l.metric),
            pace: ctx.fmt.percent(l.pace, 0),
            behind: if l.metric == "revenue" {
                ctx.fmt.money(l.shortfall)
            } else {
                crate::i18n::deals(ctx.locale(), l.shortfall.round().max(0.0) as u64)
            },
            reason: explained(ctx, l.metric, |e| &e.reason),
            actions: explained(ctx, l.metric, |e| &e.actions),
            resources: explained(ctx, l.metric, |e| &e.resources),
        })
        .collect()
}

/// One part of the head's explanation of a lagging metric this month.
fn explained(
    ctx: &Ctx,
    metric: &str,
    part: fn(&crate::content::Explanation) -> &String,
) -> Option<String> {
    crate::analytics::explanation(ctx.content, ctx.analytics.current_month, metric)
        .map(part)
        .filter(|t| !t.trim().is_empty())
        .cloned()
}

/// Managers of the month, best attainment first (no plan last, then by revenue).
pub fn team_rows(ctx: &Ctx, m: &MonthStats) -> Vec<TeamRow> {
    let lagging: Vec<&str> = ctx
        .analytics
        .lagging_managers
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    let mut rows: Vec<(&String, &crate::analytics::MonthFigures)> = m.managers.iter().collect();
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
            href: href::manager(id),
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
    let row = |name: String, is_team: bool, x: &crate::analytics::Decomposition| {
        let n = |v: Option<u64>| ctx.count(v.map(|v| v as f64));
        DecompositionRow {
            name,
            is_team,
            remaining_revenue: ctx.money(x.remaining_revenue),
            deals: n(x.deals),
            deals_per_week: n(x.deals_per_week),
            meetings: n(x.meetings),
            meetings_per_week: n(x.meetings_per_week),
            leads: n(x.leads),
            leads_per_week: n(x.leads_per_week),
        }
    };
    let mut rows = vec![row(ctx.t("team_total").to_string(), true, &d.team)];
    rows.extend(d.managers.iter().map(|(id, x)| row(ctx.name(id), false, x)));
    DecompositionView {
        remaining_weeks: d.remaining_weeks,
        rows,
    }
}
