//! The HTML that markdown converters leave in a line: tables (`<table><tr><td>…`, MinerU),
//! line breaks (`<br>` inside a table's cell, as marker and pymupdf4llm break one, or in a line
//! of text) and character entities.
//!
//! A source line with such markup becomes the lines a PDF's text layer would give: a table row
//! per line, its cells as a pipe row that [`clean`](super::clean) turns into columns, and a
//! cell broken by `<br>` over as many rows as it has parts (the k-th part of every cell on the
//! k-th row, as the table is printed). Every line keeps the source line's number. The normaliser
//! asks only lines that hold a `<`, found in the pass that cuts the text into lines. Other tags
//! (`<b>`, `<span>`) go; a `<` that starts no known tag is text (`< 5 %`). Lines without a
//! table or a line break are left alone: this is no HTML parser.

/// Whether a line holds a table tag or a line break (`<br`, `<td`, `<th`, `<tr`, `<table`), in
/// either case: what [`expand`] works on.
#[must_use]
pub fn has_layout_tags(line: &str) -> bool {
    let b = line.as_bytes();
    b.iter().enumerate().filter(|&(_, &c)| c == b'<').any(|(k, _)| {
        let name = tag_name(&b[k + 1..]);
        let slash = usize::from(b.get(k + 1) == Some(&b'/'));
        // The name ends the tag or its attributes follow: `<br>`, `<br/>`, `<td colspan="2">`.
        let ends = matches!(b.get(k + 1 + slash + name.len()), Some(b'>' | b' ' | b'/'));
        ends && matches!(name.as_slice(), b"br" | b"td" | b"th" | b"tr" | b"table")
    })
}

/// The lower-cased name of a tag after its `<` (an end tag's `/` skipped), at most eight
/// ASCII letters; empty where none follows.
fn tag_name(after: &[u8]) -> Vec<u8> {
    let after = after.strip_prefix(b"/").unwrap_or(after);
    after
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .take(9)
        .map(u8::to_ascii_lowercase)
        .collect()
}

/// Tags that go without a trace but for what [`expand`] does at them.
const KNOWN: &[&[u8]] = &[
    b"table",
    b"thead",
    b"tbody",
    b"tfoot",
    b"tr",
    b"td",
    b"th",
    b"br",
    b"caption",
    b"b",
    b"i",
    b"u",
    b"em",
    b"strong",
    b"sup",
    b"sub",
    b"span",
    b"p",
    b"div",
    b"col",
    b"colgroup",
];

/// One row being read: its cells, each the parts a `<br>` parts it into.
type Row = Vec<Vec<String>>;

/// The lines a source line with a table or line break stands for (see the module docs), or
/// `None` where it holds neither ([`has_layout_tags`]).
///
/// Example: `<table><tr><td>Anna Berg</td><td>S</td></tr></table>` → `| Anna Berg | S |`;
/// `| Beslutande | Anna Berg (S)<br>Per Ek (M) |` → `| Beslutande | Anna Berg (S) |`,
/// `|  | Per Ek (M) |`; `Peter Hök, förvaltningschef<br>Eva Sten, sekreterare` → two lines.
#[must_use]
pub fn expand(line: &str) -> Option<Vec<String>> {
    if !has_layout_tags(line) {
        return None;
    }
    let mut out = Vec::new();
    let trimmed = line.trim();
    if let Some(inner) = trimmed.strip_prefix('|') {
        // A pipe table's row: its cells, each broken at its line breaks.
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        let row: Row = inner.split('|').map(parts).collect();
        push_row(&mut out, &row);
        return Some(out);
    }
    let b = trimmed.as_bytes();
    let mut row: Option<Row> = None;
    // Text outside the table's cells, a line per part.
    let mut outside: Vec<String> = vec![String::new()];
    let (mut k, mut copied) = (0, 0);
    while let Some(at) = b[k..].iter().position(|&c| c == b'<').map(|p| p + k) {
        let name = tag_name(&b[at + 1..]);
        let end = b[at..].iter().position(|&c| c == b'>').map(|p| p + at);
        let (Some(end), true) = (end, KNOWN.contains(&name.as_slice())) else {
            k = at + 1;
            continue;
        };
        append(&mut row, &mut outside, &trimmed[copied..at]);
        let closing = b.get(at + 1) == Some(&b'/');
        match (name.as_slice(), closing) {
            (b"tr" | b"table", _) => {
                if let Some(cells) = row.take() {
                    push_row(&mut out, &cells);
                }
                flush(&mut out, &mut outside);
                if name == b"tr" && !closing {
                    row = Some(Vec::new());
                }
            }
            (b"td" | b"th", false) => {
                if row.is_none() {
                    flush(&mut out, &mut outside);
                }
                row.get_or_insert_with(Vec::new).push(vec![String::new()]);
            }
            (b"br", _) => match &mut row {
                Some(cells) => {
                    if let Some(cell) = cells.last_mut() {
                        cell.push(String::new());
                    }
                }
                None => outside.push(String::new()),
            },
            _ => {}
        }
        k = end + 1;
        copied = k;
    }
    append(&mut row, &mut outside, &trimmed[copied..]);
    if let Some(cells) = &row {
        push_row(&mut out, cells);
    }
    flush(&mut out, &mut outside);
    Some(out)
}

