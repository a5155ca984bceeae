//! Rendering: every page and export of the site, in memory.
//!
//! `view` turns analytics into the serialisable context of each page,
//! `charts` draws the SVGs, `templates` holds the Tera templates (built in,
//! overridable by the site's own), `markdown` makes the head's Markdown safe
//! HTML, `export` writes the data files and `digest` the text summaries.

pub mod charts;
pub mod digest;
pub mod export;
pub mod markdown;
pub mod route;
pub mod templates;
pub mod view;

use crate::render::route::Route;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::analytics::Analytics;
use crate::audience::Audience;
use crate::domain::Department;
use crate::render::templates::{Templates, error_text};
use export::spreadsheet;
use view::Ctx;

/// A file of the finished site, by its path relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A page that did not render: which one, and tera's explanation.
#[derive(Debug, thiserror::Error)]
#[error("cannot render {path} with template {template}: {message}")]
pub struct RenderError {
    pub path: String,
    pub template: String,
    pub message: String,
}

/// Whether the exports ([`EXPORTS`]) are published, and so linked from
/// every page's footer. An encrypted build leaves them out: they would carry
/// every number in the clear. `serve` links them but makes each only when
/// it is asked for ([`export`]): the feed alone computes the analytics about
/// fourteen times, ~25 ms each on a big department, on every save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exports {
    Published,
    OnRequest,
    LeftOut,
}

impl Exports {
    /// Whether pages link the exports.
    pub fn linked(self) -> bool {
        self != Exports::LeftOut
    }
}

/// The files a published site exports besides its pages.
pub const EXPORTS: [&str; 5] = [
    "data/metrics.json",
    "data/weekly.csv",
    "data/weekly.xlsx",
    "data/weekly.ru.csv",
    "feed.xml",
];

/// One of [`EXPORTS`], made from the content and numbers an audience sees;
/// `None` for another path.
pub fn export(
    path: &str,
    department: &Department,
    analytics: &Analytics,
    audience: Audience,
) -> Option<Vec<u8>> {
    Some(match path {
        "data/metrics.json" => export::metrics_json(department, analytics),
        "data/weekly.csv" => export::weekly_csv(department, analytics),
        "data/weekly.xlsx" => spreadsheet::weekly_xlsx(department, analytics),
        "data/weekly.ru.csv" => spreadsheet::weekly_ru_csv(department, analytics),
        // The feed computes the analytics again as of each closed period's
        // last day (about fourteen computations, side by side).
        "feed.xml" => export::feed::atom(department, analytics, audience),
        _ => return None,
    })
}

/// Where each file goes the moment it is rendered (from several threads at
/// once): kept in memory, or handed to the output stage, so a big site is
/// never held whole.
pub type Emit<'a> = dyn Fn(OutputFile) -> std::io::Result<()> + Sync + 'a;

/// Why rendering stopped: a page failed, or the file could not be passed on.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Emit(std::io::Error),
}

/// A typical page's size: most are 10–100 KB, so this saves the first
/// dozen reallocations of the buffer.
const PAGE_CAPACITY: usize = 32 * 1024;

/// Which pages a render makes: `serve` keeps a copy of a page whose inputs
/// did not change, and asks only for the others (its own policy, in
/// `commands/serve/memo.rs`); a build makes them all.
pub type Wanted<'a> = &'a (dyn Fn(&Route) -> bool + Sync);

/// Every page.
pub fn every_page(_: &Route) -> bool {
    true
}

struct Renderer<'a> {
    templates: &'a Templates,
    /// The interface strings and the exports flag, made into template values
    /// once and shared by every page.
    strings: tera::Value,
    exports: tera::Value,
    emit: &'a Emit<'a>,
    wanted: Wanted<'a>,
    /// The path of every file of the site, made or not.
    paths: std::sync::Mutex<Vec<String>>,
}

