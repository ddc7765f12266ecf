//! Built-in datasets the embedded engine can generate deterministically on first use, so the demo
//! registry works in a fresh clone with nothing to download. Today: TPC-H via the `tpchgen`
//! crates. Files are written to a temporary name and renamed into place, so concurrent starts
//! never see half-written files.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use datafusion::arrow::array::RecordBatchReader;
use datafusion::arrow::datatypes::{DataType, Schema, SchemaRef};
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::parquet::basic::Compression;
use datafusion::parquet::file::properties::WriterProperties;
use package::{FilesFormat, PackageVersion, Source, Table};
use tpchgen::generators::{
    CustomerGenerator, LineItemGenerator, NationGenerator, OrderGenerator, PartGenerator, PartSuppGenerator,
    RegionGenerator, SupplierGenerator,
};
use tpchgen_arrow::{
    CustomerArrow, LineItemArrow, NationArrow, OrderArrow, PartArrow, PartSuppArrow, RegionArrow, SupplierArrow,
};

use crate::error::{ConnectorError, ErrorKind};
use crate::types;

/// The file a table of a files source is read from.
pub fn table_path(root: &Path, format: FilesFormat, table: &Table) -> PathBuf {
    match &table.path {
        Some(path) => root.join(path),
        None => root.join(format!("{}.{}", table.physical, format.extension())),
    }
}

/// The Arrow schema of a table as the files hold it: physical column names, declared types.
///
/// Intervals are stored as their text (neither Parquet nor CSV has Arrow's month-day-nanosecond
/// interval); the embedded engine casts them back as it reads ([`stored_as_text`]).
pub fn physical_schema(table: &Table) -> SchemaRef {
    Arc::new(Schema::new(
        table
            .columns
            .iter()
            .map(|c| match stored_as_text(c.ty) {
                true => types::field(&c.physical, c.ty, c.nullable).with_data_type(DataType::Utf8),
                false => types::field(&c.physical, c.ty, c.nullable),
            })
            .collect::<Vec<_>>(),
    ))
}

/// Whether files keep values of a declared type as text.
pub fn stored_as_text(ty: package::PgType) -> bool {
    ty == package::PgType::Interval
}

/// Whether a version asks for generated data and some of its files are missing.
pub fn needs_generation(version: &PackageVersion) -> bool {
    match &version.source {
        Source::Files { format, root, generate: Some(_) } => {
            version.tables.iter().any(|t| !table_path(root, *format, t).exists())
        }
        _ => false,
    }
}

/// Generates every missing table file of a version whose source asks for generation.
/// Blocking (CPU and file I/O): call it from a blocking task.
pub fn ensure_generated(version: &PackageVersion) -> Result<(), ConnectorError> {
    let Source::Files { format, root, generate: Some(generate) } = &version.source else {
        return Ok(());
    };
    for table in &version.tables {
        let path = table_path(root, *format, table);
        if path.exists() {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(&path, e))?;
        }
        let reader = tpch_reader(&table.physical, generate.scale_factor).ok_or_else(|| {
            ConnectorError::new(
                ErrorKind::Unavailable,
                format!("{}: no generated dataset has a table named \"{}\"", version.id(), table.physical),
            )
        })?;
        tracing::info!(package = %version.id(), table = %table.name, path = %path.display(), "generating demo data");
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let unique = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = path.with_extension(format!("tmp-{}-{unique}", std::process::id()));
        write_table(reader, &physical_schema(table), *format, &tmp).inspect_err(|_e| {
            let _ = std::fs::remove_file(&tmp);
        })?;
        std::fs::rename(&tmp, &path).map_err(|e| io_error(&path, e))?;
    }
    Ok(())
}

fn tpch_reader(table: &str, scale_factor: f64) -> Option<Box<dyn RecordBatchReader + Send>> {
    let reader: Box<dyn RecordBatchReader + Send> = match table {
        "region" => Box::new(RegionArrow::new(RegionGenerator::new(scale_factor, 1, 1))),
        "nation" => Box::new(NationArrow::new(NationGenerator::new(scale_factor, 1, 1))),
        "part" => Box::new(PartArrow::new(PartGenerator::new(scale_factor, 1, 1))),
        "supplier" => Box::new(SupplierArrow::new(SupplierGenerator::new(scale_factor, 1, 1))),
        "partsupp" => Box::new(PartSuppArrow::new(PartSuppGenerator::new(scale_factor, 1, 1))),
        "customer" => Box::new(CustomerArrow::new(CustomerGenerator::new(scale_factor, 1, 1))),
        "orders" => Box::new(OrderArrow::new(OrderGenerator::new(scale_factor, 1, 1))),
        "lineitem" => Box::new(LineItemArrow::new(LineItemGenerator::new(scale_factor, 1, 1))),
        _ => return None,
    };
    Some(reader)
}

/// Writes the generator's batches, cast to the declared schema, as CSV (with header) or Parquet.
fn write_table(
    reader: Box<dyn RecordBatchReader + Send>,
    schema: &SchemaRef,
    format: FilesFormat,
    path: &Path,
) -> Result<(), ConnectorError> {
    let file = std::fs::File::create(path).map_err(|e| io_error(path, e))?;
    let writer = std::io::BufWriter::new(file);
    let arrow = |e: datafusion::arrow::error::ArrowError| ConnectorError::new(ErrorKind::Internal, e.to_string());
    match format {
        FilesFormat::Csv => {
            let mut csv = datafusion::arrow::csv::WriterBuilder::new().with_header(true).build(writer);
            for batch in reader {
                csv.write(&conform(&batch.map_err(arrow)?, schema)?).map_err(arrow)?;
            }
        }
        FilesFormat::Parquet => {
            let properties = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
            let mut parquet = ArrowWriter::try_new(writer, schema.clone(), Some(properties))
                .map_err(|e| ConnectorError::new(ErrorKind::Internal, e.to_string()))?;
            for batch in reader {
                parquet
                    .write(&conform(&batch.map_err(arrow)?, schema)?)
                    .map_err(|e| ConnectorError::new(ErrorKind::Internal, e.to_string()))?;
            }
            parquet.close().map_err(|e| ConnectorError::new(ErrorKind::Internal, e.to_string()))?;
        }
    }
    Ok(())
}

/// Picks the declared columns by name and casts them to the declared types (a value that does
/// not fit is an error, never a NULL).
pub fn conform(batch: &RecordBatch, schema: &SchemaRef) -> Result<RecordBatch, ConnectorError> {
    let columns = schema
        .fields()
        .iter()
        .map(|field| {
            let column = batch.column_by_name(field.name()).ok_or_else(|| {
                ConnectorError::new(ErrorKind::Internal, format!("generated data has no column \"{}\"", field.name()))
            })?;
            datafusion::arrow::compute::cast_with_options(
                column,
                field.data_type(),
                &datafusion::arrow::compute::CastOptions { safe: false, ..Default::default() },
            )
            .map_err(|e| ConnectorError::new(ErrorKind::Internal, e.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    RecordBatch::try_new(schema.clone(), columns).map_err(|e| ConnectorError::new(ErrorKind::Internal, e.to_string()))
}

fn io_error(path: &Path, error: std::io::Error) -> ConnectorError {
    ConnectorError::new(ErrorKind::Unavailable, format!("{}: {error}", path.display()))
}
