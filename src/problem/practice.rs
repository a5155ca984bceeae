//! Problems of stand-ups, development plans, assessments, month notes,
//! pages, one-to-ones, the checklist and requests.

use super::{ManagerFix, Problem, Suggestion};

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
    /// A stand-up's reports and format.
    Standups(Standups),
    /// A development plan's dates and goals.
    Idps(Idps),
    NotALaggingMetric {
        key: String,
        fix: Suggestion,
    },
    PageNameNotSlug {
        stem: String,
    },
    EmptyTitle,
    /// An assessment round's scale, scores and competencies.
    Assessments(Assessments),
    /// Requests asked and resolved at stand-ups.
    Requests(Requests),
}

/// Problems of a stand-up: its reports, its absences, its format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standups {
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
}

/// Problems of a development plan (`idp/`): its dates and its goals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Idps {
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
}

/// Problems of an assessment round: its scale, its scores and the
/// competencies config.yaml declares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Assessments {
    /// `new assessment` with no competencies in config.yaml.
    NothingToAssess,
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
}

/// Problems of a request asked at a stand-up and resolved at a later one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Requests {
    UnknownRequest { id: String, close: Option<String> },
    ResolvedBeforeAsked { id: String, opened: String },
    AlreadyResolved { id: String, on: String },
    UnknownBy { id: String, fix: ManagerFix },
}

impl Practice {
    pub fn code(&self) -> &'static str {
        match self {
            Practice::NotOnTeam { .. } => "manager-not-active",
            Practice::MeasuredTick { .. } => "measured-point-ticked",
            Practice::NotAControlPoint { .. } => "not-a-control-point",
            Practice::FileName { .. } => "file-name-disagrees",
            Practice::Second { .. } => "second-file",
            Practice::UnknownManager { .. } => "unknown-manager",
            Practice::Standups(p) => p.code(),
            Practice::Idps(p) => p.code(),
            Practice::NotALaggingMetric { .. } => "not-a-lagging-metric",
            Practice::PageNameNotSlug { .. } => "page-name-not-a-slug",
            Practice::EmptyTitle => "empty-title",
            Practice::Assessments(p) => p.code(),
            Practice::Requests(p) => p.code(),
        }
    }

    #[cfg(test)]
    pub fn samples() -> Vec<Practice> {
        let id = || "anna-ivanova".to_string();
        let mut all = vec![
            Practice::MeasuredTick {
                key: "leads_same_day".into(),
            },
            Practice::NotAControlPoint {
                key: "leads_same_dya".into(),
                close: "leads_same_day".into(),
            },
            Practice::NotALaggingMetric {
                key: "calls".into(),
                fix: Suggestion::OneOf(vec!["revenue".into(), "deals".into()]),
            },
            Practice::PageNameNotSlug {
                stem: "Правила".into(),
            },
            Practice::EmptyTitle,
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
        for fix in [
            ManagerFix::ByName(id()),
            ManagerFix::Close(id()),
            ManagerFix::Add(id()),
        ] {
            all.push(Practice::UnknownManager { id: id(), fix });
        }
        all.extend(Standups::samples().into_iter().map(Practice::Standups));
        all.extend(Idps::samples().into_iter().map(Practice::Idps));
        all.extend(
            Assessments::samples()
                .into_iter()
                .map(Practice::Assessments),
        );
        all.extend(Requests::samples().into_iter().map(Practice::Requests));
        all
    }
}

