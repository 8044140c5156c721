//! PDF text with its layout: glyphs placed where the page draws them, then read back as lines.
//!
//! `lopdf` parses the file, decrypts it when an empty password opens it, and decodes each
//! page's content stream and fonts (WinAnsi, `Differences`, `ToUnicode` CMaps, Identity-H).
//! This module runs the text operators (`BT`, `Tf`, `Td`, `Tm`, `TJ`, `'`, … and `cm`/`q`/`Q`
//! and form XObjects for the matrices), places every glyph with its font's widths, and then
//! frames the page as `pdftotext` does: glyphs on one baseline make a line, a gap wider than a
//! few spaces between them is a column (a tab), a line gap wider than the page's usual line
//! pitch is a blank line. Pages after the first start with a form feed.

use std::collections::{BTreeMap, HashMap};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use super::{ExtractError, Extracted, check_text_layer};

/// Decompressed content per page, and per font program, that we agree to read: a bound against
/// decompression bombs (a real page of minutes is a few hundred kilobytes).
const MAX_PAGE_CONTENT: usize = 64 * 1024 * 1024;

/// How deep form XObjects may nest before the rest is ignored.
const MAX_FORM_DEPTH: usize = 8;

/// Extracts the text of every page.
///
/// # Errors
/// When the file is encrypted, damaged, or has no usable text layer (see [`ExtractError`]).
pub fn text(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    // lopdf is lenient and well fuzzed, but a damaged file must never take a whole run down:
    // a panic inside it is reported as damage.
    let loaded = std::panic::catch_unwind(|| Document::load_mem(bytes))
        .map_err(|_| ExtractError::DamagedPdf("the PDF reader failed on its structure".into()))?;
    let doc = loaded.map_err(|e| match e {
        lopdf::Error::Decryption(_)
        | lopdf::Error::InvalidPassword
        | lopdf::Error::UnsupportedSecurityHandler(_) => ExtractError::Encrypted,
        e => ExtractError::DamagedPdf(e.to_string()),
    })?;
    // A file that opened with the empty password has lost its `/Encrypt`; one that did not
    // still has it, and its strings are ciphertext.
    if doc.is_encrypted() {
        return Err(ExtractError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(ExtractError::DamagedPdf("no pages".into()));
    }
    let texts = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pages.values().map(|&id| page_text(&doc, id)).collect::<Vec<String>>()
    }))
    .map_err(|_| ExtractError::DamagedPdf("a page's content could not be read".into()))?;
    let page_count = pages.len() as u32;
    let mut text = String::with_capacity(texts.iter().map(|t| t.len() + 2).sum());
    for (k, page) in texts.iter().enumerate() {
        if k > 0 {
            text.push('\x0c');
        }
        text.push_str(page);
        text.push('\n');
    }
    check_text_layer(&text, page_count)?;
    Ok(Extracted { text, pages: Some(page_count) })
}

/// One glyph (or a ligature's characters) where the page draws it, in device space.
#[derive(Debug, Clone)]
struct Glyph {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
}

/// A PDF matrix `[a b c d e f]`.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m1 × m2` in PDF's row-vector convention (apply `m1` first).
fn mul(m1: &Matrix, m2: &Matrix) -> Matrix {
    [
        m1[0] * m2[0] + m1[1] * m2[2],
        m1[0] * m2[1] + m1[1] * m2[3],
        m1[2] * m2[0] + m1[3] * m2[2],
        m1[2] * m2[1] + m1[3] * m2[3],
        m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
        m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
    ]
}

fn translate(tx: f64, ty: f64) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

/// A font as far as text extraction needs it: how to decode codes and how wide they are.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Two-byte codes (a Type0 font with an Identity or other CID CMap).
    two_byte: bool,
    /// Widths in thousandths of the font size, by code.
    widths: HashMap<u32, f64>,
    default_width: f64,
}

