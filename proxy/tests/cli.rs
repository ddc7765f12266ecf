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
    for args in [&["--help"][..], &["serve", "--help"], &["explain", "--help"]] {
        let output = packwire(args);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success());
        assert!(stdout.contains("Examples:"), "{args:?}: {stdout}");
    }
}
