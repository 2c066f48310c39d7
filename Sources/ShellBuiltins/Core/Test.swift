import ShellRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// `test EXPR` and `[ EXPR ]`: string, integer and file tests (POSIX `test`, with `-a`, `-o` and parentheses).
struct Test: Builtin {
    static let name = "test"
    static let aliases = ["["]
    static let summary = "evaluate a condition: strings (-z -n = !=), numbers (-eq -lt …), files (-f -d -e …)"
    static let usage = """
        usage: test EXPR   or   [ EXPR ]

          -z S / -n S          S is empty / not empty      S1 = S2, S1 != S2   strings equal / differ
          N1 -eq N2            also -ne -lt -le -gt -ge    -e F, -f F, -d F    exists / regular file / directory
          -s F                 file is not empty           -r F, -w F, -x F    readable / writable / executable
          -L F, -h F           symbolic link               ! EXPR, EXPR -a EXPR, EXPR -o EXPR, ( EXPR )
        Status 0 when true, 1 when false, 2 on a malformed expression.
        """
    static let handlesHelpFlag = false

    func run(_ context: inout CommandContext) -> ExitStatus {
        var arguments = context.arguments
        if context.name == "[" {
            guard arguments.last == "]" else {
                context.error("missing `]'")
                return .usage
            }
            arguments.removeLast()
        }
        var evaluator = TestEvaluator(arguments: arguments, state: context.state)
        switch evaluator.evaluate() {
        case .success(let value): return value ? .success : .failure
        case .failure(let error):
            context.error(error.message)
            return .usage
        }
    }
}

/// Evaluates `test` expressions by the POSIX argument-count rules, then by precedence for longer ones.
struct TestEvaluator {
    struct Failure: Error {
        var message: String
    }

    let arguments: [String]
    let state: ShellState
    var index = 0

    init(arguments: [String], state: ShellState) {
        self.arguments = arguments
        self.state = state
    }

    mutating func evaluate() -> Result<Bool, Failure> {
        do {
            switch arguments.count {
            case 0: return .success(false)
            case 1: return .success(!arguments[0].isEmpty)
            case 2:
                if arguments[0] == "!" { return .success(arguments[1].isEmpty) }
                return .success(try unary(arguments[0], arguments[1]))
            case 3 where TestEvaluator.binaryOperators.contains(arguments[1]):
                return .success(try binary(arguments[0], arguments[1], arguments[2]))
            default:
                let value = try parseOr()
                guard index == arguments.count else {
                    throw Failure(message: "\(arguments[index]): unexpected argument")
                }
                return .success(value)
            }
        } catch let error as Failure {
            return .failure(error)
        } catch {
            return .failure(Failure(message: "\(error)"))
        }
    }

    static let binaryOperators: Set<String> = [
        "=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">", "-nt", "-ot", "-ef", "-a", "-o",
    ]

    private mutating func parseOr() throws -> Bool {
        var value = try parseAnd()
        while index < arguments.count, arguments[index] == "-o" {
            index += 1
            let right = try parseAnd()
            value = value || right
        }
        return value
    }

    private mutating func parseAnd() throws -> Bool {
        var value = try parseNot()
        while index < arguments.count, arguments[index] == "-a" {
            index += 1
            let right = try parseNot()
            value = value && right
        }
        return value
    }

    private mutating func parseNot() throws -> Bool {
        if index < arguments.count, arguments[index] == "!" {
            index += 1
            return !(try parseNot())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws -> Bool {
        guard index < arguments.count else { throw Failure(message: "argument expected") }
        let first = arguments[index]
        if first == "(" {
            index += 1
            let value = try parseOr()
            guard index < arguments.count, arguments[index] == ")" else { throw Failure(message: "`)' expected") }
            index += 1
            return value
        }
        if index + 2 < arguments.count, TestEvaluator.binaryOperators.contains(arguments[index + 1]),
            arguments[index + 1] != "-a", arguments[index + 1] != "-o"
        {
            defer { index += 3 }
            return try binary(first, arguments[index + 1], arguments[index + 2])
        }
        if first.hasPrefix("-"), first.count == 2, index + 1 < arguments.count {
            defer { index += 2 }
            return try unary(first, arguments[index + 1])
        }
        index += 1
        return !first.isEmpty
    }

    private func unary(_ op: String, _ operand: String) throws -> Bool {
        let path = state.resolvePath(operand)
        var info = stat()
        func statOK() -> Bool { stat(path, &info) == 0 }
        switch op {
        case "-z": return operand.isEmpty
        case "-n": return !operand.isEmpty
        case "-e": return statOK()
        case "-f": return statOK() && (info.st_mode & S_IFMT) == S_IFREG
        case "-d": return statOK() && (info.st_mode & S_IFMT) == S_IFDIR
        case "-s": return statOK() && info.st_size > 0
        case "-r": return access(path, R_OK) == 0
        case "-w": return access(path, W_OK) == 0
        case "-x": return access(path, X_OK) == 0
        case "-L", "-h": return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        case "-p": return statOK() && (info.st_mode & S_IFMT) == S_IFIFO
        case "-b": return statOK() && (info.st_mode & S_IFMT) == S_IFBLK
        case "-c": return statOK() && (info.st_mode & S_IFMT) == S_IFCHR
        case "-S": return statOK() && (info.st_mode & S_IFMT) == S_IFSOCK
        case "-k": return statOK() && (info.st_mode & S_ISVTX) != 0
        case "-u": return statOK() && (info.st_mode & S_ISUID) != 0
        case "-g": return statOK() && (info.st_mode & S_ISGID) != 0
        case "-O": return statOK() && info.st_uid == geteuid()
        case "-G": return statOK() && info.st_gid == getegid()
        case "-t": return isatty(Int32(operand) ?? -1) == 1
        default: throw Failure(message: "\(op): unary operator expected")
        }
    }

    private func binary(_ left: String, _ op: String, _ right: String) throws -> Bool {
        switch op {
        case "=", "==": return left == right
        case "!=": return left != right
        case "<": return left < right
        case ">": return left > right
        case "-a": return !left.isEmpty && !right.isEmpty
        case "-o": return !left.isEmpty || !right.isEmpty
        case "-nt", "-ot", "-ef":
            var leftInfo = stat()
            var rightInfo = stat()
            let leftExists = stat(state.resolvePath(left), &leftInfo) == 0
            let rightExists = stat(state.resolvePath(right), &rightInfo) == 0
            func modified(_ info: stat) -> (Int, Int) { (info.st_mtim.tv_sec, info.st_mtim.tv_nsec) }
            switch op {
            // A missing file is older than any file that exists (bash).
            case "-nt": return leftExists && (!rightExists || modified(leftInfo) > modified(rightInfo))
            case "-ot": return rightExists && (!leftExists || modified(leftInfo) < modified(rightInfo))
            default:
                return leftExists && rightExists && leftInfo.st_dev == rightInfo.st_dev
                    && leftInfo.st_ino == rightInfo.st_ino
            }
        default:
            guard let a = Int(left.trimmingSpacesForTest) else {
                throw Failure(message: "\(left): integer expression expected")
            }
            guard let b = Int(right.trimmingSpacesForTest) else {
                throw Failure(message: "\(right): integer expression expected")
            }
            switch op {
            case "-eq": return a == b
            case "-ne": return a != b
            case "-lt": return a < b
            case "-le": return a <= b
            case "-gt": return a > b
            case "-ge": return a >= b
            default: throw Failure(message: "\(op): binary operator expected")
            }
        }
    }
}

extension String {
    fileprivate var trimmingSpacesForTest: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
