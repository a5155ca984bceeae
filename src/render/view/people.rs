//! The team page: the month's rating, the competency heatmap, the roster
//! (each manager's page: `manager.rs`).

use crate::render::route::Route;
use serde::Serialize;

use super::charts;
use super::grid::{Cell, Column, Grid};
use super::{Ctx, Layout, bar_width, month_title};
use crate::analytics::Round;

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

pub(super) fn competency_keys(ctx: &Ctx) -> Vec<(String, String)> {
    ctx.department
        .config
        .competencies
        .iter()
        .map(|c| (c.key.clone(), c.label.clone()))
        .collect()
}

pub(super) fn cell(
    round: &Round,
    previous: Option<&Round>,
    manager: &str,
    competency: &str,
) -> HeatCell {
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
    /// The month's managers in the attainment chart's order.
    pub leaderboard: Option<Grid>,
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

/// The month's rating: % of plan, revenue against plan, conversion and
/// the 8 weeks of revenue, best first (pace while the month runs).
fn leaderboard(ctx: &Ctx, m: &crate::analytics::MonthStats) -> Grid {
    let t = ctx.t();
    let lagging: Vec<&str> = ctx
        .analytics
        .lagging_managers
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    let columns = vec![
        Column::text(t.attainment_short),
        Column::num(t.revenue),
        Column::num(t.plan),
        Column::num(t.conv_meeting_deal),
        Column::text(format!("{}, {}", t.revenue, t.last_8_weeks)),
    ];
    let mut grid = Grid::new("leaderboard", t.manager, columns);
    for (id, x) in super::matrix::ranked(ctx, m) {
        let f = &x.figures.base;
        let behind = ctx.analytics.current_month == Some(m.month) && lagging.contains(&id.as_str());
        let cells = vec![
            Cell::text(ctx.pct(f.attainment))
                .bar(bar_width(f.attainment), behind)
                .mark(behind.then(|| super::grid::Mark {
                    word: t.lagging.to_string(),
                    tone: "bad",
                    href: Some(format!("{}#byweek", Route::Manager(id.clone()).path())),
                })),
            Cell::num(ctx.fmt.money(f.revenue)),
            Cell::num(ctx.money(f.plan_revenue)),
            Cell::num(ctx.pct(f.conv_meeting_deal)),
            Cell::spark(charts::manager_spark(ctx, m, id)),
        ];
        grid.push(
            ctx.name(id),
            Some(Route::Manager(id.clone()).path()),
            false,
            cells,
        );
    }
    grid
}

pub fn team(ctx: &Ctx) -> TeamPage {
    let a = ctx.analytics;
    let month = a.current_month.and_then(|m| a.month(m));
    let today = a.as_of;
    let roster = ctx
        .department
        .team
        .managers
        .iter()
        .map(|m| RosterRow {
            name: m.name.clone(),
            href: Route::Manager(m.id().to_string()).path(),
            joined: ctx.fmt.date(m.joined),
            left: m.left.map(|l| ctx.fmt.date(l)),
            active: m.active_on(today),
        })
        .collect();
    TeamPage {
        layout: ctx.layout(&Route::Team, ctx.t().team_title.into()),
        month: a.current_month.map(|m| month_title(ctx, m)),
        leaderboard: month.map(|m| leaderboard(ctx, m)),
        heatmap: heatmap(ctx),
        roster,
    }
}
