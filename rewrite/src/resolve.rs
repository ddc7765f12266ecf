//! Name resolution, validation and logical → physical renaming of one query, in a single walk.
//!
//! The walker follows SQL scoping: CTEs (visible to the query that defines them and everything
//! nested in it), FROM items (tables, derived tables, joins with `USING`/`NATURAL`, `LATERAL`),
//! correlated subqueries (inner scopes see outer ones), select-list aliases (visible to ORDER BY,
//! and to GROUP BY when no input column has the name). Every table must be one of the pinned
//! version's tables or a CTE; every column must resolve to exactly one visible relation.
//!
//! As it resolves, it rewrites: package tables become the target's physical names (aliased back
//! to the logical name, wrapped in a renaming subquery when columns have physical names), and
//! schema-qualified column references lose the qualifier the alias no longer needs. Expressions
//! are walked with sqlparser's `VisitorMut`, so every expression form is covered; nested queries
//! found there are resolved by the walker with the enclosing scope as parent.
//!
//! This module never does I/O and never sees the backend.

use std::collections::{BTreeSet, HashMap};
use std::ops::ControlFlow;

use package::{PackageVersion, PgType, Table};
use sqlparser::ast::{
    Expr, Function, FunctionArg, FunctionArgExpr, FunctionArguments, GroupByExpr, Ident, Join, JoinConstraint,
    JoinOperator, ObjectName, ObjectNamePart, OrderByKind, Query, Select, SelectItem, SelectItemQualifiedWildcardKind,
    SetExpr, Spanned, TableAlias, TableFactor, TableWithJoins, Value, VisitMut, VisitorMut,
};

use crate::SessionInfo;
use crate::error::RewriteError;
use crate::names::{column_name, normalize, normalize_object_name};
use crate::parse::char_offset;
use crate::target::Target;

/// The logical schema every package presents its tables in.
pub const LOGICAL_SCHEMA: &str = "public";

/// One column of a query result, as the client will see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputColumn {
    /// The Postgres name of the column (alias, column or function name, or `?column?`).
    pub name: String,
    /// The package's declared type when the column is a direct reference to a package column.
    pub declared: Option<PgType>,
}

/// A column visible through a relation in some scope.
#[derive(Debug, Clone)]
struct RelColumn {
    name: String,
    declared: Option<PgType>,
    /// The package column it is (table and column index), when it is one directly.
    source: Option<(usize, usize)>,
}

/// A FROM item as seen by name resolution.
#[derive(Debug)]
struct Relation {
    /// The name references use: the alias, else the table's own name.
    name: String,
    /// For unaliased package tables, the schema a qualified reference may name.
    schema: Option<String>,
    columns: Vec<RelColumn>,
    /// A function in FROM with one value column and no counter: a reference to the relation's
    /// name as a column is that value (Postgres' whole-row value of a scalar function).
    scalar: bool,
}

#[derive(Debug)]
struct Cte {
    name: String,
    columns: Vec<RelColumn>,
}

/// Whose value a column merged by `USING`/`NATURAL` has: the left side's (inner and left
/// joins), the right side's (right joins), or the first non-NULL of both (full joins).
#[derive(Debug, Clone, Copy)]
enum MergedSide {
    Left,
    Right,
    Both,
}

/// One level of name visibility. Levels chain outward through `parent`.
#[derive(Debug, Default)]
struct Scope<'p> {
    relations: Vec<Relation>,
    /// Columns merged by `USING`/`NATURAL`: an unqualified reference to them is not ambiguous.
    merged: Vec<String>,
    /// The relations whose value a merged column has, first non-NULL first (the left side's;
    /// the right side's for a `RIGHT JOIN`; both for a `FULL JOIN`), for targets that need the
    /// reference written out.
    merged_source: HashMap<String, Vec<String>>,
    ctes: Vec<Cte>,
    parent: Option<&'p Scope<'p>>,
}

impl<'p> Scope<'p> {
    fn child(parent: Option<&'p Scope<'p>>) -> Scope<'p> {
        Scope { parent, ..Scope::default() }
    }

    /// The relations whose value an unqualified merged column reads, if `name` is one.
    fn merged_source(&self, name: &str) -> Option<&[String]> {
        if self.relations.iter().any(|r| r.columns.iter().any(|c| c.name == name)) {
            return self.merged_source.get(name).map(Vec::as_slice);
        }
        self.parent.and_then(|p| p.merged_source(name))
    }

    /// Records a column merged by a join (of `side`) whose right side starts at relation
    /// `left_count`.
    fn merge(&mut self, column: &str, left_count: usize, side: MergedSide) {
        let has = |r: &&Relation| r.columns.iter().any(|c| c.name == column);
        let right = self.relations[left_count..].iter().find(has).map(|r| r.name.clone());
        let left = self
            .merged_source
            .get(column)
            .cloned()
            .or_else(|| self.relations[..left_count].iter().find(has).map(|r| vec![r.name.clone()]));
        let source: Vec<String> = match side {
            MergedSide::Left => left.unwrap_or_default(),
            MergedSide::Right => right.into_iter().collect(),
            MergedSide::Both => left.unwrap_or_default().into_iter().chain(right).collect(),
        };
        if !self.merged.iter().any(|m| m == column) {
            self.merged.push(column.to_string());
        }
        if !source.is_empty() {
            self.merged_source.insert(column.to_string(), source);
        }
    }

    fn find_cte(&self, name: &str) -> Option<&Cte> {
        self.ctes.iter().rev().find(|c| c.name == name).or_else(|| self.parent.and_then(|p| p.find_cte(name)))
    }

    /// Resolves an unqualified column name, innermost level first. An ambiguous name is an
    /// error listing the relations that have it.
    fn find_column(&self, name: &str) -> std::result::Result<Option<&RelColumn>, Vec<String>> {
        let mut found = self.relations.iter().filter_map(|r| r.columns.iter().find(|c| c.name == name));
        match (found.next(), found.next()) {
            (Some(column), None) => Ok(Some(column)),
            (Some(column), Some(_)) if self.merged.iter().any(|m| m == name) => Ok(Some(column)),
            (Some(_), Some(_)) => Err(self
                .relations
                .iter()
                .filter(|r| r.columns.iter().any(|c| c.name == name))
                .map(|r| r.name.clone())
                .collect()),
            (None, _) => match self.parent {
                Some(parent) => parent.find_column(name),
                None => Ok(None),
            },
        }
    }

    /// Finds the relation a qualified reference names, innermost level first.
    fn find_relation(&self, schema: Option<&str>, name: &str) -> Option<&Relation> {
        self.relations
            .iter()
            .find(|r| r.name == name && schema.is_none_or(|s| r.schema.as_deref() == Some(s)))
            .or_else(|| self.parent.and_then(|p| p.find_relation(schema, name)))
    }

    /// Every visible `relation.column`, for "did you mean" hints.
    fn all_columns(&self) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> =
            self.relations.iter().flat_map(|r| r.columns.iter().map(|c| (r.name.clone(), c.name.clone()))).collect();
        if let Some(parent) = self.parent {
            all.extend(parent.all_columns());
        }
        all
    }
}

