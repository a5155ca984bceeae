//! The team page and each manager's page.

use serde::Serialize;

use super::charts::{self, ChartView};
use super::dashboard::{TeamRow, team_rows};
use super::{Card, Ctx, Layout, Section, bar_width, href, month_title, week_title};
use crate::content::Manager;

#[derive(Debug, Serialize)]
pub struct TeamPage {
    pub layout: Layout,
    pub month: Option<String>,
    pub leaderboard: Vec<TeamRow>,
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
            href: href::manager(m.id()),
            joined: ctx.fmt.date(m.joined.value.0),
            left: m.left.as_ref().map(|l| ctx.fmt.date(l.value.0)),
            active: m.active_on(today),
        })
        .collect();
    TeamPage {
        layout: ctx.layout("team/index.html", ctx.t("team_title").into(), Section::Team),
        month: a.current_month.map(|m| month_title(ctx, m)),
        leaderboard: month.map(|m| team_rows(ctx, m)).unwrap_or_default(),
        roster,
    }
}

#[derive(Debug, Serialize)]
pub struct ManagerPage {
    pub layout: Layout,
    pub name: String,
    pub since: String,
    pub left: Option<String>,
    pub month: Option<String>,
    pub cards: Vec<Card>,
    /// "3 недели подряд ниже порога" when lagging at the latest week.
    pub lagging: Option<String>,
    pub weeks: Vec<ManagerWeekRow>,
    pub months: Vec<ManagerMonthRow>,
    /// Revenue by week, conversion by week, this month's funnel.
    pub charts: Vec<ChartView>,
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
        .map(|(_, x)| {
            vec![
                Card {
                    label: ctx.t("revenue"),
                    value: f.money(x.base.revenue),
                    tone: None,
                    sub: x
                        .base
                        .plan_revenue
                        .map(|p| format!("{} {}", ctx.t("of_plan"), f.money(p))),
                    delta: None,
                    spark: None,
                },
                Card {
                    label: ctx.t("attainment"),
                    value: ctx.pct(x.base.attainment),
                    tone: None,
                    sub: None,
                    delta: None,
                    spark: None,
                },
                Card {
                    label: ctx.t("pace"),
                    value: ctx.pct(x.pace),
                    tone: None,
                    sub: None,
                    delta: None,
                    spark: None,
                },
                Card {
                    label: ctx.t("conv_meeting_deal"),
                    value: ctx.pct(x.base.conv_meeting_deal),
                    tone: None,
                    sub: Some(format!(
                        "{}: {}",
                        ctx.t("avg_deal"),
                        ctx.money(x.base.avg_deal)
                    )),
                    delta: None,
                    spark: None,
                },
            ]
        })
        .unwrap_or_default();
    let lagging = a.lagging_managers.iter().find(|l| l.id == id).map(|l| {
        format!(
            "{} — {}",
            ctx.t("lagging"),
            crate::i18n::weeks(ctx.locale(), u64::from(l.weeks))
        )
    });
    let weeks = a
        .weeks
        .iter()
        .rev()
        .filter_map(|w| w.managers.get(id).map(|x| (w, x)))
        .map(|(w, x)| ManagerWeekRow {
            label: week_title(ctx, w.week),
            href: href::week(w.week),
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
        .filter_map(|ms| ms.managers.get(id).map(|x| (ms, x)))
        .map(|(ms, x)| ManagerMonthRow {
            label: month_title(ctx, ms.month),
            href: href::month(ms.month),
            revenue: f.money(x.base.revenue),
            plan: ctx.money(x.base.plan_revenue),
            attainment: ctx.pct(x.base.attainment),
            bar: bar_width(x.base.attainment),
            deals: f.number(x.base.deals as f64, 0),
            conv_meeting_deal: ctx.pct(x.base.conv_meeting_deal),
            avg_deal: ctx.money(x.base.avg_deal),
        })
        .collect();
    let path = format!("team/{id}/index.html");
    ManagerPage {
        layout: ctx.layout(&path, m.name.clone(), Section::Team),
        name: m.name.clone(),
        since: f.date(m.joined.value.0),
        left: m.left.as_ref().map(|l| f.date(l.value.0)),
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
