//! Who a build is for. The owner's site holds everything; the team's site
//! leaves out what is not for managers' eyes, before any number is computed,
//! so no later stage can leak it (DESIGN.md: the head's word to the owner
//! but its headline, assessment notes, development plans, one-to-ones, owner-only pages and
//! alerts, the control points).

use crate::analytics::Analytics;
use crate::content::{Audience as Marked, Content};

/// The readers of a build.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Audience {
    /// Everything (the default).
    #[default]
    Owner,
    /// The managers: their numbers, the leaderboard, stand-ups and rule pages.
    Team,
}

/// The content a team site is built from.
pub fn for_team(content: &Content) -> Content {
    let mut team = content.clone();
    // A month note is the head's word to the owner; only its one-line
    // headline is for everyone. The team's site says where an explanation
    // exists without showing it.
    for note in &mut team.month_notes {
        let n = &mut note.data;
        n.withheld = n
            .explanations
            .iter()
            .filter(|(_, e)| !e.reason.trim().is_empty() || !e.actions.is_empty())
            .map(|(metric, _)| metric.as_str().to_string())
            .collect();
        n.explanations.clear();
        n.body.clear();
    }
    team.idps.clear();
    team.checklist = None;
    for round in &mut team.assessments {
        round.data.notes.clear();
    }
    // One-to-ones are private unless marked for the team.
    team.one_on_ones
        .retain(|o| o.data.audience == Some(Marked::Team));
    team.pages
        .retain(|p| p.data.audience != Some(Marked::Owner));
    // The sources are kept only for diagnostics; a team build must not carry owner text.
    team.sources = Default::default();
    team
}

/// Drops from computed figures what the team does not see.
pub fn restrict(analytics: &mut Analytics) {
    analytics.alerts.retain(|a| !a.owner_only());
    analytics.checklist.clear();
    analytics.idps.clear();
}
