//! The team page and each manager's page.

use crate::render::route::Route;
use serde::Serialize;

use super::charts::{self, ChartView};
use super::dashboard::{TeamRow, team_rows};
use super::practice::{IdpRow, idp_row};
use super::requests::RequestRow;
use super::{Card, Ctx, Layout, bar_width, month_title, week_title};
use crate::analytics::Round;
use crate::content::Manager;

/// The latest assessment round as a team × competency table.
#[derive(Debug, Serialize)]
pub struct Heatmap {
    pub date: String,
    pub previous: Option<String>,
    pub scale: u64,
    pub columns: Vec<String>,
    pub rows: Vec<HeatRow>,
}

#[derive(Debug, Serialize)]
pub struct HeatRow {
    pub name: String,
    pub href: String,
    pub cells: Vec<HeatCell>,
}

#[derive(Debug, Serialize)]
pub struct HeatCell {
    pub score: String,
    /// 1–5: the colour step of the cell, from the score's share of the scale.
    pub level: u64,
    /// "▲1" / "▼2" against the previous round, if scored then.
    pub change: Option<String>,
    pub tone: &'static str,
}

fn competency_keys(ctx: &Ctx) -> Vec<(String, String)> {
    ctx.content
        .config
        .competencies
        .iter()
        .map(|c| (c.value.key.clone(), c.value.label.clone()))
        .collect()
}

fn cell(round: &Round, previous: Option<&Round>, manager: &str, competency: &str) -> HeatCell {
    let score = round
        .scores
        .get(manager)
        .and_then(|s| s.get(competency))
        .copied();
    let before = previous
        .and_then(|p| p.scores.get(manager))
        .and_then(|s| s.get(competency))
        .copied();
    let change = score
        .zip(before)
        .map(|(now, then)| now as i64 - then as i64);
    HeatCell {
        score: score.map_or_else(|| "—".into(), |v| v.to_string()),
        level: score.map_or(0, |v| {
            ((v as f64 / round.scale.max(1) as f64) * 5.0)
                .ceil()
                .clamp(1.0, 5.0) as u64
        }),
        change: change.filter(|c| *c != 0).map(|c| {
            if c > 0 {
                format!("▲{c}")
            } else {
                format!("▼{}", -c)
            }
        }),
        tone: match change {
            Some(c) if c > 0 => "good",
            Some(c) if c < 0 => "bad",
            _ => "flat",
        },
    }
}

pub fn heatmap(ctx: &Ctx) -> Option<Heatmap> {
    let rounds = &ctx.analytics.rounds;
    let round = rounds.last()?;
    let previous = rounds.len().checked_sub(2).map(|i| &rounds[i]);
    let columns = competency_keys(ctx);
    Some(Heatmap {
        date: ctx.fmt.date(round.date),
        previous: previous.map(|p| ctx.fmt.date(p.date)),
        scale: round.scale,
        columns: columns.iter().map(|(_, label)| label.clone()).collect(),
        rows: round
            .scores
            .keys()
            .map(|id| HeatRow {
                name: ctx.name(id),
                href: Route::Manager(id.to_string()).path(),
                cells: columns
                    .iter()
                    .map(|(key, _)| cell(round, previous, id, key))
                    .collect(),
            })
            .collect(),
    })
}

#[derive(Debug, Serialize)]
pub struct TeamPage {
    pub layout: Layout,
    pub month: Option<String>,
    pub leaderboard: Vec<TeamRow>,
    pub heatmap: Option<Heatmap>,
    pub roster: Vec<RosterRow>,
}

#[derive(Debug, Serialize)]
pub struct RosterRow {
    pub name: String,
    pub href: String,
    pub joined: String,
    pub left: Option<String>,
    pub active: bool,
}

pub fn team(ctx: &Ctx) -> TeamPage {
    let a = ctx.analytics;
    let month = a.current_month.and_then(|m| a.month(m));
    let today = a.as_of;
    let roster = ctx
        .content
        .team
        .managers
        .iter()
        .map(|m| &m.value)
        .map(|m| RosterRow {
            name: m.name.clone(),
            href: Route::Manager(m.id().to_string()).path(),
            joined: ctx.fmt.date(m.joined.value.0),
            left: m.left.as_ref().map(|l| ctx.fmt.date(l.value.0)),
            active: m.active_on(today),
        })
        .collect();
    TeamPage {
        layout: ctx.layout(&Route::Team, ctx.t().team_title.into()),
        month: a.current_month.map(|m| month_title(ctx, m)),
        leaderboard: month.map(|m| team_rows(ctx, m)).unwrap_or_default(),
        heatmap: heatmap(ctx),
        roster,
    }
}

