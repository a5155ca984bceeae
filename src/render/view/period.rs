//! Month and week pages, and their indexes.

use crate::render::route::Route;
use serde::Serialize;

use crate::content::PlanMetric;

use super::charts::{self, ChartView};
use super::dashboard::{DecompositionView, cards, decomposition, growth_against, month_status};
use super::{Card, Ctx, Delta, Layout, bar_width, month_title, week_title};
use crate::analytics::{Figures, MonthFigures, MonthStats, Totals, WeekStats};
use crate::calendar::{IsoWeek, YearMonth};

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
    match ctx.locale() {
        crate::content::Locale::Ru => format!("{e} из {wd}"),
        crate::content::Locale::En => format!("{e} of {wd}"),
    }
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
    pub cards: Vec<Card>,
    pub rows: Vec<PlanFactRow>,
    pub decomposition: Option<DecompositionView>,
    pub is_current: bool,
    /// The month is closed (what the decomposition says when it has none).
    pub month_over: bool,
    pub comparison: Vec<CompareRow>,
    pub comparison_note: Option<String>,
    pub weeks: Vec<WeekLinkRow>,
    /// Attainment (pace while the month runs) per manager.
    pub attainment: ChartView,
    /// The head's explanations for this month, metric by metric.
    pub explanations: Vec<ExplanationRow>,
    /// The head's commentary (sanitised HTML).
    pub commentary: String,
}

#[derive(Debug, Serialize)]
pub struct ExplanationRow {
    pub metric: &'static str,
    pub pace: String,
    pub reason: String,
    pub actions: String,
    pub resources: String,
}

