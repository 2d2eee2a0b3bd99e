//! Statements for events and the items they are made of.

use serde::{Deserialize, Serialize};

use crate::date::{Date, Timestamp};
use crate::id::{EventId, ItemId, SectionId, StatementId};
use crate::language::Language;
use crate::section::VersionRef;
use crate::status::StatementStatus;

/// A document for one event, made of ordered items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Its identity.
    pub id: StatementId,
    /// Its title.
    pub title: String,
    /// The event it is for, if any.
    pub event: Option<EventId>,
    /// The language it is written in.
    pub lang: Language,
    /// The date printed on it.
    pub date: Option<Date>,
    /// The template it is exported through.
    pub template: String,
    /// Where it stands.
    pub status: StatementStatus,
    /// Who is asked to sign it, in order, with their answers.
    pub signatories: Vec<Signer>,
    /// Its content, in order.
    pub items: Vec<Item>,
    /// When it was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

/// Someone (a person or an organisation) signing a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    /// Name as printed.
    pub name: String,
    /// Role or affiliation line, if any ("Executive Director").
    pub role: Option<String>,
}

/// Someone asked to sign a statement, and their answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    /// Name as printed.
    pub name: String,
    /// Role or affiliation line, if any.
    pub role: Option<String>,
    /// Their answer so far.
    pub consent: Consent,
}

/// A signer's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Consent {
    /// Asked; no answer recorded yet.
    Invited,
    /// Agreed to sign.
    Agreed {
        /// Who recorded the agreement (or gave it); none for signatories added before Plenary
        /// kept consent.
        by: Option<String>,
        /// When.
        at: Option<Timestamp>,
        /// The statement's text they agreed to (see [`consent_text`]); none for signatories
        /// added before Plenary kept consent, whose agreement never goes stale.
        #[serde(skip_serializing, default)]
        text: Option<String>,
    },
    /// Declined to sign.
    Declined {
        /// When.
        at: Timestamp,
        /// Why, or who said so.
        note: Option<String>,
    },
}

/// Where a signer stands against the statement's text now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Asked, no answer.
    Invited,
    /// Agreed to this text: printed on exports.
    Agreed,
    /// Agreed to an earlier text: ask again.
    Stale,
    /// Declined.
    Declined,
}

impl Signer {
    /// Where the signer stands, given the statement's text now (from [`consent_text`]).
    pub fn standing(&self, text_now: &str) -> Standing {
        match &self.consent {
            Consent::Invited => Standing::Invited,
            Consent::Declined { .. } => Standing::Declined,
            Consent::Agreed { text: Some(text), .. } if text != text_now => Standing::Stale,
            Consent::Agreed { .. } => Standing::Agreed,
        }
    }

    /// The name and role as exports print them.
    pub fn printed(&self) -> Signatory {
        Signatory { name: self.name.clone(), role: self.role.clone() }
    }
}

/// A signer with where they stand against the text now: what the app and the command list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignerStanding {
    /// The signer and their answer.
    #[serde(flatten)]
    pub signer: Signer,
    /// Where they stand.
    pub standing: Standing,
}

impl SignerStanding {
    /// Each of `signers` with their standing against `text_now` (from [`consent_text`]).
    pub fn all(signers: Vec<Signer>, text_now: &str) -> Vec<SignerStanding> {
        signers
            .into_iter()
            .map(|signer| SignerStanding { standing: signer.standing(text_now), signer })
            .collect()
    }
}

/// The words a signer agrees to: the statement's title and each item's heading and plain text,
/// facts substituted. Consent recorded against it goes stale when it changes.
pub fn consent_text<'a>(title: &str, items: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut text = title.trim().to_owned();
    for (heading, body) in items {
        text.push_str("\n\n");
        text.push_str(heading.trim());
        text.push('\n');
        text.push_str(crate::words::plain_text(body).trim());
    }
    text
}

/// One entry of a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Its identity, stable across reordering.
    pub id: ItemId,
    /// 1-based place in the statement.
    pub position: u32,
    /// What it holds.
    pub content: ItemContent,
}

/// What an item holds: vetted language from the library, or text of this statement alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemContent {
    /// A library section pinned to one version; updating it is an explicit step.
    Linked {
        /// The section.
        section: SectionId,
        /// The pinned version.
        version: u32,
    },
    /// Text written for this statement, possibly forked from a library section.
    Text {
        /// Its heading (may be empty for a plain paragraph).
        title: String,
        /// Its body, Markdown.
        body: String,
        /// The library version it was copied from, if it was forked.
        forked_from: Option<VersionRef>,
    },
}
