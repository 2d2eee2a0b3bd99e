//! The harness itself: a test that fails with the app open must leave nothing running, or the
//! next run (and CI's output pipe) inherits its drivers.

use plenary_e2e::{App, processes_in_group};

#[tokio::test(flavor = "multi_thread")]
async fn a_test_that_panics_with_the_app_open_leaves_no_process_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("library.sqlite3");
    let exports = dir.path().to_owned();
    let (started, members) = tokio::sync::oneshot::channel();
    let test = tokio::spawn(async move {
        let app = App::start(&db, &exports).await;
        app.wait_until(
            "the library listed",
            "return document.querySelectorAll('[data-section-id]').length > 0",
        )
        .await;
        let group = app.process_group();
        let _ = started.send((group, processes_in_group(group)));
        panic!("failing on purpose with the app open");
    });
    let outcome = test.await;
    assert!(outcome.as_ref().is_err_and(|e| e.is_panic()), "the test body panicked: {outcome:?}");

    let (group, running) = members.await.expect("the app started before the panic");
    let names: Vec<&str> = running.iter().map(|(_, name)| name.as_str()).collect();
    for expected in ["tauri-driver", "WebKitWebDrive", "plenary-app"] {
        assert!(
            names.iter().any(|name| name.starts_with(expected)),
            "{expected} runs in the session's process group {group} while the app is open: {names:?}"
        );
    }
    let left = processes_in_group(group);
    assert!(left.is_empty(), "processes left behind after the panic: {left:?}");
    for (pid, name) in &running {
        assert!(!std::path::Path::new(&format!("/proc/{pid}")).exists(), "{name} ({pid}) still exists");
    }
}
