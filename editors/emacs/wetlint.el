;;; wetlint.el --- wetlint language server for Dutch draft legislation via eglot -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, text

;;; Commentary:

;; Starts `wetlint server' (stdio LSP) through eglot for draft legislation
;; and toelichtingen written as Markdown or plain text.
;;
;; Setup (Emacs 29+ has eglot built in; on Emacs 28 install eglot, e.g. the
;; Debian package elpa-eglot):
;;
;;   (add-to-list 'load-path "/path/to/wetlint/editors/emacs")
;;   (require 'wetlint)
;;   (setq wetlint-profile "consultatie")      ; optional
;;
;; Files named wetsvoorstel*.md, memorie-van-toelichting*.md,
;; nota-van-toelichting*.md, *.wet.md, *.wet.txt and *.mvt.md open in
;; `wetlint-mode' and start the server.  For other Markdown or text files:
;; M-x wetlint-mode.  To keep markdown-mode for drafts instead, add
;; `wetlint-eglot-ensure' to `markdown-mode-hook' (it only starts wetlint in
;; buffers whose file name looks like a draft).
;;
;; eglot then gives: diagnostics (flymake), hover (M-x eldoc: the rule page,
;; the begripsbepaling of a term), quick fixes and suppressions with a reason
;; (M-x eglot-code-actions), go to definition (M-.), references (M-?),
;; outline (M-x imenu).

;;; Code:

(require 'eglot)

(defgroup wetlint nil
  "Controle van conceptregelgeving met wetlint."
  :group 'tools
  :prefix "wetlint-")

(defcustom wetlint-program "wetlint"
  "Het programma wetlint (volledig pad of een naam in `exec-path')."
  :type 'string)

(defcustom wetlint-profile "concept"
  "De fase van het ontwerp: bepaalt hoe zwaar bevindingen wegen."
  :type '(choice (const "concept") (const "consultatie") (const "indiening") (const "batch")))

(defcustom wetlint-select nil
  "Alleen deze regels controleren (codes, voorvoegsels, namen); nil: alle."
  :type '(repeat string))

(defcustom wetlint-ignore nil
  "Deze regels overslaan, bijvoorbeeld (\"WAARDE-001\")."
  :type '(repeat string))

(defconst wetlint-draft-file-regexp
  (concat "\\(?:/\\(?:wetsvoorstel\\|memorie-van-toelichting\\|nota-van-toelichting\\)[^/]*\\.\\(?:md\\|txt\\)"
          "\\|\\.\\(?:wet\\.md\\|wet\\.txt\\|mvt\\.md\\)\\)\\'")
  "File names that `wetlint-mode' is used for.")

(defun wetlint--settings ()
  "The settings as the server reads them (ClientSettings::from_json)."
  (list :profile wetlint-profile
        :select (vconcat wetlint-select)
        :ignore (vconcat wetlint-ignore)))

(defun wetlint--initialization-options (_server)
  "initializationOptions for `wetlint server'."
  (list :wetlint (wetlint--settings)))

(defconst wetlint-font-lock-keywords
  `(("^\\(<!--\\s-*wetlint-\\(?:disable-next-line\\|disable-file\\|disable\\|enable\\)\\)\\([^:>]*\\)"
     (1 font-lock-preprocessor-face) (2 font-lock-constant-face))
    ("^\\(?:#+[ \t]+\\)?\\(Hoofdstuk\\|Afdeling\\|Paragraaf\\|Titel\\|§\\)[ \t]*\\([0-9IVXLC][0-9a-z.]*\\)\\(.*\\)$"
     (1 font-lock-keyword-face) (2 font-lock-constant-face) (3 font-lock-function-name-face))
    ("^\\(?:#+[ \t]+\\)?\\(Artikel\\(?:en\\)?\\)[ \t]+\\([0-9IVXLC][0-9a-z.:]*\\)\\(.*\\)$"
     (1 font-lock-keyword-face) (2 font-lock-constant-face) (3 font-lock-function-name-face))
    ("^#+[ \t]+.*$" . font-lock-function-name-face)
    ("^[ \t]*\\([0-9]+[a-z]?\\)\\.[ \t]" 1 font-lock-constant-face)
    ("^[ \t]*\\([a-z]\\{1,2\\}\\|[0-9]+°\\)\\.?[ \t]" 1 font-lock-builtin-face)
    ("^[ \t]*\\([A-Z]\\{1,2\\}[0-9]\\{0,2\\}\\)[ \t]*$" 1 font-lock-type-face)
    ("\\<[Aa]rtikel\\(?:en\\)?[ \t]+[0-9IVXLC][0-9a-z.:]*\\(?:,[ \t]+[a-z]+\\(?:de\\|ste\\)[ \t]+lid\\)?" . font-lock-variable-name-face)
    ("\\<lid[ \t]+[0-9]+\\>" . font-lock-warning-face))
  "Highlighting for `wetlint-mode'; the server's diagnostics do the checking.")

;;;###autoload
(define-derived-mode wetlint-mode text-mode "Wetgeving"
  "Major mode for Dutch draft legislation and toelichtingen, checked by wetlint."
  (setq-local font-lock-defaults '(wetlint-font-lock-keywords))
  (setq-local comment-start "<!-- ")
  (setq-local comment-end " -->")
  (setq-local outline-regexp "#+[ \t]\\|\\(?:Hoofdstuk\\|Afdeling\\|Artikel\\) ")
  (visual-line-mode 1))

;;;###autoload
(add-to-list 'auto-mode-alist (cons wetlint-draft-file-regexp 'wetlint-mode))

(defun wetlint--contact (&optional _interactive)
  "How eglot starts the server; reads `wetlint-program' at start time."
  (list wetlint-program "server" :initializationOptions #'wetlint--initialization-options))

;; The server for wetlint-mode; markdown-mode and text-mode buffers get it
;; only through `wetlint-eglot-ensure' (or M-x eglot).
(add-to-list 'eglot-server-programs '(wetlint-mode . wetlint--contact))

;;;###autoload
(defun wetlint-eglot-ensure ()
  "Start wetlint in this buffer if it is in `wetlint-mode' or its file looks like a draft."
  (when (or (derived-mode-p 'wetlint-mode)
            (and buffer-file-name (string-match-p wetlint-draft-file-regexp buffer-file-name)))
    (unless (derived-mode-p 'wetlint-mode)
      ;; Let eglot start wetlint for this major mode too.
      (add-to-list 'eglot-server-programs (cons major-mode #'wetlint--contact)))
    (eglot-ensure)))

(add-hook 'wetlint-mode-hook #'wetlint-eglot-ensure)

(defun wetlint-settings-changed ()
  "Send the current `wetlint-profile', `wetlint-select' and `wetlint-ignore' to the server."
  (interactive)
  (let ((server (eglot-current-server)))
    (unless server (user-error "Geen wetlint-server actief in deze buffer"))
    (jsonrpc-notify server :workspace/didChangeConfiguration
                    (list :settings (list :wetlint (wetlint--settings))))))

(provide 'wetlint)
;;; wetlint.el ends here
