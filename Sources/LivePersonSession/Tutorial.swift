/// A tutorial as data: steps with the doc's own command, an explanation and a check.
///
/// Tutorials are `.tutorial` files (bundled in the package, or in `$XDG_DATA_HOME/lp-shell/tutorials/`), so adding
/// one adds no code. Format: `# Title`, `key: value` header lines (`name`, `aliases` — other names for pages it also
/// mirrors, such as an older version —, `source`, `needs`, `summary`, and
/// `refresh: 4 2`, the steps that renew the tokens in order), then `## N. Step title` sections with `explain:`,
/// `run:` (the doc's command, verbatim; several `run:` lines are run in order, as the page prints a block of lines), `frame:` (WebSocket frames pasted after the command), `check:` lines.
///
/// Pages that need a consumer and an agent at once keep their sockets open in the background: a step whose `run:`
/// is `wscat … &` opens one, and `socket: consumer` (or `agent`, or `%N`) says that the `frame:` lines after it go
/// to that background socket: the step runs `fg %consumer` after its `run:` (which it may then omit), and a later
/// `socket:` in the same step switches sockets (`/as agent`). In a script the socket goes back to the background
/// after the frames (`/bg`); at a terminal its socket mode stays open for the learner (`/bg` returns).
///
/// The roles of the steps are data too: the step that creates a variable is the first whose `check:` names it
/// (`check: jwt LP_EXT_JWT`), which the advice for an unset variable points to, and `refresh:` is what
/// `tokens refresh`, `set -o autorefresh` and the expired-token warnings run or name.
public struct Tutorial: Sendable, Equatable {
    /// The short name for `tutorial use NAME`.
    public var name: String
    /// The page title.
    public var title: String
    /// Other names `tutorial use` accepts: pages with the same steps (an older version of the page).
    public var aliases: [String] = []
    /// The documentation page it mirrors.
    public var source: String
    /// Variables the steps need.
    public var needs: [String]
    /// One or two sentences.
    public var summary: String
    /// The steps in order.
    public var steps: [Step]
    /// The steps that renew the tokens, in the order they run (`refresh: 4 2`); empty when it has none.
    public var refreshSteps: [Int] = []

    /// One step.
    public struct Step: Sendable, Equatable {
        /// The step number as the docs print it.
        public var number: Int
        /// The step title.
        public var title: String
        /// Two or three sentences for the guided mode.
        public var explanation: String
        /// The doc's command, verbatim: one line, or the lines of one block joined with newlines.
        public var command: String
        /// Frames to send after the command opened a WebSocket.
        public var frames: [String]
        /// What must hold afterwards.
        public var checks: [Check]
        /// The background socket (`consumer`, `agent`, `%N`) the frames go to (`socket:`), nil for the socket the
        /// command opens.
        public var socket: String? = nil

        /// What the step runs: the command, then `fg %SOCKET` when its frames go to a background socket.
        public var source: String {
            guard let socket else { return command }
            let bring = "fg " + (socket.hasPrefix("%") ? socket : "%" + socket)
            return command.isEmpty ? bring : command + "\n" + bring
        }

    }

    /// A condition checked after a step ran.
    public enum Check: Sendable, Equatable {
        /// The variable holds a JWT that has not expired.
        case jwt(String)
        /// The variable is set and not empty.
        case set(String)
        /// A file exists.
        case file(String)
    }

