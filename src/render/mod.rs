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
pub mod reuse;
pub mod route;
pub mod templates;
pub mod view;

use crate::render::route::Route;
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::analytics::Analytics;
use crate::audience::Audience;
use crate::content::Content;
use crate::render::reuse::Reuse;
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
    content: &Content,
    analytics: &Analytics,
    audience: Audience,
) -> Option<Vec<u8>> {
    Some(match path {
        "data/metrics.json" => export::metrics_json(content, analytics),
        "data/weekly.csv" => export::weekly_csv(content, analytics),
        "data/weekly.xlsx" => spreadsheet::weekly_xlsx(content, analytics),
        "data/weekly.ru.csv" => spreadsheet::weekly_ru_csv(content, analytics),
        // The feed computes the analytics again as of each closed period's
        // last day (about fourteen computations, side by side).
        "feed.xml" => export::feed::atom(content, analytics, audience),
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

struct Renderer<'a> {
    templates: &'a Templates,
    /// The interface strings and the exports flag, made into template values
    /// once and shared by every page.
    strings: tera::Value,
    exports: tera::Value,
    emit: &'a Emit<'a>,
    reuse: Option<&'a Reuse>,
    /// What every page shares besides its view, for page fingerprints.
    salt: u64,
}

impl Renderer<'_> {
    fn page(&self, path: String, template: &str, page: &impl Serialize) -> Result<(), SiteError> {
        if self
            .reuse
            .is_some_and(|r| r.page_unchanged(self.salt, &path, template, page))
        {
            return Ok(());
        }
        let mut context = Context::new();
        context.insert_value("t", self.strings.clone());
        context.insert("page", page);
        context.insert_value("exports", self.exports.clone());
        // Straight into bytes: `render` would check the whole page is UTF-8
        // again on its way to a `String` we only turn back into bytes.
        let mut html = Vec::with_capacity(PAGE_CAPACITY);
        match self.templates.tera.render_to(template, &context, &mut html) {
            Ok(()) => self.file(path, html),
            Err(e) => Err(SiteError::Render(RenderError {
                path,
                template: template.to_string(),
                message: error_text(&e),
            })),
        }
    }

    fn file(&self, path: String, bytes: Vec<u8>) -> Result<(), SiteError> {
        (self.emit)(OutputFile { path, bytes }).map_err(SiteError::Emit)
    }

    /// [`Renderer::each`] for pages that can say what they are made from:
    /// with a previous render to reuse, a page whose `inputs` hash is the
    /// same is skipped before its view is even made.
    fn each_with_inputs<T: Sync, V: Serialize>(
        &self,
        items: &[T],
        template: &str,
        path: impl Fn(&T) -> String + Sync,
        inputs: impl Fn(&T) -> u64 + Sync,
        view: impl Fn(&T) -> V + Sync,
    ) -> Result<(), SiteError> {
        items.par_iter().try_for_each(|item| {
            let path = path(item);
            if let Some(reuse) = self.reuse {
                let key = crate::render::reuse::hash_of(&(self.salt, inputs(item)));
                if reuse.inputs_unchanged(&path, key) {
                    return Ok(());
                }
            }
            self.page(path, template, &view(item))
        })
    }

    /// One page per item, rendered in parallel (pages are independent).
    fn each<T: Sync, V: Serialize>(
        &self,
        items: &[T],
        template: &str,
        path: impl Fn(&T) -> String + Sync,
        view: impl Fn(&T) -> V + Sync,
    ) -> Result<(), SiteError> {
        items
            .par_iter()
            .try_for_each(|item| self.page(path(item), template, &view(item)))
    }
}

/// Renders the whole site into memory, sorted by path.
pub fn site(
    templates: &Templates,
    content: &Content,
    analytics: &Analytics,
    audience: Audience,
    exports: Exports,
) -> Result<Vec<OutputFile>, RenderError> {
    let files = std::sync::Mutex::new(Vec::new());
    let keep = |file: OutputFile| {
        files.lock().expect("no panics while pushing").push(file);
        Ok(())
    };
    match site_to(
        templates, content, analytics, audience, exports, None, &keep,
    ) {
        Ok(()) => {}
        Err(SiteError::Render(e)) => return Err(e),
        Err(SiteError::Emit(e)) => unreachable!("keeping a file in memory cannot fail: {e}"),
    }
    let mut files = files.into_inner().expect("no panics while pushing");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Renders the whole site — pages, stylesheet and (when published) data
/// exports — handing each file to `emit` as soon as it is made. With
/// `reuse`, charts drawn from the same numbers as last time are not drawn
/// again, and pages whose view did not change are not rendered or emitted
/// at all ([`Reuse::pages`] lists every page of the site).
pub fn site_to(
    templates: &Templates,
    content: &Content,
    analytics: &Analytics,
    audience: Audience,
    exports: Exports,
    reuse: Option<&Reuse>,
    emit: &Emit,
) -> Result<(), SiteError> {
    let ctx = Ctx::new(content, analytics, audience).reusing(reuse);
    let r = Renderer {
        templates,
        strings: tera::Value::try_from_serializable(ctx.t()).expect("strings serialise"),
        exports: tera::Value::from(exports.linked()),
        emit,
        reuse,
        salt: crate::render::reuse::hash_of(&(
            &content.templates,
            content.config.locale == crate::content::Locale::Ru,
            &content.config.labels,
            exports.linked(),
            audience == Audience::Owner,
        )),
    };
    // What pages that can say what they are made from share (only worth
    // hashing when there is a previous render to compare with).
    let shared = reuse.map_or(0, |_| view::inputs_besides_standups(&ctx));
    // Every job is independent; run them side by side (the families split
    // further inside), then report the first failure in this order, so the
    // error does not depend on timing.
    let mut jobs = pages(&r, &ctx, shared);
    if audience == Audience::Owner {
        jobs.extend(owner_pages(&r, &ctx));
    }
    if exports == Exports::Published {
        jobs.extend(exported(&r, content, analytics, audience));
    }
    let results: Vec<Result<(), SiteError>> = jobs.par_iter().map(|job| job()).collect();
    results.into_iter().collect()
}

/// The pages of every site: the lists, each month, week, manager, stand-up
/// and rule page, and the stylesheet. `shared` is what months, weeks and
/// stand-ups are made from besides their own data.
fn pages<'a>(r: &'a Renderer<'a>, ctx: &'a Ctx<'a>, shared: u64) -> Vec<Job<'a>> {
    let (content, analytics, templates) = (ctx.content, ctx.analytics, r.templates);
    let mut jobs: Vec<Job<'a>> = vec![
        Box::new(move || {
            r.page(
                Route::Dashboard.path(),
                "dashboard.html",
                &view::dashboard(ctx),
            )
        }),
        Box::new(move || r.page(Route::Months.path(), "months.html", &view::months(ctx))),
        Box::new(move || r.page(Route::Weeks.path(), "weeks.html", &view::weeks(ctx))),
        Box::new(move || r.page(Route::Team.path(), "team.html", &view::team(ctx))),
        Box::new(move || {
            r.page(
                Route::Standups.path(),
                "standups.html",
                &view::standups(ctx),
            )
        }),
        // Months and weeks are made from weeks, plans, notes and names, never
        // from stand-ups: `shared` is all they read.
        Box::new(move || {
            r.each_with_inputs(
                &analytics.months,
                "month.html",
                |m| Route::Month(m.month).path(),
                |_| shared,
                |m| view::month(ctx, m),
            )
        }),
        Box::new(move || {
            r.each_with_inputs(
                &analytics.weeks,
                "week.html",
                |w| Route::Week(w.week).path(),
                |_| shared,
                |w| view::week(ctx, w),
            )
        }),
        Box::new(move || {
            r.each(
                &content.team.managers,
                "manager.html",
                |m| Route::Manager(m.value.id().to_string()).path(),
                |m| view::manager(ctx, &m.value),
            )
        }),
        Box::new(move || {
            r.each_with_inputs(
                &content.standups,
                "standup.html",
                |d| Route::Standup(d.data.date.value.0).path(),
                |d| view::standup_inputs(ctx, shared, d),
                |d| view::standup(ctx, d),
            )
        }),
        Box::new(move || {
            r.each(
                &content.pages,
                "page.html",
                |d| Route::Page(d.stem().to_string()).path(),
                |d| view::page(ctx, d),
            )
        }),
        Box::new(move || r.file("style.css".into(), templates.css.clone().into_bytes())),
    ];
    if ctx.rules.len() > view::NAV_RULES {
        jobs.push(Box::new(move || {
            r.page(Route::Pages.path(), "pages.html", &view::rule_pages(ctx))
        }));
    }
    jobs
}

/// The pages only the owner's site has: development plans, the checklist,
/// one-to-ones.
fn owner_pages<'a>(r: &'a Renderer<'a>, ctx: &'a Ctx<'a>) -> Vec<Job<'a>> {
    let analytics = ctx.analytics;
    vec![
        Box::new(move || r.page(Route::Idps.path(), "idps.html", &view::idps(ctx))) as Job<'a>,
        Box::new(move || {
            r.each(
                &analytics.idps,
                "idp.html",
                |p| Route::Idp(p.slug.clone()).path(),
                |p| view::idp(ctx, p),
            )
        }),
        Box::new(move || {
            r.page(
                Route::Checklist.path(),
                "checklist.html",
                &view::checklist(ctx),
            )
        }),
        Box::new(move || {
            r.page(
                Route::OneOnOnes.path(),
                "one_on_ones.html",
                &view::one_on_ones(ctx),
            )
        }),
    ]
}

/// The data downloads and the feed, where the site publishes them.
fn exported<'a>(
    r: &'a Renderer<'a>,
    content: &'a Content,
    analytics: &'a Analytics,
    audience: Audience,
) -> Vec<Job<'a>> {
    EXPORTS
        .into_iter()
        .map(|path| {
            Box::new(move || {
                let bytes = export(path, content, analytics, audience).expect("one of EXPORTS");
                r.file(path.into(), bytes)
            }) as Job<'a>
        })
        .collect()
}

/// One independent piece of the site to render.
type Job<'a> = Box<dyn Fn() -> Result<(), SiteError> + Sync + 'a>;
