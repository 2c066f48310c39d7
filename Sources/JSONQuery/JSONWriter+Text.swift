extension JSONWriter {
    /// A JSON string literal exactly as jq writes it: lp-shell's one JSON quoting function.
    public static func quoted(_ string: String) -> String {
        var writer = JSONWriter(options: .compact)
        writer.writeString(string)
        return String(decoding: writer.buffer, as: UTF8.self)
    }

    /// The text `jq .` prints for a value (two-space indent, no trailing newline), coloured with `colors` when given.
    public static func prettyString(_ value: JSONValue, colors: ColorPalette? = nil) -> String {
        var options = Options()
        options.colors = colors
        var writer = JSONWriter(options: options)
        writer.write(value)
        return String(decoding: writer.buffer, as: UTF8.self)
    }
}
