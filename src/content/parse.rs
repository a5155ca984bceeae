//! Parsing: what kind each file of `content/` is, its text parsed into that
//! kind, and the parsed files put together into one [`Content`] in path
//! order. Files are independent, so they are parsed in parallel; `serve`
//! keeps what it parsed and parses again only what changed (its own rule,
//! in commands/serve).

use rayon::prelude::*;

use super::{
    Assessment, CONFIG_PATH, Checklist, Config, Content, Doc, Idp, MonthNote, OneOnOne, Page,
    Standup, TEAM_PATH, Targets, Team, WeekFile, decode, front_matter, unread, yaml,
};
use crate::diagnostic::Diagnostic;
use crate::problem::Files;

/// What a file under `content/` is, decided by where it lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Config,
    Team,
    Checklist,
    Targets,
    Week,
    Assessment,
    Standup,
    Idp,
    MonthNote,
    Page,
    OneOnOne,
}

/// What a file is from its path under `content/`; `None` for a file no kind reads.
pub(super) fn classify(relative: &str) -> Option<Kind> {
    let (dir, name) = relative.rsplit_once('/').unwrap_or(("", relative));
    let ext = name.rsplit_once('.').map(|(_, e)| e);
    match (dir, ext) {
        ("", _) if name == "config.yaml" => Some(Kind::Config),
        ("", _) if name == "team.yaml" => Some(Kind::Team),
        ("", _) if name == "checklist.yaml" => Some(Kind::Checklist),
        ("targets", Some("yaml")) => Some(Kind::Targets),
        ("weeks", Some("yaml")) => Some(Kind::Week),
        ("assessments", Some("yaml")) => Some(Kind::Assessment),
        ("standups", Some("md")) => Some(Kind::Standup),
        ("idp", Some("md")) => Some(Kind::Idp),
        ("months", Some("md")) => Some(Kind::MonthNote),
        ("pages", Some("md")) => Some(Kind::Page),
        ("one-on-ones", Some("md")) => Some(Kind::OneOnOne),
        _ => None,
    }
}

/// A file of `content/` as read: its path (`content/…`) and its bytes,
/// `None` when it could not be read (already reported).
pub type ReadFile = (String, Option<Vec<u8>>);

/// Decodes and parses each file of `content/` by its kind. Files are
/// independent: they are parsed in parallel and kept in path order.
pub fn parse_all(files: Vec<ReadFile>) -> Vec<Parsed> {
    files
        .into_par_iter()
        .map(|(path, bytes)| parse_file(path, bytes))
        .collect()
}

/// One content file, typed.
#[derive(Clone)]
enum Data {
    Config(Config),
    Team(Team),
    Checklist(Doc<Checklist>),
    Targets(Doc<Targets>),
    Week(Doc<WeekFile>),
    Assessment(Doc<Assessment>),
    Standup(Doc<Standup>),
    Idp(Doc<Idp>),
    MonthNote(Doc<MonthNote>),
    Page(Doc<Page>),
    OneOnOne(Doc<OneOnOne>),
}

