//! Checks of an assessment round: one per day, the managers known, every
//! score on the scale, every competency declared in config.yaml.

use std::collections::BTreeMap;

use super::{known_manager, name_agrees, once};
use crate::content::value::Key;
use crate::content::{Assessment, Content, Doc};
use crate::diagnostic::{Diagnostic, closest};
use crate::problem::practice::{Assessments, NamedBy, Once};
use crate::validate::Roster;

pub(super) fn check(content: &Content, roster: &Roster, out: &mut Vec<Diagnostic>) {
    let competencies: Vec<&str> = content
        .config
        .competencies
        .iter()
        .map(|c| c.value.key.as_str())
        .collect();
    let mut seen = BTreeMap::new();
    // Each competency config.yaml lacks: where it is first used, and how often.
    let mut unknown: BTreeMap<&str, (&Doc<Assessment>, &Key, usize)> = BTreeMap::new();
    for doc in &content.assessments {
        let a = &doc.data;
        let date = a.date.value.0;
        name_agrees(
            doc,
            &a.date,
            &date.to_string(),
            NamedBy::Date,
            "assessments",
            out,
        );
        once(
            &mut seen,
            date,
            doc,
            &a.date,
            Once::Assessment(date.to_string()),
            out,
        );
        let scale = a.scale.value.0;
        if scale == 0 {
            out.push(doc.error_at(&a.scale, Assessments::ScaleZero));
        }
        for (manager, scores) in &a.scores {
            known_manager(content, roster, doc, manager, out);
            let empty: Vec<&str> = scores
                .iter()
                .filter(|(_, s)| s.value.is_none())
                .map(|(c, _)| c.as_str())
                .collect();
            if !empty.is_empty() {
                out.push(doc.key_warning(
                    manager,
                    Assessments::NoScoreYet {
                        id: manager.to_string(),
                        competencies: empty.iter().map(|c| c.to_string()).collect(),
                        scale,
                    },
                ));
            }
            for (competency, score) in scores {
                if !competencies.contains(&competency.as_str()) {
                    unknown
                        .entry(competency.as_str())
                        .or_insert((doc, competency, 0))
                        .2 += 1;
                }
                let Some(value) = score.value else {
                    continue;
                };
                if scale > 0 && !(1..=scale).contains(&value.0) {
                    out.push(doc.error_at(
                        score,
                        Assessments::ScoreOutside {
                            score: value.0,
                            scale,
                        },
                    ));
                }
            }
        }
        for manager in a.notes.keys() {
            known_manager(content, roster, doc, manager, out);
        }
    }
    // With config.yaml broken, its competencies are unknown, not missing.
    if !content.failed.contains(crate::content::CONFIG_PATH) {
        unknown_competencies(&competencies, unknown, out);
    }
}

/// One error per competency config.yaml lacks, however many scores use it
/// (a round of six managers is otherwise six errors for one missing line);
/// one for them all when config.yaml declares none.
fn unknown_competencies(
    declared: &[&str],
    unknown: BTreeMap<&str, (&Doc<Assessment>, &Key, usize)>,
    out: &mut Vec<Diagnostic>,
) {
    if declared.is_empty() && unknown.len() > 1 {
        let (doc, key, _) = unknown
            .values()
            .min_by_key(|(d, k, _)| (&d.path, k.position()))
            .expect("not empty");
        let names: Vec<String> = unknown.keys().map(|k| k.to_string()).collect();
        let total = unknown.values().map(|(_, _, n)| n).sum();
        out.push(doc.key_error(
            key,
            Assessments::NoCompetencies {
                first: key.to_string(),
                names,
                uses: total,
            },
        ));
        return;
    }
    for (name, (doc, key, count)) in unknown {
        out.push(doc.key_error(
            key,
            Assessments::UnknownCompetency {
                name: name.to_string(),
                uses: count,
                close: closest(name, declared.iter().copied()).map(str::to_string),
            },
        ));
    }
}