/// Resolves and rewrites queries against one package version for one target.
pub(crate) struct Resolver<'a> {
    pub package: &'a PackageVersion,
    pub target: Target,
    pub session: &'a SessionInfo,
    pub text: &'a str,
    /// Logical tables the statement reads (for usage accounting and EXPLAIN).
    pub tables_read: BTreeSet<String>,
    /// Package columns the statement reads, as (table, column) indexes (usage accounting).
    pub columns_read: BTreeSet<(usize, usize)>,
}

type Result<T> = std::result::Result<T, RewriteError>;

impl<'a> Resolver<'a> {
    /// Resolves a top-level query and returns its result columns.
    pub fn resolve_query(&mut self, query: &mut Query) -> Result<Vec<OutputColumn>> {
        let columns = self.query(query, None)?;
        Ok(columns.into_iter().map(|c| OutputColumn { name: c.name, declared: c.declared }).collect())
    }

    fn position(&self, ident: &Ident) -> usize {
        char_offset(self.text, ident.span.start.line, ident.span.start.column)
    }

    fn expr_position(&self, expr: &Expr) -> usize {
        let span = expr.span();
        char_offset(self.text, span.start.line, span.start.column)
    }

    fn query(&mut self, query: &mut Query, parent: Option<&Scope<'_>>) -> Result<Vec<RelColumn>> {
        if !query.locks.is_empty() {
            return Err(RewriteError::ReadOnly { what: "SELECT FOR UPDATE".into() });
        }
        if query.for_clause.is_some()
            || query.settings.is_some()
            || query.format_clause.is_some()
            || !query.pipe_operators.is_empty()
        {
            return Err(RewriteError::unsupported("this query clause", 0));
        }
        let mut layer = Scope::child(parent);
        if let Some(with) = &mut query.with {
            for cte in &mut with.cte_tables {
                if cte.from.is_some() {
                    return Err(RewriteError::unsupported("CTE FROM", self.position(&cte.alias.name)));
                }
                let name = normalize(&cte.alias.name);
                let columns = if with.recursive {
                    self.recursive_cte(&name, &cte.alias, &mut cte.query, &layer)?
                } else {
                    self.query(&mut cte.query, Some(&layer))?
                };
                let columns = apply_column_aliases(columns, &cte.alias, self)?;
                layer.ctes.push(Cte { name, columns });
            }
        }
        let order_by = query.order_by.as_mut();
        let columns = self.set_expr(&mut query.body, &layer, order_by)?;
        if let Some(limit) = &mut query.limit_clause {
            // Postgres types a parameter in LIMIT/OFFSET as bigint; say so, for engines that
            // cannot infer it.
            if let sqlparser::ast::LimitClause::LimitOffset { limit, offset, .. } = limit {
                limit.iter_mut().for_each(type_count_parameter);
                offset.iter_mut().for_each(|o| type_count_parameter(&mut o.value));
            }
            let mut visitor = ExprVisitor::new(self, &layer);
            let _ = limit.visit(&mut visitor);
            visitor.finish()?;
        }
        if let Some(fetch) = &mut query.fetch {
            fetch.quantity.iter_mut().for_each(type_count_parameter);
            let mut visitor = ExprVisitor::new(self, &layer);
            let _ = fetch.visit(&mut visitor);
            visitor.finish()?;
        }
        Ok(columns)
    }

    /// `WITH RECURSIVE name AS (base UNION [ALL] step)`: the base fixes the columns, then the
    /// step may reference `name`.
    fn recursive_cte(
        &mut self,
        name: &str,
        alias: &TableAlias,
        query: &mut Query,
        layer: &Scope<'_>,
    ) -> Result<Vec<RelColumn>> {
        let SetExpr::SetOperation { left, right, .. } = query.body.as_mut() else {
            return self.query(query, Some(layer));
        };
        if query.order_by.is_some() || query.limit_clause.is_some() || query.with.is_some() {
            return Err(RewriteError::unsupported("ORDER BY/LIMIT/WITH in a recursive query", 0));
        }
        let base_scope = Scope::child(Some(layer));
        let base = self.set_expr(left, &base_scope, None)?;
        let base = apply_column_aliases(base, alias, self)?;
        let mut step_scope = Scope::child(Some(layer));
        step_scope.ctes.push(Cte { name: name.to_string(), columns: base.clone() });
        self.set_expr(right, &step_scope, None)?;
        Ok(base)
    }

