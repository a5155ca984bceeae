//! Month pages and their index (weeks: `week.rs`).

use crate::render::route::Route;
use serde::Serialize;

use super::charts::{self, ChartView};
use super::commitments;
use super::dashboard::{DecompositionView, cards, decomposition, growth_against, month_status};
use super::grid::{Cell, Column, Grid};
use super::matrix::{matrix, ranked};
use super::verdict::{On, Verdict, verdict};
use super::{Card, Ctx, Delta, Layout, bar_width, month_title, week_title};
use crate::analytics::{Figures, MonthFigures, MonthStats, Totals};
use crate::calendar::YearMonth;

#[derive(Debug, Serialize)]
pub struct Link {
    pub label: String,
    pub href: String,
}

#[derive(Debug, Serialize)]
pub struct MonthsIndex {
    pub layout: Layout,
    pub rows: Vec<MonthIndexRow>,
}

#[derive(Debug, Serialize)]
pub struct MonthIndexRow {
    pub label: String,
    pub href: String,
    /// Working days with data of the month's working days: "19 из 20".
    pub days: String,
    pub status: String,
    pub complete: bool,
    pub revenue: String,
    pub plan: String,
    pub attainment: String,
    pub bar: f64,
    pub deals: String,
    pub growth: Option<Delta>,
}

pub fn months(ctx: &Ctx) -> MonthsIndex {
    let rows = ctx
        .analytics
        .months
        .iter()
        .rev()
        .map(|m| MonthIndexRow {
            label: month_title(ctx, m.month),
            href: Route::Month(m.month).path(),
            days: days_with_data(ctx, m),
            status: month_status(ctx, m),
            complete: m.complete,
            revenue: ctx.fmt.money(m.team.base.revenue),
            plan: ctx.money(m.team.base.plan_revenue),
            attainment: ctx.pct(m.team.base.attainment),
            bar: bar_width(m.team.base.attainment),
            deals: ctx.fmt.number(m.team.base.deals as f64, 0),
            growth: growth(ctx, m, m.team.mom_growth),
        })
        .collect();
    MonthsIndex {
        layout: ctx.layout(&Route::Months, ctx.t().months_title.into()),
        rows,
    }
}

/// "19 из 20" / "19 of 20": working days with data of the month's.
fn days_with_data(ctx: &Ctx, m: &MonthStats) -> String {
    let (e, wd) = (m.days.elapsed_working_days, m.days.working_days);
    ctx.say().days_of(e, wd)
}

fn growth(ctx: &Ctx, m: &MonthStats, g: Option<f64>) -> Option<Delta> {
    g.map(|g| Delta::new(g, |v| ctx.fmt.percent(v, 0), growth_against(ctx, m), false))
}

#[derive(Debug, Serialize)]
pub struct MonthPage {
    pub layout: Layout,
    pub heading: String,
    /// Where the month stands: "идёт, осталось 1 рабочий день из 20".
    pub status: String,
    /// "Рабочих дней с данными: 19 из 20".
    pub days_note: String,
    pub complete: bool,
    pub has_plan: bool,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    /// How the month went, the head's headline and the checklist of actions.
    pub verdict: Verdict,
    pub cards: Vec<Card>,
    /// Attainment (pace while the month runs) per manager, and the matrix in its order.
    pub attainment: ChartView,
    pub matrix: Grid,
    /// Revenue, deals and the rest per manager, the team first.
    pub plan_fact: Grid,
    pub decomposition: Option<DecompositionView>,
    pub is_current: bool,
    /// The month is closed (what the decomposition says when it has none).
    pub month_over: bool,
    pub comparison: Vec<CompareRow>,
    pub comparison_note: Option<String>,
    pub weeks: Vec<WeekLinkRow>,
    /// The head's commentary (sanitised HTML).
    pub commentary: String,
}

#[derive(Debug, Serialize)]
pub struct CompareRow {
    pub label: &'static str,
    pub now: String,
    pub before: String,
    pub change: Option<Delta>,
}

#[derive(Debug, Serialize)]
pub struct WeekLinkRow {
    pub label: String,
    pub href: String,
    pub revenue: String,
    pub plan: String,
    pub attainment: String,
    pub deals: String,
}

pub fn neighbour<T: Copy>(list: &[T], i: usize, step: isize) -> Option<T> {
    i.checked_add_signed(step)
        .and_then(|j| list.get(j))
        .copied()
}

pub fn month(ctx: &Ctx, m: &MonthStats) -> MonthPage {
    let a = ctx.analytics;
    let all: Vec<YearMonth> = a.months.iter().map(|x| x.month).collect();
    let i = all.iter().position(|x| *x == m.month).unwrap_or(0);
    let link = |x: YearMonth| Link {
        label: month_title(ctx, x),
        href: Route::Month(x).path(),
    };
    let route = Route::Month(m.month);
    MonthPage {
        commentary: commitments::note(ctx, m.month)
            .map(|n| crate::render::markdown::to_html(&n.body))
            .unwrap_or_default(),
        layout: ctx.layout(&route, month_title(ctx, m.month)),
        heading: month_title(ctx, m.month),
        status: month_status(ctx, m),
        days_note: crate::locale::days_with_data(
            ctx.locale(),
            m.days.elapsed_working_days,
            m.days.working_days,
        ),
        complete: m.complete,
        has_plan: m.has_plan,
        prev: neighbour(&all, i, -1).map(link),
        next: neighbour(&all, i, 1).map(link),
        verdict: verdict(ctx, m, On::MonthPage),
        cards: cards(ctx, m),
        attainment: charts::attainment(ctx, m),
        matrix: matrix(ctx, m),
        plan_fact: plan_fact(ctx, m),
        decomposition: m.decomposition.as_ref().map(|d| decomposition(ctx, d)),
        is_current: a.current_month == Some(m.month),
        month_over: !m.is_open(),
        comparison: m
            .previous
            .as_ref()
            .map(|p| compare(ctx, &m.team_totals, &p.totals))
            .unwrap_or_default(),
        comparison_note: m.previous.as_ref().map(|p| comparison_note(ctx, m, p)),
        weeks: week_links(ctx, m),
    }
}

