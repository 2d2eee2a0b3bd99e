//! Runs the Linux tools that read exports back (poppler, the Nu checker on Java) from the tests,
//! natively on Linux and from the Windows build under Wine, so the Windows build's exports are
//! read by the same tools as the Linux build's.
//!
//! Under Wine a Windows program can start a Linux program, but gets no handle to wait on (Wine
//! starts it and reports success without one). The Windows side therefore runs the tool through
//! `/bin/sh` with its output and exit status written to files, and waits for the status file.

use std::path::Path;

/// What a tool printed and how it ended.
pub struct HostOutput {
    /// Whether it exited with status 0.
    pub success: bool,
    /// Its standard output.
    pub stdout: Vec<u8>,
    /// Its standard error.
    pub stderr: Vec<u8>,
}

impl HostOutput {
    /// Standard output as text (the tools print UTF-8).
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// Standard error as text.
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// A tool of the Linux machine the tests run on, and its arguments.
pub struct HostCommand {
    program: String,
    args: Vec<String>,
}

impl HostCommand {
    /// The program, found on the Linux PATH (`/usr/local/bin:/usr/bin:/bin` under Wine).
    pub fn new(program: &str) -> Self {
        Self { program: program.to_owned(), args: Vec::new() }
    }

    /// A plain argument, passed as it is.
    pub fn arg(mut self, arg: impl Into<String>) -> Self {
        self.args.push(arg.into());
        self
    }

    /// A file the tests wrote, passed by its Linux name.
    pub fn path(mut self, path: &Path) -> Self {
        self.args.push(linux_path(path));
        self
    }

    /// Runs the tool to its end; panics, naming it, when it cannot be started.
    pub fn output(&self) -> HostOutput {
        run(&self.program, &self.args)
    }
}

#[cfg(not(windows))]
fn linux_path(path: &Path) -> String {
    path.to_str().expect("the tests' temporary paths are UTF-8").to_owned()
}

#[cfg(not(windows))]
fn run(program: &str, args: &[String]) -> HostOutput {
    let output = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not be started (scripts/test installs it): {e}"));
    HostOutput { success: output.status.success(), stdout: output.stdout, stderr: output.stderr }
}

/// `Z:\x\y` is `/x/y` under Wine, and `C:\x\y` is `$WINEPREFIX/drive_c/x/y`.
#[cfg(windows)]
fn linux_path(path: &Path) -> String {
    let text = path.to_str().expect("the tests' temporary paths are UTF-8");
    let (drive, rest) = text.split_at(2);
    let rest = rest.replace('\\', "/");
    match drive.to_ascii_uppercase().as_str() {
        "Z:" => rest,
        "C:" => {
            let prefix = std::env::var("WINEPREFIX").expect(
                "these tests read exports with Linux tools: on Windows they run only under Wine \
                 (scripts/test-windows), which sets WINEPREFIX",
            );
            format!("{prefix}/drive_c{rest}")
        }
        _ => panic!("{text} is on no drive these tests know under Wine"),
    }
}

#[cfg(windows)]
fn run(program: &str, args: &[String]) -> HostOutput {
    use std::time::{Duration, Instant};

    // The exchange folder lives in the Linux /tmp (Wine's Z:), whose name has no spaces.
    let exchange = tempfile::Builder::new()
        .prefix("plenary-host-tool-")
        .tempdir_in(r"Z:\tmp")
        .expect("a folder in the Linux /tmp");
    let unix = linux_path(exchange.path());
    let quote = |text: &str| format!("'{}'", text.replace('\'', r"'\''"));
    let command: Vec<String> =
        std::iter::once(program).chain(args.iter().map(String::as_str)).map(quote).collect();
    let script = format!(
        "PATH=/usr/local/bin:/usr/bin:/bin; export PATH\n\
         {command} <'/dev/null' >'{unix}/stdout' 2>'{unix}/stderr'\n\
         echo $? >'{unix}/status.part' && mv '{unix}/status.part' '{unix}/status'\n",
        command = command.join(" ")
    );
    std::fs::write(exchange.path().join("run.sh"), script).expect("write the script");
    // Wine starts a Linux program and returns no process handle: spawn succeeds, waiting would not.
    #[expect(
        clippy::zombie_processes,
        reason = "there is no handle to wait on; the status file says when it ended"
    )]
    let _started = std::process::Command::new(r"Z:\bin\sh")
        .arg(format!("{unix}/run.sh"))
        .spawn()
        .unwrap_or_else(|e| panic!("/bin/sh could not be started from Wine for {program}: {e}"));
    let status_file = exchange.path().join("status");
    let deadline = Instant::now() + Duration::from_secs(180);
    while !status_file.exists() {
        assert!(Instant::now() < deadline, "{program} did not finish within 180 s");
        std::thread::sleep(Duration::from_millis(20));
    }
    let read = |name: &str| std::fs::read(exchange.path().join(name)).unwrap_or_default();
    let status = String::from_utf8_lossy(&read("status")).trim().to_owned();
    HostOutput { success: status == "0", stdout: read("stdout"), stderr: read("stderr") }
}
