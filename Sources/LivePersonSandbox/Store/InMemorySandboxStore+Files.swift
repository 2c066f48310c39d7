import LivePersonAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// File sharing (spec §3.6.8): upload and download URLs for the `swift` service, the emulated Swift store behind
/// them, hosted-file content events and `GenerateDownloadToken`.
extension InMemorySandboxStore {
    /// How long a temporary URL is valid: "file expiration is set to 1 minute by default" (file-sharing tutorial).
    static let tempURLLifetime: Int64 = 60
    /// "Each file can be up to 3MB" (file-sharing tutorial), taken as 3 MiB.
    static let maxFileSize = 3 * 1024 * 1024
    /// `fileType` of an upload URL request (`GenerateURLForUploadFileBody.json`; the tutorial: JPG, JPEG, PNG, GIF).
    static let uploadFileTypes = ["JPG", "JPEG", "PNG", "GIF"]
    /// `message.fileType` of a hosted file (`HostedFile.json`: IMG, JPG, PNG, GIF, TXT, PDF) and JPEG, which the
    /// upload accepts and the agent SDK's file-sharing example publishes.
    static let hostedFileTypes: Set<String> = ["IMG", "JPG", "JPEG", "PNG", "GIF", "TXT", "PDF"]
    /// "the preview must be under 30KB" (file-sharing tutorial).
    static let maxPreviewSize = 30 * 1024

    // MARK: URLs

    func generateUploadURL(_ connectionID: ConnectionID, body: WireJSON, reply: Reply) throws(UMSFailure) {
        let connection = try connection(connectionID)
        guard fileSharingEnabled(account: connection.account) else {
            throw .forbidden(
                "File sharing is disabled for account \(connection.account): "
                    + "set the site setting \(Self.fileSharingSetting) to true")
        }
        guard let typeValue = body["fileType"] else { throw .badRequest("fileType is missing") }
        guard let fileType = typeValue.stringValue, Self.uploadFileTypes.contains(fileType) else {
            throw .badRequest(
                "fileType \(Self.describe(typeValue)) is not supported: use JPG, JPEG, PNG or GIF")
        }
        guard let sizeValue = body["fileSize"] else { throw .badRequest("fileSize is missing") }
        guard let fileSize = sizeValue.intValue, fileSize > 0 else {
            throw .badRequest("fileSize \(Self.describe(sizeValue)) is not a number of bytes")
        }
        guard fileSize <= Self.maxFileSize else {
            throw .badRequest("fileSize \(fileSize) is over the 3 MB limit (\(Self.maxFileSize) bytes)")
        }
        let path = SwiftObjectPath.new(account: connection.account, fileType: fileType)
        reply.send(generatedURL(method: "PUT", path: path, reqId: reply.reqId))
    }

    func generateDownloadURL(_ connectionID: ConnectionID, relativePath: String, reply: Reply) throws(UMSFailure) {
        let connection = try connection(connectionID)
        let path = try uploadedFile(relativePath, account: connection.account, field: "relativePath")
        reply.send(generatedURL(method: "GET", path: path, reqId: reply.reqId))
    }

    /// The temporary URL granting `method` on `path` until `expires` (default: ``tempURLLifetime`` from now).
    func tempURL(method: String, path: String, expires: Int64? = nil) -> TempURLQueryParams {
        let expiry = expires ?? Int64(Date().timeIntervalSince1970) + Self.tempURLLifetime
        return TempURLQueryParams(
            signature: fileSharing.signer.signature(method: method, expires: expiry, path: path), expires: expiry)
    }

    private func generatedURL(method: String, path: SwiftObjectPath, reqId: String) -> String {
        let body = GenerateURLBody(
            relativePath: path.description, queryParams: tempURL(method: method, path: path.description))
        return FrameEncoder.response(reqId: reqId, type: UMSType.generateURLResponse, body: body)
    }

    /// The object a `relativePath` names: of this account's container, and uploaded.
    private func uploadedFile(_ relativePath: String, account: String, field: String) throws(UMSFailure)
        -> SwiftObjectPath
    {
        guard let path = SwiftObjectPath(parsing: relativePath) else {
            throw .badRequest(
                "\(field) '\(relativePath)' is not a file path: "
                    + "use the relativePath of ms.GenerateURLForUploadFile (/v1/\(SwiftObjectPath.swiftAccount)/…)")
        }
        guard path.account == account else {
            throw .forbidden("\(field) '\(relativePath)' belongs to account \(path.account), not \(account)")
        }
        guard fileSharing.object(at: path) != nil else {
            throw .notFound("\(field) '\(relativePath)' is not an uploaded file: upload it with the PUT URL first")
        }
        return path
    }

