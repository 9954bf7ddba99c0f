// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "bgsh",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bgsh", targets: ["bgsh"]),
        // libFuzzer over the lexer, parser and binder with the command table: scripts/fuzz
        // builds it with -sanitize=fuzzer,address (no GRDB, no bgsh main).
        .executable(name: "bgsh-fuzz", targets: ["bgsh-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // SHA-256 and HMAC for SigV4 (never hand-written).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The simulator reads a project's buildspec and a pipeline's appspec.yaml as CodeBuild
        // and CodeDeploy do: YAML, parsed by a YAML parser rather than by hand.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Lexer, parser, spans and diagnostics: the standard library only.
        .target(name: "BGSHSyntax"),
        // Canary analysis's statistics (Mann-Whitney U, Hodges-Lehmann, Kayenta's judge): pure,
        // the standard library and Foundation's math only.
        .target(name: "BGSHAnalysis"),
        // The backend interface: AWS request/response shapes, the Cloud protocols, AWSError.
        .target(name: "AWSModel"),
        // Signature Version 4: canonical request, scope, signing key; date and credentials injected.
        .target(name: "AWSSigV4", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // libcurl and libxml2, loaded with dlopen on first use so the simulator's start-up never pays for them.
        .target(name: "CAWSNet", linkerSettings: [.linkedLibrary("dl")]),
        // The aws backend: transport, protocols (generated from botocore's models), credentials, retries.
        .target(name: "AWSWire", dependencies: ["AWSModel", "AWSSigV4", "CAWSNet"]),
        // The embedded simulator of the AWS subset bgsh uses, persisted with GRDB.
        .target(name: "BGSHSim", dependencies: [
            "AWSModel",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // The language runtime: session, specs, binder, interpreter, help, completion, output.
        .target(name: "BGSHCore", dependencies: ["BGSHSyntax", "AWSModel", "BGSHAnalysis"]),
        // The blue-green engine, written once over the Cloud protocols.
        .target(name: "BGSHDeploy", dependencies: ["AWSModel", "BGSHSyntax", "BGSHAnalysis"]),
        // One file per command and the one command table.
        .target(name: "BGSHCommands", dependencies: ["BGSHCore", "BGSHDeploy", "AWSModel", "BGSHAnalysis"]),
        // libedit, through its readline-compatible API.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The terminal: never imports BGSHCore (it has its own small completion protocol).
        .target(name: "BGSHLineEditor", dependencies: ["CLibEdit"]),
        .executableTarget(name: "bgsh-fuzz", dependencies: ["BGSHSyntax", "BGSHCore", "BGSHCommands", "AWSModel"],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "bgsh", dependencies: [
            "BGSHCore", "BGSHCommands", "BGSHSim", "BGSHLineEditor", "AWSModel", "AWSWire",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "BGSHAnalysisTests", dependencies: [
            "BGSHAnalysis",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "BGSHSyntaxTests", dependencies: [
            "BGSHSyntax",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "BGSHCoreTests", dependencies: [
            "BGSHCore", "BGSHCommands", "BGSHSim", "BGSHDeploy", "AWSModel", "BGSHLineEditor",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "AWSWireTests", dependencies: [
            "AWSWire", "AWSSigV4", "AWSModel",
            .product(name: "PropertyBased", package: "swift-property-based"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], exclude: ["Support/sigv4_botocore.py", "Support/credentials_botocore.py", "Support/credential-cases.json", "Support/echo_peer.py"]),
        // The aws backend against moto's server (scripts/test starts it): conformance with the
        // simulator, the seed runbook, deployments, faults.
        .testTarget(name: "AWSBackendTests", dependencies: ["AWSWire", "AWSModel", "BGSHSim", "BGSHDeploy", "BGSHAnalysis", "BGSHSyntax"], exclude: ["Support/fault_proxy.py"]),
        // Runs the real binary (built by scripts/test) on the runbooks in Transcripts/, output compared.
        .testTarget(name: "TranscriptTests", exclude: ["Transcripts"]),
    ],
    swiftLanguageModes: [.v6]
)
