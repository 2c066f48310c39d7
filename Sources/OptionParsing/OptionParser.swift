/// Reads a command line against an `OptionTable`, one option or operand at a time.
///
/// Short options bundle (`-sSL`) and take a value from the rest of their word or the next word (`-XPOST`,
/// `-X POST`); long options take `--name=value` (unless the syntax says not) or the next word; `--` ends the
/// options. Reading lazily lets a command stop early (`sh -c CMD NAME ARG…`) and report its own value errors in
/// the order the words come, before a later unknown option.
public struct OptionParser: Sendable {
    public let table: OptionTable
    public let arguments: [String]
    /// The next word to read.
    public private(set) var position = 0
    /// The bundle being read (`-sSL`) and the letters left in it.
    private var bundle: (word: String, letters: Substring)?
    private var optionsEnded = false
    /// A `--` ended the options (`set --` empties the positional parameters).
    public private(set) var sawDoubleDash = false

    init(table: OptionTable, arguments: [String]) {
        self.table = table
        self.arguments = arguments
    }

    /// The words not read yet (a bundle in progress is not among them).
    public var remaining: ArraySlice<String> { arguments[position...] }

    /// The next option or operand, nil at the end.
    public mutating func next() throws(UsageError) -> ParsedArgument? {
        if let bundle, !bundle.letters.isEmpty { return .option(try shortOption()) }
        bundle = nil
        guard position < arguments.count else { return nil }
        let word = arguments[position]
        position += 1
        if !optionsEnded, table.syntax.plusNegatesShortOptions, word.hasPrefix("+"), word.count > 1 {
            bundle = (word, word.dropFirst())
            return .option(try shortOption())
        }
        if optionsEnded || !isOption(word) {
            if table.syntax.stopsAtFirstOperand { optionsEnded = true }
            return .operand(word)
        }
        if word == "--" {
            optionsEnded = true
            sawDoubleDash = true
            return try next()
        }
        if word.hasPrefix("--") { return .option(try longOption(word)) }
        bundle = (word, word.dropFirst())
        return .option(try shortOption())
    }

    private func isOption(_ word: String) -> Bool {
        let bytes = Array(word.utf8.prefix(2))
        guard bytes.count == 2, bytes[0] == UInt8(ascii: "-") else { return false }
        guard table.syntax.optionsStartWithLetter else { return true }
        let lower = bytes[1] | 0x20
        return bytes[1] == UInt8(ascii: "-") || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
    }

    private mutating func longOption(_ word: String) throws(UsageError) -> ParsedOption {
        var name = String(word.dropFirst(2))
        var attached: String?
        if table.syntax.acceptsAttachedLongValues, let equals = name.firstIndex(of: "=") {
            attached = String(name[name.index(after: equals)...])
            name = String(name[..<equals])
        }
        let spelling = "--" + name
        var negated = false
        var found = try table.index(ofLong: name, spelling: spelling, word: word)
        if found == nil, table.syntax.negatesLongFlags, name.hasPrefix("no-") {
            found = try table.index(ofLong: String(name.dropFirst(3)), spelling: spelling, word: word)
            negated = found != nil
        }
        guard let index = found else { throw UsageError(.unknownOption, spelling: spelling, word: word) }
        let definition = table.options[index]
        func failure(_ kind: UsageError.Kind) -> UsageError {
            UsageError(kind, spelling: spelling, word: word, option: definition.name)
        }
        if negated && definition.argument != .none { throw failure(.negatedValueOption) }
        var values: [String] = []
        switch definition.argument {
        case .none:
            if attached != nil { throw failure(.unexpectedValue) }
        case .optional:
            values = attached.map { [$0] } ?? []
        case .required, .pair:
            values = attached.map { [$0] } ?? []
            let needed = (definition.argument == .pair ? 2 : 1) - values.count
            guard let following = takeWords(needed) else { throw failure(.missingValue) }
            values += following
        }
        return ParsedOption(
            index: index, name: definition.name, spelling: spelling, values: values, isNegated: negated)
    }

    private mutating func shortOption() throws(UsageError) -> ParsedOption {
        guard let (word, rest) = bundle, let letter = rest.first else { preconditionFailure("no bundle") }
        var letters = rest
        letters.removeFirst()
        defer { bundle = (word, letters) }
        let negated = word.hasPrefix("+")
        let spelling = String(word.first!) + String(letter)
        guard let index = table.index(ofShort: letter) else {
            throw UsageError(.unknownOption, spelling: spelling, word: word)
        }
        let definition = table.options[index]
        var values: [String] = []
        if definition.argument != .none {
            values = letters.isEmpty ? [] : [String(letters)]
            letters = ""
        }
        if definition.argument == .required || definition.argument == .pair {
            let needed = (definition.argument == .pair ? 2 : 1) - values.count
            guard let following = takeWords(needed) else {
                throw UsageError(.missingValue, spelling: spelling, word: word, option: definition.name)
            }
            values += following
        }
        return ParsedOption(
            index: index, name: definition.name, spelling: spelling, values: values, isNegated: negated)
    }

    /// The next `count` words, or nil (and nothing read) when there are fewer.
    private mutating func takeWords(_ count: Int) -> [String]? {
        guard position + count <= arguments.count else { return nil }
        defer { position += count }
        return Array(arguments[position..<position + count])
    }
}
