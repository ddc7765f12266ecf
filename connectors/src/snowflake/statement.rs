//! What the connector checks and changes in a Snowflake statement before sending it: columns
//! whose declared type Snowflake holds or computes differently are refused, `SUM` over an exact
//! column or of an exact result column is summed in its Postgres type, and `$n` parameters
//! become Snowflake's `:n`.

use std::collections::{HashMap, HashSet};

use datafusion::arrow::datatypes::SchemaRef;
use package::{PackageVersion, PgType};
use sqlparser::ast::{DataType as SqlType, Expr, Statement, Value as SqlValue, VisitMut, VisitorMut};

use crate::error::{ConnectorError, ErrorKind};

/// The checks and changes for one version.
pub(super) struct Adjustments {
    /// Physical names of columns of an [`unfaithful`] type: statements that name them are refused.
    unfaithful_columns: HashSet<String>,
    /// The exact numeric type of each column name (physical or logical) that has one type in
    /// the version.
    number_columns: HashMap<String, SqlType>,
}

impl Adjustments {
    pub(super) fn new(version: &PackageVersion) -> Adjustments {
        let unfaithful_columns = version
            .tables
            .iter()
            .flat_map(|t| &t.columns)
            .filter(|c| unfaithful(c.ty))
            .map(|c| c.physical.clone())
            .collect();
        let mut number_columns = HashMap::new();
        let mut ambiguous = HashSet::new();
        for column in version.tables.iter().flat_map(|t| &t.columns) {
            let Some(number) = number_type(column.ty) else { continue };
            // Logical names too: a table with renamed columns is read through a subquery
            // presenting them under their logical names.
            for name in [&column.physical, &column.name] {
                if number_columns.insert(name.clone(), number.clone()).is_some_and(|old| old != number) {
                    ambiguous.insert(name.clone());
                }
            }
        }
        number_columns.retain(|name, _| !ambiguous.contains(name));
        Adjustments { unfaithful_columns, number_columns }
    }

    /// The SQL text sent for `statement` (whose result has `schema`) and the highest parameter
    /// number it uses, or the refusal.
    pub(super) fn sql(&self, statement: &Statement, schema: &SchemaRef) -> Result<(String, usize), ConnectorError> {
        check_columns(statement, &self.unfaithful_columns, schema)?;
        let mut statement = statement.clone();
        sums_over_declared_types(&mut statement, &self.number_columns);
        sums_of_result_columns(&mut statement, schema);
        let placeholders = snowflake_placeholders(&mut statement);
        Ok((statement.to_string(), placeholders))
    }
}

/// Declared types whose values Snowflake holds or computes differently from Postgres: `char(n)`
/// (no blank padding semantics), `real` (Snowflake's FLOAT is a double), `json`/`jsonb`
/// (VARIANT compares, orders and prints its own way), and the types Snowflake has none of
/// (intervals, arrays), which a copy holds as text.
fn unfaithful(ty: PgType) -> bool {
    matches!(ty, PgType::Char(_) | PgType::Float4 | PgType::Json | PgType::Jsonb | PgType::Interval | PgType::Array(_))
}

/// Refuses a statement that names a column of an [`unfaithful`] type or returns one (`*`).
fn check_columns(statement: &Statement, columns: &HashSet<String>, schema: &SchemaRef) -> Result<(), ConnectorError> {
    let refuse = |name: &str| {
        ConnectorError::new(
            ErrorKind::FeatureNotSupported,
            format!(
                "column \"{name}\" has a type Snowflake does not compute as Postgres does (char, real, json, jsonb, interval, arrays)"
            ),
        )
    };
    for field in schema.fields() {
        if crate::types::declared_type(field).is_some_and(unfaithful) {
            return Err(refuse(field.name()));
        }
    }
    if columns.is_empty() {
        return Ok(());
    }
    let mut named = None;
    let _ = sqlparser::ast::visit_expressions(statement, |expr| {
        let idents: &[sqlparser::ast::Ident] = match expr {
            Expr::Identifier(ident) => std::slice::from_ref(ident),
            Expr::CompoundIdentifier(parts) => parts,
            _ => &[],
        };
        match idents.last().filter(|i| columns.contains(&i.value)) {
            Some(ident) => {
                named = Some(ident.value.clone());
                std::ops::ControlFlow::Break(())
            }
            None => std::ops::ControlFlow::Continue(()),
        }
    });
    match named {
        Some(name) => Err(refuse(&name)),
        None => Ok(()),
    }
}

