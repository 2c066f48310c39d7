/// The options of curl 7.88.1 (`curl --help all` of Debian's build), so that one lp-shell's curl does not have
/// is told apart from a typo: it gets one line saying so and how to run the system's curl, not curl's usage error.
enum CurlUnbuiltOptions {
    /// Every long option name of curl 7.88.1, without the dashes.
    static let longNames: Set<String> = [
        "abstract-unix-socket", "alt-svc", "anyauth", "append", "aws-sigv4", "basic", "cacert", "capath", "cert",
        "cert-status", "cert-type", "ciphers", "compressed", "compressed-ssh", "config", "connect-timeout",
        "connect-to", "continue-at", "cookie", "cookie-jar", "create-dirs", "create-file-mode", "crlf", "crlfile",
        "curves", "data", "data-ascii", "data-binary", "data-raw", "data-urlencode", "delegation", "digest",
        "disable", "disable-eprt", "disable-epsv", "disallow-username-in-url", "dns-interface", "dns-ipv4-addr",
        "dns-ipv6-addr", "dns-servers", "doh-cert-status", "doh-insecure", "doh-url", "dump-header", "egd-file",
        "engine", "etag-compare", "etag-save", "expect100-timeout", "fail", "fail-early", "fail-with-body",
        "false-start", "form", "form-escape", "form-string", "ftp-account", "ftp-alternative-to-user",
        "ftp-create-dirs", "ftp-method", "ftp-pasv", "ftp-port", "ftp-pret", "ftp-skip-pasv-ip", "ftp-ssl-ccc",
        "ftp-ssl-ccc-mode", "ftp-ssl-control", "get", "globoff", "happy-eyeballs-timeout-ms", "haproxy-protocol",
        "head", "header", "help", "hostpubmd5", "hostpubsha256", "hsts", "http0.9", "http1.0", "http1.1", "http2",
        "http2-prior-knowledge", "http3", "http3-only", "ignore-content-length", "include", "insecure", "interface",
        "ipv4", "ipv6", "json", "junk-session-cookies", "keepalive-time", "key", "key-type", "krb", "libcurl",
        "limit-rate", "list-only", "local-port", "location", "location-trusted", "login-options", "mail-auth",
        "mail-from", "mail-rcpt", "mail-rcpt-allowfails", "manual", "max-filesize", "max-redirs", "max-time",
        "metalink", "negotiate", "netrc", "netrc-file", "netrc-optional", "next", "no-alpn", "no-buffer",
        "no-clobber", "no-keepalive", "no-npn", "no-progress-meter", "no-sessionid", "noproxy", "ntlm", "ntlm-wb",
        "oauth2-bearer", "output", "output-dir", "parallel", "parallel-immediate", "parallel-max", "pass",
        "path-as-is", "pinnedpubkey", "post301", "post302", "post303", "preproxy", "progress-bar", "proto",
        "proto-default", "proto-redir", "proxy", "proxy-anyauth", "proxy-basic", "proxy-cacert", "proxy-capath",
        "proxy-cert", "proxy-cert-type", "proxy-ciphers", "proxy-crlfile", "proxy-digest", "proxy-header",
        "proxy-insecure", "proxy-key", "proxy-key-type", "proxy-negotiate", "proxy-ntlm", "proxy-pass",
        "proxy-pinnedpubkey", "proxy-service-name", "proxy-ssl-allow-beast", "proxy-ssl-auto-client-cert",
        "proxy-tls13-ciphers", "proxy-tlsauthtype", "proxy-tlspassword", "proxy-tlsuser", "proxy-tlsv1",
        "proxy-user", "proxy1.0", "proxytunnel", "pubkey", "quote", "random-file", "range", "rate", "raw", "referer",
        "remote-header-name", "remote-name", "remote-name-all", "remote-time", "remove-on-error", "request",
        "request-target", "resolve", "retry", "retry-all-errors", "retry-connrefused", "retry-delay",
        "retry-max-time", "sasl-authzid", "sasl-ir", "service-name", "show-error", "silent", "socks4", "socks4a",
        "socks5", "socks5-basic", "socks5-gssapi", "socks5-gssapi-nec", "socks5-gssapi-service", "socks5-hostname",
        "speed-limit", "speed-time", "ssl", "ssl-allow-beast", "ssl-auto-client-cert", "ssl-no-revoke", "ssl-reqd",
        "ssl-revoke-best-effort", "sslv2", "sslv3", "stderr", "styled-output", "suppress-connect-headers",
        "tcp-fastopen", "tcp-nodelay", "telnet-option", "tftp-blksize", "tftp-no-options", "time-cond", "tls-max",
        "tls13-ciphers", "tlsauthtype", "tlspassword", "tlsuser", "tlsv1", "tlsv1.0", "tlsv1.1", "tlsv1.2",
        "tlsv1.3", "tr-encoding", "trace", "trace-ascii", "trace-time", "unix-socket", "upload-file", "url",
        "url-query", "use-ascii", "user", "user-agent", "verbose", "version", "write-out", "xattr",
    ]

    /// Every short option letter of curl 7.88.1.
    static let shortLetters: Set<Character> = [
        "a", "E", "K", "C", "b", "c", "d", "q", "D", "f", "F", "P", "G", "g", "I", "H", "h", "0", "i", "k", "4", "6",
        "j", "l", "L", "M", "m", "n", ":", "N", "o", "Z", "#", "x", "U", "p", "Q", "r", "e", "J", "O", "R", "X", "S",
        "s", "Y", "y", "2", "3", "t", "z", "1", "T", "B", "u", "A", "v", "V", "w",
    ]

    /// True when `spelling` (`--proxy-insecure`, `--no-sessionid`, `-Z`) names an option of the real curl.
    static func isCurlOption(_ spelling: String) -> Bool {
        if spelling.hasPrefix("--") {
            let name = String(spelling.dropFirst(2))
            return longNames.contains(name) || (name.hasPrefix("no-") && longNames.contains(String(name.dropFirst(3))))
        }
        return spelling.count == 2 && spelling.hasPrefix("-") && shortLetters.contains(spelling.last!)
    }

    /// One line for an option curl has and lp-shell's curl lacks: what to run instead. `systemCurl` is the path of
    /// the curl program on `PATH` (`command curl` would run this builtin again), nil when there is none.
    static func message(option: String, arguments: [String], systemCurl: String?) -> String {
        guard let systemCurl else {
            return "curl: option \(option): is not built into lp-shell's curl, and no curl program is on PATH "
                + "to run instead\n"
        }
        let command = ([systemCurl] + arguments).map(quoted).joined(separator: " ")
        return "curl: option \(option): is not built into lp-shell's curl; run the system's curl: \(command)\n"
    }

    /// A word as the shell reads it back: bare when it is safe, else in single quotes.
    static func quoted(_ word: String) -> String {
        let safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@%+,"
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
