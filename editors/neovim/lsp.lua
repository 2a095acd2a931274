-- wetlint language server for Neovim 0.11+.
--
-- Copy this file to ~/.config/nvim/lsp/wetlint.lua (or paste the block into
-- your init.lua) and put `vim.lsp.enable('wetlint')` in init.lua. The
-- `wetlint` binary must be on your PATH (or set `cmd` to its full path).
--
-- Settings (all optional) go to the server as initializationOptions and as
-- the `wetlint` section of workspace/configuration:
--   profile = 'concept' | 'consultatie' | 'indiening' | 'batch'
--   select  = { 'LEG', 'UITV-003' }   -- only these rules
--   ignore  = { 'WAARDE-001' }        -- skip these rules
-- Project settings come from wetlint.toml (found upwards from each file).

local config = {
  cmd = { 'wetlint', 'server' },
  filetypes = { 'markdown', 'text', 'wetgeving' }, -- wetgeving: see treesitter.lua
  root_markers = { 'wetlint.toml', '.git' },
  init_options = { wetlint = { profile = 'concept' } },
  settings = { wetlint = { profile = 'concept' } },
}

if vim.lsp.config then
  vim.lsp.config('wetlint', config)
  -- vim.lsp.enable('wetlint')  -- uncomment when pasting into init.lua
else
  -- Neovim 0.10: start the server per buffer.
  vim.api.nvim_create_autocmd('FileType', {
    pattern = config.filetypes,
    callback = function(args)
      vim.lsp.start({
        name = 'wetlint',
        cmd = config.cmd,
        root_dir = vim.fs.root(args.buf, config.root_markers) or vim.fn.getcwd(),
        init_options = config.init_options,
        settings = config.settings,
      })
    end,
  })
end

-- Useful mappings (Neovim 0.11 has K, grr, gra, gO built in):
--   K    hover: the rule's documentation, a term's definition, a reference's target
--   gd   go to the begripsbepaling, the referenced lid, or the artikelsgewijze toelichting
--   grr  all uses of a defined term, in the regulation and its toelichting
--   gra  quick fixes, suppressions with a reason, model clauses, toelichting stubs
--   gO   the outline: Hoofdstuk / Afdeling / Artikel, or the headings of the toelichting
vim.keymap.set('n', 'gd', vim.lsp.buf.definition, { desc = 'wetlint: ga naar definitie' })

return config
