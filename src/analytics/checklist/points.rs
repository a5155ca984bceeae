//! How each control point is measured: one method per point, each reading
//! the content and the computed figures since the head started.

use chrono::{Days, NaiveDate};

use super::{
    ControlPoint, Evidence, Facts, Point, Status, active_on, every_manager, judge, judge_all,
    no_data, one_on_ones_overdue, started,
};
use crate::analytics::{Judged, MonthStats};
use crate::calendar::YearMonth;
use crate::domain::{Department, PageKind, PlanMetric};

/// What every point is judged with.
pub(super) struct Judge<'a> {
    department: &'a Department,
    a: &'a Judged<'a>,
    /// A share at or above this is met…
    met: f64,
    /// …and at or above this partly met.
    partly: f64,
    /// The head's start: what happened before is not theirs to answer for.
    from: NaiveDate,
    current: Option<&'a MonthStats>,
    /// Managers active on `--as-of`.
    active: Vec<&'a str>,
}

impl<'a> Judge<'a> {
    pub(super) fn new(department: &'a Department, a: &'a Judged<'a>) -> Self {
        let t = &department.config.thresholds;
        Self {
            department,
            a,
            met: t.control_met_pct / 100.0,
            partly: t.control_partly_pct / 100.0,
            from: started(department).unwrap_or(NaiveDate::MIN),
            current: a.current_month.and_then(|m| a.month(m)),
            active: active_on(department, a.as_of),
        }
    }

    pub(super) fn measure(&self, point: Point) -> ControlPoint {
        match point {
            Point::PlanOnTrack => self.plan_on_track(),
            Point::LeadsSameDay => self.leads_same_day(),
            Point::VisionWritten => self.vision_written(),
            Point::AllAssessed => self.all_assessed(),
            Point::TrainingFormats => self.training_formats(),
            Point::StandupDiscipline => self.standup_discipline(),
            Point::PlanDecomposed => self.plan_decomposed(),
            Point::ChatRules => self.chat_rules(),
            Point::MomGrowth => self.mom_growth(),
            Point::LagExplained => self.lag_explained(),
            Point::IdpForLagging => self.idp_for_lagging(),
            Point::OneOnOnes => self.one_on_ones(),
        }
    }

    /// The plan is being met: team revenue pace of the current month.
    fn plan_on_track(&self) -> ControlPoint {
        let t = &self.department.config.thresholds;
        match self.current.and_then(|m| m.team.pace.map(|p| (m.month, p))) {
            Some((month, pace)) => ControlPoint {
                point: Point::PlanOnTrack,
                status: judge(pace, 1.0, t.team_lagging_pct / 100.0),
                value: Some(pace),
                facts: Facts::Pace { month, pace },
                evidence: vec![Evidence::Month(month)],
            },
            None => no_data(Point::PlanOnTrack),
        }
    }

