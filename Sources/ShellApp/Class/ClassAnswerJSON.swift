import JSONQuery

/// Reads the class's JSON answers with jq's parser (the shell side's one JSON reader).
enum ClassAnswerJSON {
    /// The members of a JSON object body; nil when the body is not one.
    static func object(_ body: [UInt8]) throws -> JSONObject? {
        var parser = JSONParser(bytes: body, grammar: .rfc8259)
        guard case .object(let object)?? = try parser.next() else { return nil }
        return object
    }
}
