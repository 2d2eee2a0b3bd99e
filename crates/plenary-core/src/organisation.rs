//! The organisation profile templates print: name, logo, address, website.

use serde::{Deserialize, Serialize};

/// Who statements go out from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    /// Full name ("Red Regional de Migración").
    pub name: String,
    /// Short name or acronym.
    pub short_name: Option<String>,
    /// The logo shown on letterheads.
    #[serde(skip)]
    pub logo: Option<Logo>,
    /// Postal address, possibly several lines.
    pub address: Option<String>,
    /// Website address.
    pub website: Option<String>,
}

/// A logo image as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// Its format.
    pub format: LogoFormat,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Image formats accepted for logos.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogoFormat {
    /// PNG raster image.
    Png,
    /// SVG vector image.
    Svg,
}

/// Logos larger than this are refused: they would bloat every export.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

impl Logo {
    /// A logo from a file's bytes: a PNG or SVG under [`MAX_LOGO_BYTES`]. `file` names it in
    /// the error.
    pub fn from_file_bytes(file: &str, bytes: Vec<u8>) -> Result<Logo, crate::ModelError> {
        let Some(format) = LogoFormat::sniff(&bytes) else {
            return Err(crate::ModelError::invalid(
                "logo",
                file,
                "the file is neither a PNG nor an SVG image",
            ));
        };
        if bytes.len() > MAX_LOGO_BYTES {
            let size = format!("the image is {} KB; use one under 2 MB", bytes.len() / 1024);
            return Err(crate::ModelError::invalid("logo", file, &size));
        }
        Ok(Logo { format, bytes })
    }
}

impl LogoFormat {
    /// The MIME type, for data URIs and storage.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Svg => "image/svg+xml",
        }
    }

    /// Recognises a format by its content, not its file name: PNG by its signature, SVG by an
    /// `<svg` root element near the start.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(Self::Png);
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
        head.contains("<svg").then_some(Self::Svg)
    }

    /// Reads a MIME type back.
    pub fn from_mime(mime: &str) -> Option<Self> {
        [Self::Png, Self::Svg].into_iter().find(|format| format.mime() == mime)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logo_formats_are_sniffed_from_content() {
        assert_eq!(LogoFormat::sniff(b"\x89PNG\r\n\x1a\n...."), Some(LogoFormat::Png));
        assert_eq!(
            LogoFormat::sniff(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            Some(LogoFormat::Svg)
        );
        assert_eq!(LogoFormat::sniff(b"GIF89a"), None);
        assert_eq!(LogoFormat::from_mime("image/png"), Some(LogoFormat::Png));
    }

    #[test]
    fn a_logo_of_up_to_two_megabytes_is_accepted() {
        let png = |size: usize| {
            let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
            bytes.resize(size, 0);
            bytes
        };
        assert_eq!(MAX_LOGO_BYTES, 2_097_152);
        assert!(Logo::from_file_bytes("logo.png", png(MAX_LOGO_BYTES)).is_ok());
        let error =
            Logo::from_file_bytes("big.png", png(MAX_LOGO_BYTES + 1)).expect_err("too big").to_string();
        assert!(error.contains("big.png") && error.contains("2048 KB"), "{error}");
        assert!(Logo::from_file_bytes("small.png", png(100)).is_ok());
        assert!(Logo::from_file_bytes("logo.gif", b"GIF89a".to_vec()).is_err());
    }
}