    fn set_expr(
        &mut self,
        body: &mut SetExpr,
        scope: &Scope<'_>,
        order_by: Option<&mut sqlparser::ast::OrderBy>,
    ) -> Result<Vec<RelColumn>> {
        match body {
            SetExpr::Select(select) => self.select(select, scope, order_by),
            SetExpr::Query(query) => {
                let columns = self.query(query, Some(scope))?;
                self.output_order_by(order_by, &columns)?;
                Ok(columns)
            }
            SetExpr::SetOperation { left, right, .. } => {
                let left = self.set_expr(left, scope, None)?;
                let right = self.set_expr(right, scope, None)?;
                if left.len() != right.len() {
                    return Err(RewriteError::Invalid {
                        message: "each UNION query must have the same number of columns".into(),
                        position: 0,
                    });
                }
                let columns: Vec<RelColumn> = left
                    .into_iter()
                    .zip(right)
                    .map(|(l, r)| RelColumn {
                        declared: if l.declared == r.declared { l.declared } else { None },
                        name: l.name,
                        source: None,
                    })
                    .collect();
                self.output_order_by(order_by, &columns)?;
                Ok(columns)
            }
            SetExpr::Values(values) => {
                let width = values.rows.first().map(|r| r.len()).unwrap_or(0);
                let mut visitor = ExprVisitor::new(self, scope);
                let _ = values.visit(&mut visitor);
                visitor.finish()?;
                let columns: Vec<RelColumn> = (1..=width)
                    .map(|i| RelColumn { name: format!("column{i}"), declared: None, source: None })
                    .collect();
                self.output_order_by(order_by, &columns)?;
                Ok(columns)
            }
            SetExpr::Insert(_) => Err(RewriteError::ReadOnly { what: "INSERT".into() }),
            SetExpr::Update(_) => Err(RewriteError::ReadOnly { what: "UPDATE".into() }),
            SetExpr::Delete(_) => Err(RewriteError::ReadOnly { what: "DELETE".into() }),
            SetExpr::Merge(_) => Err(RewriteError::ReadOnly { what: "MERGE".into() }),
            SetExpr::Table(_) => Err(RewriteError::unsupported("TABLE name", 0)),
        }
    }

    /// ORDER BY of a set operation or parenthesized query: output columns and ordinals only.
    fn output_order_by(&mut self, order_by: Option<&mut sqlparser::ast::OrderBy>, columns: &[RelColumn]) -> Result<()> {
        let Some(order_by) = order_by else { return Ok(()) };
        let OrderByKind::Expressions(items) = &mut order_by.kind else {
            return Err(RewriteError::unsupported("ORDER BY ALL", 0));
        };
        for item in items {
            let ok = match &item.expr {
                Expr::Identifier(ident) => columns.iter().any(|c| c.name == normalize(ident)),
                Expr::Value(v) => matches!(v.value, Value::Number(..)),
                _ => false,
            };
            if !ok {
                return Err(RewriteError::Unsupported {
                    message: "invalid UNION/INTERSECT/EXCEPT ORDER BY clause".into(),
                    position: self.expr_position(&item.expr),
                });
            }
        }
        Ok(())
    }

    fn select(
        &mut self,
        select: &mut Select,
        parent: &Scope<'_>,
        order_by: Option<&mut sqlparser::ast::OrderBy>,
    ) -> Result<Vec<RelColumn>> {
        if select.into.is_some() {
            return Err(RewriteError::ReadOnly { what: "SELECT INTO".into() });
        }
        if select.top.is_some()
            || !select.lateral_views.is_empty()
            || select.prewhere.is_some()
            || !select.connect_by.is_empty()
            || !select.cluster_by.is_empty()
            || !select.distribute_by.is_empty()
            || !select.sort_by.is_empty()
            || select.value_table_mode.is_some()
            || select.exclude.is_some()
            || !select.optimizer_hints.is_empty()
            || select.select_modifiers.is_some()
            || !matches!(select.flavor, sqlparser::ast::SelectFlavor::Standard)
        {
            return Err(RewriteError::unsupported("this SELECT clause", 0));
        }

        let mut scope = Scope::child(Some(parent));
        for item in &mut select.from {
            self.table_with_joins(item, &mut scope)?;
        }

        if let Some(selection) = &mut select.selection {
            self.expr(selection, &scope)?;
        }

        // The select list: expand stars, resolve expressions, name the columns.
        let mut output = Vec::new();
        let mut projection = Vec::with_capacity(select.projection.len());
        for mut item in std::mem::take(&mut select.projection) {
            match &mut item {
                SelectItem::UnnamedExpr(expr) => {
                    // Named before resolution: inlined session functions keep their names.
                    let name = column_name(expr);
                    let bare_column = matches!(expr, Expr::Identifier(_));
                    self.expr(expr, &scope)?;
                    output.push(RelColumn {
                        name: name.clone(),
                        declared: self.declared_type(expr, &scope),
                        source: None,
                    });
                    // A merged column written out as `COALESCE(…)` keeps its name.
                    if bare_column && matches!(expr, Expr::Function(_)) {
                        let expr = std::mem::replace(expr, Expr::Value(sqlparser::ast::Value::Null.into()));
                        item = SelectItem::ExprWithAlias { expr, alias: quoted(&name) };
                    }
                }
                SelectItem::ExprWithAlias { expr, alias } => {
                    self.expr(expr, &scope)?;
                    output.push(RelColumn {
                        name: normalize(alias),
                        declared: self.declared_type(expr, &scope),
                        source: None,
                    });
                }
                SelectItem::ExprWithAliases { .. } => {
                    return Err(RewriteError::unsupported("multiple column aliases", 0));
                }
                SelectItem::Wildcard(options) => {
                    if wildcard_has_options(options) {
                        return Err(RewriteError::unsupported("SELECT * with options", 0));
                    }
                    if scope.relations.is_empty() {
                        return Err(RewriteError::Invalid {
                            message: "SELECT * with no tables specified is not valid".into(),
                            position: 0,
                        });
                    }
                    let columns = star_columns(&scope);
                    self.columns_read.extend(columns.iter().filter_map(|(_, c)| c.source));
                    if !scope.merged.is_empty() {
                        // Spell the columns out: backends order `*` over USING joins differently.
                        for (relation, column) in &columns {
                            let name = quoted(&column.name);
                            let item = match (relation, scope.merged_source(&column.name)) {
                                (Some(relation), _) => {
                                    SelectItem::UnnamedExpr(Expr::CompoundIdentifier(vec![quoted(relation), name]))
                                }
                                // A `FULL JOIN`'s merged column, for targets that need it written out.
                                (None, Some(sources)) if sources.len() > 1 && self.target == Target::DataFusion => {
                                    SelectItem::ExprWithAlias { expr: merged_value(sources, &name), alias: name }
                                }
                                (None, _) => SelectItem::UnnamedExpr(Expr::Identifier(name)),
                            };
                            projection.push(item);
                        }
                        output.extend(columns.into_iter().map(|(_, c)| c));
                        continue;
                    }
                    output.extend(columns.into_iter().map(|(_, c)| c));
                }
                SelectItem::QualifiedWildcard(kind, options) => {
                    if wildcard_has_options(options) {
                        return Err(RewriteError::unsupported("SELECT t.* with options", 0));
                    }
                    let SelectItemQualifiedWildcardKind::ObjectName(name) = kind else {
                        return Err(RewriteError::unsupported("expr.*", 0));
                    };
                    let columns = self.qualified_star(name, &scope)?;
                    self.columns_read.extend(columns.iter().filter_map(|c| c.source));
                    output.extend(columns);
                }
            }
            projection.push(item);
        }
        select.projection = projection;
        let output_names: Vec<String> = output.iter().map(|c| c.name.clone()).collect();

        if let Some(sqlparser::ast::Distinct::On(exprs)) = &mut select.distinct {
            for expr in exprs {
                self.expr(expr, &scope)?;
            }
        }

        match &mut select.group_by {
            GroupByExpr::All(_) => return Err(RewriteError::unsupported("GROUP BY ALL", 0)),
            GroupByExpr::Expressions(exprs, modifiers) => {
                if !modifiers.is_empty() {
                    return Err(RewriteError::unsupported("GROUP BY modifiers", 0));
                }
                for expr in exprs {
                    // Postgres: an input column wins; an output alias is the fallback.
                    if let Expr::Identifier(ident) = expr {
                        let name = normalize(ident);
                        if matches!(scope.find_column(&name), Ok(None)) && output_names.contains(&name) {
                            continue;
                        }
                    }
                    self.expr(expr, &scope)?;
                }
            }
        }
        if let Some(having) = &mut select.having {
            self.expr(having, &scope)?;
        }
        if let Some(qualify) = &mut select.qualify {
            self.expr(qualify, &scope)?;
        }
        for window in &mut select.named_window {
            let mut visitor = ExprVisitor::new(self, &scope);
            let _ = window.visit(&mut visitor);
            visitor.finish()?;
        }

        if let Some(order_by) = order_by {
            let OrderByKind::Expressions(items) = &mut order_by.kind else {
                return Err(RewriteError::unsupported("ORDER BY ALL", 0));
            };
            for item in items {
                // Postgres: an output column name wins; then input expressions.
                if let Expr::Identifier(ident) = &item.expr
                    && output_names.contains(&normalize(ident))
                {
                    continue;
                }
                self.expr(&mut item.expr, &scope)?;
            }
        }
        Ok(output)
    }

