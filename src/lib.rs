//! salespulse: a static report generator for the head of a sales department.
//!
//! The program is a pipeline, one module per stage:
//! `content` (load) → `validate` → `analytics` (pure) → `render` (in memory,
//! with `view`, `charts`, `templates`, `export`) → `output` (atomic write).
//! `site` strings the stages together for the commands; `encrypt` seals a
//! rendered site for `build --encrypt`.

pub mod analytics;
pub mod audience;
pub mod calendar;
pub mod charts;
pub mod cli;
pub mod content;
pub mod diagnostic;
pub mod digest;
pub mod encrypt;
pub mod export;
pub mod feed;
pub mod format;
pub mod i18n;
pub mod import;
pub mod init;
pub mod markdown;
pub mod output;
pub mod render;
pub mod reuse;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod site;
pub mod spreadsheet;
pub mod templates;
pub mod validate;
pub mod view;
