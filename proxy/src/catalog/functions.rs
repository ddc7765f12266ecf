//! The functions catalog queries call (`format_type`, `pg_get_userbyid`, `pg_table_is_visible`,
//! `pg_get_indexdef`, `col_description`, `has_*_privilege`, the `reg*` conversions the catalog
//! rewrite writes for casts, …), answered from the version's [`Model`].
//!
//! Each is a row-by-row closure over `ScalarValue`s: catalogs are small, and the arguments are
//! of whatever type a client wrote (`'16405'`, `16405::oid`, a column), so one generic adapter
//! reads them instead of a typed kernel per function.

use std::sync::Arc;

use connectors::datafusion::arrow::array::{ArrayRef, new_empty_array};
use connectors::datafusion::arrow::datatypes::{DataType, Field};
use connectors::datafusion::common::{DataFusionError, Result, ScalarValue};
use connectors::datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, TypeSignature, Volatility,
};
use connectors::error::{ConnectorError, ErrorKind};
use package::PgType;

use super::model::{self, Model, OWNER};

type Body = dyn Fn(&[ScalarValue]) -> Result<ScalarValue> + Send + Sync;

/// A catalog function: a name, its result type and a body evaluated per row.
struct CatalogFunction {
    name: &'static str,
    signature: Signature,
    returns: DataType,
    body: Arc<Body>,
}

impl std::fmt::Debug for CatalogFunction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CatalogFunction({})", self.name)
    }
}

impl PartialEq for CatalogFunction {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for CatalogFunction {}

impl std::hash::Hash for CatalogFunction {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl ScalarUDFImpl for CatalogFunction {
    fn name(&self) -> &str {
        self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _: &[DataType]) -> Result<DataType> {
        Ok(self.returns.clone())
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let all_scalar = args.args.iter().all(|a| matches!(a, ColumnarValue::Scalar(_)));
        if all_scalar {
            let values: Vec<ScalarValue> = args
                .args
                .iter()
                .map(|a| match a {
                    ColumnarValue::Scalar(s) => s.clone(),
                    ColumnarValue::Array(_) => ScalarValue::Null,
                })
                .collect();
            return Ok(ColumnarValue::Scalar((self.body)(&values)?));
        }
        let arrays: Vec<ArrayRef> =
            args.args.iter().map(|a| a.to_array(args.number_rows)).collect::<Result<Vec<_>>>()?;
        if args.number_rows == 0 {
            return Ok(ColumnarValue::Array(new_empty_array(&self.returns)));
        }
        let mut results = Vec::with_capacity(args.number_rows);
        for row in 0..args.number_rows {
            let values = arrays.iter().map(|a| ScalarValue::try_from_array(a, row)).collect::<Result<Vec<_>>>()?;
            results.push((self.body)(&values)?);
        }
        Ok(ColumnarValue::Array(ScalarValue::iter_to_array(results)?))
    }
}

/// An error with a Postgres SQLSTATE, raised from a catalog function.
fn sql_error(code: &str, message: String) -> DataFusionError {
    DataFusionError::External(Box::new(ConnectorError::new(ErrorKind::Backend(code.into()), message)))
}

/// An integer argument (OIDs arrive as integers of any width or as their text).
fn int(value: Option<&ScalarValue>) -> Option<i64> {
    match value? {
        ScalarValue::Int8(v) => v.map(i64::from),
        ScalarValue::Int16(v) => v.map(i64::from),
        ScalarValue::Int32(v) => v.map(i64::from),
        ScalarValue::Int64(v) => *v,
        ScalarValue::UInt8(v) => v.map(i64::from),
        ScalarValue::UInt16(v) => v.map(i64::from),
        ScalarValue::UInt32(v) => v.map(i64::from),
        ScalarValue::UInt64(v) => v.and_then(|v| i64::try_from(v).ok()),
        ScalarValue::Utf8(Some(text)) | ScalarValue::Utf8View(Some(text)) | ScalarValue::LargeUtf8(Some(text)) => {
            text.trim().parse().ok()
        }
        _ => None,
    }
}

/// A text argument.
fn text(value: Option<&ScalarValue>) -> Option<String> {
    match value? {
        ScalarValue::Utf8(v) | ScalarValue::Utf8View(v) | ScalarValue::LargeUtf8(v) => v.clone(),
        other if other.is_null() => None,
        other => Some(other.to_string()),
    }
}

fn is_text(value: Option<&ScalarValue>) -> bool {
    matches!(value, Some(ScalarValue::Utf8(_) | ScalarValue::Utf8View(_) | ScalarValue::LargeUtf8(_)))
}

fn utf8(value: Option<String>) -> ScalarValue {
    ScalarValue::Utf8(value)
}

/// A name as Postgres reads an identifier in text (`"Quoted"` keeps case, others fold), split
/// at dots outside quotes.
fn parse_qualified(name: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = name.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                current.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            '.' if !quoted => parts.push(std::mem::take(&mut current)),
            c if quoted => current.push(c),
            c => current.extend(c.to_lowercase()),
        }
    }
    parts.push(current);
    parts
}

