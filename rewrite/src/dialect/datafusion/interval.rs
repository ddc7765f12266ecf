//! Postgres interval input text, read as Postgres reads it (`IntervalStyle` postgres, the
//! default): `'1 day 02:03:04'`, `'1-2'`, `'P1Y2M3DT4H'`, `'1 month - 1 day'`, `'@ 2 hours ago'`,
//! `'1.5 weeks'`. The value (months, days, microseconds — Postgres' own three fields) is written
//! back in the one form the embedded engine reads the same way: `n months n days n.ffffff seconds`.
//!
//! Hand-written because no crate reads Postgres' interval syntax, and the engine's own parser reads
//! several spellings differently (`'1-2'`, bare numbers, fractions of months and years).
//! Anything outside the syntax below is `None`, which the caller refuses rather than guesses.

/// An interval as Postgres stores it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct PgInterval {
    months: i64,
    days: i64,
    micros: i64,
}

impl PgInterval {
    /// The interval as a UTC offset east of Greenwich, `±HH:MM`, when it is one: hours and
    /// minutes only, less than a day (`AT TIME ZONE INTERVAL '+05:30'`).
    pub(super) fn utc_offset(&self) -> Option<String> {
        let minutes = self.micros / 60_000_000;
        let whole = self.months == 0 && self.days == 0 && self.micros % 60_000_000 == 0;
        (whole && minutes.abs() < 24 * 60).then(|| {
            let sign = if minutes < 0 { '-' } else { '+' };
            format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60)
        })
    }

    /// The value in the form the embedded engine reads back exactly: months, days, then the time
    /// as hours, minutes and seconds (each signed like the time; seconds with their fraction).
    pub(super) fn engine_text(&self) -> String {
        let mut parts = Vec::new();
        if self.months != 0 {
            parts.push(format!("{} months", self.months));
        }
        if self.days != 0 || (self.months == 0 && self.micros == 0) {
            parts.push(format!("{} days", self.days));
        }
        let sign = if self.micros < 0 { "-" } else { "" };
        let magnitude = self.micros.unsigned_abs();
        let (hours, minutes) = (magnitude / 3_600_000_000, magnitude / 60_000_000 % 60);
        let (seconds, fraction) = (magnitude / 1_000_000 % 60, magnitude % 1_000_000);
        if hours != 0 {
            parts.push(format!("{sign}{hours} hours"));
        }
        if minutes != 0 {
            parts.push(format!("{sign}{minutes} minutes"));
        }
        if fraction != 0 {
            let fraction = format!("{fraction:06}");
            parts.push(format!("{sign}{seconds}.{} seconds", fraction.trim_end_matches('0')));
        } else if seconds != 0 {
            parts.push(format!("{sign}{seconds} seconds"));
        }
        parts.join(" ")
    }
}

/// A signed decimal number as written: its whole part and its fraction in billionths (both carry
/// the sign), so units can spill fractions the way Postgres does without float rounding.
#[derive(Debug, Clone, Copy)]
struct Number {
    whole: i64,
    nanos: i64,
    has_fraction: bool,
}

impl Number {
    fn parse(negative: bool, text: &str) -> Option<Number> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        if (whole.is_empty() && fraction.is_empty())
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let whole_value: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        let mut digits: String = fraction.chars().take(9).collect();
        while digits.len() < 9 {
            digits.push('0');
        }
        let nanos: i64 = digits.parse().ok()?;
        let sign = if negative { -1 } else { 1 };
        Some(Number { whole: sign * whole_value, nanos: sign * nanos, has_fraction: !fraction.is_empty() })
    }

    /// `fraction × scale`, split into its whole part (toward zero) and the rest in billionths.
    fn scaled_fraction(&self, scale: i64) -> (i64, i64) {
        let total = i128::from(self.nanos) * i128::from(scale);
        ((total / 1_000_000_000) as i64, (total % 1_000_000_000) as i64)
    }
}

