//! Credentials baked into images: PNG text chunks and SVG elements.
//!
//! - PNG: an `iTXt` chunk with keyword `openbadgecredential` (Open Badges
//!   3.0) or `openbadges` (2.0), or a legacy `tEXt` chunk `openbadges`
//!   holding the assertion's URL.
//! - SVG: `<openbadges:credential>` (namespace
//!   `https://purl.imsglobal.org/ob/v3p0`) or `<openbadges:assertion>`
//!   (`http://openbadges.org`), with the credential in a `verify` attribute
//!   (a JWS or URL) or as the element's text (JSON, usually in CDATA).
//!
//! An image that carries two credentials is refused: which one would the
//! picture stand for? Every length is checked before it is used, chunk CRCs
//! are verified, and decompression stops at [`MAX_TEXT`].

use std::io::Read as _;

/// Largest credential text we will take out of an image (bytes).
pub const MAX_TEXT: usize = 4 * 1024 * 1024;

const PNG_SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";
const OB3_NS: &str = "https://purl.imsglobal.org/ob/v3p0";
const OB2_NS: &str = "http://openbadges.org";

/// The credential found in an image, as text (JSON, a JWS, or a URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embedded {
    pub text: String,
    /// Where it was found, for the report ("PNG iTXt openbadgecredential").
    pub place: String,
}

/// Why no credential could be read from an image, or baked into one. The
/// sentence is in `Display`; callers branch on the kind (baking needs an
/// image that carries no badge yet).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BakedError {
    /// A sound image with no credential in it.
    #[error("the {0} image carries no badge")]
    NoBadge(&'static str),
    /// More than one credential: which one counts would be a guess.
    #[error("the {image} image carries {count} credentials; an image may carry only one")]
    Several { image: &'static str, count: usize },
    /// Baking refused: the image already carries a credential.
    #[error("the image already carries a credential")]
    AlreadyBaked,
    /// Not the image it claims to be, damaged, or a credential that cannot go in.
    #[error("{0}")]
    Damaged(String),
}

impl From<String> for BakedError {
    fn from(why: String) -> Self {
        BakedError::Damaged(why)
    }
}

impl From<&str> for BakedError {
    fn from(why: &str) -> Self {
        BakedError::Damaged(why.to_owned())
    }
}

pub fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(PNG_SIGNATURE)
}

