//! The write handle: every change to the library goes through one [`Write`] transaction.

use std::path::Path;

use jiff::Timestamp;
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::{DatabaseError, StoreError, StoreResult};

/// One open write transaction. Its methods (in the modules per table) change the library; the
/// changes become durable together when [`crate::Store::write`] commits, or vanish together.
pub struct Write<'c> {
    tx: Transaction<'c>,
    now: Timestamp,
}

impl Write<'_> {
    /// The transaction's connection, for the per-table modules.
    pub(crate) fn conn(&self) -> &Connection {
        &self.tx
    }

    /// The time stamped on everything this transaction writes.
    pub fn now(&self) -> Timestamp {
        self.now
    }
}

pub(crate) fn run<T>(
    conn: &mut Connection,
    path: &Path,
    change: impl FnOnce(&mut Write<'_>) -> StoreResult<T>,
) -> StoreResult<T> {
    let classify = |error: StoreError| match error {
        StoreError::Database(DatabaseError(error)) => StoreError::from_sqlite(error, path),
        other => other,
    };
    let tx =
        conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| classify(e.into()))?;
    let mut write = Write { tx, now: Timestamp::now() };
    let value = change(&mut write).map_err(classify)?;
    write.tx.commit().map_err(|e| classify(e.into()))?;
    Ok(value)
}
