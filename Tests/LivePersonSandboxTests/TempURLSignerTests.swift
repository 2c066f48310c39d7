import Crypto
import Foundation
import Testing

@testable import LivePersonSandbox

/// Temporary URLs signed and checked as Swift's `tempurl` middleware does; the expected signatures were computed
/// with Python's `hmac` over the same key and message.
struct TempURLSignerTests {
    let signer = TempURLSigner(key: SymmetricKey(data: Data("abc".utf8)))
    let path = "/v1/AUTH_async-images/qa57221676/8a66a22f-81ee-4447-b92f-78e9c3ecc819.PNG"

    @Test func signsLikeSwift() {
        #expect(
            signer.signature(method: "GET", expires: 1_323_479_485, path: "/v1/a/c/o")
                == "446f4b6f999539902f6fcd1c56160c46483a733e")
        #expect(
            signer.signature(method: "PUT", expires: 1_323_479_485, path: path)
                == "644274baf772c65093346b14984ddb70c66f2195")
    }

    @Test func acceptsItsOwnSignatureAndSHA256() throws {
        let signature = signer.signature(method: "PUT", expires: 2_000, path: path)
        try signer.check(method: "PUT", path: path, signature: signature, expires: "2000", now: 1_000)
        try signer.check(method: "PUT", path: path, signature: signature.uppercased(), expires: "2000", now: 2_000)
        try signer.check(
            method: "GET", path: "/v1/a/c/o",
            signature: "05749636138681eb4a71ee7514f4f1edede81767ec7b592825f1c4d3b1949fc3",
            expires: "1323479485", now: 1_000)
    }

    @Test func headIsAllowedWithAGetOrPutSignature() throws {
        let put = signer.signature(method: "PUT", expires: 2_000, path: path)
        try signer.check(method: "HEAD", path: path, signature: put, expires: "2000", now: 1_000)
        let get = signer.signature(method: "GET", expires: 2_000, path: path)
        try signer.check(method: "HEAD", path: path, signature: get, expires: "2000", now: 1_000)
    }

    @Test func refusesOtherMethodsPathsKeysAndExpiries() {
        let put = signer.signature(method: "PUT", expires: 2_000, path: path)
        #expect(throws: TempURLSigner.Failure.badSignature) {
            try signer.check(method: "GET", path: path, signature: put, expires: "2000", now: 1_000)
        }
        #expect(throws: TempURLSigner.Failure.badSignature) {
            try signer.check(method: "PUT", path: path + "x", signature: put, expires: "2000", now: 1_000)
        }
        #expect(throws: TempURLSigner.Failure.badSignature) {
            try signer.check(method: "PUT", path: path, signature: put, expires: "2001", now: 1_000)
        }
        #expect(throws: TempURLSigner.Failure.badSignature) {
            try TempURLSigner().check(method: "PUT", path: path, signature: put, expires: "2000", now: 1_000)
        }
        #expect(throws: TempURLSigner.Failure.badSignature) {
            try signer.check(method: "PUT", path: path, signature: "abc", expires: "2000", now: 1_000)
        }
        #expect(throws: TempURLSigner.Failure.expired(at: 2_000, now: 2_001)) {
            try signer.check(method: "PUT", path: path, signature: put, expires: "2000", now: 2_001)
        }
        #expect(throws: TempURLSigner.Failure.missing("temp_url_sig")) {
            try signer.check(method: "PUT", path: path, signature: nil, expires: "2000", now: 1_000)
        }
        #expect(throws: TempURLSigner.Failure.missing("temp_url_expires")) {
            try signer.check(method: "PUT", path: path, signature: put, expires: "", now: 1_000)
        }
        #expect(throws: TempURLSigner.Failure.badExpiry("soon")) {
            try signer.check(method: "PUT", path: path, signature: put, expires: "soon", now: 1_000)
        }
    }
}
