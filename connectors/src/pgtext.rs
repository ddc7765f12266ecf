//! Postgres' text output of each type: one implementation for the proxy's wire encoding and
//! the embedded engine's casts to text. Written by hand: these are Postgres' own output rules
//! (`float8out` with `extra_float_digits`, `numeric_out`, ISO dates with ` BC`, `infinity`,
//! IntervalStyle `postgres`), which no crate reproduces.

use chrono::{Datelike, NaiveDate, Offset, TimeZone};

/// `bytea` in Postgres' hex output format: `\x` and two lower-case digits per byte.
pub fn write_bytea_text(bytes: &[u8], out: &mut impl std::fmt::Write) -> std::fmt::Result {
    out.write_str("\\x")?;
    for byte in bytes {
        write!(out, "{byte:02x}")?;
    }
    Ok(())
}

/// Days from 1970-01-01 (Arrow's epoch) to 2000-01-01 (Postgres').
pub const PG_EPOCH_DAYS: i32 = 10_957;
/// Microseconds from 1970-01-01 to 2000-01-01.
pub const PG_EPOCH_MICROS: i64 = 946_684_800_000_000;
const MICROS_PER_DAY: i64 = 86_400_000_000;

/// Postgres' float output: shortest round-trip digits when `extra_float_digits > 0`
/// (the default since Postgres 12), else `%.{15|6 + extra}g`.
pub fn float_text(value: f64, extra_float_digits: i32, single: bool) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    let (digits, exponent) = if extra_float_digits > 0 {
        let shortest = if single { format!("{:e}", value as f32) } else { format!("{value:e}") };
        split_scientific(&shortest)
    } else {
        let precision = ((if single { 6 } else { 15 }) + extra_float_digits).max(1) as usize;
        let rounded = format!("{:.*e}", precision - 1, value);
        let (digits, exponent) = split_scientific(&rounded);
        (digits.trim_end_matches('0').to_string(), exponent)
    };
    let threshold = if extra_float_digits > 0 {
        if single { 6 } else { 15 }
    } else {
        ((if single { 6 } else { 15 }) + extra_float_digits).max(1)
    };
    let negative = value.is_sign_negative();
    let digits = if digits.is_empty() { "0".to_string() } else { digits };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if exponent < -4 || exponent >= threshold {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exponent.abs()));
    } else if exponent < 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-exponent - 1) as usize));
        out.push_str(&digits);
    } else {
        let int_len = exponent as usize + 1;
        if digits.len() <= int_len {
            out.push_str(&digits);
            out.push_str(&"0".repeat(int_len - digits.len()));
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    }
    out
}

/// Splits Rust's `{:e}` output (`-1.2345e-7`) into significant digits (`12345`) and exponent.
fn split_scientific(text: &str) -> (String, i32) {
    let text = text.trim_start_matches('-');
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0".to_string() } else { digits.to_string() };
    (digits, exponent.parse().unwrap_or(0))
}

/// A decimal's text with exactly `scale` fraction digits, as Postgres prints numerics.
pub fn decimal_text(value: i128, scale: i8) -> String {
    let negative = value < 0;
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + 3);
    if negative {
        out.push('-');
    }
    if scale <= 0 {
        out.push_str(&digits);
        out.push_str(&"0".repeat(scale.unsigned_abs() as usize));
        return out;
    }
    let scale = scale as usize;
    if digits.len() <= scale {
        out.push_str("0.");
        out.push_str(&"0".repeat(scale - digits.len()));
        out.push_str(&digits);
    } else {
        let (int, frac) = digits.split_at(digits.len() - scale);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    }
    out
}

fn civil_date(days_since_unix_epoch: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days_since_unix_epoch + 719_163).ok()?)
}

fn write_date(date: NaiveDate, out: &mut String) -> bool {
    use std::fmt::Write;
    let year = date.year();
    let bc = year <= 0;
    let shown = if bc { 1 - year } else { year };
    let _ = write!(out, "{shown:04}-{:02}-{:02}", date.month(), date.day());
    bc
}

/// `YYYY-MM-DD` (with ` BC` before year 1).
/// `infinity`/`-infinity` for the extreme values Postgres uses for them.
fn infinity(value: i64, max: i64, min: i64) -> Option<String> {
    match value {
        v if v == max => Some("infinity".into()),
        v if v == min => Some("-infinity".into()),
        _ => None,
    }
}

pub fn date_text(days: i32) -> String {
    if let Some(infinite) = infinity(i64::from(days), i64::from(i32::MAX), i64::from(i32::MIN)) {
        return infinite;
    }
    let mut out = String::with_capacity(10);
    match civil_date(i64::from(days)) {
        Some(date) => {
            if write_date(date, &mut out) {
                out.push_str(" BC");
            }
        }
        None => out.push_str("infinity"),
    }
    out
}

