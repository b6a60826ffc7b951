import Testing
@testable import LabKit
import KubeAPI

/// The small pieces: field path syntax, source lines, templates, Markdown, quiz answers,
/// comparisons and control parsing.
@Suite struct FormatTests {
    @Test(arguments: ["spec.replicas", "status.readyReplicas", "spec.template.spec.containers[0].image",
                      "metadata.annotations[deployment.kubernetes.io/revision]", "metadata.labels.app", "items[12]"])
    func goodFieldPaths(_ path: String) {
        #expect(FieldPathSyntax.problem(in: path) == nil)
    }

    @Test func badFieldPaths() {
        let cases: [(String, String)] = [
            ("", "it is empty"), ("spec..replicas", "it has an empty segment"), (".spec", "it starts with '.'"),
            ("spec.", "it ends with '.'"), ("containers[0", "'[' without ']'"), ("containers[]", "'[]' needs an index or a key"),
            ("a]", "']' without '['"), ("containers[0]image", "expected '.' or '[' after ']'"),
            ("{.spec.replicas}", "write it without jsonpath braces, e.g. spec.replicas"), ("spec.re plicas", "unexpected ' '"),
            ("items[-1]", "negative index"),
        ]
        for (path, problem) in cases { #expect(FieldPathSyntax.problem(in: path) == problem, "\(path)") }
    }

    @Test func yamlLinesLocateKeysAndItems() {
        let lines = YAMLLines("""
            id: x            # 1
            summary: |       # 2
              steps: not a key
              - not an item
            steps:           # 5
              - id: a        # 6
                checks:      # 7
                - check: b   # 8
                  path: c    # 9

                - check: d   # 11
              -              # 12
                id: e        # 13
            "quoted key": 1  # 14
            """)
        #expect(lines.line("id") == 1)
        #expect(lines.line("steps") == 5)
        #expect(lines.line("steps[0]") == 6)
        #expect(lines.line("steps[0].checks[0].path") == 9)
        #expect(lines.line("steps[0].checks[1]") == 11)
        #expect(lines.line("steps[0].checks[1].message") == 11)
        #expect(lines.line("steps[1].id") == 13)
        #expect(lines.line("quoted key") == 14)
        #expect(lines.line("nothing.here") == 1)
    }

    @Test func templates() {
        #expect(Template.fill("{actual} of {expected}, {unknown}", ["actual": "3", "expected": "5"]) == "3 of 5, {unknown}")
        #expect(Template.placeholders(in: "a {b} {c d} {} {e}") == ["b", "e"])
    }

    @Test func markdownForAPipeDropsTheMarkup() {
        let md = """
            # Title
            Run `kubectl get pods` and **look**.

            - one item that
              wraps
            - two

            ```
            kubectl apply -f x.yaml
            ```
            """
        #expect(Markdown.render(md, color: false) == """
            Title
            Run kubectl get pods and look.

              • one item that
                wraps
              • two

                kubectl apply -f x.yaml
            """)
        #expect(Markdown.render("`x` **y**", color: true) == "\u{1B}[36mx\u{1B}[0m \u{1B}[1my\u{1B}[0m")
    }

    @Test func quizAnswers() {
        let q = Quiz(question: "?", choices: ["READY", "UP-TO-DATE", "AVAILABLE"], accept: ["UP-TO-DATE"])
        for yes in ["UP-TO-DATE", "up-to-date", " 2 ", "b", "B"] { #expect(q.accepts(yes), "\(yes)") }
        for no in ["1", "a", "4", "AVAILABLE", "", "up to date"] { #expect(!q.accepts(no), "\(no)") }
        let text = Quiz(question: "?", choices: [], accept: ["2", "revision 2"])
        #expect(text.accepts("Revision   2"))
        #expect(!text.accepts("3"))
    }

    @Test func comparisonsTreatAnAbsentNumberAsZero() {
        #expect(Comparison.equals(0).holds(for: nil))
        #expect(Comparison.atMost(0).holds(for: nil))
        #expect(!Comparison.atLeast(1).holds(for: nil))
        #expect(Comparison.equals("nginx:1.14").holds(for: .string("nginx:1.14")))
        #expect(!Comparison.equals("nginx:1.14").holds(for: nil))
        #expect(Comparison.equals(5).holds(for: .string("5")))
        #expect(Comparison.atLeast(3).holds(for: .string("3")))
        #expect(Comparison.matches("^nginx:1\\.1[48]").holds(for: .string("nginx:1.18.0")))
        #expect(Comparison.equals(3).display(nil) == "0")
        #expect(Comparison.equals("x").display(nil) == "<none>")
    }

    @Test func controls() {
        #expect(LabControl("lab") == .help)
        #expect(LabControl(":hint") == .hint)
        #expect(LabControl("  lab   step  rollout ") == .step("rollout"))
        #expect(LabControl("lab answer inspect 'UP TO DATE'") == .answer(["inspect", "UP TO DATE"]))
        #expect(LabControl(":next") == .next)
        #expect(LabControl(": comment") == nil)
        #expect(LabControl(":") == nil)
        #expect(LabControl("labs") == nil)
        #expect(LabControl("lab=3") == nil)
        #expect(LabControl("echo lab") == nil)
    }
}

/// The direct encoder checks read objects with must agree with the apiserver's JSON form.
@Test func directEncoderMatchesToJSON() {
    let session = LabSession(lab: Repo.deployment)
    for line in Repo.solution.split(separator: "\n") { _ = session.feed(String(line)) }
    let cluster = session.simulation.cluster
    var compared = 0
    for r in ResourceType.served {
        for object in cluster.store.list(r) {
            #expect(JSONValueEncoder.object(object) == object.toJSON(), "\(r.kind) \(object.name)")
            compared += 1
        }
    }
    #expect(compared > 50)
}
