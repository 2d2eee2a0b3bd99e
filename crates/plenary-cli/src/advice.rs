//! What to type next, added to an error from the library: the library's messages hold for every
//! front end, so the command names and flags that fix the problem are the CLI's to give.

use plenary_core::ModelError;
use plenary_export::ExportError;
use plenary_store::{Refusal, StoreError};

/// The CLI's flag for each field the library names in its refusals.
const FLAGS: &[(&str, &str)] = &[
    ("name", "--name"),
    ("end date", "--ends"),
    ("website", "--website"),
    ("reviewer", "--by"),
    ("preferred wording", "--prefer"),
    ("word limit", "--word-limit"),
];

/// A hint to print after `error`, when the command line has a more direct way out than its words.
pub(crate) fn for_error(error: &anyhow::Error) -> Option<String> {
    let store = error.chain().find_map(|cause| {
        cause.downcast_ref::<StoreError>().or_else(|| match cause.downcast_ref::<ExportError>() {
            Some(ExportError::Store(store)) => Some(store),
            _ => None,
        })
    });
    let model = match store {
        Some(StoreError::Model(model)) => Some(model),
        _ => error.chain().find_map(|cause| cause.downcast_ref::<ModelError>()),
    };
    match (store, model) {
        (Some(StoreError::Refused(Refusal::UnknownKind { kind, .. })), _) => {
            Some(format!("add the kind with `plenary kind add {kind}`"))
        }
        (Some(StoreError::Refused(Refusal::FactNotYet { key, .. })), _) => {
            Some(format!("set its value with `plenary fact set {key} VALUE` first"))
        }
        (_, Some(ModelError::Invalid { field, .. })) => {
            let field = field.split(" in '").next().unwrap_or(field);
            FLAGS.iter().find(|(name, _)| *name == field).map(|(_, flag)| format!("see {flag}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_the_command_line_can_fix_name_the_command_that_does() {
        let kind = anyhow::Error::from(StoreError::from(Refusal::UnknownKind {
            kind: "speech".into(),
            known: vec!["paragraph".into()],
        }));
        assert_eq!(for_error(&kind).as_deref(), Some("add the kind with `plenary kind add speech`"));
        let reviewer = anyhow::Error::from(StoreError::from(ModelError::invalid("reviewer", "", "say who")));
        assert_eq!(for_error(&reviewer).as_deref(), Some("see --by"));
        let limit = anyhow::Error::from(ModelError::invalid("word limit in 'fr'", "0", "at least 1"));
        assert_eq!(for_error(&limit).as_deref(), Some("see --word-limit"));
        let exported = anyhow::Error::from(ExportError::Store(StoreError::from(Refusal::SectionLinked)));
        assert_eq!(for_error(&exported), None);
    }
}
