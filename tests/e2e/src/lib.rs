//! Drives the real Plenary window: starts `tauri-driver` (which starts WebKitWebDriver, which
//! starts the built app), opens a WebDriver session on it, and offers the few helpers the tests
//! need (waiting, reading the DOM, screenshots). Nothing here is a mock: every step goes through
//! the app binary, its Rust commands and a real library file.

mod drivers;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::drivers::DriverProcesses;

/// The workspace root (two levels above this crate).
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root exists")
}

/// The app binary: `$PLENARY_APP`, else `target/debug/plenary-app` (built by `scripts/test`).
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("PLENARY_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target/debug/plenary-app"));
    assert!(
        path.is_file(),
        "the app binary {} is missing: build it with `cargo build -p plenary-app` (scripts/test does)",
        path.display()
    );
    path
}

/// The `plenary` command: `$PLENARY_CLI`, else `target/debug/plenary` (built with the workspace's
/// tests).
pub fn cli_binary() -> PathBuf {
    let path = std::env::var_os("PLENARY_CLI")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target/debug/plenary"));
    assert!(
        path.is_file(),
        "the plenary command {} is missing: build it with `cargo build -p plenary-cli`",
        path.display()
    );
    path
}

/// Where screenshots of the main screens go.
pub fn screenshot_dir() -> PathBuf {
    let dir = workspace().join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    dir
}

/// How long [`App::start`] keeps trying to open a session before it gives up.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// The longest any single WebDriver request may take (the default is two minutes).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// A running app window under WebDriver.
pub struct App {
    /// The WebDriver session on the app's webview.
    pub driver: WebDriver,
    processes: DriverProcesses,
    /// The app's own data folder (`$XDG_DATA_HOME`: WebKit's local storage, such as the chosen
    /// interface language), new for each app, so that no test inherits another's settings.
    _data: tempfile::TempDir,
}

impl Drop for App {
    /// Ends the drivers and the app, then tells the WebDriver client that its session is gone:
    /// otherwise the session's own drop (after a failed test, which never called `stop`) would
    /// ask the dead driver to close it and wait out the request timeout.
    fn drop(&mut self) {
        self.processes.end();
        let _ = self.driver.clone().leak();
    }
}

impl App {
    /// Starts the app on the library `db`, writing exports into `exports` without dialogs.
    ///
    /// Each attempt starts tauri-driver afresh in its own process group, waits until it and
    /// WebKitWebDriver accept connections, then asks for a session; a failed attempt ends its
    /// processes and the next one follows with a growing pause, for up to [`START_TIMEOUT`]. A
    /// cold machine (WebKit's caches empty, both cores busy) is slow to start the first time.
    pub async fn start(db: &Path, exports: &Path) -> App {
        App::start_with(db, exports, None).await
    }

