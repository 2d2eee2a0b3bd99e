//! Reads the root `tauri.conf.json` and declares the app's commands, so that each one gets its
//! own permission and the capability in `capabilities/` can grant exactly those the window uses.

fn main() {
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(&COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {error:#}");
    }
}

/// Every `#[tauri::command]` in `src/commands/`, by name.
const COMMANDS: [&str; 60] = [
    "library_status",
    "list_library_backups",
    "back_up_now",
    "restore_library_backup",
    "library_info",
    "list_sections",
    "search_sections",
    "open_section",
    "create_section",
    "save_section_draft",
    "commit_section_draft",
    "discard_section_draft",
    "update_section_details",
    "section_history",
    "restore_section_version",
    "set_section_status",
    "list_facts",
    "set_fact",
    "delete_fact",
    "list_terms",
    "add_term",
    "remove_term",
    "list_events",
    "save_event",
    "get_organisation",
    "update_organisation",
    "choose_logo",
    "list_statements",
    "create_statement",
    "copy_statement",
    "open_statement",
    "update_statement_details",
    "add_statement_sections",
    "add_statement_text",
    "edit_statement_text",
    "move_statement_item",
    "remove_statement_item",
    "update_statement_item",
    "fork_statement_item",
    "set_statement_status",
    "add_signatory",
    "record_consent",
    "remove_signatory",
    "move_signatory",
    "preview_statement",
    "export_statement",
    "list_exports",
    "open_export",
    "export_text",
    "propose_import_file",
    "propose_import_text",
    "save_import",
    "share_library",
    "import_bundle",
    "resolve_divergence",
    "link_translation",
    "unlink_translation",
    "mark_translation_updated",
    "set_menu_language",
    "window_ready",
];
