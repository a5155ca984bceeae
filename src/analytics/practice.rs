//! The practice layer in numbers: stand-up discipline, open requests,
//! development plans measured against the weekly figures, assessment rounds.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::{Figures, Periods};
use crate::calendar::IsoWeek;
use crate::domain::{Department, IdpStatus, Ratio};
use serde::Serialize;

/// One stand-up, counted.
#[derive(Debug, Clone, PartialEq)]
pub struct StandupStats {
    pub date: NaiveDate,
    pub duration_min: Option<u64>,
    pub over_limit: bool,
    pub video: bool,
    /// Managers active that day.
    pub expected: usize,
    pub reported: usize,
    pub absent: usize,
    /// Reports with done, result, goal and how all given.
    pub complete: usize,
    /// Active managers neither reporting nor excused.
    pub missing: Vec<String>,
}

/// A week of stand-ups, as shares (`None` where nothing was counted).
#[derive(Debug, Clone, PartialEq)]
pub struct StandupWeek {
    pub week: IsoWeek,
    pub count: usize,
    pub avg_duration: Option<f64>,
    pub within_limit: Option<f64>,
    pub on_video: Option<f64>,
    /// Reports given / reports expected (active managers, excused ones included in neither).
    pub attendance: Option<f64>,
    /// Complete reports / reports given.
    pub complete: Option<f64>,
}

/// Where a goal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalState {
    /// Measured, and the latest value reaches the target.
    Met,
    /// Measured, and it does not.
    NotMet,
    /// Ticked by hand as done.
    Done,
    /// Ticked by hand as not done yet.
    Todo,
    /// Nothing to measure it by yet.
    Unmeasured,
}

/// A development plan with its goals measured.
#[derive(Debug, Clone, PartialEq)]
pub struct IdpProgress {
    /// The file name without `.md`: the page's slug.
    pub slug: String,
    pub manager: String,
    pub status: IdpStatus,
    pub opened: NaiveDate,
    pub due: NaiveDate,
    pub overdue: bool,
    pub goals: Vec<GoalProgress>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoalProgress {
    pub text: String,
    pub metric: Option<Ratio>,
    pub target: Option<f64>,
    pub done: Option<bool>,
    /// The metric's value for each week with data from the week after the plan opened, oldest first.
    pub weekly: Vec<(IsoWeek, Option<f64>)>,
    /// The latest measured value.
    pub latest: Option<f64>,
    /// Whether the latest value reaches the target.
    pub met: Option<bool>,
}

impl GoalProgress {
    pub fn state(&self) -> GoalState {
        match (self.met, self.done) {
            (Some(true), _) => GoalState::Met,
            (Some(false), _) => GoalState::NotMet,
            (None, Some(true)) => GoalState::Done,
            (None, Some(false)) => GoalState::Todo,
            (None, None) => GoalState::Unmeasured,
        }
    }
}

/// An assessment round: manager → competency → score.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub date: NaiveDate,
    pub scale: u64,
    pub scores: BTreeMap<String, BTreeMap<String, u64>>,
    pub notes: BTreeMap<String, String>,
}

/// One ratio of `Figures`.
pub fn ratio(figures: &Figures, ratio: Ratio) -> Option<f64> {
    match ratio {
        Ratio::ProcessingRate => figures.processing_rate,
        Ratio::ConvLeadMeeting => figures.conv_lead_meeting,
        Ratio::ConvMeetingDeal => figures.conv_meeting_deal,
        Ratio::ConvLeadDeal => figures.conv_lead_deal,
        Ratio::AvgDeal => figures.avg_deal,
        Ratio::Attainment => figures.attainment,
        Ratio::AttainmentDeals => figures.attainment_deals,
    }
}

pub fn standups(department: &Department) -> Vec<StandupStats> {
    let limit = u64::from(department.config.thresholds.standup_max_minutes);
    let mut list: Vec<StandupStats> = department
        .standups
        .iter()
        .map(|s| {
            let date = s.date;
            let active: Vec<&str> = department
                .team
                .managers
                .iter()
                .filter(|m| m.active_on(date))
                .map(|m| m.id())
                .collect();
            let duration = s.duration_min;
            StandupStats {
                date,
                duration_min: duration,
                over_limit: duration.is_some_and(|d| d > limit),
                video: s.video,
                expected: active
                    .iter()
                    .filter(|id| !s.absent.contains_key(**id))
                    .count(),
                reported: s.reports.len(),
                absent: s.absent.len(),
                complete: s
                    .reports
                    .values()
                    .filter(|r| r.missing().is_empty())
                    .count(),
                missing: active
                    .iter()
                    .filter(|id| !s.reports.contains_key(**id) && !s.absent.contains_key(**id))
                    .map(|id| id.to_string())
                    .collect(),
            }
        })
        .collect();
    list.sort_by_key(|s| s.date);
    list.dedup_by_key(|s| s.date);
    list
}

fn share(part: usize, whole: usize) -> Option<f64> {
    super::metrics::ratio(part as f64, whole as f64)
}

