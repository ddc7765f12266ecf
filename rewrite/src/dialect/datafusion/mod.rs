//! Postgres → the embedded DataFusion engine. Only what the conformance suite shows DataFusion
//! computes exactly as Postgres does (same values, same result types) is listed; everything else
//! is refused. `pg_*` functions are packwire's own UDFs with Postgres semantics.

use sqlparser::ast::{
    BinaryOperator, DataType, DateTimeField, ExactNumberInfo, Expr, Function, FunctionArg, FunctionArgExpr,
    FunctionArguments, Ident, ObjectName, TableFactor, Value,
};

use super::{
    Construct, Dialect, FunctionRule, Support, cast, derived_table, distinct_names, function_call, function_columns,
    string_constant, unnamed_arguments,
};

mod arrays;
mod interval;
mod jsonb;

use arrays::{
    array_cast, array_constructor, array_length, array_position, array_positions, array_subquery, cardinality,
    subscript, unnest_from,
};
use jsonb::{
    json_access, json_containment, json_delete, jsonb_aggregate, jsonb_cast, jsonb_rows_from, jsonb_set, string_concat,
};

use FunctionRule::{Rename, Rewrite, Same};

/// Integer literals are `integer` in Postgres when they fit, `bigint` when they fit that, else
/// `numeric`; DataFusion makes every one a BIGINT.
fn integer_literal(expr: &mut Expr) -> Result<(), String> {
    let Expr::Value(value) = expr else { return Ok(()) };
    let Value::Number(text, _) = &value.value else { return Ok(()) };
    if text.parse::<i32>().is_ok() {
        *expr = cast(expr.clone(), DataType::Int(None));
    } else if text.parse::<i64>().is_err() {
        let digits = text.trim_start_matches('-').len() as u64;
        if digits > 38 {
            return Err(format!("the integer literal {text} (more than 38 digits)"));
        }
        let text = text.clone();
        *expr = cast(
            Expr::Value(Value::SingleQuotedString(text).into()),
            DataType::Decimal(ExactNumberInfo::PrecisionAndScale(digits.max(1), 0i64)),
        );
    }
    Ok(())
}

/// Literals with a point or exponent are exact `numeric` in Postgres; DataFusion reads them as
/// DOUBLE. They become decimals of exactly their written scale.
fn decimal_literal(expr: &mut Expr) -> Result<(), String> {
    let Expr::Value(value) = expr else { return Ok(()) };
    let Value::Number(text, _) = &value.value else { return Ok(()) };
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().map_err(|_| format!("the literal {text}"))?),
        None => (text.as_str(), 0),
    };
    // Beyond this no literal fits 38 digits, and the arithmetic below stays far from overflow.
    if exponent.unsigned_abs() > 1000 {
        return Err(format!("the literal {text} (more than 38 digits)"));
    }
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = format!("{}{fraction}", whole.trim_start_matches(['-', '+']));
    // value = digits × 10^(exponent − len(fraction)); Postgres keeps scale max(len − exponent, 0).
    let scale = (fraction.len() as i64 - exponent).max(0);
    let shift = exponent - fraction.len() as i64;
    let digits = digits.trim_start_matches('0');
    let integer_digits = if shift >= 0 { digits.len() as i64 + shift } else { (digits.len() as i64 + shift).max(0) };
    let precision = (integer_digits + scale).max(1);
    if precision > 38 {
        return Err(format!("the literal {text} (more than 38 digits)"));
    }
    // DataFusion reads decimals without an exponent only: `1.5e-2` is written `0.015`.
    let text =
        if text.contains(['e', 'E']) { plain_decimal(digits, shift, text.starts_with('-')) } else { text.clone() };
    *expr = cast(
        Expr::Value(Value::SingleQuotedString(text).into()),
        DataType::Decimal(ExactNumberInfo::PrecisionAndScale(precision as u64, scale)),
    );
    Ok(())
}

/// `digits × 10^shift` written without an exponent (`15`, -3 → `0.015`; `1`, 3 → `1000`).
fn plain_decimal(digits: &str, shift: i64, negative: bool) -> String {
    let digits = if digits.is_empty() { "0" } else { digits };
    let sign = if negative { "-" } else { "" };
    if shift >= 0 {
        return format!("{sign}{digits}{}", "0".repeat(shift as usize));
    }
    let places = (-shift) as usize;
    let padded = format!("{digits:0>width$}", width = places + 1);
    let (whole, fraction) = padded.split_at(padded.len() - places);
    format!("{sign}{whole}.{fraction}")
}

/// `a / b` → `pg_div_decimal(a, b)`: DataFusion divides decimals at its own fixed scale.
fn division(expr: &mut Expr) -> Result<(), String> {
    if let Expr::BinaryOp { left, op: sqlparser::ast::BinaryOperator::Divide, right } = expr {
        let call = function_call("pg_div_decimal", vec![*left.clone(), *right.clone()]);
        *expr = call;
    }
    Ok(())
}

/// `EXTRACT(field FROM x)` is `numeric` in Postgres. Fields whose value is a whole number become
/// `CAST(date_part('field', x) AS DECIMAL(20,0))`; seconds, milliseconds, microseconds and epoch
/// (exact, at Postgres' scale per field) and the fields DataFusion lacks (decade, century,
/// millennium) are `pg_extract`; other fields are refused.
fn extract(expr: &mut Expr) -> Result<(), String> {
    let Expr::Extract { field, expr: inner, .. } = expr else { return Ok(()) };
    let computed_here = match field {
        DateTimeField::Second | DateTimeField::Seconds => Some("second"),
        DateTimeField::Milliseconds | DateTimeField::Millisecond => Some("milliseconds"),
        DateTimeField::Microseconds | DateTimeField::Microsecond => Some("microseconds"),
        DateTimeField::Epoch => Some("epoch"),
        DateTimeField::Decade => Some("decade"),
        DateTimeField::Century => Some("century"),
        DateTimeField::Millennium => Some("millennium"),
        DateTimeField::Timezone => Some("timezone"),
        DateTimeField::TimezoneHour => Some("timezone_hour"),
        DateTimeField::TimezoneMinute => Some("timezone_minute"),
        _ => None,
    };
    if let Some(name) = computed_here {
        let name = Expr::Value(Value::SingleQuotedString(name.into()).into());
        *expr = function_call("pg_extract", vec![name, *inner.clone()]);
        return Ok(());
    }
    let name = whole_number_field(field).ok_or_else(|| format!("EXTRACT({field} FROM …)"))?;
    let call =
        function_call("date_part", vec![Expr::Value(Value::SingleQuotedString(name.into()).into()), *inner.clone()]);
    *expr = cast(call, DataType::Decimal(ExactNumberInfo::PrecisionAndScale(20, 0)));
    Ok(())
}

fn whole_number_field(field: &DateTimeField) -> Option<&'static str> {
    Some(match field {
        DateTimeField::Year | DateTimeField::Years => "year",
        DateTimeField::Quarter => "quarter",
        DateTimeField::Month | DateTimeField::Months => "month",
        DateTimeField::Week(None) => "week",
        DateTimeField::Day | DateTimeField::Days => "day",
        DateTimeField::DayOfWeek | DateTimeField::Dow => "dow",
        DateTimeField::DayOfYear | DateTimeField::Doy => "doy",
        DateTimeField::Isodow => "isodow",
        DateTimeField::Isoyear => "isoyear",
        DateTimeField::Hour | DateTimeField::Hours => "hour",
        DateTimeField::Minute | DateTimeField::Minutes => "minute",
        _ => return None,
    })
}

/// `avg` → `pg_avg_decimal` (Postgres' exact average). `avg(DISTINCT x)`, which that does not
/// deduplicate, is the quotient of the distinct sum and count:
/// `pg_div_decimal(pg_numeric(pg_sum(DISTINCT x)), NULLIF(count(DISTINCT x), 0))` — Postgres'
/// average of exact numbers is that numeric division (the same scale rules); a float argument
/// is refused by `pg_numeric`.
fn avg(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    if let FunctionArguments::List(list) = &function.args
        && matches!(list.duplicate_treatment, Some(sqlparser::ast::DuplicateTreatment::Distinct))
    {
        if function.over.is_some() || function.filter.is_some() || !function.within_group.is_empty() {
            return Err("avg(DISTINCT …) with FILTER or OVER".into());
        }
        let [FunctionArg::Unnamed(FunctionArgExpr::Expr(value))] = list.args.as_slice() else {
            return Err("avg(DISTINCT …) of other than one value".into());
        };
        let distinct = |name: &str| {
            let mut call = function_call(name, vec![value.clone()]);
            if let Expr::Function(Function { args: FunctionArguments::List(list), .. }) = &mut call {
                list.duplicate_treatment = Some(sqlparser::ast::DuplicateTreatment::Distinct);
            }
            call
        };
        let count =
            function_call("NULLIF", vec![distinct("count"), Expr::Value(Value::Number("0".into(), false).into())]);
        let sum = function_call("pg_numeric", vec![distinct("pg_sum")]);
        *expr = function_call("pg_div_decimal", vec![sum, count]);
        return Ok(());
    }
    function.name = ObjectName::from(vec![Ident::new("pg_avg_decimal")]);
    Ok(())
}

