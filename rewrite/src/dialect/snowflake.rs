//! Postgres → Snowflake SQL. Snowflake folds unquoted identifiers to upper case; physical names
//! are always written quoted, exactly as the manifest spells them (see `Target`).
//!
//! Listed here is only what the conformance suite shows Snowflake (through the fakesnow
//! emulator) answering as Postgres does. Left out on purpose: casts to `varchar(n)` and real
//! (Snowflake refuses a longer string where Postgres cuts it; double-only floats),
//! `EXTRACT` of fractional fields and `date_part` (whole seconds, a `double` result),
//! `TRIM` of other characters than spaces (the emulator ignores them), `concat`/`concat_ws`
//! (Postgres writes each argument's text form and skips NULLs). Backslashes in strings are
//! escapes in Snowflake, so they are doubled; `LIKE` gets Postgres' default escape character
//! explicitly; `DISTINCT ON` becomes a `QUALIFY` on `row_number()`; named windows are written
//! out in each `OVER` (Snowflake has no `WINDOW` clause).
//!
//! Written as they are but checked by the connector, which knows the types: `avg` and `/` (only
//! whole result columns, divided by the connector at Postgres' scale), `round` (of exact
//! numbers, or of such a quotient), casts to integers and numerics (of exact numbers and integer
//! literals), casts to text (of literals and of text, boolean, date and exact number columns) and
//! `EXTRACT` (only of a date or timestamp column).

use sqlparser::ast::{
    BinaryOperator, Expr, FunctionArg, FunctionArgExpr, Ident, ObjectName, TableFactor, UnaryOperator, Value,
    WindowFrame, WindowFrameBound, WindowFrameUnits, WindowType,
};

use super::expand::calls_anything;
use super::{Construct, Dialect, FunctionRule, Support, function_call, string_constant, unnamed_arguments};

use FunctionRule::{Rename, Rewrite, Same};

pub(super) static DIALECT: Dialect = Dialect {
    name: "Snowflake",
    functions: FUNCTIONS,
    constructs: &[
        (Construct::IntegerLiteral, Support::Native),
        (Construct::DecimalLiteral, Support::Native),
        (Construct::BackslashString, Support::Native), // doubled for every value: `backslash_escapes`
        (Construct::Like, Support::Rewrite(like_escape)),
        (Construct::RegexMatch, Support::Rewrite(regex_match)),
        (Construct::Trim, Support::Rewrite(trim_spaces)),
        (Construct::ILike, Support::Rewrite(like_escape)),
        (Construct::StringConcat, Support::Native),
        (Construct::Position, Support::Native),
        (Construct::Substring, Support::Rewrite(substring)),
        (Construct::Interval, Support::Native),
        (Construct::Division, Support::Native),
        (Construct::Extract, Support::Rewrite(extract)),
        (Construct::TypedLiteral, Support::Native),
        (Construct::Cast, Support::Native),
        (Construct::InList, Support::Native),
        (Construct::InSubquery, Support::Native),
        (Construct::Exists, Support::Native),
        (Construct::ScalarSubquery, Support::Native),
        (Construct::SubqueryIsNull, Support::Native),
        (Construct::IsDistinctFrom, Support::Native),
        (Construct::RowComparison, Support::Expand(super::expand::row_comparison)),
        (Construct::Between, Support::Native),
        (Construct::GroupingSets, Support::Native),
        (Construct::Lateral, Support::Native),
        (Construct::WindowFunction, Support::Native),
        (Construct::WithinGroup, Support::Native),
        (Construct::AggregateFilter, Support::Expand(super::expand::aggregate_filter)),
        (Construct::SetOperation, Support::Native),
        (Construct::TableFunction, Support::Native),
        (Construct::Values, Support::Native),
    ],
    cast_types: &[
        "bool",
        "boolean",
        "smallint",
        "int",
        "integer",
        "bigint",
        "numeric", // of exact numbers only: the connector checks
        "decimal",
        "float8",
        "double precision",
        "double",
        "date",
        "timestamp",
        "time",
        // Of the values whose text Snowflake writes as Postgres does only: the connector checks.
        "text",
        "varchar",
        "character varying",
    ],
    table_functions: &[("generate_series", Some(generate_series))],
    unique_output_names: false,
    fetch_as_limit: false,
    distinct_on_as_qualify: true,
    backslash_escapes: true,
    named_windows: false,
};

