import ShellApp

#if canImport(Glibc)
    import Glibc
#endif

@main
struct Entrypoint {
    static func main() {
        exit(LPShell.main(arguments: CommandLine.arguments))
    }
}