pub fn standup_weeks(list: &[StandupStats]) -> Vec<StandupWeek> {
    let mut by_week: BTreeMap<IsoWeek, Vec<&StandupStats>> = BTreeMap::new();
    for s in list {
        by_week.entry(IsoWeek::of(s.date)).or_default().push(s);
    }
    by_week
        .into_iter()
        .map(|(week, days)| {
            let timed: Vec<u64> = days.iter().filter_map(|d| d.duration_min).collect();
            let reported: usize = days.iter().map(|d| d.reported).sum();
            StandupWeek {
                week,
                count: days.len(),
                avg_duration: super::metrics::ratio(
                    timed.iter().sum::<u64>() as f64,
                    timed.len() as f64,
                ),
                within_limit: share(
                    days.iter()
                        .filter(|d| d.duration_min.is_some() && !d.over_limit)
                        .count(),
                    timed.len(),
                ),
                on_video: share(days.iter().filter(|d| d.video).count(), days.len()),
                attendance: share(
                    days.iter().map(|d| d.expected - d.missing.len()).sum(),
                    days.iter().map(|d| d.expected).sum(),
                ),
                complete: share(days.iter().map(|d| d.complete).sum(), reported),
            }
        })
        .collect()
}

/// Each plan with each measured goal's weekly values since the plan opened.
pub fn idps(department: &Department, a: &Periods) -> Vec<IdpProgress> {
    let mut list: Vec<IdpProgress> = department
        .idps
        .iter()
        .map(|p| {
            let manager = p.manager.clone();
            // From the week after the plan opens: the week it opens in was
            // mostly lived before it, and a goal must not be met on day one.
            let from = IsoWeek::of(p.opened).next();
            let goals = p
                .goals
                .iter()
                .map(|g| {
                    let measured = g.metric;
                    let weekly: Vec<(IsoWeek, Option<f64>)> = match measured {
                        Some(r) => a
                            .weeks
                            .iter()
                            .filter(|w| w.week >= from)
                            .filter_map(|w| w.managers.get(&manager).map(|f| (w.week, ratio(f, r))))
                            .collect(),
                        None => Vec::new(),
                    };
                    let latest = weekly.iter().rev().find_map(|(_, v)| *v);
                    let target = g.target;
                    GoalProgress {
                        text: g.text.clone(),
                        metric: measured,
                        target,
                        done: g.done,
                        latest,
                        met: latest.zip(target).map(|(v, t)| v >= t),
                        weekly,
                    }
                })
                .collect();
            IdpProgress {
                slug: p.slug.clone(),
                manager,
                status: p.status,
                opened: p.opened,
                due: p.due,
                overdue: p.status.is_open() && p.due < a.as_of,
                goals,
            }
        })
        .collect();
    // Open plans first, then the newest.
    list.sort_by(|x, y| {
        (!x.status.is_open(), std::cmp::Reverse(x.opened), &x.slug).cmp(&(
            !y.status.is_open(),
            std::cmp::Reverse(y.opened),
            &y.slug,
        ))
    });
    list
}

pub fn rounds(department: &Department) -> Vec<Round> {
    let mut list: Vec<Round> = department
        .assessments
        .iter()
        .map(|a| Round {
            date: a.date,
            scale: a.scale,
            scores: a
                .scores
                .iter()
                .map(|(m, s)| {
                    (
                        m.clone(),
                        // A score not given yet is left out.
                        s.iter()
                            .filter_map(|(c, v)| Some((c.clone(), (*v)?)))
                            .collect(),
                    )
                })
                .collect(),
            notes: a
                .notes
                .iter()
                .map(|(m, n)| (m.clone(), n.clone()))
                .collect(),
        })
        .collect();
    list.sort_by_key(|r| r.date);
    list.dedup_by_key(|r| r.date);
    list
}

/// The stand-ups in the 7 days up to and including `as_of`.
pub fn last_week(list: &[StandupStats], as_of: NaiveDate) -> impl Iterator<Item = &StandupStats> {
    let from = as_of.checked_sub_days(Days::new(6)).unwrap_or(as_of);
    list.iter()
        .filter(move |s| s.date >= from && s.date <= as_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(
        date: &str,
        duration: u64,
        video: bool,
        expected: usize,
        missing: usize,
        reported: usize,
        complete: usize,
    ) -> StandupStats {
        StandupStats {
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
            duration_min: Some(duration),
            over_limit: duration > 20,
            video,
            expected,
            reported,
            absent: 0,
            complete,
            missing: vec!["x".into(); missing],
        }
    }

    #[test]
    fn weekly_shares_by_hand() {
        let list = [
            day("2026-11-23", 18, true, 6, 0, 6, 6),
            day("2026-11-24", 27, true, 6, 0, 6, 5),
            day("2026-11-25", 15, false, 6, 1, 5, 5),
        ];
        let w = &standup_weeks(&list)[0];
        assert_eq!(w.count, 3);
        assert_eq!(w.avg_duration, Some(20.0));
        assert_eq!(w.within_limit, Some(2.0 / 3.0));
        assert_eq!(w.on_video, Some(2.0 / 3.0));
        assert_eq!(w.attendance, Some(17.0 / 18.0));
        assert_eq!(w.complete, Some(16.0 / 17.0));
    }

    #[test]
    fn last_week_is_seven_days_up_to_as_of() {
        let list = [
            day("2026-11-20", 10, true, 1, 0, 1, 1),
            day("2026-11-21", 10, true, 1, 0, 1, 1),
            day("2026-11-27", 10, true, 1, 0, 1, 1),
        ];
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let dates: Vec<String> = last_week(&list, as_of)
            .map(|s| s.date.to_string())
            .collect();
        assert_eq!(dates, ["2026-11-21", "2026-11-27"]);
    }
}
