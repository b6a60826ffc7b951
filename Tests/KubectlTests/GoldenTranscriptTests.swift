import Foundation
import Testing
import Shell

/// Golden transcripts: a script in Golden/NAME.sh, the exact terminal text kubelab must
/// print for it in Golden/NAME.out (seed 1, 3 virtual seconds per command line).
/// After a deliberate change, regenerate with KUBELAB_UPDATE_GOLDEN=1 and review the diff
/// line by line against real kubectl before committing.
@Suite struct GoldenTranscriptTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".sh") }.map { String($0.dropLast(3)) }.sorted()
    }

    static func manifests() -> [String: String] {
        let m = repo.appendingPathComponent("manifests")
        var files: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: m.path)) ?? [] {
            files[name] = try? String(contentsOf: m.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    static func transcript(_ script: String, seed: UInt64 = 1) -> String {
        let sim = Simulation(seed: seed, files: manifests())
        return sim.makeSession(secondsPerCommand: 3).transcript(of: script)
    }

    @Test(arguments: scripts)
    func transcriptMatches(_ name: String) throws {
        let script = try String(contentsOf: Self.dir.appendingPathComponent(name + ".sh"), encoding: .utf8)
        let got = Self.transcript(script)
        let expectedURL = Self.dir.appendingPathComponent(name + ".out")
        if ProcessInfo.processInfo.environment["KUBELAB_UPDATE_GOLDEN"] == "1" {
            try got.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(got == expected)
    }

    @Test func sameSeedSameBytes() throws {
        let script = try String(contentsOf: Self.dir.appendingPathComponent("rolling-update-watch.sh"), encoding: .utf8)
        #expect(Self.transcript(script, seed: 7) == Self.transcript(script, seed: 7))
        #expect(Self.transcript(script, seed: 7) != Self.transcript(script, seed: 8))
    }

    @Test func scriptsCoverEveryCommand() throws {
        let all = try Self.scripts.map { try String(contentsOf: Self.dir.appendingPathComponent($0 + ".sh"), encoding: .utf8) }.joined()
        for verb in ["apply", "create", "get", "describe", "patch", "delete", "scale", "set image", "edit", "rollout status",
                     "rollout history", "rollout undo", "rollout pause", "rollout resume", "rollout restart", "label",
                     "annotate", "logs", "version", "cluster-info", "api-resources"] {
            #expect(all.contains("kubectl \(verb)"), "no golden transcript uses kubectl \(verb)")
        }
    }
}
