/// Everything a curl command line asks for, after parsing and before any I/O.
package struct CurlOptions: Sendable, Equatable {
    /// One piece of request data, in the order given (`-d`, `--data-raw`, `--data-binary`, `--data-urlencode`, `--json`).
    package enum DataPart: Sendable, Equatable {
        /// `-d`/`--data`: `@file` reads the file without CR and LF.
        case ascii(String)
        /// `--data-raw`: taken literally, `@` included.
        case raw(String)
        /// `--data-binary`: `@file` reads the file byte for byte.
        case binary(String)
        /// `--data-urlencode`: `name=content`, `content`, `=content`, `@file`, `name@file`.
        case urlencode(String)
        /// `--json`: like `--data-binary`, and sets JSON headers.
        case json(String)
    }

    /// The URLs, in order (`--url` and every argument that is not an option).
    package var urls: [String] = []
    /// `-X`/`--request`.
    package var method: String?
    /// `-H`/`--header`, raw text in order.
    package var headers: [String] = []
    /// The request body pieces.
    package var data: [DataPart] = []
    /// For each data part, whether `-s` came before it: curl reads `@file` while parsing, so a warning about
    /// it is muted only by an earlier `-s`.
    package var dataMuted: [Bool] = []
    /// `-G`/`--get`: data goes into the query string.
    package var dataInQuery = false
    /// `-i`/`--include`.
    package var includeHeaders = false
    /// `-I`/`--head`.
    package var headOnly = false
    /// `-s`/`--silent`.
    package var silent = false
    /// `-S`/`--show-error`.
    package var showError = false
    /// `-f`/`--fail`.
    package var failOnHTTPError = false
    /// `--fail-with-body`.
    package var failWithBody = false
    /// `-L`/`--location`.
    package var followRedirects = false
    /// `--max-redirs`.
    package var maxRedirects = 50
    /// `-o`/`--output`.
    package var outputPath: String?
    /// `-O`/`--remote-name`.
    package var remoteName = false
    /// `-T`/`--upload-file`.
    package var uploadPath: String?
    /// `-c`/`--cookie-jar`.
    package var cookieJarPath: String?
    /// `-b`/`--cookie`, each a literal `name=value` string or a file name.
    package var cookies: [String] = []
    /// `-u`/`--user`.
    package var user: String?
    /// `-k`/`--insecure`.
    package var insecure = false
    /// `--cacert`.
    package var caCertificatePath: String?
    /// `-v`/`--verbose`.
    package var verbose = false
    /// `-w`/`--write-out`.
    package var writeOut: String?
    /// `-m`/`--max-time`, in seconds.
    package var maxTime: Double?
    /// `--connect-timeout`, in seconds.
    package var connectTimeout: Double?
    /// `-A`/`--user-agent`.
    package var userAgent: String?
    /// `-e`/`--referer`.
    package var referer: String?
    /// `--compressed`.
    package var compressed = false
    /// `-x`/`--proxy`: the proxy for every URL (`""`: none, whatever the environment says).
    package var proxy: String?
    /// `--noproxy`: hosts reached without the proxy.
    package var noProxy: String?
    /// `-U`/`--proxy-user`: `user:password` for the proxy.
    package var proxyUser: String?
    /// `--pretty` (lp-shell only): indent and colour a JSON body when standard output is a terminal.
    package var pretty = false
    /// `-h`/`--help`.
    package var help = false
    /// `-V`/`--version`.
    package var version = false

    package init() {}

    /// Adds a data part, remembering whether warnings about it are muted.
    package mutating func appendData(_ part: DataPart) {
        data.append(part)
        dataMuted.append(silent)
    }
}
