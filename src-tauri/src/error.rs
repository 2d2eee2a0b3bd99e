//! Errors as the window sees them: `{code, message}`, and for the errors a person meets in
//! ordinary work a `key` with its `params`, which the window words in its own language (the
//! message, in English, is what it shows for the rest). The UI branches on `code` only, never on
//! the message.

use plenary_export::ExportError;
use plenary_render::RenderError;
use plenary_store::StoreError;
use serde::Serialize;

/// What kind of failure it was, for the UI to react to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Code {
    /// The input broke a rule; the form should show the message beside the field.
    Invalid,
    /// The record no longer exists (deleted elsewhere).
    NotFound,
    /// The library refuses the change as things stand (retired section, final statement…).
    Rejected,
    /// The library file is locked, read-only, damaged or from a newer Plenary.
    Library,
    /// A template failed to render.
    Template,
    /// A file could not be read or written.
    File,
    /// The window itself (its menu) could not be changed.
    Window,
}

/// An error crossing into the window.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CommandError {
    code: Code,
    message: String,
    /// How the window words it in its own language, for the errors that have a wording.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    wording: Option<Box<Wording>>,
}

/// A string-table key (`error.…` in `strings.ts`) and the values its sentence names.
#[derive(Debug, Clone, Serialize)]
struct Wording {
    key: String,
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    params: serde_json::Map<String, serde_json::Value>,
}

impl CommandError {
    /// An error with this code and message.
    pub(crate) fn new(code: Code, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), wording: None }
    }

    /// The same error, worded by the window from `key` and `params`.
    fn keyed(mut self, key: impl Into<String>, params: serde_json::Value) -> Self {
        let params = match params {
            serde_json::Value::Object(params) => params,
            _ => serde_json::Map::new(),
        };
        self.wording = Some(Box::new(Wording { key: key.into(), params }));
        self
    }

    /// Bad input in a field the user typed.
    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::new(Code::Invalid, message)
    }
}

/// The fields whose refusal the window words in its language (`strings.ts`; checked by
/// `tests/error_wording.rs`): the ones its forms send.
const WORDED_FIELDS: [&str; 20] = [
    "error.invalid.language",
    "error.invalid.languages",
    "error.invalid.limits_per_language",
    "error.invalid.kind",
    "error.invalid.fact_key",
    "error.invalid.website",
    "error.invalid.name",
    "error.invalid.end_date",
    "error.invalid.word_limit",
    "error.invalid.reviewer",
    "error.invalid.term",
    "error.invalid.preferred_wording",
    "error.invalid.title",
    "error.invalid.starts",
    "error.invalid.ends",
    "error.invalid.deadline",
    "error.invalid.date",
    "error.invalid.review_due",
    "error.invalid.as_of",
    "error.invalid.parallel",
];

/// What every command returns.
pub(crate) type CommandResult<T> = Result<T, CommandError>;

impl From<StoreError> for CommandError {
    fn from(error: StoreError) -> Self {
        let code = match &error {
            StoreError::Model(_) => Code::Invalid,
            StoreError::NotFound { .. } | StoreError::Ambiguous { .. } => Code::NotFound,
            StoreError::Refused(_) => Code::Rejected,
            _ => Code::Library,
        };
        let plain = Self::new(code, error.to_string());
        match &error {
            StoreError::Model(model) => Self::from(model.clone()),
            StoreError::NotFound { what, id } => plain
                .keyed(format!("error.notFound.{}", what.replace(' ', "_")), serde_json::json!({ "id": id })),
            StoreError::Locked { .. } => plain.keyed("error.locked", serde_json::json!({})),
            StoreError::DiskFull { .. } => plain.keyed("error.diskFull", serde_json::json!({})),
            StoreError::ReadOnly { .. } => plain.keyed("error.readOnly", serde_json::json!({})),
            StoreError::Refused(refusal) => match serde_json::to_value(refusal) {
                Ok(mut sent) => {
                    let case = sent["case"].as_str().unwrap_or_default().to_owned();
                    let params = sent.get_mut("params").map(serde_json::Value::take).unwrap_or_default();
                    plain.keyed(format!("error.refused.{case}"), params)
                }
                Err(_) => plain,
            },
            _ => plain,
        }
    }
}

impl From<RenderError> for CommandError {
    fn from(error: RenderError) -> Self {
        Self::new(Code::Template, error.to_string())
    }
}

