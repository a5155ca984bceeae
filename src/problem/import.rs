//! Problems `import` meets in a CRM export, its map file and the site.

use super::Problem;
use crate::commands::import::formats::Role;

/// Why one cell of an export cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    NotADate {
        text: String,
    },
    NoFourDigitYear {
        text: String,
    },
    NoSuchDate {
        text: String,
        fix: CellDate,
    },
    NotAnAmount {
        text: String,
    },
    NegativeAmount {
        text: String,
    },
    /// Too large to read; `real` when it reads but is beyond any real deal.
    AmountTooLarge {
        text: String,
        real: bool,
    },
}

/// What is wrong with a date-shaped cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellDate {
    YearOutOfRange(i32),
    /// No such month, with `/` between the parts: the day may come first.
    NoMonthSlash(u32),
    NoMonth(u32),
    MonthDays {
        month: String,
        days: u32,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Import {
    /// The export read as CSV: its encoding, header and rows.
    Csv(Csv),
    /// A cell that cannot be read: its column's header, row and letter.
    Cell {
        header: String,
        row: usize,
        letter: String,
        cell: Cell,
    },
    /// config.yaml or team.yaml did not parse: import would guess.
    NeedsFile,
    /// A week file `import` would edit has errors.
    FileHasErrors,
    TooLarge {
        megabytes: u64,
        limit: u64,
    },
    NotRegular,
    CannotRead {
        reason: String,
    },
    MapNotUtf8,
    /// More unreadable cells than are listed one by one.
    MoreCells {
        more: usize,
        shown: usize,
    },
    /// A write failed after `written` files were written.
    CannotWrite {
        reason: String,
        written: Vec<String>,
    },
    /// Which column means what: the CRM and the map file.
    Mapping(Mapping),
    /// A week file named otherwise than the calendar names it; `files` are
    /// the names it should have.
    Misnamed {
        week: String,
        stem: String,
        files: Vec<String>,
    },
    /// Rows not counted in full.
    Uncounted(Uncounted),
}

/// Problems reading the export as CSV: its encoding, its syntax, its header
/// row and the number of cells in each row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Csv {
    UnknownEncoding {
        label: String,
    },
    /// The bytes are not text in `encoding`; `named` when the map file named it.
    NotText {
        encoding: &'static str,
        named: bool,
    },
    /// The CSV reader's own reason; `header` when it is the header row's.
    NotCsv {
        reason: String,
        header: bool,
    },
    NoHeaderRow,
    /// A row with another number of cells than the header; `delimiter`
    /// as the map file names it (`;`, `tab`).
    BadRow {
        row: usize,
        cells: usize,
        width: usize,
        delimiter: &'static str,
    },
}

/// Problems telling which column means what: the CRM, the map file's
/// columns, delimiter and won stages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mapping {
    UnknownCrm {
        headers: Vec<String>,
    },
    /// A column the import needs is not found; `map` when a map file is
    /// there to name it.
    MissingColumn {
        role: Role,
        headers: Vec<String>,
        map: bool,
    },
    NoWonStage,
    /// A map file's `delimiter` that is not one.
    NotADelimiter {
        text: String,
    },
    /// A column the map file names is not in the header row.
    NoSuchColumn {
        name: String,
        close: Option<String>,
        headers: Vec<String>,
    },
}

/// Rows not counted in full: of a CRM user nobody on the team is (or
/// several are), or without the date they are counted by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Uncounted {
    /// Rows of a CRM user not on the team; the closest team member
    /// (name, id) if one is close.
    UnknownUser {
        user: String,
        rows: usize,
        /// The number of the first such row in the export.
        first_row: usize,
        close: Option<(String, String)>,
    },
    /// Rows nobody is responsible for.
    NoUser {
        rows: usize,
        /// The number of the first such row in the export.
        first_row: usize,
    },
    AmbiguousUser {
        user: String,
        ids: Vec<String>,
    },
    NoCreatedDate {
        rows: usize,
        /// The number of the first such row in the export.
        first_row: usize,
    },
    NoCloseDate {
        rows: usize,
        /// The number of the first such row in the export.
        first_row: usize,
    },
}

