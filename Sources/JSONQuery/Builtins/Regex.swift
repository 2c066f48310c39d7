/// A small backtracking regular-expression engine covering what jq programs use with Oniguruma's Perl
/// syntax: literals, `.`, classes, `\d \w \s \b`, anchors, groups (named, non-capturing), alternation,
/// greedy, lazy and possessive quantifiers, atomic groups, and the flags `g i x n s l`. Offsets are in code points,
/// as jq reports them. Like Oniguruma, a search gives up after `retryLimit` steps ("retry-limit-in-match over")
/// instead of backtracking for minutes on a pattern such as `(a*)*b`.
struct Regex {
    /// The most matching steps one search may take by default (Oniguruma's default retry limit in match).
    static let defaultRetryLimit = 10_000_000

    indirect enum Node {
        case scalar(Unicode.Scalar)
        case any
        case set([ClassItem], negated: Bool)
        case start, end
        case wordBoundary(Bool)
        case group(Node, capture: Int?)
        case sequence([Node])
        case alternation([Node])
        case quantified(Node, min: Int, max: Int, greedy: Bool)
        /// Matches its node once, at its first success, and never backtracks into it (`(?>…)`, `x*+`).
        case atomic(Node)
        case backreference(Int)
        /// `(?=…)`, `(?!…)` (ahead) and `(?<=…)`, `(?<!…)` (behind): a zero-width test of the text around.
        case look(Node, ahead: Bool, positive: Bool)
    }

