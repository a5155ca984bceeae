//! A diagnostic as it is printed, worded in the site's language: as cargo
//! does for a person (the source line quoted, a caret under the column), as
//! JSON for tools, as GitHub workflow commands for CI annotations. Nothing
//! a file holds reaches a terminal unescaped.

use std::borrow::Cow;
use std::collections::HashMap;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, DisplayStyle, Styles, StylesWriter};
use serde::Serialize;

use super::{Diagnostic, Severity, SourceMap};
use crate::content::Locale;

/// Byte range of `width` characters from a 1-based line and column, clamped to the line.
fn byte_range(text: &str, line: u32, column: u32, width: u32) -> Option<std::ops::Range<usize>> {
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let line_text = text[start..].split('\n').next().unwrap_or("");
    let offset_of = |chars: usize| {
        line_text
            .char_indices()
            .nth(chars)
            .map_or(line_text.len(), |(i, _)| i)
    };
    let from = offset_of(column.saturating_sub(1) as usize);
    let to = offset_of((column.saturating_sub(1) + width) as usize).max(from);
    Some(start + from..start + to)
}

/// Lines longer than this (in bytes) are not quoted under a diagnostic: a
/// generated or hostile file may hold megabytes on one line.
const MAX_SNIPPET_LINE: usize = 400;

/// Length in bytes of the line that holds byte `at`.
fn line_length(text: &str, at: usize) -> usize {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    end - start
}

/// What a terminal must not receive from a file: control characters and
/// the bidirectional controls (which could move the cursor, clear the
/// screen or reorder the text shown).
fn unprintable(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// A visible stand-in of the same width for an unprintable character: the
/// Unicode "control picture" of a C0 control or DEL (`␛`, `␀`), `�` for the
/// rest. One character for one, so columns stay where they were.
fn picture(c: char) -> char {
    match c as u32 {
        code @ 0..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// `text` with every unprintable character shown as its picture; line
/// breaks and tabs too when `keep_lines` is false.
fn escape_controls(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let escaped = |c: char| unprintable(c) && !(keep_lines && matches!(c, '\n' | '\t'));
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if escaped(c) { picture(c) } else { c })
            .collect(),
    )
}

/// A diagnostic as it is shown: worded in a locale, its texts (from file
/// names and file contents) unable to drive the terminal they are printed
/// to. Messages keep their line breaks (a template error spans lines); a
/// path keeps none.
#[derive(Serialize)]
struct Shown {
    severity: Severity,
    code: &'static str,
    path: String,
    line: Option<u32>,
    column: Option<u32>,
    #[serde(skip)]
    width: u32,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    hint: Option<String>,
}

fn shown(d: &Diagnostic, locale: Locale) -> Shown {
    let text = d.text(locale);
    let clean = |t: String| escape_controls(&t, true).into_owned();
    Shown {
        severity: d.severity,
        code: d.code(),
        path: escape_controls(&d.path, false).into_owned(),
        line: d.line,
        column: d.column,
        width: d.width,
        message: clean(text.message),
        label: text.label.map(clean),
        hint: text.hint.map(clean),
    }
}

/// Renders diagnostics as cargo and rustc do, worded in `locale`: message,
/// `--> path:line:col`, the source line with a caret, and the hint.
/// `color` adds terminal colours. Control characters in the lines quoted,
/// and in file names and messages, are shown as pictures (`␛`), never sent
/// to the terminal. The `error`/`warning`/`help` marks stay English, as
/// cargo's do: they are the same in every language.
pub fn render_human(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    color: bool,
    locale: Locale,
) -> String {
    let config = Config {
        display_style: DisplayStyle::Rich,
        chars: term::Chars::ascii(),
        ..Config::default()
    };
    let styles = Styles::default();
    let mut out = String::new();
    // Each file's text made printable once, however many diagnostics quote it.
    let mut printable_sources: HashMap<&str, Cow<str>> = HashMap::new();
    for original in diagnostics {
        let mut files = SimpleFiles::new();
        let text = sources.get(&original.path).map(|text| {
            &**printable_sources
                .entry(original.path.as_str())
                .or_insert_with(|| escape_controls(text, true))
        });
        let d = &shown(original, locale);
        let located = match (text, d.line, d.column) {
            (Some(text), Some(line), Some(column)) => byte_range(text, line, column, d.width)
                .filter(|range| line_length(text, range.start) <= MAX_SNIPPET_LINE)
                .map(|range| (files.add(d.path.as_str(), text), range)),
            _ => None,
        };
        let report = match d.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        }
        .with_message(&d.message);
        let Some((file, range)) = located else {
            render_unlocated(&mut out, d);
            continue;
        };
        let mut label = Label::primary(file, range);
        if let Some(text) = &d.label {
            label = label.with_message(text);
        }
        let mut report = report.with_labels(vec![label]);
        if let Some(hint) = &d.hint {
            report = report.with_notes(vec![format!("help: {hint}")]);
        }
        if color {
            let mut buf = Vec::new();
            let mut writer = StylesWriter::new(termcolor::Ansi::new(&mut buf), &styles);
            if term::emit_to_write_style(&mut writer, &config, &files, &report).is_ok() {
                out.push_str(&String::from_utf8_lossy(&buf));
                continue;
            }
        }
        match term::emit_into_string(&config, &files, &report) {
            Ok(text) => out.push_str(&text),
            Err(_) => render_unlocated(&mut out, d),
        }
    }
    out
}

