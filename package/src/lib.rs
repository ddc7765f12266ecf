//! Data packages: the manifest format, the Postgres types a package may declare, registries of
//! manifests and version resolution.
//!
//! A package version is immutable once loaded: everything downstream (rewrite, connectors, the
//! catalog) reads it through an `Arc<PackageVersion>` and never changes it.

pub mod manifest;
pub mod pgtype;
pub mod registry;
pub mod spec;

pub use manifest::{Column, FilesFormat, Generate, PackageVersion, Source, Table};
pub use pgtype::PgType;
pub use registry::{ManifestProblem, Registry, ResolveError};
pub use spec::PackageSpec;
