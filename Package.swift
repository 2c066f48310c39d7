// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "lp-shell",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lp-shell", targets: ["lp-shell"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Core
        .systemLibrary(name: "CReadline"),
        .target(name: "LineEditing", dependencies: ["CReadline"], swiftSettings: strict),
        .target(name: "ShellSyntax", swiftSettings: strict),
        .target(name: "ShellRuntime", dependencies: ["ShellSyntax"], swiftSettings: strict),
        .target(name: "JSONQuery", swiftSettings: strict),

        // Builtins
        .target(
            name: "ShellBuiltins",
            dependencies: [
                "ShellRuntime", "ShellSyntax", "JSONQuery",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),

        // App
        .target(
            name: "ShellApp",
            dependencies: [
                "ShellBuiltins", "ShellRuntime", "ShellSyntax", "LineEditing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "lp-shell", dependencies: ["ShellApp"], swiftSettings: strict),

        // Tests
        .target(
            name: "ShellTestSupport",
            dependencies: [
                "ShellRuntime", "ShellSyntax",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ShellSyntaxTests", dependencies: ["ShellSyntax", "ShellTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ShellRuntimeTests",
            dependencies: ["ShellRuntime", "ShellBuiltins", "ShellSyntax", "ShellTestSupport"],
            resources: [.copy("Spec")],
            swiftSettings: strict
        ),
        .testTarget(name: "JSONQueryTests", dependencies: ["JSONQuery"], swiftSettings: strict),
        .testTarget(
            name: "ShellBuiltinsTests",
            dependencies: [
                "ShellBuiltins", "ShellRuntime", "ShellTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Cases")],
            swiftSettings: strict
        ),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["ShellTestSupport"], swiftSettings: strict),
    ]
)
