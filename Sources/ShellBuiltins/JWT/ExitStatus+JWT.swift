import ShellRuntime

extension ExitStatus {
    /// jwt `--jwks`: the signature could not be checked (the JWKS could not be fetched or read, no key has the
    /// token's `kid`, or the token's `alg` is not RS256). A signature that does not verify is `.failure` (1).
    static let jwtKeyUnavailable = ExitStatus(3)
}
