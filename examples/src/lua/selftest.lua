-- selftest.lua: checks that the wasm32-wasi Lua build behaves like stock Lua where our
-- build differs from upstream (error handling through wasm exceptions, stubbed OS calls).
-- Run by check.sh; prints "lua selftest: N passed, 0 failed" and exits 1 on a failure.
local passed, failed = 0, 0
local function check(name, cond)
  if cond then passed = passed + 1 else failed = failed + 1; print("FAIL " .. name) end
end

-- error / pcall / xpcall
local ok, e = pcall(error, "plain", 0)
check("pcall string", not ok and e == "plain")
ok, e = pcall(error, { code = 42 })
check("pcall table value", not ok and type(e) == "table" and e.code == 42)
ok, e = pcall(function() local t = nil; return t.x end)
check("runtime error", not ok and e:find("attempt to index a nil value", 1, true) ~= nil)
ok, e = pcall(function() return pcall(error, "inner") end)
check("nested pcall", ok and e == false)
ok, e = xpcall(function() error("x") end, function(m) return "handled: " .. m end)
check("xpcall handler", not ok and e:find("handled: ", 1, true) == 1)
ok, e = pcall(function() error(setmetatable({}, { __tostring = function() return "obj" end })) end)
check("error object", not ok and tostring(e) == "obj")

-- errors across coroutines
local co = coroutine.create(function(a) local b = coroutine.yield(a + 1); error("co " .. b, 0) end)
local r1, v1 = coroutine.resume(co, 1)
local r2, v2 = coroutine.resume(co, 5)
check("coroutine yield", r1 and v1 == 2)
check("coroutine error", not r2 and v2 == "co 5" and coroutine.status(co) == "dead")
ok, e = pcall(coroutine.wrap(function() error("wrapped", 0) end))
check("coroutine.wrap error", not ok and e == "wrapped")

-- stack overflow is a catchable Lua error, many times in a row
local function rec(n) return rec(n + 1) + 1 end
for i = 1, 3 do
  ok, e = pcall(rec, 1)
  check("stack overflow " .. i, not ok and e:find("stack overflow", 1, true) ~= nil)
end
local function crec(n) return string.gsub("x", "x", function() return crec(n + 1) end) end
ok, e = pcall(crec, 1)
check("C stack overflow", not ok and (e:find("stack overflow", 1, true) or e:find("C stack", 1, true)) ~= nil)

-- many errors: the setjmp tables must not leak or break
local n = 0
for i = 1, 10000 do if not pcall(error, i) then n = n + 1 end end
check("10000 errors", n == 10000)

-- syntax errors from load
local f, msg = load("return +")
check("syntax error", f == nil and msg:find("unexpected symbol", 1, true) ~= nil)

-- to-be-closed variables run on error
local closed = false
ok = pcall(function()
  local x <close> = setmetatable({}, { __close = function() closed = true end })
  error("boom")
end)
check("tbc on error", not ok and closed)

-- stubbed OS functions fail cleanly
check("os.execute()", os.execute() == false)
local okx, _, code = os.execute("ls")
check("os.execute(cmd)", okx == nil)
check("os.remove", select(1, os.remove("/main.lua")) == nil)
check("os.rename", select(1, os.rename("/a", "/b")) == nil)
check("io.tmpfile", select(1, io.tmpfile()) == nil)
check("os.tmpname", not pcall(os.tmpname))
check("io.open missing", select(1, io.open("/no/such/file")) == nil)

-- ordinary library behaviour
check("string.format", string.format("%5.2f|%d|%s", math.pi, 7 // 2, "x") == " 3.14|3|x")
check("integers", math.maxinteger + 1 == math.mininteger and 2^53 == 9007199254740992.0)
check("table.sort", table.concat((function() local t = { 3, 1, 2 }; table.sort(t); return t end)(), ",") == "1,2,3")
check("string.rep", #string.rep("ab", 100000) == 200000)
check("os.time", type(os.time()) == "number" and type(os.clock()) == "number")
check("utf8", utf8.char(228, 8364) == "ä€")

print(string.format("lua selftest: %d passed, %d failed", passed, failed))
os.exit(failed == 0 and 0 or 1)
