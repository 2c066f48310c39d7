import ShellSyntax
import Testing

/// Parses `source` and returns its only simple command, recording an issue if it is anything else.
func onlySimpleCommand(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> SimpleCommand {
    let script = try Parser.parse(source)
    let item = try #require(script.items.first, sourceLocation: sourceLocation)
    #expect(script.items.count == 1, sourceLocation: sourceLocation)
    #expect(item.andOr.rest.isEmpty, sourceLocation: sourceLocation)
    #expect(item.andOr.first.commands.count == 1, sourceLocation: sourceLocation)
    guard case .simple(let command)? = item.andOr.first.commands.first else {
        Issue.record("not a simple command: \(script)", sourceLocation: sourceLocation)
        throw ParseHelperError.notSimple
    }
    return command
}

/// The parts of each word of a simple command.
func wordParts(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[WordPart]] {
    try onlySimpleCommand(source, sourceLocation: sourceLocation).words.map(\.parts)
}

enum ParseHelperError: Error {
    case notSimple
}
