//! The organisation profile (one row).

use plenary_core::ModelError;
use plenary_core::organisation::{Logo, LogoFormat, Organisation};
use rusqlite::{OptionalExtension, params};

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

impl Store {
    /// The profile; an empty one until it is set.
    pub fn organisation(&self) -> StoreResult<Organisation> {
        let row = self
            .conn
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
}

impl Write<'_> {
    /// Changes the profile.
    pub fn update_organisation(&mut self, update: OrganisationUpdate) -> StoreResult<()> {
        if let Some(website) = update.website.as_deref().map(str::trim).filter(|site| !site.is_empty()) {
            let scheme_ok = website.starts_with("https://") || website.starts_with("http://");
            if !scheme_ok || website.contains(char::is_whitespace) || website.len() < 10 {
                return Err(ModelError::invalid(
                    "--website",
                    website,
                    "expected a web address starting with https://",
                )
                .into());
            }
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
