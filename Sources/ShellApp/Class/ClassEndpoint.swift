import HTTPTransfer
import JSONQuery

/// The class's HTTP routes as the learner calls them: every request over TLS verified against the learner's own
/// bundle (the system's CAs and the class CA it checked by fingerprint), except the one download of that CA.
struct ClassEndpoint: Sendable {
    let line: JoinLine
    /// The CA bundle to verify the class with; nil only to fetch the CA itself (unverified, as `curl -k`).
    let bundlePath: String?
    /// The environment the proxy variables come from.
    let environment: [String: String]
    /// The longest one request may take, in seconds.
    var maximumSeconds = 10.0

    func request(_ path: String) -> HTTPFetch.Request {
        let trust = TrustStore(insecure: bundlePath == nil, caCertificatePath: bundlePath, environment: [:])
        return HTTPFetch.Request(
            url: line.origin + path, trust: trust, environment: environment, maximumSeconds: maximumSeconds)
    }

    /// `GET /class/ca.pem` without verifying the server (what is fetched is checked by its fingerprint).
    func fetchCA() -> HTTPFetch.Exchange {
        HTTPFetch.exchange(request("/class/ca.pem"), method: "GET")
    }

    /// `POST path` with a JSON body, and the learner token as a bearer when given.
    func post(_ path: String, json: String, bearer: String? = nil) -> HTTPFetch.Exchange {
        var headers = ["Content-Type: application/json", "Accept: application/json"]
        if let bearer { headers.append("Authorization: Bearer " + bearer) }
        return HTTPFetch.exchange(request(path), method: "POST", headers: headers, body: Array(json.utf8))
    }

    /// The `error` of a `{"error":"…"}` answer, else the body's first line (at most 200 characters).
    static func errorText(_ body: [UInt8]) -> String {
        if let value = try? ClassAnswerJSON.object(body), case .string(let text)? = value["error"] { return text }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return String(text.split(separator: "\n").first ?? "")
    }

    /// Seconds from a `Retry-After` header (delta-seconds); 1 when absent or unreadable.
    static func retryAfter(_ headers: [(name: String, value: String)]) -> Double {
        let value = headers.first { $0.name.lowercased() == "retry-after" }?.value ?? ""
        return Double(value.trimmingPrefixSpaces()).map { max($0, 0) } ?? 1
    }
}

extension String {
    fileprivate func trimmingPrefixSpaces() -> Substring {
        Substring(self).drop { $0 == " " }.prefix { $0 != " " && $0 != "\r" }
    }
}
