//! The data a template receives. Every string in it is HTML-escaped text, or HTML that went
//! through the sanitiser: whatever a template does with `{{…}}` or `{{{…}}}`, it prints nothing
//! active.

use base64::Engine;
use serde_json::{Value, json};

use plenary_core::assembly::{AssembledItem, AssembledStatement};
use plenary_core::organisation::Logo;

use crate::Document;
use crate::locale::{date_range, labels, long_date};
use crate::markdown::body_html;

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn text(value: Option<&str>) -> Value {
    value.map(|v| Value::String(escape(v))).unwrap_or(Value::Null)
}

/// A logo as a `data:` URI, for HTML and for the app's profile screen.
pub fn logo_data_uri(logo: &Logo) -> String {
    format!(
        "data:{};base64,{}",
        logo.format.mime(),
        base64::engine::general_purpose::STANDARD.encode(&logo.bytes)
    )
}

/// The template data a footer line is rendered from (PDF and DOCX print it as plain text): the
/// same as [`build_with`] but with the items' text left out, which a footer has no use for and which
/// cost a twentieth of every PDF to turn into HTML.
pub(crate) fn build_for_footer(document: &Document<'_>) -> Value {
    build_inner(document, None, false)
}

/// The template data for `document` with, if given, each item's translation beside it: the
/// item's `html` then holds both columns (headings included) and its `title` is empty, so that
/// any template that prints items prints the pairs.
pub(crate) fn build_with(document: &Document<'_>, translation: Option<&AssembledStatement>) -> Value {
    build_inner(document, translation, true)
}

fn build_inner(document: &Document<'_>, translation: Option<&AssembledStatement>, bodies: bool) -> Value {
    let statement = document.statement;
    let lang = statement.lang.as_str();
    let organisation = document.organisation;
    let logo = organisation.logo.as_ref().map(logo_data_uri);
    let website = organisation
        .website
        .as_deref()
        .filter(|site| site.starts_with("https://") || site.starts_with("http://"));
    let event = statement.event.as_ref().map(|event| {
        let place: Vec<&str> =
            [event.city.as_deref(), event.country.as_deref()].into_iter().flatten().collect();
        let dates = match (event.starts, event.ends) {
            (Some(starts), Some(ends)) => Some(date_range(lang, starts, ends)),
            (Some(starts), None) => Some(long_date(lang, starts)),
            _ => None,
        };
        json!({
            "name": escape(&event.name),
            "short_name": text(event.short_name.as_deref()),
            "edition": text(event.edition.as_deref()),
            "display_name": escape(&event.display_name()),
            "place": if place.is_empty() { Value::Null } else { Value::String(escape(&place.join(", "))) },
            "dates": text(dates.as_deref()),
        })
    });
    let items: Vec<Value> = statement
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let (title, html) = match translation {
                None if !bodies => (escape(&item.title), String::new()),
                None => (escape(&item.title), body_html(&item.body)),
                Some(other) => {
                    let column = |item: Option<&AssembledItem>| match item {
                        Some(item) => format!(
                            "<div class=\"column\" lang=\"{}\">{}{}</div>",
                            escape(item.lang.as_str()),
                            if item.title.trim().is_empty() {
                                String::new()
                            } else {
                                format!("<h2>{}</h2>", escape(&item.title))
                            },
                            body_html(&item.body)
                        ),
                        None => "<div class=\"column\"></div>".to_owned(),
                    };
                    let pair = format!(
                        "<div class=\"parallel\">{}{}</div>",
                        column(Some(item)),
                        column(other.items.get(index))
                    );
                    (String::new(), pair)
                }
            };
            json!({
                "position": item.position,
                "anchor": format!("item-{}", item.position),
                "title": title,
                "html": html,
                "lang": escape(item.lang.as_str()),
            })
        })
        .collect();
    let signatories: Vec<Value> = statement
        .signatories
        .iter()
        .map(|s| json!({ "name": escape(&s.name), "role": text(s.role.as_deref()) }))
        .collect();
    json!({
        "lang": escape(lang),
        "title": escape(&statement.title),
        "date": statement.date.map(|d| d.to_string()),
        "date_long": statement.date.map(|d| long_date(lang, d)),
        "event": event,
        "organisation": {
            "name": escape(&organisation.name),
            "short_name": text(organisation.short_name.as_deref()),
            "address_lines": organisation.address.as_deref().unwrap_or_default().lines()
                .map(str::trim).filter(|l| !l.is_empty()).map(escape).collect::<Vec<_>>(),
            "website": text(website),
            "logo": logo,
        },
        "items": items,
        "signatories": signatories,
        "word_count": statement.word_count,
        "labels": labels(lang),
        "footer": "",
    })
}
