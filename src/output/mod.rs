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

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::render::OutputFile;

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

/// `docs` as `docs/`, the way a folder is named in messages.
fn folder(path: &Path) -> String {
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
fn resolve(path: &Path) -> PathBuf {
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
enum Place {
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

fn inspect(path: &Path) -> io::Result<Place> {
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
fn has_marker(dir: &Path) -> bool {
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

fn write_marker(dir: &Path) -> io::Result<()> {
    write_new(&dir.join(MARKER), MARKER_TEXT.as_bytes())
}

/// Deletes a folder salespulse made, never following a link: the folder
/// itself must be a real folder (std's `remove_dir_all` removes links
/// inside as links, without crossing them). Its marker goes last, so a
/// delete cut short by a kill leaves a folder the next build still knows
/// as its own.
fn remove_tree(path: &Path) -> io::Result<()> {
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
    reused: bool,
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
        let name = out
            .file_name()
            .ok_or_else(|| {
                io_error(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "the output path has no folder name",
                ))
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
            io_error(io::Error::new(
                err.kind(),
                format!("cannot create {}: {why}", parent.display()),
            ))
        })?;
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
        match inspect(out).map_err(io_error)? {
            Place::Missing | Place::Empty | Place::Ours => {}
            Place::Symlink => {
                return Err(OutputError::Symlink {
                    path: out.to_path_buf(),
                    spare: false,
                });
            }
            Place::File => {
                return Err(OutputError::NotAFolder {
                    path: out.to_path_buf(),
                });
            }
            Place::Foreign => {
                return Err(OutputError::Foreign {
                    path: out.to_path_buf(),
                });
            }
        }
        let spare_place = inspect(&staging.spare).map_err(io_error)?;
        match spare_place {
            Place::Missing | Place::Empty | Place::Ours => {}
            Place::Symlink => {
                return Err(OutputError::Symlink {
                    path: staging.spare.clone(),
                    spare: true,
                });
            }
            Place::File | Place::Foreign => {
                return Err(OutputError::ForeignSpare {
                    path: staging.spare.clone(),
                });
            }
        }
        staging.remove_leftovers(&parent, &name);
        if fs::symlink_metadata(&staging.dir).is_ok() {
            // A folder of an earlier process with our pid: ours, or refuse.
            match inspect(&staging.dir).map_err(io_error)? {
                Place::Ours | Place::Empty => remove_tree(&staging.dir).map_err(io_error)?,
                _ => {
                    return Err(OutputError::Foreign {
                        path: staging.dir.clone(),
                    });
                }
            }
        }
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

/// Swaps two folders in one step (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Whether process `pid` exists. Where that cannot be told, it is taken to
/// run, so nothing of a running build is removed.
#[cfg(unix)]
fn process_runs(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        Err(err) => err != rustix::io::Errno::SRCH,
    }
}

#[cfg(not(unix))]
fn process_runs(_: u32) -> bool {
    true
}

/// Fails when files in the folder at `path` cannot be created or removed
/// (an immutable folder; a read-only one for a user other than root). A
/// file that cannot be replaced fails its write, and the error names the spare.
#[cfg(unix)]
fn writable(path: &Path) -> io::Result<()> {
    rustix::fs::access(path, rustix::fs::Access::WRITE_OK).map_err(|err| {
        io::Error::new(
            io::Error::from(err).kind(),
            format!("{}: {err}", path.display()),
        )
    })
}

#[cfg(not(unix))]
fn writable(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path)?.permissions().readonly() {
        true => Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{} is read-only", path.display()),
        )),
        false => Ok(()),
    }
}

/// Creates a file that did not exist (never opening one through a link) and writes it.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => file,
        // A file this build wrote already, or one planted since the
        // inventory: replaced, not written through.
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)?
        }
        Err(err) => return Err(err),
    };
    file.write_all(bytes)
}

