import ShellSyntax
import Testing

/// Assignments, redirections, heredocs, comments and command structure.
@Suite("Command parser")
struct CommandParserTests {
    @Test func assignmentsBeforeTheCommandName() throws {
        let command = try onlySimpleCommand("A=1 B=$x C= cmd D=2")
        #expect(command.assignments.map(\.name) == ["A", "B", "C"])
        #expect(command.assignments[0].value.parts == [.literal("1")])
        #expect(command.assignments[1].value.parts == [.parameter("x")])
        #expect(command.assignments[2].value.parts.isEmpty)
        #expect(command.words.map(\.description) == ["cmd", "D=2"])
    }

    @Test func emptyAssignmentThenCommand() throws {
        // `A= b` runs `b` with A set to the empty string.
        let command = try onlySimpleCommand("A= b")
        #expect(command.assignments.count == 1)
        #expect(command.assignments.first?.name == "A")
        #expect(command.assignments.first?.value.parts == [])
        #expect(command.words.map(\.description) == ["b"])
    }

    @Test(arguments: ["1A=x", "\"A\"=x", "A-B=x", "=x", "\\A=x"])
    func notAnAssignment(word: String) throws {
        let command = try onlySimpleCommand(word)
        #expect(command.assignments.isEmpty)
        #expect(command.words.count == 1)
    }

    @Test func assignmentValueWithQuotesAndTilde() throws {
        let command = try onlySimpleCommand("A=\"x y\"z B=~/bin")
        #expect(command.assignments[0].value.parts == [.doubleQuoted([.literal("x y")]), .literal("z")])
        #expect(command.assignments[1].value.parts == [.tilde(""), .literal("/bin")])
        #expect(command.words.isEmpty)
    }

