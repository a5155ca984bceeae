//! Rendering: every page and export of the site, in memory.

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::analytics::Analytics;
use crate::audience::Audience;
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
}

impl Renderer<'_> {
    fn page(
        &self,
        path: String,
        template: &str,
        page: &impl Serialize,
    ) -> Result<OutputFile, RenderError> {
        let mut context = Context::new();
        context.insert("t", &self.strings);
        context.insert("page", page);
        context.insert("exports", &self.exports);
        match self.templates.tera.render(template, &context) {
            Ok(html) => Ok(OutputFile {
                path,
                bytes: html.into_bytes(),
            }),
            Err(e) => Err(RenderError {
                path,
                template: template.to_string(),
                message: error_text(&e),
            }),
        }
    }

    /// One page per item, rendered in parallel (pages are independent; the
    /// order is restored by the final sort).
    fn each<T: Sync, V: Serialize>(
        &self,
        items: &[T],
        template: &str,
        path: impl Fn(&T) -> String + Sync,
        view: impl Fn(&T) -> V + Sync,
    ) -> Result<Vec<OutputFile>, RenderError> {
        items
            .par_iter()
            .map(|item| self.page(path(item), template, &view(item)))
            .collect()
    }
}

/// Renders the whole site: pages, stylesheet and (when published) data exports.
pub fn site(
    templates: &Templates,
    content: &Content,
    analytics: &Analytics,
    audience: Audience,
    exports: Exports,
) -> Result<Vec<OutputFile>, RenderError> {
    let ctx = Ctx::new(content, analytics, audience);
    let r = Renderer {
        templates,
        strings: i18n::strings(content.config.locale),
        exports: exports == Exports::Published,
    };
    let mut files = vec![
        r.page(
            "index.html".into(),
            "dashboard.html",
            &view::dashboard(&ctx),
        )?,
        r.page(
            "months/index.html".into(),
            "months.html",
            &view::months(&ctx),
        )?,
        r.page("weeks/index.html".into(), "weeks.html", &view::weeks(&ctx))?,
        r.page("team/index.html".into(), "team.html", &view::team(&ctx))?,
        r.page(
            "standups/index.html".into(),
            "standups.html",
            &view::standups(&ctx),
        )?,
    ];
    files.extend(r.each(
        &analytics.months,
        "month.html",
        |m| format!("months/{}/index.html", m.month),
        |m| view::month(&ctx, m),
    )?);
    files.extend(r.each(
        &analytics.weeks,
        "week.html",
        |w| format!("weeks/{}/index.html", w.week),
        |w| view::week(&ctx, w),
    )?);
    files.extend(r.each(
        &content.team.managers,
        "manager.html",
        |m| format!("team/{}/index.html", m.value.id()),
        |m| view::manager(&ctx, &m.value),
    )?);
    files.extend(r.each(
        &content.standups,
        "standup.html",
        |d| view::href::standup(d.data.date.value.0),
        |d| view::standup(&ctx, d),
    )?);
    if audience == Audience::Owner {
        files.push(r.page("idp/index.html".into(), "idps.html", &view::idps(&ctx))?);
        files.extend(r.each(
            &analytics.idps,
            "idp.html",
            |p| view::href::idp(&p.slug),
            |p| view::idp(&ctx, p),
        )?);
        files.push(r.page(
            "checklist/index.html".into(),
            "checklist.html",
            &view::checklist(&ctx),
        )?);
        files.push(r.page(
            "one-on-ones/index.html".into(),
            "one_on_ones.html",
            &view::one_on_ones(&ctx),
        )?);
    }
    files.extend(r.each(
        &content.pages,
        "page.html",
        |d| view::href::page(d.stem()),
        |d| view::page(&ctx, d),
    )?);
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
