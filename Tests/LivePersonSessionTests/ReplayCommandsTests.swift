import Testing

@testable import LivePersonSession

/// `replay` splits a transcript the way the REPL collects typed lines.
struct ReplayCommandsTests {
    @Test func commandsAreCollectedAsTheREPLCollectsThem() {
        let transcript = """
            # recorded by lp-shell
            echo one

            if true; then
              echo two
            fi
            $ echo three
            echo )
            echo 'open
            """
        #expect(
            Replay.commands(in: transcript) == [
                "echo one", "if true; then\n  echo two\nfi", "echo three", "echo )", "echo 'open",
            ])
    }
}
