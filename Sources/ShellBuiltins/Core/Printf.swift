import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// `printf FORMAT [ARG ...]`, as bash's builtin (the format is reused while arguments remain).
struct Printf: Builtin {
    static let name = "printf"
    static let summary = "format and print arguments"
    static let usage = """
        usage: printf FORMAT [ARG ...]

        Conversions: %s %b %c %d %i %u %o %x %X %f %e %g %%, with flags - + space 0 #, width and precision.
        The format is reused until every ARG is consumed; missing arguments count as empty or 0.
        """

    func run(_ context: inout CommandContext) -> ExitStatus {
        var arguments = context.arguments[...]
        if arguments.first == "--" { arguments.removeFirst() }
        guard let format = arguments.first else {
            context.error("usage: printf FORMAT [ARG ...]")
            return .usage
        }
        arguments.removeFirst()
        var formatter = PrintfFormatter(format: format, arguments: Array(arguments))
        let output = formatter.render()
        context.io.stdout.write(output)
        for error in formatter.errors { context.error(error) }
        if formatter.hasInvalidDirective { return .usage }
        return formatter.errors.isEmpty ? .success : .failure
    }
}

/// The printf engine: walks the format, consuming arguments.
struct PrintfFormatter {
    let format: [Character]
    var arguments: [String]
    var index = 0
    var errors: [String] = []
    /// A conversion printf does not know stops it with status 2 (dash; bash says 1).
    var hasInvalidDirective = false

    init(format: String, arguments: [String]) {
        self.format = Array(format)
        self.arguments = arguments
    }

    mutating func render() -> [UInt8] {
        var output: [UInt8] = []
        repeat {
            let consumedBefore = index
            let (text, stop) = renderOnce()
            output.append(contentsOf: text)
            if stop || index == consumedBefore { break }
        } while index < arguments.count
        return output
    }

    private mutating func nextArgument() -> String? {
        guard index < arguments.count else { return nil }
        defer { index += 1 }
        return arguments[index]
    }

    private mutating func renderOnce() -> ([UInt8], stop: Bool) {
        var output: [UInt8] = []
        var position = 0
        while position < format.count {
            let character = format[position]
            if character == "\\" {
                var end = position + 1
                if end < format.count {
                    if ("0"..."7").contains(format[end]) {
                        while end < format.count && end < position + 4 && ("0"..."7").contains(format[end]) { end += 1 }
                    } else if format[end] == "x" {
                        end += 1
                        while end < format.count && end < position + 4 && format[end].isHexDigit { end += 1 }
                    } else {
                        end += 1
                    }
                }
                let escape = String(format[position..<end]).shellBytes
                let (bytes, stop) = EscapeSequences.interpret(escape, octal: .threeDigits)
                output.append(contentsOf: bytes)
                if stop { return (output, true) }
                position = end
                continue
            }
            guard character == "%", position + 1 < format.count else {
                output.append(contentsOf: String(character).shellBytes)
                position += 1
                continue
            }
            var end = position + 1
            var flags = ""
            while end < format.count, "-+ 0#".contains(format[end]) {
                flags.append(format[end])
                end += 1
            }
            var width = ""
            if end < format.count, format[end] == "*" {
                width = String(Int(nextArgument() ?? "0") ?? 0)
                end += 1
            }
            while end < format.count, format[end].isNumber {
                width.append(format[end])
                end += 1
            }
            var precision: String?
            if end < format.count, format[end] == "." {
                end += 1
                var digits = ""
                if end < format.count, format[end] == "*" {
                    digits = String(Int(nextArgument() ?? "0") ?? 0)
                    end += 1
                }
                while end < format.count, format[end].isNumber {
                    digits.append(format[end])
                    end += 1
                }
                precision = digits
            }
            guard end < format.count else {
                errors.append("`\(String(format[position...]))': missing format character")
                hasInvalidDirective = true
                return (output, true)
            }
            let conversion = format[end]
            position = end + 1
            let spec = "%" + flags + width + (precision.map { "." + $0 } ?? "")
            switch conversion {
            case "%":
                output.append(UInt8(ascii: "%"))
            case "s":
                output.append(contentsOf: pad(truncate(nextArgument() ?? "", precision), flags: flags, width: width))
            case "b":
                let (bytes, stop) = EscapeSequences.interpret((nextArgument() ?? "").shellBytes, octal: .either)
                let text = String(shellBytes: bytes)
                output.append(contentsOf: pad(truncate(text, precision), flags: flags, width: width))
                if stop { return (output, true) }
            case "c":
                let first = (nextArgument() ?? "").first.map(String.init) ?? ""
                output.append(contentsOf: pad(first, flags: flags, width: width))
            case "d", "i", "u", "o", "x", "X":
                let value = integerArgument(signed: conversion == "d" || conversion == "i")
                let letter = conversion == "i" ? "d" : String(conversion)
                output.append(contentsOf: cFormat(spec + "ll" + letter, integer: value))
            case "f", "F", "e", "E", "g", "G", "a", "A":
                output.append(contentsOf: cFormat(spec + String(conversion), double: doubleArgument()))
            default:
                errors.append("%\(conversion): invalid format character")
                hasInvalidDirective = true
                return (output, true)
            }
        }
        return (output, false)
    }

