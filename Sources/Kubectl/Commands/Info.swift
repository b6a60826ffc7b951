import KubeAPI
import ClusterSim

enum InfoCommands {
    static let versionFlags: [FlagSpec] = [FlagSpec("client", value: false), FlagSpec("output", "o"), FlagSpec("short", value: false)]
    static let apiResourcesFlags: [FlagSpec] = [
        FlagSpec("namespaced", value: false), FlagSpec("api-group"), FlagSpec("output", "o"), FlagSpec("no-headers", value: false),
        FlagSpec("sort-by"), FlagSpec("verbs"), FlagSpec("cached", value: false), FlagSpec("categories"),
    ]

    /// What a kubeadm v1.32 cluster's discovery lists: NAME, SHORTNAMES, APIVERSION, NAMESPACED, KIND.
    static let apiResources: [(String, String, String, Bool, String)] = [
        ("bindings", "", "v1", true, "Binding"),
        ("componentstatuses", "cs", "v1", false, "ComponentStatus"),
        ("configmaps", "cm", "v1", true, "ConfigMap"),
        ("endpoints", "ep", "v1", true, "Endpoints"),
        ("events", "ev", "v1", true, "Event"),
        ("limitranges", "limits", "v1", true, "LimitRange"),
        ("namespaces", "ns", "v1", false, "Namespace"),
        ("nodes", "no", "v1", false, "Node"),
        ("persistentvolumeclaims", "pvc", "v1", true, "PersistentVolumeClaim"),
        ("persistentvolumes", "pv", "v1", false, "PersistentVolume"),
        ("pods", "po", "v1", true, "Pod"),
        ("podtemplates", "", "v1", true, "PodTemplate"),
        ("replicationcontrollers", "rc", "v1", true, "ReplicationController"),
        ("resourcequotas", "quota", "v1", true, "ResourceQuota"),
        ("secrets", "", "v1", true, "Secret"),
        ("serviceaccounts", "sa", "v1", true, "ServiceAccount"),
        ("services", "svc", "v1", true, "Service"),
        ("mutatingwebhookconfigurations", "", "admissionregistration.k8s.io/v1", false, "MutatingWebhookConfiguration"),
        ("validatingadmissionpolicies", "", "admissionregistration.k8s.io/v1", false, "ValidatingAdmissionPolicy"),
        ("validatingadmissionpolicybindings", "", "admissionregistration.k8s.io/v1", false, "ValidatingAdmissionPolicyBinding"),
        ("validatingwebhookconfigurations", "", "admissionregistration.k8s.io/v1", false, "ValidatingWebhookConfiguration"),
        ("customresourcedefinitions", "crd,crds", "apiextensions.k8s.io/v1", false, "CustomResourceDefinition"),
        ("apiservices", "", "apiregistration.k8s.io/v1", false, "APIService"),
        ("controllerrevisions", "", "apps/v1", true, "ControllerRevision"),
        ("daemonsets", "ds", "apps/v1", true, "DaemonSet"),
        ("deployments", "deploy", "apps/v1", true, "Deployment"),
        ("replicasets", "rs", "apps/v1", true, "ReplicaSet"),
        ("statefulsets", "sts", "apps/v1", true, "StatefulSet"),
        ("selfsubjectreviews", "", "authentication.k8s.io/v1", false, "SelfSubjectReview"),
        ("tokenreviews", "", "authentication.k8s.io/v1", false, "TokenReview"),
        ("localsubjectaccessreviews", "", "authorization.k8s.io/v1", true, "LocalSubjectAccessReview"),
        ("selfsubjectaccessreviews", "", "authorization.k8s.io/v1", false, "SelfSubjectAccessReview"),
        ("selfsubjectrulesreviews", "", "authorization.k8s.io/v1", false, "SelfSubjectRulesReview"),
        ("subjectaccessreviews", "", "authorization.k8s.io/v1", false, "SubjectAccessReview"),
        ("horizontalpodautoscalers", "hpa", "autoscaling/v2", true, "HorizontalPodAutoscaler"),
        ("cronjobs", "cj", "batch/v1", true, "CronJob"),
        ("jobs", "", "batch/v1", true, "Job"),
        ("certificatesigningrequests", "csr", "certificates.k8s.io/v1", false, "CertificateSigningRequest"),
        ("leases", "", "coordination.k8s.io/v1", true, "Lease"),
        ("endpointslices", "", "discovery.k8s.io/v1", true, "EndpointSlice"),
        ("events", "ev", "events.k8s.io/v1", true, "Event"),
        ("flowschemas", "", "flowcontrol.apiserver.k8s.io/v1", false, "FlowSchema"),
        ("prioritylevelconfigurations", "", "flowcontrol.apiserver.k8s.io/v1", false, "PriorityLevelConfiguration"),
        ("ingressclasses", "", "networking.k8s.io/v1", false, "IngressClass"),
        ("ingresses", "ing", "networking.k8s.io/v1", true, "Ingress"),
        ("networkpolicies", "netpol", "networking.k8s.io/v1", true, "NetworkPolicy"),
        ("runtimeclasses", "", "node.k8s.io/v1", false, "RuntimeClass"),
        ("poddisruptionbudgets", "pdb", "policy/v1", true, "PodDisruptionBudget"),
        ("clusterrolebindings", "", "rbac.authorization.k8s.io/v1", false, "ClusterRoleBinding"),
        ("clusterroles", "", "rbac.authorization.k8s.io/v1", false, "ClusterRole"),
        ("rolebindings", "", "rbac.authorization.k8s.io/v1", true, "RoleBinding"),
        ("roles", "", "rbac.authorization.k8s.io/v1", true, "Role"),
        ("priorityclasses", "pc", "scheduling.k8s.io/v1", false, "PriorityClass"),
        ("csidrivers", "", "storage.k8s.io/v1", false, "CSIDriver"),
        ("csinodes", "", "storage.k8s.io/v1", false, "CSINode"),
        ("csistoragecapacities", "", "storage.k8s.io/v1", true, "CSIStorageCapacity"),
        ("storageclasses", "sc", "storage.k8s.io/v1", false, "StorageClass"),
        ("volumeattachments", "", "storage.k8s.io/v1", false, "VolumeAttachment"),
    ]
}

