//! The subcommands besides `build` and `check` (which are `site`'s): each
//! uses the pipeline's stages for one job.

pub mod import;
pub mod init;
pub mod new;
pub mod schema;
pub mod serve;