    private func truncate(_ text: String, _ precision: String?) -> String {
        guard let precision, let limit = Int(precision.isEmpty ? "0" : precision) else { return text }
        return String(text.prefix(limit))
    }

    private func pad(_ text: String, flags: String, width: String) -> [UInt8] {
        let count = text.count
        guard let width = Int(width), width > count else { return text.shellBytes }
        let padding = String(repeating: " ", count: width - count)
        return (flags.contains("-") ? text + padding : padding + text).shellBytes
    }

    /// An integer argument as C's strtoll/strtoull read it (leading blanks, a sign, 0x and 0 prefixes), or a
    /// character's code after a quote (`'a` is 97; a byte outside UTF-8 is its own value). Trailing text is an
    /// error with the number read so far; an out-of-range number is clamped, with dash's message and status 1.
    private mutating func integerArgument(signed: Bool) -> Int64 {
        guard let text = nextArgument(), !text.isEmpty else { return 0 }
        if let first = text.first, first == "'" || first == "\"" {
            guard let scalar = text.unicodeScalars.dropFirst().first else { return 0 }
            return Int64(scalar.rawByte.map(UInt32.init) ?? scalar.value)
        }
        var cText = text.shellBytes.map { CChar(bitPattern: $0) }
        let length = cText.count
        cText.append(0)
        return cText.withUnsafeMutableBufferPointer { buffer -> Int64 in
            let start = buffer.baseAddress!
            var end: UnsafeMutablePointer<CChar>? = start
            errno = 0
            let value = signed ? Int64(strtoll(start, &end, 0)) : Int64(bitPattern: UInt64(strtoull(start, &end, 0)))
            let overflowed = errno == ERANGE
            let consumed = end.map { $0 - start } ?? 0
            if consumed == 0 || consumed < length {
                errors.append("\(text): invalid number")
            } else if overflowed {
                errors.append("\(text): Numerical result out of range")
            }
            return value
        }
    }

    private mutating func doubleArgument() -> Double {
        guard let text = nextArgument() else { return 0 }
        if let value = Double(text.trimmingCharacters) { return value }
        errors.append("\(text): invalid number")
        return 0
    }

    private func cFormat(_ spec: String, integer: Int64) -> [UInt8] {
        cFormat(spec, argument: integer)
    }

    private func cFormat(_ spec: String, double: Double) -> [UInt8] {
        cFormat(spec, argument: double)
    }

    /// `vsnprintf` of one argument, whatever the width (`%020000d` is 20,000 bytes, as in bash): a second call with
    /// the size the first one reported when 512 bytes were not enough.
    private func cFormat(_ spec: String, argument: any CVarArg) -> [UInt8] {
        var buffer = [CChar](repeating: 0, count: 512)
        let count = Int(withVaList([argument]) { vsnprintf(&buffer, buffer.count, spec, $0) })
        if count >= buffer.count {
            buffer = [CChar](repeating: 0, count: count + 1)
            _ = withVaList([argument]) { vsnprintf(&buffer, buffer.count, spec, $0) }
        }
        return buffer.prefix(max(0, min(count, buffer.count - 1))).map { UInt8(bitPattern: $0) }
    }
}

extension String {
    fileprivate var trimmingCharacters: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
