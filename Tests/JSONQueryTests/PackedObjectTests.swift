import Testing

@testable import JSONQuery

/// The objects of a large document are stored packed (`PackedMembers`); they must read, compare, print and change
/// exactly as the same objects parsed from a small document (stored as arrays of values).
@Suite struct PackedObjectTests {
    /// One record with every kind of member: scalars, strings of every length class, nested containers, literals.
    private static let record = #"""
        {"null":null,"yes":true,"no":false,"int":42,"negativeZero":-0,"double":0.1234567890123,"big":1e400,
        "literal":1.000,"empty":"","small":"short ✓","long":"\#(String(repeating: "é", count: 70))",
        "escaped":"a\"b\\c\nd\u0001","array":[1,"two",{"three":3}],"object":{"inner":[true,null]},"emptyArray":[],
        "emptyObject":{},"last":"0123456789abcdef0123456789"}
        """#

    /// A document of enough records that the later ones are packed.
    private static func document(records: Int = 1_500) throws -> [JSONValue] {
        let text = "[" + Array(repeating: record, count: records).joined(separator: ",") + "]"
        guard case .array(let values) = try JSONParser.parseSingle(text) else {
            Issue.record("not an array")
            return []
        }
        return values
    }

    private static func object(_ value: JSONValue) -> JSONObject? {
        if case .object(let object) = value { return object }
        return nil
    }

    @Test func largeDocumentsPackTheirLaterObjectsAndSmallOnesDoNot() throws {
        let records = try Self.document()
        #expect(Self.object(records[0])?.packedMembers == nil)
        #expect(Self.object(records[1_499])?.packedMembers != nil)
        let small = try #require(Self.object(try JSONParser.parseSingle(Self.record)))
        #expect(small.packedMembers == nil)
    }

    @Test func packedObjectsReadAsUnpackedOnes() throws {
        let packed = try #require(Self.object(try Self.document().last!))
        let plain = try #require(Self.object(try JSONParser.parseSingle(Self.record)))
        #expect(packed.packedMembers != nil)
        #expect(packed.count == plain.count)
        #expect(packed.keys == plain.keys)
        #expect(packed.values == plain.values)
        for key in plain.keys { #expect(packed[key] == plain[key], "\(key)") }
        #expect(packed["missing"] == nil)
        for position in plain.entries.indices.reversed() {
            #expect(packed.entries[position].key == plain.entries[position].key)
            #expect(packed.entries[position].value == plain.entries[position].value)
        }
        #expect(Array(packed.entries).map(\.value) == plain.values)
        #expect(JSONValue.object(packed) == .object(plain))
        #expect(packed["literal"].map(JSONWriter.compactString) == "1.000")
        #expect(packed["long"]?.stringValue == String(repeating: "é", count: 70))
        #expect(packed["negativeZero"].map(JSONWriter.compactString) == "-0")
    }

    @Test(arguments: [false, true])
    func packedObjectsPrintAsUnpackedOnes(sorted: Bool) throws {
        let packed = JSONValue.object(try #require(Self.object(try Self.document().last!)))
        let plain = try JSONParser.parseSingle(Self.record)
        var layouts = [JSONWriter.Options(), .compact]
        for index in layouts.indices { layouts[index].sortKeys = sorted }
        var colored = JSONWriter.Options()
        colored.colors = .default
        var ascii = JSONWriter.Options()
        ascii.asciiOnly = true
        var tabs = JSONWriter.Options()
        tabs.useTabs = true
        for options in layouts + [colored, ascii, tabs] {
            var packedWriter = JSONWriter(options: options)
            packedWriter.write(packed)
            var plainWriter = JSONWriter(options: options)
            plainWriter.write(plain)
            #expect(packedWriter.buffer == plainWriter.buffer)
        }
    }

    @Test func changingAPackedObjectUnpacksIt() throws {
        var object = try #require(Self.object(try Self.document().last!))
        let original = object
        object["int"] = .string("changed")
        object["small"] = nil
        object["added"] = .bool(true)
        #expect(object.packedMembers == nil)
        #expect(object["int"] == .string("changed"))
        #expect(object["small"] == nil)
        #expect(object["added"] == .bool(true))
        #expect(object["long"] == original["long"])
        #expect(object.count == original.count)
        #expect(original.packedMembers != nil)
        #expect(original["int"] == .number(42))
        #expect(original["small"] == .string("short ✓"))
    }

    @Test func packedMembersReleaseTheirChildren() {
        weak var literal: NumberLiteral?
        do {
            let value = NumberLiteral(text: "1.000", value: 1)
            literal = value
            let members = PackedMembers.make([.string("a"), .literal(value), .array([.null])][...])
            #expect(members.value(at: 1) == .literal(value))
        }
        #expect(literal == nil)
    }
}