    /// Like [`App::start`]; the app's Open dialogs return `open_file` without asking
    /// (`$PLENARY_OPEN_FILE`).
    pub async fn start_with(db: &Path, exports: &Path, open_file: Option<&Path>) -> App {
        let binary = app_binary();
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "DISPLAY is not set: run under Xvfb (scripts/test starts it)"
        );
        let data = tempfile::tempdir().expect("a data folder for the app");
        let mut env = vec![
            ("PLENARY_DB", db),
            ("PLENARY_EXPORT_DIR", exports),
            ("PLENARY_AUTHOR", Path::new("e2e")),
            ("XDG_DATA_HOME", data.path()),
        ];
        env.extend(open_file.map(|file| ("PLENARY_OPEN_FILE", file)));
        let deadline = Instant::now() + START_TIMEOUT;
        let mut pause = Duration::from_millis(500);
        let mut failures = Vec::new();
        loop {
            match start_session(&binary, &env, deadline).await {
                Ok((driver, processes)) => return App { driver, processes, _data: data },
                Err(error) => failures.push(error),
            }
            if Instant::now() + pause >= deadline {
                panic!(
                    "no WebDriver session on the app {} within {} s ({} attempts):\n  {}",
                    binary.display(),
                    START_TIMEOUT.as_secs(),
                    failures.len(),
                    failures.join("\n  ")
                );
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_secs(8));
        }
    }

    /// Closes the window and stops the drivers.
    pub async fn stop(self) {
        let _ = tokio::time::timeout(REQUEST_TIMEOUT, self.driver.clone().quit()).await;
        // Dropping `processes` ends tauri-driver, WebKitWebDriver and anything left of the app.
    }

    /// The process group of this session's drivers and app (for tests of the harness itself).
    pub fn process_group(&self) -> u32 {
        self.processes.group_id()
    }

    /// Presses `keys` (xdotool's names: `ctrl+2`, `F10`, `Down`, `Return`) as the X server's
    /// keyboard, on the app's focused window: the way a person's keys reach the native menu bar
    /// and its accelerators, which WebDriver's key actions (delivered inside the web view) do not.
    pub async fn press(&self, keys: &[&str]) {
        let app = processes_in_group(self.process_group())
            .into_iter()
            .find(|(_, name)| name == "plenary-app")
            .map(|(pid, _)| pid)
            .expect("the app's process");
        let windows = xdotool(&["search", "--onlyvisible", "--pid", &app.to_string()]);
        let window = windows.lines().next().expect("the app's window").to_owned();
        let mut args = vec!["windowfocus", "--sync", &window, "key", "--clearmodifiers", "--delay", "50"];
        args.extend_from_slice(keys);
        xdotool(&args);
    }

    /// The first element matching `css`, waiting up to 15 s for it to appear.
    pub async fn find(&self, css: &str) -> WebElement {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            match self.driver.find(By::Css(css)).await {
                Ok(element) => return element,
                Err(error) if Instant::now() > deadline => panic!("no element matches {css}: {error}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// Every element matching `css` now.
    pub async fn find_all(&self, css: &str) -> Vec<WebElement> {
        self.driver.find_all(By::Css(css)).await.expect("find elements")
    }

    /// Runs `script` in the window and returns its value.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.driver.execute(script, Vec::new()).await.expect("run script").json().clone()
    }

    /// What axe-core (`ui/node_modules/axe-core`, installed by `scripts/setup`) finds against
    /// WCAG 2 A and AA in the window as it now is: one line per rule broken, with the elements.
    pub async fn accessibility_problems(&self) -> Vec<String> {
        let source = workspace().join("ui/node_modules/axe-core/axe.min.js");
        let axe = std::fs::read_to_string(&source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        let run = format!(
            "const done = arguments[arguments.length - 1];\n{axe}\n\
             axe.run(document, {{ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }})\
               .then(r => done(r.violations.map(v => `${{v.id}} (${{v.impact}}): ${{v.help}}: ` +\
                 v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))))\
               .catch(e => done([`axe failed: ${{e}}`]));"
        );
        let found = self.driver.execute_async(&run, Vec::new()).await.expect("run axe-core");
        serde_json::from_value(found.json().clone()).expect("a list of problems")
    }

    /// Waits up to 15 s until `script` returns a truthy value; panics with `what` otherwise.
    pub async fn wait_until(&self, what: &str, script: &str) -> serde_json::Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let value = self.eval(script).await;
            let truthy = !matches!(&value, serde_json::Value::Null | serde_json::Value::Bool(false))
                && value != serde_json::json!("")
                && value != serde_json::json!(0);
            if truthy {
                return value;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what} (last value {value})");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a PNG of the window as `target/screenshots/<name>.png` and returns its path.
    /// Waits for two animation frames first, so that the picture shows what the page now holds
    /// (WebKit may otherwise hand over the last frame it painted).
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let painted = "const done = arguments[arguments.length - 1]; \
                       requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.driver.execute_async(painted, Vec::new()).await.expect("wait for a painted frame");
        let path = screenshot_dir().join(format!("{name}.png"));
        self.driver.screenshot(&path).await.expect("screenshot");
        path
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Types `text` into the element matching `css`.
    pub async fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        element.click().await.unwrap_or_else(|e| panic!("focus {css}: {e}"));
        element.send_keys(text).await.unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }
}

/// One attempt: fresh drivers, both listening, then a session on the app.
async fn start_session(
    binary: &Path,
    env: &[(&str, &Path)],
    deadline: Instant,
) -> Result<(WebDriver, DriverProcesses), String> {
    let mut processes = DriverProcesses::spawn(env)?;
    processes.wait_until_listening(deadline)?;
    let mut capabilities = Capabilities::new();
    capabilities.set("browserName", "wry").map_err(|e| e.to_string())?;
    capabilities
        .set("tauri:options", serde_json::json!({ "application": binary }))
        .map_err(|e| e.to_string())?;
    let session = WebDriver::builder(format!("http://127.0.0.1:{}", processes.port), capabilities)
        .request_timeout(REQUEST_TIMEOUT)
        .await;
    match session {
        Ok(driver) => Ok((driver, processes)),
        Err(error) => Err(format!(
            "tauri-driver on port {} and WebKitWebDriver on port {} listened, but the session request failed: {error}",
            processes.port, processes.native_port
        )),
    }
}

/// The text of a PDF, by poppler's `pdftotext` (installed by `scripts/test`).
pub fn pdf_text(path: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-layout"])
        .arg(path)
        .arg("-")
        .output()
        .expect("run pdftotext (poppler-utils)");
    assert!(output.status.success(), "pdftotext failed on {}", path.display());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Waits up to 20 s for a file with extension `ext` to appear in `folder`.
pub fn wait_for_export(folder: &Path, ext: &str) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let found = std::fs::read_dir(folder).ok().and_then(|entries| {
            entries.filter_map(Result::ok).map(|e| e.path()).find(|p| p.extension().is_some_and(|e| e == ext))
        });
        if let Some(path) = found {
            return path;
        }
        assert!(Instant::now() < deadline, "no .{ext} file appeared in {}", folder.display());
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Sets a `<select>` (or input) the way a user's choice does: value, then `change`.
pub async fn select(app: &App, css: &str, value: &str) {
    app.find(css).await;
    let script = format!(
        "const el = document.querySelector({css:?}); el.value = {value:?}; el.dispatchEvent(new Event('change', {{bubbles: true}})); return el.value;"
    );
    assert_eq!(app.eval(&script).await, serde_json::json!(value), "choose {value} in {css}");
}

/// The processes now in process group `group`, as (pid, command name), zombies included: read from
/// `/proc`, so a test can see what a session started and that it is gone afterwards.
pub fn processes_in_group(group: u32) -> Vec<(u32, String)> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
            let (head, rest) = stat.rsplit_once(')')?;
            let name = head.split_once('(')?.1.to_owned();
            let pgrp = rest.split_whitespace().nth(2)?.parse::<u32>().ok()?;
            (pgrp == group).then_some((pid, name))
        })
        .collect()
}

/// Runs xdotool (scripts/setup --test installs it); returns what it printed.
fn xdotool(args: &[&str]) -> String {
    let output = Command::new("xdotool").args(args).output().expect("run xdotool (package xdotool)");
    assert!(output.status.success(), "xdotool {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The mean brightness of a screenshot's pixels, 0 (black) to 1 (white), by Rec. 709 luma.
pub fn mean_brightness(png_file: &Path) -> f64 {
    let file = std::fs::File::open(png_file).unwrap_or_else(|e| panic!("{}: {e}", png_file.display()));
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let frame = reader.next_frame(&mut pixels).expect("PNG pixels");
    let channels = frame.color_type.samples();
    assert!(channels >= 3, "a colour screenshot: {:?}", frame.color_type);
    let bytes = &pixels[..frame.buffer_size()];
    let (sum, count) = bytes.chunks_exact(channels).fold((0.0, 0usize), |(sum, count), px| {
        let luma = 0.2126 * f64::from(px[0]) + 0.7152 * f64::from(px[1]) + 0.0722 * f64::from(px[2]);
        (sum + luma / 255.0, count + 1)
    });
    sum / count.max(1) as f64
}
