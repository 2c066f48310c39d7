import Testing

@testable import HTTPTransfer

#if canImport(Glibc)
    import Glibc
#endif

/// The direct transport's response reading: heads in any split, body framing, chunked decoding.
@Suite struct HTTP1ResponseTests {
    private func parse(_ text: String) throws -> (head: CurlResponseHead, length: Int)? {
        try HTTP1Response.parseHead(Array(text.utf8)[...])
    }

    @Test func headIsParsedWithReasonAndHeadersInOrder() throws {
        let text =
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n\r\nbody"
        let parsed = try #require(try parse(text))
        #expect(parsed.length == text.utf8.count - 4)
        #expect(parsed.head.status == 404)
        #expect(parsed.head.reason == "Not Found")
        #expect(parsed.head.version == (1, 1))
        #expect(parsed.head.values("Set-Cookie") == ["a=1", "b=2"])
        #expect(parsed.head.first("content-type") == "text/plain")
        #expect(
            parsed.head.block
                == "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n\r\n")
    }

    @Test func incompleteHeadWaitsForMoreBytes() throws {
        let text = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
        for cut in 0..<(text.utf8.count - 2) {
            #expect(try HTTP1Response.parseHead(Array(text.utf8)[..<cut]) == nil, "cut at \(cut)")
        }
    }

    @Test func bareLineFeedsAndTrailingSpacesAreAccepted() throws {
        let parsed = try #require(try parse("HTTP/1.0 200 OK\nX-A:  padded  \n\n"))
        #expect(parsed.head.first("X-A") == "padded")
        #expect(parsed.head.version == (1, 0))
        #expect(parsed.head.versionText == "1.0")
    }

    @Test(arguments: [
        "SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon\r\n\r\n", "hello",
        "HTTP/1.0 021 O\r\n\r\n",
    ])
    func notHTTPIsCurlsWeirdReply(_ text: String) {
        #expect(throws: HTTP1Response.weirdReply) { try parse(text) }
    }

    @Test(arguments: ["HTTP/2 200\r\n\r\n", "HTTP/2.1 200 OK\r\n\r\n", "HTTP/0.9 200 OK\r\n\r\n"])
    func otherVersionsThanHTTP1AreCurlsError1(_ text: String) {
        #expect(throws: HTTP1Response.unsupportedVersion) { try parse(text) }
    }

    @Test func framingFollowsTheRFC() throws {
        func framing(_ head: String, method: String = "GET") throws -> HTTP1Response.Framing {
            try HTTP1Response.framing(of: try #require(try parse(head)).head, method: method)
        }
        #expect(try framing("HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n") == .length(12))
        #expect(try framing("HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n", method: "HEAD") == .none)
        #expect(try framing("HTTP/1.1 204 No Content\r\n\r\n") == .none)
        #expect(try framing("HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n") == .none)
        #expect(try framing("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n") == .chunked)
        #expect(try framing("HTTP/1.1 200 OK\r\n\r\n") == .untilClose)
        #expect(throws: HTTP1Response.weirdReply) { try framing("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n") }
    }

    @Test func chunkedBodyDecodesInEverySplit() throws {
        let wire = Array("4;ext=1\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nTrailer: x\r\n\r\nNEXT".utf8)
        let body = "Wikipedia in\r\n\r\nchunks."
        for cut in 0...wire.count {
            var decoder = ChunkedDecoder()
            var output: [UInt8] = []
            var used = try decoder.feed(wire[..<cut]) { output += $0 }
            #expect(used == min(cut, wire.count - 4))
            if !decoder.isDone { used += try decoder.feed(wire[cut...]) { output += $0 } }
            #expect(decoder.isDone)
            #expect(String(decoding: output, as: UTF8.self) == body, "cut at \(cut)")
            #expect(used == wire.count - 4, "the bytes after the body are left")
        }
    }

    @Test(arguments: ["zz\r\n", "5\r\nabcdeXY\r\n", "\r\n", "-4\r\nWiki\r\n", "+4\r\nWiki\r\n", "0x4\r\nWiki\r\n"])
    func malformedChunksAreAnError(_ text: String) {
        var decoder = ChunkedDecoder()
        #expect(throws: ChunkedDecoder.malformed) { _ = try decoder.feed(Array(text.utf8)[...]) { _ in } }
    }
}

/// The direct transport's address handling: literals and `localhost` without a lookup.
@Suite struct DirectResolverTests {
    @Test func literalsNeedNoLookup() throws {
        let ipv4 = try #require(DirectResolver.numeric("127.0.0.1", port: 8080))
        #expect(ipv4.family == AF_INET)
        let ipv6 = try #require(DirectResolver.numeric("::1", port: 443))
        #expect(ipv6.family == AF_INET6)
        #expect(DirectResolver.numeric("example.com", port: 80) == nil)
        #expect(DirectResolver.numeric("127.0.0.1.example", port: 80) == nil)
    }

    @Test func localhostIsBothLoopbacks() throws {
        let addresses = try DirectResolver.resolve("LocalHost", port: 80) {}
        #expect(addresses.map(\.family) == [AF_INET, AF_INET6])
    }

    @Test func unknownNameIsCurlsError6() {
        #expect(throws: CurlError.couldNotResolve("nonexistent.invalid")) {
            try DirectResolver.resolve("nonexistent.invalid", port: 80) {}
        }
    }
}
