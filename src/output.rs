//! The only stage that touches the output folder: everything is written to a
//! staging folder beside it and swapped in only when all of it is written,
//! so a failed build leaves the previous site byte for byte.
//!
//! The staging folder is not made from nothing each time: the site before
//! the previous one is kept beside `output/` as a hidden spare
//! (`.output.spare/`) and rewritten in place — unchanged files are compared
//! and left alone, files of pages that no longer exist are removed. Creating
//! and deleting a site's ≈ 2,400 files and folders on every build costs more
//! than rendering it on some filesystems (ext4 without a journal searches
//! for a free inode past every recently deleted one); reusing them costs a
//! read.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::render::OutputFile;

/// A new site being written beside `out`; [`Staging::commit`] swaps it in.
/// Dropped without a commit, it is set aside as the spare and `out` stays
/// as it was. Writes may come from several threads at once.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    spare: PathBuf,
    retired: PathBuf,
    /// Folders of the reused tree, relative; those no file needs go at commit.
    old_folders: BTreeSet<PathBuf>,
    /// Files of the reused tree not yet rewritten; they go at commit.
    stale: Mutex<HashSet<PathBuf>>,
    /// Folders that exist in the staging tree (reused or made).
    folders: Mutex<HashSet<PathBuf>>,
    /// Folders the new site has files in.
    needed: Mutex<HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    /// Prepares the staging folder: the spare when there is one, else a new folder.
    pub fn begin(out: &Path) -> io::Result<Staging> {
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
        let mut staging = Staging {
            out: out.to_path_buf(),
            dir: parent.join(format!(".{name}.new-{pid}")),
            spare: parent.join(format!(".{name}.spare")),
            retired: parent.join(format!(".{name}.old-{pid}")),
            old_folders: BTreeSet::new(),
            stale: Mutex::new(HashSet::new()),
            folders: Mutex::new(HashSet::new()),
            needed: Mutex::new(HashSet::new()),
            committed: false,
        };
        let _ = fs::remove_dir_all(&staging.dir);
        let reused =
            fs::rename(&staging.spare, &staging.dir).is_ok() && staging.take_inventory().is_ok();
        if !reused {
            let _ = fs::remove_dir_all(&staging.dir);
            staging.old_folders.clear();
            staging.stale.get_mut().expect("not shared yet").clear();
            staging.folders.get_mut().expect("not shared yet").clear();
            // Not `create_dir_all`: the parent exists, and a name too long
            // for the filesystem must fail here, before anything is written.
            fs::create_dir(&staging.dir)?;
        }
        Ok(staging)
    }

    /// Lists the reused tree; anything but files and folders (a link put
    /// there by someone) is removed, so no write can follow it out.
    fn take_inventory(&mut self) -> io::Result<()> {
        let stale = self.stale.get_mut().expect("not shared yet");
        let folders = self.folders.get_mut().expect("not shared yet");
        for entry in walkdir::WalkDir::new(&self.dir).min_depth(1) {
            let entry = entry.map_err(io::Error::other)?;
            let relative = entry
                .path()
                .strip_prefix(&self.dir)
                .map_err(io::Error::other)?
                .to_path_buf();
            let kind = entry.file_type();
            if kind.is_dir() {
                self.old_folders.insert(relative.clone());
                folders.insert(relative);
            } else if kind.is_file() {
                stale.insert(relative);
            } else {
                fs::remove_file(entry.path())?;
            }
        }
        Ok(())
    }

    /// Writes one file of the new site; a file the reused tree already holds
    /// byte for byte is left as it is.
    pub fn write(&self, file: &OutputFile) -> io::Result<()> {
        let relative = safe_relative(&file.path)?;
        if let Some(folder) = relative.parent().filter(|p| !p.as_os_str().is_empty()) {
            self.make_folder(folder)?;
        }
        let path = self.dir.join(relative);
        let existed = self.lock(&self.stale).remove(relative);
        if existed && same_bytes(&path, &file.bytes) {
            return Ok(());
        }
        if path.is_dir() {
            // An old folder where the new site has a file.
            fs::remove_dir_all(&path)?;
        }
        if existed {
            overwrite(&path, &file.bytes)
        } else {
            fs::write(&path, &file.bytes)
        }
    }

    fn make_folder(&self, folder: &Path) -> io::Result<()> {
        self.lock(&self.needed)
            .extend(folder.ancestors().map(Path::to_path_buf));
        // Held while the folder is made, so no thread writes into a folder
        // that another has only promised (the kernel serialises the
        // `mkdir`s of one parent anyway).
        let mut folders = self.lock(&self.folders);
        if folders.contains(folder) {
            return Ok(());
        }
        // An old file may stand where the new site has a folder.
        for ancestor in folder.ancestors().filter(|a| !a.as_os_str().is_empty()) {
            if self.lock(&self.stale).remove(ancestor) {
                fs::remove_file(self.dir.join(ancestor))?;
            }
        }
        fs::create_dir_all(self.dir.join(folder))?;
        folders.extend(folder.ancestors().map(Path::to_path_buf));
        Ok(())
    }

    fn lock<'a, T>(&self, m: &'a Mutex<T>) -> std::sync::MutexGuard<'a, T> {
        m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Removes what the new site does not have and swaps it in; the old
    /// site becomes the spare for the next build.
    pub fn commit(mut self) -> io::Result<()> {
        for file in self.lock(&self.stale).drain() {
            // Gone already when a new file replaced its whole folder.
            match fs::remove_file(self.dir.join(file)) {
                Err(err)
                    if !matches!(
                        err.kind(),
                        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                    ) =>
                {
                    return Err(err);
                }
                _ => {}
            }
        }
        let needed = self.lock(&self.needed).clone();
        // Deepest first, so a folder is empty by the time its turn comes; one
        // a new file replaced is not a folder any more.
        for folder in self.old_folders.iter().rev() {
            let path = self.dir.join(folder);
            if !needed.contains(folder) && fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                fs::remove_dir_all(path)?;
            }
        }
        if self.out.exists() {
            // The spare's place is free: `begin` took it (or there was none).
            let aside = if fs::rename(&self.out, &self.spare).is_ok() {
                &self.spare
            } else {
                fs::rename(&self.out, &self.retired)?;
                &self.retired
            };
            if let Err(err) = fs::rename(&self.dir, &self.out) {
                let _ = fs::rename(aside, &self.out);
                return Err(err);
            }
            if aside == &self.retired {
                let _ = fs::remove_dir_all(&self.retired);
            }
        } else {
            fs::rename(&self.dir, &self.out)?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        // A half-written tree is as good a spare as any: the next build
        // compares every file it keeps.
        if fs::rename(&self.dir, &self.spare).is_err() {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Replaces the content of an existing file without first truncating it to
/// nothing: on ext4 a file emptied and rewritten is flushed to disk on close
/// (`auto_da_alloc`, a guard for editors that save that way), which makes a
/// rebuild that changes every page ten times slower.
fn overwrite(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut file = fs::OpenOptions::new().write(true).open(path)?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)
}

/// Whether the file at `path` holds exactly `bytes` (a size check first).
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
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

    /// A whole build's writes: begin, every file, commit.
    fn write_atomic(out: &Path, files: &[OutputFile]) -> io::Result<()> {
        let staging = Staging::begin(out)?;
        for file in files {
            staging.write(file)?;
        }
        staging.commit()
    }

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| e.unwrap())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
                let text = if e.file_type().is_file() {
                    fs::read_to_string(e.path()).unwrap()
                } else {
                    "/".into()
                };
                (rel, text)
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn does_not_replace_a_file_with_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::write(&out, "notes").unwrap();
        let files = [file("index.html", "x")];
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

    #[test]
    fn the_reused_spare_ends_up_exactly_the_new_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let first = [
            file("index.html", "one"),
            file("team/anna/index.html", "anna"),
            file("team/boris/index.html", "boris"),
            file("weeks/x", "a file where a folder comes later"),
            file(
                "pages/rules/index.html",
                "a folder where a file comes later",
            ),
        ];
        write_atomic(&out, &first).unwrap();
        write_atomic(&out, &[file("index.html", "two")]).unwrap();
        assert!(dir.path().join(".output.spare").is_dir());
        // The third build reuses the first one's tree.
        let third = [
            file("index.html", "three"),
            file("team/anna/index.html", "anna"),
            file("weeks/x/index.html", "week"),
            file("pages/rules", "rules"),
        ];
        write_atomic(&out, &third).unwrap();
        assert_eq!(
            tree(&out),
            [
                ("index.html", "three"),
                ("pages", "/"),
                ("pages/rules", "rules"),
                ("team", "/"),
                ("team/anna", "/"),
                ("team/anna/index.html", "anna"),
                ("weeks", "/"),
                ("weeks/x", "/"),
                ("weeks/x/index.html", "week"),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        // The second site is now the spare; nothing else lies around.
        assert_eq!(
            tree(&dir.path().join(".output.spare")),
            [("index.html".to_string(), "two".to_string())]
        );
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".output.spare", "output"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_spare_is_removed_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "keep me").unwrap();
        write_atomic(&out, &[file("index.html", "one")]).unwrap();
        write_atomic(&out, &[file("index.html", "two")]).unwrap();
        let spare = dir.path().join(".output.spare");
        fs::remove_file(spare.join("index.html")).unwrap();
        std::os::unix::fs::symlink(&victim, spare.join("index.html")).unwrap();
        write_atomic(&out, &[file("index.html", "three")]).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        assert_eq!(tree(&out), [("index.html".into(), "three".into())]);
    }

    #[test]
    fn an_abandoned_build_leaves_the_site_and_keeps_a_spare() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomic(&out, &[file("index.html", "good")]).unwrap();
        let staging = Staging::begin(&out).unwrap();
        staging.write(&file("index.html", "half")).unwrap();
        drop(staging);
        assert_eq!(tree(&out), [("index.html".into(), "good".into())]);
        assert!(dir.path().join(".output.spare").is_dir());
        write_atomic(&out, &[file("other.html", "next")]).unwrap();
        assert_eq!(tree(&out), [("other.html".into(), "next".into())]);
    }
}
