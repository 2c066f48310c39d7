/// One-line descriptions of token-valued variables for `step`, `tokens` and the prompt.
enum TokenSummary {
    /// `expires in 10 min` for a JWT, nil for other values.
    static func describe(name: String, value: String) -> String? {
        nil
    }

    /// Why a value is not a usable JWT (`is not a JWT`, `expired 3 min ago`), or nil when it is.
    static func problem(with value: String) -> String? {
        value.split(separator: ".", omittingEmptySubsequences: false).count == 3 ? nil : "is not a JWT"
    }
}
