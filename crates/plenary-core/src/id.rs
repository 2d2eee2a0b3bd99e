//! Typed identifiers. Every record is named by a random UUID (v4), so that libraries merged from
//! several machines never collide and an 8-character prefix is practically unique.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! uuid_id {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random id.
            pub fn new_random() -> Self {
                Self(Uuid::new_v4())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

uuid_id! {
    /// Names a library section (all its versions share it).
    SectionId,
    /// Names a translation group: sections that say the same thing in different languages.
    TranslationGroupId,
    /// Names an event (a conference).
    EventId,
    /// Names a statement.
    StatementId,
    /// Names one item of a statement.
    ItemId,
    /// Names one entry of the termbase.
    TermId,
}
