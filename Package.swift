// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kubelab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kubelab", targets: ["kubelab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .target(name: "KubeAPI", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "ClusterSim", dependencies: ["KubeAPI"]),
        .target(name: "Kubectl", dependencies: ["KubeAPI", "ClusterSim"]),
        .target(name: "Shell", dependencies: ["Kubectl"]),
        .target(name: "LabKit", dependencies: ["Shell"]),
        .systemLibrary(name: "CReadline", pkgConfig: "readline",
                       providers: [.apt(["libreadline-dev"])]),
        .executableTarget(name: "kubelab", dependencies: [
            "LabKit", "Shell", "Kubectl", "ClusterSim", "KubeAPI", "CReadline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kubelab-bench", dependencies: ["Shell", "Kubectl", "ClusterSim", "KubeAPI"],
                          path: "Benchmarks"),
        .testTarget(name: "KubeAPITests", dependencies: ["KubeAPI"]),
        .testTarget(name: "ClusterSimTests", dependencies: ["ClusterSim"]),
        .testTarget(name: "KubectlTests", dependencies: ["Kubectl", "Shell"], exclude: ["Golden", "ExplainExpected"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell"]),
        .testTarget(name: "LabKitTests", dependencies: ["LabKit", "Shell", "kubelab"]),
    ]
)
