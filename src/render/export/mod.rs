//! `data/metrics.json` (the public contract in DESIGN.md and docs/numbers.md) and
//! `data/weekly.csv`.

pub mod feed;
pub mod spreadsheet;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analytics::{
    Analytics, Decomposition, Figures, ManagerMonth, MonthDays, MonthFigures, MonthStatus,
};
use crate::domain::Department;
use crate::locale;
use crate::locale::format::Formatter;

#[derive(Serialize)]
struct Metrics<'a> {
    as_of: String,
    currency: &'a str,
    weeks: Vec<WeekOut<'a>>,
    months: Vec<MonthOut<'a>>,
    alerts: Vec<AlertOut>,
    checklist: Vec<PointOut>,
}

#[derive(Serialize)]
struct PointOut {
    point: &'static str,
    phase: u8,
    status: crate::analytics::checklist::Status,
    value: Option<f64>,
    summary: String,
}

#[derive(Serialize)]
struct WeekOut<'a> {
    week: String,
    months: Vec<String>,
    working_days: u32,
    team: &'a Figures,
    managers: &'a BTreeMap<String, Figures>,
}

#[derive(Serialize)]
struct MonthOut<'a> {
    month: String,
    weeks: Vec<String>,
    status: MonthStatus,
    complete: bool,
    #[serde(flatten)]
    days: MonthDays,
    team: &'a MonthFigures,
    managers: &'a BTreeMap<String, ManagerMonth>,
    decomposition: Option<DecompositionOut<'a>>,
}

#[derive(Serialize)]
struct DecompositionOut<'a> {
    team: &'a Decomposition,
    managers: &'a BTreeMap<String, Option<Decomposition>>,
}

#[derive(Serialize)]
struct AlertOut {
    kind: &'static str,
    severity: crate::analytics::AlertSeverity,
    subject: String,
    message: String,
}

/// Every computed number, in the shape DESIGN.md fixes.
pub fn metrics_json(department: &Department, a: &Analytics) -> Vec<u8> {
    let fmt = Formatter::for_config(&department.config);
    let name = |id: &str| department.team.name_of(id);
    let metrics = Metrics {
        as_of: a.as_of.to_string(),
        currency: &department.config.currency,
        weeks: a
            .weeks
            .iter()
            .map(|w| WeekOut {
                week: w.week.to_string(),
                months: w.months.iter().map(ToString::to_string).collect(),
                working_days: w.working_days,
                team: &w.team,
                managers: &w.managers,
            })
            .collect(),
        months: a
            .months
            .iter()
            .map(|m| MonthOut {
                month: m.month.to_string(),
                weeks: m.weeks.iter().map(ToString::to_string).collect(),
                status: m.status,
                complete: m.complete,
                days: m.days,
                team: &m.team,
                managers: &m.managers,
                decomposition: m.decomposition.as_ref().map(|d| DecompositionOut {
                    team: &d.team,
                    managers: &d.managers,
                }),
            })
            .collect(),
        alerts: a
            .alerts
            .iter()
            .map(|al| AlertOut {
                kind: al.kind(),
                severity: al.severity(),
                subject: al.subject(),
                message: locale::alert_text(al, &fmt, &name),
            })
            .collect(),
        checklist: a
            .checklist
            .iter()
            .map(|p| PointOut {
                point: p.point.id(),
                phase: p.point.phase().number(),
                status: p.status,
                value: p.value,
                summary: locale::checklist::summary(p, &fmt, &name),
            })
            .collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&metrics).expect("metrics serialise");
    bytes.push(b'\n');
    bytes
}

/// One row per period (a week, or a split week's part in one month) and
/// manager (and `team`), for spreadsheets: rows of a month add up to it.
pub fn weekly_csv(department: &Department, a: &Analytics) -> Vec<u8> {
    let custom = &department.config.custom_metrics;
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "week",
        "month",
        "first_day",
        "last_day",
        "working_days",
        "manager",
        "leads_received",
        "leads_processed",
        "leads_overnight",
        "first_response_min",
        "calls",
        "meetings",
        "deals",
        "revenue",
        "plan_revenue",
        "plan_deals",
        "processing_rate",
        "conv_lead_meeting",
        "conv_meeting_deal",
        "conv_lead_deal",
        "avg_deal",
        "attainment",
        "attainment_deals",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(custom.iter().map(|m| m.key.clone()));
    w.write_record(&header).expect("csv to memory");
    let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for period in a.weeks.iter().flat_map(|w| &w.periods) {
        let rows = std::iter::once(("team", &period.team, &period.team_totals)).chain(
            period
                .managers
                .iter()
                .map(|(id, f)| (id.as_str(), f, &period.manager_totals[id])),
        );
        let p = period.period;
        for (who, f, totals) in rows {
            let mut record = vec![
                p.week.to_string(),
                p.month.to_string(),
                p.first.to_string(),
                p.last.to_string(),
                period.working_days.to_string(),
                who.to_string(),
                f.leads_received.to_string(),
                f.leads_processed.to_string(),
                f.leads_overnight.to_string(),
                num(f.first_response_min),
                f.calls.to_string(),
                f.meetings.to_string(),
                f.deals.to_string(),
                f.revenue.to_string(),
                num(f.plan_revenue),
                num(f.plan_deals),
                num(f.processing_rate),
                num(f.conv_lead_meeting),
                num(f.conv_meeting_deal),
                num(f.conv_lead_deal),
                num(f.avg_deal),
                num(f.attainment),
                num(f.attainment_deals),
            ];
            record.extend(
                custom
                    .iter()
                    .map(|m| num(totals.custom(&m.key, m.aggregate))),
            );
            w.write_record(&record).expect("csv to memory");
        }
    }
    w.into_inner().expect("csv to memory")
}
