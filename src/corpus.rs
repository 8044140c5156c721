//! Which files are documents: the given files as they are, and under a folder every `.txt`,
//! `.md`, `.text`, `.pdf` or `.docx` file (README files excepted), in sorted order so every run
//! is the same. What a file holds is told by its content when it is read ([`crate::source`]).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{Error, Result};

/// File endings read as documents when walking a folder.
pub const EXTENSIONS: &[&str] = &["txt", "md", "text", "markdown", "pdf", "docx"];

/// Whether a file found in a folder is a document.
#[must_use]
pub fn is_document(path: &Path) -> bool {
    let ext_ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let readme = name.to_ascii_lowercase().starts_with("readme");
    ext_ok && !readme && !name.starts_with('.')
}

/// The documents under `paths`: files as given, folders walked (hidden entries skipped).
/// An unreadable entry is an `Err` in its place; the walk goes on.
#[must_use]
pub fn walk(paths: &[PathBuf]) -> Vec<Result<PathBuf>> {
    let mut out = Vec::new();
    for root in paths {
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
                    out.push(Ok(e.into_path()));
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