pub fn is_svg(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(&bytes[..bytes.len().min(4096)]) else {
        return false;
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    (text.starts_with("<?xml") || text.starts_with("<svg") || text.starts_with("<!DOCTYPE svg"))
        && text.contains("<svg")
}

/// The one credential a PNG carries.
pub fn from_png(bytes: &[u8]) -> Result<Embedded, BakedError> {
    if !is_png(bytes) {
        return Err("it is not a PNG image".into());
    }
    let mut found: Vec<Embedded> = Vec::new();
    let mut at = PNG_SIGNATURE.len();
    loop {
        let Some(header) = bytes.get(at..at + 8) else {
            return Err("the PNG ends before its IEND chunk (truncated)".into());
        };
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind = &header[4..8];
        let data_start = at + 8;
        let Some(data) = data_start
            .checked_add(length)
            .and_then(|end| bytes.get(data_start..end))
        else {
            return Err("a PNG chunk is longer than the file (truncated or damaged)".into());
        };
        let Some(crc) = bytes.get(data_start + length..data_start + length + 4) else {
            return Err("the PNG ends inside a chunk (truncated)".into());
        };
        let expected = u32::from_be_bytes([crc[0], crc[1], crc[2], crc[3]]);
        if crc32(&bytes[at + 4..data_start + length]) != expected {
            return Err(BakedError::Damaged(format!(
                "the PNG's {} chunk fails its checksum (damaged)",
                String::from_utf8_lossy(kind)
            )));
        }
        match kind {
            b"iTXt" => {
                if let Some(found_one) = itxt(data)? {
                    found.push(found_one);
                }
            }
            b"tEXt" => {
                if let Some(rest) = data.strip_prefix(b"openbadges\0") {
                    found.push(Embedded {
                        text: latin1(rest),
                        place: "PNG tEXt openbadges".into(),
                    });
                }
            }
            b"IEND" => break,
            _ => {}
        }
        at = data_start + length + 4;
    }
    one(found, "PNG")
}

/// An `iTXt` chunk: keyword, NUL, compression flag and method, language tag,
/// NUL, translated keyword, NUL, text.
fn itxt(data: &[u8]) -> Result<Option<Embedded>, BakedError> {
    let Some(nul) = data.iter().position(|&b| b == 0) else {
        return Ok(None);
    };
    let keyword = &data[..nul];
    let place = match keyword {
        b"openbadgecredential" => "PNG iTXt openbadgecredential",
        b"openbadges" => "PNG iTXt openbadges",
        _ => return Ok(None),
    };
    let damaged = || "the badge's PNG text chunk is damaged".to_owned();
    let rest = data.get(nul + 1..).ok_or_else(damaged)?;
    let (&compressed, rest) = rest.split_first().ok_or_else(damaged)?;
    let (_method, rest) = rest.split_first().ok_or_else(damaged)?;
    let language_end = rest.iter().position(|&b| b == 0).ok_or_else(damaged)?;
    let rest = &rest[language_end + 1..];
    let translated_end = rest.iter().position(|&b| b == 0).ok_or_else(damaged)?;
    let text = &rest[translated_end + 1..];
    let text = if compressed == 1 {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(text)
            .take(MAX_TEXT as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|_| "the badge's compressed PNG text does not decompress".to_owned())?;
        if out.len() > MAX_TEXT {
            return Err("the badge's PNG text is larger than 4 MB".into());
        }
        out
    } else {
        text.to_vec()
    };
    let text =
        String::from_utf8(text).map_err(|_| "the badge's PNG text is not UTF-8".to_owned())?;
    Ok(Some(Embedded {
        text,
        place: place.into(),
    }))
}

/// The one credential an SVG carries.
pub fn from_svg(bytes: &[u8]) -> Result<Embedded, BakedError> {
    let text = std::str::from_utf8(bytes).map_err(|_| "the SVG is not UTF-8 text".to_owned())?;
    // SVG files often carry a DOCTYPE; roxmltree bounds entity expansion.
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: 1_000_000,
        ..roxmltree::ParsingOptions::default()
    };
    let document = roxmltree::Document::parse_with_options(text, options)
        .map_err(|e| BakedError::Damaged(format!("the SVG is not well-formed XML: {e}")))?;
    let mut found = Vec::new();
    for node in document.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name();
        let place = match (tag.namespace(), tag.name()) {
            (Some(OB3_NS), "credential") => "SVG openbadges:credential",
            (Some(OB2_NS), "assertion") => "SVG openbadges:assertion",
            _ => continue,
        };
        // The credential itself when the element holds it (Badgr writes
        // both: the JSON in CDATA and its address in `verify`), else the
        // `verify` attribute (a JWS, or the address of a hosted assertion).
        let inner = node
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect::<String>()
            .trim()
            .to_owned();
        let content = match node.attribute("verify") {
            Some(value) if inner.is_empty() => value.trim().to_owned(),
            _ => inner,
        };
        if content.len() > MAX_TEXT {
            return Err("the badge's SVG text is larger than 4 MB".into());
        }
        found.push(Embedded {
            text: content,
            place: place.into(),
        });
    }
    one(found, "SVG")
}

