//! The Arrow type each declared Postgres type is stored and computed as, and the `pg_type`
//! field metadata that carries the declared type through the engine to the wire.

use std::collections::HashMap;

use datafusion::arrow::datatypes::{DataType, Field, IntervalUnit, TimeUnit};
use package::PgType;

/// Field metadata key holding the declared Postgres type (its canonical spelling).
pub const PG_TYPE_METADATA: &str = "pg_type";

/// The Arrow type a declared column has inside the embedded engine.
pub fn arrow_type(ty: PgType) -> DataType {
    match ty {
        PgType::Bool => DataType::Boolean,
        PgType::Int2 => DataType::Int16,
        PgType::Int4 => DataType::Int32,
        PgType::Int8 | PgType::Oid => DataType::Int64,
        PgType::Float4 => DataType::Float32,
        PgType::Float8 => DataType::Float64,
        PgType::Numeric(Some((p, s))) => DataType::Decimal128(p, s),
        // Unconstrained numerics are refused for file sources when the manifest is loaded.
        PgType::Numeric(None) => DataType::Decimal128(38, 10),
        PgType::Text
        | PgType::Name
        | PgType::Varchar(_)
        | PgType::Char(_)
        | PgType::Uuid
        | PgType::Json
        | PgType::Jsonb => DataType::Utf8,
        PgType::Date => DataType::Date32,
        PgType::Time => DataType::Time64(TimeUnit::Microsecond),
        PgType::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, None),
        PgType::Timestamptz => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        PgType::Interval => DataType::Interval(IntervalUnit::MonthDayNano),
        // The Postgres binary form of the array (results of a Postgres source only).
        PgType::Bytea | PgType::Array(_) => DataType::Binary,
    }
}

/// An Arrow field for a declared column, tagged with its Postgres type.
pub fn field(name: &str, ty: PgType, nullable: bool) -> Field {
    Field::new(name, arrow_type(ty), nullable)
        .with_metadata(HashMap::from([(PG_TYPE_METADATA.to_string(), ty.to_string())]))
}

/// Whether values of Arrow type `data_type` represent declared type `ty` as-is (string and
/// time-zone variants of the stored type count as the same).
pub fn stores(ty: PgType, data_type: &DataType) -> bool {
    match (data_type, &arrow_type(ty)) {
        (DataType::Utf8View | DataType::LargeUtf8, DataType::Utf8) => true,
        // Numerics of any precision travel as their exact decimal text (Postgres connector).
        (DataType::Utf8 | DataType::Utf8View | DataType::LargeUtf8, DataType::Decimal128(..)) => {
            matches!(ty, PgType::Numeric(_))
        }
        (DataType::Timestamp(unit, Some(_)), DataType::Timestamp(u, Some(_))) => unit == u,
        (a, b) => a == b,
    }
}

/// The declared Postgres type carried by a field, if any and if it still matches the field's
/// Arrow type (an expression over a column may keep the metadata but change the type).
pub fn declared_type(field: &Field) -> Option<PgType> {
    let ty = PgType::parse(field.metadata().get(PG_TYPE_METADATA)?).ok()?;
    stores(ty, field.data_type()).then_some(ty)
}
