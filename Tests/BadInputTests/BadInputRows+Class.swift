/// Rows against a class sandbox (`lp-shell class`): wrong or missing teacher keys, a learner reaching for another
/// account or the roster, a huge report, a learner flooding the class. Each answer is one JSON line and a status.
extension BadInputRows {
    static let classroom = BadInputCase.Server.classroom(arguments: [])
    /// Joins as a learner: `$T` is the learner token, `$A` the learner's account.
    static let joinAsLearner =
        #"J=$(curl -sS -X POST https://$SB/class/join -d "{\"code\":\"$CODE\",\"name\":\"Eve\"}")"# + "\n"
        + "T=$(echo \"$J\" | jq -r .token); A=$(echo \"$J\" | jq -r .account)\n"
    static let status = " -w ' %{http_code}\\n'"

    static let classRows: [BadInputCase] = [
        .init(
            "class: the roster without the teacher key", .command, "curl -sS\(status) https://$SB/class/state",
            arguments: ["--plain"], server: classroom, stderr: [], status: 0,
            stdout: [#"{"error":"teacher key required"} 401"#]),
        .init(
            "class: a wrong teacher key, on the roster and the event stream", .command,
            "curl -sS\(status) -H 'Authorization: Bearer wrong' https://$SB/class/state\n"
                + "curl -sS\(status) -H \"Authorization: Bearer ${KEY}x\" https://$SB/class/events",
            arguments: ["--plain"], server: classroom, stderr: [], status: 0,
            stdout: [#"{"error":"teacher key required"} 401"#, #"{"error":"teacher key required"} 401"#]),
        .init(
            "class: a learner's token used as the teacher key", .command,
            joinAsLearner + "curl -sS\(status) -H \"Authorization: Bearer $T\" https://$SB/class/state\n"
                + "curl -sS\(status) -X POST -H \"Authorization: Bearer $T\" https://$SB/class/learners/l-1/agent",
            arguments: ["--plain"], server: classroom, stderr: [], status: 0,
            stdout: [#"{"error":"teacher key required"} 401"#, #"{"error":"teacher key required"} 401"#]),
        .init(
            "class: a learner reaching for an account outside the class", .command,
            joinAsLearner
                + "curl -sS\(status) -X POST https://$SB/api/account/1234567890123456/anonymous/authorize\n"
                + "wscat -c wss://$SB/ws_api/account/1234567890123456/messaging/consumer </dev/null",
            arguments: ["--plain"], server: classroom,
            stderr: [
                "wscat: error: unexpected server response (404): {\"code\":404,\"message\":\"account '1234567890123456' "
                    + "is not in this class (lp-shell --join gives you yours)\"}"
            ],
            status: 1,
            stdout: [
                #"{"error":"account '1234567890123456' is not in this class (lp-shell --join gives you yours)"} 404"#
            ]),
        .init(
            "class: a wrong join code", .command,
            #"curl -sS -w ' %{http_code}\n' -X POST https://$SB/class/join -d '{"code":"AAAAAAAA","name":"Eve"}'"#,
            arguments: ["--plain"], server: classroom, stderr: [], status: 0,
            stdout: [#"{"error":"wrong join code"} 401"#]),
        .init(
            "class: a huge progress report (20,000 bytes)", .command,
            joinAsLearner
                + "printf '{\"lastError\":\"%020000d\"}' 0 | curl -sS\(status) -H \"Authorization: Bearer $T\" "
                + "--data-binary @- https://$SB/class/progress",
            arguments: ["--plain"], server: classroom, stderr: [], status: 0,
            stdout: [#"{"error":"a progress report is at most 16384 bytes"} 413"#]),
        .init(
            "class: a learner flooding the class (200 requests at once)", .command,
            joinAsLearner
                + "for i in $(seq 200); do curl -s -o /dev/null -w '%{http_code}\\n' -X POST "
                + "https://$SB/api/account/$A/anonymous/authorize; done | sort -u",
            arguments: ["--plain"], server: classroom, stderr: [], status: 0, stdout: ["200", "429"]),
    ]
}
