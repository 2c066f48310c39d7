import HTTPTransfer

/// `-r`/`--range` as curl 7.88.1's `tool_getparam.c` takes it.
enum CurlRange {
    /// The range to send after `bytes=`, and curl's warning (without `Warning: `) when it has one.
    ///
    /// A number without a dash gets one appended (`5` → `5-`); anything else is kept as typed, with a warning
    /// when it holds characters other than digits, `-` and `,`.
    static func normalised(_ text: String) -> (range: String, warning: String?) {
        if let first = text.first, first.isASCIIDigit, !text.contains("-") {
            let digits = text.prefix(while: \.isASCIIDigit)
            let number = digits.drop { $0 == "0" }
            return (
                (number.isEmpty ? "0" : String(number)) + "-",
                "A specified range MUST include at least one dash (-). Appending one for you!"
            )
        }
        if text.contains(where: { !$0.isASCIIDigit && $0 != "-" && $0 != "," }) {
            return (
                text,
                "Invalid character is found in given range. A specified range MUST have only digits in "
                    + "'start'-'stop'. The server's response to this request is uncertain."
            )
        }
        return (text, nil)
    }
}
