//! Monthly plans from `targets/`, and the team plan when the owner gave none.

use std::collections::BTreeMap;

use super::metrics::PlanFigures;
use crate::calendar::YearMonth;
use crate::domain::{Plan, Targets};

/// One month's plan: the team's and each planned manager's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MonthPlan {
    pub team: PlanFigures,
    pub managers: BTreeMap<String, PlanFigures>,
}

impl MonthPlan {
    /// A manager with no line in the targets file has no plan that month.
    pub fn manager(&self, id: &str) -> PlanFigures {
        self.managers.get(id).copied().unwrap_or_default()
    }
}

fn figures(plan: &Plan) -> PlanFigures {
    PlanFigures {
        revenue: plan.revenue.map(|r| r.0),
        deals: plan.deals.map(|d| d.0 as f64),
    }
}

/// The plan of one targets file. Team = `team` where given, else the sum over
/// every manager in the file, part by part.
pub fn month_plan(targets: &Targets) -> MonthPlan {
    let managers: BTreeMap<String, PlanFigures> = targets
        .managers
        .iter()
        .map(|(id, plan)| (id.clone(), figures(plan)))
        .collect();
    let sum = |part: fn(&PlanFigures) -> Option<f64>| {
        let parts: Vec<f64> = managers.values().filter_map(part).collect();
        (!parts.is_empty()).then(|| parts.iter().sum())
    };
    let given = targets.team.as_ref().map(figures).unwrap_or_default();
    MonthPlan {
        team: PlanFigures {
            revenue: given.revenue.or_else(|| sum(|p| p.revenue)),
            deals: given.deals.or_else(|| sum(|p| p.deals)),
        },
        managers,
    }
}

/// Plans by month; the first file wins where two name the same month (an error anyway).
pub fn monthly<'a>(
    targets: impl IntoIterator<Item = &'a Targets>,
) -> BTreeMap<YearMonth, MonthPlan> {
    let mut plans = BTreeMap::new();
    for t in targets {
        plans.entry(t.month).or_insert_with(|| month_plan(t));
    }
    plans
}
