import HTTPTypes
import Hummingbird
import NIOCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The emulated OpenStack Swift object store behind CSDS service `swift` (`$LP_SWIFT`): `PUT`, `GET` and `HEAD` of
/// `/v1/AUTH_async-images/{account}/{object}?temp_url_sig=…&temp_url_expires=…`, authorized by the temporary URL
/// alone, as Swift's `tempurl` middleware does (spec §3.6.8):
///
/// - `PUT` with the raw bytes → `201 Created` (empty body, `Etag` = MD5);
/// - `GET` → `200` with the bytes, the content type given at upload (else guessed from the name) and
///   `Content-Disposition: attachment` (`inline` and `filename=` as in Swift);
/// - a missing, expired or wrongly signed URL → `401` and `401 Unauthorized: Temp URL invalid` (with the reason);
/// - no such object → `404`; a body over 3 MB → `413`.
struct SwiftStoreController {
    let services: SandboxServices

    static let objectPath = "/v1/:swiftAccount/:container/:object"

    func addRoutes(to router: Router<some RequestContext>) {
        router.put(RouterPath(Self.objectPath)) { request, _ in
            await put(request)
        }
        router.get(RouterPath(Self.objectPath)) { request, _ in
            await get(request, method: "GET")
        }
        router.head(RouterPath(Self.objectPath)) { request, _ in
            await get(request, method: "HEAD")
        }
    }

    func authorize(_ request: Request, method: String) async throws(SwiftStoreFailure) -> SwiftObjectPath {
        let query = request.uri.queryParameters
        return try await services.store.authorizeSwift(
            method: method, path: request.uri.path, signature: query.get("temp_url_sig"),
            expires: query.get("temp_url_expires"))
    }

    func put(_ request: Request) async -> Response {
        do throws(SwiftStoreFailure) {
            let path = try await authorize(request, method: "PUT")
            let limit = InMemorySandboxStore.maxFileSize
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
                throw SwiftStoreFailure.tooLarge(length)
            }
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: limit)
            } catch {
                throw SwiftStoreFailure.tooLarge(nil)
            }
            let object = try await services.store.putSwiftObject(
                path, data: Data(buffer.readableBytesView), contentType: request.headers[.contentType])
            var headers = Self.objectHeaders(object)
            headers[.contentType] = "text/html; charset=UTF-8"
            headers[.contentLength] = "0"
            return Response(status: .created, headers: headers)
        } catch {
            return Self.response(error, method: "PUT")
        }
    }

    func get(_ request: Request, method: String) async -> Response {
        let path: SwiftObjectPath
        do {
            path = try await authorize(request, method: method)
        } catch {
            return Self.response(error, method: method)
        }
        guard let object = await services.store.swiftObject(path) else {
            return Self.response(.notFound(request.uri.path), method: method)
        }
        var headers = Self.objectHeaders(object)
        headers[.contentType] = object.contentType
        headers[.contentLength] = String(object.data.count)
        headers[.acceptRanges] = "bytes"
        headers[.contentDisposition] = Self.disposition(request, object: path.object)
        if method == "HEAD" {
            return Response(status: .ok, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: object.data)))
    }

    /// Swift's `tempurl`: `inline` (with `filename=` if given), else `attachment` named by `filename=` or the object.
    static func disposition(_ request: Request, object: String) -> String {
        let query = request.uri.queryParameters
        let filename = query.get("filename").map {
            String(String.UnicodeScalarView($0.unicodeScalars.filter { $0 != "\"" }))
        }
        if query.has("inline") {
            return filename.map { "inline; filename=\"\($0)\"" } ?? "inline"
        }
        let name = filename ?? object
        return "attachment; filename=\"\(name)\"; filename*=UTF-8''\(name)"
    }

    static func objectHeaders(_ object: SwiftObject) -> HTTPFields {
        var headers = HTTPFields()
        headers[.eTag] = object.etag
        headers[.lastModified] = httpDate(object.lastModified)
        headers[HTTPField.Name("X-Timestamp")!] = PrintfNumber.string("%.5f", object.lastModified.timeIntervalSince1970)
        headers[HTTPField.Name("X-Trans-Id")!] = "tx" + StableID.randomHex(bytes: 11)
        return headers
    }

    static func httpDate(_ date: Date) -> String {
        DateText.http(date)
    }

    /// Swift's status and a one-line `text/plain` body (none for `HEAD`).
    static func response(_ failure: SwiftStoreFailure, method: String) -> Response {
        let status: HTTPResponse.Status
        let line: String
        switch failure {
        case .unauthorized(let reason):
            status = .unauthorized
            line = "401 Unauthorized: Temp URL invalid (\(reason))"
        case .notFound(let path):
            status = .notFound
            line = "404 Not Found: no object at \(path)"
        case .tooLarge(let size):
            status = .contentTooLarge
            let limit = InMemorySandboxStore.maxFileSize
            line =
                "413 Request Entity Too Large: "
                + (size.map { "the body is \($0) bytes, " } ?? "the body is ") + "over the \(limit)-byte (3 MB) limit"
        case .storageFailed(let reason):
            status = .internalServerError
            line = "500 Internal Error: \(reason)"
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain"
        let body = line + "\n"
        headers[.contentLength] = String(body.utf8.count)
        if method == "HEAD" {
            return Response(status: status, headers: headers)
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
