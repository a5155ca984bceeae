//! Problems of stand-ups, development plans, assessments, month notes,
//! pages, one-to-ones, the checklist and requests.

use super::{ManagerFix, Suggestion};

/// What a file's name must agree with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamedBy {
    Date,
    Month,
    ManagerAndOpened,
    DateAndManager,
}

impl NamedBy {
    /// The keys as they are written in the file, inside backticks.
    pub fn keys(self, and: &str) -> String {
        match self {
            NamedBy::Date => "date".into(),
            NamedBy::Month => "month".into(),
            NamedBy::ManagerAndOpened => format!("manager` {and} `opened"),
            NamedBy::DateAndManager => format!("date` {and} `manager"),
        }
    }
}

/// A file that may be written once per day or month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Once {
    Standup(String),
    Assessment(String),
    MonthNote(String),
}

/// A file `new` writes for one manager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scaffold {
    Idp,
    OneOnOne,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Practice {
    /// `new` for a manager not on the team that day: `left` (else not
    /// joined yet) on `on`.
    NotOnTeam {
        id: String,
        left: bool,
        on: String,
        what: Scaffold,
        day: String,
    },
    /// `new assessment` with no competencies in config.yaml.
    NothingToAssess,
    MeasuredTick {
        key: String,
    },
    NotAControlPoint {
        key: String,
        close: String,
    },
    /// `file` is the name to rename to: `standups/2026-11-24.md`.
    FileName {
        stem: String,
        by: NamedBy,
        file: String,
    },
    Second {
        what: Once,
        first: String,
    },
    /// A manager id given as a value (`manager:`), not as a key.
    UnknownManager {
        id: String,
        fix: ManagerFix,
    },
    AbsentButReported {
        id: String,
    },
    ZeroMinutes,
    LongStandup {
        minutes: u64,
        limit: u32,
    },
    NoVideo,
    /// `parts` are the report's keys: done, result, goal, how.
    ReportMissing {
        id: String,
        parts: Vec<&'static str>,
    },
    NoReport {
        id: String,
        date: String,
    },
    DueBeforeOpened {
        due: String,
        opened: String,
    },
    UnknownGoalMetric {
        metric: String,
        fix: Suggestion,
    },
    GoalWithoutTarget,
    GoalWithoutMetric {
        metrics: Vec<String>,
    },
    TargetAsPercent {
        target: String,
        metric: String,
        percent: String,
        fraction: String,
    },
    /// config.yaml declares none; `first` is the first unknown key.
    NoCompetencies {
        first: String,
        names: Vec<String>,
        uses: usize,
    },
    UnknownCompetency {
        name: String,
        uses: usize,
        close: Option<String>,
    },
    ScaleZero,
    NoScoreYet {
        id: String,
        competencies: Vec<String>,
        scale: u64,
    },
    ScoreOutside {
        score: u64,
        scale: u64,
    },
    NotALaggingMetric {
        key: String,
        fix: Suggestion,
    },
    PageNameNotSlug {
        stem: String,
    },
    EmptyTitle,
    UnknownRequest {
        id: String,
        close: Option<String>,
    },
    ResolvedBeforeAsked {
        id: String,
        opened: String,
    },
    AlreadyResolved {
        id: String,
        on: String,
    },
    UnknownBy {
        id: String,
        fix: ManagerFix,
    },
}