    static func describe(_ value: WireJSON) -> String {
        if let text = value.stringValue { return "'\(text)'" }
        return FrameEncoder.encode(value)
    }

    // MARK: Hosted-file events

    /// A `hosted/file` content event must name an uploaded file of the conversation's account, with a documented
    /// file type and a preview under 30 KB. Other events pass.
    func checkHostedFile(_ event: WireJSON, account: String) throws(UMSFailure) {
        guard event["type"]?.stringValue == "ContentEvent",
            let contentType = event["contentType"]?.stringValue,
            contentType == "hosted/file" || contentType == "HostedFile"
        else { return }
        guard let message = event["message"], case .object = message else {
            throw .badRequest(
                "event.message of a \(contentType) event must be an object with caption, relativePath and fileType")
        }
        guard message["caption"]?.stringValue != nil else {
            throw .badRequest("event.message.caption must be a string")
        }
        guard let relativePath = message["relativePath"]?.stringValue else {
            throw .badRequest("event.message.relativePath must be a string")
        }
        _ = try uploadedFile(relativePath, account: account, field: "event.message.relativePath")
        guard let typeValue = message["fileType"] else { throw .badRequest("event.message.fileType is missing") }
        guard let fileType = typeValue.stringValue, Self.hostedFileTypes.contains(fileType) else {
            throw .badRequest(
                "event.message.fileType \(Self.describe(typeValue)) is not supported: "
                    + "use IMG, JPG, JPEG, PNG, GIF, TXT or PDF")
        }
        if let preview = message["preview"] {
            guard let text = preview.stringValue else { throw .badRequest("event.message.preview must be a string") }
            guard text.utf8.count < Self.maxPreviewSize else {
                throw .badRequest("event.message.preview is \(text.utf8.count) bytes: it must be under 30 KB")
            }
        }
    }

    // MARK: Download tokens

    /// `.ams.ms.token.GenerateDownloadToken {downloadable:{type:"SecureForm",dialogId,submissionId,invitationId}}`:
    /// a one-time read token for a secure-form submission of a dialog the caller may see.
    func generateDownloadToken(_ connectionID: ConnectionID, body: WireJSON, reply: Reply) throws(UMSFailure) {
        let connection = try connection(connectionID)
        guard let downloadable = body["downloadable"], case .object = downloadable else {
            throw .badRequest("downloadable is missing: send {\"downloadable\":{\"type\":\"SecureForm\",…}}")
        }
        guard let type = downloadable["type"]?.stringValue else { throw .badRequest("downloadable.type is missing") }
        guard type == "SecureForm" else {
            throw .badRequest("downloadable.type '\(type)' is not supported: the sandbox issues SecureForm tokens")
        }
        var fields: [String: String] = [:]
        for field in ["dialogId", "submissionId", "invitationId"] {
            guard let value = downloadable[field]?.stringValue, !value.isEmpty else {
                throw .badRequest("downloadable.\(field) must be a non-empty string")
            }
            fields[field] = value
        }
        let dialogId = fields["dialogId"]!
        guard let conversation = conversations[dialogId] else { throw .notFound("Dialog \(dialogId) not found") }
        try authorize(connection, for: conversation)
        let token = DownloadTokenBody.Token(type: "SecureFormReadToken", readOtk: StableID.randomUUID())
        reply.send(
            FrameEncoder.response(
                reqId: reply.reqId, type: UMSType.generateDownloadTokenResponse, body: DownloadTokenBody(token: token)))
    }

    // MARK: The Swift store

    /// Checks a request's temporary URL against its method and path (the path as sent, before it is read).
    func authorizeSwift(method: String, path: String, signature: String?, expires: String?)
        throws(SwiftStoreFailure) -> SwiftObjectPath
    {
        do {
            try fileSharing.signer.check(
                method: method, path: path, signature: signature, expires: expires,
                now: Int64(Date().timeIntervalSince1970))
        } catch {
            throw .unauthorized(error.description)
        }
        guard let object = SwiftObjectPath(parsing: path) else { throw .notFound(path) }
        return object
    }

    func putSwiftObject(_ path: SwiftObjectPath, data: Data, contentType: String?) throws(SwiftStoreFailure)
        -> SwiftObject
    {
        guard data.count <= Self.maxFileSize else { throw .tooLarge(data.count) }
        let object = SwiftObject(data: data, contentType: contentType ?? path.guessedContentType)
        do {
            try fileSharing.store(object, at: path)
        } catch {
            throw .storageFailed(error.description)
        }
        return object
    }

    func swiftObject(_ path: SwiftObjectPath) -> SwiftObject? {
        fileSharing.object(at: path)
    }
}
