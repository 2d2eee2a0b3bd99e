//! `plenary`: the headless interface to a Plenary library. See `plenary --help` and
//! `shared/CLI.md` for the commands, their flags and their JSON.

mod args;
mod bench;
mod commands;
mod input;
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // clap prints usage errors itself and exits with 2.
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One line, whatever the chain of causes.
            let message = format!("{error:#}").replace(['\n', '\r'], " ");
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
