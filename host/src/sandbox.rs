//! Which host files a design may open: the file policy of a run.
//!
//! A design is untrusted code: it reaches host files only through the
//! `env.*` services (`host_fopen`, `host_read_file`), and every one of them
//! asks [`FilePolicy::check`] first. A path is granted when its resolved form
//! lies under one of the granted directories (the working directory by
//! default, `--allow-dir DIR` adds one, `--deny-files` refuses all).
//!
//! "Resolved" means: made absolute against the working directory, every
//! symlink followed (a dangling one too, since opening it for writing would
//! create its target) and every `..` applied to the real directory it
//! names. Components that do not exist yet (a file about to be created, or a
//! directory the OS will report missing) are kept as written. A design cannot
//! create symlinks or directories itself, so what is checked is what the OS
//! will open.

use std::io;
use std::path::{Component, Path, PathBuf};

/// A file the design asked for was refused by the policy (the service
/// fails as if the file could not be opened).
pub use wsim_diag::codes::run::FILE_REFUSED;

/// How many symlinks one path may go through before it is refused (the
/// Linux limit, so a link cycle ends).
const MAX_SYMLINKS: u32 = 40;

/// Which files a design may open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePolicy {
    /// Canonical directories under which every file is granted.
    allowed_dirs: Vec<PathBuf>,
    /// `--deny-files`: refuse every file, whatever the directories.
    deny_all: bool,
}

/// What the design wants to do with a file (for the refusal message).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    Read,
    Write,
    Append,
    ReadWrite,
}

impl Access {
    /// The access a C `fopen` mode asks for (`b` ignored); `None` for a bad mode.
    pub fn of_mode(mode: &str) -> Option<Access> {
        let plain: String = mode.chars().filter(|&c| c != 'b').collect();
        match plain.as_str() {
            "r" => Some(Access::Read),
            "w" => Some(Access::Write),
            "a" => Some(Access::Append),
            "r+" | "w+" | "a+" => Some(Access::ReadWrite),
            _ => None,
        }
    }

    fn words(self) -> &'static str {
        match self {
            Access::Read => "reading",
            Access::Write => "writing",
            Access::Append => "appending",
            Access::ReadWrite => "reading and writing",
        }
    }
}

/// Why a path was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// `--deny-files` is in force.
    DenyAll,
    /// It resolves to this path, outside every granted directory.
    Outside(PathBuf),
    /// It goes through more than [`MAX_SYMLINKS`] symlinks (a cycle).
    TooManySymlinks,
    /// The working directory is unknown, so a relative path cannot be placed.
    NoWorkingDir,
}

impl Refusal {
    /// The one-line warning for the run's stderr, newline included:
    /// `warning[W0502]: the design tried to open /etc/passwd for reading:
    /// refused, it lies outside the granted directories (--allow-dir DIR to grant one)`.
    pub fn message(&self, asked: &str, access: Access) -> String {
        let why = match self {
            Refusal::DenyAll => "refused, --deny-files forbids every file".to_string(),
            Refusal::Outside(resolved) if Path::new(asked) == resolved.as_path() => {
                "refused, it lies outside the granted directories (--allow-dir DIR to grant one)".to_string()
            }
            Refusal::Outside(resolved) => format!(
                "refused, it resolves to {}, outside the granted directories (--allow-dir DIR to grant one)",
                resolved.display()
            ),
            Refusal::TooManySymlinks => "refused, it goes through too many symlinks (a cycle?)".to_string(),
            Refusal::NoWorkingDir => "refused, the working directory is unknown".to_string(),
        };
        format!("warning[{}]: the design tried to open {asked} for {}: {why}\n", FILE_REFUSED.id, access.words())
    }
}

impl Default for FilePolicy {
    /// The working directory only (nothing when it cannot be determined).
    fn default() -> FilePolicy {
        FilePolicy::working_dir().unwrap_or_else(|_| FilePolicy::no_dirs())
    }
}