impl<'a> Font<'a> {
    fn new(doc: &'a Document, dict: &'a Dictionary) -> Self {
        let encoding = dict.get_font_encoding_with_limit(doc, MAX_PAGE_CONTENT).ok();
        let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        let mut widths = HashMap::new();
        let two_byte = subtype == b"Type0";
        let mut default_width = 500.0;
        if two_byte {
            let descendant = dict
                .get_deref(b"DescendantFonts", doc)
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .and_then(|o| deref(doc, o).as_dict().ok());
            if let Some(d) = descendant {
                default_width = d.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
                if let Ok(w) = d.get_deref(b"W", doc).and_then(Object::as_array) {
                    cid_widths(doc, w, &mut widths);
                }
            }
        } else {
            let first = dict.get(b"FirstChar").ok().and_then(code).unwrap_or(0);
            if let Ok(w) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
                for (k, o) in w.iter().enumerate() {
                    if let Some(v) = number(deref(doc, o)) {
                        widths.insert(first + k as u32, v);
                    }
                }
            }
            let missing = dict
                .get_deref(b"FontDescriptor", doc)
                .and_then(Object::as_dict)
                .ok()
                .and_then(|d| d.get(b"MissingWidth").ok())
                .and_then(number);
            default_width = missing.filter(|&w| w > 0.0).unwrap_or(500.0);
        }
        Font { encoding, two_byte, widths, default_width }
    }

    fn width(&self, code: u32) -> f64 {
        self.widths.get(&code).copied().unwrap_or(self.default_width)
    }

    /// The text of one code; Latin-1 where the font has no usable encoding. A ligature glyph
    /// (`ﬁ`, `ﬂ`, U+FB00–U+FB06) gives its letters, or `ﬁnansiering` would never be found as
    /// `finansiering`.
    fn decode(&self, code_bytes: &[u8], out: &mut String) {
        let ok = self.encoding.as_ref().is_some_and(|e| e.write_to_string(code_bytes, out).is_ok());
        if !ok {
            out.extend(code_bytes.iter().map(|&b| char::from(b)));
        }
        if out.contains(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
            *out = out.chars().map(unligature).collect();
        }
    }
}

/// The `W` array of a CID font: `c [w1 w2 …]` or `c_first c_last w`.
fn cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f64>) {
    let mut k = 0;
    while k < w.len() {
        let Some(first) = code(deref(doc, &w[k])) else { break };
        match w.get(k + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (j, o) in list.iter().enumerate() {
                    if let Some(v) = number(deref(doc, o)) {
                        out.insert(first + j as u32, v);
                    }
                }
                k += 2;
            }
            Some(last) => {
                let (Some(last), Some(v)) =
                    (code(last), w.get(k + 2).and_then(|o| number(deref(doc, o))))
                else {
                    break;
                };
                // A malformed range must not make us fill billions of entries.
                for c in first..=last.min(first.saturating_add(65_535)) {
                    out.insert(c, v);
                }
                k += 3;
            }
            None => break,
        }
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

/// A number operand. PDF integers are far below 2^52, so the conversion is exact.
#[allow(clippy::cast_precision_loss)]
fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// A character code or count: a non-negative integer.
fn code(o: &Object) -> Option<u32> {
    match o {
        Object::Integer(i) => u32::try_from(*i).ok(),
        _ => None,
    }
}

/// The resources dictionary of a page (its own or inherited).
fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let (dict, ids) = doc.get_page_resources(page).ok()?;
    dict.or_else(|| ids.first().and_then(|&id| doc.get_dictionary(id).ok()))
}

