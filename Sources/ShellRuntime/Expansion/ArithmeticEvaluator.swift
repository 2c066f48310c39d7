/// `$((…))`: C's integer expressions as POSIX 2.6.4 and bash have them — `, = += -= *= /= %= <<= >>= &= ^= |=
/// ?: || && | ^ & == != < <= > >= << >> + - * / % ** ! ~ ++ --`, constants in bases 8, 16 and `N#digits` (2 to 64),
/// and variables whose values are themselves expressions (bash: `a=b b=3` makes `$((a))` 3).
struct ArithmeticEvaluator {
    struct Failure: Error {
        var message: String
        /// `set -u` and an unset name: a non-interactive shell stops, as for `$name`.
        var isFatal = false
    }

    private var tokens: [Substring]
    private var index = 0
    /// How deeply operands nest (guards against stack exhaustion on hostile input such as 100,000 `(`).
    private var depth = 0
    /// Above zero inside the branch `&&`, `||` or `?:` does not take: parsed, but nothing assigned or checked.
    private var skipping = 0

    static let maximumDepth = 200

    static func evaluate(_ text: String, state: inout ShellState) throws(Failure) -> Int {
        try evaluate(text, state: &state, depth: 0)
    }

    private static func evaluate(_ text: String, state: inout ShellState, depth: Int) throws(Failure) -> Int {
        var evaluator = ArithmeticEvaluator(tokens: tokenize(text))
        evaluator.depth = depth
        if evaluator.tokens.isEmpty { return 0 }
        let value = try evaluator.parseComma(state: &state)
        guard evaluator.index == evaluator.tokens.count else {
            throw Failure(
                message: "syntax error in expression (error token is \"\(evaluator.tokens[evaluator.index])\")")
        }
        return value
    }

    private static let operators: [String] = [
        "<<=", ">>=", "**", "<=", ">=", "==", "!=", "&&", "||", "<<", ">>", "++", "--", "+=", "-=", "*=", "/=", "%=",
        "&=", "^=", "|=",
    ]

    private static func tokenize(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var current = text.startIndex
        while current < text.endIndex {
            let character = text[current]
            if character.isWhitespace {
                current = text.index(after: current)
                continue
            }
            if character.isNumber || character.isLetter || character == "_" {
                // A constant may carry its base (`64#@_`), so `#` and `@` belong to a word that starts with a digit.
                let isConstant = character.isNumber
                var end = current
                while end < text.endIndex,
                    text[end].isNumber || text[end].isLetter || text[end] == "_"
                        || (isConstant && (text[end] == "#" || text[end] == "@"))
                {
                    end = text.index(after: end)
                }
                tokens.append(text[current..<end])
                current = end
                continue
            }
            let rest = text[current...]
            if let op = operators.first(where: { rest.hasPrefix($0) }) {
                let end = text.index(current, offsetBy: op.count)
                tokens.append(text[current..<end])
                current = end
            } else {
                tokens.append(text[current...current])
                current = text.index(after: current)
            }
        }
        return tokens
    }

    private static let binaryPrecedence: [Substring: Int] = [
        "||": 1, "&&": 2, "|": 3, "^": 4, "&": 5, "==": 6, "!=": 6, "<": 7, "<=": 7, ">": 7, ">=": 7,
        "<<": 8, ">>": 8, "+": 9, "-": 9, "*": 10, "/": 10, "%": 10, "**": 11,
    ]

    private static let assignmentOperators: Set<Substring> = [
        "=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|=",
    ]

    private var current: Substring? { index < tokens.count ? tokens[index] : nil }

    private mutating func parseComma(state: inout ShellState) throws(Failure) -> Int {
        var value = try parseAssignment(state: &state)
        while current == "," {
            index += 1
            value = try parseAssignment(state: &state)
        }
        return value
    }

