import JSONQuery

#if canImport(Glibc)
    import Glibc
#endif

/// The CSDS answer for one account, cached under `$XDG_CACHE_HOME/lp-shell/` for a day.
struct CSDSCache {
    /// The CSDS host LivePerson's own SDKs use.
    static let defaultHost = "adminlogin.liveperson.net"

    let path: String?

    init(environment: [String: String], account: String, host: String) {
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment["HOME"].map { $0 + "/.cache" }
        let safe = (host + "-" + account).map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }
        path = base.map { $0 + "/lp-shell/csds-" + String(safe) + ".json" }
    }

    /// The cached services, if the file is younger than `maximumAge` seconds (any age when nil).
    func read(maximumAge: Int?) -> [(String, String)]? {
        guard let path else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if let maximumAge, Int(time(nil)) - Int(info.st_mtim.tv_sec) > maximumAge { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // A few hundred bytes: one read into uninitialised memory sized by the stat above.
        let bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0) + 1) { buffer, initialized in
            initialized = max(Glibc.read(fd, buffer.baseAddress, buffer.count), 0)
        }
        return CSDSCache.parse(bytes)
    }

    /// Stores the raw answer (0600, folder 0700).
    func write(_ body: [UInt8]) {
        guard let path else { return }
        var folder = ""
        for component in path.split(separator: "/").dropLast() {
            folder += "/" + component
            mkdir(folder, 0o700)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = body.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if path.hasSuffix("-sandbox.json") { Self.pruneSandboxEntries(in: folder, keeping: Self.sandboxEntriesKept) }
    }

    /// How many sandbox answers are kept: each sandbox on a new port writes one, and every start-up audits them.
    static let sandboxEntriesKept = 8

    /// Removes all but the `keeping` most recently written `csds-*-sandbox.json` files of `folder`.
    static func pruneSandboxEntries(in folder: String, keeping: Int) {
        var entries: [(path: String, modified: Int)] = []
        for name in DirectoryListing.names(in: folder) where name.hasPrefix("csds-") && name.hasSuffix("-sandbox.json")
        {
            var info = stat()
            let path = folder + "/" + name
            if stat(path, &info) == 0 { entries.append((path, Int(info.st_mtim.tv_sec))) }
        }
        guard entries.count > keeping else { return }
        for entry in entries.sorted(by: { $0.modified > $1.modified }).dropFirst(keeping) { unlink(entry.path) }
    }

    /// `service → host` pairs from the all-services answer (`ServiceBaseURIList`, spec §1.2).
    /// Read with jq's parser: `JSONDecoder` would instantiate its generic containers at run time in every start-up
    /// that finds a cache (a visible share of a short script's time).
    static func parse(_ body: [UInt8]) -> [(String, String)]? {
        var parser = JSONParser(bytes: body, grammar: .rfc8259)
        guard case .object(let answer)?? = try? parser.next(), case .array(let entries)? = answer["baseURIs"] else {
            return nil
        }
        var services: [(String, String)] = []
        for entry in entries {
            guard case .object(let fields) = entry, case .string(let service)? = fields["service"],
                case .string(let host)? = fields["baseURI"]
            else { return nil }
            services.append((service, host))
        }
        return services
    }
}
