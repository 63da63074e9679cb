//! `txng`: the command-line side of txng. It owns files, the terminal, the network and exit codes;
//! everything about what a label, a registry or a trace document means lives in `txng-core`.
//!
//! The binary (`src/main.rs`) only parses the arguments and calls [`run`]; tests and benches use
//! this library (the demo generator, the QR renderer) directly.
//!
//! Exit codes (as ripgrep does, each has one meaning): 0 verified or done, 1 not verified,
//! 2 usage or I/O error (including input the core refuses to sign).

pub mod batch;
pub mod cli;
pub mod clock;
pub mod demo;
pub mod demo_cmd;
pub mod diary;
pub mod epcis;
pub mod error;
pub mod fetch;
pub mod keygen;
pub mod keys;
pub mod nfc;
pub mod qr;
pub mod registry;
pub mod serve;
pub mod sheet;
pub mod sign;
pub mod text;
pub mod trace;
pub mod verify;

use std::process::ExitCode;

/// Runs one command line: dispatches to one module per subcommand. An `Err` is a usage or I/O
/// error (exit code 2, see [`exit_with`]); "not verified" is an `Ok` exit code.
pub fn run(args: cli::Cli) -> error::Result<ExitCode> {
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

/// The process's exit code for [`run`]'s result: an error is printed to stderr (terminal-safe, in
/// the user's language) and ends with exit code 2.
pub fn exit_with(result: error::Result<ExitCode>, lang: txng_core::Lang) -> ExitCode {
    match result {
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
