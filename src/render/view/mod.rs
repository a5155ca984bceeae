//! Page contexts: what each template sees, as serialisable view types.
//! Numbers are formatted here for the locale; templates only place them.

mod attention;
mod charts;
mod commitments;
mod control;
mod dashboard;
pub mod grid;
mod manager;
mod matrix;
mod people;
pub mod period;
mod practice;
mod requests;
mod verdict;
mod week;

use serde::Serialize;

pub use control::{checklist, one_on_ones};
pub use dashboard::{dashboard, growth_against};
pub use manager::manager;
pub use people::team;
pub use period::{month, months};
pub use practice::{idp, idps, page, rule_pages, standup, standups};
pub use week::{week, weeks};

use crate::analytics::{Alert, Analytics};
use crate::calendar::{IsoWeek, YearMonth};
use crate::domain::{Department, Locale, Page};
use crate::locale;
use crate::locale::format::Formatter;
pub use crate::render::route::{Route, Section};

/// What every page view is built from.
pub struct Ctx<'a> {
    pub department: &'a Department,
    pub analytics: &'a Analytics,
    pub fmt: Formatter,
    pub audience: crate::audience::Audience,
    /// The rule pages by `order`, then title: sorted once, not per page.
    pub rules: Vec<&'a Page>,
}

/// Rule pages linked from every page's header. Beyond these the header
/// links `pages/index.html`, which lists them all: a link to every rule
/// page on every page made 4,000 rule pages 2.3 GB of output.
pub const NAV_RULES: usize = 8;

impl<'a> Ctx<'a> {
    pub fn new(
        department: &'a Department,
        analytics: &'a Analytics,
        audience: crate::audience::Audience,
    ) -> Self {
        let fmt = Formatter::for_config(&department.config);
        let mut rules: Vec<&Page> = department.pages.iter().collect();
        rules.sort_by(|a, b| {
            (a.order.unwrap_or(i64::MAX), &a.title).cmp(&(b.order.unwrap_or(i64::MAX), &b.title))
        });
        Self {
            department,
            analytics,
            fmt,
            audience,
            rules,
        }
    }

    /// Whether this build shows the owner's pages.
    pub fn for_owner(&self) -> bool {
        self.audience == crate::audience::Audience::Owner
    }

    pub fn locale(&self) -> Locale {
        self.fmt.locale
    }

    /// The words of the site: its language's, with its own metric names.
    pub fn t(&self) -> &'static locale::Words {
        self.fmt.words
    }

    /// The pages' sentences in the site's language.
    pub fn say(&self) -> &'static dyn locale::pages::PagePhrases {
        locale::pages::phrases(self.locale())
    }

    /// A manager's name from team.yaml, or the id if they are not listed.
    pub fn name(&self, id: &str) -> String {
        self.department.team.name_of(id)
    }

    pub fn money(&self, v: Option<f64>) -> String {
        v.map_or_else(|| "—".into(), |v| self.fmt.money(v))
    }

    pub fn pct(&self, v: Option<f64>) -> String {
        v.map_or_else(|| "—".into(), |v| self.fmt.percent(v, 0))
    }

    pub fn pct1(&self, v: Option<f64>) -> String {
        v.map_or_else(|| "—".into(), |v| self.fmt.percent(v, 1))
    }

    pub fn count(&self, v: Option<f64>) -> String {
        v.map_or_else(|| "—".into(), |v| self.fmt.number(v, 0))
    }

    pub fn minutes(&self, v: Option<f64>) -> String {
        v.map_or_else(|| "—".into(), |v| self.fmt.number(v, 0))
    }

    pub fn alert(&self, alert: &Alert) -> AlertView {
        AlertView {
            severity: alert.severity(),
            severity_label: self.t().severity(alert.severity()),
            text: locale::alert_text(alert, &self.fmt, &|id| self.name(id)),
            href: alert_href(alert),
        }
    }
}

