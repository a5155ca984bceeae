//! Problems of config.yaml, team.yaml, the plans and the week files.

use super::{ManagerFix, Problem};

/// One part of a week split between months: its month, file and days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub month: String,
    /// `weeks/2026-W49-11.yaml`
    pub file: String,
    /// `2026-11-30` or `2026-12-01 – 2026-12-06`
    pub days: String,
}

/// The later step of a funnel that holds more than the step before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// More deals than meetings.
    Deals,
    /// More meetings than processed leads.
    Meetings,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Numbers {
    /// config.yaml.
    Settings(Settings),
    IdNotSlug {
        id: String,
    },
    ListedTwice {
        id: String,
        first_line: u64,
    },
    LeftBeforeJoined {
        left: String,
        joined: String,
    },
    UnknownManager {
        id: String,
        fix: ManagerFix,
    },
    /// A plan's file name and its `month:` disagree.
    PlanFileName {
        stem: String,
        month: String,
    },
    SecondPlan {
        month: String,
        first: String,
    },
    /// Numbers or a plan for a manager outside their `joined`–`left`;
    /// `plan` for a plan (`period` is then a month).
    NotActive {
        id: String,
        period: String,
        plan: bool,
    },
    SecondWeekFile {
        period: String,
        first: String,
    },
    WeekAhead {
        period: String,
        starts: String,
        as_of: String,
    },
    NoNumbersFor {
        id: String,
        period: String,
    },
    NoPlan {
        month: String,
        first: String,
    },
    /// Numbers that parse but look wrong.
    Implausible(Implausible),
    UnknownCustomMetric {
        key: String,
        close: Option<String>,
    },
    /// A week file's name, `week:` and `month:` against the calendar.
    WeekPeriod(WeekPeriod),
}

/// Problems of config.yaml: the site's settings, its custom metrics and
/// competencies, its calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Settings {
    NotACurrency { code: String },
    BadBaseUrl { url: String },
    LaggingWeeksZero,
    BadMetricKey { key: String },
    MetricTwice { key: String },
    CompetencyTwice { key: String },
    DayOffAndOn { date: String },
    NoCalendar { year: i32 },
}

/// What period a week file is for: its name, `week:` and `month:` against
/// the calendar, which splits a week between two months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeekPeriod {
    /// A week split between months written as one file.
    SplitWeekPlain {
        week: String,
        parts: [Part; 2],
    },
    /// A week wholly in one month written as a part.
    PlainWeekSplit {
        week: String,
        part: Part,
    },
    SplitWithoutMonth {
        week: String,
        months: [String; 2],
    },
    /// `month:` that is not a month of the week; `months` are its months.
    WrongMonth {
        week: String,
        month: String,
        months: Vec<String>,
    },
    /// A week file's name and its `week:` (and `month:`) disagree.
    WeekFileName {
        stem: String,
        week: String,
        month: Option<String>,
        expected: String,
    },
}

/// Numbers that parse but look wrong (`validate::plausible`): warnings, as
/// each may be true.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Implausible {
    ProcessedMoreThanReceived {
        id: String,
        processed: u64,
        received: u64,
        period: String,
    },
    AllZeros {
        id: String,
        period: String,
    },
    Funnel {
        id: String,
        step: Step,
        later: u64,
        earlier: u64,
        period: String,
        /// The conversion the site would show, in whole percent.
        percent: Option<u64>,
    },
    Outlier {
        id: String,
        field: String,
        period: String,
        value: String,
        times: String,
        usual: String,
    },
    PastPlan {
        month: String,
    },
}

