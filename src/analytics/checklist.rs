//! The department's control points, measured from the content
//! (DESIGN.md, "The control points"). Each point gets a status, the figure
//! behind it and the evidence to link; the wording is made by `i18n`.

use chrono::{Days, Months, NaiveDate};

use super::Analytics;
use crate::calendar::{IsoWeek, YearMonth};
use crate::content::{Content, PageKind, PlanMetric};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Partly,
    NotMet,
    NoData,
}

/// Where the proof of a point lies, for a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evidence {
    Month(YearMonth),
    Week(IsoWeek),
    Standup(NaiveDate),
    Idp(String),
    Page(String),
    Manager(String),
    Standups,
    Team,
    OneOnOnes,
}

/// The numbers a point's sentence is made of.
#[derive(Clone, Debug, PartialEq)]
pub enum Facts {
    /// Team revenue pace of a month.
    Pace { month: YearMonth, pace: f64 },
    /// `part` of `whole` (manager-weeks, managers, metrics…), with who or what is missing.
    Share {
        part: usize,
        whole: usize,
        missing: Vec<String>,
    },
    /// A page of a kind, its date, and the deadline it had.
    Page {
        slug: Option<String>,
        date: Option<NaiveDate>,
        deadline: Option<NaiveDate>,
    },
    /// Training formats used in a month (of the four), with the counts.
    Training {
        month: YearMonth,
        counts: super::TrainingCounts,
    },
    /// Stand-up compliance shares.
    Standups {
        count: usize,
        within: Option<f64>,
        video: Option<f64>,
        complete: Option<f64>,
        limit: u32,
    },
    /// Month-over-month growth of the team's revenue.
    Growth { month: YearMonth, growth: f64 },
    /// Lagging managers with a plan, and closed plans with an outcome.
    Plans {
        lagging: usize,
        lagging_with_plan: usize,
        closed: usize,
        closed_with_outcome: usize,
        missing: Vec<String>,
    },
    /// Nothing in the content to judge by.
    Nothing,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ControlPoint {
    pub id: &'static str,
    /// 1: the head's first two months; 2: month three on.
    pub phase: u8,
    pub status: Status,
    /// The point's main figure (a share, pace or growth), where there is one.
    pub value: Option<f64>,
    pub facts: Facts,
    pub evidence: Vec<Evidence>,
}

/// The ids in DESIGN.md's order, with their phase.
pub const POINTS: [(&str, u8); 12] = [
    ("plan_on_track", 1),
    ("leads_same_day", 1),
    ("vision_written", 1),
    ("all_assessed", 1),
    ("training_formats", 1),
    ("standup_discipline", 1),
    ("plan_decomposed", 1),
    ("chat_rules", 1),
    ("mom_growth", 2),
    ("lag_explained", 2),
    ("idp_for_lagging", 2),
    ("one_on_ones", 2),
];

/// Met / partly / not met for a share against the configured thresholds.
fn judge(share: f64, met: f64, partly: f64) -> Status {
    // A share at the threshold is at it, whatever the last bit of the division says.
    let share = share + 1e-12;
    if share >= met {
        Status::Met
    } else if share >= partly {
        Status::Partly
    } else {
        Status::NotMet
    }
}

/// A share that must be whole to be met ("every active manager").
fn judge_all(part: usize, whole: usize, partly: f64) -> Status {
    if part == whole {
        Status::Met
    } else if part == 0 {
        Status::NotMet
    } else {
        judge(part as f64 / whole as f64, f64::INFINITY, partly)
    }
}

/// A point that every active manager must meet: `missing` are those who do
/// not; the evidence is the overview page, then each missing manager.
fn every_manager(
    id: &'static str,
    phase: u8,
    active: usize,
    missing: Vec<String>,
    overview: Evidence,
    partly: f64,
) -> ControlPoint {
    let part = active - missing.len();
    ControlPoint {
        id,
        phase,
        status: judge_all(part, active, partly),
        value: Some(part as f64 / active as f64),
        evidence: std::iter::once(overview)
            .chain(missing.iter().map(|m| Evidence::Manager(m.clone())))
            .collect(),
        facts: Facts::Share {
            part,
            whole: active,
            missing,
        },
    }
}

fn no_data(id: &'static str, phase: u8) -> ControlPoint {
    ControlPoint {
        id,
        phase,
        status: Status::NoData,
        value: None,
        facts: Facts::Nothing,
        evidence: Vec::new(),
    }
}

/// The head's start date, if `checklist.yaml` gives it.
pub fn started(content: &Content) -> Option<NaiveDate> {
    content
        .checklist
        .as_ref()?
        .data
        .head
        .as_ref()?
        .started
        .map(|d| d.0)
}

/// The date month three begins (two calendar months after the start).
pub fn phase_two_from(content: &Content) -> Option<NaiveDate> {
    started(content).and_then(|s| s.checked_add_months(Months::new(2)))
}

/// Managers active on `day`, by id.
fn active_on(content: &Content, day: NaiveDate) -> Vec<&str> {
    content
        .team
        .managers
        .iter()
        .map(|m| &m.value)
        .filter(|m| m.active_on(day))
        .map(|m| m.id())
        .collect()
}

pub fn measure(content: &Content, a: &Analytics) -> Vec<ControlPoint> {
    let t = &content.config.thresholds;
    let (met, partly) = (t.control_met_pct / 100.0, t.control_partly_pct / 100.0);
    let from = started(content).unwrap_or(NaiveDate::MIN);
    let current = a.current_month.and_then(|m| a.month(m));
    let mut points = Vec::with_capacity(12);

    // 1. The plan is being met: team revenue pace of the current month.
    points.push(
        match current.and_then(|m| m.team.pace.map(|p| (m.month, p))) {
            Some((month, pace)) => ControlPoint {
                id: "plan_on_track",
                phase: 1,
                status: judge(pace, 1.0, t.team_lagging_pct / 100.0),
                value: Some(pace),
                facts: Facts::Pace { month, pace },
                evidence: vec![Evidence::Month(month)],
            },
            None => no_data("plan_on_track", 1),
        },
    );

    // 2. Every lead processed the same day: manager-weeks with nothing left overnight.
    let weeks: Vec<_> = a
        .weeks
        .iter()
        .filter(|w| w.week.sunday() >= from && w.week.monday() <= a.as_of)
        .collect();
    let manager_weeks: usize = weeks.iter().map(|w| w.managers.len()).sum();
    let clean: usize = weeks
        .iter()
        .map(|w| {
            w.managers
                .values()
                .filter(|f| f.leads_overnight == 0)
                .count()
        })
        .sum();
    points.push(if manager_weeks == 0 {
        no_data("leads_same_day", 1)
    } else {
        let share = clean as f64 / manager_weeks as f64;
        ControlPoint {
            id: "leads_same_day",
            phase: 1,
            status: judge(share, met, partly),
            value: Some(share),
            facts: Facts::Share {
                part: clean,
                whole: manager_weeks,
                missing: Vec::new(),
            },
            evidence: weeks
                .iter()
                .rev()
                .filter(|w| w.team.leads_overnight > 0)
                .take(4)
                .map(|w| Evidence::Week(w.week))
                .collect(),
        }
    });

    // 3. The head's vision written within 4 weeks of the start.
    let deadline = started(content).map(|s| s + Days::new(28));
    let visions: Vec<_> = content
        .pages
        .iter()
        .filter(|p| p.data.kind == Some(PageKind::Vision))
        .collect();
    let in_time = visions.iter().find(|p| match (deadline, p.data.date) {
        (Some(deadline), Some(date)) => date.0 <= deadline,
        (None, _) => true,
        (Some(_), None) => false,
    });
    let shown = in_time.or(visions.first());
    points.push(ControlPoint {
        id: "vision_written",
        phase: 1,
        status: match (in_time, visions.is_empty()) {
            (Some(_), _) => Status::Met,
            (None, false) => Status::Partly,
            (None, true) => Status::NotMet,
        },
        value: None,
        facts: Facts::Page {
            slug: shown.map(|p| p.stem().to_string()),
            date: shown.and_then(|p| p.data.date.map(|d| d.0)),
            deadline,
        },
        evidence: shown
            .map(|p| Evidence::Page(p.stem().to_string()))
            .into_iter()
            .collect(),
    });

    // 4. Every active manager assessed (in a round since the start).
    let rounds: Vec<_> = a.rounds.iter().filter(|r| r.date >= from).collect();
    let active = active_on(content, a.as_of);
    points.push(if a.rounds.is_empty() || active.is_empty() {
        no_data("all_assessed", 1)
    } else {
        let missing: Vec<String> = active
            .iter()
            .filter(|id| !rounds.iter().any(|r| r.scores.contains_key(**id)))
            .map(|id| id.to_string())
            .collect();
        every_manager(
            "all_assessed",
            1,
            active.len(),
            missing,
            Evidence::Team,
            partly,
        )
    });

    // 5. Training in several formats, this month.
    let reported = a.current_month.is_some_and(|m| {
        content
            .weeks
            .iter()
            .filter(|w| w.data.week.value.thursday_month() == m)
            .any(|w| {
                w.data
                    .managers
                    .values()
                    .any(|e| e.value.trainings.is_some())
            })
    });
    points.push(match current.filter(|_| reported) {
        Some(m) => {
            let counts = m.team_totals.trainings;
            let used = counts.formats_used();
            ControlPoint {
                id: "training_formats",
                phase: 1,
                status: match used {
                    4 => Status::Met,
                    2 | 3 => Status::Partly,
                    _ => Status::NotMet,
                },
                value: Some(used as f64 / 4.0),
                facts: Facts::Training {
                    month: m.month,
                    counts,
                },
                evidence: vec![Evidence::Month(m.month)],
            }
        }
        None => no_data("training_formats", 1),
    });

    // 6. Stand-ups: within the limit, on video, everyone in the format.
    let days: Vec<_> = a
        .standups
        .iter()
        .filter(|s| s.date >= from && s.date <= a.as_of)
        .collect();
    points.push(if days.is_empty() {
        no_data("standup_discipline", 1)
    } else {
        let timed: Vec<_> = days.iter().filter(|d| d.duration_min.is_some()).collect();
        let share = |p: usize, w: usize| super::metrics::ratio(p as f64, w as f64);
        let within = share(timed.iter().filter(|d| !d.over_limit).count(), timed.len());
        let video = share(days.iter().filter(|d| d.video).count(), days.len());
        let complete = share(
            days.iter().map(|d| d.complete).sum(),
            days.iter().map(|d| d.expected).sum(),
        );
        let lowest = [within, video, complete]
            .into_iter()
            .flatten()
            .fold(f64::INFINITY, f64::min);
        ControlPoint {
            id: "standup_discipline",
            phase: 1,
            status: judge(lowest, met, partly),
            value: Some(lowest),
            facts: Facts::Standups {
                count: days.len(),
                within,
                video,
                complete,
                limit: t.standup_max_minutes,
            },
            evidence: std::iter::once(Evidence::Standups)
                .chain(
                    days.iter()
                        .rev()
                        .filter(|d| {
                            d.over_limit
                                || !d.video
                                || !d.missing.is_empty()
                                || d.complete < d.reported
                        })
                        .take(4)
                        .map(|d| Evidence::Standup(d.date)),
                )
                .collect(),
        }
    });

    // 7. Plans per manager this month (decomposition needs them).
    points.push(match a.current_month {
        Some(month) => {
            let day = a.as_of.min(month.last_day());
            let active = active_on(content, day);
            let plan = a.plans.get(&month);
            let missing: Vec<String> = active
                .iter()
                .filter(|id| plan.is_none_or(|p| p.manager(id).revenue.is_none()))
                .map(|id| id.to_string())
                .collect();
            let part = active.len() - missing.len();
            if active.is_empty() {
                no_data("plan_decomposed", 1)
            } else {
                ControlPoint {
                    id: "plan_decomposed",
                    phase: 1,
                    status: judge_all(part, active.len(), f64::MIN_POSITIVE),
                    value: Some(part as f64 / active.len() as f64),
                    facts: Facts::Share {
                        part,
                        whole: active.len(),
                        missing,
                    },
                    evidence: vec![Evidence::Month(month)],
                }
            }
        }
        None => no_data("plan_decomposed", 1),
    });

    // 8. Chat rules written.
    let rules = content
        .pages
        .iter()
        .find(|p| p.data.kind == Some(PageKind::ChatRules));
    points.push(ControlPoint {
        id: "chat_rules",
        phase: 1,
        status: if rules.is_some() {
            Status::Met
        } else {
            Status::NotMet
        },
        value: None,
        facts: Facts::Page {
            slug: rules.map(|p| p.stem().to_string()),
            date: rules.and_then(|p| p.data.date.map(|d| d.0)),
            deadline: None,
        },
        evidence: rules
            .map(|p| Evidence::Page(p.stem().to_string()))
            .into_iter()
            .collect(),
    });

    // 9. Month-over-month growth.
    points.push(
        match current.and_then(|m| m.team.mom_growth.map(|g| (m.month, g))) {
            Some((month, growth)) => ControlPoint {
                id: "mom_growth",
                phase: 2,
                status: if growth > 0.0 {
                    Status::Met
                } else if growth >= -0.05 - 1e-12 {
                    // −5 % exactly (1900 against 2000) must not fall to rounding.
                    Status::Partly
                } else {
                    Status::NotMet
                },
                value: Some(growth),
                facts: Facts::Growth { month, growth },
                evidence: vec![Evidence::Month(month)],
            },
            None => no_data("mom_growth", 2),
        },
    );

    // 10. Every lagging metric explained to the owner, month by month since the start.
    let limit = t.team_lagging_pct / 100.0;
    let mut lagging = Vec::new();
    for m in a
        .months
        .iter()
        .filter(|m| m.month.last_day() >= from && Some(m.month) <= a.current_month)
    {
        for (metric, pace) in [
            (PlanMetric::Revenue, m.team.pace),
            (PlanMetric::Deals, m.team.pace_deals),
        ] {
            if pace.is_some_and(|p| p < limit) {
                lagging.push((
                    m.month,
                    metric,
                    super::explanation(content, Some(m.month), metric).is_some(),
                ));
            }
        }
    }
    points.push(if lagging.is_empty() {
        no_data("lag_explained", 2)
    } else {
        let part = lagging.iter().filter(|(_, _, ok)| *ok).count();
        ControlPoint {
            id: "lag_explained",
            phase: 2,
            status: judge_all(part, lagging.len(), f64::MIN_POSITIVE),
            value: Some(part as f64 / lagging.len() as f64),
            facts: Facts::Share {
                part,
                whole: lagging.len(),
                missing: lagging
                    .iter()
                    .filter(|(_, _, ok)| !ok)
                    .map(|(m, metric, _)| format!("{m} {}", metric.name()))
                    .collect(),
            },
            evidence: {
                let mut months: Vec<YearMonth> = lagging.iter().map(|(m, _, _)| *m).collect();
                months.dedup();
                months.into_iter().map(Evidence::Month).collect()
            },
        }
    });

    // 11. A plan for every lagging manager; closed plans with an outcome.
    let lagging_ids: Vec<&str> = a.lagging_managers.iter().map(|l| l.id.as_str()).collect();
    let with_plan: Vec<&str> = lagging_ids
        .iter()
        .copied()
        .filter(|id| {
            a.idps
                .iter()
                .any(|p| p.manager == *id && p.status.is_open())
        })
        .collect();
    let closed: Vec<_> = content
        .idps
        .iter()
        .filter(|d| !d.data.status.is_open())
        .collect();
    let closed_ok = closed
        .iter()
        .filter(|d| !d.data.outcome.trim().is_empty())
        .count();
    points.push(if lagging_ids.is_empty() && closed.is_empty() {
        no_data("idp_for_lagging", 2)
    } else {
        let whole = lagging_ids.len() + closed.len();
        let part = with_plan.len() + closed_ok;
        ControlPoint {
            id: "idp_for_lagging",
            phase: 2,
            status: judge_all(part, whole, f64::MIN_POSITIVE),
            value: Some(part as f64 / whole as f64),
            facts: Facts::Plans {
                lagging: lagging_ids.len(),
                lagging_with_plan: with_plan.len(),
                closed: closed.len(),
                closed_with_outcome: closed_ok,
                missing: lagging_ids
                    .iter()
                    .filter(|id| !with_plan.contains(id))
                    .map(|id| id.to_string())
                    .collect(),
            },
            evidence: a
                .idps
                .iter()
                .filter(|p| lagging_ids.contains(&p.manager.as_str()) || !p.status.is_open())
                .map(|p| Evidence::Idp(p.slug.clone()))
                .collect(),
        }
    });

    // 12. One-to-ones with every active manager in the last N weeks.
    let overdue = one_on_ones_overdue(content, a.as_of);
    points.push(match overdue {
        None => no_data("one_on_ones", 2),
        Some(_) if active.is_empty() => no_data("one_on_ones", 2),
        Some(missing) => every_manager(
            "one_on_ones",
            2,
            active.len(),
            missing,
            Evidence::OneOnOnes,
            partly,
        ),
    });
    points
}

/// Active managers without a one-to-one in the last `one_on_one_weeks`
/// weeks up to `as_of`; `None` while the department records none at all.
pub fn one_on_ones_overdue(content: &Content, as_of: NaiveDate) -> Option<Vec<String>> {
    if content.one_on_ones.is_empty() {
        return None;
    }
    let weeks = u64::from(content.config.thresholds.one_on_one_weeks);
    let from = as_of - Days::new(weeks * 7 - 1);
    Some(
        active_on(content, as_of)
            .into_iter()
            .filter(|id| {
                !content.one_on_ones.iter().any(|o| {
                    o.data.manager.value == *id
                        && o.data.date.value.0 >= from
                        && o.data.date.value.0 <= as_of
                })
            })
            .map(str::to_string)
            .collect(),
    )
}

/// The latest one-to-one per manager, for the one-to-ones page.
pub fn latest_one_on_one(content: &Content, manager: &str) -> Option<NaiveDate> {
    content
        .one_on_ones
        .iter()
        .filter(|o| o.data.manager.value == manager)
        .map(|o| o.data.date.value.0)
        .max()
}

#[cfg(test)]
mod tests {
    use super::Status::{Met, NoData, NotMet, Partly};
    use super::*;
    use crate::analytics::compute;
    use crate::analytics::testkit::{date, site, week, week_with};

