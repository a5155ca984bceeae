//! Who a build is for. The owner's site holds everything; the team's site
//! leaves out what is not for managers' eyes, before any number is computed,
//! so no later stage can leak it (DESIGN.md: the head's word to the owner
//! but its headline, assessment notes, development plans, one-to-ones, owner-only pages and
//! alerts, the control points).

use crate::analytics::Analytics;
use crate::domain::{Audience as Marked, Department};

/// The readers of a build.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Audience {
    /// Everything (the default).
    #[default]
    Owner,
    /// The managers: their numbers, the leaderboard, stand-ups and rule pages.
    Team,
}

/// The department as a team site shows it.
pub fn for_team(department: &Department) -> Department {
    let mut team = department.clone();
    // A month note is the head's word to the owner; only its one-line
    // headline is for everyone. The team's site says where an explanation
    // exists without showing it.
    for n in &mut team.month_notes {
        n.withheld = n
            .explanations
            .iter()
            .filter(|(_, e)| !e.reason.trim().is_empty() || !e.actions.is_empty())
            .map(|(metric, _)| metric.clone())
            .collect();
        n.explanations.clear();
        n.body.clear();
    }
    team.idps.clear();
    team.checklist = None;
    for round in &mut team.assessments {
        round.notes.clear();
    }
    // One-to-ones are private unless marked for the team.
    team.one_on_ones
        .retain(|o| o.audience == Some(Marked::Team));
    team.pages.retain(|p| p.audience != Some(Marked::Owner));
    team
}

/// Drops from computed figures what the team does not see.
pub fn restrict(analytics: &mut Analytics) {
    analytics.alerts.retain(|a| !a.owner_only());
    analytics.checklist.clear();
    analytics.idps.clear();
}