/// Bakes `text` into a PNG as an uncompressed `iTXt` chunk with `keyword`
/// (`openbadgecredential` for 3.0, `openbadges` for 2.0), right after the
/// IHDR chunk, where Badgr puts it too (a streaming reader meets it first).
/// Refuses an image that already carries a credential.
pub fn bake_png(image: &[u8], text: &str, keyword: &str) -> Result<Vec<u8>, BakedError> {
    if !matches!(keyword, "openbadgecredential" | "openbadges") {
        return Err(BakedError::Damaged(format!(
            "“{keyword}” is not a badge keyword"
        )));
    }
    match from_png(image) {
        Ok(_) => return Err(BakedError::AlreadyBaked),
        Err(BakedError::NoBadge(_)) => {}
        Err(why) => return Err(why),
    }
    // from_png checked the chunk structure: the 8-byte signature, then
    // IHDR (length, type, 13 bytes of data, CRC) ends at byte 33.
    let after_header = 8 + 4 + 4 + 13 + 4;
    if image.get(12..16) != Some(b"IHDR".as_slice()) || image.len() < after_header {
        return Err("the PNG does not start with its IHDR chunk".into());
    }
    let mut data = keyword.as_bytes().to_vec();
    data.extend_from_slice(&[0, 0, 0, 0, 0]); // NUL, uncompressed, method, no language, no translation
    data.extend_from_slice(text.as_bytes());
    let mut body = b"iTXt".to_vec();
    body.extend_from_slice(&data);
    let mut out = image[..after_header].to_vec();
    out.extend_from_slice(
        &u32::try_from(data.len())
            .map_err(|_| "the credential is too large")?
            .to_be_bytes(),
    );
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out.extend_from_slice(&image[after_header..]);
    Ok(out)
}

/// Bakes `text` into an SVG: a JWS or URL goes in the `verify` attribute of
/// `<openbadges:credential>`, JSON in a CDATA section. The namespace is
/// Open Badges 3.0's unless the text is a 2.0 assertion; a hosted 2.0
/// assertion also gets its address in `verify`, as the 2.0 baking
/// specification (and Badgr) write it.
pub fn bake_svg(svg: &str, text: &str) -> Result<String, BakedError> {
    match from_svg(svg.as_bytes()) {
        Ok(_) => return Err(BakedError::AlreadyBaked),
        Err(BakedError::NoBadge(_)) => {}
        Err(why) => return Err(why),
    }
    let ob2 = text.contains("https://w3id.org/openbadges/v2");
    let (namespace, element) = if ob2 {
        (OB2_NS, "assertion")
    } else {
        (OB3_NS, "credential")
    };
    let text = text.trim();
    let node = if text.starts_with('{') {
        if text.contains("]]>") {
            return Err("the credential contains “]]>”, which cannot go in a CDATA section".into());
        }
        let hosted_at = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .filter(|_| ob2)
            .filter(|v| {
                super::ob2::Verification::of(v.as_object().unwrap_or(&Default::default()))
                    == Ok(super::ob2::Verification::Hosted)
            })
            .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_owned))
            .filter(|id| id.starts_with("https://") || id.starts_with("http://"));
        let verify = hosted_at
            .map(|id| format!(" verify=\"{}\"", attribute(&id)))
            .unwrap_or_default();
        format!("<openbadges:{element}{verify}><![CDATA[{text}]]></openbadges:{element}>")
    } else {
        format!("<openbadges:{element} verify=\"{}\"/>", attribute(text))
    };
    let start = svg.find("<svg").ok_or("the image has no <svg> element")?;
    let end = start
        + svg[start..]
            .find('>')
            .ok_or("the <svg> tag is not closed")?;
    let self_closing = svg[..end].ends_with('/');
    let (open_end, tail) = if self_closing {
        (end - 1, format!("></svg>{}", &svg[end + 1..]))
    } else {
        (end, svg[end..].to_owned())
    };
    let declaration = format!(" xmlns:openbadges=\"{namespace}\"");
    let mut out = svg[..open_end].to_owned();
    out.push_str(&declaration);
    // tail starts with ">"
    out.push('>');
    out.push_str(&node);
    out.push_str(&tail[1..]);
    // Prove it round-trips.
    match from_svg(out.as_bytes()) {
        Ok(found) if found.text == text => Ok(out),
        Ok(_) => Err("the baked SVG does not give the credential back".into()),
        Err(why) => Err(why),
    }
}

/// Text escaped for a double-quoted XML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