    @Test func ioNumbers() throws {
        let command = try onlySimpleCommand("cmd 2>&1 >out 2 >x 3<in 10>>log &>all")
        let redirections = command.redirections
        #expect(redirections.map(\.fileDescriptor) == [2, nil, nil, 3, 10, nil])
        #expect(
            redirections.map(\.operation) == [.duplicateOutput, .output, .output, .input, .append, .outputAndError])
        #expect(redirections.map(\.target.description) == ["1", "out", "x", "in", "log", "all"])
        #expect(redirections.map(\.effectiveDescriptor) == [2, 1, 1, 3, 10, 1])
        // `2 >x`: the blank makes `2` an argument.
        #expect(command.words.map(\.description) == ["cmd", "2"])
    }

    @Test func redirectionOperators() throws {
        let command = try onlySimpleCommand("cmd <a >b >>c >|d <>e <&0 >&2")
        #expect(
            command.redirections.map(\.operation) == [
                .input, .output, .append, .clobber, .readWrite, .duplicateInput, .duplicateOutput,
            ])
    }

    @Test func heredocBodyIsExpandable() throws {
        let command = try onlySimpleCommand("cat <<EOF\nhello $X `echo y`\n\\$literal\nEOF\n")
        let heredoc = try #require(command.redirections.first?.heredoc)
        #expect(heredoc.delimiter == "EOF")
        #expect(!heredoc.isQuoted)
        #expect(heredoc.body.count == 5)
        #expect(heredoc.body.first == .literal("hello "))
        #expect(heredoc.body[1] == .parameter("X"))
        #expect(heredoc.body.last == .literal("\n$literal\n"))
    }

    @Test func quotedHeredocIsLiteral() throws {
        let command = try onlySimpleCommand("cat <<'EOF'\nhello $X\nEOF")
        let heredoc = try #require(command.redirections.first?.heredoc)
        #expect(heredoc.isQuoted)
        #expect(heredoc.body == [.literal("hello $X\n")])
    }

    @Test func heredocWithTabsStripped() throws {
        let command = try onlySimpleCommand("cat <<-END\n\t\tone\n\ttwo\n\tEND\n")
        let heredoc = try #require(command.redirections.first?.heredoc)
        #expect(heredoc.body == [.literal("one\ntwo\n")])
    }

    @Test func twoHeredocsOnOneLineThenMoreCommands() throws {
        let script = try Parser.parse("cat <<A; cat <<B\n1\nA\n2\nB\necho after")
        #expect(script.items.count == 3)
        #expect(script.items.last?.andOr.first.commands.first.map { "\($0)" }?.contains("after") == true)
        // The printer writes each body right after its own command; both forms mean the same.
        #expect(script.description == "cat <<A\n1\nA\ncat <<B\n2\nB\necho after")
        let bodies = script.items.prefix(2).map { item -> [WordPart]? in
            guard case .simple(let command)? = item.andOr.first.commands.first else { return nil }
            return command.redirections.first?.heredoc?.body
        }
        #expect(bodies == [[.literal("1\n")], [.literal("2\n")]])
    }

    @Test func comments() throws {
        #expect(try Parser.parse("# only a comment").items.isEmpty)
        #expect(try Parser.parse("\n  \n# x\n").items.isEmpty)
        #expect(try wordParts("echo a # b c").map { $0 } == [[.literal("echo")], [.literal("a")]])
        #expect(try wordParts("echo a#b").map { $0 } == [[.literal("echo")], [.literal("a#b")]])
        #expect(try wordParts("echo '#x' \"#y\"")[1] == [.singleQuoted("#x")])
        #expect(try Parser.parse("echo a # ) ; fi\necho b").items.count == 2)
    }

    @Test func listsAndPipelines() throws {
        let script = try Parser.parse("a | b && ! c || d & e; f\ng")
        #expect(script.items.count == 4)
        #expect(script.items[0].isBackground)
        #expect(script.items[0].andOr.first.commands.count == 2)
        #expect(script.items[0].andOr.rest.map(\.0) == [.and, .or])
        #expect(script.items[0].andOr.rest[0].1.isNegated)
        #expect(!script.items[1].isBackground)
    }

    @Test func pipeAndAndOrContinueOnTheNextLine() throws {
        let script = try Parser.parse("echo a |\n  tr a b &&\n echo c")
        #expect(script.items.count == 1)
        #expect(script.description == "echo a | tr a b && echo c")
    }

    @Test func compoundCommandsAndFunctions() throws {
        let script = try Parser.parse(
            """
            f() { echo "$1"; }
            for x in a b; do f $x; done > out
            while false; do :; done
            case $y in (a) echo a;; b|c) ;; esac
            if a; then b; elif c; then d; else e; fi
            ( cd /tmp; pwd )
            """)
        #expect(script.items.count == 6)
        guard case .functionDefinition(let name, let body)? = script.items[0].andOr.first.commands.first,
            case .group = body
        else {
            Issue.record("not a function: \(script.items[0])")
            return
        }
        #expect(name == "f")
        guard case .forLoop(let loop, let redirections)? = script.items[1].andOr.first.commands.first else {
            Issue.record("not a for loop")
            return
        }
        #expect(loop.name == "x")
        #expect(loop.words?.map(\.description) == ["a", "b"])
        #expect(redirections.first?.target.description == "out")
        guard case .caseClause(let clause, _)? = script.items[3].andOr.first.commands.first else {
            Issue.record("not a case")
            return
        }
        #expect(clause.arms.map { $0.patterns.map(\.description) } == [["a"], ["b", "c"]])
        guard case .ifClause(let ifClause, _)? = script.items[4].andOr.first.commands.first else {
            Issue.record("not an if")
            return
        }
        #expect(ifClause.branches.count == 2)
        #expect(ifClause.elseBody != nil)
    }

    @Test func reservedWordsOnlyInCommandPosition() throws {
        #expect(try wordParts("echo if then fi done").map { $0.count } == [1, 1, 1, 1, 1])
        #expect(try wordParts("echo {a,b} }")[1] == [.literal("{a,b}")])
    }
}

/// Scripts saved with CRLF line ends.
@Suite("CRLF")
struct CRLFTests {
    @Test func heredocDelimiterLineMayEndWithCR() throws {
        let command = try onlySimpleCommand("cat <<EOF\r\nx\r\nEOF\r\n")
        #expect(command.redirections.first?.heredoc?.body == [.literal("x\r\n")])
    }

    @Test func carriageReturnEndsAWord() throws {
        #expect(try wordParts("echo a\r").map(\.count) == [1, 1])
    }
}
