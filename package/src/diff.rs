//! Schema differences between two versions of a package, classified by semver: major for
//! anything an existing query could break on, minor for additions, patch for everything that
//! leaves the logical schema alone (source, physical mapping, descriptions).

use std::fmt;

use crate::manifest::{PackageVersion, Source};
use crate::pgtype::PgType;

/// How big a version bump a difference needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// Nothing differs at all.
    None,
    Patch,
    Minor,
    Major,
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        })
    }
}

/// One difference and the bump it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub bump: Bump,
    pub what: String,
}

/// Every difference from `old` to `new`, biggest first.
pub fn diff(old: &PackageVersion, new: &PackageVersion) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut push = |bump: Bump, what: String| changes.push(Change { bump, what });
    for table in &old.tables {
        let Some(new_table) = new.table(&table.name) else {
            push(Bump::Major, format!("table {} removed", table.name));
            continue;
        };
        for column in &table.columns {
            let Some(new_column) = new_table.column(&column.name) else {
                push(Bump::Major, format!("column {}.{} removed", table.name, column.name));
                continue;
            };
            if column.ty != new_column.ty {
                let bump = if widens(column.ty, new_column.ty) { Bump::Minor } else { Bump::Major };
                push(bump, format!("column {}.{} type {} → {}", table.name, column.name, column.ty, new_column.ty));
            }
            if column.nullable && !new_column.nullable {
                push(Bump::Major, format!("column {}.{} nullable → not null", table.name, column.name));
            } else if !column.nullable && new_column.nullable {
                push(Bump::Minor, format!("column {}.{} not null → nullable", table.name, column.name));
            }
            if column.physical != new_column.physical {
                push(
                    Bump::Patch,
                    format!(
                        "column {}.{} physical name {} → {}",
                        table.name, column.name, column.physical, new_column.physical
                    ),
                );
            }
            if column.description != new_column.description {
                push(Bump::Patch, format!("column {}.{} description changed", table.name, column.name));
            }
        }
        for column in &new_table.columns {
            if table.column(&column.name).is_none() {
                push(Bump::Minor, format!("column {}.{} added", table.name, column.name));
            }
        }
        let old_order: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        let new_order: Vec<&str> =
            new_table.columns.iter().map(|c| c.name.as_str()).filter(|n| old_order.contains(n)).collect();
        if old_order.len() == new_order.len() && old_order != new_order {
            // `SELECT *` returns columns in declared order: reordering breaks positional readers.
            push(Bump::Major, format!("columns of {} reordered", table.name));
        }
        if table.primary_key != new_table.primary_key {
            push(Bump::Minor, format!("primary key of {} changed", table.name));
        }
        if (&table.physical, &table.physical_schema, &table.path)
            != (&new_table.physical, &new_table.physical_schema, &new_table.path)
        {
            push(Bump::Patch, format!("table {} physical location changed", table.name));
        }
        if table.description != new_table.description {
            push(Bump::Patch, format!("table {} description changed", table.name));
        }
    }
    for table in &new.tables {
        if old.table(&table.name).is_none() {
            push(Bump::Minor, format!("table {} added", table.name));
        }
    }
    if !same_source(&old.source, &new.source) {
        push(Bump::Patch, format!("source changed: {} → {}", old.source.kind(), new.source.kind()));
    }
    if old.description != new.description {
        push(Bump::Patch, "package description changed".to_string());
    }
    if old.statement_timeout_ms != new.statement_timeout_ms {
        push(Bump::Patch, "statement_timeout changed".to_string());
    }
    if old.result_limits != new.result_limits {
        push(Bump::Patch, "result limits (max_rows, max_result_bytes) changed".to_string());
    }
    changes.sort_by_key(|c| std::cmp::Reverse(c.bump));
    changes
}

/// The bump a set of changes needs.
pub fn required_bump(changes: &[Change]) -> Bump {
    changes.iter().map(|c| c.bump).max().unwrap_or(Bump::None)
}

