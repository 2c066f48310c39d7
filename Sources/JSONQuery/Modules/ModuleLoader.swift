/// Where jq modules are found and how they are read: jq 1.7.1's search rules (`src/linker.c`).
///
/// A directive's search path is its metadata's `search` (a string or an array), else `.` followed by the library
/// paths (`-L`, or jq's defaults `~/.jq`, `$ORIGIN/../lib/jq`, `$ORIGIN/../lib`). Each entry expands `~/` to the
/// home directory and `$ORIGIN/` to the directory of the running program; `.` is the working directory; any other
/// relative entry is relative to the directory of the file holding the directive (the working directory for the
/// main program). In each directory, `NAME` is looked for as `NAME.jq`, `NAME/jq/main.jq` and `NAME/BASE.jq` (`.json`
/// for data), where BASE is NAME's last component.
public struct ModuleLoader: Sendable {
    /// `-L` directories, or jq's defaults.
    public var libraryPaths: [String]
    /// The working directory: `.` and the main program's relative search paths.
    public var workingDirectory: String
    /// `$ORIGIN`: the directory of the running program.
    public var origin: String
    /// The home directory for `~/`, and for `~/.jq`, included into every main program when it is a file.
    public var homeDirectory: String?
    /// Reads a file; nil when it is missing or not a readable file.
    public var read: @Sendable (String) -> [UInt8]?

    /// jq's default library paths, used when no `-L` is given.
    public static let defaultLibraryPaths = ["~/.jq", "$ORIGIN/../lib/jq", "$ORIGIN/../lib"]

    /// A loader.
    public init(
        libraryPaths: [String], workingDirectory: String, origin: String, homeDirectory: String?,
        read: @escaping @Sendable (String) -> [UInt8]?
    ) {
        self.libraryPaths = libraryPaths
        self.workingDirectory = workingDirectory
        self.origin = origin
        self.homeDirectory = homeDirectory
        self.read = read
    }

    /// The library paths as `get_search_list` shows them: `~/` expanded, `$ORIGIN/` expanded.
    var expandedLibraryPaths: [String] {
        libraryPaths.map { expand($0, relativeTo: nil) }
    }

    /// Expands one search-path entry; relative entries other than `.` join `base` when there is one.
    func expand(_ entry: String, relativeTo base: String?) -> String {
        var path = entry
        if path == "~" || path.hasPrefix("~/"), let home = homeDirectory { path = home + path.dropFirst() }
        if path == "." { return workingDirectory }
        if path.hasPrefix("$ORIGIN/") { return origin + "/" + path.dropFirst("$ORIGIN/".count) }
        if !path.hasPrefix("/"), let base { return base + "/" + path }
        if !path.hasPrefix("/") { return workingDirectory + "/" + path }
        return path
    }

    /// Checks a module name as jq does: `/`-separated, no `\`, no `..`, no two equal components in a row.
    static func validate(_ name: String) -> String? {
        if name.contains("\\") { return "Modules must be named by relative paths using '/', not '\\' (\(name))" }
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        for (index, component) in components.enumerated() {
            if component == ".." {
                return "Relative paths to modules may not traverse to parent directories (\(name))"
            }
            if index > 0 && component == components[index - 1] {
                return "module names must not have equal consecutive components: \(name)"
            }
        }
        return nil
    }

    /// Finds `name` with `suffix` (`.jq` or `.json`) along `search`: the file's normalised path and bytes.
    func find(_ name: String, suffix: String, search: [String], base: String?) -> (path: String, bytes: [UInt8])? {
        let baseName = name.split(separator: "/").last.map(String.init) ?? name
        for entry in search where !entry.isEmpty {
            let directory = expand(entry, relativeTo: base)
            for candidate in [
                "\(directory)/\(name)\(suffix)", "\(directory)/\(name)/jq/main\(suffix)",
                "\(directory)/\(name)/\(baseName)\(suffix)",
            ] {
                let path = Self.normalized(candidate)
                if let bytes = read(path) { return (path, bytes) }
            }
        }
        return nil
    }

    /// `a/./b//c/../d` as `a/b/d`.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// The directory holding `path`.
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
