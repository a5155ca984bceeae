//! The binary's side of each command: run the library, print what it
//! returned in the site's language, say whether it succeeded. The library
//! (`salespulse::site`, `salespulse::commands`) prints nothing of these.

pub mod build;
pub mod check;
pub mod digest;
pub mod import;
pub mod new;
pub mod serve;
pub mod setup;

/// Lets the operating system reclaim `value` when the process exits, which
/// it does right after the command: freeing a big department's content
/// (hundreds of thousands of small strings) one by one costs ~25 ms of a
/// 0.4 s `check`. Only for the commands' last step; nothing is left open.
pub fn leave_to_exit<T>(value: T) {
    std::mem::forget(value);
}
