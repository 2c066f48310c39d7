import ShellSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything a command can observe or change about the shell it runs in.
public struct ShellState: Sendable {
    /// Shell variables (exported ones form the environment of child processes).
    public var variables: VariableStore
    /// `$0`.
    public var scriptName: String
    /// `$1`, `$2`, ….
    public var positionalParameters: [String]
    /// `$?`.
    public var lastStatus: ExitStatus = .success
    /// The directory relative paths resolve against; child processes start there.
    public var workingDirectory: String
    /// `set -e`, `set -u`, `set -x`, `set -o pipefail` and lp-shell's own options.
    public var options: ShellOptions = ShellOptions()
    /// `$$`: the process id of the shell.
    public let processID: Int32
    /// True when the shell reads commands from a terminal.
    public var isInteractive = false
    /// Set by `exit`: the shell stops after the current command with this status.
    public var exitRequest: ExitStatus?
    /// Set by `break`, `continue` and `return`: the commands around it stop until the loop, function or sourced
    /// file it names takes it back.
    public var jump: Jump?
    /// How many loops enclose the running command in the current function (what `break N` can leave).
    public internal(set) var loopDepth = 0
    /// How many function calls and sourced files enclose the running command (where `return` is allowed).
    public var returnDepth = 0
    /// Notes already shown once this session (keys chosen by whoever shows them).
    public var shownNotes: Set<String> = []
    /// What the layers above the shell keep here (see `ShellStateKey`).
    public var layers = LayerStorage()
    /// The text the running commands were parsed from (a runtime error shows its line with a caret); nil when
    /// unknown.
    public var source: SourceText?
    /// Where commands were found in `PATH` (`hash`): a name runs from there until `hash -r` or `PATH` changes.
    public var commandCache = CommandCache()
    /// The descriptors redirections and `exec` changed (`exec 3>file`, `cmd 4<in`).
    public var descriptors = DescriptorTable()
    /// The commands started with `&` not yet collected by `wait` (shared with subshells).
    public var backgroundJobs = BackgroundJobs()
    /// `$!`: the id of the last command started with `&`.
    public var lastBackgroundJob: Int?
    /// The id of the background job this state runs (`cmd &`), nil in the foreground shell.
    public var backgroundJobID: Int?
    /// The job number (`%N`) of the background job this state runs.
    public var backgroundJobNumber: Int?
    /// The last version of `backgroundJobs.published` applied to the variables.
    public var publishedVersion = 0
    /// `alias NAME=VALUE`: a command word NAME runs as VALUE (`Interpreter.expandAlias`).
    public var aliases: [String: String] = [:]
    /// The aliases being expanded (an alias is not expanded again inside its own expansion).
    var expandingAliases: Set<String> = []
    /// The actions `trap` set, by condition (`EXIT`, `INT`, …); an empty action ignores the condition. `EXIT`'s
    /// runs when the shell or subshell ends (`Interpreter.runExitTrap`).
    public var traps: [String: String] = [:]
    /// The file mode creation mask `umask` shows and sets (the process's own, read once at start-up).
    public var fileCreationMask: mode_t = ShellState.processUmask
    /// Where `getopts` is inside a group of options (`-ab`): the `OPTIND` it left and the letter it reached.
    public var getoptsPosition = (optind: 1, letter: 0)
    /// Functions defined with `name() { …; }`.
    var functions: [String: FunctionBody] = [:]
    /// Greater than zero while running a condition (`if`, `&&`, `!`), where `set -e` does not apply.
    var errexitSuppression = 0

