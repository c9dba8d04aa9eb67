;;; eglot_test.el --- copydesk end to end in Emacs with Eglot, batch mode  -*- lexical-binding: t -*-
;; Run by tests/e2e/emacs.sh from a copy of examples/drafts:
;;   COPYDESK=/path/to/copydesk emacs --batch -Q -l eglot_test.el
;; Prints what it sees; exits 0 when every check passes, 1 otherwise.
(require 'eglot)
(require 'flymake)
(require 'seq)

;; A stand-in for markdown-mode, which is not part of Emacs.
(define-derived-mode markdown-mode text-mode "Markdown")
(add-to-list 'auto-mode-alist '("\\.md\\'" . markdown-mode))
(setq eglot-server-programs
      `((markdown-mode . (,(or (getenv "COPYDESK") "copydesk") "lsp"))))
(setq eglot-sync-connect 10 eglot-connect-timeout 20 eglot-autoshutdown nil)

(defun e2e-fail (msg &rest args)
  (princ (concat "FAIL: " (apply #'format msg args) "\n"))
  (kill-emacs 1))

(defun e2e-wait (pred secs)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun e2e-open (file)
  "Visit FILE with Eglot managing it, and return its buffer."
  (let ((buf (find-file-noselect (expand-file-name file))))
    (with-current-buffer buf
      (markdown-mode)
      (eglot-ensure)
      (run-hooks 'post-command-hook)
      (unless (e2e-wait (lambda () (eglot-current-server)) 15)
        (e2e-fail "no server for %s" file)))
    buf))

(defun e2e-position-of (needle)
  (goto-char (point-min))
  (unless (search-forward needle nil t) (e2e-fail "%s not found" needle))
  (goto-char (match-beginning 0))
  (forward-char 1)
  (eglot--TextDocumentPositionParams))

;; Diagnostics: the orphan quote and the unclosed quote of the council story.
(with-current-buffer (e2e-open "council-budget-problems.md")
  (flymake-start)
  (unless (e2e-wait (lambda () (>= (length (flymake-diagnostics)) 2)) 15)
    (e2e-fail "fewer than two diagnostics: %S" (flymake-diagnostics)))
  (let (seen)
    (dolist (d (flymake-diagnostics))
      (let ((line (line-number-at-pos (flymake-diagnostic-beg d)))
            (text (flymake-diagnostic-text d)))
        (princ (format "DIAG %d %s %s\n" line (flymake-diagnostic-type d) text))
        (push (cons line text) seen)))
    (unless (seq-find (lambda (s) (and (= (car s) 6) (string-match-p "unattributed-quote" (cdr s)))) seen)
      (e2e-fail "no unattributed-quote on line 6"))
    (unless (seq-find (lambda (s) (and (= (car s) 11) (string-match-p "unclosed-quote" (cdr s)))) seen)
      (e2e-fail "no unclosed-quote on line 11"))))

;; Hover on a law, and references across the workspace.
(with-current-buffer (e2e-open "competes-act-explainer.md")
  (let* ((server (eglot-current-server))
         (hover (jsonrpc-request server :textDocument/hover (e2e-position-of "Wolf Amendment")))
         (card (plist-get (plist-get hover :contents) :value)))
    (princ (format "HOVER %s\n" (substring card 0 (min 120 (length card)))))
    (unless (string-match-p "Pub\\. L\\. 112-10" card)
      (e2e-fail "the Wolf Amendment hover does not give its citation: %S" card))
    (let* ((params (append (e2e-position-of "CHIPS and Science Act")
                           '(:context (:includeDeclaration t))))
           (refs (jsonrpc-request server :textDocument/references params))
           (files (delete-dups
                   (mapcar (lambda (loc)
                             (file-name-nondirectory (eglot-uri-to-path (plist-get loc :uri))))
                           refs))))
      (princ (format "REFS %S\n" files))
      (unless (and (member "chip-plant-opens.md" files)
                   (member "competes-act-explainer.md" files))
        (e2e-fail "references do not list both drafts: %S" files)))
    (eglot-shutdown server)))

(princ "OK\n")
(kill-emacs 0)
