//! The command line: `check`, `analyze`.
