//! Data packages: the manifest format, the Postgres types a package may declare, registries of
//! manifests and version resolution.
//!
//! A package version is immutable once loaded: everything downstream (rewrite, connectors, the
//! catalog) reads it through an `Arc<PackageVersion>` and never changes it.

pub mod diff;
pub mod manifest;
pub mod pgtype;
pub mod registry;
pub mod spec;

pub use manifest::{
    BackendTls, Column, Deprecation, FilesFormat, Generate, PackageVersion, ResultLimits, SecretRef, SnowflakeAuth,
    Source, SunsetDate, Table, parse_duration_ms,
};
pub use pgtype::PgType;
pub use registry::{ManifestProblem, Registry, ResolveError};
pub use spec::{PackageSpec, percent_decode};