    /// A state for a new shell seeded from a process environment.
    public init(environment: [String: String], scriptName: String = "lp-shell", arguments: [String] = []) {
        self.variables = VariableStore(environment: environment)
        self.scriptName = scriptName
        self.positionalParameters = arguments
        self.processID = getpid()
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        if getcwd(&buffer, buffer.count) != nil {
            self.workingDirectory = String(
                decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        } else {
            self.workingDirectory = environment["PWD"] ?? "/"
        }
        setStartupVariables(environment)
    }

    /// What every POSIX shell sets at start-up: `$PWD` (exported; kept when the inherited one names the working
    /// directory through a link), `$PPID`, and a default `$PATH` when none was inherited.
    private mutating func setStartupVariables(_ environment: [String: String]) {
        var inherited = stat()
        var current = stat()
        let keepsPWD =
            environment["PWD"].map { pwd in
                pwd.hasPrefix("/") && stat(pwd, &inherited) == 0 && stat(workingDirectory, &current) == 0
                    && inherited.st_dev == current.st_dev && inherited.st_ino == current.st_ino
            } ?? false
        if !keepsPWD { try? variables.set("PWD", to: workingDirectory, exported: true) }
        try? variables.set("PPID", to: String(getppid()))
        if environment["PATH"] == nil { try? variables.set("PATH", to: ShellState.defaultPath) }
    }

    /// The process's umask at start-up (read by setting it and putting it back).
    public static let processUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    /// Puts the process's umask back to this shell's after a subshell set its own (`( umask 077; … )`).
    func restoreFileCreationMask(after subshell: ShellState) {
        if subshell.fileCreationMask != fileCreationMask { umask(fileCreationMask) }
    }

    /// `$PATH` when the environment has none (what bash and dash use).
    public static let defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// Resolves a path against the working directory (`~` is expanded earlier, by word expansion).
    public func resolvePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if workingDirectory.hasSuffix("/") { return workingDirectory + path }
        return workingDirectory + "/" + path
    }
}

/// Options set with `set -e`/`set -o NAME`.
public struct ShellOptions: Sendable, Hashable {
    /// `set -e`: exit on an unchecked failure.
    public var errexit = false
    /// `set -u`: expanding an unset variable is an error.
    public var nounset = false
    /// `set -x`: trace commands to stderr.
    public var xtrace = false
    /// `set -o pipefail`: a pipeline fails if any stage fails.
    public var pipefail = false
    /// `set -f`: no pathname expansion.
    public var noglob = false
    /// `set -a`: every variable assigned is exported (the variable store applies it: `exportsAssignments`).
    public var allexport = false
    /// `set -v`: input lines are echoed to stderr as they are read (accepted; lp-shell echoes nothing).
    public var verbose = false
    /// `set -C`: `>` does not overwrite an existing regular file (`>|` does).
    public var noclobber = false
    /// Options lp-shell adds (`set -o autorefresh`), by name.
    public var extra: Set<String> = []

    /// Creates the default options.
    public init() {}
}

/// The locations of commands found in `PATH`, valid for the `PATH` they were found with.
public struct CommandCache: Sendable {
    /// The `PATH` the entries were found with.
    var path: String?
    /// Command name → the file it ran from.
    public private(set) var entries: [String: String] = [:]

    /// An empty cache.
    public init() {}

    /// The cached file for `name` under `path` (a changed `PATH` empties the cache).
    mutating func lookUp(_ name: String, path: String?) -> String? {
        if path != self.path {
            entries.removeAll()
            self.path = path
        }
        return entries[name]
    }

    /// Remembers where `name` was found under `path`.
    public mutating func remember(_ name: String, at file: String, path: String?) {
        if path != self.path {
            entries.removeAll()
            self.path = path
        }
        entries[name] = file
    }

    /// `hash -r`.
    public mutating func removeAll() { entries.removeAll() }
}

/// A transfer of control that ends the commands around it: `break N`, `continue N`, `return`.
public enum Jump: Sendable, Hashable {
    /// Leave this many enclosing loops.
    case breakLoops(Int)
    /// Leave this many enclosing loops less one, then start the next iteration of that one.
    case continueLoop(Int)
    /// Leave the function or sourced file.
    case returnFromFunction
}

extension ShellState {
    /// The file `name` runs from, found in `PATH` and remembered (`hash NAME`); nil when there is none.
    public mutating func locateCommand(_ name: String) -> String? {
        let path = variables["PATH"]
        guard case .success(let file) = ProcessLauncher.resolve(name, path: path, workingDirectory: workingDirectory)
        else { return nil }
        if !name.contains("/") { commandCache.remember(name, at: file, path: path) }
        return file
    }

    /// True while `exit`, `break`, `continue` or `return` is unwinding: the commands around it stop.
    public var isUnwinding: Bool { exitRequest != nil || jump != nil }

    /// Functions defined with `name() { …; }`.
    public var functionNames: [String] { functions.keys.sorted() }
}

/// A function body; a box so that `ShellState` stays cheap to copy.
struct FunctionBody: Sendable {
    var command: Command
    /// The text the function was defined in (its ranges point there).
    var source: SourceText?
}
