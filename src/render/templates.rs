//! The templates: built-in files compiled into the binary, overridden file by
//! file by the site's own `templates/`.

use std::collections::BTreeMap;

use tera::Tera;

use crate::diagnostic::Diagnostic;
use crate::problem::Files;

/// Built-in templates and assets, by file name.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/base.html")),
    ),
    (
        "components.html",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/components.html"
        )),
    ),
    (
        "dashboard.html",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/dashboard.html"
        )),
    ),
    (
        "months.html",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/months.html"
        )),
    ),
    (
        "month.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/month.html")),
    ),
    (
        "weeks.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/weeks.html")),
    ),
    (
        "week.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/week.html")),
    ),
    (
        "team.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/team.html")),
    ),
    (
        "manager.html",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/manager.html"
        )),
    ),
    (
        "standups.html",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/standups.html"
        )),
    ),
    (
        "standup.html",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/standup.html"
        )),
    ),
    (
        "idps.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/idps.html")),
    ),
    (
        "idp.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/idp.html")),
    ),
    (
        "page.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/page.html")),
    ),
    (
        "pages.html",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/pages.html")),
    ),
    (
        "checklist.html",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/checklist.html"
        )),
    ),
    (
        "one_on_ones.html",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/one_on_ones.html"
        )),
    ),
    (
        "locked.html",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/locked.html"
        )),
    ),
    (
        "style.css",
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/style.css")),
    ),
];

/// Files of `templates/` that are the tool's own but not page templates.
const NOT_PAGES: &[&str] = &[
    "serve_error.html",
    "init/README.ru.md",
    "init/README.en.md",
    "init/pages.yml",
    "unlock.js",
    "locked.css",
];

/// Compiled templates plus the stylesheet.
pub struct Templates {
    pub tera: Tera,
    pub css: String,
}

/// Compiles the built-in templates with the site's overrides in place.
/// A broken override is a diagnostic pointing at its file.
pub fn load(overrides: &BTreeMap<String, String>) -> (Option<Templates>, Vec<Diagnostic>) {
    let mut files: BTreeMap<&str, &str> = BUILTIN.iter().copied().collect();
    let mut diagnostics = Vec::new();
    for (name, text) in overrides {
        if NOT_PAGES.contains(&name.as_str()) {
            // The tool's own non-page files (this repository's templates/ as a site).
            continue;
        }
        if name.ends_with(".html") || name == "style.css" {
            files.insert(name.as_str(), text.as_str());
        } else {
            diagnostics.push(Diagnostic::warning(
                format!("templates/{name}"),
                Files::TemplateIgnored,
            ));
        }
    }
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html"]);
    let html = files
        .iter()
        .filter(|(n, _)| n.ends_with(".html"))
        .map(|(n, t)| (*n, *t));
    if let Err(err) = tera.add_raw_templates(html) {
        let culprit = overrides
            .keys()
            .find(|n| err.to_string().contains(n.as_str()))
            .map_or_else(|| "templates".to_string(), |n| format!("templates/{n}"));
        diagnostics.push(Diagnostic::error(
            culprit,
            Files::TemplateBroken {
                detail: error_text(&err),
            },
        ));
        return (None, diagnostics);
    }
    let templates = Templates {
        tera,
        css: files
            .get("style.css")
            .copied()
            .unwrap_or_default()
            .to_string(),
    };
    (Some(templates), diagnostics)
}

/// Tera's message with its cause chain (the useful text may be in either).
pub fn error_text(err: &tera::Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(&format!("\ncaused by: {cause}"));
        source = cause.source();
    }
    text
}
