import JSONQuery

extension JSONValue {
    /// Parses exactly one JSON text; nil when the bytes are not valid JSON or hold more than one value.
    static func parseJWTPart(_ bytes: [UInt8]) -> JSONValue? {
        var parser = JSONParser(bytes: bytes)
        do {
            guard let value = try parser.next(), try parser.next() == nil else { return nil }
            return value
        } catch {
            return nil
        }
    }

    /// The value of a member of an object (nil for a missing key or a value that is not an object).
    package func member(_ key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// A number that is a whole count of seconds (`exp`, `iat`), truncated toward zero; nil for anything else.
    package var epochSeconds: Int64? {
        guard let value = doubleValue, value.isFinite, abs(value) < 1e18 else { return nil }
        return Int64(value)
    }
}
