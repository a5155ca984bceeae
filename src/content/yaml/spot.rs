//! Reading the YAML text around the place an error points at: the key, the
//! token, the map it belongs to.

use crate::problem::Found;

/// Where in the YAML text an error points, with the helpers that read around it.
pub(super) struct Spot<'a> {
    text: &'a str,
    /// 1-based YAML line and column.
    pub(super) position: Option<(u64, u64)>,
    line_text: &'a str,
}

impl<'a> Spot<'a> {
    pub(super) fn new(text: &'a str, position: Option<(u64, u64)>) -> Self {
        let line_text = position
            .and_then(|(l, _)| text.lines().nth(l.saturating_sub(1) as usize))
            .unwrap_or("");
        Self {
            text,
            position,
            line_text,
        }
    }

    /// The whole YAML text.
    pub(super) fn text(&self) -> &'a str {
        self.text
    }

    /// The line from the error's column on.
    pub(super) fn rest(&self) -> &'a str {
        let column = self.position.map_or(1, |(_, c)| c) as usize;
        self.line_text
            .char_indices()
            .nth(column - 1)
            .map_or("", |(i, _)| &self.line_text[i..])
    }

    /// The key whose value starts at the error's column (`deals` in `deals: twelve`
    /// and in `{ deals: twelve }`), if it is on the same line.
    pub(super) fn key(&self) -> Option<String> {
        let column = self.position?.1 as usize;
        let mut before: String = self.line_text.chars().take(column - 1).collect();
        // A key with nothing after it is reported at its colon.
        if self.rest().starts_with(':') {
            before.push(':');
        }
        let before = before.trim_end().strip_suffix(':')?.trim_end();
        let key: String = before
            .chars()
            .rev()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '{' | ',' | '['))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let key = key.trim_start_matches("- ").trim_matches(['"', '\'']);
        (!key.is_empty()).then(|| key.to_string())
    }

    /// The key of the map that holds the error's position: the nearest line
    /// above with less indentation (`anna-ivanova` for a missing field in her entry).
    pub(super) fn parent_key(&self) -> Option<String> {
        let (line, column) = self.position?;
        // An alias or an anchored value after its key (`bob: *entry`): the
        // value of that key is what is incomplete, not the map around it.
        if self.rest().starts_with(['*', '&'])
            && let Some(key) = self.key()
        {
            return Some(key);
        }
        let before: String = self.line_text.chars().take(column as usize - 1).collect();
        // A flow map on the same line: `anna-ivanova: { deals: 3 }`.
        if let Some((head, _)) = before.rsplit_once('{') {
            let head = head.trim_end().strip_suffix(':')?;
            let key = head.trim().trim_start_matches("- ");
            return (!key.is_empty()).then(|| key.trim_matches(['"', '\'']).to_string());
        }
        let indent = column as usize - 1;
        let above: Vec<&str> = self
            .text
            .lines()
            .take(line.saturating_sub(1) as usize)
            .collect();
        above
            .into_iter()
            .rev()
            .find(|l| {
                let t = l.trim_start();
                !t.is_empty() && !t.starts_with('#') && l.len() - t.len() < indent
            })
            .and_then(|l| l.trim().trim_start_matches("- ").split_once(':'))
            .map(|(k, _)| k.trim().trim_matches(['"', '\'']).to_string())
            .filter(|k| !k.is_empty())
    }

    /// What stands at the error's column: a list, a map, nothing, or the text.
    pub(super) fn found(&self) -> Found {
        let rest = self.rest().trim_end();
        match rest.chars().next() {
            None | Some('#') | Some(':') => Found::Nothing,
            Some('[') => Found::List,
            Some('-') if rest.starts_with("- ") || rest == "-" => Found::List,
            Some('{') => Found::Map,
            _ if self.token().is_empty() => Found::Nothing,
            _ => Found::Text(self.token().to_string()),
        }
    }

    /// The scalar that starts at the error's column: a quoted string up to
    /// its closing quote, otherwise up to `: `, `,`, `}`, `]`, ` #` or the end.
    pub(super) fn token(&self) -> &'a str {
        let rest = self.rest();
        if rest.starts_with(['{', '[']) {
            return &rest[..1];
        }
        if let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            return match rest[1..].find(quote) {
                Some(end) => &rest[..end + 2],
                None => rest.trim_end(),
            };
        }
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            let next = rest[i + c.len_utf8()..].chars().next();
            let stop = match c {
                ',' | '}' | ']' => true,
                ':' => next.is_none_or(char::is_whitespace),
                '#' => i > 0 && rest[..i].ends_with(char::is_whitespace),
                _ => false,
            };
            if stop {
                end = i;
                break;
            }
        }
        rest[..end].trim_end()
    }

    /// The first tab on the error's line or the next one, where the scanner
    /// tripped over it (it may report the end of the line before).
    pub(super) fn tab(&self) -> Option<(u64, u64)> {
        let (line, _) = self.position?;
        self.text
            .lines()
            .enumerate()
            .skip(line.saturating_sub(1) as usize)
            .take(2)
            .find_map(|(i, l)| {
                let at = l.find('\t')?;
                Some((i as u64 + 1, l[..at].chars().count() as u64 + 1))
            })
    }

    /// A `{` or `[` that the error's line opens and does not close.
    pub(super) fn unclosed_bracket(&self) -> Option<(char, char)> {
        let count = |c: char| self.line_text.matches(c).count();
        [('{', '}'), ('[', ']')]
            .into_iter()
            .find(|(open, close)| count(*open) > count(*close))
    }

    /// `deals:3`: a colon glued to its value, so YAML sees one word.
    pub(super) fn colon_without_space(&self) -> bool {
        let t = self.line_text.trim_start().trim_start_matches("- ");
        let plain = t.starts_with(|c: char| c.is_alphanumeric() || c == '_');
        plain
            && t.split_once(':').is_some_and(|(key, value)| {
                !key.contains(' ')
                    && value.starts_with(|c: char| !c.is_whitespace() && c != ':' && c != '/')
            })
    }

    /// The first `*alias` in the text: where expansion starts.
    pub(super) fn first_alias(&self) -> Option<(u64, u64)> {
        self.text.lines().enumerate().find_map(|(i, l)| {
            let chars: Vec<char> = l.chars().collect();
            (1..chars.len())
                .find(|&j| {
                    chars[j] == '*'
                        && matches!(chars[j - 1], ' ' | '[' | ',' | '{' | ':')
                        && chars.get(j + 1).is_some_and(|c| c.is_alphanumeric())
                })
                .map(|j| (i as u64 + 1, j as u64 + 1))
        })
    }

    pub(super) fn token_width(&self) -> usize {
        self.token().chars().count().max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_named_in_type_errors() {
        let spot = Spot::new("week: 1\nx: { deals: twelve }\n", Some((2, 13)));
        assert_eq!(spot.key().as_deref(), Some("deals"));
        assert_eq!(spot.token(), "twelve");
        assert_eq!(spot.parent_key().as_deref(), Some("x"));
        let spot = Spot::new("m:\n  anna:\n    deals: 1\n", Some((3, 5)));
        assert_eq!(spot.parent_key().as_deref(), Some("anna"));
        let spot = Spot::new("revenue: 150 000 # note\n", Some((1, 10)));
        assert_eq!(spot.token(), "150 000");
        let spot = Spot::new("note: \"a, b\" # c\n", Some((1, 7)));
        assert_eq!(spot.token(), "\"a, b\"");
    }
}
