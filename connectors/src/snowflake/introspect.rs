//! `package init --from snowflake://…`: a Snowflake schema's tables and columns, read from its
//! `INFORMATION_SCHEMA`, with each Snowflake type as the Postgres type a package declares for it.
//! Snowflake does not enforce primary keys, so none are declared. `package check` compares a
//! manifest with the same description.

use datafusion::arrow::array::{Array, AsArray};
use datafusion::arrow::datatypes::DataType;
use package::PgType;
use serde_json::json;

use super::Client;
use super::client::QueryData;
use crate::error::{ConnectorError, ErrorKind};
use crate::postgres::IntrospectedTable;

const COLUMNS: &str = "SELECT table_name, column_name, data_type, numeric_precision, numeric_scale, \
    character_maximum_length, is_nullable, comment FROM information_schema.columns \
    WHERE table_schema = :1 ORDER BY table_name, ordinal_position";
const TABLES: &str = "SELECT table_name, comment FROM information_schema.tables WHERE table_schema = :1";

/// A column as Snowflake's `INFORMATION_SCHEMA` describes it.
#[derive(Debug, Clone)]
pub struct LiveColumn {
    pub name: String,
    /// `NUMBER`, `TEXT`, `TIMESTAMP_NTZ`, …
    pub data_type: String,
    pub precision: Option<u32>,
    pub scale: Option<u32>,
    pub length: Option<u32>,
    pub nullable: bool,
    pub comment: Option<String>,
}

/// A table (or view) and its columns in order.
#[derive(Debug, Clone)]
pub struct LiveTable {
    pub name: String,
    pub comment: Option<String>,
    pub columns: Vec<LiveColumn>,
}

/// The tables (and views) of `schema`, optionally only `only` of them, in name order.
pub async fn describe(client: &Client, schema: &str, only: &[String]) -> Result<Vec<LiveTable>, ConnectorError> {
    let bind = json!({ "1": { "type": "TEXT", "value": schema } });
    let id = || uuid::Uuid::new_v4().to_string();
    let columns = text_rows(&client.query(COLUMNS, Some(bind.clone()), json!({}), &id()).await?)?;
    let comments = text_rows(&client.query(TABLES, Some(bind), json!({}), &id()).await?)?;
    let mut tables: Vec<LiveTable> = Vec::new();
    for row in columns {
        let [Some(table), Some(column), Some(data_type), precision, scale, length, nullable, comment] = &row[..] else {
            continue;
        };
        if !only.is_empty() && !only.contains(table) {
            continue;
        }
        let number = |text: &Option<String>| text.as_deref().and_then(|t| t.parse::<u32>().ok());
        let live = LiveColumn {
            name: column.clone(),
            data_type: data_type.to_uppercase(),
            precision: number(precision),
            scale: number(scale),
            length: number(length),
            nullable: nullable.as_deref() != Some("NO"),
            comment: comment.clone().filter(|c| !c.is_empty()),
        };
        match tables.last_mut() {
            Some(last) if &last.name == table => last.columns.push(live),
            _ => tables.push(LiveTable {
                name: table.clone(),
                comment: comments
                    .iter()
                    .find(|r| r.first().and_then(Option::as_ref) == Some(table))
                    .and_then(|r| r.get(1).cloned().flatten())
                    .filter(|c| !c.is_empty()),
                columns: vec![live],
            }),
        }
    }
    tables.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(tables)
}

/// The tables in the form `package init` writes manifests from: each column with the Postgres
/// type declared for it, or its Snowflake type name when no Postgres type holds it exactly.
pub fn as_introspected(tables: Vec<LiveTable>) -> Vec<IntrospectedTable> {
    tables
        .into_iter()
        .map(|table| IntrospectedTable {
            name: table.name,
            description: table.comment,
            primary_key: Vec::new(),
            columns: table
                .columns
                .into_iter()
                .map(|c| {
                    let ty = c.postgres_type().unwrap_or_else(|| c.data_type.clone());
                    (c.name, ty, c.nullable, c.comment)
                })
                .collect(),
        })
        .collect()
}

impl LiveColumn {
    /// The Postgres type `package init` declares for this column.
    pub fn postgres_type(&self) -> Option<String> {
        postgres_type(&self.data_type, self.precision, self.scale, self.length)
    }

