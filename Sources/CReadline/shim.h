#ifndef LP_SHELL_CREADLINE_SHIM_H
#define LP_SHELL_CREADLINE_SHIM_H

// GNU readline is the one system library lp-shell links.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#if __has_include(<readline/readline.h>)
#include <readline/readline.h>
#include <readline/history.h>
#else
#error "lp-shell needs GNU readline's headers: install them with `apt-get install -y libreadline-dev` (Debian/Ubuntu)"
#endif

// Swift 6 rejects direct access to readline's mutable globals, so every global
// the shell touches gets a prefixed accessor here (like swift-nio's CNIOLinux_*).

static inline int creadline_history_length(void) { return history_length; }
static inline void creadline_set_history_max(int n) { stifle_history(n); }
// readline keeps the pointers it is given, but a Swift String passed as `const char *` is only valid during the
// call: these setters keep their own copy (set once per process, so the copy is never freed).
static inline void creadline_set_name(const char *name) { rl_readline_name = strdup(name); }
static inline const char *creadline_line_buffer(void) { return rl_line_buffer; }
static inline int creadline_point(void) { return rl_point; }
static inline void creadline_set_attempted_completion(rl_completion_func_t *f) {
    rl_attempted_completion_function = f;
}
static inline void creadline_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline void creadline_set_attempted_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void creadline_set_completer_word_break_characters(const char *s) {
    rl_completer_word_break_characters = strdup(s);
}
static inline void creadline_set_catch_signals(int v) { rl_catch_signals = v; }
static inline void creadline_set_catch_sigwinch(int v) { rl_catch_sigwinch = v; }
static inline void creadline_set_event_hook(rl_hook_func_t *f) { rl_event_hook = f; }
static inline void creadline_set_signal_event_hook(rl_hook_func_t *f) { rl_signal_event_hook = f; }
static inline void creadline_set_pre_input_hook(rl_hook_func_t *f) { rl_pre_input_hook = f; }
static inline void creadline_set_done(int v) { rl_done = v; }
static inline void creadline_set_getc_function(rl_getc_func_t *f) { rl_getc_function = f; }
static inline void creadline_set_instream(FILE *f) { rl_instream = f; }
static inline void creadline_set_outstream(FILE *f) { rl_outstream = f; }
static inline void creadline_set_filename_completion_desired(int v) { rl_filename_completion_desired = v; }
static inline void creadline_set_completion_suppress_append(int v) { rl_completion_suppress_append = v; }
static inline int creadline_history_base(void) { return history_base; }

// Ctrl-Z in a builtin's prompt (wscat's socket mode): SIGTSTP runs `handler` (which must be async-signal-safe)
// instead of stopping the process, and does not restart the interrupted poll; restored to the default after.
static inline void creadline_catch_sigtstp(void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTSTP, &action, NULL);
}
static inline void creadline_default_sigtstp(void) { signal(SIGTSTP, SIG_DFL); }

#endif