/// `substring(s FROM a FOR b)` with a constant start of 1 or more and a constant length of 0 or
/// more: Snowflake's `SUBSTR(s, a, b)`, which counts characters alike. Other positions differ
/// (Postgres counts a start below 1 into the length, Snowflake reads it as 1 or from the end;
/// Postgres refuses a negative length), and so does the regular-expression form: refused.
fn substring(expr: &mut Expr) -> Result<(), String> {
    let Expr::Substring { expr: text, substring_from, substring_for, .. } = expr else { return Ok(()) };
    let constant = |e: &Option<Box<Expr>>, least: i64, default: Option<i64>| match e.as_deref() {
        None => default,
        Some(Expr::Value(v)) => match &v.value {
            Value::Number(n, _) => n.parse::<i64>().ok().filter(|n| *n >= least),
            _ => None,
        },
        Some(_) => None,
    };
    let refused =
        || "SUBSTRING with positions other than a constant start of 1 or more and length of 0 or more".to_string();
    let start = constant(substring_from, 1, Some(1)).ok_or_else(refused)?;
    let number = |n: i64| Expr::Value(Value::Number(n.to_string(), false).into());
    let mut args = vec![*text.clone(), number(start)];
    if substring_for.is_some() {
        args.push(number(constant(substring_for, 0, None).ok_or_else(refused)?));
    }
    *expr = super::function_call("SUBSTR", args);
    Ok(())
}

/// `EXTRACT` of the whole-number fields Snowflake counts as Postgres does (year, quarter,
/// month, day, hour, minute), and of the ISO week fields under Snowflake's names: `isodow` →
/// `DAYOFWEEKISO`, `week` → `WEEKISO`, `isoyear` → `YEAROFWEEKISO`, `doy` → `DAYOFYEAR`, and
/// `dow` (Sunday 0) → `DAYOFWEEKISO % 7`, which no `WEEK_START` setting changes; `second` with
/// its fraction as `SECOND + NANOSECOND * 0.000000001`. The connector checks the argument is a
/// date or timestamp column (a timestamp for the time of day).
fn extract(expr: &mut Expr) -> Result<(), String> {
    use sqlparser::ast::DateTimeField as F;
    let Expr::Extract { field, .. } = expr else { return Ok(()) };
    let renamed = match field {
        F::Year
        | F::Years
        | F::Quarter
        | F::Month
        | F::Months
        | F::Day
        | F::Days
        | F::Hour
        | F::Hours
        | F::Minute
        | F::Minutes => return Ok(()),
        F::Isodow | F::Dow => "DAYOFWEEKISO",
        F::Week(None) => "WEEKISO",
        F::Isoyear => "YEAROFWEEKISO",
        F::Doy => "DAYOFYEAR",
        F::Second | F::Seconds => {
            // Postgres counts the fraction too: whole seconds plus nanoseconds, exactly.
            let Expr::Extract { syntax, expr: value, .. } = expr else { return Ok(()) };
            let part = |name: &str| Expr::Extract {
                field: F::Custom(Ident::new(name)),
                syntax: syntax.clone(),
                expr: value.clone(),
            };
            let fraction = Expr::BinaryOp {
                left: Box::new(part("NANOSECOND")),
                op: BinaryOperator::Multiply,
                right: Box::new(Expr::Value(Value::Number("0.000000001".into(), false).into())),
            };
            *expr = Expr::Nested(Box::new(Expr::BinaryOp {
                left: Box::new(part("SECOND")),
                op: BinaryOperator::Plus,
                right: Box::new(fraction),
            }));
            return Ok(());
        }
        other => return Err(format!("EXTRACT({other} FROM …)")),
    };
    let sunday_first = matches!(field, F::Dow);
    *field = F::Custom(Ident::new(renamed));
    if sunday_first {
        *expr = Expr::Nested(Box::new(Expr::BinaryOp {
            left: Box::new(expr.clone()),
            op: BinaryOperator::Modulo,
            right: Box::new(Expr::Value(Value::Number("7".into(), false).into())),
        }));
    }
    Ok(())
}

