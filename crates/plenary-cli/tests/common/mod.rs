//! What the CLI test files share.

#![allow(dead_code, unreachable_pub)]

use std::process::Command;

/// `command`, run as `nobody` where the tests run as root (root ignores file modes). The folders
/// it reaches must let `nobody` in; the caller sets their modes.
#[cfg(unix)]
pub fn as_unprivileged_user(command: Command) -> Command {
    let is_root =
        Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false);
    if !is_root {
        return command;
    }
    let mut unprivileged = Command::new("setpriv");
    unprivileged
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(command.get_program())
        .args(command.get_args());
    for (name, value) in command.get_envs() {
        match value {
            Some(value) => unprivileged.env(name, value),
            None => unprivileged.env_remove(name),
        };
    }
    unprivileged
}

/// Windows honours the read-only attribute for every user.
#[cfg(windows)]
pub fn as_unprivileged_user(command: Command) -> Command {
    command
}
