import Testing

@testable import LivePersonSession

/// `tutorial use NAME` with a name no tutorial answers to: one line, with the close names when there are any.
struct UnknownTutorialNameTests {
    static let tutorials: [Tutorial] = ["agent-getting-started", "agent-profile", "pcs", "unauthenticated"].map {
        var tutorial = Tutorial(name: $0, title: $0, source: "", needs: [], summary: "", steps: [])
        if $0 == "pcs" { tutorial.aliases = ["legacy-pcs"] }
        return tutorial
    }

    @Test func aPartOfANameSuggestsTheNamesThatContainIt() {
        #expect(
            TutorialCatalog.unknown("agent", among: Self.tutorials)
                == "no tutorial named `agent`; did you mean `agent-getting-started` or `agent-profile`")
        #expect(
            TutorialCatalog.unknown("Legacy", among: Self.tutorials)
                == "no tutorial named `Legacy`; did you mean `legacy-pcs`")
    }

    @Test func anUnrelatedNamePointsAtTheList() {
        #expect(
            TutorialCatalog.unknown("nope", among: Self.tutorials)
                == "no tutorial named `nope` (`tutorial list` shows the 4)")
    }
}
