//! Parameter types a client declares in Parse. Postgres gives such a parameter the declared type
//! outright (`SELECT $1` declared `numeric` returns a `numeric` column, `int_col = $1` declared
//! `numeric` compares as numeric), exactly as if the statement cast it: `$1::numeric`. So a
//! declared type is written into the statement as that cast, before resolution, for Postgres
//! targets, which then type the parameter as Postgres does by being Postgres. Other engines
//! would apply their own casting rules (the embedded engine casts text to a column's decimal
//! scale, rounding): there the parameter is typed from its context as before.
//!
//! Placeholders inside LIMIT, OFFSET and FETCH are left bare: those clauses take a count, which
//! every target types itself, and engines accept only a bare parameter or constant there.

use std::collections::HashSet;
use std::ops::ControlFlow;

use package::PgType;
use sqlparser::ast::{CastKind, Expr, Query, Value, Visit, Visitor};

use crate::Target;

/// Casts every parameter `$n` of `query` whose declared type (`declared[n - 1]`) is known,
/// when the target is Postgres.
pub fn apply(query: &mut Query, declared: &[Option<PgType>], target: Target) {
    if target != Target::Postgres || declared.iter().all(Option::is_none) {
        return;
    }
    let mut counts = CountPlaceholders::default();
    let _ = query.visit(&mut counts);
    let _ = sqlparser::ast::visit_expressions_mut(query, |expr| {
        if let Expr::Value(value) = expr
            && let Value::Placeholder(name) = &value.value
            && !counts.names.contains(name)
            && let Some(data_type) =
                parameter_number(name).and_then(|n| declared.get(n - 1).copied().flatten()).and_then(sql_type)
        {
            let placeholder = std::mem::replace(expr, Expr::value(Value::Null));
            *expr = Expr::Cast {
                kind: CastKind::DoubleColon,
                expr: Box::new(placeholder),
                data_type,
                array: false,
                format: None,
            };
        }
        ControlFlow::<()>::Continue(())
    });
}

/// `$n` → n (1-based), for n in Postgres' range of parameter numbers.
pub(crate) fn parameter_number(name: &str) -> Option<usize> {
    name.strip_prefix('$').and_then(|n| n.parse::<usize>().ok()).filter(|n| (1..=65_535).contains(n))
}

/// The SQL type a Postgres type is spelled as in a cast.
fn sql_type(ty: PgType) -> Option<sqlparser::ast::DataType> {
    let dialect = sqlparser::dialect::PostgreSqlDialect {};
    sqlparser::parser::Parser::new(&dialect).try_with_sql(&ty.to_string()).ok()?.parse_data_type().ok()
}

/// The placeholders written in LIMIT, OFFSET or FETCH clauses (of any query in the statement).
#[derive(Default)]
struct CountPlaceholders {
    names: HashSet<String>,
}

impl CountPlaceholders {
    fn note(&mut self, node: &impl Visit) {
        let _ = sqlparser::ast::visit_expressions(node, |expr| {
            if let Expr::Value(value) = expr
                && let Value::Placeholder(name) = &value.value
            {
                self.names.insert(name.clone());
            }
            ControlFlow::<()>::Continue(())
        });
    }
}

impl Visitor for CountPlaceholders {
    type Break = ();

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
        if let Some(clause) = &query.limit_clause {
            self.note(clause);
        }
        if let Some(quantity) = query.fetch.as_ref().and_then(|fetch| fetch.quantity.as_ref()) {
            self.note(quantity);
        }
        ControlFlow::Continue(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(sql: &str, types: &[Option<PgType>]) -> String {
        let mut statements = crate::parse(sql).unwrap();
        let sqlparser::ast::Statement::Query(query) = &mut statements[0] else { panic!("not a query") };
        apply(query, types, Target::Postgres);
        query.to_string()
    }

    #[test]
    fn a_declared_type_is_a_cast_of_every_use_of_its_parameter() {
        assert_eq!(
            declared("SELECT $1, $2 FROM t WHERE a = $1", &[Some(PgType::Numeric(None)), None]),
            "SELECT $1::NUMERIC, $2 FROM t WHERE a = $1::NUMERIC"
        );
        assert_eq!(
            declared("SELECT $1 WHERE $2 IN (SELECT x FROM u)", &[None, Some(PgType::Timestamptz)]),
            "SELECT $1 WHERE $2::TIMESTAMP WITH TIME ZONE IN (SELECT x FROM u)"
        );
    }

    #[test]
    fn counts_stay_bare_and_undeclared_statements_are_untouched() {
        let int8 = Some(PgType::Int8);
        assert_eq!(
            declared("SELECT a FROM t WHERE a > $1 LIMIT $2 OFFSET $3", &[int8, int8, int8]),
            "SELECT a FROM t WHERE a > $1::BIGINT LIMIT $2 OFFSET $3"
        );
        assert_eq!(
            declared("SELECT a FROM t FETCH FIRST $1 ROWS ONLY", &[int8]),
            "SELECT a FROM t FETCH FIRST $1 ROWS ONLY"
        );
        assert_eq!(declared("SELECT $1", &[None]), "SELECT $1");
        let mut statements = crate::parse("SELECT $1").unwrap();
        let sqlparser::ast::Statement::Query(query) = &mut statements[0] else { panic!("not a query") };
        apply(query, &[int8], Target::DataFusion);
        assert_eq!(query.to_string(), "SELECT $1");
    }
}
