//! The native menu bar, in English or Spanish. Items that act on the page (new statement,
//! find, export, undo…) are forwarded to the window as a `menu` event carrying the item's id;
//! the window decides what they mean where the user is.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

/// The menu's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    /// English.
    English,
    /// Spanish.
    Spanish,
}

impl Language {
    /// From a BCP 47 tag; Spanish for `es…`, English otherwise.
    pub(crate) fn from_tag(tag: &str) -> Self {
        if tag.to_lowercase().starts_with("es") { Language::Spanish } else { Language::English }
    }

    /// The words for the user in this language: `english` or `spanish`.
    pub(crate) fn says(self, english: &'static str, spanish: &'static str) -> &'static str {
        match self {
            Language::English => english,
            Language::Spanish => spanish,
        }
    }

    /// From the OS locale variables, as the window's default also follows the OS.
    pub(crate) fn from_os() -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .map_or(Language::English, |tag| Language::from_tag(&tag))
    }
}

/// One entry: id sent to the window, English and Spanish labels, accelerator.
struct Entry(&'static str, &'static str, &'static str, Option<&'static str>);

const FILE: [Entry; 6] = [
    Entry("new_section", "New Section", "Nueva sección", Some("CmdOrCtrl+Shift+N")),
    Entry("new_statement", "New Statement", "Nueva declaración", Some("CmdOrCtrl+N")),
    Entry("view_import", "Import…", "Importar…", None),
    Entry("view_share", "Share Library…", "Compartir biblioteca…", None),
    Entry("export", "Export…", "Exportar…", Some("CmdOrCtrl+E")),
    Entry("copy_statement", "Copy Statement…", "Copiar declaración…", None),
];
const EDIT: [Entry; 3] = [
    Entry("undo", "Undo", "Deshacer", Some("CmdOrCtrl+Z")),
    Entry("redo", "Redo", "Rehacer", Some("CmdOrCtrl+Shift+Z")),
    Entry("find", "Find in Library", "Buscar en la biblioteca", Some("CmdOrCtrl+F")),
];
const VIEW: [Entry; 7] = [
    Entry("view_library", "Library", "Biblioteca", Some("CmdOrCtrl+1")),
    Entry("view_statements", "Statements", "Declaraciones", Some("CmdOrCtrl+2")),
    Entry("view_events", "Events", "Eventos", Some("CmdOrCtrl+3")),
    Entry("view_facts", "Facts", "Datos", Some("CmdOrCtrl+4")),
    Entry("view_terms", "Terms", "Términos", None),
    Entry("view_organisation", "Organisation", "Organización", Some("CmdOrCtrl+5")),
    Entry("view_backups", "Backups", "Copias", Some("CmdOrCtrl+6")),
];

/// Builds the menu bar in `lang`.
pub(crate) fn build<R: Runtime>(app: &AppHandle<R>, lang: Language) -> tauri::Result<Menu<R>> {
    let label = |entry: &Entry| if lang == Language::Spanish { entry.2 } else { entry.1 };
    let item = |entry: &Entry| {
        let mut builder = MenuItemBuilder::with_id(entry.0, label(entry));
        if let Some(accelerator) = entry.3 {
            builder = builder.accelerator(accelerator);
        }
        builder.build(app)
    };
    let (file, edit, view) = match lang {
        Language::Spanish => ("Archivo", "Edición", "Ver"),
        Language::English => ("File", "Edit", "View"),
    };
    let mut file_menu = SubmenuBuilder::new(app, file);
    for entry in &FILE {
        file_menu = file_menu.item(&item(entry)?);
    }
    // On macOS, Quit belongs to the application menu (with About, Settings, Hide).
    if !cfg!(target_os = "macos") {
        let quit =
            PredefinedMenuItem::quit(app, Some(if lang == Language::Spanish { "Salir" } else { "Quit" }))?;
        file_menu = file_menu.separator().item(&quit);
    }
    let file_menu = file_menu.build()?;
    let mut edit_menu = SubmenuBuilder::new(app, edit);
    for entry in &EDIT[..2] {
        edit_menu = edit_menu.item(&item(entry)?);
    }
    edit_menu = edit_menu.separator().cut().copy().paste().select_all().separator().item(&item(&EDIT[2])?);
    let edit_menu = edit_menu.build()?;
    let mut view_menu = SubmenuBuilder::new(app, view);
    for entry in &VIEW {
        view_menu = view_menu.item(&item(entry)?);
    }
    let view_menu = view_menu.build()?;
    #[cfg(target_os = "macos")]
    {
        let app_menu = macos::application_menu(app, lang)?;
        let window_menu = macos::window_menu(app, lang)?;
        let menu = MenuBuilder::new(app)
            .items(&[&app_menu, &file_menu, &edit_menu, &view_menu, &window_menu])
            .build()?;
        window_menu.set_as_windows_menu_for_nsapp()?;
        Ok(menu)
    }
    #[cfg(not(target_os = "macos"))]
    MenuBuilder::new(app).items(&[&file_menu, &edit_menu, &view_menu]).build()
}

