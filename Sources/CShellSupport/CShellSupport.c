#define _GNU_SOURCE
#include "CShellSupport.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

int cshell_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int cshell_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}

void cshell_install_sigint(void (*flag_setter)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = flag_setter;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
}

void cshell_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }
