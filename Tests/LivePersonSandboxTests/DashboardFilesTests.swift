import Foundation
import Testing

@testable import LivePersonSandbox

/// The dashboard's embedded files: each is found by its name with its type, the page names only files that are
/// embedded, and nothing in them needs more than the class routes' `Content-Security-Policy: default-src 'self'`.
@Suite struct DashboardFilesTests {
    static let names = ["index.html", "dashboard.css", "dashboard.js", "console.js", "favicon.svg"]

    @Test func everyFileIsEmbeddedWithItsContentType() throws {
        let types = [
            "index.html": "text/html; charset=utf-8", "dashboard.css": "text/css; charset=utf-8",
            "dashboard.js": "text/javascript; charset=utf-8", "console.js": "text/javascript; charset=utf-8",
            "favicon.svg": "image/svg+xml",
        ]
        for name in Self.names {
            let file = try #require(DashboardFiles.file(named: name), "\(name) is not embedded")
            #expect(file.contentType == types[name])
            #expect(!file.bytes.isEmpty)
        }
        #expect(DashboardFiles.file(named: "")?.bytes == DashboardFiles.file(named: "index.html")?.bytes)
    }

    @Test func namesThatAreNotDashboardFilesAreNotFound() {
        for name in ["../Package.swift", "Dashboard/index.html", "index.htm", "DashboardFiles.swift", "/etc/passwd"] {
            #expect(DashboardFiles.file(named: name) == nil, "\(name) was served")
        }
    }

    @Test func thePageNamesOnlyEmbeddedFiles() throws {
        let page = try text(of: "index.html")
        let references = Self.attributeValues(in: page, named: ["src", "href"]).filter { !$0.hasPrefix("#") }
        #expect(Set(references) == ["favicon.svg", "dashboard.css", "dashboard.js", "console.js"])
        for reference in references {
            #expect(DashboardFiles.file(named: reference) != nil, "index.html names \(reference), not embedded")
        }
    }

    @Test func nothingNeedsInlineCodeOrStylesOrEval() throws {
        let page = try text(of: "index.html")
        #expect(!page.contains("<style"), "an inline style sheet")
        #expect(!page.contains(" style="), "an inline style attribute")
        #expect(
            page.components(separatedBy: "<script").dropFirst().allSatisfy { $0.hasPrefix(" src=") }, "inline script")
        let handlers = Self.attributeNames(in: page).filter { $0.hasPrefix("on") }
        #expect(handlers.isEmpty, "inline event handlers: \(handlers)")
        for script in ["dashboard.js", "console.js"] {
            let code = try text(of: script)
            for forbidden in ["eval(", "new Function", "innerHTML", "outerHTML", "document.write", "setTimeout('"] {
                #expect(!code.contains(forbidden), "\(script) uses \(forbidden)")
            }
        }
    }

    private func text(of name: String) throws -> String {
        String(decoding: try #require(DashboardFiles.file(named: name)).bytes, as: UTF8.self)
    }

    /// The values of `name="…"` attributes in `html`, in order.
    static func attributeValues(in html: String, named names: Set<String>) -> [String] {
        var values: [String] = []
        for name in names {
            for part in html.components(separatedBy: " \(name)=\"").dropFirst() {
                values.append(String(part.prefix { $0 != "\"" }))
            }
        }
        return values
    }

    /// The names of every attribute written `name=` in the page's tags.
    static func attributeNames(in html: String) -> [String] {
        html.components(separatedBy: "<").dropFirst().flatMap { tag -> [String] in
            let inside = tag.prefix { $0 != ">" }
            return inside.split(separator: " ").dropFirst().compactMap { word in
                guard let equals = word.firstIndex(of: "=") else { return nil }
                return String(word[..<equals]).lowercased()
            }
        }
    }
}