/// The menus only a Mac has: the application menu (About, Settings…, Services, Hide, Quit, as
/// every Mac app has them) and the Window menu. Settings… (⌘,) opens the organisation profile.
#[cfg(target_os = "macos")]
mod macos {
    use tauri::menu::{AboutMetadata, MenuItemBuilder, PredefinedMenuItem, Submenu, SubmenuBuilder};
    use tauri::{AppHandle, Runtime};

    use super::Language;

    /// The first menu, named after the app.
    pub(super) fn application_menu<R: Runtime>(
        app: &AppHandle<R>,
        lang: Language,
    ) -> tauri::Result<Submenu<R>> {
        let es = lang == Language::Spanish;
        let name = app.package_info().name.clone();
        let about = AboutMetadata {
            name: Some(name.clone()),
            version: Some(app.package_info().version.to_string()),
            copyright: app.config().bundle.copyright.clone(),
            ..Default::default()
        };
        let about_label = if es { format!("Acerca de {name}") } else { format!("About {name}") };
        let hide_label = if es { format!("Ocultar {name}") } else { format!("Hide {name}") };
        let quit_label = if es { format!("Salir de {name}") } else { format!("Quit {name}") };
        let settings = MenuItemBuilder::with_id("settings", if es { "Ajustes…" } else { "Settings…" })
            .accelerator("CmdOrCtrl+,")
            .build(app)?;
        SubmenuBuilder::new(app, &name)
            .item(&PredefinedMenuItem::about(app, Some(&about_label), Some(about))?)
            .separator()
            .item(&settings)
            .separator()
            .item(&PredefinedMenuItem::services(app, Some(if es { "Servicios" } else { "Services" }))?)
            .separator()
            .item(&PredefinedMenuItem::hide(app, Some(&hide_label))?)
            .item(&PredefinedMenuItem::hide_others(
                app,
                Some(if es { "Ocultar otros" } else { "Hide Others" }),
            )?)
            .item(&PredefinedMenuItem::show_all(app, Some(if es { "Mostrar todo" } else { "Show All" }))?)
            .separator()
            .item(&PredefinedMenuItem::quit(app, Some(&quit_label))?)
            .build()
    }

    /// Minimize, Zoom, Close; macOS adds the list of open windows.
    pub(super) fn window_menu<R: Runtime>(app: &AppHandle<R>, lang: Language) -> tauri::Result<Submenu<R>> {
        let es = lang == Language::Spanish;
        SubmenuBuilder::new(app, if es { "Ventana" } else { "Window" })
            .item(&PredefinedMenuItem::minimize(app, Some(if es { "Minimizar" } else { "Minimize" }))?)
            .item(&PredefinedMenuItem::maximize(app, Some("Zoom"))?)
            .separator()
            .item(&PredefinedMenuItem::close_window(
                app,
                Some(if es { "Cerrar ventana" } else { "Close Window" }),
            )?)
            .build()
    }
}

/// Sends a clicked menu item to the window.
pub(crate) fn forward<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    // Nothing useful can be done if the window is gone; the click is simply dropped.
    let _ = app.emit("menu", event.id().as_ref());
}
