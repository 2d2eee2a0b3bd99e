//! The organisation profile (one row).

use plenary_core::ModelError;
use plenary_core::organisation::{Logo, LogoFormat, Organisation};
use rusqlite::{Connection, OptionalExtension, params};

use crate::error::StoreResult;
use crate::rows::non_blank;
use crate::{Store, Write};

/// A change to the profile; `None` fields stay as they are, blank text clears a field.
#[derive(Debug, Clone, Default)]
pub struct OrganisationUpdate {
    /// Full name.
    pub name: Option<String>,
    /// Short name.
    pub short_name: Option<String>,
    /// New logo.
    pub logo: Option<Logo>,
    /// Address.
    pub address: Option<String>,
    /// Website, `http://` or `https://`.
    pub website: Option<String>,
}

/// The profile; an empty one until it is set.
pub(crate) fn get(conn: &Connection) -> StoreResult<Organisation> {
    let row = conn
        .query_row(
            "SELECT name, short_name, logo, logo_mime, address, website FROM organisation WHERE singleton = 1",
            [],
            |row| {
                let logo: Option<Vec<u8>> = row.get(2)?;
                let mime: Option<String> = row.get(3)?;
                let logo = logo
                    .zip(mime.as_deref().and_then(LogoFormat::from_mime))
                    .map(|(bytes, format)| Logo { format, bytes });
                Ok(Organisation {
                    name: row.get(0)?,
                    short_name: row.get(1)?,
                    logo,
                    address: row.get(4)?,
                    website: row.get(5)?,
                })
            },
        )
        .optional()?;
    Ok(row.unwrap_or_default())
}

impl Store {
    /// The profile; an empty one until it is set.
    pub fn organisation(&self) -> StoreResult<Organisation> {
        get(&self.conn)
    }
}

impl Write<'_> {
    /// Changes the profile.
    pub fn update_organisation(&mut self, mut update: OrganisationUpdate) -> StoreResult<()> {
        if let Some(website) = update.website.as_deref().map(str::trim).filter(|site| !site.is_empty()) {
            update.website = Some(checked_website(website)?);
        }
        let conn = self.conn();
        conn.execute("INSERT OR IGNORE INTO organisation (singleton) VALUES (1)", [])?;
        if let Some(name) = update.name {
            conn.execute("UPDATE organisation SET name = ?1", [name.trim()])?;
        }
        for (column, value) in
            [("short_name", update.short_name), ("address", update.address), ("website", update.website)]
        {
            if let Some(value) = value {
                conn.execute(&format!("UPDATE organisation SET {column} = ?1"), [non_blank(Some(value))])?;
            }
        }
        if let Some(logo) = update.logo {
            conn.execute(
                "UPDATE organisation SET logo = ?1, logo_mime = ?2",
                params![logo.bytes, logo.format.mime()],
            )?;
        }
        Ok(())
    }
}

/// A web address as exports link it: http(s), with a site name and no spaces. The scheme and
/// site are written the standard way (`HTTPS://Example.ORG` → `https://example.org`); the rest is
/// kept as typed.
pub(crate) fn checked_website(website: &str) -> Result<String, ModelError> {
    let refuse = |why: &str| ModelError::invalid("website", website, why);
    if website.contains(char::is_whitespace) {
        return Err(refuse("a web address cannot contain spaces"));
    }
    let parsed = url::Url::parse(website).map_err(|error| refuse(&format!("not a web address ({error})")))?;
    if !matches!(parsed.scheme(), "https" | "http") {
        return Err(refuse("expected a web address starting with https://"));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(refuse("there is no site name after https://"));
    }
    // The site as typed, in lower case (an international name stays readable, not punycode).
    let after_scheme = website.find("://").map_or(0, |at| at + 3);
    let site_end =
        website[after_scheme..].find(['/', '?', '#']).map_or(website.len(), |at| after_scheme + at);
    let site = website[after_scheme..site_end].to_lowercase();
    Ok(format!("{}://{site}{}", parsed.scheme(), &website[site_end..]))
}

#[cfg(test)]
mod tests {
    use super::checked_website;
    use crate::{OrganisationUpdate, Store};

    #[test]
    fn a_website_is_checked_when_saved_and_a_blank_one_clears_it() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let mut store = Store::open(folder.path().join("library.sqlite3")).expect("open");
        let website =
            |site: &str| OrganisationUpdate { website: Some(site.to_owned()), ..Default::default() };
        store.write(|w| w.update_organisation(website(" HTTPS://Puentes.Example.ORG "))).expect("save");
        assert_eq!(
            store.organisation().expect("read").website.as_deref(),
            Some("https://puentes.example.org")
        );
        let error =
            store.write(|w| w.update_organisation(website("javascript:alert(1)"))).expect_err("a script");
        assert!(error.to_string().contains("website"), "{error}");
        assert_eq!(
            store.organisation().expect("read").website.as_deref(),
            Some("https://puentes.example.org")
        );
        store.write(|w| w.update_organisation(website("  "))).expect("clear");
        assert_eq!(store.organisation().expect("read").website, None);
    }

    #[test]
    fn websites_are_checked_and_written_the_standard_way() {
        assert_eq!(
            checked_website("https://puentes.example.org").as_deref(),
            Ok("https://puentes.example.org")
        );
        assert_eq!(
            checked_website("HTTPS://Puentes.Example.ORG/Qué").as_deref(),
            Ok("https://puentes.example.org/Qué")
        );
        assert_eq!(checked_website("http://x.org/a?b=1#c").as_deref(), Ok("http://x.org/a?b=1#c"));
        for (bad, why) in [
            ("https://exa mple.org", "cannot contain spaces"),
            ("https://", "not a web address"),
            ("javascript:alert(1)", "starting with https://"),
            ("ftp://x.org", "starting with https://"),
            ("puentes.example.org", "not a web address"),
        ] {
            let error = checked_website(bad).expect_err(bad).to_string();
            assert!(error.contains(why) && error.contains("website"), "{bad}: {error}");
        }
    }
}
