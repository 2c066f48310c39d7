import OptionParsing
import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// `cd [DIR]`, `cd -`.
struct Cd: Builtin {
    static let name = "cd"
    static let summary = "change the working directory"
    static let synopsis = "usage: cd [-L|-P] [DIR]"
    static let options = OptionTable.shellBuiltin(
        name, synopsis: synopsis,
        options: [
            OptionDefinition(["-L"], help: "keep symbolic links in the new $PWD (the default)"),
            OptionDefinition(["-P"], help: "accepted; the same"),
        ])
    static let usage = options.builtinHelp(
        synopsis: synopsis, details: "With no DIR, goes to $HOME; `cd -` goes to $OLDPWD and prints it.")

    func run(_ context: inout CommandContext) -> ExitStatus {
        guard let arguments = context.operands(Self.options) else { return .usage }
        if arguments.count > 1 {
            context.error("too many arguments")
            return .failure
        }
        var target: String
        var printTarget = false
        switch arguments.first {
        case nil:
            guard let home = context.state.variables["HOME"], !home.isEmpty else {
                context.error("HOME not set")
                return .failure
            }
            target = home
        case "-":
            guard let previous = context.state.variables["OLDPWD"] else {
                context.error("OLDPWD not set")
                return .failure
            }
            target = previous
            printTarget = true
        case let directory?:
            target = directory
        }
        let path = Cd.normalize(context.resolvePath(target))
        var info = stat()
        guard stat(path, &info) == 0 else {
            context.error("\(target): No such file or directory")
            return .failure
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            context.error("\(target): Not a directory")
            return .failure
        }
        guard access(path, X_OK) == 0 else {
            context.error("\(target): Permission denied")
            return .failure
        }
        let old = context.state.workingDirectory
        context.state.workingDirectory = path
        try? context.state.variables.set("OLDPWD", to: old)
        try? context.state.variables.set("PWD", to: path)
        if printTarget { context.io.stdout.write(path + "\n") }
        return .success
    }

    /// Removes `.` and `..` components lexically, as `cd -L` does.
    static func normalize(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") {
            if component == "." || component.isEmpty { continue }
            if component == ".." {
                if !components.isEmpty { components.removeLast() }
                continue
            }
            components.append(component)
        }
        return "/" + components.joined(separator: "/")
    }
}
