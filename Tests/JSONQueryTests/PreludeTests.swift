import Testing

@testable import JSONQuery

/// The prelude's written-out signatures stay in step with its source.
@Suite struct PreludeTests {
    @Test func signaturesMatchTheParsedSource() {
        #expect(Prelude.signatures == Prelude.parsedSignatures, "\(Prelude.parsedSignatures)")
    }
}
