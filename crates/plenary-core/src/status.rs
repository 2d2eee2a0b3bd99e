//! The workflows: a section's `draft → in_review → vetted → retired`, a statement's
//! `draft → final → submitted`, and which moves between them are allowed.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ModelError;

/// Where a section stands in vetting. It describes the section's current version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionStatus {
    /// Being written; not approved to go out.
    Draft,
    /// Submitted to the coordinator for vetting.
    InReview,
    /// The current version is approved language.
    Vetted,
    /// No longer to be used in new statements.
    Retired,
}

impl SectionStatus {
    /// Every status, in workflow order.
    pub const ALL: [SectionStatus; 4] = [Self::Draft, Self::InReview, Self::Vetted, Self::Retired];

    /// The name used in the database, the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in_review",
            Self::Vetted => "vetted",
            Self::Retired => "retired",
        }
    }

    /// Checks the status a new section is created with: draft or in review. Vetting is always a
    /// step of its own, recorded with who vetted which version, never part of creating.
    pub fn check_initial(self) -> Result<SectionStatus, ModelError> {
        match self {
            Self::Draft | Self::InReview => Ok(self),
            Self::Vetted | Self::Retired => Err(ModelError::Transition {
                from: "new".to_owned(),
                to: self.as_str().to_owned(),
                hint: "a new section starts as draft or in_review; vet it once it has been reviewed"
                    .to_owned(),
            }),
        }
    }

    /// Checks that a user may move a section from `self` to `next`, and says what to do if not.
    ///
    /// Allowed: draft → in_review (submit), in_review → vetted (vet), in_review → draft (send
    /// back), any but retired → retired (retire), retired → draft (reinstate). Vetting needs a
    /// review first, so nothing goes out under the organisation's name on one person's word.
    pub fn transition(self, next: SectionStatus) -> Result<SectionStatus, ModelError> {
        use SectionStatus::*;
        let allowed = matches!(
            (self, next),
            (Draft, InReview)
                | (InReview, Vetted)
                | (InReview, Draft)
                | (Draft | InReview | Vetted, Retired)
                | (Retired, Draft)
        );
        if allowed {
            return Ok(next);
        }
        let hint = match (self, next) {
            (Draft, Vetted) => "submit it for review first",
            (Vetted, Vetted) => "the current version is already vetted",
            (Retired, _) => "reinstate it as a draft first",
            (from, to) if from == to => "it already has that status",
            (Vetted, _) => "edit it to start a new draft version",
            _ => "that move is not part of the workflow",
        };
        Err(ModelError::Transition { from: self.to_string(), to: next.to_string(), hint: hint.to_owned() })
    }

    /// The status a section has after its title or body is edited: editing vetted language makes
    /// a new, unvetted draft (the vetted version stays vetted in history); retired sections are
    /// frozen.
    pub fn after_edit(self) -> Result<SectionStatus, ModelError> {
        match self {
            Self::Draft | Self::Vetted => Ok(Self::Draft),
            Self::InReview => Ok(Self::InReview),
            Self::Retired => Err(ModelError::Transition {
                from: "retired".to_owned(),
                to: "edited".to_owned(),
                hint: "reinstate it as a draft first".to_owned(),
            }),
        }
    }
}

impl fmt::Display for SectionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SectionStatus {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == s.trim())
            .ok_or_else(|| ModelError::invalid("status", s, "expected draft, in_review, vetted or retired"))
    }
}

/// Where a statement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementStatus {
    /// Being assembled.
    Draft,
    /// Agreed text, ready to send.
    Final,
    /// Sent to the event.
    Submitted,
}

impl StatementStatus {
    /// Every status, in workflow order.
    pub const ALL: [StatementStatus; 3] = [Self::Draft, Self::Final, Self::Submitted];

    /// The name used in the database, the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Final => "final",
            Self::Submitted => "submitted",
        }
    }

    /// Checks a move: draft → final, final → draft (reopen), final → submitted. A submitted
    /// statement is a record of what went out; copy it to start again.
    pub fn transition(self, next: StatementStatus) -> Result<StatementStatus, ModelError> {
        use StatementStatus::*;
        if matches!((self, next), (Draft, Final) | (Final, Draft) | (Final, Submitted)) {
            return Ok(next);
        }
        let hint = match (self, next) {
            (Submitted, _) => "a submitted statement is a record; copy it to make changes",
            (Draft, Submitted) => "mark it final first",
            _ => "it already has that status",
        };
        Err(ModelError::Transition { from: self.to_string(), to: next.to_string(), hint: hint.to_owned() })
    }

    /// Checks that a statement may change: only a draft may (a final one is reopened first).
    pub fn editable(self) -> Result<(), ModelError> {
        match self {
            Self::Draft => Ok(()),
            status => Err(ModelError::StatementLocked { status }),
        }
    }

    /// Checks that a statement may be deleted: a draft never marked final. One that was final
    /// once stands in the record (its status history, what it was approved with).
    pub fn deletable(self, was_final: bool) -> Result<(), ModelError> {
        self.editable()?;
        if was_final { Err(ModelError::StatementKept) } else { Ok(()) }
    }
}

/// One statement using something: its title, its status and whether it was deleted.
pub type Use<'a> = (&'a str, StatementStatus, bool);

/// Checks that something used by these statements may be deleted: none may use it. The one named
/// is the use least easy to end: a final or submitted statement, then a deleted one, then a
/// draft (which the user can simply change).
pub fn deletable_unless_used<'a>(
    what: &'static str,
    uses: impl IntoIterator<Item = Use<'a>>,
) -> Result<(), ModelError> {
    let mut uses: Vec<_> = uses.into_iter().collect();
    uses.sort_by_key(|(_, status, deleted)| (*status == StatementStatus::Draft, !deleted));
    match uses.first() {
        None => Ok(()),
        Some((statement, status, deleted)) => Err(ModelError::InUse {
            what,
            statement: (*statement).to_owned(),
            status: *status,
            deleted: *deleted,
        }),
    }
}

