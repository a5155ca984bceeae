//! Each manager's page: the month in cards, the head's commitments about
//! them, charts, development plans, stand-ups, tables by week and month,
//! assessments; the previous and next manager.

use serde::Serialize;

use super::charts::{self, ChartView};
use super::commitments::{self, ActionView};
use super::people::{HeatCell, cell, competency_keys};
use super::period::{Link, neighbour};
use super::practice::{IdpRow, idp_row};
use super::requests::RequestRow;
use super::{Card, Ctx, Layout, bar_width, month_title, week_title};
use crate::analytics::{MonthFigures, MonthStats, Round};
use crate::domain::Manager;
use crate::render::route::Route;

#[derive(Debug, Serialize)]
pub struct ManagerPage {
    pub layout: Layout,
    pub name: String,
    pub since: String,
    pub left: Option<String>,
    /// "В команде с 01.09.2025 по 16.10.2026".
    pub tenure: String,
    pub month: Option<String>,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    pub cards: Vec<Card>,
    /// "отстаёт — 3 недели" when lagging at the latest week.
    pub lagging: Option<String>,
    /// The head's commitments about the manager (the owner's site).
    pub actions: Vec<ActionView>,
    pub weeks: Vec<ManagerWeekRow>,
    pub months: Vec<ManagerMonthRow>,
    /// Revenue by week, conversion by week, this month's funnel.
    pub charts: Vec<ChartView>,
    pub idps: Vec<IdpRow>,
    pub commitments: Vec<Commitment>,
    /// Their open requests, and those resolved in the last two weeks.
    pub requests: Vec<RequestRow>,
    pub resolved: Vec<RequestRow>,
    pub assessments: Option<AssessmentHistory>,
}

/// What the manager said at a stand-up: yesterday's result, today's goal.
#[derive(Debug, Serialize)]
pub struct Commitment {
    pub date: String,
    pub href: String,
    pub result: String,
    pub goal: String,
    pub how: String,
}

/// Every round's scores of one manager, competency by competency.
#[derive(Debug, Serialize)]
pub struct AssessmentHistory {
    pub dates: Vec<String>,
    pub rows: Vec<AssessmentRow>,
    pub notes: Vec<super::Pair>,
}

#[derive(Debug, Serialize)]
pub struct AssessmentRow {
    pub competency: String,
    pub cells: Vec<HeatCell>,
}

fn history(ctx: &Ctx, id: &str) -> Option<AssessmentHistory> {
    let rounds: Vec<&Round> = ctx
        .analytics
        .rounds
        .iter()
        .filter(|r| r.scores.contains_key(id))
        .collect();
    if rounds.is_empty() {
        return None;
    }
    Some(AssessmentHistory {
        dates: rounds.iter().map(|r| ctx.fmt.date(r.date)).collect(),
        rows: competency_keys(ctx)
            .into_iter()
            .map(|(key, label)| AssessmentRow {
                competency: label,
                cells: rounds
                    .iter()
                    .enumerate()
                    .map(|(i, r)| cell(r, i.checked_sub(1).map(|j| rounds[j]), id, &key))
                    .collect(),
            })
            .collect(),
        notes: rounds
            .iter()
            .filter_map(|r| {
                r.notes.get(id).map(|n| super::Pair {
                    label: ctx.fmt.date(r.date),
                    value: n.clone(),
                })
            })
            .collect(),
    })
}

#[derive(Debug, Serialize)]
pub struct ManagerWeekRow {
    pub label: String,
    pub href: String,
    pub revenue: String,
    pub plan: String,
    pub attainment: String,
    pub bar: f64,
    pub below: bool,
    pub deals: String,
    pub meetings: String,
    pub leads: String,
    pub overnight: String,
    pub conv_meeting_deal: String,
}

#[derive(Debug, Serialize)]
pub struct ManagerMonthRow {
    pub label: String,
    pub href: String,
    pub revenue: String,
    pub plan: String,
    pub attainment: String,
    pub bar: f64,
    pub deals: String,
    pub conv_meeting_deal: String,
    pub avg_deal: String,
}

/// The manager's current month in cards, one per fact: revenue against
/// plan, pace with the forecast (while the month runs), the key conversion
/// beside the team's, lead processing.
fn cards(ctx: &Ctx, ms: &MonthStats, x: &MonthFigures) -> Vec<Card> {
    let f = &ctx.fmt;
    let card = Card::plain;
    let mut cards = vec![card(
        ctx.t().revenue,
        f.money(x.base.revenue),
        x.base.plan_revenue.map(|p| {
            format!(
                "{} {} · {} {}",
                ctx.t().of_plan,
                f.money(p),
                ctx.pct(x.base.attainment),
                ctx.t().of_plan_suffix
            )
        }),
    )];
    if ms.is_open() {
        let forecast = x.forecast_revenue.map(|v| ctx.say().forecast(&f.money(v)));
        cards.push(card(ctx.t().pace, ctx.pct(x.pace), forecast));
    }
    let team = ctx.pct(ms.team.base.conv_meeting_deal);
    cards.push(card(
        ctx.t().conv_meeting_deal,
        ctx.pct(x.base.conv_meeting_deal),
        Some(
            ctx.say()
                .team_and_avg_deal(&team, &ctx.money(x.base.avg_deal)),
        ),
    ));
    cards.push(Card::processing(ctx, &x.base));
    cards
}

