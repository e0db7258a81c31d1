//! The daily digest end to end: posted through the fake Discord on a test clock, and claimed once across replicas sharing a throwaway PostgreSQL.

#![cfg(feature = "discord")]

mod e2e;
mod replicas;
