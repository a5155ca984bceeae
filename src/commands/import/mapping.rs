//! The map file (`--map MAP.yaml`): which column of a CSV means what, and
//! which stage values mean won; for a generic CSV, or to adjust a CRM's.
//! Resolved against the export's header row into column positions.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::formats::{self, Role, Source, Spec, same_name};
use super::values::SlashDates;
use crate::content::{Doc, yaml};
use crate::diagnostic::{Diagnostic, closest};
use crate::problem::Mapping;

/// `MAP.yaml`, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapFile {
    /// The CRM whose columns to start from (default: detected, else generic).
    #[serde(default)]
    pub from: Option<Source>,
    #[serde(default)]
    pub columns: Columns,
    /// Stage values that mean the deal is won (compared without case).
    #[serde(default)]
    pub won: Option<Vec<String>>,
    /// How to read `01/02/2026`: `dmy` or `mdy`.
    #[serde(default)]
    pub slash_dates: Option<SlashDates>,
    /// `;`, `,` or `tab` (default: found on the header line).
    #[serde(default)]
    pub delimiter: Option<Spanned<String>>,
    /// `utf-8`, `windows-1251`, … (default: UTF-8 if the bytes are, else Windows-1251).
    #[serde(default)]
    pub encoding: Option<String>,
}

/// Column names by role; each overrides the CRM's own.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    #[serde(default)]
    pub id: Option<Spanned<String>>,
    #[serde(default)]
    pub manager: Option<Spanned<String>>,
    #[serde(default)]
    pub created: Option<Spanned<String>>,
    #[serde(default)]
    pub closed: Option<Spanned<String>>,
    #[serde(default)]
    pub amount: Option<Spanned<String>>,
    #[serde(default)]
    pub stage: Option<Spanned<String>>,
    #[serde(default)]
    pub meeting: Option<Spanned<String>>,
}

impl Columns {
    fn get(&self, role: Role) -> Option<&Spanned<String>> {
        match role {
            Role::Id => self.id.as_ref(),
            Role::Manager => self.manager.as_ref(),
            Role::Created => self.created.as_ref(),
            Role::Closed => self.closed.as_ref(),
            Role::Amount => self.amount.as_ref(),
            Role::Stage => self.stage.as_ref(),
            Role::Meeting => self.meeting.as_ref(),
        }
    }
}

/// A map file with the path its messages name.
pub type Map = Doc<MapFile>;

/// Parses a map file's text.
pub fn parse(path: &str, text: &str) -> Result<Map, Diagnostic> {
    let data: MapFile = yaml::parse(path, text, 0)?;
    let map = Doc {
        path: path.to_string(),
        line_offset: 0,
        data,
    };
    if let Some(d) = &map.data.delimiter
        && delimiter_byte(&d.value).is_none()
    {
        return Err(map.error_at(
            d,
            Mapping::NotADelimiter {
                text: d.value.clone(),
            },
        ));
    }
    Ok(map)
}

/// The byte of a delimiter as a map file names it.
pub fn delimiter_byte(text: &str) -> Option<u8> {
    match text {
        ";" => Some(b';'),
        "," => Some(b','),
        "tab" | "\t" => Some(b'\t'),
        "|" => Some(b'|'),
        _ => None,
    }
}

/// What every row is read by: the source, each role's column, the won stages.
#[derive(Debug)]
pub struct Resolved {
    pub source: Source,
    /// Whether the source was recognised from the headers (not named).
    pub detected: bool,
    pub columns: BTreeMap<Role, usize>,
    pub won: Vec<String>,
    pub slash_dates: SlashDates,
}

impl Resolved {
    pub fn column(&self, role: Role) -> Option<usize> {
        self.columns.get(&role).copied()
    }

    /// Whether a stage value means won.
    pub fn is_won(&self, stage: &str) -> bool {
        let stage = stage.trim();
        self.won.iter().any(|w| same_name(w, stage))
    }
}