    private mutating func parseAssignment(state: inout ShellState) throws(Failure) -> Int {
        if let name = current, Self.isName(name), index + 1 < tokens.count,
            Self.assignmentOperators.contains(tokens[index + 1])
        {
            let op = tokens[index + 1]
            index += 2
            let right = try parseAssignment(state: &state)
            guard skipping == 0 else { return right }
            let value = op == "=" ? right : try apply(op.dropLast(), try read(name, state: &state), right)
            try assign(name, value, state: &state)
            return value
        }
        return try parseConditional(state: &state)
    }

    private mutating func parseConditional(state: inout ShellState) throws(Failure) -> Int {
        let condition = try parseBinary(precedence: 0, state: &state)
        guard current == "?" else { return condition }
        index += 1
        if condition == 0 { skipping += 1 }
        let whenTrue = try parseComma(state: &state)
        if condition == 0 { skipping -= 1 }
        guard current == ":" else { throw Failure(message: "`:' expected for conditional expression") }
        index += 1
        if condition != 0 { skipping += 1 }
        let whenFalse = try parseAssignment(state: &state)
        if condition != 0 { skipping -= 1 }
        return condition != 0 ? whenTrue : whenFalse
    }

    private mutating func parseBinary(precedence minimum: Int, state: inout ShellState) throws(Failure) -> Int {
        var left = try parseUnary(state: &state)
        while let op = current, let precedence = Self.binaryPrecedence[op], precedence > minimum {
            index += 1
            // `&&` and `||` do not evaluate a right side that cannot change the answer.
            let shortCircuits = (op == "&&" && left == 0) || (op == "||" && left != 0)
            if shortCircuits { skipping += 1 }
            let right = try parseBinary(precedence: op == "**" ? precedence - 1 : precedence, state: &state)
            if shortCircuits { skipping -= 1 }
            left = try apply(op, left, right)
        }
        return left
    }

    private func apply(_ op: Substring, _ left: Int, _ right: Int) throws(Failure) -> Int {
        switch op {
        case "+": return left &+ right
        case "-": return left &- right
        case "*": return left &* right
        case "/", "%":
            guard right != 0 else {
                if skipping > 0 { return 0 }
                throw Failure(message: "division by 0")
            }
            // Int.min / -1 overflows; wrap as bash does instead of trapping.
            return op == "/"
                ? left.dividedReportingOverflow(by: right).partialValue
                : left.remainderReportingOverflow(dividingBy: right).partialValue
        case "**":
            guard right >= 0 else {
                if skipping > 0 { return 0 }
                throw Failure(message: "exponent less than 0")
            }
            // Exponentiation by squaring: a huge exponent takes 64 steps, not billions.
            var result = 1
            var base = left
            var exponent = right
            while exponent > 0 {
                if exponent & 1 == 1 { result = result &* base }
                base = base &* base
                exponent >>= 1
            }
            return result
        case "<": return left < right ? 1 : 0
        case "<=": return left <= right ? 1 : 0
        case ">": return left > right ? 1 : 0
        case ">=": return left >= right ? 1 : 0
        case "==": return left == right ? 1 : 0
        case "!=": return left != right ? 1 : 0
        case "&&": return left != 0 && right != 0 ? 1 : 0
        case "||": return left != 0 || right != 0 ? 1 : 0
        case "&": return left & right
        case "|": return left | right
        case "^": return left ^ right
        // The count is taken modulo 64, as the machine bash and dash run on does (`5 << -1` is Int.min).
        case "<<": return left &<< right
        default: return left &>> right
        }
    }