    fn point(files: &[(String, String)], as_of: &str, id: &str) -> ControlPoint {
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let a = compute(&site(&refs), date(as_of));
        a.checklist.into_iter().find(|p| p.id == id).unwrap()
    }

    fn file(path: &str, text: &str) -> (String, String) {
        (path.to_string(), text.to_string())
    }

    fn nov_targets(a: u32, b: u32) -> (String, String) {
        file(
            "content/targets/2026-11.yaml",
            &format!(
                "month: 2026-11\nmanagers:\n  a: {{ revenue: {a}, deals: 4 }}\n  b: {{ revenue: {b}, deals: 4 }}\n"
            ),
        )
    }

    #[test]
    fn all_twelve_points_in_order() {
        let a = compute(&site(&[]), date("2026-11-20"));
        let ids: Vec<&str> = a.checklist.iter().map(|p| p.id).collect();
        assert_eq!(ids, POINTS.map(|(id, _)| id));
        assert!(a.checklist.iter().all(|p| p.phase
            == if p.id == "mom_growth"
                || p.id == "lag_explained"
                || p.id == "idp_for_lagging"
                || p.id == "one_on_ones"
            {
                2
            } else {
                1
            }));
    }

    #[test]
    fn plan_on_track_by_pace() {
        // 5 of November's 21 working days (no holidays); plan 8400 → plan to date 2000.
        let status = |b: u32| {
            point(
                &[week("2026-W45", 1000, b), nov_targets(4200, 4200)],
                "2026-11-06",
                "plan_on_track",
            )
        };
        assert_eq!(status(1000).status, Met); // 100 %
        assert_eq!(status(800).status, Partly); // exactly 90 %
        let p = status(799);
        assert_eq!((p.status, p.value), (NotMet, Some(1799.0 / 2000.0)));
        assert_eq!(
            point(
                &[week("2026-W45", 1000, 1000)],
                "2026-11-06",
                "plan_on_track"
            )
            .status,
            NoData
        );
    }

