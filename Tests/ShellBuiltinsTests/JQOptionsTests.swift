import JSONQuery
import OptionParsing
import ShellRuntime
import Testing

@testable import ShellBuiltins

/// jq's command line on the shared option table.
@Suite("jq options")
struct JQOptionsTests {
    func parse(_ arguments: [String]) throws(UsageError) -> JQOptions {
        try JQOptions(arguments: arguments) { _ in .failure(FileReadError(message: "Could not open it")) }
    }

    func message(_ arguments: [String]) -> String? {
        do {
            _ = try parse(arguments)
            return nil
        } catch {
            return JQOptions.table.message(for: error)
        }
    }

    @Test func bundlesFlagsAndTakesOperandsAnywhere() throws {
        let options = try parse(["-rcS", ".a", "f.json", "--tab", "-n", "g.json"])
        #expect(options.rawOutput && options.sortKeys && options.nullInput && options.useTabs)
        #expect(options.filter == ".a")
        #expect(options.files == ["f.json", "g.json"])
    }

    @Test func numbersAndDashAreOperands() throws {
        let options = try parse(["-1", "-", "--", "-n"])
        #expect(options.filter == "-1")
        #expect(options.files == ["-", "-n"])
        #expect(!options.nullInput)
    }

    @Test func namedAndPositionalArguments() throws {
        let options = try parse(["--arg", "a", "1", "--argjson", "b", "[2]", "--arg", "a", "x", ".", "--args", "p"])
        #expect(options.namedArguments.map(\.0) == ["a", "b"])
        #expect(options.positional == [.string("p")])
    }

    @Test func wordsLikeJQ() {
        let hint = JQOptions.hint
        #expect(message(["-Z"]) == "jq: Unknown option: -Z\n" + hint)
        #expect(message(["--indent=2"]) == "jq: Unknown option: --indent=2\n" + hint)
        #expect(message(["--indent"]) == "jq: --indent takes one parameter (e.g. --indent 4)\n" + hint)
        #expect(message(["--arg", "x"]) == "jq: --arg takes two parameters (e.g. --arg varname value)\n" + hint)
        #expect(message(["--indent", "9"]) == "jq: --indent takes a number between -1 and 7\n" + hint)
        #expect(
            message(["--slurpfile", "v", "missing"])
                == "jq: Bad JSON in --slurpfile v missing: Could not open it\n")
    }

    @Test func helpListsEveryOption() {
        #expect(JQOptions.table.undocumentedOptions(in: JQ.usage).isEmpty)
    }
}
