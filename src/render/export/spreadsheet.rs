//! Exports for people with a spreadsheet: `data/weekly.xlsx` (a real
//! workbook: one sheet per month, numbers as numbers with number formats,
//! a frozen header) and `data/weekly.ru.csv` (`weekly.csv` in the dialect
//! Russian Excel opens by double-click: a BOM, `;` between fields, decimal
//! commas). `data/weekly.csv` stays the machine contract (`export.rs`).
//!
//! Both are byte-stable: the workbook's creation date is `--as-of` (never
//! the clock), and rust_xlsxwriter stamps every zip entry 1980-01-01.

use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

use crate::analytics::{Analytics, Figures, MonthStats};
use crate::domain::Department;
use crate::locale::Words;
use crate::locale::format::Formatter;

/// How a column's numbers are shown (an Excel number format; Excel applies
/// the reader's own digit grouping and decimal mark to it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Whole counts: `0`.
    Count,
    /// Money in whole units with the currency sign.
    Money,
    /// A fraction shown as a percentage with one decimal: `0.0%`.
    Ratio,
    /// A figure with one decimal (minutes, fractional plan deals): `0.0`.
    Decimal,
}

/// One numeric column: its heading and how it is shown.
struct Column {
    label: fn(&Words) -> &'static str,
    kind: Kind,
    value: fn(&Figures) -> Option<f64>,
}

const COLUMNS: &[Column] = &[
    Column {
        label: |w| w.revenue,
        kind: Kind::Money,
        value: |f| Some(f.revenue),
    },
    Column {
        label: |w| w.plan_revenue,
        kind: Kind::Money,
        value: |f| f.plan_revenue,
    },
    Column {
        label: |w| w.attainment,
        kind: Kind::Ratio,
        value: |f| f.attainment,
    },
    Column {
        label: |w| w.deals,
        kind: Kind::Count,
        value: |f| Some(f.deals as f64),
    },
    Column {
        label: |w| w.plan_deals,
        kind: Kind::Decimal,
        value: |f| f.plan_deals,
    },
    Column {
        label: |w| w.attainment_deals,
        kind: Kind::Ratio,
        value: |f| f.attainment_deals,
    },
    Column {
        label: |w| w.avg_deal,
        kind: Kind::Money,
        value: |f| f.avg_deal,
    },
    Column {
        label: |w| w.leads_received,
        kind: Kind::Count,
        value: |f| Some(f.leads_received as f64),
    },
    Column {
        label: |w| w.leads_processed,
        kind: Kind::Count,
        value: |f| Some(f.leads_processed as f64),
    },
    Column {
        label: |w| w.processing_rate,
        kind: Kind::Ratio,
        value: |f| f.processing_rate,
    },
    Column {
        label: |w| w.leads_overnight,
        kind: Kind::Count,
        value: |f| Some(f.leads_overnight as f64),
    },
    Column {
        label: |w| w.first_response,
        kind: Kind::Decimal,
        value: |f| f.first_response_min,
    },
    Column {
        label: |w| w.calls,
        kind: Kind::Count,
        value: |f| Some(f.calls as f64),
    },
    Column {
        label: |w| w.meetings,
        kind: Kind::Count,
        value: |f| Some(f.meetings as f64),
    },
    Column {
        label: |w| w.conv_lead_meeting,
        kind: Kind::Ratio,
        value: |f| f.conv_lead_meeting,
    },
    Column {
        label: |w| w.conv_meeting_deal,
        kind: Kind::Ratio,
        value: |f| f.conv_meeting_deal,
    },
    Column {
        label: |w| w.conv_lead_deal,
        kind: Kind::Ratio,
        value: |f| f.conv_lead_deal,
    },
];

/// The Excel number format of a column kind, for a currency sign.
pub fn number_format(kind: Kind, currency: &str) -> String {
    match kind {
        Kind::Count => "0".into(),
        Kind::Decimal => "0.0".into(),
        Kind::Ratio => "0.0%".into(),
        // A sign Excel knows to put first stays first ($1,234); the rest
        // (₽, RUB, …) follows the number as Russian writing does.
        Kind::Money => match currency {
            "$" | "€" | "£" | "¥" => format!("\"{currency}\"#,##0"),
            _ => format!("#,##0\\ \"{currency}\""),
        },
    }
}