    fn declared_type(&self, expr: &Expr, scope: &Scope<'_>) -> Option<PgType> {
        match expr {
            Expr::Identifier(ident) => scope.find_column(&normalize(ident)).ok().flatten().and_then(|c| c.declared),
            Expr::CompoundIdentifier(parts) if parts.len() == 2 => scope
                .find_relation(None, &normalize(&parts[0]))
                .and_then(|r| r.columns.iter().find(|c| c.name == normalize(&parts[1])))
                .and_then(|c| c.declared),
            Expr::Nested(inner) => self.declared_type(inner, scope),
            // An element of `array_agg(x)` has x's type (the engine may plan it as `nth_value`).
            Expr::CompoundFieldAccess { root, access_chain }
                if matches!(
                    access_chain.as_slice(),
                    [sqlparser::ast::AccessExpr::Subscript(sqlparser::ast::Subscript::Index { .. })]
                ) =>
            {
                let mut root = root.as_ref();
                while let Expr::Nested(inner) = root {
                    root = inner;
                }
                if let Expr::Function(function) = root
                    && function.name.to_string().eq_ignore_ascii_case("array_agg")
                    && let FunctionArguments::List(list) = &function.args
                    && let [FunctionArg::Unnamed(FunctionArgExpr::Expr(element))] = list.args.as_slice()
                {
                    return self.declared_type(element, scope);
                }
                None
            }
            // A cast says what it produces, whatever the engine remembers of the operand.
            Expr::Cast { data_type, array: false, format: None, .. } => {
                PgType::parse(&data_type.to_string().to_lowercase()).ok()
            }
            _ => None,
        }
    }

    fn qualified_star(&self, name: &mut ObjectName, scope: &Scope<'_>) -> Result<Vec<RelColumn>> {
        let parts = normalize_object_name(name);
        let (schema, relation_name) = match parts.as_slice() {
            [rel] => (None, rel.as_str()),
            [schema, rel] => (Some(schema.as_str()), rel.as_str()),
            [_, schema, rel] => (Some(schema.as_str()), rel.as_str()),
            _ => return Err(RewriteError::unsupported("this qualified *", 0)),
        };
        let ident = name.0.last().and_then(ObjectNamePart::as_ident).cloned().unwrap_or_else(|| Ident::new(""));
        let relation = scope.find_relation(schema, relation_name).ok_or_else(|| RewriteError::UndefinedTable {
            message: format!("missing FROM-clause entry for table \"{relation_name}\""),
            hint: None,
            position: self.position(&ident),
        })?;
        *name = ObjectName::from(vec![quoted(&relation.name)]);
        Ok(relation.columns.clone())
    }

    fn table_with_joins(&mut self, item: &mut TableWithJoins, scope: &mut Scope<'_>) -> Result<()> {
        self.table_factor(&mut item.relation, scope)?;
        for join in &mut item.joins {
            self.join(join, scope)?;
        }
        Ok(())
    }