/// `format_type(oid, typmod)`: a type's SQL spelling.
pub fn format_type(oid: i64, modifier: Option<i32>) -> String {
    if let Some(ty) = u32::try_from(oid).ok().and_then(PgType::from_oid).filter(|t| i64::from(t.oid()) == oid) {
        return match (ty, modifier) {
            (PgType::Char(_), None) => "character".into(),
            (PgType::Char(_), Some(m)) if m < 0 => "bpchar".into(),
            (ty, Some(m)) => model::with_modifier(ty, m).to_string(),
            (ty, None) => ty.to_string(),
        };
    }
    match model::builtin(oid) {
        Some(t) if t.name == "char" => "\"char\"".into(),
        Some(t) if t.element != 0 && t.name.starts_with('_') => format!("{}[]", format_type(t.element, None)),
        Some(t) => t.name.to_string(),
        None => "???".into(),
    }
}

/// `pg_size_pretty(bigint)`, Postgres 15's units and rounding (`dbsize.c`).
fn size_pretty(size: i64) -> String {
    // (unit, limit, half-rounded, bits)
    const UNITS: [(&str, i64, bool, u32); 6] = [
        ("bytes", 10 * 1024, false, 0),
        ("kB", 20 * 1024 - 1, true, 10),
        ("MB", 20 * 1024 - 1, true, 20),
        ("GB", 20 * 1024 - 1, true, 30),
        ("TB", 20 * 1024 - 1, true, 40),
        ("PB", 20 * 1024 - 1, true, 50),
    ];
    let half_rounded = |x: i64| (x + if x < 0 { -1 } else { 1 }) / 2;
    let mut size = size;
    for (index, (name, limit, round, bits)) in UNITS.iter().enumerate() {
        let next = UNITS.get(index + 1);
        if next.is_none() || size.unsigned_abs() < *limit as u64 {
            let shown = if *round { half_rounded(size) } else { size };
            return format!("{shown} {name}");
        }
        if let Some((_, _, next_round, next_bits)) = next {
            let shift = next_bits - bits - u32::from(*next_round) + u32::from(*round);
            size /= 1i64 << shift;
        }
    }
    format!("{size} bytes")
}

/// Whether a privilege list (`'SELECT'`, `'select, usage'`, `'SELECT WITH GRANT OPTION'`) holds
/// only what a read-only package grants.
fn read_privilege(privileges: &str) -> bool {
    privileges.split(',').all(|p| {
        let p = p.trim().to_uppercase();
        matches!(p.as_str(), "SELECT" | "USAGE" | "CONNECT" | "REFERENCES")
    })
}

