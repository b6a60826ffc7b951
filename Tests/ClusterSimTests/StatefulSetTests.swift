import Testing
import KubeAPI
@testable import ClusterSim

/// The seed's StatefulSet (manifests/stateful-demo.yaml), built in Swift.
func seedStatefulSet(name: String = "myapp", replicas: Int = 3, image: String = "ikubernetes/myapp:v1",
                     storageClass: String? = "nfs-client-storageclass") -> StatefulSet {
    var spec = StatefulSetSpec()
    spec.serviceName = "myapp-svc"
    spec.replicas = replicas
    spec.selector = LabelSelector(matchLabels: ["app": "myapp-pod"])
    var c = Container(name: "myapp", image: image)
    c.volumeMounts = [VolumeMount(name: "myappdata", mountPath: "/usr/share/nginx/html")]
    spec.template = PodTemplateSpec(metadata: ObjectMeta(labels: ["app": "myapp-pod"]), spec: PodSpec(containers: [c]))
    var claim = PersistentVolumeClaimTemplate()
    var meta = ObjectMeta(name: "myappdata")
    if let sc = storageClass { meta.annotations = ["volume.beta.kubernetes.io/storage-class": sc] }
    claim.metadata = meta
    var cs = PersistentVolumeClaimSpec()
    cs.accessModes = ["ReadWriteOnce"]
    var res = VolumeResourceRequirements()
    res.requests = ["storage": Quantity("2Gi")]
    cs.resources = res
    claim.spec = cs
    spec.volumeClaimTemplates = [claim]
    return StatefulSet(metadata: ObjectMeta(name: name), spec: spec)
}

/// Records, in order, what happens to pods: "ADDED myapp-0", "DELETED myapp-2",
/// "READY myapp-1" (first time a pod incarnation is Running and Ready).
final class PodJournal {
    var entries: [String] = []
    private var ready: Set<String> = []
    init(_ c: Cluster, prefix: String = "myapp-") {
        _ = c.store.subscribe { [unowned self] ch in
            guard let p = ch.object as? Pod, p.name.hasPrefix(prefix) else { return }
            let uid = p.metadata.uid ?? ""
            switch ch.type {
            case .added: self.entries.append("ADDED \(p.name)")
            case .deleted: self.entries.append("DELETED \(p.name)")
            default:
                let wasReady = (ch.old as? Pod).map { $0.phase == "Running" && $0.isReady } ?? false
                if p.phase == "Running", p.isReady, !wasReady, !self.ready.contains(uid) {
                    self.ready.insert(uid)
                    self.entries.append("READY \(p.name)")
                }
                if p.metadata.deletionTimestamp != nil, ch.old?.metadata.deletionTimestamp == nil {
                    self.entries.append("TERMINATING \(p.name)")
                }
            }
        }
    }
}

@Suite struct StatefulSetTests {
    func settled(_ set: StatefulSet, _ c: Cluster) throws -> StatefulSet {
        try c.create(set, namespace: "default")
        c.settle(limit: 120)
        return try #require(c.store.get(StatefulSet.self, namespace: "default", name: set.name))
    }

