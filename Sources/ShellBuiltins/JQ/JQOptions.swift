import JSONQuery
import OptionParsing
import ShellRuntime

/// jq's command line, parsed the way jq 1.7's `main.c` does (combined short flags, `--` ends options,
/// the first non-option is the filter, later ones are files or `--args`/`--jsonargs` values).
struct JQOptions {
    var filter: String?
    var files: [String] = []
    var nullInput = false
    var rawInput = false
    var slurp = false
    var rawOutput = false
    var rawOutputNul = false
    var joinOutput = false
    var asciiOutput = false
    var sortKeys = false
    var colorOutput = false
    var monochrome = false
    var exitStatus = false
    var sequence = false
    var fromFile = false
    var indent = 2
    var useTabs = false
    var namedArguments: [(String, JSONValue)] = []
    var positional: [JSONValue] = []
    var showHelp = false
    var showVersion = false
    /// `--run-tests`: the operand is a test file in jq's format, not a filter.
    var runTests = false
    /// `-L dir`, in order.
    var libraryPaths: [String] = []

    /// Reads a file for `--slurpfile`/`--rawfile`/`-f`.
    typealias FileReader = (String) -> Result<[UInt8], FileReadError>

    /// What later operands are: input files, `--args` strings or `--jsonargs` JSON texts.
    enum Mode { case files, strings, json }

    init(arguments: [String], readFile: FileReader) throws(UsageError) {
        var further: Mode = .files
        var parser = Self.table.parser(for: arguments)
        while let argument = try parser.next() {
            switch argument {
            case .operand(let word): try addOperand(word, mode: further)
            case .option(let option): try apply(option, further: &further, readFile: readFile)
            }
        }
    }

    private mutating func addOperand(_ word: String, mode: Mode) throws(UsageError) {
        guard filter != nil else {
            filter = word
            return
        }
        switch mode {
        case .files: files.append(word)
        case .strings: positional.append(.string(word))
        case .json:
            guard let value = try? JSONParser.parseSingle(word) else {
                throw .invalid("jq: invalid JSON text passed to --jsonargs")
            }
            positional.append(value)
        }
    }

    private mutating func apply(_ option: ParsedOption, further: inout Mode, readFile: FileReader) throws(UsageError) {
        func setNamed(_ key: String, _ value: @autoclosure () throws(UsageError) -> JSONValue) throws(UsageError) {
            if !namedArguments.contains(where: { $0.0 == key }) { namedArguments.append((key, try value())) }
        }
        let values = option.values
        switch option.name {
        case "--slurp": slurp = true
        case "--raw-output": rawOutput = true
        case "--raw-output0":
            rawOutput = true
            joinOutput = true
            rawOutputNul = true
        case "--join-output":
            rawOutput = true
            joinOutput = true
        case "--compact-output":
            indent = 0
            useTabs = false
        case "--color-output": colorOutput = true
        case "--monochrome-output": monochrome = true
        case "--ascii-output": asciiOutput = true
        case "--sort-keys": sortKeys = true
        case "--raw-input": rawInput = true
        case "--null-input": nullInput = true
        case "--from-file": fromFile = true
        case "--exit-status": exitStatus = true
        case "--seq": sequence = true
        case "--tab":
            useTabs = true
            indent = 1
        case "--indent":
            guard let number = Int(values[0]), number >= -1, number <= 7 else {
                throw .invalid("jq: --indent takes a number between -1 and 7")
            }
            useTabs = number == -1
            indent = max(number, 0)
        case "--args": further = .strings
        case "--jsonargs": further = .json
        case "--arg": try setNamed(values[0], .string(values[1]))
        case "--argjson": try setNamed(values[0], try Self.parseJSON(values[1]))
        case "--slurpfile", "--rawfile":
            let name = String(option.name.dropFirst(2))
            try setNamed(
                values[0],
                try Self.load(values[1], raw: name == "rawfile", name: name, variable: values[0], readFile: readFile))
        case "--help": showHelp = true
        case "--version": showVersion = true
        case "--run-tests": runTests = true
        case "--library-path": libraryPaths.append(values[0])
        default: break  // --unbuffered, --stream-errors: accepted, nothing to do in-process
        }
    }

    private static func parseJSON(_ text: String) throws(UsageError) -> JSONValue {
        guard let value = try? JSONParser.parseSingle(text) else {
            throw .invalid("jq: invalid JSON text passed to --argjson")
        }
        return value
    }

    private static func load(_ path: String, raw: Bool, name: String, variable: String, readFile: FileReader)
        throws(UsageError) -> JSONValue
    {
        switch readFile(path) {
        case .failure(let failure):
            throw .invalid("jq: Bad JSON in --\(name) \(variable) \(path): \(failure.message)", suggestsHelp: false)
        case .success(let bytes):
            if raw { return .string(String(decoding: bytes, as: UTF8.self)) }
            do {
                return .array(try JSONParser.parseAll(bytes))
            } catch {
                throw .invalid("jq: Bad JSON in --\(name) \(variable) \(path): \(error)", suggestsHelp: false)
            }
        }
    }
}