/// Every catalog function, bound to `model`.
pub fn functions(model: Arc<Model>, version: String) -> Vec<ScalarUDF> {
    let mut out = Vec::new();
    let mut add = |name: &'static str, returns: DataType, body: Arc<Body>| {
        let signature = Signature::one_of(vec![TypeSignature::Nullary, TypeSignature::VariadicAny], Volatility::Stable);
        out.push(ScalarUDF::from(CatalogFunction { name, signature, returns, body }));
    };
    let m = model.clone();
    add(
        "pg_get_userbyid",
        DataType::Utf8,
        Arc::new(move |a| {
            Ok(utf8(int(a.first()).map(|oid| match oid {
                OWNER => m.user.clone(),
                other => format!("unknown (OID={other})"),
            })))
        }),
    );
    add(
        "pg_encoding_to_char",
        DataType::Utf8,
        Arc::new(|a| Ok(utf8(int(a.first()).map(|e| if e == 6 { "UTF8".into() } else { String::new() })))),
    );
    let m = model.clone();
    add(
        "pg_table_is_visible",
        DataType::Boolean,
        Arc::new(move |a| {
            Ok(ScalarValue::Boolean(
                int(a.first()).and_then(|oid| m.relation(oid)).map(|r| r.namespace != model::INFORMATION_SCHEMA),
            ))
        }),
    );
    add(
        "pg_type_is_visible",
        DataType::Boolean,
        Arc::new(|a| Ok(ScalarValue::Boolean(int(a.first()).map(|oid| model::builtin(oid).is_some())))),
    );
    add(
        "format_type",
        DataType::Utf8,
        Arc::new(|a| {
            let modifier = int(a.get(1)).and_then(|m| i32::try_from(m).ok());
            Ok(utf8(int(a.first()).map(|oid| format_type(oid, modifier))))
        }),
    );
    // packwire's catalog holds no expression trees, views, functions, triggers or extended
    // statistics: every `pg_node_tree` is NULL and every OID these functions could describe is
    // unknown, for which Postgres answers NULL too.
    for name in [
        "pg_get_expr",
        "pg_get_viewdef",
        "pg_get_function_result",
        "pg_get_function_arguments",
        "pg_get_function_identity_arguments",
        "pg_get_triggerdef",
        "pg_get_statisticsobjdef_columns",
    ] {
        add(name, DataType::Utf8, Arc::new(|_| Ok(ScalarValue::Utf8(None))));
    }
    add("pg_function_is_visible", DataType::Boolean, Arc::new(|_| Ok(ScalarValue::Boolean(None))));
    // The storage a backend uses for a relation is not the package's to tell: sizes are NULL
    // (shown empty by psql's `\dt+`), never a made-up number.
    for name in ["pg_table_size", "pg_relation_size", "pg_total_relation_size", "pg_indexes_size"] {
        add(name, DataType::Int64, Arc::new(|_| Ok(ScalarValue::Int64(None))));
    }
    add("pg_size_pretty", DataType::Utf8, Arc::new(|a| Ok(utf8(int(a.first()).map(size_pretty)))));
    let m = model.clone();
    add(
        "pg_get_indexdef",
        DataType::Utf8,
        Arc::new(move |a| {
            let Some(index) = int(a.first()) else { return Ok(utf8(None)) };
            match int(a.get(1)).filter(|c| *c > 0) {
                Some(column) => Ok(utf8(
                    m.relation(index)
                        .and_then(|r| r.columns.get(column as usize - 1))
                        .map(|c| model::quote_ident(&c.0)),
                )),
                None => Ok(utf8(m.index_definition(index))),
            }
        }),
    );
    let m = model.clone();
    add(
        "pg_get_constraintdef",
        DataType::Utf8,
        Arc::new(move |a| Ok(utf8(int(a.first()).and_then(|c| m.constraint_definition(c))))),
    );
    let m = model.clone();
    add(
        "col_description",
        DataType::Utf8,
        Arc::new(move |a| {
            let (Some(table), Some(column)) = (int(a.first()), int(a.get(1))) else { return Ok(utf8(None)) };
            Ok(utf8(m.column_descriptions.iter().find(|(t, c, _)| *t == table && *c == column).map(|d| d.2.clone())))
        }),
    );
    let m = model.clone();
    add(
        "obj_description",
        DataType::Utf8,
        Arc::new(move |a| {
            let Some(oid) = int(a.first()) else { return Ok(utf8(None)) };
            let catalog = text(a.get(1));
            let description = match catalog.as_deref() {
                Some("pg_namespace") => match oid {
                    model::PUBLIC => Some("standard public schema".to_string()),
                    model::PG_CATALOG => Some("system catalog schema".to_string()),
                    _ => None,
                },
                None | Some("pg_class") => m.relation(oid).and_then(|r| r.description.clone()),
                _ => None,
            };
            Ok(utf8(description))
        }),
    );
    let m = model.clone();
    add(
        "shobj_description",
        DataType::Utf8,
        Arc::new(move |a| {
            let described = int(a.first()) == Some(model::DATABASE) && !m.description.is_empty();
            Ok(utf8(described.then(|| m.description.clone())))
        }),
    );
    // The privilege functions are the ones the rewrite routes here: one list.
    let privileges =
        rewrite::catalog::CATALOG_FUNCTIONS.iter().filter(|n| n.starts_with("has_") && n.ends_with("_privilege"));
    for name in privileges {
        add(
            name,
            DataType::Boolean,
            Arc::new(|a| Ok(ScalarValue::Boolean(text(a.last()).map(|p| read_privilege(&p))))),
        );
    }
    add("pg_has_role", DataType::Boolean, Arc::new(|_| Ok(ScalarValue::Boolean(Some(true)))));
    // packwire serves no logical replication: no relation can be published.
    add("pg_relation_is_publishable", DataType::Boolean, Arc::new(|_| Ok(ScalarValue::Boolean(Some(false)))));
    add("pg_is_in_recovery", DataType::Boolean, Arc::new(|_| Ok(ScalarValue::Boolean(Some(false)))));
    add(
        "current_schemas",
        DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        Arc::new(|a| {
            let implicit = matches!(a.first(), Some(ScalarValue::Boolean(Some(true))));
            let schemas: Vec<ScalarValue> = match implicit {
                true => vec!["pg_catalog".into(), "public".into()],
                false => vec!["public".into()],
            };
            Ok(ScalarValue::List(ScalarValue::new_list_nullable(&schemas, &DataType::Utf8)))
        }),
    );
    add("current_schema", DataType::Utf8, Arc::new(|_| Ok(utf8(Some("public".into())))));
    let m = model.clone();
    add("current_database", DataType::Utf8, Arc::new(move |_| Ok(utf8(Some(m.database.clone())))));
    let m = model.clone();
    add("current_catalog", DataType::Utf8, Arc::new(move |_| Ok(utf8(Some(m.database.clone())))));
    for name in ["current_user", "session_user", "current_role", "user"] {
        let m = model.clone();
        add(name, DataType::Utf8, Arc::new(move |_| Ok(utf8(Some(m.user.clone())))));
    }
    add("version", DataType::Utf8, Arc::new(move |_| Ok(utf8(Some(version.clone())))));

    // `reg*` casts, as the catalog rewrite writes them: `x::regclass` → `regclass_oid(x)`, and
    // where the value is shown, `regclass_name(regclass_oid(x))`.
    let m = model.clone();
    add("regclass_oid", DataType::Int64, Arc::new(move |a| reg_oid(a, |name| lookup_relation(&m, name), "relation")));
    let m = model.clone();
    add(
        "to_regclass",
        DataType::Int64,
        Arc::new(move |a| Ok(ScalarValue::Int64(text(a.first()).and_then(|n| lookup_relation(&m, &n))))),
    );
    let m = model.clone();
    add(
        "regclass_name",
        DataType::Utf8,
        Arc::new(move |a| {
            Ok(utf8(int(a.first()).map(|oid| {
                reg_text(oid, |oid| match m.relation(oid) {
                    Some(r) if r.namespace == model::INFORMATION_SCHEMA => {
                        format!("information_schema.{}", model::quote_ident(&r.name))
                    }
                    Some(r) => model::quote_ident(&r.name),
                    None => oid.to_string(),
                })
            })))
        }),
    );
    add("regtype_oid", DataType::Int64, Arc::new(|a| reg_oid(a, lookup_type, "type")));
    add(
        "to_regtype",
        DataType::Int64,
        Arc::new(|a| Ok(ScalarValue::Int64(text(a.first()).and_then(|n| lookup_type(&n))))),
    );
    add(
        "regtype_name",
        DataType::Utf8,
        Arc::new(|a| {
            Ok(utf8(int(a.first()).map(|oid| {
                reg_text(oid, |oid| match model::builtin(oid) {
                    Some(_) => format_type(oid, None),
                    None => oid.to_string(),
                })
            })))
        }),
    );
    add("regnamespace_oid", DataType::Int64, Arc::new(|a| reg_oid(a, lookup_namespace, "schema")));
    add(
        "to_regnamespace",
        DataType::Int64,
        Arc::new(|a| Ok(ScalarValue::Int64(text(a.first()).and_then(|n| lookup_namespace(&n))))),
    );
    add(
        "regnamespace_name",
        DataType::Utf8,
        Arc::new(|a| {
            Ok(utf8(int(a.first()).map(|oid| {
                reg_text(oid, |oid| Model::namespace_name(oid).map_or_else(|| oid.to_string(), String::from))
            })))
        }),
    );
    let m = model.clone();
    add(
        "regrole_oid",
        DataType::Int64,
        Arc::new(move |a| reg_oid(a, |name| (parse_qualified(name) == [m.user.clone()]).then_some(OWNER), "role")),
    );
    let m = model.clone();
    add(
        "regrole_name",
        DataType::Utf8,
        Arc::new(move |a| {
            Ok(utf8(
                int(a.first())
                    .map(|oid| reg_text(oid, |oid| if oid == OWNER { m.user.clone() } else { oid.to_string() })),
            ))
        }),
    );
    // The catalog lists no functions: a function name never resolves, an OID prints as itself.
    add("to_regproc", DataType::Int64, Arc::new(|_| Ok(ScalarValue::Int64(None))));
    for (oid_name, name_name) in [("regproc_oid", "regproc_name"), ("regprocedure_oid", "regprocedure_name")] {
        add(oid_name, DataType::Int64, Arc::new(|a| reg_oid(a, |_| None, "function")));
        add(
            name_name,
            DataType::Utf8,
            Arc::new(|a| Ok(utf8(int(a.first()).map(|oid| reg_text(oid, |oid| oid.to_string()))))),
        );
    }
    // `x = ANY($1)` with the array bound as text (psycopg sends a list of strings so; pgcli's
    // completion queries do): the catalog rewrite reads the parameter through this.
    add(
        "pg_text_array",
        DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true))),
        Arc::new(|a| {
            // An array bound typed (`text[]`, in binary) arrives as a list: its elements as text.
            if let Some(ScalarValue::List(list)) = a.first() {
                let elements = connectors::datafusion::arrow::compute::cast(&list.value(0), &DataType::Utf8)?;
                let values = (0..elements.len())
                    .map(|i| ScalarValue::try_from_array(&elements, i))
                    .collect::<Result<Vec<_>>>()?;
                return Ok(ScalarValue::List(ScalarValue::new_list_nullable(&values, &DataType::Utf8)));
            }
            let elements = match text(a.first()) {
                None => return Ok(ScalarValue::List(ScalarValue::new_list_nullable(&[], &DataType::Utf8))),
                Some(array) => rewrite::array_text::array_elements(&array)
                    .ok_or_else(|| sql_error("22P02", format!("malformed array literal: \"{array}\"")))?,
            };
            let values: Vec<ScalarValue> = elements.into_iter().map(ScalarValue::Utf8).collect();
            Ok(ScalarValue::List(ScalarValue::new_list_nullable(&values, &DataType::Utf8)))
        }),
    );
    out
}