#[derive(Debug, Serialize)]
pub struct ManagerPage {
    pub layout: Layout,
    pub name: String,
    pub since: String,
    pub left: Option<String>,
    /// "В команде с 01.09.2025 по 16.10.2026".
    pub tenure: String,
    pub month: Option<String>,
    pub cards: Vec<Card>,
    /// "3 недели подряд ниже порога" when lagging at the latest week.
    pub lagging: Option<String>,
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

pub fn manager(ctx: &Ctx, m: &Manager) -> ManagerPage {
    let a = ctx.analytics;
    let id = m.id();
    let f = &ctx.fmt;
    let threshold = ctx.content.config.thresholds.manager_lagging_pct / 100.0;
    let current = a
        .current_month
        .and_then(|cm| a.month(cm))
        .and_then(|ms| ms.managers.get(id).map(|x| (ms, x)));
    let cards = current
        .map(|(ms, x)| {
            let x = &x.figures;
            let mut cards = vec![
                Card {
                    label: ctx.t().revenue,
                    value: f.money(x.base.revenue),
                    tone: None,
                    sub: x
                        .base
                        .plan_revenue
                        .map(|p| format!("{} {}", ctx.t().of_plan, f.money(p))),
                    delta: None,
                    spark: None,
                },
                Card {
                    label: ctx.t().attainment,
                    value: ctx.pct(x.base.attainment),
                    tone: None,
                    sub: None,
                    delta: None,
                    spark: None,
                },
                Card {
                    label: ctx.t().conv_meeting_deal,
                    value: ctx.pct(x.base.conv_meeting_deal),
                    tone: None,
                    sub: Some(format!(
                        "{}: {}",
                        ctx.t().avg_deal,
                        ctx.money(x.base.avg_deal)
                    )),
                    delta: None,
                    spark: None,
                },
            ];
            // Pace only while the month runs: on a closed month it is attainment.
            if ms.is_open() {
                cards.insert(
                    2,
                    Card {
                        label: ctx.t().pace,
                        value: ctx.pct(x.pace),
                        tone: None,
                        sub: None,
                        delta: None,
                        spark: None,
                    },
                );
            }
            cards
        })
        .unwrap_or_default();
    let lagging = a.lagging_managers.iter().find(|l| l.id == id).map(|l| {
        format!(
            "{} — {}",
            ctx.t().lagging,
            crate::locale::weeks(ctx.locale(), u64::from(l.weeks))
        )
    });
    let weeks = a
        .weeks
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
        .collect();
    let months = a
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
        .collect();
    let route = Route::Manager(id.to_string());
    let two_weeks_ago = a.as_of - chrono::Days::new(13);
    let mut commitments: Vec<Commitment> = ctx
        .content
        .standups
        .iter()
        .filter(|d| d.data.date.value.0 >= two_weeks_ago && d.data.date.value.0 <= a.as_of)
        .filter_map(|d| {
            d.data.reports.get(id).map(|r| Commitment {
                date: f.date(d.data.date.value.0),
                href: Route::Standup(d.data.date.value.0).path(),
                result: r.value.result.clone(),
                goal: r.value.goal.clone(),
                how: r.value.how.clone(),
            })
        })
        .collect();
    commitments.reverse();
    let (requests, resolved) =
        super::requests::split(ctx, a.requests.iter().filter(|r| r.manager == id));
    ManagerPage {
        idps: a
            .idps
            .iter()
            .filter(|p| p.manager == id)
            .map(|p| idp_row(ctx, p))
            .collect(),
        commitments,
        requests,
        resolved,
        assessments: history(ctx, id),
        layout: ctx.layout(&route, m.name.clone()),
        name: m.name.clone(),
        since: f.date(m.joined.value.0),
        left: m.left.as_ref().map(|l| f.date(l.value.0)),
        tenure: crate::locale::tenure(f, m.joined.value.0, m.left.as_ref().map(|l| l.value.0)),
        month: current.map(|(ms, _)| month_title(ctx, ms.month)),
        cards,
        lagging,
        weeks,
        months,
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
