//! `pg_to_char(x, 'format')`: Postgres' `to_char` of a date or timestamp on the embedded engine.
//!
//! The format is read as Postgres reads it (`formatting.c`): at each position the longest
//! keyword that matches is a field, `FM` before a field drops its padding, text in double
//! quotes and a backslash-escaped character are copied, anything else is copied as is. The
//! fields written here: years (`YYYY`, `YYY`, `YY`, `Y`, `IYYY`), `Q`, months (`MM`, `Month`,
//! `MONTH`, `month`, `Mon`, `MON`, `mon`), weeks (`IW`), days (`DD`, `DDD`, `D`, `ID`, `Day`,
//! `DAY`, `day`, `Dy`, `DY`, `dy`), `HH`, `HH12`, `HH24`, `MI`, `SS`, `MS`, `US`, `AM`/`PM`
//! (and lower case), `TZ`/`tz` (a `timestamptz` is read in UTC, where the zone is `UTC`; other
//! sessions refuse it on the plan). Any other Postgres field (`J`, `CC`, `WW`, `RM`, `TH`
//! suffixes, `SSSS`, `FF1`…, `A.M.`, `BC`, `OF`, …) is refused when the statement is planned,
//! as are intervals and numbers.

use std::sync::Arc;

use chrono::{Datelike, NaiveDateTime, Timelike};
use datafusion::arrow::array::{Array, ArrayRef, AsArray, StringBuilder};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, TimeUnit, TimestampMicrosecondType};
use datafusion::common::{Result, ScalarValue, exec_err, not_impl_err};
use datafusion::logical_expr::{
    ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility,
};

/// `to_char(timestamp | date, format)`.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgToChar {
    signature: Signature,
}

impl PgToChar {
    pub fn new() -> Self {
        PgToChar { signature: Signature::any(2, Volatility::Stable) }
    }
}

/// One piece of a format.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
    Literal(String),
    Field { field: Part, fill: bool },
}

/// The fields written (see the module header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Year4,
    Year3,
    Year2,
    Year1,
    IsoYear,
    Quarter,
    MonthNumber,
    MonthName(Case),
    MonthAbbrev(Case),
    IsoWeek,
    DayOfMonth,
    DayOfYear,
    DayOfWeek,
    IsoDayOfWeek,
    DayName(Case),
    DayAbbrev(Case),
    Hour12,
    Hour24,
    Minute,
    Second,
    Millisecond,
    Microsecond,
    Meridiem { upper: bool },
    Zone { upper: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    Upper,
    Capitalized,
    Lower,
}