fn render_unlocated(out: &mut String, d: &Shown) {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    out.push_str(&format!("{kind}: {}\n  --> {}", d.message, d.path));
    if let Some(line) = d.line {
        out.push_str(&format!(":{line}"));
        if let Some(column) = d.column {
            out.push_str(&format!(":{column}"));
        }
    }
    out.push('\n');
    if let Some(hint) = &d.hint {
        out.push_str(&format!("  = help: {hint}\n"));
    }
    out.push('\n');
}

/// A JSON array for tools, worded in `locale` beside each kind's stable
/// English `code`; the shape is documented in docs/check.md.
pub fn render_json(diagnostics: &[Diagnostic], locale: Locale) -> String {
    let shown: Vec<Shown> = diagnostics.iter().map(|d| shown(d, locale)).collect();
    serde_json::to_string_pretty(&shown).unwrap_or_else(|_| "[]".into()) + "\n"
}

/// GitHub Actions workflow commands, one per line, so CI annotates the
/// files; the title of each is the kind's `code`.
pub fn render_github(diagnostics: &[Diagnostic], locale: Locale) -> String {
    // Workflow command values escape %, CR and LF; properties also `:` and `,`.
    let data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for d in diagnostics {
        let d = &shown(d, locale);
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!("::{kind} file={}", prop(&d.path)));
        if let Some(line) = d.line {
            out.push_str(&format!(",line={line}"));
        }
        if let Some(column) = d.column {
            out.push_str(&format!(",col={column}"));
        }
        out.push_str(&format!(",title={}", prop(d.code)));
        let mut message = d.message.clone();
        if let Some(hint) = &d.hint {
            message.push_str(&format!("\nhelp: {hint}"));
        }
        out.push_str(&format!("::{}\n", data(&message)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_caret_under_the_column() {
        let mut sources = SourceMap::default();
        sources.insert(
            "content/weeks/2026-W47.yaml",
            "week: 2026-W47\nmanagers:\n  anna-ivanva:\n",
        );
        let d = Diagnostic::error(
            "content/weeks/2026-W47.yaml",
            "unknown manager `anna-ivanva`",
        )
        .at(3, 3)
        .width(11)
        .label("not in content/team.yaml")
        .hint("did you mean `anna-ivanova`?");
        let text = render_human(&[d], &sources, false, Locale::En);
        assert_eq!(
            text,
            "error: unknown manager `anna-ivanva`\n  \
             --> content/weeks/2026-W47.yaml:3:3\n  |\n3 |   anna-ivanva:\n  \
             |   ^^^^^^^^^^^ not in content/team.yaml\n  |\n  = help: did you mean `anna-ivanova`?\n\n"
        );
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let mut sources = SourceMap::default();
        let path = "content/pages/\u{1b}]0;pwned\u{7}.md";
        sources.insert(path, "---\ntitle: \"a\u{1b}[2Jb\u{202e}cd\u{8}\"\n---\n");
        let d = Diagnostic::error(path, "the control character U+001B (escape) in `\u{1b}[2J`")
            .at(2, 10)
            .hint("delete \u{9b}it");
        let text = render_human(std::slice::from_ref(&d), &sources, false, Locale::En);
        assert!(!text.chars().any(unprintable_except_layout), "{text:?}");
        // A message's own line breaks stay (template errors span lines).
        let multi = Diagnostic::error("templates/x.html", "template error: a\ncaused by: b");
        let shown = render_human(&[multi], &sources, false, Locale::En);
        assert!(shown.contains("a\ncaused by: b"), "{shown}");
        assert!(text.contains("2 | title: \"a␛[2Jb�cd␈\""), "{text}");
        // The caret stays under the character it points at.
        assert!(text.contains("  |          ^"), "{text}");
        assert!(
            text.contains("--> content/pages/␛]0;pwned␇.md:2:10"),
            "{text}"
        );
        assert!(text.contains("= help: delete �it"), "{text}");
        let github = render_github(&[d], Locale::En);
        assert!(
            !github.trim_end().chars().any(unprintable_except_layout),
            "{github:?}"
        );
    }

    fn unprintable_except_layout(c: char) -> bool {
        unprintable(c) && c != '\n'
    }

    #[test]
    fn github_format_escapes() {
        let d = Diagnostic::warning("content/a,b.yaml", "50% done\nnext").at(2, 1);
        assert_eq!(
            render_github(&[d], Locale::En),
            "::warning file=content/a%2Cb.yaml,line=2,col=1,title=other::50%25 done%0Anext\n"
        );
    }
}
