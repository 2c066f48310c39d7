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
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // Core
        .systemLibrary(name: "CReadline"),
        .target(name: "LineEditing", dependencies: ["CReadline"], swiftSettings: strict),
        .target(name: "ShellSyntax", swiftSettings: strict),
        .target(name: "ShellRuntime", dependencies: ["ShellSyntax"], swiftSettings: strict),
        // Closure specialisation explodes on the evaluator's recursive closure-passing style (over 7 GB and
        // many minutes in release builds); the evaluator does not need it.
        .target(
            name: "JSONQuery",
            swiftSettings: strict + [.unsafeFlags(["-Xllvm", "-sil-disable-pass=closure-specialize"])]
        ),

        // Builtins
        .target(
            name: "ShellBuiltins",
            dependencies: ["ShellRuntime", "ShellSyntax", "JSONQuery"],
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
        .target(name: "ShellTestSupport", dependencies: ["ShellRuntime", "ShellSyntax"], swiftSettings: strict),
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
            dependencies: ["JSONQuery", "ShellBuiltins", "ShellRuntime"],
            resources: [.copy("Cases")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ShellBuiltinsTests",
            dependencies: ["ShellBuiltins", "ShellRuntime", "ShellTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["ShellTestSupport"], swiftSettings: strict),
    ]
)