fn write_time_of_day(micros: i64, out: &mut String) {
    use std::fmt::Write;
    let seconds = micros / 1_000_000;
    let fraction = micros % 1_000_000;
    let _ = write!(out, "{:02}:{:02}:{:02}", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    if fraction != 0 {
        let text = format!("{fraction:06}");
        out.push('.');
        out.push_str(text.trim_end_matches('0'));
    }
}

/// `HH:MM:SS[.ffffff]`.
pub fn time_text(micros: i64) -> String {
    let mut out = String::with_capacity(15);
    write_time_of_day(micros, &mut out);
    out
}

/// `YYYY-MM-DD HH:MM:SS[.ffffff]` from microseconds since the Unix epoch.
pub fn timestamp_text(micros: i64) -> String {
    if let Some(infinite) = infinity(micros, i64::MAX, i64::MIN) {
        return infinite;
    }
    let days = micros.div_euclid(MICROS_PER_DAY);
    let time = micros.rem_euclid(MICROS_PER_DAY);
    let mut out = String::with_capacity(26);
    let Some(date) = civil_date(days) else { return "infinity".into() };
    let bc = write_date(date, &mut out);
    out.push(' ');
    write_time_of_day(time, &mut out);
    if bc {
        out.push_str(" BC");
    }
    out
}

/// A timestamptz in the session time zone, with Postgres' `+HH[:MM[:SS]]` offset.
pub fn timestamptz_text(micros: i64, zone: &datafusion::arrow::array::timezone::Tz) -> String {
    if let Some(infinite) = infinity(micros, i64::MAX, i64::MIN) {
        return infinite;
    }
    let seconds = micros.div_euclid(1_000_000);
    let offset_seconds = chrono::DateTime::from_timestamp(seconds, 0)
        .map(|utc| zone.offset_from_utc_datetime(&utc.naive_utc()).fix().local_minus_utc())
        .unwrap_or(0);
    let mut out = timestamp_text(micros + i64::from(offset_seconds) * 1_000_000);
    let bc = out.ends_with(" BC");
    if bc {
        out.truncate(out.len() - 3);
    }
    let sign = if offset_seconds < 0 { '-' } else { '+' };
    let abs = offset_seconds.unsigned_abs();
    out.push(sign);
    out.push_str(&format!("{:02}", abs / 3600));
    if !abs.is_multiple_of(3600) {
        out.push_str(&format!(":{:02}", (abs / 60) % 60));
        if !abs.is_multiple_of(60) {
            out.push_str(&format!(":{:02}", abs % 60));
        }
    }
    if bc {
        out.push_str(" BC");
    }
    out
}

/// An interval in IntervalStyle `postgres`: `1 year 2 mons -3 days +04:05:06.7`.
pub fn interval_text(months: i32, days: i32, micros: i64) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut before_negative = false;
    let mut add = |value: i64, unit: &str, parts: &mut Vec<String>| {
        if value == 0 {
            return;
        }
        let sign = if before_negative && value > 0 { "+" } else { "" };
        let plural = if value == 1 { "" } else { "s" };
        parts.push(format!("{sign}{value} {unit}{plural}"));
        before_negative = value < 0;
    };
    add(i64::from(months / 12), "year", &mut parts);
    add(i64::from(months % 12), "mon", &mut parts);
    add(i64::from(days), "day", &mut parts);
    if micros != 0 || parts.is_empty() {
        let sign = if micros < 0 {
            "-"
        } else if before_negative {
            "+"
        } else {
            ""
        };
        let mut time = String::from(sign);
        write_time_of_day(micros.unsigned_abs() as i64, &mut time);
        parts.push(time);
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_like_postgres() {
        assert_eq!(float_text(0.1, 1, false), "0.1");
        assert_eq!(float_text(1e15, 1, false), "1e+15");
        assert_eq!(float_text(1e14, 1, false), "100000000000000");
        assert_eq!(float_text(1.5e-5, 1, false), "1.5e-05");
        assert_eq!(float_text(0.0001, 1, false), "0.0001");
        assert_eq!(float_text(-2.5, 1, false), "-2.5");
        assert_eq!(float_text(1e6, 1, true), "1e+06");
        assert_eq!(float_text(100000.0, 1, true), "100000");
        assert_eq!(float_text(0.1 + 0.2, 1, false), "0.30000000000000004");
        assert_eq!(float_text(0.1 + 0.2, 0, false), "0.3");
        assert_eq!(float_text(f64::NAN, 1, false), "NaN");
        assert_eq!(float_text(f64::NEG_INFINITY, 1, false), "-Infinity");
        assert_eq!(float_text(0.0, 1, false), "0");
        assert_eq!(float_text(-0.0, 1, false), "-0");
    }

    #[test]
    fn decimals_keep_their_scale() {
        assert_eq!(decimal_text(12345, 2), "123.45");
        assert_eq!(decimal_text(-5, 2), "-0.05");
        assert_eq!(decimal_text(0, 2), "0.00");
        assert_eq!(decimal_text(7, 0), "7");
        assert_eq!(decimal_text(i128::MAX, 0), i128::MAX.to_string());
    }

    #[test]
    fn dates_times_intervals() {
        assert_eq!(date_text(0), "1970-01-01");
        assert_eq!(date_text(-719_528), "0001-01-01 BC");
        assert_eq!(timestamp_text(1_500_000), "1970-01-01 00:00:01.5");
        assert_eq!(timestamp_text(-1), "1969-12-31 23:59:59.999999");
        let utc = "UTC".parse().unwrap();
        assert_eq!(timestamptz_text(0, &utc), "1970-01-01 00:00:00+00");
        let india = "Asia/Kolkata".parse().unwrap();
        assert_eq!(timestamptz_text(0, &india), "1970-01-01 05:30:00+05:30");
        assert_eq!(interval_text(14, 3, 4 * 3_600_000_000), "1 year 2 mons 3 days 04:00:00");
        assert_eq!(interval_text(0, -1, 2 * 3_600_000_000), "-1 days +02:00:00");
        assert_eq!(interval_text(0, 0, 0), "00:00:00");
        assert_eq!(interval_text(-12, 0, 0), "-1 years");
        assert_eq!(interval_text(0, 1, -1_500_000), "1 day -00:00:01.5");
    }
}
