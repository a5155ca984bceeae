//! `salespulse digest`: a short summary of the department for a phone
//! screen — the month's verdict, what changed since the previous period,
//! who and what lags and what is being done, new alerts, a link — in the
//! site's language, from the same analytics as the site. Sending it is the
//! CI's job (the Pages workflows), not the binary's.
//!
//! Three steps, none of which reads a file or the clock:
//! [`facts::gather`] reads the figures out of [`Analytics`] (the one place
//! that knows the time model), [`text::compose`] words them, and
//! [`render`] writes the words as text, Markdown, an HTML mail or a
//! Telegram message (Telegram's HTML: only `<b>` and `<a>`, `<>&` escaped).

pub mod facts;
pub mod text;

use crate::analytics::Analytics;
use crate::audience::Audience;
use crate::domain::Department;
use crate::locale::format::Formatter;

pub use facts::Facts;

/// The stretch of time a digest looks back on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Period {
    /// The latest stand-up, and the month so far.
    Day,
    /// The latest week with data, against the week before.
    Week,
    /// The current month, against the month before.
    Month,
}

impl Period {
    pub fn key(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }
}

/// How a digest is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain lines, for a terminal or a plain-text mail.
    Text,
    /// Markdown, for a chat or a page that renders it.
    Markdown,
    /// A small HTML document, for an HTML mail.
    Html,
    /// A Telegram message in Telegram's HTML (`parse_mode=HTML`).
    Telegram,
}

/// A piece of a line.
#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    Text(String),
    Strong(String),
}

/// A line, or a titled list of lines.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Line(Vec<Span>),
    List {
        title: Vec<Span>,
        items: Vec<Vec<Span>>,
    },
}

/// A digest in words, before it is written in a format.
#[derive(Debug, Clone, PartialEq)]
pub struct Digest {
    /// "Отдел продаж · неделя 48 (23–29 нояб.)": also a mail's subject.
    pub heading: String,
    /// What it is about, without the site's title ("неделя 48 (23–29 нояб.)").
    pub subject: String,
    pub blocks: Vec<Block>,
    /// (label, absolute URL) of the page to open, when the site's address is known.
    pub link: Option<(String, String)>,
}

/// What a digest is made for.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub period: Period,
    pub audience: Audience,
    /// The published site's address; `config.yaml`'s `base_url` when it is absolute.
    pub base_url: Option<&'a str>,
    /// Say only that the report was updated (an encrypted site's public channel).
    pub redact: bool,
}

/// The digest of the audience's content and analytics (`before`: the same
/// content as of [`facts::previous_as_of`]), in words.
pub fn digest(department: &Department, now: &Analytics, before: &Analytics, o: Options) -> Digest {
    words(department, &gather(department, now, before, o), o.redact)
}

/// The figures of [`digest`], before they are put in words.
pub fn gather(department: &Department, now: &Analytics, before: &Analytics, o: Options) -> Facts {
    let base = o.base_url.or(Some(department.config.base_url.as_str()));
    facts::gather(department, now, before, o.period, o.audience, base)
}

/// A digest's figures in the site's language.
pub fn words(department: &Department, facts: &Facts, redact: bool) -> Digest {
    text::compose(facts, &Formatter::for_config(&department.config), redact)
}

/// `<`, `>`, `&` and `"` as HTML entities (Telegram's HTML needs the first three).
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The characters that make emphasis, code, links, HTML or tables in
/// Markdown backslash-escaped, so a name or the head's words stay text.
/// (Our lines never start with a name, so `#`, `-` and `1.` at a line's
/// start need no escape.)
fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn spans(spans: &[Span], format: Format) -> String {
    spans
        .iter()
        .map(|s| match (s, format) {
            (Span::Text(t) | Span::Strong(t), Format::Text) => t.clone(),
            (Span::Text(t), Format::Markdown) => escape_markdown(t),
            (Span::Strong(t), Format::Markdown) => {
                let trimmed = t.trim_end();
                format!("**{}**{}", escape_markdown(trimmed), &t[trimmed.len()..])
            }
            (Span::Text(t), Format::Html | Format::Telegram) => escape_html(t),
            (Span::Strong(t), Format::Html | Format::Telegram) => {
                format!("<b>{}</b>", escape_html(t))
            }
        })
        .collect()
}

