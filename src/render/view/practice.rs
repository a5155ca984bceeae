//! Stand-ups, development plans and rule pages.

use crate::render::route::Route;

use chrono::NaiveDate;

use serde::Serialize;

use super::requests::RequestRow;
use super::{Ctx, Layout};
use crate::analytics::{GoalState, IdpProgress};
use crate::domain::{IdpStatus, Page, Ratio, Standup};
use crate::render::markdown;

/// "сегодня", "вчера", "3 дня назад" / "today", "yesterday", "3 days ago".
pub fn days_ago(ctx: &Ctx, days: i64) -> String {
    crate::locale::days_ago(ctx.locale(), days)
}

#[derive(Debug, Serialize)]
pub struct StandupsPage {
    pub layout: Layout,
    pub limit: u32,
    pub chart: Option<super::charts::ChartView>,
    pub weeks: Vec<StandupWeekRow>,
    pub days: Vec<StandupDayRow>,
    pub requests: Vec<RequestRow>,
    pub resolved: Vec<RequestRow>,
}

#[derive(Debug, Serialize)]
pub struct StandupWeekRow {
    pub label: String,
    pub count: usize,
    pub avg_duration: String,
    pub within_limit: String,
    pub on_video: String,
    pub attendance: String,
    pub complete: String,
}

#[derive(Debug, Serialize)]
pub struct StandupDayRow {
    pub date: String,
    pub href: String,
    pub duration: String,
    pub over_limit: bool,
    pub bar: f64,
    pub video: bool,
    pub attendance: String,
    pub complete: String,
    pub missing: Vec<String>,
}

pub fn standups(ctx: &Ctx) -> StandupsPage {
    let a = ctx.analytics;
    let (requests, resolved) = super::requests::split(ctx, &a.requests);
    let limit = ctx.department.config.thresholds.standup_max_minutes;
    let max = a
        .standups
        .iter()
        .filter_map(|s| s.duration_min)
        .max()
        .unwrap_or(0)
        .max(u64::from(limit) * 3 / 2) as f64;
    StandupsPage {
        layout: ctx.layout(&Route::Standups, ctx.t().standups_title.into()),
        limit,
        chart: super::charts::standup_durations(ctx),
        weeks: a
            .standup_weeks
            .iter()
            .rev()
            .map(|w| StandupWeekRow {
                label: super::week_title(ctx, w.week),
                count: w.count,
                avg_duration: w
                    .avg_duration
                    .map_or_else(|| "—".into(), |v| ctx.fmt.number(v, 0)),
                within_limit: ctx.pct(w.within_limit),
                on_video: ctx.pct(w.on_video),
                attendance: ctx.pct(w.attendance),
                complete: ctx.pct(w.complete),
            })
            .collect(),
        days: a
            .standups
            .iter()
            .rev()
            .map(|s| StandupDayRow {
                date: ctx.fmt.date(s.date),
                href: Route::Standup(s.date).path(),
                duration: s.duration_min.map_or_else(|| "—".into(), |d| d.to_string()),
                over_limit: s.over_limit,
                bar: s
                    .duration_min
                    .map_or(0.0, |d| (d as f64 / max * 1000.0).round() / 10.0),
                video: s.video,
                attendance: format!("{}/{}", s.expected - s.missing.len(), s.expected),
                complete: format!("{}/{}", s.complete, s.reported),
                missing: s.missing.iter().map(|m| ctx.name(m)).collect(),
            })
            .collect(),
        requests,
        resolved,
    }
}

#[derive(Debug, Serialize)]
pub struct StandupPage {
    pub layout: Layout,
    pub heading: String,
    /// The stand-ups before and after.
    pub prev: Option<super::period::Link>,
    pub next: Option<super::period::Link>,
    pub duration: String,
    pub over_limit: bool,
    pub video: bool,
    pub reports: Vec<ReportView>,
    pub absent: Vec<AbsentRow>,
    pub missing: Vec<String>,
    pub body: String,
}

#[derive(Debug, Serialize)]
pub struct ReportView {
    pub name: String,
    pub href: String,
    /// Yesterday, then today: each part's answers in the order of the format.
    pub parts: [Part; 2],
}

/// One half of a report under its heading.
#[derive(Debug, Serialize)]
pub struct Part {
    pub heading: &'static str,
    pub answers: [Answer; 3],
}

#[derive(Debug, Serialize)]
pub struct Answer {
    pub label: &'static str,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct AbsentRow {
    pub name: String,
    pub reason: String,
}

