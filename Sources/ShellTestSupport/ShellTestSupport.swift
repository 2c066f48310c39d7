/// Helpers shared by the test targets (spec-file parsing, marked source text, running the built binary);
/// never imports a test framework.
public enum ShellTestSupport {}