/// `x LIKE p` → `x LIKE p ESCAPE '\\'`: backslash is Postgres' default escape character; the
/// escape string is written as Snowflake reads one backslash.
fn like_escape(expr: &mut Expr) -> Result<(), String> {
    if let Expr::Like { escape_char, .. } | Expr::ILike { escape_char, .. } = expr
        && escape_char.is_none()
    {
        *escape_char = Some(Value::SingleQuotedString("\\\\".into()).into());
    }
    Ok(())
}

/// `string_agg(x, sep [ORDER BY …])` → `LISTAGG(x, sep) [WITHIN GROUP (ORDER BY …)]` (same
/// argument order, same NULL handling; Snowflake takes the order only as `WITHIN GROUP`).
fn string_agg(expr: &mut Expr) -> Result<(), String> {
    use sqlparser::ast::{FunctionArgumentClause, FunctionArguments};
    if let Expr::Function(function) = expr {
        function.name = ObjectName::from(vec![Ident::new("LISTAGG")]);
        if let FunctionArguments::List(list) = &mut function.args {
            for clause in std::mem::take(&mut list.clauses) {
                match clause {
                    FunctionArgumentClause::OrderBy(order) => function.within_group = order,
                    other => return Err(format!("string_agg() with {other}")),
                }
            }
        }
    }
    Ok(())
}

/// `percentile_cont(f) WITHIN GROUP (ORDER BY x)` → the same of `CAST(x AS DOUBLE PRECISION)`:
/// Postgres interpolates in `double precision` whatever the number type; Snowflake would
/// interpolate an exact number in its own type and scale.
fn percentile_cont(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    for order in &mut function.within_group {
        let value = std::mem::replace(&mut order.expr, Expr::Value(Value::Null.into()));
        order.expr = super::cast(value, sqlparser::ast::DataType::DoublePrecision);
    }
    Ok(())
}

