// Prints the imports of each wasm module given on the command line, one module a line:
//   name.wasm: module.func module.func ...
// With --check, exits 1 if a module (other than those named with --allow-foreign=NAME)
// imports anything outside the WASI preview 1 allow-list below.
'use strict';
const fs = require('fs');
const path = require('path');

const ALLOWED = new Set([
  'fd_read', 'fd_write', 'fd_pread', 'fd_pwrite', 'fd_seek', 'fd_close', 'fd_fdstat_get',
  'fd_prestat_get', 'fd_prestat_dir_name', 'path_open', 'fd_filestat_get',
  'path_filestat_get', 'fd_readdir', 'args_get', 'args_sizes_get', 'environ_get',
  'environ_sizes_get', 'clock_time_get', 'random_get', 'proc_exit',
].map((n) => 'wasi_snapshot_preview1.' + n));

const args = process.argv.slice(2);
const check = args.includes('--check');
const foreignOk = new Set(args.filter((a) => a.startsWith('--allow-foreign='))
  .map((a) => a.slice('--allow-foreign='.length)));
let bad = 0;
for (const file of args.filter((a) => !a.startsWith('--'))) {
  const mod = new WebAssembly.Module(fs.readFileSync(file));
  const imports = WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}`).sort();
  const name = path.basename(file);
  console.log(`${name}: ${imports.join(' ')}`);
  const outside = imports.filter((i) => !ALLOWED.has(i));
  if (check && outside.length && !foreignOk.has(name)) {
    console.error(`imports.js: ${name} imports outside the allow-list: ${outside.join(' ')}`);
    bad = 1;
  }
}
process.exit(bad);