/// The fields of an interval that each unit (or a time or year-month group) fills; Postgres
/// rejects a field given twice.
#[derive(Clone, Copy)]
enum Unit {
    Microsecond,
    Millisecond,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    fn named(word: &str) -> Option<Unit> {
        Some(match word {
            "microsecond" | "microseconds" | "microsecon" | "us" | "usec" | "usecs" | "useconds" => Unit::Microsecond,
            "millisecond" | "milliseconds" | "millisecon" | "ms" | "msec" | "msecs" | "mseconds" => Unit::Millisecond,
            "second" | "seconds" | "s" | "sec" | "secs" => Unit::Second,
            "minute" | "minutes" | "m" | "min" | "mins" => Unit::Minute,
            "hour" | "hours" | "h" | "hr" | "hrs" => Unit::Hour,
            "day" | "days" | "d" => Unit::Day,
            "week" | "weeks" | "w" => Unit::Week,
            "month" | "months" | "mon" | "mons" => Unit::Month,
            "year" | "years" | "y" | "yr" | "yrs" => Unit::Year,
            "decade" | "decades" | "dec" | "decs" => Unit::Decade,
            "century" | "centuries" | "c" | "cent" => Unit::Century,
            "millennium" | "millennia" | "mil" | "mils" => Unit::Millennium,
            _ => return None,
        })
    }

    fn field_bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// What the text is made of, after signs are attached to the number that follows them.
#[derive(Debug)]
enum Token<'a> {
    Number(bool, &'a str),
    /// `[-]h:m[:s[.f]]`
    Time(bool, &'a str),
    /// `[-]y-m`
    YearMonth(bool, &'a str, &'a str),
    Word(&'a str),
}

const MICROS_PER_SECOND: i64 = 1_000_000;
const MICROS_PER_DAY: i64 = 86_400 * MICROS_PER_SECOND;

/// Reads Postgres interval input text; `None` when it is not in the syntax this module reads.
pub(super) fn parse(text: &str) -> Option<PgInterval> {
    let lower = text.trim().to_ascii_lowercase();
    if let Some(designators) = lower.strip_prefix('p') {
        return iso_8601(designators);
    }
    let tokens = tokenize(&lower)?;
    let mut value = Accumulator::default();
    let mut index = 0;
    while index < tokens.len() {
        match (&tokens[index], tokens.get(index + 1)) {
            (Token::Number(negative, number), Some(Token::Word(word))) if Unit::named(word).is_some() => {
                value.add(Number::parse(*negative, number)?, Unit::named(word)?)?;
                index += 2;
            }
            // `1 02:03:04`: a bare whole number before a time is days.
            (Token::Number(negative, number), Some(Token::Time(..))) => {
                let days = Number::parse(*negative, number)?;
                if days.has_fraction {
                    return None;
                }
                value.add(days, Unit::Day)?;
                index += 1;
            }
            // A bare number at the end is seconds (`'5'` is five seconds).
            (Token::Number(negative, number), None) => {
                value.add(Number::parse(*negative, number)?, Unit::Second)?;
                index += 1;
            }
            (Token::Time(negative, time), _) => {
                value.time(*negative, time)?;
                index += 1;
            }
            (Token::YearMonth(negative, years, months), _) => {
                value.claim(Unit::Year.field_bit() | Unit::Month.field_bit())?;
                let months: i64 = years.parse::<i64>().ok()?.checked_mul(12)?.checked_add(months.parse().ok()?)?;
                value.months = value.months.checked_add(if *negative { -months } else { months })?;
                index += 1;
            }
            (Token::Word("ago"), None) if index > 0 => {
                value.months = -value.months;
                value.days = -value.days;
                value.micros = -value.micros;
                index += 1;
            }
            _ => return None,
        }
    }
    if index == 0 {
        return None;
    }
    value.finish()
}

/// Splits the text into numbers, times, year-month groups and words; a `+`/`-` (even followed by
/// blanks, as Postgres reads `'1 month - 1 day'`) signs the number after it; `@` is ignored.
fn tokenize(text: &str) -> Option<Vec<Token<'_>>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte.is_ascii_whitespace() || byte == b'@' {
            at += 1;
            continue;
        }
        let mut negative = false;
        if byte == b'+' || byte == b'-' {
            negative = byte == b'-';
            at += 1;
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            if at >= bytes.len() || !(bytes[at].is_ascii_digit() || bytes[at] == b'.') {
                return None;
            }
        }
        let start = at;
        if bytes[at].is_ascii_digit() || bytes[at] == b'.' {
            while at < bytes.len() && (bytes[at].is_ascii_digit() || bytes[at] == b'.') {
                at += 1;
            }
            if at < bytes.len() && bytes[at] == b':' {
                while at < bytes.len() && (bytes[at].is_ascii_digit() || bytes[at] == b'.' || bytes[at] == b':') {
                    at += 1;
                }
                tokens.push(Token::Time(negative, &text[start..at]));
            } else if at + 1 < bytes.len() && bytes[at] == b'-' && bytes[at + 1].is_ascii_digit() {
                let years = &text[start..at];
                at += 1;
                let month_start = at;
                while at < bytes.len() && bytes[at].is_ascii_digit() {
                    at += 1;
                }
                tokens.push(Token::YearMonth(negative, years, &text[month_start..at]));
            } else {
                tokens.push(Token::Number(negative, &text[start..at]));
            }
            // A unit may follow without a blank (`10min`); the loop reads it as a word.
        } else if bytes[at].is_ascii_alphabetic() {
            while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
                at += 1;
            }
            tokens.push(Token::Word(&text[start..at]));
        } else {
            return None;
        }
        if at < bytes.len() && !(bytes[at].is_ascii_whitespace() || bytes[at].is_ascii_alphabetic()) {
            // `1day-2` and the like: Postgres reads more forms than this module does.
            if !matches!(bytes[at], b'+' | b'-') {
                return None;
            }
        }
    }
    Some(tokens)
}

