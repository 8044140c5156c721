//! Which files are documents: the given files as they are, and under a folder every `.txt`,
//! `.md`, `.text`, `.pdf` or `.docx` file (README files excepted), and every file without an
//! extension that starts like a PDF or a ZIP (downloads often lose their extension), in sorted
//! order so every run is the same. What a file holds is told by its content when it is read
//! ([`crate::source`]).

use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{Error, Result};

/// File endings read as documents when walking a folder.
pub const EXTENSIONS: &[&str] = &["txt", "md", "text", "markdown", "pdf", "docx"];

/// Whether a file found in a folder is a document, by its name; a file without an extension
/// is one when its first kilobyte says PDF or ZIP.
#[must_use]
pub fn is_document(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.to_ascii_lowercase().starts_with("readme") || name.starts_with('.') {
        return false;
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) => EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()),
        None => starts_like_a_document(path),
    }
}

/// Whether the file's first kilobyte holds a PDF header or it starts as a ZIP (DOCX). A file
/// that cannot be read is not taken (reading it later would only fail).
fn starts_like_a_document(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 1024];
    let Ok(mut f) = std::fs::File::open(path) else { return false };
    let n = f.read(&mut head).unwrap_or(0);
    crate::extract::Format::sniff(&head[..n]) != crate::extract::Format::Text
}

/// A path as documents are named (and keyed in an index): its components without `.` ones, so
/// that `./corpus/`, `corpus/.` and `corpus` are one folder, `corpus`; `.` alone stays. `..`
/// stays too: through a symbolic link, `a/../b` need not be `b`.
#[must_use]
pub fn plain(path: &Path) -> PathBuf {
    let out: PathBuf = path.components().filter(|c| *c != Component::CurDir).collect();
    if out.as_os_str().is_empty() { PathBuf::from(".") } else { out }
}

/// Whether the document `path` is under `root`, both as [`plain`] writes them.
#[must_use]
pub fn is_under(path: &Path, root: &Path) -> bool {
    if root == Path::new(".") { path.is_relative() } else { path.starts_with(root) }
}

/// The documents under `paths`: files as given, folders walked (hidden entries skipped), each
/// named as [`plain`] writes it. An unreadable entry is an `Err` in its place; the walk goes on.
#[must_use]
pub fn walk(paths: &[PathBuf]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    for root in paths {
        let root = &plain(root);
        if !root.is_dir() {
            out.push(Ok(root.clone()));
            continue;
        }
        let walker = WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && is_document(e.path()) => {
                    out.push(Ok(plain(e.path())));
                }
                Ok(_) => {}
                Err(err) => out.push(Err(Error::Walk {
                    path: err.path().map_or_else(|| root.clone(), Path::to_path_buf),
                    message: err.io_error().map_or_else(|| err.to_string(), ToString::to_string),
                })),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_named_without_its_dots() {
        for (given, named) in [
            ("./corpus", "corpus"),
            ("corpus/", "corpus"),
            ("./corpus/./region/", "corpus/region"),
            ("corpus//region", "corpus/region"),
            (".", "."),
            ("./", "."),
            ("../corpus", "../corpus"),
            ("/srv/./minutes", "/srv/minutes"),
        ] {
            assert_eq!(plain(Path::new(given)), Path::new(named), "{given}");
        }
        assert!(is_under(Path::new("corpus/a.txt"), Path::new(".")));
        assert!(is_under(Path::new("corpus/a.txt"), Path::new("corpus")));
        assert!(!is_under(Path::new("corpus2/a.txt"), Path::new("corpus")));
        assert!(!is_under(Path::new("/srv/a.txt"), Path::new(".")));
    }
}
