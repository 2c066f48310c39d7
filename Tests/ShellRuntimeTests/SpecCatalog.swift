import Foundation
import ShellTestSupport
import Testing

/// The spec cases bundled with this test target (the `Spec` folder is a `.copy` resource).
enum SpecCatalog {
    static var directory: URL? { Bundle.module.url(forResource: "Spec", withExtension: nil) }

    /// Every case of every spec file; throws when a file is malformed.
    static func load() throws -> [SpecCase] {
        guard let directory else { throw SpecFileError(file: "Spec", line: 0, message: "resource folder missing") }
        return try SpecFile.load(directory: directory)
    }

    /// The cases for the parameterised test (empty on a load error, which `specFilesParse` reports).
    static let all: [SpecCase] = (try? load()) ?? []
}

extension SpecCase: CustomTestStringConvertible {
    public var testDescription: String { "\(file): \(name)" }
}
