//! Alerts: what in the department needs attention. They describe people and
//! numbers, not files, and never change the exit code. The wording for people
//! is made by `i18n`; here they are kinds, subjects and figures.

use serde::Serialize;

use chrono::NaiveDate;

use crate::calendar::IsoWeek;
use crate::domain::PlanMetric;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AlertSeverity {
    Critical,
    Warning,
    Info,
}

/// One alert with the figures its message needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Alert {
    /// A manager lagging at the latest week, with no active development plan.
    ManagerLaggingWithoutIdp {
        manager: String,
        weeks: u32,
        attainment: Option<f64>,
        /// The lagging threshold, % of the weekly plan.
        threshold_pct: f64,
    },
    /// A lagging team metric of the current month with no explanation from the head.
    TeamMetricUnexplained { metric: PlanMetric, pace: f64 },
    /// Leads left unprocessed overnight in the latest week.
    LeadsOvernight {
        manager: String,
        week: IsoWeek,
        count: u64,
    },
    /// A stand-up of the last 7 days longer than the limit.
    StandupTooLong {
        date: NaiveDate,
        minutes: u64,
        limit: u64,
    },
    /// A stand-up of the last 7 days held without video.
    StandupWithoutVideo { date: NaiveDate },
    /// A stand-up of the last 7 days where active managers neither reported nor were excused.
    StandupMissingReports {
        date: NaiveDate,
        managers: Vec<String>,
    },
    /// An open development plan past its due date.
    IdpOverdue {
        slug: String,
        manager: String,
        due: NaiveDate,
    },
    /// An active manager with no one-to-one in the configured weeks.
    OneOnOneOverdue {
        manager: String,
        last: Option<NaiveDate>,
    },
}

impl Alert {
    pub fn kind(&self) -> &'static str {
        match self {
            Alert::ManagerLaggingWithoutIdp { .. } => "manager_lagging_without_idp",
            Alert::TeamMetricUnexplained { .. } => "team_metric_unexplained",
            Alert::LeadsOvernight { .. } => "leads_overnight",
            Alert::StandupTooLong { .. } => "standup_too_long",
            Alert::StandupWithoutVideo { .. } => "standup_without_video",
            Alert::StandupMissingReports { .. } => "standup_missing_reports",
            Alert::IdpOverdue { .. } => "idp_overdue",
            Alert::OneOnOneOverdue { .. } => "one_on_one_overdue",
        }
    }

    pub fn severity(&self) -> AlertSeverity {
        match self {
            Alert::ManagerLaggingWithoutIdp { .. } | Alert::TeamMetricUnexplained { .. } => {
                AlertSeverity::Critical
            }
            Alert::LeadsOvernight { .. }
            | Alert::StandupTooLong { .. }
            | Alert::StandupMissingReports { .. }
            | Alert::IdpOverdue { .. }
            | Alert::OneOnOneOverdue { .. } => AlertSeverity::Warning,
            Alert::StandupWithoutVideo { .. } => AlertSeverity::Info,
        }
    }

    /// Whether only the owner's site shows it: alerts that judge people or
    /// report to the owner. The team's site keeps the ones about the
    /// practice everyone shares (overnight leads, stand-ups).
    pub fn owner_only(&self) -> bool {
        match self {
            Alert::ManagerLaggingWithoutIdp { .. }
            | Alert::TeamMetricUnexplained { .. }
            | Alert::IdpOverdue { .. }
            | Alert::OneOnOneOverdue { .. } => true,
            Alert::LeadsOvernight { .. }
            | Alert::StandupTooLong { .. }
            | Alert::StandupWithoutVideo { .. }
            | Alert::StandupMissingReports { .. } => false,
        }
    }

    /// The manager id, metric name, date or slug the alert is about.
    pub fn subject(&self) -> String {
        match self {
            Alert::ManagerLaggingWithoutIdp { manager, .. }
            | Alert::LeadsOvernight { manager, .. }
            | Alert::OneOnOneOverdue { manager, .. } => manager.clone(),
            Alert::TeamMetricUnexplained { metric, .. } => metric.name().to_string(),
            Alert::StandupTooLong { date, .. }
            | Alert::StandupWithoutVideo { date }
            | Alert::StandupMissingReports { date, .. } => date.to_string(),
            Alert::IdpOverdue { slug, .. } => slug.clone(),
        }
    }
}

/// Critical first, then by kind and subject, so the list is stable.
pub fn sort(alerts: &mut [Alert]) {
    alerts.sort_by(|a, b| {
        (a.severity(), a.kind(), a.subject()).cmp(&(b.severity(), b.kind(), b.subject()))
    });
}
