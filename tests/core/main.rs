//! Integration tests of the core through the public API: answers on the shipped and fixture corpora, corpus validation, extraction, rendering, and properties of queries.

mod answers;
mod brief;
mod corpus_validation;
mod extraction;
mod extraction_fixtures;
mod fuzz;
mod query_props;
mod render_security;
mod render_snapshots;
