//! The conformance run: a real Postgres (the oracle) loaded with TPC-H SF 0.01 and the
//! `alltypes` table; packwire serving the same data as `conf@1.0.0` (Postgres backend) and,
//! materialized to Parquet, as `conf@1.1.0` (embedded engine). Every corpus case, the 22 TPC-H
//! queries and the generated differential queries run on the oracle and through each backend;
//! the result is a matrix of same / refused / WRONG / error. A WRONG fails the run unless it is
//! listed, with its reason, in `conformance/expected-wrong.txt` (known translation bugs, kept
//! visible until fixed; a listed case that is no longer WRONG fails the run too, so the list only
//! shrinks). Errors (other than 0A000) where Postgres answered are reported, not failed. The rewritten SQL of every case per target is checked against the golden files
//! in `conformance/golden/` (`UPDATE_GOLDEN=1` rewrites them for review).

mod common;

use std::path::{Path, PathBuf};

use conformance::corpus::{self, Case};
use conformance::generator::Generator;
use conformance::matrix::{GENERATED_PREFIX, Matrix, Outcome};
use packwire::compare::{ColumnKind, first_difference, is_ordered};
use tokio_postgres::{Client, NoTls, SimpleQueryMessage};

/// Generated differential queries per backend (the issue asks for at least 500 in CI).
const GENERATED: usize = 500;
const SEED: u64 = 20_261_125;

async fn connect(config: &str) -> Client {
    let (client, connection) = tokio_postgres::connect(config, NoTls).await.unwrap_or_else(|e| panic!("{config}: {e}"));
    tokio::spawn(connection);
    client
}

/// A result: column type OIDs and text rows; or the error's SQLSTATE and message.
type Answer = Result<(Vec<u32>, Vec<Vec<Option<String>>>), (String, String)>;

async fn answer(client: &Client, sql: &str) -> Answer {
    let failed = |e: tokio_postgres::Error| match e.as_db_error() {
        Some(db) => (db.code().code().to_string(), db.message().to_string()),
        None => ("?????".to_string(), e.to_string()),
    };
    let statement = client.prepare(sql).await.map_err(failed)?;
    let types = statement.columns().iter().map(|c| c.type_().oid()).collect();
    let rows = client
        .simple_query(sql)
        .await
        .map_err(failed)?
        .into_iter()
        .filter_map(|m| match m {
            SimpleQueryMessage::Row(row) => Some((0..row.len()).map(|i| row.get(i).map(str::to_string)).collect()),
            _ => None,
        })
        .collect();
    Ok((types, rows))
}

/// Compares a backend's answer with the oracle's: types exact, values exact (floats within
/// 1e-9 relative), row order only where the query's ORDER BY fixes it.
fn judge(sql: &str, expected: &Answer, actual: Answer) -> Outcome {
    let Ok((types, rows)) = expected else {
        return Outcome::Error("the oracle failed".into());
    };
    match actual {
        Err((code, message)) if code == "0A000" => Outcome::Refused(message),
        Err((code, message)) => Outcome::Error(format!("{code}: {message}")),
        Ok((actual_types, _)) if &actual_types != types => {
            Outcome::Wrong(format!("column types {actual_types:?}, Postgres has {types:?}"))
        }
        Ok((_, actual_rows)) => {
            let kinds: Vec<ColumnKind> = types
                .iter()
                .map(|oid| if *oid == 700 || *oid == 701 { ColumnKind::Float } else { ColumnKind::Exact })
                .collect();
            match first_difference(rows, &actual_rows, &kinds, is_ordered(sql)) {
                None => Outcome::Same,
                Some(difference) => Outcome::Wrong(difference),
            }
        }
    }
}

/// The rewritten SQL of every case for one target, as the golden file shows it.
fn golden(cases: &[Case], version: &package::PackageVersion, target: rewrite::Target) -> String {
    let info =
        rewrite::SessionInfo { database: version.id(), user: "conformance".into(), version: "PostgreSQL 16.4".into() };
    let mut out = String::new();
    for case in cases {
        out.push_str(&format!("-- case: {}\n", case.name));
        let planned = rewrite::parse(&case.sql).map_err(|e| e.to_string()).and_then(|mut statements| {
            rewrite::plan(statements.remove(0), &case.sql, version, target, &info).map_err(|e| e.to_string())
        });
        match planned {
            Ok(rewrite::Planned::Query(query)) => out.push_str(&format!("{};\n", query.sql)),
            Ok(_) => out.push_str("-- not a query\n"),
            Err(error) => out.push_str(&format!("-- refused: {error}\n")),
        }
    }
    out
}

fn check_golden(name: &str, text: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() || !path.exists() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return None;
    }
    let old = std::fs::read_to_string(&path).unwrap();
    if old == text {
        return None;
    }
    let first = old.lines().zip(text.lines()).position(|(a, b)| a != b).unwrap_or(0);
    Some(format!(
        "golden/{name} differs from the rewrite at line {} (run with UPDATE_GOLDEN=1 and review the diff):\n  golden:  {}\n  rewrite: {}",
        first + 1,
        old.lines().nth(first).unwrap_or(""),
        text.lines().nth(first).unwrap_or("")
    ))
}

