import HTTPTransfer

/// Renders `-w`/`--write-out` formats: `%{variable}`, `%header{name}`, `%%`, and `\n`, `\r`, `\t`, `\\`.
enum CurlWriteOut {
    /// The rendered text and curl's warnings for unknown variables (one `curl: …` line each).
    static func render(_ format: String, stats: CurlTransferStats) -> (output: String, warnings: [String]) {
        var output = ""
        var warnings: [String] = []
        var rest = Substring(format)
        while let character = rest.first {
            if character == "%" {
                let after = rest.dropFirst()
                if after.hasPrefix("%") {
                    output.append("%")
                    rest = after.dropFirst()
                } else if after.hasPrefix("{"), let close = after.firstIndex(of: "}") {
                    let name = String(after[after.index(after: after.startIndex)..<close])
                    if let value = variable(name, stats: stats) {
                        output += value
                    } else {
                        warnings.append("curl: unknown --write-out variable: '\(name)'")
                    }
                    rest = after[after.index(after: close)...]
                } else if after.hasPrefix("header{"), let close = after.firstIndex(of: "}") {
                    let name = String(after[after.index(after.startIndex, offsetBy: 7)..<close])
                    output += stats.header(name) ?? ""
                    rest = after[after.index(after: close)...]
                } else {
                    output.append("%")
                    rest = after
                }
            } else if character == "\\", let next = rest.dropFirst().first {
                switch next {
                case "n": output.append("\n")
                case "r": output.append("\r")
                case "t": output.append("\t")
                case "\\": output.append("\\")
                default: output.append("\\\(next)")
                }
                rest = rest.dropFirst(2)
            } else {
                output.append(character)
                rest = rest.dropFirst()
            }
        }
        return (output, warnings)
    }

    private static func variable(_ name: String, stats: CurlTransferStats) -> String? {
        switch name {
        case "http_code", "response_code": return threeDigits(stats.httpCode)
        case "http_connect": return threeDigits(stats.httpConnect)
        case "url_effective", "url": return stats.urlEffective
        case "content_type": return stats.header("content-type") ?? ""
        case "size_download": return String(stats.sizeDownload)
        case "size_upload": return String(stats.sizeUpload)
        case "size_header": return String(stats.sizeHeader)
        case "size_request": return "0"
        case "time_total": return seconds(stats.timeTotal)
        case "time_starttransfer", "time_pretransfer", "time_connect", "time_appconnect":
            return seconds(stats.timeStartTransfer)
        case "time_namelookup", "time_redirect": return seconds(0)
        case "speed_download":
            return String(stats.timeTotal > 0 ? Int(Double(stats.sizeDownload) / stats.timeTotal) : 0)
        case "speed_upload":
            return String(stats.timeTotal > 0 ? Int(Double(stats.sizeUpload) / stats.timeTotal) : 0)
        case "num_redirects": return String(stats.numRedirects)
        case "num_headers": return String(stats.responseHeaders.count)
        case "http_version": return stats.httpVersion
        case "scheme": return stats.scheme
        case "method": return stats.method
        case "redirect_url": return stats.redirectURL
        case "remote_ip": return stats.remoteHost
        case "remote_port": return stats.remotePort == 0 ? "" : String(stats.remotePort)
        case "exitcode": return String(stats.error?.code ?? 0)
        case "errormsg": return stats.error?.message ?? ""
        case "stdout", "stderr": return ""
        default: return nil
        }
    }

    private static func threeDigits(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }

    /// Seconds with six decimals, as curl prints times.
    static func seconds(_ value: Double) -> String {
        let micros = Int64((value * 1_000_000).rounded())
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)"
    }
}
