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

/// One figure of a row. What it lacks is left out of the template's value
/// (a missing field tests false there): a week page of a big department
/// has a thousand cells.
#[derive(Debug, Serialize, Default)]
pub struct Cell {
    /// Its column's header, repeated (`data-label`) for the card layout.
    pub label: String,
    /// The `<td>`'s classes, set by [`Grid::push`].
    pub class: &'static str,
    pub text: String,
    #[serde(skip)]
    pub num: bool,
    /// The figure is a link (to the page it comes from).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// An attainment bar under the figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bar: Option<Bar>,
    /// A change with its arrow, instead of `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<Delta>,
    /// A sparkline (trusted SVG markup) after the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spark: Option<String>,
    /// A threshold crossed: a word in its colour, linking to the evidence
    /// (and the cell on the card's face).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
}

impl Cell {
    /// Its kind (a bar, a sparkline, a number or words), `key` for the
    /// row's first figure, `marked` where a threshold is crossed.
    fn classes(&self, key: bool) -> &'static str {
        const CLASSES: [[&str; 4]; 4] = [
            ["attain", "attain marked", "attain key", "attain key marked"],
            [
                "spark-cell",
                "spark-cell marked",
                "spark-cell key",
                "spark-cell key marked",
            ],
            ["num", "num marked", "num key", "num key marked"],
            [
                "text-cell",
                "text-cell marked",
                "text-cell key",
                "text-cell key marked",
            ],
        ];
        let kind = match self {
            Cell { bar: Some(_), .. } => 0,
            Cell { spark: Some(_), .. } => 1,
            Cell { num: true, .. } => 2,
            _ => 3,
        };
        CLASSES[kind][usize::from(key) * 2 + usize::from(self.mark.is_some())]
    }
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
        for (i, (cell, column)) in cells.iter_mut().zip(&self.columns).enumerate() {
            cell.label.clone_from(&column.label);
            cell.num |= column.num;
            cell.class = cell.classes(i == 0);
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
