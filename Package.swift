// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Workbench",
    products: [
        .executable(name: "workbench", targets: ["Workbench"]),
        .library(name: "Annotations", targets: ["Annotations"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The C library's allocator settings, for the executable's start (see `HeapGrowth`).
        .systemLibrary(name: "CMalloc"),
        // libpq, the PostgreSQL client library, for team mode: declared here and loaded when a team
        // server is first named, never linked (see `PostgresClientLibrary`).
        .target(name: "CLibPQ"),
        .target(
            name: "WorkbenchTeam",
            dependencies: ["Annotations", "CLibPQ"]
        ),
        .target(
            name: "Annotations",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Suggestions/Lexicon"],
            // ICU's regular-expression C interface (bounded, interruptible searches); ships with Foundation.
            linkerSettings: [.linkedLibrary("_FoundationICU")]
        ),
        // The annotation shell without terminal I/O: command lines in, styled lines and session edits out.
        .target(name: "WorkbenchShell", dependencies: ["Annotations"]),
        // The terminal edge both executables share: the libedit line editor, colours and the standard streams.
        .target(name: "WorkbenchTerminal", dependencies: ["Annotations", "WorkbenchShell", "CEditLine"]),
        .executableTarget(
            name: "Workbench",
            dependencies: [
                "Annotations",
                "WorkbenchShell",
                "WorkbenchTerminal",
                "WorkbenchTeam",
                "CEditLine",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Programs only the end-to-end tests start (a writer to kill mid-edit, the line editor in a
        // terminal); built with the package, never part of `workbench`.
        .executableTarget(
            name: "WorkbenchTestTools",
            dependencies: [
                "Annotations",
                "WorkbenchShell",
                "WorkbenchTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "WorkbenchBenchmarks",
            dependencies: ["Annotations", "WorkbenchTeam", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // libFuzzer targets (scripts/fuzz builds them with -sanitize=fuzzer and -DWORKBENCH_FUZZING);
        // an ordinary build makes a replayer for saved inputs instead.
        .executableTarget(
            name: "WorkbenchFuzz",
            dependencies: ["Annotations", "WorkbenchTeam"]
        ),
        .target(name: "TestSupport", dependencies: ["Annotations"], path: "Tests/TestSupport"),
        .testTarget(
            name: "AnnotationsTests",
            dependencies: [
                "Annotations",
                "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        .testTarget(
            name: "WorkbenchTests",
            dependencies: [
                "Workbench", "WorkbenchShell", "WorkbenchTerminal", "Annotations", "TestSupport", "WorkbenchTeam",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        .testTarget(name: "WorkbenchShellTests", dependencies: ["WorkbenchShell", "Annotations", "TestSupport"]),
    ]
)
