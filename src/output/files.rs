//! Small file-system operations, each refusing to follow a link.

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path};

use super::*;

/// Swaps two folders in one step (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
pub(super) fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Whether process `pid` exists. Where that cannot be told, it is taken to
/// run, so nothing of a running build is removed.
#[cfg(unix)]
pub(super) fn process_runs(pid: u32) -> bool {
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
pub(super) fn process_runs(_: u32) -> bool {
    true
}

/// Fails when files in the folder at `path` cannot be created or removed
/// (an immutable folder; a read-only one for a user other than root). A
/// file that cannot be replaced fails its write, and the error names the spare.
#[cfg(unix)]
pub(super) fn writable(path: &Path) -> io::Result<()> {
    rustix::fs::access(path, rustix::fs::Access::WRITE_OK).map_err(|err| {
        io::Error::new(
            io::Error::from(err).kind(),
            format!("{}: {err}", path.display()),
        )
    })
}

#[cfg(not(unix))]
pub(super) fn writable(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path)?.permissions().readonly() {
        true => Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{} is read-only", path.display()),
        )),
        false => Ok(()),
    }
}

/// Creates a file that did not exist (never opening one through a link) and writes it.
pub(super) fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
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
pub(super) fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
}

/// A path that stays inside the output folder: relative, no `..`, no root.
pub(super) fn safe_relative(path: &str) -> io::Result<&Path> {
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
