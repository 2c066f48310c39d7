import HTTPTransfer
import LineEditing
import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

extension LivePersonStartup {
    /// `--join`: trusts and joins the class, exports what it gives this learner (as the embedded sandbox's
    /// variables are exported) and starts the progress reports. Nil after saying in one line why it could not join.
    func joinClass(_ line: JoinLine, name: String?, state: inout ShellState, interactive: Bool) -> (
        ClassSession, Mode
    )? {
        var environment = state.variables.exportedEnvironment
        let bareHost = line.host.hasPrefix("[") ? String(line.host.dropFirst().dropLast()) : line.host
        for (variable, value) in ProxyExemption.adding(bareHost, to: environment) ?? [] {
            environment[variable] = value
        }
        let join = ClassJoin(line: line, name: name ?? Self.loginName(environment), environment: environment)
        let spinner = Spinner(message: "joining the class at \(line.address)", enabled: interactive && isatty(2) == 1)
        let result = join.run()
        spinner.stop()
        let joined: ClassJoin.Joined
        switch result {
        case .success(let value): joined = value
        case .failure(let failure):
            io.stderr.write(renderer.render(message: failure.message))
            io.flush()
            return nil
        }
        exportSandbox(joined.exports, state: &state, host: bareHost)
        // The prompt says `lp:class`; scripts that test `$LP_SANDBOX` for a sandbox still find it set.
        try? state.variables.set("LP_SANDBOX", to: "class", exported: true)
        let endpoint = ClassEndpoint(line: line, bundlePath: joined.folder.bundlePath, environment: environment)
        let reporter = ClassReporter(endpoint: endpoint, token: joined.token) { text in
            if interactive {
                AbovePrompt.post(text)
            } else {
                var bytes = Array(text.utf8)
                _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
            }
        }
        let session = ClassSession(joined: joined, reporter: reporter)
        session.start(state: state)
        let mode = Mode.classroom(
            address: line.address, learner: joined.learnerName, account: joined.account,
            className: joined.className)
        return (session, mode)
    }

    /// The learner's default name: `$USER`, else the login name, else `learner`.
    static func loginName(_ environment: [String: String]) -> String {
        if let user = environment["USER"], !user.isEmpty { return String(user.prefix(40)) }
        if let login = getlogin() { return String(String(cString: login).prefix(40)) }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "learner"
    }
}
