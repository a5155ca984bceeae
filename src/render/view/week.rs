//! Week pages and their index.

use serde::Serialize;

use super::charts::{self, ChartView};
use super::grid::{Cell, Column, Grid, Mark};
use super::period::{Link, neighbour};
use super::{Card, Ctx, Delta, Layout, bar_width, month_title, week_title};
use crate::analytics::{Figures, WeekStats};
use crate::calendar::IsoWeek;
use crate::render::route::Route;

#[derive(Debug, Serialize)]
pub struct WeeksIndex {
    pub layout: Layout,
    pub rows: Vec<WeekIndexRow>,
}

#[derive(Debug, Serialize)]
pub struct WeekIndexRow {
    pub label: String,
    pub href: String,
    pub month: String,
    pub month_href: String,
    pub revenue: String,
    pub plan: String,
    pub attainment: String,
    pub bar: f64,
    pub deals: String,
    pub leads: String,
    pub overnight: String,
}

pub fn weeks(ctx: &Ctx) -> WeeksIndex {
    let rows = ctx
        .analytics
        .weeks
        .iter()
        .rev()
        .map(|w| WeekIndexRow {
            label: week_title(ctx, w.week),
            href: Route::Week(w.week).path(),
            month: month_title(ctx, w.month()),
            month_href: Route::Month(w.month()).path(),
            revenue: ctx.fmt.money(w.team.revenue),
            plan: ctx.money(w.team.plan_revenue),
            attainment: ctx.pct(w.team.attainment),
            bar: bar_width(w.team.attainment),
            deals: ctx.fmt.number(w.team.deals as f64, 0),
            leads: ctx.fmt.number(w.team.leads_received as f64, 0),
            overnight: ctx.fmt.number(w.team.leads_overnight as f64, 0),
        })
        .collect();
    WeeksIndex {
        layout: ctx.layout(&Route::Weeks, ctx.t().weeks_title.into()),
        rows,
    }
}

#[derive(Debug, Serialize)]
pub struct WeekPage {
    pub layout: Layout,
    pub heading: String,
    /// The months of its period files.
    pub months: Vec<Link>,
    /// The parts of a week split between two months, with their dates.
    pub parts: Vec<PartRow>,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    pub cards: Vec<Card>,
    /// Plan and fact per manager, the team first.
    pub plan_fact: Grid,
    /// Leads received, processed, left overnight, first response.
    pub leads: Grid,
    /// Leads → meetings → deals and their conversions.
    pub funnel: Grid,
    pub missing: Vec<String>,
    pub notes: Vec<NoteRow>,
    pub leads_chart: ChartView,
    pub funnel_chart: ChartView,
}

/// One month's part of a split week.
#[derive(Debug, Serialize)]
pub struct PartRow {
    pub label: String,
    pub month: Link,
    pub working_days: u32,
    pub revenue: String,
    pub plan: String,
    pub attainment: String,
    pub deals: String,
}

#[derive(Debug, Serialize)]
pub struct NoteRow {
    pub name: String,
    pub text: String,
}

/// One row of the week's per-manager tables, with the week before's figures.
struct Row<'a> {
    name: String,
    href: Option<String>,
    total: bool,
    now: &'a Figures,
    before: Option<&'a Figures>,
}

/// The team's figures, then each manager's, with the week before's for the deltas.
struct Rows<'a> {
    list: Vec<Row<'a>>,
}

impl<'a> Rows<'a> {
    fn new(ctx: &Ctx, w: &'a WeekStats, before: Option<&'a WeekStats>) -> Self {
        let mut list = vec![Row {
            name: ctx.t().team_total.to_string(),
            href: None,
            total: true,
            now: &w.team,
            before: before.map(|b| &b.team),
        }];
        list.extend(w.managers.iter().map(|(id, x)| Row {
            name: ctx.name(id),
            href: Some(Route::Manager(id.to_string()).path()),
            total: false,
            now: x,
            before: before.and_then(|b| b.managers.get(id)),
        }));
        Rows { list }
    }

