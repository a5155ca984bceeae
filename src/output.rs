//! The only stage that touches the output folder: everything is written to a
//! fresh sibling folder first and swapped in only when all of it is written,
//! so a failed build leaves the previous site byte for byte.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::render::OutputFile;

/// Writes `files` as the new content of `out`, atomically as far as the
/// filesystem allows (two renames); files of the old site that are not in
/// `files` disappear with it.
pub fn write_atomic(out: &Path, files: &[OutputFile]) -> io::Result<()> {
    let name = out
        .file_name()
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "output path has no folder name",
            )
        })?
        .to_string_lossy()
        .into_owned();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|err| {
        let why = if parent.is_file() {
            "it is a file, not a folder".to_string()
        } else {
            err.to_string()
        };
        io::Error::new(
            err.kind(),
            format!("cannot create {}: {why}", parent.display()),
        )
    })?;
    // A file where the site should go is someone's file: replacing it with a
    // folder would lose it (and leave a stray `.old-` file behind).
    if fs::metadata(out).is_ok_and(|m| !m.is_dir()) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "a file (not a folder) is in the way; refusing to replace it",
        ));
    }
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.new-{pid}"));
    let retired = parent.join(format!(".{name}.old-{pid}"));
    let _ = fs::remove_dir_all(&staging);
    if let Err(err) = stage(&staging, files) {
        let _ = fs::remove_dir_all(&staging);
        return Err(err);
    }
    if out.exists() {
        if let Err(err) = fs::rename(out, &retired) {
            let _ = fs::remove_dir_all(&staging);
            return Err(err);
        }
        if let Err(err) = fs::rename(&staging, out) {
            let _ = fs::rename(&retired, out);
            let _ = fs::remove_dir_all(&staging);
            return Err(err);
        }
        // The new site is in place; the old one goes.
        let _ = fs::remove_dir_all(&retired);
        Ok(())
    } else {
        fs::rename(&staging, out).inspect_err(|_| {
            let _ = fs::remove_dir_all(&staging);
        })
    }
}

fn stage(dir: &Path, files: &[OutputFile]) -> io::Result<()> {
    use rayon::prelude::*;
    fs::create_dir_all(dir)?;
    // Folders first (once each, in order), then the files in parallel.
    let mut folders = std::collections::BTreeSet::new();
    for file in files {
        if let Some(parent) = safe_relative(&file.path)?.parent() {
            folders.insert(parent);
        }
    }
    for folder in folders {
        fs::create_dir_all(dir.join(folder))?;
    }
    files
        .par_iter()
        .try_for_each(|file| fs::write(dir.join(&file.path), &file.bytes))
}

/// A path that stays inside the output folder: relative, no `..`, no root.
fn safe_relative(path: &str) -> io::Result<&Path> {
    let p = Path::new(path);
    let ok = !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(p)
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("refusing to write `{path}` outside the output folder"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn does_not_replace_a_file_with_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::write(&out, "notes").unwrap();
        let files = [OutputFile {
            path: "index.html".into(),
            bytes: b"x".to_vec(),
        }];
        assert!(write_atomic(&out, &files).is_err());
        assert_eq!(fs::read_to_string(&out).unwrap(), "notes");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("a/../../b").is_err());
        assert!(safe_relative("team/anna/index.html").is_ok());
    }
}
