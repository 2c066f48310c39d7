/// The class dashboard's files (`Class/Dashboard/`: the page, its style sheet and scripts), compiled into the binary
/// by the `EmbedFolder` build-tool plugin, served by the class routes at `GET /class/` and `GET /class/<file>`.
/// The files hold no data: the page reads the class over `/class/state` and `/class/events` once the teacher's key
/// has been traded for the session cookie. They need no inline script or style, so the routes' strict
/// `Content-Security-Policy` (`default-src 'self'`) holds.
enum DashboardFiles {
    /// One file as served: its bytes and its `Content-Type`.
    struct File: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    /// The page itself: what `GET /class/` answers.
    static let indexName = "index.html"

    /// The file named `name` (`""` is the page), or `nil` for a name that is not one of the dashboard's files (no
    /// paths: the name is looked up, never joined to a directory).
    static func file(named name: String) -> File? {
        files[name.isEmpty ? indexName : name]
    }

    /// The `Content-Type` of a dashboard file, by its name's ending.
    static func contentType(of name: String) -> String {
        let types = [
            ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
            ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8",
        ]
        return types.first { name.hasSuffix($0.key) }?.value ?? "application/octet-stream"
    }

    private static let files: [String: File] = Dictionary(
        EmbeddedDashboard.files.map {
            ($0.name, File(bytes: Array($0.text.utf8), contentType: contentType(of: $0.name)))
        },
        uniquingKeysWith: { first, _ in first })
}
