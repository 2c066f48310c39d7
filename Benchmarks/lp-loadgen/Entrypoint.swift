import Foundation

/// `lp-loadgen`: the load generator behind `scripts/bench sandbox` (see ``LoadCommand/usage``).
@main
enum Entrypoint {
    /// Exit statuses.
    enum Status {
        static let success: Int32 = 0
        /// The run finished with errors, or could not run (server unreachable, bad certificate).
        static let failure: Int32 = 1
        /// Bad command line.
        static let usage: Int32 = 2
    }

    static func main() async {
        let command: LoadCommand
        do {
            command = try LoadCommand.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            printError(error.description)
            exit(Status.usage)
        }
        do {
            switch command {
            case .help:
                print(LoadCommand.usage)
            case .load(let options):
                let result = try await LoadRun(options: options).run()
                print(try jsonLine(result))
                if result.errors > 0 || result.socketsHeld < result.sockets {
                    printError("lp-loadgen: \(result.errors) errors; first: \(result.firstError ?? "none")")
                    exit(Status.failure)
                }
            case .echoServer(let options):
                try EchoServer(options: options).run()
            case .coldStart(let options):
                print(try jsonLine(try ColdStart(options: options).run()))
            }
        } catch {
            printError("lp-loadgen: \(error)")
            exit(Status.failure)
        }
        exit(Status.success)
    }

    static func jsonLine(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
