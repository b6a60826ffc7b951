import Foundation
import Testing
import KubeAPI
@testable import Kubectl

/// `kubectl explain`: exact bytes of the plaintext layout (expected files in
/// ExplainExpected/, reviewed against kubectl v1.32's plaintext.tmpl), resource and field
/// path resolution, the error wordings, and the integrity of the schema data.
@Suite struct ExplainTests {
    static let expectedDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ExplainExpected")

    static func expected(_ name: String) throws -> String {
        try String(contentsOf: expectedDir.appendingPathComponent(name + ".txt"), encoding: .utf8)
    }

    static func explain(_ args: [String]) -> CommandOutput {
        Fixture().kubectl.run(["explain"] + args)
    }

    @Test(arguments: [
        ("statefulset-spec", ["statefulset.spec"]),
        ("pods", ["pods"]),
        ("deploy-containers-ports", ["deploy.spec.template.spec.containers.ports"]),
        ("sts-updatestrategy-recursive", ["sts.spec.updateStrategy", "--recursive"]),
        ("sts-podmanagementpolicy", ["sts.spec.podManagementPolicy"]),
        ("pod-creationtimestamp", ["pod.metadata.creationTimestamp"]),
        ("resources-recursive", ["pod.spec.containers.resources", "--recursive"]),
        ("v2-statefulset-spec", ["statefulset.spec", "-o", "plaintext-openapiv2"]),
        ("v2-pod-containers", ["pod.spec.containers", "--output=plaintext-openapiv2"]),
        ("v2-restartpolicy", ["pod.spec.restartPolicy", "--output=plaintext-openapiv2"]),
        ("v2-deploy-strategy-recursive", ["deploy.spec.strategy", "--output=plaintext-openapiv2", "--recursive"]),
    ])
    func exactBytes(_ name: String, _ args: [String]) throws {
        let out = Self.explain(args)
        #expect(out.exitCode == 0)
        #expect(out.stderr == "")
        #expect(out.stdout == (try Self.expected(name)))
    }

