#define _GNU_SOURCE
#include "CShellSupport.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
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

static void write_text(const char *text) {
    size_t length = strlen(text);
    while (length > 0) {
        ssize_t written = write(2, text, length);
        if (written <= 0) return;
        text += written;
        length -= (size_t)written;
    }
}

static void crash_handler(int signal_number) {
    const char *name = "a fatal signal";
    switch (signal_number) {
    case SIGILL: name = "SIGILL (a failed check)"; break;
    case SIGTRAP: name = "SIGTRAP (a failed check)"; break;
    case SIGSEGV: name = "SIGSEGV"; break;
    case SIGBUS: name = "SIGBUS"; break;
    case SIGFPE: name = "SIGFPE"; break;
    case SIGABRT: name = "SIGABRT"; break;
    }
    write_text("\nlp-shell: internal error: ");
    write_text(name);
    write_text(". This is a bug in lp-shell: please report the command that caused it. "
               "History up to that command is saved.\n");
    _exit(128 + signal_number);
}

void cshell_install_crash_handlers(void) {
    static char alternate_stack[1 << 16];
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    sigaltstack(&stack, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = crash_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    int signals[] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT};
    for (size_t index = 0; index < sizeof signals / sizeof signals[0]; index++) {
        sigaction(signals[index], &action, NULL);
    }
}

struct build_id_search {
    unsigned char *out;
    int capacity;
    int length;
};

/// dl_iterate_phdr's first object is the main program: its PT_NOTE segments hold the build-id note.
static int build_id_callback(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct build_id_search *search = data;
    for (int index = 0; index < info->dlpi_phnum; index++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[index];
        if (header->p_type != PT_NOTE) continue;
        const unsigned char *note = (const unsigned char *)(info->dlpi_addr + header->p_vaddr);
        const unsigned char *end = note + header->p_memsz;
        while (note + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *entry = (const ElfW(Nhdr) *)note;
            const unsigned char *name = note + sizeof(ElfW(Nhdr));
            const unsigned char *desc = name + ((entry->n_namesz + 3) & ~3u);
            if (desc + entry->n_descsz > end) break;
            if (entry->n_type == NT_GNU_BUILD_ID && entry->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                int length = (int)entry->n_descsz;
                memcpy(search->out, desc, length < search->capacity ? length : search->capacity);
                search->length = length;
                return 1;
            }
            note = desc + ((entry->n_descsz + 3) & ~3u);
        }
    }
    return 1;
}

int cshell_build_id(unsigned char *out, int capacity) {
    struct build_id_search search = {out, capacity, 0};
    dl_iterate_phdr(build_id_callback, &search);
    return search.length;
}
