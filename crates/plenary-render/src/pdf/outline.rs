//! Finishing touches printpdf does not make: a nested outline whose entries open the page at the
//! heading, the document language, viewer preferences that show the title, an honest Info
//! dictionary and PDF version.

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::pages::Page;

/// Adds `/Outlines` (nested by level), `/Lang` and viewer preferences to the catalog.
pub(super) fn finish(document: &mut Document, pages: &[Page], lang: &str, page_height: f32) {
    let page_ids: Vec<ObjectId> = document.get_pages().values().copied().collect();
    let entries: Vec<(u8, String, ObjectId, f32)> = pages
        .iter()
        .zip(&page_ids)
        .flat_map(|(page, id)| {
            page.outline.iter().map(move |(level, title, y)| (*level, title.clone(), *id, *y))
        })
        .collect();
    let Ok(catalog_id) = document.trailer.get(b"Root").and_then(Object::as_reference) else { return };

    if !entries.is_empty() {
        let root_id = document.new_object_id();
        // Each entry's parent: the nearest earlier entry of a lower level, else the root.
        let ids: Vec<ObjectId> = entries.iter().map(|_| document.new_object_id()).collect();
        let parents: Vec<Option<usize>> = (0..entries.len())
            .map(|index| (0..index).rev().find(|&earlier| entries[earlier].0 < entries[index].0))
            .collect();
        let children = |parent: Option<usize>| -> Vec<usize> {
            (0..entries.len()).filter(|&index| parents[index] == parent).collect()
        };
        for (index, (_, title, page, y)) in entries.iter().enumerate() {
            let siblings = children(parents[index]);
            let position = siblings.iter().position(|&s| s == index).unwrap_or(0);
            let mut item = Dictionary::new();
            item.set("Title", Object::String(utf16(title), StringFormat::Hexadecimal));
            item.set("Parent", Object::Reference(parents[index].map_or(root_id, |p| ids[p])));
            let top = (*y + 4.0).min(page_height);
            item.set(
                "Dest",
                vec![Object::Reference(*page), "XYZ".into(), Object::Null, Object::Real(top), Object::Null],
            );
            if position > 0 {
                item.set("Prev", Object::Reference(ids[siblings[position - 1]]));
            }
            if let Some(next) = siblings.get(position + 1) {
                item.set("Next", Object::Reference(ids[*next]));
            }
            let mine = children(Some(index));
            if let (Some(first), Some(last)) = (mine.first(), mine.last()) {
                item.set("First", Object::Reference(ids[*first]));
                item.set("Last", Object::Reference(ids[*last]));
                item.set("Count", Object::Integer(mine.len() as i64));
            }
            document.objects.insert(ids[index], Object::Dictionary(item));
        }
        let top_level = children(None);
        let mut root = Dictionary::new();
        root.set("Type", "Outlines");
        if let (Some(first), Some(last)) = (top_level.first(), top_level.last()) {
            root.set("First", Object::Reference(ids[*first]));
            root.set("Last", Object::Reference(ids[*last]));
        }
        root.set("Count", Object::Integer(entries.len() as i64));
        document.objects.insert(root_id, Object::Dictionary(root));
        if let Ok(catalog) = document.get_object_mut(catalog_id).and_then(Object::as_dict_mut) {
            catalog.set("Outlines", Object::Reference(root_id));
            catalog.set("PageMode", "UseOutlines");
        }
    }
    // printpdf always writes a PDF/X version key (empty here) that makes readers report a PDF/X
    // subtype the file does not claim; drop it and the other empty keys.
    if let Ok(info_id) = document.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(info) = document.get_object_mut(info_id).and_then(Object::as_dict_mut)
    {
        for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Trapped"] {
            info.remove(key);
        }
    }
    // Marked content with /ActualText and the outline need PDF 1.5 or later.
    document.version = "1.7".to_owned();
    if let Ok(catalog) = document.get_object_mut(catalog_id).and_then(Object::as_dict_mut) {
        catalog.set("Lang", Object::String(lang.as_bytes().to_vec(), StringFormat::Literal));
        let mut preferences = Dictionary::new();
        preferences.set("DisplayDocTitle", true);
        catalog.set("ViewerPreferences", preferences);
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark, so every title character survives.
fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}
