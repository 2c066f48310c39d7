// swift-tools-version: 6.1
import PackageDescription

/// `LP_FUZZ=1` (set by scripts/fuzz, with its own scratch path): every library and lp-fuzz are built with libFuzzer's
/// coverage and AddressSanitizer; the build tools that run during the build (embed-files) are not, or they would
/// link libFuzzer's `main` instead of their own.
let fuzzing = Context.environment["LP_FUZZ"] != nil
let fuzzSettings: [SwiftSetting] =
    fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("FUZZING")] : []

let strict: [SwiftSetting] =
    fuzzSettings + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        // Start-up: concrete generic types (the environment's `[String: String]` storage, …) get direct metadata
        // accessors instead of mangled-name lookups, whose first conformance check scans every conformance record of
        // the static binary: 47% of `lp-shell -c true`'s instructions (BENCHMARKS.md, "Start-up").
        .unsafeFlags(
            ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
    ]

let package = Package(
    name: "lp-shell",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lp-shell", targets: ["lp-shell"])
    ],
    dependencies: [
        // No default traits: "FullFoundation" imports Foundation (ICU's 34 MB of data with it) for a form decoder
        // strategy the sandbox does not use, "ConfigurationSupport" swift-configuration, which it does not use either.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", exact: "1.6.2"),
        .package(url: "https://github.com/apple/swift-certificates", exact: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-asn1", exact: "1.7.4"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", exact: "0.2.0"),
        // For the SQLite it vendors (VaporCSQLite): the sandbox's --data store calls its C API, no system library.
        .package(url: "https://github.com/vapor/sqlite-nio", exact: "1.13.2"),
    ],
    targets: [
        // Core
        .systemLibrary(name: "CReadline"),
        .target(name: "LineEditing", dependencies: ["CReadline"], swiftSettings: strict),
        .target(name: "ShellSyntax", swiftSettings: strict),
        .target(name: "CShellSupport"),
        // One option table, argv parser, usage error and generated help for every command line (no dependencies)
        .target(name: "OptionParsing", swiftSettings: strict),
        // Base64 in both alphabets, for the shell and the sandbox alike (no dependencies)
        .target(name: "Base64Codec", swiftSettings: strict),
        // Threads kept for the next pipeline stage, substitution or jq run (no dependencies)
        .target(name: "KeptThreads", swiftSettings: strict),
        .target(
            name: "ShellRuntime",
            dependencies: ["ShellSyntax", "CShellSupport", "OptionParsing", "Base64Codec", "KeptThreads"],
            swiftSettings: strict
        ),
        // Closure specialisation explodes on the evaluator's recursive closure-passing style (over 7 GB and
        // many minutes in release builds); the evaluator does not need it.
        .target(
            name: "JSONQuery",
            dependencies: ["KeptThreads"],
            swiftSettings: strict + [.unsafeFlags(["-Xllvm", "-sil-disable-pass=closure-specialize"])]
        ),

        // HTTP client: curl's transfer engine (transports, proxies, trust store) with a value API (`HTTPFetch`)
        .target(
            name: "HTTPTransfer",
            dependencies: [
                "ShellRuntime", "JSONQuery",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ],
            swiftSettings: strict
        ),

        // Builtins: the shell's own commands and the doc tools, knowing nothing of LivePerson
        .target(
            name: "ShellBuiltins",
            dependencies: [
                "ShellRuntime", "ShellSyntax", "JSONQuery", "HTTPTransfer", "OptionParsing",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "WSCore", package: "swift-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // LivePerson: the wire model both sides share, the session layer of the shell, the sandbox
        .target(name: "LivePersonAPI", swiftSettings: strict),
        .target(
            name: "LivePersonSession",
            dependencies: [
                "ShellBuiltins", "ShellRuntime", "ShellSyntax", "JSONQuery", "LivePersonAPI", "HTTPTransfer",
                "OptionParsing",
            ],
            exclude: ["Tutorials"],
            swiftSettings: strict,
            plugins: ["EmbedFolder"]
        ),
        // The tutorials and the class dashboard are compiled into the binary (no resource bundle to lose beside an
        // installed lp-shell); the plugin knows which folder each target embeds.
        .executableTarget(name: "embed-files", path: "BuildTools/EmbedFiles"),
        .plugin(name: "EmbedFolder", capability: .buildTool(), dependencies: ["embed-files"]),
        .target(
            name: "LivePersonSandbox",
            dependencies: [
                "LivePersonAPI", "OptionParsing", "Base64Codec", "KeptThreads",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
            ],
            exclude: ["Class/Dashboard"],
            swiftSettings: strict,
            plugins: ["EmbedFolder"]
        ),
        // App
        .target(
            name: "ShellApp",
            dependencies: [
                "ShellBuiltins", "LivePersonSession", "HTTPTransfer", "ShellRuntime", "ShellSyntax", "LineEditing",
                "OptionParsing",
                "CShellSupport", "JSONQuery", "LivePersonAPI", "LivePersonSandbox", "KeptThreads", "Base64Codec",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "lp-shell", dependencies: ["ShellApp"], exclude: ["StaticArchives"], swiftSettings: strict,
            // Release start-up: a position-dependent executable skips relocating ~40 MB of metadata at every
            // start, and an empty dynamic symbol table makes the runtime's dladdr calls cheap (-c true: 5.5 → 3.5 ms);
            // readline, tinfo, zlib, libstdc++ and libgcc linked statically leave glibc as the only shared
            // objects (3.45 → 2.39 ms of CPU; see Sources/lp-shell/StaticArchives/README.md).
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-Xlinker", "-no-pie", "-Xlinker", "--no-export-dynamic",
                        "-L", Context.packageDirectory + "/Sources/lp-shell/StaticArchives",
                        "-Xclang-linker", "-static-libgcc", "-Xlinker", "-ltinfo",
                    ], .when(configuration: .release))
            ]),
        // Benchmarks and fuzzing: executables outside Sources/
        .executableTarget(
            name: "lp-loadgen",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            path: "Benchmarks/lp-loadgen",
            swiftSettings: strict
        ),

        .executableTarget(
            name: "wscat-raw-loop",
            dependencies: [
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Benchmarks/wscat-raw-loop",
            swiftSettings: strict
        ),
        .target(
            name: "FuzzTargets",
            dependencies: [
                "ShellSyntax", "ShellRuntime", "JSONQuery", "LivePersonAPI", "ShellBuiltins", "HTTPTransfer",
                "LivePersonSession",
            ],
            path: "Fuzz/FuzzTargets",
            swiftSettings: strict),
        .executableTarget(
            name: "lp-fuzz", dependencies: ["FuzzTargets"], path: "Fuzz/lp-fuzz", swiftSettings: strict,
            linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []),

        // Tests
        .target(
            name: "ShellTestSupport",
            dependencies: [
                "ShellRuntime", "ShellSyntax", "JSONQuery", "CShellSupport",
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
        .testTarget(
            name: "JSONQueryTests",
            dependencies: ["JSONQuery", "ShellBuiltins", "ShellRuntime", "ShellTestSupport"],
            resources: [.copy("Cases")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ShellBuiltinsTests",
            dependencies: [
                "ShellBuiltins", "HTTPTransfer", "ShellRuntime", "ShellTestSupport", "JSONQuery", "LivePersonSandbox",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Cases")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LivePersonSandboxTests",
            dependencies: [
                "LivePersonSandbox", "LivePersonAPI", "OptionParsing", "Base64Codec", "ShellTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "WSCore", package: "swift-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "Base64CodecTests", dependencies: ["Base64Codec"], swiftSettings: strict),
        .testTarget(
            name: "HTTPTransferTests", dependencies: ["HTTPTransfer", "ShellRuntime", "ShellTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "LivePersonSessionTests",
            dependencies: ["LivePersonSession", "ShellRuntime", "ShellTestSupport", "Base64Codec"],
            swiftSettings: strict),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"], swiftSettings: strict),
        .testTarget(
            name: "FuzzTargetsTests", dependencies: ["FuzzTargets"], exclude: ["Corpus", "Known"], swiftSettings: strict
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["ShellTestSupport"], swiftSettings: strict),
        .testTarget(name: "BadInputTests", dependencies: ["ShellTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ShellAppTests",
            dependencies: [
                "ShellApp", "ShellRuntime", "ShellTestSupport", "OptionParsing", "LivePersonSandbox", "HTTPTransfer",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LivePersonLayerTests", dependencies: ["ShellTestSupport"], resources: [.copy("Corpus")],
            swiftSettings: strict
        ),
        // Issue 15's page walk: every tutorial page pasted line by line into the real binary against the sandbox
        .testTarget(
            name: "PageWalkTests", dependencies: ["ShellTestSupport"], resources: [.copy("Pages")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WSCatTests",
            dependencies: [
                "ShellBuiltins", "LivePersonAPI", "LivePersonSession", "HTTPTransfer", "ShellRuntime",
                "ShellTestSupport", "JSONQuery",
                "LivePersonSandbox",
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "WSCore", package: "swift-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
    ]
)
