extension Builtins {
    /// jq 1.7.1's module introspection: `modulemeta`, `get_search_list`, `get_jq_origin`, `get_prog_origin`.
    static func registerModules(_ table: inout [String: NativeFunction]) {
        table["modulemeta/0"] = NativeFunction(
            value: { evaluator, _, input, _, emit in
                guard case .string(let name) = input else {
                    throw fail("modulemeta input module name must be a string")
                }
                try emit(try moduleMetadata(name, loader: evaluator.modules))
            }, paths: nil)
        table["get_search_list/0"] = NativeFunction(
            value: { evaluator, _, _, _, emit in
                try emit(.array((evaluator.modules?.expandedLibraryPaths ?? []).map(JSONValue.string)))
            }, paths: nil)
        table["get_jq_origin/0"] = NativeFunction(
            value: { evaluator, _, _, _, emit in try emit(evaluator.modules.map { .string($0.origin) } ?? .null) },
            paths: nil)
        table["get_prog_origin/0"] = NativeFunction(
            value: { evaluator, _, _, _, emit in
                try emit(evaluator.modules.map { .string($0.workingDirectory) } ?? .null)
            }, paths: nil)
    }

    /// What `modulemeta` says of the library `name`: its `module` metadata, then `deps` (its directives) and
    /// `defs` (`name/arity` of its definitions).
    private static func moduleMetadata(_ name: String, loader: ModuleLoader?) throws -> JSONValue {
        if let problem = ModuleLoader.validate(name) { throw fail(problem) }
        guard let loader, let found = loader.find(name, suffix: ".jq", search: loader.libraryPaths, base: nil) else {
            throw fail("module not found: \(name)")
        }
        let library: LibrarySyntax
        do {
            library = try Parser.parseLibrary(String(decoding: found.bytes, as: UTF8.self))
        } catch {
            throw fail("\(error.message) at \(found.path)")
        }
        var object = library.header.metadata ?? JSONObject()
        object["deps"] = .array(library.header.imports.map(\.dependencyDescription))
        object["defs"] = .array(library.definitions.map { .string("\($0.name)/\($0.parameters.count)") })
        return .object(object)
    }
}
