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
    /// `-r`/`--range`: the byte range, sent as `Range: bytes=…`.
    package var range: String?
    /// `-F`/`--form`: multipart parts, each `name=value`, `name=@file`, `name=<file`, with `;type=`, `;filename=`.
    package var form: [String] = []
    /// `-D`/`--dump-header`: the file the response headers go to (`-`: standard output).
    package var dumpHeaderPath: String?
    /// `--retry`: how many times a transient failure is tried again.
    package var retry = 0
    /// `--retry-delay`, in whole seconds (0: curl's doubling delay from one second).
    package var retryDelay = 0
    /// `--retry-max-time`, in whole seconds (0: no limit).
    package var retryMaxTime = 0
    /// `--retry-all-errors`: every failure is transient.
    package var retryAllErrors = false
    /// `--retry-connrefused`: a refused connection is transient.
    package var retryConnectionRefused = false
    /// `--oauth2-bearer`: sent as `Authorization: Bearer …`.
    package var oauth2Bearer: String?
    /// `--no-progress-meter`: no meter, errors still shown.
    package var noProgressMeter = false
    /// `-#`/`--progress-bar`: a bar of `#` instead of the meter.
    package var progressBar = false
    /// `--create-dirs`: `-o`'s missing directories are created.
    package var createDirectories = false
    /// `--resolve HOST:PORT:ADDR`, in order.
    package var resolve: [String] = []
    /// `--http1.1` (true), `--http2` (false), neither (nil).
    package var http1Only: Bool?
    /// `--tlsv1.2`, `--tlsv1.3`: the lowest TLS version offered (12 or 13); nil for the default (1.2).
    package var minimumTLSVersion: Int?
    /// `-E`/`--cert`: the client certificate (PEM); `--key`: its private key (PEM, else in the cert file).
    package var clientCertificatePath: String?
    package var clientKeyPath: String?
    /// `--url-query`, in order (curl 7.87+).
    package var urlQueries: [String] = []
    /// `--path-as-is`: `/../` and `/./` are sent as typed.
    package var pathAsIs = false
    /// `--stderr`: where curl's messages go (`-`: standard output).
    package var stderrPath: String?
    /// `-4` (4), `-6` (6): only addresses of that family; nil for both.
    package var ipVersion: Int?
    /// Warnings curl prints while it parses (`-r` without a dash…), newline-ended; muted by an earlier `-s`.
    package var parseWarnings: [String] = []
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
