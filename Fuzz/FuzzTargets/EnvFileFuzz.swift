import ShellRuntime

/// Reads the input as an `--env-file`; every entry it keeps must be a valid shell variable name.
enum EnvFileFuzz {
    static func run(_ bytes: [UInt8]) -> String? {
        let file = EnvFile.parse(
            String(decoding: bytes, as: UTF8.self), name: "fuzz.env", environment: ["HOME": "/fuzz", "LP_ACCOUNT": "1"])
        for entry in file.entries where !isName(entry.name) {
            return "an entry with an invalid name was kept: '\(entry.name)'"
        }
        return nil
    }

    private static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
        }
    }
}
