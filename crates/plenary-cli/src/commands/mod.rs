//! One function per command: convert the arguments, call the store, print the result.

mod bundle;
mod export;
mod import;
mod library;
mod section;
mod statement;

use anyhow::Result;

use crate::args::{BackupCommand, Cli, Command};
use crate::bench;
use crate::input;

/// Runs a parsed command line.
pub(crate) fn run(cli: Cli) -> Result<()> {
    let default_library = cli.db.is_none();
    let path = input::database_path(cli.db)?;
    let author = input::author(cli.author);
    let templates = cli.templates.or_else(plenary_store::default_templates_path);
    // The shared default library, like the desktop app's, starts with the demo content; a file
    // named with --db or $PLENARY_DB starts empty.
    // Restoring works on a library that cannot be opened, or that is not there at all.
    let uses_library = !matches!(
        cli.command,
        Some(
            Command::Bench(_)
                | Command::Template(_)
                | Command::Restore { .. }
                | Command::Backup { command: Some(_), .. }
        )
    );
    if default_library && uses_library && !path.exists() {
        library::create_demo(&path, &author)?;
    }
    let Some(command) = cli.command else { return library::overview(&path) };
    match command {
        Command::Init { demo } => library::init(&path, demo, &author),
        Command::Section(command) => section::run(&path, &author, command),
        Command::Search(args) => section::search(&path, args),
        Command::Kind(command) => library::kind(&path, command),
        Command::Fact(command) => library::fact(&path, command),
        Command::Term(command) => library::term(&path, command),
        Command::Org(command) => library::org(&path, command),
        Command::Event(command) => library::event(&path, command),
        Command::Statement(command) => statement::run(&path, templates.as_deref(), &author, command),
        Command::Export { statement, format, template, parallel, out, json } => {
            let request = export::Request { statement, format, template, parallel, out, json: json.json };
            export::export(&path, templates.as_deref(), request)
        }
        Command::Import(args) => import::run(&path, &author, args),
        Command::Bundle(command) => bundle::run(&path, command),
        Command::Exports(command) => export::exports(&path, command),
        Command::Template(command) => export::template(templates.as_deref(), command),
        Command::Backup { command: Some(BackupCommand::List { json }), .. } => {
            library::backup_list(&path, json.json)
        }
        Command::Backup { out, command: None } => library::backup(&path, out),
        Command::Restore { backup, json } => library::restore(&path, backup, json.json),
        Command::Check => library::check(&path),
        Command::Bench(command) => bench::run(command),
    }
}
