//! Markdown files with YAML front matter between `---` lines.

use crate::diagnostic::Diagnostic;

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
    let missing = || {
        Diagnostic::error(path, "missing front matter")
            .at(1, 1)
            .hint("start the file with a line `---`, the YAML keys, and another line `---`")
    };
    let rest = text.strip_prefix("---\n").ok_or_else(missing)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Ok(Split {
                yaml: &rest[..offset],
                line_offset: 1,
                body: &rest[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(path, "front matter is not closed")
        .at(1, 1)
        .hint("end the YAML keys with a line `---`"))
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
    }

    #[test]
    fn explains_missing_or_unclosed() {
        assert_eq!(
            split("p.md", "title: x\n").unwrap_err().message,
            "missing front matter"
        );
        assert_eq!(
            split("p.md", "---\ntitle: x\n").unwrap_err().message,
            "front matter is not closed"
        );
    }
}
