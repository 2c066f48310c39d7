/// Helpers shared by the test targets; never imports a test framework.
public enum ShellTestSupport {}
