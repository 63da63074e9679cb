//! `txng`: the command-line side of txng. It owns files, the terminal, the network and exit codes;
//! everything about what a label, a registry or a trace document means lives in `txng-core`.
//!
//! Exit codes (as ripgrep does, each has one meaning): 0 verified or done, 1 not verified,
//! 2 usage or I/O error (including input the core refuses to sign).

mod batch;
mod cli;
mod clock;
// The demo module is also compiled into tests/demo_reproducible.rs; some items serve only there.
#[allow(dead_code)]
mod demo;
mod demo_cmd;
mod diary;
mod epcis;
mod error;
mod fetch;
mod keygen;
mod keys;
mod nfc;
mod qr;
mod registry;
mod serve;
mod sheet;
mod sign;
mod text;
mod trace;
mod verify;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let lang = args.lang.into();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "{}: {}",
                text::T::Error.get(lang),
                text::clean_lines(&e.to_string())
            );
            ExitCode::from(2)
        }
    }
}

/// Dispatches to one module per subcommand.
fn run(args: cli::Cli) -> error::Result<ExitCode> {
    let lang = args.lang.into();
    match args.command {
        cli::Command::Keygen(a) => keygen::run(&a, lang),
        cli::Command::Registry(cli::RegistryCmd::Sign(a)) => registry::run(&a, lang),
        cli::Command::Sign(a) => match &a.batch {
            Some(_) => batch::run(&a, lang),
            None => sign::run(&a, lang),
        },
        cli::Command::Trace(cli::TraceCmd::Sign(a)) => trace::run(&a, lang),
        cli::Command::Verify(a) => verify::run(&a, lang),
        cli::Command::Serve(a) => serve::run(&a, lang),
        cli::Command::Demo(a) => demo_cmd::run(&a, lang),
    }
}
