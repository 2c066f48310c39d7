import OptionParsing

extension CommandContext {
    /// The operands of the command's arguments under `table`, for a builtin whose options are flags it checks
    /// apart; on a usage error the table's message goes to stderr and the result is nil (the builtin returns
    /// `.usage`).
    public func operands(_ table: OptionTable) -> [String]? {
        do {
            return try table.operands(of: arguments)
        } catch {
            io.stderr.writeDiagnostic(table.message(for: error))
            return nil
        }
    }

    /// The options and operands of the command's arguments under `table`; on a usage error the table's message
    /// goes to stderr and the result is nil (the builtin returns `.usage`).
    public func parsedArguments(_ table: OptionTable) -> (options: [ParsedOption], operands: [String])? {
        do {
            var options: [ParsedOption] = []
            var operands: [String] = []
            for argument in try table.parse(arguments) {
                switch argument {
                case .option(let option): options.append(option)
                case .operand(let word): operands.append(word)
                }
            }
            return (options, operands)
        } catch {
            io.stderr.writeDiagnostic(table.message(for: error))
            return nil
        }
    }
}