impl Renderer<'_> {
    /// The page at `route` from `template` and the view `view` makes, when
    /// it is wanted (its view is not even made otherwise).
    fn page<V: Serialize>(
        &self,
        route: Route,
        template: &str,
        view: impl FnOnce() -> V,
    ) -> Result<(), SiteError> {
        let path = route.path();
        self.listed(&path);
        if !(self.wanted)(&route) {
            return Ok(());
        }
        let mut context = Context::new();
        context.insert_value("t", self.strings.clone());
        context.insert("page", &view());
        context.insert_value("exports", self.exports.clone());
        // Straight into bytes: `render` would check the whole page is UTF-8
        // again on its way to a `String` we only turn back into bytes.
        let mut html = Vec::with_capacity(PAGE_CAPACITY);
        match self.templates.tera.render_to(template, &context, &mut html) {
            Ok(()) => self.emit(path, html),
            Err(e) => Err(SiteError::Render(RenderError {
                path,
                template: template.to_string(),
                message: error_text(&e),
            })),
        }
    }

    /// A file that is not a page (the stylesheet, an export).
    fn file(&self, path: String, bytes: Vec<u8>) -> Result<(), SiteError> {
        self.listed(&path);
        self.emit(path, bytes)
    }

    fn listed(&self, path: &str) {
        self.paths
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(path.to_string());
    }

    fn emit(&self, path: String, bytes: Vec<u8>) -> Result<(), SiteError> {
        (self.emit)(OutputFile { path, bytes }).map_err(SiteError::Emit)
    }

    /// One page per item, rendered in parallel (pages are independent).
    fn each<T: Sync, V: Serialize>(
        &self,
        items: &[T],
        template: &str,
        route: impl Fn(&T) -> Route + Sync,
        view: impl Fn(&T) -> V + Sync,
    ) -> Result<(), SiteError> {
        items
            .par_iter()
            .try_for_each(|item| self.page(route(item), template, || view(item)))
    }
}

/// Renders the whole site into memory, sorted by path.
pub fn site(
    templates: &Templates,
    department: &Department,
    analytics: &Analytics,
    audience: Audience,
    exports: Exports,
) -> Result<Vec<OutputFile>, RenderError> {
    let files = std::sync::Mutex::new(Vec::new());
    let keep = |file: OutputFile| {
        files.lock().expect("no panics while pushing").push(file);
        Ok(())
    };
    let pages = Pages {
        wanted: &every_page,
        emit: &keep,
    };
    match site_to(templates, department, analytics, audience, exports, pages) {
        Ok(_) => {}
        Err(SiteError::Render(e)) => return Err(e),
        Err(SiteError::Emit(e)) => unreachable!("keeping a file in memory cannot fail: {e}"),
    }
    let mut files = files.into_inner().expect("no panics while pushing");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Which files a render makes, and where each goes the moment it is made.
pub struct Pages<'a> {
    pub wanted: Wanted<'a>,
    pub emit: &'a Emit<'a>,
}

