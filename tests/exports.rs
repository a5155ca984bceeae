//! The spreadsheet exports: `data/weekly.xlsx` opened by a reader library
//! (calamine) with its values and number formats checked, `weekly.ru.csv`
//! in Russian Excel's dialect, both byte-identical from build to build.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};

/// The demo department built as of `AS_OF` in a temp dir.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &dir.path().join("content"),
    );
    let out = common::build(dir.path(), common::AS_OF);
    (dir, out)
}

/// `weekly.csv`'s records by (week, manager).
/// weekly.csv's rows by (week, month, manager): one per period and manager.
type Rows = BTreeMap<(String, String, String), Vec<String>>;

/// `weekly.csv`'s header and records.
fn csv_rows(out: &Path) -> (Vec<String>, Rows) {
    let mut reader = csv::Reader::from_path(out.join("data/weekly.csv")).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let fields: Vec<String> = r.iter().map(str::to_string).collect();
            (
                (fields[0].clone(), fields[1].clone(), fields[5].clone()),
                fields,
            )
        })
        .collect();
    (header, rows)
}

fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The value of attribute `name` in the XML tag `tag` (text from `<` to `>`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// The number format code of cell `cell` (e.g. "C2") of a sheet, read from
/// the package's XML: the cell's style index → its `numFmtId` → the code.
fn number_format(bytes: &[u8], sheet: usize, cell: &str) -> String {
    let styles = zip_entry(bytes, "xl/styles.xml");
    let codes: BTreeMap<String, String> = styles
        .split("<numFmt ")
        .skip(1)
        .map(|t| {
            let tag = &t[..t.find('>').unwrap()];
            (
                attr(&format!(" {tag}"), "numFmtId").unwrap().to_string(),
                attr(&format!(" {tag}"), "formatCode")
                    .unwrap()
                    .replace("&quot;", "\""),
            )
        })
        .collect();
    let xfs = styles.split("<cellXfs").nth(1).unwrap();
    let xfs = &xfs[..xfs.find("</cellXfs>").unwrap()];
    let ids: Vec<String> = xfs
        .split("<xf ")
        .skip(1)
        .map(|t| attr(&format!(" {t}"), "numFmtId").unwrap().to_string())
        .collect();
    let xml = zip_entry(bytes, &format!("xl/worksheets/sheet{sheet}.xml"));
    let at = xml
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("no cell {cell}"));
    let tag = &xml[at..at + xml[at..].find('>').unwrap()];
    let style: usize = attr(tag, "s").unwrap_or("0").parse().unwrap();
    let id = &ids[style];
    codes
        .get(id)
        .cloned()
        .unwrap_or_else(|| format!("builtin {id}"))
}

/// The numeric columns of a month sheet after week and manager, by their
/// `weekly.csv` names (a figure that does not exist is an empty cell there
/// and an empty field here).
const XLSX_COLUMNS: &[&str] = &[
    "revenue",
    "plan_revenue",
    "attainment",
    "deals",
    "plan_deals",
    "attainment_deals",
    "avg_deal",
    "leads_received",
    "leads_processed",
    "processing_rate",
    "leads_overnight",
    "first_response_min",
    "calls",
    "meetings",
    "conv_lead_meeting",
    "conv_meeting_deal",
    "conv_lead_deal",
    "trial_lessons",
];

