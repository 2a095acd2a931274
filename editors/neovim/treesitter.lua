-- Tree-sitter highlighting and folding for wetlint drafts in Neovim 0.11+.
--
-- 1. Compile the parser from crates/tree-sitter-wetgeving (plain C, no
--    tree-sitter CLI or Node needed):
--      mkdir -p ~/.local/share/nvim/site/parser
--      cc -shared -fPIC -O2 -std=c11 -I crates/tree-sitter-wetgeving/src \
--         crates/tree-sitter-wetgeving/src/parser.c \
--         -o ~/.local/share/nvim/site/parser/wetgeving.so
--    (macOS: same command, the file may keep the .so name.)
-- 2. Copy editors/neovim/queries/wetgeving/ to
--    ~/.config/nvim/queries/wetgeving/ (or put editors/neovim on the
--    runtimepath: `vim.opt.rtp:append('/path/to/wetlint/editors/neovim')`).
-- 3. In init.lua: `dofile('/path/to/wetlint/editors/neovim/treesitter.lua').setup()`
--    (or copy it to ~/.config/nvim/lua/wetlint_ts.lua and `require('wetlint_ts').setup()`).
--
-- Draft files get the filetype `wetgeving`; lsp.lua attaches the language
-- server to it as well as to markdown and text.

local M = {}

--- Registers the parser and the filetype. `opts.parser` is the path of the
--- compiled parser; default: `parser/wetgeving.so` on the runtimepath.
function M.setup(opts)
  opts = opts or {}
  local path = opts.parser
  if not path then
    local found = vim.api.nvim_get_runtime_file('parser/wetgeving.so', false)
    path = found[1]
  end
  if path then
    vim.treesitter.language.add('wetgeving', { path = path })
  end
  -- The filetype is called after the language, so no register() is needed;
  -- it is kept for setups that rename the filetype.
  vim.treesitter.language.register('wetgeving', { 'wetgeving' })

  vim.filetype.add({
    extension = { ['wet.md'] = 'wetgeving', ['wet.txt'] = 'wetgeving', ['mvt.md'] = 'wetgeving' },
    pattern = {
      ['.*/wetsvoorstel[^/]*%.md'] = 'wetgeving',
      ['.*/wetsvoorstel[^/]*%.txt'] = 'wetgeving',
      ['.*/memorie%-van%-toelichting[^/]*%.md'] = 'wetgeving',
      ['.*/nota%-van%-toelichting[^/]*%.md'] = 'wetgeving',
    },
  })

  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'wetgeving',
    callback = function(args)
      if not pcall(vim.treesitter.start, args.buf, 'wetgeving') then
        return -- parser not compiled yet: plain text, the language server still works
      end
      vim.wo[0][0].foldmethod = 'expr'
      vim.wo[0][0].foldexpr = 'v:lua.vim.treesitter.foldexpr()'
      vim.wo[0][0].foldlevel = 99
      vim.bo[args.buf].commentstring = '<!-- %s -->'
      vim.wo[0][0].wrap = true
      vim.wo[0][0].linebreak = true
    end,
  })
end

return M
