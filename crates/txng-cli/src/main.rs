//! `txng`: parses the command line and runs it (see the `txng_cli` library for the commands and
//! the exit codes).

use clap::Parser;
use std::process::ExitCode;
use txng_cli::{cli::Cli, exit_with, run};

fn main() -> ExitCode {
    let args = Cli::parse();
    let lang = args.lang.into();
    exit_with(run(args), lang)
}