extension JQOptions {
    /// jq 1.7.1's options, in the order of its `--help`.
    static let table = OptionTable(
        "jq",
        options: [
            OptionDefinition(["-n", "--null-input"], help: "use `null` as the single input value;"),
            OptionDefinition(["-R", "--raw-input"], help: "read each line as string instead of JSON;"),
            OptionDefinition(
                ["-s", "--slurp"], help: "read all inputs into an array and use it as\nthe single input value;"),
            OptionDefinition(["-c", "--compact-output"], help: "compact instead of pretty-printed output;"),
            OptionDefinition(["-r", "--raw-output"], help: "output strings without escapes and quotes;"),
            OptionDefinition(["--raw-output0"], help: "implies -r and output NUL after each output;"),
            OptionDefinition(
                ["-j", "--join-output"], help: "implies -r and output without newline after\neach output;"),
            OptionDefinition(
                ["-a", "--ascii-output"], help: "output strings by only ASCII characters\nusing escape sequences;"),
            OptionDefinition(["-S", "--sort-keys"], help: "sort keys of each object on output;"),
            OptionDefinition(["-C", "--color-output"], help: "colorize JSON output;"),
            OptionDefinition(["-M", "--monochrome-output"], help: "disable colored output;"),
            OptionDefinition(["--tab"], help: "use tabs for indentation;"),
            OptionDefinition(
                ["--indent"], .required, placeholder: "n", help: "use n spaces for indentation (max 7 spaces);"),
            OptionDefinition(["--unbuffered"], help: "flush output stream after each output (always, here);"),
            OptionDefinition(["--stream-errors"], help: "accepted; errors are reported as usual;"),
            OptionDefinition(["--seq"], help: "parse input/output as application/json-seq;"),
            OptionDefinition(
                ["-f", "--from-file"], help: "load filter from the file named by the first\nargument;"),
            OptionDefinition(
                ["-L", "--library-path"], .required, placeholder: "dir", help: "search modules from the directory;"),
            OptionDefinition(["--arg"], .pair, placeholder: "name value", help: "set $name to the string value;"),
            OptionDefinition(["--argjson"], .pair, placeholder: "name value", help: "set $name to the JSON value;"),
            OptionDefinition(
                ["--slurpfile"], .pair, placeholder: "name file",
                help: "set $name to an array of JSON values read\nfrom the file;"),
            OptionDefinition(
                ["--rawfile"], .pair, placeholder: "name file", help: "set $name to string contents of file;"),
            OptionDefinition(
                ["--args"], help: "consume remaining arguments as positional\nstring values;"),
            OptionDefinition(
                ["--jsonargs"], help: "consume remaining arguments as positional\nJSON values;"),
            OptionDefinition(["-e", "--exit-status"], help: "set exit status code based on the output;"),
            OptionDefinition(["-V", "--version"], help: "show the version;"),
            OptionDefinition(
                ["--run-tests"], help: "run the tests of a file in jq's test format\n(standard input without one);"),
            OptionDefinition(["-h", "--help"], help: "show the help;"),
        ],
        syntax: syntax, wording: wording)

    /// `--indent=4` is an unknown option and `-1` a filter, as in jq.
    private static let syntax: OptionSyntax = {
        var syntax = OptionSyntax()
        syntax.acceptsAttachedLongValues = false
        syntax.optionsStartWithLetter = true
        return syntax
    }()

    /// jq's hint after a usage error.
    static let hint = """
        Use jq --help for help with command-line options,
        or see the jq manpage, or online docs  at https://jqlang.github.io/jq

        """

    /// jq's words for a usage error, then its hint.
    private static let wording: OptionTable.Wording = { error in
        let message: String
        switch error.kind {
        case .invalid(let text): message = text
        case .missingValue where error.option == "--library-path":
            message = "-L takes a parameter: (e.g. -L /search/path or -L/search/path)"
        case .missingValue:
            let examples = [
                "--indent": "--indent 4", "--arg": "--arg varname value", "--argjson": "--argjson varname text",
                "--slurpfile": "--slurpfile varname filename", "--rawfile": "--rawfile varname filename",
            ]
            let count = error.option == "--indent" ? "one parameter" : "two parameters"
            message = "jq: \(error.spelling) takes \(count) (e.g. \(examples[error.option ?? ""] ?? ""))"
        default: message = "jq: Unknown option: \(error.word == error.spelling ? error.spelling : error.word)"
        }
        return message + "\n" + (error.suggestsHelp ? hint : "")
    }
}

/// Why a file could not be read, in jq's words.
struct FileReadError: Error {
    var message: String
}
