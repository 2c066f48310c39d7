import OptionParsing
import ShellRuntime
import Testing

/// The one argv parser every builtin and lp-shell itself use.
@Suite("Option parser")
struct OptionParserTests {
    static let options = [
        OptionDefinition(["-s", "--silent"], help: "quiet"),
        OptionDefinition(["-S", "--show-error"], help: "errors anyway"),
        OptionDefinition(["-X", "--request"], .required, placeholder: "METHOD", help: "method"),
        OptionDefinition(["-w", "--wrap"], .optional, placeholder: "COLS", help: "wrap"),
        OptionDefinition(["--arg"], .pair, placeholder: "NAME VALUE", help: "a variable"),
        OptionDefinition(["--show-headers"], help: "headers"),
    ]
    static let table = OptionTable("tool", options: options)

    func parse(_ arguments: [String], syntax: OptionSyntax = OptionSyntax()) throws(UsageError) -> [String] {
        try OptionTable("tool", options: Self.options, syntax: syntax).parse(arguments).map { argument in
            switch argument {
            case .operand(let word): "operand " + word
            case .option(let option):
                ([option.isNegated ? "no " + option.name : option.name] + option.values).joined(separator: " ")
            }
        }
    }

    func error(_ arguments: [String], syntax: OptionSyntax = OptionSyntax()) -> UsageError? {
        do {
            _ = try parse(arguments, syntax: syntax)
            return nil
        } catch {
            return error
        }
    }

    @Test func shortOptionsBundle() throws {
        #expect(try parse(["-sS"]) == ["--silent", "--show-error"])
        #expect(try parse(["-sSXPOST"]) == ["--silent", "--show-error", "--request POST"])
        #expect(try parse(["-sX", "PUT", "u"]) == ["--silent", "--request PUT", "operand u"])
    }

    @Test func valuesAttachedOrNext() throws {
        #expect(try parse(["-XPOST"]) == ["--request POST"])
        #expect(try parse(["-X", "-s"]) == ["--request -s"])
        #expect(try parse(["--request=PUT", "--request", "GET"]) == ["--request PUT", "--request GET"])
        #expect(try parse(["--request="]) == ["--request "])
    }

    @Test func optionalValuesOnlyAttached() throws {
        #expect(try parse(["-w", "5"]) == ["--wrap", "operand 5"])
        #expect(try parse(["-w5", "--wrap=0", "--wrap"]) == ["--wrap 5", "--wrap 0", "--wrap"])
    }

    @Test func pairsTakeTwoWords() throws {
        #expect(try parse(["--arg", "a", "1", "x"]) == ["--arg a 1", "operand x"])
        #expect(error(["--arg", "a"]) == UsageError(.missingValue, spelling: "--arg", option: "--arg"))
    }

    @Test func doubleDashEndsOptions() throws {
        #expect(try parse(["-s", "--", "-S", "--", "u"]) == ["--silent", "operand -S", "operand --", "operand u"])
        #expect(try parse(["-", "a", "-s"]) == ["operand -", "operand a", "--silent"])
    }

    @Test func posixStopsAtTheFirstOperand() throws {
        #expect(try parse(["-s", "a", "-S"], syntax: .posix) == ["--silent", "operand a", "operand -S"])
    }

    @Test func plusTurnsShortOptionsOff() throws {
        var syntax = OptionSyntax.posix
        syntax.plusNegatesShortOptions = true
        #expect(
            try parse(["+sX", "GET", "-s", "+", "a"], syntax: syntax) == [
                "no --silent", "no --request GET", "--silent", "operand +", "operand a",
            ])
        #expect(error(["+Z"], syntax: syntax) == UsageError(.unknownOption, spelling: "+Z"))
        #expect(try parse(["+s"]) == ["operand +s"])
    }

    @Test func remembersADoubleDash() throws {
        var parser = Self.table.parser(for: ["-s", "--"])
        #expect(try parser.next() != nil)
        #expect(!parser.sawDoubleDash)
        #expect(try parser.next() == nil)
        #expect(parser.sawDoubleDash)
    }

    @Test func jqStyleOptionsStartWithALetter() throws {
        var syntax = OptionSyntax()
        syntax.optionsStartWithLetter = true
        #expect(try parse(["-1", "-.", "-s"], syntax: syntax) == ["operand -1", "operand -.", "--silent"])
        #expect(error(["-1"]) == UsageError(.unknownOption, spelling: "-1"))
    }

    @Test func abbreviationsAndNegation() throws {
        var syntax = OptionSyntax.gnu
        syntax.negatesLongFlags = true
        #expect(
            try parse(["--sil", "--req", "X", "--no-silent", "--no-sil"], syntax: syntax) == [
                "--silent", "--request X", "no --silent", "no --silent",
            ])
        #expect(
            error(["--show"], syntax: syntax)
                == UsageError(.ambiguousOption(candidates: ["--show-error", "--show-headers"]), spelling: "--show"))
        #expect(
            error(["--no-request"], syntax: syntax)
                == UsageError(.negatedValueOption, spelling: "--no-request", option: "--request"))
        #expect(error(["--sil"]) == UsageError(.unknownOption, spelling: "--sil"))
        #expect(error(["--no-silent"]) == UsageError(.unknownOption, spelling: "--no-silent"))
    }

    @Test func errorsNameTheWord() {
        #expect(error(["-sZ"]) == UsageError(.unknownOption, spelling: "-Z", word: "-sZ"))
        #expect(error(["--bogus=1"]) == UsageError(.unknownOption, spelling: "--bogus", word: "--bogus=1"))
        #expect(error(["-sX"]) == UsageError(.missingValue, spelling: "-X", word: "-sX", option: "--request"))
        #expect(error(["--request"]) == UsageError(.missingValue, spelling: "--request", option: "--request"))
        #expect(
            error(["--silent=1"])
                == UsageError(.unexpectedValue, spelling: "--silent", word: "--silent=1", option: "--silent"))
    }

    @Test func attachedLongValuesCanBeRefused() {
        var syntax = OptionSyntax()
        syntax.acceptsAttachedLongValues = false
        #expect(error(["--request=PUT"], syntax: syntax) == UsageError(.unknownOption, spelling: "--request=PUT"))
    }

    @Test func readsLazilyAndLeavesTheRest() throws {
        var parser = Self.table.parser(for: ["-X", "GET", "a", "-b", "-Z"])
        #expect(
            try parser.next()
                == .option(
                    ParsedOption(
                        index: 2, name: "--request", spelling: "-X", values: ["GET"], isNegated: false)))
        #expect(parser.remaining == ["a", "-b", "-Z"])
        #expect(try parser.next() == .operand("a"))
        #expect(throws: UsageError(.unknownOption, spelling: "-b")) { try parser.next() }
    }

    @Test func defaultWordingIsOneLine() {
        #expect(Self.table.message(for: UsageError(.unknownOption, spelling: "-Z")) == "tool: -Z: unknown option\n")
        #expect(Self.table.message(for: .invalid("bad value")) == "tool: bad value\n")
    }
}