impl Standups {
    pub fn code(&self) -> &'static str {
        match self {
            Standups::AbsentButReported { .. } => "absent-but-reported",
            Standups::ZeroMinutes => "standup-zero-minutes",
            Standups::LongStandup { .. } => "standup-too-long",
            Standups::NoVideo => "standup-without-video",
            Standups::ReportMissing { .. } => "report-incomplete",
            Standups::NoReport { .. } => "no-report",
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<Standups> {
        let id = || "anna-ivanova".to_string();
        vec![
            Standups::AbsentButReported { id: id() },
            Standups::ZeroMinutes,
            Standups::LongStandup {
                minutes: 40,
                limit: 15,
            },
            Standups::NoVideo,
            Standups::ReportMissing {
                id: id(),
                parts: vec!["done", "result", "goal", "how"],
            },
            Standups::NoReport {
                id: id(),
                date: "2026-11-23".into(),
            },
        ]
    }
}

impl Idps {
    pub fn code(&self) -> &'static str {
        match self {
            Idps::DueBeforeOpened { .. } => "due-before-opened",
            Idps::UnknownGoalMetric { .. } => "unknown-metric",
            Idps::GoalWithoutTarget => "goal-without-target",
            Idps::GoalWithoutMetric { .. } => "goal-without-metric",
            Idps::TargetAsPercent { .. } => "target-reads-as-percent",
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<Idps> {
        vec![
            Idps::DueBeforeOpened {
                due: "2026-11-02".into(),
                opened: "2026-11-16".into(),
            },
            Idps::UnknownGoalMetric {
                metric: "conversion".into(),
                fix: Suggestion::OneOf(vec!["avg_deal".into()]),
            },
            Idps::UnknownGoalMetric {
                metric: "avg_dea".into(),
                fix: Suggestion::Close("avg_deal".into()),
            },
            Idps::GoalWithoutTarget,
            Idps::GoalWithoutMetric {
                metrics: vec!["avg_deal".into(), "attainment".into()],
            },
            Idps::TargetAsPercent {
                target: "35".into(),
                metric: "conv_meeting_deal".into(),
                percent: "3500".into(),
                fraction: "0.35".into(),
            },
        ]
    }
}

impl Assessments {
    pub fn code(&self) -> &'static str {
        match self {
            Assessments::NothingToAssess | Assessments::NoCompetencies { .. } => "no-competencies",
            Assessments::UnknownCompetency { .. } => "unknown-competency",
            Assessments::ScaleZero => "scale-zero",
            Assessments::NoScoreYet { .. } => "no-score-yet",
            Assessments::ScoreOutside { .. } => "score-outside-scale",
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<Assessments> {
        let mut all = vec![
            Assessments::NothingToAssess,
            Assessments::NoCompetencies {
                first: "product".into(),
                names: vec!["product".into(), "closing".into()],
                uses: 4,
            },
            Assessments::ScaleZero,
            Assessments::NoScoreYet {
                id: "anna-ivanova".into(),
                competencies: vec!["product".into()],
                scale: 5,
            },
            Assessments::ScoreOutside { score: 6, scale: 5 },
        ];
        for uses in [1, 2, 5] {
            for close in [Some("closing".to_string()), None] {
                all.push(Assessments::UnknownCompetency {
                    name: "closng".into(),
                    uses,
                    close,
                });
            }
        }
        all
    }
}

impl Requests {
    pub fn code(&self) -> &'static str {
        match self {
            Requests::UnknownRequest { .. } => "unknown-request",
            Requests::ResolvedBeforeAsked { .. } => "resolved-before-asked",
            Requests::AlreadyResolved { .. } => "already-resolved",
            Requests::UnknownBy { .. } => "unknown-manager",
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<Requests> {
        let mut all = vec![
            Requests::UnknownRequest {
                id: "x".into(),
                close: None,
            },
            Requests::UnknownRequest {
                id: "x".into(),
                close: Some("y".into()),
            },
            Requests::ResolvedBeforeAsked {
                id: "x".into(),
                opened: "2026-11-25".into(),
            },
            Requests::AlreadyResolved {
                id: "x".into(),
                on: "2026-11-25".into(),
            },
        ];
        for fix in [
            ManagerFix::ByName("anna-ivanova".into()),
            ManagerFix::Close("anna-ivanova".into()),
            ManagerFix::Add("anna-ivanova".into()),
        ] {
            all.push(Requests::UnknownBy {
                id: "anna-ivanova".into(),
                fix,
            });
        }
        all
    }
}

impl From<Standups> for Problem {
    fn from(p: Standups) -> Self {
        Problem::Practice(Practice::Standups(p))
    }
}

impl From<Idps> for Problem {
    fn from(p: Idps) -> Self {
        Problem::Practice(Practice::Idps(p))
    }
}

impl From<Assessments> for Problem {
    fn from(p: Assessments) -> Self {
        Problem::Practice(Practice::Assessments(p))
    }
}

impl From<Requests> for Problem {
    fn from(p: Requests) -> Self {
        Problem::Practice(Practice::Requests(p))
    }
}
