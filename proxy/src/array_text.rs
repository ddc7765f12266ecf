//! Postgres arrays, received in the backend's binary array format, rendered in Postgres' text
//! form (`{1,2,NULL}`, `{{"a b",c},{d,e}}`, `[0:1]={x,y}`), exactly as `array_out` prints them.
//!
//! Pure: no I/O. Each element is decoded from its binary form and written with the same text
//! functions as a scalar column of its type, so an array element looks like the scalar would.
//! Hand-written because no crate renders Postgres' binary arrays in Postgres' text form.

use std::fmt::Write;

use package::PgType;

use crate::encode::{
    OutputSettings, PG_EPOCH_DAYS, PG_EPOCH_MICROS, date_text, float_text, interval_text, time_text, timestamp_text,
    timestamptz_text, write_bytea_text,
};

/// Renders one binary array value whose elements are of type `element`; `None` when the bytes
/// are not a well-formed array of that type.
pub fn array_text(bytes: &[u8], element: PgType, settings: &OutputSettings) -> Option<String> {
    let mut reader = Reader(bytes);
    let dimensions = usize::try_from(reader.i32()?).ok()?;
    let _has_nulls = reader.i32()?;
    let _element_oid = reader.i32()?;
    if dimensions == 0 {
        return reader.0.is_empty().then(|| "{}".to_string());
    }
    // Postgres allows at most 6 dimensions (MAXDIM).
    if dimensions > 6 {
        return None;
    }
    let mut bounds = Vec::with_capacity(dimensions);
    for _ in 0..dimensions {
        let length = usize::try_from(reader.i32()?).ok()?;
        let lower = reader.i32()?;
        bounds.push((length, lower));
    }
    let mut out = String::new();
    if bounds.iter().any(|(_, lower)| *lower != 1) {
        for (length, lower) in &bounds {
            let upper = i64::from(*lower) + *length as i64 - 1;
            let _ = write!(out, "[{lower}:{upper}]");
        }
        out.push('=');
    }
    let lengths: Vec<usize> = bounds.iter().map(|(length, _)| *length).collect();
    write_dimension(&mut reader, &lengths, element, settings, &mut out)?;
    reader.0.is_empty().then_some(out)
}

/// Writes `{…}` for the first of `lengths`, recursing into the inner dimensions.
fn write_dimension(
    reader: &mut Reader<'_>,
    lengths: &[usize],
    element: PgType,
    settings: &OutputSettings,
    out: &mut String,
) -> Option<()> {
    let (&length, inner) = lengths.split_first()?;
    out.push('{');
    for index in 0..length {
        if index > 0 {
            out.push(',');
        }
        if inner.is_empty() {
            match reader.element()? {
                None => out.push_str("NULL"),
                Some(raw) => write_quoted(&element_text(raw, element, settings)?, out),
            }
        } else {
            write_dimension(reader, inner, element, settings, out)?;
        }
    }
    out.push('}');
    Some(())
}