fn alert_href(alert: &Alert) -> Option<String> {
    match alert {
        Alert::ManagerLaggingWithoutIdp { manager, .. } => {
            Some(Route::Manager(manager.to_string()).path())
        }
        Alert::LeadsOvernight { week, .. } => Some(Route::Week(*week).path()),
        Alert::TeamMetricUnexplained { .. } => None,
        Alert::StandupTooLong { date, .. }
        | Alert::StandupWithoutVideo { date }
        | Alert::StandupMissingReports { date, .. } => Some(Route::Standup(*date).path()),
        Alert::IdpOverdue { slug, .. } => Some(Route::Idp(slug.to_string()).path()),
        Alert::OneOnOneOverdue { .. } => Some(Route::OneOnOnes.path()),
    }
}

#[derive(Debug, Serialize)]
pub struct AlertView {
    pub severity: crate::analytics::AlertSeverity,
    pub severity_label: &'static str,
    pub text: String,
    pub href: Option<String>,
}

/// The parts every page shares: site title, navigation, and the way back to the root.
#[derive(Debug, Serialize)]
pub struct Layout {
    pub site_title: String,
    /// The first [`NAV_RULES`] rule pages, by `order`, in a second navigation line.
    pub pages: Vec<NavLink>,
    /// The link to the list of all rule pages, when there are more.
    pub more_pages: Option<NavLink>,
    pub lang: &'static str,
    /// Relative prefix to the site root from this page ("", "../", "../../").
    pub root: String,
    pub page_title: String,
    pub nav: Vec<NavItem>,
    /// The way down from the dashboard to a page below a section's index
    /// (empty above): every step a link but the page itself.
    pub breadcrumb: Vec<Crumb>,
    pub as_of: String,
}

#[derive(Debug, Serialize)]
pub struct Crumb {
    pub label: String,
    /// None for the page itself, and for a step that has no page (the
    /// list of rule pages exists only when the header cannot hold them).
    pub href: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct NavItem {
    pub href: String,
    pub label: &'static str,
    pub current: bool,
}

impl Ctx<'_> {
    pub fn layout(&self, route: &Route, title: String) -> Layout {
        let (depth, section) = (route.depth(), route.section());
        let items = [
            Section::Dashboard,
            Section::Months,
            Section::Weeks,
            Section::Team,
            Section::Standups,
            Section::Idp,
            Section::OneOnOnes,
            Section::Checklist,
        ]
        .map(|s| (s, self.section_label(s)));
        let title_for_crumb = title.clone();
        Layout {
            site_title: self.department.config.title.clone(),
            lang: locale::lang(self.locale()),
            root: "../".repeat(depth),
            pages: self
                .rules
                .iter()
                .take(NAV_RULES)
                .map(|p| {
                    let page = Route::Page(p.slug.clone());
                    NavLink {
                        href: page.path(),
                        current: page == *route,
                        label: p.title.clone(),
                    }
                })
                .collect(),
            more_pages: (self.rules.len() > NAV_RULES).then(|| NavLink {
                href: Route::Pages.path(),
                current: *route == Route::Pages,
                label: format!(
                    "{} ({})",
                    self.t().all_rules,
                    self.fmt.number(self.rules.len() as f64, 0)
                ),
            }),
            page_title: title,
            nav: items
                .into_iter()
                .filter(|(s, _)| {
                    self.for_owner()
                        || !matches!(s, Section::Idp | Section::OneOnOnes | Section::Checklist)
                })
                .map(|(s, label)| NavItem {
                    href: s.route().path(),
                    label,
                    current: s == section,
                })
                .collect(),
            breadcrumb: self.breadcrumb(route, &title_for_crumb),
            as_of: self.fmt.date(self.analytics.as_of),
        }
    }

    /// Dashboard › section › this page, for pages two folders down.
    fn breadcrumb(&self, route: &Route, title: &str) -> Vec<Crumb> {
        if route.depth() < 2 {
            return Vec::new();
        }
        let mut steps = Vec::new();
        let mut up = route.parent();
        while let Some(r) = up {
            let exists = r != Route::Pages || self.rules.len() > NAV_RULES;
            steps.push(Crumb {
                label: self.section_label(r.section()).to_string(),
                href: exists.then(|| r.path()),
            });
            up = r.parent();
        }
        steps.reverse();
        steps.push(Crumb {
            label: title.to_string(),
            href: None,
        });
        steps
    }

