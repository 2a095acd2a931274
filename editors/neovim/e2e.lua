-- End-to-end test: Neovim (headless) drives the real `wetlint server`.
-- Run by scripts/e2e-neovim.sh:
--   nvim --headless --clean <dir>/wetsvoorstel.md -c 'luafile editors/neovim/e2e.lua'
-- Environment: WETLINT_BIN (the binary), E2E_RESULT (file for the results).
-- Every wait is a vim.wait on a condition, never a fixed sleep.

local results = {}
local function record(name, ok, detail)
  table.insert(results, (ok and 'ok ' or 'not ok ') .. name .. (detail and (': ' .. detail) or ''))
end
local function finish()
  local f = assert(io.open(os.getenv('E2E_RESULT'), 'w'))
  f:write(table.concat(results, '\n') .. '\n')
  f:close()
  vim.cmd('qa!')
end
local function check(name, fn)
  local ok, err = pcall(fn)
  record(name, ok, not ok and tostring(err) or nil)
  return ok
end

local buf = vim.api.nvim_get_current_buf()
local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
local function line_of(needle)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local c = l:find(needle, 1, true)
    if c then return i - 1, c - 1 end
  end
  error('not found: ' .. needle)
end

local client_id
local started = check('server starts', function()
  client_id = vim.lsp.start({
    name = 'wetlint',
    cmd = { os.getenv('WETLINT_BIN') or 'wetlint', 'server' },
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':h'),
  })
  assert(client_id, 'vim.lsp.start returned nil')
  assert(vim.wait(10000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c and c.initialized
  end, 20), 'client not initialized')
end)
if not started then return finish() end

local function diags() return vim.diagnostic.get(buf) end
local function has_code(code, lnum)
  for _, d in ipairs(diags()) do
    if d.code == code and (lnum == nil or d.lnum == lnum) then return d end
  end
end

local style_line = line_of('artikel 3.5 lid 1')
check('diagnostics arrive with the expected codes', function()
  assert(vim.wait(20000, function() return has_code('LEG-002', style_line) ~= nil end, 20), 'no LEG-002 on line ' .. style_line)
  assert(has_code('UITV-003'), 'no UITV-003')
  local d = has_code('LEG-002', style_line)
  assert(d.source == 'wetlint', 'source ' .. tostring(d.source))
  local lsp = d.user_data and d.user_data.lsp
  assert(lsp and lsp.codeDescription and lsp.codeDescription.href:match('^https://wetlint.nl/regels/'), 'no codeDescription')
end)

local function request(method, params)
  local res = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, r in pairs(res) do
    if r.err then error(method .. ': ' .. vim.inspect(r.err)) end
    return r.result
  end
end

check('hover on a diagnostic shows the rule page', function()
  local d = has_code('LEG-002', style_line)
  local h = request('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = d.lnum, character = d.col + 2 },
  })
  local v = h and h.contents and h.contents.value or ''
  assert(v:find('LEG-002', 1, true), 'hover: ' .. v:sub(1, 200))
  assert(v:find('interne-verwijzing-ongeldig', 1, true), 'no rule page')
end)

check('go to definition jumps to the begripsbepaling', function()
  local l, c = line_of('De aanvrager en de rechthebbende')
  local def_line = line_of('f. rechthebbende:')
  vim.api.nvim_win_set_cursor(0, { l + 1, c + 20 })
  local result = request('textDocument/definition', vim.lsp.util.make_position_params(0, 'utf-16'))
  assert(result, 'no definition')
  local loc = result.uri and result or result[1]
  vim.lsp.util.show_document(loc, 'utf-16', { focus = true })
  local cur = vim.api.nvim_win_get_cursor(0)
  assert(cur[1] - 1 == def_line, ('cursor on line %d, want %d'):format(cur[1] - 1, def_line))
end)

check('quick fix is applied and the diagnostic goes away', function()
  local d = has_code('LEG-002', style_line)
  local actions = request('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = { d.user_data.lsp } },
  }) or {}
  local fix
  for _, a in ipairs(actions) do
    if a.title:find('Vervang door', 1, true) then fix = a end
  end
  assert(fix, 'no fix among ' .. #actions .. ' actions')
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  local line = vim.api.nvim_buf_get_lines(buf, style_line, style_line + 1, false)[1]
  assert(line:find('artikel 3.5, eerste lid', 1, true), 'edit not applied: ' .. line)
  assert(vim.wait(20000, function() return has_code('LEG-002', style_line) == nil end, 20), 'LEG-002 still there')
  assert(has_code('UITV-003'), 'other diagnostics disappeared too')
end)

check('document symbols give the outline', function()
  local syms = request('textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } }) or {}
  assert(#syms == 6 and syms[1].name == 'Hoofdstuk 1', 'outline: ' .. vim.inspect(vim.tbl_map(function(s) return s.name end, syms)))
end)

check('server shuts down cleanly', function()
  local c = vim.lsp.get_client_by_id(client_id)
  c:stop()
  assert(vim.wait(5000, function() return c:is_stopped() end, 20), 'server did not stop')
end)

finish()
