extension ClassRoom {
    /// The class of a sandbox started with `configuration`: its CA's fingerprint for the join line, the address
    /// learners reach it at (the sandbox's advertised one), its account gate.
    static func make(
        settings: ClassSettings, configuration: SandboxConfiguration, authority: CertificateAuthority,
        store: InMemorySandboxStore, address: AdvertisedAddress
    ) throws -> ClassRoom {
        guard let fingerprint = ClassFingerprint.of(pem: authority.caCertificatePEM) else {
            throw RunningSandbox.StartError(description: "the class CA in \(authority.directory) is not a certificate")
        }
        return try ClassRoom(
            settings: settings,
            // RunningSandbox advertises the address learners reach (for a wildcard bind, ``learnerHost(for:)``).
            origin: { "https://" + address.hostPort },
            caCertificatePEM: authority.caCertificatePEM, caFingerprint: fingerprint,
            dataDirectory: configuration.dataDirectory, store: store,
            gate: AccountGate(accounts: [configuration.defaultAccount]))
    }

    /// For a wildcard bind, the address other machines reach (the first non-loopback IPv4 address); `nil` when
    /// the bind address itself is what learners use.
    static func learnerHost(for host: String, addresses: [String] = InterfaceAddresses.list()) -> String? {
        guard AdvertisedAddress.isWildcard(host) else { return nil }
        return addresses.first
    }

    /// The names the class's server certificate must carry besides localhost: the bind address, or for a wildcard
    /// bind every address of the machine.
    static func serverNames(for host: String) -> [String] {
        AdvertisedAddress.isWildcard(host) ? InterfaceAddresses.list() : [host]
    }
}
