/// Rows about jq inputs that used to end the session (a trap in the jq built-in is a crash of the whole shell):
/// NaN and huge numbers where jq converts to integers, generators that never advance. Each now answers as jq 1.7.1
/// does, and the session goes on.
extension BadInputRows {
    /// `jq -nc PROGRAM` printing `output`, then the session's next line.
    private static func jqAnswers(_ program: String, _ output: String) -> BadInputCase {
        .init(
            "jq \(program)", .command, keep("jq -nc '\(program)'"), stderr: [], status: 0,
            stdout: output.split(separator: "\n").map(String.init) + ["after:0 A=kept"])
    }

    static let jqTraps: [BadInputCase] = [
        jqAnswers("[range(3)] | .[nan:1]", "[0]"),
        jqAnswers("[range(3)] | .[1:nan]", "[1,2]"),
        jqAnswers("[range(3)] | .[:nan]", "[0,1,2]"),
        jqAnswers("\"abc\" | .[nan:]", "\"abc\""),
        jqAnswers("[range(3)] | del(.[nan:1])", "[1,2]"),
        jqAnswers("[range(3)] | .[nan:1] = [\"x\"]", "[\"x\",1,2]"),
        jqAnswers("[range(3)] | .[1e19], .[-1e19], .[nan]", "null\nnull\nnull"),
        jqAnswers("ldexp(1; 1e19), ldexp(1; nan)", "0\n0"),
        jqAnswers("scalb(1; 1e19)", "1.7976931348623157e+308"),
        jqAnswers("scalbln(1; 1e300), jn(1e19; 1)", "0\nnull"),
        jqAnswers("[range(0; 3; nan)], [range(0; 3; 0)]", "[]\n[]"),
        jqAnswers("[limit(3; repeat(1))]", "[1,1,1]"),
        jqAnswers("[1, 2] | implode", "\"\\u0001\\u0002\""),
        jqAnswers(
            "[-1, 1e19, nan] | try implode catch .",
            "\"number (null) can't be imploded, unicode codepoint needs to be numeric\""),
        jqAnswers("\"x\" * nan, \"x\" * -1, \"x\" * 0.5", "null\nnull\n\"\""),
        jqAnswers("nan % 1, 1 % nan | isnan", "true\ntrue"),
        jqAnswers("[1e19, -1e19, nan] | map(tostring)", "[\"1E+19\",\"-1e+19\",\"null\"]"),
        jqAnswers("[.[]?] | bsearch(nan)", "-1"),
        .init(
            "jq \"ab\" * 1e10", .command, keep("jq -nc '\"ab\" * 1e10'"),
            stderr: ["jq: error (at <unknown>): Repeat string result too long"], status: 0,
            stdout: ["after:5 A=kept"]),
        .init(
            "jq import of a missing module", .command, keep("jq -n 'import \"nosuch\" as n; n::f'"),
            stderr: [
                "jq: error: module not found: nosuch at <top-level>, line 1:",
                "import \"nosuch\" as n; n::f", "^^^^^^^^^^^^^^^^^^^^^", "jq: 1 compile error",
            ], status: 0, stdout: ["after:3 A=kept"]),
    ]
}
