//! `txng sign --batch labels.csv --out-dir DIR`: signs thousands of labels at once. Every row is
//! read and checked before anything is written (a bad row 4,017 should not leave half a print run),
//! then rows are signed and their QR codes rendered on every core, and the sheet is laid out last.
//! Output: `DIR/uris.csv` (serial,uri), `DIR/NNNNN_SERIAL.svg` (and `.png` with `--png`), and the
//! printable sheet(s).
//!
//! A row whose (GTIN, lot, serial) repeats an earlier row is refused: two labels with one identity
//! would verify as the same item. Everything is written into a temporary directory next to `DIR`
//! and moved into place only when complete, replacing an earlier batch as a whole: a failed run
//! leaves the old output untouched, and no file of an earlier run is mixed into a new one.

use crate::cli::SignArgs;
use crate::error::{CliError, Result};
use crate::keys::{self, io_error};
use crate::sheet::{self, SheetLabel};
use crate::sign::LabelInput;
use crate::text::{fill, T};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use txng_core::Lang;

/// One CSV row; optional columns may be absent or empty.
#[derive(Deserialize)]
struct Row {
    gtin: String,
    lot: String,
    serial: String,
    #[serde(default)]
    cpv: Option<String>,
    #[serde(default)]
    prod_date: Option<String>,
    #[serde(default)]
    pack_date: Option<String>,
    #[serde(default)]
    expiry: Option<String>,
    #[serde(default)]
    best_before: Option<String>,
    #[serde(default)]
    harvest: Option<String>,
    #[serde(default)]
    origin: Option<String>,
    #[serde(default)]
    product_name: Option<String>,
}

impl Row {
    fn input(&self) -> LabelInput<'_> {
        LabelInput {
            gtin: &self.gtin,
            cpv: self.cpv.as_deref().filter(|s| !s.is_empty()),
            lot: &self.lot,
            serial: &self.serial,
            prod_date: self.prod_date.as_deref(),
            pack_date: self.pack_date.as_deref(),
            best_before: self.best_before.as_deref(),
            expiry: self.expiry.as_deref(),
            harvest: self.harvest.as_deref(),
            origin: self.origin.as_deref(),
        }
    }
}

/// A signed label and its rendered code.
struct Done {
    uri: String,
    path: String,
    modules: usize,
}