impl Numbers {
    pub fn code(&self) -> &'static str {
        match self {
            Numbers::Settings(p) => p.code(),
            Numbers::IdNotSlug { .. } => "id-not-a-slug",
            Numbers::ListedTwice { .. } => "manager-listed-twice",
            Numbers::LeftBeforeJoined { .. } => "left-before-joined",
            Numbers::UnknownManager { .. } => "unknown-manager",
            Numbers::PlanFileName { .. } => "file-name-disagrees",
            Numbers::SecondPlan { .. } | Numbers::SecondWeekFile { .. } => "second-file",
            Numbers::NotActive { .. } => "manager-not-active",
            Numbers::WeekAhead { .. } => "future-week",
            Numbers::NoNumbersFor { .. } => "missing-entry",
            Numbers::NoPlan { .. } => "no-plan",
            Numbers::Implausible(p) => p.code(),
            Numbers::UnknownCustomMetric { .. } => "unknown-custom-metric",
            Numbers::WeekPeriod(p) => p.code(),
        }
    }

    #[cfg(test)]
    pub fn samples() -> Vec<Numbers> {
        let id = || "anna-ivanova".to_string();
        let mut all = vec![
            Numbers::IdNotSlug { id: "../x".into() },
            Numbers::ListedTwice {
                id: id(),
                first_line: 2,
            },
            Numbers::LeftBeforeJoined {
                left: "2026-01-01".into(),
                joined: "2026-02-01".into(),
            },
            Numbers::PlanFileName {
                stem: "2026-10".into(),
                month: "2026-11".into(),
            },
            Numbers::SecondPlan {
                month: "2026-11".into(),
                first: "content/targets/2026-11.yaml".into(),
            },
            Numbers::SecondWeekFile {
                period: "2026-W47".into(),
                first: "content/weeks/2026-W47.yaml".into(),
            },
            Numbers::WeekAhead {
                period: "2026-W49".into(),
                starts: "2026-11-30".into(),
                as_of: "2026-11-27".into(),
            },
            Numbers::NoNumbersFor {
                id: id(),
                period: "2026-W47".into(),
            },
            Numbers::NoPlan {
                month: "2026-11".into(),
                first: "content/weeks/2026-W47.yaml".into(),
            },
            Numbers::UnknownCustomMetric {
                key: "x".into(),
                close: Some("y".into()),
            },
            Numbers::UnknownCustomMetric {
                key: "x".into(),
                close: None,
            },
        ];
        for fix in [
            ManagerFix::ByName(id()),
            ManagerFix::Close(id()),
            ManagerFix::Add(id()),
        ] {
            all.push(Numbers::UnknownManager { id: id(), fix });
        }
        for plan in [true, false] {
            all.push(Numbers::NotActive {
                id: id(),
                period: "2026-11".into(),
                plan,
            });
        }
        all.extend(Settings::samples().into_iter().map(Numbers::Settings));
        all.extend(WeekPeriod::samples().into_iter().map(Numbers::WeekPeriod));
        all.extend(Implausible::samples().into_iter().map(Numbers::Implausible));
        all
    }
}

