//! The staging folder: the spare rewritten (or a new folder), written
//! into as pages are rendered, swapped with the output when all is there.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::render::OutputFile;

use super::files::*;
use super::place::*;
use super::*;

/// Whether the previous site is kept beside the output as the next build's
/// staging folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spare {
    /// Keep it (the fast path for rebuilds).
    Keep,
    /// Keep none, and delete the one there is: for encrypted builds, whose
    /// previous site may be unencrypted (and whose pages all change anyway).
    None,
}

/// A new site being written beside `out`; [`Staging::commit`] swaps it in.
/// Dropped without a commit, it is set aside as the spare and `out` stays
/// as it was. Writes may come from several threads at once.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    spare: PathBuf,
    retired: PathBuf,
    keep_spare: bool,
    /// Whether the staging folder is the reused spare (for messages).
    pub(super) reused: bool,
    /// Folders of the reused tree, relative; those no file needs go at commit.
    old_folders: BTreeSet<PathBuf>,
    /// Files of the reused tree not yet rewritten; they go at commit.
    stale: Mutex<HashSet<PathBuf>>,
    /// Folders that exist in the staging tree (reused or made).
    folders: Mutex<HashSet<PathBuf>>,
    /// Folders the new site has files in.
    needed: Mutex<HashSet<PathBuf>>,
    /// What the user should hear about even though the build goes on.
    notes: Vec<String>,
    committed: bool,
}

impl Staging {
    /// Prepares the staging folder: the spare when there is one, else a new
    /// folder. Refuses, before anything is moved, a place that holds what
    /// salespulse did not write or a link; removes what killed builds left.
    pub fn begin(out: &Path, spare: Spare) -> Result<Staging, OutputError> {
        let io_error = |source| OutputError::Io {
            out: out.to_path_buf(),
            source,
        };
        let (parent, name) = parent_and_name(out).map_err(io_error)?;
        let pid = std::process::id();
        let mut staging = Staging {
            out: out.to_path_buf(),
            dir: parent.join(format!(".{name}.new-{pid}")),
            spare: parent.join(format!(".{name}.spare")),
            retired: parent.join(format!(".{name}.old-{pid}")),
            keep_spare: spare == Spare::Keep,
            reused: false,
            old_folders: BTreeSet::new(),
            stale: Mutex::new(HashSet::new()),
            folders: Mutex::new(HashSet::new()),
            needed: Mutex::new(HashSet::new()),
            notes: Vec::new(),
            committed: false,
        };
        // Everything is judged before anything moves.
        let spare_place = staging.judge_places().map_err(|e| e.or_io(io_error))?;
        staging.remove_leftovers(&parent, &name);
        staging.clear_own_folder().map_err(|e| e.or_io(io_error))?;
        match (spare, spare_place) {
            (Spare::Keep, Place::Ours | Place::Empty) => staging.reuse_spare(),
            (Spare::None, Place::Ours | Place::Empty) => {
                remove_tree(&staging.spare).map_err(|source| OutputError::PlaintextSpare {
                    path: staging.spare.clone(),
                    source,
                })?;
            }
            _ => {}
        }
        if !staging.reused {
            // Not `create_dir_all`: the parent exists, and a name too long
            // for the filesystem must fail here, before anything is written.
            fs::create_dir(&staging.dir).map_err(io_error)?;
            if let Err(err) = write_marker(&staging.dir) {
                let _ = remove_tree(&staging.dir);
                return Err(io_error(err));
            }
        }
        Ok(staging)
    }

    /// Refuses an output or spare place that is a link, a file or a folder
    /// of someone else's; returns what the spare's place holds.
    fn judge_places(&self) -> Result<Place, Refusal> {
        match inspect(&self.out)? {
            Place::Missing | Place::Empty | Place::Ours => {}
            Place::Symlink => {
                return Err(Refusal::Output(OutputError::Symlink {
                    path: self.out.clone(),
                    spare: false,
                }));
            }
            Place::File => {
                return Err(Refusal::Output(OutputError::NotAFolder {
                    path: self.out.clone(),
                }));
            }
            Place::Foreign => {
                return Err(Refusal::Output(OutputError::Foreign {
                    path: self.out.clone(),
                }));
            }
        }
        let spare = inspect(&self.spare)?;
        match spare {
            Place::Missing | Place::Empty | Place::Ours => Ok(spare),
            Place::Symlink => Err(Refusal::Output(OutputError::Symlink {
                path: self.spare.clone(),
                spare: true,
            })),
            Place::File | Place::Foreign => Err(Refusal::Output(OutputError::ForeignSpare {
                path: self.spare.clone(),
            })),
        }
    }

