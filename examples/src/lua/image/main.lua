-- main.lua: shipped in lua-hello.tar; the sandbox mounts the tar as the read-only root
-- file system and runs `lua /main.lua`. Prints a greeting, proves that Lua errors are
-- caught (pcall), then prints the word frequencies of stdin. Output is deterministic.
package.path = "/lib/?.lua;" .. package.path
local wordfreq = require("wordfreq")

print("Hello from " .. _VERSION .. " in the Zerostore sandbox!")

local ok, err = pcall(error, "caught", 0)
print("pcall: " .. tostring(ok) .. " " .. tostring(err))

local text = io.read("a") or ""
local counts, total = wordfreq.count(text)
local top = wordfreq.top(counts, 10)
print(string.format("words: %d distinct: %d", total, #wordfreq.top(counts, math.maxinteger)))
for _, e in ipairs(top) do
  print(string.format("%s\t%d", e.word, e.count))
end
