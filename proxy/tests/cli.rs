//! The command line: `explain` prints exactly what would reach the backend; help has examples.

mod common;

use std::process::Command;

fn packwire(args: &[&str]) -> std::process::Output {
    // The demo data directory is shared with the wire tests, so nothing is generated twice.
    common::demo_home();
    Command::new(env!("CARGO_BIN_EXE_packwire"))
        .args(args)
        .env("PACKWIRE_HOME", common::demo_home())
        .env("PACKWIRE_LOG", "warn")
        .output()
        .expect("run packwire")
}

#[test]
fn explain_prints_the_backend_statement_and_plan() {
    let output = packwire(&["explain", "tpch@1.1.0", "select n_name from nation where n_regionkey = 1"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("package:  tpch@1.1.0 (parquet source)"), "{stdout}");
    assert!(
        stdout.contains("SELECT n_name FROM \"public\".\"nation\" AS \"nation\" WHERE n_regionkey = CAST(1 AS INT)"),
        "{stdout}"
    );
    assert!(stdout.contains("physical_plan"), "{stdout}");
}

#[test]
fn explain_reports_validation_errors() {
    let output = packwire(&["explain", "tpch@1", "select nope from nation"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("ERROR 42703: column \"nope\" does not exist"), "{stderr}");
}

#[test]
fn help_reads_like_cargo_with_examples() {
    for args in [&["--help"][..], &["serve", "--help"], &["explain", "--help"], &["config", "check", "--help"]] {
        let output = packwire(args);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success());
        assert!(stdout.contains("Examples:"), "{args:?}: {stdout}");
    }
}

#[test]
fn config_check_loads_everything_serve_would_and_names_the_first_problem() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("packwire.toml");
    std::fs::write(&config, "listen = \"127.0.0.1:7432\"\n[auth]\nmethod = \"trust\"\n[limits]\nmax_connections = 5\n")
        .unwrap();
    let check = |env: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_packwire"));
        command.args(["config", "check", "--config"]).arg(&config).env("PACKWIRE_HOME", common::demo_home());
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command.output().expect("run packwire");
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (ok, out, err) = check(&[]);
    assert!(ok, "{err}");
    assert!(out.contains("configuration OK") && out.contains("max_connections   5"), "{out}");
    assert!(out.contains("(2 versions)"), "the demo registry was loaded: {out}");
    let (ok, out, _) = check(&[("PACKWIRE_LIMITS_MAX_CONNECTIONS", "9")]);
    assert!(ok && out.contains("max_connections   9"), "{out}");
    let (ok, _, err) = check(&[("PACKWIRE_LIMITS_MAX_CONECTIONS", "9")]);
    assert!(!ok && err.contains("unknown field `max_conections`"), "{err}");
    let (ok, _, err) = check(&[("PACKWIRE_AUTH_METHOD", "scram-sha-256")]);
    assert!(!ok && err.contains("needs a users file"), "{err}");
    let (ok, _, err) = check(&[("PACKWIRE_TLS_CERT", "/nonexistent.pem"), ("PACKWIRE_TLS_KEY", "/nonexistent.key")]);
    assert!(!ok && err.contains("/nonexistent.pem"), "{err}");
}
