//! `plenary`: the headless interface to a Plenary library. See `plenary --help` and
//! `shared/CLI.md` for the commands, their flags and their JSON.

/// Prints a line on standard output, like `println!`, except that a reader who has gone away
/// (`plenary section list | head -1`) ends the program quietly with status 141, as a Unix tool
/// stopped by SIGPIPE does, instead of a panic.
macro_rules! outln {
    () => {
        $crate::print_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::print_line(format_args!($($arg)*))
    };
}

mod advice;
mod args;
mod bench;
mod commands;
mod input;
mod output;

use std::io::Write;
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
            match advice::for_error(&error) {
                Some(advice) => eprintln!("error: {message} ({advice})"),
                None => eprintln!("error: {message}"),
            }
            ExitCode::from(1)
        }
    }
}

/// What [`outln!`] expands to.
fn print_line(line: std::fmt::Arguments<'_>) {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{line}") {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(141),
        Err(error) => {
            eprintln!("error: cannot write to standard output: {error}");
            std::process::exit(1);
        }
    }
}
