/// The `/…` commands of wscat's socket mode: wscat's own `/ping`, `/pong`, `/wait`, `/wait-for`,
/// `/close [code [reason]]` and `/help`, and those the socket's dialect adds (LivePerson's requests with
/// automatic ids).
package enum SlashCommands {
    /// What a command asks for.
    package enum Action: Equatable {
        /// Send this frame (JSON text).
        case send(String)
        case ping
        case pong
        case close(code: Int, reason: String?)
        /// Show this text (help, ids); nothing is sent.
        case show(String)
        /// Keep receiving frames for this many seconds (a transcript waiting for the agent's reply).
        case wait(Double)
        /// Keep receiving frames until one contains this text (at most `SlashCommands.waitForLimit` seconds); the
        /// frames received since the previous `/wait-for` count too.
        case waitFor(String)
        /// Put the socket in the background and return to the shell (`/bg`).
        case background
        /// Put the socket in the background and bring another one forward (`/as agent`, `/as %2`).
        case switchTo(String)
        /// A mistake: the message.
        case error(String)
    }

    /// wscat's own commands, whatever the dialect.
    static let own: [(name: String, summary: String)] = [
        ("/ping", "send a WebSocket ping"),
        ("/pong", "send a WebSocket pong"),
        ("/wait", "/wait SECONDS: keep receiving frames for SECONDS (e.g. until the agent answers)"),
        (
            "/wait-for",
            "/wait-for TEXT: keep receiving frames until one contains TEXT; one already received counts (at most 30 s)"
        ),
        ("/close", "/close [CODE [REASON]]: close the socket (default 1000) and return to the shell"),
        ("/bg", "keep the socket open in the background and return to the shell (`fg %N` comes back)"),
        (
            "/as",
            "/as consumer|agent|%N: send the next frames on that background socket (this one goes to the background)"
        ),
        ("/help", "this list"),
    ]

    /// Every command with `dialect`'s first, for tab completion and help.
    static func all<Dialect: WSCatDialect>(_ dialect: Dialect.Type) -> [(name: String, summary: String)] {
        dialect.commands + own
    }

    /// True when the line is a command rather than a frame.
    package static func isCommand(_ line: String) -> Bool {
        // A line starting with anything but `/` or a space (a frame) is no command: decided on its first byte.
        if let first = line.utf8.first, first != UInt8(ascii: "/"), first != 0x20, first != 0x09, first != 0x0D,
            first != 0x0A
        {
            return false
        }
        let trimmed = line.trimmingWhitespace
        return trimmed.hasPrefix("/") && trimmed.count > 1 && trimmed.dropFirst().first?.isLetter == true
    }

    /// Runs one command line: one of wscat's own, else the dialect's.
    package static func run<Dialect: WSCatDialect>(_ line: String, dialect: inout Dialect) -> Action {
        let trimmed = line.trimmingWhitespace
        let name = String(trimmed.prefix { $0 != " " && $0 != "\t" })
        let argument = String(trimmed.dropFirst(name.count)).trimmingWhitespace
        switch name {
        case "/wait":
            guard let seconds = Double(argument), seconds >= 0, seconds <= 600 else {
                return .error("/wait needs a number of seconds (0–600), got '\(argument)'")
            }
            return .wait(seconds)
        case "/wait-for":
            guard !argument.isEmpty else { return .error("/wait-for needs the text to wait for: /wait-for echo:") }
            return .waitFor(argument)
        case "/bg":
            guard argument.isEmpty else { return .error("/bg takes no argument, got '\(argument)'") }
            return .background
        case "/as":
            guard !argument.isEmpty, !argument.contains(" ") else {
                return .error("/as needs the socket to switch to: /as consumer, /as agent or /as %2")
            }
            return .switchTo(argument)
        case "/ping": return .ping
        case "/pong": return .pong
        case "/close":
            let parts = argument.split(separator: " ", maxSplits: 1)
            guard let first = parts.first else { return .close(code: 1000, reason: nil) }
            guard let code = Int(first), code == 1000 || (3000...4999).contains(code) else {
                return .error("/close: the code must be 1000 or 3000–4999, got '\(first)'")
            }
            return .close(code: code, reason: parts.count > 1 ? String(parts[1]) : nil)
        case "/help":
            return .show(all(Dialect.self).map { $0.name.padding(21) + " " + $0.summary }.joined(separator: "\n"))
        default:
            return dialect.run(command: name, argument: argument)
                ?? .error("unknown command \(name) (/help lists them)")
        }
    }

    /// How long `/wait-for` waits before giving up, in seconds.
    static let waitForLimit = 30.0

    /// Completions for the word being typed: command names after a leading `/`, the dialect's words in a frame.
    static func completions<Dialect: WSCatDialect>(word: String, before: String, dialect: Dialect.Type) -> [String] {
        if before.trimmingWhitespace.isEmpty && word.hasPrefix("/") {
            return all(dialect).map(\.name).filter { $0.hasPrefix(word) }
        }
        let bare = word.hasPrefix("\"") ? String(word.dropFirst()) : word
        let matches = dialect.frameWords.filter { $0.hasPrefix(bare) }
        return word.hasPrefix("\"") ? matches.map { "\"" + $0 + "\"" } : matches
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