/// Whether the file at `path` holds exactly `bytes` (a size check first).
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
}

/// A path that stays inside the output folder: relative, no `..`, no root.
fn safe_relative(path: &str) -> io::Result<&Path> {
    let p = Path::new(path);
    let ok = !path.is_empty()
        && p.components().all(|c| matches!(c, Component::Normal(_)))
        && p != Path::new(MARKER);
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
    fn write_atomic(out: &Path, files: &[OutputFile]) -> Result<(), OutputError> {
        write_with(out, files, Spare::Keep)
    }

    fn write_with(out: &Path, files: &[OutputFile], spare: Spare) -> Result<(), OutputError> {
        let staging = Staging::begin(out, spare)?;
        for file in files {
            staging.write(file)?;
        }
        staging.commit().map(drop)
    }

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    /// Every path under `dir` but the marker, with the text of files ("/" for folders).
    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_name() != MARKER)
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
                let text = if e.file_type().is_symlink() {
                    format!("-> {}", fs::read_link(e.path()).unwrap().display())
                } else if e.file_type().is_file() {
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

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn does_not_replace_a_file_with_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::write(&out, "notes").unwrap();
        let files = [file("index.html", "x")];
        let err = write_atomic(&out, &files).unwrap_err();
        assert!(matches!(err, OutputError::NotAFolder { .. }), "{err}");
        assert_eq!(fs::read_to_string(&out).unwrap(), "notes");
        assert_eq!(names(dir.path()), ["output"]);
    }

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("a/../../b").is_err());
        assert!(safe_relative(MARKER).is_err());
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
            pairs(&[
                ("index.html", "three"),
                ("pages", "/"),
                ("pages/rules", "rules"),
                ("team", "/"),
                ("team/anna", "/"),
                ("team/anna/index.html", "anna"),
                ("weeks", "/"),
                ("weeks/x", "/"),
                ("weeks/x/index.html", "week"),
            ])
        );
        // The second site is now the spare; nothing else lies around.
        assert_eq!(
            tree(&dir.path().join(".output.spare")),
            pairs(&[("index.html", "two")])
        );
        assert_eq!(names(dir.path()), [".output.spare", "output"]);
        // Both carry the marker.
        assert!(has_marker(&out) && has_marker(&dir.path().join(".output.spare")));
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
        assert_eq!(tree(&out), pairs(&[("index.html", "three")]));
    }

    #[test]
    fn an_abandoned_build_leaves_the_site_and_keeps_a_spare() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomic(&out, &[file("index.html", "good")]).unwrap();
        let staging = Staging::begin(&out, Spare::Keep).unwrap();
        staging.write(&file("index.html", "half")).unwrap();
        drop(staging);
        assert_eq!(tree(&out), pairs(&[("index.html", "good")]));
        assert!(has_marker(&dir.path().join(".output.spare")));
        write_atomic(&out, &[file("other.html", "next")]).unwrap();
        assert_eq!(tree(&out), pairs(&[("other.html", "next")]));
    }

    #[test]
    fn a_folder_with_files_and_no_marker_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("docs");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("notes.txt"), "precious").unwrap();
        for _ in 0..2 {
            let err = write_atomic(&out, &[file("index.html", "x")]).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!(
                    "`{}/` holds files salespulse did not write; choose an empty folder or remove them",
                    out.display()
                )
            );
            assert!(err.is_refusal());
        }
        assert_eq!(tree(&out), pairs(&[("notes.txt", "precious")]));
        assert_eq!(names(dir.path()), ["docs"]);
        // An empty folder is taken: nothing in it to lose.
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        write_atomic(&empty, &[file("index.html", "x")]).unwrap();
        assert_eq!(tree(&empty), pairs(&[("index.html", "x")]));
        assert!(has_marker(&empty));
    }

    #[cfg(unix)]
    #[test]
    fn links_where_folders_are_expected_are_refused_by_name() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::create_dir(&victim).unwrap();
        fs::write(victim.join("keep.txt"), "keep").unwrap();
        let site = dir.path().join("site");
        fs::create_dir(&site).unwrap();
        // The output itself a link, even to a folder that looks like ours.
        let out = site.join("output");
        symlink(&victim, &out).unwrap();
        write_marker(&victim).unwrap();
        let err = write_atomic(&out, &[file("index.html", "x")]).unwrap_err();
        assert!(
            matches!(err, OutputError::Symlink { spare: false, .. }),
            "{err}"
        );
        assert!(err.to_string().contains(&format!("`{}`", out.display())));
        fs::remove_file(victim.join(MARKER)).unwrap();
        fs::remove_file(&out).unwrap();
        // The spare a link.
        let spare = site.join(".output.spare");
        symlink(&victim, &spare).unwrap();
        let err = write_atomic(&out, &[file("index.html", "x")]).unwrap_err();
        assert!(
            matches!(err, OutputError::Symlink { spare: true, .. }),
            "{err}"
        );
        assert!(err.to_string().contains(".output.spare"), "{err}");
        assert_eq!(tree(&victim), pairs(&[("keep.txt", "keep")]));
        assert_eq!(names(&site), [".output.spare"]);
        // A spare of files salespulse did not write.
        fs::remove_file(&spare).unwrap();
        fs::create_dir(&spare).unwrap();
        fs::write(spare.join("mine.txt"), "mine").unwrap();
        let err = write_atomic(&out, &[file("index.html", "x")]).unwrap_err();
        assert!(matches!(err, OutputError::ForeignSpare { .. }), "{err}");
        assert_eq!(tree(&spare), pairs(&[("mine.txt", "mine")]));
    }

    #[cfg(unix)]
    #[test]
    fn leftovers_of_dead_builds_go_and_others_stay() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        // Processes that have ended: their pids run no more.
        let ended = || {
            let mut child = std::process::Command::new("true").spawn().unwrap();
            let pid = child.id();
            child.wait().unwrap();
            pid
        };
        let (dead, other) = (ended(), ended());
        assert!(!process_runs(dead) && !process_runs(other));
        assert!(process_runs(std::process::id()));
        let ours = dir.path().join(format!(".output.new-{dead}"));
        fs::create_dir(&ours).unwrap();
        write_marker(&ours).unwrap();
        fs::write(ours.join("index.html"), "half").unwrap();
        let empty = dir.path().join(format!(".output.old-{dead}"));
        fs::create_dir(&empty).unwrap();
        let foreign = dir.path().join(format!(".output.new-{other}"));
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("mine.txt"), "mine").unwrap();
        let staging = Staging::begin(&out, Spare::Keep).unwrap();
        staging.write(&file("index.html", "x")).unwrap();
        let notes = staging.commit().unwrap();
        let mut expected = vec![format!(".output.new-{other}"), "output".to_string()];
        expected.sort();
        assert_eq!(names(dir.path()), expected);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].contains("salespulse did not write it"),
            "{notes:?}"
        );
    }

    #[test]
    fn without_a_spare_the_previous_site_is_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomic(&out, &[file("index.html", "plain one")]).unwrap();
        write_atomic(&out, &[file("index.html", "plain two")]).unwrap();
        assert!(dir.path().join(".output.spare").is_dir());
        write_with(&out, &[file("index.html", "sealed")], Spare::None).unwrap();
        assert_eq!(names(dir.path()), ["output"]);
        assert_eq!(tree(&out), pairs(&[("index.html", "sealed")]));
        // A failed build without a spare leaves nothing beside the output either.
        let staging = Staging::begin(&out, Spare::None).unwrap();
        staging.write(&file("index.html", "half")).unwrap();
        drop(staging);
        assert_eq!(names(dir.path()), ["output"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_hardlinked_copy_of_an_earlier_site_keeps_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_atomic(&out, &[file("index.html", "first"), file("a.html", "a")]).unwrap();
        let snapshot = dir.path().join("snapshot");
        fs::create_dir(&snapshot).unwrap();
        for name in ["index.html", "a.html"] {
            fs::hard_link(out.join(name), snapshot.join(name)).unwrap();
        }
        write_atomic(&out, &[file("index.html", "second")]).unwrap();
        // The third build rewrites the first site's files.
        write_atomic(&out, &[file("index.html", "third"), file("a.html", "b")]).unwrap();
        assert_eq!(
            tree(&snapshot),
            pairs(&[("a.html", "a"), ("index.html", "first")])
        );
        assert_eq!(
            tree(&out),
            pairs(&[("a.html", "b"), ("index.html", "third")])
        );
    }

    /// Makes `dir` impossible to write into, for root too (`chattr +i`),
    /// or for others by its mode; undone by [`unlock`]. False where neither works.
    #[cfg(unix)]
    fn lock(dir: &Path) -> bool {
        use std::os::unix::fs::PermissionsExt;
        let immutable = std::process::Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        if !immutable {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
        }
        writable(dir).is_err()
    }

    #[cfg(unix)]
    fn unlock(dir: &Path) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(dir)
            .status();
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_spare_that_cannot_be_written_is_left_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let site = [
            file("index.html", "one"),
            file("team/anna/index.html", "anna"),
        ];
        write_atomic(&out, &site).unwrap();
        write_atomic(&out, &[file("index.html", "two")]).unwrap();
        let spare = dir.path().join(".output.spare");
        let locked = spare.join("team");
        if !lock(&locked) {
            eprintln!("skipped: neither chattr nor file modes stop writes here");
            unlock(&locked);
            return;
        }
        let staging = Staging::begin(&out, Spare::Keep).unwrap();
        staging.write(&file("index.html", "three")).unwrap();
        let notes = staging.commit();
        unlock(&locked);
        let notes = notes.unwrap();
        assert_eq!(tree(&out), pairs(&[("index.html", "three")]));
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].contains(&format!("`{}/` cannot be rewritten", spare.display()))
                && notes[0].contains("may be deleted"),
            "{notes:?}"
        );
        // The spare was left as it was; the next build, with it writable
        // again, reuses it.
        assert_eq!(
            tree(&spare),
            pairs(&[
                ("index.html", "one"),
                ("team", "/"),
                ("team/anna", "/"),
                ("team/anna/index.html", "anna")
            ])
        );
        let staging = Staging::begin(&out, Spare::Keep).unwrap();
        assert!(staging.reused && staging.notes().is_empty());
        drop(staging);
    }

    #[test]
    fn the_site_is_not_written_among_its_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content/weeks")).unwrap();
        fs::create_dir_all(root.join("templates")).unwrap();
        let refused = |out: PathBuf| check_place(&root, &out).unwrap_err().to_string();
        assert!(refused(root.join("content")).contains("inside the site's content/ folder"));
        assert!(refused(root.join("content/weeks/new")).contains("content/"));
        assert!(refused(root.join("templates")).contains("templates/ folder"));
        assert!(refused(root.join("x/../content")).contains("content/ folder"));
        assert!(refused(root.clone()).contains("holds the site folder itself"));
        assert!(refused(root.join(".")).contains("holds the site folder itself"));
        assert!(refused(dir.path().to_path_buf()).contains("holds the site folder itself"));
        assert!(refused(root.join("content/..")).contains("holds the site folder itself"));
        for fine in ["output", "docs", "public/site", "../elsewhere"] {
            check_place(&root, &root.join(fine)).unwrap();
        }
        #[cfg(unix)]
        {
            // Through a link to the content folder.
            std::os::unix::fs::symlink(root.join("content"), dir.path().join("c")).unwrap();
            assert!(refused(dir.path().join("c/out")).contains("content/ folder"));
        }
    }
}
