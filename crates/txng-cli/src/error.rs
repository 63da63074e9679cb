//! The CLI's one error type: a message already in the user's language. Every `Err` ends the run
//! with exit code 2 (usage or I/O error); "not verified" is a result, not an error.

use std::fmt;

/// A usage or I/O error, worded for the user.
#[derive(Debug)]
pub struct CliError(String);

/// Result of a CLI step.
pub type Result<T> = std::result::Result<T, CliError>;

impl CliError {
    /// An error with a finished message.
    pub fn new(msg: impl Into<String>) -> CliError {
        CliError(msg.into())
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