/// The Snowflake NUMBER a declared exact numeric type is (`None` for the other types).
fn number_type(ty: PgType) -> Option<SqlType> {
    match ty {
        PgType::Int2 => Some(sqlparser_number(5, 0)),
        PgType::Int4 => Some(sqlparser_number(10, 0)),
        PgType::Int8 => Some(sqlparser_number(19, 0)),
        PgType::Numeric(Some((p, s))) if s >= 0 => Some(sqlparser_number(u64::from(p), i64::from(s))),
        _ => None,
    }
}

fn sqlparser_number(precision: u64, scale: i64) -> SqlType {
    SqlType::Numeric(sqlparser::ast::ExactNumberInfo::PrecisionAndScale(precision, scale))
}

/// `SUM(col)` of an exact numeric column → `SUM(CAST(col AS NUMBER(p,s)))` with the column's
/// declared type: the same value on Snowflake (the column holds that type), and it keeps
/// engines that sum untyped input as doubles (the fakesnow emulator) on exact arithmetic.
fn sums_over_declared_types(statement: &mut Statement, columns: &HashMap<String, SqlType>) {
    let _ = sqlparser::ast::visit_expressions_mut(statement, |expr| {
        if let Some(arg) = sum_argument_mut(expr) {
            let name = match &*arg {
                Expr::Identifier(ident) => Some(&ident.value),
                Expr::CompoundIdentifier(parts) => parts.last().map(|p| &p.value),
                _ => None,
            };
            if let Some(data_type) = name.and_then(|n| columns.get(n)) {
                let column = std::mem::replace(arg, Expr::Value(SqlValue::Null.into()));
                *arg = cast(column, data_type.clone());
            }
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
}

/// `SUM(expr)` that is a whole result column → `SUM(CAST(expr AS NUMBER(38,s)))`, `s` the scale
/// of the column's Postgres type (a sum of exact numbers keeps its input's scale, so the cast is
/// the identity on Snowflake) — done only when every other uncast `SUM` of the statement is such
/// a column, so no sum is left that an engine summing untyped input as doubles (the emulator)
/// could compute inexactly for a comparison.
fn sums_of_result_columns(statement: &mut Statement, schema: &SchemaRef) {
    let mut uncast = 0;
    let _ = sqlparser::ast::visit_expressions(statement, |expr| {
        if sum_argument(expr).is_some_and(|arg| !matches!(arg, Expr::Cast { .. })) {
            uncast += 1;
        }
        std::ops::ControlFlow::<()>::Continue(())
    });
    if uncast == 0 {
        return;
    }
    let Statement::Query(query) = statement else { return };
    let sqlparser::ast::SetExpr::Select(select) = query.body.as_mut() else { return };
    if select.projection.len() != schema.fields().len() {
        return;
    }
    let mut casts = Vec::new();
    for (index, (item, field)) in select.projection.iter().zip(schema.fields()).enumerate() {
        let (sqlparser::ast::SelectItem::UnnamedExpr(expr) | sqlparser::ast::SelectItem::ExprWithAlias { expr, .. }) =
            item
        else {
            continue;
        };
        let scale = match field.data_type() {
            datafusion::arrow::datatypes::DataType::Decimal128(_, scale) if *scale >= 0 => i64::from(*scale),
            datafusion::arrow::datatypes::DataType::Int16
            | datafusion::arrow::datatypes::DataType::Int32
            | datafusion::arrow::datatypes::DataType::Int64 => 0,
            _ => continue,
        };
        if sum_argument(expr).is_some_and(|arg| !matches!(arg, Expr::Cast { .. })) {
            casts.push((index, scale));
        }
    }
    if casts.len() != uncast {
        return;
    }
    for (index, scale) in casts {
        if let Some(
            sqlparser::ast::SelectItem::UnnamedExpr(expr) | sqlparser::ast::SelectItem::ExprWithAlias { expr, .. },
        ) = select.projection.get_mut(index)
            && let Some(arg) = sum_argument_mut(expr)
        {
            let inner = std::mem::replace(arg, Expr::Value(SqlValue::Null.into()));
            *arg = cast(inner, sqlparser_number(38, scale));
        }
    }
}

/// The argument of `SUM(arg)` (with or without DISTINCT or OVER).
fn sum_argument(expr: &Expr) -> Option<&Expr> {
    let Expr::Function(function) = expr else { return None };
    let sqlparser::ast::FunctionArguments::List(list) = &function.args else { return None };
    match list.args.as_slice() {
        [sqlparser::ast::FunctionArg::Unnamed(sqlparser::ast::FunctionArgExpr::Expr(arg))]
            if function.name.to_string().eq_ignore_ascii_case("sum") =>
        {
            Some(arg)
        }
        _ => None,
    }
}

fn sum_argument_mut(expr: &mut Expr) -> Option<&mut Expr> {
    let Expr::Function(function) = expr else { return None };
    if !function.name.to_string().eq_ignore_ascii_case("sum") {
        return None;
    }
    let sqlparser::ast::FunctionArguments::List(list) = &mut function.args else { return None };
    match list.args.as_mut_slice() {
        [sqlparser::ast::FunctionArg::Unnamed(sqlparser::ast::FunctionArgExpr::Expr(arg))] => Some(arg),
        _ => None,
    }
}

fn cast(expr: Expr, data_type: SqlType) -> Expr {
    Expr::Cast { kind: sqlparser::ast::CastKind::Cast, expr: Box::new(expr), data_type, array: false, format: None }
}

/// `$n` parameters become Snowflake's numbered binds `:n`. Returns the highest number used.
fn snowflake_placeholders(statement: &mut Statement) -> usize {
    struct Placeholders(usize);
    impl VisitorMut for Placeholders {
        type Break = ();
        fn pre_visit_expr(&mut self, expr: &mut Expr) -> std::ops::ControlFlow<()> {
            if let Expr::Value(value) = expr
                && let SqlValue::Placeholder(name) = &mut value.value
                && let Some(number) = name.strip_prefix('$').and_then(|n| n.parse::<usize>().ok())
            {
                self.0 = self.0.max(number);
                *name = format!(":{number}");
            }
            std::ops::ControlFlow::Continue(())
        }
    }
    let mut visitor = Placeholders(0);
    let _ = statement.visit(&mut visitor);
    visitor.0
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const MANIFEST: &str = r#"
[package]
name = "shop"
version = "1.0.0"
[source]
kind = "snowflake"
account = "acme"
user = "APP"
password = "${P}"
database = "SHOP"
[[tables]]
name = "orders"
physical = "ORDERS"
columns = [
  { name = "id", type = "int4", physical = "ID" },
  { name = "total", type = "numeric(12,2)", physical = "TOTAL" },
  { name = "code", type = "char(3)", physical = "CODE" },
]
"#;

    fn sql(text: &str) -> Result<(String, usize), ConnectorError> {
        let version = PackageVersion::from_toml(MANIFEST, Path::new("/r/shop.toml")).unwrap();
        let statement =
            sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::PostgreSqlDialect {}, text).unwrap().remove(0);
        Adjustments::new(&version).sql(&statement, &SchemaRef::new(datafusion::arrow::datatypes::Schema::empty()))
    }

    #[test]
    fn sums_of_exact_columns_keep_their_type_and_parameters_are_numbered_binds() {
        let (text, placeholders) =
            sql(r#"SELECT sum("TOTAL"), sum(o.total), sum("ID" + 1) FROM t AS o WHERE "ID" > $2"#).unwrap();
        assert_eq!(
            text,
            r#"SELECT sum(CAST("TOTAL" AS NUMERIC(12,2))), sum(CAST(o.total AS NUMERIC(12,2))), sum("ID" + 1) FROM t AS o WHERE "ID" > :2"#
        );
        assert_eq!(placeholders, 2);
    }

    #[test]
    fn sums_that_are_result_columns_are_summed_in_the_result_type() {
        use datafusion::arrow::datatypes::{DataType, Field, Schema};
        let version = PackageVersion::from_toml(MANIFEST, Path::new("/r/shop.toml")).unwrap();
        let adjust = |text: &str, types: Vec<DataType>| {
            let statement = sqlparser::parser::Parser::parse_sql(&sqlparser::dialect::PostgreSqlDialect {}, text)
                .unwrap()
                .remove(0);
            let fields: Vec<Field> = types.into_iter().map(|t| Field::new("c", t, true)).collect();
            Adjustments::new(&version).sql(&statement, &SchemaRef::new(Schema::new(fields))).unwrap().0
        };
        assert_eq!(
            adjust(
                r#"SELECT k, sum("TOTAL" * 2) AS r FROM t GROUP BY k"#,
                vec![DataType::Utf8, DataType::Decimal128(38, 2)]
            ),
            r#"SELECT k, sum(CAST("TOTAL" * 2 AS NUMERIC(38,2))) AS r FROM t GROUP BY k"#
        );
        // Another sum the result type says nothing about: nothing is cast.
        let having = r#"SELECT sum("TOTAL" * 2) FROM t HAVING sum("TOTAL" * 3) > 1"#;
        assert_eq!(adjust(having, vec![DataType::Decimal128(38, 2)]), having);
    }

    #[test]
    fn columns_snowflake_computes_differently_are_refused() {
        let error = sql(r#"SELECT "ID" FROM t WHERE "CODE" = 'ab'"#).unwrap_err();
        assert_eq!(error.kind, ErrorKind::FeatureNotSupported);
        assert!(error.message.contains("\"CODE\""), "{}", error.message);
    }
}
