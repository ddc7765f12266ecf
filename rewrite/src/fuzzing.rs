//! The statement pipeline as one function of arbitrary bytes — parse, fingerprint, then plan
//! every statement for every target over a fixed package — for the fuzz target
//! (`fuzz/fuzz_targets/statement_pipeline.rs`) and the corpus replay test below. Whatever the
//! input, it returns; a panic is a bug.

use std::path::Path;
use std::sync::OnceLock;

use package::PackageVersion;

use crate::{SessionInfo, Target};

/// The demo's TPC-H tables plus the conformance suite's `alltypes` under a physical name with
/// a renamed column, so the TPC-H and corpus statements the fuzzer starts from resolve and the
/// renaming paths run.
const MANIFEST: &str = concat!(
    include_str!("../../demo/registry/tpch-1.0.0.toml"),
    r#"
[[tables]]
name = "alltypes"
physical = "ALLTYPES_RAW"
primary_key = ["id"]
columns = [
  { name = "id", type = "int4" }, { name = "b", type = "bool" }, { name = "i2", type = "int2" },
  { name = "i4", type = "int4" }, { name = "i8", type = "int8" }, { name = "f4", type = "float4" },
  { name = "f8", type = "float8" }, { name = "n", type = "numeric(38,10)", physical = "N_RAW" },
  { name = "m", type = "numeric(12,2)" }, { name = "t", type = "text" }, { name = "vc", type = "varchar(40)" },
  { name = "d", type = "date" }, { name = "ts", type = "timestamp" }, { name = "tstz", type = "timestamptz" },
  { name = "tm", type = "time" }, { name = "iv", type = "interval" }, { name = "u", type = "uuid" },
  { name = "j", type = "jsonb" }, { name = "by", type = "bytea" },
]
"#
);

fn package() -> &'static PackageVersion {
    static PACKAGE: OnceLock<PackageVersion> = OnceLock::new();
    PACKAGE.get_or_init(|| match PackageVersion::from_toml(MANIFEST, Path::new("/fuzz/registry/tpch-1.0.0.toml")) {
        Ok(package) => package,
        Err(error) => unreachable!("the fuzzing manifest is valid: {error}"),
    })
}

/// Runs the pipeline on `bytes` (ignored unless UTF-8). Returns how many (statement, target)
/// pairs were planned.
pub fn pipeline(bytes: &[u8]) -> usize {
    let Ok(text) = std::str::from_utf8(bytes) else { return 0 };
    let _ = crate::fingerprint::fingerprint(text);
    let Ok(statements) = crate::parse(text) else { return 0 };
    let session = SessionInfo {
        database: "tpch@1.0.0".into(),
        user: "fuzz".into(),
        version: "PostgreSQL 16.4 (packwire)".into(),
    };
    let mut planned = 0;
    for statement in statements {
        for target in [Target::Postgres, Target::DataFusion, Target::Snowflake] {
            if crate::plan(statement.clone(), text, package(), target, &session).is_ok() {
                planned += 1;
            }
        }
    }
    planned
}

#[cfg(test)]
mod tests {
    /// The committed fuzzing corpus and regressions (every crash or timeout the fuzzer found) (inputs the fuzzer found interesting, and any crash it ever
    /// found) replayed on every test run: CI's bounded smoke of the fuzz target.
    #[test]
    fn fuzz_corpus_replays_without_panics() {
        let fuzz = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
        let mut files = 0;
        let mut planned = 0;
        let dirs = [fuzz.join("corpus/statement_pipeline"), fuzz.join("regressions/statement_pipeline")];
        for path in dirs.iter().flat_map(|dir| std::fs::read_dir(dir).unwrap()).map(|e| e.unwrap().path()) {
            let bytes = std::fs::read(&path).unwrap();
            planned += super::pipeline(&bytes);
            files += 1;
        }
        assert!(files >= 20, "the corpus has {files} inputs");
        assert!(planned > 0, "nothing in the corpus planned: the replay would prove nothing");
    }
}
