;;; e2e.el --- headless test of wetlint.el with Emacs + eglot -*- lexical-binding: t; -*-
;; Run (Emacs 28 + Debian elpa-eglot; Emacs 29+ needs no -l of eglot):
;;   emacs --batch -Q -l /usr/share/emacs/site-lisp/elpa/eglot-1.9/eglot-autoloads.el \
;;     --eval '(setq wetlint-program "/path/to/target/debug/wetlint")' \
;;     -l editors/emacs/wetlint.el -l editors/emacs/test/e2e.el
;; Works on a copy of fixtures/drafts/voorbeeldwet in a temporary git project.

(require 'cl-lib)
(require 'flymake)
(setq eglot-sync-connect t)
(defvar e2e-passed 0)
(defvar e2e-failed 0)
(defmacro e2e-check (name &rest body)
  `(condition-case err
       (let ((detail (progn ,@body)))
         (setq e2e-passed (1+ e2e-passed))
         (princ (format "ok %s%s\n" ,name (if (stringp detail) (concat " (" detail ")") ""))))
     (error (setq e2e-failed (1+ e2e-failed))
            (princ (format "not ok %s: %s\n" ,name (error-message-string err))))))
(defun e2e-wait (pred &optional secs)
  (let ((end (+ (float-time) (or secs 20))))
    (while (and (not (funcall pred)) (< (float-time) end))
      (accept-process-output nil 0.05))
    (funcall pred)))

(let* ((here (file-name-directory (or load-file-name buffer-file-name)))
       (fixture (expand-file-name "../../../fixtures/drafts/voorbeeldwet/" here))
       (dir (make-temp-file "wetlint-emacs-" t))
       server)
  (dolist (f '("wetsvoorstel.md" "memorie-van-toelichting.md"))
    (copy-file (expand-file-name f fixture) (expand-file-name f dir)))
  (let ((default-directory dir)) (call-process "git" nil nil nil "init" "-q"))
  (find-file (expand-file-name "wetsvoorstel.md" dir))
  (e2e-check "wetsvoorstel.md opens in wetlint-mode"
    (unless (eq major-mode 'wetlint-mode) (error "major mode %s" major-mode)))
  (e2e-check "eglot starts wetlint server with the initializationOptions"
    (run-hooks 'post-command-hook)        ; eglot-ensure connects from there
    (unless (e2e-wait (lambda () (setq server (eglot-current-server))) 20) (error "no server"))
    (let ((opts (eglot-initialization-options server)))
      (unless (equal (plist-get (plist-get opts :wetlint) :profile) wetlint-profile)
        (error "initializationOptions %S" opts))
      (format "%s" (plist-get (eglot--server-info server) :name))))
  (e2e-check "flymake shows LEG-002 and UITV-003"
    (unless (e2e-wait (lambda () (let ((ds (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
                                   (and (cl-some (lambda (d) (string-match-p "LEG-002" d)) ds)
                                        (cl-some (lambda (d) (string-match-p "UITV-003" d)) ds))))
                      30)
      (error "diagnostics: %S" (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
    (format "%d diagnostics" (length (flymake-diagnostics))))
  (goto-char (point-min))
  (search-forward "artikel 3.5 lid 1")
  (backward-char 3)
  (e2e-check "hover on the reference shows the rule page"
    (let* ((h (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
           (v (plist-get (plist-get h :contents) :value)))
      (unless (and v (string-match-p "interne-verwijzing-ongeldig" v)) (error "hover %S" h))))
  (e2e-check "the quick fix is applied"
    (let* ((beg (save-excursion (search-backward "artikel 3.5") (point)))
           (actions (jsonrpc-request server :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :range (list :start (eglot--pos-to-lsp-position beg)
                                                        :end (eglot--pos-to-lsp-position (point)))
                                           :context (list :diagnostics []))))
           (fix (cl-find-if (lambda (a) (string-match-p "Vervang door" (plist-get a :title))) actions)))
      (unless fix (error "no fix among %S" (mapcar (lambda (a) (plist-get a :title)) actions)))
      (eglot--apply-workspace-edit (plist-get fix :edit))
      (goto-char (point-min))
      (unless (search-forward "artikel 3.5, eerste lid" nil t) (error "edit not applied"))))
  (e2e-check "a settings change is sent to the server"
    (setq wetlint-profile "indiening")
    (wetlint-settings-changed)
    "didChangeConfiguration")
  (when server (eglot-shutdown server))
  (delete-directory dir t))
(princ (format "e2e-emacs: %d passed, %d failed\n" e2e-passed e2e-failed))
(kill-emacs (if (zerop e2e-failed) 0 1))