/// Renders the site — pages, stylesheet and (when published) data exports
/// — handing each file that `pages` wants to its `emit` as soon as it is
/// made. Returns the path of every file of the site, made or not, sorted.
pub fn site_to(
    templates: &Templates,
    department: &Department,
    analytics: &Analytics,
    audience: Audience,
    exports: Exports,
    pages: Pages,
) -> Result<Vec<String>, SiteError> {
    let ctx = Ctx::new(department, analytics, audience);
    let r = Renderer {
        templates,
        strings: tera::Value::try_from_serializable(ctx.t()).expect("strings serialise"),
        exports: tera::Value::from(exports.linked()),
        emit: pages.emit,
        wanted: pages.wanted,
        paths: std::sync::Mutex::new(Vec::new()),
    };
    // Every job is independent; run them side by side (the families split
    // further inside), the exports first (the longest job, started while the
    // pages fill the other threads), then report the first failure in this
    // order, so the error does not depend on timing.
    let mut jobs = Vec::new();
    if exports == Exports::Published {
        jobs.push(exported(&r, department, analytics, audience));
    }
    jobs.extend(site_pages(&r, &ctx));
    if audience == Audience::Owner {
        jobs.extend(owner_pages(&r, &ctx));
    }
    let results: Vec<Result<(), SiteError>> = jobs.par_iter().map(|job| job()).collect();
    results.into_iter().collect::<Result<(), SiteError>>()?;
    let mut paths = std::mem::take(
        &mut *r
            .paths
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    paths.sort();
    Ok(paths)
}

/// The pages of every site: the lists, each month, week, manager, stand-up
/// and rule page, and the stylesheet.
fn site_pages<'a>(r: &'a Renderer<'a>, ctx: &'a Ctx<'a>) -> Vec<Job<'a>> {
    let (department, analytics, templates) = (ctx.department, ctx.analytics, r.templates);
    let mut jobs: Vec<Job<'a>> = vec![
        Box::new(move || r.page(Route::Dashboard, "dashboard.html", || view::dashboard(ctx))),
        Box::new(move || r.page(Route::Months, "months.html", || view::months(ctx))),
        Box::new(move || r.page(Route::Weeks, "weeks.html", || view::weeks(ctx))),
        Box::new(move || r.page(Route::Team, "team.html", || view::team(ctx))),
        Box::new(move || r.page(Route::Standups, "standups.html", || view::standups(ctx))),
        Box::new(move || {
            r.each(
                &analytics.months,
                "month.html",
                |m| Route::Month(m.month),
                |m| view::month(ctx, m),
            )
        }),
        Box::new(move || {
            r.each(
                &analytics.weeks,
                "week.html",
                |w| Route::Week(w.week),
                |w| view::week(ctx, w),
            )
        }),
        Box::new(move || {
            r.each(
                &department.team.managers,
                "manager.html",
                |m| Route::Manager(m.id.clone()),
                |m| view::manager(ctx, m),
            )
        }),
        Box::new(move || {
            r.each(
                &department.standups,
                "standup.html",
                |d| Route::Standup(d.date),
                |d| view::standup(ctx, d),
            )
        }),
        Box::new(move || {
            r.each(
                &department.pages,
                "page.html",
                |d| Route::Page(d.slug.clone()),
                |d| view::page(ctx, d),
            )
        }),
        Box::new(move || r.file("style.css".into(), templates.css.clone().into_bytes())),
    ];
    if ctx.rules.len() > view::NAV_RULES {
        jobs.push(Box::new(move || {
            r.page(Route::Pages, "pages.html", || view::rule_pages(ctx))
        }));
    }
    jobs
}

/// The pages only the owner's site has: development plans, the checklist,
/// one-to-ones.
fn owner_pages<'a>(r: &'a Renderer<'a>, ctx: &'a Ctx<'a>) -> Vec<Job<'a>> {
    let analytics = ctx.analytics;
    vec![
        Box::new(move || r.page(Route::Idps, "idps.html", || view::idps(ctx))) as Job<'a>,
        Box::new(move || {
            r.each(
                &analytics.idps,
                "idp.html",
                |p| Route::Idp(p.slug.clone()),
                |p| view::idp(ctx, p),
            )
        }),
        Box::new(move || r.page(Route::Checklist, "checklist.html", || view::checklist(ctx))),
        Box::new(move || {
            r.page(Route::OneOnOnes, "one_on_ones.html", || {
                view::one_on_ones(ctx)
            })
        }),
    ]
}

/// The data downloads and the feed, where the site publishes them: one job
/// that makes them one after another, so that the biggest passing values
/// (the workbook's cells, the feed's analytics of a day, ~25 MB each on a
/// big department) are not alive at once and reuse one thread's memory.
fn exported<'a>(
    r: &'a Renderer<'a>,
    department: &'a Department,
    analytics: &'a Analytics,
    audience: Audience,
) -> Job<'a> {
    Box::new(move || {
        EXPORTS.into_iter().try_for_each(|path| {
            let bytes = export(path, department, analytics, audience).expect("one of EXPORTS");
            r.file(path.into(), bytes)
        })
    })
}

/// One independent piece of the site to render.
type Job<'a> = Box<dyn Fn() -> Result<(), SiteError> + Sync + 'a>;
