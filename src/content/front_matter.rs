//! Markdown files with YAML front matter between `---` lines.

use crate::diagnostic::Diagnostic;
use crate::problem::Yaml;

/// The two parts of a Markdown content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Lines before the YAML (the opening `---`): add to YAML line numbers.
    pub line_offset: u64,
    pub body: &'a str,
}

/// Splits `---\n<yaml>\n---\n<body>`; a file without front matter is an error.
pub fn split<'a>(path: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let missing = || Diagnostic::error(path, Yaml::MissingFrontMatter).at(1, 1);
    let rest = text.strip_prefix("---\n").ok_or_else(missing)?;
    // The closing line is the first that is `---` and trailing whitespace.
    // Only lines that start with `---` can be it: jump from one to the next
    // rather than looking at every line of a long front matter.
    let mut offset = 0;
    loop {
        if rest[offset..].starts_with("---") {
            let end = rest[offset..]
                .find('\n')
                .map_or(rest.len(), |i| offset + i + 1);
            if rest[offset..end].trim_end() == "---" {
                return Ok(Split {
                    yaml: &rest[..offset],
                    line_offset: 1,
                    body: &rest[end..],
                });
            }
        }
        match rest[offset..].find("\n---") {
            Some(i) => offset += i + 1,
            None => break,
        }
    }
    Err(Diagnostic::error(path, Yaml::UnclosedFrontMatter).at(1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body() {
        let s = split("p.md", "---\ntitle: x\n---\nHello\n").unwrap();
        assert_eq!(s.yaml, "title: x\n");
        assert_eq!(s.body, "Hello\n");
        assert_eq!(s.line_offset, 1);
        let s = split("p.md", "---\ntitle: x\n---").unwrap();
        assert_eq!(s.body, "");
        // `----` and `--- x` do not close it; `---` with trailing spaces does.
        let s = split("p.md", "---\na: 1\n----\n--- x\n---  \nBody\n").unwrap();
        assert_eq!(s.yaml, "a: 1\n----\n--- x\n");
        assert_eq!(s.body, "Body\n");
        // An empty front matter.
        let s = split("p.md", "---\n---\nBody").unwrap();
        assert_eq!((s.yaml, s.body), ("", "Body"));
    }

    #[test]
    fn explains_missing_or_unclosed() {
        assert_eq!(
            split("p.md", "title: x\n").unwrap_err().message(),
            "missing front matter"
        );
        assert_eq!(
            split("p.md", "---\ntitle: x\n").unwrap_err().message(),
            "front matter is not closed"
        );
    }
}