/// The dates of the stand-ups just before and after `date`.
fn neighbours(ctx: &Ctx, date: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let dates = ctx.department.standups.iter().map(|d| d.date);
    (
        dates.clone().filter(|d| *d < date).max(),
        dates.filter(|d| *d > date).min(),
    )
}

pub fn standup(ctx: &Ctx, s: &Standup) -> StandupPage {
    let date = s.date;
    let stats = ctx.analytics.standups.iter().find(|x| x.date == date);
    let limit = ctx.department.config.thresholds.standup_max_minutes;
    let (prev, next) = neighbours(ctx, date);
    let link = |d: NaiveDate| super::period::Link {
        label: format!("{} {}", ctx.t().standup, ctx.fmt.date(d)),
        href: Route::Standup(d).path(),
    };
    StandupPage {
        prev: prev.map(link),
        next: next.map(link),
        layout: ctx.layout(
            &Route::Standup(date),
            format!("{} {}", ctx.t().standup, ctx.fmt.date(date)),
        ),
        heading: format!("{} {}", ctx.t().standup, ctx.fmt.date(date)),
        duration: s.duration_min.as_ref().map_or_else(
            || "—".into(),
            |d| {
                // The label already names the unit: "Duration, min: 14 (limit 20)".
                format!("{} ({} {limit})", d, ctx.t().limit)
            },
        ),
        over_limit: stats.is_some_and(|x| x.over_limit),
        video: s.video,
        reports: s
            .reports
            .iter()
            .map(|(id, r)| {
                // A part's heading and its three answers.
                let part = |heading, answers: [(&'static str, &String); 3]| Part {
                    heading,
                    answers: answers.map(|(label, text)| Answer {
                        label,
                        text: text.trim().to_string(),
                    }),
                };
                ReportView {
                    name: ctx.name(id.as_str()),
                    href: Route::Manager(id.as_str().to_string()).path(),
                    parts: [
                        part(
                            ctx.t().yesterday_part,
                            [
                                (ctx.t().answer_done, &r.done),
                                (ctx.t().answer_result, &r.result),
                                (ctx.t().answer_help, &r.help),
                            ],
                        ),
                        part(
                            ctx.t().today_part,
                            [
                                (ctx.t().answer_goal, &r.goal),
                                (ctx.t().answer_how, &r.how),
                                (ctx.t().answer_need, &r.need),
                            ],
                        ),
                    ],
                }
            })
            .collect(),
        absent: s
            .absent
            .iter()
            .map(|(id, reason)| AbsentRow {
                name: ctx.name(id.as_str()),
                reason: reason.clone(),
            })
            .collect(),
        missing: stats
            .map(|x| x.missing.iter().map(|m| ctx.name(m)).collect())
            .unwrap_or_default(),
        body: markdown::to_html(&s.body),
    }
}

#[derive(Debug, Serialize)]
pub struct IdpsPage {
    pub layout: Layout,
    pub rows: Vec<IdpRow>,
}

#[derive(Debug, Serialize)]
pub struct IdpRow {
    pub title: String,
    pub href: String,
    pub name: String,
    pub manager_href: String,
    pub status: &'static str,
    pub status_key: &'static str,
    pub period: String,
    pub overdue: bool,
    pub goals_met: String,
}

fn status_label(ctx: &Ctx, s: IdpStatus) -> &'static str {
    match s {
        IdpStatus::Active => ctx.t().idp_active,
        IdpStatus::Completed => ctx.t().idp_completed,
        IdpStatus::Extended => ctx.t().idp_extended,
        IdpStatus::Cancelled => ctx.t().idp_cancelled,
    }
}

fn idp_title<'a>(ctx: &'a Ctx, p: &IdpProgress) -> &'a str {
    ctx.department
        .idps
        .iter()
        .find(|d| d.slug == p.slug)
        .map_or("", |d| d.title.as_str())
}

pub fn idp_row(ctx: &Ctx, p: &IdpProgress) -> IdpRow {
    let measured: Vec<_> = p
        .goals
        .iter()
        .filter(|g| g.met.is_some() || g.done.is_some())
        .collect();
    let met = measured
        .iter()
        .filter(|g| g.met == Some(true) || g.done == Some(true))
        .count();
    IdpRow {
        title: idp_title(ctx, p).to_string(),
        href: Route::Idp(p.slug.clone()).path(),
        name: ctx.name(&p.manager),
        manager_href: Route::Manager(p.manager.clone()).path(),
        status: status_label(ctx, p.status),
        status_key: p.status.key(),
        period: format!("{} – {}", ctx.fmt.date(p.opened), ctx.fmt.date(p.due)),
        overdue: p.overdue,
        goals_met: format!("{met}/{}", p.goals.len()),
    }
}