/// The text state and graphics state the text operators need.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    tm: Matrix,
    tlm: Matrix,
    font: Option<Vec<u8>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for State {
    fn default() -> Self {
        State {
            ctm: IDENTITY,
            tm: IDENTITY,
            tlm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Walks one content stream (a page's or a form's), collecting glyphs.
struct Walker<'a> {
    doc: &'a Document,
    fonts: BTreeMap<Vec<u8>, Font<'a>>,
    glyphs: Vec<Glyph>,
}

impl<'a> Walker<'a> {
    fn fonts_of(&mut self, resources: Option<&'a Dictionary>) {
        let Some(res) = resources else { return };
        let Some(dict) = res.get_deref(b"Font", self.doc).and_then(Object::as_dict).ok() else {
            return;
        };
        for (name, value) in dict {
            if let Ok(d) = deref(self.doc, value).as_dict() {
                self.fonts.entry(name.clone()).or_insert_with(|| Font::new(self.doc, d));
            }
        }
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        depth: usize,
    ) {
        self.fonts_of(resources);
        let Ok(ops) = Content::decode(content) else { return };
        let mut st = State { ctm, ..State::default() };
        let mut stack: Vec<State> = Vec::new();
        for op in &ops.operations {
            let args = &op.operands;
            let f = |k: usize| args.get(k).and_then(number).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" => stack.push(st.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        st = s;
                    }
                }
                "cm" if args.len() == 6 => {
                    st.ctm = mul(&[f(0), f(1), f(2), f(3), f(4), f(5)], &st.ctm);
                }
                "BT" => {
                    st.tm = IDENTITY;
                    st.tlm = IDENTITY;
                }
                "Tf" => {
                    st.font = args.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec);
                    st.size = f(1);
                }
                "Tc" => st.char_spacing = f(0),
                "Tw" => st.word_spacing = f(0),
                "Tz" => st.scale = f(0) / 100.0,
                "TL" => st.leading = f(0),
                "Ts" => st.rise = f(0),
                "Td" => next_line(&mut st, f(0), f(1)),
                "TD" => {
                    st.leading = -f(1);
                    next_line(&mut st, f(0), f(1));
                }
                "Tm" if args.len() == 6 => {
                    st.tm = [f(0), f(1), f(2), f(3), f(4), f(5)];
                    st.tlm = st.tm;
                }
                "T*" => {
                    let leading = st.leading;
                    next_line(&mut st, 0.0, -leading);
                }
                "Tj" => self.show(&mut st, args.first()),
                "'" => {
                    let leading = st.leading;
                    next_line(&mut st, 0.0, -leading);
                    self.show(&mut st, args.first());
                }
                "\"" => {
                    st.word_spacing = f(0);
                    st.char_spacing = f(1);
                    let leading = st.leading;
                    next_line(&mut st, 0.0, -leading);
                    self.show(&mut st, args.get(2));
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = args.first() {
                        for item in items {
                            match item {
                                Object::String(..) => self.show(&mut st, Some(item)),
                                other => {
                                    let n = number(other).unwrap_or(0.0);
                                    let tx = -n / 1000.0 * st.size * st.scale;
                                    st.tm = mul(&translate(tx, 0.0), &st.tm);
                                }
                            }
                        }
                    }
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = args.first().and_then(|o| o.as_name().ok()) {
                        self.form(resources, name, st.ctm, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// Runs a form XObject named in `resources`.
    fn form(&mut self, resources: Option<&'a Dictionary>, name: &[u8], ctm: Matrix, depth: usize) {
        let Some(res) = resources else { return };
        let doc = self.doc;
        let Some(stream) = res
            .get_deref(b"XObject", doc)
            .and_then(Object::as_dict)
            .and_then(|x| x.get_deref(name, doc))
            .and_then(Object::as_stream)
            .ok()
        else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return;
        }
        let matrix = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .ok()
            .filter(|a| a.len() == 6)
            .map_or(IDENTITY, |a| {
                let v: Vec<f64> = a.iter().map(|o| number(o).unwrap_or(0.0)).collect();
                [v[0], v[1], v[2], v[3], v[4], v[5]]
            });
        let inner = stream.dict.get_deref(b"Resources", doc).and_then(Object::as_dict).ok();
        // An uncompressed form has its bytes as they are.
        let content = if stream.dict.get(b"Filter").is_ok() {
            match stream.decompressed_content_with_limit(MAX_PAGE_CONTENT) {
                Ok(c) => std::borrow::Cow::Owned(c),
                Err(_) => return,
            }
        } else {
            std::borrow::Cow::Borrowed(&stream.content)
        };
        self.run(&content, inner.or(resources), mul(&matrix, &ctm), depth + 1);
    }

    /// Places the glyphs of one string operand and advances the text matrix.
    fn show(&mut self, st: &mut State, operand: Option<&Object>) {
        let Some(Object::String(bytes, _)) = operand else { return };
        let Some(font) = st.font.as_ref().and_then(|n| self.fonts.get(n)) else { return };
        let step = if font.two_byte { 2 } else { 1 };
        for code_bytes in bytes.chunks(step) {
            let code = code_bytes.iter().fold(0u32, |a, &b| a * 256 + u32::from(b));
            let m =
                mul(&mul(&[st.size * st.scale, 0.0, 0.0, st.size, 0.0, st.rise], &st.tm), &st.ctm);
            let mut text = String::new();
            font.decode(code_bytes, &mut text);
            let is_space = step == 1 && code == 32;
            let advance = (font.width(code) / 1000.0 * st.size
                + st.char_spacing
                + if is_space { st.word_spacing } else { 0.0 })
                * st.scale;
            let device = mul(&st.tm, &st.ctm);
            let x0 = m[4];
            let x1 = x0 + advance * device[0];
            let size = (m[2] * m[2] + m[3] * m[3]).sqrt();
            if !text.is_empty() && size > 0.0 && x0.is_finite() && m[5].is_finite() {
                self.glyphs.push(Glyph { x0, x1, y: m[5], size, text });
            }
            st.tm = mul(&translate(advance, 0.0), &st.tm);
        }
    }
}

/// The letters of a Latin ligature glyph; any other character as it is.
fn unligature(c: char) -> String {
    match c {
        '\u{fb00}' => "ff".into(),
        '\u{fb01}' => "fi".into(),
        '\u{fb02}' => "fl".into(),
        '\u{fb03}' => "ffi".into(),
        '\u{fb04}' => "ffl".into(),
        '\u{fb05}' | '\u{fb06}' => "st".into(),
        c => c.to_string(),
    }
}

fn next_line(st: &mut State, tx: f64, ty: f64) {
    st.tlm = mul(&translate(tx, ty), &st.tlm);
    st.tm = st.tlm;
}

/// The text of one page, as lines; an unreadable page gives what could be read of it.
fn page_text(doc: &Document, page: ObjectId) -> String {
    let Ok(content) = doc.get_page_content_with_limit(page, MAX_PAGE_CONTENT) else {
        return String::new();
    };
    let mut walker = Walker { doc, fonts: BTreeMap::new(), glyphs: Vec::new() };
    walker.run(&content, page_resources(doc, page), IDENTITY, 0);
    lines(walker.glyphs)
}

/// Frames placed glyphs as text: lines top to bottom, words and columns left to right.
fn lines(mut glyphs: Vec<Glyph>) -> String {
    if glyphs.is_empty() {
        return String::new();
    }
    // Top to bottom; glyphs whose baselines are within a third of their size are one line.
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut rows: Vec<(f64, f64, Vec<Glyph>)> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some((y, size, row)) if (*y - g.y).abs() < 0.35 * size.max(g.size) => {
                *size = size.max(g.size);
                row.push(g);
            }
            _ => rows.push((g.y, g.size, vec![g])),
        }
    }
    // The page's usual line pitch: a gap clearly wider than it is a break between blocks.
    let mut gaps: Vec<f64> =
        rows.windows(2).map(|w| w[0].0 - w[1].0).filter(|g| *g > 0.0).collect();
    gaps.sort_by(f64::total_cmp);
    let pitch = gaps.get(gaps.len() / 3).copied().unwrap_or(0.0);
    let mut out = String::new();
    let mut prev_y: Option<f64> = None;
    for (y, size, mut row) in rows {
        if let Some(p) = prev_y {
            let gap = p - y;
            if gap > (pitch * 1.3).max(size * 1.5) {
                out.push('\n');
            }
        }
        prev_y = Some(y);
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut last: Option<&Glyph> = None;
        let start = out.len();
        for g in &row {
            if let Some(p) = last {
                // The same glyph drawn twice (fake bold, shadows) counts once.
                if g.text == p.text && (g.x0 - p.x0).abs() < 0.1 * g.size {
                    continue;
                }
                let gap = g.x0 - p.x1;
                let spaced = out.ends_with(' ') || g.text.starts_with(' ');
                if gap > 1.5 * size {
                    while out.ends_with(' ') {
                        out.pop();
                    }
                    out.push('\t');
                } else if gap > 0.15 * size && !spaced {
                    out.push(' ');
                }
            }
            out.push_str(&g.text);
            last = Some(g);
        }
        let line = out[start..].trim_end().len();
        out.truncate(start + line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(words: &[(&str, f64, f64)]) -> Vec<Glyph> {
        words
            .iter()
            .map(|&(t, x, y)| Glyph {
                x0: x,
                x1: x + 6.0 * f64::from(t.chars().count() as u32),
                y,
                size: 12.0,
                text: t.into(),
            })
            .collect()
    }

    #[test]
    fn frames_lines_words_and_columns() {
        let page = glyphs(&[
            ("Ledamöter", 70.0, 700.0),
            ("Ersättare", 300.0, 700.0),
            ("Pia", 70.0, 686.0),
            ("Lundin", 92.0, 686.0),
            ("(SJVP)", 132.0, 686.5),
            ("Gudrun", 300.0, 686.0),
            ("Sjödin", 340.0, 686.0),
            ("§", 70.0, 640.0),
            ("92", 80.0, 640.0),
        ]);
        assert_eq!(lines(page), "Ledamöter\tErsättare\nPia Lundin (SJVP)\tGudrun Sjödin\n\n§ 92\n");
    }

    #[test]
    fn ligatures_give_their_letters() {
        let s: String =
            "\u{fb01}nansiering av \u{fb02}yktingmottagande".chars().map(unligature).collect();
        assert_eq!(s, "finansiering av flyktingmottagande");
    }

    #[test]
    fn refuses_what_is_not_a_pdf() {
        assert!(matches!(text(b"%PDF-1.7\n"), Err(ExtractError::DamagedPdf(_))));
        assert!(matches!(
            text(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"),
            Err(ExtractError::DamagedPdf(_))
        ));
    }
}