    /// A line of a tutorial file that could not be read.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// `file:line: message`.
        public var description: String
    }

    /// Parses a tutorial file.
    public static func parse(_ text: String, file: String) throws(ParseError) -> Tutorial {
        var tutorial = Tutorial(name: "", title: "", source: "", needs: [], summary: "", steps: [])
        var current: Step?
        func finishStep() {
            if let step = current { tutorial.steps.append(step) }
            current = nil
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine)
            let location = "\(file):\(index + 1)"
            if line.hasPrefix("## ") {
                finishStep()
                let heading = line.dropFirst(3)
                guard let dot = heading.firstIndex(of: "."), let number = Int(heading[..<dot]) else {
                    throw ParseError(description: "\(location): a step heading is `## N. Title`")
                }
                let title = heading[heading.index(after: dot)...].drop { $0 == " " }
                current = Step(
                    number: number, title: String(title), explanation: "", command: "", frames: [], checks: [])
                continue
            }
            if line.hasPrefix("# ") {
                tutorial.title = String(line.dropFirst(2))
                continue
            }
            guard !line.allSatisfy({ $0 == " " }), let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let value = String(line[line.index(after: colon)...].drop { $0 == " " })
            if var step = current {
                switch key {
                case "explain": step.explanation = value
                case "run": step.command += step.command.isEmpty ? value : "\n" + value
                case "frame": step.frames.append(value)
                case "socket":
                    guard !value.isEmpty, !value.contains(" ") else {
                        throw ParseError(description: "\(location): `socket:` names one socket (consumer, agent, %N)")
                    }
                    if step.socket == nil && step.frames.isEmpty {
                        step.socket = value
                    } else {
                        step.frames.append("/as " + value)
                    }
                case "check": step.checks.append(try parseCheck(value, location: location))
                default: throw ParseError(description: "\(location): unknown step field `\(key)`")
                }
                current = step
            } else {
                switch key {
                case "name": tutorial.name = value
                case "aliases": tutorial.aliases = value.split(separator: " ").map(String.init)
                case "source": tutorial.source = value
                case "needs": tutorial.needs = value.split(separator: " ").map(String.init)
                case "summary": tutorial.summary = value
                case "refresh":
                    let numbers = value.split(separator: " ").map { Int($0) }
                    guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else {
                        throw ParseError(description: "\(location): `refresh:` lists step numbers (`refresh: 4 2`)")
                    }
                    tutorial.refreshSteps = numbers.compactMap { $0 }
                default: throw ParseError(description: "\(location): unknown field `\(key)`")
                }
            }
        }
        finishStep()
        guard !tutorial.name.isEmpty else { throw ParseError(description: "\(file): missing `name:`") }
        guard !tutorial.steps.isEmpty else { throw ParseError(description: "\(file): no steps") }
        for step in tutorial.steps where step.command.isEmpty && step.socket == nil {
            throw ParseError(description: "\(file): step \(step.number) has no `run:` (or `socket:`) line")
        }
        for number in tutorial.refreshSteps where tutorial.step(number) == nil {
            throw ParseError(description: "\(file): `refresh:` names step \(number), which it does not have")
        }
        return tutorial
    }

    private static func parseCheck(_ text: String, location: String) throws(ParseError) -> Check {
        let words = text.split(separator: " ").map(String.init)
        guard words.count == 2 else { throw ParseError(description: "\(location): a check is `KIND NAME`") }
        switch words[0] {
        case "jwt": return .jwt(words[1])
        case "set": return .set(words[1])
        case "file": return .file(words[1])
        default: throw ParseError(description: "\(location): unknown check `\(words[0])`")
        }
    }

    /// Whether `name` chooses this tutorial: its name or one of its aliases.
    public func answers(to name: String) -> Bool { self.name == name || aliases.contains(name) }

    /// The step with a number.
    public func step(_ number: Int) -> Step? { steps.first { $0.number == number } }

    /// The step that creates `variable`: the first whose checks name it.
    public func creator(of variable: String) -> Step? {
        steps.first { $0.checks.contains { $0.variable == variable } }
    }

    /// The variable the refresh renews in place (its first step's checked variable, `LP_EXT_JWT`): it must be set
    /// before refreshing.
    public var refreshedVariable: String? {
        refreshSteps.first.flatMap { step($0) }?.checks.lazy.compactMap(\.variable).first
    }

    /// `step 4, then step 2`.
    public var refreshDescription: String {
        refreshSteps.map { "step \($0)" }.joined(separator: ", then ")
    }
}

extension Tutorial.Check {
    /// The variable the check is about, nil for a file.
    public var variable: String? {
        switch self {
        case .jwt(let name), .set(let name): name
        case .file: nil
        }
    }
}
