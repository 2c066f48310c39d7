import Base64Codec

extension ClassRoom {
    /// The class of a sandbox started with `configuration`: its CA's fingerprint for the join line, the address
    /// learners reach it at (the sandbox's advertised one), its account gate.
    static func make(
        settings: ClassSettings, configuration: SandboxConfiguration, authority: CertificateAuthority,
        store: InMemorySandboxStore, address: AdvertisedAddress
    ) throws -> ClassRoom {
        let der = Self.der(ofPEM: authority.caCertificatePEM)
        return try ClassRoom(
            settings: settings,
            // RunningSandbox advertises the address learners reach (for a wildcard bind, ``learnerHost(for:)``).
            origin: { "https://" + address.hostPort },
            caCertificatePEM: authority.caCertificatePEM, caFingerprint: ClassSecrets.fingerprint(der: der),
            dataDirectory: configuration.dataDirectory, store: store,
            gate: AccountGate(accounts: [configuration.defaultAccount]))
    }

    /// For a wildcard bind, the address other machines reach (the first non-loopback IPv4 address); `nil` when
    /// the bind address itself is what learners use.
    static func learnerHost(for host: String, addresses: [String] = InterfaceAddresses.list()) -> String? {
        guard ["0.0.0.0", "::", ""].contains(host) else { return nil }
        return addresses.first
    }

    /// The names the class's server certificate must carry besides localhost: the bind address, or for a wildcard
    /// bind every address of the machine.
    static func serverNames(for host: String) -> [String] {
        ["0.0.0.0", "::", ""].contains(host) ? InterfaceAddresses.list() : [host]
    }

    /// The DER bytes of a PEM certificate (its base64 lines).
    static func der(ofPEM pem: String) -> [UInt8] {
        let body = pem.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        return Base64Coding.decodeLenient(Array(body.utf8)) ?? []
    }
}