    @Test func orderedCreationWithIdentityAndClaims() throws {
        let c = Cluster.standard()
        let journal = PodJournal(c)
        let set = try settled(seedStatefulSet(), c)
        #expect(journal.entries == ["ADDED myapp-0", "READY myapp-0", "ADDED myapp-1", "READY myapp-1", "ADDED myapp-2", "READY myapp-2"])
        for i in 0..<3 {
            let p = try #require(c.store.get(Pod.self, namespace: "default", name: "myapp-\(i)"))
            #expect(p.spec?.hostname == "myapp-\(i)")
            #expect(p.spec?.subdomain == "myapp-svc")
            #expect(p.metadata.labels?["statefulset.kubernetes.io/pod-name"] == "myapp-\(i)")
            #expect(p.metadata.labels?["apps.kubernetes.io/pod-index"] == String(i))
            #expect(p.metadata.labels?["controller-revision-hash"] == set.status?.updateRevision)
            #expect(p.spec?.volumes?.first { $0.name == "myappdata" }?.persistentVolumeClaim?.claimName == "myappdata-myapp-\(i)")
            let claim = try #require(c.store.get(PersistentVolumeClaim.self, namespace: "default", name: "myappdata-myapp-\(i)"))
            #expect(claim.phase == "Bound")
            #expect(claim.metadata.labels == ["app": "myapp-pod"])
            #expect(claim.metadata.ownerReferences == nil)
            #expect(claim.spec?.volumeName == "pvc-\(claim.metadata.uid ?? "")")
            #expect(claim.status?.capacity?["storage"] == Quantity("2Gi"))
            let pv = try #require(c.store.get(PersistentVolume.self, namespace: "", name: claim.spec?.volumeName ?? ""))
            #expect(pv.phase == "Bound")
            #expect(pv.spec?.persistentVolumeReclaimPolicy == "Delete")
            #expect(pv.spec?.nfs?.server == "192.168.10.20")
            #expect(pv.spec?.nfs?.path == "/opt/k8s/default-myappdata-myapp-\(i)-\(pv.name)")
            #expect(pv.metadata.annotations?["pv.kubernetes.io/provisioned-by"] == "nfs-storage")
        }
        let st = try #require(set.status)
        #expect(st.replicas == 3 && st.readyReplicas == 3 && st.currentReplicas == 3 && st.updatedReplicas == 3 && st.availableReplicas == 3)
        #expect(st.currentRevision == st.updateRevision)
        #expect(st.observedGeneration == 1 && st.collisionCount == 0)
        let messages = c.events(for: set).map { "\($0.reason ?? "") \($0.message ?? "")" }
        #expect(messages == [
            "SuccessfulCreate create Claim myappdata-myapp-0 Pod myapp-0 in StatefulSet myapp success",
            "SuccessfulCreate create Pod myapp-0 in StatefulSet myapp successful",
            "SuccessfulCreate create Claim myappdata-myapp-1 Pod myapp-1 in StatefulSet myapp success",
            "SuccessfulCreate create Pod myapp-1 in StatefulSet myapp successful",
            "SuccessfulCreate create Claim myappdata-myapp-2 Pod myapp-2 in StatefulSet myapp success",
            "SuccessfulCreate create Pod myapp-2 in StatefulSet myapp successful",
        ])
        let revisions = c.store.list(ControllerRevision.self, namespace: "default")
        #expect(revisions.map(\.name) == [st.updateRevision])
        #expect(revisions.first?.revision == 1)
        #expect(revisions.first?.metadata.labels?["controller.kubernetes.io/hash"] == String((st.updateRevision ?? "").dropFirst("myapp-".count)))
    }

    @Test func parallelCreatesAllAtOnce() throws {
        let c = Cluster.standard()
        let journal = PodJournal(c)
        var set = seedStatefulSet()
        set.spec?.podManagementPolicy = "Parallel"
        _ = try settled(set, c)
        #expect(Array(journal.entries.prefix(3)) == ["ADDED myapp-0", "ADDED myapp-1", "ADDED myapp-2"])
        #expect(journal.entries.filter { $0.hasPrefix("READY") }.count == 3)
    }

    @Test func scaleDownInReverseOrderOneAtATime() throws {
        let c = Cluster.standard()
        var set = try settled(seedStatefulSet(), c)
        let journal = PodJournal(c)
        set.spec?.replicas = 1
        try c.update(set)
        c.settle(limit: 120)
        #expect(journal.entries == ["TERMINATING myapp-2", "DELETED myapp-2", "TERMINATING myapp-1", "DELETED myapp-1"])
        // Claims are kept (whenScaled: Retain), and reused when scaling up again.
        let claim = try #require(c.store.get(PersistentVolumeClaim.self, namespace: "default", name: "myappdata-myapp-2"))
        var up = try #require(c.store.get(StatefulSet.self, namespace: "default", name: "myapp"))
        up.spec?.replicas = 3
        try c.update(up)
        c.settle(limit: 120)
        #expect(c.store.get(PersistentVolumeClaim.self, namespace: "default", name: "myappdata-myapp-2")?.spec?.volumeName == claim.spec?.volumeName)
        #expect(c.store.list(PersistentVolume.self).count == 3)
    }

    @Test func rollingUpdateFromHighestOrdinalWaitingForReady() throws {
        let c = Cluster.standard()
        var set = try settled(seedStatefulSet(), c)
        let first = set.status?.updateRevision
        let journal = PodJournal(c)
        set.spec?.template?.spec?.containers[0].image = "nginx:1.18.0"
        try c.update(set)
        c.settle(limit: 300)
        #expect(journal.entries == [
            "TERMINATING myapp-2", "DELETED myapp-2", "ADDED myapp-2", "READY myapp-2",
            "TERMINATING myapp-1", "DELETED myapp-1", "ADDED myapp-1", "READY myapp-1",
            "TERMINATING myapp-0", "DELETED myapp-0", "ADDED myapp-0", "READY myapp-0",
        ])
        let after = try #require(c.store.get(StatefulSet.self, namespace: "default", name: "myapp"))
        #expect(after.status?.currentRevision == after.status?.updateRevision)
        #expect(after.status?.updateRevision != first)
        #expect(after.status?.updatedReplicas == 3)
        for i in 0..<3 {
            let p = c.store.get(Pod.self, namespace: "default", name: "myapp-\(i)")
            #expect(p?.spec?.containers.first?.image == "nginx:1.18.0")
            // The same claims, bound to the same volumes.
            #expect(p?.spec?.volumes?.first?.persistentVolumeClaim?.claimName == "myappdata-myapp-\(i)")
        }
        #expect(c.store.list(PersistentVolume.self).count == 3)
        let revs = c.store.list(ControllerRevision.self, namespace: "default").sorted { $0.revision < $1.revision }
        #expect(revs.map(\.revision) == [1, 2])
        #expect(revs.map(\.name) == [first, after.status?.updateRevision].compactMap { $0 })
    }

    @Test func partitionKeepsLowerOrdinals() throws {
        let c = Cluster.standard()
        var set = try settled(seedStatefulSet(), c)
        set.spec?.updateStrategy?.rollingUpdate?.partition = 2
        set.spec?.template?.spec?.containers[0].image = "ikubernetes/myapp:v2"
        try c.update(set)
        c.settle(limit: 300)
        let images = (0..<3).map { c.store.get(Pod.self, namespace: "default", name: "myapp-\($0)")?.spec?.containers.first?.image }
        #expect(images == ["ikubernetes/myapp:v1", "ikubernetes/myapp:v1", "ikubernetes/myapp:v2"])
        let st = c.store.get(StatefulSet.self, namespace: "default", name: "myapp")?.status
        #expect(st?.updatedReplicas == 1 && st?.currentReplicas == 2)
        #expect(st?.currentRevision != st?.updateRevision)
    }

    @Test func onDeleteWaitsForManualDeletion() throws {
        let c = Cluster.standard()
        var base = seedStatefulSet()
        var strategy = StatefulSetUpdateStrategy()
        strategy.type = "OnDelete"
        base.spec?.updateStrategy = strategy
        var set = try settled(base, c)
        #expect(set.spec?.updateStrategy?.rollingUpdate == nil)
        set.spec?.template?.spec?.containers[0].image = "ikubernetes/myapp:v2"
        try c.update(set)
        c.settle(limit: 120)
        #expect(c.store.get(Pod.self, namespace: "default", name: "myapp-1")?.spec?.containers.first?.image == "ikubernetes/myapp:v1")
        try c.delete(.pods, namespace: "default", name: "myapp-1")
        c.settle(limit: 120)
        #expect(c.store.get(Pod.self, namespace: "default", name: "myapp-1")?.spec?.containers.first?.image == "ikubernetes/myapp:v2")
        #expect(c.store.get(Pod.self, namespace: "default", name: "myapp-0")?.spec?.containers.first?.image == "ikubernetes/myapp:v1")
    }

    @Test func deletingTheSetTerminatesPodsAndKeepsClaims() throws {
        let c = Cluster.standard()
        _ = try settled(seedStatefulSet(), c)
        let volumes = (0..<3).map { c.store.get(PersistentVolumeClaim.self, namespace: "default", name: "myappdata-myapp-\($0)")?.spec?.volumeName }
        let journal = PodJournal(c)
        try c.delete(.statefulsets, namespace: "default", name: "myapp")
        c.advance(by: 0.5)
        // All three at once, by the garbage collector.
        #expect(journal.entries.filter { $0.hasPrefix("TERMINATING") }.count == 3)
        c.settle(limit: 120)
        #expect(c.store.list(Pod.self, namespace: "default").filter { $0.name.hasPrefix("myapp-") }.isEmpty)
        #expect(c.store.list(ControllerRevision.self, namespace: "default").isEmpty)
        #expect(c.store.list(PersistentVolumeClaim.self, namespace: "default").count == 3)
        // Made again: the same claims, in order.
        journal.entries.removeAll()
        _ = try settled(seedStatefulSet(), c)
        #expect(journal.entries == ["ADDED myapp-0", "READY myapp-0", "ADDED myapp-1", "READY myapp-1", "ADDED myapp-2", "READY myapp-2"])
        let again = (0..<3).map { c.store.get(PersistentVolumeClaim.self, namespace: "default", name: "myappdata-myapp-\($0)")?.spec?.volumeName }
        #expect(again == volumes)
        #expect(c.store.list(PersistentVolume.self).count == 3)
    }

    @Test func recreatedWhileOldPodsTerminateWaitsForThem() throws {
        let c = Cluster.standard()
        _ = try settled(seedStatefulSet(), c)
        try c.delete(.statefulsets, namespace: "default", name: "myapp")
        c.advance(by: 1)
        try c.create(seedStatefulSet(), namespace: "default")
        c.settle(limit: 120)
        let pods = c.store.list(Pod.self, namespace: "default").filter { $0.name.hasPrefix("myapp-") }
        #expect(pods.count == 3)
        let set = c.store.get(StatefulSet.self, namespace: "default", name: "myapp")
        #expect(pods.allSatisfy { $0.metadata.controllerRef?.uid == set?.metadata.uid && $0.isReady })
    }

    @Test func retentionPolicyDeleteRemovesClaimsAndVolumes() throws {
        let c = Cluster.standard()
        var base = seedStatefulSet()
        var policy = StatefulSetPVCRetentionPolicy()
        policy.whenDeleted = "Delete"
        policy.whenScaled = "Delete"
        base.spec?.persistentVolumeClaimRetentionPolicy = policy
        var set = try settled(base, c)
        let claim0 = c.store.get(PersistentVolumeClaim.self, namespace: "default", name: "myappdata-myapp-0")
        #expect(claim0?.metadata.controllerRef?.uid == set.metadata.uid)
        set.spec?.replicas = 2
        try c.update(set)
        c.settle(limit: 120)
        #expect(c.store.get(PersistentVolumeClaim.self, namespace: "default", name: "myappdata-myapp-2") == nil)
        #expect(c.store.list(PersistentVolume.self).count == 2)
        try c.delete(.statefulsets, namespace: "default", name: "myapp")
        c.settle(limit: 120)
        #expect(c.store.list(PersistentVolumeClaim.self, namespace: "default").isEmpty)
        #expect(c.store.list(PersistentVolume.self).isEmpty)
    }

    @Test func undoRenumbersTheOldRevision() throws {
        let c = Cluster.standard()
        var set = try settled(seedStatefulSet(), c)
        let first = try #require(set.status?.updateRevision)
        set.spec?.template?.spec?.containers[0].image = "ikubernetes/myapp:v2"
        try c.update(set)
        c.settle(limit: 300)
        var back = try #require(c.store.get(StatefulSet.self, namespace: "default", name: "myapp"))
        back.spec?.template?.spec?.containers[0].image = "ikubernetes/myapp:v1"
        try c.update(back)
        c.settle(limit: 300)
        let revs = c.store.list(ControllerRevision.self, namespace: "default").sorted { $0.revision < $1.revision }
        #expect(revs.map(\.revision) == [2, 3])
        #expect(revs.last?.name == first)
        #expect(c.store.get(StatefulSet.self, namespace: "default", name: "myapp")?.status?.updateRevision == first)
    }

    @Test func validationInTheApiserversWords() throws {
        let c = Cluster.standard()
        var bad = seedStatefulSet()
        bad.spec?.podManagementPolicy = "Sometimes"
        bad.spec?.volumeClaimTemplates?[0].spec?.accessModes = []
        bad.spec?.volumeClaimTemplates?[0].spec?.resources = nil
        #expect(throws: APIError.self) { try c.create(bad, namespace: "default") }
        do { try c.create(bad, namespace: "default") } catch {
            #expect(error.message.contains("spec.podManagementPolicy: Invalid value: \"Sometimes\": must be 'OrderedReady' or 'Parallel'"))
            #expect(error.message.contains("spec.volumeClaimTemplates[0].spec.accessModes: Required value: at least 1 access mode is required"))
            #expect(error.message.contains("spec.volumeClaimTemplates[0].spec.resources[storage]: Required value"))
        }
        var set = try settled(seedStatefulSet(), c)
        set.spec?.serviceName = "other"
        do {
            try c.update(set)
            Issue.record("serviceName changed")
        } catch {
            #expect(error.message.contains("spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"))
        }
    }

    @Test func defaults() throws {
        let c = Cluster.standard()
        let set = try settled(seedStatefulSet(replicas: 1), c)
        #expect(set.spec?.podManagementPolicy == "OrderedReady")
        #expect(set.spec?.updateStrategy?.type == "RollingUpdate")
        #expect(set.spec?.updateStrategy?.rollingUpdate?.partition == 0)
        #expect(set.spec?.revisionHistoryLimit == 10)
        #expect(set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted == "Retain")
        #expect(set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled == "Retain")
        #expect(set.spec?.volumeClaimTemplates?.first?.spec?.volumeMode == "Filesystem")
        #expect(set.spec?.volumeClaimTemplates?.first?.kind == "PersistentVolumeClaim")
        #expect(set.spec?.volumeClaimTemplates?.first?.status?.phase == "Pending")
    }
}

@Suite struct ControllerHistoryTests {
    @Test func fnvVariants() {
        // Known FNV-1 / FNV-1a 32-bit values of "a".
        #expect(fnv32("a") == 0x050c_5d7e)
        #expect(fnv32a("a") == 0xe40c_292c)
    }

    @Test func patchReplacesTheTemplate() throws {
        let t = PodTemplateSpec(metadata: ObjectMeta(labels: ["app": "x"]), spec: PodSpec(containers: [Container(name: "c", image: "nginx")]))
        let data = ControllerHistory.templatePatch(t)
        #expect(data["spec"]?["template"]?["$patch"] == "replace")
        #expect(data["spec"]?["template"]?["metadata"]?["creationTimestamp"] == JSONValue.null)
        #expect(ControllerHistory.template(of: ControllerRevision(metadata: ObjectMeta(name: "r"), data: data, revision: 1)) == t)
        #expect(ControllerHistory.hash(data: data, collisionCount: nil) != ControllerHistory.hash(data: data, collisionCount: 1))
    }
}
