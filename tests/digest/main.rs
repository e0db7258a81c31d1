//! Replicas and what they share: the daily digest end to end (posted through the fake Discord on a test clock, claimed once across replicas sharing a throwaway PostgreSQL) and the corpus (`[store] url`: statements added on one replica written by the others).

#![cfg(feature = "discord")]

mod briefs;
mod corpus_sync;
mod e2e;
mod feedback_store;
mod replicas;
mod watch_store;
