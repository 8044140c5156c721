//! DOCX text: the paragraphs and tables of `word/document.xml`.
//!
//! A Word paragraph (`w:p`) is a line, or several where it has line breaks. Paragraphs are
//! blocks of their own (a blank line between) where Word puts space between them — at least
//! 5 pt of `w:spacing` after the one and before the next, from the paragraph's properties or
//! its style chain in `word/styles.xml` — or an empty paragraph stands between; a list typed
//! one name per paragraph without spacing stays one block. Runs give their `w:t`
//! text, `w:tab` a tab, `w:br` a line break; deleted and moved-away text (`w:delText`,
//! `w:moveFrom`), field codes (`w:instrText`) and the fallback copy of text boxes
//! (`mc:Fallback`) are left out. A table row is read across: the k-th line of each cell, joined
//! by tabs, as the row is printed — so a two-column attendance table gives
//! `Name (S)\tName (M)` lines, as a PDF of it does. Page headers and footers live in other
//! parts of the package and are never read: they are furniture. Page breaks that Word recorded
//! (`w:br w:type="page"`, `w:pageBreakBefore`, `w:lastRenderedPageBreak`) start the next
//! paragraph with a form feed.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{ExtractError, Extracted};

/// The largest `word/document.xml` we read, uncompressed: a bound against ZIP bombs (the XML
/// of a 300-page Word document is a few megabytes).
const MAX_XML: u64 = 256 * 1024 * 1024;

/// Extracts the text of a DOCX.
///
/// # Errors
/// When the ZIP archive cannot be read, holds no `word/document.xml` (another kind of file
/// packed as ZIP), or its XML is broken.
pub fn text(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExtractError::DamagedDocx(format!("the ZIP archive cannot be read: {e}")))?;
    if archive.index_for_name("word/document.xml").is_none() {
        return Err(ExtractError::NotDocx(what_zip(&archive)));
    }
    let xml = {
        let mut part = archive
            .by_name("word/document.xml")
            .map_err(|e| ExtractError::DamagedDocx(format!("word/document.xml: {e}")))?;
        if part.size() > MAX_XML {
            return Err(ExtractError::DamagedDocx(format!(
                "word/document.xml unpacks to {} MB, more than {} MB",
                part.size() / 1_000_000,
                MAX_XML / 1_000_000
            )));
        }
        let mut xml = Vec::new();
        part.by_ref()
            .take(MAX_XML)
            .read_to_end(&mut xml)
            .map_err(|e| ExtractError::DamagedDocx(format!("word/document.xml: {e}")))?;
        String::from_utf8(xml).map_err(|e| {
            ExtractError::DamagedDocx(format!(
                "word/document.xml is not UTF-8 (byte {})",
                e.utf8_error().valid_up_to()
            ))
        })?
    };
    // Styles only shape the blocks: a package without them (or with broken ones) still reads.
    let styles = archive
        .by_name("word/styles.xml")
        .ok()
        .and_then(|part| {
            let mut xml = String::new();
            part.take(MAX_XML).read_to_string(&mut xml).ok().map(|_| xml)
        })
        .map(|xml| Styles::read(&xml))
        .unwrap_or_default();
    let (mut extracted, header) = body(&xml, &styles)?;
    // The page header names the organisation, body and date, as on a PDF's first page.
    if let Some(id) = header
        && let Some(text) = header_text(&mut archive, &id, &styles)
    {
        extracted.text.insert_str(0, &format!("{text}\n"));
    }
    Ok(extracted)
}