/// Excel's limits on sheet names: 31 characters, none of `[]:*?/\`.
fn sheet_name(text: &str) -> String {
    text.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

/// `data/weekly.xlsx`: one sheet per month with data, oldest first; in each,
/// a row per week for the team and each manager present, then the month's
/// totals. The header row and the week and name columns stay in view.
pub fn weekly_xlsx(department: &Department, a: &Analytics) -> Vec<u8> {
    let currency = department.config.currency_symbol();
    let fmt = Formatter::for_config(&department.config);
    let t = fmt.words;
    let name = |id: &str| department.team.name_of(id);

    let mut book = Workbook::new();
    // The creation date is part of the file: take it from the report date.
    let created = ExcelDateTime::from_ymd(
        u16::try_from(a.as_of.year()).unwrap_or(1970),
        a.as_of.month() as u8,
        a.as_of.day() as u8,
    )
    .expect("a calendar date is an Excel date");
    book.set_properties(
        &DocProperties::new()
            .set_title(&department.config.title)
            .set_creation_datetime(&created),
    );

    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let total = Format::new().set_bold();
    let formats: Vec<(Format, Format)> = COLUMNS
        .iter()
        .map(|c| {
            let plain = Format::new().set_num_format(number_format(c.kind, currency));
            (plain.clone(), plain.set_bold())
        })
        .collect();
    let custom = &department.config.custom_metrics;

    for month in &a.months {
        let sheet = book.add_worksheet();
        sheet
            .set_name(sheet_name(&fmt.month(month.month)))
            .expect("a valid, unique sheet name");
        write_month(
            sheet,
            a,
            month,
            &MonthSheet {
                t,
                name: &name,
                fmt: &fmt,
                header: &header,
                total: &total,
                formats: &formats,
                custom,
            },
        )
        .expect("an in-memory sheet within Excel's limits");
    }
    if a.months.is_empty() {
        // A workbook needs a sheet; say why it is empty.
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, t.no_data).expect("one cell fits");
    }
    book.save_to_buffer()
        .expect("a workbook in memory always saves")
}

/// What every month's sheet is written with: the words, names and formats.
struct MonthSheet<'a> {
    t: &'static Words,
    name: &'a dyn Fn(&str) -> String,
    fmt: &'a Formatter,
    header: &'a Format,
    total: &'a Format,
    /// Each of [`COLUMNS`]' format, plain and bold.
    formats: &'a [(Format, Format)],
    custom: &'a [crate::domain::CustomMetric],
}

/// The columns before the figures: the week and the manager.
const FIRST: u16 = 2;
/// The first custom metric's column, after [`COLUMNS`].
const CUSTOM_FIRST: u16 = FIRST + COLUMNS.len() as u16;

impl MonthSheet<'_> {
    /// How many columns a sheet has.
    fn width(&self) -> u16 {
        CUSTOM_FIRST + self.custom.len() as u16
    }

    /// The custom metrics' values in `totals`, in their columns' order.
    fn custom_of(&self, totals: &crate::analytics::Totals) -> Vec<Option<f64>> {
        self.custom
            .iter()
            .map(|m| totals.custom(&m.key, m.aggregate))
            .collect()
    }
}

/// One month's sheet: a row per week for the team (bold) and each manager
/// present, then the month's totals (bold), under a filter.
fn write_month(
    sheet: &mut Worksheet,
    a: &Analytics,
    month: &MonthStats,
    s: &MonthSheet,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    write_header(sheet, s)?;
    let mut rows = Rows {
        sheet: &mut *sheet,
        s,
        next: 1,
    };
    for w in &month.periods {
        // The month's own part of a week split with a neighbouring month.
        let Some(part) = a
            .week(w.week)
            .and_then(|week| week.periods.iter().find(|p| p.period == *w))
        else {
            continue;
        };
        let label = s.fmt.period(part.period);
        let team = s.custom_of(&part.team_totals);
        rows.put(&label, s.t.team_total, &part.team, team, true)?;
        for (id, f) in &part.managers {
            let custom = s.custom_of(&part.manager_totals[id]);
            rows.put(&label, &(s.name)(id), f, custom, false)?;
        }
    }
    let label = s.t.month_total;
    let team = s.custom_of(&month.team_totals);
    rows.put(label, s.t.team_total, &month.team.base, team, true)?;
    for (id, f) in &month.managers {
        let custom = s.custom_of(&month.manager_totals[id]);
        rows.put(label, &(s.name)(id), &f.figures.base, custom, true)?;
    }
    let last = rows.next - 1;
    sheet.autofilter(0, 0, last, s.width() - 1)?;
    Ok(())
}

