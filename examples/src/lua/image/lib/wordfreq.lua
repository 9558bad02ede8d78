-- wordfreq: word counting for main.lua (a module, to show `require` from the tar image).
-- Words are runs of ASCII letters and digits, lowercased (as in wc-map.wasm).
local M = {}

function M.count(text)
  local counts, total = {}, 0
  for w in text:gmatch("%w+") do
    w = w:lower()
    counts[w] = (counts[w] or 0) + 1
    total = total + 1
  end
  return counts, total
end

-- The n most frequent words, by count descending then word ascending (a total order,
-- so the result does not depend on table iteration order).
function M.top(counts, n)
  local list = {}
  for w, c in pairs(counts) do list[#list + 1] = { word = w, count = c } end
  table.sort(list, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return a.word < b.word
  end)
  local out = {}
  for i = 1, math.min(n, #list) do out[i] = list[i] end
  return out
end

return M
