import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// `umask [-S] [MODE]`: the permissions new files are created without.
struct Umask: Builtin {
    static let name = "umask"
    static let summary = "show or set the file mode creation mask (umask 022, umask -S, umask u=rwx,go=rx)"
    static let usage = """
        usage: umask [-S] [MODE]

        Without MODE, prints the mask in octal (0022), or with -S as the permissions it leaves (u=rwx,g=rx,o=rx).
        MODE is octal (077) or symbolic like chmod's (u=rwx,g=,o=; go-w; a+r), applied to the permissions left.
        """

    func run(_ context: inout CommandContext) -> ExitStatus {
        var operands = context.arguments[...]
        var symbolic = false
        while let first = operands.first, first.hasPrefix("-"), first.count > 1 {
            operands.removeFirst()
            if first == "--" { break }
            guard first == "-S" else {
                context.error("\(first): invalid option; usage: umask [-S] [MODE]")
                return .usage
            }
            symbolic = true
        }
        let current = context.state.fileCreationMask
        guard let mode = operands.first else {
            context.io.stdout.write((symbolic ? Self.symbolic(current) : Self.octal(current)) + "\n")
            return .success
        }
        guard let mask = Self.parse(mode, current: current) else {
            let what = mode.first?.isNumber == true ? "octal number out of range" : "invalid symbolic mode operator"
            context.error("\(mode): \(what)")
            return .failure
        }
        context.state.fileCreationMask = mask
        umask(mask)
        return .success
    }

    static func octal(_ mask: mode_t) -> String {
        let digits = String(mask & 0o777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `u=rwx,g=rx,o=rx`: what the mask leaves.
    static func symbolic(_ mask: mode_t) -> String {
        let allowed = ~mask & 0o777
        return [("u", 6), ("g", 3), ("o", 0)].map { who, shift in
            let bits = (allowed >> mode_t(shift)) & 7
            let letters = (bits & 4 != 0 ? "r" : "") + (bits & 2 != 0 ? "w" : "") + (bits & 1 != 0 ? "x" : "")
            return who + "=" + letters
        }.joined(separator: ",")
    }

    /// The new mask for an octal or symbolic MODE; nil when MODE is neither.
    static func parse(_ mode: String, current: mode_t) -> mode_t? {
        if mode.first?.isNumber == true {
            guard let value = mode_t(mode, radix: 8), value <= 0o777 else { return nil }
            return value
        }
        var allowed = ~current & 0o777
        for clause in mode.split(separator: ",", omittingEmptySubsequences: false) {
            var rest = clause[...]
            var who: mode_t = 0
            while let letter = rest.first, "ugoa".contains(letter) {
                who |= ["u": 0o700, "g": 0o070, "o": 0o007, "a": 0o777][letter]!
                rest.removeFirst()
            }
            if who == 0 { who = 0o777 }
            guard let op = rest.first, "+-=".contains(op) else { return nil }
            rest.removeFirst()
            var permissions: mode_t = 0
            for letter in rest {
                switch letter {
                case "r": permissions |= 0o444
                case "w": permissions |= 0o222
                case "x": permissions |= 0o111
                default: return nil
                }
            }
            switch op {
            case "+": allowed |= permissions & who
            case "-": allowed &= ~(permissions & who)
            default: allowed = (allowed & ~who) | (permissions & who)
            }
        }
        return ~allowed & 0o777
    }
}