/// An element as `array_out` writes it: double-quoted (with `"` and `\` escaped) when it is
/// empty, spells NULL, or contains a delimiter, brace, quote, backslash or white space.
fn write_quoted(text: &str, out: &mut String) {
    let needs_quotes = text.is_empty()
        || text.eq_ignore_ascii_case("NULL")
        || text.bytes().any(|b| matches!(b, b'{' | b'}' | b',' | b'"' | b'\\') || b.is_ascii_whitespace() || b == 0x0b);
    if !needs_quotes {
        out.push_str(text);
        return;
    }
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

/// One element's text, from its binary form.
fn element_text(raw: &[u8], element: PgType, settings: &OutputSettings) -> Option<String> {
    let fixed = |n: usize| -> Option<&[u8]> { (raw.len() == n).then_some(raw) };
    let int = |n: usize| -> Option<i64> {
        Some(match fixed(n)? {
            [a, b] => i64::from(i16::from_be_bytes([*a, *b])),
            four @ [_, _, _, _] => i64::from(i32::from_be_bytes(four.try_into().ok()?)),
            eight => i64::from_be_bytes(eight.try_into().ok()?),
        })
    };
    let utf8 = |bytes: &[u8]| std::str::from_utf8(bytes).ok().map(str::to_string);
    Some(match element {
        PgType::Bool => (if fixed(1)?[0] != 0 { "t" } else { "f" }).to_string(),
        PgType::Int2 => int(2)?.to_string(),
        PgType::Int4 => int(4)?.to_string(),
        PgType::Int8 => int(8)?.to_string(),
        PgType::Oid => u32::from_be_bytes(fixed(4)?.try_into().ok()?).to_string(),
        PgType::Float4 => {
            let value = f32::from_be_bytes(fixed(4)?.try_into().ok()?);
            float_text(f64::from(value), settings.extra_float_digits, true)
        }
        PgType::Float8 => {
            float_text(f64::from_be_bytes(fixed(8)?.try_into().ok()?), settings.extra_float_digits, false)
        }
        PgType::Numeric(_) => connectors::pgbinary::numeric_to_text(raw)?,
        PgType::Text | PgType::Name | PgType::Varchar(_) | PgType::Char(_) | PgType::Json => utf8(raw)?,
        PgType::Jsonb => match raw.split_first()? {
            (1, text) => utf8(text)?,
            _ => return None,
        },
        PgType::Uuid => connectors::pgbinary::uuid_to_text(raw)?,
        PgType::Bytea => {
            let mut text = String::with_capacity(2 + raw.len() * 2);
            write_bytea_text(raw, &mut text).ok()?;
            text
        }
        PgType::Date => date_text(match i32::try_from(int(4)?).ok()? {
            days @ (i32::MAX | i32::MIN) => days,
            days => days.checked_add(PG_EPOCH_DAYS)?,
        }),
        PgType::Time => time_text(int(8)?),
        PgType::Timestamp => timestamp_text(from_pg_micros(int(8)?)?),
        PgType::Timestamptz => timestamptz_text(from_pg_micros(int(8)?)?, &settings.time_zone),
        PgType::Interval => {
            let b = fixed(16)?;
            let micros = i64::from_be_bytes(b[0..8].try_into().ok()?);
            let days = i32::from_be_bytes(b[8..12].try_into().ok()?);
            let months = i32::from_be_bytes(b[12..16].try_into().ok()?);
            interval_text(months, days, micros)
        }
        PgType::Array(_) => return None,
    })
}

/// Postgres' microseconds (from 2000-01-01) as Unix microseconds; infinities stay extreme.
fn from_pg_micros(micros: i64) -> Option<i64> {
    match micros {
        i64::MAX | i64::MIN => Some(micros),
        _ => micros.checked_add(PG_EPOCH_MICROS),
    }
}

/// A cursor over the array's bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }

    fn i32(&mut self) -> Option<i32> {
        Some(i32::from_be_bytes(self.take(4)?.try_into().ok()?))
    }

    /// The next element: `Some(None)` for NULL.
    fn element(&mut self) -> Option<Option<&'a [u8]>> {
        match self.i32()? {
            -1 => Some(None),
            length => Some(Some(self.take(usize::try_from(length).ok()?)?)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> OutputSettings {
        OutputSettings {
            extra_float_digits: 1,
            time_zone: "UTC".parse().unwrap(),
            query: connectors::QuerySettings::default(),
            statement_timeout_ms: 0,
        }
    }

    /// A binary array of `dims` (length, lower bound) with the given elements.
    fn binary(dims: &[(i32, i32)], oid: i32, elements: &[Option<&[u8]>]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&(dims.len() as i32).to_be_bytes());
        out.extend_from_slice(&i32::from(elements.iter().any(Option::is_none)).to_be_bytes());
        out.extend_from_slice(&oid.to_be_bytes());
        for (length, lower) in dims {
            out.extend_from_slice(&length.to_be_bytes());
            out.extend_from_slice(&lower.to_be_bytes());
        }
        for element in elements {
            match element {
                None => out.extend_from_slice(&(-1i32).to_be_bytes()),
                Some(bytes) => {
                    out.extend_from_slice(&(bytes.len() as i32).to_be_bytes());
                    out.extend_from_slice(bytes);
                }
            }
        }
        out
    }

    #[test]
    fn integers_nulls_and_bounds() {
        let one = 1i32.to_be_bytes();
        let two = 2i32.to_be_bytes();
        let flat = binary(&[(3, 1)], 23, &[Some(&one), None, Some(&two)]);
        assert_eq!(array_text(&flat, PgType::Int4, &settings()).as_deref(), Some("{1,NULL,2}"));
        let shifted = binary(&[(2, 0)], 23, &[Some(&one), Some(&two)]);
        assert_eq!(array_text(&shifted, PgType::Int4, &settings()).as_deref(), Some("[0:1]={1,2}"));
        let square = binary(&[(2, 1), (2, 1)], 23, &[Some(&one), Some(&two), Some(&two), Some(&one)]);
        assert_eq!(array_text(&square, PgType::Int4, &settings()).as_deref(), Some("{{1,2},{2,1}}"));
        assert_eq!(array_text(&binary(&[], 23, &[]), PgType::Int4, &settings()).as_deref(), Some("{}"));
    }

    #[test]
    fn text_is_quoted_like_array_out() {
        let elements: [&[u8]; 6] = [b"plain", b"a b", b"", b"null", b"q\"uote\\", b"{x,y}"];
        let array = binary(&[(6, 1)], 25, &elements.map(Some));
        assert_eq!(
            array_text(&array, PgType::Text, &settings()).as_deref(),
            Some(r#"{plain,"a b","","null","q\"uote\\","{x,y}"}"#)
        );
    }

    #[test]
    fn malformed_arrays_are_refused() {
        let one = 1i32.to_be_bytes();
        let mut array = binary(&[(1, 1)], 23, &[Some(&one)]);
        array.push(0);
        assert_eq!(array_text(&array, PgType::Int4, &settings()), None);
        let short = binary(&[(2, 1)], 23, &[Some(&one)]);
        assert_eq!(array_text(&short, PgType::Int4, &settings()), None);
        assert_eq!(array_text(&[0, 0], PgType::Int4, &settings()), None);
        let wrong_width = binary(&[(1, 1)], 23, &[Some(&[1, 2])]);
        assert_eq!(array_text(&wrong_width, PgType::Int4, &settings()), None);
    }
}
