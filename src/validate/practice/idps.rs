//! Checks of a development plan (`idp/`): its manager and file name, its
//! dates, and each goal's metric and target.

use serde_saphyr::Spanned;

use super::{known_manager_value, name_agrees};
use crate::calendar::YearMonth;
use crate::content::{Content, Doc, Ratio};
use crate::diagnostic::Diagnostic;
use crate::problem::Suggestion;
use crate::problem::practice::{Idps, NamedBy};
use crate::validate::Roster;

pub(super) fn check(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    for doc in &content.idps {
        let p = &doc.data;
        if known_manager_value(content, roster, doc, &p.manager, out) {
            let expected = format!("{}-{}", p.manager.value, YearMonth::of(p.opened.value.0));
            name_agrees(
                doc,
                &p.manager,
                &expected,
                NamedBy::ManagerAndOpened,
                "idp",
                out,
            );
        }
        if p.due.value < p.opened.value {
            out.push(doc.error_at(
                &p.due,
                Idps::DueBeforeOpened {
                    due: p.due.value.0.to_string(),
                    opened: p.opened.value.0.to_string(),
                },
            ));
        }
        for goal in &p.goals {
            let g = &goal.value;
            if let Some(metric) = &g.metric {
                let names = Ratio::ALL.map(Ratio::name);
                if Ratio::from_name(&metric.value).is_none() {
                    out.push(
                        doc.error_at(
                            metric,
                            Idps::UnknownGoalMetric {
                                metric: metric.value.clone(),
                                fix: Suggestion::of(&metric.value, names),
                            },
                        )
                        .width(metric.value.chars().count()),
                    );
                }
                let ratio = Ratio::from_name(&metric.value);
                if let (Some(ratio), Some(target)) = (ratio, &g.target) {
                    implausible_target(doc, ratio, target, out);
                }
                if g.target.is_none() {
                    out.push(doc.error_at(goal, Idps::GoalWithoutTarget));
                }
            } else if g.target.is_some() {
                out.push(doc.error_at(
                    goal,
                    Idps::GoalWithoutMetric {
                        metrics: Ratio::ALL.map(|r| r.name().to_string()).to_vec(),
                    },
                ));
            }
        }
    }
}

/// A target above what the ratio plausibly reaches: 35 typed for 0.35.
fn implausible_target<T>(
    doc: &Doc<T>,
    ratio: Ratio,
    target: &Spanned<f64>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(max) = ratio.plausible_max() else {
        return;
    };
    let t = target.value;
    if t > max {
        out.push(doc.warning_at(
            target,
            Idps::TargetAsPercent {
                target: t.to_string(),
                metric: ratio.name().to_string(),
                percent: (t * 100.0).to_string(),
                fraction: (t / 100.0).to_string(),
            },
        ));
    }
}