/// (case, backend) pairs known to answer differently from Postgres, from `expected-wrong.txt`
/// (`case backend reason…` per line, `#` comments).
fn expected_wrong() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("expected-wrong.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            Some((words.next()?.to_string(), words.next()?.to_string()))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conformance_across_backends() {
    let pg = common::oracle();
    let served = common::serve(&pg).await;
    let (postgres_version, embedded_version, snowflake_version) =
        (served.version("conf@1.0.0"), served.version("conf@1.1.0"), served.version("conf@1.2.0"));
    let port = served.port;

    let direct = connect(&format!("{} options='-c timezone=UTC'", pg.conninfo("conf"))).await;
    let mut sessions = Vec::new();
    for (_, database) in common::BACKENDS {
        sessions.push(connect(&format!("host=127.0.0.1 port={port} user=conformance dbname={database}")).await);
    }

    let mut cases = corpus::tpch_cases().unwrap();
    cases.extend(corpus::load(&corpus::corpus_dir()).unwrap());
    // `CONFORMANCE_ONLY=json/,casts/uuid` runs only the cases whose names start with one of the
    // prefixes (while working on them): no generated queries, no golden files, no totals checked.
    let only = std::env::var("CONFORMANCE_ONLY").ok();
    if let Some(prefix) = &only {
        cases.retain(|case| prefix.split(',').any(|p| case.name.starts_with(p)));
    }

    // Golden files: the rewritten SQL per target.
    let mut golden_problems = Vec::new();
    for (file, version, target) in [
        ("postgres.sql", &postgres_version, rewrite::Target::Postgres),
        ("embedded.sql", &embedded_version, rewrite::Target::DataFusion),
        ("snowflake.sql", &snowflake_version, rewrite::Target::Snowflake),
    ] {
        if only.is_none() {
            golden_problems.extend(check_golden(file, &golden(&cases, version, target)));
        }
    }

    let names: Vec<&str> = common::BACKENDS.iter().map(|(name, _)| *name).collect();
    let mut matrix = Matrix::new(&names);
    let mut broken_cases = Vec::new();
    for case in &cases {
        let expected = answer(&direct, &case.sql).await;
        if let Err((code, message)) = &expected {
            broken_cases.push(format!("{}: {code} {message}", case.name));
            continue;
        }
        let mut outcomes = Vec::new();
        for session in &sessions {
            outcomes.push(judge(&case.sql, &expected, answer(session, &case.sql).await));
        }
        if only.is_some() {
            println!("{}: {outcomes:?}", case.name);
        }
        matrix.push(&case.name, outcomes);
    }

    // Differential: generated queries, same seed every run.
    let mut generator = Generator::new(SEED);
    let generated = if only.is_some() { 0 } else { GENERATED };
    for index in 0..generated {
        let sql = generator.query();
        let expected = answer(&direct, &sql).await;
        if let Err((code, message)) = &expected {
            broken_cases.push(format!("generated #{index}: {code} {message}\n  {sql}"));
            continue;
        }
        let mut outcomes = Vec::new();
        for session in &sessions {
            let outcome = match judge(&sql, &expected, answer(session, &sql).await) {
                Outcome::Wrong(why) => Outcome::Wrong(format!("{why}\n      {sql}")),
                Outcome::Error(why) => Outcome::Error(format!("{why}\n      {sql}")),
                other => other,
            };
            outcomes.push(outcome);
        }
        matrix.push(&format!("{GENERATED_PREFIX}{index:03}"), outcomes);
    }

    let report = matrix.render();
    println!("{report}");
    let _ = std::fs::write(PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("conformance-matrix.txt"), &report);

    assert!(broken_cases.is_empty(), "cases that fail on Postgres itself:\n{}", broken_cases.join("\n"));
    if only.is_some() {
        return;
    }
    for (index, name) in names.iter().enumerate() {
        let tpch = matrix.totals(index, "tpch/");
        assert_eq!(tpch.same, 22, "TPC-H on {name}: {tpch:?}\n{report}");
    }
    let expected = expected_wrong();
    let mut unexpected = Vec::new();
    for (case, outcomes) in &matrix.rows {
        for (backend, outcome) in names.iter().zip(outcomes) {
            let listed = expected.iter().any(|(c, b)| c == case && b == backend);
            match (outcome, listed) {
                (Outcome::Wrong(why), false) => unexpected.push(format!("WRONG {case} on {backend}: {why}")),
                (Outcome::Wrong(_), true) | (_, false) => {}
                (other, true) => unexpected.push(format!(
                    "{case} on {backend} is listed in expected-wrong.txt but is now {other:?}: remove the line"
                )),
            }
        }
    }
    assert!(unexpected.is_empty(), "{} unexpected outcomes:\n{}", unexpected.len(), unexpected.join("\n"));
    assert!(golden_problems.is_empty(), "{}", golden_problems.join("\n"));
}
