//! The embedded engine: DataFusion over a version's CSV or Parquet files. Each package version
//! gets one `SessionContext` whose `public` schema holds the version's tables under their
//! physical names, typed as declared (so a version on CSV and one on Parquet behave the same).

use std::collections::BTreeMap;
use std::sync::Arc;

use async_trait::async_trait;
use datafusion::arrow::datatypes::{DataType, SchemaRef};
use datafusion::common::TableReference;
use datafusion::datasource::file_format::FileFormat;
use datafusion::datasource::file_format::csv::CsvFormat;
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::listing::{ListingOptions, ListingTable, ListingTableConfig, ListingTableUrl};
use datafusion::execution::FunctionRegistry;
use datafusion::execution::SendableRecordBatchStream;
use datafusion::logical_expr::{Expr, LogicalPlan, cast};
use datafusion::prelude::{SessionConfig, SessionContext};
use datafusion::scalar::ScalarValue;
use package::{FilesFormat, PackageVersion, Source};
use sqlparser::ast::Statement;

use crate::error::{ConnectorError, ErrorKind};
use crate::generate::{ensure_generated, physical_schema, stored_as_text, table_path};
use crate::{Connector, PreparedQuery, Query, QuerySettings};

/// The schema package tables are registered in (rewrite's `DATAFUSION_SCHEMA`).
const SCHEMA: &str = "public";

/// DataFusion serving one package version from files.
pub struct EmbeddedEngine {
    ctx: SessionContext,
}

impl EmbeddedEngine {
    /// Opens a files-backed version: generates missing demo data, then registers every table.
    pub async fn open(version: Arc<PackageVersion>) -> Result<EmbeddedEngine, ConnectorError> {
        let Source::Files { format, root, .. } = &version.source else {
            return Err(ConnectorError::new(ErrorKind::Internal, "the embedded engine serves files sources only"));
        };
        let generating = version.clone();
        tokio::task::spawn_blocking(move || ensure_generated(&generating))
            .await
            .map_err(|e| ConnectorError::new(ErrorKind::Internal, e.to_string()))??;

        let ctx = postgres_context(SCHEMA)?;
        for table in &version.tables {
            let path = table_path(root, *format, table);
            if !path.exists() {
                return Err(ConnectorError::new(
                    ErrorKind::Unavailable,
                    format!("{}: the file for table \"{}\" is missing", version.id(), table.name),
                ));
            }
            let url = ListingTableUrl::parse(path.to_string_lossy())?;
            let file_format: Arc<dyn FileFormat> = match format {
                FilesFormat::Csv => Arc::new(CsvFormat::default().with_has_header(true)),
                FilesFormat::Parquet => Arc::new(ParquetFormat::default()),
            };
            let options = ListingOptions::new(file_format).with_file_extension(format.extension());
            let config = ListingTableConfig::new(url).with_listing_options(options).with_schema(physical_schema(table));
            let provider = Arc::new(ListingTable::try_new(config)?);
            let name = TableReference::partial(SCHEMA, table.physical.as_str());
            if table.columns.iter().any(|c| stored_as_text(c.ty)) {
                // The files hold some columns as text: the table is a view casting them back.
                // The files' own name is not a physical name of the manifest, so no rewritten
                // statement can reach it.
                let files = TableReference::partial(SCHEMA, format!("files of {}", table.physical));
                ctx.register_table(files.clone(), provider)?;
                let columns = table.columns.iter().map(|c| {
                    let column = Expr::Column(datafusion::common::Column::new_unqualified(&c.physical));
                    match stored_as_text(c.ty) {
                        true => cast(column, crate::types::arrow_type(c.ty)).alias(&c.physical),
                        false => column,
                    }
                });
                let view = ctx.table(files).await?.select(columns.collect::<Vec<_>>())?.into_view();
                ctx.register_table(name, view)?;
            } else {
                ctx.register_table(name, provider)?;
            }
        }
        Ok(EmbeddedEngine { ctx })
    }
}

impl EmbeddedEngine {
    /// An engine over a context filled by someone else (the proxy's catalog of a version).
    pub fn over(ctx: SessionContext) -> EmbeddedEngine {
        EmbeddedEngine { ctx }
    }
}

/// A DataFusion context that computes as Postgres does (packwire's functions and date
/// arithmetic registered), with `default_schema` as the schema unqualified names resolve in.
pub fn postgres_context(default_schema: &str) -> Result<SessionContext, ConnectorError> {
    let config = SessionConfig::new()
        .with_information_schema(false)
        .with_default_catalog_and_schema("datafusion", default_schema);
    let mut ctx = SessionContext::new_with_config(config);
    for function in crate::pgfunctions::aggregates() {
        ctx.register_udaf(function);
    }
    for function in crate::pgfunctions::scalars() {
        ctx.register_udf(function);
    }
    ctx.register_expr_planner(Arc::new(crate::pgfunctions::PgDateArithmetic))?;
    Ok(ctx)
}

