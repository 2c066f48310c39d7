import Foundation
import LivePersonSandbox

// Development entry point: `swift run lp-sandbox-dev [options]` is `lp-shell sandbox [options]`.
exit(SandboxCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