    /// A section's name as the menu gives it.
    pub fn section_label(&self, section: Section) -> &'static str {
        let w = self.t();
        match section {
            Section::Dashboard => w.nav_dashboard,
            Section::Months => w.nav_months,
            Section::Weeks => w.nav_weeks,
            Section::Team => w.nav_team,
            Section::Standups => w.nav_standups,
            Section::Idp => w.nav_idp,
            Section::OneOnOnes => w.nav_one_on_ones,
            Section::Checklist => w.nav_checklist,
            Section::Pages => w.rules,
        }
    }
}

/// A KPI card: the figure, what it is against, and its change.
#[derive(Debug, Serialize)]
pub struct Card {
    pub label: &'static str,
    pub value: String,
    /// `good`/`bad` colours the value itself (growth); always with an arrow.
    pub tone: Option<&'static str>,
    pub sub: Option<String>,
    pub delta: Option<Delta>,
    /// A sparkline under the figure (trusted SVG markup; its title says
    /// the metric, the weeks and the scale to a screen reader)…
    pub spark: Option<String>,
    /// …and what it shows, in words under it for the eye.
    pub spark_caption: Option<&'static str>,
}

impl Card {
    /// A figure with its label and, maybe, a line under it.
    pub fn plain(label: &'static str, value: String, sub: Option<String>) -> Self {
        Self {
            label,
            value,
            tone: None,
            sub,
            delta: None,
            spark: None,
            spark_caption: None,
        }
    }

    /// The share of leads processed, with the leads left overnight under
    /// it (the team's on the dashboard, a manager's on their page).
    pub fn processing(ctx: &Ctx, f: &crate::analytics::Figures) -> Self {
        Self::plain(
            ctx.t().processing_rate,
            ctx.pct(f.processing_rate),
            Some(format!(
                "{}: {}",
                ctx.t().leads_overnight,
                ctx.fmt.number(f.leads_overnight as f64, 0)
            )),
        )
    }
}

/// A change with its direction and whether it is good news.
#[derive(Debug, Serialize)]
pub struct Delta {
    /// "▲ 12 %".
    pub text: String,
    /// `good`, `bad` or `flat`: the colour, always with the arrow.
    pub tone: &'static str,
    /// What it is compared with ("к нед. 47").
    pub against: String,
}

impl Delta {
    /// `change` formatted by `show`; `down_is_good` flips the tone (overnight leads, response time).
    pub fn new(
        change: f64,
        show: impl Fn(f64) -> String,
        against: String,
        down_is_good: bool,
    ) -> Self {
        let shown = show(change.abs());
        let zero = show(0.0);
        let (arrow, tone) = if shown == zero {
            ("", "flat")
        } else if change > 0.0 {
            ("▲ ", if down_is_good { "bad" } else { "good" })
        } else {
            ("▼ ", if down_is_good { "good" } else { "bad" })
        };
        Self {
            text: format!("{arrow}{shown}"),
            tone,
            against,
        }
    }
}

/// A row of a small two-column figures table.
#[derive(Debug, Serialize)]
pub struct Pair {
    pub label: String,
    pub value: String,
}

/// Width of an attainment bar in %, clamped so 150 % does not overflow the cell.
pub fn bar_width(attainment: Option<f64>) -> f64 {
    let w = attainment.unwrap_or(0.0).clamp(0.0, 1.2) / 1.2 * 100.0;
    (w * 10.0).round() / 10.0
}

/// "ноябрь 2026" with a capital: a heading.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub fn week_title(ctx: &Ctx, w: IsoWeek) -> String {
    capitalised(&ctx.fmt.week(w))
}

pub fn month_title(ctx: &Ctx, m: YearMonth) -> String {
    capitalised(&ctx.fmt.month(m))
}