    private mutating func parseUnary(state: inout ShellState) throws(Failure) -> Int {
        guard let token = current else { throw Failure(message: "syntax error: operand expected") }
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw Failure(message: "expression nests deeper than \(Self.maximumDepth) levels")
        }
        index += 1
        switch token {
        case "-": return 0 &- (try parseUnary(state: &state))
        case "+": return try parseUnary(state: &state)
        case "!": return try parseUnary(state: &state) == 0 ? 1 : 0
        case "~": return ~(try parseUnary(state: &state))
        case "++", "--":
            guard let name = current, Self.isName(name) else {
                // `--5` is minus minus five, `++5` plus plus five.
                return try parseUnary(state: &state)
            }
            index += 1
            let value = try read(name, state: &state) &+ (token == "++" ? 1 : -1)
            if skipping == 0 { try assign(name, value, state: &state) }
            return value
        case "(":
            let value = try parseComma(state: &state)
            guard current == ")" else { throw Failure(message: "missing `)'") }
            index += 1
            return value
        default:
            if let first = token.first, first.isNumber {
                guard let number = Self.integer(token) else {
                    throw Failure(message: "\(token): value too great for base (error token is \"\(token)\")")
                }
                return number
            }
            guard Self.isName(token) else {
                throw Failure(message: "syntax error: operand expected (error token is \"\(token)\")")
            }
            if current == "[" {
                // A scalar is an array of one element: `s[0]` is `$s`, any other index is empty.
                index += 1
                let subscriptValue = try parseComma(state: &state)
                guard current == "]" else { throw Failure(message: "missing `]'") }
                index += 1
                if subscriptValue != 0 { return 0 }
            }
            let value = try read(token, state: &state)
            if let op = current, op == "++" || op == "--" {
                index += 1
                if skipping == 0 { try assign(token, value &+ (op == "++" ? 1 : -1), state: &state) }
            }
            return value
        }
    }

    /// A variable's value as a number: empty is 0, and anything else is evaluated as an expression (bash).
    private func read(_ name: Substring, state: inout ShellState) throws(Failure) -> Int {
        guard skipping == 0 else { return 0 }
        guard let value = state.variables[String(name)] else {
            if state.options.nounset { throw Failure(message: "\(name): unbound variable", isFatal: true) }
            return 0
        }
        let trimmed = value.trimmingSpaces
        if trimmed.isEmpty { return 0 }
        if let number = Self.integer(Substring(trimmed)) { return number }
        guard depth < Self.maximumDepth else {
            throw Failure(message: "expression nests deeper than \(Self.maximumDepth) levels")
        }
        do {
            return try Self.evaluate(trimmed, state: &state, depth: depth + 10)
        } catch  where error.isFatal {
            throw error
        } catch {
            throw Failure(message: "\(value): not a number")
        }
    }

    private func assign(_ name: Substring, _ value: Int, state: inout ShellState) throws(Failure) {
        do {
            try state.variables.set(String(name), to: String(value))
        } catch {
            throw Failure(message: error.description)
        }
    }

    private static func isName(_ token: Substring) -> Bool {
        guard let first = token.first, first.isLetter || first == "_" else { return false }
        return token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    private static func integer(_ token: Substring) -> Int? {
        if let hash = token.firstIndex(of: "#") {
            guard let base = Int(token[..<hash]), (2...64).contains(base) else { return nil }
            return number(token[token.index(after: hash)...], base: base)
        }
        if token.hasPrefix("0x") || token.hasPrefix("0X") { return Int(token.dropFirst(2), radix: 16) }
        if token.count > 1 && token.hasPrefix("0") { return Int(token.dropFirst(), radix: 8) }
        return Int(token)
    }

    /// Digits in bash's order for bases up to 64: 0-9, a-z, A-Z, @, _ (below 37, letters of either case are 10-35).
    private static func number(_ digits: Substring, base: Int) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for character in digits {
            guard let ascii = character.asciiValue else { return nil }
            let digit: Int
            switch ascii {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(ascii - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(ascii - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                digit = Int(ascii - UInt8(ascii: "A")) + (base <= 36 ? 10 : 36)
            case UInt8(ascii: "@"): digit = 62
            case UInt8(ascii: "_"): digit = 63
            default: return nil
            }
            guard digit < base else { return nil }
            value = value &* base &+ digit
        }
        return value
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