fn one(mut found: Vec<Embedded>, image: &'static str) -> Result<Embedded, BakedError> {
    match found.len() {
        0 => Err(BakedError::NoBadge(image)),
        1 => Ok(found.remove(0)),
        count => Err(BakedError::Several { image, count }),
    }
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// CRC-32 as PNG uses it (ISO 3309, reflected, polynomial 0xEDB88320).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG with the given chunks after IHDR (no image data: extraction
    /// reads only text chunks).
    fn png(chunks: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
        let mut out = PNG_SIGNATURE.to_vec();
        let mut push = |kind: &[u8; 4], data: &[u8]| {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let mut body = kind.to_vec();
            body.extend_from_slice(data);
            out.extend_from_slice(&body);
            out.extend_from_slice(&crc32(&body).to_be_bytes());
        };
        push(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        for (kind, data) in chunks {
            push(kind, data);
        }
        push(b"IEND", &[]);
        out
    }

    fn itxt_chunk(keyword: &str, text: &str) -> (&'static [u8; 4], Vec<u8>) {
        let mut data = keyword.as_bytes().to_vec();
        data.extend_from_slice(b"\0\0\0\0\0");
        data.extend_from_slice(text.as_bytes());
        (b"iTXt", data)
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn finds_exactly_one_credential_in_a_png() {
        let image = png(&[itxt_chunk("openbadgecredential", "{\"a\":1}")]);
        assert_eq!(from_png(&image).unwrap().text, "{\"a\":1}");
        let legacy = png(&[(b"tEXt", b"openbadges\0https://example.org/a.json".to_vec())]);
        assert_eq!(
            from_png(&legacy).unwrap().text,
            "https://example.org/a.json"
        );
        let two = png(&[
            itxt_chunk("openbadgecredential", "x"),
            itxt_chunk("openbadges", "y"),
        ]);
        let several = from_png(&two).unwrap_err();
        assert_eq!(
            several,
            BakedError::Several {
                image: "PNG",
                count: 2
            }
        );
        assert!(several.to_string().contains("2 credentials"));
        let none = png(&[itxt_chunk("Comment", "hello")]);
        let nothing = from_png(&none).unwrap_err();
        assert_eq!(nothing, BakedError::NoBadge("PNG"));
        assert!(nothing.to_string().contains("no badge"));
    }

    #[test]
    fn damaged_pngs_are_errors_not_panics() {
        let image = png(&[itxt_chunk("openbadgecredential", "{\"a\":1}")]);
        for cut in 0..image.len() {
            let _ = from_png(&image[..cut]);
        }
        let mut flipped = image.clone();
        let last_text_byte = image.len() - 12 - 5;
        flipped[last_text_byte] ^= 1;
        let damaged = from_png(&flipped).unwrap_err();
        assert!(matches!(damaged, BakedError::Damaged(_)));
        assert!(damaged.to_string().contains("checksum"));
        let mut huge = image.clone();
        huge[33..37].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(from_png(&huge).is_err());
    }

    #[test]
    fn finds_the_credential_in_an_svg_attribute_or_cdata() {
        let svg = |inner: &str| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="{OB3_NS}">{inner}</svg>"#
            )
        };
        let cdata = svg("<openbadges:credential><![CDATA[ {\"a\":1} ]]></openbadges:credential>");
        assert_eq!(from_svg(cdata.as_bytes()).unwrap().text, "{\"a\":1}");
        let attribute = svg(r#"<openbadges:credential verify="aaa.bbb.ccc"/>"#);
        assert_eq!(from_svg(attribute.as_bytes()).unwrap().text, "aaa.bbb.ccc");
        let two = svg(r#"<openbadges:credential verify="a"/><openbadges:credential verify="b"/>"#);
        assert!(
            from_svg(two.as_bytes())
                .unwrap_err()
                .to_string()
                .contains("2 credentials")
        );
        // The prefix does not matter; the namespace does.
        let other_prefix = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="{OB2_NS}"><ob:assertion verify="https://x.example/a"/></svg>"#
        );
        assert_eq!(
            from_svg(other_prefix.as_bytes()).unwrap().text,
            "https://x.example/a"
        );
        let wrong_namespace = r#"<svg xmlns:openbadges="https://evil.example/"><openbadges:credential verify="a"/></svg>"#;
        assert!(
            from_svg(wrong_namespace.as_bytes())
                .unwrap_err()
                .to_string()
                .contains("no badge")
        );
        assert!(
            from_svg(b"<svg><unclosed></svg>")
                .unwrap_err()
                .to_string()
                .contains("well-formed")
        );
        assert!(is_svg(cdata.as_bytes()));
    }
}