pub fn idps(ctx: &Ctx) -> IdpsPage {
    IdpsPage {
        layout: ctx.layout(&Route::Idps, ctx.t().idp_title.into()),
        rows: ctx.analytics.idps.iter().map(|p| idp_row(ctx, p)).collect(),
    }
}

#[derive(Debug, Serialize)]
pub struct IdpPage {
    pub layout: Layout,
    pub row: IdpRow,
    pub reason: String,
    pub outcome: String,
    pub goals: Vec<GoalView>,
    pub body: String,
}

#[derive(Debug, Serialize)]
pub struct GoalView {
    pub text: String,
    /// "met", "not_met", "done", "todo" or "unmeasured".
    pub state: GoalState,
    pub state_label: &'static str,
    pub metric: Option<&'static str>,
    pub target: String,
    pub latest: String,
    pub weekly: Vec<GoalWeek>,
}

#[derive(Debug, Serialize)]
pub struct GoalWeek {
    pub label: String,
    pub href: String,
    pub value: String,
    pub met: bool,
}

pub fn idp(ctx: &Ctx, p: &IdpProgress) -> IdpPage {
    let doc = ctx.department.idps.iter().find(|d| d.slug == p.slug);
    let show = |metric: Option<Ratio>, v: Option<f64>| {
        if metric.is_some_and(Ratio::is_money) {
            ctx.money(v)
        } else {
            ctx.pct(v)
        }
    };
    let goals = p
        .goals
        .iter()
        .map(|g| {
            let state = g.state();
            let metric = g.metric;
            GoalView {
                text: g.text.clone(),
                state,
                state_label: match state {
                    GoalState::Met => ctx.t().goal_met,
                    GoalState::NotMet => ctx.t().goal_not_met,
                    GoalState::Done => ctx.t().goal_done,
                    GoalState::Todo => ctx.t().goal_todo,
                    GoalState::Unmeasured => ctx.t().no_data,
                },
                metric: g.metric.map(|m| ctx.t().ratio(m)),
                target: g.target.map_or_else(String::new, |t| show(metric, Some(t))),
                latest: show(metric, g.latest),
                weekly: g
                    .weekly
                    .iter()
                    .map(|(w, v)| GoalWeek {
                        label: ctx.fmt.week_short(*w),
                        href: Route::Week(*w).path(),
                        value: show(metric, *v),
                        met: v.zip(g.target).is_some_and(|(v, t)| v >= t),
                    })
                    .collect(),
            }
        })
        .collect();
    let row = idp_row(ctx, p);
    IdpPage {
        layout: ctx.layout(
            &Route::Idp(p.slug.clone()),
            format!("{} — {}", row.title, row.name),
        ),
        row,
        reason: doc.map(|d| d.reason.clone()).unwrap_or_default(),
        outcome: doc.map(|d| d.outcome.clone()).unwrap_or_default(),
        goals,
        body: doc.map(|d| markdown::to_html(&d.body)).unwrap_or_default(),
    }
}

#[derive(Debug, Serialize)]
pub struct PageView {
    pub layout: Layout,
    pub title: String,
    pub date: Option<String>,
    pub body: String,
}

/// `pages/index.html`: every rule page, in the header's order.
#[derive(Debug, Serialize)]
pub struct RulePagesView {
    pub layout: Layout,
    pub pages: Vec<super::NavLink>,
}

pub fn rule_pages(ctx: &Ctx) -> RulePagesView {
    RulePagesView {
        layout: ctx.layout(&Route::Pages, ctx.t().rules.to_string()),
        pages: ctx
            .rules
            .iter()
            .map(|p| super::NavLink {
                href: Route::Page(p.slug.clone()).path(),
                current: false,
                label: p.title.clone(),
            })
            .collect(),
    }
}

pub fn page(ctx: &Ctx, doc: &Page) -> PageView {
    PageView {
        layout: ctx.layout(&Route::Page(doc.slug.clone()), doc.title.clone()),
        title: doc.title.clone(),
        date: doc.date.map(|d| ctx.fmt.date(d)),
        body: markdown::to_html(&doc.body),
    }
}
