# Sourced by check.sh (uses its run/ok/bad/expect helpers and $T).
# lua.wasm uses exnref exception handling, which Node 20 cannot run: it is run under
# Chicory 1.7.5 (tools/ChicoryRun.java, jars from ~/.m2) when java and the jars are there;
# the legacy-EH build from build-lua.sh (build/lua/lua-legacy-eh.wasm) runs under Node.
lua_inputs() {
  printf 'the cat and The dog and the bird\nCat cat\n' > "$T/lua.in"
  printf '%s\n' 'Hello from Lua 5.4 in the Zerostore sandbox!' 'pcall: false caught' \
    'words: 10 distinct: 5' 'cat	3' 'the	3' 'and	2' 'bird	1' 'dog	1' > "$T/lua.exp"
  mkdir -p "$T/luaimg" && tar -xf wasm/lua-hello.tar -C "$T/luaimg" && cp src/lua/selftest.lua "$T/luaimg/"
}
lua_inputs
[ "$(tar -tf wasm/lua-hello.tar | tr '\n' ' ')" = "main.lua lib/ lib/wordfreq.lua " ] \
  && ok || bad "lua-hello.tar contents"
node tools/imports.js --check wasm/lua.wasm > /dev/null && ok || bad "lua.wasm imports"

M2=${M2_REPO:-$HOME/.m2/repository}
CHICORY_CP=""
for j in "$M2"/com/dylibso/chicory/{wasm,runtime,wasi,compiler,log}/1.7.5/*-1.7.5.jar \
         "$M2"/org/ow2/asm/{asm,asm-commons,asm-util,asm-tree,asm-analysis}/9.9.1/*-9.9.1.jar; do
  [ -f "$j" ] && CHICORY_CP="$CHICORY_CP:$j"
done
if command -v java > /dev/null && [ "$(echo "$CHICORY_CP" | tr ':' '\n' | grep -c jar)" = 10 ]; then
  # One JVM per engine: compiled (wasm -> JVM bytecode at run time) and interpreter.
  for mode in --compiled --interp; do
    java -cp "$CHICORY_CP" tools/ChicoryRun.java $mode --dir=/="$T/luaimg" wasm/lua.wasm /main.lua \
      < "$T/lua.in" > "$T/lua.out" 2>&1
    expect "chicory $mode lua.wasm /main.lua" "$T/lua.exp" "$T/lua.out"
    java -cp "$CHICORY_CP" tools/ChicoryRun.java $mode --dir=/="$T/luaimg" wasm/lua.wasm /selftest.lua \
      > "$T/lua.out" 2>&1 && ok || { bad "chicory $mode lua selftest"; cat "$T/lua.out" >&2; }
  done
else
  echo "java or the Chicory 1.7.5 jars (+ ASM 9.9.1) not in $M2: lua.wasm not run" >&2
fi
if [ -f build/lua/lua-legacy-eh.wasm ]; then
  run --dir=/="$T/luaimg" build/lua/lua-legacy-eh.wasm /main.lua < "$T/lua.in" > "$T/lua.out"
  expect "node lua-legacy-eh /main.lua" "$T/lua.exp" "$T/lua.out"
  run --dir=/="$T/luaimg" build/lua/lua-legacy-eh.wasm /selftest.lua > "$T/lua.out" \
    && ok || { bad "node lua selftest"; cat "$T/lua.out" >&2; }
fi
