import ShellRuntime
import ShellSyntax

/// `./set_site_property.sh BEARER VALUE PROPERTY`: the script the lpinc/shell docker image shipped, which the file
/// sharing and publish-images pages run (`./set_site_property.sh $LP_BEARER true messaging.file.sharing.enabled`).
/// Its source was never published; this stand-in makes the write it stands for, through the account-config site
/// settings API on `accountConfigReadWrite` with the agent bearer:
///
///     PUT https://$LP_ACCOUNTCONFIGREADWRITE/api/account/$LP_ACCOUNT/configuration/setting/properties/PROPERTY?v=3.0
///     Authorization: Bearer BEARER, If-Match: -1
///     {"id":"PROPERTY","type":1,"propertyValue":{"value":true},"deleted":false}
///
/// It runs only when no file of that name is there (a real script in the working directory still runs), with a
/// note saying so; the answer is printed as the server gave it.
struct SetSiteProperty: Builtin {
    static let name = "set_site_property.sh"
    static let aliases = ["./set_site_property.sh"]
    static let isStandIn = true
    static let summary = "lp-shell's stand-in for the lpinc/shell image's script: write one site setting"
    static let usage = """
        usage: ./set_site_property.sh BEARER VALUE PROPERTY

          writes site setting PROPERTY of $LP_ACCOUNT (PUT …/configuration/setting/properties/PROPERTY?v=3.0 on
          $LP_ACCOUNTCONFIGREADWRITE) with the agent bearer BEARER; VALUE true or false is a boolean, a number a
          number, anything else a string. Runs only when no file set_site_property.sh is there.
          example: ./set_site_property.sh $LP_BEARER true messaging.file.sharing.enabled
        """

    /// The login line that sets `LP_BEARER` on the pages that run the script.
    static let loginLine =
        #"LP_BEARER=`curl -c cookies -X POST -H "Content-Type: application/json" -d '{"username": "'$LP_USER'","password":"'$LP_PASS'"}' "https://$LP_AGENTVEP/api/account/$LP_ACCOUNT/login?v=1.1" | jq -r .bearer`"#

    func run(_ context: inout CommandContext) -> ExitStatus {
        let arguments = context.arguments
        guard arguments.count == 3 else {
            // `$LP_BEARER` is unquoted on the pages: empty, it is no argument at all.
            if arguments.count == 2, ["true", "false"].contains(arguments[0]) {
                context.error(
                    "the bearer (first argument) is missing: $LP_BEARER is empty; the login line sets it: \(Self.loginLine)"
                )
            } else {
                context.error(
                    "expected 3 arguments, got \(arguments.count)\nusage: ./set_site_property.sh BEARER VALUE PROPERTY")
            }
            return .usage
        }
        let (bearer, value, property) = (arguments[0], arguments[1], arguments[2])
        if bearer == "null" {
            context.error(
                "the bearer is `null`: the login answered an error instead (check LP_USER and LP_PASS); run the login "
                    + "line without `| jq -r .bearer` to see the answer")
            return .failure
        }
        guard let host = context.state.variables["LP_ACCOUNTCONFIGREADWRITE"], !host.isEmpty else {
            context.error(
                "$LP_ACCOUNTCONFIGREADWRITE is not set: lp-shell sets it at start-up from the account's CSDS services "
                    + "(accountConfigReadWrite); start lp-shell with --env LP_ACCOUNT=<account id>, or without it for "
                    + "the sandbox")
            return .failure
        }
        guard let account = context.state.variables["LP_ACCOUNT"], !account.isEmpty else {
            context.error(
                "$LP_ACCOUNT is not set: start lp-shell with --env LP_ACCOUNT=<account id>, or without it for the sandbox"
            )
            return .failure
        }
        guard !property.isEmpty, property.utf8.allSatisfy({ Self.propertyCharacters.contains($0) }) else {
            context.error("'\(property)' is not a site setting name (letters, digits, '.', '-', '_')")
            return .usage
        }
        let path = "/api/account/\(account)/configuration/setting/properties/\(property)?v=3.0"
        let request =
            "PUT https://$LP_ACCOUNTCONFIGREADWRITE/api/account/$LP_ACCOUNT/configuration/setting/properties/"
            + "\(property)?v=3.0"
        context.io.stderr.writeDiagnostic(
            "lp-shell: note: " + DocDefect.siteScriptStandIn(script: context.name, request: request).explanation + "\n")
        let (json, type) = Self.jsonValue(value)
        let body = #"{"id":"\#(property)","type":\#(type),"propertyValue":{"value":\#(json)},"deleted":false}"#
        let status = context.shell.runCommand(
            [
                "curl", "-sS", "--fail-with-body", "-X", "PUT", "-H", "Authorization: Bearer \(bearer)", "-H",
                "If-Match: -1", "-H", "Content-Type: application/json", "-H", "Accept: application/json", "-d", body,
                "https://\(host)\(path)",
            ], functions: false, state: &context.state, io: context.io)
        context.io.stdout.write("\n")
        return status
    }

    static let propertyCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".utf8)

    /// VALUE as JSON and its site-setting type: `true`/`false` a boolean (1), a number as it is (2, as the API
    /// keeps numbers among its strings' type), anything else a JSON string (2).
    static func jsonValue(_ value: String) -> (json: String, type: Int) {
        if value == "true" || value == "false" { return (value, 1) }
        if !value.isEmpty, Double(value) != nil, value.utf8.allSatisfy({ "0123456789.-".utf8.contains($0) }) {
            return (value, 2)
        }
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case _ where scalar.value < 0x20:
                escaped +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return ("\"\(escaped)\"", 2)
    }
}
