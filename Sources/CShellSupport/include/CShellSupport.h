#ifndef LP_SHELL_CSHELLSUPPORT_H
#define LP_SHELL_CSHELLSUPPORT_H

#include <spawn.h>

/// pipe2(fds, O_CLOEXEC); returns 0 or -1 with errno set.
int cshell_pipe_cloexec(int fds[2]);

/// posix_spawn_file_actions_addchdir_np (glibc 2.29+).
int cshell_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path);

/// Installs a SIGINT handler that sets a flag and does not restart interrupted reads (so a blocking read
/// in a builtin returns EINTR); `flag_setter` must be async-signal-safe.
void cshell_install_sigint(void (*flag_setter)(int));

/// Replaces the default reaction to a trap (SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT): one line on
/// standard error naming the signal, then exit with status 128 + the signal number, on an alternate stack (so a
/// stack overflow is reported too). Swift's own crash reporter waits for a keypress when standard error is a
/// terminal, which leaves the terminal looking frozen; this handler never waits.
void cshell_install_crash_handlers(void);

/// Ignores SIGPIPE (writes to a closed pipe fail with EPIPE instead of killing the shell).
void cshell_ignore_sigpipe(void);

/// Copies the main program's GNU build-id note (`ld --build-id`) into `out`; returns its length (0 when the
/// program has none; at most `capacity` bytes are copied).
int cshell_build_id(unsigned char *out, int capacity);

#endif
