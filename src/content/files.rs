//! Files themselves: every file under a folder (symlinks kept inside it),
//! read as bytes within the size limit, decoded as UTF-8 text. Problems
//! with a file as a file (`problem::Files`) are found here, before any
//! parsing.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::Path;

use walkdir::WalkDir;

use super::MAX_FILE_BYTES;
use crate::diagnostic::Diagnostic;
use crate::problem::{Files, Yaml};

/// Every file under `dir`, sorted, as (display path, path relative to `dir`).
/// Symlinks are followed only while they stay inside `dir`.
pub(super) fn walk(
    dir: &Path,
    display: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(String, String)> {
    let canonical_root = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut files = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name().follow_links(false) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| display_path(dir, display, p));
                diagnostics.push(Diagnostic::error(
                    path.unwrap_or_else(|| display.to_string()),
                    Files::CannotRead {
                        reason: err.to_string(),
                    },
                ));
                continue;
            }
        };
        let path = entry.path();
        let shown = display_path(dir, display, path);
        if entry.path_is_symlink() {
            match fs::canonicalize(path) {
                Ok(target) if target.starts_with(&canonical_root) => {
                    if target.is_dir() {
                        diagnostics.push(Diagnostic::warning(&shown, Files::SymlinkedFolder));
                        continue;
                    }
                }
                Ok(_) => {
                    diagnostics.push(Diagnostic::error(&shown, Files::SymlinkOutside));
                    continue;
                }
                Err(_) => {
                    diagnostics.push(Diagnostic::error(&shown, Files::BrokenSymlink));
                    continue;
                }
            }
        } else if entry.file_type().is_dir() {
            continue;
        } else if !entry.file_type().is_file() {
            // A pipe or a device would block or never end when read.
            diagnostics.push(Diagnostic::warning(
                &shown,
                Files::NotRegular { refused: false },
            ));
            continue;
        }
        let relative = shown[display.len() + 1..].to_string();
        files.push((shown, relative));
    }
    files
}

/// `content/weeks/2026-W47.yaml`: the path under `dir` joined with `/`,
/// each name as written (a `\\` in a name on Linux is part of the name).
fn display_path(dir: &Path, display: &str, path: &Path) -> String {
    let rest = path.strip_prefix(dir).unwrap_or(path);
    let mut shown = display.to_string();
    for part in rest.components() {
        shown.push('/');
        shown.push_str(&part.as_os_str().to_string_lossy());
    }
    shown
}

pub(super) fn too_large(path: &str, bytes: u64) -> Diagnostic {
    Diagnostic::error(
        path,
        Files::TooLarge {
            megabytes: format!("{:.1}", bytes as f64 / 1_048_576.0),
            limit: MAX_FILE_BYTES / 1_048_576,
        },
    )
}

/// Reads a site file's bytes, refusing what is too large or not a regular file.
pub(super) fn read_bytes(
    root: &Path,
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<u8>> {
    let full = root.join(path);
    let size = match fs::metadata(&full) {
        Ok(meta) if !meta.is_file() => {
            diagnostics.push(Diagnostic::error(path, Files::NotRegular { refused: true }));
            return None;
        }
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            diagnostics.push(too_large(path, meta.len()));
            return None;
        }
        Ok(meta) => meta.len(),
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                path,
                Files::CannotRead {
                    reason: err.to_string(),
                },
            ));
            return None;
        }
    };
    // Read at most one byte past the limit: the file may grow after the check.
    // Room for the whole file (and the byte that says it ended) up front: one
    // read instead of a dozen growing ones.
    let mut bytes = Vec::with_capacity(size as usize + 1);
    let read =
        fs::File::open(&full).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(err) = read {
        diagnostics.push(Diagnostic::error(
            path,
            Files::CannotRead {
                reason: err.to_string(),
            },
        ));
        return None;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        diagnostics.push(too_large(path, bytes.len() as u64));
        return None;
    }
    Some(bytes)
}

/// UTF-8 text with a BOM dropped and CRLF made LF; otherwise where it stops
/// being UTF-8, with a lossy copy of the text to show the line.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Box<(Diagnostic, String)>> {
    let mut text = String::from_utf8(bytes).map_err(|err| {
        let bytes = err.as_bytes();
        let at = err.utf8_error().valid_up_to();
        let good = String::from_utf8_lossy(&bytes[..at]);
        // A BOM is dropped from the text shown, so it must not count as a column.
        let good = good.strip_prefix('\u{feff}').unwrap_or(&good);
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let lossy = String::from_utf8_lossy(bytes)
            .replace("\r\n", "\n")
            .trim_start_matches('\u{feff}')
            .to_string();
        let diagnostic = Diagnostic::error(path, Yaml::NotUtf8 { byte: bytes[at] })
            .at(line as u64, column as u64);
        Box::new((diagnostic, lossy))
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n");
    }
    Ok(text)
}

/// The site's own templates (`templates/*.html`, `*.css`, …), by file name.
pub(super) fn load_templates(
    root: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> BTreeMap<String, String> {
    let dir = root.join("templates");
    let mut templates = BTreeMap::new();
    if !dir.is_dir() {
        return templates;
    }
    for (path, relative) in walk(&dir, "templates", diagnostics) {
        let text = read_bytes(root, &path, diagnostics)
            .and_then(|bytes| decode(&path, bytes).map_err(|f| diagnostics.push(f.0)).ok());
        if let Some(text) = text {
            templates.insert(relative, text);
        }
    }
    templates
}