/// `strpos(s, sub)` → `POSITION(sub IN s)` (both count characters from 1, 0 when absent).
fn strpos(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let [text, sub]: [Expr; 2] =
        unnamed_arguments(function)?.try_into().map_err(|_| "strpos() of other than two arguments")?;
    *expr = Expr::Position { expr: Box::new(sub), r#in: Box::new(text) };
    Ok(())
}

/// `now()` → `CURRENT_TIMESTAMP()`: the statement's start time, as Postgres' transaction time is
/// within one statement.
fn now(expr: &mut Expr) -> Result<(), String> {
    *expr = function_call("CURRENT_TIMESTAMP", Vec::new());
    Ok(())
}

/// `btrim(s)`, `ltrim(s)`, `rtrim(s)` and `TRIM([BOTH | LEADING | TRAILING] [' '] FROM s)` →
/// Snowflake's `TRIM(s)`, `LTRIM(s)`, `RTRIM(s)`, which remove spaces as Postgres does. With
/// other characters to remove they are refused: the emulator ignores them, so the conformance
/// suite cannot show Snowflake removing them alike.
fn trim_spaces(expr: &mut Expr) -> Result<(), String> {
    use sqlparser::ast::TrimWhereField as Side;
    let refused = || "trimming characters other than spaces".to_string();
    let (name, text) = match expr {
        Expr::Trim { trim_where, trim_what, expr: text, trim_characters } => {
            let spaces = trim_what.as_deref().is_none_or(|what| string_constant(what) == Some(" "));
            if !spaces || trim_characters.is_some() {
                return Err(refused());
            }
            let name = match trim_where {
                Some(Side::Leading) => "LTRIM",
                Some(Side::Trailing) => "RTRIM",
                Some(Side::Both) | None => "TRIM",
            };
            (name, *text.clone())
        }
        Expr::Function(function) => {
            let name = match super::normalize_object_name(&function.name).last().map(String::as_str) {
                Some("ltrim") => "LTRIM",
                Some("rtrim") => "RTRIM",
                _ => "TRIM",
            };
            let [text]: [Expr; 1] = unnamed_arguments(function)?.try_into().map_err(|_| refused())?;
            (name, text)
        }
        _ => return Ok(()),
    };
    *expr = function_call(name, vec![text]);
    Ok(())
}

/// `left(s, n)` and `right(s, n)` with a constant count. Snowflake's `LEFT`/`RIGHT` take the
/// same count of characters when it is 0 or more; Postgres' negative count drops that many from
/// the other end: `left(s, -n)` → `LEFT(s, GREATEST(LENGTH(s) - n, 0))`, `right(s, -n)` →
/// `SUBSTR(s, n + 1)`. A count that is not a constant is refused (its sign decides the form).
fn left_right(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let left = super::normalize_object_name(&function.name).last().is_some_and(|name| name == "left");
    let [text, count]: [Expr; 2] =
        unnamed_arguments(function)?.try_into().map_err(|_| "left()/right() of other than two arguments")?;
    let count = integer_constant(&count).ok_or("left()/right() with a count that is not an integer constant")?;
    let number = |n: i64| Expr::Value(Value::Number(n.to_string(), false).into());
    *expr = match (left, count >= 0) {
        (true, true) => function_call("LEFT", vec![text, number(count)]),
        (false, true) => function_call("RIGHT", vec![text, number(count)]),
        (true, false) => {
            if calls_anything(&text) {
                return Err("left() with a negative count of a value holding function calls or subqueries".into());
            }
            let kept = Expr::BinaryOp {
                left: Box::new(function_call("LENGTH", vec![text.clone()])),
                op: BinaryOperator::Minus,
                right: Box::new(number(count.unsigned_abs().min(i64::MAX as u64) as i64)),
            };
            function_call("LEFT", vec![text, function_call("GREATEST", vec![kept, number(0)])])
        }
        (false, false) => function_call("SUBSTR", vec![text, number(count.saturating_neg().saturating_add(1))]),
    };
    Ok(())
}

/// The value of an integer constant (`7`, `-7`, `(7)`), if `expr` is one that fits an `i64`.
fn integer_constant(expr: &Expr) -> Option<i64> {
    match expr {
        Expr::Value(v) => match &v.value {
            Value::Number(n, _) => n.parse().ok(),
            _ => None,
        },
        Expr::UnaryOp { op: UnaryOperator::Minus, expr } => integer_constant(expr)?.checked_neg(),
        Expr::Nested(inner) => integer_constant(inner),
        _ => None,
    }
}

/// `generate_series(a, b[, step])` of integer constants in FROM → a subquery over
/// `GENERATOR(ROWCOUNT => n)` whose value is `a + step * (ROW_NUMBER() OVER (ORDER BY SEQ8()) -
/// 1)` (`SEQ8` may skip numbers but keeps their order), named as Postgres names the function's
/// column, with `WITH ORDINALITY`'s counter being that row number. The column's type is the
/// typing twin's (`integer` or `bigint`). Other series (computed bounds, numerics, timestamps, a
/// zero step) are refused.
fn generate_series(factor: &mut TableFactor) -> Result<(), String> {
    let TableFactor::Table { args: Some(args), alias, with_ordinality, .. } = factor else { return Ok(()) };
    let refused = || "generate_series() of other than integer constants".to_string();
    let bounds: Vec<i64> = args
        .args
        .iter()
        .map(|arg| match arg {
            FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => integer_constant(e).ok_or_else(refused),
            _ => Err(refused()),
        })
        .collect::<Result<_, _>>()?;
    let (start, stop, step) = match bounds.as_slice() {
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] if *step != 0 => (*start, *stop, *step),
        [_, _, _] => return Err("generate_series() with a step of zero".into()),
        _ => return Err(refused()),
    };
    let rows = ((i128::from(stop) - i128::from(start)) / i128::from(step) + 1).max(0);
    let (relation, columns) = super::function_columns(alias, "generate_series", 1, *with_ordinality)?;
    let number = "ROW_NUMBER() OVER (ORDER BY SEQ8())";
    let counter = match columns.get(1) {
        Some(name) => format!(", {number} AS {name}"),
        None => String::new(),
    };
    let sql = format!(
        "SELECT {start} + {step} * ({number} - 1) AS {}{counter} FROM TABLE(GENERATOR(ROWCOUNT => {rows}))",
        columns[0]
    );
    *factor = super::derived_table(&sql, relation, "generate_series")?;
    Ok(())
}