/// `concat`/`concat_ws` write each argument with its type's output function (`t` for true,
/// `1.50` for a numeric): arguments other than string literals go through `pg_output`.
fn text_arguments(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let FunctionArguments::List(list) = &mut function.args else { return Ok(()) };
    for arg in list.args.iter_mut() {
        let FunctionArg::Unnamed(FunctionArgExpr::Expr(arg)) = arg else {
            return Err(format!("{}() with named arguments", function.name));
        };
        if !matches!(arg, Expr::Value(v) if matches!(v.value, Value::SingleQuotedString(_))) {
            *arg = function_call("pg_output", vec![arg.clone()]);
        }
    }
    Ok(())
}

/// The text of a call's first argument when it is a string constant (`date_part('year', …)`).
fn first_string_constant(function: &Function) -> Option<&str> {
    let FunctionArguments::List(list) = &function.args else { return None };
    match list.args.first() {
        Some(FunctionArg::Unnamed(FunctionArgExpr::Expr(Expr::Value(v)))) => match &v.value {
            Value::SingleQuotedString(text) => Some(text),
            _ => None,
        },
        _ => None,
    }
}

/// `format(fmt, …)` → `pg_format(fmt, pg_output(…)…)` for a constant format using `%s`, `%I`,
/// `%L` and `%%` (with positions and widths); `*` widths are refused.
fn format(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let format =
        first_string_constant(function).ok_or("format() with a format that is not a string constant")?.to_string();
    let mut specs = format.split('%').skip(1);
    while let Some(spec) = specs.next() {
        if spec.is_empty() {
            // `%%`: the next piece is plain text.
            specs.next();
            continue;
        }
        let kind = spec.trim_start_matches(|c: char| c.is_ascii_digit() || c == '$' || c == '-');
        if kind.starts_with('*') {
            return Err("format() with a * width".into());
        }
    }
    text_arguments(expr)?;
    if let Expr::Function(function) = expr {
        function.name = ObjectName::from(vec![Ident::new("pg_format")]);
    }
    Ok(())
}

/// `x AT TIME ZONE 'Area/City'` (or `'UTC'`) → `pg_at_time_zone(x, 'Area/City')`; an interval
/// constant (`INTERVAL '+05:30'`, east of Greenwich) and a POSIX offset (`'+05'`, `'UTC+3'`,
/// west of Greenwich as POSIX counts) become the fixed offset `±HH:MM` east. Other zone text
/// (abbreviations Postgres reads from its own table) is refused.
fn at_time_zone(expr: &mut Expr) -> Result<(), String> {
    let Expr::AtTimeZone { timestamp, time_zone } = expr else { return Ok(()) };
    *expr = zone_conversion(timestamp, time_zone)?;
    Ok(())
}

/// `timezone('Area/City', x)` is `x AT TIME ZONE 'Area/City'`.
fn timezone(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let args = unnamed_arguments(function)?;
    let [zone, timestamp] = args.as_slice() else { return Err("timezone() without two arguments".into()) };
    *expr = zone_conversion(timestamp, zone)?;
    Ok(())
}

fn zone_conversion(timestamp: &Expr, time_zone: &Expr) -> Result<Expr, String> {
    let zone = match time_zone {
        Expr::Interval(interval) => {
            let offset = string_constant(&interval.value).and_then(|text| interval::parse(text)?.utc_offset());
            offset.ok_or("AT TIME ZONE an interval other than a constant offset in hours and minutes")?
        }
        _ => {
            let zone = string_constant(time_zone).ok_or("AT TIME ZONE with a zone that is not a string constant")?;
            match posix_offset(zone) {
                Some(offset) => offset,
                None if is_zone_name(zone) => zone.to_string(),
                None => {
                    return Err(format!(
                        "AT TIME ZONE '{zone}' (only zone names such as 'Europe/Berlin', 'UTC' or offsets)"
                    ));
                }
            }
        }
    };
    let zone = Expr::Value(Value::SingleQuotedString(zone).into());
    Ok(function_call("pg_at_time_zone", vec![timestamp.clone(), zone]))
}

/// A POSIX zone of a fixed offset — `±H[H][:MM]`, optionally after `UTC` or `GMT` — as the
/// `±HH:MM` east of Greenwich it means (POSIX counts hours west: `'+05'` is five hours behind).
fn posix_offset(zone: &str) -> Option<String> {
    let upper = zone.to_ascii_uppercase();
    let rest = upper.strip_prefix("UTC").or_else(|| upper.strip_prefix("GMT")).unwrap_or(&upper);
    let (west, rest) = match rest.as_bytes().first()? {
        b'+' => (true, &rest[1..]),
        b'-' => (false, &rest[1..]),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "00"));
    let hours_ok = (digits(hours, 1) || digits(hours, 2)) && hours.parse::<u8>().ok()? < 24;
    let minutes_ok = digits(minutes, 2) && minutes.parse::<u8>().ok()? < 60;
    (hours_ok && minutes_ok).then(|| format!("{}{hours:0>2}:{minutes}", if west { '-' } else { '+' }))
}

