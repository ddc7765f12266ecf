//! The statement pipeline as one function of arbitrary bytes — parse, fingerprint, then plan
//! every statement for every target over a fixed package — for the fuzz target
//! (`fuzz/fuzz_targets/statement_pipeline.rs`) and the corpus replay test below. Whatever the
//! input, it returns; a panic is a bug. Also [`mutants`], the seeded mutator behind the bounded
//! fuzzing smoke that `cargo test` runs for both fuzz targets.

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

/// `count` inputs derived from `seeds` the way libFuzzer mutates its corpus — bit flips, random
/// bytes, inserted and deleted runs, duplicated runs, big-endian integers set to boundary values
/// (lengths, counts), splices of two seeds — from a fixed `seed`, so a failure reproduces. The
/// bounded fuzzing smoke that CI runs without cargo-fuzz (whose build would double CI's);
/// hand-written because the fuzzing crates drive their own loop and need nightly or a C++
/// toolchain. Yields nothing when `seeds` is empty.
pub fn mutants(seeds: &[Vec<u8>], count: usize, seed: u64) -> impl Iterator<Item = Vec<u8>> + '_ {
    // xorshift64*: small, fast and deterministic; statistical quality does not matter here.
    let mut state = seed | 1;
    let mut next = move |bound: usize| -> usize {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % bound.max(1)
    };
    (0..if seeds.is_empty() { 0 } else { count }).map(move |_| {
        let mut input = seeds[next(seeds.len())].clone();
        for _ in 0..1 + next(4) {
            let at = next(input.len() + 1);
            match next(7) {
                0 if at < input.len() => input[at] ^= 1 << next(8),
                1 if at < input.len() => input[at] = next(256) as u8,
                2 => input.splice(at..at, (0..1 + next(8)).map(|_| next(256) as u8)).for_each(drop),
                3 if at < input.len() => {
                    let end = (at + 1 + next(16)).min(input.len());
                    input.drain(at..end);
                }
                4 if at < input.len() => {
                    let end = (at + 1 + next(32)).min(input.len());
                    let run = input[at..end].to_vec();
                    input.splice(at..at, run).for_each(drop);
                }
                5 if at + 4 <= input.len() => {
                    const BOUNDARIES: [u32; 6] = [0, 1, 3, 4, 0x7fff_ffff, 0xffff_ffff];
                    let value = BOUNDARIES[next(BOUNDARIES.len())].to_be_bytes();
                    let width = if next(2) == 0 { 2 } else { 4 };
                    input[at..at + width].copy_from_slice(&value[4 - width..]);
                }
                _ => {
                    let other = &seeds[next(seeds.len())];
                    let from = next(other.len() + 1);
                    input.truncate(at);
                    input.extend_from_slice(&other[from..]);
                }
            }
        }
        input
    })
}

#[cfg(test)]
mod tests {
    /// The committed corpus and regressions (every crash or timeout the fuzzer ever found),
    /// replayed, then 10,000 seeded mutants of them: CI's bounded smoke of the fuzz target.
    #[test]
    fn fuzz_corpus_and_mutants_run_without_panics() {
        let fuzz = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
        let dirs = [fuzz.join("corpus/statement_pipeline"), fuzz.join("regressions/statement_pipeline")];
        let seeds: Vec<Vec<u8>> = dirs
            .iter()
            .flat_map(|dir| std::fs::read_dir(dir).unwrap())
            .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
            .collect();
        assert!(seeds.len() >= 20, "the corpus has {} inputs", seeds.len());
        let planned: usize = seeds.iter().map(|input| super::pipeline(input)).sum();
        assert!(planned > 0, "nothing in the corpus planned: the replay would prove nothing");
        let mutants: Vec<Vec<u8>> = super::mutants(&seeds, 10_000, 0x5eed).collect();
        let changed = mutants.iter().filter(|m| !seeds.contains(m)).count();
        assert!(changed > 9_000, "only {changed} mutants differ from the corpus");
        let planned: usize = mutants.iter().map(|input| super::pipeline(input)).sum();
        assert!(planned > 0, "no mutant planned: the smoke would not reach the rewriter");
    }
}
