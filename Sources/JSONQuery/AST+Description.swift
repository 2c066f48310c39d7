extension AST: CustomStringConvertible {
    /// A canonical program text for the tree.
    public var description: String { render(self, level: 0) }
}

/// Levels: 0 pipe, 1 comma, 3 `//`, 4 assignment, 5 or, 6 and, 7 comparison, 8 additive, 9 multiplicative,
/// 10 postfix term.
private func render(_ node: AST, level: Int) -> String {
    let (text, own) = renderWithLevel(node)
    return own < level ? "(\(text))" : text
}

private func isIdentifier(_ key: String) -> Bool {
    guard let first = key.utf8.first, first == 95 || (first | 0x20 >= 97 && first | 0x20 <= 122) else {
        return false
    }
    return key.utf8.allSatisfy { $0 == 95 || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) || ($0 >= 48 && $0 <= 57) }
        && !Lexer.keywords.contains(key)
}

private func quote(_ string: String) -> String { JSONWriter.quoted(string) }

private func renderTerm(_ node: AST) -> String {
    let text = render(node, level: 10)
    // A number followed by `.name` or `[` would lex differently: parenthesise it.
    if case .literal(let value) = node, value.doubleValue != nil { return "(\(text))" }
    return text
}

private func renderString(_ parts: [AST.StringPart]) -> String {
    var result = "\""
    for part in parts {
        switch part {
        case .text(let text): result += String(quote(text).dropFirst().dropLast())
        case .interpolation(let inner): result += "\\(\(render(inner, level: 0)))"
        }
    }
    return result + "\""
}

private func renderPattern(_ pattern: Pattern) -> String {
    switch pattern {
    case .variable(let name): return "$" + name
    case .array(let elements): return "[" + elements.map(renderPattern).joined(separator: ", ") + "]"
    case .object(let entries):
        let members = entries.map { entry -> String in
            if let variable = entry.variable {
                return "$" + variable + (entry.pattern.map { ": " + renderPattern($0) } ?? "")
            }
            let key: String
            if case .literal(.string(let name))? = entry.key {
                key = quote(name)
            } else {
                key = "(" + render(entry.key ?? .identity, level: 0) + ")"
            }
            return key + ": " + renderPattern(entry.pattern ?? .variable("_"))
        }
        return "{" + members.joined(separator: ", ") + "}"
    }
}

private func renderSuffix(_ target: AST, _ suffix: String) -> String {
    if target == .identity {
        return suffix.hasPrefix(".") ? suffix : "." + suffix
    }
    return renderTerm(target) + suffix
}

private func renderWithLevel(_ node: AST) -> (String, Int) {
    switch node {
    case .identity: return (".", 10)
    case .recurseAll: return ("..", 10)
    case .literal(let value):
        if case .string(let string) = value { return (quote(string), 10) }
        if let number = value.doubleValue, number < 0 || (number == 0 && number.sign == .minus) {
            return ("(\(JSONWriter.compactString(value)))", 10)
        }
        return (JSONWriter.compactString(value), 10)
    case .string(let parts, let format):
        return ((format.map { "@\($0) " } ?? "") + renderString(parts), 10)
    case .format(let name): return ("@" + name, 10)
    case .index(let target, let key):
        if case .literal(.string(let name)) = key {
            return (renderSuffix(target, isIdentifier(name) ? "." + name : "." + quote(name)), 10)
        }
        return (renderSuffix(target, "[" + render(key, level: 0) + "]"), 10)
    case .slice(let target, let from, let to):
        let inner = (from.map { render($0, level: 0) } ?? "") + ":" + (to.map { render($0, level: 0) } ?? "")
        return (renderSuffix(target, "[" + inner + "]"), 10)
    case .iterate(let target): return (renderSuffix(target, "[]"), 10)
    case .tryCatch(let body, let handler):
        var text = "try " + renderTerm(body)
        if let handler { text += " catch " + renderTerm(handler) }
        return (text, 10)
    case .array(let inner): return ("[" + (inner.map { render($0, level: 0) } ?? "") + "]", 10)
    case .object(let entries):
        let members = entries.map { entry -> String in
            let key: String
            if case .literal(.string(let name)) = entry.key {
                key = quote(name)
            } else if case .string(let parts, nil) = entry.key {
                key = renderString(parts)
            } else {
                key = "(" + render(entry.key, level: 0) + ")"
            }
            return key + ": " + render(entry.value, level: 3)
        }
        return ("{" + members.joined(separator: ", ") + "}", 10)
    case .negate(let operand): return ("-" + render(operand, level: 9), 8)
    case .pipe(let left, let right): return (render(left, level: 1) + " | " + render(right, level: 0), 0)
    case .comma(let left, let right): return (render(left, level: 1) + ", " + render(right, level: 2), 1)
    case .binary(let op, let left, let right):
        let level = op.precedence
        let rightAssociative = op == .alternative
        let comparison = level == 7
        let leftLevel = rightAssociative || comparison ? level + 1 : level
        let rightLevel = rightAssociative ? level : level + 1
        return (render(left, level: leftLevel) + " \(op.rawValue) " + render(right, level: rightLevel), level)
    case .update(let op, let left, let right):
        return (render(left, level: 5) + " \(op.rawValue) " + render(right, level: 3), 4)
    case .conditional(let branches, let otherwise):
        var text = ""
        for (offset, branch) in branches.enumerated() {
            text +=
                (offset == 0 ? "if " : " elif ") + render(branch.condition, level: 0) + " then "
                + render(branch.body, level: 0)
        }
        if let otherwise { text += " else " + render(otherwise, level: 0) }
        return (text + " end", 10)
    case .reduce(let source, let pattern, let initial, let update):
        return (
            "reduce " + renderTerm(source) + " as " + renderPattern(pattern) + " (" + render(initial, level: 0)
                + "; " + render(update, level: 0) + ")", 10
        )
    case .foreach(let source, let pattern, let initial, let update, let extract):
        var text =
            "foreach " + renderTerm(source) + " as " + renderPattern(pattern) + " (" + render(initial, level: 0)
            + "; " + render(update, level: 0)
        if let extract { text += "; " + render(extract, level: 0) }
        return (text + ")", 10)
    case .definition(let definition, let rest):
        var text = "def " + definition.name
        if !definition.parameters.isEmpty { text += "(" + definition.parameters.joined(separator: "; ") + ")" }
        text += ": " + render(definition.body, level: 0) + "; " + render(rest, level: 0)
        return (text, 0)
    case .call(let name, let arguments):
        if arguments.isEmpty { return (name, 10) }
        return (name + "(" + arguments.map { render($0, level: 0) }.joined(separator: "; ") + ")", 10)
    case .variable(let name): return ("$" + name, 10)
    case .bind(let source, let patterns, let body):
        return (
            renderTerm(source) + " as " + patterns.map(renderPattern).joined(separator: " ?// ") + " | "
                + render(body, level: 0), 0
        )
    case .label(let name, let body): return ("label $" + name + " | " + render(body, level: 0), 0)
    case .breakLabel(let name): return ("break $" + name, 10)
    }
}
