//! The Plenary desktop shell: opens the library, builds the window's menu, and exposes thin
//! commands (in [`commands`]) that convert arguments, call the core crates and turn errors into
//! `{code, message}`. No logic of the product lives here.

mod commands;
mod error;
mod menu;
mod shelf;
mod state;
mod views;
#[cfg(test)]
mod wire_tests;

use std::time::Instant;

use tauri::{Manager, Runtime};

/// Starts the app: opens (or creates, with the demo library) the library file, then runs the
/// window until it is closed. Exits with a message if the library cannot be opened.
pub fn run() {
    let started = Instant::now();
    let state =
        match state::Settings::from_env().and_then(|settings| state::AppState::open(settings, started)) {
            Ok(state) => state,
            Err(message) => cannot_start(&message),
        };
    let result = app(tauri::Builder::default(), state).run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(error) = result {
        // A missing WebView2 (some Windows 10 computers) Tauri reports in a dialog of its own,
        // with Microsoft's download link, in release builds; a second box would only repeat it.
        let reported = cfg!(all(windows, not(debug_assertions)))
            && format!("{error:?}").contains("WebviewRuntimeNotInstalled");
        let message = format!("the window could not run: {error}");
        if reported {
            eprintln!("plenary: {message}");
            std::process::exit(1);
        }
        cannot_start(&message);
    }
}

/// The app on `builder`'s runtime: plugins, the library's state, the menu and every command. The
/// window's runtime in [`run`], Tauri's mock runtime in the tests of the commands' wire format.
fn app<R: Runtime>(builder: tauri::Builder<R>, state: state::AppState) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .setup(|app| {
            let menu = menu::build(app.handle(), menu::Language::from_os())?;
            app.set_menu(menu)?;
            if let Some(window) = app.get_webview_window("main") {
                window.set_title(&state::window_title(app.state::<state::AppState>().inner()))?;
            }
            Ok(())
        })
        .on_menu_event(menu::forward)
        .invoke_handler(tauri::generate_handler![
            commands::backups::check_library,
            commands::library::add_kind,
            commands::statements::put_back_signatory,
            commands::translations::relink_translation,
            commands::export::export_details,
            commands::export::export_templates,
            commands::sections::delete_section,
            commands::sections::undelete_section,
            commands::statements::delete_statement,
            commands::statements::undelete_statement,
            commands::library::delete_event,
            commands::library::library_info,
            commands::library::list_sections,
            commands::library::search_sections,
            commands::library::list_facts,
            commands::library::set_fact,
            commands::library::delete_fact,
            commands::library::list_terms,
            commands::library::add_term,
            commands::library::remove_term,
            commands::library::list_events,
            commands::library::save_event,
            commands::library::get_organisation,
            commands::library::update_organisation,
            commands::library::choose_logo,
            commands::sections::open_section,
            commands::sections::create_section,
            commands::sections::save_section_draft,
            commands::sections::commit_section_draft,
            commands::sections::discard_section_draft,
            commands::sections::update_section_details,
            commands::sections::section_history,
            commands::sections::restore_section_version,
            commands::sections::set_section_status,
            commands::statements::list_statements,
            commands::statements::create_statement,
            commands::statements::copy_statement,
            commands::statements::open_statement,
            commands::statements::update_statement_details,
            commands::statements::add_statement_sections,
            commands::statements::add_statement_text,
            commands::statements::edit_statement_text,
            commands::statements::move_statement_item,
            commands::statements::remove_statement_item,
            commands::statements::update_statement_item,
            commands::statements::fork_statement_item,
            commands::statements::set_statement_status,
            commands::statements::add_signatory,
            commands::statements::record_consent,
            commands::statements::remove_signatory,
            commands::statements::move_signatory,
            commands::export::export_statement,
            commands::export::list_exports,
            commands::export::open_export,
            commands::export::export_text,
            commands::import::propose_import_file,
            commands::import::propose_import_text,
            commands::import::save_import,
            commands::share::share_library,
            commands::share::import_bundle,
            commands::share::resolve_divergence,
            commands::translations::link_translation,
            commands::translations::unlink_translation,
            commands::translations::mark_translation_updated,
            commands::backups::library_status,
            commands::backups::list_library_backups,
            commands::backups::back_up_now,
            commands::backups::restore_library_backup,
            commands::window::set_menu_language,
            commands::window::window_ready,
        ])
}

/// Says why Plenary cannot start, and exits. In a message box as well as on standard error: an
/// app started from the Start menu, the Dock or a desktop launcher has no console to read.
fn cannot_start(message: &str) -> ! {
    eprintln!("plenary: {message}");
    let _ = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Plenary")
        .set_description(message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    std::process::exit(1);
}
