import JSONQuery
import ShellRuntime

/// The module loader of one `jq` run: `-L` directories (resolved in the shell's working directory) or jq's
/// defaults, `$ORIGIN` as the directory of the lp-shell binary, `~` as `$HOME`.
enum JQModules {
    static func loader(_ options: JQOptions, context: CommandContext) -> ModuleLoader {
        let paths =
            options.libraryPaths.isEmpty
            ? ModuleLoader.defaultLibraryPaths : options.libraryPaths.map { context.resolvePath($0) }
        let home = context.state.variables["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        return ModuleLoader(
            libraryPaths: paths, workingDirectory: context.state.workingDirectory, origin: executableDirectory,
            homeDirectory: home, read: { FileReading.readBytes($0) })
    }

    /// The directory of the running binary, or `.` when it cannot be read.
    static let executableDirectory = RunningProgram.path.map(ModuleLoader.directory(of:)) ?? "."
}
