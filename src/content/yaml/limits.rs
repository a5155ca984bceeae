//! Our safety limits on a YAML file (docs/limits.md), told to the reader
//! the same way whichever of serde-saphyr's budgets or the scanner's
//! nesting limit caught the file.

use serde_saphyr::budget::BudgetBreach;

use super::explain::Explained;
use super::spot::Spot;
use crate::problem::{Limit, Yaml};

/// Budgets we do not set ourselves (events, scalar bytes, …) are all
/// about size: the reader is told the file has too many values.
pub(super) trait OfBreach {
    fn of(breach: &BudgetBreach) -> Self;
}

impl OfBreach for Limit {
    fn of(breach: &BudgetBreach) -> Self {
        match breach {
            BudgetBreach::Depth { .. } | BudgetBreach::InclusionDepth { .. } => Limit::Depth,
            BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => Limit::Aliases,
            _ => Limit::Nodes,
        }
    }
}

pub(super) fn too_big(limit: Limit, spot: &Spot) -> Explained {
    let mut e = Explained::new(Yaml::TooBig(limit));
    if limit == Limit::Aliases {
        // The replay stops somewhere inside an anchor; the first alias is
        // what the reader can act on.
        e.position = spot.first_alias().or(spot.position);
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_budget_is_one_of_our_limits() {
        for (breach, limit) in [
            (BudgetBreach::Depth { depth: 33 }, Limit::Depth),
            (BudgetBreach::InclusionDepth { depth: 3 }, Limit::Depth),
            (BudgetBreach::Aliases { aliases: 101 }, Limit::Aliases),
            (
                BudgetBreach::AliasAnchorRatio {
                    aliases: 500,
                    anchors: 1,
                },
                Limit::Aliases,
            ),
            (BudgetBreach::Nodes { nodes: 200_001 }, Limit::Nodes),
            (BudgetBreach::Events { events: 1 }, Limit::Nodes),
        ] {
            assert_eq!(Limit::of(&breach), limit, "{breach:?}");
        }
    }
}