/// ISO 8601 designators after the `P`: `nY nM nW nD`, then `T nH nM nS` (signed, fractional).
fn iso_8601(text: &str) -> Option<PgInterval> {
    let mut value = Accumulator::default();
    let mut in_time = false;
    let mut rest = text;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('t') {
            if in_time || after.is_empty() {
                return None;
            }
            in_time = true;
            rest = after;
            continue;
        }
        let negative = rest.starts_with('-');
        let unsigned = rest.strip_prefix(['-', '+']).unwrap_or(rest);
        let length = unsigned.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(unsigned.len());
        let number = Number::parse(negative, &unsigned[..length])?;
        let designator = unsigned[length..].chars().next()?;
        let unit = match (in_time, designator) {
            (false, 'y') => Unit::Year,
            (false, 'm') => Unit::Month,
            (false, 'w') => Unit::Week,
            (false, 'd') => Unit::Day,
            (true, 'h') => Unit::Hour,
            (true, 'm') => Unit::Minute,
            (true, 's') => Unit::Second,
            _ => return None,
        };
        value.add(number, unit)?;
        rest = &unsigned[length + 1..];
    }
    value.finish()
}

/// The three fields being summed, and which units were given (each at most once).
#[derive(Default)]
struct Accumulator {
    months: i64,
    days: i64,
    micros: i64,
    fields: u16,
}

impl Accumulator {
    fn claim(&mut self, bits: u16) -> Option<()> {
        if self.fields & bits != 0 {
            return None;
        }
        self.fields |= bits;
        Some(())
    }

    /// Adds `number unit`, spilling a fraction into smaller fields as Postgres does: years and
    /// larger into whole months (the rest dropped), months into days (30 each) and then time,
    /// weeks into days and then time, days into time.
    fn add(&mut self, number: Number, unit: Unit) -> Option<()> {
        self.claim(unit.field_bit())?;
        let months_per = match unit {
            Unit::Year => Some(12),
            Unit::Decade => Some(120),
            Unit::Century => Some(1_200),
            Unit::Millennium => Some(12_000),
            _ => None,
        };
        if let Some(months_per) = months_per {
            let (spilled, _) = number.scaled_fraction(months_per);
            self.months = self.months.checked_add(number.whole.checked_mul(months_per)?.checked_add(spilled)?)?;
            return Some(());
        }
        let days_per = match unit {
            Unit::Month => Some(30),
            Unit::Week => Some(7),
            Unit::Day => Some(1),
            _ => None,
        };
        if let Some(days_per) = days_per {
            if matches!(unit, Unit::Month) {
                self.months = self.months.checked_add(number.whole)?;
            } else {
                self.days = self.days.checked_add(number.whole.checked_mul(days_per)?)?;
            }
            let (whole_days, rest) = number.scaled_fraction(days_per);
            self.days = self.days.checked_add(whole_days)?;
            self.add_micros(i128::from(rest) * i128::from(MICROS_PER_DAY))?;
            return Some(());
        }
        let micros_per: i64 = match unit {
            Unit::Microsecond => 1,
            Unit::Millisecond => 1_000,
            Unit::Second => MICROS_PER_SECOND,
            Unit::Minute => 60 * MICROS_PER_SECOND,
            _ => 3_600 * MICROS_PER_SECOND,
        };
        self.micros = self.micros.checked_add(number.whole.checked_mul(micros_per)?)?;
        self.add_micros(i128::from(number.nanos) * i128::from(micros_per))
    }

