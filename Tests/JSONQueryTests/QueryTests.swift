import JSONQuery
import Testing

/// Engine-level checks that the CLI table cannot express well: laziness, recursion and the AST printer.
@Suite struct QueryTests {
    private func outputs(_ program: String, _ input: JSONValue = .null) throws -> [String] {
        let compiled = try JQProgram(program)
        let session = JQSession(variables: [], environment: [:], host: SilentQueryHost())
        let result = LargeStack.run { () -> Result<[String], JQRuntimeFailure> in
            var results: [String] = []
            do {
                try compiled.run(input: input, session: session) { results.append(JSONWriter.compactString($0)) }
            } catch {
                return .failure(error as? JQRuntimeFailure ?? .error(.string("\(error)")))
            }
            return .success(results)
        }
        return try result.get()
    }

    @Test func generatorsStopEarly() throws {
        #expect(try outputs("first(range(1e9))") == ["0"])
        #expect(try outputs("[limit(3; repeat(1))]") == ["[1,1,1]"])
        #expect(try outputs("label $out | range(1e9) | if . == 2 then break $out else . end") == ["0", "1"])
    }

    @Test func deeplyNestedProgramsAreCompileErrorsNotCrashes() throws {
        let nested = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JQCompileFailure.self) { try JQProgram(nested) }
        #expect(try outputs(String(repeating: "[", count: 200) + "1" + String(repeating: "]", count: 200)).count == 1)
    }

    @Test func longPipelinesCompileOnALargeStack() throws {
        let stages = Array(repeating: ".+1", count: 4000).joined(separator: " | ")
        #expect(try outputs("0 | " + stages) == ["4000"])
        let tooMany = Array(repeating: ".", count: 10_001).joined(separator: " | ")
        #expect(throws: JQCompileFailure.self) { try JQProgram(tooMany) }
    }

    @Test func deepRecursionIsAnErrorNotACrash() throws {
        #expect(throws: JQRuntimeFailure.self) { try self.outputs("def f: 1 + f; f") }
    }

    @Test func printerOutputReparses() throws {
        let programs = [
            ".a.b[0] | {x: .y, (.k): 1, \"a b\": [.[]?]}", "reduce .[] as [$a, {b: $c}] (0; . + $a)",
            "def f(g; $x): g + $x; f(.; 1) // -2", "if . then 1 elif 2 then 3 end | try error catch .",
            "@base64 \"x\\(.)\" | .[1:] | -(1 + 2) * 3", ".a += 1 | .b |= empty | label $l | break $l",
        ]
        for program in programs {
            let tree = try Parser.parse(program)
            #expect(try Parser.parse(tree.description) == tree, "\(tree.description)")
        }
    }

    @Test func compileErrorsCarryOffsets() {
        do {
            _ = try JQProgram(".a | foo(1)")
            Issue.record("compiled")
        } catch {
            #expect(error.errors.first?.message == "foo/1 is not defined")
            #expect(error.errors.first?.offset == 5)
        }
    }
}