/// What parsing one file gave: its text for diagnostics, its data, its
/// problems. Only [`load_with`](super::load_with) looks inside.
#[derive(Clone)]
pub struct Parsed {
    path: String,
    kind: Option<Kind>,
    source: Option<String>,
    data: Option<Data>,
    failed: bool,
    diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// The file's path, `content/…`.
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// Decodes and parses one file of `content/` by its kind.
pub fn parse_file(path: String, bytes: Option<Vec<u8>>) -> Parsed {
    let relative = path.strip_prefix("content/").unwrap_or(&path);
    let kind = classify(relative);
    let mut file = Parsed {
        path: path.clone(),
        kind,
        source: None,
        data: None,
        failed: false,
        diagnostics: Vec::new(),
    };
    let Some(kind) = kind else {
        if !unread::is_litter(relative) {
            file.diagnostics.push(unread::unread(&path, relative));
            // Reported: a check that leans on it (a plan for the month it
            // was meant to hold) says nothing more.
            file.failed = true;
        }
        return file;
    };
    let text = match bytes.map(|b| decode(&path, b)) {
        Some(Ok(text)) => text,
        Some(Err(failure)) => {
            let (diagnostic, lossy) = *failure;
            file.source = Some(lossy);
            file.diagnostics.push(diagnostic);
            file.failed = true;
            return file;
        }
        None => {
            file.failed = true;
            return file;
        }
    };
    let d = &mut file.diagnostics;
    fn doc<T>(path: &str, data: T) -> Doc<T> {
        Doc {
            path: path.to_string(),
            line_offset: 0,
            data,
        }
    }
    file.data = match kind {
        Kind::Config => parse_into(&path, &text, d).map(Data::Config),
        Kind::Team => parse_into(&path, &text, d).map(Data::Team),
        Kind::Checklist => parse_into(&path, &text, d).map(|x| Data::Checklist(doc(&path, x))),
        Kind::Targets => parse_into(&path, &text, d).map(|x| Data::Targets(doc(&path, x))),
        Kind::Week => parse_into(&path, &text, d).map(|x| Data::Week(doc(&path, x))),
        Kind::Assessment => parse_into(&path, &text, d).map(|x| Data::Assessment(doc(&path, x))),
        Kind::Standup => {
            parse_markdown(&path, &text, d, |x: &mut Standup, b| x.body = b).map(Data::Standup)
        }
        Kind::Idp => parse_markdown(&path, &text, d, |x: &mut Idp, b| x.body = b).map(Data::Idp),
        Kind::MonthNote => {
            parse_markdown(&path, &text, d, |x: &mut MonthNote, b| x.body = b).map(Data::MonthNote)
        }
        Kind::Page => parse_markdown(&path, &text, d, |x: &mut Page, b| x.body = b).map(Data::Page),
        Kind::OneOnOne => {
            parse_markdown(&path, &text, d, |x: &mut OneOnOne, b| x.body = b).map(Data::OneOnOne)
        }
    };
    file.failed = !file.diagnostics.is_empty();
    file.source = Some(text);
    file
}

/// Parses a Markdown file's front matter into `T` and keeps its body.
fn parse_markdown<T: serde::de::DeserializeOwned>(
    path: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
    set_body: impl FnOnce(&mut T, String),
) -> Option<Doc<T>> {
    let split = front_matter::split(path, text)
        .map_err(|d| diagnostics.push(d))
        .ok()?;
    let mut data: T = yaml::parse(path, split.yaml, split.line_offset)
        .map_err(|d| diagnostics.push(d))
        .ok()?;
    set_body(&mut data, split.body.to_string());
    Some(Doc {
        path: path.to_string(),
        line_offset: split.line_offset,
        data,
    })
}

fn parse_into<T: serde::de::DeserializeOwned>(
    path: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    yaml::parse(path, text, 0)
        .map_err(|d| diagnostics.push(d))
        .ok()
}

/// Puts parsed files together, in path order, so the result does not
/// depend on timing.
pub(super) fn assemble(parsed: Vec<Parsed>, diagnostics: &mut Vec<Diagnostic>) -> Content {
    let mut content = Content::default();
    let mut seen_config = false;
    let mut seen_team = false;
    for file in parsed {
        diagnostics.extend(file.diagnostics);
        if let Some(source) = file.source {
            content.sources.insert(&file.path, source);
        }
        seen_config |= file.kind == Some(Kind::Config);
        seen_team |= file.kind == Some(Kind::Team);
        if file.failed {
            content.failed.insert(file.path.clone());
        }
        match file.data {
            None => {}
            Some(Data::Config(c)) => {
                content.calendar = c.calendar.work_calendar();
                content.config = c;
            }
            Some(Data::Team(t)) => content.team = t,
            Some(Data::Checklist(d)) => content.checklist = Some(d),
            Some(Data::Targets(d)) => content.targets.push(d),
            Some(Data::Week(d)) => content.weeks.push(d),
            Some(Data::Assessment(d)) => content.assessments.push(d),
            Some(Data::Standup(d)) => content.standups.push(d),
            Some(Data::Idp(d)) => content.idps.push(d),
            Some(Data::MonthNote(d)) => content.month_notes.push(d),
            Some(Data::Page(d)) => content.pages.push(d),
            Some(Data::OneOnOne(d)) => content.one_on_ones.push(d),
        }
    }
    if !seen_config {
        content.failed.insert(CONFIG_PATH.into());
        diagnostics.push(Diagnostic::error(
            CONFIG_PATH,
            Files::Missing { team: false },
        ));
    }
    if !seen_team {
        content.failed.insert(TEAM_PATH.into());
        diagnostics.push(Diagnostic::error(TEAM_PATH, Files::Missing { team: true }));
    }
    unread::summarise(diagnostics);
    content
}
