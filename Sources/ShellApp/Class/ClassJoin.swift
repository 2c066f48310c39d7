import HTTPTransfer
import JSONQuery
import LivePersonSandbox
import ShellRuntime

/// `lp-shell --join`: trust the class's CA by the join line's fingerprint, then join it (or rejoin with the token
/// kept from an earlier join) and take the account and variables it gives this learner.
struct ClassJoin {
    let line: JoinLine
    /// The learner's name (`--name`, else the login name).
    let name: String
    let environment: [String: String]

    /// A joined class: who the learner is there and what the shell exports.
    struct Joined: Sendable {
        let line: JoinLine
        let folder: ClassFolder
        let learnerID: String
        let learnerName: String
        let token: String
        let account: String
        /// The class's name when its answer gives one.
        let className: String?
        /// What the class exports (no CA paths), then the learner's own CA variables.
        let exports: [(name: String, value: String)]
        /// Whether the kept token was accepted (the same learner and account as before).
        let rejoined: Bool
    }

    /// A failure as the one line lp-shell prints (without `lp-shell: `).
    struct Failure: Error, Equatable {
        var message: String
    }

    func run() -> Result<Joined, Failure> {
        let folder = ClassFolder(line: line, environment: environment)
        if let problem = folder.prepare() { return .failure(Failure(message: problem)) }
        switch trust(folder: folder) {
        case .failure(let failure): return .failure(failure)
        case .success: break
        }
        let endpoint = ClassEndpoint(line: line, bundlePath: folder.bundlePath, environment: environment)
        if let kept = folder.read(ClassFolder.tokenFile)?.split(separator: "\n").first.map(String.init), !kept.isEmpty {
            switch join(endpoint, body: "{\"token\":" + JSONWriter.quoted(kept) + "}", folder: folder) {
            case .success(let joined): return .success(joined)
            case .failure(let failure) where failure.message == Self.unknownTokenMarker: break
            case .failure(let failure): return .failure(failure)
            }
        }
        let body = "{\"code\":" + JSONWriter.quoted(line.code) + ",\"name\":" + JSONWriter.quoted(name) + "}"
        return join(endpoint, body: body, folder: folder)
    }

    /// Fetches the class CA, checks its fingerprint, writes `ca.pem` and the bundle.
    func trust(folder: ClassFolder) -> Result<Void, Failure> {
        let endpoint = ClassEndpoint(line: line, bundlePath: nil, environment: environment)
        let pem: String
        switch endpoint.fetchCA() {
        case .response(let status, _, let body) where status == 200:
            pem = String(decoding: body, as: UTF8.self)
        case .response(let status, _, let body):
            return .failure(
                Failure(
                    message: "\(line.origin)/class/ca.pem answered \(status) (\(ClassEndpoint.errorText(body))): "
                        + "is \(line.address) a class (`lp-shell class`)?"))
        case .failed(let error):
            return .failure(unreachable(error))
        case .interrupted:
            return .failure(Failure(message: "interrupted"))
        }
        guard let fingerprint = ClassFingerprint.of(pem: pem) else {
            return .failure(
                Failure(message: "the class at \(line.address) sent no CA certificate from /class/ca.pem"))
        }
        guard fingerprint == line.fingerprint else {
            return .failure(
                Failure(
                    message: "the class at \(line.address) presented a CA whose fingerprint is \(fingerprint), "
                        + "not the join line's \(line.fingerprint): refusing to trust it"))
        }
        if let problem = folder.write(ClassFolder.caFile, pem)
            ?? folder.write(ClassFolder.bundleFile, CertificateAuthority.bundleText(caPEM: pem))
        {
            return .failure(Failure(message: problem))
        }
        return .success(())
    }

    /// The failure's message when a kept token is not known to the class (then the code is tried).
    static let unknownTokenMarker = "\u{0}unknown token"

    private func join(_ endpoint: ClassEndpoint, body: String, folder: ClassFolder) -> Result<Joined, Failure> {
        let rejoining = body.hasPrefix("{\"token\"")
        switch endpoint.post("/class/join", json: body) {
        case .response(let status, let headers, let answer):
            switch status {
            case 200:
                guard let joined = parse(answer, folder: folder, rejoined: rejoining) else {
                    return .failure(Failure(message: "the class at \(line.address) answered the join with no account"))
                }
                if let problem = folder.write(ClassFolder.tokenFile, joined.token + "\n") {
                    return .failure(Failure(message: problem))
                }
                return .success(joined)
            case 401 where rejoining:
                return .failure(Failure(message: Self.unknownTokenMarker))
            case 401:
                return .failure(
                    Failure(
                        message: "the class at \(line.address) refused the join code \(line.code) "
                            + "(\(ClassEndpoint.errorText(answer))): ask the teacher for the current join line"))
            case 429:
                let seconds = Int(ClassEndpoint.retryAfter(headers).rounded(.up))
                return .failure(
                    Failure(
                        message: "the class at \(line.address) refused the join: too many attempts "
                            + "(\(ClassEndpoint.errorText(answer))); try again in \(seconds) s"))
            default:
                return .failure(
                    Failure(
                        message: "the class at \(line.address) refused the join with \(status): "
                            + ClassEndpoint.errorText(answer)))
            }
        case .failed(let error):
            return .failure(unreachable(error))
        case .interrupted:
            return .failure(Failure(message: "interrupted"))
        }
    }

    private func unreachable(_ error: CurlError) -> Failure {
        Failure(message: "cannot reach the class at \(line.address): curl: (\(error.code)) \(error.message)")
    }

    /// The join answer: `{"learner":{"id","name"},"token","account","exports":[{"name","value"}…]}`.
    private func parse(_ body: [UInt8], folder: ClassFolder, rejoined: Bool) -> Joined? {
        guard let answer = try? ClassAnswerJSON.object(body), case .string(let token)? = answer["token"],
            case .string(let account)? = answer["account"], case .array(let items)? = answer["exports"]
        else { return nil }
        var learnerID = ""
        var learnerName = name
        if case .object(let learner)? = answer["learner"] {
            if case .string(let id)? = learner["id"] { learnerID = id }
            if case .string(let shown)? = learner["name"] { learnerName = shown }
        }
        var className: String?
        if case .string(let shown)? = answer["className"] { className = shown }
        var exports: [(name: String, value: String)] = []
        for item in items {
            guard case .object(let entry) = item, case .string(let variable)? = entry["name"],
                case .string(let value)? = entry["value"], !Self.caVariables.contains(variable)
            else { continue }
            exports.append((variable, value))
        }
        exports += [
            ("LP_SANDBOX_CA", folder.caPath), ("SSL_CERT_FILE", folder.bundlePath),
            ("CURL_CA_BUNDLE", folder.bundlePath), ("NODE_EXTRA_CA_CERTS", folder.bundlePath),
        ]
        return Joined(
            line: line, folder: folder, learnerID: learnerID, learnerName: learnerName, token: token,
            account: account, className: className, exports: exports, rejoined: rejoined)
    }

    /// The variables that point at CA files: the learner sets them to its own copies, whatever the class says.
    static let caVariables: Set<String> = ["LP_SANDBOX_CA", "SSL_CERT_FILE", "CURL_CA_BUNDLE", "NODE_EXTRA_CA_CERTS"]
}