/// `greatest(a, b, …)` / `least(…)`: Postgres skips NULL arguments, Snowflake's `GREATEST` is
/// NULL when any is. Each argument is replaced by the first non-NULL of itself and the others
/// (`GREATEST(COALESCE(a, b, c), COALESCE(b, a, c), COALESCE(c, a, b))`): a NULL argument then
/// stands in for one that is present, which changes no extreme, and all are NULL only when every
/// argument is. Arguments are repeated, so calls and subqueries in them are refused.
fn ignoring_nulls(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    let name = super::normalize_object_name(&function.name).last().cloned().unwrap_or_default();
    let args = unnamed_arguments(function)?;
    if args.iter().any(calls_anything) {
        return Err(format!("{name}() of values holding function calls or subqueries"));
    }
    let replaced = (0..args.len())
        .map(|i| {
            let mut candidates = vec![args[i].clone()];
            candidates.extend(args.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, arg)| arg.clone()));
            if candidates.len() == 1 { candidates.remove(0) } else { function_call("COALESCE", candidates) }
        })
        .collect();
    *expr = function_call(&name.to_uppercase(), replaced);
    Ok(())
}

/// `first_value`, `last_value` and `nth_value` over an ordered window without a frame: Postgres'
/// default frame (`RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`) is written out, since
/// Snowflake's default for these functions is not documented to be the same.
fn postgres_default_frame(expr: &mut Expr) -> Result<(), String> {
    let Expr::Function(function) = expr else { return Ok(()) };
    if let Some(WindowType::WindowSpec(spec)) = &mut function.over
        && !spec.order_by.is_empty()
        && spec.window_frame.is_none()
    {
        spec.window_frame = Some(WindowFrame {
            units: WindowFrameUnits::Range,
            start_bound: WindowFrameBound::Preceding(None),
            end_bound: Some(WindowFrameBound::CurrentRow),
        });
    }
    Ok(())
}

/// `s ~ p`, `s ~* p`, `s !~ p`, `s !~* p` with a constant pattern written alike in Postgres'
/// and Snowflake's regular expressions ([`portable_pattern`]) → `REGEXP_INSTR(s, p, 1, 1, 0,
/// 's')` `> 0` (`'is'` ignoring case; `NOT (…)` when negated). `REGEXP_INSTR` searches as `~`
/// does (`REGEXP_LIKE` must match the whole string), and `s` lets `.` match a newline as in
/// Postgres.
fn regex_match(expr: &mut Expr) -> Result<(), String> {
    let Expr::BinaryOp { left, op, right } = expr else {
        return Err("regular expression operators other than ~, ~*, !~ and !~*".into());
    };
    let (negated, parameters) = match op {
        BinaryOperator::PGRegexMatch => (false, "s"),
        BinaryOperator::PGRegexIMatch => (false, "is"),
        BinaryOperator::PGRegexNotMatch => (true, "s"),
        BinaryOperator::PGRegexNotIMatch => (true, "is"),
        _ => return Ok(()),
    };
    let pattern = string_constant(right).ok_or("a regular expression that is not a string constant")?;
    // The pattern's backslashes are already doubled for Snowflake's string syntax (the
    // translator's `post_visit_value` runs on it first): check the value Postgres reads.
    portable_pattern(&pattern.replace("\\\\", "\\"))?;
    let number = |n: i64| Expr::Value(Value::Number(n.to_string(), false).into());
    let position = function_call(
        "REGEXP_INSTR",
        vec![
            *left.clone(),
            *right.clone(),
            number(1),
            number(1),
            number(0),
            Expr::Value(Value::SingleQuotedString(parameters.into()).into()),
        ],
    );
    let found = Expr::Nested(Box::new(Expr::BinaryOp {
        left: Box::new(position),
        op: BinaryOperator::Gt,
        right: Box::new(number(0)),
    }));
    *expr = if negated { Expr::UnaryOp { op: UnaryOperator::Not, expr: Box::new(found) } } else { found };
    Ok(())
}

