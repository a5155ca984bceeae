//! The one place Markdown becomes HTML: pulldown-cmark with tables,
//! strikethrough and task lists, then ammonia, so nothing in a content file
//! can run script in a reader's browser.
//!
//! The head's numbers are set as the site sets its own: an amount and its
//! unit never break across lines ("1 500 000 ₽", "12 %"), and the columns
//! of a table that hold figures are right-aligned in tabular digits
//! (`class="num"`, as in the generated tables).

use std::borrow::Cow;
use std::collections::HashSet;

use pulldown_cmark::{Alignment, CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Narrow no-break space: between groups of digits, as the site writes them.
const NNBSP: char = '\u{202f}';
/// No-break space: between a number and its unit.
const NBSP: char = '\u{a0}';

/// Safe HTML of a Markdown text.
pub fn to_html(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    let events = typeset(Parser::new_ext(source, options));
    let mut raw = String::new();
    html::push_html(&mut raw, events.into_iter());
    // pulldown-cmark says a right-aligned cell with an inline style, which
    // the sanitiser (rightly) drops: say it with the site's class instead.
    let raw = raw
        .replace("<td style=\"text-align: right\">", "<td class=\"num\">")
        .replace("<th style=\"text-align: right\">", "<th class=\"num\">");
    sanitize(&raw)
}

/// The events with no-break spaces in the numbers of the text, and every
/// table's columns of figures aligned right.
fn typeset<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out: Vec<Event<'a>> = Vec::new();
    // Where the table being read starts in `out`.
    let mut table: Option<usize> = None;
    for event in events {
        let event = match event {
            Event::Text(text) => Event::Text(match bind_numbers(&text) {
                Cow::Borrowed(_) => text,
                Cow::Owned(bound) => CowStr::from(bound),
            }),
            other => other,
        };
        match &event {
            Event::Start(Tag::Table(_)) => table = Some(out.len()),
            Event::End(TagEnd::Table) => {
                if let Some(start) = table.take() {
                    align_figures(&mut out[start..]);
                }
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

/// Sets right alignment on each column of a table (its events from
/// `Start(Table)`) whose body cells are all figures, unless the head chose
/// an alignment (`:---`, `:---:`, `---:`) themselves.
fn align_figures(table: &mut [Event]) {
    let Some(Event::Start(Tag::Table(alignments))) = table.first() else {
        return;
    };
    let columns = alignments.len();
    // Per column: any figure seen, any other text seen.
    let mut figures = vec![(false, false); columns];
    let (mut head, mut column, mut cell) = (false, 0, None::<String>);
    for event in table.iter() {
        match event {
            Event::Start(Tag::TableHead) => head = true,
            Event::End(TagEnd::TableHead) => head = false,
            Event::Start(Tag::TableRow) => column = 0,
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(cell) = cell.as_mut() {
                    cell.push_str(t);
                }
            }
            Event::End(TagEnd::TableCell) => {
                let text = cell.take().unwrap_or_default();
                if let (false, Some(seen)) = (head, figures.get_mut(column)) {
                    match text.trim() {
                        "" | "—" | "–" | "-" => {}
                        t if is_figure(t) => seen.0 = true,
                        _ => seen.1 = true,
                    }
                }
                column += 1;
            }
            _ => {}
        }
    }
    if let Some(Event::Start(Tag::Table(alignments))) = table.first_mut() {
        for (alignment, (figure, other)) in alignments.iter_mut().zip(figures) {
            if *alignment == Alignment::None && figure && !other {
                *alignment = Alignment::Right;
            }
        }
    }
}

/// A cell that holds a figure: "1 500 000 ₽", "−12,5 %", "▲ 4", "$1,200",
/// "27–30 %" — digits with their separators, signs and units, nothing else.
fn is_figure(text: &str) -> bool {
    let mut rest = text.trim();
    for unit in ["п.п.", "pp", "тыс.", "млн", "млрд", "руб.", "мин", "шт."] {
        rest = rest.strip_suffix(unit).unwrap_or(rest).trim_end();
    }
    rest.chars().any(|c| c.is_ascii_digit())
        && rest.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || c == NNBSP
                || ",.+-−–—▲▼≈~%‰₽$€£₸₴×".contains(c)
        })
}

/// Units and signs that stay on the line of the number before them.
const UNITS: [&str; 14] = [
    "₽", "%", "‰", "$", "€", "£", "₸", "руб", "тыс", "млн", "млрд", "мин", "п.п.", "×",
];

/// "1 500 000 ₽" → "1 500 000 ₽" held together: the spaces between groups
/// of three digits become narrow no-break spaces, and the space between a
/// number and its unit a no-break space.
fn bind_numbers(text: &str) -> Cow<'_, str> {
    if !text.contains(|c: char| c.is_ascii_digit()) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        let space = c == ' ' || c == NBSP;
        let between_groups =
            space && i > 0 && digit(i - 1) && (1..=3).all(|k| digit(i + k)) && !digit(i + 4);
        let before_unit = space && i > 0 && digit(i - 1) && {
            let next: String = chars[i + 1..].iter().take(4).collect();
            UNITS.iter().any(|u| next.starts_with(u))
        };
        if between_groups {
            out.push(NNBSP);
            changed = true;
        } else if before_unit && c == ' ' {
            out.push(NBSP);
            changed = true;
        } else {
            out.push(c);
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Keeps formatting, tables and task-list boxes; drops scripts, event
/// handlers, inline styles and every link scheme but http, https and mailto.
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_allowed_classes("td", ["num"])
        .add_allowed_classes("th", ["num"])
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
    fn amounts_and_units_do_not_break() {
        let html = to_html("План — 1 500 000 ₽ и 12 % роста, 5 консультаций в 2026 году.");
        assert!(html.contains("1\u{202f}500\u{202f}000&nbsp;₽"), "{html}");
        assert!(html.contains("12&nbsp;%"), "{html}");
        // Counts and years are left as written.
        assert!(html.contains("5 консультаций в 2026 году"), "{html}");
        // Code is the head's literal text.
        assert!(to_html("`1 500 ₽`").contains("<code>1 500 ₽</code>"));
    }

    #[test]
    fn columns_of_figures_align_like_the_generated_tables() {
        let html = to_html(
            "| Менеджер | Выручка | Доля | Комментарий |\n|---|---|:--|---|\n\
             | Анна | 1 500 000 ₽ | 12 % | 4 500 |\n| Пётр | 780 000 ₽ | 9,5 % | нет |\n",
        );
        assert!(
            html.contains("<th>Менеджер</th><th class=\"num\">Выручка</th>"),
            "{html}"
        );
        assert!(
            html.contains("<td class=\"num\">1\u{202f}500\u{202f}000&nbsp;₽</td>"),
            "{html}"
        );
        // The head's own alignment wins; a column with words is text.
        assert!(
            html.contains("<th>Доля</th>") && html.contains("<td>12&nbsp;%</td>"),
            "{html}"
        );
        assert!(
            html.contains("<td>нет</td>") && html.contains("<td>4\u{202f}500</td>"),
            "{html}"
        );
        // Right alignment the head asked for comes through as the class.
        let html = to_html("| a |\n|--:|\n| x |\n");
        assert!(html.contains("<td class=\"num\">x</td>"), "{html}");
        assert!(is_figure("−12,5 %") && is_figure("▲ 4") && is_figure("1,2 млн"));
        assert!(!is_figure("2 из 5") && !is_figure("Анна"));
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