/// The text of the header part with relationship `id`, if the package has it and it reads.
fn header_text(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    id: &str,
    styles: &Styles,
) -> Option<String> {
    let read = |archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str| {
        let mut xml = String::new();
        archive.by_name(name).ok()?.take(MAX_XML).read_to_string(&mut xml).ok()?;
        Some(xml)
    };
    let rels = read(archive, "word/_rels/document.xml.rels")?;
    let mut reader = Reader::from_str(&rels);
    let mut target = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Empty(e) | Event::Start(e)
                if e.name().as_ref() == "Relationship" && attr(&e, "Id").as_deref() == Some(id) =>
            {
                target = attr(&e, "Target");
                break;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let target = target?;
    let name = target.strip_prefix('/').map_or_else(|| format!("word/{target}"), str::to_string);
    let xml = read(archive, &name)?;
    let (header, _) = body(&xml, styles).ok()?;
    (!header.text.trim().is_empty()).then_some(header.text)
}

/// Paragraph spacing in twentieths of a point: before, after, and whether spacing is dropped
/// between paragraphs of one style (`w:contextualSpacing`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Spacing {
    before: Option<u32>,
    after: Option<u32>,
    contextual: Option<bool>,
}

impl Spacing {
    /// Fills what `self` leaves open from `base`.
    fn or(self, base: Spacing) -> Spacing {
        Spacing {
            before: self.before.or(base.before),
            after: self.after.or(base.after),
            contextual: self.contextual.or(base.contextual),
        }
    }

    /// Reads the attributes of a `w:spacing` element into `self`.
    fn read(&mut self, e: &BytesStart) {
        let twips = |key: &str| attr(e, key).and_then(|v| v.parse::<u32>().ok());
        let auto = |key: &str| attr(e, key).is_some_and(|v| on(Some(v.as_str())));
        if auto("w:beforeAutospacing") {
            self.before = Some(280);
        } else if let Some(v) = twips("w:before") {
            self.before = Some(v);
        }
        if auto("w:afterAutospacing") {
            self.after = Some(280);
        } else if let Some(v) = twips("w:after") {
            self.after = Some(v);
        }
    }
}

/// Space that makes two paragraphs separate blocks: 5 pt.
const BLOCK_GAP: u32 = 100;

/// The paragraph styles of `word/styles.xml`, as far as spacing goes.
#[derive(Debug, Default)]
struct Styles {
    defaults: Spacing,
    default_style: Option<String>,
    /// Style id → (based on, own spacing).
    by_id: std::collections::HashMap<String, (Option<String>, Spacing)>,
}

