//! Where the site may go: the places `build` refuses, and what marks a
//! folder as salespulse's own.

use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use super::files::*;
use super::*;

/// `docs` as `docs/`, the way a folder is named in messages.
pub fn folder(path: &Path) -> String {
    let shown = path.display().to_string();
    if shown.ends_with('/') {
        shown
    } else {
        format!("{shown}/")
    }
}

/// Refuses an output folder that would hold, or sit among, the site's
/// sources: inside `content/` or `templates/`, the site folder itself or a
/// folder above it. (What is already at the place is [`Staging::begin`]'s
/// to judge.)
pub fn check_place(root: &Path, out: &Path) -> Result<(), OutputError> {
    // Without a site folder there is nothing to protect; loading the
    // content reports that.
    let Ok(root) = fs::canonicalize(root) else {
        return Ok(());
    };
    let place = resolve(out);
    if root.starts_with(&place) {
        return Err(OutputError::HoldsSite {
            path: out.to_path_buf(),
        });
    }
    for (dir, within) in [("content", "content/"), ("templates", "templates/")] {
        if place.starts_with(resolve(&root.join(dir))) {
            return Err(OutputError::InsideSources {
                path: out.to_path_buf(),
                within,
            });
        }
    }
    Ok(())
}

/// `path` made absolute with every link in the part that exists resolved,
/// and `..` taken after the link before it (as the kernel does).
pub(super) fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut resolved = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                resolved.pop();
            }
            Component::CurDir => {}
            other => {
                resolved.push(other);
                if let Ok(real) = fs::canonicalize(&resolved) {
                    resolved = real;
                }
            }
        }
    }
    resolved
}

/// What stands where salespulse wants one of its folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Missing,
    /// An empty folder: taking it loses nothing.
    Empty,
    /// A folder with salespulse's marker.
    Ours,
    Symlink,
    File,
    /// A folder with files and no marker.
    Foreign,
}

pub(super) fn inspect(path: &Path) -> io::Result<Place> {
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Place::Missing),
        Err(err) => return Err(err),
    };
    let kind = meta.file_type();
    Ok(if kind.is_symlink() {
        Place::Symlink
    } else if !kind.is_dir() {
        Place::File
    } else if has_marker(path) {
        Place::Ours
    } else if fs::read_dir(path)?.next().is_none() {
        Place::Empty
    } else {
        Place::Foreign
    })
}

/// Whether `dir` holds salespulse's marker: a regular file (not a link)
/// that starts with the signature.
pub(super) fn has_marker(dir: &Path) -> bool {
    let path = dir.join(MARKER);
    if !fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file()) {
        return false;
    }
    let mut start = Vec::with_capacity(MARKER_SIGNATURE.len());
    fs::File::open(&path)
        .and_then(|f| {
            f.take(MARKER_SIGNATURE.len() as u64)
                .read_to_end(&mut start)
        })
        .is_ok_and(|_| start == MARKER_SIGNATURE.as_bytes())
}

pub(super) fn write_marker(dir: &Path) -> io::Result<()> {
    write_new(&dir.join(MARKER), MARKER_TEXT.as_bytes())
}

/// Deletes a folder salespulse made, never following a link: the folder
/// itself must be a real folder (std's `remove_dir_all` removes links
/// inside as links, without crossing them). Its marker goes last, so a
/// delete cut short by a kill leaves a folder the next build still knows
/// as its own.
pub(super) fn remove_tree(path: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() || !meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a folder; not deleting it", path.display()),
        ));
    }
    for entry in fs::read_dir(path)? {
        let entry = entry?;
        if entry.file_name() == MARKER {
            continue;
        }
        if entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())?;
        } else {
            fs::remove_file(entry.path())?;
        }
    }
    match fs::remove_file(path.join(MARKER)) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
        _ => {}
    }
    fs::remove_dir(path)
}
