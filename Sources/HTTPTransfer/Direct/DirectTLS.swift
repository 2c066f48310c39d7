import ShellRuntime

@_implementationOnly import CNIOBoringSSL

/// A TLS client session over a `DirectSocket`, straight on BoringSSL (the library NIOSSL wraps): verification,
/// SNI and host-name checks as curl does them, ALPN `http/1.1` only, and curl's messages for every failure.
final class DirectTLS {
    private let socket: DirectSocket
    private let context: OpaquePointer
    private let session: OpaquePointer

    /// Starts a session for `host` trusting `roots` (from `trust.roots()`, decided once per transfer).
    /// - Throws: `CurlError` 77 for a CA file certificate BoringSSL cannot read.
    init(socket: DirectSocket, host: String, roots: TrustStore.Roots, trust: TrustStore) throws {
        self.socket = socket
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw CurlError.tlsConnect("SSL_CTX_new failed") }
        self.context = context
        SSL_CTX_set_min_proto_version(
            context, UInt16(trust.minimumTLSVersion == 13 ? TLS1_3_VERSION : TLS1_2_VERSION))
        // curl 7.88.1 with OpenSSL 3.0 offers no post-quantum group; leaving ML-KEM out saves its key generation.
        SSL_CTX_set1_groups_list(context, "X25519:P-256:P-384")
        do {
            // Before SSL_new: the session copies the context's verification mode.
            try Self.configureTrust(context, roots: roots, caFile: trust.caFile)
            if let identity = try trust.clientIdentity() { try Self.use(identity, in: context, trust: trust) }
        } catch {
            SSL_CTX_free(context)
            throw error
        }
        guard let session = SSL_new(context) else {
            SSL_CTX_free(context)
            throw CurlError.tlsConnect("SSL_new failed")
        }
        self.session = session
        SSL_set_fd(session, socket.descriptor)
        let protocols: [UInt8] = [8] + Array("http/1.1".utf8)
        SSL_set_alpn_protos(session, protocols, protocols.count)
        let parameters = SSL_get0_param(session)
        if IPLiteral(host) != nil {
            X509_VERIFY_PARAM_set1_ip_asc(parameters, host)
        } else {
            SSL_set_tlsext_host_name(session, host)
            X509_VERIFY_PARAM_set1_host(parameters, host, host.utf8.count)
        }
    }

    deinit {
        SSL_free(session)
        SSL_CTX_free(context)
    }

    /// Verification on (system store plus the CA file) or off (`-k`), as `TrustStore.roots()` decided.
    private static func configureTrust(_ context: OpaquePointer, roots: TrustStore.Roots, caFile: String?) throws {
        switch roots {
        case .unverified:
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        case .systemDirectory(let directory, let extra):
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
            let store = SSL_CTX_get_cert_store(context)
            X509_STORE_load_locations(store, nil, directory)
            for block in extra {
                let added = block.withUnsafeBytes { raw -> Bool in
                    guard let bio = BIO_new_mem_buf(raw.baseAddress, raw.count) else { return false }
                    defer { BIO_free(bio) }
                    guard let certificate = PEM_read_bio_X509(bio, nil, nil, nil) else { return false }
                    defer { X509_free(certificate) }
                    return X509_STORE_add_cert(store, certificate) == 1
                }
                if !added { throw CurlError.caCertificateFile(caFile ?? "") }
            }
        case .defaultRoots:
            // `CurlTransportChoice` picks this transport only where the system has a hashed directory.
            throw CurlError.tlsConnect("no system certificate directory")
        }
    }

    /// Presents `identity` when the server asks for a client certificate: the first certificate, the rest as its
    /// chain, and the key. - Throws: curl's 58 when BoringSSL cannot use them.
    private static func use(_ identity: ClientIdentity, in context: OpaquePointer, trust: TrustStore) throws {
        let keyFile = trust.clientKeyName ?? trust.clientCertificateName ?? ""
        let loaded = identity.certificateChain.withUnsafeBytes { raw -> Bool in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, raw.count) else { return false }
            defer { BIO_free(bio) }
            guard let leaf = PEM_read_bio_X509(bio, nil, nil, nil) else { return false }
            defer { X509_free(leaf) }
            guard SSL_CTX_use_certificate(context, leaf) == 1 else { return false }
            while let next = PEM_read_bio_X509(bio, nil, nil, nil) {
                // The context takes ownership of each chain certificate.
                if SSL_CTX_add_extra_chain_cert(context, next) != 1 { X509_free(next) }
            }
            ERR_clear_error()
            return true
        }
        let keyed = identity.privateKey.withUnsafeBytes { raw -> Bool in
            guard loaded, let bio = BIO_new_mem_buf(raw.baseAddress, raw.count) else { return false }
            defer { BIO_free(bio) }
            guard let key = PEM_read_bio_PrivateKey(bio, nil, nil, nil) else { return false }
            defer { EVP_PKEY_free(key) }
            return SSL_CTX_use_PrivateKey(context, key) == 1 && SSL_CTX_check_private_key(context) == 1
        }
        if !keyed { throw CurlError(code: 58, message: "unable to set private key file: '\(keyFile)' type PEM") }
    }

    /// Runs the handshake. - Throws: `CurlError` 60 (certificate) or 35 (anything else), `CurlStop`.
    func handshake(host: String, port: Int) throws {
        while true {
            ERR_clear_error()
            let result = SSL_connect(session)
            if result == 1 { return }
            switch SSL_get_error(session, result) {
            case SSL_ERROR_WANT_READ: try socket.waitReadable()
            case SSL_ERROR_WANT_WRITE: try socket.waitWritable()
            default: throw handshakeFailure(host: host, port: port)
            }
        }
    }

    private func handshakeFailure(host: String, port: Int) -> CurlError {
        let verification = SSL_get_verify_result(session)
        switch Int32(verification) {
        case X509_V_OK:
            break
        case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH:
            return CurlError(
                code: 60, message: "SSL: no alternative certificate subject name matches target host name '\(host)'",
                trailer: CurlError.certificateHelp)
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
            return .peerCertificate("self-signed certificate")
        case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
            return .peerCertificate("self-signed certificate in certificate chain")
        default:
            return .peerCertificate(String(cString: X509_verify_cert_error_string(verification)))
        }
        let error = ERR_get_error()
        guard error != 0, let reason = ERR_reason_error_string(error) else {
            return .tlsConnect("OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to \(host):\(port) ")
        }
        let text = String(cString: reason).lowercased().replacingUnderscores()
        return .tlsConnect("OpenSSL/3.0.19: error:\(String(error, radix: 16, uppercase: true)):SSL routines::\(text)")
    }

    /// Sends all of `bytes`. - Throws: `CurlError` 55, `CurlStop`.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                SSL_write(session, raw.baseAddress! + offset, Int32(min(raw.count - offset, 1 << 20)))
            }
            if written > 0 {
                offset += Int(written)
                continue
            }
            switch SSL_get_error(session, written) {
            case SSL_ERROR_WANT_READ: try socket.waitReadable()
            case SSL_ERROR_WANT_WRITE: try socket.waitWritable()
            default: throw CurlError(code: 55, message: "Failed sending data to the peer")
            }
        }
    }

    /// Receives into `buffer`; 0 means the peer closed (with or without close_notify, as curl tolerates).
    /// - Throws: `DirectReset`, `CurlStop`.
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = SSL_read(session, buffer.baseAddress, Int32(min(buffer.count, Int(Int32.max))))
            if count > 0 { return Int(count) }
            switch SSL_get_error(session, count) {
            case SSL_ERROR_WANT_READ: try socket.waitReadable()
            case SSL_ERROR_WANT_WRITE: try socket.waitWritable()
            case SSL_ERROR_ZERO_RETURN: return 0
            case SSL_ERROR_SYSCALL where count == 0 && ERR_peek_error() == 0: return 0
            default: throw DirectReset()
            }
        }
    }

    /// Sends close_notify without waiting for the peer's.
    func shutdown() {
        SSL_shutdown(session)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
