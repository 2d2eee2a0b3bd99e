//! The WebDriver processes behind one app session, owned from the moment they are spawned.
//!
//! `tauri-driver` starts `WebKitWebDriver`, which starts the app. All three run in a process group
//! of their own, led by `tauri-driver`, and [`DriverProcesses`] ends that whole group when it is
//! dropped: after a passing test, a failing assertion, a panic while starting, alike. A leftover
//! driver would keep the test runner's output pipe open and hang whatever reads it (CI's `tee`).
//!
//! The test process makes itself a child subreaper, so a driver's children whose parent died first
//! are handed to it rather than to PID 1 (which, in a container, may never reap them), and are
//! reaped here: when `Drop` returns, no process of the group is left, not even a zombie.

use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

use rustix::io::Errno;
use rustix::process::{Pid, Signal, WaitOptions};

/// How long the group gets to stop on SIGTERM (tauri-driver then stops WebKitWebDriver, which
/// closes the app) before the rest is killed.
const GRACE: Duration = Duration::from_secs(5);

/// `tauri-driver` and everything it started, in one process group.
pub(crate) struct DriverProcesses {
    tauri_driver: Child,
    group: Pid,
    ended: bool,
    /// The port `tauri-driver` serves WebDriver on.
    pub(crate) port: u16,
    /// The port of the `WebKitWebDriver` it starts.
    pub(crate) native_port: u16,
}

impl DriverProcesses {
    /// Starts `tauri-driver` on two free ports with the app's environment (`env`), in a new
    /// process group.
    pub(crate) fn spawn(env: &[(&str, &Path)]) -> Result<DriverProcesses, String> {
        become_subreaper();
        let port = free_port()?;
        let native_port = free_port()?;
        let binary = tauri_driver_binary();
        let mut command = Command::new(&binary);
        command
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .envs(env.iter().map(|(key, value)| (key, value.as_os_str())))
            // An English interface; C.UTF-8 exists on every Debian machine, en_US may not.
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .env("LANGUAGE", "en")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .process_group(0);
        let tauri_driver = command.spawn().map_err(|error| {
            format!(
                "cannot start {} ({error}); install it with `cargo install tauri-driver --locked` \
                 (scripts/setup --test does)",
                binary.display()
            )
        })?;
        let group = Pid::from_child(&tauri_driver);
        Ok(DriverProcesses { tauri_driver, group, ended: false, port, native_port })
    }

    /// Waits until both tauri-driver and WebKitWebDriver accept connections, or `deadline`.
    pub(crate) fn wait_until_listening(&mut self, deadline: Instant) -> Result<(), String> {
        for (name, port) in [("tauri-driver", self.port), ("WebKitWebDriver", self.native_port)] {
            loop {
                if let Ok(Some(status)) = self.tauri_driver.try_wait() {
                    return Err(format!(
                        "tauri-driver exited ({status}) before {name} listened on port {port}"
                    ));
                }
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    break;
                }
                if Instant::now() >= deadline {
                    return Err(format!("{name} did not listen on port {port}"));
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        Ok(())
    }

    /// The id of the process group (tauri-driver's pid).
    pub(crate) fn group_id(&self) -> u32 {
        self.group.as_raw_nonzero().get().unsigned_abs()
    }

    /// Ends the group: SIGTERM, up to [`GRACE`] for tauri-driver to stop its children, then
    /// SIGKILL for whatever is left; returns once every process of the group is reaped. Only the
    /// first call does anything.
    pub(crate) fn end(&mut self) {
        if std::mem::replace(&mut self.ended, true) {
            return;
        }
        let _ = rustix::process::kill_process_group(self.group, Signal::TERM);
        let graceful = Instant::now() + GRACE;
        while Instant::now() < graceful && !matches!(self.tauri_driver.try_wait(), Ok(Some(_))) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = rustix::process::kill_process_group(self.group, Signal::KILL);
        let _ = self.tauri_driver.wait();
        // Members orphaned by tauri-driver's death are now this process's children (subreaper):
        // reap them until the kernel knows no process in the group.
        let deadline = Instant::now() + GRACE;
        loop {
            while let Ok(Some(_)) = rustix::process::waitpgid(self.group, WaitOptions::NOHANG) {}
            match rustix::process::test_kill_process_group(self.group) {
                Err(Errno::SRCH) => return,
                _ if Instant::now() >= deadline => {
                    eprintln!("e2e: processes of group {} outlived SIGKILL", self.group.as_raw_nonzero());
                    return;
                }
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }
}

impl Drop for DriverProcesses {
    fn drop(&mut self) {
        self.end();
    }
}

/// Makes this process the reaper of its orphaned descendants (once).
fn become_subreaper() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if let Err(error) = rustix::process::set_child_subreaper(Some(rustix::process::getpid())) {
            eprintln!("e2e: cannot become a child subreaper ({error}); orphaned drivers go to PID 1");
        }
    });
}

fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|error| format!("no free local port: {error}"))
}

/// `$TAURI_DRIVER`, else `tauri-driver` in cargo's bin folder, else on the `PATH`.
fn tauri_driver_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|home| home.join("bin/tauri-driver"));
    cargo_bin.filter(|path| path.is_file()).unwrap_or_else(|| PathBuf::from("tauri-driver"))
}
