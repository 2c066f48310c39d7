extension Builtins {
    static func registerStrings(_ table: inout [String: NativeFunction]) {
        table["length/0"] = unary { input in
            switch input {
            case .null: return .number(0)
            case .bool: throw fail("\(input.errorDescription) has no length")
            case .number(let number): return .number(abs(number))
            case .literal(let literal):
                if literal.value < 0 || literal.text.hasPrefix("-") { return .number(abs(literal.value)) }
                return input
            case .string(let string): return .number(Double(string.unicodeScalars.count))
            case .array(let array): return .number(Double(array.count))
            case .object(let object): return .number(Double(object.count))
            }
        }
        table["utf8bytelength/0"] = unary { input in
            guard case .string(let string) = input else {
                throw fail("\(input.errorDescription) only strings have UTF-8 byte length")
            }
            return .number(Double(string.utf8.count))
        }
        table["tostring/0"] = unary { input in
            if case .string = input { return input }
            return .string(JSONWriter.compactString(input))
        }
        table["tojson/0"] = unary { .string(JSONWriter.compactString($0)) }
        table["fromjson/0"] = unary { input in
            guard case .string(let text) = input else {
                throw fail("\(input.errorDescription) only strings can be parsed")
            }
            do {
                return try JSONParser.parseSingle(text)
            } catch {
                throw fail("\(error) (while parsing '\(text)')")
            }
        }
        table["tonumber/0"] = unary { input in
            switch input {
            case .number, .literal: return input
            case .string(let text):
                let bytes = Array(text.utf8)
                if let value = NumberFormat.value(forLiteral: bytes), let double = value.doubleValue {
                    return .number(double)
                }
                do {
                    let parsed = try JSONParser.parseSingle(text)
                    if let double = parsed.doubleValue { return .number(double) }
                    throw fail("Cannot parse '\(text)' as JSON")
                } catch let error as JSONParseError {
                    throw fail("\(error) (while parsing '\(text)')")
                }
            default:
                throw fail("\(input.errorDescription) cannot be parsed as a number")
            }
        }
        table["ascii_downcase/0"] = unary { input in
            guard case .string(let string) = input else { throw fail("ascii_downcase input must be a string") }
            return .string(String(decoding: string.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self))
        }
        table["ascii_upcase/0"] = unary { input in
            guard case .string(let string) = input else { throw fail("ascii_upcase input must be a string") }
            return .string(String(decoding: string.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self))
        }
        table["explode/0"] = unary { input in
            guard case .string(let string) = input else { throw fail("explode input must be a string") }
            return .array(string.unicodeScalars.map { .number(Double($0.value)) })
        }
        table["implode/0"] = unary { input in
            guard case .array(let codes) = input else { throw fail("implode input must be an array") }
            var scalars = String.UnicodeScalarView()
            for code in codes {
                guard let number = code.doubleValue, !number.isNaN else {
                    throw fail("\(code.errorDescription) can't be imploded, unicode codepoint needs to be numeric")
                }
                // jq 1.7.1: truncated; outside Unicode or a UTF-16 surrogate becomes U+FFFD.
                let integer = cInt32(number)
                scalars.append((integer >= 0 ? Unicode.Scalar(UInt32(integer)) : nil) ?? "\u{FFFD}")
            }
            return .string(String(scalars))
        }
        table["ltrimstr/1"] = withValues { input, values in
            guard case .string(let string) = input, case .string(let prefix) = values[0], string.hasPrefixBytes(prefix)
            else { return input }
            return .string(String(decoding: Array(string.utf8).dropFirst(prefix.utf8.count), as: UTF8.self))
        }
        table["rtrimstr/1"] = withValues { input, values in
            guard case .string(let string) = input, case .string(let suffix) = values[0], string.hasSuffixBytes(suffix),
                string.utf8.count >= suffix.utf8.count
            else { return input }
            return .string(String(decoding: Array(string.utf8).dropLast(suffix.utf8.count), as: UTF8.self))
        }
        table["startswith/1"] = withValues { input, values in
            guard case .string(let string) = input, case .string(let prefix) = values[0] else {
                throw fail("startswith() requires string inputs")
            }
            return .bool(string.hasPrefixBytes(prefix))
        }
        table["endswith/1"] = withValues { input, values in
            guard case .string(let string) = input, case .string(let suffix) = values[0] else {
                throw fail("endswith() requires string inputs")
            }
            return .bool(string.hasSuffixBytes(suffix))
        }
        for (name, leading, trailing) in [("trim", true, true), ("ltrim", true, false), ("rtrim", false, true)] {
            table["\(name)/0"] = unary { input in
                guard case .string(let string) = input else {
                    throw fail("\(input.errorDescription) trim input must be a string")
                }
                var bytes = Array(string.utf8)[...]
                let isSpace = { (byte: UInt8) in byte == 32 || (byte >= 9 && byte <= 13) }
                if leading { while let first = bytes.first, isSpace(first) { bytes = bytes.dropFirst() } }
                if trailing { while let last = bytes.last, isSpace(last) { bytes = bytes.dropLast() } }
                return .string(String(decoding: bytes, as: UTF8.self))
            }
        }
        table["split/1"] = withValues { input, values in
            guard case .string(let string) = input, case .string(let separator) = values[0] else {
                throw fail("split input and separator must be strings")
            }
            return .array(JSONValue.split(string, by: separator).map(JSONValue.string))
        }
        table["join/1"] = withValues { input, values in
            guard case .string(let separator) = values[0] else {
                if case .array(let array) = input, array.isEmpty { return .string("") }
                throw fail("\(values[0].errorDescription) and \(JSONValue.string("").errorDescription) cannot be added")
            }
            let elements: [JSONValue]
            switch input {
            case .array(let array): elements = array
            case .object(let object): elements = object.values
            default: throw fail("Cannot iterate over \(input.iterationDescription)")
            }
            var result = ""
            for (offset, element) in elements.enumerated() {
                if offset > 0 { result += separator }
                switch element {
                case .null: break
                case .string(let string): result += string
                case .number, .literal, .bool: result += JSONWriter.compactString(element)
                default:
                    throw fail(
                        "\(JSONValue.string(result).errorDescription) and \(element.errorDescription) cannot be added")
                }
            }
            return .string(result)
        }
        table["ascii/0"] = unary { input in
            guard let number = input.doubleValue, let scalar = Unicode.Scalar(UInt32(clamping: clampedInteger(number)))
            else { throw fail("ascii input must be a codepoint") }
            return .string(String(scalar))
        }
        table["format/1"] = withValues { input, values in
            guard case .string(let name) = values[0] else {
                throw fail("\(values[0].errorDescription) is not a valid format")
            }
            return .string(try Formats.apply(name, to: input))
        }
    }
}

extension String {
    func hasPrefixBytes(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    func hasSuffixBytes(_ suffix: String) -> Bool { utf8.reversed().starts(with: suffix.utf8.reversed()) }
}
