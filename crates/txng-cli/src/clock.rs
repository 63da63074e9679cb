//! The CLI reads the clock so the core does not have to: `--now` (RFC 3339) for reproducible runs,
//! the system clock otherwise.

use crate::error::{CliError, Result};
use crate::text::{fill, T};
use txng_core::time::{parse_rfc3339, UnixTime};
use txng_core::Lang;

/// `--now` if given, else the system clock.
pub fn now(arg: Option<&str>, lang: Lang) -> Result<UnixTime> {
    match arg {
        Some(s) => parse_rfc3339(s)
            .map(|(t, _)| t)
            .ok_or_else(|| CliError::new(fill(T::BadTime.get(lang), &[&s]))),
        None => Ok(system_now()),
    }
}

/// Seconds since the Unix epoch from the system clock (0 if the clock is before 1970).
pub fn system_now() -> UnixTime {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
