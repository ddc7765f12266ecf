//! The conformance suite's pieces that are not I/O: the corpus format, the differential query
//! generator, and the result matrix. The runner (`tests/conformance.rs`) executes every case on a
//! real Postgres (the oracle) and through packwire on every available backend.

pub mod corpus;
pub mod generator;
pub mod matrix;
