import JSONQuery
import ShellRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The module loader of one `jq` run: `-L` directories (resolved in the shell's working directory) or jq's
/// defaults, `$ORIGIN` as the directory of the lp-shell binary, `~` as `$HOME`.
enum JQModules {
    static func loader(_ options: JQOptions, context: CommandContext) -> ModuleLoader {
        let paths =
            options.libraryPaths.isEmpty
            ? ModuleLoader.defaultLibraryPaths : options.libraryPaths.map { context.resolvePath($0) }
        let home = context.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        return ModuleLoader(
            libraryPaths: paths, workingDirectory: context.state.workingDirectory, origin: executableDirectory,
            homeDirectory: home, read: { FileReading.readBytes($0) })
    }

    /// The directory of the running binary (`/proc/self/exe`), or `.` when it cannot be read.
    static let executableDirectory: String = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return "." }
        let path = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return ModuleLoader.directory(of: path)
    }()
}
