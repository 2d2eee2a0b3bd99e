//! `plenary bench export`: a five-page statement through every renderer, timed, and the same
//! HTML printed to PDF by WeasyPrint for comparison.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use plenary_render::{Document, TemplateSet, render_docx, render_html, render_pdf};
use plenary_store::Store;

use super::{millis, percentile};

pub(crate) fn run(runs: usize, template_name: &str) -> Result<()> {
    let folder = tempfile::tempdir().context("cannot create a temporary folder")?;
    let mut store = Store::open(folder.path().join("bench.sqlite3"))?;
    let statement = store.write(|w| w.add_demo_library("bench"))?;
    // Grow the demo statement to about five pages with the benchmark's prose.
    let mut rng = fastrand::Rng::with_seed(5);
    store.write(|w| {
        for n in 1..=5 {
            let draft = super::corpus::section(&mut rng);
            let words: Vec<&str> = draft.new.body.split_whitespace().take(330).collect();
            let body = words.join(" ").replace(". ", ".\n\n");
            w.add_text(
                statement,
                &format!("{} {n}", draft.new.title.split(" (").next().unwrap_or("Section")),
                &body,
            )?;
        }
        Ok(())
    })?;
    let assembled = store.assemble(statement, jiff::ZonedDateTime::now().date())?;
    let organisation = store.organisation()?;
    let document = Document { statement: &assembled, organisation: &organisation };
    let template = TemplateSet::builtin().get(template_name)?;

    let pdf = render_pdf(&template, &document)?;
    let pages = count_pages(&pdf);
    outln!(
        "plenary bench export: \"{}\", {} words, {pages} pages, template {template_name}",
        assembled.title,
        assembled.word_count
    );
    outln!("machine: {} logical cores", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    let time = |label: &str, render: &dyn Fn() -> Result<usize>| -> Result<Duration> {
        render()?; // warm caches: fonts parsed, hyphenation patterns loaded
        let mut samples = Vec::with_capacity(runs);
        let mut bytes = 0;
        for _ in 0..runs.max(1) {
            let started = Instant::now();
            bytes = render()?;
            samples.push(started.elapsed());
        }
        let median = percentile(&mut samples, 50.0);
        outln!(
            "{label:<5} p50 {}  max {}  ({} KB)",
            millis(median),
            millis(percentile(&mut samples, 100.0)),
            bytes / 1024
        );
        Ok(median)
    };
    let pdf_time = time("pdf", &|| Ok(render_pdf(&template, &document)?.len()))?;
    time("html", &|| Ok(render_html(&template, &document)?.len()))?;
    time("docx", &|| Ok(render_docx(&template, &document)?.len()))?;

    let html_path = folder.path().join("statement.html");
    std::fs::write(&html_path, render_html(&template, &document)?)?;
    match weasyprint_millis(&html_path, &folder.path().join("weasy.pdf")) {
        Some(weasy) => {
            let ratio = weasy / (pdf_time.as_secs_f64() * 1000.0);
            outln!("weasyprint p50 {weasy:.1} ms (same HTML, in-process, 3 runs)");
            outln!("ratio:  Plenary's PDF is {ratio:.0}× faster than WeasyPrint");
            outln!(
                "target: PDF under 50 ms: {}; 20× WeasyPrint: {}; under 200 KB: {}",
                verdict(pdf_time < Duration::from_millis(50)),
                verdict(ratio >= 20.0),
                verdict(pdf.len() < 200 * 1024)
            );
        }
        None => outln!("weasyprint: not installed (pip install weasyprint) — no ratio"),
    }
    Ok(())
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "NOT met" }
}

/// Page objects in a PDF whose dictionaries are not compressed (as Plenary writes them).
fn count_pages(pdf: &[u8]) -> usize {
    pdf.windows(11).filter(|w| w.starts_with(b"/Type/Page") && w[10] != b's').count()
}

/// WeasyPrint's median time for the HTML file, measured inside Python (interpreter start-up
/// excluded), or `None` when it is not installed.
fn weasyprint_millis(html: &std::path::Path, out: &std::path::Path) -> Option<f64> {
    let script = format!(
        "import time, statistics, weasyprint\n\
         times = []\n\
         for _ in range(3):\n    s = time.perf_counter(); weasyprint.HTML(filename={html:?}).write_pdf({out:?}); times.append(time.perf_counter() - s)\n\
         print(statistics.median(times) * 1000)",
        html = html.display().to_string(),
        out = out.display().to_string()
    );
    let output = std::process::Command::new("python3").args(["-c", &script]).output().ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8_lossy(&output.stdout).trim().parse().ok()
}
