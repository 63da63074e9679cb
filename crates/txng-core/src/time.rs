//! Calendar arithmetic without a clock: RFC 3339 timestamps, GS1 YYMMDD dates and Vietnamese date display.
//!
//! The core never reads the time; callers pass `now` as Unix seconds (FORMAT.md §4). Dates are shown
//! as dd/mm/yyyy and event times in the event's own time zone, as Vietnamese readers expect.

use serde::Serialize;

/// Seconds since 1970-01-01T00:00:00Z.
pub type UnixTime = i64;

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number from [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Number of days in a month.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A calendar date; `day == 0` is GS1's "day not given" (end of month for best-before and expiry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    /// Four-digit year.
    pub year: i64,
    /// 1–12.
    pub month: u32,
    /// 1–31, or 0 when only the month is given.
    pub day: u32,
}

impl Date {
    /// Vietnamese display: `dd/mm/yyyy`, or `mm/yyyy` when the day is not given.
    pub fn display(&self) -> String {
        if self.day == 0 {
            format!("{:02}/{:04}", self.month, self.year)
        } else {
            format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
        }
    }

    /// ISO 8601 `yyyy-mm-dd` (`yyyy-mm` when the day is not given).
    pub fn iso(&self) -> String {
        if self.day == 0 {
            format!("{:04}-{:02}", self.year, self.month)
        } else {
            format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }

    /// The last moment the date covers, in UTC+07:00 (a day-0 date covers its whole month).
    pub fn end_unix_vn(&self) -> UnixTime {
        let day = if self.day == 0 {
            days_in_month(self.year, self.month)
        } else {
            self.day
        };
        (days_from_civil(self.year, self.month, day) + 1) * 86_400 - 7 * 3600 - 1
    }
}

/// Resolves a GS1 two-digit year with the sliding window of the GS1 General Specifications §7.12:
/// the century that puts the year within 49 years behind and 50 years ahead of the year of `now`
/// in Vietnam time, UTC+07:00 (FORMAT.md §1.2).
pub fn gs1_year(yy: u32, now: UnixTime) -> i64 {
    let (cur, _, _) = civil_from_days((now + 7 * 3600).div_euclid(86_400));
    let cur_yy = cur.rem_euclid(100);
    let century = cur - cur_yy;
    let diff = i64::from(yy) - cur_yy;
    if diff >= 51 {
        century - 100 + i64::from(yy)
    } else if diff <= -50 {
        century + 100 + i64::from(yy)
    } else {
        century + i64::from(yy)
    }
}

/// Parses a GS1 YYMMDD value (already checked by `gs1`), resolving the century against `now`.
pub fn gs1_date(value: &str, now: UnixTime) -> Option<Date> {
    let b = value.as_bytes();
    if b.len() != 6 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
    Some(Date {
        year: gs1_year(n(0), now),
        month: n(2),
        day: n(4),
    })
}

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    s.iter().try_fold(0u32, |acc, &c| {
        acc.checked_mul(10)?.checked_add(u32::from(c - b'0'))
    })
}

/// Parses an RFC 3339 timestamp (`2026-03-14T08:30:00+07:00`, `…Z`, optional fraction) into
/// Unix seconds and the offset in minutes. Returns `None` for anything else.
pub fn parse_rfc3339(text: &str) -> Option<(UnixTime, i32)> {
    let s = text.as_bytes();
    if s.len() < 20 || s[4] != b'-' || s[7] != b'-' || !matches!(s[10], b'T' | b't' | b' ') {
        return None;
    }
    if s[13] != b':' || s[16] != b':' {
        return None;
    }
    let year = digits(&s[0..4])?;
    let month = digits(&s[5..7])?;
    let day = digits(&s[8..10])?;
    let hour = digits(&s[11..13])?;
    let min = digits(&s[14..16])?;
    let sec = digits(&s[17..19])?;
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(i64::from(year), month)
        || hour > 23
        || min > 59
        || sec > 60
    {
        return None;
    }
    let mut rest = &s[19..];
    if rest.first() == Some(&b'.') {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = &rest[1 + n..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = digits(&[*h1, *h2])?;
            let m = digits(&[*m1, *m2])?;
            if h > 23 || m > 59 {
                return None;
            }
            let v = (h * 60 + m) as i32;
            if *sign == b'-' {
                -v
            } else {
                v
            }
        }
        _ => return None,
    };
    let days = days_from_civil(i64::from(year), month, day);
    let secs = days * 86_400 + i64::from(hour * 3600 + min * 60 + sec.min(59));
    Some((secs - i64::from(offset) * 60, offset))
}