/// Adds text read between tags to the part being read: the last part of the row's last cell
/// inside a row, else the last line outside the table.
fn append(row: &mut Option<Row>, outside: &mut [String], text: &str) {
    let part = match row {
        Some(cells) => cells.last_mut().and_then(|c| c.last_mut()),
        None => outside.last_mut(),
    };
    if let Some(part) = part {
        part.push_str(text);
    }
}

/// The parts of a pipe table's cell, parted at its line breaks, other tags dropped.
fn parts(cell: &str) -> Vec<String> {
    match expand(cell) {
        Some(lines) if !lines.is_empty() => lines,
        _ => vec![cell.to_string()],
    }
}

/// The text outside cells, a line per part, each with its entities decoded; empty parts go.
fn flush(out: &mut Vec<String>, outside: &mut Vec<String>) {
    for part in outside.drain(..) {
        let t = entities(part.trim());
        if !t.is_empty() {
            out.push(t);
        }
    }
    outside.push(String::new());
}

/// A row's lines as pipe rows: the k-th part of each cell on the k-th line (an empty cell
/// where a cell has fewer parts).
fn push_row(out: &mut Vec<String>, cells: &[Vec<String>]) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(0);
    for k in 0..height {
        let mut line = String::from("|");
        for cell in cells {
            line.push(' ');
            // A pipe inside a cell would part it in two.
            let part =
                cell.get(k).map(|p| entities(p.trim()).replace('|', "/")).unwrap_or_default();
            line.push_str(&part);
            line.push_str(" |");
        }
        out.push(line);
    }
}

/// The text with its common character entities decoded: `&amp;`, `&lt;`, `&gt;`, `&quot;`,
/// `&#39;`, `&nbsp;`.
fn entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: &[&str]) {
        assert_eq!(expand(line).unwrap_or_else(|| vec![line.to_string()]), expected, "{line}");
    }

    /// MinerU prints a table as one line of HTML: a pipe row per table row.
    #[test]
    fn html_tables() {
        check(
            "<table><tr><td>Beslutande</td><td>Parti</td></tr><tr><td>Maria Nilsson</td><td>S</td></tr></table>",
            &["| Beslutande | Parti |", "| Maria Nilsson | S |"],
        );
        check(
            "<table><thead><tr><th colspan=\"2\">Närvarande</th></tr></thead><tr><td>Carl Hed (M)<br>Irma Kallio (SJVP)</td><td>Ledamot</td></tr></table>",
            &["| Närvarande |", "| Carl Hed (M) | Ledamot |", "| Irma Kallio (SJVP) |  |"],
        );
        check("<tr><td>Kultur &amp; fritid</td><td>KFN</td>", &["| Kultur & fritid | KFN |"]);
        check("Deltagare:<table><tr><td>Eva Ek</td></tr></table>", &["Deltagare:", "| Eva Ek |"]);
        check("<table>", &[]);
    }

    /// A line break inside a pipe table's cell or in text parts lines as the PDF printed them.
    #[test]
    fn line_breaks() {
        check(
            "| Beslutande | Anna Berg (S), ordförande<br>Per Ek (M)<br/>Lisa Strand (C) |",
            &[
                "| Beslutande | Anna Berg (S), ordförande |",
                "|  | Per Ek (M) |",
                "|  | Lisa Strand (C) |",
            ],
        );
        check(
            "Övriga närvarande: Peter Hök, förvaltningschef<br>Anna-Lena Sten, sekreterare",
            &["Övriga närvarande: Peter Hök, förvaltningschef", "Anna-Lena Sten, sekreterare"],
        );
        check("Kostnaden är < 5 % <b>av</b> budget<BR>", &["Kostnaden är < 5 % av budget"]);
    }

    #[test]
    fn other_lines_are_left_alone() {
        for line in ["Kostnaden är < 5 % av budget", "<b>Beslut</b>", "a <brandkår> b", "<", "<br"]
        {
            assert_eq!(expand(line), None, "{line}");
        }
    }
}
