//! `pg_get_keywords()`: Postgres' SQL keywords as a table (DBeaver and other tools ask it which
//! words to quote), from the keyword list `quote_ident` and `format('%I')` use.

use std::sync::Arc;

use connectors::datafusion::catalog::{TableFunctionArgs, TableFunctionImpl, TableProvider};
use connectors::datafusion::common::{Result, plan_err};
use connectors::datafusion::datasource::MemTable;
use connectors::pgfunctions::keywords::{KEYWORDS, LABELS_REQUIRING_AS, category_description};

use super::tables::{self, Row, Ty};

const COLUMNS: &[(&str, Ty)] = &[
    ("word", Ty::Text),
    ("catcode", Ty::Text),
    ("barelabel", Ty::Bool),
    ("catdesc", Ty::Text),
    ("baredesc", Ty::Text),
];

/// The table function, with its (fixed) rows built once.
#[derive(Debug)]
pub struct PgGetKeywords {
    table: Arc<MemTable>,
}

impl PgGetKeywords {
    pub fn new() -> Result<PgGetKeywords> {
        let rows: Vec<Row> = KEYWORDS
            .iter()
            .map(|(word, code)| {
                let bare = !LABELS_REQUIRING_AS.contains(word);
                vec![
                    ("word", (*word).into()),
                    ("catcode", (*code).into()),
                    ("barelabel", bare.into()),
                    ("catdesc", category_description(*code).into()),
                    ("baredesc", (if bare { "can be bare label" } else { "requires AS" }).into()),
                ]
            })
            .collect();
        let batch = tables::batch(COLUMNS, &rows)?;
        Ok(PgGetKeywords { table: Arc::new(MemTable::try_new(batch.schema(), vec![vec![batch]])?) })
    }
}

impl TableFunctionImpl for PgGetKeywords {
    fn call_with_args(&self, args: TableFunctionArgs) -> Result<Arc<dyn TableProvider>> {
        if !args.exprs().is_empty() {
            return plan_err!("function pg_get_keywords takes no arguments");
        }
        Ok(self.table.clone())
    }
}
