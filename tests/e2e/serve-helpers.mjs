// Starts a test's own `txng serve` (embedding and offline tests need their own flags or a modified
// copy of dist/). Not a test file itself.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { repo, DEMO } from './helpers.mjs';

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

/** A copy of dist/ in a temporary directory (removed by `stop`). */
export function copyDist() {
  assert.ok(fs.existsSync(path.join(repo, 'dist/index.html')), 'no dist/: run scripts/build-web.sh');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-dist-'));
  const web = path.join(tmp, 'web');
  fs.cpSync(path.join(repo, 'dist'), web, { recursive: true });
  return { tmp, web };
}

/** Rewrites the #txng-config block of `web`/index.html with `edit(cfg)`. */
export function editConfig(web, edit) {
  const p = path.join(web, 'index.html');
  const re = /(<script id="txng-config" type="application\/json">)(.*?)(<\/script>)/s;
  const html = fs.readFileSync(p, 'utf8');
  assert.ok(re.test(html), 'index.html has a txng-config block');
  fs.writeFileSync(p, html.replace(re, (_, a, cfg, c) => a + JSON.stringify(edit(JSON.parse(cfg))) + c));
}

/** Starts `txng serve --dir web --data DEMO` with extra arguments; returns {base, stop}. */
export async function startServe(web, extra = [], tmp = null, fixedPort = null) {
  const bin = process.env.TXNG_BIN || path.join(repo, 'target/debug/txng');
  assert.ok(fs.existsSync(bin), `no txng binary at ${bin} (cargo build -p txng-cli, or set TXNG_BIN)`);
  const port = fixedPort ?? await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ['serve', '--dir', web, '--data', DEMO, '--addr', `127.0.0.1:${port}`, ...extra],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const stop = async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill();
    await exited;
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(base + '/')).ok) return { base, port, stop }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`txng serve did not start: ${err}`);
}
