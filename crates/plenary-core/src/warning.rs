//! What the composer warns about before a statement goes out.

use serde::Serialize;

use crate::date::{Date, PartialDate};
use crate::id::SectionId;
use crate::language::Language;
use crate::status::SectionStatus;

/// One thing that may be wrong with a statement. `item` is the 1-based position of the item it
/// concerns, so the app can take the user there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Warning {
    /// A linked item's pinned version has not been vetted.
    UnvettedSection {
        /// Item position.
        item: u32,
        /// The section.
        section: SectionId,
        /// The pinned version.
        version: u32,
        /// The section's status now.
        status: SectionStatus,
    },
    /// A linked section has been retired.
    RetiredSection {
        /// Item position.
        item: u32,
        /// The section.
        section: SectionId,
    },
    /// A newer vetted version exists than the one pinned.
    OutdatedVersion {
        /// Item position.
        item: u32,
        /// The section.
        section: SectionId,
        /// The pinned version.
        pinned: u32,
        /// The newest vetted version.
        latest_vetted: u32,
    },
    /// A linked section's review date has passed.
    ReviewOverdue {
        /// Item position.
        item: u32,
        /// The section.
        section: SectionId,
        /// When review was due.
        due: Date,
    },
    /// A linked section is a translation whose source has changed since it was made.
    TranslationOutOfDate {
        /// Item position.
        item: u32,
        /// The translation.
        section: SectionId,
        /// The section it was translated from.
        source: SectionId,
        /// The source's version it matches.
        made_from: u32,
        /// The source's version now.
        source_version: u32,
    },
    /// An item uses wording the termbase says to avoid.
    TermToAvoid {
        /// Item position.
        item: u32,
        /// The termbase's entry.
        term: String,
        /// The words as the item writes them.
        found: String,
        /// The wording to use instead.
        prefer: String,
    },
    /// A body cites a fact the library does not have.
    UnknownFact {
        /// Item position.
        item: u32,
        /// The cited key.
        key: String,
    },
    /// A cited fact's figure is more than a year old.
    StaleFact {
        /// The first item citing it.
        item: u32,
        /// The fact.
        key: String,
        /// When its figure was true.
        as_of: PartialDate,
    },
    /// The statement has more words in one language than the event allows in it.
    OverWordLimit {
        /// Words in that language.
        words: usize,
        /// The event's limit for that language.
        limit: u32,
        /// The language.
        lang: Language,
    },
    /// The statement is written in a language the event does not accept.
    LanguageNotAccepted {
        /// The statement's language.
        lang: Language,
        /// The event's languages.
        accepted: Vec<Language>,
    },
    /// An item's text is in another language than the statement.
    ItemLanguage {
        /// Item position.
        item: u32,
        /// The item's language.
        lang: Language,
        /// The statement's language.
        statement_lang: Language,
    },
    /// A signer was asked and has not answered: not printed until they agree.
    ConsentMissing {
        /// The signer.
        name: String,
    },
    /// A signer agreed to an earlier text: not printed until they agree to this one.
    ConsentStale {
        /// The signer.
        name: String,
    },
    /// The event's submission deadline has passed and the statement was not submitted.
    PastDeadline {
        /// The deadline.
        deadline: Date,
    },
}

impl Warning {
    /// The item the warning concerns, if it concerns one.
    pub fn item(&self) -> Option<u32> {
        match self {
            Self::UnvettedSection { item, .. }
            | Self::RetiredSection { item, .. }
            | Self::OutdatedVersion { item, .. }
            | Self::ReviewOverdue { item, .. }
            | Self::TranslationOutOfDate { item, .. }
            | Self::ItemLanguage { item, .. }
            | Self::TermToAvoid { item, .. }
            | Self::UnknownFact { item, .. }
            | Self::StaleFact { item, .. } => Some(*item),
            Self::OverWordLimit { .. }
            | Self::LanguageNotAccepted { .. }
            | Self::ConsentMissing { .. }
            | Self::ConsentStale { .. }
            | Self::PastDeadline { .. } => None,
        }
    }

    /// A sentence for people.
    pub fn message(&self) -> String {
        match self {
            Self::UnvettedSection { item, version, status, .. } => {
                format!(
                    "item {item}: version {version} of this section is not vetted (the section is {status})"
                )
            }
            Self::RetiredSection { item, .. } => format!("item {item}: this section has been retired"),
            Self::OutdatedVersion { item, pinned, latest_vetted, .. } => {
                format!(
                    "item {item}: version {pinned} is pinned but version {latest_vetted} is vetted; update the item"
                )
            }
            Self::ReviewOverdue { item, due, .. } => {
                format!("item {item}: this section was due for review on {due}")
            }
            Self::TranslationOutOfDate { item, made_from, source_version, .. } => format!(
                "item {item}: this translation was made from version {made_from} of its source, which is now at version {source_version}"
            ),
            Self::TermToAvoid { item, found, prefer, .. } => {
                format!("item {item}: \"{found}\" is on the list of terms to avoid; write \"{prefer}\"")
            }
            Self::UnknownFact { item, key } => format!("item {item}: unknown fact '{key}'"),
            Self::StaleFact { item, key, as_of } => {
                format!("item {item}: fact '{key}' is as of {as_of}, more than a year ago")
            }
            Self::OverWordLimit { words, limit, lang } => {
                format!(
                    "{words} words in '{lang}' is over the event's limit of {limit} by {}",
                    *words as u64 - u64::from(*limit)
                )
            }
            Self::LanguageNotAccepted { lang, accepted } => {
                let accepted: Vec<&str> = accepted.iter().map(Language::as_str).collect();
                format!("the event accepts statements in {} only, not '{lang}'", accepted.join(", "))
            }
            Self::ItemLanguage { item, lang, statement_lang } => {
                format!("item {item}: its text is in '{lang}', the statement in '{statement_lang}'")
            }
            Self::ConsentMissing { name } => {
                format!("{name} has not agreed to sign yet; their name is left off until they do")
            }
            Self::ConsentStale { name } => {
                format!("{name} agreed to an earlier text; ask again (their name is left off until then)")
            }
            Self::PastDeadline { deadline } => format!("the event's deadline ({deadline}) has passed"),
        }
    }
}