fn comparison_note(ctx: &Ctx, m: &MonthStats, p: &crate::analytics::PreviousMonth) -> String {
    let (now, then) = (m.days.elapsed_working_days, p.days.elapsed_working_days);
    ctx.say()
        .comparison_note(&growth_against(ctx, m), now, then)
}

fn week_links(ctx: &Ctx, m: &MonthStats) -> Vec<WeekLinkRow> {
    m.weeks
        .iter()
        .filter_map(|w| ctx.analytics.week(*w))
        .map(|w| WeekLinkRow {
            label: week_title(ctx, w.week),
            href: Route::Week(w.week).path(),
            revenue: ctx.fmt.money(w.team.revenue),
            plan: ctx.money(w.team.plan_revenue),
            attainment: ctx.pct(w.team.attainment),
            deals: ctx.fmt.number(w.team.deals as f64, 0),
        })
        .collect()
}

/// The month's figures per manager beside the matrix: revenue against plan
/// (and the forecast while the month runs), deals against plan, the funnel's
/// first step, the average deal and growth. The matrix has % of plan, pace
/// and meeting→deal.
fn plan_fact(ctx: &Ctx, m: &MonthStats) -> Grid {
    let t = ctx.t();
    let open = m.is_open();
    let mut columns = vec![Column::num(t.revenue), Column::num(t.plan)];
    if open {
        columns.push(Column::num(t.forecast_short));
    }
    columns.extend([
        Column::num(t.deals),
        Column::num(t.attainment_deals),
        Column::num(t.conv_lead_meeting),
        Column::num(t.avg_deal),
        Column::num(t.mom_growth),
    ]);
    let mut grid = Grid::new("plan_fact", t.manager, columns);
    let mut row = |name: String, href: Option<String>, total: bool, f: &MonthFigures| {
        let deals = match f.base.plan_deals {
            Some(p) => format!(
                "{} {} {}",
                ctx.fmt.number(f.base.deals as f64, 0),
                t.of_plan,
                ctx.count(Some(p))
            ),
            None => ctx.fmt.number(f.base.deals as f64, 0),
        };
        let mut cells = vec![
            Cell::num(ctx.fmt.money(f.base.revenue)),
            Cell::num(ctx.money(f.base.plan_revenue)),
        ];
        if open {
            cells.push(Cell::num(ctx.money(f.forecast_revenue)));
        }
        cells.extend([
            Cell::num(deals),
            Cell::num(ctx.pct(f.base.attainment_deals)),
            Cell::num(ctx.pct(f.base.conv_lead_meeting)),
            Cell::num(ctx.money(f.base.avg_deal)),
            Cell::delta(growth(ctx, m, f.mom_growth)),
        ]);
        grid.push(name, href, total, cells);
    };
    row(t.team_total.into(), None, true, &m.team);
    for (id, x) in ranked(ctx, m) {
        let href = Some(Route::Manager(id.clone()).path());
        row(ctx.name(id), href, false, &x.figures);
    }
    grid
}

fn compare(ctx: &Ctx, now: &Totals, before: &Totals) -> Vec<CompareRow> {
    let f = &ctx.fmt;
    let (n, b) = (
        Figures::new(now, Default::default()),
        Figures::new(before, Default::default()),
    );
    let rel = |x: f64, y: f64| crate::analytics::metrics::ratio(x, y).map(|r| r - 1.0);
    let pct_delta =
        |x: Option<f64>| x.map(|x| Delta::new(x, |v| f.percent(v, 0), String::new(), false));
    let pp_delta = |x: Option<f64>, y: Option<f64>| {
        x.zip(y)
            .map(|(x, y)| Delta::new(x - y, |v| f.points(v), String::new(), false))
    };
    let count = |v: u64| f.number(v as f64, 0);
    vec![
        CompareRow {
            label: ctx.t().revenue,
            now: f.money(n.revenue),
            before: f.money(b.revenue),
            change: pct_delta(rel(n.revenue, b.revenue)),
        },
        CompareRow {
            label: ctx.t().deals,
            now: count(n.deals),
            before: count(b.deals),
            change: pct_delta(rel(n.deals as f64, b.deals as f64)),
        },
        CompareRow {
            label: ctx.t().leads_received,
            now: count(n.leads_received),
            before: count(b.leads_received),
            change: pct_delta(rel(n.leads_received as f64, b.leads_received as f64)),
        },
        CompareRow {
            label: ctx.t().meetings,
            now: count(n.meetings),
            before: count(b.meetings),
            change: pct_delta(rel(n.meetings as f64, b.meetings as f64)),
        },
        CompareRow {
            label: ctx.t().conv_lead_deal,
            now: ctx.pct1(n.conv_lead_deal),
            before: ctx.pct1(b.conv_lead_deal),
            change: pp_delta(n.conv_lead_deal, b.conv_lead_deal),
        },
        CompareRow {
            label: ctx.t().avg_deal,
            now: ctx.money(n.avg_deal),
            before: ctx.money(b.avg_deal),
            change: pct_delta(n.avg_deal.zip(b.avg_deal).and_then(|(x, y)| rel(x, y))),
        },
    ]
}
