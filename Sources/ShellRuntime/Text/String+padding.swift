extension String {
    /// The string padded with spaces to `width` columns for a table, or followed by one space when it is wider.
    package func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