extension Kubectl {
    func version(_ inv: inout Invocation) throws {
        if let o = inv.flags.string("output") {
            guard o == "yaml" || o == "json" else { throw KubectlError("--output must be 'yaml' or 'json'") }
            let client: JSONValue = ["major": "1", "minor": "32", "gitVersion": "v1.32.4", "gitCommit": "59526cd4867447956156ae3a602fcbac10a2c335",
                                     "gitTreeState": "clean", "buildDate": "2025-04-22T16:03:47Z", "goVersion": "go1.23.6",
                                     "compiler": "gc", "platform": "linux/amd64"]
            var doc: JSONValue = ["clientVersion": client, "kustomizeVersion": "v5.5.0"]
            if !inv.flags.bool("client") { doc["serverVersion"] = client }
            inv.out.out(o == "json" ? doc.prettyJSON(indent: "  ") + "\n" : YAMLCodec.emit(doc))
            return
        }
        inv.out.out("Client Version: v1.32.4\nKustomize Version: v5.5.0\n")
        if !inv.flags.bool("client") { inv.out.out("Server Version: v1.32.4\n") }
    }

    func clusterInfo(_ inv: inout Invocation) throws {
        if inv.flags.positionals.first == "dump" {
            throw KubectlError("cluster-info dump is not available in kubelab")
        }
        let master = cluster.store.list(Node.self).first { $0.metadata.labels?["node-role.kubernetes.io/control-plane"] != nil }
        let host = "https://\(master?.internalIP ?? "127.0.0.1"):6443"
        inv.out.out("Kubernetes control plane is running at \(host)\n")
        inv.out.out("CoreDNS is running at \(host)/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n")
        inv.out.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n")
    }

    func apiResources(_ inv: inout Invocation) throws {
        var list = InfoCommands.apiResources
        if inv.flags.has("namespaced") { let want = inv.flags.bool("namespaced"); list = list.filter { $0.3 == want } }
        if let g = inv.flags.string("api-group") {
            list = list.filter { ($0.2.contains("/") ? String($0.2.split(separator: "/")[0]) : "") == g }
        }
        if inv.flags.string("output") == "name" {
            for r in list { inv.out.out(r.2.contains("/") ? "\(r.0).\(r.2.split(separator: "/")[0])\n" : "\(r.0)\n") }
            return
        }
        var rows: [[String]] = inv.flags.bool("no-headers") ? [] : [["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"]]
        for r in list { rows.append([r.0, r.1, r.2, r.3 ? "true" : "false", r.4]) }
        inv.out.out(TabWriter(.kubectlTable).format(rows: rows))
    }
}