impl fmt::Display for StatementStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for StatementStatus {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == s.trim())
            .ok_or_else(|| ModelError::invalid("status", s, "expected draft, final or submitted"))
    }
}

#[cfg(test)]
mod tests {
    use super::SectionStatus::{Draft, InReview, Retired, Vetted};
    use super::StatementStatus::{Draft as SDraft, Final, Submitted};
    use super::*;

    fn check_section(from: SectionStatus, to: SectionStatus, allowed: bool) {
        assert_eq!(from.transition(to).is_ok(), allowed, "{from} → {to}");
    }

    #[test]
    fn section_workflow() {
        let allowed = [
            (Draft, InReview),
            (InReview, Vetted),
            (InReview, Draft),
            (Draft, Retired),
            (InReview, Retired),
            (Vetted, Retired),
            (Retired, Draft),
        ];
        for from in SectionStatus::ALL {
            for to in SectionStatus::ALL {
                check_section(from, to, allowed.contains(&(from, to)));
            }
        }
        let error = Draft.transition(Vetted).expect_err("draft cannot be vetted").to_string();
        assert!(error.contains("submit it for review first"), "{error}");
    }

    #[test]
    fn editing_vetted_language_makes_a_draft() {
        assert_eq!(Vetted.after_edit(), Ok(Draft));
        assert_eq!(Draft.after_edit(), Ok(Draft));
        assert_eq!(InReview.after_edit(), Ok(InReview));
        assert!(Retired.after_edit().is_err());
    }

    #[test]
    fn statement_workflow() {
        let allowed = [(SDraft, Final), (Final, SDraft), (Final, Submitted)];
        for from in StatementStatus::ALL {
            for to in StatementStatus::ALL {
                assert_eq!(from.transition(to).is_ok(), allowed.contains(&(from, to)), "{from} → {to}");
            }
        }
    }

    #[test]
    fn statuses_parse_from_their_names() {
        for status in SectionStatus::ALL {
            assert_eq!(status.as_str().parse::<SectionStatus>(), Ok(status));
            assert_eq!(serde_json::to_string(&status).expect("json"), format!("\"{status}\""));
        }
        assert!("approved".parse::<SectionStatus>().is_err());
        assert_eq!("final".parse::<StatementStatus>(), Ok(Final));
    }

    #[test]
    fn a_refused_move_says_what_to_do_instead() {
        let hint =
            |from: SectionStatus, to: SectionStatus| from.transition(to).expect_err("refused").to_string();
        assert!(hint(Vetted, Vetted).contains("already vetted"));
        assert!(hint(Retired, InReview).contains("reinstate it as a draft first"));
        assert!(hint(Retired, Retired).contains("reinstate it as a draft first"));
        assert!(hint(Draft, Draft).contains("already has that status"));
        assert!(hint(InReview, InReview).contains("already has that status"));
        assert!(hint(Vetted, InReview).contains("edit it to start a new draft version"));
        assert!(hint(Vetted, Draft).contains("edit it to start a new draft version"));
        let statement = |from: StatementStatus, to: StatementStatus| {
            from.transition(to).expect_err("refused").to_string()
        };
        assert!(statement(Submitted, SDraft).contains("copy it to make changes"));
        assert!(statement(Submitted, Submitted).contains("copy it to make changes"));
        assert!(statement(SDraft, Submitted).contains("mark it final first"));
        assert!(statement(Final, Final).contains("already has that status"));
        assert_eq!(Final.to_string(), "final");
        assert_eq!(format!("{InReview}"), "in_review");
    }

    #[test]
    fn only_a_draft_changes_and_only_a_draft_never_final_is_deleted() {
        assert_eq!(SDraft.editable(), Ok(()));
        for status in [Final, Submitted] {
            assert_eq!(status.editable(), Err(ModelError::StatementLocked { status }));
            assert!(status.deletable(false).is_err(), "{status}");
        }
        assert!(Final.editable().expect_err("final").to_string().contains("reopen it"));
        assert!(Submitted.editable().expect_err("submitted").to_string().contains("copy it"));
        assert_eq!(SDraft.deletable(false), Ok(()));
        assert_eq!(SDraft.deletable(true), Err(ModelError::StatementKept), "reopened after final");
    }

    #[test]
    fn what_a_statement_uses_is_not_deleted_and_a_final_use_is_named_first() {
        assert_eq!(deletable_unless_used("the event", []), Ok(()));
        let uses = [("Draft one", SDraft, false), ("Gone", SDraft, true), ("Sent", Submitted, false)];
        let error = deletable_unless_used("the section", uses).expect_err("used");
        assert_eq!(
            error,
            ModelError::InUse {
                what: "the section",
                statement: "Sent".to_owned(),
                status: Submitted,
                deleted: false
            }
        );
        assert!(error.to_string().contains("retire the section instead"), "{error}");
        let error = deletable_unless_used("the event", [("Sent", Final, false)]).expect_err("used");
        assert!(!error.to_string().contains("retire"), "an event is not retired: {error}");
        let error =
            deletable_unless_used("the event", [("Draft one", SDraft, false), ("Gone", SDraft, true)])
                .expect_err("used");
        assert!(error.to_string().contains("the deleted statement “Gone”"), "{error}");
        assert!(error.to_string().contains("kept 30 days"), "{error}");
        let error = deletable_unless_used("the event", [("Draft one", SDraft, false)]).expect_err("used");
        assert!(error.to_string().contains("take it out of that statement first"), "{error}");
    }
}