/// The digest written in a format; ends with a newline.
pub fn render(d: &Digest, format: Format) -> String {
    let mut out = String::new();
    match format {
        Format::Text | Format::Telegram => {
            let heading = match format {
                Format::Telegram => format!("<b>{}</b>", escape_html(&d.heading)),
                _ => d.heading.clone(),
            };
            out.push_str(&heading);
            out.push_str("\n\n");
            for b in &d.blocks {
                match b {
                    Block::Line(line) => {
                        out.push_str(&spans(line, format));
                        out.push('\n');
                    }
                    Block::List { title, items } => {
                        out.push_str(&spans(title, format));
                        out.push('\n');
                        for item in items {
                            out.push_str("• ");
                            out.push_str(&spans(item, format));
                            out.push('\n');
                        }
                    }
                }
            }
            if let Some((label, url)) = &d.link {
                out.push('\n');
                match format {
                    Format::Telegram => out.push_str(&format!(
                        "<a href=\"{}\">{}</a>\n",
                        escape_html(url),
                        escape_html(label)
                    )),
                    _ => out.push_str(&format!("{label}: {url}\n")),
                }
            }
        }
        Format::Markdown => {
            out.push_str(&format!("**{}**\n\n", escape_markdown(&d.heading)));
            for b in &d.blocks {
                match b {
                    Block::Line(line) => {
                        out.push_str(&spans(line, format));
                        out.push_str("\n\n");
                    }
                    Block::List { title, items } => {
                        out.push_str(&spans(title, format));
                        out.push_str("\n\n");
                        for item in items {
                            out.push_str("- ");
                            out.push_str(&spans(item, format));
                            out.push('\n');
                        }
                        out.push('\n');
                    }
                }
            }
            if let Some((label, url)) = &d.link {
                out.push_str(&format!("[{}](<{url}>)\n", escape_markdown(label)));
            } else {
                out.pop();
            }
        }
        Format::Html => {
            out.push_str(&format!(
                "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body>\n",
                escape_html(&d.heading)
            ));
            out.push_str(&html_fragment(d));
            out.push_str("</body>\n</html>\n");
        }
    }
    out
}

/// The digest as HTML paragraphs and lists (an HTML mail's body, a feed entry).
pub fn html_fragment(d: &Digest) -> String {
    let mut out = format!("<p><b>{}</b></p>\n", escape_html(&d.heading));
    for b in &d.blocks {
        match b {
            Block::Line(line) => {
                out.push_str(&format!("<p>{}</p>\n", spans(line, Format::Html)));
            }
            Block::List { title, items } => {
                out.push_str(&format!("<p>{}</p>\n<ul>\n", spans(title, Format::Html)));
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", spans(item, Format::Html)));
                }
                out.push_str("</ul>\n");
            }
        }
    }
    if let Some((label, url)) = &d.link {
        out.push_str(&format!(
            "<p><a href=\"{}\">{}</a></p>\n",
            escape_html(url),
            escape_html(label)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Digest {
        Digest {
            heading: "A <b> & \"c\" · week 48".into(),
            subject: "week 48".into(),
            blocks: vec![
                Block::Line(vec![
                    Span::Strong("Nov: ".into()),
                    Span::Text("95% of plan_a *x* [y](z).".into()),
                ]),
                Block::List {
                    title: vec![Span::Strong("Lagging:".into())],
                    items: vec![vec![Span::Text("Bob <script>".into())]],
                },
            ],
            link: Some(("Open".into(), "https://e.x/weeks/2026-W48/?a=1&b=2".into())),
        }
    }

    #[test]
    fn telegram_escapes_what_its_html_parser_reads() {
        let t = render(&sample(), Format::Telegram);
        assert!(t.starts_with("<b>A &lt;b&gt; &amp; &quot;c&quot; · week 48</b>\n\n"));
        assert!(t.contains("• Bob &lt;script&gt;\n"));
        assert!(t.contains("<a href=\"https://e.x/weeks/2026-W48/?a=1&amp;b=2\">Open</a>"));
        // Only the tags Telegram knows.
        let tags: Vec<&str> = t
            .split('<')
            .skip(1)
            .map(|s| s.split(['>', ' ']).next().unwrap())
            .collect();
        assert!(
            tags.iter().all(|t| ["b", "/b", "a", "/a"].contains(t)),
            "{tags:?}"
        );
    }

    #[test]
    fn markdown_escapes_names_and_words() {
        let m = render(&sample(), Format::Markdown);
        assert!(
            m.contains("**Nov:** 95% of plan\\_a \\*x\\* \\[y\\](z)."),
            "{m}"
        );
        assert!(m.contains("- Bob \\<script\\>"));
        assert!(m.ends_with("[Open](<https://e.x/weeks/2026-W48/?a=1&b=2>)\n"));
    }

    #[test]
    fn text_is_plain() {
        let t = render(&sample(), Format::Text);
        assert!(t.contains(
            "Nov: 95% of plan_a *x* [y](z).\nLagging:\n• Bob <script>\n\nOpen: https://"
        ));
    }
}
