/// A defect of LivePerson's tutorial pages that a pasted line carries, and its one-line explanation: what is wrong
/// and the corrected command, offered, never run. Every explanation is worded here, in ``explanation``; the parser
/// (braces, backticks) and the interpreter (a missing `|`) only find the defects, and `DiagnosticRenderer` shows
/// them with the line and a caret.
public enum DocDefect: Sendable, Hashable {
    /// `curl … "https://…/login?v=1.1"  jq -r .bearer` (agent getting started, publish images): no `|` before
    /// `jq`, so curl would fetch a URL named `jq` and read `-r` as its range option. `corrected` has the `|`.
    case missingPipe(corrected: String)
    /// `{ "https://$LP_ACCOUNTCONFIGREADONLY/…" -H … }` (agent getting started, "Get skill list"): a curl command
    /// printed without `curl`, in braces that never close (no `;` before `}`). `corrected` is the curl command.
    case braceWithoutCurl(corrected: String)
    /// `UNAUTH_JWT=curl … | jq -r .jwt`` (the unauthenticated tutorial's early draft): a closing backtick with no
    /// opening one, which pairs with the backtick of `next` (`LP_EXT_JWT=``) on the next line and swallows the lines
    /// after it. `corrected` is the line with its opening backtick.
    case strayBacktick(next: String, corrected: String)
    /// `./set_site_property.sh $LP_BEARER true messaging.file.sharing.enabled`: the lpinc/shell image shipped that
    /// script; lp-shell runs its built-in stand-in, which makes `request`.
    case siteScriptStandIn(script: String, request: String)

    /// The one line that explains the defect, with the corrected command.
    public var explanation: String {
        switch self {
        case .missingPipe(let corrected):
            "'jq' here looks like a missing '|' (curl would fetch a URL named 'jq'; nothing was fetched): "
                + "did you mean: \(corrected)"
        case .braceWithoutCurl(let corrected):
            "'{ \"\(Self.scheme(of: corrected))://…\" … }' looks like a curl command missing 'curl' (the page's braces "
                + "are no command): did you mean: \(corrected)"
        case .strayBacktick(let next, let corrected):
            "this line ends with a backtick that has no opening one: it would pair with the backtick of '\(next)' "
                + "on the next line and swallow the lines after it (neither line ran): did you mean: \(corrected)"
        case .siteScriptStandIn(let script, let request):
            "\(script) is not a file here: lp-shell runs its built-in stand-in for the lpinc/shell image's script "
                + "(\(request))"
        }
    }

    /// `http` or `https`: the scheme of the URL after `curl ` in `command`.
    static func scheme(of command: String) -> String {
        command.dropFirst("curl ".count).drop { $0 == "\"" || $0 == "'" }.hasPrefix("http://") ? "http" : "https"
    }

    /// Who speaks: `curl` for the missing pipe (the command that would have run); nil for the shell itself.
    public var programName: String? {
        if case .missingPipe = self { return "curl" }
        return nil
    }
}
