import ShellBuiltins
import ShellRuntime

/// The LivePerson layer's advice while commands run: hints for unset variables, the one-time note about
/// `LP_APP_CONN_ID`, warnings before an expired token is used, and the prompt's token badge.
public enum SessionAdvisor {
    /// Set in `ShellState.shownNotes` when the start-up CSDS lookup failed or was skipped.
    public static let lookupFailedKey = "csds-lookup-failed"

    /// The older "Get Agent Public Profile" page's `curl https://$domain/api/account/$accountId/…/users/$userId`, as
    /// it expands where its own placeholder variables are unset: a URL with no host and no account.
    static let emptyUsersAPIPrefix = "https:///api/account//"

    /// Extra advice for an unset `LP_*` variable.
    public static func hint(forUnset name: String, state: ShellState) -> String? {
        switch name {
        case "LP_APP_CONN_ID":
            return
                "the tutorial launches the shell with LP_CONN_ID; start lp-shell with --env LP_CONN_ID=<connector id> "
                + "and lp-shell sets LP_APP_CONN_ID from it"
        case "LP_ACCOUNT": return "start lp-shell with --env LP_ACCOUNT=<account id>, or without it to use the sandbox"
        case "LP_AUTH_JWT":
            // The early unauthenticated draft stores the authenticate answer in LP_EXT_JWT, then reads LP_AUTH_JWT.
            return "the Authentication page's step 2 sets it (`LP_AUTH_JWT=`curl … /authenticate | jq -r .jwt``)"
                + (state.variables["LP_EXT_JWT"] != nil
                    ? "; a page that stored that answer in LP_EXT_JWT instead: LP_AUTH_JWT=$LP_EXT_JWT" : "")
        case "LP_USER", "LP_PASS":
            // Set by the page itself, not by CSDS (`LP_USER= ADMIN_USERNAME` leaves it unset).
            return
                "the page's `\(name)=…` line sets it to the agent's (admin's) login \(name == "LP_USER" ? "name" : "password"), "
                + "with no space after `=` (the sandbox takes any non-empty one)"
        case "LP_AGENT_PID":
            // The agent pages use it but never set it (issue 15): it is no CSDS service.
            return
                "no page sets it: it is the agent's participant id; lp-shell keeps the assigned agent's there once a "
                + "socket subscribed with cqm.SubscribeExConversations shows one; an agent's own is `config.userPid` "
                + "of the agentVep login answer "
                + "(LP_AGENT_PID=`curl -s -X POST -H \"Content-Type: application/json\" -d '{\"username\":\"…\","
                + "\"password\":\"…\"}' https://$LP_AGENTVEP/api/account/$LP_ACCOUNT/login?v=1.3 | jq -r .config.userPid`)"
        default:
            let environment = state.variables.exportedEnvironment
            let chosen = state.variables[TutorialCatalog.variable]
            if let origin = TutorialRoles.origin(of: name, environment: environment, chosen: chosen) {
                return origin
            }
            // A value the sockets capture for the pages' placeholders (LP_TUE for ___temp_url_expires__): how to get it.
            if let placeholder = Placeholder.allCases.first(where: { $0.variable == name }) {
                return "it holds \(placeholder.spellings[0]) once lp-shell has seen it: \(placeholder.howToGet)"
            }
            if state.shownNotes.contains(lookupFailedKey) {
                return "the account's services could not be looked up at start-up (see the message above)"
            }
            if state.variables["LP_ACCOUNT"] != nil && name.uppercased() == name {
                return "no CSDS service of that name was found for the account at start-up (`env | grep ^LP_` lists "
                    + "them); if the page sets it in an earlier step, run that step first"
            }
            return nil
        }
    }

    /// Called when an `LP_*` variable is expanded: explains the `LP_APP_CONN_ID` alias the first time.
    public static func noteExpansion(
        of name: String, state: inout ShellState, io: IOStreams, renderer: DiagnosticRenderer
    ) {
        guard name == "LP_APP_CONN_ID", state.derivedVariables.contains(name), !state.shownNotes.contains(name) else {
            return
        }
        state.shownNotes.insert(name)
        io.stderr.write(
            renderer.render(
                note: "$LP_APP_CONN_ID is your LP_CONN_ID: the tutorial launches the shell with LP_CONN_ID but its "
                    + "step 2 reads LP_APP_CONN_ID, so lp-shell sets both"))
    }

    /// Warns when a command's argument is an `http://` URL to one of the account's LivePerson services (the
    /// "Consumer Token Creation" page's `curl -X POST http://$LP_IDP/…`): they answer on HTTPS only, so the answer
    /// is no JSON and the `jq` after it fails with a message that says nothing of the cause.
    public static func checkPlainHTTP(
        in fields: [String], state: ShellState, io: IOStreams, renderer: DiagnosticRenderer
    ) {
        for field in fields where field.hasPrefix("http://") {
            let host = field.dropFirst(7).prefix { $0 != "/" && $0 != "?" }
            guard !host.isEmpty,
                state.variables.all(whereValue: { $0 == host }).contains(where: {
                    $0.name.hasPrefix("LP_") && $0.name != "LP_ACCOUNT"
                })
            else { continue }
            io.stderr.write(
                renderer.render(
                    warning: "\(host) is a LivePerson service of the account, which answers on HTTPS only: the page's "
                        + "http:// is a typo; use https://\(field.dropFirst(7))"))
            return
        }
    }

