import ShellRuntime

/// `pwd`: the working directory.
struct Pwd: Builtin {
    static let name = "pwd"
    static let summary = "print the working directory"
    static let usage = "usage: pwd [-LP]"

    func run(_ context: inout CommandContext) -> ExitStatus {
        for argument in context.arguments where !(argument == "-L" || argument == "-P") {
            context.error("\(argument): invalid option\nusage: pwd [-LP]")
            return .usage
        }
        context.io.stdout.write(context.state.workingDirectory + "\n")
        return .success
    }
}
