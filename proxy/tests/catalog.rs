//! The catalog is the package: psql's describe commands and catalog queries answered by packwire
//! for the demo package (embedded engine) must read exactly as a real Postgres answers them for
//! a database holding the same schema (created here from the same manifest: types, NOT NULL,
//! primary keys, comments).

mod common;

use package::PackageVersion;
use pgharness::PgServer;

const DATABASE: &str = "tpch@1.0.0";

fn demo_manifest() -> PackageVersion {
    let registry = packwire::demo::install(&common::demo_home()).expect("demo registry");
    let path = registry.join("tpch-1.0.0.toml");
    PackageVersion::from_toml(&std::fs::read_to_string(&path).expect("manifest"), &path).expect("parse manifest")
}

/// The DDL Postgres needs to hold the package's schema, as a data team would create it.
fn mirror_ddl(package: &PackageVersion) -> String {
    let literal = |text: &str| format!("'{}'", text.replace('\'', "''"));
    let mut ddl = String::new();
    for table in &package.tables {
        let mut columns: Vec<String> = table
            .columns
            .iter()
            .map(|c| format!("\"{}\" {}{}", c.name, c.ty, if c.nullable { "" } else { " NOT NULL" }))
            .collect();
        if !table.primary_key.is_empty() {
            let keys: Vec<String> = table.primary_key.iter().map(|k| format!("\"{k}\"")).collect();
            columns.push(format!("PRIMARY KEY ({})", keys.join(", ")));
        }
        ddl.push_str(&format!("CREATE TABLE \"{}\" ({});\n", table.name, columns.join(", ")));
        if let Some(description) = &table.description {
            ddl.push_str(&format!("COMMENT ON TABLE \"{}\" IS {};\n", table.name, literal(description)));
        }
        for column in &table.columns {
            if let Some(description) = &column.description {
                ddl.push_str(&format!(
                    "COMMENT ON COLUMN \"{}\".\"{}\" IS {};\n",
                    table.name,
                    column.name,
                    literal(description)
                ));
            }
        }
    }
    ddl
}

/// A client of the mirror database, straight to Postgres.
async fn mirror_client(pg: &PgServer) -> tokio_postgres::Client {
    let config =
        tokio_postgres::Config::new().host("127.0.0.1").port(pg.port).user(&pg.user).dbname("mirror").to_owned();
    common::connect_with(config).await.expect("connect to postgres")
}

fn mirror() -> PgServer {
    let server = PgServer::start(&[]).expect("start postgres");
    server.create_database("mirror").expect("createdb");
    server.psql("mirror", &mirror_ddl(&demo_manifest())).expect("mirror schema");
    server
}

