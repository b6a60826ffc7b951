import Testing
import Foundation
@testable import LabKit

/// `kubelab lint`: the shipped labs are clean; each broken fixture lab is rejected with
/// `file:line: message` pointing at the offending line.
@Suite struct LintTests {
    func lint(_ fixture: String) -> [String] { LabLint.lint(Repo.fixture(fixture)).map(\.description) }

    @Test func everyShippedLabIsClean() throws {
        let dir = Repo.root.appendingPathComponent("labs")
        let labs = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            .filter { FileManager.default.fileExists(atPath: dir.appendingPathComponent("\($0)/lab.yaml").path) }
        #expect(labs.contains("deployment"))
        for name in labs {
            #expect(LabLint.lint(Repo.lab(name)).isEmpty, "labs/\(name)")
        }
    }

    @Test func unknownCheckKind() {
        #expect(lint("unknown-check-kind") == [
            "Fixtures/unknown-check-kind/lab.yaml:15: unknown check kind 'feild' (known kinds: exists, absent, field, count, command, order, quiz)",
        ])
    }

    @Test func badFieldPathSyntax() {
        #expect(lint("bad-field-path") == ["Fixtures/bad-field-path/lab.yaml:17: bad field path 'spec..replicas': it has an empty segment"])
    }

    @Test func stepWithoutHints() {
        #expect(lint("no-hints") == ["Fixtures/no-hints/lab.yaml:10: step 'apply' has no hints (give at least one under 'hints:')"])
    }

    @Test func duplicateStepIds() {
        #expect(lint("duplicate-ids") == ["Fixtures/duplicate-ids/lab.yaml:18: duplicate step id 'apply'"])
    }

    @Test func missingWorkspaceFiles() {
        #expect(lint("missing-workspace-file") == [
            "Fixtures/missing-workspace-file/lab.yaml:9: workspace file 'manifests/no-such-file.yaml' is not one of kubelab's course manifests",
            "Fixtures/missing-workspace-file/lab.yaml:10: workspace file 'files/also-missing.yaml' does not exist in Fixtures/missing-workspace-file",
        ])
    }

    @Test func referenceSolutionWithoutFullMarks() {
        #expect(lint("failing-solution") == [
            "Fixtures/failing-solution/lab.yaml:10: the reference solution does not pass step 'apply': There is no Deployment named nginx-deployment yet.",
        ])
    }

    @Test func missingReferenceSolution() {
        #expect(lint("no-solution") == ["Fixtures/no-solution/solution.sh:1: cannot read the reference solution"])
    }

    @Test func yamlSyntaxError() {
        let problems = lint("not-yaml")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Fixtures/not-yaml/lab.yaml:") == true)
        #expect(problems.first?.contains("not valid YAML: ") == true)
    }

    @Test func everyProblemIsListedNotJustTheFirst() {
        #expect(lint("many-problems") == [
            "Fixtures/many-problems/lab.yaml:10: step 'apply' has no hints (give at least one under 'hints:')",
            "Fixtures/many-problems/lab.yaml:12: unknown key 'hitns' in a step (expected one of: id, title, instructions, hints, points, required, checks)",
            "Fixtures/many-problems/lab.yaml:17: bad field path '{.spec.replicas}': write it without jsonpath braces, e.g. spec.replicas",
            "Fixtures/many-problems/lab.yaml:19: unknown placeholder {actaul} (use: {actual} {expected} {kind} {name} {object} {path})",
            "Fixtures/many-problems/lab.yaml:20: use only one of matches, atLeast",
            "Fixtures/many-problems/lab.yaml:27: bad regular expression 'kubectl (get'",
            "Fixtures/many-problems/lab.yaml:31: unknown event 'exploded' (known: created, terminating, deleted, ready, unready, status, modified)",
        ])
    }

    @Test func aLabWithAFixtureIsClean() {
        #expect(lint("fixture-objects") == [])
    }

    @Test func theLabIdMustMatchItsFolder() {
        var files = Repo.fixture("fixture-objects")
        files.folder = "Fixtures/renamed"
        #expect(LabLoader.load(files).1.map(\.description) == [
            "Fixtures/renamed/lab.yaml:1: the lab id 'fixture-objects' differs from its folder name 'renamed'",
        ])
    }

    @Test func moreParserDiagnostics() {
        let text = """
            id: x
            title: t
            summary: s
            minutes: 1
            steps:
              - id: a
                title: A
                instructions: i
                hints: [h]
                checks:
                  - check: field
                    object: deployment
                    path: spec.replicas
                    message: m
                  - check: count
                    kind: widgets
                    equals: "three"
                    message: m
                  - check: quiz
                    question: q
                    choices: [a, b]
                    accept: [c]
                    message: m
                  - check: order
                    since: yesterday
                    events: [{event: status}]
                    message: m
                  - check: command
                    message: m
                  - {object: deployment/x, message: m}
            """
        let (lab, problems) = LabParser.parse(text, file: "x.yaml")
        #expect(lab == nil)
        #expect(problems.map(\.description) == [
            "x.yaml:11: say what is wanted with one of: equals, matches, atLeast, atMost",
            "x.yaml:12: 'object' is KIND/NAME (e.g. deployment/nginx-deployment), without 'kind:' or 'name:' beside it",
            "x.yaml:16: unknown resource type 'widgets'",
            "x.yaml:17: a count compares with a whole number",
            "x.yaml:22: accepted answer 'c' is not one of the choices",
            "x.yaml:25: 'since' is 'lab' or 'step', not 'yesterday'",
            "x.yaml:26: missing 'status'",
            "x.yaml:28: a 'command' check needs 'ran:', 'output:' or both",
            "x.yaml:30: a check needs 'check:' naming its kind (one of: exists, absent, field, count, command, order, quiz)",
        ])
    }
}
