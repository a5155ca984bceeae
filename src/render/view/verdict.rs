//! The verdict strip on top of the dashboard and each month page: how the
//! month goes in a word and a colour, its figures, what the rest of it
//! needs, who lags and whether they have a development plan; under it the
//! head's headline and actions, the full reasons one `<details>` away.

use serde::Serialize;

use super::Ctx;
use super::commitments::{self, ActionView};
use super::period::Link;
use crate::analytics::MonthStats;
use crate::domain::PlanMetric;
use crate::render::route::Route;

/// Actions the dashboard lists under the verdict; the month page has them all.
const DASHBOARD_ACTIONS: usize = 3;

#[derive(Debug, Serialize)]
pub struct Verdict {
    /// `good`, `warn`, `bad` or `flat`: the strip's colour, always with `word`.
    pub tone: &'static str,
    /// "▼ Отставание: сделки".
    pub word: String,
    pub metrics: Vec<MetricLine>,
    /// "Нужно 311 260 ₽ — 6 оплат, 6 в день": the current month while days remain.
    pub need: Option<String>,
    /// Who lags at the latest week (the owner's site, the current month).
    pub lagging: Vec<LaggingLine>,
    pub headline: Option<String>,
    /// The head's commitments: the open ones first (the dashboard shows a
    /// few, the month page all, as a checklist), then the head's plain texts.
    pub actions: Vec<ActionView>,
    /// The dashboard: the month page's checklist, when it holds more.
    pub more_actions: Option<Link>,
    pub reasons: Vec<ReasonView>,
    /// The team's site, where the head's explanation is for the owner only.
    pub withheld: bool,
}

/// "Выручка — 95 % плана, темп 100 %: в плане".
#[derive(Debug, Serialize)]
pub struct MetricLine {
    pub label: &'static str,
    pub figures: String,
    pub word: String,
    pub tone: &'static str,
}

#[derive(Debug, Serialize)]
pub struct LaggingLine {
    pub name: String,
    pub href: String,
    /// "74 % плана нед. 48, 3 недели подряд ниже 80 %".
    pub text: String,
    /// "ИПР «Работа с возражениями» до 18.12.2026", or none: "нет ИПР".
    pub idp: Option<Link>,
}

/// The head's explanation of one metric, in full.
#[derive(Debug, Serialize)]
pub struct ReasonView {
    pub metric: &'static str,
    pub reason: String,
    /// The head's text; a list of commitments is in the checklist instead.
    pub actions: String,
    pub resources: String,
}

/// Where the strip stands: the dashboard shows the open actions, the month page all.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum On {
    Dashboard,
    MonthPage,
}

/// How a metric stands: on plan, close (not lagging), behind; none without a plan.
fn standing(ctx: &Ctx, share: Option<f64>) -> Option<&'static str> {
    let limit = ctx.department.config.thresholds.team_lagging_pct / 100.0;
    share.map(|s| match s {
        s if s >= 1.0 => "good",
        s if s >= limit => "warn",
        _ => "bad",
    })
}

fn metric_line(ctx: &Ctx, m: &MonthStats, metric: PlanMetric) -> Option<MetricLine> {
    let t = &m.team;
    let (plan, attainment, pace) = match metric {
        PlanMetric::Revenue => (t.base.plan_revenue, t.base.attainment, t.pace),
        PlanMetric::Deals => (t.base.plan_deals, t.base.attainment_deals, t.pace_deals),
    };
    plan?;
    let open = m.is_open();
    let tone = standing(ctx, if open { pace } else { attainment })?;
    let of_plan = format!("{} {}", ctx.pct(attainment), ctx.t().of_plan_suffix);
    let figures = if open {
        format!(
            "{of_plan}, {} {}",
            ctx.t().pace_short.to_lowercase(),
            ctx.pct(pace)
        )
    } else {
        of_plan
    };
    let behind = ctx
        .analytics
        .lagging_metrics
        .iter()
        .find(|l| l.metric == metric && open && ctx.analytics.current_month == Some(m.month));
    let word = match (tone, open, behind) {
        ("bad", true, Some(l)) => {
            let by = match metric {
                PlanMetric::Revenue => ctx.fmt.money(l.shortfall),
                PlanMetric::Deals => ctx.fmt.count(
                    crate::locale::format::round_half_up(l.shortfall, 0).max(0.0) as u64,
                    ctx.t().deal,
                ),
            };
            ctx.say().behind_by(&by)
        }
        ("bad", true, None) => ctx.t().lagging.to_string(),
        ("warn", true, _) => ctx.t().close_to_plan.to_string(),
        ("good", true, _) => ctx.t().on_track.to_string(),
        ("good", false, _) => ctx.t().metric_met.to_string(),
        ("warn", false, _) => ctx.t().metric_almost_met.to_string(),
        _ => ctx.t().metric_missed.to_string(),
    };
    Some(MetricLine {
        label: ctx.t().plan_metric(metric),
        figures,
        word,
        tone,
    })
}

/// The strip's word and colour: the worst of the metrics.
fn overall(ctx: &Ctx, m: &MonthStats, lines: &[MetricLine]) -> (&'static str, String) {
    let w = ctx.t();
    let worst = ["bad", "warn", "good"]
        .into_iter()
        .find(|t| lines.iter().any(|l| l.tone == *t));
    match (worst, m.is_open()) {
        (None, _) => ("flat", w.verdict_no_plan.to_string()),
        (Some("good"), true) => ("good", w.verdict_on_track.to_string()),
        (Some("warn"), true) => ("warn", w.verdict_close.to_string()),
        (Some(_), true) => {
            let behind: Vec<String> = lines
                .iter()
                .filter(|l| l.tone == "bad")
                .map(|l| l.label.to_lowercase())
                .collect();
            (
                "bad",
                format!("{}: {}", w.verdict_behind, behind.join(", ")),
            )
        }
        (Some("good"), false) => ("good", w.verdict_met.to_string()),
        (Some("warn"), false) => ("warn", w.verdict_almost_met.to_string()),
        (Some(_), false) => ("bad", w.verdict_missed.to_string()),
    }
}

