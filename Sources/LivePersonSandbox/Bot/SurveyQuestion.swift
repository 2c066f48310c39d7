import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One question of the built-in post-conversation survey: a text with quick-reply buttons, published the way
/// LivePerson's survey bot does (PCS tutorial, Step 10): a `text/plain` ContentEvent with `quickReplies`, each button
/// carrying an `Answer` in its click metadata, and the change's `metadata` a `Question` listing the answers' ids.
struct SurveyQuestion: Sendable {
    /// One button.
    struct Reply: Sendable {
        /// What the sandbox keeps as the answer (`"4"`, `"yes"`).
        let value: String
        /// The button's title, also the text its click publishes.
        let title: String
        /// The `Answer` id in the button's metadata.
        let answerId: String
    }

    let id: String
    let text: String
    let replies: [Reply]

    init(id: String, text: String, replies: [(value: String, title: String)]) {
        self.id = id
        self.text = text
        self.replies = replies.map {
            Reply(value: $0.value, title: $0.title, answerId: StableID.uuid("survey/\(id)/answer/\($0.value)"))
        }
    }

    /// The `Answer` metadata of `reply`, as its button sends it back.
    func answerMetadata(_ reply: Reply) -> WireJSON {
        .object([
            "type": .string("Answer"), "id": .string(reply.answerId), "questionId": .string(id),
            "surveyId": .string(SurveyBot.surveyId), "provider": .string(SurveyBot.provider),
        ])
    }

    /// The question's ContentEvent.
    var event: WireJSON {
        let buttons = replies.map { reply -> WireJSON in
            .object([
                "type": .string("button"), "tooltip": .string(reply.title), "title": .string(reply.title),
                "click": .object([
                    "metadata": .array([answerMetadata(reply)]),
                    "actions": .array([.object(["type": .string("publishText"), "text": .string(reply.title)])]),
                ]),
            ])
        }
        return .object([
            "type": .string("ContentEvent"), "contentType": .string("text/plain"), "message": .string(text),
            "quickReplies": .object([
                "type": .string("quickReplies"), "itemsPerRow": .number(Double(replies.count)),
                "replies": .array(buttons),
            ]),
        ])
    }

    /// The change's `metadata`: the `Question` with its answers' ids.
    var metadata: WireJSON {
        .array([
            .object([
                "type": .string("Question"), "id": .string(id), "surveyId": .string(SurveyBot.surveyId),
                "provider": .string(SurveyBot.provider), "replies": .array(replies.map { .string($0.answerId) }),
            ])
        ])
    }

    /// The reply an `Answer` in `metadata` names for this question, if any.
    func reply(metadata: WireJSON?) -> Reply? {
        for item in metadata?.elements ?? [] where item["type"]?.stringValue == "Answer" {
            guard item["questionId"]?.stringValue == id, let answerId = item["id"]?.stringValue else { continue }
            if let reply = replies.first(where: { $0.answerId == answerId }) { return reply }
        }
        return nil
    }

    /// The reply a typed text names (its value or its title, ignoring case and surrounding blanks), if any.
    func reply(text: String) -> Reply? {
        let typed = SpaceTrimming.spacesAndNewlines(text).lowercased()
        return replies.first { $0.value.lowercased() == typed || $0.title.lowercased() == typed }
    }

    /// Whether `metadata` answers this question or another one (an `Answer` naming any question id).
    static func answeredQuestionId(in metadata: WireJSON?) -> String? {
        (metadata?.elements ?? []).first { $0["type"]?.stringValue == "Answer" }?["questionId"]?.stringValue
    }
}