    /// A grid with a row per entry, its cells made by `cells`.
    fn grid(
        &self,
        ctx: &Ctx,
        kind: &'static str,
        columns: Vec<Column>,
        cells: impl Fn(&Figures, Option<&Figures>) -> Vec<Cell>,
    ) -> Grid {
        let mut grid = Grid::new(kind, ctx.t().manager, columns);
        for r in &self.list {
            grid.push(
                r.name.clone(),
                r.href.clone(),
                r.total,
                cells(r.now, r.before),
            );
        }
        grid
    }
}

/// Week-over-week: the change against the week before, when it has a file.
fn delta(ctx: &Ctx, now: f64, then: Option<f64>, money: bool) -> Option<Delta> {
    then.map(|t| {
        Delta::new(
            now - t,
            |v| {
                if money {
                    ctx.fmt.money(v)
                } else {
                    ctx.fmt.number(v, 0)
                }
            },
            ctx.t().vs_previous_week.into(),
            false,
        )
    })
}

fn plan_fact(ctx: &Ctx, rows: &Rows) -> Grid {
    let t = ctx.t();
    let vs = |what: &str| format!("{what}, {}", t.vs_previous_week);
    let columns = vec![
        Column::text(t.attainment_short),
        Column::num(t.revenue),
        Column::num(vs(t.revenue)),
        Column::num(t.plan),
        Column::num(t.deals),
        Column::num(vs(t.deals)),
        Column::num(t.calls),
    ];
    rows.grid(ctx, "week_plan_fact", columns, |x, prev| {
        vec![
            Cell::text(ctx.pct(x.attainment)).bar(bar_width(x.attainment), false),
            Cell::num(ctx.fmt.money(x.revenue)),
            Cell::delta(delta(ctx, x.revenue, prev.map(|p| p.revenue), true)),
            Cell::num(ctx.money(x.plan_revenue)),
            Cell::num(ctx.fmt.number(x.deals as f64, 0)),
            Cell::delta(delta(
                ctx,
                x.deals as f64,
                prev.map(|p| p.deals as f64),
                false,
            )),
            Cell::num(ctx.fmt.number(x.calls as f64, 0)),
        ]
    })
}

fn leads(ctx: &Ctx, rows: &Rows) -> Grid {
    let t = ctx.t();
    let columns = vec![
        Column::num(t.leads_overnight),
        Column::num(t.leads_received),
        Column::num(t.leads_processed),
        Column::num(t.processing_rate),
        Column::num(t.first_response),
    ];
    let n = |v: u64| ctx.fmt.number(v as f64, 0);
    rows.grid(ctx, "week_leads", columns, |x, _| {
        vec![
            Cell::num(n(x.leads_overnight)).mark((x.leads_overnight > 0).then(|| Mark {
                word: t.mark_goal_zero.to_string(),
                tone: "bad",
                href: None,
            })),
            Cell::num(n(x.leads_received)),
            Cell::num(n(x.leads_processed)),
            Cell::num(ctx.pct(x.processing_rate)),
            Cell::num(ctx.minutes(x.first_response_min)),
        ]
    })
}

fn funnel(ctx: &Ctx, rows: &Rows) -> Grid {
    let t = ctx.t();
    let columns = vec![
        Column::num(t.conv_lead_deal),
        Column::num(t.leads_processed),
        Column::num(t.meetings),
        Column::num(t.deals),
        Column::num(t.conv_lead_meeting),
        Column::num(t.conv_meeting_deal),
    ];
    let n = |v: u64| ctx.fmt.number(v as f64, 0);
    rows.grid(ctx, "week_funnel", columns, |x, _| {
        vec![
            Cell::num(ctx.pct1(x.conv_lead_deal)),
            Cell::num(n(x.leads_processed)),
            Cell::num(n(x.meetings)),
            Cell::num(n(x.deals)),
            Cell::num(ctx.pct(x.conv_lead_meeting)),
            Cell::num(ctx.pct(x.conv_meeting_deal)),
        ]
    })
}

/// Active managers in the week's days without an entry.
fn missing(ctx: &Ctx, w: &WeekStats) -> Vec<String> {
    ctx.department
        .team
        .managers
        .iter()
        .filter(|m| {
            w.periods
                .iter()
                .any(|p| m.active_during(p.period.first, p.period.last))
                && !w.managers.contains_key(m.id())
        })
        .map(|m| m.name.clone())
        .collect()
}