#[test]
fn the_workbook_opens_with_numbers_as_numbers_and_their_formats() {
    let (_dir, out) = demo();
    let bytes = fs::read(out.join("data/weekly.xlsx")).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let metrics: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("data/metrics.json")).unwrap()).unwrap();

    // One sheet per month with data, in order, named as the site names months.
    let months = metrics["months"].as_array().unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), months.len());
    assert_eq!(names.first().unwrap(), "август 2026");
    assert_eq!(names.last().unwrap(), "ноябрь 2026");

    let (header, rows) = csv_rows(&out);
    let col = |key: &str| header.iter().position(|h| h == key).unwrap();
    let november = book.worksheet_range("ноябрь 2026").unwrap();
    let head: Vec<String> = november
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        &head[..5],
        [
            "Неделя",
            "Менеджер",
            "Выручка",
            "План по выручке",
            "Выполнение плана"
        ]
    );
    assert_eq!(head.last().unwrap(), "Пробные уроки", "custom metrics last");

    // Every week row carries the numbers of weekly.csv, as numbers.
    let name_of: BTreeMap<String, String> = [("team".to_string(), "Отдел".to_string())]
        .into_iter()
        .chain(
            fs::read_to_string(out.parent().unwrap().join("content/team.yaml"))
                .unwrap()
                .lines()
                .filter_map(|l| {
                    let id = l.split("id: ").nth(1)?.split(',').next()?.trim();
                    let name = l.split("name: \"").nth(1)?.split('"').next()?;
                    Some((id.to_string(), name.to_string()))
                }),
        )
        .collect();
    let week_rows: Vec<&[Data]> = november
        .rows()
        .skip(1)
        .filter(|r| r[0].to_string().starts_with("неделя"))
        .collect();
    assert!(week_rows.len() > 20, "{} week rows", week_rows.len());
    let mut checked = 0;
    for row in &week_rows {
        let number: String = row[0]
            .to_string()
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_string();
        let week = format!("2026-W{number:0>2}");
        let id = name_of
            .iter()
            .find(|(_, n)| **n == row[1].to_string())
            .map(|(id, _)| id.clone())
            .unwrap_or_else(|| panic!("unknown name {}", row[1]));
        let csv = &rows[&(week.clone(), "2026-11".to_string(), id.clone())];
        for (xlsx_col, key) in XLSX_COLUMNS.iter().enumerate() {
            let (cell, text) = (&row[xlsx_col + 2], &csv[col(key)]);
            match (cell, text.parse::<f64>()) {
                (Data::Float(v), Ok(want)) => assert_eq!(*v, want, "{week} {id} {key}"),
                (Data::Empty, Err(_)) if text.is_empty() => {}
                (other, _) => panic!("{week} {id} {key}: {other:?} where the csv has {text:?}"),
            }
        }
        checked += 1;
    }
    assert_eq!(checked, week_rows.len());
    // The month's totals close the sheet: the team's revenue of metrics.json.
    let total = november.rows().find(|r| r[0] == "Итого за месяц").unwrap();
    assert_eq!(total[1].to_string(), "Отдел");
    assert_eq!(
        total[2],
        Data::Float(months.last().unwrap()["team"]["revenue"].as_f64().unwrap())
    );

    // Number formats: money with the rouble sign, ratios as percentages, counts whole.
    let sheet = names.len(); // November is the last sheet.
    assert_eq!(number_format(&bytes, sheet, "C2"), "#,##0\\ \"₽\"");
    assert_eq!(number_format(&bytes, sheet, "E2"), "0.0%");
    assert_eq!(number_format(&bytes, sheet, "F2"), "0");
    assert_eq!(number_format(&bytes, sheet, "G2"), "0.0");
    // The header row and the week and name columns stay in view.
    let xml = zip_entry(&bytes, &format!("xl/worksheets/sheet{sheet}.xml"));
    assert!(
        xml.contains(r#"<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/>"#),
        "no frozen header:\n{}",
        &xml[..xml.find("<sheetData").unwrap()]
    );
}

#[test]
fn exports_are_byte_identical_from_build_to_build() {
    let (_a, first) = demo();
    let (_b, second) = demo();
    for file in [
        "data/weekly.xlsx",
        "data/weekly.ru.csv",
        "data/weekly.csv",
        "data/metrics.json",
        "feed.xml",
    ] {
        let (x, y) = (
            fs::read(first.join(file)).unwrap(),
            fs::read(second.join(file)).unwrap(),
        );
        assert!(x == y, "{file} differs between two builds");
    }
    // The workbook's own date is the report date, not the clock.
    let core = zip_entry(
        &fs::read(first.join("data/weekly.xlsx")).unwrap(),
        "docProps/core.xml",
    );
    assert!(core.contains("2026-11-27T00:00:00Z"), "{core}");
}

#[test]
fn the_russian_csv_is_what_russian_excel_opens() {
    let (_dir, out) = demo();
    let ru = fs::read(out.join("data/weekly.ru.csv")).unwrap();
    assert_eq!(&ru[..3], b"\xEF\xBB\xBF", "starts with a BOM");
    let ru = String::from_utf8(ru[3..].to_vec()).unwrap();
    let plain = fs::read_to_string(out.join("data/weekly.csv")).unwrap();
    assert_eq!(ru.lines().count(), plain.lines().count());
    for (r, p) in ru.lines().zip(plain.lines()).skip(1) {
        let (r, p): (Vec<&str>, Vec<&str>) = (r.split(';').collect(), p.split(',').collect());
        assert_eq!(r.len(), p.len(), "{r:?}");
        for (a, b) in r.iter().zip(&p) {
            assert_eq!(
                *a,
                b.replace('.', ","),
                "a decimal comma, nothing else changed"
            );
        }
    }
    assert!(
        ru.lines().nth(1).unwrap().contains(",7"),
        "some decimal commas"
    );
}

#[test]
fn every_data_table_offers_the_workbook() {
    let (_dir, out) = demo();
    for page in [
        "index.html",
        "months/index.html",
        "weeks/index.html",
        "team/index.html",
    ] {
        let html = fs::read_to_string(out.join(page)).unwrap();
        assert!(
            html.contains("data/weekly.xlsx\" download>скачать таблицу</a>"),
            "{page} has no download link"
        );
    }
    let week = fs::read_to_string(out.join("weeks/2026-W48/index.html")).unwrap();
    assert_eq!(week.matches("download>скачать таблицу").count(), 3);
}
