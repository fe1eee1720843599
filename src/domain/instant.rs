//! Instants on the UTC time line, parsed from RFC 3339 timestamps.
//!
//! Key validity windows and, later, credential dates are instants, not local
//! days. `UnixTime` is a newtype over whole seconds so that a millisecond
//! figure from the browser clock cannot slip in unconverted.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::json::{FromJson, Json, Reader};

use super::date::Date;

/// Seconds since 1970-01-01T00:00:00Z. Fractions of a second are dropped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a timestamp such as 2026-03-01T09:00:00Z (RFC 3339, with a time zone).")]
pub struct InstantError(pub String);

impl UnixTime {
    /// The UTC calendar date this instant falls on.
    pub fn utc_date(self) -> Date {
        Date::from_days_since_epoch(self.0.div_euclid(86_400))
    }
}

impl FromStr for UnixTime {
    type Err = InstantError;

    /// Accepts `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `t` and a space are
    /// allowed for `T`, and `z` for `Z`, as RFC 3339 §5.6 permits.
    fn from_str(s: &str) -> Result<UnixTime, InstantError> {
        parse(s).ok_or_else(|| InstantError(s.to_owned()))
    }
}

fn parse(s: &str) -> Option<UnixTime> {
    if !s.is_ascii() || s.len() < 20 {
        return None;
    }
    let date: Date = s.get(..10)?.parse().ok()?;
    let b = s.as_bytes();
    if !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let two = |at: usize| -> Option<i64> {
        let (hi, lo) = (b[at], b[at + 1]);
        (hi.is_ascii_digit() && lo.is_ascii_digit())
            .then(|| i64::from((hi - b'0') * 10 + lo - b'0'))
    };
    let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
    // 60 is a leap second; it is folded into the next minute.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &fraction[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6
            && matches!(rest.as_bytes()[0], b'+' | b'-')
            && rest.as_bytes()[3] == b':' =>
        {
            let rb = rest.as_bytes();
            let digit2 = |at: usize| -> Option<i64> {
                (rb[at].is_ascii_digit() && rb[at + 1].is_ascii_digit())
                    .then(|| i64::from((rb[at] - b'0') * 10 + rb[at + 1] - b'0'))
            };
            let (oh, om) = (digit2(1)?, digit2(4)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let magnitude = oh * 3600 + om * 60;
            if rb[0] == b'-' { -magnitude } else { magnitude }
        }
        _ => return None,
    };
    let seconds = date.days_since_epoch() * 86_400 + hour * 3600 + minute * 60 + second;
    Some(UnixTime(seconds - offset))
}

impl fmt::Display for UnixTime {
    /// Always `YYYY-MM-DDTHH:MM:SSZ`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.rem_euclid(86_400);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            self.utc_date(),
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    }
}

impl Serialize for UnixTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for UnixTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<UnixTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl FromJson for UnixTime {
    fn read<'j>(r: &mut Reader<'j>, json: &'j Json) -> UnixTime {
        r.parsed(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339_forms() {
        for (text, expected) in [
            ("1970-01-01T00:00:00Z", Some(0)),
            ("2024-01-01T00:00:00Z", Some(1_704_067_200)),
            ("2024-01-01T10:30:00+10:30", Some(1_704_067_200)),
            ("2023-12-31T19:00:00-05:00", Some(1_704_067_200)),
            ("2024-01-01t00:00:00.123456z", Some(1_704_067_200)),
            ("2024-01-01 00:00:00Z", Some(1_704_067_200)),
            ("2024-01-01T00:00:00", None),
            ("2024-01-01", None),
            ("2024-01-01T24:00:00Z", None),
            ("2024-01-01T00:00:00.Z", None),
            ("2024-01-01T00:00:00+1000", None),
            ("2024-02-30T00:00:00Z", None),
            ("2024-01-01T00:00:00Zjunk", None),
        ] {
            assert_eq!(
                text.parse::<UnixTime>().ok().map(|t| t.0),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn displays_in_utc() {
        let t: UnixTime = "2024-06-30T23:59:59-02:00".parse().unwrap();
        assert_eq!(t.to_string(), "2024-07-01T01:59:59Z");
    }
}
