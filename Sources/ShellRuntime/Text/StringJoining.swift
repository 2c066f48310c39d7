extension Collection where Element == String {
    /// The strings with `separator` between them, as `joined(separator:)` gives. Inlinable and concrete at every
    /// call site: the standard library's `joined` is generic over `StringProtocol` and makes a cold process look up
    /// conformances at run time (a linear scan of the runtime's tables, visible in every `-c` that expands a word or
    /// runs `echo`).
    @inlinable
    public func concatenated(separator: String) -> String {
        var result = ""
        var first = true
        for element in self {
            if !first { result += separator }
            first = false
            result += element
        }
        return result
    }
}
