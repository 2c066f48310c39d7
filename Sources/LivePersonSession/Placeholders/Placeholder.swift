/// A value the LivePerson tutorials leave for the reader to paste in, printed as a placeholder
/// (`__CONVERSATION_ID__`, `<Base64Image>`, …), and where lp-shell keeps the value it fills in instead.
enum Placeholder: CaseIterable, Hashable, Sendable {
    case conversationID, dialogID, surveyDialogID, ringID, userID, account, consumerPID, jwt
    case relativePath, tempURLSignature, tempURLExpires, preview, sequence

    /// The spellings the pages print, longest first where one contains another (`___temp_url_expires__`, a
    /// misprint with three underscores, before `__temp_url_expires__`).
    var spellings: [String] {
        switch self {
        case .conversationID: ["__YOUR_CONVERSATION_ID__", "__CONVERSATION_ID__"]
        case .dialogID: ["__DIALOG_ID__"]
        case .surveyDialogID: ["__YOUR_POST_SURVEY_DIALOG_ID__"]
        case .ringID: ["__RING_ID__"]
        case .userID: ["__USER_ID__"]
        case .account: ["__ACCOUNT__"]
        case .consumerPID: ["__CONSUMER_PID__"]
        case .jwt: ["__YOUR_JWT__"]
        case .relativePath: ["__relative_path__", "__relativePath__"]
        case .tempURLSignature: ["__temp_url_sig__"]
        case .tempURLExpires: ["___temp_url_expires__", "__temp_url_expires__"]
        case .preview: ["<Base64Image>"]
        case .sequence: ["__SEQUENCE__"]
        }
    }

    /// The shell variable that holds the value between commands.
    var variable: String {
        switch self {
        case .conversationID: "LP_CONV_ID"
        case .dialogID: "LP_DIALOG_ID"
        case .surveyDialogID: "LP_SURVEY_DIALOG_ID"
        case .ringID: "LP_RING_ID"
        case .userID: "LP_USER_ID"
        case .account: "LP_ACCOUNT"
        case .consumerPID: "LP_CONSUMER_PID"
        case .jwt: "LP_JWT"
        case .relativePath: "LP_REL_PATH"
        case .tempURLSignature: "LP_TUS"
        case .tempURLExpires: "LP_TUE"
        case .preview: "LP_PREVIEW"
        case .sequence: "LP_SEQUENCE"
        }
    }

    /// The value is a credential: notes name its variable, never the value.
    var isSecret: Bool { self == .jwt }

    /// How the learner gets the value when lp-shell has none, completing "… has no value yet: ".
    var howToGet: String {
        switch self {
        case .conversationID:
            "send {\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"} (or /request-conversation) "
                + "first; its response's conversationId goes into $LP_CONV_ID"
        case .dialogID:
            "request a conversation first (its MAIN dialog has the conversation's id); a message received names "
                + "its dialogId"
        case .surveyDialogID:
            "subscribe with cqm.SubscribeExConversations and close the MAIN dialog; the notification's POST_SURVEY "
                + "dialog goes into $LP_SURVEY_DIALOG_ID"
        case .ringID:
            "subscribe with .ams.routing.SubscribeRoutingTasks and wait for a consumer's conversation; the "
                + "notification's ringId goes into $LP_RING_ID"
        case .userID:
            "send {\"kind\":\"req\",\"id\":\"2\",\"type\":\".ams.userprofile.GetUserProfile\",\"body\":{}} on the "
                + "agent socket first; its userId goes into $LP_USER_ID"
        case .account: "start lp-shell with --env LP_ACCOUNT=<your account id> (or set LP_ACCOUNT)"
        case .consumerPID:
            "a routing notification (its consumerId) or a consumer token in $LP_JWT (its sub) gives it; or set "
                + "LP_CONSUMER_PID"
        case .jwt: "create a consumer token first (step 1 of getting-started sets $LP_JWT)"
        case .relativePath, .tempURLSignature, .tempURLExpires:
            "send {\"kind\":\"req\",\"id\":\"3\",\"body\":{\"fileSize\":1000,\"fileType\":\"PNG\"},"
                + "\"type\":\"ms.GenerateURLForUploadFile\"} first; its relativePath and queryParams go into "
                + "$LP_REL_PATH, $LP_TUS and $LP_TUE"
        case .preview: "set LP_PREVIEW to the image's base64 (LP_PREVIEW=$(base64 -w0 FILE))"
        case .sequence:
            // The Read and Accept Events page expects the agent's message without subscribing; the consumer gets
            // it only on a subscribed conversation (the Get Messages page).
            "wait for a message from the other side (a consumer gets the agent's messages once subscribed: "
                + "ms.SubscribeMessagingEvents, or /subscribe); its sequence goes into $LP_SEQUENCE"
        }
    }
}
