/// A library loaded for a program: its definitions and what it imports itself.
final class LoadedLibrary: Sendable {
    /// The file it came from.
    let path: String
    let definitions: [FunctionDefinition]
    let imports: [LinkedImport]

    init(path: String, definitions: [FunctionDefinition], imports: [LinkedImport]) {
        self.path = path
        self.definitions = definitions
        self.imports = imports
    }
}

/// An import resolved to what it binds.
enum LinkedImport: Sendable {
    /// `import "p" as alias;` (alias set) or `include "p";` (nil).
    case functions(alias: String?, LoadedLibrary)
    /// `import "p" as $alias;`: every JSON text of the file, in an array.
    case data(alias: String, JSONValue)

    /// The names these imports make visible, for the compile-time check.
    static func visibleNames(_ imports: [LinkedImport]) -> (functions: [String], variables: [String]) {
        var functions: [String] = []
        var variables: [String] = []
        for linked in imports {
            switch linked {
            case .functions(let alias, let library):
                let prefix = alias.map { $0 + "::" } ?? ""
                functions += library.definitions.map { "\(prefix)\($0.name)/\($0.parameters.count)" }
            case .data(let alias, _):
                variables += [alias, alias + "::" + alias]
            }
        }
        return (functions, variables)
    }
}

/// Resolves a program's directives to loaded libraries and data, loading each library file once.
struct ModuleLinker {
    let loader: ModuleLoader
    private var loaded: [String: LoadedLibrary] = [:]
    private var loading: Set<String> = []

    init(loader: ModuleLoader) {
        self.loader = loader
    }

    /// Links the main program's directives, after `~/.jq` when that is a file (jq includes it into every program).
    mutating func linkProgram(_ header: ModuleHeader) throws(QueryCompileError) -> [LinkedImport] {
        var imports: [LinkedImport] = []
        if let home = loader.homeDirectory, let bytes = loader.read(home + "/.jq") {
            imports.append(.functions(alias: nil, try library(at: home + "/.jq", bytes: bytes)))
        }
        return imports + (try link(header, base: nil, in: nil))
    }

    /// Links directives found in `module` (nil for the main program); relative search paths join `base`.
    private mutating func link(_ header: ModuleHeader, base: String?, in module: ModuleSource?)
        throws(QueryCompileError) -> [LinkedImport]
    {
        var linked: [LinkedImport] = []
        for directive in header.imports {
            func failure(_ message: String) -> QueryCompileError {
                QueryCompileError(
                    message: message, offset: directive.offset, length: directive.length, module: module)
            }
            if let problem = ModuleLoader.validate(directive.path) { throw failure(problem) }
            var search = ["."] + loader.libraryPaths
            switch directive.metadata?["search"] {
            case .string(let path)?: search = [path]
            case .array(let paths)?: search = paths.compactMap(\.stringValue)
            case nil: break
            case let other?: throw failure("Module search path must be an array (\(other.typeName))")
            }
            let isData: Bool
            if case .data = directive.kind { isData = true } else { isData = false }
            guard
                let found = loader.find(
                    directive.path, suffix: isData ? ".json" : ".jq", search: search, base: base)
            else {
                if case .bool(true)? = directive.metadata?["optional"] { continue }
                throw failure("module not found: \(directive.path)")
            }
            switch directive.kind {
            case .data(let alias):
                do {
                    linked.append(.data(alias: alias, .array(try JSONParser.parseAll(found.bytes))))
                } catch {
                    throw failure("error loading data file \(found.path): \(error)")
                }
            case .functions(let alias):
                linked.append(.functions(alias: alias, try library(at: found.path, bytes: found.bytes)))
            case .include:
                linked.append(.functions(alias: nil, try library(at: found.path, bytes: found.bytes)))
            }
        }
        return linked
    }

    /// Parses, links and checks the library at `path` (once per path).
    private mutating func library(at path: String, bytes: [UInt8]) throws(QueryCompileError) -> LoadedLibrary {
        if let library = loaded[path] { return library }
        let source = ModuleSource(path: path, text: String(decoding: bytes, as: UTF8.self))
        guard loading.insert(path).inserted else {
            throw QueryCompileError(message: "module imports itself: \(path)", offset: 0, module: source)
        }
        defer { loading.remove(path) }
        let syntax: LibrarySyntax
        do {
            syntax = try Parser.parseLibrary(source.text)
        } catch {
            var located = error
            located.module = source
            throw located
        }
        let imports = try link(syntax.header, base: ModuleLoader.directory(of: path), in: source)
        let names = LinkedImport.visibleNames(imports)
        let chain = syntax.definitions.reversed().reduce(AST.identity) { .definition($1, $0) }
        if let problem = Resolver.check(chain, globals: names.variables, functions: names.functions).first {
            throw QueryCompileError.locating(problem, in: source.text, module: source)
        }
        let library = LoadedLibrary(path: path, definitions: syntax.definitions, imports: imports)
        loaded[path] = library
        return library
    }
}