impl Import {
    pub fn code(&self) -> &'static str {
        match self {
            Import::Csv(p) => p.code(),
            Import::Cell { cell, .. } => match cell {
                Cell::NotADate { .. } | Cell::NoFourDigitYear { .. } => "not-a-date",
                Cell::NoSuchDate { .. } => "date-does-not-exist",
                Cell::NotAnAmount { .. } => "not-a-number",
                Cell::NegativeAmount { .. } => "negative-number",
                Cell::AmountTooLarge { .. } => "number-too-large",
            },
            Import::NeedsFile => "import-needs-settings",
            Import::FileHasErrors => "import-file-has-errors",
            Import::TooLarge { .. } => "file-too-large",
            Import::NotRegular => "not-a-regular-file",
            Import::CannotRead { .. } => "cannot-read",
            Import::MapNotUtf8 => "not-utf8",
            Import::MoreCells { .. } => "more-cells-unread",
            Import::CannotWrite { .. } => "cannot-write",
            Import::Mapping(p) => p.code(),
            Import::Misnamed { .. } => "file-name-disagrees",
            Import::Uncounted(p) => p.code(),
        }
    }

    #[cfg(test)]
    pub fn samples() -> Vec<Import> {
        let mut all = vec![
            Import::NeedsFile,
            Import::FileHasErrors,
            Import::TooLarge {
                megabytes: 300,
                limit: 200,
            },
            Import::NotRegular,
            Import::CannotRead {
                reason: "No such file or directory (os error 2)".into(),
            },
            Import::MapNotUtf8,
            Import::MoreCells {
                more: 12,
                shown: 20,
            },
            Import::CannotWrite {
                reason: "Permission denied (os error 13)".into(),
                written: vec![],
            },
            Import::CannotWrite {
                reason: "Permission denied (os error 13)".into(),
                written: vec!["content/weeks/2026-W47.yaml".into()],
            },
            Import::Misnamed {
                week: "2026-W49".into(),
                stem: "2026-W49".into(),
                files: vec![
                    "weeks/2026-W49-11.yaml".into(),
                    "weeks/2026-W49-12.yaml".into(),
                ],
            },
            Import::Misnamed {
                week: "2026-W48".into(),
                stem: "2026-W48-11".into(),
                files: vec!["weeks/2026-W48.yaml".into()],
            },
        ];
        let text = || "27.13.2026".to_string();
        let cells = [
            Cell::NotADate { text: text() },
            Cell::NoFourDigitYear { text: text() },
            Cell::NotAnAmount { text: text() },
            Cell::NegativeAmount { text: text() },
            Cell::AmountTooLarge {
                text: text(),
                real: true,
            },
            Cell::AmountTooLarge {
                text: text(),
                real: false,
            },
            Cell::NoSuchDate {
                text: text(),
                fix: CellDate::YearOutOfRange(3026),
            },
            Cell::NoSuchDate {
                text: text(),
                fix: CellDate::NoMonthSlash(27),
            },
            Cell::NoSuchDate {
                text: text(),
                fix: CellDate::NoMonth(13),
            },
            Cell::NoSuchDate {
                text: text(),
                fix: CellDate::MonthDays {
                    month: "2026-11".into(),
                    days: 30,
                },
            },
        ];
        for cell in cells {
            all.push(Import::Cell {
                header: "Бюджет".into(),
                row: 4,
                letter: "C".into(),
                cell,
            });
        }
        all.extend(Csv::samples().into_iter().map(Import::Csv));
        all.extend(Mapping::samples().into_iter().map(Import::Mapping));
        all.extend(Uncounted::samples().into_iter().map(Import::Uncounted));
        all
    }
}

impl Csv {
    pub fn code(&self) -> &'static str {
        match self {
            Csv::UnknownEncoding { .. } => "unknown-encoding",
            Csv::NotText { .. } => "not-utf8",
            Csv::NotCsv { .. } => "not-csv",
            Csv::NoHeaderRow => "empty-file",
            Csv::BadRow { .. } => "row-width",
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<Csv> {
        vec![
            Csv::BadRow {
                row: 3,
                cells: 2,
                width: 3,
                delimiter: ";",
            },
            Csv::UnknownEncoding {
                label: "klingon".into(),
            },
            Csv::NotText {
                encoding: "UTF-8",
                named: true,
            },
            Csv::NotText {
                encoding: "windows-1251",
                named: false,
            },
            Csv::NotCsv {
                reason: "x".into(),
                header: true,
            },
            Csv::NotCsv {
                reason: "x".into(),
                header: false,
            },
            Csv::NoHeaderRow,
        ]
    }
}

impl Mapping {
    pub fn code(&self) -> &'static str {
        match self {
            Mapping::UnknownCrm { .. } => "unknown-crm",
            Mapping::MissingColumn { .. } => "missing-column",
            Mapping::NoWonStage => "no-won-stage",
            Mapping::NotADelimiter { .. } => "not-a-delimiter",
            Mapping::NoSuchColumn { .. } => "no-such-column",
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<Mapping> {
        let headers = || vec!["agent".to_string(), "stage".into()];
        let mut all = vec![
            Mapping::UnknownCrm { headers: headers() },
            Mapping::NoWonStage,
            Mapping::NotADelimiter { text: "x".into() },
            Mapping::NoSuchColumn {
                name: "agnt".into(),
                close: Some("agent".into()),
                headers: headers(),
            },
            Mapping::NoSuchColumn {
                name: "who".into(),
                close: None,
                headers: headers(),
            },
        ];
        for role in Role::ALL {
            for map in [true, false] {
                all.push(Mapping::MissingColumn {
                    role,
                    headers: headers(),
                    map,
                });
            }
        }
        all
    }
}

impl Uncounted {
    pub fn code(&self) -> &'static str {
        match self {
            Uncounted::UnknownUser { .. } => "unknown-crm-user",
            Uncounted::NoUser { .. } => "rows-without-user",
            Uncounted::AmbiguousUser { .. } => "ambiguous-crm-user",
            Uncounted::NoCreatedDate { .. } => "rows-without-created-date",
            Uncounted::NoCloseDate { .. } => "won-without-close-date",
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<Uncounted> {
        vec![
            Uncounted::UnknownUser {
                user: "Ivan Petrov".into(),
                rows: 3,
                first_row: 4,
                close: None,
            },
            Uncounted::UnknownUser {
                user: "Anna Ivanova".into(),
                rows: 1,
                first_row: 4,
                close: Some(("Анна Иванова".into(), "anna-ivanova".into())),
            },
            Uncounted::NoUser {
                rows: 2,
                first_row: 7,
            },
            Uncounted::AmbiguousUser {
                user: "Anna".into(),
                ids: vec!["anna-ivanova".into(), "anna-petrova".into()],
            },
            Uncounted::NoCreatedDate {
                rows: 5,
                first_row: 2,
            },
            Uncounted::NoCloseDate {
                rows: 1,
                first_row: 9,
            },
        ]
    }
}

impl From<Csv> for Problem {
    fn from(p: Csv) -> Self {
        Problem::Import(Import::Csv(p))
    }
}

impl From<Mapping> for Problem {
    fn from(p: Mapping) -> Self {
        Problem::Import(Import::Mapping(p))
    }
}

impl From<Uncounted> for Problem {
    fn from(p: Uncounted) -> Self {
        Problem::Import(Import::Uncounted(p))
    }
}