/// Accepts a regular expression only when Postgres (advanced REs) and Snowflake (POSIX extended
/// with Perl's `\d`) read it alike: literal characters, `.`, anchors, alternation, groups
/// (not `(?…)`), greedy quantifiers including `{m,n}`, bracket expressions of characters and
/// ranges (no classes like `[:alpha:]`, no escapes inside), and the escapes `\d`, `\t`, `\n`
/// and of metacharacters. `\w`, `\s` and the like differ (Unicode letters, vertical tab), so
/// they are refused.
fn portable_pattern(pattern: &str) -> Result<(), String> {
    let refused = |what: &str| Err(format!("regular expressions with {what}"));
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('d' | 't' | 'n') => {}
                Some(escaped) if "\\.*+?()[]{}|^$-/".contains(escaped) => {}
                _ => return refused("escapes other than \\d, \\t, \\n and escaped metacharacters"),
            },
            '[' => {
                if chars.peek() == Some(&'^') {
                    chars.next();
                }
                let mut first = true;
                loop {
                    match chars.next() {
                        None => return refused("an unclosed bracket expression"),
                        Some(']') if !first => break,
                        Some('[' | '\\') => return refused("classes or escapes inside a bracket expression"),
                        Some(_) => {}
                    }
                    first = false;
                }
            }
            '(' if chars.peek() == Some(&'?') => return refused("(?…) groups"),
            '*' | '+' | '?' if matches!(chars.peek(), Some('?' | '+')) => {
                return refused("non-greedy or possessive quantifiers");
            }
            '{' => {
                let mut bound = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(d) if d.is_ascii_digit() || d == ',' => bound.push(d),
                        _ => return refused("a { that is not a bound {m}, {m,} or {m,n}"),
                    }
                }
                let parts: Vec<&str> = bound.split(',').collect();
                let digits = |p: &str| !p.is_empty() && p.len() <= 3;
                let valid = match parts.as_slice() {
                    [m] => digits(m),
                    [m, n] => digits(m) && (n.is_empty() || digits(n)),
                    _ => false,
                };
                if !valid || matches!(chars.peek(), Some('?' | '+')) {
                    return refused("a { that is not a greedy bound {m}, {m,} or {m,n}");
                }
            }
            _ => {}
        }
    }
    Ok(())
}

const FUNCTIONS: &[(&str, FunctionRule)] = &[
    ("count", Same),
    ("sum", Same),
    ("avg", Same),
    ("min", Same),
    ("max", Same),
    ("bool_and", Rename("BOOLAND_AGG")),
    ("bool_or", Rename("BOOLOR_AGG")),
    ("string_agg", Rewrite(string_agg)),
    ("every", Rename("BOOLAND_AGG")),
    ("percentile_cont", Rewrite(percentile_cont)),
    ("percentile_disc", Same),
    ("grouping", Same),
    ("variance", Rename("VAR_SAMP")),
    ("mode", Same),
    ("stddev", Rename("STDDEV_SAMP")),
    ("stddev_samp", Same),
    ("stddev_pop", Same),
    ("var_samp", Same),
    ("var_pop", Same),
    ("row_number", Same),
    ("rank", Same),
    ("dense_rank", Same),
    ("percent_rank", Same),
    ("cume_dist", Same),
    ("ntile", Same),
    ("lag", Same),
    ("lead", Same),
    ("first_value", Rewrite(postgres_default_frame)),
    ("last_value", Rewrite(postgres_default_frame)),
    ("nth_value", Rewrite(postgres_default_frame)),
    ("abs", Same),
    ("round", Same),
    ("sqrt", Same),
    ("power", Same),
    ("exp", Same),
    ("ln", Same),
    ("mod", Same),
    ("coalesce", Same),
    ("nullif", Same),
    ("greatest", Rewrite(ignoring_nulls)),
    ("least", Rewrite(ignoring_nulls)),
    ("length", Same),
    ("char_length", Rename("LENGTH")),
    ("character_length", Rename("LENGTH")),
    ("strpos", Rewrite(strpos)),
    ("btrim", Rewrite(trim_spaces)),
    ("ltrim", Rewrite(trim_spaces)),
    ("rtrim", Rewrite(trim_spaces)),
    ("left", Rewrite(left_right)),
    ("right", Rewrite(left_right)),
    ("lower", Same),
    ("upper", Same),
    ("initcap", Same),
    ("split_part", Same),
    ("lpad", Same),
    ("rpad", Same),
    ("replace", Same),
    ("reverse", Same),
    ("repeat", Same),
    ("md5", Same),
    ("starts_with", Rename("STARTSWITH")),
    ("translate", Same),
    ("ascii", Same),
    ("chr", Same),
    ("current_date", Same),
    ("current_timestamp", Same),
    ("now", Rewrite(now)),
    ("date_trunc", Same),
];
