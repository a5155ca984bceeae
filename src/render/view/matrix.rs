//! The manager matrix of the dashboard and the month page: one row per
//! manager with % of plan as a bar, pace (while the month runs), the key
//! conversion, leads carried overnight and — on the owner's site — days
//! since the last one-to-one, the development plan and the head's next
//! action for them. A cell past its threshold carries a word in its colour
//! that links to the evidence. Rows are in the order of the attainment
//! chart beside it.

use super::Ctx;
use super::commitments;
use super::grid::{Cell, Column, Grid, Mark};
use super::verdict::open_idp;
use crate::analytics::{ManagerMonth, MonthStats};
use crate::render::route::Route;

/// The month's managers as the attainment chart orders them: by pace while
/// the month runs, by attainment once closed, best first (no figure last),
/// then by name.
pub fn ranked<'a>(ctx: &Ctx, m: &'a MonthStats) -> Vec<(&'a String, &'a ManagerMonth)> {
    let open = m.is_open();
    let key = |x: &ManagerMonth| {
        let f = &x.figures;
        if open { f.pace } else { f.base.attainment }.unwrap_or(f64::NEG_INFINITY)
    };
    let mut rows: Vec<(&String, &ManagerMonth)> = m.managers.iter().collect();
    rows.sort_by(|(ia, a), (ib, b)| {
        key(b)
            .total_cmp(&key(a))
            .then_with(|| ctx.name(ia).cmp(&ctx.name(ib)))
    });
    rows
}

fn bad(word: impl Into<String>, href: Option<String>) -> Option<Mark> {
    Some(Mark {
        word: word.into(),
        tone: "bad",
        href,
    })
}

pub fn matrix(ctx: &Ctx, m: &MonthStats) -> Grid {
    let t = ctx.t();
    let open = m.is_open();
    let owner = ctx.for_owner();
    let mut columns = vec![Column::text(t.attainment)];
    if open {
        columns.push(Column::num(t.pace_short));
    }
    columns.extend([
        Column::num(t.conv_meeting_deal),
        Column::num(t.leads_overnight),
    ]);
    if owner {
        columns.extend([
            Column::num(t.days_since_one_on_one),
            Column::text(t.matrix_idp),
            Column::text(t.head_action),
        ]);
    }
    let mut grid = Grid::new("matrix", t.manager, columns);
    for (id, x) in ranked(ctx, m) {
        let mut cells = vec![attainment(ctx, m, id, x)];
        if open {
            cells.push(Cell::num(ctx.pct(x.figures.pace)));
        }
        cells.extend([conversion(ctx, m, id, x), overnight(ctx, id, x)]);
        if owner {
            cells.extend([one_on_one(ctx, id), idp(ctx, id), action(ctx, id)]);
        }
        let href = Some(Route::Manager(id.clone()).path());
        grid.push(ctx.name(id), href, false, cells);
    }
    grid
}

fn manager_page(id: &str, anchor: &str) -> Option<String> {
    Some(format!(
        "{}#{anchor}",
        Route::Manager(id.to_string()).path()
    ))
}

/// % of plan with its bar; "отстаёт" for a manager lagging at the latest week.
fn attainment(ctx: &Ctx, m: &MonthStats, id: &str, x: &ManagerMonth) -> Cell {
    let current = ctx.analytics.current_month == Some(m.month);
    let lagging = current && ctx.analytics.lagging_managers.iter().any(|l| l.id == id);
    let f = &x.figures.base;
    Cell::text(ctx.pct(f.attainment))
        .bar(super::bar_width(f.attainment), lagging)
        .mark(if lagging {
            bad(ctx.t().lagging, manager_page(id, "byweek"))
        } else {
            None
        })
}