/// Runs a psql meta-command against `port` (packwire or the mirror) as the mirror's superuser.
fn psql(pg: &PgServer, port: u16, database: &str, command: &str) -> String {
    let output = pg
        .command("psql")
        .env("PGPORT", port.to_string())
        .args(["-X", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", command])
        .output()
        .expect("run psql");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && !stderr.contains("ERROR"), "psql {command} on port {port} failed: {stderr}");
    // psql reports an empty list ("Did not find any relations.") on stderr.
    format!("{}{stderr}", String::from_utf8_lossy(&output.stdout))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn psql_describes_the_package_as_postgres_describes_the_same_schema() {
    let pg = mirror();
    let server = common::start(&[]).await;
    for command in ["\\dt", "\\d", "\\di", "\\dv", "\\df", "\\d nation", "\\d+ lineitem", "\\d+ region", "\\d orders"] {
        let (expected, actual) = tokio::task::block_in_place(|| {
            (psql(&pg, pg.port, "mirror", command), psql(&pg, server.port, DATABASE, command))
        });
        assert_eq!(actual, expected, "psql {command}: packwire (left) differs from Postgres (right)");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn psql_lists_the_package_database_and_schemas() {
    let pg = mirror();
    let server = common::start(&[]).await;
    let port = server.port;
    let list = tokio::task::block_in_place(|| psql(&pg, port, DATABASE, "\\l"));
    assert!(list.contains(&format!(" {DATABASE} ")), "{list}");
    assert!(list.contains("(1 row)"), "{list}");
    let schemas = tokio::task::block_in_place(|| psql(&pg, port, DATABASE, "\\dn"));
    assert!(schemas.contains(" public ") && schemas.contains("(1 row)"), "{schemas}");
}

/// Catalog queries as drivers and ORMs write them: the same rows and column names as Postgres.
const CATALOG_QUERIES: &[&str] = &[
    "SELECT table_schema, table_name, table_type FROM information_schema.tables \
     WHERE table_schema = 'public' ORDER BY table_name",
    "SELECT table_name, column_name, ordinal_position, is_nullable, data_type, character_maximum_length, \
     character_octet_length, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision, udt_name \
     FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
    "SELECT tc.table_name, tc.constraint_name, tc.constraint_type, kcu.column_name, kcu.ordinal_position \
     FROM information_schema.table_constraints tc \
     JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name \
     WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY' ORDER BY 1, 5",
    "SELECT c.relname, c.relkind, c.relnatts, c.relhasindex, c.relpersistence FROM pg_catalog.pg_class c \
     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY 1",
    "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attnum, a.attlen \
     FROM pg_catalog.pg_attribute a WHERE a.attrelid = 'lineitem'::regclass AND a.attnum > 0 ORDER BY a.attnum",
    "SELECT col_description('nation'::regclass, 2), obj_description('nation'::regclass, 'pg_class'), \
     col_description('nation'::regclass, 4)",
    "SELECT i.indisprimary, i.indisunique, i.indnatts, pg_get_indexdef(i.indexrelid), pg_get_constraintdef(c.oid) \
     FROM pg_index i JOIN pg_constraint c ON c.conindid = i.indexrelid \
     WHERE i.indrelid = 'lineitem'::regclass",
    "SELECT t.oid, t.typname, t.typlen, t.typcategory, t.typelem, t.typarray FROM pg_type t \
     WHERE t.oid IN (16, 20, 23, 25, 1043, 1700, 1184, 1009) ORDER BY t.oid",
    "SELECT format_type(1043, 29), format_type(1700, 983046), format_type(1184, -1), format_type(1007, NULL), \
     'lineitem'::regclass::text, to_regclass('nope') IS NULL, pg_table_is_visible('lineitem'::regclass)",
    "SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' ORDER BY 1",
    "SELECT schemaname, tablename, hasindexes, hasrules FROM pg_tables WHERE schemaname = 'public' ORDER BY 2",
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
    "SELECT current_schema(), current_schemas(false), current_schemas(true), (current_schemas(true))[1]",
    "SELECT has_table_privilege('lineitem', 'SELECT'), has_schema_privilege('public', 'USAGE')",
    "SELECT relname FROM pg_class WHERE oid = ANY(ARRAY['nation'::regclass, 'region'::regclass]) ORDER BY 1",
    "SELECT t.relname, array(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attnum > 0 \
     ORDER BY a.attnum) AS columns FROM pg_class t WHERE t.relname IN ('region', 'nation') ORDER BY 1",
    "SELECT 'varchar'::regtype, 'integer'::regtype::oid, 'public'::regnamespace::oid, pg_is_in_recovery()",
    // OID 0 prints as `-` (asyncpg's type introspection reads `typelem::regtype::text`).
    "SELECT 0::regtype::text, 0::regclass::text, 0::regnamespace::text, 0::regrole::text, \
     t.typelem::regtype::text, t.typarray::regtype::text FROM pg_type t WHERE t.oid = 20",
    // CTE and derived-table columns named as Postgres names them.
    "WITH w AS (SELECT relname, row_number() OVER (ORDER BY relname) FROM pg_class \
     WHERE relnamespace = 2200 AND relkind = 'r') SELECT relname FROM w WHERE row_number = 2",
    "SELECT count FROM (SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = 2200) x",
    // pgcli's completion: foreign keys (a kind of constraint the catalog has none of) and name
    // casing (a grouped select over functions, which a package has none of).
    "SELECT s_p.nspname AS parentschema, t_p.relname AS parenttable, unnest((select array_agg(attname ORDER BY i) \
     from (select unnest(confkey) as attnum, generate_subscripts(confkey, 1) as i) x \
     JOIN pg_catalog.pg_attribute c USING(attnum) WHERE c.attrelid = fk.confrelid)) AS parentcolumn \
     FROM pg_catalog.pg_constraint fk JOIN pg_catalog.pg_class t_p ON t_p.oid = fk.confrelid \
     JOIN pg_catalog.pg_namespace s_p ON s_p.oid = t_p.relnamespace WHERE fk.contype = 'f'",
    "WITH Words AS (SELECT regexp_split_to_table(prosrc, '\\W+') AS Word, COUNT(1) FROM pg_catalog.pg_proc P \
     JOIN pg_catalog.pg_namespace N ON N.oid = P.pronamespace JOIN pg_catalog.pg_language L ON L.oid = P.prolang \
     WHERE L.lanname IN ('sql', 'plpgsql') AND N.nspname NOT IN ('pg_catalog', 'information_schema') GROUP BY Word), \
     OrderWords AS (SELECT Word, ROW_NUMBER() OVER(PARTITION BY LOWER(Word) ORDER BY Count DESC) FROM Words \
     WHERE Word ~* '.*[a-z].*') SELECT Word FROM OrderWords WHERE LOWER(Word) IN (SELECT relname FROM pg_class) \
     AND Row_Number = 1",
    // Arrays cast from text, and `CASE` branches on kinds of type the catalog has none of.
    "SELECT t.typname, CASE WHEN t.typtype = 'd' THEN (SELECT t2.typbasetype FROM pg_type t2 \
     WHERE t2.oid = t.oid LIMIT 1) END AS base FROM pg_type t WHERE t.oid = ANY('{1016,25}'::oid[]) ORDER BY 1",
    "SELECT word, catcode, barelabel, catdesc, baredesc FROM pg_catalog.pg_get_keywords() \
     WHERE word IN ('abort', 'as', 'between', 'select', 'user', 'year', 'xmltable') ORDER BY word",
    "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname OPERATOR(pg_catalog.~) '^(part.*)$' \
     COLLATE pg_catalog.default AND c.relkind = 'r' ORDER BY 1",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn catalog_queries_answer_as_postgres() {
    let pg = mirror();
    let server = common::start(&[]).await;
    let direct = mirror_client(&pg).await;
    let through = server.connect(DATABASE).await;
    for query in CATALOG_QUERIES {
        let expected = described_rows(&direct, query).await;
        let actual = described_rows(&through, query).await;
        assert_eq!(actual, expected, "{query}\npackwire (left) differs from Postgres (right)");
    }
}

/// Column names and text rows of a simple query.
async fn described_rows(client: &tokio_postgres::Client, sql: &str) -> (Vec<String>, Vec<Vec<Option<String>>>) {
    let messages = client.simple_query(sql).await.unwrap_or_else(|e| {
        panic!(
            "{sql}: {}",
            e.as_db_error().map(|d| format!("{} {}", d.code().code(), d.message())).unwrap_or(e.to_string())
        )
    });
    let mut names = Vec::new();
    let mut rows = Vec::new();
    for message in messages {
        match message {
            tokio_postgres::SimpleQueryMessage::RowDescription(columns) => {
                names = columns.iter().map(|c| c.name().to_string()).collect();
            }
            tokio_postgres::SimpleQueryMessage::Row(row) => {
                rows.push((0..row.len()).map(|i| row.get(i).map(str::to_string)).collect());
            }
            _ => {}
        }
    }
    (names, rows)
}

#[tokio::test]
async fn catalog_statements_never_reach_the_backend_and_report_postgres_errors() {
    let server = common::start(&[]).await;
    let client = server.connect(DATABASE).await;
    // A package is read-only, and its catalog says so.
    let insertable =
        common::text_rows(&client, "SELECT DISTINCT is_insertable_into FROM information_schema.tables").await;
    assert_eq!(insertable, vec![vec![Some("NO".to_string())]]);
    let privileges = common::text_rows(
        &client,
        "SELECT has_table_privilege('lineitem', 'SELECT'), has_table_privilege('lineitem', 'INSERT, UPDATE')",
    )
    .await;
    assert_eq!(privileges, vec![vec![Some("t".to_string()), Some("f".to_string())]]);
    let error = client.simple_query("SELECT 'no_such_table'::regclass").await.expect_err("unknown relation");
    assert_eq!(common::sqlstate(&error), "42P01");
    let error = client.simple_query("SELECT 'no_such_type'::regtype").await.expect_err("unknown type");
    assert_eq!(common::sqlstate(&error), "42704");
    // Writes to the catalog are refused like every write.
    let error = client.simple_query("DELETE FROM pg_catalog.pg_class").await.expect_err("write");
    assert_eq!(common::sqlstate(&error), "25006");
    // Extended protocol with a parameter, as drivers send reflection queries.
    let rows = client
        .query("SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname = $1 AND c.relkind = 'r'", &[&"orders"])
        .await
        .expect("parameterized catalog query");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].get::<_, String>(0), "orders");
}

/// `relkind = ANY($1)` with the array bound as text, as psycopg binds a list of strings and
/// pgcli's completion queries ask: the same tables as Postgres lists for the literal array.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_array_parameter_in_text_form_is_read_as_postgres_reads_it() {
    let pg = mirror();
    let server = common::start(&[]).await;
    let direct = mirror_client(&pg).await;
    let through = server.connect(DATABASE).await;
    let sql = "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
               WHERE n.nspname = 'public' AND c.relkind = ANY($1) ORDER BY 1";
    let names = |rows: Vec<tokio_postgres::Row>| rows.iter().map(|r| r.get::<_, String>(0)).collect::<Vec<_>>();
    let expected = names(direct.query(&sql.replace("$1", "'{r,p,\"f\"}'"), &[]).await.unwrap());
    let actual = names(through.query(sql, &[&"{r,p,\"f\"}"]).await.unwrap());
    assert!(!expected.is_empty());
    assert_eq!(actual, expected);
    let error = through.query(sql, &[&"{r,{p}}"]).await.unwrap_err();
    assert_eq!(error.as_db_error().map(|e| e.code().code()), Some("22P02"), "{error}");
    // The same array bound typed as `text[]`, in binary.
    let typed = through.prepare_typed(sql, &[tokio_postgres::types::Type::TEXT_ARRAY]).await.unwrap();
    assert_eq!(names(through.query(&typed, &[&vec!["r", "p", "f"]]).await.unwrap()), expected);
}
