//! Startup: version pinning in the database name (literal `@`, `%40`, ranges), the
//! `packwire.package` option, FATAL 3D000 for unknown packages, ParameterStatus.

mod common;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn versions_resolve_from_the_database_name() {
    let server = common::start(&[]).await;
    for (database, expected) in [
        ("tpch@1.0.0", "tpch@1.0.0"),
        ("tpch%401.0.0", "tpch@1.0.0"),
        ("tpch@1.1", "tpch@1.1.0"),
        ("tpch@1", "tpch@1.1.0"),
        ("tpch@~1.0", "tpch@1.0.0"),
        ("tpch@^1.0", "tpch@1.1.0"),
        ("tpch", "tpch@1.1.0"),
    ] {
        let client = server.connect(database).await;
        let shown = common::text_rows(&client, "show packwire.package").await;
        assert_eq!(shown, vec![vec![Some(expected.to_string())]], "{database}");
        let count = common::text_rows(&client, "select count(*) from region").await;
        assert_eq!(count, vec![vec![Some("5".to_string())]], "{database}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn package_option_for_clients_without_at_signs() {
    let server = common::start(&[]).await;
    let mut config = server.config("ignored");
    config.options("-c packwire.package=tpch@1.0.0 -c application_name=opt");
    let client = common::connect_with(config).await.unwrap();
    assert_eq!(common::text_rows(&client, "show packwire.package").await, vec![vec![Some("tpch@1.0.0".into())]]);
    assert_eq!(common::text_rows(&client, "show application_name").await, vec![vec![Some("opt".into())]]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_packages_and_versions_are_fatal_3d000() {
    let server = common::start(&[]).await;
    let error = server.connect_error("tpch@2").await;
    assert_eq!(common::sqlstate(&error), "3D000");
    let message = common::db_error(&error).message().to_string();
    assert!(message.contains("available: 1.0.0, 1.1.0"), "{message}");
    assert_eq!(common::db_error(&error).severity(), "FATAL");

    let error = server.connect_error("shop@1").await;
    assert_eq!(common::sqlstate(&error), "3D000");
    assert!(common::db_error(&error).message().contains("available: tpch"));

    let error = server.connect_error("tpch@not-a-version").await;
    assert_eq!(common::sqlstate(&error), "3D000");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parameter_status_and_settings() {
    let server = common::start(&[]).await;
    let client = server.connect("tpch@1.0.0").await;
    for (name, value) in [
        ("server_version", "16.4"),
        ("server_encoding", "UTF8"),
        ("client_encoding", "UTF8"),
        ("DateStyle", "ISO, MDY"),
        ("integer_datetimes", "on"),
        ("standard_conforming_strings", "on"),
        ("TimeZone", "UTC"),
        ("transaction_isolation", "read committed"),
    ] {
        assert_eq!(
            common::text_rows(&client, &format!("show {name}")).await,
            vec![vec![Some(value.to_string())]],
            "{name}"
        );
    }
    client.simple_query("set time zone 'Asia/Kolkata'").await.unwrap();
    assert_eq!(common::text_rows(&client, "show timezone").await, vec![vec![Some("Asia/Kolkata".into())]]);
    client.simple_query("reset timezone").await.unwrap();
    assert_eq!(common::text_rows(&client, "show timezone").await, vec![vec![Some("UTC".into())]]);
    client.simple_query("set client_encoding to 'utf-8'").await.unwrap();
    client.simple_query("begin; set local statement_timeout = '5s'; commit").await.unwrap();
    assert_eq!(common::text_rows(&client, "show statement_timeout").await, vec![vec![Some("0".into())]]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_manifest_does_not_stop_the_others() {
    let broken = "[package]\nname = \"broken\"\nversion = \"1.0.0\"\n[source]\nkind = \"files\"\nformat = \"csv\"\nroot = \".\"\n\
                  [[tables]]\nname = \"t\"\ncolumns = [{ name = \"a\", type = \"money\" }]\n";
    let server = common::start(&[("broken.toml", broken.to_string())]).await;
    let registry = package::Registry::load_dir(&server.registry).unwrap();
    let problem = registry.problems().iter().find(|p| p.file.ends_with("broken.toml")).expect("reported");
    assert_eq!(problem.line, 10);
    assert!(problem.reason.contains("unsupported type `money`"));
    let client = server.connect("tpch@1.0.0").await;
    assert_eq!(common::text_rows(&client, "select count(*) from region").await, vec![vec![Some("5".into())]]);
    let error = server.connect_error("broken").await;
    assert_eq!(common::sqlstate(&error), "3D000");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_on_the_wire_ends_only_that_connection() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = common::start(&[]).await;
    let client = server.connect("tpch@1.0.0").await;
    for garbage in [
        &b"\x00\x00\x00\x08\x04\xd2\x16\x2f"[..],    // SSLRequest, then nothing
        b"\x00\x00\x00\x04",                         // a length shorter than a header
        b"\x00\x00\x00\x10\x00\x03\x00\x00user\x00", // a truncated startup packet
        b"\xff\xff\xff\xff\xff\xff\xff\xff",         // absurd length
    ] {
        let mut socket = tokio::net::TcpStream::connect(("127.0.0.1", server.port)).await.unwrap();
        socket.write_all(garbage).await.unwrap();
        let _ = socket.shutdown().await;
        let mut sink = Vec::new();
        let _ = tokio::time::timeout(std::time::Duration::from_secs(5), socket.read_to_end(&mut sink)).await;
    }
    // A malformed Bind inside an established session: the lengths lie.
    let mut socket = tokio::net::TcpStream::connect(("127.0.0.1", server.port)).await.unwrap();
    let mut startup = Vec::new();
    let body = b"\x00\x03\x00\x00user\x00t\x00database\x00tpch@1.0.0\x00\x00";
    startup.extend_from_slice(&((body.len() + 4) as u32).to_be_bytes());
    startup.extend_from_slice(body);
    socket.write_all(&startup).await.unwrap();
    socket.write_all(b"B\x00\x00\x00\x0c\x00\x00\x00\x05\xff\xff\xff").await.unwrap();
    let mut sink = Vec::new();
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), socket.read_to_end(&mut sink)).await;
    // Other sessions are unaffected.
    assert_eq!(common::text_rows(&client, "select 1").await, vec![vec![Some("1".into())]]);
    let again = server.connect("tpch@1.1.0").await;
    assert_eq!(common::text_rows(&again, "select 2").await, vec![vec![Some("2".into())]]);
}