    fn join(&mut self, join: &mut Join, scope: &mut Scope<'_>) -> Result<()> {
        let left_count = scope.relations.len();
        self.table_factor(&mut join.relation, scope)?;
        let side = match join.join_operator {
            JoinOperator::Right(_) | JoinOperator::RightOuter(_) => MergedSide::Right,
            JoinOperator::FullOuter(_) => MergedSide::Both,
            _ => MergedSide::Left,
        };
        let constraint = match &mut join.join_operator {
            JoinOperator::Join(c)
            | JoinOperator::Inner(c)
            | JoinOperator::Left(c)
            | JoinOperator::LeftOuter(c)
            | JoinOperator::Right(c)
            | JoinOperator::RightOuter(c)
            | JoinOperator::FullOuter(c)
            | JoinOperator::CrossJoin(c) => c,
            _ => return Err(RewriteError::unsupported("this join type", 0)),
        };
        match constraint {
            JoinConstraint::On(expr) => self.expr(expr, scope),
            JoinConstraint::Using(names) => {
                for name in names.iter() {
                    let parts = normalize_object_name(name);
                    let [column] = parts.as_slice() else {
                        return Err(RewriteError::unsupported("qualified USING column", 0));
                    };
                    let ident =
                        name.0.last().and_then(ObjectNamePart::as_ident).cloned().unwrap_or_else(|| Ident::new(""));
                    let in_left =
                        scope.relations[..left_count].iter().any(|r| r.columns.iter().any(|c| &c.name == column));
                    let in_right =
                        scope.relations[left_count..].iter().any(|r| r.columns.iter().any(|c| &c.name == column));
                    if !in_left || !in_right {
                        let side = if in_left { "right" } else { "left" };
                        return Err(RewriteError::UndefinedColumn {
                            message: format!(
                                "column \"{column}\" specified in USING clause does not exist in {side} table"
                            ),
                            hint: None,
                            position: self.position(&ident),
                        });
                    }
                    scope.merge(column, left_count, side);
                }
                Ok(())
            }
            JoinConstraint::Natural => {
                let right: BTreeSet<&String> =
                    scope.relations[left_count..].iter().flat_map(|r| r.columns.iter().map(|c| &c.name)).collect();
                let common: Vec<String> = scope.relations[..left_count]
                    .iter()
                    .flat_map(|r| r.columns.iter().map(|c| &c.name))
                    .filter(|n| right.contains(n))
                    .cloned()
                    .collect();
                for name in common {
                    scope.merge(&name, left_count, side);
                }
                Ok(())
            }
            JoinConstraint::None => Ok(()),
        }
    }

