//! Every page of the site as a value: its output path, every link to it
//! and its place in the navigation are derived from one `Route`, never
//! written as a string in a view.

use chrono::NaiveDate;

use crate::calendar::{IsoWeek, YearMonth};

/// A page of the site.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Dashboard,
    Months,
    Month(YearMonth),
    Weeks,
    Week(IsoWeek),
    Team,
    Manager(String),
    Standups,
    Standup(NaiveDate),
    Idps,
    Idp(String),
    OneOnOnes,
    Checklist,
    /// The list of every rule page, when the header cannot link them all.
    Pages,
    Page(String),
}

/// Which navigation section a page belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Dashboard,
    Months,
    Weeks,
    Team,
    Standups,
    Idp,
    OneOnOnes,
    Checklist,
    Pages,
}

impl Route {
    /// The page's file, relative to the site root: `months/2026-11/index.html`.
    /// Links end in `index.html` so the site works straight from disk.
    pub fn path(&self) -> String {
        match self {
            Route::Dashboard => "index.html".into(),
            Route::Months => "months/index.html".into(),
            Route::Month(m) => format!("months/{m}/index.html"),
            Route::Weeks => "weeks/index.html".into(),
            Route::Week(w) => format!("weeks/{w}/index.html"),
            Route::Team => "team/index.html".into(),
            Route::Manager(id) => format!("team/{id}/index.html"),
            Route::Standups => "standups/index.html".into(),
            Route::Standup(date) => format!("standups/{date}/index.html"),
            Route::Idps => "idp/index.html".into(),
            Route::Idp(slug) => format!("idp/{slug}/index.html"),
            Route::OneOnOnes => "one-on-ones/index.html".into(),
            Route::Checklist => "checklist/index.html".into(),
            Route::Pages => "pages/index.html".into(),
            Route::Page(slug) => format!("pages/{slug}/index.html"),
        }
    }

    /// How many folders below the root the page is: its links climb as many.
    /// A page is one folder below the page above it (an index is below the
    /// dashboard, a month below the months), so the depth is the breadcrumb's.
    pub fn depth(&self) -> usize {
        self.parent().map_or(0, |p| p.depth() + 1)
    }

    pub fn section(&self) -> Section {
        match self {
            Route::Dashboard => Section::Dashboard,
            Route::Months | Route::Month(_) => Section::Months,
            Route::Weeks | Route::Week(_) => Section::Weeks,
            Route::Team | Route::Manager(_) => Section::Team,
            Route::Standups | Route::Standup(_) => Section::Standups,
            Route::Idps | Route::Idp(_) => Section::Idp,
            Route::OneOnOnes => Section::OneOnOnes,
            Route::Checklist => Section::Checklist,
            Route::Pages | Route::Page(_) => Section::Pages,
        }
    }
}

impl Route {
    /// The page above this one: a section's index for a single page, the
    /// dashboard for an index (none for the dashboard). Breadcrumbs climb it.
    pub fn parent(&self) -> Option<Route> {
        match self {
            Route::Dashboard => None,
            Route::Months
            | Route::Weeks
            | Route::Team
            | Route::Standups
            | Route::Idps
            | Route::OneOnOnes
            | Route::Checklist
            | Route::Pages => Some(Route::Dashboard),
            Route::Month(_) => Some(Route::Months),
            Route::Week(_) => Some(Route::Weeks),
            Route::Manager(_) => Some(Route::Team),
            Route::Standup(_) => Some(Route::Standups),
            Route::Idp(_) => Some(Route::Idps),
            Route::Page(_) => Some(Route::Pages),
        }
    }
}

impl Section {
    /// The page the section's menu item opens.
    pub fn route(self) -> Route {
        match self {
            Section::Dashboard => Route::Dashboard,
            Section::Months => Route::Months,
            Section::Weeks => Route::Weeks,
            Section::Team => Route::Team,
            Section::Standups => Route::Standups,
            Section::Idp => Route::Idps,
            Section::OneOnOnes => Route::OneOnOnes,
            Section::Checklist => Route::Checklist,
            Section::Pages => Route::Pages,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_the_folders_of_the_path() {
        let routes = [
            Route::Dashboard,
            Route::Months,
            Route::Month(YearMonth::parse("2026-11").unwrap()),
            Route::Week(IsoWeek::parse("2026-W49").unwrap()),
            Route::Manager("anna-ivanova".into()),
            Route::Standup(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()),
            Route::Idps,
            Route::Page("chat-rules".into()),
            Route::Pages,
        ];
        for r in routes {
            assert_eq!(r.depth(), r.path().matches('/').count(), "{r:?}");
            assert!(r.path().ends_with("index.html"));
            assert_eq!(r.section().route().section(), r.section());
            // A page's parent is one folder up, and its section's index or the dashboard.
            if let Some(parent) = r.parent() {
                assert_eq!(parent.depth() + 1, r.depth(), "{r:?}");
                assert!(parent == Route::Dashboard || parent.section() == r.section());
            }
        }
    }
}
