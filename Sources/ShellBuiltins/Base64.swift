import Base64Codec
import HTTPTransfer
import OptionParsing
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

        """ + table.helpLines(maximumNameWidth: 20)

    /// GNU base64's options.
    static let table = OptionTable(
        "base64",
        options: [
            OptionDefinition(
                ["-d", "--decode"], help: "decode data (base64url and missing padding are accepted, with a note)"),
            OptionDefinition(["-i", "--ignore-garbage"], help: "when decoding, ignore non-alphabet characters"),
            OptionDefinition(
                ["-w", "--wrap"], .required, placeholder: "COLS",
                help: "wrap encoded lines after COLS character (default 76).\n  Use 0 to disable line wrapping"),
        ],
        syntax: .gnu, wording: gnuWording)

    /// coreutils' words (getopt_long's for option errors), then its pointer to `--help`.
    private static let gnuWording: OptionTable.Wording = { error in
        let long = error.spelling.hasPrefix("--")
        let option = error.option ?? error.spelling
        let message =
            switch error.kind {
            case .unknownOption:
                long ? "unrecognized option '\(error.word)'" : "invalid option -- '\(error.spelling.dropFirst())'"
            case .missingValue:
                long
                    ? "option '\(option)' requires an argument"
                    : "option requires an argument -- '\(error.spelling.dropFirst())'"
            case .unexpectedValue: "option '\(option)' doesn't allow an argument"
            case .ambiguousOption(let candidates):
                "option '\(error.word)' is ambiguous; possibilities: "
                    + candidates.map { "'\($0)'" }.joined(separator: " ")
            case .negatedValueOption: "unrecognized option '\(error.word)'"
            case .invalid(let text): text
            }
        return "base64: \(message)\n" + (error.suggestsHelp ? "Try 'base64 --help' for more information.\n" : "")
    }

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
        do {
            options = try Self.parse(context.arguments)
        } catch {
            io.stderr.writeDiagnostic(Self.table.message(for: error))
            return .failure
        }
        let input: [UInt8]
        if let file = options.file, file != "-" {
            guard let bytes = FileReading.readBytes(context.resolvePath(file)) else {
                io.stderr.writeDiagnostic("base64: \(file): \(FileReading.lastErrorText)\n")
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
            io.stderr.writeDiagnostic(Self.leniencyNote)
            return .success
        }
        io.stdout.write(strict.bytes)
        io.stderr.writeDiagnostic("base64: invalid input\n")
        return .failure
    }

    private static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var options = Options()
        var operands: [String] = []
        var parser = table.parser(for: arguments)
        while let argument = try parser.next() {
            switch argument {
            case .operand(let word): operands.append(word)
            case .option(let option):
                switch option.name {
                case "--decode": options.decode = true
                case "--ignore-garbage": options.ignoreGarbage = true
                default:
                    let value = option.value ?? ""
                    guard let columns = Int(value), columns >= 0 else {
                        throw .invalid("invalid wrap size: \u{2018}\(value)\u{2019}", suggestsHelp: false)
                    }
                    options.wrap = columns
                }
            }
        }
        if operands.count > 1 { throw .invalid("extra operand \u{2018}\(operands[1])\u{2019}") }
        options.file = operands.first
        return options
    }
}
