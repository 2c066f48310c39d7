import CShellSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts external programs with `posix_spawn` and waits for them.
enum ProcessLauncher {
    /// Why a program could not be started.
    enum LaunchError: Error {
        case notFound
        case notExecutable(String)
        case failed(String)
    }

    /// Where `name` resolves in `PATH` (names with a `/` are taken as paths).
    static func resolve(_ name: String, path: String?, workingDirectory: String) -> Result<String, LaunchError> {
        // `""` (an empty quoted word) names no program; as in bash it is "command not found", not the cwd.
        guard !name.isEmpty else { return .failure(.notFound) }
        if name.contains("/") {
            let full = name.hasPrefix("/") ? name : workingDirectory + "/" + name
            return checkExecutable(full)
        }
        var notExecutable: String?
        for directory in (path ?? "/usr/local/bin:/usr/bin:/bin").split(
            separator: ":", omittingEmptySubsequences: false)
        {
            let base = directory.isEmpty ? workingDirectory : String(directory)
            let candidate = base.hasSuffix("/") ? base + name : base + "/" + name
            switch checkExecutable(candidate) {
            case .success(let found): return .success(found)
            case .failure(.notExecutable("Is a directory")): continue  // bash skips directories in PATH
            case .failure(.notExecutable(let reason)): notExecutable = notExecutable ?? reason
            case .failure: continue
            }
        }
        if let notExecutable { return .failure(.notExecutable(notExecutable)) }
        return .failure(.notFound)
    }

    private static func checkExecutable(_ path: String) -> Result<String, LaunchError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(.notFound) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.notExecutable("Is a directory")) }
        guard access(path, X_OK) == 0, (info.st_mode & 0o111) != 0 else {
            return .failure(.notExecutable("Permission denied"))
        }
        return .success(path)
    }

    /// Spawns `path` with `arguments` (including argv[0]) and the given descriptors as 0, 1 and 2, `extra` ones at
    /// their numbers (`cmd 3>file`), and the numbers in `closed` closed.
    static func spawn(
        path: String,
        arguments: [String],
        environment: [String: String],
        workingDirectory: String,
        stdin: Int32,
        stdout: Int32,
        stderr: Int32,
        extra: [(fd: Int32, source: Int32)] = [],
        closed: [Int32] = []
    ) -> Result<pid_t, LaunchError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in closed { posix_spawn_file_actions_addclose(&actions, fd) }
        // dup2 onto a temporary range above every number involved first, so that swapping (e.g. 1 and 2) cannot
        // clobber a source.
        let targets: [Int32] = [0, 1, 2] + extra.map(\.fd)
        let sources = [stdin, stdout, stderr] + extra.map(\.source)
        let temporary = max(100, (targets + sources).max()! + 1)
        for (index, fd) in sources.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, fd, temporary + Int32(index))
        }
        for (index, target) in targets.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, temporary + Int32(index), target)
            posix_spawn_file_actions_addclose(&actions, temporary + Int32(index))
        }
        cshell_spawn_addchdir(&actions, workingDirectory)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGTSTP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = arguments.map(duplicate) + [nil]
        let envp = environment.map { duplicate("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        var result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        if result == ENOEXEC, let shell = RunningProgram.path {
            // A script without `#!` is the shell's to run (POSIX 2.9.1.1): this shell, plain, in a new process.
            let shellArguments = [shell, "--plain", path] + arguments.dropFirst()
            let shellArgv = shellArguments.map(duplicate) + [nil]
            defer { for pointer in shellArgv { free(pointer) } }
            result = posix_spawn(&pid, shell, &actions, &attributes, shellArgv, envp)
        }
        guard result == 0 else {
            let reason = String(cString: strerror(result))
            if result == EACCES || result == ENOEXEC { return .failure(.notExecutable(reason)) }
            return .failure(.failed(reason))
        }
        return .success(pid)
    }

    /// A C copy of an argument or environment entry, its bytes as the shell holds them (see `String(shellBytes:)`).
    private static func duplicate(_ text: String) -> UnsafeMutablePointer<CChar>? {
        let bytes = text.shellBytes
        guard let copy = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self) else { return nil }
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { memcpy(copy, base, bytes.count) }
        }
        copy[bytes.count] = 0
        return copy
    }

    /// Waits for a child and converts its wait status to a shell status (128 + signal when killed).
    static func wait(for pid: pid_t) -> ExitStatus {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .failure }
        }
        let signal = status & 0x7f
        if signal == 0 { return ExitStatus((status >> 8) & 0xff) }
        return ExitStatus(128 + signal)
    }
}
