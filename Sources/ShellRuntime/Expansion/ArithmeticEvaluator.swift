/// `$((…))` with integer `+ - * / % ** ( ) < <= > >= == != && || ! ~ & | ^ << >>` and variables (POSIX 2.6.4).
struct ArithmeticEvaluator {
    struct Failure: Error {
        var message: String
    }

    private var tokens: [Substring]
    private var index = 0
    /// How deeply operands nest (guards against stack exhaustion on hostile input such as 100,000 `(`).
    private var depth = 0

    static let maximumDepth = 200

    static func evaluate(_ text: String, state: inout ShellState) throws(Failure) -> Int {
        var evaluator = ArithmeticEvaluator(tokens: tokenize(text))
        if evaluator.tokens.isEmpty { return 0 }
        let value = try evaluator.parseBinary(precedence: 0, state: &state)
        guard evaluator.index == evaluator.tokens.count else {
            throw Failure(
                message: "syntax error in expression (error token is \"\(evaluator.tokens[evaluator.index])\")")
        }
        return value
    }

    private static let operators = ["**", "<=", ">=", "==", "!=", "&&", "||", "<<", ">>"]

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
                var end = current
                while end < text.endIndex, text[end].isNumber || text[end].isLetter || text[end] == "_" {
                    end = text.index(after: end)
                }
                tokens.append(text[current..<end])
                current = end
                continue
            }
            let two = text[current...].prefix(2)
            if operators.contains(String(two)) {
                tokens.append(two)
                current = text.index(current, offsetBy: 2)
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

    private mutating func parseBinary(precedence minimum: Int, state: inout ShellState) throws(Failure) -> Int {
        var left = try parseUnary(state: &state)
        while index < tokens.count, let precedence = Self.binaryPrecedence[tokens[index]], precedence > minimum {
            let op = tokens[index]
            index += 1
            let right = try parseBinary(precedence: op == "**" ? precedence - 1 : precedence, state: &state)
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
            guard right != 0 else { throw Failure(message: "division by 0") }
            // Int.min / -1 overflows; wrap as bash does instead of trapping.
            return op == "/"
                ? left.dividedReportingOverflow(by: right).partialValue
                : left.remainderReportingOverflow(dividingBy: right).partialValue
        case "**":
            guard right >= 0 else { throw Failure(message: "exponent less than 0") }
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
        case "<<": return left << right
        default: return left >> right
        }
    }

    private mutating func parseUnary(state: inout ShellState) throws(Failure) -> Int {
        guard index < tokens.count else { throw Failure(message: "syntax error: operand expected") }
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw Failure(message: "expression nests deeper than \(Self.maximumDepth) levels")
        }
        let token = tokens[index]
        index += 1
        switch token {
        case "-": return 0 &- (try parseUnary(state: &state))
        case "+": return try parseUnary(state: &state)
        case "!": return try parseUnary(state: &state) == 0 ? 1 : 0
        case "~": return ~(try parseUnary(state: &state))
        case "(":
            let value = try parseBinary(precedence: 0, state: &state)
            guard index < tokens.count, tokens[index] == ")" else { throw Failure(message: "missing `)'") }
            index += 1
            return value
        default:
            if let number = Self.integer(token) { return number }
            if let first = token.first, first.isLetter || first == "_" {
                let value = state.variables[String(token)] ?? ""
                if value.isEmpty { return 0 }
                guard let number = Self.integer(Substring(value.trimmingSpaces)) else {
                    throw Failure(message: "\(value): not a number")
                }
                return number
            }
            throw Failure(message: "syntax error: operand expected (error token is \"\(token)\")")
        }
    }

    private static func integer(_ token: Substring) -> Int? {
        if token.hasPrefix("0x") || token.hasPrefix("0X") { return Int(token.dropFirst(2), radix: 16) }
        if token.count > 1 && token.hasPrefix("0") { return Int(token.dropFirst(), radix: 8) }
        return Int(token)
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