/// A `reg*` value as its output function prints it: OID 0 as `-` (every `reg*` type does so),
/// any other by `name`.
fn reg_text(oid: i64, name: impl FnOnce(i64) -> String) -> String {
    if oid == 0 { "-".into() } else { name(oid) }
}

/// A `reg*` input: an integer or numeric text is the OID itself, other text a name to look up
/// (an unknown name is Postgres' error for that kind of object).
fn reg_oid(args: &[ScalarValue], lookup: impl Fn(&str) -> Option<i64>, kind: &str) -> Result<ScalarValue> {
    let value = args.first();
    if !is_text(value) {
        return Ok(ScalarValue::Int64(int(value)));
    }
    let Some(name) = text(value) else { return Ok(ScalarValue::Int64(None)) };
    if let Ok(oid) = name.trim().parse::<i64>() {
        return Ok(ScalarValue::Int64(Some(oid)));
    }
    match lookup(&name) {
        Some(oid) => Ok(ScalarValue::Int64(Some(oid))),
        None => {
            let code = match kind {
                "relation" => "42P01",
                "function" => "42883",
                "schema" => "3F000",
                _ => "42704",
            };
            Err(sql_error(code, format!("{kind} \"{name}\" does not exist")))
        }
    }
}

fn lookup_relation(model: &Model, name: &str) -> Option<i64> {
    let parts = parse_qualified(name);
    let (schema, relation) = match parts.as_slice() {
        [relation] => (None, relation),
        [schema, relation] => (Some(Model::namespace_oid(schema)?), relation),
        _ => return None,
    };
    model
        .relations
        .iter()
        .filter(|r| &r.name == relation)
        .find(|r| match schema {
            Some(namespace) => r.namespace == namespace,
            None => r.namespace != model::INFORMATION_SCHEMA,
        })
        .map(|r| r.oid)
}

