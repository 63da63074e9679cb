//! Helpers shared by the CLI's integration tests.
#![allow(dead_code)] // each test binary uses a part of it

use std::path::{Path, PathBuf};

/// The fixtures directory.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Where [`private_key`] puts its copies.
pub fn keys_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fixture-keys-{}", std::process::id()))
}

/// An owner-only (0600) copy of a fixture key, made once per test process: `txng` refuses a
/// private key file the group or others can read, and a checkout's files are 0644.
pub fn private_key(name: &str) -> PathBuf {
    let dir = keys_dir();
    let dest = dir.join(name);
    if !dest.exists() {
        std::fs::create_dir_all(&dir).expect("keys dir");
        let tmp = dir.join(format!("{name}.{:?}", std::thread::current().id()));
        std::fs::copy(fixtures().join(name), &tmp).expect("copy key");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        }
        std::fs::rename(&tmp, &dest).expect("key in place");
    }
    dest
}

/// `txng registry sign` of the fixture producer list into `registry.jws` in the working directory
/// (authority fixture key, kid `qt-2026`, a fixed time): the registry most CLI tests start from.
pub fn fixture_registry_args() -> Vec<String> {
    [
        "registry",
        "sign",
        "--producers",
        &fixtures().join("producers.toml").display().to_string(),
        "--key",
        &private_key("authority.pem").display().to_string(),
        "--kid",
        "qt-2026",
        "--out",
        "registry.jws",
        "--now",
        "2026-03-01T00:00:00+07:00",
    ]
    .map(str::to_string)
    .to_vec()
}
