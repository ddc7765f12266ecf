//! The corpus: plain `.sql` files under `conformance/corpus/`, one case per statement:
//!
//! ```text
//! -- case: strings/lpad_basic
//! SELECT lpad('7', 3, '0');
//! ```
//!
//! A case is a `-- case: <area>/<name>` line followed by one statement ending with `;` at the end
//! of a line. Other `--` lines between cases are comments.

use std::path::{Path, PathBuf};

/// One query of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// `area/name`, unique in the corpus.
    pub name: String,
    /// The statement, without its final `;`.
    pub sql: String,
}

impl Case {
    /// The part of the name before `/`.
    pub fn area(&self) -> &str {
        self.name.split('/').next().unwrap_or("")
    }
}

/// The repository's corpus directory.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The repository's TPC-H directory (queries and DDL).
pub fn tpch_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tpch")
}

/// Parses one corpus file. Errors name the file's line.
pub fn parse(text: &str, file: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    for (number, line) in text.lines().enumerate() {
        let trimmed = line.trim_end();
        if let Some(name) = trimmed.strip_prefix("-- case:") {
            if let Some((name, _)) = &current {
                return Err(format!("{file}:{}: case {name} has no statement ending in `;`", number + 1));
            }
            current = Some((name.trim().to_string(), Vec::new()));
            continue;
        }
        match &mut current {
            Some((_, lines)) => {
                if lines.is_empty() && (trimmed.is_empty() || trimmed.starts_with("--")) {
                    continue;
                }
                lines.push(line);
                if trimmed.ends_with(';') {
                    let (name, lines) = current.take().unwrap_or_default();
                    let sql = lines.join("\n");
                    let sql = sql.trim_end().trim_end_matches(';').trim().to_string();
                    cases.push(Case { name, sql });
                }
            }
            None if trimmed.is_empty() || trimmed.starts_with("--") => {}
            None => return Err(format!("{file}:{}: text outside a case", number + 1)),
        }
    }
    if let Some((name, _)) = current {
        return Err(format!("{file}: case {name} has no statement ending in `;`"));
    }
    Ok(cases)
}

/// Every case of the corpus directory, files in name order; names must be unique.
pub fn load(dir: &Path) -> Result<Vec<Case>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        cases.extend(parse(&text, &file.display().to_string())?);
    }
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    if let Some(pair) = names.windows(2).find(|pair| pair[0] == pair[1]) {
        return Err(format!("case {} appears twice", pair[0]));
    }
    Ok(cases)
}

/// The 22 TPC-H queries as cases (`tpch/q01` …; q15 as its single-statement CTE variant).
pub fn tpch_cases() -> Result<Vec<Case>, String> {
    (1..=22)
        .map(|n| {
            let file = if n == 15 { "q15_cte.sql".to_string() } else { format!("q{n:02}.sql") };
            let text = std::fs::read_to_string(tpch_dir().join(&file)).map_err(|e| format!("{file}: {e}"))?;
            let sql = text
                .lines()
                .filter(|line| !line.trim_start().starts_with("--"))
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .trim_end_matches(';')
                .to_string();
            Ok(Case { name: format!("tpch/q{n:02}"), sql })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_are_split_on_their_markers() {
        let text = "-- strings\n-- case: s/a\nSELECT 1;\n\n-- case: s/b\nSELECT\n  2\n  + 3;\n";
        let cases = parse(text, "f.sql").unwrap();
        assert_eq!(
            cases,
            vec![
                Case { name: "s/a".into(), sql: "SELECT 1".into() },
                Case { name: "s/b".into(), sql: "SELECT\n  2\n  + 3".into() },
            ]
        );
        assert!(parse("-- case: x\nSELECT 1\n", "f.sql").is_err());
        assert!(parse("SELECT 1;\n", "f.sql").is_err());
    }

    #[test]
    fn the_repository_corpus_loads() {
        let cases = load(&corpus_dir()).unwrap();
        assert!(cases.len() >= 300, "{} cases", cases.len());
        assert_eq!(tpch_cases().unwrap().len(), 22);
    }
}