impl Practice {
    pub fn code(&self) -> &'static str {
        match self {
            Practice::NotOnTeam { .. } => "manager-not-active",
            Practice::NothingToAssess => "no-competencies",
            Practice::MeasuredTick { .. } => "measured-point-ticked",
            Practice::NotAControlPoint { .. } => "not-a-control-point",
            Practice::FileName { .. } => "file-name-disagrees",
            Practice::Second { .. } => "second-file",
            Practice::UnknownManager { .. } | Practice::UnknownBy { .. } => "unknown-manager",
            Practice::AbsentButReported { .. } => "absent-but-reported",
            Practice::ZeroMinutes => "standup-zero-minutes",
            Practice::LongStandup { .. } => "standup-too-long",
            Practice::NoVideo => "standup-without-video",
            Practice::ReportMissing { .. } => "report-incomplete",
            Practice::NoReport { .. } => "no-report",
            Practice::DueBeforeOpened { .. } => "due-before-opened",
            Practice::UnknownGoalMetric { .. } => "unknown-metric",
            Practice::GoalWithoutTarget => "goal-without-target",
            Practice::GoalWithoutMetric { .. } => "goal-without-metric",
            Practice::TargetAsPercent { .. } => "target-reads-as-percent",
            Practice::NoCompetencies { .. } => "no-competencies",
            Practice::UnknownCompetency { .. } => "unknown-competency",
            Practice::ScaleZero => "scale-zero",
            Practice::NoScoreYet { .. } => "no-score-yet",
            Practice::ScoreOutside { .. } => "score-outside-scale",
            Practice::NotALaggingMetric { .. } => "not-a-lagging-metric",
            Practice::PageNameNotSlug { .. } => "page-name-not-a-slug",
            Practice::EmptyTitle => "empty-title",
            Practice::UnknownRequest { .. } => "unknown-request",
            Practice::ResolvedBeforeAsked { .. } => "resolved-before-asked",
            Practice::AlreadyResolved { .. } => "already-resolved",
        }
    }

    #[cfg(test)]
    pub fn samples() -> Vec<Practice> {
        let id = || "anna-ivanova".to_string();
        let mut all = vec![
            Practice::NothingToAssess,
            Practice::MeasuredTick {
                key: "leads_same_day".into(),
            },
            Practice::NotAControlPoint {
                key: "leads_same_dya".into(),
                close: "leads_same_day".into(),
            },
            Practice::AbsentButReported { id: id() },
            Practice::ZeroMinutes,
            Practice::LongStandup {
                minutes: 40,
                limit: 15,
            },
            Practice::NoVideo,
            Practice::ReportMissing {
                id: id(),
                parts: vec!["done", "result", "goal", "how"],
            },
            Practice::NoReport {
                id: id(),
                date: "2026-11-23".into(),
            },
            Practice::DueBeforeOpened {
                due: "2026-11-02".into(),
                opened: "2026-11-16".into(),
            },
            Practice::UnknownGoalMetric {
                metric: "conversion".into(),
                fix: Suggestion::OneOf(vec!["avg_deal".into()]),
            },
            Practice::UnknownGoalMetric {
                metric: "avg_dea".into(),
                fix: Suggestion::Close("avg_deal".into()),
            },
            Practice::GoalWithoutTarget,
            Practice::GoalWithoutMetric {
                metrics: vec!["avg_deal".into(), "attainment".into()],
            },
            Practice::TargetAsPercent {
                target: "35".into(),
                metric: "conv_meeting_deal".into(),
                percent: "3500".into(),
                fraction: "0.35".into(),
            },
            Practice::NoCompetencies {
                first: "product".into(),
                names: vec!["product".into(), "closing".into()],
                uses: 4,
            },
            Practice::ScaleZero,
            Practice::NoScoreYet {
                id: id(),
                competencies: vec!["product".into()],
                scale: 5,
            },
            Practice::ScoreOutside { score: 6, scale: 5 },
            Practice::NotALaggingMetric {
                key: "calls".into(),
                fix: Suggestion::OneOf(vec!["revenue".into(), "deals".into()]),
            },
            Practice::PageNameNotSlug {
                stem: "Правила".into(),
            },
            Practice::EmptyTitle,
            Practice::UnknownRequest {
                id: "x".into(),
                close: None,
            },
            Practice::UnknownRequest {
                id: "x".into(),
                close: Some("y".into()),
            },
            Practice::ResolvedBeforeAsked {
                id: "x".into(),
                opened: "2026-11-25".into(),
            },
            Practice::AlreadyResolved {
                id: "x".into(),
                on: "2026-11-25".into(),
            },
        ];
        for (left, what) in [(true, Scaffold::Idp), (false, Scaffold::OneOnOne)] {
            all.push(Practice::NotOnTeam {
                id: id(),
                left,
                on: "2026-10-16".into(),
                what,
                day: "2026-11-27".into(),
            });
        }
        for by in [
            NamedBy::Date,
            NamedBy::Month,
            NamedBy::ManagerAndOpened,
            NamedBy::DateAndManager,
        ] {
            all.push(Practice::FileName {
                stem: "x".into(),
                by,
                file: "standups/2026-11-24.md".into(),
            });
        }
        for what in [
            Once::Standup("2026-11-23".into()),
            Once::Assessment("2026-11-23".into()),
            Once::MonthNote("2026-11".into()),
        ] {
            all.push(Practice::Second {
                what,
                first: "content/x".into(),
            });
        }
        for uses in [1, 2, 5] {
            for close in [Some("closing".to_string()), None] {
                all.push(Practice::UnknownCompetency {
                    name: "closng".into(),
                    uses,
                    close,
                });
            }
        }
        for fix in [
            ManagerFix::ByName(id()),
            ManagerFix::Close(id()),
            ManagerFix::Add(id()),
        ] {
            all.push(Practice::UnknownManager {
                id: id(),
                fix: fix.clone(),
            });
            all.push(Practice::UnknownBy { id: id(), fix });
        }
        all
    }
}