impl FilePolicy {
    /// The working directory only: the default of `wsim run`.
    pub fn working_dir() -> io::Result<FilePolicy> {
        FilePolicy::no_dirs().allow_dir(std::env::current_dir()?)
    }

    /// No directory granted yet (add some with [`FilePolicy::allow_dir`]).
    pub fn no_dirs() -> FilePolicy {
        FilePolicy { allowed_dirs: Vec::new(), deny_all: false }
    }

    /// `--deny-files`: every file refused.
    pub fn deny_all() -> FilePolicy {
        FilePolicy { allowed_dirs: Vec::new(), deny_all: true }
    }

    /// Every file granted (`/` is the one directory): for embedders that
    /// trust the design, never the CLI's default.
    pub fn unrestricted() -> FilePolicy {
        FilePolicy { allowed_dirs: vec![PathBuf::from("/")], deny_all: false }
    }

    /// `--allow-dir DIR`: grant `dir` and everything under it. It must
    /// exist (it is canonicalized now, so a later symlink swap of `dir`
    /// itself does not widen the grant).
    pub fn allow_dir(mut self, dir: impl AsRef<Path>) -> io::Result<FilePolicy> {
        let canonical = dir.as_ref().canonicalize()?;
        if !canonical.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotADirectory,
                format!("{} is not a directory", canonical.display()),
            ));
        }
        if !self.allowed_dirs.contains(&canonical) {
            self.allowed_dirs.push(canonical);
        }
        Ok(self)
    }

    /// The canonical granted directories.
    pub fn allowed_dirs(&self) -> &[PathBuf] {
        &self.allowed_dirs
    }

    /// Whether `--deny-files` is in force.
    pub fn denies_all(&self) -> bool {
        self.deny_all
    }

    /// The resolved path when the design may open `path`, else why not.
    pub fn check(&self, path: &str) -> Result<PathBuf, Refusal> {
        if self.deny_all {
            return Err(Refusal::DenyAll);
        }
        let absolute = if Path::new(path).is_absolute() {
            PathBuf::from(path)
        } else {
            std::env::current_dir().map_err(|_| Refusal::NoWorkingDir)?.join(path)
        };
        let resolved = resolve(&absolute)?;
        if self.allowed_dirs.iter().any(|dir| resolved.starts_with(dir)) {
            Ok(resolved)
        } else {
            Err(Refusal::Outside(resolved))
        }
    }
}

/// `absolute` with every symlink followed and every `..` applied, as far as
/// the path exists; the missing rest kept as written (see the module doc).
fn resolve(absolute: &Path) -> Result<PathBuf, Refusal> {
    let mut pending: PathBuf = absolute.to_path_buf();
    let mut links_followed = 0;
    'restart: loop {
        let components: Vec<Component> = pending.components().collect();
        // `resolved` never holds a symlink, so `..` may simply pop it.
        let mut resolved = PathBuf::new();
        for (i, component) in components.iter().enumerate() {
            match component {
                Component::Prefix(_) | Component::RootDir => resolved.push(component),
                Component::CurDir => {}
                Component::ParentDir => {
                    resolved.pop();
                }
                Component::Normal(name) => {
                    let candidate = resolved.join(name);
                    let is_link = std::fs::symlink_metadata(&candidate).is_ok_and(|m| m.file_type().is_symlink());
                    if !is_link {
                        resolved = candidate;
                        continue;
                    }
                    links_followed += 1;
                    if links_followed > MAX_SYMLINKS {
                        return Err(Refusal::TooManySymlinks);
                    }
                    // Unreadable link (it changed under us): refuse it by its own name.
                    let Ok(target) = std::fs::read_link(&candidate) else { return Err(Refusal::Outside(candidate)) };
                    // An absolute target replaces `resolved` in `join`.
                    let mut next = resolved.join(target);
                    next.extend(&components[i + 1..]);
                    pending = next;
                    continue 'restart;
                }
            }
        }
        return Ok(resolved);
    }
}
