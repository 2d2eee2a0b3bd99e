//! Drives the real Plenary window: starts `tauri-driver` (which starts WebKitWebDriver, which
//! starts the built app), opens a WebDriver session on it, and offers the few helpers the tests
//! need (waiting, reading the DOM, screenshots). Nothing here is a mock: every step goes through
//! the app binary, its Rust commands and a real library file.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

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

/// Where screenshots of the main screens go.
pub fn screenshot_dir() -> PathBuf {
    let dir = workspace().join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// A running app window under WebDriver.
pub struct App {
    /// The WebDriver session on the app's webview.
    pub driver: WebDriver,
    tauri_driver: Child,
}

impl App {
    /// Starts the app on the library `db`, writing exports into `exports` without dialogs.
    pub async fn start(db: &Path, exports: &Path) -> App {
        let binary = app_binary();
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "DISPLAY is not set: run under Xvfb (scripts/test starts it)"
        );
        let port = free_port();
        let native_port = free_port();
        let tauri_driver = Command::new(tauri_driver_binary())
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("PLENARY_DB", db)
            .env("PLENARY_EXPORT_DIR", exports)
            .env("PLENARY_AUTHOR", "e2e")
            // An English interface; C.UTF-8 exists on every Debian machine, en_US may not.
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .env("LANGUAGE", "en")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tauri-driver (install it with `cargo install tauri-driver --locked`)");
        wait_for_port(port, Duration::from_secs(20));
        let mut capabilities = Capabilities::new();
        capabilities.set("browserName", "wry").expect("capability");
        capabilities.set("tauri:options", serde_json::json!({ "application": binary })).expect("capability");
        let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), capabilities)
            .await
            .expect("a WebDriver session on the app");
        App { driver, tauri_driver }
    }

    /// Closes the window and stops the drivers.
    pub async fn stop(self) {
        let _ = self.driver.clone().quit().await;
        // Dropping stops tauri-driver.
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

    /// Saves a PNG of the window as `target/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        let path = screenshot_dir().join(format!("{name}.png"));
        self.driver.screenshot(&path).await.expect("screenshot");
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

impl Drop for App {
    /// Stops tauri-driver with SIGTERM (so that it stops WebKitWebDriver and the app too), also
    /// when a test fails half-way.
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.tauri_driver.try_wait() {
            return;
        }
        let _ = Command::new("kill").args(["-TERM", &self.tauri_driver.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.tauri_driver.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.tauri_driver.kill();
        let _ = self.tauri_driver.wait();
    }
}

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

fn wait_for_port(port: u16, timeout: Duration) {
    let deadline = Instant::now() + timeout;
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "tauri-driver did not listen on port {port}");
        std::thread::sleep(Duration::from_millis(50));
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