    /// Warns before the older Get Agent Public Profile page's URL runs with its placeholder variables (`$domain`,
    /// `$accountId`, `$userId`, which nothing sets) expanded to nothing. Only that URL: a user's own `$domain` in a
    /// script of theirs is no business of lp-shell's.
    public static func checkUsersAPIPlaceholders(
        in fields: [String], state: ShellState, io: IOStreams, renderer: DiagnosticRenderer
    ) {
        guard fields.contains(where: { $0.hasPrefix(emptyUsersAPIPrefix) }) else { return }
        io.stderr.write(
            renderer.render(
                warning:
                    "the URL has no host, account or user: $domain, $accountId and $userId are the older Get Agent "
                    + "Public Profile page's placeholders and are not set; use curl https://$LP_ACCDNDOMAIN/api/account/"
                    + "$LP_ACCOUNT/configuration/le-users/users/$LP_AGENT_PID"))
    }

    /// The Publish Images page's example image, downloaded from liveperson.com with `wget`.
    static let exampleImageURL = "www.liveperson.com/sites/default/files/LP_LOGO_1.png"

    /// Notes, before the Publish Images page's `wget` of LivePerson's logo, that any small PNG does (offline, in
    /// the sandbox or in a class, the download fails with wget's own message and the upload two steps later has
    /// no file), and how to make one without the network.
    public static func checkExampleDownload(
        in fields: [String], state: ShellState, io: IOStreams, renderer: DiagnosticRenderer
    ) {
        guard fields.count > 1, fields.contains(where: { $0.hasSuffix(exampleImageURL) }) else { return }
        io.stderr.write(
            renderer.render(
                note: "the page downloads LivePerson's logo only as an example image: any PNG under 3 MB named "
                    + "LP_LOGO_1.png does; without the network: echo \(VariablePlaceholders.builtInPreview) | base64 "
                    + "--decode > LP_LOGO_1.png"))
    }

    /// Warns before a command whose arguments carry an expired token.
    public static func checkTokens(
        in fields: [String], state: inout ShellState, io: IOStreams, renderer: DiagnosticRenderer
    ) {
        guard fields.contains(where: { $0.containsBytes("eyJ") }) else { return }
        // Refreshing posts the expired external token to anonymous/authorize on purpose.
        let refreshing = fields.contains { $0.hasSuffix("/anonymous/authorize") }
        // Only the variables whose value the command carries are decoded (every command runs this).
        for (name, variable) in state.variables.all(whereValue: { $0.hasPrefix("eyJ") }) {
            let value = variable.value
            guard fields.contains(where: { $0.containsBytes(value) }),
                let token = TokenSummary.inspect(name: name, value: value),
                let left = token.secondsLeft(), left <= 0, !(refreshing && token.kind == "external")
            else { continue }
            // Read from the tutorial files only when a warning is due (commands carry tokens all the time).
            let refresh = TutorialRoles.refreshing(
                environment: state.variables.exportedEnvironment, chosen: state.variables[TutorialCatalog.variable])
            let advice =
                token.kind == "external"
                ? "refresh it with `\(refresh?.refreshSteps.first.map { "step \($0)" } ?? "tokens refresh")` (or `tokens refresh`)"
                : "refresh it with `tokens refresh` (the tutorial's \(refresh?.refreshDescription ?? "refresh steps"))"
            io.stderr.write(renderer.render(warning: "\(token.name) expired \(JWTTime.span(-left)) ago; \(advice)"))
        }
    }

    /// `set -o autorefresh`: refreshes LP_JWT through the tutorial's `refresh:` steps when it expires within a
    /// minute and the token they renew (LP_EXT_JWT) is there.
    public static func autorefreshIfNeeded(state: inout ShellState, shell: any ShellServices, io: IOStreams) {
        guard state.options.extra.contains("autorefresh"), let jwt = state.variables["LP_JWT"],
            let summary = TokenSummary.inspect(name: "LP_JWT", value: jwt), let left = summary.secondsLeft(), left < 60,
            let refresh = TutorialRoles.refreshing(
                environment: state.variables.exportedEnvironment, chosen: state.variables[TutorialCatalog.variable]),
            let renewed = refresh.refreshedVariable, state.variables[renewed] != nil
        else { return }
        io.stderr.writeDiagnostic(
            "lp-shell: autorefresh: LP_JWT \(left > 0 ? "expires in \(left) s" : "has expired"); refreshing\n")
        var context = CommandContext(name: "tokens", arguments: ["refresh"], io: io, state: state, shell: shell)
        _ = Tokens.refresh(&context)
        state = context.state
    }

    /// The prompt badge for LP_JWT: text like `jwt 10m` and how urgent it is.
    public static func promptBadge(state: ShellState) -> (text: String, severity: BadgeSeverity)? {
        guard let value = state.variables["LP_JWT"], let summary = TokenSummary.inspect(name: "LP_JWT", value: value),
            let left = summary.secondsLeft()
        else { return nil }
        if left <= 0 { return ("jwt expired", .expired) }
        // Rounded as `tokens` rounds: a fresh 10-minute token reads `jwt 10m` in both.
        return ("jwt " + JWTTime.compactSpan(left), left < 60 ? .soon : .fine)
    }

    /// How close a token is to expiry.
    public enum BadgeSeverity: Sendable {
        case fine
        case soon
        case expired
    }
}