#[derive(Debug, Serialize)]
pub struct PlanFactRow {
    pub name: String,
    pub href: Option<String>,
    pub is_team: bool,
    pub plan_revenue: String,
    pub revenue: String,
    pub attainment: String,
    pub bar: f64,
    pub pace: String,
    pub forecast: String,
    pub plan_deals: String,
    pub deals: String,
    pub attainment_deals: String,
    pub conv_lead_meeting: String,
    pub conv_meeting_deal: String,
    pub avg_deal: String,
    pub growth: Option<Delta>,
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

fn neighbour<T: Copy>(list: &[T], i: usize, step: isize) -> Option<T> {
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
    let plan_fact =
        |name: String, href: Option<String>, is_team: bool, f: &MonthFigures| PlanFactRow {
            name,
            href,
            is_team,
            plan_revenue: ctx.money(f.base.plan_revenue),
            revenue: ctx.fmt.money(f.base.revenue),
            attainment: ctx.pct(f.base.attainment),
            bar: bar_width(f.base.attainment),
            pace: ctx.pct(f.pace),
            forecast: ctx.money(f.forecast_revenue),
            plan_deals: ctx.count(f.base.plan_deals),
            deals: ctx.fmt.number(f.base.deals as f64, 0),
            attainment_deals: ctx.pct(f.base.attainment_deals),
            conv_lead_meeting: ctx.pct(f.base.conv_lead_meeting),
            conv_meeting_deal: ctx.pct(f.base.conv_meeting_deal),
            avg_deal: ctx.money(f.base.avg_deal),
            growth: growth(ctx, m, f.mom_growth),
        };
    let mut rows = vec![plan_fact(ctx.t().team_total.into(), None, true, &m.team)];
    rows.extend(m.managers.iter().map(|(id, f)| {
        plan_fact(
            ctx.name(id),
            Some(Route::Manager(id.to_string()).path()),
            false,
            &f.figures,
        )
    }));
    let route = Route::Month(m.month);
    let note = ctx
        .content
        .month_notes
        .iter()
        .find(|n| n.data.month.value == m.month);
    let explanations = note
        .map(|n| {
            PlanMetric::ALL
                .into_iter()
                .filter_map(|metric| n.data.explanations.get(metric.name()).map(|e| (metric, e)))
                .map(|(metric, e)| ExplanationRow {
                    metric: ctx.t().plan_metric(metric),
                    pace: ctx.pct(if metric == PlanMetric::Revenue {
                        m.team.pace
                    } else {
                        m.team.pace_deals
                    }),
                    reason: e.reason.clone(),
                    actions: e.actions.text(),
                    resources: e.resources.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    MonthPage {
        explanations,
        commentary: note
            .map(|n| crate::render::markdown::to_html(&n.data.body))
            .unwrap_or_default(),
        layout: ctx.layout(&route, month_title(ctx, m.month)),
        heading: month_title(ctx, m.month),
        status: month_status(ctx, m),
        days_note: format!("{}: {}", ctx.t().days_with_data, days_with_data(ctx, m)),
        complete: m.complete,
        has_plan: m.has_plan,
        prev: neighbour(&all, i, -1).map(link),
        next: neighbour(&all, i, 1).map(link),
        cards: cards(ctx, m),
        rows,
        decomposition: m.decomposition.as_ref().map(|d| decomposition(ctx, d)),
        is_current: a.current_month == Some(m.month),
        month_over: !m.is_open(),
        comparison: m
            .previous
            .as_ref()
            .map(|p| compare(ctx, &m.team_totals, &p.totals))
            .unwrap_or_default(),
        comparison_note: m.previous.as_ref().map(|p| {
            let (now, then) = (m.days.elapsed_working_days, p.days.elapsed_working_days);
            match ctx.locale() {
                crate::content::Locale::Ru => format!(
                    "{}: {now} раб. дн. с данными против {then}; рост м/м считается в рабочий день",
                    growth_against(ctx, m)
                ),
                crate::content::Locale::En => format!(
                    "{}: {now} working days with data vs {then}; MoM growth is per working day",
                    growth_against(ctx, m)
                ),
            }
        }),
        attainment: charts::attainment(ctx, m),
        weeks: m
            .weeks
            .iter()
            .filter_map(|w| a.week(*w))
            .map(|w| WeekLinkRow {
                label: week_title(ctx, w.week),
                href: Route::Week(w.week).path(),
                revenue: ctx.fmt.money(w.team.revenue),
                plan: ctx.money(w.team.plan_revenue),
                attainment: ctx.pct(w.team.attainment),
                deals: ctx.fmt.number(w.team.deals as f64, 0),
            })
            .collect(),
    }
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
    pub rows: Vec<WeekRow>,
    pub missing: Vec<String>,
    pub notes: Vec<NoteRow>,
    pub leads_chart: ChartView,
    pub funnel_chart: ChartView,
}

#[derive(Debug, Serialize)]
pub struct WeekRow {
    pub name: String,
    pub href: Option<String>,
    pub is_team: bool,
    pub revenue: String,
    pub revenue_delta: Option<Delta>,
    pub plan: String,
    pub attainment: String,
    pub bar: f64,
    pub deals: String,
    pub deals_delta: Option<Delta>,
    pub calls: String,
    pub meetings: String,
    pub leads_received: String,
    pub leads_processed: String,
    pub processing_rate: String,
    pub leads_overnight: String,
    pub overnight_alarm: bool,
    pub first_response: String,
    pub conv_lead_meeting: String,
    pub conv_meeting_deal: String,
    pub conv_lead_deal: String,
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

pub fn week(ctx: &Ctx, w: &WeekStats) -> WeekPage {
    let a = ctx.analytics;
    let all: Vec<IsoWeek> = a.weeks.iter().map(|x| x.week).collect();
    let i = all.iter().position(|x| *x == w.week).unwrap_or(0);
    let link = |x: IsoWeek| Link {
        label: week_title(ctx, x),
        href: Route::Week(x).path(),
    };
    // Week-over-week: against the ISO week just before, when it has a file.
    let before = a.week(w.week.prev());
    let f = &ctx.fmt;
    let delta = |now: f64, then: Option<f64>, money: bool| {
        then.map(|t| {
            Delta::new(
                now - t,
                |v| if money { f.money(v) } else { f.number(v, 0) },
                ctx.t().vs_previous_week.into(),
                false,
            )
        })
    };
    let row =
        |name: String, href: Option<String>, is_team: bool, x: &Figures, prev: Option<&Figures>| {
            WeekRow {
                name,
                href,
                is_team,
                revenue: f.money(x.revenue),
                revenue_delta: delta(x.revenue, prev.map(|p| p.revenue), true),
                plan: ctx.money(x.plan_revenue),
                attainment: ctx.pct(x.attainment),
                bar: bar_width(x.attainment),
                deals: f.number(x.deals as f64, 0),
                deals_delta: delta(x.deals as f64, prev.map(|p| p.deals as f64), false),
                calls: f.number(x.calls as f64, 0),
                meetings: f.number(x.meetings as f64, 0),
                leads_received: f.number(x.leads_received as f64, 0),
                leads_processed: f.number(x.leads_processed as f64, 0),
                processing_rate: ctx.pct(x.processing_rate),
                leads_overnight: f.number(x.leads_overnight as f64, 0),
                overnight_alarm: x.leads_overnight > 0,
                first_response: ctx.minutes(x.first_response_min),
                conv_lead_meeting: ctx.pct(x.conv_lead_meeting),
                conv_meeting_deal: ctx.pct(x.conv_meeting_deal),
                conv_lead_deal: ctx.pct1(x.conv_lead_deal),
            }
        };
    let mut rows = vec![row(
        ctx.t().team_total.into(),
        None,
        true,
        &w.team,
        before.map(|b| &b.team),
    )];
    rows.extend(w.managers.iter().map(|(id, x)| {
        row(
            ctx.name(id),
            Some(Route::Manager(id.to_string()).path()),
            false,
            x,
            before.and_then(|b| b.managers.get(id)),
        )
    }));
    let missing = ctx
        .content
        .team
        .managers
        .iter()
        .map(|m| &m.value)
        .filter(|m| {
            w.periods
                .iter()
                .any(|p| m.active_during(p.period.first, p.period.last))
                && !w.managers.contains_key(m.id())
        })
        .map(|m| m.name.clone())
        .collect();
    // Notes of every period file of the week that counts.
    let counted: Vec<_> = w.periods.iter().map(|p| p.period).collect();
    let notes = ctx
        .content
        .weeks
        .iter()
        .filter(|d| {
            d.data
                .period(&ctx.content.calendar)
                .is_ok_and(|p| counted.contains(&p))
        })
        .flat_map(|d| {
            d.data.managers.iter().filter_map(|(id, e)| {
                e.value
                    .note
                    .as_ref()
                    .filter(|n| !n.trim().is_empty())
                    .map(|n| NoteRow {
                        name: ctx.name(id.as_str()),
                        text: n.clone(),
                    })
            })
        })
        .collect();
    let parts = if w.periods.len() > 1 || w.periods.iter().any(|p| p.period.split) {
        w.periods
            .iter()
            .map(|p| PartRow {
                label: f.days(p.period.first, p.period.last),
                month: Link {
                    label: month_title(ctx, p.period.month),
                    href: Route::Month(p.period.month).path(),
                },
                working_days: p.working_days,
                revenue: f.money(p.team.revenue),
                plan: ctx.money(p.team.plan_revenue),
                attainment: ctx.pct(p.team.attainment),
                deals: f.number(p.team.deals as f64, 0),
            })
            .collect()
    } else {
        Vec::new()
    };
    let t = &w.team;
    let cards = vec![
        Card {
            label: ctx.t().revenue,
            value: f.money(t.revenue),
            tone: None,
            sub: t.plan_revenue.map(|p| {
                format!(
                    "{} {} · {}",
                    ctx.t().of_plan,
                    f.money(p),
                    ctx.pct(t.attainment)
                )
            }),
            delta: delta(t.revenue, before.map(|b| b.team.revenue), true),
            spark: None,
        },
        Card {
            label: ctx.t().deals,
            value: f.number(t.deals as f64, 0),
            tone: None,
            sub: t.plan_deals.map(|p| {
                format!(
                    "{} {} · {}",
                    ctx.t().of_plan,
                    ctx.count(Some(p)),
                    ctx.pct(t.attainment_deals)
                )
            }),
            delta: delta(t.deals as f64, before.map(|b| b.team.deals as f64), false),
            spark: None,
        },
        Card {
            label: ctx.t().processing_rate,
            value: ctx.pct(t.processing_rate),
            tone: None,
            sub: Some(format!(
                "{}: {}",
                ctx.t().leads_overnight,
                f.number(t.leads_overnight as f64, 0)
            )),
            delta: None,
            spark: None,
        },
        Card {
            label: ctx.t().conv_lead_deal,
            value: ctx.pct1(t.conv_lead_deal),
            tone: None,
            sub: Some(format!("{}: {}", ctx.t().avg_deal, ctx.money(t.avg_deal))),
            delta: None,
            spark: None,
        },
    ];
    let route = Route::Week(w.week);
    WeekPage {
        layout: ctx.layout(&route, week_title(ctx, w.week)),
        heading: week_title(ctx, w.week),
        months: w
            .months
            .iter()
            .map(|m| Link {
                label: month_title(ctx, *m),
                href: Route::Month(*m).path(),
            })
            .collect(),
        parts,
        prev: neighbour(&all, i, -1).map(link),
        next: neighbour(&all, i, 1).map(link),
        cards,
        rows,
        missing,
        notes,
        leads_chart: charts::leads(ctx, w),
        funnel_chart: charts::week_funnel(ctx, w),
    }
}
