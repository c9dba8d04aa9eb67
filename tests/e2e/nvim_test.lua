-- End-to-end check of copydesk in a real Neovim (0.7 and later), headless.
--
-- Run by tests/e2e/nvim.sh from a copy of examples/drafts:
--   COPYDESK=/path/to/copydesk nvim --headless --clean -u NONE \
--     -c 'luafile nvim_test.lua' council-budget-problems.md
-- Prints what it sees and exits 0 when every check passes, 1 otherwise.

local function out(s) io.stdout:write(s .. "\n") end
local function fail(s)
  out("FAIL: " .. s)
  vim.cmd("cquit 1")
end

local root = vim.fn.getcwd()
local cfg = {
  name = "copydesk",
  cmd = { os.getenv("COPYDESK") or "copydesk", "lsp" },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = "drafts" } },
}

local council = vim.api.nvim_get_current_buf()
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(cfg, { bufnr = council })
else
  client_id = vim.lsp.start_client(cfg)
  vim.lsp.buf_attach_client(council, client_id)
end
if not client_id then return fail("the client did not start") end

-- Diagnostics: the orphan quote and the unclosed quote in the council story.
local function codes(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    found[#found + 1] = { code = code, lnum = d.lnum, message = d.message, source = d.source }
  end
  return found
end
local ok = vim.wait(15000, function() return #vim.diagnostic.get(council) >= 2 end, 50)
if not ok then return fail("fewer than two diagnostics within 15s: " .. vim.inspect(codes(council))) end
local seen = {}
for _, d in ipairs(codes(council)) do
  out(string.format("DIAG %d %s %s: %s", d.lnum + 1, tostring(d.source), tostring(d.code), d.message))
  seen[tostring(d.code) .. "@" .. (d.lnum + 1)] = true
end
if not seen["unattributed-quote@6"] then return fail("no unattributed-quote on line 6") end
if not seen["unclosed-quote@11"] then return fail("no unclosed-quote on line 11") end

-- Hover on a law name in another draft.
vim.cmd("edit competes-act-explainer.md")
local explainer = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(explainer, client_id)
vim.wait(5000, function() return #vim.diagnostic.get(explainer) > 0 end, 50)

local function find(bufnr, needle)
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return { line = lnum - 1, character = col } end
  end
end
local function request(bufnr, method, position, extra)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = position }
  for k, v in pairs(extra or {}) do params[k] = v end
  local replies = vim.lsp.buf_request_sync(bufnr, method, params, 5000) or {}
  for _, reply in pairs(replies) do
    if reply.result then return reply.result end
  end
end

local wolf = find(explainer, "Wolf Amendment")
if not wolf then return fail("the explainer has no Wolf Amendment") end
local hover = request(explainer, "textDocument/hover", wolf)
local card = hover and hover.contents and (hover.contents.value or hover.contents) or ""
out("HOVER " .. vim.inspect(card):sub(1, 200))
if not tostring(card):find("Pub. L. 112-10", 1, true) then
  return fail("the Wolf Amendment hover does not give its citation")
end

-- References across the workspace: the CHIPS and Science Act is named in the
-- explainer (open) and in the chip plant story (not open).
local chips = find(explainer, "CHIPS and Science Act")
local refs = request(explainer, "textDocument/references", chips, { context = { includeDeclaration = true } }) or {}
local files = {}
for _, loc in ipairs(refs) do
  files[vim.fn.fnamemodify(vim.uri_to_fname(loc.uri), ":t")] = true
end
out("REFS " .. vim.inspect(vim.tbl_keys(files)))
if not files["chip-plant-opens.md"] or not files["competes-act-explainer.md"] then
  return fail("references do not list both drafts")
end

local client = vim.lsp.get_client_by_id(client_id)
client.stop()
vim.wait(3000, function() return client.is_stopped() end, 50)
out("OK")
vim.cmd("qall!")