/// A zone name `pg_at_time_zone` reads as Postgres does: `Area/City`, `UTC`, `GMT`.
fn is_zone_name(zone: &str) -> bool {
    zone.eq_ignore_ascii_case("utc")
        || zone.eq_ignore_ascii_case("gmt")
        || (zone.contains('/') && zone.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// A `timestamptz` literal written with a zone name (`'2024-06-01 00:00 America/New_York'`): the
/// wall-clock time in that zone, i.e. `TIMESTAMP '2024-06-01 00:00' AT TIME ZONE
/// 'America/New_York'`. `None` for other types and other text.
fn zone_named_literal(data_type: &DataType, text: &str) -> Result<Option<Expr>, String> {
    let Some((local, zone)) = text.trim_end().rsplit_once(' ') else { return Ok(None) };
    if !is_timestamptz(data_type) || !is_zone_name(zone) {
        return Ok(None);
    }
    let naive = DataType::Timestamp(None, sqlparser::ast::TimezoneInfo::None);
    let local = datetime_text(&naive, local.trim_end())?.unwrap_or_default();
    let timestamp = Expr::TypedString(sqlparser::ast::TypedString {
        data_type: naive,
        value: Value::SingleQuotedString(local).into(),
        uses_odbc_syntax: false,
    });
    zone_conversion(&timestamp, &Expr::Value(Value::SingleQuotedString(zone.into()).into())).map(Some)
}

/// `localtimestamp` is the session's wall clock now: `CAST(now() AS TIMESTAMP)` (outside UTC
/// the conversion is refused on the plan).
fn localtimestamp(expr: &mut Expr) -> Result<(), String> {
    *expr = cast(function_call("now", Vec::new()), DataType::Timestamp(None, sqlparser::ast::TimezoneInfo::None));
    Ok(())
}

/// `to_timestamp(seconds)`: the `timestamptz` that many seconds after 1970-01-01 00:00 UTC,
/// rounded to microseconds half to even as Postgres' `rint` (`pg_round` of a float):
/// `arrow_cast(CAST(pg_round(CAST(s AS DOUBLE) * 1000000) AS BIGINT), 'Timestamp(µs, "UTC")')`.
/// `to_timestamp(text, format)` is `pg_to_timestamp`.
fn to_timestamp(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let FunctionArguments::List(list) = &function.args else { return Err("to_timestamp without arguments".into()) };
    let [FunctionArg::Unnamed(FunctionArgExpr::Expr(seconds))] = list.args.as_slice() else {
        function.name = ObjectName::from(vec![Ident::new("pg_to_timestamp")]);
        return Ok(());
    };
    let micros = Expr::BinaryOp {
        left: Box::new(cast(seconds.clone(), DataType::DoublePrecision)),
        op: BinaryOperator::Multiply,
        right: Box::new(Expr::Value(Value::Number("1000000".into(), false).into())),
    };
    let micros = cast(function_call("pg_round", vec![micros]), DataType::BigInt(None));
    *expr = to_timestamptz(micros);
    Ok(())
}

/// `make_interval(…)` with its arguments made positional (the missing ones 0), as
/// `pg_make_interval` takes them: years, months, weeks, days, hours, mins, secs.
fn make_interval(expr: &mut Expr) -> Result<(), String> {
    const NAMES: [&str; 7] = ["years", "months", "weeks", "days", "hours", "mins", "secs"];
    let Expr::Function(function) = expr else { return Ok(()) };
    let mut values: Vec<Option<Expr>> = vec![None; NAMES.len()];
    if let FunctionArguments::List(list) = &function.args {
        for (position, arg) in list.args.iter().enumerate() {
            let (slot, value) = match arg {
                FunctionArg::Unnamed(FunctionArgExpr::Expr(value)) => (position, value),
                FunctionArg::Named { name, arg: FunctionArgExpr::Expr(value), .. } => {
                    let name = crate::names::normalize(name);
                    let slot = NAMES.iter().position(|n| *n == name);
                    (slot.ok_or_else(|| format!("make_interval with the argument {name}"))?, value)
                }
                _ => return Err("make_interval with this kind of argument".into()),
            };
            let target = values.get_mut(slot).ok_or("make_interval with more than seven arguments")?;
            if target.replace(value.clone()).is_some() {
                return Err("make_interval with an argument given twice".into());
            }
        }
    }
    let zero = || Expr::Value(Value::Number("0".into(), false).into());
    *expr = function_call("pg_make_interval", values.into_iter().map(|v| v.unwrap_or_else(zero)).collect());
    Ok(())
}

/// `ntile(n)` is `integer` in Postgres, an unsigned 64-bit count in DataFusion.
fn ntile(expr: &mut Expr) -> Result<(), String> {
    *expr = cast(expr.clone(), DataType::Int(None));
    Ok(())
}

/// `mod(a, b)` is `a % b` (DataFusion has no `mod`; its `%` keeps the dividend's sign and the
/// operands' types, as Postgres' `mod` does).
fn modulo(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let FunctionArguments::List(list) = &function.args else { return Err("mod without arguments".into()) };
    let [FunctionArg::Unnamed(FunctionArgExpr::Expr(a)), FunctionArg::Unnamed(FunctionArgExpr::Expr(b))] =
        list.args.as_slice()
    else {
        return Err("mod with other than two arguments".into());
    };
    *expr = Expr::Nested(Box::new(Expr::BinaryOp {
        left: Box::new(a.clone()),
        op: BinaryOperator::Modulo,
        right: Box::new(b.clone()),
    }));
    Ok(())
}

/// `regr_count` is a `bigint` in Postgres, unsigned in DataFusion.
fn regr_count(expr: &mut Expr) -> Result<(), String> {
    *expr = cast(expr.clone(), DataType::BigInt(None));
    Ok(())
}

/// `round(x[, n])` → `pg_round(x[, n])` (Postgres' types and rounding); `n` must be a constant,
/// passed as a plain number because the result's scale depends on it.
fn round(expr: &mut Expr) -> Result<(), String> {
    places_function(expr, "round", "pg_round")
}

/// `trunc(x[, n])` → `pg_trunc(x[, n])`, as `round`.
fn trunc(expr: &mut Expr) -> Result<(), String> {
    places_function(expr, "trunc", "pg_trunc")
}

fn places_function(expr: &mut Expr, name: &str, to: &str) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let FunctionArguments::List(list) = &mut function.args else { return Err(format!("{name} without arguments")) };
    if list.args.len() > 2 {
        return Err(format!("{name} with more than two arguments"));
    }
    if let Some(places) = list.args.get_mut(1) {
        let FunctionArg::Unnamed(FunctionArgExpr::Expr(places)) = places else {
            return Err(format!("{name} with a named argument"));
        };
        super::plain_number(places);
        if !matches!(places, Expr::Value(v) if matches!(v.value, Value::Number(..))) {
            return Err(format!("{name}(x, n) with a computed n"));
        }
    }
    function.name = ObjectName::from(vec![Ident::new(to)]);
    Ok(())
}

/// `generate_series(a, b[, step])` over number constants → a subquery over DataFusion's own
/// `generate_series` (the same inclusive rows) whose column has Postgres' type (`integer` when
/// every argument fits, else `bigint`; `numeric` of the start's scale, counted in units of that
/// scale) and name (the column alias, else the table alias, else `generate_series`), and
/// timestamp, date and `timestamptz` series (`timestamp_series`). Other series (arguments from
/// other FROM items, computed bounds) are refused.
fn generate_series(factor: &mut TableFactor) -> Result<(), String> {
    let TableFactor::Table { args: Some(args), alias, with_ordinality, .. } = factor else { return Ok(()) };
    let ordinality = *with_ordinality;
    let (relation, columns) = function_columns(alias, "generate_series", 1, ordinality)?;
    let column = &columns[0];
    if let Some((arguments, zoned)) = timestamp_series(&args.args) {
        if ordinality {
            return Err("generate_series of timestamps WITH ORDINALITY".into());
        }
        let value = Expr::Identifier(Ident::new("value"));
        let value = if zoned { to_timestamptz(value) } else { cast_naive(value) };
        let sql = format!("SELECT {value} AS {column} FROM generate_series({arguments})");
        *factor = derived_table(&sql, relation, "generate_series")?;
        return Ok(());
    }
    let series = NumberSeries::of(args.args.iter_mut())?;
    let value = series.value("value");
    // The counter of a row is how many steps it lies from the start, plus one.
    let counter = match (ordinality, series.scaled.as_slice()) {
        (false, _) => String::new(),
        (true, [start, _]) => format!(", value - ({start}) + 1 AS {}", columns[1]),
        (true, [start, _, step]) => format!(", (value - ({start})) / ({step}) + 1 AS {}", columns[1]),
        (true, _) => return Err("generate_series with other than two or three arguments".into()),
    };
    let sql = format!("SELECT {value} AS {column}{counter} FROM generate_series({})", series.arguments());
    *factor = derived_table(&sql, relation, "generate_series")?;
    Ok(())
}

/// `generate_series(a, b[, step])` of number constants in the select list → `unnest` of
/// DataFusion's list-valued `generate_series` of the same arguments, typed as in FROM
/// ([`NumberSeries`]): the engine unnests a select list's lists side by side, as Postgres runs
/// its set-returning functions. Other series there are refused.
fn generate_series_in_select_list(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let FunctionArguments::List(list) = &mut function.args else {
        return Err("generate_series() without arguments".into());
    };
    if !list.clauses.is_empty() {
        return Err("generate_series() with clauses".into());
    }
    let series = NumberSeries::of(list.args.iter_mut())?;
    let unnested = format!("unnest(generate_series({}))", series.arguments());
    *expr = sqlparser::parser::Parser::new(&sqlparser::dialect::PostgreSqlDialect {})
        .try_with_sql(&series.value(&unnested))
        .and_then(|mut parser| parser.parse_expr())
        .map_err(|e| format!("generate_series ({e})"))?;
    Ok(())
}

/// A series of number constants as DataFusion's integer `generate_series` counts it: each
/// argument in units of the start's scale, and the type of its values.
struct NumberSeries {
    /// Start, stop and step in units of 10^-scale.
    scaled: Vec<i64>,
    scale: u32,
    /// Every argument fits an `integer` (the series is `integer`, else `bigint`).
    int4: bool,
}

impl NumberSeries {
    fn of<'a>(args: impl Iterator<Item = &'a mut FunctionArg>) -> Result<NumberSeries, String> {
        // Each argument as an integer count of 10^-scale, with its scale.
        let mut bounds: Vec<(i128, u32)> = Vec::new();
        for arg in args {
            let FunctionArg::Unnamed(FunctionArgExpr::Expr(expr)) = arg else {
                return Err("generate_series with named arguments".into());
            };
            super::plain_number(expr);
            let refuse = "generate_series over anything but number constants or timestamp literals";
            bounds.push(series_number(expr).ok_or(refuse)?);
        }
        // DataFusion also has a one-argument series (from 0), which Postgres has not.
        if !(2..=3).contains(&bounds.len()) {
            return Err("generate_series with other than two or three arguments".into());
        }
        // A numeric series shows its start's scale on every row (`start + n × step`) only when
        // the step has no more decimals than the start; otherwise rows differ in scale, as the
        // engine's columns cannot.
        let scale = bounds.first().map_or(0, |(_, scale)| *scale);
        if bounds.iter().any(|(_, s)| *s > scale) {
            return Err("generate_series whose step or stop has more decimals than its start".into());
        }
        let factor_of = |s: u32| 10i128.checked_pow(scale - s);
        let mut scaled = Vec::with_capacity(bounds.len());
        for (value, s) in &bounds {
            let value = factor_of(*s).and_then(|f| value.checked_mul(f)).and_then(|v| i64::try_from(v).ok());
            scaled.push(value.ok_or("generate_series over numbers beyond 64 bits")?);
        }
        let int4 = bounds.iter().all(|(value, _)| i32::try_from(*value).is_ok());
        Ok(NumberSeries { scaled, scale, int4 })
    }

    /// The arguments of DataFusion's `generate_series`.
    fn arguments(&self) -> String {
        self.scaled.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
    }

    /// A series value `counted` (in units) as Postgres types it: `numeric` of the start's scale,
    /// else `integer` or `bigint`.
    fn value(&self, counted: &str) -> String {
        let scale = self.scale;
        if scale > 0 {
            let unit = format!("0.{:0>width$}", 1, width = scale as usize);
            format!("CAST({counted} AS DECIMAL(38, 0)) * CAST('{unit}' AS DECIMAL({}, {scale}))", scale + 1)
        } else {
            format!("CAST({counted} AS {})", if self.int4 { "INT" } else { "BIGINT" })
        }
    }
}

