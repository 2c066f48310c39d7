import HTTPTransfer
import ShellRuntime

/// `base64`: GNU coreutils' encoder and decoder (`-d`, `-w COLS`, `-i`), lenient with JWT segments.
///
/// Decoding input that is valid only as base64url or without padding (a JWT segment) decodes it anyway and
/// prints a one-line note on stderr, where GNU `base64 -d` fails with `invalid input`.
public struct Base64: Builtin {
    public static let name = "base64"
    public static let summary = "base64 encode or decode FILE or standard input"
    public static let usage = """
        Usage: base64 [OPTION]... [FILE]
        Base64 encode or decode FILE, or standard input, to standard output.

        With no FILE, or when FILE is -, read standard input.

          -d, --decode          decode data (base64url and missing padding are accepted, with a note)
          -i, --ignore-garbage  when decoding, ignore non-alphabet characters
          -w, --wrap=COLS       wrap encoded lines after COLS character (default 76).
                                  Use 0 to disable line wrapping

        """

    /// The note printed when lenient decoding was needed.
    static let leniencyNote =
        "base64: note: input is base64url or unpadded (a JWT segment?); decoded it anyway, real base64 would fail\n"

    private struct Options {
        var decode = false
        var ignoreGarbage = false
        var wrap = 76
        var file: String?
    }

    public init() {}

    public func run(_ context: inout CommandContext) -> ExitStatus {
        let io = context.io
        let options: Options
        switch Self.parse(context.arguments) {
        case .success(let parsed): options = parsed
        case .failure(let error):
            io.stderr.write(error.text)
            return .failure
        }
        let input: [UInt8]
        if let file = options.file, file != "-" {
            guard let bytes = LocalFile.read(context.resolvePath(file)) else {
                io.stderr.write("base64: \(file): \(LocalFile.lastErrorText)\n")
                return .failure
            }
            input = bytes
        } else {
            input = io.stdin.readAll()
        }
        if options.decode {
            return decode(input, ignoreGarbage: options.ignoreGarbage, io: io)
        }
        let encoded = Array(Base64Coding.encode(input).utf8)
        guard !encoded.isEmpty else { return .success }
        if options.wrap == 0 {
            io.stdout.write(encoded)
            return .success
        }
        var index = 0
        while index < encoded.count {
            let end = min(index + options.wrap, encoded.count)
            io.stdout.write(encoded[index..<end])
            io.stdout.write([UInt8(ascii: "\n")])
            index = end
        }
        return .success
    }

    private func decode(_ input: [UInt8], ignoreGarbage: Bool, io: IOStreams) -> ExitStatus {
        let characters = input.filter { byte in
            if byte == 10 || byte == 13 { return false }
            if ignoreGarbage { return Base64Coding.standardValue(byte) != nil || byte == UInt8(ascii: "=") }
            return true
        }
        let strict = Base64Coding.decodeStrict(characters)
        if strict.valid {
            io.stdout.write(strict.bytes)
            return .success
        }
        if let lenient = Base64Coding.decodeLenient(characters) {
            io.stdout.write(lenient)
            io.stderr.write(Self.leniencyNote)
            return .success
        }
        io.stdout.write(strict.bytes)
        io.stderr.write("base64: invalid input\n")
        return .failure
    }

    private struct UsageError: Error {
        let text: String
    }

    private static func parse(_ arguments: [String]) -> Result<Options, UsageError> {
        var options = Options()
        var operands: [String] = []
        var index = 0
        var optionsEnded = false
        func invalidWrap(_ value: String) -> UsageError {
            UsageError(text: "base64: invalid wrap size: \u{2018}\(value)\u{2019}\n")
        }
        let tryHelp = "Try 'base64 --help' for more information.\n"
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                operands.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument.hasPrefix("--") {
                let (name, attached) = splitLong(argument)
                switch name {
                case "--decode": options.decode = true
                case "--ignore-garbage": options.ignoreGarbage = true
                case "--wrap":
                    var value = attached
                    if value == nil, index < arguments.count {
                        value = arguments[index]
                        index += 1
                    }
                    guard let value else {
                        return .failure(UsageError(text: "base64: option '--wrap' requires an argument\n" + tryHelp))
                    }
                    guard let columns = Int(value), columns >= 0 else { return .failure(invalidWrap(value)) }
                    options.wrap = columns
                default:
                    return .failure(UsageError(text: "base64: unrecognized option '\(argument)'\n" + tryHelp))
                }
                continue
            }
            var letters = Substring(argument.dropFirst())
            while let letter = letters.first {
                letters = letters.dropFirst()
                switch letter {
                case "d": options.decode = true
                case "i": options.ignoreGarbage = true
                case "w":
                    var value = letters.isEmpty ? nil : String(letters)
                    letters = ""
                    if value == nil, index < arguments.count {
                        value = arguments[index]
                        index += 1
                    }
                    guard let value else {
                        return .failure(UsageError(text: "base64: option requires an argument -- 'w'\n" + tryHelp))
                    }
                    guard let columns = Int(value), columns >= 0 else { return .failure(invalidWrap(value)) }
                    options.wrap = columns
                default:
                    return .failure(UsageError(text: "base64: invalid option -- '\(letter)'\n" + tryHelp))
                }
            }
        }
        if operands.count > 1 {
            return .failure(UsageError(text: "base64: extra operand \u{2018}\(operands[1])\u{2019}\n" + tryHelp))
        }
        options.file = operands.first
        return .success(options)
    }

    /// `--name=value` split into a full option name (prefixes expanded) and the attached value.
    private static func splitLong(_ argument: String) -> (String, String?) {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let given = String(parts[0])
        let value = parts.count > 1 ? String(parts[1]) : nil
        let names = ["--decode", "--ignore-garbage", "--wrap"]
        let matches = names.filter { $0.hasPrefix(given) && given.count > 2 }
        return (matches.count == 1 ? matches[0] : given, value)
    }
}
