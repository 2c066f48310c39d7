import OptionParsing

extension CommandContext {
    /// The operands of the command's arguments under `table`, for a builtin whose options are flags it checks
    /// apart; on a usage error the table's message goes to stderr and the result is nil (the builtin returns
    /// `.usage`).
    public func operands(_ table: OptionTable) -> [String]? {
        do {
            return try table.operands(of: arguments)
        } catch {
            io.stderr.write(table.message(for: error))
            return nil
        }
    }
}