/// A number constant of a series: an integer, or a decimal as `decimal_literal` wrote it
/// (`CAST('0.5' AS DECIMAL(1,1))`), as its digits and its scale.
fn series_number(expr: &Expr) -> Option<(i128, u32)> {
    match expr {
        Expr::Value(v) => match &v.value {
            Value::Number(text, _) => Some((i128::from(text.parse::<i64>().ok()?), 0)),
            _ => None,
        },
        Expr::Cast {
            expr: inner, data_type: DataType::Decimal(ExactNumberInfo::PrecisionAndScale(_, scale)), ..
        } => {
            let Expr::Value(v) = inner.as_ref() else { return None };
            let Value::SingleQuotedString(text) = &v.value else { return None };
            let scale = u32::try_from(*scale).ok()?;
            let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
            if fraction.len() > scale as usize {
                return None;
            }
            let digits = format!("{whole}{fraction:0<width$}", width = scale as usize);
            Some((digits.parse().ok()?, scale))
        }
        _ => None,
    }
}

/// The arguments of `generate_series(start, stop, INTERVAL 'step')` over timestamp, date or
/// `timestamptz` literals (already normalized), as naive timestamps of the UTC wall clock, and
/// whether the series is of `timestamptz` (a date is one at its midnight, as Postgres casts it):
/// DataFusion's own series steps the same way as Postgres' (each row is the previous one plus
/// the step: months first, clamped to the month's end, then days, then time). A `timestamptz`
/// series steps on the session's wall clock in Postgres: it is made a `timestamptz` the way
/// literals are, which the plan check refuses in sessions outside UTC.
fn timestamp_series(args: &[FunctionArg]) -> Option<(String, bool)> {
    use sqlparser::ast::TimezoneInfo;
    let exprs: Vec<&Expr> = args
        .iter()
        .map(|arg| match arg {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(expr)) => Some(expr),
            _ => None,
        })
        .collect::<Option<_>>()?;
    // A bound as a naive timestamp, and its type: 0 timestamp, 1 date, 2 timestamptz.
    let bound = |expr: &Expr| -> Option<(Expr, u8)> {
        match expr {
            Expr::TypedString(typed) => match &typed.data_type {
                DataType::Timestamp(None, TimezoneInfo::None | TimezoneInfo::WithoutTimeZone) => {
                    Some((expr.clone(), 0))
                }
                DataType::Date => {
                    let Value::SingleQuotedString(date) = &typed.value.value else { return None };
                    let midnight = Value::SingleQuotedString(format!("{date} 00:00:00"));
                    let timestamp = DataType::Timestamp(None, TimezoneInfo::None);
                    Some((
                        Expr::TypedString(sqlparser::ast::TypedString {
                            data_type: timestamp,
                            value: midnight.into(),
                            uses_odbc_syntax: false,
                        }),
                        1,
                    ))
                }
                _ => None,
            },
            // `TIMESTAMPTZ '…'`, as `typed_literal` wrote it.
            // DataFusion's series takes nanosecond timestamps, as its `TIMESTAMP '…'` literals are.
            Expr::Function(function) if function.name.to_string() == "arrow_cast" => {
                Some((arrow_cast(expr.clone(), "Timestamp(Nanosecond, None)"), 2))
            }
            _ => None,
        }
    };
    match exprs.as_slice() {
        [start, stop, step @ Expr::Interval(_)] => {
            let ((start, start_type), (stop, stop_type)) = (bound(start)?, bound(stop)?);
            // Postgres picks the series by its arguments' types: timestamps (a date is cast to
            // one) or timestamptz (dates alone, too); a timestamp with a timestamptz is refused.
            if start_type.min(stop_type) == 0 && start_type.max(stop_type) == 2 {
                return None;
            }
            Some((format!("{start}, {stop}, {step}"), start_type.min(stop_type) > 0))
        }
        _ => None,
    }
}

/// Refuses the arguments of a function in FROM that read columns: the engine evaluates such a
/// function in a subquery of its own, where the FROM items before it (Postgres lets a function
/// see them, as if `LATERAL`) are not visible.
fn uncorrelated<'a>(arguments: impl IntoIterator<Item = &'a Expr>, function: &str) -> Result<(), String> {
    let reads_columns = |expr: &Expr| {
        sqlparser::ast::visit_expressions(expr, |e| match e {
            Expr::Identifier(_) | Expr::CompoundIdentifier(_) => std::ops::ControlFlow::Break(()),
            _ => std::ops::ControlFlow::Continue(()),
        })
        .is_break()
    };
    match arguments.into_iter().any(reads_columns) {
        true => Err(format!("{function}() in FROM over columns of the FROM items before it (LATERAL)")),
        false => Ok(()),
    }
}

/// `function(value, n)`: a cast to a character type of length `n` (`unset` when none is written).
fn character_cast(
    function: &str,
    value: &Expr,
    length: Option<sqlparser::ast::CharacterLength>,
    unset: u64,
    data_type: &DataType,
) -> Result<Expr, String> {
    let length = match length {
        None => unset,
        Some(sqlparser::ast::CharacterLength::IntegerLength { length, .. }) => length,
        Some(sqlparser::ast::CharacterLength::Max) => return Err(format!("casting to {data_type}")),
    };
    let length = Expr::Value(Value::Number(length.to_string(), false).into());
    Ok(function_call(function, vec![value.clone(), length]))
}

/// `date_part('field', x)` is `double precision` in Postgres, an integer in DataFusion; the
/// fractional fields (seconds, epoch, …) are `pg_extract`'s exact value as a double.
fn date_part(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let field = first_string_constant(function).unwrap_or_default().to_lowercase();
    // Fields with a fraction: the exact `EXTRACT` value, as a double like Postgres' `date_part`.
    if ["second", "milliseconds", "microseconds", "epoch"].contains(&field.as_str()) {
        let args = unnamed_arguments(function)?;
        let [_, value] = args.as_slice() else { return Err("date_part() without two arguments".into()) };
        let name = Expr::Value(Value::SingleQuotedString(field).into());
        *expr = cast(function_call("pg_extract", vec![name, value.clone()]), DataType::DoublePrecision);
        return Ok(());
    }
    if !["year", "quarter", "month", "week", "day", "dow", "doy", "isodow", "isoyear", "hour", "minute"]
        .contains(&field.as_str())
    {
        return Err(format!("date_part('{field}', …)"));
    }
    *expr = cast(expr.clone(), DataType::DoublePrecision);
    Ok(())
}

/// A literal, possibly signed, possibly already given its Postgres type by this module.
fn is_literal(expr: &Expr) -> bool {
    match expr {
        Expr::Value(_) => true,
        Expr::UnaryOp { op: sqlparser::ast::UnaryOperator::Minus, expr } | Expr::Nested(expr) => is_literal(expr),
        Expr::Cast { expr, .. } => matches!(expr.as_ref(), Expr::Value(_)),
        _ => false,
    }
}

