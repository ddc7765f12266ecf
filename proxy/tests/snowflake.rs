//! The Snowflake backend against the fakesnow emulator, and the migration drill to Snowflake:
//! TPC-H on Postgres published as `tpch@3.0.0`; the same tables copied to Snowflake (upper-case
//! names, as Snowflake folds them); `package init --from snowflake://…` reads them back; the
//! data team publishes `tpch@3.1.0` — 3.0.0's schema mapped onto the Snowflake tables; `diff`
//! says patch, `verify` passes, and the 22 TPC-H queries give the same answers through both
//! versions as directly from Postgres, or a 0A000 refusal — never a different answer.

mod common;

use common::{client, packwire, serve, tpch_postgres};
use connectors::snowflake::Client;
use packwire::compare::{first_difference, is_ordered};
use pgharness::fakesnow::Fakesnow;

const TABLES: [&str; 8] = ["region", "nation", "part", "supplier", "partsupp", "customer", "orders", "lineitem"];

/// Runs one statement on the emulator through packwire's own client.
async fn run(client: &Client, sql: &str) {
    let id = uuid::Uuid::new_v4().to_string();
    if let Err(e) = client.query(sql, None, serde_json::json!({}), &id).await {
        panic!("{sql}: {e}");
    }
}

/// A Snowflake column type for a type of the TPC-H manifest.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migration_drill_postgres_to_snowflake() {
    let pg = tpch_postgres();
    let emulator = Fakesnow::start(&common::demo_home()).expect("start fakesnow");
    let work = tempfile::tempdir().unwrap();
    let registry = work.path().join("registry");
    std::fs::create_dir_all(&registry).unwrap();

    // 3.0.0 on Postgres, and its Parquet copy (the files the Snowflake tables are loaded from).
    let url = format!("postgres://{}@127.0.0.1:{}/tpch", pg.user, pg.port);
    let v3 = packwire::tooling::init(&url, "public", &[], "tpch", "3.0.0").await.expect("init from postgres");
    std::fs::write(registry.join("tpch-3.0.0.toml"), &v3).unwrap();
    let files = work.path().join("staging");
    packwire::tooling::materialize(&registry, "tpch@3.0.0", &files, "2.9.0").await.expect("materialize");
    std::fs::remove_file(registry.join("tpch-2.9.0.toml")).unwrap();

    // The data team's copy on Snowflake: upper-case tables in TPCH.PUBLIC.
    let loaded = package::PackageVersion::from_toml(&v3, &registry.join("tpch-3.0.0.toml")).unwrap();
    let sf_source = format!(
        "[package]\nname = \"x\"\nversion = \"0.0.0\"\n[source]\nkind = \"snowflake\"\naccount = \"acme\"\nurl = \"{}\"\n\
         user = \"LOADER\"\npassword = \"${{TPCH_SF_PASSWORD}}\"\ndatabase = \"TPCH\"\n[[tables]]\nname = \"t\"\ncolumns = [{{ name = \"c\", type = \"int4\" }}]\n",
        emulator.url()
    );
    let source = package::PackageVersion::from_toml(&sf_source, &registry.join("x.toml")).unwrap().source;
    // SAFETY: set before any other thread of this test reads the environment.
    unsafe { std::env::set_var("TPCH_SF_PASSWORD", "emulator-ignores-it") };
    let loader = Client::new(&source).unwrap();
    run(&loader, "CREATE DATABASE IF NOT EXISTS TPCH").await;
    run(&loader, "CREATE SCHEMA IF NOT EXISTS TPCH.PUBLIC").await;
    for name in TABLES {
        let table = loaded.table(name).unwrap();
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|c| {
                let null = if c.nullable { "" } else { " NOT NULL" };
                format!(
                    "{} {}{null}",
                    c.physical.to_uppercase(),
                    connectors::snowflake::introspect::snowflake_type(c.ty)
                )
            })
            .collect();
        run(&loader, &format!("CREATE TABLE PUBLIC.{} ({})", name.to_uppercase(), columns.join(", "))).await;
        let file = files.join(format!("{name}.parquet"));
        run(
            &loader,
            &format!("INSERT INTO PUBLIC.{} SELECT * FROM read_parquet('{}')", name.to_uppercase(), file.display()),
        )
        .await;
    }

    // init --from snowflake: the tables as Snowflake describes them; the password becomes ${ENV}.
    let from = format!("snowflake://APP:not-a-real-password@acme/TPCH?url={}&warehouse=WH", emulator.url());
    let (ok, stdout, stderr) =
        packwire(&["package", "init", "--from", &from, "--schema", "PUBLIC", "--name", "tpchsf", "--version", "1.0.0"]);
    assert!(ok, "{stderr}");
    assert!(!stdout.contains("not-a-real-password"), "{stdout}");
    assert!(
        stdout.contains("kind = \"snowflake\"") && stdout.contains("password = \"${TPCHSF_PASSWORD}\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("name = \"LINEITEM\"") && stdout.contains("{ name = \"L_QUANTITY\", type = \"numeric(15,2)\""),
        "{stdout}"
    );
    assert!(stdout.contains("{ name = \"L_SHIPDATE\", type = \"date\""), "{stdout}");
    let introspected =
        package::PackageVersion::from_toml(&stdout, &registry.join("tpchsf.toml")).expect("init output reads back");
    assert_eq!(introspected.tables.len(), 8);

    // 3.1.0: 3.0.0's schema, mapped onto the upper-case Snowflake tables, with init's source.
    let mut manifest: toml::Table = toml::from_str(&v3).unwrap();
    manifest["package"]["version"] = toml::Value::String("3.1.0".into());
    let mut new_source: toml::Table = toml::from_str(&stdout).unwrap();
    let mut source_table = new_source.remove("source").unwrap();
    source_table["password"] = toml::Value::String("${TPCH_SF_PASSWORD}".into());
    manifest.insert("source".into(), source_table);
    for table in manifest["tables"].as_array_mut().unwrap() {
        let name = table["name"].as_str().unwrap().to_uppercase();
        table.as_table_mut().unwrap().insert("physical".into(), toml::Value::String(name));
        for column in table["columns"].as_array_mut().unwrap() {
            let name = column["name"].as_str().unwrap().to_uppercase();
            column.as_table_mut().unwrap().insert("physical".into(), toml::Value::String(name));
        }
    }
    let v31 = registry.join("tpch-3.1.0.toml");
    std::fs::write(&v31, toml::to_string(&manifest).unwrap()).unwrap();
    let (ok, stdout, stderr) = packwire(&["package", "check", v31.to_str().unwrap()]);
    assert!(ok, "{stdout}{stderr}");

    let registry_arg = registry.to_str().unwrap();
    let (ok, stdout, stderr) = packwire(&["package", "diff", "tpch@3.0.0", "tpch@3.1.0", "--registry", registry_arg]);
    assert!(ok, "{stderr}");
    assert!(stdout.starts_with("tpch@3.0.0 → tpch@3.1.0: patch"), "{stdout}");
    let (ok, stdout, stderr) = packwire(&["package", "verify", "tpch@3.0.0", "tpch@3.1.0", "--registry", registry_arg]);
    assert!(ok, "verify failed:\n{stdout}{stderr}");
    assert!(stdout.contains("agree on all"), "{stdout}");

    // The same client code: the 22 queries directly, through 3.0.0 and through 3.1.0.
    let port = serve(&registry).await;
    let direct = common::direct(&pg, "tpch").await;
    let on_postgres = client(port, "tpch@3.0.0").await;
    let on_snowflake = client(port, "tpch@3.1.0").await;
    let (mut failures, mut same, mut refused) = (Vec::new(), 0, Vec::new());
    for n in 1..=22 {
        let sql = common::tpch_query(n);
        let ordered = is_ordered(&sql);
        let (expected, kinds) =
            packwire::tooling::run_query(&direct, &sql).await.unwrap_or_else(|e| panic!("q{n} direct: {e}"));
        for (name, session) in [("tpch@3.0.0", &on_postgres), ("tpch@3.1.0", &on_snowflake)] {
            match session.query(sql.as_str(), &[]).await {
                Err(e) if name == "tpch@3.1.0" && common::sqlstate(&e) == "0A000" => refused.push(n),
                _ => match packwire::tooling::run_query(session, &sql).await {
                    Ok((rows, _)) => match first_difference(&expected, &rows, &kinds, ordered) {
                        Some(difference) => failures.push(format!("q{n:02} on {name}: {difference}")),
                        None if name == "tpch@3.1.0" => same += 1,
                        None => {}
                    },
                    Err(error) => failures.push(format!("q{n:02} on {name}: {error}")),
                },
            }
        }
    }
    println!(
        "TPC-H on Snowflake (emulator): {same} same, {} refused {refused:?}, {} different",
        refused.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(same, 22, "TPC-H queries refused on Snowflake: {refused:?}");

    // Averages and quotients are divided by packwire at Postgres' scale and in its types; a
    // zero divisor is Postgres' error, not Snowflake's.
    let quotients = "SELECT n_regionkey, avg(n_nationkey) AS a, sum(n_nationkey) / 7 AS b, max(n_nationkey) / 2 AS c, \
                     100.00 * sum(n_nationkey) / count(*) AS d FROM nation GROUP BY n_regionkey ORDER BY 1, 2";
    let (expected, kinds) = packwire::tooling::run_query(&direct, quotients).await.unwrap();
    let (rows, _) = packwire::tooling::run_query(&on_snowflake, quotients).await.unwrap();
    assert_eq!(first_difference(&expected, &rows, &kinds, true), None);
    let error =
        on_snowflake.query("SELECT n_nationkey / (n_regionkey - n_regionkey) FROM nation", &[]).await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "22012", "{error:?}");

    // A statement timeout (like a cancel or a client leaving) drops the running statement,
    // which sends Snowflake an abort-request for it.
    on_snowflake.batch_execute("SET statement_timeout = '300ms'").await.unwrap();
    let slow = "SELECT count(*) FROM lineitem a, lineitem b WHERE a.l_quantity + b.l_quantity > 3";
    let error = on_snowflake.query(slow, &[]).await.unwrap_err();
    assert_eq!(common::sqlstate(&error), "57014", "{error:?}");
    let aborted = tokio::task::block_in_place(|| {
        pgharness::wait_for(std::time::Duration::from_secs(10), || emulator.log().contains("/queries/v1/abort-request"))
    });
    assert!(aborted, "no abort-request reached the emulator:\n{}", emulator.log());
    drop(emulator);
}
