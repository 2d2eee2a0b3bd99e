//! The template set: the built-in templates embedded in the binary, overlaid file by file by a
//! user folder, compiled in Handlebars strict mode.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use handlebars::Handlebars;
use plenary_core::freeze::FrozenTemplate;

use crate::RenderError;
use crate::bounds::{self, Entry};
use crate::style::Style;

/// The files that make a template.
const FILES: [&str; 3] = ["statement.hbs", "style.css", "style.toml"];

/// The built-in templates: (folder/file, contents).
const BUILTIN: &[(&str, &str)] = &[
    ("letterhead/statement.hbs", include_str!("../../../templates/letterhead/statement.hbs")),
    ("letterhead/style.css", include_str!("../../../templates/letterhead/style.css")),
    ("letterhead/style.toml", include_str!("../../../templates/letterhead/style.toml")),
    ("plain/statement.hbs", include_str!("../../../templates/plain/statement.hbs")),
    ("plain/style.css", include_str!("../../../templates/plain/style.css")),
    ("plain/style.toml", include_str!("../../../templates/plain/style.toml")),
];

/// Where a template's files come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Shipped with Plenary.
    BuiltIn,
    /// Shipped, with some files replaced from the user folder.
    Overridden,
    /// Only in the user folder.
    User,
}

impl Origin {
    /// The word shown in listings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BuiltIn => "built-in",
            Self::Overridden => "built-in, overridden",
            Self::User => "user",
        }
    }
}

/// A template's name and origin, for listings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateInfo {
    /// Folder name.
    pub name: String,
    /// Where it comes from.
    pub origin: Origin,
}

#[derive(Debug, Clone)]
struct SourceFile {
    /// How errors name it: `letterhead/style.css` for built-ins, the full path for user files.
    label: String,
    text: String,
    from_user: bool,
}

/// All templates available to an export.
#[derive(Debug, Clone)]
pub struct TemplateSet {
    templates: BTreeMap<String, BTreeMap<&'static str, SourceFile>>,
}

/// A compiled template, ready to render.
#[derive(Debug)]
pub struct Template {
    /// Its name.
    pub name: String,
    /// Its style.
    pub style: Style,
    pub(crate) css: String,
    pub(crate) registry: Handlebars<'static>,
    pub(crate) body_label: String,
    pub(crate) style_label: String,
}

impl Template {
    /// The steps rendering `entry` (BODY or FOOTER) could take with lists of `longest`
    /// entries; refuses recursion, depth and work past `bounds`' limits.
    pub(crate) fn measure(&self, entry: &str, longest: usize) -> Result<u64, RenderError> {
        let entries =
            [Entry { name: BODY, file: &self.body_label }, Entry { name: FOOTER, file: &self.style_label }];
        bounds::measure(&self.registry, &entries, entry, longest)
    }
}

/// The body template's name inside the registry.
pub(crate) const BODY: &str = "statement";
/// The footer template's name inside the registry.
pub(crate) const FOOTER: &str = "footer";

impl TemplateSet {
    /// Only the built-in templates.
    pub fn builtin() -> TemplateSet {
        let mut templates: BTreeMap<String, BTreeMap<&'static str, SourceFile>> = BTreeMap::new();
        for (path, text) in BUILTIN {
            if let Some((name, file)) = path.split_once('/')
                && let Some(file) = FILES.iter().find(|known| **known == file)
            {
                let source =
                    SourceFile { label: (*path).to_owned(), text: (*text).to_owned(), from_user: false };
                templates.entry(name.to_owned()).or_default().insert(file, source);
            }
        }
        TemplateSet { templates }
    }