/// Keywords, longest first where one is a prefix of another (as Postgres matches them).
const KEYWORDS: &[(&str, Option<Part>)] = &[
    ("A.M.", None),
    ("a.m.", None),
    ("P.M.", None),
    ("p.m.", None),
    ("AM", Some(Part::Meridiem { upper: true })),
    ("PM", Some(Part::Meridiem { upper: true })),
    ("am", Some(Part::Meridiem { upper: false })),
    ("pm", Some(Part::Meridiem { upper: false })),
    ("A.D.", None),
    ("B.C.", None),
    ("AD", None),
    ("BC", None),
    ("ad", None),
    ("bc", None),
    ("CC", None),
    ("cc", None),
    ("DAY", Some(Part::DayName(Case::Upper))),
    ("Day", Some(Part::DayName(Case::Capitalized))),
    ("day", Some(Part::DayName(Case::Lower))),
    ("DDD", Some(Part::DayOfYear)),
    ("ddd", Some(Part::DayOfYear)),
    ("DD", Some(Part::DayOfMonth)),
    ("dd", Some(Part::DayOfMonth)),
    ("DY", Some(Part::DayAbbrev(Case::Upper))),
    ("Dy", Some(Part::DayAbbrev(Case::Capitalized))),
    ("dy", Some(Part::DayAbbrev(Case::Lower))),
    ("D", Some(Part::DayOfWeek)),
    ("d", Some(Part::DayOfWeek)),
    ("FF1", None),
    ("FF2", None),
    ("FF3", None),
    ("FF4", None),
    ("FF5", None),
    ("FF6", None),
    ("ff1", None),
    ("ff2", None),
    ("ff3", None),
    ("ff4", None),
    ("ff5", None),
    ("ff6", None),
    ("HH24", Some(Part::Hour24)),
    ("hh24", Some(Part::Hour24)),
    ("HH12", Some(Part::Hour12)),
    ("hh12", Some(Part::Hour12)),
    ("HH", Some(Part::Hour12)),
    ("hh", Some(Part::Hour12)),
    ("IDDD", None),
    ("iddd", None),
    ("ID", Some(Part::IsoDayOfWeek)),
    ("id", Some(Part::IsoDayOfWeek)),
    ("IW", Some(Part::IsoWeek)),
    ("iw", Some(Part::IsoWeek)),
    ("IYYY", Some(Part::IsoYear)),
    ("iyyy", Some(Part::IsoYear)),
    ("IYY", None),
    ("iyy", None),
    ("IY", None),
    ("iy", None),
    ("I", None),
    ("i", None),
    ("J", None),
    ("j", None),
    ("MI", Some(Part::Minute)),
    ("mi", Some(Part::Minute)),
    ("MM", Some(Part::MonthNumber)),
    ("mm", Some(Part::MonthNumber)),
    ("MONTH", Some(Part::MonthName(Case::Upper))),
    ("Month", Some(Part::MonthName(Case::Capitalized))),
    ("month", Some(Part::MonthName(Case::Lower))),
    ("MON", Some(Part::MonthAbbrev(Case::Upper))),
    ("Mon", Some(Part::MonthAbbrev(Case::Capitalized))),
    ("mon", Some(Part::MonthAbbrev(Case::Lower))),
    ("MS", Some(Part::Millisecond)),
    ("ms", Some(Part::Millisecond)),
    ("OF", None),
    ("of", None),
    ("Q", Some(Part::Quarter)),
    ("q", Some(Part::Quarter)),
    ("RM", None),
    ("rm", None),
    ("SSSSS", None),
    ("sssss", None),
    ("SSSS", None),
    ("ssss", None),
    ("SS", Some(Part::Second)),
    ("ss", Some(Part::Second)),
    ("TZH", None),
    ("tzh", None),
    ("TZM", None),
    ("tzm", None),
    ("TZ", Some(Part::Zone { upper: true })),
    ("tz", Some(Part::Zone { upper: false })),
    ("US", Some(Part::Microsecond)),
    ("us", Some(Part::Microsecond)),
    ("WW", None),
    ("ww", None),
    ("W", None),
    ("w", None),
    ("Y,YYY", None),
    ("y,yyy", None),
    ("YYYY", Some(Part::Year4)),
    ("yyyy", Some(Part::Year4)),
    ("YYY", Some(Part::Year3)),
    ("yyy", Some(Part::Year3)),
    ("YY", Some(Part::Year2)),
    ("yy", Some(Part::Year2)),
    ("Y", Some(Part::Year1)),
    ("y", Some(Part::Year1)),
];