    /// The seed's `kubectl explain statefulset.spec` lists these fields with these markers;
    /// v1.32 agrees on all of them (serviceName only became optional in v1.33) and adds
    /// minReadySeconds, ordinals and persistentVolumeClaimRetentionPolicy.
    @Test func statefulSetSpecHasTheSeedsFields() {
        let out = Self.explain(["statefulset.spec"]).stdout
        let lines = out.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && $0.contains("\t") }
        #expect(lines == [
            "  minReadySeconds\t<integer>",
            "  ordinals\t<StatefulSetOrdinals>",
            "  persistentVolumeClaimRetentionPolicy\t<StatefulSetPersistentVolumeClaimRetentionPolicy>",
            "  podManagementPolicy\t<string>",
            "  replicas\t<integer>",
            "  revisionHistoryLimit\t<integer>",
            "  selector\t<LabelSelector> -required-",
            "  serviceName\t<string> -required-",
            "  template\t<PodTemplateSpec> -required-",
            "  updateStrategy\t<StatefulSetUpdateStrategy>",
            "  volumeClaimTemplates\t<[]PersistentVolumeClaim>",
        ])
        #expect(out.contains("  podManagementPolicy\t<string>\n  enum: OrderedReady, Parallel\n"))
    }

    /// The course document's transcript was made with an OpenAPI v2 kubectl; asking v1.32
    /// for that layout gives the seed's lines exactly (plus the fields added since).
    @Test func openAPIV2LayoutMatchesTheSeed() {
        let out = Self.explain(["statefulset.spec", "--output=plaintext-openapiv2"]).stdout
        for line in ["   podManagementPolicy\t<string>", "   replicas\t<integer>", "   revisionHistoryLimit\t<integer>",
                     "   selector\t<Object> -required-", "   serviceName\t<string> -required-",
                     "   template\t<Object> -required-", "   updateStrategy\t<Object>", "   volumeClaimTemplates\t<[]Object>"] {
            #expect(out.contains("\n" + line + "\n"), "missing \(line)")
        }
        #expect(out.hasPrefix("KIND:     StatefulSet\nVERSION:  apps/v1\n\nRESOURCE: spec <Object>\n\nDESCRIPTION:\n     "))
        #expect(Self.explain(["pods.spec.nope.deeper", "-o", "plaintext-openapiv2"]).combined == "error: field \"nope\" does not exist\n")
        #expect(Self.explain(["deploy", "-o", "plaintext-openapiv2", "--api-version=v1"]).combined
                == "error: couldn't find resource for \"/v1, Kind=Deployment\"\n")
    }

    @Test(arguments: ["sts.spec", "statefulsets.spec", "statefulset.spec", "StatefulSet.spec", "statefulsets.apps.spec", "sts.spec."])
    func resourceNamesResolve(_ arg: String) throws {
        let out = Self.explain([arg])
        #expect(out.exitCode == 0)
        #expect(out.stdout == (try Self.expected("statefulset-spec")))
    }

    @Test func groupQualifiedNameOnlyWithThePlural() {
        // Only PLURAL.GROUP is read as a group; with the singular, "apps" is a field name.
        let out = Self.explain(["statefulset.apps.spec"])
        #expect(out.exitCode == 1)
        #expect(out.stdout == "GROUP:      apps\nKIND:       StatefulSet\nVERSION:    v1\n\n")
        #expect(out.stderr == "error: field \"spec\" does not exist\n")
    }

    @Test func unknownFieldPrintsTheHeaderThenTheLastPathElement() {
        let out = Self.explain(["pods.spec.nope.deeper"])
        #expect(out.exitCode == 1)
        #expect(out.stdout == "KIND:       Pod\nVERSION:    v1\n\n")
        #expect(out.stderr == "error: field \"deeper\" does not exist\n")
        let leaf = Self.explain(["pod.spec.restartPolicy.x"])
        #expect(leaf.stderr == "error: field \"x\" does not exist\n")
    }

    @Test func errors() {
        let none = Self.explain([])
        #expect(none.exitCode == 1)
        #expect(none.combined == "error: You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n")
        #expect(Self.explain(["pods", "nodes"]).combined == "error: We accept only this format: explain RESOURCE\n")
        #expect(Self.explain(["foo.spec"]).combined == "error: the server doesn't have a resource type \"foo\"\n")
        #expect(Self.explain(["deploy", "--api-version=v1"]).combined
                == "error: GVR (/v1, Resource=deployments) not found in OpenAPI schema\n")
        #expect(Self.explain(["deploy", "--api-version=apps/v2"]).combined
                == "error: couldn't find resource for \"apps/v2, Resource=deployments\"\n")
        #expect(Self.explain(["pods", "--output=json"]).combined == "error: unrecognized format: json\n")
        #expect(Self.explain(["pods", "-o", "yaml"]).combined == "error: unrecognized format: yaml\n")
        #expect(Self.explain(["pods", "--recursive=maybe"]).combined
                == "error: invalid argument \"maybe\" for \"--recursive\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl explain --help' for usage.\n")
    }

    @Test func apiVersionThatMatches() throws {
        #expect(Self.explain(["pods", "--api-version=v1"]).stdout == (try Self.expected("pods")))
        // With --api-version the whole argument is split on dots: "apps" becomes a field.
        let out = Self.explain(["statefulsets.apps", "--api-version=apps/v1"])
        #expect(out.stderr == "error: field \"apps\" does not exist\n")
        #expect(Self.explain(["sts.spec", "--api-version=apps/v1"]).stdout == (try Self.expected("statefulset-spec")))
    }

    /// Every kind kubelab knows can be explained, recursively, without a dangling type.
    @Test(arguments: ResourceType.known.map(\.plural))
    func everyKnownKindExplains(_ plural: String) {
        let out = Self.explain([plural, "--recursive"])
        #expect(out.exitCode == 0)
        #expect(out.stdout.contains("DESCRIPTION:\n    "))
        #expect(out.stdout.contains("FIELDS:\n"))
        #expect(out.stdout.contains("\n  apiVersion\t<string>\n"))
    }

    @Test func schemaIsComplete() {
        let schema = ExplainSchema.shared
        func names(_ t: ExplainSchema.TypeRef) -> [String] {
            switch t {
            case .primitive: return []
            case .named(let n): return [n]
            case .array(let i), .map(let i): return names(i)
            }
        }
        let headers = ExplainData.all.joined(separator: "\n").split(separator: "\n")
            .filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("## ") }.count
        #expect(headers == schema.models.count, "a type is defined twice")
        for m in schema.models.values {
            #expect(!m.doc.isEmpty, "\(m.name) has no description")
            for f in m.fields {
                #expect(!f.doc.isEmpty, "\(m.name).\(f.name) has no description")
                for n in names(f.type) { #expect(schema.model(n) != nil, "\(m.name).\(f.name) refers to unknown type \(n)") }
            }
        }
    }

    /// go-wordwrap's behaviour, which explain's descriptions are wrapped with.
    @Test func wrapsLikeGoWordwrap() {
        let r = ExplainRenderer(schema: .shared)
        #expect(r.wrap("this is a really good test", 3) == "this\nis\na\nreally\ngood\ntest")
        #expect(r.wrap("aaa bbb ccc", 7) == "aaa bbb\nccc")
        #expect(r.wrap("line one\nline two", 80) == "line one\nline two")
        #expect(r.indent(4, "a\nb\n") == "    a\n    b\n    ")
    }
}
