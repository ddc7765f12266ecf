//! `pg_format(fmt, args…)`: Postgres' `format()` on the embedded engine, for `%s`, `%I`, `%L`
//! and `%%` with positions (`%2$s`) and widths (`%-10s`). The rewrite passes every argument
//! through `pg_text`, so this function only ever sees text and writes it as Postgres does: `%s`
//! writes NULL as nothing, `%I` quotes as `quote_ident` (NULL is an error), `%L` quotes as
//! `quote_literal` (NULL as `NULL`). `*` widths are refused by the rewrite; an invalid format is
//! an error, as in Postgres.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, StringBuilder};
use datafusion::arrow::datatypes::DataType;
use datafusion::common::{Result, exec_err};
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDFImpl, Signature, Volatility};

use crate::error::{ConnectorError, ErrorKind};

/// `format()` over text arguments (see the module header).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct PgFormat {
    signature: Signature,
}

impl PgFormat {
    pub fn new() -> Self {
        PgFormat { signature: Signature::variadic_any(Volatility::Immutable) }
    }
}

impl ScalarUDFImpl for PgFormat {
    fn name(&self) -> &str {
        "pg_format"
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        if arg_types.iter().all(|t| matches!(t, DataType::Utf8 | DataType::Null)) {
            Ok(DataType::Utf8)
        } else {
            exec_err!("pg_format takes text arguments, got {arg_types:?}")
        }
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let rows = args.number_rows;
        let arrays: Vec<ArrayRef> = args.args.iter().map(|a| a.to_array(rows)).collect::<Result<_>>()?;
        let Some((format, values)) = arrays.split_first() else { return exec_err!("format needs a format string") };
        let text = |array: &ArrayRef, row: usize| -> Option<String> {
            match array.data_type() {
                DataType::Utf8 if array.is_valid(row) => Some(array.as_string::<i32>().value(row).to_string()),
                _ => None,
            }
        };
        let mut out = StringBuilder::with_capacity(rows, rows * 16);
        for row in 0..rows {
            match text(format, row) {
                None => out.append_null(),
                Some(format) => {
                    let row_values: Vec<Option<String>> = values.iter().map(|a| text(a, row)).collect();
                    let written = format_text(&format, &row_values).map_err(|message| {
                        datafusion::error::DataFusionError::External(Box::new(ConnectorError::new(
                            ErrorKind::InvalidParameterValue,
                            message,
                        )))
                    })?;
                    out.append_value(written);
                }
            }
        }
        Ok(ColumnarValue::Array(Arc::new(out.finish())))
    }
}

/// Writes `format` with `values` as Postgres' `format()` does (`%s`, `%I`, `%L`, `%%`).
pub(crate) fn format_text(format: &str, values: &[Option<String>]) -> Result<String, String> {
    let mut out = String::with_capacity(format.len());
    let mut chars = format.chars().peekable();
    let mut next = 0usize;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.next_if_eq(&'%').is_some() {
            out.push('%');
            continue;
        }
        // `%[n$][-][width]type`
        let mut number = String::new();
        while let Some(d) = chars.next_if(char::is_ascii_digit) {
            number.push(d);
        }
        let mut position = None;
        if !number.is_empty() && chars.next_if_eq(&'$').is_some() {
            let n: usize = number.parse().map_err(|_| "argument number is out of range".to_string())?;
            if n == 0 {
                return Err("format specifies argument 0, but arguments are numbered from 1".into());
            }
            position = Some(n - 1);
            number.clear();
        }
        let left = number.is_empty() && chars.next_if_eq(&'-').is_some();
        if number.is_empty() {
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                number.push(d);
            }
        }
        let width: usize = if number.is_empty() { 0 } else { number.parse().map_err(|_| "width is out of range")? };
        let kind = chars.next().ok_or("unterminated format() type specifier")?;
        let index = position.unwrap_or(next);
        next = index + 1;
        let value = values.get(index).ok_or("too few arguments for format()")?;
        let written = match kind {
            's' => value.clone().unwrap_or_default(),
            'I' => match value {
                None => return Err("null values cannot be formatted as an SQL identifier".into()),
                Some(v) => super::keywords::quote_ident(v),
            },
            'L' => match value {
                None => "NULL".to_string(),
                Some(v) => quote_literal(v),
            },
            other => return Err(format!("unrecognized format() type specifier \"{other}\"")),
        };
        let pad = width.saturating_sub(written.chars().count());
        if left {
            out.push_str(&written);
            out.extend(std::iter::repeat_n(' ', pad));
        } else {
            out.extend(std::iter::repeat_n(' ', pad));
            out.push_str(&written);
        }
    }
    Ok(out)
}

/// Postgres' `quote_literal`: single quotes doubled; with a backslash, an `E'…'` string with
/// backslashes doubled.
fn quote_literal(value: &str) -> String {
    let escaped = value.replace('\'', "''");
    if value.contains('\\') { format!("E'{}'", escaped.replace('\\', "\\\\")) } else { format!("'{escaped}'") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(format: &str, values: &[Option<&str>]) -> Result<String, String> {
        let values: Vec<Option<String>> = values.iter().map(|v| v.map(String::from)).collect();
        format_text(format, &values)
    }

    #[test]
    fn formats_as_postgres() {
        // Each expectation is Postgres 15's answer.
        assert_eq!(f("Hello %s, you are %s", &[Some("Ann"), Some("42")]).unwrap(), "Hello Ann, you are 42");
        assert_eq!(f("%s-%s", &[None, Some("x")]).unwrap(), "-x");
        assert_eq!(f("%1$s %1$s", &[Some("ab")]).unwrap(), "ab ab");
        assert_eq!(f("%5s|%-5s|", &[Some("r"), Some("l")]).unwrap(), "    r|l    |");
        assert_eq!(f("100%%", &[]).unwrap(), "100%");
        assert_eq!(f("%L %L %L", &[Some("it's"), None, Some("a\\b")]).unwrap(), "'it''s' NULL E'a\\\\b'");
        assert_eq!(f("%2$s %s", &[Some("a"), Some("b"), Some("c")]).unwrap(), "b c");
        assert_eq!(f("%I.%I", &[Some("my col"), Some("plain")]).unwrap(), "\"my col\".plain");
        assert!(f("%I", &[None]).is_err());
        assert!(f("%s %s", &[Some("a")]).is_err());
        assert!(f("%x", &[Some("a")]).is_err());
        assert!(f("%", &[]).is_err());
    }
}