    /// The built-in templates overlaid by `folder/<name>/<file>`: a file there replaces the
    /// built-in one; a new folder with all three files adds a template. A missing folder is no
    /// error (the user has not customised anything).
    pub fn with_user_folder(folder: &Path) -> Result<TemplateSet, RenderError> {
        let mut set = TemplateSet::builtin();
        fn io(path: &Path) -> impl Fn(std::io::Error) -> RenderError + '_ {
            move |source| RenderError::Io { path: path.to_owned(), source }
        }
        let entries = match std::fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(set),
            Err(error) => return Err(io(folder)(error)),
        };
        for entry in entries {
            let entry = entry.map_err(io(folder))?;
            let dir = entry.path();
            let Some(name) = dir.file_name().and_then(|n| n.to_str()).map(str::to_owned) else { continue };
            if !dir.is_dir() || name.starts_with('.') || name == "fonts" {
                continue;
            }
            for file in FILES {
                let path = dir.join(file);
                match std::fs::read_to_string(&path) {
                    Ok(text) => {
                        let source = SourceFile { label: path.display().to_string(), text, from_user: true };
                        set.templates.entry(name.clone()).or_default().insert(file, source);
                    }
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                    Err(error) => return Err(io(&path)(error)),
                }
            }
        }
        Ok(set)
    }

    /// A set holding only the template a final statement was frozen with; errors name its
    /// files as `NAME/FILE (kept with the final statement)`.
    pub fn frozen(template: &FrozenTemplate) -> TemplateSet {
        let mut files = BTreeMap::new();
        for file in FILES {
            if let Some(text) = template.files.get(file) {
                let label = format!("{}/{file} (kept with the final statement)", template.name);
                files.insert(file, SourceFile { label, text: text.clone(), from_user: false });
            }
        }
        TemplateSet { templates: BTreeMap::from([(template.name.clone(), files)]) }
    }

    /// The source files of one template, to keep with a statement being frozen.
    pub fn files(&self, name: &str) -> Result<FrozenTemplate, RenderError> {
        let files = self.templates.get(name).ok_or_else(|| self.unknown(name))?;
        Ok(FrozenTemplate {
            name: name.to_owned(),
            files: files.iter().map(|(file, source)| ((*file).to_owned(), source.text.clone())).collect(),
        })
    }

    fn unknown(&self, name: &str) -> RenderError {
        RenderError::UnknownTemplate {
            name: name.to_owned(),
            known: self.templates.keys().cloned().collect::<Vec<_>>().join(", "),
        }
    }

    /// Every template, by name.
    pub fn list(&self) -> Vec<TemplateInfo> {
        let builtin = TemplateSet::builtin();
        self.templates
            .iter()
            .map(|(name, files)| {
                let origin = match (builtin.templates.contains_key(name), files.values().any(|f| f.from_user))
                {
                    (true, false) => Origin::BuiltIn,
                    (true, true) => Origin::Overridden,
                    (false, _) => Origin::User,
                };
                TemplateInfo { name: name.clone(), origin }
            })
            .collect()
    }

    /// Compiles one template.
    pub fn get(&self, name: &str) -> Result<Template, RenderError> {
        let files = self.templates.get(name).ok_or_else(|| self.unknown(name))?;
        let file = |wanted: &str| {
            files.get(wanted).ok_or_else(|| RenderError::Template {
                file: format!("{name}/{wanted}"),
                line: None,
                column: None,
                message: format!("template '{name}' has no {wanted}"),
            })
        };
        let (body, css, style) = (file("statement.hbs")?, file("style.css")?, file("style.toml")?);
        let style_value = Style::parse(&style.label, &style.text)?;
        bounds::check_nesting(&body.label, &body.text)?;
        bounds::check_nesting(&style.label, &style_value.footer)?;
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        // Every value handed to a template is already escaped text or sanitised HTML (see
        // `context`), so `{{x}}` and `{{{x}}}` print the same safe thing.
        registry.register_escape_fn(handlebars::no_escape);
        registry
            .register_template_string(BODY, &body.text)
            .map_err(|error| template_error(&body.label, &error))?;
        registry
            .register_template_string(FOOTER, &style_value.footer)
            .map_err(|error| template_error(&style.label, &error))?;
        let template = Template {
            name: name.to_owned(),
            style: style_value,
            css: css.text.clone(),
            registry,
            body_label: body.label.clone(),
            style_label: style.label.clone(),
        };
        // Recursion and depth are refused now; the steps loops take are checked per render.
        for entry in [BODY, FOOTER] {
            template.measure(entry, 1)?;
        }
        Ok(template)
    }

    /// Writes the built-in templates (and the fonts' licence) under `folder` for editing;
    /// returns the files written. Existing files are left alone and reported as an error.
    pub fn export_builtin(folder: &Path) -> Result<Vec<PathBuf>, RenderError> {
        let mut written = Vec::new();
        for (path, _) in BUILTIN {
            let target = folder.join(path);
            if target.exists() {
                return Err(RenderError::Io {
                    path: target,
                    source: std::io::Error::new(
                        std::io::ErrorKind::AlreadyExists,
                        "already exists; nothing was overwritten",
                    ),
                });
            }
            written.push(target);
        }
        for (target, (_, text)) in written.iter().zip(BUILTIN) {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|source| RenderError::Io { path: parent.to_owned(), source })?;
            }
            std::fs::write(target, text)
                .map_err(|source| RenderError::Io { path: target.clone(), source })?;
        }
        Ok(written)
    }
}

fn template_error(file: &str, error: &handlebars::TemplateError) -> RenderError {
    RenderError::Template {
        file: file.to_owned(),
        line: error.pos().map(|(line, _)| line),
        column: error.pos().map(|(_, column)| column),
        message: error.reason().to_string(),
    }
}
