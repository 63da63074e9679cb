//! `txng keygen`: a new Ed25519 key from the OS random source. The private key is created with
//! mode 0600 and never overwrites a file (a lost key means reprinting every label it signed; an
//! overwritten one is the same loss). The public key is printed and written to `FILE.pub`.

use crate::cli::KeygenArgs;
use crate::error::{CliError, Result};
use crate::keys;
use crate::text::{fill, T};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use txng_core::{b64, Lang};

/// Runs `txng keygen`.
pub fn run(a: &KeygenArgs, lang: Lang) -> Result<ExitCode> {
    let pub_path = pub_path(&a.out);
    for p in [&a.out, &pub_path] {
        if p.exists() {
            return Err(CliError::new(fill(
                T::WontOverwrite.get(lang),
                &[&p.display()],
            )));
        }
    }
    let valid_from = match &a.now {
        Some(s) => {
            crate::clock::now(Some(s), lang)?;
            s.clone()
        }
        None => txng_core::time::format_rfc3339_utc(crate::clock::system_now()),
    };
    let key = keys::generate(lang)?;
    let public = b64::encode(key.verifying_key().as_bytes());
    write_pair(&a.out, &pub_path, &keys::to_pem(&key), &public, lang)?;

    println!("{}", fill(T::KeyWritten.get(lang), &[&a.out.display()]));
    println!("{}", fill(T::PubWritten.get(lang), &[&pub_path.display()]));
    println!("{}: {public}", T::PublicKey.get(lang));
    if let (Some(id), Some(n)) = (&a.producer, a.number) {
        println!();
        println!("{}", fill(T::RegistryEntryHint.get(lang), &[id]));
        println!("[[producers.keys]]");
        println!("number = {n}");
        println!("public_key = \"{public}\"");
        println!("valid_from = \"{valid_from}\"");
    }
    Ok(ExitCode::SUCCESS)
}

/// `key.pem` → `key.pem.pub`.
pub fn pub_path(p: &Path) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(".pub");
    PathBuf::from(s)
}

/// Writes the private key (0600) and then its public key (0644); if the public key cannot be
/// written, the new private key is removed again: no orphan key whose public half nobody has.
fn write_pair(key_path: &Path, pub_path: &Path, pem: &str, public: &str, lang: Lang) -> Result<()> {
    write_new(key_path, pem.as_bytes(), 0o600, lang)?;
    if let Err(e) = write_new(pub_path, format!("{public}\n").as_bytes(), 0o644, lang) {
        let removed = std::fs::remove_file(key_path);
        return Err(match removed {
            Ok(()) => CliError::new(fill(
                T::PubWriteFailed.get(lang),
                &[&key_path.display(), &e],
            )),
            Err(_) => e,
        });
    }
    Ok(())
}

/// Creates a file that must not exist yet, with the given Unix mode.
fn write_new(path: &Path, bytes: &[u8], mode: u32, lang: Lang) -> Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut f = opts.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            CliError::new(fill(T::WontOverwrite.get(lang), &[&path.display()]))
        } else {
            keys::io_error(path, &e, lang)
        }
    })?;
    f.write_all(bytes).and_then(|()| f.sync_all()).map_err(|e| {
        // This run created the file: a half-written one is removed.
        let _ = std::fs::remove_file(path);
        keys::io_error(path, &e, lang)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_orphan_private_key_when_the_public_key_cannot_be_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let key_path = dir.path().join("k.pem");
        let pub_path = dir.path().join("missing-dir").join("k.pem.pub");
        let key = ed25519_dalek::SigningKey::from_bytes(&[3; 32]);
        let err = write_pair(&key_path, &pub_path, &keys::to_pem(&key), "pub", Lang::En)
            .expect_err("public key cannot be written");
        assert!(err.to_string().contains("no orphan key"), "{err}");
        assert!(!key_path.exists(), "private key removed again");
        write_pair(
            &key_path,
            &dir.path().join("k.pem.pub"),
            &keys::to_pem(&key),
            "pub",
            Lang::En,
        )
        .expect("both written");
        assert!(key_path.exists());
    }
}