/// "Нужно 311 260 ₽ — 6 оплат, 6 в день" from the team's decomposition.
fn need(ctx: &Ctx, m: &MonthStats) -> Option<String> {
    let d = &m.decomposition.as_ref()?.team;
    let remaining = d.remaining_revenue?;
    if remaining <= 0.0 {
        return Some(ctx.t().revenue_plan_met.to_string());
    }
    let money = ctx.fmt.money(remaining);
    Some(match (d.deals, d.deals_per_day) {
        (Some(n), Some(per_day)) => {
            let deals = ctx.fmt.count(n, ctx.t().deal);
            ctx.say().need_deals(&money, &deals, per_day)
        }
        _ => ctx.say().need(&money),
    })
}

/// Who lags at the latest judged week, lowest attainment first, with their plan.
pub fn lagging(ctx: &Ctx) -> Vec<LaggingLine> {
    let a = ctx.analytics;
    let limit = ctx.fmt.percent(
        ctx.department.config.thresholds.manager_lagging_pct / 100.0,
        0,
    );
    let mut list: Vec<_> = a.lagging_managers.iter().collect();
    list.sort_by(|x, y| {
        let key = |v: Option<f64>| v.unwrap_or(f64::INFINITY);
        key(x.attainment)
            .total_cmp(&key(y.attainment))
            .then(x.id.cmp(&y.id))
    });
    list.into_iter()
        .map(|l| {
            let pct = ctx.pct(l.attainment);
            let week = ctx.fmt.week_short(l.week);
            LaggingLine {
                name: ctx.name(&l.id),
                href: Route::Manager(l.id.clone()).path(),
                text: ctx
                    .say()
                    .manager_lags(&pct, &week, u64::from(l.weeks), &limit),
                idp: open_idp(ctx, &l.id),
            }
        })
        .collect()
}

/// The manager's open development plan: "ИПР «…» до 18.12.2026".
pub fn open_idp(ctx: &Ctx, id: &str) -> Option<Link> {
    let p = ctx
        .analytics
        .idps
        .iter()
        .find(|p| p.manager == id && p.status.is_open())?;
    let title = ctx
        .department
        .idps
        .iter()
        .find(|d| d.slug == p.slug)
        .map_or("", |d| d.title.as_str());
    let due = ctx.fmt.date(p.due);
    Some(Link {
        label: ctx.say().idp_until(title, &due),
        href: Route::Idp(p.slug.clone()).path(),
    })
}

pub fn verdict(ctx: &Ctx, m: &MonthStats, on: On) -> Verdict {
    let metrics: Vec<MetricLine> = PlanMetric::ALL
        .into_iter()
        .filter_map(|metric| metric_line(ctx, m, metric))
        .collect();
    let (tone, word) = overall(ctx, m, &metrics);
    let current = ctx.analytics.current_month == Some(m.month);
    let note = commitments::note(ctx, m.month);
    let (actions, more_actions) = actions(ctx, m, on);
    Verdict {
        tone,
        word,
        metrics,
        need: if current { need(ctx, m) } else { None },
        lagging: if current && ctx.for_owner() {
            lagging(ctx)
        } else {
            Vec::new()
        },
        headline: note
            .map(|n| n.headline.trim().to_string())
            .filter(|h| !h.is_empty()),
        actions,
        more_actions,
        reasons: note.map(|n| reasons(ctx, n)).unwrap_or_default(),
        withheld: note.is_some_and(|n| !n.withheld.is_empty()),
    }
}

fn actions(ctx: &Ctx, m: &MonthStats, on: On) -> (Vec<ActionView>, Option<Link>) {
    let placed = commitments::of_month(ctx, m.month);
    let mut list: Vec<ActionView> = placed
        .iter()
        .filter(|p| on == On::MonthPage || !p.action.done)
        .map(|p| commitments::view(ctx, p))
        .collect();
    let mut more = None;
    if on == On::Dashboard && list.len() > DASHBOARD_ACTIONS {
        let hidden = placed.len() - DASHBOARD_ACTIONS;
        list.truncate(DASHBOARD_ACTIONS);
        more = Some(Link {
            label: ctx.say().more_actions(hidden, ctx.t().all_actions),
            href: format!("{}#actions", Route::Month(m.month).path()),
        });
    }
    if let Some(n) = commitments::note(ctx, m.month) {
        list.extend(commitments::texts(ctx, n));
    }
    (list, more)
}

fn reasons(ctx: &Ctx, n: &crate::domain::MonthNote) -> Vec<ReasonView> {
    commitments::explanations(n)
        .map(|(metric, e)| ReasonView {
            metric: ctx.t().plan_metric(metric),
            reason: e.reason.trim().to_string(),
            actions: match &e.actions {
                crate::domain::Actions::Text(t) => t.trim().to_string(),
                crate::domain::Actions::List(_) => String::new(),
            },
            resources: e.resources.trim().to_string(),
        })
        .filter(|r| !(r.reason.is_empty() && r.actions.is_empty() && r.resources.is_empty()))
        .collect()
}
