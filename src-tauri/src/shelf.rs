//! What this session took away and can put back when the user presses Undo: the last few of
//! each kind, kept until the undo succeeds (so a failed one can be tried again).

use std::sync::{Mutex, PoisonError};

use crate::error::{Code, CommandError, CommandResult};

/// How many of each kind are kept.
const KEPT: usize = 10;

/// Things taken away, by key, newest last.
#[derive(Debug)]
pub(crate) struct Shelf<K, V> {
    kept: Mutex<Vec<(K, V)>>,
}

impl<K: PartialEq, V: Clone> Shelf<K, V> {
    /// An empty shelf.
    pub(crate) fn new() -> Self {
        Self { kept: Mutex::new(Vec::new()) }
    }

    /// Keeps `value` under `key`, replacing what was kept under it; the oldest go past [`KEPT`].
    pub(crate) fn keep(&self, key: K, value: V) {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        kept.retain(|(kept_key, _)| *kept_key != key);
        kept.push((key, value));
        let excess = kept.len().saturating_sub(KEPT);
        kept.drain(..excess);
    }

    /// What is kept under `key`, if anything; it stays until [`Shelf::forget`].
    fn get(&self, key: &K) -> Option<V> {
        let kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        kept.iter().find(|(kept_key, _)| kept_key == key).map(|(_, value)| value.clone())
    }

    /// Puts back what is kept under `key` with `put`, and forgets it only once that has succeeded,
    /// so a failed undo can be tried again. `missing` is the error's message when nothing is kept.
    pub(crate) fn put_back<R>(
        &self,
        key: &K,
        missing: &str,
        put: impl FnOnce(V) -> CommandResult<R>,
    ) -> CommandResult<R> {
        let value = self.get(key).ok_or_else(|| CommandError::new(Code::NotFound, missing))?;
        let done = put(value)?;
        self.forget(key);
        Ok(done)
    }

    /// Drops what is kept under `key` (it has been put back).
    fn forget(&self, key: &K) {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        kept.retain(|(kept_key, _)| kept_key != key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shelf_keeps_the_newest_per_key_and_the_last_ten() {
        let shelf = Shelf::new();
        shelf.keep(1, "first");
        shelf.keep(1, "again");
        assert_eq!(shelf.get(&1), Some("again"));
        assert_eq!(shelf.get(&1), Some("again"), "kept until forgotten");
        shelf.forget(&1);
        assert_eq!(shelf.get(&1), None);
        shelf.keep(3, "kept");
        let failed: CommandResult<()> =
            shelf.put_back(&3, "not kept", |_| Err(CommandError::new(Code::Invalid, "no")));
        assert!(failed.is_err());
        assert_eq!(shelf.get(&3), Some("kept"), "a failed undo can be tried again");
        assert_eq!(shelf.put_back(&3, "not kept", Ok).ok(), Some("kept"));
        assert_eq!(shelf.get(&3), None, "forgotten once put back");
        let missing = shelf.put_back(&3, "not kept", Ok).err().map(|error| format!("{error:?}"));
        assert!(missing.is_some_and(|message| message.contains("NotFound") && message.contains("not kept")));
        for key in 0..12 {
            shelf.keep(key, "x");
        }
        assert_eq!((shelf.get(&0), shelf.get(&1), shelf.get(&2)), (None, None, Some("x")));
    }
}