/// The header row (wrapped, bold), the columns' widths, and the header
/// row and the week and name columns frozen in view.
fn write_header(sheet: &mut Worksheet, s: &MonthSheet) -> Result<(), rust_xlsxwriter::XlsxError> {
    sheet.write_string_with_format(0, 0, s.t.week, s.header)?;
    sheet.write_string_with_format(0, 1, s.t.manager, s.header)?;
    for (i, c) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, FIRST + i as u16, (c.label)(s.t), s.header)?;
    }
    for (i, m) in s.custom.iter().enumerate() {
        sheet.write_string_with_format(0, CUSTOM_FIRST + i as u16, &m.label, s.header)?;
    }
    sheet.set_row_height(0, 45)?;
    sheet.set_column_width(0, 26)?;
    sheet.set_column_width(1, 22)?;
    for col in FIRST..s.width() {
        sheet.set_column_width(col, 13)?;
    }
    sheet.set_freeze_panes(1, FIRST)?;
    Ok(())
}

/// A sheet's rows below the header, written one after another.
struct Rows<'w, 'a> {
    sheet: &'w mut Worksheet,
    s: &'a MonthSheet<'a>,
    /// The row the next `put` writes.
    next: u32,
}

impl Rows<'_, '_> {
    /// One row: the period's label, who, then each figure there is (an
    /// empty cell where a figure has no value); totals in bold.
    fn put(
        &mut self,
        label: &str,
        who: &str,
        f: &Figures,
        custom: Vec<Option<f64>>,
        bold: bool,
    ) -> Result<(), rust_xlsxwriter::XlsxError> {
        let (sheet, s, row) = (&mut *self.sheet, self.s, self.next);
        if bold {
            sheet.write_string_with_format(row, 0, label, s.total)?;
            sheet.write_string_with_format(row, 1, who, s.total)?;
        } else {
            sheet.write_string(row, 0, label)?;
            sheet.write_string(row, 1, who)?;
        }
        for (i, c) in COLUMNS.iter().enumerate() {
            if let Some(v) = (c.value)(f) {
                let (plain, strong) = &s.formats[i];
                let format = if bold { strong } else { plain };
                sheet.write_number_with_format(row, FIRST + i as u16, v, format)?;
            }
        }
        for (i, v) in custom.into_iter().enumerate() {
            if let Some(v) = v {
                sheet.write_number(row, CUSTOM_FIRST + i as u16, v)?;
            }
        }
        self.next += 1;
        Ok(())
    }
}

/// `data/weekly.ru.csv`: the rows and columns of `weekly.csv`, in the
/// dialect Russian Excel reads by double-click (UTF-8 with a BOM, `;`
/// between fields, a decimal comma, no thousands separator).
pub fn weekly_ru_csv(department: &Department, a: &Analytics) -> Vec<u8> {
    let source = crate::render::export::weekly_csv(department, a);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(source.as_slice());
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        for (i, record) in reader.records().enumerate() {
            let record = record.expect("our own CSV reads back");
            let fields: Vec<String> = record
                .iter()
                .map(|field| {
                    // The header and the week, month and manager columns
                    // stay as they are; numbers get a decimal comma.
                    if i > 0 && field.parse::<f64>().is_ok() {
                        field.replace('.', ",")
                    } else {
                        field.to_string()
                    }
                })
                .collect();
            writer.write_record(&fields).expect("csv to memory");
        }
        writer.flush().expect("csv to memory");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_formats_put_the_sign_where_the_locale_does() {
        assert_eq!(number_format(Kind::Money, "₽"), "#,##0\\ \"₽\"");
        assert_eq!(number_format(Kind::Money, "$"), "\"$\"#,##0");
        assert_eq!(number_format(Kind::Ratio, "₽"), "0.0%");
    }

    #[test]
    fn sheet_names_keep_to_excel_limits() {
        assert_eq!(sheet_name("a/b:c"), "abc");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
