import JSONQuery
import OptionParsing
import ShellRuntime

/// `jq`: the JSON processor, built in (no external program). Output bytes, messages and exit statuses follow
/// jq 1.7.1; compile errors additionally show a caret under the offending token.
struct JQ: Builtin {
    static let name = "jq"
    static let summary = "command-line JSON processor (built in, jq 1.7 compatible)"
    static let usage = """
        Usage:\tjq [OPTIONS] FILTER [FILES...]
        \tjq [OPTIONS] --args FILTER [STRINGS...]
        \tjq [OPTIONS] --jsonargs FILTER [JSON_TEXTS...]

        jq is a tool for processing JSON inputs, applying the given filter to
        its JSON text inputs and producing the filter's results as JSON on
        standard output. lp-shell runs it in-process.

        Command options:\n
        """ + JQOptions.table.helpLines(maximumNameWidth: 24) + """
              --                        terminates argument processing;

            Named arguments are also available as $ARGS.named[], while
            positional arguments are available as $ARGS.positional[].
            Exit status: 0 ok, 1 (-e) last output false or null, 2 usage or input error,
            3 compile error, 4 (-e) no output, 5 runtime error.

            """

    func run(_ context: inout CommandContext) -> ExitStatus {
        let io = context.io
        let state = context.state
        let options: JQOptions
        do {
            options = try JQOptions(arguments: context.arguments) {
                JQInputReader.readFile(state.resolvePath($0), displayName: $0)
            }
        } catch {
            io.stderr.writeDiagnostic(JQOptions.table.message(for: error))
            return .usage
        }
        if options.showHelp {
            io.stdout.write("jq - commandline JSON processor [version 1.7.1]\n\n" + Self.usage)
            return .success
        }
        if options.showVersion {
            io.stdout.write("jq-1.7.1\n")
            return .success
        }
        if options.runTests { return JQTestCommand.run(options, context: context) }
        var filter = options.filter
        var files = options.files
        if options.fromFile, let path = filter {
            switch JQInputReader.readFile(context.resolvePath(path), displayName: path) {
            case .success(let bytes): filter = String(decoding: bytes, as: UTF8.self)
            case .failure(let failure):
                io.stderr.writeDiagnostic("jq: error: \(failure.message)\n")
                return .usage
            }
        } else if filter == nil && !(io.stdin.isTerminal && io.stdout.isTerminal) {
            filter = "."
        }
        guard let source = filter else {
            io.stderr.writeDiagnostic("Usage:\tjq [OPTIONS] FILTER [FILES...]\n" + JQOptions.hint)
            return .usage
        }
        if options.fromFile { files = options.files }

        let named = options.namedArguments
        let argsValue = JSONValue.object(
            JSONObject([("positional", .array(options.positional)), ("named", .object(JSONObject(named)))]))
        let program: JQProgram
        do {
            program = try JQProgram(
                source, variables: named.map { $0.0 } + ["ARGS"], modules: JQModules.loader(options, context: context))
        } catch {
            JQDiagnostics.writeCompileErrors(error.errors, source: source, to: io.stderr)
            return .jqCompileError
        }
        let environment = context.environment
        var writerOptions = JSONWriter.Options()
        writerOptions.indent = options.indent
        writerOptions.useTabs = options.useTabs
        writerOptions.sortKeys = options.sortKeys
        writerOptions.asciiOnly = options.asciiOutput
        // jq's own rule, not TerminalStyle's: an empty NO_COLOR keeps colour, TERM=dumb does not matter.
        var useColor =
            options.colorOutput || TerminalStyle.jqUsesColor(isTerminal: io.stdout.isTerminal, environment: environment)
        if options.monochrome { useColor = false }
        var palette = ColorPalette.default
        if let specification = environment["JQ_COLORS"] {
            if let custom = ColorPalette(specification: specification, base: .default) {
                palette = custom
            } else {
                io.stderr.writeDiagnostic("Failed to set $JQ_COLORS\n")
            }
        }
        if useColor { writerOptions.colors = palette }

        let reader = JQInputReader(
            files: files, stdin: io.stdin, stderr: io.stderr, raw: options.rawInput, slurp: options.slurp,
            resolve: { state.resolvePath($0) }, interrupted: { InterruptState.isInterrupted })
        var debugOptions = JSONWriter.Options.compact
        debugOptions.colors = writerOptions.colors
        reader.debugOptions = debugOptions
        let session = JQSession(
            variables: named + [("ARGS", argsValue)], environment: environment, host: reader)
        var writer = JSONWriter(options: writerOptions)
        let stdout = io.stdout
        writer.sink = { stdout.write($0) }
        var runner = JQRunner(
            program: program, session: session, reader: reader, writer: writer, options: options, io: io)
        return LargeStack.run { runner.runAll() }
    }
}