impl EmbeddedEngine {
    /// The result schema of a statement as planned, without the plan check: for statements
    /// derived from one that passed it (the Snowflake connector's split typing twin).
    pub async fn result_schema(&self, statement: &Statement) -> Result<SchemaRef, ConnectorError> {
        let statement = datafusion::sql::parser::Statement::Statement(Box::new(statement.clone()));
        let plan = self.ctx.state().statement_to_plan(statement).await?;
        Ok(SchemaRef::new(plan.schema().as_arrow().clone()))
    }
}

#[async_trait]
impl Connector for EmbeddedEngine {
    async fn prepare(&self, query: Query<'_>) -> Result<Arc<dyn PreparedQuery>, ConnectorError> {
        let state = self.ctx.state();
        let statement = datafusion::sql::parser::Statement::Statement(Box::new(query.statement.clone()));
        let plan = state.statement_to_plan(statement).await?;
        let plan = crate::plan_check::adjust(plan)?;
        let inferred = plan.get_parameter_types()?;
        let mut by_index: BTreeMap<usize, Option<DataType>> = BTreeMap::new();
        for (name, ty) in inferred {
            let index = name
                .trim_start_matches('$')
                .parse::<usize>()
                .map_err(|_| ConnectorError::new(ErrorKind::FeatureNotSupported, format!("named parameter {name}")))?;
            by_index.insert(index, ty);
        }
        let count = by_index.keys().next_back().copied().unwrap_or(0);
        let param_types = (1..=count).map(|i| by_index.get(&i).cloned().flatten()).collect();
        let schema = SchemaRef::new(plan.schema().as_arrow().clone());
        Ok(Arc::new(EmbeddedQuery { ctx: self.ctx.clone(), plan, schema, param_types }))
    }

    async fn explain(&self, statement: &Statement, analyze: bool) -> Result<Vec<String>, ConnectorError> {
        let state = self.ctx.state();
        let plan =
            state.statement_to_plan(datafusion::sql::parser::Statement::Statement(Box::new(statement.clone()))).await?;
        let plan = crate::plan_check::adjust(plan)?;
        let frame = self.ctx.execute_logical_plan(plan).await?.explain(false, analyze)?;
        let batches = frame.collect().await?;
        let mut lines = Vec::new();
        for batch in &batches {
            let kinds = datafusion::arrow::compute::cast(batch.column(0), &DataType::Utf8)?;
            let plans = datafusion::arrow::compute::cast(batch.column(1), &DataType::Utf8)?;
            let kinds = kinds.as_any().downcast_ref::<datafusion::arrow::array::StringArray>();
            let plans = plans.as_any().downcast_ref::<datafusion::arrow::array::StringArray>();
            if let (Some(kinds), Some(plans)) = (kinds, plans) {
                for row in 0..batch.num_rows() {
                    lines.push(format!("{}:", kinds.value(row)));
                    lines.extend(plans.value(row).lines().map(|l| format!("  {l}")));
                }
            }
        }
        Ok(lines)
    }
}

struct EmbeddedQuery {
    ctx: SessionContext,
    plan: LogicalPlan,
    schema: SchemaRef,
    param_types: Vec<Option<DataType>>,
}

#[async_trait]
impl PreparedQuery for EmbeddedQuery {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    fn param_types(&self) -> &[Option<DataType>] {
        &self.param_types
    }

    async fn execute(
        &self,
        params: Vec<ScalarValue>,
        settings: &QuerySettings,
    ) -> Result<SendableRecordBatchStream, ConnectorError> {
        if !crate::plan_check::is_utc(&settings.time_zone) {
            crate::plan_check::check_time_zone(&self.plan)?;
        }
        let plan = if self.param_types.is_empty() {
            self.plan.clone()
        } else {
            self.plan.clone().with_param_values(params)?
        };
        // Planned and optimized per execution, in the session's time zone (constant folding
        // of time-zone dependent functions included). Functions read the configuration the
        // execution was marked with, so the mark follows the change.
        let mut state = self.ctx.state();
        let options = state.config_mut().options_mut();
        options.execution.time_zone = Some(settings.time_zone.clone());
        options.extensions.insert(crate::pgfunctions::PgSettings { extra_float_digits: settings.extra_float_digits });
        state.mark_start_execution();
        let frame = datafusion::dataframe::DataFrame::new(state, plan);
        Ok(frame.execute_stream().await?)
    }
}
