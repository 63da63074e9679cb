//! The CLI's one error type: a message already in the user's language, and the core's status
//! [`Code`] when the refusal is the core's (data it will not sign, a registry it will not load).
//! Every `Err` ends the run with exit code 2 (usage or I/O error); "not verified" is a result, not
//! an error.

use std::fmt;
use txng_core::Code;

/// A usage or I/O error, worded for the user.
#[derive(Debug)]
pub struct CliError {
    code: Option<Code>,
    msg: String,
}

/// Result of a CLI step.
pub type Result<T> = std::result::Result<T, CliError>;

impl CliError {
    /// An error of the CLI's own (usage, files, terminal), with a finished message.
    pub fn new(msg: impl Into<String>) -> CliError {
        CliError {
            code: None,
            msg: msg.into(),
        }
    }

    /// A refusal that comes from the core: its status code, and the finished message.
    pub fn refused(code: Code, msg: impl Into<String>) -> CliError {
        CliError {
            code: Some(code),
            msg: msg.into(),
        }
    }

    /// The core's status code, if the core refused (`None` for the CLI's own errors).
    pub fn code(&self) -> Option<Code> {
        self.code
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}