/// Reads a format into pieces; `Err` names a Postgres field this function does not write.
pub(super) fn parse_format(format: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut rest = format;
    let mut literal = String::new();
    while !rest.is_empty() {
        let fill = rest.starts_with("FM") || rest.starts_with("fm");
        let after_fill = if fill { &rest[2..] } else { rest };
        if let Some((keyword, field)) = KEYWORDS.iter().find(|(k, _)| after_fill.starts_with(k)) {
            let Some(field) = field else { return Err(format!("to_char() with the field {keyword}")) };
            // Suffixes (`TH`, `th`, `SP`) change the field before them.
            let after = &after_fill[keyword.len()..];
            if after.starts_with("TH") || after.starts_with("th") || after.starts_with("SP") {
                return Err("to_char() with the TH or SP suffix".into());
            }
            if !literal.is_empty() {
                pieces.push(Piece::Literal(std::mem::take(&mut literal)));
            }
            pieces.push(Piece::Field { field: *field, fill });
            rest = after;
            continue;
        }
        if fill {
            // `FM` before no field is dropped.
            rest = after_fill;
            continue;
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some('"') => {
                let mut quoted = chars.as_str();
                loop {
                    let mut inner = quoted.chars();
                    match inner.next() {
                        None => break,
                        Some('"') => {
                            quoted = inner.as_str();
                            break;
                        }
                        Some('\\') => {
                            if let Some(c) = inner.next() {
                                literal.push(c);
                            }
                        }
                        Some(c) => literal.push(c),
                    }
                    quoted = inner.as_str();
                }
                rest = quoted;
            }
            Some('\\') => {
                if let Some(c) = chars.next() {
                    literal.push(c);
                }
                rest = chars.as_str();
            }
            Some(c) => {
                literal.push(c);
                rest = chars.as_str();
            }
            None => break,
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    Ok(pieces)
}

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

fn cased(name: &str, case: Case) -> String {
    match case {
        Case::Upper => name.to_uppercase(),
        Case::Capitalized => name.to_string(),
        Case::Lower => name.to_lowercase(),
    }
}

/// A number zero-padded to `width` unless in fill mode.
fn number(value: i64, width: usize, fill: bool) -> String {
    if fill { value.to_string() } else { format!("{value:0width$}") }
}

/// A name blank-padded to nine characters (the longest month and day names) unless in fill mode.
fn name(text: String, fill: bool) -> String {
    if fill { text } else { format!("{text:<9}") }
}

fn write(pieces: &[Piece], at: NaiveDateTime, zoned: bool, out: &mut String) {
    let year = i64::from(at.year());
    for piece in pieces {
        let (field, fill) = match piece {
            Piece::Literal(text) => {
                out.push_str(text);
                continue;
            }
            Piece::Field { field, fill } => (*field, *fill),
        };
        let text = match field {
            Part::Year4 => number(year, 4, fill),
            Part::Year3 => number(year % 1000, 3, fill),
            Part::Year2 => number(year % 100, 2, fill),
            Part::Year1 => number(year % 10, 1, fill),
            Part::IsoYear => number(i64::from(at.iso_week().year()), 4, fill),
            Part::Quarter => number(i64::from(at.month0() / 3 + 1), 1, fill),
            Part::MonthNumber => number(i64::from(at.month()), 2, fill),
            Part::MonthName(case) => name(cased(MONTHS[at.month0() as usize], case), fill),
            Part::MonthAbbrev(case) => cased(&MONTHS[at.month0() as usize][..3], case),
            Part::IsoWeek => number(i64::from(at.iso_week().week()), 2, fill),
            Part::DayOfMonth => number(i64::from(at.day()), 2, fill),
            Part::DayOfYear => number(i64::from(at.ordinal()), 3, fill),
            Part::DayOfWeek => number(i64::from(at.weekday().number_from_sunday()), 1, fill),
            Part::IsoDayOfWeek => number(i64::from(at.weekday().number_from_monday()), 1, fill),
            Part::DayName(case) => name(cased(DAYS[at.weekday().num_days_from_sunday() as usize], case), fill),
            Part::DayAbbrev(case) => cased(&DAYS[at.weekday().num_days_from_sunday() as usize][..3], case),
            Part::Hour12 => {
                let hour = at.hour() % 12;
                number(i64::from(if hour == 0 { 12 } else { hour }), 2, fill)
            }
            Part::Hour24 => number(i64::from(at.hour()), 2, fill),
            Part::Minute => number(i64::from(at.minute()), 2, fill),
            Part::Second => number(i64::from(at.second()), 2, fill),
            Part::Millisecond => number(i64::from(at.nanosecond() / 1_000_000), 3, fill),
            Part::Microsecond => number(i64::from(at.nanosecond() / 1_000), 6, fill),
            Part::Meridiem { upper } => {
                let text = if at.hour() < 12 { "AM" } else { "PM" };
                if upper { text.to_string() } else { text.to_lowercase() }
            }
            // A `timestamp` has no zone: Postgres writes nothing.
            Part::Zone { upper } => match (zoned, upper) {
                (false, _) => String::new(),
                (true, true) => "UTC".to_string(),
                (true, false) => "utc".to_string(),
            },
        };
        out.push_str(&text);
    }
}

fn format_of(args: &ReturnFieldArgs) -> Result<Option<String>> {
    match args.scalar_arguments.get(1) {
        Some(Some(ScalarValue::Utf8(format))) => Ok(format.clone()),
        Some(Some(ScalarValue::Null)) => Ok(None),
        _ => not_impl_err!("to_char() with a format that is not a constant is not supported on the embedded engine"),
    }
}

impl ScalarUDFImpl for PgToChar {
    fn name(&self) -> &str {
        "pg_to_char"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Utf8)
    }

    fn return_field_from_args(&self, args: ReturnFieldArgs) -> Result<FieldRef> {
        match args.arg_fields.first().map(|f| f.data_type()) {
            Some(DataType::Date32 | DataType::Timestamp(..) | DataType::Null) => {}
            Some(other) => {
                return not_impl_err!("to_char() of a {other} value is not supported on the embedded engine");
            }
            None => return exec_err!("to_char takes a value and a format"),
        }
        if let Some(format) = format_of(&args)? {
            parse_format(&format).map_err(|what| {
                datafusion::error::DataFusionError::NotImplemented(format!(
                    "{what} is not supported on the embedded engine"
                ))
            })?;
        }
        Ok(Arc::new(Field::new(self.name(), DataType::Utf8, true)))
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let [value, format] = args.args.as_slice() else { return exec_err!("to_char takes a value and a format") };
        let ColumnarValue::Scalar(format) = format else { return exec_err!("to_char takes a constant format") };
        let rows = args.number_rows;
        let scalar = matches!(value, ColumnarValue::Scalar(_));
        let array = value.to_array(rows)?;
        let format = match format {
            ScalarValue::Utf8(f) | ScalarValue::LargeUtf8(f) | ScalarValue::Utf8View(f) => f.clone(),
            ScalarValue::Null => None,
            other => return exec_err!("to_char takes a text format, got {other}"),
        };
        let zoned = matches!(array.data_type(), DataType::Timestamp(_, Some(_)));
        let micros = datafusion::arrow::compute::cast(&array, &DataType::Timestamp(TimeUnit::Microsecond, None))?;
        let micros = micros.as_primitive::<TimestampMicrosecondType>();
        let pieces = match &format {
            Some(format) => parse_format(format).map_err(datafusion::error::DataFusionError::NotImplemented)?,
            None => Vec::new(),
        };
        let mut out = StringBuilder::with_capacity(rows, rows * 16);
        for row in 0..rows {
            let at = (!micros.is_null(row))
                .then(|| chrono::DateTime::from_timestamp_micros(micros.value(row)))
                .flatten()
                .map(|t| t.naive_utc());
            match (at, &format) {
                (Some(at), Some(_)) => {
                    let mut text = String::new();
                    write(&pieces, at, zoned, &mut text);
                    out.append_value(text);
                }
                _ => out.append_null(),
            }
        }
        let out: ArrayRef = Arc::new(out.finish());
        super::columnar(out, scalar)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_char(at: &str, format: &str) -> String {
        let at = NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M:%S%.f").unwrap();
        let mut out = String::new();
        write(&parse_format(format).unwrap(), at, false, &mut out);
        out
    }

    #[test]
    fn formats_as_postgres() {
        let at = "2024-02-29 13:05:09.123";
        // select to_char(timestamp '2024-02-29 13:05:09.123', '…');
        assert_eq!(to_char(at, "YYYY-MM-DD"), "2024-02-29");
        assert_eq!(to_char(at, "HH12:MI AM"), "01:05 PM");
        assert_eq!(to_char(at, "Mon DD, YYYY"), "Feb 29, 2024");
        assert_eq!(to_char(at, "MS"), "123");
        assert_eq!(to_char(at, "Day|"), "Thursday |");
        assert_eq!(to_char(at, "FMDay"), "Thursday");
        assert_eq!(to_char(at, "FMMonth FMDD"), "February 29");
        assert_eq!(to_char(at, "MONTH|"), "FEBRUARY |");
        assert_eq!(to_char(at, "YYYY\"Q\"Q"), "2024Q1");
        assert_eq!(to_char("2024-12-30 00:00:00", "IYYY-IW"), "2025-01");
        assert_eq!(to_char(at, "DDD"), "060");
        assert_eq!(to_char("2024-02-29 00:00:00", "HH12 AM"), "12 AM");
        assert!(parse_format("J").is_err());
        assert!(parse_format("DDth").is_err());
    }
}
