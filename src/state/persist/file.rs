//! A förbund's own budget file, named by the page (`?budget=`) or the host
//! page's mount point (`data-budget`): which addresses may be fetched, and
//! why a file could not be used. The browser fetches it (`ui::load`); the
//! opening decision ([`super::start`]) takes what it found.

use crate::engine::import::{ImportError, Imported};

/// The most a budget file may weigh, as for a file chosen in the import
/// panel: a budget table is a few kilobytes.
pub const MAX_BYTES: usize = crate::engine::import::MAX_BYTES;

/// How long the browser waits for the whole file, in milliseconds.
pub const TIMEOUT_MS: u32 = 15_000;

/// The file the page was asked for, and what the browser found there.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetFile {
    /// As the page or the host page wrote it (`budget-2025.csv`): the
    /// budget's id in the state and in links.
    pub name: String,
    pub loaded: Result<Imported, FileError>,
}

/// Why a budget file could not be used. Worded by `crate::words`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Not an address at all.
    Address,
    /// Not http or https (data:, blob:, file:, javascript: …): never fetched.
    Scheme(String),
    /// The server answered with this status (404: no such file).
    Status(u16),
    /// No answer while the browser is offline, and no copy kept from an
    /// earlier visit.
    Offline,
    /// No answer: no such server, or another site's server that does not
    /// allow this page to read its files (CORS).
    Unreachable,
    /// Over [`MAX_BYTES`].
    TooLarge,
    /// Not all there within [`TIMEOUT_MS`].
    TimedOut,
    /// It came, but it is not a budget table or budget file.
    Unreadable(ImportError),
}

impl FileError {
    /// Why a fetch failed, as the import worker (which fetches the file)
    /// tells the page: `404`, `offline`, `unreachable`, `too-large`,
    /// `timed-out`. Other reasons are the page's own: none.
    pub fn code(&self) -> Option<String> {
        Some(match self {
            FileError::Status(status) => status.to_string(),
            FileError::Offline => "offline".into(),
            FileError::Unreachable => "unreachable".into(),
            FileError::TooLarge => "too-large".into(),
            FileError::TimedOut => "timed-out".into(),
            FileError::Address | FileError::Scheme(_) | FileError::Unreadable(_) => return None,
        })
    }

    /// Back from [`FileError::code`]; an unknown code is no answer.
    pub fn from_code(code: &str) -> FileError {
        match code {
            "offline" => FileError::Offline,
            "too-large" => FileError::TooLarge,
            "timed-out" => FileError::TimedOut,
            _ => code
                .parse()
                .map(FileError::Status)
                .unwrap_or(FileError::Unreachable),
        }
    }
}

/// Whether the browser may fetch `address`, an absolute URL as the browser
/// resolved it against the page: only http and https, so that a page can
/// never be made to read `data:`, `blob:`, `file:` or `javascript:` text
/// as a förbund's budget.
pub fn check_address(address: &str) -> Result<(), FileError> {
    let Some((scheme, _)) = address.split_once(':') else {
        return Err(FileError::Address);
    };
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !valid {
        return Err(FileError::Address);
    }
    let scheme = scheme.to_ascii_lowercase();
    match scheme.as_str() {
        "http" | "https" => Ok(()),
        _ => Err(FileError::Scheme(scheme)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_fetched() {
        for ok in [
            "http://127.0.0.1:8080/budget-2025.csv",
            "https://www.example.se/filer/budget.json",
            "HTTPS://EXAMPLE.SE/B.CSV",
        ] {
            assert_eq!(check_address(ok), Ok(()), "{ok}");
        }
        for (bad, scheme) in [
            ("data:text/csv,Budget%202024", "data"),
            ("blob:http://127.0.0.1/3f2a", "blob"),
            ("file:///home/budget.csv", "file"),
            ("javascript:alert(1)", "javascript"),
            ("JavaScript:alert(1)", "javascript"),
            ("ftp://example.se/budget.csv", "ftp"),
        ] {
            assert_eq!(check_address(bad), Err(FileError::Scheme(scheme.into())), "{bad}");
        }
        for bad in ["", "budget.csv", "://x", "1http://x", "ht tp://x"] {
            assert_eq!(check_address(bad), Err(FileError::Address), "{bad}");
        }
    }

    #[test]
    fn a_fetch_failure_goes_from_the_worker_to_the_page_as_a_code() {
        for why in [
            FileError::Status(404),
            FileError::Status(503),
            FileError::Offline,
            FileError::Unreachable,
            FileError::TooLarge,
            FileError::TimedOut,
        ] {
            assert_eq!(FileError::from_code(&why.code().unwrap()), why);
        }
        assert_eq!(FileError::Address.code(), None);
        assert_eq!(FileError::from_code("nonsense"), FileError::Unreachable);
    }
}
