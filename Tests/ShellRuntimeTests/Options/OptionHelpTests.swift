import OptionParsing
import ShellRuntime
import Testing

/// The help text generated from an option table.
@Suite("Option help")
struct OptionHelpTests {
    @Test func alignsNamesAndPlaceholders() {
        let table = OptionTable(
            "tool",
            options: [
                OptionDefinition(["-d", "--decode"], help: "decode data"),
                OptionDefinition(["-w", "--wrap"], .optional, placeholder: "COLS", help: "wrap lines\nat COLS"),
                OptionDefinition(["--tab"], help: "use tabs"),
                OptionDefinition(["-X"], .required, placeholder: "METHOD", help: "the method"),
            ])
        #expect(
            table.helpLines() == """
                  -d, --decode       decode data
                  -w, --wrap[=COLS]  wrap lines
                                     at COLS
                      --tab          use tabs
                  -X METHOD          the method

                """)
    }

    @Test func namesWiderThanTheColumnHaveTheirHelpBelowOrAfterThem() {
        let table = OptionTable(
            "tool",
            options: [
                OptionDefinition(["-a"], help: "short"),
                OptionDefinition(["--very-long-option-name"], .required, placeholder: "VALUE", help: "long"),
            ])
        #expect(
            table.helpLines(maximumNameWidth: 10)
                == "  -a          short\n      --very-long-option-name VALUE\n              long\n")
        let narrow = OptionTable("tool", options: [OptionDefinition(["-a"], help: "short")])
        #expect(narrow.helpLines() == "  -a  short\n")
        #expect(narrow.helpLines(minimumNameWidth: 5) == "  -a     short\n")
        #expect(
            table.helpLines(maximumNameWidth: 10, wideNamesShareTheLine: true)
                == "  -a          short\n      --very-long-option-name VALUE  long\n")
    }
}

extension OptionHelpTests {
    @Test func findsOptionsTheHelpLeavesOut() {
        let table = OptionTable(
            "tool",
            options: [
                OptionDefinition(["-d", "--decode"], help: "decode data"),
                OptionDefinition(["-w", "--wrap"], .optional, placeholder: "COLS", help: "wrap lines\nat COLS"),
            ])
        #expect(table.undocumentedOptions(in: "usage: tool\n" + table.helpLines()).isEmpty)
        #expect(table.undocumentedOptions(in: "  -d, --decode  decode data\n  -w, --wrap  wrap lines") == ["--wrap"])
        #expect(table.undocumentedOptions(in: "  -d, --decode  other words\n") == ["--decode", "--wrap"])
    }
}