    /// Adds a count of billionths of a microsecond, rounded half away from zero as Postgres' rint.
    fn add_micros(&mut self, billionths: i128) -> Option<()> {
        let half = if billionths < 0 { -500_000_000 } else { 500_000_000 };
        let micros = i64::try_from((billionths + half) / 1_000_000_000).ok()?;
        self.micros = self.micros.checked_add(micros)?;
        Some(())
    }

    /// `h:m[:s[.f]]`: hours and minutes, optionally seconds; the sign covers the whole time.
    fn time(&mut self, negative: bool, text: &str) -> Option<()> {
        self.claim(Unit::Hour.field_bit() | Unit::Minute.field_bit() | Unit::Second.field_bit())?;
        let mut parts = text.split(':');
        let hours: i64 = parts.next()?.parse().ok()?;
        let minutes: i64 = parts.next()?.parse().ok()?;
        let seconds = match parts.next() {
            Some(seconds) => Number::parse(false, seconds)?,
            None => Number { whole: 0, nanos: 0, has_fraction: false },
        };
        if parts.next().is_some() || minutes > 59 || seconds.whole > 59 {
            return None;
        }
        let micros = hours
            .checked_mul(3_600 * MICROS_PER_SECOND)?
            .checked_add(minutes * 60 * MICROS_PER_SECOND + seconds.whole * MICROS_PER_SECOND)?
            .checked_add((seconds.nanos + 500) / 1_000)?;
        self.micros = self.micros.checked_add(if negative { -micros } else { micros })?;
        Some(())
    }

    /// The value, if each field fits the engine's interval (32-bit months and days, nanoseconds
    /// in 64 bits).
    fn finish(self) -> Option<PgInterval> {
        i32::try_from(self.months).ok()?;
        i32::try_from(self.days).ok()?;
        self.micros.checked_mul(1_000)?;
        Some(PgInterval { months: self.months, days: self.days, micros: self.micros })
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn engine(text: &str) -> Option<String> {
        parse(text).map(|value| value.engine_text())
    }

    /// Each expectation is what Postgres 15 answers for `interval '<text>'`, in the engine's form.
    #[test]
    fn reads_postgres_interval_syntax() {
        let cases = [
            ("1 month - 1 day", "1 months -1 days"),
            ("1.5 years", "18 months"),
            ("1.01 years", "12 months"),
            ("1.5 months", "1 months 15 days"),
            ("1 2:03:04", "1 days 2 hours 3 minutes 4 seconds"),
            ("5", "5 seconds"),
            ("1.5", "1.5 seconds"),
            ("-1:30", "-1 hours -30 minutes"),
            ("1 day -02:00", "1 days -2 hours"),
            ("1-2", "14 months"),
            ("-1-2", "-14 months"),
            ("P1.5D", "1 days 12 hours"),
            ("@ 1 day ago", "-1 days"),
            ("1 day 2 hours ago", "-1 days -2 hours"),
            ("10min", "10 minutes"),
            ("1.1 days", "1 days 2 hours 24 minutes"),
            ("+05:30", "5 hours 30 minutes"),
            ("1:2", "1 hours 2 minutes"),
            ("1:2:3.5", "1 hours 2 minutes 3.5 seconds"),
            ("-1 -2:00", "-1 days -2 hours"),
            ("1 decade 1.5 centuries", "1920 months"),
            ("1 day 5", "1 days 5 seconds"),
            ("0.5 weeks", "3 days 12 hours"),
            ("-1.5 days", "-1 days -12 hours"),
            ("1 year 2 months", "14 months"),
            ("P1Y2M3DT4H5M6S", "14 months 3 days 4 hours 5 minutes 6 seconds"),
            ("PT-1.5S", "-1.5 seconds"),
            ("0 days", "0 days"),
            ("2 Hours 30 Minutes", "2 hours 30 minutes"),
            ("0.000001 seconds", "0.000001 seconds"),
            ("-90 minutes 0.25 seconds", "-1 hours -29 minutes -59.75 seconds"),
        ];
        for (text, expected) in cases {
            assert_eq!(engine(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn refuses_what_it_does_not_read() {
        for text in [
            "",
            "ago",
            "2 weeks 1.5 weeks",
            "1 fortnight",
            "1:70",
            "1 day 1 day",
            "P",
            "PT",
            "1.5 2:00",
            "- day",
            "1 day ago 2 hours",
            "P0001-02-03",
            "99999999999 years",
        ] {
            assert_eq!(engine(text), None, "{text}");
        }
    }
}
