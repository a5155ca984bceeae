//! A per-manager table as a value: one row per manager (and the team's
//! total), the name column sticky and the key figure second. It is written
//! once; below ~600 px the stylesheet makes each row a card, with the key
//! figure and every marked cell on the card's face and the rest under them,
//! each cell labelled by its column (templates/components.html, `grid`).

use serde::Serialize;

use super::Delta;

#[derive(Debug, Serialize)]
pub struct Grid {
    /// Names the table for tests and styles (`data-grid`).
    pub kind: &'static str,
    /// The first column's header ("Менеджер").
    pub name_label: &'static str,
    pub columns: Vec<Column>,
    pub rows: Vec<GridRow>,
}

#[derive(Debug, Serialize)]
pub struct Column {
    pub label: String,
    pub num: bool,
}

#[derive(Debug, Serialize)]
pub struct GridRow {
    pub name: String,
    pub href: Option<String>,
    /// The team's row: set apart, first.
    pub total: bool,
    pub cells: Vec<Cell>,
}

/// One figure of a row.
#[derive(Debug, Serialize, Default)]
pub struct Cell {
    /// Its column's header, repeated (`data-label`) for the card layout.
    pub label: String,
    pub text: String,
    pub num: bool,
    /// The figure is a link (to the page it comes from).
    pub href: Option<String>,
    /// An attainment bar under the figure.
    pub bar: Option<Bar>,
    /// A change with its arrow, instead of `text`.
    pub delta: Option<Delta>,
    /// A sparkline (trusted SVG markup) after the text.
    pub spark: Option<String>,
    /// A threshold crossed: a word in its colour, linking to the evidence
    /// (and the cell on the card's face).
    pub mark: Option<Mark>,
}

#[derive(Debug, Serialize, Clone)]
pub struct Mark {
    pub word: String,
    /// `bad` or `warn`: the colour, always with the word.
    pub tone: &'static str,
    pub href: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Bar {
    pub width: f64,
    pub below: bool,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    pub fn num(text: impl Into<String>) -> Self {
        Cell {
            num: true,
            ..Cell::text(text)
        }
    }

    pub fn delta(delta: Option<Delta>) -> Self {
        match delta {
            Some(d) => Cell {
                num: true,
                delta: Some(d),
                ..Cell::default()
            },
            None => Cell::num("—"),
        }
    }

    pub fn link(self, href: Option<String>) -> Self {
        Cell { href, ..self }
    }

    pub fn bar(self, width: f64, below: bool) -> Self {
        Cell {
            bar: Some(Bar { width, below }),
            ..self
        }
    }

    pub fn spark(svg: String) -> Self {
        Cell {
            spark: Some(svg),
            ..Cell::default()
        }
    }

    pub fn mark(self, mark: Option<Mark>) -> Self {
        Cell { mark, ..self }
    }
}

impl Grid {
    pub fn new(kind: &'static str, name_label: &'static str, columns: Vec<Column>) -> Self {
        Grid {
            kind,
            name_label,
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row; its cells take their labels from the columns.
    pub fn push(&mut self, name: String, href: Option<String>, total: bool, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.columns.len(), "{}", self.kind);
        let mut cells = cells;
        for (cell, column) in cells.iter_mut().zip(&self.columns) {
            cell.label.clone_from(&column.label);
            cell.num |= column.num;
        }
        self.rows.push(GridRow {
            name,
            href,
            total,
            cells,
        });
    }
}

impl Column {
    pub fn text(label: impl Into<String>) -> Self {
        Column {
            label: label.into(),
            num: false,
        }
    }

    pub fn num(label: impl Into<String>) -> Self {
        Column {
            label: label.into(),
            num: true,
        }
    }
}
