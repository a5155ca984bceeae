//! Rendering: every page and export of the site, in memory.

use serde::Serialize;
use tera::Context;

use crate::analytics::Analytics;
use crate::content::Content;
use crate::export;
use crate::i18n;
use crate::templates::{Templates, error_text};
use crate::view::{self, Ctx};

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

/// Whether the machine-readable exports (`data/metrics.json`,
/// `data/weekly.csv`) are published, and so linked from every page's footer.
/// An encrypted build leaves them out: they would carry every number in the clear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exports {
    Published,
    LeftOut,
}

struct Renderer<'a> {
    templates: &'a Templates,
    strings: std::collections::BTreeMap<&'static str, &'static str>,
    exports: bool,
    files: Vec<OutputFile>,
}

impl Renderer<'_> {
    fn page(
        &mut self,
        path: String,
        template: &str,
        page: &impl Serialize,
    ) -> Result<(), RenderError> {
        let fail = |message: String| RenderError {
            path: path.clone(),
            template: template.to_string(),
            message,
        };
        let mut context = Context::new();
        context.insert("t", &self.strings);
        context.insert("page", page);
        context.insert("exports", &self.exports);
        let html = self
            .templates
            .tera
            .render(template, &context)
            .map_err(|e| fail(error_text(&e)))?;
        self.files.push(OutputFile {
            path,
            bytes: html.into_bytes(),
        });
        Ok(())
    }
}

/// Renders the whole site: pages, stylesheet and (when published) data exports.
pub fn site(
    templates: &Templates,
    content: &Content,
    analytics: &Analytics,
    exports: Exports,
) -> Result<Vec<OutputFile>, RenderError> {
    let ctx = Ctx::new(content, analytics);
    let mut r = Renderer {
        templates,
        strings: i18n::strings(content.config.locale),
        exports: exports == Exports::Published,
        files: Vec::new(),
    };
    r.page(
        "index.html".into(),
        "dashboard.html",
        &view::dashboard(&ctx),
    )?;
    r.page(
        "months/index.html".into(),
        "months.html",
        &view::months(&ctx),
    )?;
    for m in &analytics.months {
        r.page(
            format!("months/{}/index.html", m.month),
            "month.html",
            &view::month(&ctx, m),
        )?;
    }
    r.page("weeks/index.html".into(), "weeks.html", &view::weeks(&ctx))?;
    for w in &analytics.weeks {
        r.page(
            format!("weeks/{}/index.html", w.week),
            "week.html",
            &view::week(&ctx, w),
        )?;
    }
    r.page("team/index.html".into(), "team.html", &view::team(&ctx))?;
    for m in &content.team.managers {
        let m = &m.value;
        r.page(
            format!("team/{}/index.html", m.id()),
            "manager.html",
            &view::manager(&ctx, m),
        )?;
    }
    r.page(
        "standups/index.html".into(),
        "standups.html",
        &view::standups(&ctx),
    )?;
    for doc in &content.standups {
        let path = view::href::standup(doc.data.date.value.0);
        r.page(path, "standup.html", &view::standup(&ctx, doc))?;
    }
    r.page("idp/index.html".into(), "idps.html", &view::idps(&ctx))?;
    for p in &analytics.idps {
        r.page(view::href::idp(&p.slug), "idp.html", &view::idp(&ctx, p))?;
    }
    r.page(
        "checklist/index.html".into(),
        "checklist.html",
        &view::checklist(&ctx),
    )?;
    r.page(
        "one-on-ones/index.html".into(),
        "one_on_ones.html",
        &view::one_on_ones(&ctx),
    )?;
    for doc in &content.pages {
        r.page(
            view::href::page(doc.stem()),
            "page.html",
            &view::page(&ctx, doc),
        )?;
    }
    let mut files = r.files;
    files.push(OutputFile {
        path: "style.css".into(),
        bytes: templates.css.clone().into_bytes(),
    });
    if exports == Exports::Published {
        files.push(OutputFile {
            path: "data/metrics.json".into(),
            bytes: export::metrics_json(content, analytics),
        });
        files.push(OutputFile {
            path: "data/weekly.csv".into(),
            bytes: export::weekly_csv(content, analytics),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
