//! salespulse: a static report generator for the head of a sales department.
//!
//! The program is a pipeline, and the folders show it:
//!
//! `content` (read and type every file) → `validate` (cross-file checks) →
//! `domain` (the checked files as plain values) → `audience` (what a team
//! build may see) → `analytics` (every number; pure,
//! no I/O, no clock) → `render` (pages, charts, exports, digests, all in
//! memory) → `output` (the only stage that writes, atomically).
//!
//! Around them: `calendar` (weeks, months, working days), `locale` (number
//! and date formats, the words of both languages), `diagnostic` (located
//! problems and their printing), `site` (the stages strung together) and
//! `commands` (what each subcommand does with them).

pub mod analytics;
pub mod audience;
pub mod calendar;
pub mod cli;
pub mod commands;
pub mod content;
pub mod diagnostic;
pub mod domain;
pub mod locale;
pub mod output;
pub mod problem;
pub mod render;
pub mod site;
pub mod validate;