    #[test]
    fn leads_same_day_by_share_of_manager_weeks() {
        let weeks = |dirty: usize| -> Vec<(String, String)> {
            ["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"]
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    week_with(w, 1, 1, u32::from(i < dirty), u32::from(i + 5 < dirty), "")
                })
                .collect()
        };
        let status = |dirty| point(&weeks(dirty), "2026-12-06", "leads_same_day");
        assert_eq!(status(1).status, Met); // 9 of 10 = 90 %
        assert_eq!(status(2).status, Partly); // 80 %
        assert_eq!(status(3).status, Partly); // 70 %, the partly boundary
        let p = status(4);
        assert_eq!((p.status, p.value), (NotMet, Some(0.6)));
        assert_eq!(
            p.facts,
            Facts::Share {
                part: 6,
                whole: 10,
                missing: vec![]
            }
        );
        assert_eq!(point(&[], "2026-12-06", "leads_same_day").status, NoData);
    }

    fn started_on(day: &str) -> (String, String) {
        file(
            "content/checklist.yaml",
            &format!("head: {{ name: H, started: {day} }}\n"),
        )
    }

    #[test]
    fn vision_within_four_weeks() {
        let vision = |day: &str| {
            file(
                "content/pages/vision.md",
                &format!("---\ntitle: V\nkind: vision\ndate: {day}\n---\nText\n"),
            )
        };
        let at = |files: &[(String, String)]| point(files, "2026-11-20", "vision_written").status;
        assert_eq!(at(&[started_on("2026-09-01"), vision("2026-09-29")]), Met); // day 28
        assert_eq!(
            at(&[started_on("2026-09-01"), vision("2026-09-30")]),
            Partly
        ); // late
        assert_eq!(at(&[started_on("2026-09-01")]), NotMet);
        assert_eq!(
            at(&[vision("2026-12-01")]),
            Met,
            "without a start date any vision counts"
        );
    }

    #[test]
    fn all_assessed_needs_every_active_manager() {
        let round = |scores: &str| {
            file(
                "content/assessments/2026-11-10.yaml",
                &format!("date: 2026-11-10\nscale: 5\nscores:\n{scores}"),
            )
        };
        let at = |files: &[(String, String)]| point(files, "2026-11-20", "all_assessed");
        assert_eq!(at(&[round("  a: { x: 3 }\n  b: { x: 4 }\n")]).status, Met);
        let p = at(&[round("  a: { x: 3 }\n")]);
        assert_eq!(p.status, NotMet); // 1 of 2 = 50 % < 70 %
        assert_eq!(
            p.facts,
            Facts::Share {
                part: 1,
                whole: 2,
                missing: vec!["b".into()]
            }
        );
        assert_eq!(at(&[]).status, NoData);
    }

    #[test]
    fn training_formats_this_month() {
        let at = |t: &str| {
            point(
                &[week_with("2026-W45", 1, 1, 0, 0, t)],
                "2026-11-06",
                "training_formats",
            )
            .status
        };
        assert_eq!(
            at("{ call_reviews: 1, case_reviews: 1, trainings: 1, roleplays: 1 }"),
            Met
        );
        assert_eq!(at("{ call_reviews: 2, case_reviews: 1 }"), Partly);
        assert_eq!(at("{ call_reviews: 3 }"), NotMet);
        assert_eq!(at(""), NoData);
    }

    fn standups(long: usize) -> Vec<(String, String)> {
        (0..10)
            .map(|i| {
                let day = date("2026-11-02") + Days::new(i as u64);
                let minutes = if i < long { 25 } else { 15 };
                file(
                    &format!("content/standups/{day}.md"),
                    &format!("---\ndate: {day}\nduration_min: {minutes}\nreports:\n  a: {{ done: x, result: x, goal: x, how: x }}\n  b: {{ done: x, result: x, goal: x, how: x }}\n---\n"),
                )
            })
            .collect()
    }

    #[test]
    fn standup_discipline_by_its_lowest_share() {
        let at = |long| point(&standups(long), "2026-11-12", "standup_discipline");
        assert_eq!(at(1).status, Met); // 90 % within the limit
        assert_eq!(at(3).status, Partly); // 70 %
        let p = at(4);
        assert_eq!((p.status, p.value), (NotMet, Some(0.6)));
        assert_eq!(
            point(&[], "2026-11-12", "standup_discipline").status,
            NoData
        );
    }

    #[test]
    fn plan_decomposed_for_every_active_manager() {
        let only_a = file(
            "content/targets/2026-11.yaml",
            "month: 2026-11\nmanagers:\n  a: { revenue: 1 }\n",
        );
        let w = week("2026-W45", 1, 1);
        assert_eq!(
            point(
                &[w.clone(), nov_targets(1, 1)],
                "2026-11-06",
                "plan_decomposed"
            )
            .status,
            Met
        );
        assert_eq!(
            point(&[w.clone(), only_a], "2026-11-06", "plan_decomposed").status,
            Partly
        );
        assert_eq!(point(&[w], "2026-11-06", "plan_decomposed").status, NotMet);
        assert_eq!(point(&[], "2026-11-06", "plan_decomposed").status, NoData);
    }

    #[test]
    fn chat_rules_page() {
        let rules = file(
            "content/pages/chat.md",
            "---\ntitle: Chats\nkind: chat-rules\n---\n",
        );
        assert_eq!(point(&[rules], "2026-11-06", "chat_rules").status, Met);
        assert_eq!(point(&[], "2026-11-06", "chat_rules").status, NotMet);
    }

    #[test]
    fn mom_growth_like_for_like() {
        // Per working day with data: November's first 5 days against
        // October's 5 with data (W41: 2000).
        let at = |a: u32| {
            point(
                &[week("2026-W41", 1000, 1000), week("2026-W45", a, 1000)],
                "2026-11-06",
                "mom_growth",
            )
        };
        assert_eq!(at(1100).status, Met); // +5 %
        assert_eq!(at(1000).status, Partly); // flat
        assert_eq!(at(900).status, Partly); // −5 %, the boundary
        let p = at(899);
        assert_eq!(p.status, NotMet);
        assert!((p.value.unwrap() + 0.0505).abs() < 1e-12);
        assert_eq!(
            point(&[week("2026-W45", 1, 1)], "2026-11-06", "mom_growth").status,
            NoData
        );
    }

    #[test]
    fn lag_explained_metric_by_metric() {
        // Revenue 500 of a plan-to-date 2000 and deals 3 of 2 → only revenue lags.
        let base = vec![week("2026-W45", 250, 250), nov_targets(4000, 4000)];
        let note = |body: &str| {
            file(
                "content/months/2026-11.md",
                &format!("---\nmonth: 2026-11\nexplanations:\n{body}---\n"),
            )
        };
        let at = |extra: Vec<(String, String)>| {
            let mut files = base.clone();
            files.extend(extra);
            point(&files, "2026-11-06", "lag_explained")
        };
        assert_eq!(at(vec![note("  revenue: { reason: r }\n")]).status, Met);
        let p = at(vec![]);
        assert_eq!(p.status, NotMet);
        assert_eq!(
            p.facts,
            Facts::Share {
                part: 0,
                whole: 1,
                missing: vec!["2026-11 revenue".into()]
            }
        );
        assert_eq!(
            point(
                &[week("2026-W45", 1000, 1000), nov_targets(4000, 4000)],
                "2026-11-06",
                "lag_explained"
            )
            .status,
            NoData
        );
    }

    #[test]
    fn idp_for_lagging_and_closed_outcomes() {
        // b: 100 of a weekly 1000 two weeks running → lagging.
        let base = vec![
            week("2026-W45", 1000, 100),
            week("2026-W46", 1000, 100),
            nov_targets(4000, 4000),
        ];
        let idp = |status: &str, outcome: &str| {
            file(
                "content/idp/b-2026-11.md",
                &format!(
                    "---\nmanager: b\ntitle: T\nopened: 2026-11-09\ndue: 2026-12-01\nstatus: {status}\noutcome: \"{outcome}\"\n---\n"
                ),
            )
        };
        let at = |extra: Vec<(String, String)>| {
            let mut files = base.clone();
            files.extend(extra);
            point(&files, "2026-11-13", "idp_for_lagging").status
        };
        assert_eq!(at(vec![idp("active", "")]), Met);
        assert_eq!(at(vec![]), NotMet);
        // Closed without an outcome, and b still lagging with no open plan: 0 of 2.
        assert_eq!(at(vec![idp("completed", "")]), NotMet);
        let calm = vec![week("2026-W45", 1000, 1000), nov_targets(4000, 4000)];
        let mut with_closed = calm.clone();
        with_closed.push(idp("completed", "kept"));
        assert_eq!(
            point(&with_closed, "2026-11-06", "idp_for_lagging").status,
            Met
        );
        assert_eq!(point(&calm, "2026-11-06", "idp_for_lagging").status, NoData);
    }

    #[test]
    fn one_on_ones_in_the_last_four_weeks() {
        let talk = |day: &str, who: &str| {
            file(
                &format!("content/one-on-ones/{day}-{who}.md"),
                &format!("---\nmanager: {who}\ndate: {day}\n---\n"),
            )
        };
        let at = |files: &[(String, String)]| point(files, "2026-11-28", "one_on_ones");
        // 2026-11-01 is 27 days before the 28th: inside 4 weeks; 2026-10-31 is not.
        assert_eq!(
            at(&[talk("2026-11-20", "a"), talk("2026-11-01", "b")]).status,
            Met
        );
        let p = at(&[talk("2026-11-20", "a"), talk("2026-10-31", "b")]);
        assert_eq!(p.status, NotMet); // 1 of 2
        assert_eq!(
            p.facts,
            Facts::Share {
                part: 1,
                whole: 2,
                missing: vec!["b".into()]
            }
        );
        assert_eq!(at(&[]).status, NoData);
        // The alert follows the same rule.
        let refs = [talk("2026-11-20", "a"), talk("2026-10-31", "b")];
        let refs: Vec<(&str, &str)> = refs.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        let a = compute(&site(&refs), date("2026-11-28"));
        assert!(
            a.alerts
                .iter()
                .any(|al| al.kind() == "one_on_one_overdue" && al.subject() == "b")
        );
    }
}
