//! The owner's page: the verdict on the current month, its cards, what
//! needs attention, the manager matrix, the charts and the decomposition.

use crate::render::route::Route;
use serde::Serialize;

use super::attention;
use super::charts::{self, ChartView};
use super::grid::{Cell, Column, Grid};
use super::matrix::matrix;
use super::verdict::{On, Verdict, verdict};
use super::{AlertView, Card, Ctx, Delta, Layout, month_title};
use crate::analytics::{Decomposition, MonthDecomposition, MonthStats};

#[derive(Debug, Serialize)]
pub struct Dashboard {
    pub layout: Layout,
    pub heading: String,
    /// Where the month stands: "идёт, осталось 1 рабочий день из 20".
    pub status: Option<String>,
    pub month_href: Option<String>,
    /// How the month goes, who lags, what the head says and does.
    pub verdict: Option<Verdict>,
    pub cards: Vec<Card>,
    /// What needs attention, ranked by what the owner must act on.
    pub alerts: Vec<AlertView>,
    pub matrix: Option<Grid>,
    pub decomposition: Option<DecompositionView>,
    pub month_over: bool,
    /// The month so far, then the last 12 months.
    pub charts: Vec<ChartView>,
    /// "Точки контроля: выполнено 9 из 12" (owner's site only).
    pub checklist: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DecompositionView {
    /// "Осталось 2 рабочих дня: нужно 311 260 ₽ — 16 оплат, 8 в день".
    pub summary: String,
    pub days_left: u64,
    /// The team, then each manager: remaining revenue first.
    pub grid: Grid,
}

pub fn dashboard(ctx: &Ctx) -> Dashboard {
    let a = ctx.analytics;
    let month = a.current_month.and_then(|m| a.month(m));
    let heading = match a.current_month {
        Some(m) => month_title(ctx, m),
        None => ctx.department.config.title.clone(),
    };
    Dashboard {
        layout: ctx.layout(&Route::Dashboard, ctx.department.config.title.clone()),
        heading,
        status: month.map(|m| month_status(ctx, m)),
        month_href: a.current_month.map(|m| Route::Month(m).path()),
        verdict: month.map(|m| verdict(ctx, m, On::Dashboard)),
        cards: month.map(|m| cards(ctx, m)).unwrap_or_default(),
        alerts: attention::ranked(ctx),
        matrix: month.map(|m| matrix(ctx, m)),
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
    ctx.say().month_missing(&status, &missing.join(", "))
}

/// What growth per working day compares with: "к окт. 2026".
pub fn growth_against(ctx: &Ctx, m: &MonthStats) -> String {
    ctx.say().against(&ctx.fmt.month_short(m.month.prev()))
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
    Some(match change {
        Some(c) => ctx.say().growth_totals(&c, now, then),
        None => ctx.say().growth_days(now, then),
    })
}

/// "из 6 750 000 ₽ · 95 % плана", or that there is no plan.
fn of_plan(
    ctx: &Ctx,
    plan: Option<f64>,
    share: Option<f64>,
    show: &dyn Fn(f64) -> String,
) -> String {
    match plan {
        Some(plan) => format!(
            "{} {} · {} {}",
            ctx.t().of_plan,
            show(plan),
            ctx.pct(share),
            ctx.t().of_plan_suffix
        ),
        None => ctx.t().no_plan.to_string(),
    }
}

/// The month's cards, one per fact: revenue, pace with the forecast (while
/// the month runs: on a closed month they would repeat attainment and
/// revenue, and the forecast's % of plan is the pace itself), deals,
/// growth per working day, lead processing.
pub fn cards(ctx: &Ctx, m: &MonthStats) -> Vec<Card> {
    let t = &m.team;
    let f = &ctx.fmt;
    let card = Card::plain;
    let mut cards = vec![Card {
        spark: charts::team_spark(ctx, m),
        spark_caption: Some(ctx.t().spark_caption),
        ..card(
            ctx.t().revenue,
            f.money(t.base.revenue),
            Some(of_plan(ctx, t.base.plan_revenue, t.base.attainment, &|v| {
                f.money(v)
            })),
        )
    }];
    if m.is_open() {
        cards.push(pace_card(ctx, m));
    }
    let mut deals = of_plan(ctx, t.base.plan_deals, t.base.attainment_deals, &|v| {
        f.number(v, 0)
    });
    if m.is_open() && t.pace_deals.is_some() {
        deals = format!(
            "{deals}, {} {}",
            ctx.t().pace_short.to_lowercase(),
            ctx.pct(t.pace_deals)
        );
    }
    cards.push(card(
        ctx.t().deals,
        f.number(t.base.deals as f64, 0),
        Some(deals),
    ));
    cards.push(growth_card(ctx, m));
    cards.push(Card::processing(ctx, &t.base));
    cards
}

/// Pace to plan, its change over the latest period, and the month-end forecast.
fn pace_card(ctx: &Ctx, m: &MonthStats) -> Card {
    let (t, f) = (&m.team, &ctx.fmt);
    let delta = match (t.pace, m.pace_before_latest) {
        (Some(now), Some((before, latest))) => Some(Delta::new(
            now - before,
            |v| f.points(v),
            ctx.say().over_week(&f.week_short(latest.week)),
            false,
        )),
        _ => None,
    };
    let forecast = t.forecast_revenue.map(|v| ctx.say().forecast(&f.money(v)));
    Card {
        label: ctx.t().pace,
        value: ctx.pct(t.pace),
        tone: None,
        sub: forecast,
        delta,
        spark: None,
        spark_caption: None,
    }
}

/// Growth per working day against the month before, with the small print.
fn growth_card(ctx: &Ctx, m: &MonthStats) -> Card {
    let growth = m
        .team
        .mom_growth
        .map(|g| Delta::new(g, |v| ctx.fmt.percent(v, 0), growth_against(ctx, m), false));
    let sub = growth.as_ref().map(|d| {
        let mut sub = d.against.clone();
        if let Some(small) = growth_small_print(ctx, m) {
            sub.push_str(" · ");
            sub.push_str(&small);
        }
        sub
    });
    Card {
        label: ctx.t().mom_growth,
        value: growth
            .as_ref()
            .map_or_else(|| "—".into(), |d| d.text.clone()),
        tone: growth.as_ref().map(|d| d.tone),
        sub,
        delta: None,
        spark: None,
        spark_caption: None,
    }
}

pub fn decomposition(ctx: &Ctx, d: &MonthDecomposition) -> DecompositionView {
    let t = ctx.t();
    let per_day = |what: &str| format!("{what}, {}", t.per_day);
    let columns = vec![
        Column::num(t.remaining_revenue),
        Column::num(t.days_left),
        Column::num(t.deals_needed),
        Column::num(per_day(t.deals_needed)),
        Column::num(t.meetings_needed),
        Column::num(per_day(t.meetings_needed)),
        Column::num(t.leads_needed),
        Column::num(per_day(t.leads_needed)),
    ];
    let mut grid = Grid::new("decomposition", t.manager, columns);
    let mut row = |name: String, href: Option<String>, total: bool, x: Option<&Decomposition>| {
        let n = |v: Option<u64>| Cell::num(ctx.count(v.map(|v| v as f64)));
        let cells = match x {
            Some(x) => vec![
                Cell::num(ctx.money(x.remaining_revenue)),
                Cell::num(ctx.fmt.number(x.days_left as f64, 0)),
                n(x.deals),
                n(x.deals_per_day),
                n(x.meetings),
                n(x.meetings_per_day),
                n(x.leads),
                n(x.leads_per_day),
            ],
            // No working day left for this manager this month.
            None => {
                let mut cells: Vec<Cell> = (0..8).map(|_| Cell::num("—")).collect();
                cells[1] = Cell::num("0");
                cells
            }
        };
        grid.push(name, href, total, cells);
    };
    row(t.team_total.to_string(), None, true, Some(&d.team));
    for (id, x) in &d.managers {
        let href = Some(Route::Manager(id.clone()).path());
        row(ctx.name(id), href, false, x.as_ref());
    }
    DecompositionView {
        summary: crate::locale::decomposition_summary(ctx.locale(), &ctx.fmt, &d.team),
        days_left: d.team.days_left,
        grid,
    }
}