/// The bump from `old` to `new` version numbers (pre-1.0 versions treat minor as major).
pub fn version_bump(old: &semver::Version, new: &semver::Version) -> Bump {
    if new <= old {
        Bump::None
    } else if new.major != old.major || (old.major == 0 && new.minor != old.minor) {
        Bump::Major
    } else if new.minor != old.minor {
        Bump::Minor
    } else {
        Bump::Patch
    }
}

/// A type change every existing value and query survives.
pub fn widens(from: PgType, to: PgType) -> bool {
    use PgType::*;
    match (from, to) {
        (Int2, Int4 | Int8) | (Int4, Int8) | (Float4, Float8) => true,
        (Varchar(Some(a)), Varchar(Some(b))) => b > a,
        (Varchar(_), Varchar(None) | Text) => true,
        (Numeric(Some((p1, s1))), Numeric(Some((p2, s2)))) => s1 == s2 && p2 > p1,
        (Numeric(Some(_)), Numeric(None)) => true,
        _ => false,
    }
}

fn same_source(a: &Source, b: &Source) -> bool {
    a == b
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn version(extra: &str, columns: &str) -> PackageVersion {
        let text = format!(
            "[package]\nname = \"shop\"\nversion = \"1.0.0\"\n{extra}\n[source]\nkind = \"files\"\nformat = \"parquet\"\nroot = \"d\"\n\
             [[tables]]\nname = \"orders\"\ncolumns = [{columns}]\n"
        );
        PackageVersion::from_toml(&text, Path::new("/r/x.toml")).unwrap()
    }

    const BASE: &str = "{ name = \"id\", type = \"int4\" }, { name = \"total\", type = \"numeric(10,2)\" }";

    #[test]
    fn classifies_changes() {
        let base = version("", BASE);
        assert_eq!(required_bump(&diff(&base, &base)), Bump::None);
        let removed = version("", "{ name = \"id\", type = \"int4\" }");
        assert_eq!(required_bump(&diff(&base, &removed)), Bump::Major);
        let added = version("", &format!("{BASE}, {{ name = \"note\", type = \"text\" }}"));
        assert_eq!(required_bump(&diff(&base, &added)), Bump::Minor);
        let widened = version("", "{ name = \"id\", type = \"int8\" }, { name = \"total\", type = \"numeric(10,2)\" }");
        assert_eq!(required_bump(&diff(&base, &widened)), Bump::Minor);
        let narrowed =
            version("", "{ name = \"id\", type = \"int2\" }, { name = \"total\", type = \"numeric(10,2)\" }");
        assert_eq!(required_bump(&diff(&base, &narrowed)), Bump::Major);
        let not_null = version(
            "",
            "{ name = \"id\", type = \"int4\", nullable = false }, { name = \"total\", type = \"numeric(10,2)\" }",
        );
        assert_eq!(required_bump(&diff(&base, &not_null)), Bump::Major);
        let described = version("description = \"x\"", BASE);
        assert_eq!(required_bump(&diff(&base, &described)), Bump::Patch);
        let renamed_physical = version(
            "",
            "{ name = \"id\", type = \"int4\", physical = \"ID\" }, { name = \"total\", type = \"numeric(10,2)\" }",
        );
        assert_eq!(required_bump(&diff(&base, &renamed_physical)), Bump::Patch);
    }

    #[test]
    fn version_bumps() {
        let v = |s: &str| semver::Version::parse(s).unwrap();
        assert_eq!(version_bump(&v("1.2.0"), &v("1.2.1")), Bump::Patch);
        assert_eq!(version_bump(&v("1.2.0"), &v("1.3.0")), Bump::Minor);
        assert_eq!(version_bump(&v("1.2.0"), &v("2.0.0")), Bump::Major);
        assert_eq!(version_bump(&v("0.2.0"), &v("0.3.0")), Bump::Major);
        assert_eq!(version_bump(&v("1.2.0"), &v("1.2.0")), Bump::None);
    }
}
