// Prints the imports of each wasm module given on the command line, one module a line:
//   name.wasm (SIZE bytes, memory=N pages[,max=M]): module.func module.func ...
// With --check, exits 1 if a module (other than those named with --allow-foreign=NAME)
// imports anything outside the WASI preview 1 allow-list below.
// With --readme=FILE, also rewrites the table between the lines "<!-- imports:begin -->"
// and "<!-- imports:end -->" of FILE.
// Reads the binary itself (no WebAssembly.Module), so it also handles modules that use
// features Node 20 cannot compile (lua.wasm's exnref exception handling).
'use strict';
const fs = require('fs');
const path = require('path');

const ALLOWED = new Set([
  'fd_read', 'fd_write', 'fd_pread', 'fd_pwrite', 'fd_seek', 'fd_close', 'fd_fdstat_get',
  'fd_prestat_get', 'fd_prestat_dir_name', 'path_open', 'fd_filestat_get',
  'path_filestat_get', 'fd_readdir', 'args_get', 'args_sizes_get', 'environ_get',
  'environ_sizes_get', 'clock_time_get', 'random_get', 'proc_exit',
].map((n) => 'wasi_snapshot_preview1.' + n));

const KINDS = ['func', 'table', 'memory', 'global', 'tag'];

// Returns { imports: ["mod.name" (non-function kinds get a " (kind)" suffix)], memory }.
function inspect(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  let pos = 8;
  const leb = () => {
    let result = 0, shift = 0, b;
    do { b = bytes[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return result;
  };
  const name = () => { const n = leb(); const s = bytes.toString('utf8', pos, pos + n); pos += n; return s; };
  const limits = () => { const flags = leb(); const min = leb(); const max = (flags & 1) ? leb() : undefined; return { min, max }; };
  const describe = (l) => `memory=${l.min} pages` + (l.max !== undefined ? `,max=${l.max}` : '');
  const imports = [];
  let memory = 'memory=none';
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        const mod = name(), field = name(), kind = bytes[pos++];
        if (kind === 0) leb();
        else if (kind === 1) { pos++; limits(); }
        else if (kind === 2) memory = 'imported ' + describe(limits());
        else if (kind === 3) pos += 2;
        else if (kind === 4) { pos++; leb(); }
        imports.push(`${mod}.${field}` + (kind === 0 ? '' : ` (${KINDS[kind]})`));
      }
    } else if (id === 5 && leb() > 0) {
      memory = describe(limits());
    }
    pos = end;
  }
  return { imports: imports.sort(), memory };
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const foreignOk = new Set(args.filter((a) => a.startsWith('--allow-foreign='))
  .map((a) => a.slice('--allow-foreign='.length)));
const readme = (args.find((a) => a.startsWith('--readme=')) || '').slice('--readme='.length);
const rows = ['| module | bytes | declared memory | imports (`wasi_snapshot_preview1.` omitted) |',
  '|---|---|---|---|'];
let bad = 0;
for (const file of args.filter((a) => !a.startsWith('--'))) {
  const bytes = fs.readFileSync(file);
  const { imports, memory } = inspect(bytes);
  const name = path.basename(file);
  console.log(`${name} (${bytes.length} bytes, ${memory}): ${imports.join(' ')}`);
  rows.push(`| \`${name}\` | ${bytes.length} | ${memory.replace('memory=', '')} | ` +
    imports.map((i) => i.replace('wasi_snapshot_preview1.', '')).join(' ') + ' |');
  const outside = imports.filter((i) => !ALLOWED.has(i));
  if (check && outside.length && !foreignOk.has(name)) {
    console.error(`imports.js: ${name} imports outside the allow-list: ${outside.join(' ')}`);
    bad = 1;
  }
}
if (readme) {
  const text = fs.readFileSync(readme, 'utf8');
  const re = /(<!-- imports:begin -->\n)[\s\S]*?(<!-- imports:end -->)/;
  if (!re.test(text)) throw new Error(`${readme}: no imports:begin/end markers`);
  fs.writeFileSync(readme, text.replace(re, (m, a, b) => a + rows.join('\n') + '\n' + b));
}
process.exit(bad);
