//! A small, safe Markdown reader for the narrative text badges carry
//! (criteria, descriptions). It produces a tree, never HTML: the page turns
//! the tree into elements, so raw HTML in a badge can only ever show as text.
//!
//! Supported: paragraphs (blank-line separated), `-`/`*`/`1.` lists, `#`
//! headings (shown as bold lines, so a badge cannot add headings to the
//! page's outline), `**strong**`, `*emphasis*`/`_emphasis_`, `` `code` ``
//! and `[text](url)` links, which keep their URL only when it is http(s).
//! Everything else is text. Input is capped, and emphasis does not nest, so
//! any input is read in linear time.

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    Code(String),
    /// A link; `href` is `None` when the URL was not http(s) (the text is
    /// still shown).
    Link {
        text: String,
        href: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A heading in the source, shown as a bold line.
    Heading(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

/// Longer narratives are cut here (with "…").
pub const MAX_CHARS: usize = 20_000;

/// Reads `text` into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let text = match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    };
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Inline>>)> = None;
    let flush_paragraph = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inlines(&paragraph.join(" "))));
            paragraph.clear();
        }
    };
    let flush_list = |list: &mut Option<(bool, Vec<Vec<Inline>>)>, blocks: &mut Vec<Block>| {
        if let Some((ordered, items)) = list.take() {
            blocks.push(Block::List { ordered, items });
        }
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_list(&mut list, &mut blocks);
            continue;
        }
        if let Some((ordered, item)) = list_item(trimmed) {
            flush_paragraph(&mut paragraph, &mut blocks);
            match &mut list {
                Some((kind, items)) if *kind == ordered => items.push(inlines(item)),
                _ => {
                    flush_list(&mut list, &mut blocks);
                    list = Some((ordered, vec![inlines(item)]));
                }
            }
            continue;
        }
        let hashes = trimmed.bytes().take_while(|b| *b == b'#').count();
        if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_list(&mut list, &mut blocks);
            blocks.push(Block::Heading(inlines(trimmed[hashes..].trim())));
            continue;
        }
        // A line after a list item continues that item.
        if let Some((_, items)) = &mut list
            && let Some(last) = items.last_mut()
        {
            last.push(Inline::Text(" ".to_owned()));
            last.extend(inlines(trimmed));
            continue;
        }
        paragraph.push(trimmed);
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_list(&mut list, &mut blocks);
    blocks
}

/// `- item`, `* item`, `+ item` or `12. item`.
fn list_item(line: &str) -> Option<(bool, &str)> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some((false, rest.trim()));
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && line[digits..].starts_with(". ") {
        return Some((true, line[digits + 2..].trim()));
    }
    None
}

/// Splits a line into styled runs.
fn inlines(text: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    let push_plain = |plain: &mut String, out: &mut Vec<Inline>| {
        if !plain.is_empty() {
            out.push(Inline::Text(std::mem::take(plain)));
        }
    };
    while let Some(c) = rest.chars().next() {
        let styled = match c {
            '*' if rest.starts_with("**") => {
                delimited(rest, "**").map(|(inner, len)| (Inline::Strong(inner.to_owned()), len))
            }
            '*' | '_' => {
                let mark = if c == '*' { "*" } else { "_" };
                delimited(rest, mark).map(|(inner, len)| (Inline::Emphasis(inner.to_owned()), len))
            }
            '`' => delimited(rest, "`").map(|(inner, len)| (Inline::Code(inner.to_owned()), len)),
            '[' => link(rest),
            _ => None,
        };
        match styled {
            Some((inline, len)) => {
                push_plain(&mut plain, &mut out);
                out.push(inline);
                rest = &rest[len..];
            }
            None => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    push_plain(&mut plain, &mut out);
    out
}

/// `mark inner mark` at the start of `text`: the inner text and the length
/// consumed. The inner text must not be empty or start with a space.
fn delimited<'t>(text: &'t str, mark: &str) -> Option<(&'t str, usize)> {
    let body = text.strip_prefix(mark)?;
    let end = body.find(mark)?;
    let inner = &body[..end];
    (!inner.is_empty() && !inner.starts_with(' ')).then_some((inner, mark.len() * 2 + end))
}

/// `[text](url)` at the start of `text`.
fn link(text: &str) -> Option<(Inline, usize)> {
    let close = text.find("](")?;
    let label = &text[1..close];
    let after = &text[close + 2..];
    // The URL ends at the `)` that balances the `(` (URLs may hold pairs).
    let mut depth = 0usize;
    let end = after.char_indices().find_map(|(i, c)| match c {
        '(' => {
            depth += 1;
            None
        }
        ')' if depth == 0 => Some(i),
        ')' => {
            depth -= 1;
            None
        }
        _ => None,
    })?;
    let url = after[..end].trim();
    if label.contains('[') || label.is_empty() {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    let safe = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    Some((
        Inline::Link {
            text: label.to_owned(),
            href: safe.then(|| url.to_owned()),
        },
        close + 2 + end + 1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Inline::*;

    fn text(s: &str) -> Inline {
        Text(s.to_owned())
    }

    #[test]
    fn paragraphs_lists_and_headings() {
        let blocks = parse(
            "# Criteria\nPass the\nassessment.\n\n- one\n- two\n  more\n\n1. first\n2. second",
        );
        assert_eq!(
            blocks,
            [
                Block::Heading(vec![text("Criteria")]),
                Block::Paragraph(vec![text("Pass the assessment.")]),
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![text("one")],
                        vec![text("two"), text(" "), text("more")]
                    ]
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![text("first")], vec![text("second")]]
                },
            ]
        );
    }

    #[test]
    fn inline_styles_and_safe_links() {
        assert_eq!(
            inlines(
                "**Pass** with *care*, `code` and [the rubric](https://example.org/r) or [this](javascript:alert(1))"
            ),
            [
                Strong("Pass".into()),
                text(" with "),
                Emphasis("care".into()),
                text(", "),
                Code("code".into()),
                text(" and "),
                Link {
                    text: "the rubric".into(),
                    href: Some("https://example.org/r".into())
                },
                text(" or "),
                Link {
                    text: "this".into(),
                    href: None
                },
            ]
        );
    }

    #[test]
    fn html_stays_text_and_odd_input_is_harmless() {
        assert_eq!(
            parse("<script>alert(1)</script> <img src=x onerror=alert(2)>"),
            [Block::Paragraph(vec![text(
                "<script>alert(1)</script> <img src=x onerror=alert(2)>"
            )])]
        );
        for odd in [
            "**",
            "*",
            "[",
            "[]()",
            "[x](",
            "`",
            "2 * 3 * 4",
            "a_b_c",
            "#nohash",
            "1.5 hours",
            "ééé**é**",
        ] {
            let blocks = parse(odd);
            assert!(blocks.len() <= 1, "{odd}: {blocks:?}");
        }
        assert_eq!(inlines("2 * 3 * 4"), [text("2 * 3 * 4")]);
        let long = "x".repeat(MAX_CHARS + 10);
        let Block::Paragraph(runs) = &parse(&long)[0] else {
            panic!()
        };
        assert_eq!(runs, &[text(&format!("{}…", "x".repeat(MAX_CHARS)))]);
    }
}
