//! A key written twice in one map. serde-saphyr's `DuplicateMappingKey`
//! carries the key and the position of the second occurrence only; to name
//! the line of the first, the file is read again with the parser under
//! serde-saphyr, down to the same map.

use std::borrow::Cow;

use serde_saphyr::granit_parser::{Event, Parser};

use super::explain::Explained;
use super::spot::Spot;
use crate::problem::Yaml;

/// `key` is serde-saphyr's text of the key when it is a plain string; the
/// spot points at the repeat. `line_offset` turns YAML lines into file lines.
pub(super) fn explain(key: Option<&str>, spot: &Spot, line_offset: u64) -> Explained {
    let found = spot
        .position
        .and_then(|repeat| first_occurrence(spot.text(), repeat));
    let key = key
        .map(str::to_string)
        .or_else(|| found.as_ref().map(|(key, _)| key.clone()))
        .unwrap_or_else(|| spot.token().to_string());
    let lines = match (found, spot.position) {
        (Some((_, (first, _))), Some((repeat, _))) => {
            Some((first + line_offset, repeat + line_offset))
        }
        _ => None,
    };
    Explained::new(Yaml::Duplicate { key, lines })
}

/// A map being read: whether its next node is a key, and the scalar keys
/// read so far with their 1-based positions.
struct Map<'a> {
    key_next: bool,
    keys: Vec<(Cow<'a, str>, (u64, u64))>,
}

/// The text of the key at `repeat` (a 1-based YAML line and column) and
/// the position of the first key of the same map with the same text.
/// `None` when `repeat` is not a scalar key or no earlier key matches it
/// (a key written through an alias).
fn first_occurrence(text: &str, repeat: (u64, u64)) -> Option<(String, (u64, u64))> {
    // One entry per open collection; `None` for a list.
    let mut open: Vec<Option<Map>> = Vec::new();
    for event in Parser::new_from_str(text) {
        // The error came from this text; a scan error here ends the search.
        let (event, span) = event.ok()?;
        let at = (span.start.line() as u64, span.start.col() as u64 + 1);
        match event {
            Event::MappingStart(..) => open.push(Some(Map {
                key_next: true,
                keys: Vec::new(),
            })),
            Event::SequenceStart(..) => open.push(None),
            Event::MappingEnd | Event::SequenceEnd => {
                open.pop();
                node_read(&mut open);
            }
            Event::Scalar(value, ..) => {
                if let Some(Some(map)) = open.last_mut()
                    && map.key_next
                {
                    if at == repeat {
                        let first = map.keys.iter().find(|(k, _)| *k == value)?.1;
                        return Some((value.into_owned(), first));
                    }
                    map.keys.push((value, at));
                }
                node_read(&mut open);
            }
            Event::Alias(_) => node_read(&mut open),
            _ => {}
        }
    }
    None
}

/// A whole node was read: in a map, a key is followed by its value and a
/// value by the next key.
fn node_read(open: &mut [Option<Map>]) {
    if let Some(Some(map)) = open.last_mut() {
        map.key_next = !map.key_next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_occurrence_is_found_in_the_same_map() {
        // `deals` of anna is not a repeat of petr's; the repeat at 5:3 is of 2:3.
        let text = "managers:\n  anna: { deals: 1 }\n  petr:\n    deals: 2\n  anna: { deals: 3 }\n";
        assert_eq!(
            first_occurrence(text, (5, 3)),
            Some(("anna".to_string(), (2, 3)))
        );
        // In a flow map, and as a value of a list item.
        assert_eq!(
            first_occurrence("- { a: 1, b: 2, a: 3 }\n", (1, 17)),
            Some(("a".to_string(), (1, 5)))
        );
        // A quoted key is the same key as a plain one.
        assert_eq!(
            first_occurrence("x: 1\n\"x\": 2\n", (2, 1)),
            Some(("x".to_string(), (1, 1)))
        );
        // A value equal to a key is not a key.
        assert_eq!(first_occurrence("a: b\nb: 1\n", (2, 1)), None);
        // A complex key (a map) between them does not shift keys and values.
        assert_eq!(
            first_occurrence("k: 1\n? { z: 1 }\n: 2\nk: 3\n", (4, 1)),
            Some(("k".to_string(), (1, 1)))
        );
    }

    #[test]
    fn the_message_names_both_file_lines() {
        let text = "managers:\n  anna: 1\n  petr: 2\n  anna: 3\n";
        let spot = Spot::new(text, Some((4, 3)));
        let e = explain(Some("anna"), &spot, 1);
        assert_eq!(e.message(), "key `anna` is written twice, on lines 3 and 5");
        assert_eq!(e.hint().as_deref(), Some("keep one of them"));
        let spot = Spot::new("{ a: 1, a: 2 }\n", Some((1, 9)));
        let e = explain(None, &spot, 0);
        assert_eq!(e.message(), "key `a` is written twice on line 1");
        // Not found (here: no position): the key alone.
        let e = explain(Some("anna"), &Spot::new(text, None), 0);
        assert_eq!(e.message(), "key `anna` is written twice");
    }
}
