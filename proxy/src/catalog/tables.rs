//! Catalog rows → Arrow: the column types the catalog uses and how a relation's rows become one
//! RecordBatch. Rows name their cells by column; a column a row does not name is NULL.

use std::sync::Arc;

use connectors::datafusion::arrow::array::{
    ArrayRef, BooleanBuilder, Float32Builder, Int16Builder, Int32Builder, Int64Builder, ListBuilder, StringBuilder,
};
use connectors::datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use connectors::datafusion::arrow::error::ArrowError;
use connectors::datafusion::arrow::record_batch::RecordBatch;
use package::PgType;

/// The type of a catalog column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Bool,
    Int2,
    Int4,
    Int8,
    Float4,
    /// `oid` and the `reg*` types (described to clients as `oid`).
    Oid,
    /// `text`, `"char"`, `pg_node_tree`.
    Text,
    /// `name` and `information_schema.sql_identifier` (described as `name`).
    Name,
    /// `information_schema.character_data` and `yes_or_no` (described as `varchar`).
    Varchar,
    /// `text[]`, `aclitem[]`, `"char"[]`.
    TextArray,
    /// `oid[]`, `oidvector`.
    OidArray,
    /// `int2[]`, `int2vector`.
    Int2Array,
}

/// One value of a catalog row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Bool(bool),
    Int(i64),
    Float(f32),
    Text(String),
    Ints(Vec<i64>),
}

impl From<bool> for Cell {
    fn from(value: bool) -> Cell {
        Cell::Bool(value)
    }
}

impl From<i64> for Cell {
    fn from(value: i64) -> Cell {
        Cell::Int(value)
    }
}

impl From<&str> for Cell {
    fn from(value: &str) -> Cell {
        Cell::Text(value.to_string())
    }
}

impl From<String> for Cell {
    fn from(value: String) -> Cell {
        Cell::Text(value)
    }
}

impl From<char> for Cell {
    fn from(value: char) -> Cell {
        Cell::Text(value.to_string())
    }
}

/// A catalog row: (column, value) pairs; columns left out are NULL.
pub type Row = Vec<(&'static str, Cell)>;

/// The Arrow schema of a relation; `oid` columns carry the `oid` Postgres type.
pub fn schema(columns: &[(&'static str, Ty)]) -> SchemaRef {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(name, ty)| match ty {
            Ty::Oid => connectors::types::field(name, PgType::Oid, true),
            Ty::Name => connectors::types::field(name, PgType::Name, true),
            Ty::Varchar => connectors::types::field(name, PgType::Varchar(None), true),
            other => Field::new(*name, arrow_type(*other), true),
        })
        .collect();
    Arc::new(Schema::new(fields))
}

fn arrow_type(ty: Ty) -> DataType {
    let list = |element: DataType| DataType::List(Arc::new(Field::new("item", element, true)));
    match ty {
        Ty::Bool => DataType::Boolean,
        Ty::Int2 => DataType::Int16,
        Ty::Int4 => DataType::Int32,
        Ty::Int8 | Ty::Oid => DataType::Int64,
        Ty::Float4 => DataType::Float32,
        Ty::Text | Ty::Name | Ty::Varchar => DataType::Utf8,
        Ty::TextArray => list(DataType::Utf8),
        Ty::OidArray => list(DataType::Int64),
        Ty::Int2Array => list(DataType::Int16),
    }
}

/// The rows of one relation as a batch. A cell of the wrong kind for its column is a bug in the
/// catalog model, reported as an Arrow error rather than a panic.
pub fn batch(columns: &[(&'static str, Ty)], rows: &[Row]) -> Result<RecordBatch, ArrowError> {
    let arrays = columns
        .iter()
        .map(|(name, ty)| {
            let cells = rows.iter().map(|row| row.iter().find(|(column, _)| column == name).map(|(_, cell)| cell));
            column(name, *ty, cells)
        })
        .collect::<Result<Vec<_>, _>>()?;
    RecordBatch::try_new(schema(columns), arrays)
}

fn column<'a>(name: &str, ty: Ty, cells: impl Iterator<Item = Option<&'a Cell>>) -> Result<ArrayRef, ArrowError> {
    let wrong =
        |cell: &Cell| ArrowError::InvalidArgumentError(format!("catalog column {name}: {cell:?} is not {ty:?}"));
    macro_rules! build {
        ($builder:expr, $pattern:pat => $value:expr) => {{
            let mut builder = $builder;
            for cell in cells {
                match cell {
                    None => builder.append_null(),
                    Some($pattern) => builder.append_value($value),
                    Some(other) => return Err(wrong(other)),
                }
            }
            Arc::new(builder.finish()) as ArrayRef
        }};
    }
    Ok(match ty {
        Ty::Bool => build!(BooleanBuilder::new(), Cell::Bool(v) => *v),
        Ty::Int2 => build!(Int16Builder::new(), Cell::Int(v) => i16::try_from(*v).map_err(|_| wrong(&Cell::Int(*v)))?),
        Ty::Int4 => build!(Int32Builder::new(), Cell::Int(v) => i32::try_from(*v).map_err(|_| wrong(&Cell::Int(*v)))?),
        Ty::Int8 | Ty::Oid => build!(Int64Builder::new(), Cell::Int(v) => *v),
        Ty::Float4 => build!(Float32Builder::new(), Cell::Float(v) => *v),
        Ty::Text | Ty::Name | Ty::Varchar => build!(StringBuilder::new(), Cell::Text(v) => v),
        // No catalog row has options or access lists: text arrays are NULL throughout
        // (`rewrite::catalog::NULL_COLUMNS` relies on it).
        Ty::TextArray => {
            let mut builder = ListBuilder::new(StringBuilder::new());
            for cell in cells {
                match cell {
                    None => builder.append_null(),
                    Some(other) => return Err(wrong(other)),
                }
            }
            Arc::new(builder.finish())
        }
        Ty::OidArray => build!(ListBuilder::new(Int64Builder::new()), Cell::Ints(v) => v.iter().map(|i| Some(*i))),
        Ty::Int2Array => {
            let mut builder = ListBuilder::new(Int16Builder::new());
            for cell in cells {
                match cell {
                    None => builder.append_null(),
                    Some(Cell::Ints(values)) => {
                        for value in values {
                            builder
                                .values()
                                .append_value(i16::try_from(*value).map_err(|_| wrong(&Cell::Int(*value)))?);
                        }
                        builder.append(true);
                    }
                    Some(other) => return Err(wrong(other)),
                }
            }
            Arc::new(builder.finish())
        }
    })
}