/// Decides the source and finds every role's column among `headers`.
pub fn resolve(
    export: &str,
    headers: &[String],
    from: Option<Source>,
    map: Option<&Map>,
) -> Result<Resolved, Vec<Diagnostic>> {
    let (spec, detected) = choose_spec(export, headers, from, map).map_err(|d| vec![d])?;
    let mut problems = Vec::new();
    let mut columns = BTreeMap::new();
    for role in Role::ALL {
        match find_column(role, spec, headers, map) {
            Ok(Some(i)) => {
                columns.insert(role, i);
            }
            Ok(None) if role.required() => {
                problems.push(missing_column(export, role, headers, map));
            }
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
    }
    let won = match map.and_then(|m| m.data.won.clone()) {
        Some(won) => won,
        None => spec.won.iter().map(|s| s.to_string()).collect(),
    };
    if won.is_empty() && problems.is_empty() {
        let path = map.map_or(export, |m| m.path.as_str());
        problems.push(Diagnostic::error(path, Mapping::NoWonStage));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Resolved {
        source: spec.source,
        detected,
        columns,
        won,
        slash_dates: map
            .and_then(|m| m.data.slash_dates)
            .unwrap_or(spec.slash_dates),
    })
}

/// The CRM whose columns to start from, and whether it was detected: named
/// by `--from` or the map file, else recognised from the headers, else the
/// generic one when a map file says what the columns are.
fn choose_spec(
    export: &str,
    headers: &[String],
    from: Option<Source>,
    map: Option<&Map>,
) -> Result<(&'static Spec, bool), Diagnostic> {
    if let Some(source) = from.or_else(|| map.and_then(|m| m.data.from)) {
        return Ok((formats::spec(source), false));
    }
    match formats::detect(headers) {
        Some(spec) => Ok((spec, true)),
        None if map.is_some() => Ok((&formats::GENERIC, false)),
        None => Err(Diagnostic::error(
            export,
            Mapping::UnknownCrm {
                headers: headers.to_vec(),
            },
        )
        .at(1, 1)),
    }
}

/// A role's column: the one the map file names (an error at its line when
/// the header row has none such), else the CRM's own.
fn find_column(
    role: Role,
    spec: &Spec,
    headers: &[String],
    map: Option<&Map>,
) -> Result<Option<usize>, Diagnostic> {
    let Some((m, name)) = map.and_then(|m| m.data.columns.get(role).map(|c| (m, c))) else {
        return Ok(spec.find(role, headers));
    };
    match headers.iter().position(|h| same_name(h, &name.value)) {
        Some(i) => Ok(Some(i)),
        None => Err(m.error_at(
            name,
            Mapping::NoSuchColumn {
                name: name.value.clone(),
                close: closest(&name.value, headers.iter().map(String::as_str)).map(str::to_string),
                headers: headers.to_vec(),
            },
        )),
    }
}

/// A required role with no column: at the map file when there is one (the
/// place to name it), else at the export's header row.
fn missing_column(export: &str, role: Role, headers: &[String], map: Option<&Map>) -> Diagnostic {
    let problem = Mapping::MissingColumn {
        role,
        headers: headers.to_vec(),
        map: map.is_some(),
    };
    match map {
        Some(m) => Diagnostic::error(&m.path, problem),
        None => Diagnostic::error(export, problem).at(1, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_generic_map_names_every_column() {
        let map = parse(
            "map.yaml",
            "columns:\n  id: opportunity_id\n  manager: sales_agent\n  created: engage_date\n  closed: close_date\n  amount: close_value\n  stage: deal_stage\nwon: [Won]\nslash_dates: mdy\n",
        )
        .unwrap();
        let headers = h(&[
            "opportunity_id",
            "sales_agent",
            "deal_stage",
            "engage_date",
            "close_date",
            "close_value",
        ]);
        let r = resolve("x.csv", &headers, None, Some(&map)).unwrap();
        assert_eq!(r.source, Source::Generic);
        assert_eq!(r.column(Role::Amount), Some(5));
        assert_eq!(r.column(Role::Meeting), None);
        assert!(r.is_won(" won "));
        assert_eq!(r.slash_dates, SlashDates::Mdy);
    }

    #[test]
    fn a_map_column_missing_from_the_header_is_named_with_its_line() {
        let map = parse("map.yaml", "columns:\n  manager: agnet\n").unwrap();
        let headers = h(&["agent", "stage"]);
        let err = resolve("x.csv", &headers, Some(Source::Generic), Some(&map)).unwrap_err();
        assert_eq!(
            err[0].message(),
            "no column `agnet` in the export's header row"
        );
        assert_eq!((err[0].line, err[0].column), (Some(2), Some(12)));
        assert_eq!(err[0].help().as_deref(), Some("did you mean `agent`?"));
        assert_eq!(
            err[1].message(),
            "no column for `created` (the date the deal was created) in the export"
        );
    }

    #[test]
    fn a_map_adjusts_a_crm() {
        let map = parse(
            "map.yaml",
            "from: hubspot\nwon: [\"Paid\"]\ncolumns: { manager: \"Sales rep\" }\n",
        )
        .unwrap();
        let headers = h(&[
            "Record ID",
            "Sales rep",
            "Deal Stage",
            "Amount",
            "Close Date",
            "Create Date",
        ]);
        let r = resolve("x.csv", &headers, None, Some(&map)).unwrap();
        assert_eq!(r.source, Source::Hubspot);
        assert_eq!(r.column(Role::Manager), Some(1));
        assert!(r.is_won("paid") && !r.is_won("Closed Won"));
    }

    #[test]
    fn unknown_keys_in_a_map_are_errors() {
        let err = parse("map.yaml", "colums: {}\n").unwrap_err();
        assert_eq!(err.message(), "unknown key `colums`");
        assert_eq!(err.help().as_deref(), Some("did you mean `columns`?"));
    }

    #[test]
    fn an_unknown_export_without_a_map_says_what_to_do() {
        let err = resolve("x.csv", &h(&["a", "b"]), None, None).unwrap_err();
        assert_eq!(
            err[0].message(),
            "cannot tell which CRM this export comes from"
        );
    }
}