impl Settings {
    pub fn code(&self) -> &'static str {
        match self {
            Settings::NotACurrency { .. } => "not-a-currency",
            Settings::BadBaseUrl { .. } => "bad-base-url",
            Settings::LaggingWeeksZero => "lagging-weeks-zero",
            Settings::BadMetricKey { .. } => "bad-metric-key",
            Settings::MetricTwice { .. } => "metric-declared-twice",
            Settings::CompetencyTwice { .. } => "competency-declared-twice",
            Settings::DayOffAndOn { .. } => "day-off-and-on",
            Settings::NoCalendar { .. } => "no-production-calendar",
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<Settings> {
        vec![
            Settings::NotACurrency {
                code: "руб".into()
            },
            Settings::BadBaseUrl { url: "x".into() },
            Settings::LaggingWeeksZero,
            Settings::BadMetricKey { key: "X".into() },
            Settings::MetricTwice { key: "x".into() },
            Settings::CompetencyTwice { key: "x".into() },
            Settings::DayOffAndOn {
                date: "2026-11-27".into(),
            },
            Settings::NoCalendar { year: 2031 },
        ]
    }
}

impl WeekPeriod {
    pub fn code(&self) -> &'static str {
        match self {
            WeekPeriod::SplitWeekPlain { .. } => "split-week-written-plain",
            WeekPeriod::PlainWeekSplit { .. } => "plain-week-written-split",
            WeekPeriod::SplitWithoutMonth { .. } => "split-week-without-month",
            WeekPeriod::WrongMonth { .. } => "split-week-wrong-month",
            WeekPeriod::WeekFileName { .. } => "file-name-disagrees",
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<WeekPeriod> {
        let part = |m: &str, f: &str, d: &str| Part {
            month: m.into(),
            file: f.into(),
            days: d.into(),
        };
        let mut all = vec![
            WeekPeriod::SplitWeekPlain {
                week: "2026-W49".into(),
                parts: [
                    part("2026-11", "weeks/2026-W49-11.yaml", "2026-11-30"),
                    part(
                        "2026-12",
                        "weeks/2026-W49-12.yaml",
                        "2026-12-01 – 2026-12-06",
                    ),
                ],
            },
            WeekPeriod::PlainWeekSplit {
                week: "2026-W48".into(),
                part: part("2026-11", "weeks/2026-W48.yaml", "2026-11-23 – 2026-11-29"),
            },
            WeekPeriod::SplitWithoutMonth {
                week: "2026-W49".into(),
                months: ["2026-11".into(), "2026-12".into()],
            },
            WeekPeriod::WeekFileName {
                stem: "2026-W48".into(),
                week: "2026-W47".into(),
                month: None,
                expected: "2026-W47".into(),
            },
            WeekPeriod::WeekFileName {
                stem: "2026-W49".into(),
                week: "2026-W49".into(),
                month: Some("2026-11".into()),
                expected: "2026-W49-11".into(),
            },
        ];
        for months in [vec!["2026-10".to_string()], vec!["a".into(), "b".into()]] {
            all.push(WeekPeriod::WrongMonth {
                week: "2026-W44".into(),
                month: "2026-11".into(),
                months,
            });
        }
        all
    }
}

impl Implausible {
    pub fn code(&self) -> &'static str {
        match self {
            Implausible::ProcessedMoreThanReceived { .. } => "processed-more-than-received",
            Implausible::AllZeros { .. } => "all-zeros",
            Implausible::Funnel { .. } => "funnel-upside-down",
            Implausible::Outlier { .. } => "number-outlier",
            Implausible::PastPlan { .. } => "plan-without-numbers",
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<Implausible> {
        let id = || "anna-ivanova".to_string();
        let mut all = vec![
            Implausible::ProcessedMoreThanReceived {
                id: id(),
                processed: 5,
                received: 3,
                period: "2026-W47".into(),
            },
            Implausible::AllZeros {
                id: id(),
                period: "2026-W47".into(),
            },
            Implausible::Outlier {
                id: id(),
                field: "revenue".into(),
                period: "2026-W47".into(),
                value: "2500000".into(),
                times: "10".into(),
                usual: "250000".into(),
            },
            Implausible::PastPlan {
                month: "2026-10".into(),
            },
        ];
        for step in [Step::Deals, Step::Meetings] {
            for percent in [Some(625), None] {
                all.push(Implausible::Funnel {
                    id: id(),
                    step,
                    later: 25,
                    earlier: 4,
                    period: "2026-W47".into(),
                    percent,
                });
            }
        }
        all
    }
}

impl From<Settings> for Problem {
    fn from(p: Settings) -> Self {
        Problem::Numbers(Numbers::Settings(p))
    }
}

impl From<WeekPeriod> for Problem {
    fn from(p: WeekPeriod) -> Self {
        Problem::Numbers(Numbers::WeekPeriod(p))
    }
}

impl From<Implausible> for Problem {
    fn from(p: Implausible) -> Self {
        Problem::Numbers(Numbers::Implausible(p))
    }
}
