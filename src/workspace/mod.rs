//! The index of every draft in the workspace: compact per-draft summaries
//! and the queries that run across them.
