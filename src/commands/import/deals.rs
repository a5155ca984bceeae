//! Rows into deals: each cell read by its role, a deal exported as several
//! rows (Bitrix24's one row per product) counted once, and every cell that
//! cannot be read named by row and column.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::formats::Role;
use super::mapping::Resolved;
use super::table::{self, Row, Table};
use super::values::{self, Refused};
use crate::diagnostic::Diagnostic;
use crate::problem::Import;

/// One deal as the export tells it.
#[derive(Debug, Clone)]
pub struct Deal {
    /// Index of its (first) row in the table.
    pub row: usize,
    /// The responsible CRM user, as written (trimmed).
    pub user: String,
    pub created: Option<NaiveDate>,
    pub closed: Option<NaiveDate>,
    pub won: bool,
    /// The amount in cents (`None`: the cell is empty).
    pub cents: Option<u64>,
    pub meeting: Option<NaiveDate>,
}

/// The deals of an export and what reading them found.
#[derive(Debug, Default)]
pub struct Deals {
    pub deals: Vec<Deal>,
    /// Rows folded into an earlier row of the same deal id.
    pub repeated_rows: usize,
    pub errors: Vec<Diagnostic>,
    /// Errors beyond the ones kept in `errors`.
    pub more_errors: usize,
}

/// Most cell errors shown; a broken export of 100,000 rows would otherwise
/// print 100,000 messages.
pub const MAX_ERRORS: usize = 50;

/// Where the export's text is, for messages about its cells.
pub struct Source<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub table: &'a Table,
}

impl Source<'_> {
    /// An error at a cell: `column `X`: <message>`, at its line and column.
    pub fn cell_error(&self, row: &Row, column: usize, refused: Refused) -> Diagnostic {
        let (line, col, width) =
            table::cell_span(self.text, row.byte, self.table.delimiter, column);
        Diagnostic::error(
            self.path,
            Import::Cell {
                header: self.table.headers[column].clone(),
                row: row.number,
                letter: table::column_letter(column).to_string(),
                cell: refused,
            },
        )
        .at(line, col)
        .width(width)
    }
}

/// Reads every row into deals.
pub fn read(source: &Source, resolved: &Resolved) -> Deals {
    let mut out = Deals::default();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let id = resolved.column(Role::Id);
    let cell = |row: &'_ Row, role: Role| -> Option<usize> {
        resolved.column(role).filter(|i| *i < row.cells.len())
    };
    for (index, row) in source.table.rows.iter().enumerate() {
        if let Some(id) = id.and_then(|c| row.cells.get(c)).map(str::trim)
            && !id.is_empty()
        {
            if by_id.contains_key(id) {
                out.repeated_rows += 1;
                continue;
            }
            by_id.insert(id, out.deals.len());
        }
        let mut failed = false;
        let mut error = |out: &mut Deals, column: usize, refused: Refused| {
            failed = true;
            if out.errors.len() < MAX_ERRORS {
                out.errors.push(source.cell_error(row, column, refused));
            } else {
                out.more_errors += 1;
            }
        };
        let text = |role: Role| cell(row, role).map_or("", |i| &row.cells[i]);
        let mut date = |out: &mut Deals, role: Role| match cell(row, role) {
            Some(i) => {
                values::parse_date(&row.cells[i], resolved.slash_dates).unwrap_or_else(|e| {
                    error(out, i, e);
                    None
                })
            }
            None => None,
        };
        let created = date(&mut out, Role::Created);
        let closed = date(&mut out, Role::Closed);
        let meeting = date(&mut out, Role::Meeting);
        let cents = match cell(row, Role::Amount) {
            Some(i) => values::parse_amount(&row.cells[i]).unwrap_or_else(|e| {
                error(&mut out, i, e);
                None
            }),
            None => None,
        };
        if failed {
            continue;
        }
        out.deals.push(Deal {
            row: index,
            user: text(Role::Manager).trim().to_string(),
            created,
            closed,
            won: resolved.is_won(text(Role::Stage)),
            cents,
            meeting,
        });
    }
    out
}
