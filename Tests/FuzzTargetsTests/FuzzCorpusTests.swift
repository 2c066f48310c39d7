import Foundation
import FuzzTargets
import Testing

/// Replays the committed fuzz corpora (seeds from the spec files and golden cases, plus every input a fuzzing
/// run ever found, in `Corpus/TARGET/`) through the same code `scripts/fuzz` runs: none may trap or break the
/// target's property.
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    @Test(arguments: FuzzTarget.allCases)
    func corpusReplaysCleanly(_ target: FuzzTarget) throws {
        let directory = Self.corpus.appendingPathComponent(target.rawValue)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names.count >= 20, "too few seeds for \(target.rawValue): \(names.count)")
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
            let finding = target.run(bytes)
            #expect(finding == nil, "\(target.rawValue)/\(name): \(finding ?? "")")
        }
    }

    @Test func boundedTargetsEndAndValidInputsPass() {
        // The ws-frame property compares with JSONDecoder: a frame both read the same way passes.
        #expect(FuzzTarget.wsFrame.run(Array(#"{"kind":"req","id":1,"type":"GetClock"}"#.utf8)) == nil)
        // A jq program that never ends is stopped by the time budget rather than hanging the fuzzer.
        #expect(FuzzTarget.jq.run(Array("repeat(.)\n1".utf8)) == nil)
        #expect(FuzzTarget.jq.run(Array("last(range(1e18))\nnull".utf8)) == nil)
        // Shell text that does not parse is not a finding; text that does must round-trip.
        #expect(FuzzTarget.shellParser.run(Array("echo 'unterminated".utf8)) == nil)
        #expect(FuzzTarget.shellParser.run(Array("a=1 b=`x` c && { d | e; } > f 2>&1".utf8)) == nil)
    }
}
