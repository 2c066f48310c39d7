extension Builtins {
    static func registerRegex(_ table: inout [String: NativeFunction]) {
        table["_match_impl/3"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                try evaluator.withArguments(arguments[...], input, env) { values in
                    try emit(
                        try matchImplementation(evaluator, input, values[0], values[1], testOnly: values[2].isTruthy))
                }
            }, paths: nil)
        table["test/2"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                try evaluator.withArguments(arguments[...], input, env) { values in
                    try emit(try matchImplementation(evaluator, input, values[0], values[1], testOnly: true))
                }
            }, paths: nil)
        table["sub/3"] = NativeFunction(
            value: { evaluator, arguments, input, env, emit in
                try evaluator.eval(arguments[2], input, env) { flags in
                    try evaluator.eval(arguments[0], input, env) { pattern in
                        try substitute(evaluator, input, pattern, flags, arguments[1], env, emit)
                    }
                }
            }, paths: nil)
    }

    static func compile(_ input: JSONValue, _ pattern: JSONValue, _ flags: JSONValue) throws -> (
        Regex, String, [Unicode.Scalar]
    ) {
        guard case .string(let text) = input else {
            throw fail("\(input.errorDescription) cannot be matched, as it is not a string")
        }
        guard case .string(let source) = pattern else {
            throw fail("\(pattern.errorDescription) cannot be matched, as it is not a string")
        }
        var modifiers = ""
        switch flags {
        case .null: break
        case .string(let string): modifiers = string
        default: throw fail("\(flags.errorDescription) is not a string")
        }
        for flag in modifiers.unicodeScalars where !"gimnpslx".unicodeScalars.contains(flag) {
            throw fail("\(modifiers) is not a valid modifier string")
        }
        return (try Regex(source, flags: modifiers), modifiers, Array(text.unicodeScalars))
    }

    static func matches(
        _ evaluator: Evaluator, _ regex: Regex, _ scalars: [Unicode.Scalar], global: Bool, skipEmpty: Bool
    ) throws(QueryFailure) -> [Regex.Match] {
        // jq 1.7.1's loop: after an empty match the search resumes one code point later, after any other at its
        // end, and it goes on while the start is within the text (so an empty match at the very end is found).
        var results: [Regex.Match] = []
        var start = 0
        let host = evaluator.host
        repeat {
            guard let match = try regex.firstMatch(in: scalars, from: start, interrupted: { host.isInterrupted })
            else { break }
            if !(skipEmpty && match.start == match.end) { results.append(match) }
            start = match.end > match.start ? match.end : match.end + 1
        } while global && start <= scalars.count
        return results
    }

    static func matchObject(_ match: Regex.Match, _ regex: Regex, _ scalars: [Unicode.Scalar]) -> JSONValue {
        func text(_ start: Int, _ end: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return String(view)
        }
        var captures: [JSONValue] = []
        for (index, name) in regex.captureNames.enumerated() {
            let nameValue = name.map(JSONValue.string) ?? .null
            // A group that took no part is offset -1, string null.
            let span = match.span(ofGroup: index)
            if let (start, end) = span {
                captures.append(
                    .object(
                        JSONObject([
                            ("offset", .number(Double(start))), ("length", .number(Double(end - start))),
                            ("string", .string(text(start, end))), ("name", nameValue),
                        ])))
            } else {
                captures.append(
                    .object(
                        JSONObject([
                            ("offset", .number(-1)), ("string", .null), ("length", .number(0)), ("name", nameValue),
                        ])))
            }
        }
        return .object(
            JSONObject([
                ("offset", .number(Double(match.start))), ("length", .number(Double(match.end - match.start))),
                ("string", .string(text(match.start, match.end))), ("captures", .array(captures)),
            ]))
    }

    static func matchImplementation(
        _ evaluator: Evaluator, _ input: JSONValue, _ pattern: JSONValue, _ flags: JSONValue, testOnly: Bool
    ) throws -> JSONValue {
        let (regex, modifiers, scalars) = try compile(input, pattern, flags)
        let found = try matches(
            evaluator, regex, scalars, global: modifiers.contains("g") && !testOnly, skipEmpty: modifiers.contains("n"))
        if testOnly { return .bool(!found.isEmpty) }
        return .array(found.map { matchObject($0, regex, scalars) })
    }

    private static func substitute(
        _ evaluator: Evaluator, _ input: JSONValue, _ pattern: JSONValue, _ flags: JSONValue, _ replacement: AST,
        _ env: Environment, _ emit: Evaluator.Emit
    ) throws {
        let (regex, modifiers, scalars) = try compile(input, pattern, flags)
        let found = try matches(
            evaluator, regex, scalars, global: modifiers.contains("g"), skipEmpty: modifiers.contains("n"))
        func text(_ start: Int, _ end: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return String(view)
        }
        // jq 1.7.1's `sub`: the i-th output of the replacement builds the i-th result, match after match; no match
        // (or an error while building, which jq's `//` swallows) gives the input back.
        var results: [JSONValue] = []
        var previous = 0
        do {
            for match in found {
                let gap = JSONValue.string(text(previous, match.start))
                var captureObject = JSONObject()
                for (position, name) in regex.captureNames.enumerated() {
                    guard let name else { continue }
                    let span = match.span(ofGroup: position)
                    captureObject[name] = span.map { .string(text($0.0, $0.1)) } ?? .null
                }
                var index = 0
                try evaluator.eval(replacement, .object(captureObject), env) { insert in
                    if index == results.count { results.append(.null) }
                    results[index] = try JSONValue.add(results[index], try JSONValue.add(gap, insert))
                    index += 1
                }
                previous = match.end
            }
        } catch let failure as QueryFailure {
            guard case .error = failure else { throw failure }
            try emit(input)
            return
        }
        let rest = JSONValue.string(text(previous, scalars.count))
        var emitted = false
        for result in results {
            guard let whole = try? JSONValue.add(result, rest), whole.isTruthy else { continue }
            emitted = true
            try emit(whole)
        }
        if !emitted { try emit(input) }
    }
}
