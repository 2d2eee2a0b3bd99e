//! The app's figures on a 10,000-section library: cold start to the first interactive library
//! view, preview update time while typing in a 10-page statement, memory in use after composing
//! it, and the size of the release binary and the Linux package. Prints its figures; asserts
//! nothing (targets: start < 1 s, preview < 50 ms, memory < 200 MB).
//!
//! `scripts/bench-app` builds the release binaries and runs this under Xvfb.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use plenary_e2e::{App, workspace};
use plenary_store::{NewStatement, SectionFilter, Store};

const START_RUNS: usize = 7;
const TYPING_BURSTS: usize = 25;

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| build_library(dir.path()));
    let app_binary = plenary_e2e::app_binary();
    println!("app: {}", app_binary.display());
    println!("library: {} ({:.1} MB)", library.display(), file_mb(&library));

    cold_start(&app_binary, &library);
    let statement = ten_page_statement(&library);
    compose_and_type(&library, dir.path(), &statement).await;
    sizes(&app_binary);
}

/// The benchmark library of `plenary bench library`: 10,000 sections, 60 % English.
fn build_library(dir: &Path) -> PathBuf {
    let out = dir.join("bench.sqlite3");
    let cli = workspace().join("target/release/plenary");
    assert!(cli.is_file(), "build the CLI first: cargo build --release -p plenary-cli");
    println!("building the 10,000-section library (plenary bench library)…");
    let status = Command::new(cli)
        .args(["bench", "library", "--sections", "10000", "--queries", "20", "--out"])
        .arg(&out)
        .stdout(Stdio::null())
        .status()
        .expect("run plenary bench library");
    assert!(status.success(), "plenary bench library failed");
    out
}

fn file_mb(path: &Path) -> f64 {
    std::fs::metadata(path).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0)
}

/// Starts the app until its library view is interactive (the window reports `ready_ms`, then
/// quits), several times; the first run is the coldest the machine allows without dropping the
/// OS page cache.
fn cold_start(app: &Path, library: &Path) {
    let mut ready = Vec::new();
    let mut wall = Vec::new();
    for _ in 0..START_RUNS {
        let started = Instant::now();
        let output = Command::new(app)
            .env("PLENARY_DB", library)
            .env("PLENARY_EXIT_WHEN_READY", "1")
            .stderr(Stdio::null())
            .output()
            .expect("start the app");
        wall.push(started.elapsed().as_secs_f64() * 1000.0);
        let stdout = String::from_utf8_lossy(&output.stdout);
        // "ready_ms=1074 page_ms=466 marks: info=298 …"
        let line = stdout.lines().find(|line| line.starts_with("ready_ms=")).unwrap_or_default();
        let ms = line
            .split_whitespace()
            .next()
            .and_then(|field| field.strip_prefix("ready_ms="))
            .and_then(|ms| ms.parse::<f64>().ok())
            .unwrap_or_else(|| panic!("the app did not report ready: {stdout}"));
        println!("  {line}");
        ready.push(ms);
    }
    println!(
        "cold start to interactive library view ({START_RUNS} runs): first {:.0} ms, median {:.0} ms, max {:.0} ms (process start to exit: median {:.0} ms)",
        ready[0],
        median(&mut ready.clone()),
        ready.iter().cloned().fold(0.0, f64::max),
        median(&mut wall)
    );
}

/// A statement of about ten pages: the first English sections of the library, one at a time,
/// until 3,300 words (the letterhead template sets about 330 words a page).
fn ten_page_statement(library: &Path) -> String {
    let mut store = Store::open(library).expect("open library");
    let filter =
        SectionFilter { lang: Some(plenary_core::language::Language::english()), ..Default::default() };
    let sections: Vec<_> = store
        .section_list(&filter)
        .expect("list")
        .into_iter()
        .filter(|s| s.status != plenary_core::status::SectionStatus::Retired)
        .map(|s| s.id)
        .collect();
    let statement = store
        .write(|w| w.new_statement(NewStatement { title: "Ten pages".into(), ..Default::default() }))
        .expect("statement");
    let today: plenary_core::date::Date = "2026-11-27".parse().expect("date");
    for section in sections.chunks(1) {
        store.write(|w| w.add_sections(statement, section)).expect("add sections");
        if store.assemble(statement, today).expect("assemble").word_count >= 3_300 {
            break;
        }
    }
    let assembled = store.assemble(statement, today).expect("assemble");
    println!("statement: {} items, {} words", assembled.items.len(), assembled.word_count);
    statement.to_string()
}