impl From<ExportError> for CommandError {
    fn from(error: ExportError) -> Self {
        match error {
            ExportError::Store(error) => error.into(),
            ExportError::Render(error) => error.into(),
            ExportError::Write { .. } => Self::new(Code::File, error.to_string()),
            ExportError::NoColumns { format } => Self::new(Code::Rejected, error.to_string())
                .keyed("error.noColumns", serde_json::json!({ "format": format })),
            ExportError::TemplateKept { status, ref kept, ref asked, .. } => {
                Self::new(Code::Rejected, error.to_string()).keyed(
                    "error.templateKept",
                    serde_json::json!({ "status": status.as_str(), "kept": kept, "asked": asked }),
                )
            }
        }
    }
}

impl From<plenary_import::ImportError> for CommandError {
    fn from(error: plenary_import::ImportError) -> Self {
        Self::new(Code::File, error.to_string())
    }
}

impl From<plenary_bundle::BundleError> for CommandError {
    fn from(error: plenary_bundle::BundleError) -> Self {
        match error {
            plenary_bundle::BundleError::Store(error) => error.into(),
            other => Self::new(Code::File, other.to_string()),
        }
    }
}

impl From<plenary_core::ModelError> for CommandError {
    fn from(error: plenary_core::ModelError) -> Self {
        use plenary_core::ModelError;
        let plain = Self::invalid(error.to_string());
        match &error {
            ModelError::StatementLocked { status } => {
                plain.keyed(format!("error.statementLocked.{}", status.as_str()), serde_json::json!({}))
            }
            ModelError::StatementKept => plain.keyed("error.statementKept", serde_json::json!({})),
            // The window words the fields its forms reach; for the rest it shows the message.
            ModelError::Invalid { field, value, .. } => {
                let field = field.split(" in '").next().unwrap_or(field).replace(' ', "_");
                match WORDED_FIELDS
                    .iter()
                    .find(|key| key.strip_prefix("error.invalid.") == Some(field.as_str()))
                {
                    Some(key) => plain.keyed(*key, serde_json::json!({ "value": value })),
                    None => plain,
                }
            }
            ModelError::InUse { what, statement, status, deleted } => {
                // The advice differs: change the draft, wait out a deleted one, or retire.
                let case = match (deleted, status) {
                    (true, _) => "deleted",
                    (false, plenary_core::status::StatementStatus::Draft) => "draft",
                    (false, _) => "kept",
                };
                plain.keyed(
                    format!("error.inUse.{}.{case}", what.trim_start_matches("the ")),
                    serde_json::json!({ "statement": statement, "status": status.as_str() }),
                )
            }
            _ => plain,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plenary_core::ModelError;
    use plenary_core::status::StatementStatus;

    fn sent(error: CommandError) -> serde_json::Value {
        serde_json::to_value(error).expect("serialisable")
    }

    #[test]
    fn the_errors_a_person_meets_carry_a_key_the_window_words_in_its_language() {
        let used = ModelError::InUse {
            what: "the event",
            statement: "Draft".into(),
            status: StatementStatus::Final,
            deleted: false,
        };
        assert_eq!(
            sent(StoreError::Model(used).into()),
            serde_json::json!({
                "code": "invalid",
                "message": "the event is used in the statement “Draft” (final): a statement that was final keeps it",
                "key": "error.inUse.event.kept",
                "params": { "statement": "Draft", "status": "final" },
            })
        );
        let locked = sent(ModelError::StatementLocked { status: StatementStatus::Submitted }.into());
        assert_eq!(locked["key"], "error.statementLocked.submitted");
        let missing = sent(StoreError::NotFound { what: "deleted statement", id: "1234abcd".into() }.into());
        assert_eq!(
            (missing["code"].as_str(), missing["key"].as_str()),
            (Some("not_found"), Some("error.notFound.deleted_statement"))
        );
        assert_eq!(missing["params"]["id"], "1234abcd");
        let refused =
            sent(StoreError::from(plenary_store::Refusal::SignatoryTwice { name: "Ana".into() }).into());
        assert_eq!(
            refused,
            serde_json::json!({
                "code": "rejected",
                "message": "'Ana' is already a signatory of this statement",
                "key": "error.refused.signatoryTwice",
                "params": { "name": "Ana" },
            })
        );
        let invalid = sent(ModelError::invalid("fact key", "Members", "lowercase").into());
        assert_eq!(
            (invalid["key"].as_str(), invalid["params"]["value"].as_str()),
            (Some("error.invalid.fact_key"), Some("Members"))
        );
        let bare = sent(StoreError::from(plenary_store::Refusal::SignatoryNeedsName).into());
        assert_eq!(bare["key"], "error.refused.signatoryNeedsName");
        let other = sent(StoreError::Missing { path: "/nowhere/library.db".into() }.into());
        assert_eq!(other.get("key"), None, "no wording: the window shows the message");
    }
}
