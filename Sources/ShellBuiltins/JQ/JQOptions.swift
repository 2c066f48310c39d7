import JSONQuery

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

    /// A usage problem: the message (without the trailing hint) jq prints before giving up with status 2.
    struct UsageError: Error {
        var message: String
        /// False for errors jq reports without the "Use jq --help" hint (unreadable `--slurpfile`).
        var showsHint = true
    }

    /// Reads a file for `--slurpfile`/`--rawfile`/`-f`.
    typealias FileReader = (String) -> Result<[UInt8], FileReadError>

    init(arguments: [String], readFile: FileReader) throws(UsageError) {
        var further: Mode = .files
        var argumentsDone = false
        var index = 0
        func isOptionLike(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            guard bytes.count >= 2, bytes[0] == 45 else { return false }
            return bytes[1] == 45 || (bytes[1] | 0x20 >= 97 && bytes[1] | 0x20 <= 122)
        }
        while index < arguments.count {
            let argument = arguments[index]
            if argumentsDone || !isOptionLike(argument) {
                if filter == nil {
                    filter = argument
                } else {
                    switch further {
                    case .files: files.append(argument)
                    case .strings: positional.append(.string(argument))
                    case .json:
                        guard let value = try? JSONParser.parseSingle(argument) else {
                            throw UsageError(message: "jq: invalid JSON text passed to --jsonargs")
                        }
                        positional.append(value)
                    }
                }
                index += 1
                continue
            }
            if argument == "--" {
                argumentsDone = true
                index += 1
                continue
            }
            if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2))
                try applyLong(name, arguments: arguments, index: &index, further: &further, readFile: readFile)
            } else {
                for flag in argument.dropFirst() {
                    try applyShort(flag, arguments: arguments, index: &index)
                }
            }
            index += 1
        }
    }

    enum Mode { case files, strings, json }

    private mutating func applyShort(_ flag: Character, arguments: [String], index: inout Int) throws(UsageError) {
        switch flag {
        case "s": slurp = true
        case "r": rawOutput = true
        case "j":
            rawOutput = true
            joinOutput = true
        case "c":
            indent = 0
            useTabs = false
        case "C": colorOutput = true
        case "M": monochrome = true
        case "a": asciiOutput = true
        case "S": sortKeys = true
        case "R": rawInput = true
        case "n": nullInput = true
        case "f": fromFile = true
        case "e": exitStatus = true
        case "h": showHelp = true
        case "V": showVersion = true
        case "L":
            index += 1
        default:
            throw UsageError(message: "jq: Unknown option: -\(flag)")
        }
    }

    private mutating func applyLong(
        _ name: String, arguments: [String], index: inout Int, further: inout Mode, readFile: FileReader
    ) throws(UsageError) {
        func parameters(_ count: Int, _ example: String) throws(UsageError) -> [String] {
            guard index + count < arguments.count else {
                throw UsageError(
                    message: "jq: --\(name) takes \(count == 1 ? "one parameter" : "two parameters") (e.g. \(example))")
            }
            let values = Array(arguments[(index + 1)...(index + count)])
            index += count
            return values
        }
        func setNamed(_ key: String, _ value: @autoclosure () throws(UsageError) -> JSONValue) throws(UsageError) {
            if !namedArguments.contains(where: { $0.0 == key }) { namedArguments.append((key, try value())) }
        }
        switch name {
        case "slurp": slurp = true
        case "raw-output": rawOutput = true
        case "raw-output0":
            rawOutput = true
            joinOutput = true
            rawOutputNul = true
        case "join-output":
            rawOutput = true
            joinOutput = true
        case "compact-output":
            indent = 0
            useTabs = false
        case "color-output": colorOutput = true
        case "monochrome-output": monochrome = true
        case "ascii-output": asciiOutput = true
        case "sort-keys": sortKeys = true
        case "raw-input": rawInput = true
        case "null-input": nullInput = true
        case "from-file": fromFile = true
        case "exit-status": exitStatus = true
        case "seq": sequence = true
        case "unbuffered", "stream-errors": break
        case "tab":
            useTabs = true
            indent = 1
        case "indent":
            let value = try parameters(1, "--indent 4")[0]
            guard let number = Int(value), number >= -1, number <= 7 else {
                throw UsageError(message: "jq: --indent takes a number between -1 and 7")
            }
            useTabs = number == -1
            indent = max(number, 0)
        case "args": further = .strings
        case "jsonargs": further = .json
        case "arg":
            let values = try parameters(2, "--arg varname value")
            try setNamed(values[0], .string(values[1]))
        case "argjson":
            let values = try parameters(2, "--argjson varname text")
            try setNamed(values[0], try Self.parseJSON(values[1]))
        case "slurpfile", "rawfile":
            let values = try parameters(2, "--\(name) varname filename")
            let raw = name == "rawfile"
            try setNamed(
                values[0], try Self.load(values[1], raw: raw, name: name, variable: values[0], readFile: readFile))
        case "library-path":
            index += 1
        case "help": showHelp = true
        case "version": showVersion = true
        default:
            throw UsageError(message: "jq: Unknown option: --\(name)")
        }
    }

    private static func parseJSON(_ text: String) throws(UsageError) -> JSONValue {
        guard let value = try? JSONParser.parseSingle(text) else {
            throw UsageError(message: "jq: invalid JSON text passed to --argjson")
        }
        return value
    }

    private static func load(_ path: String, raw: Bool, name: String, variable: String, readFile: FileReader)
        throws(UsageError) -> JSONValue
    {
        switch readFile(path) {
        case .failure(let failure):
            throw UsageError(
                message: "jq: Bad JSON in --\(name) \(variable) \(path): \(failure.message)", showsHint: false)
        case .success(let bytes):
            if raw { return .string(String(decoding: bytes, as: UTF8.self)) }
            do {
                return .array(try JSONParser.parseAll(bytes))
            } catch {
                throw UsageError(message: "jq: Bad JSON in --\(name) \(variable) \(path): \(error)", showsHint: false)
            }
        }
    }
}

/// Why a file could not be read, in jq's words.
struct FileReadError: Error {
    var message: String
}