    /// Every lead processed the same day: manager-weeks with nothing left overnight.
    fn leads_same_day(&self) -> ControlPoint {
        let a = self.a;
        let weeks: Vec<_> = a
            .weeks
            .iter()
            .filter(|w| w.week.sunday() >= self.from && w.week.monday() <= a.as_of)
            .collect();
        let manager_weeks: usize = weeks.iter().map(|w| w.managers.len()).sum();
        if manager_weeks == 0 {
            return no_data(Point::LeadsSameDay);
        }
        let clean: usize = weeks
            .iter()
            .map(|w| {
                w.managers
                    .values()
                    .filter(|f| f.leads_overnight == 0)
                    .count()
            })
            .sum();
        let share = clean as f64 / manager_weeks as f64;
        ControlPoint {
            point: Point::LeadsSameDay,
            status: judge(share, self.met, self.partly),
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
    }

    /// The head's vision written within 4 weeks of the start.
    fn vision_written(&self) -> ControlPoint {
        let deadline = started(self.department).map(|s| s + Days::new(28));
        let visions: Vec<_> = self
            .department
            .pages
            .iter()
            .filter(|p| p.kind == Some(PageKind::Vision))
            .collect();
        let in_time = visions.iter().find(|p| match (deadline, p.date) {
            (Some(deadline), Some(date)) => date <= deadline,
            (None, _) => true,
            (Some(_), None) => false,
        });
        let shown = in_time.or(visions.first());
        ControlPoint {
            point: Point::VisionWritten,
            status: match (in_time, visions.is_empty()) {
                (Some(_), _) => Status::Met,
                (None, false) => Status::Partly,
                (None, true) => Status::NotMet,
            },
            value: None,
            facts: Facts::Page {
                slug: shown.map(|p| p.slug.clone()),
                date: shown.and_then(|p| p.date),
                deadline,
            },
            evidence: shown
                .map(|p| Evidence::Page(p.slug.clone()))
                .into_iter()
                .collect(),
        }
    }

    /// Every active manager assessed (in a round since the start).
    fn all_assessed(&self) -> ControlPoint {
        let a = self.a;
        if a.rounds.is_empty() || self.active.is_empty() {
            return no_data(Point::AllAssessed);
        }
        let rounds: Vec<_> = a.rounds.iter().filter(|r| r.date >= self.from).collect();
        let missing: Vec<String> = self
            .active
            .iter()
            .filter(|id| !rounds.iter().any(|r| r.scores.contains_key(**id)))
            .map(|id| id.to_string())
            .collect();
        every_manager(
            Point::AllAssessed,
            self.active.len(),
            missing,
            Evidence::Team,
            self.partly,
        )
    }

    /// Training in several formats, this month: counted when any period file
    /// of the month reports trainings at all.
    fn training_formats(&self) -> ControlPoint {
        let reported = self.current.is_some_and(|m| {
            self.department
                .weeks
                .iter()
                .filter(|w| w.period.month == m.month)
                .any(|w| w.managers.values().any(|e| e.trainings.is_some()))
        });
        let Some(m) = self.current.filter(|_| reported) else {
            return no_data(Point::TrainingFormats);
        };
        let counts = m.team_totals.trainings;
        let used = counts.formats_used();
        ControlPoint {
            point: Point::TrainingFormats,
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

    /// Stand-ups: within the limit, on video, everyone in the format; judged
    /// by the lowest of the three shares.
    fn standup_discipline(&self) -> ControlPoint {
        let a = self.a;
        let days: Vec<_> = a
            .standups
            .iter()
            .filter(|s| s.date >= self.from && s.date <= a.as_of)
            .collect();
        if days.is_empty() {
            return no_data(Point::StandupDiscipline);
        }
        let timed: Vec<_> = days.iter().filter(|d| d.duration_min.is_some()).collect();
        let share = |p: usize, w: usize| crate::analytics::metrics::ratio(p as f64, w as f64);
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
        let flawed = days.iter().rev().filter(|d| {
            d.over_limit || !d.video || !d.missing.is_empty() || d.complete < d.reported
        });
        ControlPoint {
            point: Point::StandupDiscipline,
            status: judge(lowest, self.met, self.partly),
            value: Some(lowest),
            facts: Facts::Standups {
                count: days.len(),
                within,
                video,
                complete,
                limit: self.department.config.thresholds.standup_max_minutes,
            },
            evidence: std::iter::once(Evidence::Standups)
                .chain(flawed.take(4).map(|d| Evidence::Standup(d.date)))
                .collect(),
        }
    }

    /// A plan for every active manager this month (the decomposition needs them).
    fn plan_decomposed(&self) -> ControlPoint {
        let a = self.a;
        let Some(month) = a.current_month else {
            return no_data(Point::PlanDecomposed);
        };
        let active = active_on(self.department, a.as_of.min(month.last_day()));
        if active.is_empty() {
            return no_data(Point::PlanDecomposed);
        }
        let plan = a.plans.get(&month);
        let missing: Vec<String> = active
            .iter()
            .filter(|id| plan.is_none_or(|p| p.manager(id).revenue.is_none()))
            .map(|id| id.to_string())
            .collect();
        let part = active.len() - missing.len();
        ControlPoint {
            point: Point::PlanDecomposed,
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

    /// Chat rules written.
    fn chat_rules(&self) -> ControlPoint {
        let rules = self
            .department
            .pages
            .iter()
            .find(|p| p.kind == Some(PageKind::ChatRules));
        ControlPoint {
            point: Point::ChatRules,
            status: if rules.is_some() {
                Status::Met
            } else {
                Status::NotMet
            },
            value: None,
            facts: Facts::Page {
                slug: rules.map(|p| p.slug.clone()),
                date: rules.and_then(|p| p.date),
                deadline: None,
            },
            evidence: rules
                .map(|p| Evidence::Page(p.slug.clone()))
                .into_iter()
                .collect(),
        }
    }

    /// Month-over-month growth per working day.
    fn mom_growth(&self) -> ControlPoint {
        let Some((month, growth)) = self
            .current
            .and_then(|m| m.team.mom_growth.map(|g| (m.month, g)))
        else {
            return no_data(Point::MomGrowth);
        };
        ControlPoint {
            point: Point::MomGrowth,
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
        }
    }

    /// Every lagging metric explained to the owner, month by month since the start.
    fn lag_explained(&self) -> ControlPoint {
        let a = self.a;
        let limit = self.department.config.thresholds.team_lagging_pct / 100.0;
        let mut lagging: Vec<(YearMonth, PlanMetric, bool)> = Vec::new();
        for m in a
            .months
            .iter()
            .filter(|m| m.month.last_day() >= self.from && Some(m.month) <= a.current_month)
        {
            for (metric, pace) in [
                (PlanMetric::Revenue, m.team.pace),
                (PlanMetric::Deals, m.team.pace_deals),
            ] {
                if pace.is_some_and(|p| p < limit) {
                    let explained =
                        crate::analytics::explanation(self.department, Some(m.month), metric);
                    lagging.push((m.month, metric, explained.is_some()));
                }
            }
        }
        if lagging.is_empty() {
            return no_data(Point::LagExplained);
        }
        let part = lagging.iter().filter(|(_, _, ok)| *ok).count();
        let mut months: Vec<YearMonth> = lagging.iter().map(|(m, _, _)| *m).collect();
        months.dedup();
        ControlPoint {
            point: Point::LagExplained,
            status: judge_all(part, lagging.len(), f64::MIN_POSITIVE),
            value: Some(part as f64 / lagging.len() as f64),
            facts: Facts::Explained {
                part,
                whole: lagging.len(),
                unexplained: lagging
                    .iter()
                    .filter(|(_, _, ok)| !ok)
                    .map(|(m, metric, _)| (*m, *metric))
                    .collect(),
            },
            evidence: months.into_iter().map(Evidence::Month).collect(),
        }
    }

    /// A plan for every lagging manager; closed plans with an outcome.
    fn idp_for_lagging(&self) -> ControlPoint {
        let a = self.a;
        let lagging: Vec<&str> = a.lagging_managers.iter().map(|l| l.id.as_str()).collect();
        let with_plan: Vec<&str> = lagging
            .iter()
            .copied()
            .filter(|id| {
                a.idps
                    .iter()
                    .any(|p| p.manager == *id && p.status.is_open())
            })
            .collect();
        let closed: Vec<_> = self
            .department
            .idps
            .iter()
            .filter(|d| !d.status.is_open())
            .collect();
        if lagging.is_empty() && closed.is_empty() {
            return no_data(Point::IdpForLagging);
        }
        let closed_ok = closed
            .iter()
            .filter(|d| !d.outcome.trim().is_empty())
            .count();
        let whole = lagging.len() + closed.len();
        let part = with_plan.len() + closed_ok;
        ControlPoint {
            point: Point::IdpForLagging,
            status: judge_all(part, whole, f64::MIN_POSITIVE),
            value: Some(part as f64 / whole as f64),
            facts: Facts::Plans {
                lagging: lagging.len(),
                lagging_with_plan: with_plan.len(),
                closed: closed.len(),
                closed_with_outcome: closed_ok,
                missing: lagging
                    .iter()
                    .filter(|id| !with_plan.contains(id))
                    .map(|id| id.to_string())
                    .collect(),
            },
            evidence: a
                .idps
                .iter()
                .filter(|p| lagging.contains(&p.manager.as_str()) || !p.status.is_open())
                .map(|p| Evidence::Idp(p.slug.clone()))
                .collect(),
        }
    }

    /// One-to-ones with every active manager in the last N weeks.
    fn one_on_ones(&self) -> ControlPoint {
        match one_on_ones_overdue(self.department, self.a.as_of) {
            Some(missing) if !self.active.is_empty() => every_manager(
                Point::OneOnOnes,
                self.active.len(),
                missing,
                Evidence::OneOnOnes,
                self.partly,
            ),
            _ => no_data(Point::OneOnOnes),
        }
    }
}
