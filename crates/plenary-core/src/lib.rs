//! Plenary's domain model: the words of `PRODUCT.md` as types, and the rules between them.
//!
//! This crate does no IO. It knows nothing of SQLite, Handlebars or Tauri: the store fills these
//! types, the renderers read them, and [`assembly::assemble`] turns a statement and its resolved
//! items into a plain [`assembly::AssembledStatement`] any renderer can lay out.

pub mod assembly;
pub mod date;
pub mod error;
pub mod event;
pub mod fact;
pub mod freeze;
pub mod id;
pub mod kind;
pub mod language;
pub mod organisation;
pub mod section;
pub mod share;
pub mod statement;
pub mod status;
pub mod term;
pub mod text;
pub mod warning;
pub mod words;

pub use error::ModelError;