fn lookup_type(name: &str) -> Option<i64> {
    let unqualified = name.trim().strip_prefix("pg_catalog.").unwrap_or(name.trim());
    if let Ok(ty) = PgType::parse(unqualified) {
        return Some(i64::from(ty.oid()));
    }
    let lowered = unqualified.trim_matches('"').to_lowercase();
    super::columns::BUILTIN_TYPES.iter().find(|t| t.name == lowered).map(|t| t.oid)
}

fn lookup_namespace(name: &str) -> Option<i64> {
    match parse_qualified(name).as_slice() {
        [schema] => Model::namespace_oid(schema),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_types_as_postgres() {
        // Postgres 15's format_type of each.
        assert_eq!(format_type(1043, Some(29)), "character varying(25)");
        assert_eq!(format_type(1043, None), "character varying");
        assert_eq!(format_type(1700, Some((15 << 16 | 2) + 4)), "numeric(15,2)");
        assert_eq!(format_type(1042, Some(5)), "character(1)");
        assert_eq!(format_type(1042, Some(-1)), "bpchar");
        assert_eq!(format_type(1042, None), "character");
        assert_eq!(format_type(1184, Some(-1)), "timestamp with time zone");
        assert_eq!(format_type(18, None), "\"char\"");
        assert_eq!(format_type(19, None), "name");
        assert_eq!(format_type(1009, None), "text[]");
        assert_eq!(format_type(22, None), "int2vector");
        assert_eq!(format_type(999_999, None), "???");
    }

    #[test]
    fn sizes_read_as_postgres() {
        // Postgres 15's pg_size_pretty of each.
        let cases = [
            (0, "0 bytes"),
            (10239, "10239 bytes"),
            (10240, "10 kB"),
            (20971519, "20 MB"),
            (20971520, "20 MB"),
            (-10240, "-10 kB"),
            (1_000_000_000_000, "931 GB"),
            (i64::MAX, "8192 PB"),
        ];
        for (size, text) in cases {
            assert_eq!(size_pretty(size), text, "{size}");
        }
    }

    #[test]
    fn reads_names_as_postgres() {
        assert_eq!(parse_qualified("Public.\"LineItem\""), vec!["public", "LineItem"]);
        assert_eq!(parse_qualified("\"a.b\""), vec!["a.b"]);
        assert!(read_privilege("select, USAGE"));
        assert!(!read_privilege("INSERT"));
    }
}
