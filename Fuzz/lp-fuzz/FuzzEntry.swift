import FuzzTargets

#if canImport(Glibc)
    import Glibc
#endif

/// Writes one line to standard error.
func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

// Built by `scripts/fuzz` with `-sanitize=fuzzer,address -DFUZZING`: libFuzzer's driver runs from `lp_fuzz_main`
// and calls `LLVMFuzzerTestOneInput`; LP_FUZZ_TARGET names the target. Built normally, `lp-fuzz TARGET FILE...` replays inputs.

#if FUZZING
    nonisolated(unsafe) private var target = FuzzTarget.shellParser

    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's `main` to `MODULE_main`: this one hands over to libFuzzer's driver.
    @_cdecl("lp_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        let name = getenv("LP_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let chosen = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            printError("lp-fuzz: set LP_FUZZ_TARGET to one of: \(names)")
            return 2
        }
        target = chosen
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments, fuzzerTestOneInput)
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        if let finding = target.run(bytes) {
            printError("lp-fuzz: \(target.rawValue): \(finding)")
            abort()
        }
        return 0
    }
#else
    @main
    enum FuzzReplay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
                printError("usage: lp-fuzz \(names) FILE...  (replays inputs; scripts/fuzz builds the fuzzer)")
                exit(2)
            }
            var findings: Int32 = 0
            for path in arguments.dropFirst() {
                guard let file = fopen(path, "rb") else {
                    printError("lp-fuzz: cannot read \(path)")
                    exit(2)
                }
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 65536)
                while case let count = fread(&chunk, 1, chunk.count, file), count > 0 { bytes += chunk[..<count] }
                fclose(file)
                if let finding = target.run(bytes) {
                    print("\(path): \(finding)")
                    findings = 1
                }
            }
            exit(findings)
        }
    }
#endif
