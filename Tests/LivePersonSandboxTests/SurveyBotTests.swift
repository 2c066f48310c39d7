import LivePersonAPI
import OptionParsing
import Testing

@testable import LivePersonSandbox

/// The built-in survey's questions and answers as pure logic, and its command-line options.
struct SurveyBotTests {
    @Test func repliesAreFoundByMetadataTitleOrValue() throws {
        let question = SurveyBot.csat
        let four = try #require(question.replies.first { $0.value == "4" })
        #expect(question.reply(metadata: .array([question.answerMetadata(four)]))?.value == "4")
        #expect(question.reply(text: " 4\n")?.value == "4")
        #expect(question.reply(text: "SKIP")?.value == "skip")
        #expect(question.reply(text: "6") == nil)
        #expect(question.reply(text: "") == nil)
        // An Answer of another question names nothing here.
        let yes = try #require(SurveyBot.fcr.replies.first)
        #expect(question.reply(metadata: .array([SurveyBot.fcr.answerMetadata(yes)])) == nil)
        #expect(SurveyQuestion.answeredQuestionId(in: .array([SurveyBot.fcr.answerMetadata(yes)])) == SurveyBot.fcr.id)
        #expect(SurveyBot.fcr.reply(text: "Yes")?.value == "yes")
    }

    @Test func questionEventsCarryQuickRepliesAndQuestionMetadata() throws {
        let event = SurveyBot.fcr.event
        #expect(event["type"]?.stringValue == "ContentEvent")
        let buttons = event["quickReplies"]?["replies"]?.elements ?? []
        #expect(buttons.map { $0["title"]?.stringValue } == ["Yes", "No", "Skip"])
        #expect(
            buttons.map { $0["click"]?["actions"]?.elements.first?["text"]?.stringValue } == ["Yes", "No", "Skip"])
        let metadata = try #require(SurveyBot.fcr.metadata.elements.first)
        #expect(metadata["type"]?.stringValue == "Question")
        #expect(metadata["replies"]?.elements.count == 3)
        #expect(SurveyBot.csat.id != SurveyBot.fcr.id)
    }

    @Test func answersBecomeTheConversationsCSAT() {
        let csat = SurveyBot.csat.id
        let fcr = SurveyBot.fcr.id
        #expect(SurveyBot.conversationCSAT(from: [:]) == nil)
        #expect(SurveyBot.conversationCSAT(from: [fcr: "yes"]) == nil)
        #expect(
            SurveyBot.conversationCSAT(from: [csat: "5", fcr: "yes"])
                == CSAT(csatRate: 5, csatResolutionConfirmation: true, status: "FILLED"))
        #expect(
            SurveyBot.conversationCSAT(from: [csat: "1"])
                == CSAT(csatRate: 1, csatResolutionConfirmation: false, status: "PARTIALLY_FILLED"))
    }

    @Test func surveyOptions() throws {
        #expect(SandboxConfiguration().surveyEnabled)
        #expect(SandboxConfiguration().surveyTimeout == .seconds(3600))
        let parsed = try SandboxConfiguration.parse(arguments: ["--no-survey", "--survey-timeout", "90s"])
        #expect(!parsed.surveyEnabled)
        #expect(parsed.surveyTimeout == .seconds(90))
        #expect(throws: UsageError.self) { try SandboxConfiguration.parse(arguments: ["--survey-timeout", "0s"]) }
        #expect(SandboxConfiguration.helpText.contains("--no-survey"))
        #expect(SandboxConfiguration.helpText.contains("--survey-timeout TIME"))
    }

    @Test func dialogIdsLookLikeLivePersonsAndDifferFromConversationIds() {
        let id = Dialog.newID()
        #expect(id.count == 22)
        #expect(id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(Dialog.newID() != id)
    }
}
