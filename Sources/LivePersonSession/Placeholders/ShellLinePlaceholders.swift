import ShellRuntime

/// The tutorials' placeholders in a shell line (`LP_TUS=__temp_url_sig__`, `curl …/__relative_path__…`), filled
/// from the shell variables the sockets captured into before the line is parsed again and run.
package enum ShellLinePlaceholders {
    /// The filled line and its notes; `missing` holds one line per placeholder without a value (the line must not
    /// run). Nil when `source` holds no placeholder.
    package static func fill(_ source: String, variables: VariableStore) -> (
        text: String, notes: [String], missing: [String]
    )? {
        guard !PlaceholderFilling.placeholders(in: source).isEmpty else { return nil }
        let filling = PlaceholderFilling.fill(source) { placeholder in
            let lookup = VariablePlaceholders.lookup(placeholder) { variables[$0] }
            guard case .value(let value) = lookup, !isShellSafe(value.text) else { return lookup }
            // Put in as text, a value with shell syntax would change the command: it is named instead.
            return .missing(
                reason:
                    "$\(placeholder.variable) holds characters the shell would interpret; write \"$\(placeholder.variable)\" there instead"
            )
        }
        return (filling.text, filling.notes, filling.missing)
    }

    /// True when `text` means the same unquoted, in double quotes and in single quotes (ids, paths, tokens,
    /// base64, numbers, comma lists).
    static func isShellSafe(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || "._-/:+=,@%".utf8.contains(byte)
            }
    }
}
