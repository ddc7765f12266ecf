//! The adversarial corpus (`conformance/adversarial/*.sql`, one case per file with its expected
//! SQLSTATE): statements that try to reach what a package does not expose — backend catalogs,
//! other schemas, unmapped names, dangerous functions, writes, smuggled statements — sent to
//! every backend. Each must get its expected answer, and the oracle Postgres (which serves
//! `conf@1.0.0`, with `log_statement = all` and a `hidden.secrets` table outside the package)
//! must log no statement at all while they run: validation refused them before any backend saw
//! them.

mod common;

use std::path::Path;

/// One case file: `-- expect: CODE`, optional `-- expect BACKEND: CODE` where one backend
/// refuses earlier for its own reason (e.g. a construct it lacks), `-- why:`, then the SQL.
struct Case {
    file: String,
    /// A SQLSTATE, or `ok` for a statement packwire answers itself (a catalog read).
    expect: String,
    /// Per-backend overrides of `expect`.
    overrides: Vec<(String, String)>,
    sql: String,
}

impl Case {
    fn expected(&self, backend: &str) -> &str {
        self.overrides.iter().find(|(b, _)| b == backend).map(|(_, code)| code.as_str()).unwrap_or(&self.expect)
    }
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("adversarial");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            let expect = text
                .lines()
                .find_map(|l| l.strip_prefix("-- expect:"))
                .unwrap_or_else(|| panic!("{file}: no `-- expect:` line"))
                .trim()
                .to_string();
            let overrides = text
                .lines()
                .filter_map(|l| l.strip_prefix("-- expect ")?.split_once(':'))
                .map(|(backend, code)| (backend.trim().to_string(), code.trim().to_string()))
                .collect();
            // The header is the leading comment lines; the statement is everything after them.
            let sql = text
                .lines()
                .skip_while(|l| l.starts_with("-- expect") || l.starts_with("-- why:"))
                .collect::<Vec<_>>()
                .join("\n");
            Case { file, expect, overrides, sql }
        })
        .collect()
}

/// What packwire answered: the first error's SQLSTATE, or `ok`.
async fn answer(port: u16, database: &str, sql: &str) -> String {
    let mut config = tokio_postgres::Config::new();
    config.host("127.0.0.1").port(port).user("attacker").dbname(database);
    let (client, connection) = match config.connect(tokio_postgres::NoTls).await {
        Ok(connected) => connected,
        Err(error) => return format!("connect failed: {error}"),
    };
    tokio::spawn(connection);
    match client.simple_query(sql).await {
        Ok(_) => "ok".to_string(),
        Err(error) => error.code().map(|c| c.code().to_string()).unwrap_or_else(|| format!("no SQLSTATE: {error}")),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adversarial_statements_never_reach_a_backend() {
    let cases = cases();
    assert!(cases.len() >= 150, "the corpus has {} cases", cases.len());
    let pg = common::oracle_with(&[("log_statement", "all")]);
    pg.psql("conf", "CREATE SCHEMA hidden; CREATE TABLE hidden.secrets (id int, secret text); INSERT INTO hidden.secrets VALUES (1, 'the launch codes')")
        .expect("hidden table");
    let served = common::serve(&pg).await;
    // Open every backend's connector before the window, so only the cases run inside it.
    for (_, database) in common::BACKENDS {
        assert_eq!(answer(served.port, database, "SELECT count(*) FROM region").await, "ok", "{database}");
    }
    let before = pg.log().len();

    let mut wrong = Vec::new();
    for (backend, database) in common::BACKENDS {
        for case in &cases {
            let got = answer(served.port, database, &case.sql).await;
            if got != case.expected(backend) {
                wrong.push(format!("{backend:<9} {}: expected {}, got {got}", case.file, case.expected(backend)));
            }
        }
    }
    let log = pg.log();
    let window = &log[before..];
    let reached: Vec<&str> = window
        .lines()
        .filter(|l| {
            l.contains("statement:") || l.contains("execute ") || l.contains("STATEMENT:") || l.contains("ERROR:")
        })
        .collect();
    println!("{} cases × {} backends; {} unexpected answers", cases.len(), common::BACKENDS.len(), wrong.len());
    for line in &wrong {
        println!("  {line}");
    }
    assert!(reached.is_empty(), "statements reached the Postgres backend:\n{}", reached.join("\n"));
    assert!(!window.contains("the launch codes"));
    assert!(wrong.is_empty(), "unexpected answers:\n{}", wrong.join("\n"));
}
