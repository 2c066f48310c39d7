import ShellSyntax
import Testing

/// How words split into parts: quotes, escapes, expansions, substitutions and tildes.
@Suite("Word parts")
struct WordParserTests {
    @Test func quotedDoubleQuoteAroundVariableIsOneWordOfThreeParts() throws {
        let words = try wordParts("echo '\"'$VAR'\"'")
        #expect(words.count == 2)
        #expect(words[1] == [.singleQuoted("\""), .parameter("VAR"), .singleQuoted("\"")])
    }

    @Test func doubleQuotesHoldExpansionsAndEscapes() throws {
        let words = try wordParts(#"echo "a $B ${C} \$d \"e\" \x""#)
        #expect(
            words[1] == [
                .doubleQuoted([
                    .literal("a "), .parameter("B"), .literal(" "),
                    .parameterExpansion(ParameterExpansion(name: "C", operation: .plain)),
                    .literal(#" $d "e" \x"#),
                ])
            ])
    }

    @Test func escapesOutsideQuotes() throws {
        #expect(
            try wordParts(#"echo a\ b\$c"#)[1] == [
                .literal("a"), .escaped(" "), .literal("b"), .escaped("$"), .literal("c"),
            ])
        #expect(try wordParts("echo a\\\nb")[1] == [.literal("ab")])
    }

    @Test func specialParameters() throws {
        let words = try wordParts("echo $1 $# $? $@ $* $$ $10 $ $-")
        #expect(
            words[1...6].map { $0 } == [
                [.parameter("1")], [.parameter("#")], [.parameter("?")], [.parameter("@")], [.parameter("*")],
                [.parameter("$")],
            ])
        // `$10` is `$1` then `0`; a `$` before a blank is literal.
        #expect(words[7] == [.parameter("1"), .literal("0")])
        #expect(words[8] == [.literal("$")])
    }

    @Test func backtickBodyIsParsed() throws {
        let words = try wordParts("echo `echo a | tr a b`")
        guard case .commandSubstitution(let script, .backtick)? = words[1].first else {
            Issue.record("not a backtick substitution: \(words[1])")
            return
        }
        #expect(script.items.count == 1)
        #expect(script.items.first?.andOr.first.commands.count == 2)
        #expect(script.description == "echo a | tr a b")
    }

    @Test func backtickEscapesAreRemovedBeforeParsing() throws {
        let words = try wordParts(#"echo `echo \$HOME \`x\``"#)
        guard case .commandSubstitution(let script, .backtick)? = words[1].first else {
            Issue.record("not a backtick substitution: \(words[1])")
            return
        }
        #expect(script.description == "echo $HOME `x`")
    }

    @Test func dollarParenAndArithmetic() throws {
        let words = try wordParts("echo $(echo a; echo b) $((1 + (2 * 3)))")
        guard case .commandSubstitution(let script, .dollarParen)? = words[1].first else {
            Issue.record("not a $( substitution: \(words[1])")
            return
        }
        #expect(script.items.count == 2)
        #expect(words[2] == [.arithmetic("1 + (2 * 3)")])
    }

    @Test(arguments: [
        ("${A:-x}", "A", "useDefault", ":", "x"),
        ("${A-x}", "A", "useDefault", "", "x"),
        ("${A:=x}", "A", "assignDefault", ":", "x"),
        ("${A+x}", "A", "useAlternative", "", "x"),
        ("${A:?no value}", "A", "errorIfUnset", ":", "no value"),
        ("${A#*/}", "A", "removePrefix", "", "*/"),
        ("${A##*/}", "A", "removePrefix", "longest", "*/"),
        ("${A%.*}", "A", "removeSuffix", "", ".*"),
        ("${A%%.*}", "A", "removeSuffix", "longest", ".*"),
        ("${10:-x}", "10", "useDefault", ":", "x"),
    ])
    func parameterOperators(source: String, name: String, kind: String, flag: String, operand: String) throws {
        let words = try wordParts("echo " + source)
        guard case .parameterExpansion(let expansion)? = words[1].first, words[1].count == 1 else {
            Issue.record("not one expansion: \(words[1])")
            return
        }
        #expect(expansion.name == name)
        let (actualKind, actualFlag, word): (String, Bool, Word)
        switch expansion.operation {
        case .useDefault(let w, let colon): (actualKind, actualFlag, word) = ("useDefault", colon, w)
        case .assignDefault(let w, let colon): (actualKind, actualFlag, word) = ("assignDefault", colon, w)
        case .useAlternative(let w, let colon): (actualKind, actualFlag, word) = ("useAlternative", colon, w)
        case .errorIfUnset(let w, let colon): (actualKind, actualFlag, word) = ("errorIfUnset", colon, w)
        case .removePrefix(let w, let longest): (actualKind, actualFlag, word) = ("removePrefix", longest, w)
        case .removeSuffix(let w, let longest): (actualKind, actualFlag, word) = ("removeSuffix", longest, w)
        case .plain, .length:
            Issue.record("no operand: \(expansion)")
            return
        }
        #expect(actualKind == kind)
        #expect(actualFlag == !flag.isEmpty)
        #expect(word.description == operand)
    }

    @Test func lengthAndPlain() throws {
        let words = try wordParts("echo ${#A} ${A} ${#}")
        #expect(words[1] == [.parameterExpansion(ParameterExpansion(name: "A", operation: .length))])
        #expect(words[2] == [.parameterExpansion(ParameterExpansion(name: "A", operation: .plain))])
        #expect(words[3] == [.parameterExpansion(ParameterExpansion(name: "#", operation: .plain))])
    }

    @Test func operandOfDefaultKeepsQuotesAndNestedExpansions() throws {
        let words = try wordParts(#"echo "${A:-"b c" $D}""#)
        guard case .doubleQuoted(let inner)? = words[1].first,
            case .parameterExpansion(let expansion)? = inner.first,
            case .useDefault(let word, colon: true) = expansion.operation
        else {
            Issue.record("unexpected parts: \(words[1])")
            return
        }
        #expect(word.parts == [.doubleQuoted([.literal("b c")]), .literal(" "), .parameter("D")])
    }

    @Test func tildeOnlyAtWordStart() throws {
        let words = try wordParts("echo ~ ~/x ~root/y a~b '~'")
        #expect(words[1] == [.tilde("")])
        #expect(words[2] == [.tilde(""), .literal("/x")])
        #expect(words[3] == [.tilde("root"), .literal("/y")])
        #expect(words[4] == [.literal("a~b")])
        #expect(words[5] == [.singleQuoted("~")])
    }

    @Test func wordRangesAreUTF8Offsets() throws {
        let command = try onlySimpleCommand("echo  é'x'  y")
        #expect(
            command.words.map(\.range) == [
                SourceRange(start: 0, end: 4), SourceRange(start: 6, end: 11), SourceRange(start: 13, end: 14),
            ])
    }
}