    /// Oniguruma's `\w` and `\b` in Unicode: letters, marks (so a combining accent stays inside its word), decimal
    /// digits and connector punctuation such as `_`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isAlphabetic { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    enum ClassItem {
        case range(UInt32, UInt32)
        case digit(Bool)
        case word(Bool)
        case space(Bool)
    }

    let root: Node
    let captureNames: [String?]
    let ignoreCase: Bool
    let dotAll: Bool
    /// The most matching steps one search may take.
    let retryLimit: Int

    init(_ pattern: String, flags: String, retryLimit: Int = Regex.defaultRetryLimit) throws(QueryFailure) {
        self.retryLimit = retryLimit
        var parser = RegexParser(
            scalars: Array(pattern.unicodeScalars), extended: flags.contains("x"), pattern: pattern)
        root = try parser.parseAlternation()
        if parser.position < parser.scalars.count {
            throw JSONValue.fail(
                "\(pattern) (at offset \(parser.position)) is not a valid regex: unmatched close parenthesis")
        }
        captureNames = parser.names
        ignoreCase = flags.contains("i")
        dotAll = flags.contains("s")
        requiredScalars = ignoreCase ? [] : Self.requiredScalars(root)
    }

    /// Scalars every match contains (Oniguruma's "exact" optimisation, simplified): a text missing one cannot match,
    /// which answers `(a*)*b` on a long run of `a`s at once instead of backtracking through it.
    let requiredScalars: Set<Unicode.Scalar>

    private static func requiredScalars(_ node: Node) -> Set<Unicode.Scalar> {
        switch node {
        case .scalar(let scalar): [scalar]
        case .sequence(let nodes): nodes.reduce(into: []) { $0.formUnion(requiredScalars($1)) }
        case .group(let inner, _), .atomic(let inner): requiredScalars(inner)
        case .quantified(let inner, let minimum, _, _): minimum > 0 ? requiredScalars(inner) : []
        case .alternation(let options):
            options.dropFirst().reduce(requiredScalars(options[0])) { $0.intersection(requiredScalars($1)) }
        default: []
        }
    }

    struct Match {
        var start: Int
        var end: Int
        var captures: [(Int, Int)?]

        /// Where group `index` matched, as jq 1.7.1 reports it: in an empty match every group is empty at the
        /// match; otherwise nil for a group that took no part.
        func span(ofGroup index: Int) -> (Int, Int)? {
            start == end ? (start, start) : captures[index]
        }
    }

    /// The first match at or after `from`; fails when the search takes more than `retryLimit` steps, and stops
    /// (status 130) when `interrupted` says so (polled every 65,536 steps: Ctrl-C, the fuzzer's time budget).
    func firstMatch(in text: [Unicode.Scalar], from: Int, interrupted: @escaping () -> Bool = { false })
        throws(QueryFailure) -> Match?
    {
        if from == 0 && !requiredScalars.isEmpty && !requiredScalars.isSubset(of: text) { return nil }
        var start = from
        var steps = 0
        while start <= text.count {
            var matcher = Matcher(
                regex: self, text: text, captures: Array(repeating: nil, count: captureNames.count), steps: steps,
                interrupted: interrupted)
            var endPosition = -1
            let found = matcher.match(
                root, start,
                { end, _ in
                    endPosition = end
                    return true
                })
            if matcher.wasInterrupted { throw QueryFailure.halt(exitCode: 130, message: nil) }
            if matcher.steps > retryLimit { throw JSONValue.fail("Regex failure: retry-limit-in-match over") }
            if found { return Match(start: start, end: endPosition, captures: matcher.captures) }
            steps = matcher.steps
            start += 1
        }
        return nil
    }

    final class CaptureBox {
        var captures: [(Int, Int)?]
        init(_ captures: [(Int, Int)?]) { self.captures = captures }
    }

    struct Matcher {
        let regex: Regex
        let text: [Unicode.Scalar]
        var captures: [(Int, Int)?]
        /// Steps taken so far in this search; past the regex's `retryLimit` every match fails at once.
        var steps: Int
        let interrupted: () -> Bool
        var wasInterrupted = false

        func isWord(_ position: Int) -> Bool {
            guard position >= 0 && position < text.count else { return false }
            return Regex.isWordScalar(text[position])
        }

        func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            guard regex.ignoreCase else { return scalar }
            return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        }

        func classMatches(_ items: [ClassItem], _ scalar: Unicode.Scalar) -> Bool {
            let candidates: [Unicode.Scalar] =
                regex.ignoreCase
                ? [
                    scalar, scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar,
                    scalar.properties.uppercaseMapping.unicodeScalars.first ?? scalar,
                ] : [scalar]
            for candidate in candidates {
                for item in items {
                    switch item {
                    case .range(let low, let high): if candidate.value >= low && candidate.value <= high { return true }
                    case .digit(let positive):
                        if (candidate.value >= 48 && candidate.value <= 57) == positive { return true }
                    case .word(let positive):
                        if Regex.isWordScalar(candidate) == positive { return true }
                    case .space(let positive):
                        if candidate.properties.isWhitespace == positive { return true }
                    }
                }
            }
            return false
        }

        mutating func match(_ node: Node, _ position: Int, _ next: (Int, inout Matcher) -> Bool) -> Bool {
            steps += 1
            if steps & 0xFFFF == 0 && interrupted() {
                wasInterrupted = true
                steps = regex.retryLimit
            }
            guard steps <= regex.retryLimit else { return false }
            switch node {
            case .scalar(let scalar):
                guard position < text.count, fold(text[position]) == fold(scalar) else { return false }
                return next(position + 1, &self)
            case .any:
                guard position < text.count, regex.dotAll || text[position] != "\n" else { return false }
                return next(position + 1, &self)
            case .set(let items, let negated):
                guard position < text.count, classMatches(items, text[position]) != negated else { return false }
                return next(position + 1, &self)
            case .start:
                guard position == 0 else { return false }
                return next(position, &self)
            case .end:
                guard position == text.count || (position == text.count - 1 && text[position] == "\n") else {
                    return false
                }
                return next(position, &self)
            case .wordBoundary(let positive):
                guard (isWord(position - 1) != isWord(position)) == positive else { return false }
                return next(position, &self)
            case .group(let inner, let capture):
                guard let capture else { return match(inner, position, next) }
                let saved = captures[capture]
                if match(
                    inner, position,
                    { end, matcher in
                        let previous = matcher.captures[capture]
                        matcher.captures[capture] = (position, end)
                        if next(end, &matcher) { return true }
                        matcher.captures[capture] = previous
                        return false
                    })
                {
                    return true
                }
                captures[capture] = saved
                return false
            case .sequence(let nodes):
                return matchSequence(nodes[...], position, next)
            case .alternation(let options):
                for option in options where match(option, position, next) { return true }
                return false
            case .quantified(let inner, let minimum, let maximum, let greedy):
                return matchRepeat(inner, minimum, maximum, greedy, 0, position, next)
            case .atomic(let inner):
                var innerEnd = -1
                let saved = captures
                guard
                    match(
                        inner, position,
                        { end, _ in
                            innerEnd = end
                            return true
                        })
                else { return false }
                if next(innerEnd, &self) { return true }
                captures = saved
                return false
            case .look(let inner, let ahead, let positive):
                let saved = captures
                var found = false
                if ahead {
                    found = match(inner, position) { _, _ in true }
                } else {
                    for start in stride(from: position, through: 0, by: -1) where !found {
                        found = match(inner, start) { end, _ in end == position }
                    }
                }
                if !(found && positive) { captures = saved }
                guard found == positive else { return false }
                if next(position, &self) { return true }
                captures = saved
                return false
            case .backreference(let index):
                guard index < captures.count, let (start, end) = captures[index] else { return false }
                let length = end - start
                guard position + length <= text.count else { return false }
                for offset in 0..<length where fold(text[start + offset]) != fold(text[position + offset]) {
                    return false
                }
                return next(position + length, &self)
            }
        }

        mutating func matchSequence(_ nodes: ArraySlice<Node>, _ position: Int, _ next: (Int, inout Matcher) -> Bool)
            -> Bool
        {
            guard let first = nodes.first else { return next(position, &self) }
            return match(first, position) { end, matcher in matcher.matchSequence(nodes.dropFirst(), end, next) }
        }

        mutating func matchRepeat(
            _ node: Node, _ minimum: Int, _ maximum: Int, _ greedy: Bool, _ count: Int, _ position: Int,
            _ next: (Int, inout Matcher) -> Bool
        ) -> Bool {
            if count < minimum {
                return match(node, position) { end, matcher in
                    matcher.matchRepeat(node, minimum, maximum, greedy, count + 1, end, next)
                }
            }
            if greedy {
                if count < maximum
                    && match(
                        node, position,
                        { end, matcher in
                            end != position && matcher.matchRepeat(node, minimum, maximum, greedy, count + 1, end, next)
                        })
                {
                    return true
                }
                return next(position, &self)
            }
            if next(position, &self) { return true }
            return count < maximum
                && match(node, position) { end, matcher in
                    end != position && matcher.matchRepeat(node, minimum, maximum, greedy, count + 1, end, next)
                }
        }
    }
}

