//! "Требует внимания", ranked by what the owner must act on: lagging
//! managers with their attainment and development plan first, lagging
//! metrics the head has not explained next, the head's overdue commitments,
//! then the practice's alerts (overdue plans and one-to-ones, leads left
//! overnight, stand-ups).

use super::commitments;
use super::verdict::lagging;
use super::{AlertView, Ctx};
use crate::analytics::{Alert, AlertSeverity};

pub fn ranked(ctx: &Ctx) -> Vec<AlertView> {
    let mut list = Vec::new();
    if ctx.for_owner() {
        list.extend(lagging_managers(ctx));
    }
    let alerts = &ctx.analytics.alerts;
    let unexplained = |a: &&Alert| matches!(a, Alert::TeamMetricUnexplained { .. });
    list.extend(alerts.iter().filter(unexplained).map(|a| ctx.alert(a)));
    if ctx.for_owner() {
        list.extend(overdue_actions(ctx));
    }
    // The lagging managers are above, with their plan or its absence.
    list.extend(
        alerts
            .iter()
            .filter(|a| !unexplained(a) && !matches!(a, Alert::ManagerLaggingWithoutIdp { .. }))
            .map(|a| ctx.alert(a)),
    );
    list
}

/// A lagging manager: critical without a development plan, a warning with one.
fn lagging_managers(ctx: &Ctx) -> Vec<AlertView> {
    lagging(ctx)
        .into_iter()
        .map(|l| {
            let (severity, plan) = match &l.idp {
                Some(idp) => (AlertSeverity::Warning, idp.label.clone()),
                None => (AlertSeverity::Critical, ctx.t().mark_no_idp.to_string()),
            };
            AlertView {
                severity,
                severity_label: ctx.t().severity(severity),
                text: format!("{}: {}; {plan}", l.name, l.text),
                href: Some(l.href),
            }
        })
        .collect()
}

/// The head's commitments past their date and not done.
fn overdue_actions(ctx: &Ctx) -> Vec<AlertView> {
    commitments::overdue(ctx)
        .into_iter()
        .map(|p| {
            let due = p.action.due().map(|d| ctx.fmt.date(d)).unwrap_or_default();
            let what = p.action.what.trim();
            AlertView {
                severity: AlertSeverity::Warning,
                severity_label: ctx.t().severity(AlertSeverity::Warning),
                text: ctx.say().action_overdue(what, &due),
                href: commitments::checklist_href(ctx, p.month),
            }
        })
        .collect()
}