    fn table_factor(&mut self, factor: &mut TableFactor, scope: &mut Scope<'_>) -> Result<()> {
        // A function in FROM sees the items before it anyway: `LATERAL f(…)` is `f(…)`.
        if let TableFactor::Function { lateral: true, name, args, with_ordinality, alias } = factor {
            *factor = TableFactor::Table {
                name: name.clone(),
                alias: alias.take(),
                args: Some(sqlparser::ast::TableFunctionArgs { args: std::mem::take(args), settings: None }),
                with_hints: Vec::new(),
                version: None,
                with_ordinality: *with_ordinality,
                partitions: Vec::new(),
                json_path: None,
                sample: None,
                index_hints: Vec::new(),
            };
        }
        match factor {
            TableFactor::Table {
                name,
                alias,
                args,
                with_hints,
                version,
                with_ordinality,
                partitions,
                json_path,
                sample,
                index_hints,
            } => {
                if let Some(args) = args {
                    // A set-returning function (`generate_series(…)`, `unnest(…)`): one column,
                    // and `WITH ORDINALITY` the counter, named like Postgres names them; its
                    // arguments see the FROM items before it.
                    let parts = normalize_object_name(name);
                    let [function] = parts.as_slice() else {
                        return Err(RewriteError::unsupported(format!("table function {name}"), 0));
                    };
                    let out = crate::names::out_parameters(function);
                    if out.is_none() || !with_hints.is_empty() {
                        return Err(RewriteError::unsupported(
                            format!("table function {name}"),
                            first_ident(name).map(|i| self.position(&i)).unwrap_or(0),
                        ));
                    }
                    for arg in args.args.iter_mut() {
                        if let sqlparser::ast::FunctionArg::Unnamed(sqlparser::ast::FunctionArgExpr::Expr(expr)) = arg {
                            self.expr(expr, scope)?;
                        } else {
                            return Err(RewriteError::unsupported(format!("arguments of {name}"), 0));
                        }
                    }
                    let out = out.unwrap_or_default();
                    let ordinality = *with_ordinality;
                    let named = crate::names::set_returning_columns(alias.as_ref(), function, out, ordinality);
                    let (relation, names) = named.ok_or_else(|| RewriteError::Invalid {
                        message: format!("too many column aliases specified for function {function}"),
                        position: 0,
                    })?;
                    // One value and no counter: the relation's name also means that value.
                    let scalar = names.len() == 1;
                    let columns = names.into_iter().map(|name| RelColumn { name, declared: None, source: None });
                    scope.relations.push(Relation { name: relation, schema: None, columns: columns.collect(), scalar });
                    return Ok(());
                }
                if !with_hints.is_empty()
                    || version.is_some()
                    || *with_ordinality
                    || !partitions.is_empty()
                    || json_path.is_some()
                    || sample.is_some()
                    || !index_hints.is_empty()
                {
                    return Err(RewriteError::unsupported("this table clause", 0));
                }
                let parts = normalize_object_name(name);
                let ident = name.0.last().and_then(ObjectNamePart::as_ident).cloned().unwrap_or_else(|| Ident::new(""));
                let position = first_ident(name).map(|i| self.position(&i)).unwrap_or(0);

                // A CTE shadows a package table of the same (unqualified) name.
                if let [single] = parts.as_slice()
                    && let Some(cte) = scope.find_cte(single)
                {
                    let columns = apply_column_aliases(cte.columns.clone(), alias_or_empty(alias), self)?;
                    let rel_name = alias.as_ref().map(|a| normalize(&a.name)).unwrap_or_else(|| single.clone());
                    scope.relations.push(Relation { name: rel_name, schema: None, columns, scalar: false });
                    return Ok(());
                }
                let table = self.package_table(&parts, &ident, position)?;
                self.tables_read.insert(table.name.clone());
                let index = self.package.tables.iter().position(|t| std::ptr::eq(t, table));
                let columns: Vec<RelColumn> = table
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| RelColumn {
                        name: c.name.clone(),
                        declared: Some(c.ty),
                        source: index.map(|table| (table, i)),
                    })
                    .collect();
                let columns = apply_column_aliases(columns, alias_or_empty(alias), self)?;
                let (rel_name, schema) = match alias {
                    Some(a) => (normalize(&a.name), None),
                    None => (table.name.clone(), Some(LOGICAL_SCHEMA.to_string())),
                };
                let new_alias = alias.clone().unwrap_or_else(|| TableAlias {
                    explicit: true,
                    name: quoted(&table.name),
                    columns: Vec::new(),
                    at: None,
                });
                *factor = self.physical_factor(table, new_alias);
                scope.relations.push(Relation { name: rel_name, schema, columns, scalar: false });
                Ok(())
            }
            TableFactor::Derived { lateral, subquery, alias, sample } => {
                if sample.is_some() {
                    return Err(RewriteError::unsupported("TABLESAMPLE", 0));
                }
                let columns =
                    if *lateral { self.query(subquery, Some(&*scope))? } else { self.query(subquery, scope.parent)? };
                let columns = apply_column_aliases(columns, alias_or_empty(alias), self)?;
                let name = alias.as_ref().map(|a| normalize(&a.name)).unwrap_or_else(|| "unnamed_subquery".into());
                scope.relations.push(Relation { name, schema: None, columns, scalar: false });
                Ok(())
            }
            TableFactor::NestedJoin { table_with_joins, alias } => {
                let before = scope.relations.len();
                self.table_with_joins(table_with_joins, scope)?;
                if let Some(alias) = alias {
                    let inner: Vec<Relation> = scope.relations.drain(before..).collect();
                    let columns = inner.into_iter().flat_map(|r| r.columns).collect();
                    let columns = apply_column_aliases(columns, alias, self)?;
                    scope.relations.push(Relation {
                        name: normalize(&alias.name),
                        schema: None,
                        columns,
                        scalar: false,
                    });
                }
                Ok(())
            }
            TableFactor::UNNEST { alias, array_exprs, with_offset, with_offset_alias: _, with_ordinality } => {
                if *with_offset {
                    return Err(RewriteError::unsupported("UNNEST … WITH OFFSET", 0));
                }
                for expr in array_exprs.iter_mut() {
                    self.expr(expr, scope)?;
                }
                let (relation, names) =
                    crate::names::function_columns(alias.as_ref(), "unnest", array_exprs.len(), *with_ordinality)
                        .ok_or_else(|| RewriteError::Invalid {
                            message: "too many column aliases specified for function unnest".into(),
                            position: 0,
                        })?;
                let scalar = names.len() == 1;
                let columns = names.into_iter().map(|name| RelColumn { name, declared: None, source: None }).collect();
                scope.relations.push(Relation { name: relation, schema: None, columns, scalar });
                Ok(())
            }
            other => Err(RewriteError::unsupported(format!("FROM item `{other}`"), 0)),
        }
    }

    /// Finds the package table a (possibly qualified) name refers to.
    fn package_table(&self, parts: &[String], ident: &Ident, position: usize) -> Result<&'a Table> {
        let table_name = match parts {
            [table] => Some(table),
            [schema, table] if schema == LOGICAL_SCHEMA => Some(table),
            [database, schema, table] if schema == LOGICAL_SCHEMA && self.session.database_matches(database) => {
                Some(table)
            }
            _ => None,
        };
        if let Some(table) = table_name.and_then(|t| self.package.table(t)) {
            return Ok(table);
        }
        let written = parts.join(".");
        let names: Vec<&str> = self.package.tables.iter().map(|t| t.name.as_str()).collect();
        let hint = match closest(&normalize(ident), names.iter().copied()) {
            Some(close) => format!("Perhaps you meant the table \"{close}\"."),
            None => format!("{} has the tables: {}.", self.package.id(), names.join(", ")),
        };
        Err(RewriteError::UndefinedTable {
            message: format!("relation \"{written}\" does not exist"),
            hint: Some(hint),
            position,
        })
    }

    /// The target's reference to a package table, keeping the logical name as the alias.
    fn physical_factor(&self, table: &Table, alias: TableAlias) -> TableFactor {
        let name = self.target.physical_table_name(&self.package.source, table);
        if !table.renames_columns() {
            return plain_table(name, alias);
        }
        // Physical column names differ: a renaming subquery presents the logical ones.
        let projection = table
            .columns
            .iter()
            .map(|c| {
                SelectItem::ExprWithAlias { expr: Expr::Identifier(quoted(&c.physical)), alias: quoted(&c.name) }
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join(", ");
        let subquery = crate::parse::parse(&format!("SELECT {projection} FROM {name}"))
            .ok()
            .and_then(|mut statements| statements.pop())
            .and_then(|statement| match statement {
                sqlparser::ast::Statement::Query(query) => Some(query),
                _ => None,
            });
        match subquery {
            Some(subquery) => TableFactor::Derived { lateral: false, subquery, alias: Some(alias), sample: None },
            // Quoted identifiers always re-parse; this arm only keeps the function total.
            None => plain_table(name, alias),
        }
    }

    /// Resolves (and rewrites) one expression in `scope`.
    fn expr(&mut self, expr: &mut Expr, scope: &Scope<'_>) -> Result<()> {
        let mut visitor = ExprVisitor::new(self, scope);
        let _ = expr.visit(&mut visitor);
        visitor.finish()
    }

    /// Resolves a column reference in place; returns an error for unknown or ambiguous names.
    fn column_ref(&mut self, expr: &mut Expr, scope: &Scope<'_>) -> Result<()> {
        match expr {
            Expr::Identifier(ident) => {
                let name = normalize(ident);
                let found = scope.find_column(&name);
                if let Ok(Some(RelColumn { source: Some(source), .. })) = found {
                    self.columns_read.insert(*source);
                }
                match found {
                    // DataFusion reads an unqualified merged column as ambiguous outside the
                    // select list: name the relation whose value it is.
                    Ok(Some(_)) if self.target == Target::DataFusion => {
                        if let Some(source) = scope.merged_source(&name) {
                            *expr = merged_value(source, ident);
                        }
                        Ok(())
                    }
                    Ok(Some(_)) => Ok(()),
                    Err(relations) => {
                        let candidates: Vec<String> = relations.iter().map(|r| format!("\"{r}.{name}\"")).collect();
                        Err(RewriteError::AmbiguousColumn {
                            hint: format!(
                                "It could refer to {}; qualify it with the table name.",
                                candidates.join(" or ")
                            ),
                            name,
                            position: self.position(ident),
                        })
                    }
                    Ok(None)
                        if let Some(Relation { columns, scalar: true, .. }) = scope.find_relation(None, &name)
                            && let [value] = columns.as_slice() =>
                    {
                        let column = Ident::with_quote('"', value.name.clone());
                        *expr = Expr::CompoundIdentifier(vec![ident.clone(), column]);
                        self.column_ref(expr, scope)
                    }
                    Ok(None) => Err(RewriteError::UndefinedColumn {
                        message: format!("column \"{name}\" does not exist"),
                        hint: self.column_hint(&name, scope),
                        position: self.position(ident),
                    }),
                }
            }
            Expr::CompoundIdentifier(parts) => {
                let names: Vec<String> = parts.iter().map(normalize).collect();
                let (schema, relation_name, column) = match names.as_slice() {
                    [rel, col] => (None, rel, col),
                    [schema, rel, col] => (Some(schema.as_str()), rel, col),
                    [db, schema, rel, col] if self.session.database_matches(db) => (Some(schema.as_str()), rel, col),
                    _ => {
                        return Err(RewriteError::unsupported(
                            format!("the reference {expr}"),
                            self.expr_position(expr),
                        ));
                    }
                };
                let position = self.position(&parts[0]);
                let Some(relation) = scope.find_relation(schema, relation_name) else {
                    return Err(RewriteError::UndefinedTable {
                        message: format!("missing FROM-clause entry for table \"{relation_name}\""),
                        hint: None,
                        position,
                    });
                };
                let Some(found) = relation.columns.iter().find(|c| &c.name == column) else {
                    return Err(RewriteError::UndefinedColumn {
                        message: format!("column {relation_name}.{column} does not exist"),
                        hint: self.column_hint(column, scope),
                        position,
                    });
                };
                if let Some(source) = found.source {
                    self.columns_read.insert(source);
                }
                if parts.len() > 2 {
                    let last = parts.len() - 1;
                    *parts = vec![quoted(&relation.name), parts[last].clone()];
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn column_hint(&self, name: &str, scope: &Scope<'_>) -> Option<String> {
        let all = scope.all_columns();
        let close = closest(name, all.iter().map(|(_, c)| c.as_str()))?;
        let (relation, column) = all.iter().find(|(_, c)| c == close)?;
        Some(format!("Perhaps you meant to reference the column \"{relation}.{column}\"."))
    }

    /// Session functions are answered by packwire, not the backend: inline their values.
    fn session_function(&self, function: &Function) -> Option<String> {
        let parts = normalize_object_name(&function.name);
        let name = match parts.as_slice() {
            [name] => name.as_str(),
            [schema, name] if schema == "pg_catalog" => name.as_str(),
            _ => return None,
        };
        let no_args = match &function.args {
            sqlparser::ast::FunctionArguments::None => true,
            sqlparser::ast::FunctionArguments::List(list) => list.args.is_empty(),
            sqlparser::ast::FunctionArguments::Subquery(_) => false,
        };
        if !no_args || function.over.is_some() || function.filter.is_some() {
            return None;
        }
        match name {
            "version" => Some(self.session.version.clone()),
            "current_database" | "current_catalog" => Some(self.session.database.clone()),
            "current_schema" => Some(LOGICAL_SCHEMA.to_string()),
            "current_user" | "session_user" | "user" | "current_role" => Some(self.session.user.clone()),
            _ => None,
        }
    }
}

/// Walks expressions with sqlparser's visitor: resolves column references, inlines session
/// functions and hands nested queries back to the scoped walker.
struct ExprVisitor<'r, 'a, 's, 'p> {
    resolver: &'r mut Resolver<'a>,
    scope: &'s Scope<'p>,
    /// >0 while walking inside a nested query that the walker has already resolved.
    nested: usize,
    error: Option<RewriteError>,
}

impl<'r, 'a, 's, 'p> ExprVisitor<'r, 'a, 's, 'p> {
    fn new(resolver: &'r mut Resolver<'a>, scope: &'s Scope<'p>) -> Self {
        ExprVisitor { resolver, scope, nested: 0, error: None }
    }

    fn finish(self) -> Result<()> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    fn fail(&mut self, error: RewriteError) -> ControlFlow<()> {
        self.error = Some(error);
        ControlFlow::Break(())
    }
}

impl VisitorMut for ExprVisitor<'_, '_, '_, '_> {
    type Break = ();

    fn pre_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
        if self.nested == 0
            && let Err(error) = self.resolver.query(query, Some(self.scope))
        {
            return self.fail(error);
        }
        self.nested += 1;
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _query: &mut Query) -> ControlFlow<()> {
        self.nested -= 1;
        ControlFlow::Continue(())
    }

    fn pre_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
        if self.nested > 0 {
            return ControlFlow::Continue(());
        }
        match expr {
            Expr::Identifier(_) | Expr::CompoundIdentifier(_) => {
                if let Err(error) = self.resolver.column_ref(expr, self.scope) {
                    // `SELECT current_user` parses as an identifier in some positions.
                    if let Expr::Identifier(ident) = expr
                        && ident.quote_style.is_none()
                    {
                        let function = Function {
                            name: ObjectName::from(vec![ident.clone()]),
                            uses_odbc_syntax: false,
                            parameters: sqlparser::ast::FunctionArguments::None,
                            args: sqlparser::ast::FunctionArguments::None,
                            filter: None,
                            null_treatment: None,
                            over: None,
                            within_group: Vec::new(),
                        };
                        if let Some(value) = self.resolver.session_function(&function) {
                            *expr = string_literal(value);
                            return ControlFlow::Continue(());
                        }
                    }
                    return self.fail(error);
                }
            }
            Expr::Function(function) => {
                named_arguments(function);
                if let Some(value) = self.resolver.session_function(function) {
                    *expr = string_literal(value);
                }
            }
            _ => {}
        }
        ControlFlow::Continue(())
    }
}

/// `f(days => 3)`: the parser reads an argument's name as an expression; it names a parameter,
/// not a column, so it is made a plain name before column references are resolved.
fn named_arguments(function: &mut Function) {
    let sqlparser::ast::FunctionArguments::List(list) = &mut function.args else { return };
    for arg in list.args.iter_mut() {
        if let sqlparser::ast::FunctionArg::ExprNamed { name: Expr::Identifier(name), arg: value, operator } = arg {
            *arg = sqlparser::ast::FunctionArg::Named {
                name: name.clone(),
                arg: value.clone(),
                operator: operator.clone(),
            };
        }
    }
}

/// `$n` → `CAST($n AS BIGINT)` where Postgres infers a row count.
fn type_count_parameter(expr: &mut Expr) {
    if let Expr::Value(v) = expr
        && matches!(v.value, Value::Placeholder(_))
    {
        let placeholder = std::mem::replace(expr, Expr::Value(Value::Null.into()));
        *expr = Expr::Cast {
            kind: sqlparser::ast::CastKind::Cast,
            expr: Box::new(placeholder),
            data_type: sqlparser::ast::DataType::BigInt(None),
            array: false,
            format: None,
        };
    }
}

fn string_literal(value: String) -> Expr {
    Expr::Value(Value::SingleQuotedString(value).into())
}

/// A quoted identifier: physical and logical names are used exactly as the manifest spells them.
pub(crate) fn quoted(name: &str) -> Ident {
    Ident::with_quote('"', name)
}

/// The value of a merged `USING`/`NATURAL` column written out: `source.column`, or the first
/// non-NULL of several (`COALESCE(a.k, b.k)`, a `FULL JOIN`'s merged column).
fn merged_value(sources: &[String], column: &Ident) -> Expr {
    let mut values: Vec<Expr> =
        sources.iter().map(|source| Expr::CompoundIdentifier(vec![quoted(source), column.clone()])).collect();
    match values.len() {
        1 => values.remove(0),
        _ => crate::dialect::function_call("COALESCE", values),
    }
}

/// `name AS alias` with no other clauses.
fn plain_table(name: ObjectName, alias: TableAlias) -> TableFactor {
    TableFactor::Table {
        name,
        alias: Some(alias),
        args: None,
        with_hints: Vec::new(),
        version: None,
        with_ordinality: false,
        partitions: Vec::new(),
        json_path: None,
        sample: None,
        index_hints: Vec::new(),
    }
}

fn first_ident(name: &ObjectName) -> Option<Ident> {
    name.0.first().and_then(ObjectNamePart::as_ident).cloned()
}

fn alias_or_empty(alias: &Option<TableAlias>) -> &TableAlias {
    static EMPTY: std::sync::OnceLock<TableAlias> = std::sync::OnceLock::new();
    alias.as_ref().unwrap_or_else(|| {
        EMPTY.get_or_init(|| TableAlias { explicit: false, name: Ident::new(""), columns: Vec::new(), at: None })
    })
}

/// Applies `alias(a, b, …)` column renames.
fn apply_column_aliases(
    mut columns: Vec<RelColumn>,
    alias: &TableAlias,
    resolver: &Resolver<'_>,
) -> Result<Vec<RelColumn>> {
    if alias.columns.len() > columns.len() {
        return Err(RewriteError::Invalid {
            message: format!(
                "table \"{}\" has {} columns available but {} columns specified",
                normalize(&alias.name),
                columns.len(),
                alias.columns.len()
            ),
            position: resolver.position(&alias.name),
        });
    }
    for (column, renamed) in columns.iter_mut().zip(&alias.columns) {
        if renamed.data_type.is_some() {
            return Err(RewriteError::unsupported("typed column aliases", 0));
        }
        column.name = normalize(&renamed.name);
    }
    Ok(columns)
}

fn wildcard_has_options(options: &sqlparser::ast::WildcardAdditionalOptions) -> bool {
    options.opt_ilike.is_some()
        || options.opt_exclude.is_some()
        || options.opt_except.is_some()
        || options.opt_replace.is_some()
        || options.opt_rename.is_some()
}

/// `*` over the FROM list, in Postgres' order: merged `USING`/`NATURAL` columns first (once,
/// unqualified), then every relation's other columns (qualified by the relation).
fn star_columns(scope: &Scope<'_>) -> Vec<(Option<String>, RelColumn)> {
    let mut out: Vec<(Option<String>, RelColumn)> = Vec::new();
    for name in &scope.merged {
        if let Some(column) = scope.relations.iter().find_map(|r| r.columns.iter().find(|c| &c.name == name)) {
            out.push((None, column.clone()));
        }
    }
    for relation in &scope.relations {
        for column in relation.columns.iter().filter(|c| !scope.merged.contains(&c.name)) {
            out.push((Some(relation.name.clone()), column.clone()));
        }
    }
    out
}

/// The candidate closest to `name` by edit distance, if it is close enough to be a typo.
fn closest<'n>(name: &str, candidates: impl Iterator<Item = &'n str>) -> Option<&'n str> {
    let limit = (name.chars().count() / 3).max(2);
    candidates
        .map(|candidate| (strsim::levenshtein(name, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}