/// `ANY`/`ALL` (expanded on the way down): over an array written out in the statement or a
/// subquery, expanded as on every target; `x = ANY (array)` over any other array (a parameter,
/// a column, a function's result) is left to DataFusion, whose plan the plan check gives
/// Postgres' NULL rules (`pg_eq_any`), and `x <> ALL (array)` is its negation. Other operators
/// over such arrays are refused.
fn any_all(expr: &mut Expr) -> Result<(), String> {
    use sqlparser::ast::{BinaryOperator, UnaryOperator};
    let (left, right, negated) = match expr {
        Expr::AnyOp { left, compare_op: BinaryOperator::Eq, right, .. } => (left, right, false),
        Expr::AllOp { left, compare_op: BinaryOperator::NotEq, right } => (left, right, true),
        _ => return super::expand::any_all(expr),
    };
    if matches!(right.as_ref(), Expr::Subquery(_)) || super::expand::is_written_out(right) {
        return super::expand::any_all(expr);
    }
    if negated {
        let any =
            Expr::AnyOp { left: left.clone(), compare_op: BinaryOperator::Eq, right: right.clone(), is_some: false };
        *expr = Expr::UnaryOp { op: UnaryOperator::Not, expr: Box::new(Expr::Nested(Box::new(any))) };
    }
    Ok(())
}

/// `LIKE`/`ILIKE` (expanded on the way down): `ANY`/`ALL` over an array written out in the
/// statement becomes one `LIKE` per element; DataFusion's only escape is Postgres' default
/// (backslash), so a constant pattern with another `ESCAPE` is rewritten to it.
fn like(expr: &mut Expr) -> Result<(), String> {
    if super::expand::like_any_all(expr)? {
        return Ok(());
    }
    let (Expr::Like { escape_char, pattern, .. } | Expr::ILike { escape_char, pattern, .. }) = expr else {
        return Ok(());
    };
    let escape = match escape_char {
        None => return Ok(()),
        Some(escape) => match &escape.value {
            Value::SingleQuotedString(e) if e == "\\" => return Ok(()),
            Value::SingleQuotedString(e) if e.chars().count() <= 1 => e.chars().next(),
            _ => return Err("LIKE … ESCAPE with an escape that is not one character".into()),
        },
    };
    let refuse = || "LIKE … ESCAPE with another escape character than backslash, on a pattern that is not a constant";
    let Expr::Value(value) = pattern.as_mut() else { return Err(refuse().into()) };
    let Value::SingleQuotedString(text) = &value.value else { return Err(refuse().into()) };
    let rewritten = backslash_escaped(text, escape).ok_or("a LIKE pattern that ends with its escape character")?;
    value.value = Value::SingleQuotedString(rewritten);
    *escape_char = None;
    Ok(())
}

/// A LIKE pattern written with `escape` (or none, for `ESCAPE ''`) in the default backslash
/// form: an escaped character is literal, a plain backslash is a literal backslash. `None` for a
/// pattern ending in its escape character (an error in Postgres).
fn backslash_escaped(pattern: &str, escape: Option<char>) -> Option<String> {
    let mut out = String::with_capacity(pattern.len() + 4);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        let literal = if Some(c) == escape {
            Some(chars.next()?)
        } else if c == '\\' {
            Some(c)
        } else {
            None
        };
        match literal {
            Some(l @ ('%' | '_' | '\\')) => {
                out.push('\\');
                out.push(l);
            }
            Some(l) => out.push(l),
            None => out.push(c),
        }
    }
    Some(out)
}

/// `SUBSTRING(s FROM start FOR count)` is DataFusion's. The regular-expression form
/// (`FROM 'pattern'`: the first parenthesized part's match, or the whole match) is
/// `regexp_match(s, pattern)[1]`, which answers the same for patterns whose match does not depend
/// on Postgres' leftmost-longest rules: alternation (`|`) and non-greedy quantifiers are refused.
fn substring(expr: &mut Expr) -> Result<(), String> {
    let Expr::Substring { expr: text, substring_from: Some(from), substring_for, .. } = expr else { return Ok(()) };
    let Expr::Value(value) = from.as_ref() else { return Ok(()) };
    let Value::SingleQuotedString(pattern) = &value.value else { return Ok(()) };
    if substring_for.is_some() {
        return Err("SUBSTRING(… SIMILAR … ESCAPE …)".into());
    }
    let lazy = ["*?", "+?", "??", "}?"].iter().any(|q| pattern.contains(q));
    if pattern.contains('|') || lazy {
        return Err("SUBSTRING(… FROM pattern) with alternation or non-greedy quantifiers".into());
    }
    let matched = function_call("regexp_match", vec![*text.clone(), *from.clone()]);
    let first = Expr::Value(Value::Number("1".into(), false).into());
    *expr = function_call("array_element", vec![matched, first]);
    Ok(())
}

/// `a ^ b` → `power(a, b)`: one function in Postgres (`dpow`, `numeric_power`), translated as
/// `power` is afterwards (a `numeric` argument is refused by the plan check).
fn exponent(expr: &mut Expr) -> Result<(), String> {
    if let Expr::BinaryOp { left, op: BinaryOperator::PGExp, right } = expr {
        *expr = function_call("power", vec![*left.clone(), *right.clone()]);
    }
    Ok(())
}

/// `(SELECT e …) IS [NOT] NULL` → `(SELECT nullif(e, NULL) …) IS [NOT] NULL`: the same value,
/// but one DataFusion knows may be NULL. An empty subquery is NULL even over a NOT NULL column;
/// DataFusion takes the column's nullability and folds the test to false (apache/datafusion#24513).
fn subquery_is_null(expr: &mut Expr) -> Result<(), String> {
    use sqlparser::ast::{SelectItem, SetExpr};
    let (Expr::IsNull(operand) | Expr::IsNotNull(operand)) = expr else { return Ok(()) };
    let Expr::Subquery(query) = operand.as_mut() else { return Ok(()) };
    let refused = || "IS NULL on a scalar subquery other than one SELECT of one expression".to_string();
    let SetExpr::Select(select) = query.body.as_mut() else { return Err(refused()) };
    let [SelectItem::UnnamedExpr(value) | SelectItem::ExprWithAlias { expr: value, .. }] =
        select.projection.as_mut_slice()
    else {
        return Err(refused());
    };
    let null = Expr::value(Value::Null);
    *value = function_call("nullif", vec![value.clone(), null]);
    Ok(())
}

/// `(s1, e1) OVERLAPS (s2, e2)` → Postgres' function form `overlaps(s1, e1, s2, e2)` (each end a
/// point or an interval), which is `pg_overlaps` here.
fn overlaps(expr: &mut Expr) -> Result<(), String> {
    let Expr::BinaryOp { left, op: BinaryOperator::Overlaps, right } = expr else { return Ok(()) };
    let period = |side: &Expr| match super::expand::row_elements(side).as_deref() {
        Some([start, end]) => Some([(*start).clone(), (*end).clone()]),
        _ => None,
    };
    let (Some([s1, e1]), Some([s2, e2])) = (period(left), period(right)) else {
        return Err("OVERLAPS of other than two (start, end) pairs".into());
    };
    *expr = function_call("overlaps", vec![s1, e1, s2, e2]);
    Ok(())
}

/// `|/ x` and `||/ x` are `sqrt` and `cbrt` of a `double precision` (the operators' only
/// operand type in Postgres); `@ x` is `abs(x)`.
fn math_operator(expr: &mut Expr) -> Result<(), String> {
    use sqlparser::ast::UnaryOperator as U;
    let Expr::UnaryOp { op, expr: operand } = expr else { return Ok(()) };
    let double = || cast(*operand.clone(), DataType::DoublePrecision);
    *expr = match op {
        U::PGSquareRoot => function_call("sqrt", vec![double()]),
        U::PGCubeRoot => function_call("cbrt", vec![double()]),
        U::PGAbs => function_call("abs", vec![*operand.clone()]),
        _ => return Ok(()),
    };
    Ok(())
}

/// `&`, `|`, `#`, `<<`, `>>` on integers are DataFusion's (same types, same two's-complement
/// results, parsed with Postgres' precedence); prefix `~`, which DataFusion lacks, is `pg_bitnot`.
fn bitwise(expr: &mut Expr) -> Result<(), String> {
    if let Expr::UnaryOp { expr: operand, .. } = expr {
        *expr = function_call("pg_bitnot", vec![*operand.clone()]);
    }
    Ok(())
}