/// Parses an EPCIS `eventTimeZoneOffset` (`+07:00`) into minutes.
pub fn parse_offset(text: &str) -> Option<i32> {
    let s = text.as_bytes();
    match s {
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = digits(&[*h1, *h2])?;
            let m = digits(&[*m1, *m2])?;
            if h > 14 || m > 59 {
                return None;
            }
            let v = (h * 60 + m) as i32;
            Some(if *sign == b'-' { -v } else { v })
        }
        _ => None,
    }
}

/// Formats Unix seconds as an RFC 3339 UTC timestamp.
pub fn format_rfc3339_utc(t: UnixTime) -> String {
    let (y, mo, d) = civil_from_days(t.div_euclid(86_400));
    let s = t.rem_euclid(86_400);
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// The calendar date of an instant in a given UTC offset.
pub fn local_date(t: UnixTime, offset_min: i32) -> Date {
    let local = t + i64::from(offset_min) * 60;
    let (year, month, day) = civil_from_days(local.div_euclid(86_400));
    Date { year, month, day }
}

/// `dd/mm/yyyy HH:MM` in the given UTC offset, followed by the zone (`GMT+7`) unless it is Vietnam's.
pub fn display_local(t: UnixTime, offset_min: i32) -> String {
    let local = t + i64::from(offset_min) * 60;
    let d = local_date(t, offset_min);
    let s = local.rem_euclid(86_400);
    let mut out = format!("{} {:02}:{:02}", d.display(), s / 3600, s / 60 % 60);
    if offset_min != 420 {
        let sign = if offset_min < 0 { '-' } else { '+' };
        let a = offset_min.unsigned_abs();
        if a % 60 == 0 {
            out.push_str(&format!(" (GMT{sign}{})", a / 60));
        } else {
            out.push_str(&format!(" (GMT{sign}{}:{:02})", a / 60, a % 60));
        }
    }
    out
}

/// The date of an instant in Vietnam (UTC+07:00), for "list of dd/mm/yyyy" messages.
pub fn display_date_vn(t: UnixTime) -> String {
    local_date(t, 420).display()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for z in [-800_000i64, -1, 0, 1, 19_000, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn rfc3339() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some((0, 0)));
        assert_eq!(
            parse_rfc3339("2026-03-14T08:30:00+07:00"),
            Some((1_773_451_800, 420))
        );
        assert_eq!(
            parse_rfc3339("2026-03-14T01:30:00.123Z"),
            Some((1_773_451_800, 0))
        );
        assert_eq!(parse_rfc3339("2026-02-30T00:00:00Z"), None);
        assert_eq!(parse_rfc3339("2026-03-14T08:30:00"), None);
        assert_eq!(parse_rfc3339("2026-03-14"), None);
        assert_eq!(format_rfc3339_utc(1_773_451_800), "2026-03-14T01:30:00Z");
    }

    #[test]
    fn gs1_century_window() {
        let now = parse_rfc3339("2026-11-28T00:00:00Z")
            .map(|x| x.0)
            .unwrap_or(0);
        assert_eq!(gs1_year(26, now), 2026);
        assert_eq!(gs1_year(76, now), 2076);
        assert_eq!(gs1_year(77, now), 1977);
        assert_eq!(gs1_year(0, now), 2000);
        // The window turns at New Year in Vietnam: 2049-12-31T20:00Z is already 2050 there, where
        // "00" means 2100 (50 ahead), while in UTC it would still mean 2000.
        let new_year_vn = parse_rfc3339("2049-12-31T20:00:00Z")
            .map(|x| x.0)
            .expect("RFC 3339");
        assert_eq!(gs1_year(0, new_year_vn), 2100);
        assert_eq!(gs1_year(0, new_year_vn - 4 * 3600), 2000);
    }

    #[test]
    fn display() {
        let t = parse_rfc3339("2026-03-14T08:30:00+07:00")
            .map(|x| x.0)
            .unwrap_or(0);
        assert_eq!(display_local(t, 420), "14/03/2026 08:30");
        assert_eq!(display_local(t, 60), "14/03/2026 02:30 (GMT+1)");
        let d = Date {
            year: 2026,
            month: 12,
            day: 0,
        };
        assert_eq!(d.display(), "12/2026");
    }
}
