//! The one place Markdown becomes HTML: pulldown-cmark with tables,
//! strikethrough and task lists, then ammonia, so nothing in a content file
//! can run script in a reader's browser.

use std::collections::HashSet;

use pulldown_cmark::{Options, Parser, html};

/// Safe HTML of a Markdown text.
pub fn to_html(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    let mut raw = String::new();
    html::push_html(&mut raw, Parser::new_ext(source, options));
    sanitize(&raw)
}

/// Keeps formatting, tables and task-list boxes; drops scripts, event
/// handlers, inline styles and every link scheme but http, https and mailto.
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_tables_strikethrough_and_tasks() {
        let html =
            to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n- [ ] todo\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(
            html.contains(r#"<input disabled="" type="checkbox" checked="">"#),
            "{html}"
        );
    }

    #[test]
    fn nothing_runs() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n\n\"><svg onload=alert(1)>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onload"), "{html}");
        assert!(!html.contains("<svg"), "{html}");
    }

    #[test]
    fn keeps_ordinary_links() {
        let html = to_html(
            "[site](https://example.com) [rel](../pages/x/index.html) [mail](mailto:a@b.c)",
        );
        assert!(html.contains(r#"href="https://example.com""#));
        assert!(html.contains(r#"href="../pages/x/index.html""#));
        assert!(html.contains(r#"href="mailto:a@b.c""#));
    }
}