/// Parses Oniguruma/Perl-style pattern text into `Regex.Node`s.
struct RegexParser {
    let scalars: [Unicode.Scalar]
    let extended: Bool
    let pattern: String
    var position = 0
    var names: [String?] = []

    init(scalars: [Unicode.Scalar], extended: Bool, pattern: String) {
        self.scalars = scalars
        self.extended = extended
        self.pattern = pattern
    }

    func error(_ reason: String) -> QueryFailure {
        JSONValue.fail("\(pattern) (at offset \(position)) is not a valid regex: \(reason)")
    }

    mutating func skipExtended() {
        guard extended else { return }
        while position < scalars.count {
            if scalars[position].properties.isWhitespace {
                position += 1
            } else if scalars[position] == "#" {
                while position < scalars.count && scalars[position] != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    /// After `(`: `?=`, `?!`, `?<=` or `?<!`, consumed; nil (nothing consumed) for any other group.
    mutating func lookaround() -> (ahead: Bool, positive: Bool)? {
        func scalar(_ offset: Int) -> Unicode.Scalar? {
            position + offset < scalars.count ? scalars[position + offset] : nil
        }
        switch (scalar(1), scalar(2)) {
        case ("=", _):
            position += 2
            return (true, true)
        case ("!", _):
            position += 2
            return (true, false)
        case ("<", "="):
            position += 3
            return (false, true)
        case ("<", "!"):
            position += 3
            return (false, false)
        default: return nil
        }
    }

    mutating func parseAlternation() throws(QueryFailure) -> Regex.Node {
        var options = [try parseSequence()]
        while position < scalars.count && scalars[position] == "|" {
            position += 1
            options.append(try parseSequence())
        }
        return options.count == 1 ? options[0] : .alternation(options)
    }

    mutating func parseSequence() throws(QueryFailure) -> Regex.Node {
        var nodes: [Regex.Node] = []
        while true {
            skipExtended()
            guard position < scalars.count, scalars[position] != "|", scalars[position] != ")" else { break }
            var atom = try parseAtom()
            skipExtended()
            while position < scalars.count {
                let scalar = scalars[position]
                var minimum = 0
                var maximum = Int.max
                if scalar == "*" {
                    position += 1
                } else if scalar == "+" {
                    minimum = 1
                    position += 1
                } else if scalar == "?" {
                    maximum = 1
                    position += 1
                } else if scalar == "{", let (low, high) = parseBraces() {
                    minimum = low
                    maximum = high
                } else {
                    break
                }
                var greedy = true
                var possessive = false
                if position < scalars.count && scalars[position] == "?" {
                    greedy = false
                    position += 1
                } else if position < scalars.count && scalars[position] == "+" {
                    possessive = true
                    position += 1
                }
                atom = Self.quantify(atom, min: minimum, max: maximum, greedy: greedy)
                if possessive { atom = .atomic(atom) }
            }
            nodes.append(atom)
        }
        return nodes.count == 1 ? nodes[0] : .sequence(nodes)
    }

    /// `atom` under a quantifier; a greedy `?`, `*` or `+` directly on another one folds into one quantifier as in
    /// Oniguruma (`x**` is `x*`, `x+?`… stays lazy), so nested unbounded loops don't backtrack exponentially.
    static func quantify(_ atom: Regex.Node, min: Int, max: Int, greedy: Bool) -> Regex.Node {
        let simple = { (low: Int, high: Int) in low <= 1 && (high == 1 || high == Int.max) && (low < high) }
        if greedy, simple(min, max), case .quantified(let inner, let innerMin, let innerMax, true) = atom,
            simple(innerMin, innerMax)
        {
            let folded = (min: min == 1 && innerMin == 1 ? 1 : 0, max: max == 1 && innerMax == 1 ? 1 : Int.max)
            return .quantified(inner, min: folded.min, max: folded.max, greedy: true)
        }
        return .quantified(atom, min: min, max: max, greedy: greedy)
    }

    mutating func parseBraces() -> (Int, Int)? {
        var probe = position + 1
        var low = ""
        var high: String?
        while probe < scalars.count, scalars[probe].properties.numericType != nil, scalars[probe].isASCII {
            low.unicodeScalars.append(scalars[probe])
            probe += 1
        }
        if probe < scalars.count && scalars[probe] == "," {
            probe += 1
            var upper = ""
            while probe < scalars.count, scalars[probe].isASCII, scalars[probe].properties.numericType != nil {
                upper.unicodeScalars.append(scalars[probe])
                probe += 1
            }
            high = upper
        }
        guard probe < scalars.count, scalars[probe] == "}", !low.isEmpty || !(high ?? "").isEmpty else { return nil }
        position = probe + 1
        let minimum = Int(low) ?? 0
        if let high { return (minimum, high.isEmpty ? Int.max : Int(high) ?? Int.max) }
        return (minimum, minimum)
    }

    mutating func parseAtom() throws(QueryFailure) -> Regex.Node {
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case ".": return .any
        case "^": return .start
        case "$": return .end
        case "(":
            var capture: Int?
            if position + 1 < scalars.count && scalars[position] == "?" {
                if scalars[position + 1] == ":" {
                    position += 2
                } else if scalars[position + 1] == ">" {
                    position += 2
                    let inner = try parseAlternation()
                    guard position < scalars.count && scalars[position] == ")" else {
                        throw error("end pattern with unmatched parenthesis")
                    }
                    position += 1
                    return .atomic(inner)
                } else if let look = lookaround() {
                    let inner = try parseAlternation()
                    guard position < scalars.count && scalars[position] == ")" else {
                        throw error("end pattern with unmatched parenthesis")
                    }
                    position += 1
                    return .look(inner, ahead: look.ahead, positive: look.positive)
                } else if scalars[position + 1] == "<" || scalars[position + 1] == "P" {
                    position += scalars[position + 1] == "P" ? 3 : 2
                    var name = ""
                    while position < scalars.count && scalars[position] != ">" {
                        name.unicodeScalars.append(scalars[position])
                        position += 1
                    }
                    position += 1
                    capture = names.count
                    names.append(name)
                } else {
                    throw error("undefined group option")
                }
            } else {
                capture = names.count
                names.append(nil)
            }
            let inner = try parseAlternation()
            guard position < scalars.count && scalars[position] == ")" else {
                throw error("end pattern with unmatched parenthesis")
            }
            position += 1
            return .group(inner, capture: capture)
        case "[":
            return try parseClass()
        case "\\":
            return try parseEscape(inClass: false)
        case "*", "+", "?":
            throw error("target of repeat operator is not specified")
        default:
            return .scalar(scalar)
        }
    }

    mutating func parseEscape(inClass: Bool) throws(QueryFailure) -> Regex.Node {
        guard position < scalars.count else { throw error("end pattern at escape") }
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "d": return .set([.digit(true)], negated: false)
        case "D": return .set([.digit(true)], negated: true)
        case "w": return .set([.word(true)], negated: false)
        case "W": return .set([.word(true)], negated: true)
        case "s": return .set([.space(true)], negated: false)
        case "S": return .set([.space(true)], negated: true)
        case "b": return inClass ? .scalar("\u{08}") : .wordBoundary(true)
        case "B": return .wordBoundary(false)
        case "A": return .start
        case "z", "Z": return .end
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        case "v": return .scalar("\u{0B}")
        case "e": return .scalar("\u{1B}")
        case "u", "x":
            var value: UInt32 = 0
            let count = scalar == "u" ? 4 : 2
            for _ in 0..<count {
                guard position < scalars.count, let digit = scalars[position].hexDigitValue else { break }
                value = value * 16 + UInt32(digit)
                position += 1
            }
            return .scalar(Unicode.Scalar(value) ?? "\u{FFFD}")
        case "1"..."9":
            return .backreference(Int(scalar.value - 49))
        default:
            return .scalar(scalar)
        }
    }

    mutating func parseClass() throws(QueryFailure) -> Regex.Node {
        var negated = false
        if position < scalars.count && scalars[position] == "^" {
            negated = true
            position += 1
        }
        var items: [Regex.ClassItem] = []
        var first = true
        while true {
            guard position < scalars.count else { throw error("premature end of char-class") }
            let scalar = scalars[position]
            if scalar == "]" && !first {
                position += 1
                break
            }
            first = false
            position += 1
            var low: UInt32
            if scalar == "\\" {
                let escaped = try parseEscape(inClass: true)
                switch escaped {
                case .set(let inner, let innerNegated):
                    if innerNegated {
                        for item in inner {
                            switch item {
                            case .digit: items.append(.digit(false))
                            case .word: items.append(.word(false))
                            case .space: items.append(.space(false))
                            case .range: break
                            }
                        }
                    } else {
                        items.append(contentsOf: inner)
                    }
                    continue
                case .scalar(let value): low = value.value
                default: continue
                }
            } else if scalar == "[" && position < scalars.count && scalars[position] == ":" {
                var name = ""
                var probe = position + 1
                while probe < scalars.count && scalars[probe] != ":" {
                    name.unicodeScalars.append(scalars[probe])
                    probe += 1
                }
                position = probe + 2
                switch name {
                case "digit": items.append(.digit(true))
                case "alpha": items.append(contentsOf: [.range(65, 90), .range(97, 122)])
                case "alnum": items.append(contentsOf: [.range(65, 90), .range(97, 122), .range(48, 57)])
                case "space": items.append(.space(true))
                case "upper": items.append(.range(65, 90))
                case "lower": items.append(.range(97, 122))
                case "punct":
                    items.append(contentsOf: [.range(33, 47), .range(58, 64), .range(91, 96), .range(123, 126)])
                case "xdigit": items.append(contentsOf: [.range(48, 57), .range(65, 70), .range(97, 102)])
                default: items.append(.word(true))
                }
                continue
            } else {
                low = scalar.value
            }
            if position + 1 < scalars.count && scalars[position] == "-" && scalars[position + 1] != "]" {
                position += 1
                var high = scalars[position].value
                position += 1
                if scalars[position - 1] == "\\", position < scalars.count {
                    if case .scalar(let value) = try parseEscape(inClass: true) { high = value.value }
                }
                items.append(.range(low, high))
            } else {
                items.append(.range(low, low))
            }
        }
        return .set(items, negated: negated)
    }
}

extension Unicode.Scalar {
    var hexDigitValue: Int? {
        switch value {
        case 48...57: Int(value - 48)
        case 65...70: Int(value - 55)
        case 97...102: Int(value - 87)
        default: nil
        }
    }
}
