// Prints the imports of each wasm module given on the command line, one module a line:
//   name.wasm (SIZE bytes, memory=N pages[,max=M]): module.func module.func ...
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
// Declared linear memory of a module: "memory=N pages" plus ",max=M" when it has one.
function memoryOf(bytes) {
  let pos = 8;
  const leb = () => {
    let result = 0, shift = 0, b;
    do { b = bytes[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return result;
  };
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    if (id === 5 && leb() > 0) {
      const flags = leb();
      const min = leb();
      return `memory=${min} pages` + ((flags & 1) ? `,max=${leb()}` : '');
    }
    pos = end;
  }
  return 'memory=imported-or-none';
}

let bad = 0;
for (const file of args.filter((a) => !a.startsWith('--'))) {
  const bytes = fs.readFileSync(file);
  const mod = new WebAssembly.Module(bytes);
  const imports = WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}`).sort();
  const name = path.basename(file);
  console.log(`${name} (${bytes.length} bytes, ${memoryOf(bytes)}): ${imports.join(' ')}`);
  const outside = imports.filter((i) => !ALLOWED.has(i));
  if (check && outside.length && !foreignOk.has(name)) {
    console.error(`imports.js: ${name} imports outside the allow-list: ${outside.join(' ')}`);
    bad = 1;
  }
}
process.exit(bad);
