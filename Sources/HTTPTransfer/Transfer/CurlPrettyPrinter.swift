import JSONQuery
import ShellRuntime

/// `--pretty` (an lp-shell extension): a JSON body shown on a terminal the way `jq .` shows it there, indented
/// and in jq 1.7.1's colours. Anything that is not JSON passes through unchanged.
package struct CurlPrettyPrinter: Sendable {
    /// The palette, nil when `NO_COLOR` is set and not empty (then the body is only indented).
    var colors: ColorPalette?

    /// Colours as jq 1.7.1 picks them (``TerminalStyle/jqUsesColor(isTerminal:environment:)``, deliberately not
    /// the shell's own rule): a non-empty `NO_COLOR` turns them off, `JQ_COLORS` overrides the defaults. Only
    /// used when stdout is a terminal.
    package init(environment: [String: String]) {
        if !TerminalStyle.jqUsesColor(isTerminal: true, environment: environment) {
            colors = nil
        } else {
            colors = environment["JQ_COLORS"].flatMap { ColorPalette(specification: $0, base: .default) } ?? .default
        }
    }

    /// The body as `jq .` prints it (every JSON text, each followed by a newline), or the body unchanged when
    /// it is empty or not JSON.
    func render(_ body: [UInt8]) -> [UInt8] {
        guard let values = try? JSONParser.parseAll(body), !values.isEmpty else { return body }
        var options = JSONWriter.Options()
        options.colors = colors
        var writer = JSONWriter(options: options)
        for value in values {
            writer.write(value)
            writer.writeRaw("\n")
        }
        return writer.buffer
    }
}