    /// Whether values of this column read exactly as the declared type (`package check`).
    /// Integers may sit in any NUMBER without fraction (a value out of the type's range is an
    /// error when read); a numeric needs a NUMBER of at most its scale.
    pub fn holds(&self, declared: PgType) -> bool {
        let kind = self.data_type.as_str();
        let is_number = matches!(kind, "NUMBER" | "DECIMAL" | "NUMERIC");
        match declared {
            PgType::Int2 | PgType::Int4 | PgType::Int8 | PgType::Oid => is_number && self.scale.unwrap_or(0) == 0,
            PgType::Numeric(Some((_, scale))) => is_number && i64::from(self.scale.unwrap_or(0)) <= i64::from(scale),
            PgType::Numeric(None) => is_number,
            PgType::Float4 | PgType::Float8 => matches!(kind, "FLOAT" | "DOUBLE" | "REAL"),
            PgType::Bool => kind == "BOOLEAN",
            PgType::Date => kind == "DATE",
            PgType::Time => kind == "TIME",
            PgType::Timestamp => kind == "TIMESTAMP_NTZ",
            PgType::Timestamptz => matches!(kind, "TIMESTAMP_LTZ" | "TIMESTAMP_TZ"),
            PgType::Bytea => kind == "BINARY",
            PgType::Json | PgType::Jsonb => matches!(kind, "VARIANT" | "OBJECT" | "ARRAY" | "TEXT"),
            PgType::Text | PgType::Name | PgType::Varchar(_) | PgType::Char(_) | PgType::Uuid | PgType::Interval => {
                matches!(kind, "TEXT" | "VARCHAR" | "STRING")
            }
            PgType::Array(_) => false,
        }
    }
}

/// The Postgres type declared for a Snowflake column type, or `None` when none holds its values
/// exactly. Integers get the narrowest Postgres integer their precision fits.
pub fn postgres_type(
    data_type: &str,
    precision: Option<u32>,
    scale: Option<u32>,
    length: Option<u32>,
) -> Option<String> {
    Some(match data_type.to_uppercase().as_str() {
        "NUMBER" | "DECIMAL" | "NUMERIC" => match (precision.unwrap_or(38), scale.unwrap_or(0)) {
            (p, 0) if p <= 4 => "int2".into(),
            (p, 0) if p <= 9 => "int4".into(),
            (p, 0) if p <= 18 => "int8".into(),
            (p, s) if p <= 38 && s <= p => format!("numeric({p},{s})"),
            _ => return None,
        },
        "FLOAT" | "FLOAT4" | "FLOAT8" | "DOUBLE" | "REAL" => "float8".into(),
        // Snowflake's default length (16 MiB) means "any text"; Postgres' varchar stops at 10 MiB.
        "TEXT" | "VARCHAR" | "STRING" => match length {
            Some(n) if n <= 10_485_760 => format!("varchar({n})"),
            _ => "text".into(),
        },
        "BOOLEAN" => "bool".into(),
        "DATE" => "date".into(),
        "TIME" => "time".into(),
        "TIMESTAMP_NTZ" => "timestamp".into(),
        "TIMESTAMP_LTZ" | "TIMESTAMP_TZ" => "timestamptz".into(),
        "BINARY" => "bytea".into(),
        "VARIANT" | "OBJECT" | "ARRAY" => "jsonb".into(),
        _ => return None,
    })
}

/// The Snowflake column type a copy of a declared column is created with: one whose values read
/// back exactly as the declared type ([`LiveColumn::holds`]). Types Snowflake has none of
/// (intervals, uuids, `char(n)`, arrays, and `numeric` without a scale) are held as their text.
pub fn snowflake_type(ty: PgType) -> String {
    match ty {
        PgType::Bool => "BOOLEAN".into(),
        PgType::Int2 => "NUMBER(5,0)".into(),
        PgType::Int4 | PgType::Oid => "NUMBER(10,0)".into(),
        PgType::Int8 => "NUMBER(19,0)".into(),
        PgType::Float4 | PgType::Float8 => "FLOAT".into(),
        PgType::Numeric(Some((p, s))) => format!("NUMBER({p},{s})"),
        PgType::Varchar(Some(n)) => format!("VARCHAR({n})"),
        PgType::Json | PgType::Jsonb => "VARIANT".into(),
        PgType::Date => "DATE".into(),
        PgType::Time => "TIME".into(),
        PgType::Timestamp => "TIMESTAMP_NTZ".into(),
        PgType::Timestamptz => "TIMESTAMP_TZ".into(),
        PgType::Bytea => "BINARY".into(),
        PgType::Numeric(None)
        | PgType::Text
        | PgType::Name
        | PgType::Varchar(None)
        | PgType::Char(_)
        | PgType::Uuid
        | PgType::Interval
        | PgType::Array(_) => "VARCHAR".into(),
    }
}