    /// A folder of an earlier process with our pid: ours to remove, or refused.
    fn clear_own_folder(&self) -> Result<(), Refusal> {
        if fs::symlink_metadata(&self.dir).is_err() {
            return Ok(());
        }
        match inspect(&self.dir)? {
            Place::Ours | Place::Empty => Ok(remove_tree(&self.dir)?),
            _ => Err(Refusal::Output(OutputError::Foreign {
                path: self.dir.clone(),
            })),
        }
    }

    /// Removes the staging folders of builds that were killed: the
    /// `.NAME.new-PID` and `.NAME.old-PID` folders of processes that no
    /// longer run, if they are salespulse's (marked, or empty).
    fn remove_leftovers(&mut self, parent: &Path, name: &str) {
        let Ok(entries) = fs::read_dir(parent) else {
            return;
        };
        let own = std::process::id();
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(file_name) = file_name.to_str() else {
                continue;
            };
            let Some(rest) = file_name.strip_prefix(&format!(".{name}.")) else {
                continue;
            };
            let pid = rest
                .strip_prefix("new-")
                .or_else(|| rest.strip_prefix("old-"))
                .and_then(|pid| pid.parse::<u32>().ok());
            if pid.is_none_or(|pid| pid == own || process_runs(pid)) {
                continue;
            }
            let path = entry.path();
            match inspect(&path) {
                Ok(Place::Ours | Place::Empty) => {
                    if let Err(err) = remove_tree(&path) {
                        self.notes.push(format!(
                            "cannot remove `{}`, left by a build that did not finish: {err}; it may be deleted",
                            folder(&path)
                        ));
                    }
                }
                Ok(_) | Err(_) => self.notes.push(format!(
                    "`{}` looks like a folder left by a build, but salespulse did not write it; it was left alone",
                    path.display()
                )),
            }
        }
    }

    /// Takes the spare as the staging folder, when all of it can be
    /// rewritten; otherwise the build starts from an empty folder and the
    /// spare is left as it is, with a note that names it.
    fn reuse_spare(&mut self) {
        if fs::rename(&self.spare, &self.dir).is_err() {
            return;
        }
        let checked = match inspect(&self.dir) {
            Ok(Place::Ours) => self.take_inventory(),
            Ok(Place::Empty) => write_marker(&self.dir),
            Ok(_) => Err(io::Error::other("it changed while it was being taken")),
            Err(err) => Err(err),
        };
        match checked {
            Ok(()) => self.reused = true,
            Err(err) => {
                self.old_folders.clear();
                self.stale.get_mut().expect("not shared yet").clear();
                self.folders.get_mut().expect("not shared yet").clear();
                // Put back where it was, for the user to delete: deleting
                // what cannot be written would fail part-way.
                if fs::rename(&self.dir, &self.spare).is_err() {
                    let _ = remove_tree(&self.dir);
                }
                self.notes.push(format!(
                    "the spare copy `{}` cannot be rewritten ({err}); this build started from an empty folder and left the spare as it is: it only holds an older copy of the site and may be deleted",
                    folder(&self.spare)
                ));
            }
        }
    }

    /// Lists the reused tree; anything but files and folders (a link put
    /// there by someone) is removed, so no write can follow it out. Fails
    /// when a folder of it cannot be written.
    fn take_inventory(&mut self) -> io::Result<()> {
        let stale = self.stale.get_mut().expect("not shared yet");
        let folders = self.folders.get_mut().expect("not shared yet");
        // The root was checked to be a folder, not a link; walkdir does not
        // follow links below it.
        writable(&self.dir)?;
        for entry in walkdir::WalkDir::new(&self.dir)
            .min_depth(1)
            .follow_links(false)
        {
            let entry = entry.map_err(io::Error::other)?;
            let relative = entry
                .path()
                .strip_prefix(&self.dir)
                .map_err(io::Error::other)?
                .to_path_buf();
            let kind = entry.file_type();
            if kind.is_dir() {
                writable(entry.path())?;
                self.old_folders.insert(relative.clone());
                folders.insert(relative);
            } else if kind.is_file() {
                if relative.as_os_str() != MARKER {
                    stale.insert(relative);
                }
            } else {
                fs::remove_file(entry.path())?;
            }
        }
        Ok(())
    }

    /// Notes for the user about the folders around the output (a spare that
    /// could not be reused, leftovers that could not be removed).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Writes one file of the new site; a file the reused tree already holds
    /// byte for byte is left as it is.
    pub fn write(&self, file: &OutputFile) -> Result<(), OutputError> {
        self.write_io(file).map_err(|source| self.error(source))
    }

    /// An I/O error, naming the reused spare when that is where it happened.
    fn error(&self, source: io::Error) -> OutputError {
        let source = if self.reused {
            io::Error::new(
                source.kind(),
                format!(
                    "{source} (while rewriting the spare copy `{}`, which only holds an older copy of the site and may be deleted)",
                    folder(&self.spare)
                ),
            )
        } else {
            source
        };
        OutputError::Io {
            out: self.out.clone(),
            source,
        }
    }

    fn write_io(&self, file: &OutputFile) -> io::Result<()> {
        let relative = safe_relative(&file.path)?;
        if let Some(folder) = relative.parent().filter(|p| !p.as_os_str().is_empty()) {
            self.make_folder(folder)?;
        }
        let path = self.dir.join(relative);
        let existed = self.lock(&self.stale).remove(relative);
        if existed && same_bytes(&path, &file.bytes) {
            return Ok(());
        }
        if fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            // An old folder where the new site has a file.
            remove_tree(&path)?;
        }
        if existed {
            // A new file, not new bytes in the old one: a hardlinked copy
            // of an earlier site (a snapshot) keeps its bytes.
            fs::remove_file(&path)?;
        }
        write_new(&path, &file.bytes)
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
    /// site becomes the spare for the next build (or is deleted, with
    /// [`Spare::None`]). Returns the notes for the user.
    pub fn commit(mut self) -> Result<Vec<String>, OutputError> {
        match self.swap() {
            Ok(()) => {
                self.committed = true;
                Ok(std::mem::take(&mut self.notes))
            }
            Err(source) => Err(self.error(source)),
        }
    }

    fn swap(&mut self) -> io::Result<()> {
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
                remove_tree(&path)?;
            }
        }
        // The output may have changed while the site was rendered: judge it again.
        match inspect(&self.out)? {
            Place::Missing => fs::rename(&self.dir, &self.out),
            Place::Empty => {
                fs::remove_dir(&self.out)?;
                fs::rename(&self.dir, &self.out)
            }
            Place::Ours => self.replace_output(),
            Place::Symlink | Place::File | Place::Foreign => Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!(
                    "{} changed during the build and is no longer salespulse's folder; refusing to replace it",
                    self.out.display()
                ),
            )),
        }
    }

    /// Puts the new site in place of the old one, which becomes the spare.
    fn replace_output(&mut self) -> io::Result<()> {
        if exchange(&self.dir, &self.out).is_ok() {
            // One step, so the output is a whole site at every moment; the
            // old site is now where the new one was written.
            let kept = self.keep_spare
                && matches!(inspect(&self.spare), Ok(Place::Missing))
                && fs::rename(&self.dir, &self.spare).is_ok();
            if !kept && let Err(err) = remove_tree(&self.dir) {
                self.notes.push(format!(
                    "cannot delete the previous site, left in `{}`: {err}; it may be deleted",
                    folder(&self.dir)
                ));
            }
            return Ok(());
        }
        // Two renames where the filesystem cannot exchange two folders.
        let aside = if self.keep_spare
            && matches!(inspect(&self.spare), Ok(Place::Missing))
            && fs::rename(&self.out, &self.spare).is_ok()
        {
            self.spare.clone()
        } else {
            fs::rename(&self.out, &self.retired)?;
            self.retired.clone()
        };
        if let Err(err) = fs::rename(&self.dir, &self.out) {
            let _ = fs::rename(&aside, &self.out);
            return Err(err);
        }
        if aside == self.retired
            && let Err(err) = remove_tree(&self.retired)
        {
            self.notes.push(format!(
                "cannot delete the previous site, left in `{}`: {err}; it may be deleted",
                folder(&self.retired)
            ));
        }
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
        let kept = self.keep_spare
            && matches!(inspect(&self.spare), Ok(Place::Missing))
            && fs::rename(&self.dir, &self.spare).is_ok();
        if !kept {
            let _ = remove_tree(&self.dir);
        }
    }
}

/// The folder the output goes in (made if missing) and the output's name.
fn parent_and_name(out: &Path) -> io::Result<(PathBuf, String)> {
    let name = out
        .file_name()
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "the output path has no folder name",
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
    Ok((parent, name))
}

/// Why a place was refused: a reason of ours, or an I/O failure to report
/// against the output path.
enum Refusal {
    Output(OutputError),
    Io(io::Error),
}

impl From<io::Error> for Refusal {
    fn from(err: io::Error) -> Self {
        Refusal::Io(err)
    }
}

impl Refusal {
    fn or_io(self, io_error: impl FnOnce(io::Error) -> OutputError) -> OutputError {
        match self {
            Refusal::Output(err) => err,
            Refusal::Io(err) => io_error(err),
        }
    }
}
