//! The only stage that touches the output folder: everything is written to a
//! staging folder beside it and swapped in only when all of it is written,
//! so a failed build leaves the previous site byte for byte.
//!
//! The staging folder is not made from nothing each time: the site before
//! the previous one is kept beside `output/` as a hidden spare
//! (`.output.spare/`) and rewritten — unchanged files are compared and left
//! alone, changed ones replaced by new files, files of pages that no longer
//! exist removed. Creating and deleting a site's ≈ 2,400 files and folders
//! on every build costs more than rendering it on some filesystems (ext4
//! without a journal searches for a free inode past every recently deleted
//! one); reusing them costs a read.
//!
//! What may be replaced, reused or deleted is only what salespulse can show
//! it wrote: every output, staging and spare folder carries a marker file
//! ([`MARKER`]). A folder in one of those places that is not empty and has
//! no marker is refused before anything moves, and so is a symbolic link
//! where a folder is expected: nothing here follows a link out of its own
//! folders, and no walk or delete crosses one.

pub mod encrypt;
mod files;
mod place;
pub use place::folder as shown_folder;
mod staging;
#[cfg(test)]
mod tests;

pub use place::check_place;
use place::folder;
pub use staging::{Spare, Staging};

use std::io;
use std::path::PathBuf;

/// The file that marks a folder as salespulse's own output (or its staging
/// or spare copy). Hidden, so a web server's listing and GitHub Pages'
/// artifact leave it out.
pub const MARKER: &str = ".salespulse-output";
/// What the marker starts with; the format number lets a later version tell
/// its folders from an earlier one's.
const MARKER_SIGNATURE: &str = "salespulse output folder, format 1\n";
const MARKER_TEXT: &str = "salespulse output folder, format 1\n\
    Written by `salespulse build`: the next build may replace this folder or delete it.\n";

/// Why the site was not written; nothing was moved unless it says so.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// A write, rename or delete failed part-way.
    #[error("cannot write the site to {}: {source}", .out.display())]
    Io { out: PathBuf, source: io::Error },
    #[error(
        "`{}` holds files salespulse did not write; choose an empty folder or remove them",
        folder(.path)
    )]
    Foreign { path: PathBuf },
    #[error(
        "`{}` is where salespulse keeps a spare copy of the site, but it holds files salespulse did not write; delete or move it (salespulse only ever keeps an older copy of the site there)",
        folder(.path)
    )]
    ForeignSpare { path: PathBuf },
    #[error(
        "`{}` is a symbolic link; salespulse never writes, moves or deletes through a link: remove the link{}",
        .path.display(),
        if *.spare { "" } else { ", or give the folder it points to with --out" }
    )]
    Symlink { path: PathBuf, spare: bool },
    #[error(
        "cannot write the site to {}: it is a file, not a folder; refusing to replace it",
        .path.display()
    )]
    NotAFolder { path: PathBuf },
    #[error(
        "`{}` is inside the site's {within} folder; the site is written beside content/ and templates/, never into them (the default is output/)",
        folder(.path)
    )]
    InsideSources { path: PathBuf, within: &'static str },
    #[error(
        "`{}` holds the site folder itself (content/ and all); choose a folder of its own for the site, such as output/",
        folder(.path)
    )]
    HoldsSite { path: PathBuf },
    #[error(
        "cannot delete `{}`, which may hold an unencrypted copy of the site: {source}; delete it by hand",
        folder(.path)
    )]
    PlaintextSpare { path: PathBuf, source: io::Error },
}

impl OutputError {
    /// True when the build was refused before anything was written or moved.
    pub fn is_refusal(&self) -> bool {
        !matches!(self, OutputError::Io { .. })
    }
}