/// Runs the batch mode of `txng sign`.
pub fn run(a: &SignArgs, lang: Lang) -> Result<ExitCode> {
    let (Some(csv_path), Some(out_dir)) = (&a.batch, &a.out_dir) else {
        return Err(CliError::new(T::BatchNeedsOutDir.get(lang)));
    };
    let key = keys::read_key(&a.key, lang)?;
    let rows = read_rows(csv_path, lang)?;
    // Check every row first: the core's rules, one message per bad row.
    let mut errors = duplicates(&rows, lang);
    for (i, r) in rows.iter().enumerate() {
        let checked = r.input().to_data().and_then(|d| {
            d.validated()
                .map(|_| ())
                .map_err(crate::sign::LabelError::Core)
        });
        if let Err(e) = checked {
            errors.push(format!(
                "  {} {}: {}",
                T::Row.get(lang),
                i + 2,
                e.message(lang)
            ));
        }
    }
    if !errors.is_empty() {
        let shown: Vec<String> = errors.iter().take(20).cloned().collect();
        return Err(CliError::new(format!(
            "{}\n{}",
            fill(T::BadRows.get(lang), &[&errors.len(), &csv_path.display()]),
            shown.join("\n")
        )));
    }
    check_replaceable(out_dir, lang)?;
    let staging = Staging::new(out_dir, lang)?;
    let tmp = staging.dir.clone();

    let names: Vec<PathBuf> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| tmp.join(format!("{:05}_{}", i + 1, safe_name(&r.serial))))
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 16);
    let chunk = rows.len().div_ceil(threads).max(1);
    let results: Vec<std::result::Result<Vec<Done>, String>> = std::thread::scope(|s| {
        let handles: Vec<_> = rows
            .chunks(chunk)
            .zip(names.chunks(chunk))
            .map(|(rows, names)| {
                let key = &key;
                s.spawn(move || -> std::result::Result<Vec<Done>, String> {
                    let mut out = Vec::with_capacity(rows.len());
                    for (r, name) in rows.iter().zip(names) {
                        out.push(render_one(r, name, key, a, lang)?);
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err("thread panicked".into())))
            .collect()
    });
    let mut done = Vec::with_capacity(rows.len());
    for r in results {
        done.extend(r.map_err(CliError::new)?);
    }

    let uris_tmp = tmp.join("uris.csv");
    write_uris(&uris_tmp, &rows, &done).map_err(|e| io_error(&uris_tmp, &e, lang))?;

    // The sheet pages are made before anything is moved, so a failure leaves nothing behind.
    let mut sheet_files = Vec::new();
    if let Some(sheet_path) = &a.sheet {
        let labels: Vec<SheetLabel<'_>> = rows
            .iter()
            .zip(&done)
            .map(|(r, d)| SheetLabel {
                path: &d.path,
                modules: d.modules,
                name: r.product_name.as_deref().unwrap_or(""),
                gtin: &r.gtin,
                lot: &r.lot,
                serial: &r.serial,
            })
            .collect();
        let pages = sheet::pages(&labels, lang);
        let files = sheet::page_paths(sheet_path, pages.len());
        for (i, (page, file)) in pages.iter().zip(&files).enumerate() {
            let staged = tmp.join(format!(".sheet-{i:05}.svg"));
            std::fs::write(&staged, page).map_err(|e| io_error(&staged, &e, lang))?;
            sheet_files.push((staged, file.clone()));
        }
    }

    staging.commit(lang)?;
    let uris_path = out_dir.join("uris.csv");
    println!(
        "{}",
        fill(T::BatchDone.get(lang), &[&done.len(), &out_dir.display()])
    );
    println!("  {}", crate::text::clean(&uris_path.display().to_string()));
    if let Some(sheet_path) = &a.sheet {
        // Pages of an earlier, longer sheet would be mistaken for this one: removed.
        for old in stale_pages(sheet_path, sheet_files.len()) {
            std::fs::remove_file(&old).map_err(|e| io_error(&old, &e, lang))?;
        }
        for (staged, file) in &sheet_files {
            let from = out_dir.join(staged.file_name().unwrap_or_default());
            std::fs::rename(&from, file)
                .or_else(|_| std::fs::copy(&from, file).and_then(|_| std::fs::remove_file(&from)))
                .map_err(|e| io_error(file, &e, lang))?;
        }
        println!(
            "{}",
            fill(
                T::SheetWritten.get(lang),
                &[&sheet_files.len(), &sheet_path.display()]
            )
        );
        for (_, f) in &sheet_files {
            println!("  {}", crate::text::clean(&f.display().to_string()));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One message per row whose (GTIN, lot, serial) repeats an earlier row, naming both lines.
fn duplicates(rows: &[Row], lang: Lang) -> Vec<String> {
    let mut first: std::collections::HashMap<(&str, &str, &str), usize> =
        std::collections::HashMap::with_capacity(rows.len());
    let mut errors = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let id = (r.gtin.trim(), r.lot.trim(), r.serial.trim());
        match first.get(&id) {
            Some(line) => errors.push(format!(
                "  {} {}: {}",
                T::Row.get(lang),
                i + 2,
                fill(T::DuplicateLabel.get(lang), &[&id.0, &id.1, &id.2, line])
            )),
            None => {
                first.insert(id, i + 2);
            }
        }
    }
    errors
}

/// `--out-dir` may be new, empty, or an earlier batch's output (it has `uris.csv`); a directory
/// with other files is not replaced.
fn check_replaceable(out_dir: &Path, lang: Lang) -> Result<()> {
    match std::fs::read_dir(out_dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_error(out_dir, &e, lang)),
        Ok(mut entries) => {
            if out_dir.join("uris.csv").is_file() || entries.next().is_none() {
                Ok(())
            } else {
                Err(CliError::new(fill(
                    T::OutDirNotBatch.get(lang),
                    &[&out_dir.display()],
                )))
            }
        }
    }
}

/// `NAME.svg` and `NAME-NNN.svg` pages beyond the `n` of this run.
fn stale_pages(sheet_path: &Path, n: usize) -> Vec<PathBuf> {
    let mut old = Vec::new();
    if n > 1 && sheet_path.is_file() {
        old.push(sheet_path.to_path_buf());
    }
    let numbered = sheet::page_paths(sheet_path, 999);
    let from = if n > 1 { n } else { 0 };
    for p in numbered.into_iter().skip(from) {
        if !p.is_file() {
            break;
        }
        old.push(p);
    }
    old
}

/// A temporary directory beside the output directory (same file system, so the final move is a
/// rename); removed on drop unless committed.
struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    fn new(target: &Path, lang: Lang) -> Result<Staging> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| io_error(&parent, &e, lang))?;
        let name = target
            .file_name()
            .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
        let mut nonce = [0u8; 6];
        getrandom::fill(&mut nonce)
            .map_err(|e| CliError::new(fill(T::NoRandomness.get(lang), &[&e])))?;
        let dir = parent.join(format!(".{name}.tmp-{}", txng_core::b64::encode(&nonce)));
        std::fs::create_dir(&dir).map_err(|e| io_error(&dir, &e, lang))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    /// Moves the complete batch into place: the earlier output (if any) is renamed aside, the new
    /// one renamed in, then the old one removed.
    fn commit(mut self, lang: Lang) -> Result<()> {
        let mut old = self.dir.clone().into_os_string();
        old.push(".old");
        let old = PathBuf::from(old);
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old).map_err(|e| io_error(&self.target, &e, lang))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(io_error(&self.target, &e, lang));
        }
        self.committed = true;
        if had_old {
            std::fs::remove_dir_all(&old).map_err(|e| io_error(&old, &e, lang))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn render_one(
    r: &Row,
    name: &Path,
    key: &ed25519_dalek::SigningKey,
    a: &SignArgs,
    lang: Lang,
) -> std::result::Result<Done, String> {
    let uri = r
        .input()
        .sign_uri(a.producer_number, key, &a.base)
        .map_err(|e| e.message(lang))?;
    let m = crate::qr::encode(&uri, a.ec).map_err(|e| fill(T::QrError.get(lang), &[&e]))?;
    let svg_path = name.with_extension("svg");
    std::fs::write(&svg_path, m.svg(a.quiet_zone))
        .map_err(|e| io_error(&svg_path, &e, lang).to_string())?;
    if a.png {
        let png_path = name.with_extension("png");
        let png = m
            .png(a.quiet_zone, a.png_scale)
            .map_err(|e| fill(T::QrError.get(lang), &[&e]))?;
        std::fs::write(&png_path, png).map_err(|e| io_error(&png_path, &e, lang).to_string())?;
    }
    Ok(Done {
        uri,
        path: m.svg_path(a.quiet_zone),
        modules: m.total(a.quiet_zone),
    })
}

fn read_rows(path: &Path, lang: Lang) -> Result<Vec<Row>> {
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| CliError::new(fill(T::CsvError.get(lang), &[&path.display(), &e])))?;
    let mut rows = Vec::new();
    for r in rdr.deserialize::<Row>() {
        let mut row =
            r.map_err(|e| CliError::new(fill(T::CsvError.get(lang), &[&path.display(), &e])))?;
        row.product_name = row.product_name.map(crate::nfc::string);
        rows.push(row);
    }
    if rows.is_empty() {
        return Err(CliError::new(fill(
            T::CsvEmpty.get(lang),
            &[&path.display()],
        )));
    }
    Ok(rows)
}

fn write_uris(path: &Path, rows: &[Row], done: &[Done]) -> std::io::Result<()> {
    let mut w = csv::Writer::from_path(path)?;
    w.write_record(["serial", "uri"])?;
    for (r, d) in rows.iter().zip(done) {
        w.write_record([r.serial.as_str(), d.uri.as_str()])?;
    }
    w.flush()
}

/// A serial as a file-name part: CSET 82 allows `/`, `*`, `"` and others that file systems do not.
fn safe_name(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}