/// Notes of every period file of the week that counts.
fn notes(ctx: &Ctx, w: &WeekStats) -> Vec<NoteRow> {
    let counted: Vec<_> = w.periods.iter().map(|p| p.period).collect();
    ctx.department
        .weeks
        .iter()
        .filter(|d| counted.contains(&d.period))
        .flat_map(|d| {
            d.managers.iter().filter_map(|(id, e)| {
                e.note
                    .as_ref()
                    .filter(|n| !n.trim().is_empty())
                    .map(|n| NoteRow {
                        name: ctx.name(id.as_str()),
                        text: n.clone(),
                    })
            })
        })
        .collect()
}

/// The parts of a split week, each with its month.
fn parts(ctx: &Ctx, w: &WeekStats) -> Vec<PartRow> {
    if w.periods.len() < 2 && !w.periods.iter().any(|p| p.period.split) {
        return Vec::new();
    }
    w.periods
        .iter()
        .map(|p| PartRow {
            label: ctx.fmt.days(p.period.first, p.period.last),
            month: Link {
                label: month_title(ctx, p.period.month),
                href: Route::Month(p.period.month).path(),
            },
            working_days: p.working_days,
            revenue: ctx.fmt.money(p.team.revenue),
            plan: ctx.money(p.team.plan_revenue),
            attainment: ctx.pct(p.team.attainment),
            deals: ctx.fmt.number(p.team.deals as f64, 0),
        })
        .collect()
}

fn cards(ctx: &Ctx, w: &WeekStats, before: Option<&WeekStats>) -> Vec<Card> {
    let (t, f) = (&w.team, &ctx.fmt);
    let of_plan = |plan: String, share: Option<f64>| {
        format!("{} {plan} · {}", ctx.t().of_plan, ctx.pct(share))
    };
    let card = |label, value, sub, delta| Card {
        label,
        value,
        tone: None,
        sub,
        delta,
        spark: None,
        spark_caption: None,
    };
    vec![
        card(
            ctx.t().revenue,
            f.money(t.revenue),
            t.plan_revenue.map(|p| of_plan(f.money(p), t.attainment)),
            delta(ctx, t.revenue, before.map(|b| b.team.revenue), true),
        ),
        card(
            ctx.t().deals,
            f.number(t.deals as f64, 0),
            t.plan_deals
                .map(|p| of_plan(ctx.count(Some(p)), t.attainment_deals)),
            delta(
                ctx,
                t.deals as f64,
                before.map(|b| b.team.deals as f64),
                false,
            ),
        ),
        card(
            ctx.t().processing_rate,
            ctx.pct(t.processing_rate),
            Some(format!(
                "{}: {}",
                ctx.t().leads_overnight,
                f.number(t.leads_overnight as f64, 0)
            )),
            None,
        ),
        card(
            ctx.t().conv_lead_deal,
            ctx.pct1(t.conv_lead_deal),
            Some(format!("{}: {}", ctx.t().avg_deal, ctx.money(t.avg_deal))),
            None,
        ),
    ]
}

pub fn week(ctx: &Ctx, w: &WeekStats) -> WeekPage {
    let a = ctx.analytics;
    let all: Vec<IsoWeek> = a.weeks.iter().map(|x| x.week).collect();
    let i = all.iter().position(|x| *x == w.week).unwrap_or(0);
    let link = |x: IsoWeek| Link {
        label: week_title(ctx, x),
        href: Route::Week(x).path(),
    };
    let before = a.week(w.week.prev());
    let rows = Rows::new(ctx, w, before);
    WeekPage {
        layout: ctx.layout(&Route::Week(w.week), week_title(ctx, w.week)),
        heading: week_title(ctx, w.week),
        months: w
            .months
            .iter()
            .map(|m| Link {
                label: month_title(ctx, *m),
                href: Route::Month(*m).path(),
            })
            .collect(),
        parts: parts(ctx, w),
        prev: neighbour(&all, i, -1).map(link),
        next: neighbour(&all, i, 1).map(link),
        cards: cards(ctx, w, before),
        plan_fact: plan_fact(ctx, &rows),
        leads: leads(ctx, &rows),
        funnel: funnel(ctx, &rows),
        missing: missing(ctx, w),
        notes: notes(ctx, w),
        leads_chart: charts::leads(ctx, w),
        funnel_chart: charts::week_funnel(ctx, w),
    }
}
