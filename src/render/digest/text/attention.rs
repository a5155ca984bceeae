//! What needs attention: the plan metrics and managers that lag, with
//! what is being done (the owner's digest), and the alerts raised since the
//! previous period.

use super::super::facts::{Facts, LaggingManagerFacts, LaggingMetricFacts};
use super::super::{Block, Span};
use super::{W, strong, text};
use crate::audience::Audience;
use crate::domain::PlanMetric;
use crate::locale;

/// At most this many lagging managers and new alerts are listed by name.
const MAX_ITEMS: usize = 3;
/// The head's "what we do" is cut to this many characters.
const MAX_ACTIONS: usize = 140;

/// The head's words, on one line and cut short for a phone.
fn short(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX_ACTIONS {
        return flat;
    }
    let cut: String = flat.chars().take(MAX_ACTIONS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ', '—']))
}

/// Who and what lags, and what is being done about it.
pub(super) fn lagging(facts: &Facts, w: &W, out: &mut Vec<Block>) {
    let owner = facts.audience == Audience::Owner;
    let mut items: Vec<Vec<Span>> = facts
        .lagging_metrics
        .iter()
        .map(|m| metric_item(m, w, owner))
        .collect();
    let managers: Vec<&LaggingManagerFacts> = facts.lagging_managers.iter().collect();
    items.extend(
        managers
            .iter()
            .take(MAX_ITEMS)
            .map(|m| manager_item(m, w, owner)),
    );
    if managers.len() > MAX_ITEMS {
        items.push(vec![text(more(w, managers.len() - MAX_ITEMS))]);
    }
    if items.is_empty() {
        out.push(Block::Line(vec![text(w.say.nothing_lags())]));
    } else {
        out.push(Block::List {
            title: vec![strong(w.say.lagging_title())],
            items,
        });
    }
}

fn more(w: &W, n: usize) -> String {
    w.say.more(n)
}

fn metric_item(m: &LaggingMetricFacts, w: &W, owner: bool) -> Vec<Span> {
    let what = w.fmt.words.plan_metric(m.metric);
    let behind = if m.metric == PlanMetric::Revenue {
        w.fmt.money(m.shortfall.max(0.0))
    } else {
        w.deals(locale::format::round_half_up(m.shortfall, 0).max(0.0) as u64)
    };
    let mut line = w.say.metric_lags(what, &w.pct(Some(m.pace)), &behind);
    if owner {
        match &m.actions {
            Some(actions) => line.push_str(&w.say.doing(&short(actions))),
            None if !m.explained => line.push_str(w.say.no_explanation()),
            None => {}
        }
    }
    vec![text(line)]
}

fn manager_item(m: &LaggingManagerFacts, w: &W, owner: bool) -> Vec<Span> {
    let threshold = w.fmt.percent(m.threshold / 100.0, 0);
    let mut line = w.say.manager_lags(
        &m.name,
        &w.pct(m.attainment),
        u64::from(m.weeks),
        &threshold,
    );
    if owner {
        match &m.idp {
            Some((title, due)) => line.push_str(&w.say.idp_until(title, &w.fmt.date(*due))),
            None => line.push_str(w.say.no_idp()),
        }
    }
    vec![text(line)]
}

/// Alerts raised since the previous period (the lagging ones are above).
pub(super) fn alerts(facts: &Facts, w: &W, out: &mut Vec<Block>) {
    let name = |id: &str| {
        facts
            .lagging_managers
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| facts.names.get(id).cloned().unwrap_or_else(|| id.into()))
    };
    let new: Vec<_> = facts
        .new_alerts
        .iter()
        .filter(|a| {
            !matches!(
                a.kind(),
                "manager_lagging_without_idp" | "team_metric_unexplained"
            )
        })
        .collect();
    let since = w.fmt.date(facts.since);
    if new.is_empty() {
        out.push(Block::Line(vec![text(w.say.no_new_alerts(&since))]));
        return;
    }
    let mut items: Vec<Vec<Span>> = new
        .iter()
        .take(MAX_ITEMS)
        .map(|a| vec![text(locale::alert_text(a, w.fmt, &name))])
        .collect();
    if new.len() > MAX_ITEMS {
        items.push(vec![text(more(w, new.len() - MAX_ITEMS))]);
    }
    out.push(Block::List {
        title: vec![strong(w.say.new_since(&since))],
        items,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_of_the_head_are_cut_on_a_word() {
        let long = "word ".repeat(60);
        let cut = short(&long);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= MAX_ACTIONS + 1);
        assert_eq!(short("a\n  b"), "a b");
    }
}