/// Meeting→deal, marked when below `manager_lagging_pct` % of the team's.
fn conversion(ctx: &Ctx, m: &MonthStats, id: &str, x: &ManagerMonth) -> Cell {
    let own = x.figures.base.conv_meeting_deal;
    let team = m.team.base.conv_meeting_deal;
    let share = ctx.department.config.thresholds.manager_lagging_pct / 100.0;
    let below = own.zip(team).is_some_and(|(o, t)| o < t * share);
    Cell::num(ctx.pct(own)).mark(if below {
        bad(
            ctx.t().mark_below_team,
            manager_page(id, "chart-conversion"),
        )
    } else {
        None
    })
}

/// Leads left overnight over the month (the goal is none).
fn overnight(ctx: &Ctx, id: &str, x: &ManagerMonth) -> Cell {
    let n = x.figures.base.leads_overnight;
    Cell::num(ctx.fmt.number(n as f64, 0)).mark(if n > 0 {
        bad(ctx.t().mark_goal_zero, manager_page(id, "byweek"))
    } else {
        None
    })
}

/// Days since the last one-to-one, marked past `one_on_one_weeks`; only
/// once the department records one-to-ones at all.
fn one_on_one(ctx: &Ctx, id: &str) -> Cell {
    let department = ctx.department;
    if department.one_on_ones.is_empty() {
        return Cell::num("—");
    }
    let today = ctx.analytics.as_of;
    let last = department
        .one_on_ones
        .iter()
        .filter(|o| o.manager == id && o.date <= today)
        .map(|o| o.date)
        .max();
    let limit = i64::from(department.config.thresholds.one_on_one_weeks) * 7;
    let href = Some(Route::OneOnOnes.path());
    match last {
        Some(d) => {
            let days = (today - d).num_days();
            Cell::num(ctx.fmt.number(days as f64, 0)).mark(if days >= limit {
                bad(longer_than(ctx, limit / 7), href)
            } else {
                None
            })
        }
        None => Cell::num("—").mark(bad(ctx.t().no_one_on_one_yet, href)),
    }
}

/// The open development plan until its date; "нет ИПР" for a lagging
/// manager without one, "просрочен" past its date.
fn idp(ctx: &Ctx, id: &str) -> Cell {
    let a = ctx.analytics;
    let open = a
        .idps
        .iter()
        .find(|p| p.manager == id && p.status.is_open());
    match (open, open_idp(ctx, id)) {
        (Some(p), Some(link)) => {
            let text = format!("{} {}", ctx.t().due_by, ctx.fmt.date(p.due));
            Cell::text(text)
                .link(Some(link.href.clone()))
                .mark(if p.overdue {
                    bad(ctx.t().overdue, Some(link.href))
                } else {
                    None
                })
        }
        _ if a.lagging_managers.iter().any(|l| l.id == id) => {
            Cell::text("—").mark(bad(ctx.t().mark_no_idp, manager_page(id, "byweek")))
        }
        _ => Cell::text("—"),
    }
}

/// The head's next commitment for the manager (or the latest done one).
fn action(ctx: &Ctx, id: &str) -> Cell {
    let list = commitments::of_manager(ctx, id);
    let Some(p) = list.first() else {
        return Cell::text("—");
    };
    let view = commitments::view(ctx, p);
    let more = list
        .iter()
        .filter(|q| !q.action.done)
        .count()
        .saturating_sub(1);
    let mut text = view.text;
    if p.action.done {
        text = format!("✓ {text}");
    } else if let Some(due) = view.due {
        text = format!("{text} · {due}");
    }
    if more > 0 {
        text = format!("{text} (+{more})");
    }
    let href = commitments::checklist_href(ctx, p.month);
    let overdue = p.action.overdue(ctx.analytics.as_of);
    Cell::text(text).link(href.clone()).mark(if overdue {
        bad(ctx.t().action_overdue, href)
    } else {
        None
    })
}

/// "> 4 нед." / "> 4 wk": a one-to-one longer ago than the threshold.
fn longer_than(ctx: &Ctx, weeks: i64) -> String {
    ctx.say().longer_than(weeks)
}