/// Casts DataFusion performs exactly as Postgres does, or their Postgres form: to integers from
/// expressions through `pg_int2/4/8` (Postgres rounds fractional values and reads text its own
/// way, DataFusion truncates), to `numeric` without a scale through `pg_numeric` (integers and
/// decimals only: DataFusion has no per-value scale), to `numeric(p)` never, to `text` through
/// `pg_text` (DataFusion's text forms of timestamps, intervals and floats differ), never to
/// `char`/`varchar` (typed `text` there), to `bytea` and `uuid` through `pg_bytea`/`pg_uuid`.
fn checked_cast(expr: &mut Expr) -> Result<(), String> {
    let Expr::Cast { expr: inner, data_type, .. } = expr else { return Ok(()) };
    if let Expr::Value(value) = inner.as_ref()
        && let Value::SingleQuotedString(text) = &value.value
        && let Some(converted) = zone_named_literal(data_type, text)?
    {
        *expr = converted;
        return Ok(());
    }
    if let Expr::Value(value) = inner.as_mut()
        && let Value::SingleQuotedString(text) = &value.value
        && let Some(normal) = datetime_text(data_type, text)?
    {
        value.value = Value::SingleQuotedString(normal);
    }
    if let Some(converted) = jsonb_cast(inner, data_type)? {
        *expr = converted;
        return Ok(());
    }
    if let DataType::Array(sqlparser::ast::ArrayElemTypeDef::SquareBracket(element_type, None)) = &*data_type {
        if let Some(array) = array_cast(inner, element_type, data_type)? {
            *expr = array;
        }
        return Ok(());
    }
    if is_timestamptz(data_type) {
        *expr = to_timestamptz(*inner.clone());
        return Ok(());
    }
    let literal = is_literal(inner);
    match data_type {
        // `'1 day'::interval` is the literal `INTERVAL '1 day'`; other casts to interval (from
        // text columns, times) would be read by the engine's own rules.
        DataType::Interval { fields: None, precision: None } => match inner.as_ref() {
            Expr::Interval(_) => Ok(()),
            Expr::Value(value) if matches!(value.value, Value::SingleQuotedString(_)) => {
                *expr = Expr::Interval(sqlparser::ast::Interval {
                    value: inner.clone(),
                    leading_field: None,
                    leading_precision: None,
                    last_field: None,
                    fractional_seconds_precision: None,
                });
                interval_literal(expr)
            }
            _ => Err("casting a value other than a string constant to interval".into()),
        },
        DataType::Interval { .. } => Err(format!("casting to {data_type}")),
        DataType::JSONB => {
            *expr = function_call("pg_jsonb", vec![*inner.clone()]);
            Ok(())
        }
        DataType::Timestamp(Some(_), _) => Err(format!("casting to {data_type} (a timestamp precision)")),
        DataType::SmallInt(_) | DataType::Int2(_) if !literal => {
            *expr = function_call("pg_int2", vec![*inner.clone()]);
            Ok(())
        }
        DataType::Int(_) | DataType::Integer(_) | DataType::Int4(_) if !literal => {
            *expr = function_call("pg_int4", vec![*inner.clone()]);
            Ok(())
        }
        DataType::BigInt(_) | DataType::Int8(_) if !literal => {
            *expr = function_call("pg_int8", vec![*inner.clone()]);
            Ok(())
        }
        DataType::Numeric(ExactNumberInfo::None) | DataType::Decimal(ExactNumberInfo::None) => {
            // A string constant is the numeric literal it spells, with its own scale.
            if let Expr::Value(value) = inner.as_ref()
                && let Value::SingleQuotedString(text) = &value.value
            {
                let number = numeric_text(text).ok_or_else(|| format!("the numeric text '{text}'"))?;
                let mut literal = Expr::Value(Value::Number(number, false).into());
                decimal_literal(&mut literal)?;
                *expr = literal;
                return Ok(());
            }
            *expr = function_call("pg_numeric", vec![*inner.clone()]);
            Ok(())
        }
        DataType::Numeric(ExactNumberInfo::Precision(_)) | DataType::Decimal(ExactNumberInfo::Precision(_)) => {
            Err("casting to numeric without a scale".into())
        }
        // `varchar` alone has no limit (length 0 to `pg_varchar`).
        DataType::Varchar(length) | DataType::CharacterVarying(length) => {
            *expr = character_cast("pg_varchar", inner, *length, 0, data_type)?;
            Ok(())
        }
        // Text read by Postgres' input functions, which DataFusion lacks.
        DataType::Bytea => {
            *expr = function_call("pg_bytea", vec![*inner.clone()]);
            Ok(())
        }
        DataType::Uuid => {
            *expr = function_call("pg_uuid", vec![*inner.clone()]);
            Ok(())
        }
        // A char(n) value compares, measures and concatenates by rules of its own, which the
        // engine applies to values typed char(n) (`pg_bpchar` types them).
        DataType::Char(length) | DataType::Character(length) => {
            *expr = character_cast("pg_bpchar", inner, *length, 1, data_type)?;
            Ok(())
        }
        // DataFusion writes timestamps, intervals and floats in its own text forms.
        DataType::Text if !matches!(inner.as_ref(), Expr::Value(_)) => {
            *expr = function_call("pg_text", vec![*inner.clone()]);
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Text Postgres reads as a finite `numeric` (blanks around, a sign, digits with an optional
/// point, an exponent) as a number literal (`' .5 '` → `0.5`); `NaN`, infinities and anything
/// else: `None`.
fn numeric_text(text: &str) -> Option<String> {
    let trimmed = text.trim();
    let (negative, unsigned) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(())?;
            (m, Some(e))
        }
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let whole = if whole.is_empty() { "0" } else { whole };
    let mut number = format!("{}{whole}", if negative { "-" } else { "" });
    if mantissa.contains('.') {
        number.push('.');
        number.push_str(fraction);
    }
    if let Some(exponent) = exponent {
        number.push('e');
        number.push_str(exponent);
    }
    Some(number)
}

/// A date, time or timestamp literal's text in the one form both engines read alike
/// (`YYYY-MM-DD`, `HH:MM:SS[.ffffff]`, `YYYY-MM-DD HH:MM:SS[.ffffff]`, a `timestamptz` with an
/// offset `±HH:MM` or none (the session's zone)): dates also as `YYYY-M-D`, `YYYY/MM/DD`,
/// `YYYYMMDD` and (alone) `Feb 29 2024` / `29 Feb 2024`; times as `H:MM[:SS]` and with `AM`/`PM`;
/// a `T` between date and time. Other spellings Postgres accepts (`epoch`, `infinity`, two-digit
/// years, zone names other than `Area/City` after a `timestamptz` (`zone_named_literal`), offsets
/// on a `timestamp`, which Postgres ignores) are refused rather than read differently. Other types: `Ok(None)`.
fn datetime_text(data_type: &DataType, text: &str) -> Result<Option<String>, String> {
    use sqlparser::ast::TimezoneInfo;
    let refuse = || format!("the {data_type} literal '{text}' (written other than YYYY-MM-DD HH:MM:SS)");
    match data_type {
        DataType::Date => date_text(text, true).map(Some).ok_or_else(refuse),
        // Postgres rounds to the precision; DataFusion keeps microseconds.
        DataType::Timestamp(Some(_), _) | DataType::Time(Some(_), _) => {
            Err(format!("{data_type} (a timestamp precision)"))
        }
        DataType::Time(None, TimezoneInfo::None | TimezoneInfo::WithoutTimeZone) => {
            clock_text(text).map(Some).ok_or_else(refuse)
        }
        DataType::Timestamp(None, zone) => {
            let zoned = matches!(zone, TimezoneInfo::Tz | TimezoneInfo::WithTimeZone);
            if !zoned && !matches!(zone, TimezoneInfo::None | TimezoneInfo::WithoutTimeZone) {
                return Err(refuse());
            }
            let Some((date, time)) = text.split_once([' ', 'T']) else {
                return date_text(text, false).map(Some).ok_or_else(refuse);
            };
            // An offset is read on a `timestamptz` only (Postgres ignores one on a `timestamp`).
            let (clock, offset) = match time.rfind(['+', '-']) {
                Some(at) if zoned => (&time[..at], Some(offset_text(&time[at..]).ok_or_else(refuse)?)),
                _ => (time, None),
            };
            let clock = clock_text(clock).ok_or_else(refuse)?;
            let date = date_text(date, false).ok_or_else(refuse)?;
            Ok(Some(format!("{date} {clock}{}", offset.unwrap_or_default())))
        }
        _ => Ok(None),
    }
}

fn digits(part: &str, n: usize) -> bool {
    part.len() == n && part.bytes().all(|b| b.is_ascii_digit())
}

/// A date as `YYYY-MM-DD`, from `YYYY-M-D`, `YYYY/M/D` or `YYYYMMDD`, and when `words` from a
/// month name (or its first three letters) with a day and a four-digit year in either order
/// (`Feb 29 2024`, `February 29, 2024`, `29 Feb 2024`). Year first is read the same under every
/// `DateStyle`; `1/2/2024` is not (it is refused).
fn date_text(text: &str, words: bool) -> Option<String> {
    let two = |n: &str| (digits(n, 1) || digits(n, 2)).then(|| format!("{n:0>2}"));
    let fields: Vec<&str> = text.split(['-', '/']).collect();
    if let [y, m, d] = fields.as_slice()
        && digits(y, 4)
        && !(text.contains('-') && text.contains('/'))
    {
        return Some(format!("{y}-{}-{}", two(m)?, two(d)?));
    }
    if digits(text, 8) {
        return Some(format!("{}-{}-{}", &text[..4], &text[4..6], &text[6..]));
    }
    if !words {
        return None;
    }
    let parts: Vec<String> = text.split([' ', ',']).filter(|p| !p.is_empty()).map(str::to_ascii_lowercase).collect();
    let month = |name: &str| {
        const MONTHS: [&str; 12] = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        let index = MONTHS
            .iter()
            .position(|m| name.len() >= 3 && m.starts_with(name))
            .or_else(|| (name == "sept").then_some(8))?;
        Some(format!("{:02}", index + 1))
    };
    let (m, d, y) = match parts.as_slice() {
        [m, d, y] if month(m).is_some() => (month(m)?, d.as_str(), y.as_str()),
        [d, m, y] if month(m).is_some() => (month(m)?, d.as_str(), y.as_str()),
        _ => return None,
    };
    digits(y, 4).then_some(())?;
    Some(format!("{y}-{m}-{}", two(d)?))
}

/// `H:MM`, `HH:MM`, `HH:MM:SS[.f…]` (at most six fraction digits), optionally followed by
/// `AM`/`PM` (hours 1–12) → `HH:MM:SS[.f…]`.
fn clock_text(time: &str) -> Option<String> {
    let lower = time.trim_end().to_ascii_lowercase();
    let (time, meridiem) = match lower.strip_suffix("am").or_else(|| lower.strip_suffix("a.m.")) {
        Some(rest) => (rest.trim_end(), Some(false)),
        None => match lower.strip_suffix("pm").or_else(|| lower.strip_suffix("p.m.")) {
            Some(rest) => (rest.trim_end(), Some(true)),
            None => (lower.as_str(), None),
        },
    };
    let (clock, fraction) = time.split_once('.').unwrap_or((time, ""));
    let fields: Vec<&str> = clock.split(':').collect();
    let hour = |h: &str| {
        if !(digits(h, 1) || digits(h, 2)) {
            return None;
        }
        let Some(pm) = meridiem else { return Some(format!("{h:0>2}")) };
        let h: u32 = h.parse().ok()?;
        (1..=12).contains(&h).then(|| format!("{:02}", h % 12 + if pm { 12 } else { 0 }))
    };
    let clock = match fields.as_slice() {
        [h, m] if digits(m, 2) && fraction.is_empty() => format!("{}:{m}:00", hour(h)?),
        [h, m, s] if digits(m, 2) && digits(s, 2) => format!("{}:{m}:{s}", hour(h)?),
        _ => return None,
    };
    if !(fraction.is_empty() || (fraction.len() <= 6 && digits(fraction, fraction.len()))) {
        return None;
    }
    Some(if fraction.is_empty() { clock } else { format!("{clock}.{fraction}") })
}

/// `+HH`, `+HH:MM`, `-HHMM` → `+HH:MM`.
fn offset_text(offset: &str) -> Option<String> {
    let (sign, rest) = offset.split_at(1);
    let (hours, minutes) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        // `split_at` needs a character boundary: only ASCII text can be `HHMM`.
        None if rest.len() == 4 && rest.is_ascii() => rest.split_at(2),
        None => (rest, "00"),
    };
    (digits(hours, 2) && digits(minutes, 2)).then(|| format!("{sign}{hours}:{minutes}"))
}

/// `DATE '…'` / `TIMESTAMP '…'` in the form both engines read alike (see [`datetime_text`]);
/// `TIMESTAMPTZ '…'` as a UTC instant ([`to_timestamptz`]).
fn typed_literal(expr: &mut Expr) -> Result<(), String> {
    let Expr::TypedString(typed) = expr else { return Ok(()) };
    if let Value::SingleQuotedString(text) = &typed.value.value
        && let Some(converted) = zone_named_literal(&typed.data_type, text)?
    {
        *expr = converted;
        return Ok(());
    }
    if let Value::SingleQuotedString(text) = &typed.value.value
        && let Some(normal) = datetime_text(&typed.data_type, text)?
    {
        typed.value.value = Value::SingleQuotedString(normal);
    }
    if is_timestamptz(&typed.data_type) {
        *expr = to_timestamptz(Expr::Value(typed.value.clone()));
    }
    Ok(())
}

fn is_timestamptz(data_type: &DataType) -> bool {
    matches!(
        data_type,
        DataType::Timestamp(None, sqlparser::ast::TimezoneInfo::Tz | sqlparser::ast::TimezoneInfo::WithTimeZone)
    )
}

/// `x::timestamptz` as the engine's `timestamptz`: microseconds tagged UTC (DataFusion's own
/// `TIMESTAMPTZ` takes the zone of the session it was planned in, none here). Text without an
/// offset is read as UTC; sessions in other zones refuse the conversion on the plan.
fn to_timestamptz(expr: Expr) -> Expr {
    arrow_cast(expr, r#"Timestamp(Microsecond, Some("UTC"))"#)
}

/// A timestamp in microseconds without a zone, as the engine stores `timestamp`.
fn cast_naive(expr: Expr) -> Expr {
    arrow_cast(expr, "Timestamp(Microsecond, None)")
}

/// `arrow_cast(expr, 'arrow_type')`: a cast to an Arrow type named exactly.
fn arrow_cast(expr: Expr, arrow_type: &str) -> Expr {
    function_call("arrow_cast", vec![expr, Expr::Value(Value::SingleQuotedString(arrow_type.into()).into())])
}

/// `INTERVAL '…'` as Postgres reads the text (see `interval`), handed to the engine in the one form
/// it reads alike; text outside that syntax is refused rather than read differently.
/// `INTERVAL '3' DAY` (a whole number) keeps its unit qualifier; other qualifiers are refused.
fn interval_literal(expr: &mut Expr) -> Result<(), String> {
    let Expr::Interval(interval) = expr else { return Ok(()) };
    let Expr::Value(value) = interval.value.as_mut() else { return Err("an interval that is not a constant".into()) };
    let Value::SingleQuotedString(text) = &value.value else {
        return Err("an interval that is not a string constant".into());
    };
    let refuse = || format!("the interval literal '{text}' (in a syntax packwire does not read)");
    let number_ok = |n: &str, fraction_allowed: bool| {
        let unsigned = n.strip_prefix(['-', '+']).unwrap_or(n);
        let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        !whole.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && (fraction.is_empty() || (fraction_allowed && fraction.bytes().all(|b| b.is_ascii_digit())))
    };
    if interval.leading_field.is_some()
        || interval.last_field.is_some()
        || interval.fractional_seconds_precision.is_some()
    {
        let simple = interval.last_field.is_none() && interval.fractional_seconds_precision.is_none();
        return if simple && number_ok(text, false) { Ok(()) } else { Err(refuse()) };
    }
    let normal = interval::parse(text).ok_or_else(refuse)?.engine_text();
    value.value = Value::SingleQuotedString(normal);
    Ok(())
}

pub(super) static DIALECT: Dialect = Dialect {
    name: "the embedded engine",
    functions: FUNCTIONS,
    constructs: &[
        (Construct::IntegerLiteral, Support::Rewrite(integer_literal)),
        (Construct::DecimalLiteral, Support::Rewrite(decimal_literal)),
        (Construct::BackslashString, Support::Native),
        (Construct::Division, Support::Rewrite(division)),
        (Construct::Like, Support::Expand(like)),
        (Construct::ILike, Support::Expand(like)),
        (Construct::RegexMatch, Support::Native),
        (Construct::StringConcat, Support::Rewrite(string_concat)),
        (Construct::JsonAccess, Support::Rewrite(json_access)),
        (Construct::JsonContainment, Support::Rewrite(json_containment)),
        (Construct::JsonKeySet, Support::Expand(super::expand::json_key_set)),
        (Construct::JsonDelete, Support::Rewrite(json_delete)),
        (Construct::ArrayLiteral, Support::Rewrite(array_constructor)),
        (Construct::ArraySubscript, Support::Rewrite(subscript)),
        (Construct::Extract, Support::Rewrite(extract)),
        (Construct::AtTimeZone, Support::Rewrite(at_time_zone)),
        (Construct::Substring, Support::Rewrite(substring)),
        (Construct::Position, Support::Native),
        (Construct::Trim, Support::Native),
        (Construct::Interval, Support::Rewrite(interval_literal)),
        (Construct::TypedLiteral, Support::Rewrite(typed_literal)),
        (Construct::Cast, Support::Rewrite(checked_cast)),
        (Construct::InList, Support::Native),
        (Construct::AnyAll, Support::Expand(any_all)),
        (Construct::SimilarTo, Support::Expand(super::expand::similar_to)),
        (Construct::InSubquery, Support::Native),
        (Construct::Exists, Support::Native),
        (Construct::ScalarSubquery, Support::Native),
        (Construct::IsDistinctFrom, Support::Native),
        (Construct::RowComparison, Support::Expand(super::expand::row_comparison)),
        (Construct::Between, Support::Native),
        (Construct::BitwiseOperator, Support::Rewrite(bitwise)),
        (Construct::Exponent, Support::Expand(exponent)),
        (Construct::Overlaps, Support::Expand(overlaps)),
        (Construct::MathOperator, Support::Rewrite(math_operator)),
        (Construct::DistinctOn, Support::Native),
        (Construct::GroupingSets, Support::Native),
        (Construct::TableFunction, Support::Native),
        (Construct::WindowFunction, Support::Native),
        (Construct::AggregateFilter, Support::Native),
        (Construct::WithinGroup, Support::Native),
        (Construct::SetOperation, Support::Native),
        (Construct::SubqueryIsNull, Support::Expand(subquery_is_null)),
        (Construct::Overlay, Support::Native),
        // The resolver writes the merged column out as `COALESCE(left.k, right.k)`.
        (Construct::FullJoinUsing, Support::Native),
        (Construct::Values, Support::Native),
    ],
    cast_types: &[
        "bool",
        "boolean",
        "smallint",
        "int2",
        "int",
        "integer",
        "int4",
        "bigint",
        "int8",
        "real",
        "float4",
        "float8",
        "double precision",
        "double",
        "numeric",
        "decimal",
        "text",
        "varchar",
        "character varying",
        "char",
        "character",
        "date",
        "timestamp",
        "timestamptz",
        "timestamp with time zone",
        "time",
        "interval",
        "jsonb",
        "bytea",
        "uuid",
        "smallint[]",
        "int2[]",
        "int[]",
        "integer[]",
        "int4[]",
        "bigint[]",
        "int8[]",
        "text[]",
        "bool[]",
        "boolean[]",
    ],
    table_functions: &[
        ("generate_series", Some(generate_series)),
        ("unnest", Some(unnest_from)),
        ("jsonb_array_elements", Some(jsonb_rows_from)),
        ("jsonb_array_elements_text", Some(jsonb_rows_from)),
        ("jsonb_each", Some(jsonb_rows_from)),
        ("jsonb_each_text", Some(jsonb_rows_from)),
        ("jsonb_object_keys", Some(jsonb_rows_from)),
    ],
    unique_output_names: true,
    fetch_as_limit: true,
    distinct_on_as_qualify: false,
    backslash_escapes: false,
    named_windows: true,
};

const FUNCTIONS: &[(&str, FunctionRule)] = &[
    ("count", Same),
    ("avg", Rewrite(avg)),
    ("min", Same),
    ("max", Same),
    ("sum", Rename("pg_sum")),
    ("date_trunc", Rename("pg_date_trunc")),
    ("bool_and", Same),
    ("bool_or", Same),
    ("bit_and", Same),
    ("bit_or", Same),
    ("every", Rename("bool_and")),
    // Over `double precision` only (checked on the plan): Postgres' are `numeric` otherwise.
    ("stddev", Same),
    ("stddev_samp", Rename("stddev")),
    ("stddev_pop", Same),
    ("variance", Rename("var_samp")),
    ("var_samp", Same),
    ("var_pop", Same),
    // Over `double precision` in Postgres (other arguments are cast to it), as in DataFusion.
    ("corr", Same),
    ("covar_pop", Same),
    ("covar_samp", Same),
    ("regr_slope", Same),
    ("regr_intercept", Same),
    ("regr_count", Rewrite(regr_count)),
    ("regr_r2", Same),
    ("regr_avgx", Same),
    ("regr_avgy", Same),
    ("regr_sxx", Same),
    ("regr_syy", Same),
    ("regr_sxy", Same),
    ("string_agg", Same),
    ("percentile_cont", Rename("pg_percentile_cont")),
    ("percentile_disc", Rename("pg_percentile_disc")),
    ("mode", Rename("pg_mode")),
    ("grouping", Same),
    ("row_number", Same),
    ("rank", Same),
    ("dense_rank", Same),
    ("percent_rank", Same),
    ("cume_dist", Same),
    ("ntile", Rewrite(ntile)),
    ("lag", Same),
    ("lead", Same),
    ("first_value", Same),
    ("last_value", Same),
    ("nth_value", Same),
    ("abs", Same),
    ("round", Rewrite(round)),
    ("trunc", Rewrite(trunc)),
    ("sqrt", Same),
    ("ceiling", Rename("ceil")),
    ("power", Same),
    ("exp", Same),
    ("ln", Same),
    ("mod", Rewrite(modulo)),
    // Postgres' types and exact arithmetic (`connectors/src/pgfunctions/math.rs`).
    ("sign", Rename("pg_sign")),
    ("div", Rename("pg_integer_div")),
    ("width_bucket", Rename("pg_width_bucket")),
    ("gcd", Rename("pg_gcd")),
    ("lcm", Rename("pg_lcm")),
    ("factorial", Rename("pg_factorial")),
    ("greatest", Same),
    ("generate_series", Rewrite(generate_series_in_select_list)),
    ("least", Same),
    ("coalesce", Same),
    ("nullif", Same),
    ("length", Same),
    ("char_length", Same),
    ("character_length", Same),
    ("octet_length", Rename("pg_octet_length")),
    ("bit_length", Same),
    ("lower", Same),
    ("upper", Same),
    ("initcap", Same),
    ("substr", Same),
    ("substring", Same),
    ("strpos", Same),
    ("split_part", Same),
    ("lpad", Same),
    ("rpad", Same),
    ("concat", Rewrite(text_arguments)),
    ("format", Rewrite(format)),
    ("concat_ws", Rewrite(text_arguments)),
    ("replace", Same),
    ("reverse", Same),
    ("repeat", Same),
    ("left", Same),
    ("right", Same),
    ("btrim", Same),
    ("ltrim", Same),
    ("rtrim", Same),
    ("starts_with", Same),
    ("translate", Same),
    ("ascii", Same),
    ("md5", Rename("pg_md5")),
    ("chr", Same),
    ("regexp_replace", Same),
    ("now", Same),
    ("current_date", Same),
    ("current_timestamp", Same),
    ("localtimestamp", Rewrite(localtimestamp)),
    ("timezone", Rewrite(timezone)),
    // Dates and timestamps only, with a constant format (checked on the plan).
    ("to_char", Rename("pg_to_char")),
    ("date_part", Rewrite(date_part)),
    ("age", Rename("pg_age")),
    ("overlaps", Rename("pg_overlaps")),
    ("justify_hours", Rename("pg_justify_hours")),
    ("justify_days", Rename("pg_justify_days")),
    ("justify_interval", Rename("pg_justify_interval")),
    ("make_date", Same),
    ("make_timestamp", Rename("pg_make_timestamp")),
    ("make_timestamptz", Rename("pg_make_timestamptz")),
    ("make_time", Rename("pg_make_time")),
    ("make_interval", Rewrite(make_interval)),
    ("to_timestamp", Rewrite(to_timestamp)),
    // A constant format (checked when the statement is planned).
    ("to_date", Rename("pg_to_date")),
    ("array_agg", Same),
    ("array", Rewrite(array_subquery)),
    ("cardinality", Rewrite(cardinality)),
    ("array_length", Rewrite(array_length)),
    ("array_to_string", Same),
    ("string_to_array", Same),
    ("array_position", Rewrite(array_position)),
    ("array_positions", Rewrite(array_positions)),
    ("unnest", Same),
    ("array_append", Same),
    ("array_prepend", Same),
    ("array_cat", Same),
    ("array_remove", Rename("array_remove_all")),
    ("array_replace", Rename("array_replace_all")),
    ("jsonb_typeof", Same),
    ("jsonb_array_length", Same),
    ("jsonb_strip_nulls", Same),
    ("jsonb_build_object", Same),
    ("jsonb_build_array", Same),
    ("to_jsonb", Same),
    ("jsonb_set", Rewrite(jsonb_set)),
    ("jsonb_agg", Rewrite(jsonb_aggregate)),
    ("jsonb_object_agg", Rewrite(jsonb_aggregate)),
    ("jsonb_extract_path", Rename("pg_jsonb_get_path")),
    ("jsonb_extract_path_text", Rename("pg_jsonb_get_path_text")),
];
