//! `serve`'s one rule for what a save makes anew. A page is kept from the
//! last good render when everything it is made from — a [`PageInputs`],
//! hashed — is as it was; which pages may be kept, and what each is made
//! from, is one exhaustive `match` over [`Route`] below. Render and views
//! know nothing of it: they are asked for the pages this rule wants.
//!
//! Of the files made, only those whose bytes changed are handed on, so the
//! browser reloads only when a page really changed.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Mutex;

use chrono::NaiveDate;

use crate::render::OutputFile;
use crate::render::route::Route;
use crate::site::{self, BuildError, Checked, Rendered};

/// What serve remembers of the last good render.
#[derive(Default)]
pub struct Memo {
    /// The [`PageInputs`] hash of each kept-able page serve holds, by path.
    inputs: HashMap<String, u64>,
    /// A hash of the bytes of every file serve holds, by path.
    made: HashMap<String, u64>,
}

/// Everything a page that serve may keep is made from.
#[derive(Hash)]
struct PageInputs<'a> {
    route: &'a Route,
    as_of: NaiveDate,
    /// Every content file but the stand-ups, and the site's own templates.
    files: u64,
    /// For a stand-up's page: its own file and the stand-ups beside it (the pager).
    standup: Option<StandupInputs>,
    /// For a manager's page: what they said at stand-ups and every request
    /// resolved (their requests are read from both).
    manager: Option<ManagerInputs>,
}

#[derive(Hash)]
struct ManagerInputs {
    reports: u64,
    resolutions: u64,
}

#[derive(Hash)]
struct StandupInputs {
    own: u64,
    before: Option<NaiveDate>,
    after: Option<NaiveDate>,
}

/// The inputs of one rebuild that pages are made from.
struct Site {
    as_of: NaiveDate,
    files: u64,
    /// Each stand-up's file, hashed, by its date.
    standups: BTreeMap<NaiveDate, u64>,
    /// Each manager's reports at every stand-up, with its date, hashed, by id.
    reports: HashMap<String, u64>,
    /// Every stand-up's `resolved:`, with its date, hashed.
    resolutions: u64,
}

impl Site {
    fn of(checked: &Checked, as_of: NaiveDate) -> Self {
        let content = &checked.content;
        let mut files = hasher();
        for (path, text) in content.sources.iter() {
            if !path.starts_with("content/standups/") {
                (path, text).hash(&mut files);
            }
        }
        content.templates.hash(&mut files);
        let standups = content
            .standups
            .iter()
            .map(|doc| {
                let text = content.sources.get(&doc.path);
                (doc.data.date.value.0, hash(&(&doc.path, text)))
            })
            .collect();
        let mut reports: HashMap<&str, ahash::AHasher> = HashMap::new();
        let mut resolutions = hasher();
        for doc in &content.standups {
            let date = doc.data.date.value.0;
            for (id, report) in &doc.data.reports {
                (date, &report.value).hash(reports.entry(id.as_str()).or_insert_with(hasher));
            }
            (
                date,
                doc.data
                    .resolved
                    .iter()
                    .map(|r| &r.value)
                    .collect::<Vec<_>>(),
            )
                .hash(&mut resolutions);
        }
        Self {
            as_of,
            files: files.finish(),
            standups,
            reports: reports
                .into_iter()
                .map(|(id, h)| (id.to_string(), h.finish()))
                .collect(),
            resolutions: resolutions.finish(),
        }
    }

    /// The hash of what `route`'s page is made from; `None` for a page made
    /// on every save.
    fn inputs(&self, route: &Route) -> Option<u64> {
        let (standup, manager) = match route {
            // Made from weeks, plans, notes, names and rule pages,
            // never from stand-ups or what is counted from them.
            Route::Month(_) | Route::Week(_) | Route::Idp(_) | Route::Page(_) => (None, None),
            Route::Standup(date) => {
                let standup = StandupInputs {
                    own: *self.standups.get(date)?,
                    before: self.standups.range(..*date).next_back().map(|(d, _)| *d),
                    after: self
                        .standups
                        .range(date.succ_opt()?..)
                        .next()
                        .map(|(d, _)| *d),
                };
                (Some(standup), None)
            }
            // Of the stand-ups, a manager's page shows only what they said
            // (their commitments) and their requests, open or resolved.
            Route::Manager(id) => {
                let manager = ManagerInputs {
                    reports: self.reports.get(id).copied().unwrap_or_default(),
                    resolutions: self.resolutions,
                };
                (None, Some(manager))
            }
            // Made from every stand-up (their counts, requests, answers
            // and alerts), or single pages cheap to make: made every time.
            Route::Dashboard
            | Route::Months
            | Route::Weeks
            | Route::Team
            | Route::Standups
            | Route::Idps
            | Route::OneOnOnes
            | Route::Checklist
            | Route::Pages => return None,
        };
        Some(hash(&PageInputs {
            route,
            as_of: self.as_of,
            files: self.files,
            standup,
            manager,
        }))
    }
}

