import Foundation
import Testing

@testable import LivePersonSession

/// The roles of a tutorial's steps are read from its file: the creator of a variable is the first step that checks
/// it, and `refresh:` names the steps that renew the tokens.
struct TutorialRolesTests {
    static let text = """
        # T
        name: t
        refresh: 3 2

        ## 1. One
        run: A=1
        check: set LP_A

        ## 2. Two
        run: B=1
        check: jwt LP_B

        ## 3. Three
        run: A=2
        check: jwt LP_A
        """

    @Test func creatorsAndTheRefreshComeFromTheFile() throws {
        let tutorial = try Tutorial.parse(Self.text, file: "t.tutorial")
        #expect(tutorial.creator(of: "LP_A")?.number == 1)
        #expect(tutorial.creator(of: "LP_B")?.number == 2)
        #expect(tutorial.creator(of: "LP_C") == nil)
        #expect(tutorial.refreshSteps == [3, 2])
        #expect(tutorial.refreshedVariable == "LP_A")
        #expect(tutorial.refreshDescription == "step 3, then step 2")
    }

    @Test func aRefreshOfAMissingStepIsAnErrorWithItsLine() {
        #expect(throws: Tutorial.ParseError(description: "t.tutorial: `refresh:` names step 9, which it does not have"))
        {
            try Tutorial.parse(
                Self.text.replacingOccurrences(of: "refresh: 3 2", with: "refresh: 9"), file: "t.tutorial")
        }
        #expect(
            throws: Tutorial.ParseError(description: "t.tutorial:3: `refresh:` lists step numbers (`refresh: 4 2`)")
        ) {
            try Tutorial.parse(
                Self.text.replacingOccurrences(of: "refresh: 3 2", with: "refresh: x"), file: "t.tutorial")
        }
    }
}