/// Opens the statement in the composer, types into a statement-only item in bursts, and reads
/// back the preview timings the window records; then the memory of the app's processes.
async fn compose_and_type(library: &Path, dir: &Path, statement: &str) {
    let exports = dir.join("exports");
    std::fs::create_dir_all(&exports).expect("exports dir");
    let app = App::start(library, &exports).await;
    app.wait_until("the library", "return document.querySelectorAll('[data-section-id]').length > 0").await;
    app.click("[data-view=statements]").await;
    app.click(&format!("[data-statement-id='{statement}']")).await;
    app.wait_until(
        "the preview",
        "const f = document.querySelector('[data-testid=preview]'); return f && f.srcdoc.length > 0",
    )
    .await;
    let pages = pdf_pages(&app, &exports).await;
    println!("exported PDF: {pages} pages");
    app.click("[data-testid=add-text]").await;
    app.wait_until("the new text item", "return document.querySelector('[data-testid=item-body]') !== null")
        .await;
    app.eval("window.plenaryPreviewTimings.length = 0; return true;").await;
    let body = app.find("[data-testid=item-body]").await;
    body.click().await.expect("focus the new item");
    for burst in 0..TYPING_BURSTS {
        body.send_keys(format!("word{burst} ")).await.expect("type");
        tokio::time::sleep(Duration::from_millis(600)).await;
    }
    let timings = app.eval("return window.plenaryPreviewTimings.slice();").await;
    let mut timings: Vec<f64> =
        timings.as_array().expect("timings").iter().filter_map(serde_json::Value::as_f64).collect();
    assert!(!timings.is_empty(), "no preview updates were recorded");
    timings.sort_by(f64::total_cmp);
    println!(
        "preview update while typing ({} updates, after the 150 ms typing pause): median {:.1} ms, p90 {:.1} ms, max {:.1} ms",
        timings.len(),
        percentile(&timings, 0.5),
        percentile(&timings, 0.9),
        timings.last().copied().unwrap_or_default()
    );
    memory();
    app.stop().await;
}

async fn pdf_pages(app: &App, exports: &Path) -> usize {
    plenary_e2e::select(app, "[data-testid=export-format]", "pdf").await;
    app.click("[data-testid=export]").await;
    let pdf = plenary_e2e::wait_for_export(exports, "pdf");
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// Resident memory of the app and the WebKit processes it started, from /proc: in all (RSS),
/// and private (RssAnon: what the process itself allocated, without shared libraries and the
/// memory-mapped library file, which the OS shares and can drop).
fn memory() {
    struct Process {
        pid: u32,
        parent: u32,
        name: String,
        rss_kb: u64,
        anon_kb: u64,
    }
    let processes: Vec<Process> = std::fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
            let field =
                |name: &str| status.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().to_owned());
            let kb = |name: &str| field(name)?.trim_end_matches(" kB").trim().parse::<u64>().ok();
            Some(Process {
                pid,
                parent: field("PPid:")?.parse().ok()?,
                name: field("Name:")?,
                rss_kb: kb("VmRSS:")?,
                anon_kb: kb("RssAnon:")?,
            })
        })
        .collect();
    let Some(app) = processes.iter().find(|p| p.name == "plenary-app") else {
        println!("memory: the app process was not found");
        return;
    };
    let mb = |kb: u64| kb as f64 / 1024.0;
    println!(
        "memory after composing: app process RSS {:.0} MB, private {:.0} MB",
        mb(app.rss_kb),
        mb(app.anon_kb)
    );
    for child in processes.iter().filter(|p| p.parent == app.pid) {
        println!("  {}: RSS {:.0} MB, private {:.0} MB", child.name, mb(child.rss_kb), mb(child.anon_kb));
    }
}

fn sizes(app: &Path) {
    println!("release binary: {:.1} MB", file_mb(app));
    let bundle = workspace().join("target/release/bundle/deb");
    let deb = std::fs::read_dir(&bundle).ok().and_then(|entries| {
        entries.filter_map(Result::ok).map(|e| e.path()).find(|p| p.extension().is_some_and(|e| e == "deb"))
    });
    match deb {
        Some(deb) => println!("Linux package: {} {:.1} MB", deb.display(), file_mb(&deb)),
        None => println!("Linux package: not built (scripts/package)"),
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    percentile(values, 0.5)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[index]
}