impl Styles {
    /// Reads what it can; a broken file gives what was read before the break.
    fn read(xml: &str) -> Styles {
        let mut out = Styles::default();
        let mut reader = Reader::from_str(xml);
        // The style being read (`None` in the document defaults).
        let mut current: Option<(String, Option<String>, Spacing)> = None;
        let mut in_defaults = false;
        while let Ok(event) = reader.read_event() {
            let (e, start) = match &event {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(e) => {
                    match e.name().as_ref() {
                        "w:style" => {
                            if let Some((id, based, sp)) = current.take() {
                                out.by_id.insert(id, (based, sp));
                            }
                        }
                        "w:pPrDefault" => in_defaults = false,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            match e.name().as_ref() {
                "w:pPrDefault" if start => in_defaults = true,
                "w:style" if start => {
                    if attr(e, "w:type").as_deref() == Some("paragraph")
                        && let Some(id) = attr(e, "w:styleId")
                    {
                        if on(attr(e, "w:default").as_deref()) && attr(e, "w:default").is_some() {
                            out.default_style = Some(id.clone());
                        }
                        current = Some((id, None, Spacing::default()));
                    }
                }
                "w:basedOn" => {
                    if let Some(c) = current.as_mut() {
                        c.1 = attr(e, "w:val");
                    }
                }
                "w:spacing" => {
                    if let Some(c) = current.as_mut() {
                        c.2.read(e);
                    } else if in_defaults {
                        out.defaults.read(e);
                    }
                }
                "w:contextualSpacing" => {
                    if let Some(c) = current.as_mut() {
                        c.2.contextual = Some(on(attr(e, "w:val").as_deref()));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The spacing a paragraph of style `id` (or the default style) has, its own first.
    fn spacing(&self, id: Option<&str>, own: Spacing) -> Spacing {
        let mut sp = own;
        let mut next = id.or(self.default_style.as_deref()).map(str::to_string);
        // Style chains are short; a cycle must not loop.
        for _ in 0..16 {
            let Some(name) = next.take() else { break };
            let Some((based, s)) = self.by_id.get(&name) else { break };
            sp = sp.or(*s);
            next.clone_from(based);
        }
        sp.or(self.defaults)
    }
}

/// Whether an on/off value is on (`w:val` absent, `1`, `true`, `on`).
fn on(v: Option<&str>) -> bool {
    !matches!(v, Some("0" | "false" | "off"))
}

/// What a ZIP archive without `word/document.xml` is, as far as its entries tell.
fn what_zip(archive: &zip::ZipArchive<Cursor<&[u8]>>) -> String {
    let has = |name: &str| archive.file_names().any(|n| n.is_ok_and(|n| n == name));
    if has("content.xml") {
        "an OpenDocument file (ODT/ODS), not a Word document".into()
    } else if has("xl/workbook.xml") {
        "an Excel workbook (XLSX), not a Word document".into()
    } else if has("ppt/presentation.xml") {
        "a PowerPoint presentation (PPTX), not a Word document".into()
    } else {
        format!("a ZIP archive of {} file(s) without word/document.xml", archive.len())
    }
}

/// A table being read: rows of cells of lines.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Vec<String>>>,
    row: Vec<Vec<String>>,
    cell: Vec<String>,
}

impl Table {
    /// The table as printed lines: each row read across its cells, line by line.
    fn lines(self) -> Vec<String> {
        let mut out = Vec::new();
        for row in self.rows {
            let height = row.iter().map(Vec::len).max().unwrap_or(0);
            for k in 0..height {
                let cells: Vec<&str> =
                    row.iter().map(|c| c.get(k).map_or("", |s| s.trim())).collect();
                let last = cells.iter().rposition(|c| !c.is_empty());
                if let Some(last) = last {
                    out.push(cells[..=last].join("\t"));
                }
            }
        }
        out
    }
}

/// The reader's state over `word/document.xml`: flags of where in the XML it is.
#[derive(Default)]
#[allow(clippy::struct_excessive_bools)]
struct Body {
    out: String,
    para: String,
    /// Nesting of `w:p` (text boxes put paragraphs inside paragraphs).
    para_depth: usize,
    /// Inside `w:t`.
    in_text: bool,
    /// Inside paragraph properties, where `w:tab` is a tab stop, not a tab.
    in_props: usize,
    /// Inside an element whose content is not text of the document.
    skip: usize,
    tables: Vec<Table>,
    /// A page break was recorded: the next line starts a page.
    page_break: bool,
    pages: u32,
    /// The current top-level paragraph's style and own spacing.
    style: Option<String>,
    spacing: Spacing,
    /// The last paragraph written: its style and resolved spacing.
    previous: Option<(Option<String>, Spacing)>,
    /// A blank line is due before the next block (an empty paragraph, a table's end).
    gap: bool,
    /// The page header parts the section properties name: (`w:type`, relationship id), the
    /// document's own last.
    headers: Vec<(String, String)>,
    /// The section has a first page of its own (`w:titlePg`).
    title_page: bool,
}

impl Body {
    /// Adds finished lines: to the innermost table cell, or to the text, after a blank line
    /// when a gap is due.
    fn lines(&mut self, lines: Vec<String>) {
        if let Some(t) = self.tables.last_mut() {
            t.cell.extend(lines);
            return;
        }
        if std::mem::take(&mut self.gap) && !self.out.is_empty() {
            self.out.push('\n');
        }
        for line in lines {
            if self.page_break && !line.trim().is_empty() {
                self.out.push('\x0c');
                self.page_break = false;
                self.pages += 1;
            }
            self.out.push_str(&line);
            self.out.push('\n');
        }
    }

    fn end_paragraph(&mut self, styles: &Styles) {
        self.para_depth = self.para_depth.saturating_sub(1);
        if self.para_depth > 0 {
            self.para.push('\n');
            return;
        }
        let para = std::mem::take(&mut self.para);
        let style = self.style.take();
        let own = std::mem::take(&mut self.spacing);
        if self.tables.is_empty() {
            if para.trim().is_empty() {
                self.gap = true;
                return;
            }
            let sp = styles.spacing(style.as_deref(), own);
            if let Some((prev_style, prev)) = &self.previous {
                let same = *prev_style == style;
                let dropped = same && sp.contextual == Some(true);
                let space = prev.after.unwrap_or(0) + sp.before.unwrap_or(0);
                if !dropped && space >= BLOCK_GAP {
                    self.gap = true;
                }
            }
            self.previous = Some((style, sp));
        }
        if para.trim().is_empty() {
            return;
        }
        let lines: Vec<String> = para.split('\n').map(str::to_string).collect();
        self.lines(lines);
    }

    fn element(&mut self, e: &BytesStart, empty: bool) {
        let name = e.name();
        let name = name.as_ref();
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        match name {
            "mc:Fallback" | "w:moveFrom" | "w:del" | "w:instrText" | "w:delText" if !empty => {
                self.skip = 1;
            }
            "w:p" if !empty => self.para_depth += 1,
            "w:pStyle" if self.para_depth == 1 => self.style = attr(e, "w:val"),
            "w:spacing" if self.para_depth == 1 && self.in_props > 0 => self.spacing.read(e),
            "w:contextualSpacing" if self.para_depth == 1 => {
                self.spacing.contextual = Some(on(attr(e, "w:val").as_deref()));
            }
            "w:pPr" | "w:rPr" if !empty => self.in_props += 1,
            "w:t" if !empty => self.in_text = true,
            "w:tab" if self.in_props == 0 => self.para.push('\t'),
            "w:noBreakHyphen" => self.para.push('-'),
            "w:cr" => self.para.push('\n'),
            "w:br" => match attr(e, "w:type").as_deref() {
                Some("page") => self.page_break = true,
                _ => self.para.push('\n'),
            },
            "w:lastRenderedPageBreak" => self.page_break = true,
            "w:headerReference" => {
                if let (Some(kind), Some(id)) = (attr(e, "w:type"), attr(e, "r:id")) {
                    self.headers.push((kind, id));
                }
            }
            "w:titlePg" => self.title_page = on(attr(e, "w:val").as_deref()),
            "w:pageBreakBefore" if on(attr(e, "w:val").as_deref()) => self.page_break = true,
            "w:tbl" if !empty => {
                if self.tables.is_empty() {
                    self.gap = true;
                }
                self.tables.push(Table::default());
            }
            "w:tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.clear();
                }
            }
            "w:tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell.clear();
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str, styles: &Styles) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            "w:t" => self.in_text = false,
            "w:pPr" | "w:rPr" => self.in_props = self.in_props.saturating_sub(1),
            "w:p" => self.end_paragraph(styles),
            "w:tc" => {
                if let Some(t) = self.tables.last_mut() {
                    let cell = std::mem::take(&mut t.cell);
                    t.row.push(cell);
                }
            }
            "w:tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            "w:tbl" => {
                if let Some(t) = self.tables.pop() {
                    let lines = t.lines();
                    if !lines.is_empty() {
                        self.lines(lines);
                    }
                    if self.tables.is_empty() {
                        self.gap = true;
                        self.previous = None;
                    }
                }
            }
            _ => {}
        }
    }
}

/// An attribute's value, as written.
fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.try_get_attribute(key).ok().flatten().map(|a| a.value.into_owned())
}

/// The text of `word/document.xml` (or of a header part), and the relationship id of the
/// header its first page shows.
fn body(xml: &str, styles: &Styles) -> Result<(Extracted, Option<String>), ExtractError> {
    let mut reader = Reader::from_str(xml);
    let mut b = Body { pages: 1, ..Body::default() };
    loop {
        let event = reader.read_event().map_err(|e| {
            ExtractError::DamagedDocx(format!(
                "word/document.xml: {e} (near byte {})",
                reader.buffer_position()
            ))
        })?;
        match event {
            Event::Start(e) => b.element(&e, false),
            Event::Empty(e) => b.element(&e, true),
            Event::End(e) => b.end(e.name().as_ref(), styles),
            Event::Text(t) if b.in_text && b.skip == 0 => b.para.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if b.in_text && b.skip == 0 => match r.resolve_char_ref() {
                Ok(Some(c)) => b.para.push(c),
                _ => b.para.push_str(match &*r {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                }),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let recorded = b.pages > 1;
    let first = if b.title_page { "first" } else { "default" };
    let header = b
        .headers
        .iter()
        .rev()
        .find(|(kind, _)| kind == first)
        .or_else(|| b.headers.iter().rev().find(|(kind, _)| kind == "default"))
        .map(|(_, id)| id.clone());
    Ok((Extracted { text: b.out, pages: recorded.then_some(b.pages) }, header))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body_xml: &str) -> String {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="x"><w:body>{body_xml}</w:body></w:document>"#
        );
        body(&xml, &Styles::default()).map(|e| e.0.text).unwrap_or_default()
    }

    #[test]
    fn paragraphs_runs_and_tabs() {
        let text = doc(concat!(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="4000"/></w:tabs></w:pPr>"#,
            r#"<w:r><w:t>Elina Backlund Arab (S)</w:t></w:r><w:r><w:tab/><w:t>Ordförande</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t xml:space="preserve">Hälso- och </w:t></w:r><w:r><w:t>sjukvårdsnämnden &amp; </w:t>"#,
            r#"<w:delText>struket</w:delText><w:t>beslutar</w:t></w:r></w:p>"#,
        ));
        assert_eq!(
            text,
            "Elina Backlund Arab (S)\tOrdförande\nHälso- och sjukvårdsnämnden & beslutar\n"
        );
    }

    #[test]
    fn spacing_makes_blocks() {
        let styles = Styles::read(concat!(
            r#"<w:styles><w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:after="160"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>"#,
            r#"<w:style w:type="paragraph" w:styleId="List"><w:basedOn w:val="Normal"/><w:pPr><w:contextualSpacing/></w:pPr></w:style>"#,
            r#"</w:styles>"#
        ));
        let p = |style: &str, t: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
        let xml = format!(
            "<w:document><w:body>{}{}{}{}<w:p/>{}</w:body></w:document>",
            p("Normal", "Beslut"),
            p("List", "Pia Lundin (SJVP)"),
            p("List", "Erica Stenberg (SD)"),
            p("Normal", "Expedieras till"),
            p("Normal", "Regiondirektör")
        );
        let text = body(&xml, &styles).map(|e| e.0.text).unwrap_or_default();
        assert_eq!(
            text,
            "Beslut\n\nPia Lundin (SJVP)\nErica Stenberg (SD)\n\nExpedieras till\n\nRegiondirektör\n"
        );
    }

    #[test]
    fn tables_read_across_and_page_breaks() {
        let cell = |ps: &[&str]| {
            let inner: String = ps.iter().fold(String::new(), |mut s, p| {
                s.push_str("<w:p><w:r><w:t>");
                s.push_str(p);
                s.push_str("</w:t></w:r></w:p>");
                s
            });
            format!("<w:tc>{inner}</w:tc>")
        };
        let table = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            cell(&["Ledamöter", "Pia Lundin (SJVP)", "Erica Stenberg (SD)"]),
            cell(&["Ersättare", "Gudrun Sjödin (S)"])
        );
        let text = doc(&format!(
            "{table}<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p><w:p><w:r><w:t>§ 92</w:t></w:r></w:p>"
        ));
        assert_eq!(
            text,
            "Ledamöter\tErsättare\nPia Lundin (SJVP)\tGudrun Sjödin (S)\nErica Stenberg (SD)\n\n\x0c§ 92\n"
        );
    }

    #[test]
    fn refuses_other_zips_and_broken_xml() {
        assert!(matches!(text(b"PK\x03\x04garbage"), Err(ExtractError::DamagedDocx(_))));
        let broken = "<w:document><w:body><w:p><w:t>a</w:p></w:body>";
        assert!(matches!(body(broken, &Styles::default()), Err(ExtractError::DamagedDocx(_))));
    }
}
