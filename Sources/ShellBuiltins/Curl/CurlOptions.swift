/// Everything a curl command line asks for, after parsing and before any I/O.
struct CurlOptions: Sendable, Equatable {
    /// One piece of request data, in the order given (`-d`, `--data-raw`, `--data-binary`, `--data-urlencode`, `--json`).
    enum DataPart: Sendable, Equatable {
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
    var urls: [String] = []
    /// `-X`/`--request`.
    var method: String?
    /// `-H`/`--header`, raw text in order.
    var headers: [String] = []
    /// The request body pieces.
    var data: [DataPart] = []
    /// For each data part, whether `-s` came before it: curl reads `@file` while parsing, so a warning about
    /// it is muted only by an earlier `-s`.
    var dataMuted: [Bool] = []
    /// `-G`/`--get`: data goes into the query string.
    var dataInQuery = false
    /// `-i`/`--include`.
    var includeHeaders = false
    /// `-I`/`--head`.
    var headOnly = false
    /// `-s`/`--silent`.
    var silent = false
    /// `-S`/`--show-error`.
    var showError = false
    /// `-f`/`--fail`.
    var failOnHTTPError = false
    /// `--fail-with-body`.
    var failWithBody = false
    /// `-L`/`--location`.
    var followRedirects = false
    /// `--max-redirs`.
    var maxRedirects = 50
    /// `-o`/`--output`.
    var outputPath: String?
    /// `-O`/`--remote-name`.
    var remoteName = false
    /// `-T`/`--upload-file`.
    var uploadPath: String?
    /// `-c`/`--cookie-jar`.
    var cookieJarPath: String?
    /// `-b`/`--cookie`, each a literal `name=value` string or a file name.
    var cookies: [String] = []
    /// `-u`/`--user`.
    var user: String?
    /// `-k`/`--insecure`.
    var insecure = false
    /// `--cacert`.
    var caCertificatePath: String?
    /// `-v`/`--verbose`.
    var verbose = false
    /// `-w`/`--write-out`.
    var writeOut: String?
    /// `-m`/`--max-time`, in seconds.
    var maxTime: Double?
    /// `--connect-timeout`, in seconds.
    var connectTimeout: Double?
    /// `-A`/`--user-agent`.
    var userAgent: String?
    /// `-e`/`--referer`.
    var referer: String?
    /// `--compressed`.
    var compressed = false
    /// `-x`/`--proxy`: the proxy for every URL (`""`: none, whatever the environment says).
    var proxy: String?
    /// `--noproxy`: hosts reached without the proxy.
    var noProxy: String?
    /// `-U`/`--proxy-user`: `user:password` for the proxy.
    var proxyUser: String?
    /// `--pretty` (lp-shell only): indent and colour a JSON body when standard output is a terminal.
    var pretty = false
    /// `-h`/`--help`.
    var help = false
    /// `-V`/`--version`.
    var version = false

    /// Adds a data part, remembering whether warnings about it are muted.
    mutating func appendData(_ part: DataPart) {
        data.append(part)
        dataMuted.append(silent)
    }
}