fn week_rows(ctx: &Ctx, id: &str) -> Vec<ManagerWeekRow> {
    let (a, f) = (ctx.analytics, &ctx.fmt);
    let threshold = ctx.department.config.thresholds.manager_lagging_pct / 100.0;
    a.weeks
        .iter()
        .rev()
        .filter_map(|w| w.managers.get(id).map(|x| (w, x)))
        .map(|(w, x)| ManagerWeekRow {
            label: week_title(ctx, w.week),
            href: Route::Week(w.week).path(),
            revenue: f.money(x.revenue),
            plan: ctx.money(x.plan_revenue),
            attainment: ctx.pct(x.attainment),
            bar: bar_width(x.attainment),
            below: x.attainment.is_some_and(|v| v < threshold),
            deals: f.number(x.deals as f64, 0),
            meetings: f.number(x.meetings as f64, 0),
            leads: f.number(x.leads_received as f64, 0),
            overnight: f.number(x.leads_overnight as f64, 0),
            conv_meeting_deal: ctx.pct(x.conv_meeting_deal),
        })
        .collect()
}

fn month_rows(ctx: &Ctx, id: &str) -> Vec<ManagerMonthRow> {
    let f = &ctx.fmt;
    ctx.analytics
        .months
        .iter()
        .rev()
        .filter_map(|ms| ms.managers.get(id).map(|x| (ms, &x.figures)))
        .map(|(ms, x)| ManagerMonthRow {
            label: month_title(ctx, ms.month),
            href: Route::Month(ms.month).path(),
            revenue: f.money(x.base.revenue),
            plan: ctx.money(x.base.plan_revenue),
            attainment: ctx.pct(x.base.attainment),
            bar: bar_width(x.base.attainment),
            deals: f.number(x.base.deals as f64, 0),
            conv_meeting_deal: ctx.pct(x.base.conv_meeting_deal),
            avg_deal: ctx.money(x.base.avg_deal),
        })
        .collect()
}

/// What the manager said at the stand-ups of the last two weeks, newest first.
fn stand_up_commitments(ctx: &Ctx, id: &str) -> Vec<Commitment> {
    let (a, f) = (ctx.analytics, &ctx.fmt);
    let two_weeks_ago = a.as_of - chrono::Days::new(13);
    let mut list: Vec<Commitment> = ctx
        .department
        .standups
        .iter()
        .filter(|d| d.date >= two_weeks_ago && d.date <= a.as_of)
        .filter_map(|d| {
            d.reports.get(id).map(|r| Commitment {
                date: f.date(d.date),
                href: Route::Standup(d.date).path(),
                result: r.result.clone(),
                goal: r.goal.clone(),
                how: r.how.clone(),
            })
        })
        .collect();
    list.reverse();
    list
}

/// The managers before and after in `team.yaml`'s order.
fn neighbours(ctx: &Ctx, id: &str) -> (Option<Link>, Option<Link>) {
    let ids: Vec<&str> = ctx
        .department
        .team
        .managers
        .iter()
        .map(|m| m.id())
        .collect();
    let i = ids.iter().position(|x| *x == id).unwrap_or(0);
    let link = |x: &str| Link {
        label: ctx.name(x),
        href: Route::Manager(x.to_string()).path(),
    };
    (
        neighbour(&ids, i, -1).map(link),
        neighbour(&ids, i, 1).map(link),
    )
}

pub fn manager(ctx: &Ctx, m: &Manager) -> ManagerPage {
    let a = ctx.analytics;
    let id = m.id();
    let current = a
        .current_month
        .and_then(|cm| a.month(cm))
        .and_then(|ms| ms.managers.get(id).map(|x| (ms, x)));
    let lagging = a.lagging_managers.iter().find(|l| l.id == id).map(|l| {
        format!(
            "{} — {}",
            ctx.t().lagging,
            crate::locale::weeks(ctx.locale(), u64::from(l.weeks))
        )
    });
    let (prev, next) = neighbours(ctx, id);
    let route = Route::Manager(id.to_string());
    let (requests, resolved) =
        super::requests::split(ctx, a.requests.iter().filter(|r| r.manager == id));
    ManagerPage {
        idps: a
            .idps
            .iter()
            .filter(|p| p.manager == id)
            .map(|p| idp_row(ctx, p))
            .collect(),
        // On their own page the manager needs no naming.
        actions: commitments::of_manager(ctx, id)
            .iter()
            .map(|p| ActionView {
                who: None,
                ..commitments::view(ctx, p)
            })
            .collect(),
        commitments: stand_up_commitments(ctx, id),
        requests,
        resolved,
        assessments: history(ctx, id),
        layout: ctx.layout(&route, m.name.clone()),
        name: m.name.clone(),
        since: ctx.fmt.date(m.joined),
        left: m.left.map(|l| ctx.fmt.date(l)),
        tenure: crate::locale::tenure(&ctx.fmt, m.joined, m.left),
        month: current.map(|(ms, _)| month_title(ctx, ms.month)),
        prev,
        next,
        cards: current
            .map(|(ms, x)| cards(ctx, ms, &x.figures))
            .unwrap_or_default(),
        lagging,
        weeks: week_rows(ctx, id),
        months: month_rows(ctx, id),
        charts: [
            charts::manager_revenue(ctx, id),
            charts::manager_conversion(ctx, id),
            current.and_then(|(ms, _)| charts::manager_funnel(ctx, ms, id)),
        ]
        .into_iter()
        .flatten()
        .collect(),
    }
}
