/// A value to put in place of a placeholder, and where it came from (for the note: `$LP_CONV_ID`).
struct PlaceholderValue: Equatable, Sendable {
    var text: String
    /// `$LP_CONV_ID`, `the sub of $LP_JWT`, …
    var source: String

    init(_ text: String, from source: String) {
        self.text = text
        self.source = source
    }
}
