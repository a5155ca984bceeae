//! The export as a table: the delimiter found on the header line, header
//! names trimmed, footer lines told apart from rows, and every cell
//! traceable to its line and column for messages.

use crate::problem::Csv;
use csv::StringRecord;

/// One data row: its cells and where it starts in the text.
#[derive(Debug)]
pub struct Row {
    pub cells: StringRecord,
    /// 1-based line of the text where the row starts.
    pub line: u64,
    /// Byte offset of the row in the text.
    pub byte: usize,
    /// The row's number as a spreadsheet shows it (the header is row 1).
    pub number: usize,
}

#[derive(Debug)]
pub struct Table {
    pub delimiter: u8,
    /// Header names with spaces around them removed.
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Lines after the last row that are not rows: report totals, notices.
    pub footer_lines: usize,
}

/// A row whose shape is wrong, at its line.
#[derive(Debug, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub problem: Csv,
}

/// The delimiter of the header line: `;`, `,` or tab, whichever occurs
/// most outside quotes (Excel's `sep=;` first line says it outright).
fn sniff(text: &str) -> (u8, usize) {
    let first = text.lines().next().unwrap_or("");
    if let Some(sep) = first.strip_prefix("sep=")
        && let [b] = sep.trim().as_bytes()
    {
        return (*b, first.len() + 1);
    }
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in first.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b';' if !quoted => counts[0] += 1,
            b',' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    ([b';', b',', b'\t'][best], 0)
}

/// Whether a line after the data is a footer: blank, a single note
/// ("Confidential Information"), or a totals row.
fn is_footer(cells: &StringRecord) -> bool {
    let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
    let first = cells.get(0).unwrap_or("").trim().to_lowercase();
    filled <= 1
        || ["grand total", "total", "итого", "всего", "subtotal"]
            .iter()
            .any(|w| first.starts_with(w))
}

/// Reads the text as a table; `delimiter` overrides the guess.
pub fn read(text: &str, delimiter: Option<u8>) -> Result<(Table, Vec<BadRow>), Csv> {
    let (guessed, skip) = sniff(text);
    let delimiter = delimiter.unwrap_or(guessed);
    let body = &text[skip..];
    let line_offset = u64::from(skip > 0);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut records = reader.records();
    let headers = header_row(&mut records)?;
    let mut rows = Vec::new();
    // The header is row 1, as a spreadsheet numbers them.
    for (number, record) in (2..).zip(records) {
        let record = record.map_err(|e| Csv::NotCsv {
            reason: e.to_string(),
            header: false,
        })?;
        let (line, byte) = record
            .position()
            .map_or((0, 0), |p| (p.line(), p.byte() as usize));
        if record.iter().all(|c| c.trim().is_empty()) && rows.is_empty() {
            continue;
        }
        rows.push(Row {
            cells: record,
            line: line + line_offset,
            byte: byte + skip,
            number,
        });
    }
    let footer_lines = drop_footers(&mut rows);
    let bad = drop_bad_rows(&mut rows, headers.len(), delimiter);
    Ok((
        Table {
            delimiter,
            headers,
            rows,
            footer_lines,
        },
        bad,
    ))
}

/// The first line with a non-blank cell, its names trimmed of spaces and
/// a stray byte-order mark.
fn header_row(records: &mut csv::StringRecordsIter<&[u8]>) -> Result<Vec<String>, Csv> {
    loop {
        match records.next() {
            None => return Err(Csv::NoHeaderRow),
            Some(Err(e)) => {
                return Err(Csv::NotCsv {
                    reason: e.to_string(),
                    header: true,
                });
            }
            Some(Ok(r)) if r.iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(r)) => {
                return Ok(r
                    .iter()
                    .map(|h| {
                        h.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                            .to_string()
                    })
                    .collect());
            }
        }
    }
}

/// Drops the footer from the end, while the lines look like notes or
/// totals; how many lines it had.
fn drop_footers(rows: &mut Vec<Row>) -> usize {
    let mut footer_lines = 0;
    while rows.last().is_some_and(|r| is_footer(&r.cells)) {
        rows.pop();
        footer_lines += 1;
    }
    footer_lines
}

/// Drops blank rows and rows of another width than the header's; the
/// latter are returned, each with a message.
fn drop_bad_rows(rows: &mut Vec<Row>, width: usize, delimiter: u8) -> Vec<BadRow> {
    let mut bad = Vec::new();
    rows.retain(|row| {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            return false;
        }
        if row.cells.len() != width {
            bad.push(BadRow {
                line: row.line,
                problem: Csv::BadRow {
                    row: row.number,
                    cells: row.cells.len(),
                    width,
                    delimiter: delimiter_name(delimiter),
                },
            });
            return false;
        }
        true
    });
    bad
}

pub fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => ";",
        b',' => ",",
        b'\t' => "tab",
        b'|' => "|",
        _ => "?",
    }
}

/// Where cell `index` of the row starting at `byte` is: 1-based line,
/// column in characters, and its width in characters.
pub fn cell_span(text: &str, byte: usize, delimiter: u8, index: usize) -> (u64, u64, usize) {
    let bytes = text.as_bytes();
    let mut i = byte.min(bytes.len());
    let mut field = 0;
    let mut quoted = false;
    let mut start = i;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && (b == delimiter || b == b'\n') {
            if field == index || b == b'\n' {
                break;
            }
            field += 1;
            start = i + 1;
        }
        i += 1;
    }
    if field != index {
        start = i;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
    let line = text[..start].matches('\n').count() as u64 + 1;
    let column = text[line_start..start].chars().count() as u64 + 1;
    let width = text[start..i.max(start)].chars().count();
    (line, column, width)
}

/// A spreadsheet's name for a 0-based column: A, B, …, Z, AA, AB, …
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_delimiter_on_the_header_line() {
        for (text, d) in [
            ("\"a;b\",c,d\n", b','),
            ("a;b;c\n", b';'),
            ("a\tb\tc\n", b'\t'),
            ("sep=;\na,b;c\n", b';'),
        ] {
            assert_eq!(read(text, None).unwrap().0.delimiter, d, "{text}");
        }
    }

    #[test]
    fn trims_headers_and_drops_footers() {
        let text = "Owner ,Amount, Stage\nA,\"$1,234\",Won\nB,5,Lost\n\"\"\n\"Grand Totals (2 records)\",\"$1,239\",\"\"\n\"Confidential Information - Do Not Distribute\"\n";
        let (table, bad) = read(text, None).unwrap();
        assert_eq!(table.headers, ["Owner", "Amount", "Stage"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[1].line, 3);
        assert_eq!(table.footer_lines, 3);
        assert!(bad.is_empty());
    }

    #[test]
    fn a_row_of_the_wrong_width_is_named() {
        let text = "a;b;c\n1;2;3\n1;2\n4;5;6\n";
        let (table, bad) = read(text, None).unwrap();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(
            bad,
            [BadRow {
                line: 3,
                problem: Csv::BadRow {
                    row: 3,
                    cells: 2,
                    width: 3,
                    delimiter: ";"
                },
            }]
        );
    }

    #[test]
    fn cells_are_located_for_messages() {
        let text = "a;b;c\n\"x;y\";\"Дата\";zz\n";
        let (table, _) = read(text, None).unwrap();
        let row = &table.rows[0];
        assert_eq!(cell_span(text, row.byte, b';', 1), (2, 7, 6));
        assert_eq!(cell_span(text, row.byte, b';', 2), (2, 14, 2));
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(27), "AB");
    }
}
