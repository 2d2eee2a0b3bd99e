//! The window itself: menu language and the start-up figure.

use tauri::State;

use crate::error::{Code, CommandError, CommandResult};
use crate::menu;
use crate::state::AppState;

/// Rebuilds the native menu in the interface language the user chose (`en` or `es`).
#[tauri::command(rename_all = "snake_case")]
pub(crate) async fn set_menu_language<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    lang: String,
) -> CommandResult<()> {
    let language = menu::Language::from_tag(&lang);
    state.set_language(language);
    menu::build(&app, language)
        .and_then(|menu| app.set_menu(menu).map(|_| ()))
        .map_err(|error| CommandError::new(Code::Window, format!("the menu could not be rebuilt: {error}")))
}

/// Called once the library view can be used, with the milliseconds the page took since it
/// started loading and its milestones on the way. Returns the milliseconds since the process started; with
/// `$PLENARY_EXIT_WHEN_READY` set it also prints both and quits, which is how the start-up
/// benchmark measures a cold start.
#[tauri::command(rename_all = "snake_case")]
pub(crate) fn window_ready<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    page_ms: f64,
    marks: std::collections::BTreeMap<String, f64>,
) -> u128 {
    let elapsed = state.started.elapsed().as_millis();
    if std::env::var_os("PLENARY_EXIT_WHEN_READY").is_some() {
        let marks: Vec<String> = marks.iter().map(|(name, ms)| format!("{name}={ms:.0}")).collect();
        println!("ready_ms={elapsed} page_ms={page_ms:.0} marks: {}", marks.join(" "));
        app.exit(0);
    }
    elapsed
}