impl Memo {
    /// Renders `checked` as of `as_of`, making only the pages whose inputs
    /// changed since the last good render, and hands `changed` each file
    /// whose bytes differ from the copy serve holds. On success the memo
    /// describes this render; on failure it still describes the last good one.
    /// The checked content is given up to the render (lowered by move).
    pub fn rerender(
        &mut self,
        checked: Checked,
        as_of: NaiveDate,
        changed: &(dyn Fn(OutputFile) + Sync),
    ) -> Result<Rendered, BuildError> {
        let site = Site::of(&checked, as_of);
        let inputs = Mutex::new(HashMap::new());
        let made = Mutex::new(HashMap::new());
        let wanted = |route: &Route| {
            let Some(key) = site.inputs(route) else {
                return true;
            };
            let path = route.path();
            let same = self.inputs.get(&path) == Some(&key);
            lock(&inputs).insert(path, key);
            !same
        };
        let keep = |file: OutputFile| {
            let bytes = hash(&file.bytes);
            let same = self.made.get(&file.path) == Some(&bytes);
            lock(&made).insert(file.path.clone(), bytes);
            if !same {
                changed(file);
            }
            Ok(())
        };
        let rendered = site::render_wanted(checked, as_of, &wanted, &keep)?;
        let mut made = made.into_inner().unwrap_or_else(|e| e.into_inner());
        // Files kept from before keep their hash.
        for path in &rendered.paths {
            if let Some(old) = self.made.get(path) {
                made.entry(path.clone()).or_insert(*old);
            }
        }
        self.made = made;
        self.inputs = inputs.into_inner().unwrap_or_else(|e| e.into_inner());
        Ok(rendered)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Fixed keys: a run is repeatable. Fast on long inputs (a site's files
/// and pages are tens of megabytes).
fn hasher() -> ahash::AHasher {
    ahash::RandomState::with_seeds(0x5a1e, 0x9015e, 0xc4a7, 0xd47a).build_hasher()
}

fn hash(value: &impl Hash) -> u64 {
    let mut h = hasher();
    value.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{IsoWeek, YearMonth};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    /// The inputs of a small site's pages after writing `files` over it.
    fn site(root: &std::path::Path, files: &[(&str, &str)]) -> Site {
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let checked = site::check(root, day(27));
        assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
        Site::of(&checked, day(27))
    }

    fn standup(date: u32, minutes: u32) -> (String, String) {
        (
            format!("content/standups/2026-11-{date}.md"),
            format!("---\ndate: 2026-11-{date}\nduration_min: {minutes}\n---\n"),
        )
    }

    #[test]
    fn a_stand_up_edit_keeps_period_pages_and_the_other_stand_ups() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let (s17, s18, s19) = (standup(17, 10), standup(18, 10), standup(19, 10));
        let base = [
            ("content/config.yaml", "title: T\nlocale: en\n"),
            (
                "content/team.yaml",
                "managers:\n  - { id: a, name: A, joined: 2026-01-01 }\n",
            ),
            (
                "content/weeks/2026-W47.yaml",
                "week: 2026-W47\nmanagers: {}\n",
            ),
            (&s17.0, &s17.1),
            (&s18.0, &s18.1),
            (&s19.0, &s19.1),
        ];
        let before = site(root, &base);
        let month = Route::Month(YearMonth::new(2026, 11).unwrap());
        let week = Route::Week(IsoWeek::parse("2026-W47").unwrap());
        let pages = [
            month.clone(),
            week.clone(),
            Route::Standup(day(17)),
            Route::Standup(day(19)),
        ];
        assert_eq!(before.inputs(&Route::Dashboard), None, "made every time");
        let manager = Route::Manager("a".into());

        let edited = standup(18, 25);
        let after = site(root, &[(&edited.0, &edited.1)]);
        for route in pages.iter().chain([&manager]) {
            assert_eq!(before.inputs(route), after.inputs(route), "{route:?} kept");
        }
        let d18 = Route::Standup(day(18));
        assert_ne!(
            before.inputs(&d18),
            after.inputs(&d18),
            "the edited stand-up is made"
        );

        // A stand-up added after the 19th changes the 19th's pager only.
        let s20 = standup(20, 10);
        let added = site(root, &[(&s20.0, &s20.1)]);
        let d19 = Route::Standup(day(19));
        assert_ne!(after.inputs(&d19), added.inputs(&d19));
        assert_eq!(after.inputs(&month), added.inputs(&month));

        // Any other file is an input of every page kept.
        let renamed = site(
            root,
            &[(
                "content/team.yaml",
                "managers:\n  - { id: a, name: B, joined: 2026-01-01 }\n",
            )],
        );
        for route in [month, week, Route::Standup(day(17)), manager.clone()] {
            assert_ne!(added.inputs(&route), renamed.inputs(&route), "{route:?}");
        }

        // A manager's page is made again when they report, or when a
        // request is resolved; another manager's report leaves it.
        let report = "---\ndate: 2026-11-18\nduration_min: 25\nreports:\n  a: { done: d, result: r, goal: g, how: h, help: Need a call }\n---\n";
        let reported = site(root, &[("content/standups/2026-11-18.md", report)]);
        assert_ne!(renamed.inputs(&manager), reported.inputs(&manager));
        let resolving =
            "---\ndate: 2026-11-19\nduration_min: 10\nresolved: [a-2026-11-18-help]\n---\n";
        let resolved = site(root, &[("content/standups/2026-11-19.md", resolving)]);
        assert_ne!(reported.inputs(&manager), resolved.inputs(&manager));
        let other = site(
            root,
            &[(
                "content/team.yaml",
                "managers:\n  - { id: a, name: B, joined: 2026-01-01 }\n  - { id: b, name: C, joined: 2026-01-01 }\n",
            )],
        );
        let by_b = "---\ndate: 2026-11-20\nduration_min: 10\nreports:\n  b: { done: d, result: r, goal: g, how: h }\n---\n";
        let b_reported = site(root, &[("content/standups/2026-11-20.md", by_b)]);
        assert_eq!(other.inputs(&manager), b_reported.inputs(&manager));
    }
}
