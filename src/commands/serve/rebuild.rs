//! What one save costs: the site rebuilt in memory from what changed, or
//! the page of problems that stopped it.

use super::*;

/// Polls `/__salespulse/version` and reloads the page when a rebuild happened.
pub(super) const RELOAD_JS: &str = "(function(){var v=null;setInterval(function(){fetch('/__salespulse/version',{cache:'no-store'})\
.then(function(r){return r.text()}).then(function(t){if(v===null){v=t}else if(t!==v){location.reload()}})\
.catch(function(){})},500)})();\n";

/// What a rebuild changed: the files made anew (with the reload script
/// injected), and every page the site now has.
pub(super) struct Rebuilt {
    /// The site's language, for what the terminal says.
    pub(super) locale: Locale,
    pub(super) changed: Vec<(String, Vec<u8>)>,
    pub(super) pages: HashSet<String>,
    pub(super) timings: site::Timings,
    /// What the exports are made from when one is asked for.
    pub(super) exports: Arc<Exportable>,
}

/// The content and numbers of the last good build, kept to make an export
/// (the feed, the spreadsheets, metrics.json) when the browser asks for it.
pub(super) struct Exportable {
    pub(super) department: crate::domain::Department,
    pub(super) analytics: crate::analytics::Analytics,
}

impl Exportable {
    /// The bytes of `file` if it is one of the exports.
    pub(super) fn make(&self, file: &str) -> Option<Vec<u8>> {
        crate::render::export(
            file,
            &self.department,
            &self.analytics,
            crate::audience::Audience::Owner,
        )
    }
}

/// What one build lends the next: parsed files, and what the pages serve
/// holds were made from.
#[derive(Default)]
pub(super) struct Memory {
    parsed: ParseCache,
    rendered: Memo,
    /// The problems printed last, to print them again only when they change.
    shown: Vec<Diagnostic>,
}

/// A build that failed: the page served instead, in the site's language.
pub(super) struct Failed {
    pub(super) locale: Locale,
    pub(super) page: String,
}

/// Builds the site in memory, parsing and re-rendering only what changed
/// since the last build; on failure, the error page.
pub(super) fn rebuild(
    root: &Path,
    as_of: NaiveDate,
    color: bool,
    memory: &mut Memory,
    say: &Say,
) -> Result<Rebuilt, Failed> {
    // The config's own `locale:` even when the config is broken, else the
    // environment's.
    let locale = crate::locale::detect::for_root(root);
    let checked = site::check_with(root, as_of, |files| memory.parsed.parse(files));
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    // The same warnings again after every save would bury what changed.
    if checked.diagnostics == memory.shown {
        if !checked.diagnostics.is_empty() {
            let warnings = checked.diagnostics.len() - errors.len();
            say(Said::Line(console::as_before(
                locale,
                errors.len(),
                warnings,
            )));
        }
    } else {
        let shown = diagnostic::render_human(
            &checked.diagnostics,
            &checked.content.sources,
            color,
            locale,
        );
        say(Said::Problems(shown));
        memory.shown = checked.diagnostics.clone();
    }
    if !errors.is_empty() {
        let plain = diagnostic::render_human(&errors, &checked.content.sources, false, locale);
        return Err(Failed {
            locale,
            page: error_page(locale, errors.len(), &plain),
        });
    }
    let changed = Mutex::new(Vec::new());
    let keep = |file: OutputFile| {
        let bytes = inject(&file.path, file.bytes);
        changed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((file.path, bytes));
    };
    match memory.rendered.rerender(checked, as_of, &keep) {
        Ok(rendered) => Ok(Rebuilt {
            locale,
            changed: changed
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
            pages: rendered.paths.into_iter().collect(),
            timings: rendered.timings,
            exports: Arc::new(Exportable {
                department: rendered.department,
                analytics: rendered.analytics,
            }),
        }),
        Err(err) => {
            say(Said::Line(format!("error: {err}")));
            Err(Failed {
                locale,
                page: error_page(locale, 1, &err.to_string()),
            })
        }
    }
}

fn error_page(locale: Locale, errors: usize, report: &str) -> String {
    let words = console::error_page(locale, errors);
    let mut context = tera::Context::new();
    context.insert("lang", words.lang);
    context.insert("title", &words.title);
    context.insert("heading", &words.heading);
    context.insert("lede", words.lede);
    context.insert("errors", &errors);
    context.insert("report", report);
    let page = tera::Tera::one_off(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/templates/serve_error.html"
        )),
        &context,
        true,
    )
    .unwrap_or_else(|e| format!("<pre>{e}</pre>"));
    inject_script(&page)
}

/// Serve-only changes to a page: allow our own script, add it.
fn inject(path: &str, bytes: Vec<u8>) -> Vec<u8> {
    if !path.ends_with(".html") {
        return bytes;
    }
    let html = String::from_utf8_lossy(&bytes).replace(
        "default-src 'none';",
        "default-src 'none'; script-src 'self'; connect-src 'self';",
    );
    inject_script(&html).into_bytes()
}

fn inject_script(html: &str) -> String {
    html.replacen(
        "</body>",
        "<script src=\"/__salespulse/reload.js\"></script>\n</body>",
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serve_pages_allow_only_our_script() {
        let page = b"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\"><body></body>".to_vec();
        let html = String::from_utf8(inject("index.html", page)).unwrap();
        assert!(html.contains("script-src 'self'"));
        assert!(html.contains("<script src=\"/__salespulse/reload.js\"></script>"));
        assert_eq!(inject("style.css", b"a{}".to_vec()), b"a{}");
    }
}
