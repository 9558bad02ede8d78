// Runs a wasm32-wasi module under Node's WASI (for smoke tests only; the product runs
// programs in sandbox-core). Usage:
//   node tools/run-wasi.js [--dir=GUEST=HOST ...] [--env=K=V ...] prog.wasm [args...]
// stdin/stdout/stderr are the process's. Exit code = the program's.
'use strict';
const fs = require('fs');
const { WASI } = require('wasi');

const preopens = {};
const env = {};
let i = 2;
for (; i < process.argv.length && process.argv[i].startsWith('--'); i++) {
  const a = process.argv[i];
  if (a.startsWith('--dir=')) {
    const [guest, host] = a.slice(6).split('=');
    preopens[guest] = host;
  } else if (a.startsWith('--env=')) {
    const kv = a.slice(6);
    env[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
  }
}
const file = process.argv[i];
const wasi = new WASI({ version: 'preview1', args: [file.replace(/.*\//, '').replace(/\.wasm$/, ''),
  ...process.argv.slice(i + 1)], env, preopens, returnOnExit: true });
const mod = new WebAssembly.Module(fs.readFileSync(file));
const imports = { wasi_snapshot_preview1: wasi.wasiImport };
// Foreign imports (only forbidden.wasm has them) get a stub that reports the call.
for (const imp of WebAssembly.Module.imports(mod)) {
  if (imp.module !== 'wasi_snapshot_preview1') {
    imports[imp.module] = imports[imp.module] || {};
    imports[imp.module][imp.name] = () => { throw new Error(`foreign import ${imp.module}.${imp.name} called`); };
  }
}
const instance = new WebAssembly.Instance(mod, imports);
process.exitCode = wasi.start(instance);