/// Every value of a (small) result as text.
fn text_rows(data: &QueryData) -> Result<Vec<Vec<Option<String>>>, ConnectorError> {
    let mut rows = Vec::new();
    for batch in super::first_batches(data)? {
        let mut columns = Vec::new();
        for (array, column) in batch.columns().iter().zip(&data.rowtype) {
            let canonical = super::decode::canonical(array, column)?;
            columns.push(datafusion::arrow::compute::cast(&canonical, &DataType::Utf8)?);
        }
        for row in 0..batch.num_rows() {
            rows.push(
                columns
                    .iter()
                    .map(|c| {
                        let text = c.as_string::<i32>();
                        text.is_valid(row).then(|| text.value(row).to_string())
                    })
                    .collect(),
            );
        }
    }
    if !data.chunks.is_empty() {
        return Err(ConnectorError::new(ErrorKind::Internal, "the schema's description is too large to read"));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use package::PgType;

    use super::{LiveColumn, postgres_type, snowflake_type};

    fn live(data_type: &str, scale: Option<u32>) -> LiveColumn {
        LiveColumn {
            name: "c".into(),
            data_type: data_type.into(),
            precision: Some(38),
            scale,
            length: None,
            nullable: true,
            comment: None,
        }
    }

    #[test]
    fn which_snowflake_columns_hold_a_declared_type() {
        assert!(live("NUMBER", Some(0)).holds(PgType::Int4));
        assert!(!live("NUMBER", Some(2)).holds(PgType::Int8));
        assert!(live("NUMBER", Some(2)).holds(PgType::Numeric(Some((15, 2)))));
        assert!(live("NUMBER", Some(2)).holds(PgType::Numeric(Some((15, 4)))));
        assert!(!live("NUMBER", Some(4)).holds(PgType::Numeric(Some((15, 2)))));
        assert!(!live("FLOAT", None).holds(PgType::Numeric(Some((15, 2)))));
        assert!(live("TEXT", None).holds(PgType::Varchar(Some(25))));
        assert!(!live("TIMESTAMP_NTZ", None).holds(PgType::Timestamptz));
        assert!(live("TIMESTAMP_TZ", None).holds(PgType::Timestamptz));
    }

    #[test]
    fn copies_are_created_in_types_that_hold_the_declared_ones() {
        for declared in ["bool", "int2", "int4", "int8", "float8", "numeric(15,2)", "varchar(25)", "text", "date"]
            .into_iter()
            .chain(["time", "timestamp", "timestamptz", "bytea", "jsonb", "uuid", "interval", "char(3)"])
        {
            let declared = PgType::parse(declared).unwrap();
            let created = snowflake_type(declared);
            let (kind, size) = created.split_once('(').unwrap_or((&created, ""));
            let numbers: Vec<u32> = size.trim_end_matches(')').split(',').filter_map(|n| n.parse().ok()).collect();
            let column = LiveColumn {
                data_type: if kind == "VARCHAR" { "TEXT".into() } else { kind.to_string() },
                precision: numbers.first().copied(),
                scale: numbers.get(1).copied(),
                ..live(kind, None)
            };
            assert!(column.holds(declared), "{declared} as {created}");
        }
    }

    #[test]
    fn snowflake_types_as_postgres_types() {
        let ty = |t, p, s, l| postgres_type(t, p, s, l);
        assert_eq!(ty("NUMBER", Some(38), Some(0), None).as_deref(), Some("numeric(38,0)"));
        assert_eq!(ty("NUMBER", Some(9), Some(0), None).as_deref(), Some("int4"));
        assert_eq!(ty("NUMBER", Some(18), Some(0), None).as_deref(), Some("int8"));
        assert_eq!(ty("NUMBER", Some(15), Some(2), None).as_deref(), Some("numeric(15,2)"));
        assert_eq!(ty("TEXT", None, None, Some(16_777_216)).as_deref(), Some("text"));
        assert_eq!(ty("TEXT", None, None, Some(25)).as_deref(), Some("varchar(25)"));
        assert_eq!(ty("TIMESTAMP_LTZ", None, None, None).as_deref(), Some("timestamptz"));
        assert_eq!(ty("VARIANT", None, None, None).as_deref(), Some("jsonb"));
        assert_eq!(ty("GEOGRAPHY", None, None, None), None);
    }
}
