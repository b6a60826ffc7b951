import Testing
import KubeAPI
@testable import ClusterSim

func claim(_ name: String, storageClass: String? = nil, legacyClass: String? = nil, size: String = "1Gi",
           modes: [String] = ["ReadWriteOnce"]) -> PersistentVolumeClaim {
    var meta = ObjectMeta(name: name)
    if let l = legacyClass { meta.annotations = ["volume.beta.kubernetes.io/storage-class": l] }
    var spec = PersistentVolumeClaimSpec()
    spec.accessModes = modes
    var res = VolumeResourceRequirements()
    res.requests = ["storage": Quantity(size)]
    spec.resources = res
    spec.storageClassName = storageClass
    return PersistentVolumeClaim(metadata: meta, spec: spec)
}

func podUsing(_ claimName: String, name: String = "user") -> Pod {
    var spec = PodSpec(containers: [Container(name: "c", image: "nginx:1.14")])
    var v = Volume(name: "data")
    v.persistentVolumeClaim = PVCVolumeSource(claimName: claimName)
    spec.volumes = [v]
    return Pod(metadata: ObjectMeta(name: name), spec: spec)
}

@Suite struct StorageTests {
    func get(_ c: Cluster, _ name: String) throws -> PersistentVolumeClaim {
        try #require(c.store.get(PersistentVolumeClaim.self, namespace: "default", name: name))
    }

    @Test func defaultClassIsFilledInAndProvisioned() throws {
        let c = Cluster.standard()
        let sc = try #require(c.store.get(StorageClass.self, namespace: "", name: "nfs-client-storageclass"))
        #expect(sc.provisioner == "nfs-storage" && sc.reclaimPolicy == "Delete" && sc.volumeBindingMode == "Immediate")
        #expect(c.now - (sc.metadata.creationTimestamp?.seconds ?? 0) == 14 * 86400)
        try c.create(claim("plain"), namespace: "default")
        let created = try get(c, "plain")
        #expect(created.spec?.storageClassName == "nfs-client-storageclass")
        #expect(created.spec?.volumeMode == "Filesystem")
        #expect(created.metadata.finalizers == ["kubernetes.io/pvc-protection"])
        c.advance(by: 0.5)
        #expect(try get(c, "plain").phase == "Pending")
        c.advance(by: 1)
        let bound = try get(c, "plain")
        #expect(bound.phase == "Bound")
        #expect(bound.spec?.volumeName == "pvc-\(bound.metadata.uid ?? "")")
        #expect(bound.status?.accessModes == ["ReadWriteOnce"])
        #expect(bound.metadata.annotations?["pv.kubernetes.io/bind-completed"] == "yes")
        #expect(bound.metadata.annotations?["volume.kubernetes.io/storage-provisioner"] == "nfs-storage")
        let reasons = c.events(for: bound).map { $0.reason ?? "" }
        #expect(reasons == ["ExternalProvisioning", "Provisioning", "ProvisioningSucceeded"])
        let first = try #require(c.events(for: bound).first)
        #expect(first.message == "Waiting for a volume to be created either by the external provisioner 'nfs-storage' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.")
        #expect(first.source?.component == "persistentvolume-controller")
    }

    @Test func legacyAnnotationSuppressesTheDefault() throws {
        let c = Cluster.standard()
        try c.create(claim("legacy", legacyClass: "nfs-client-storageclass"), namespace: "default")
        let created = try get(c, "legacy")
        #expect(created.spec?.storageClassName == nil)
        #expect(created.storageClass == "nfs-client-storageclass")
        c.advance(by: 2)
        #expect(try get(c, "legacy").phase == "Bound")
    }

    @Test func unknownClassStaysPendingAndSoDoesItsPod() throws {
        let c = Cluster.standard()
        try c.create(claim("lost", storageClass: "foo"), namespace: "default")
        try c.create(podUsing("lost"), namespace: "default")
        c.advance(by: 30)
        let pending = try get(c, "lost")
        #expect(pending.phase == "Pending")
        let e = try #require(c.events(for: pending).first)
        #expect(e.type == "Warning" && e.reason == "ProvisioningFailed")
        #expect(e.message == "storageclass.storage.k8s.io \"foo\" not found")
        let pod = try #require(c.store.get(Pod.self, namespace: "default", name: "user"))
        #expect(pod.spec?.nodeName == nil)
        let sched = try #require(c.events(for: pod).first)
        #expect(sched.reason == "FailedScheduling")
        #expect(sched.message == "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.")
        // The class appearing lets both go on.
        var sc = StorageClass(metadata: ObjectMeta(name: "foo"), provisioner: "nfs-storage")
        sc.reclaimPolicy = "Retain"
        try c.create(sc, namespace: "")
        c.settle(limit: 60)
        #expect(try get(c, "lost").phase == "Bound")
        #expect(c.store.get(Pod.self, namespace: "default", name: "user")?.phase == "Running")
    }

    @Test func missingClaimBlocksScheduling() throws {
        let c = Cluster.standard()
        try c.create(podUsing("nothere"), namespace: "default")
        c.advance(by: 1)
        let pod = try #require(c.store.get(Pod.self, namespace: "default", name: "user"))
        #expect(c.events(for: pod).first?.message == "0/3 nodes are available: persistentvolumeclaim \"nothere\" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.")
        try c.create(claim("nothere"), namespace: "default")
        c.settle(limit: 60)
        #expect(c.store.get(Pod.self, namespace: "default", name: "user")?.phase == "Running")
    }

    @Test func reclaimDeleteRemovesTheVolumeAndRetainReleasesIt() throws {
        let c = Cluster.standard()
        var retain = StorageClass(metadata: ObjectMeta(name: "keep"), provisioner: "nfs-storage")
        retain.reclaimPolicy = "Retain"
        try c.create(retain, namespace: "")
        try c.create(claim("gone"), namespace: "default")
        try c.create(claim("kept", storageClass: "keep"), namespace: "default")
        c.settle(limit: 60)
        let goneVolume = try #require(try get(c, "gone").spec?.volumeName)
        let keptVolume = try #require(try get(c, "kept").spec?.volumeName)
        try c.delete(.persistentvolumeclaims, namespace: "default", name: "gone")
        try c.delete(.persistentvolumeclaims, namespace: "default", name: "kept")
        c.settle(limit: 60)
        #expect(c.store.get(PersistentVolumeClaim.self, namespace: "default", name: "gone") == nil)
        #expect(c.store.get(PersistentVolume.self, namespace: "", name: goneVolume) == nil)
        let kept = try #require(c.store.get(PersistentVolume.self, namespace: "", name: keptVolume))
        #expect(kept.phase == "Released")
        #expect(kept.spec?.claimRef?.name == "kept")
    }

    @Test func claimInUseWaitsForItsPod() throws {
        let c = Cluster.standard()
        try c.create(claim("busy"), namespace: "default")
        try c.create(podUsing("busy"), namespace: "default")
        c.settle(limit: 60)
        try c.delete(.persistentvolumeclaims, namespace: "default", name: "busy")
        c.advance(by: 5)
        #expect(try get(c, "busy").metadata.deletionTimestamp != nil)
        try c.delete(.pods, namespace: "default", name: "user")
        c.settle(limit: 60)
        #expect(c.store.get(PersistentVolumeClaim.self, namespace: "default", name: "busy") == nil)
    }

    @Test func staticVolumeBindsToAFittingClaim() throws {
        let c = Cluster.standard()
        var spec = PersistentVolumeSpec()
        spec.capacity = ["storage": Quantity("5Gi")]
        spec.accessModes = ["ReadWriteOnce", "ReadWriteMany"]
        spec.nfs = NFSVolumeSource(server: "192.168.10.20", path: "/opt/k8s/static")
        spec.storageClassName = ""
        try c.create(PersistentVolume(metadata: ObjectMeta(name: "pv-static"), spec: spec), namespace: "")
        c.advance(by: 1)
        #expect(c.store.get(PersistentVolume.self, namespace: "", name: "pv-static")?.phase == "Available")
        try c.create(claim("static", storageClass: ""), namespace: "default")
        c.settle(limit: 30)
        let bound = try get(c, "static")
        #expect(bound.spec?.volumeName == "pv-static")
        #expect(bound.status?.capacity?["storage"] == Quantity("5Gi"))
        #expect(c.store.get(PersistentVolume.self, namespace: "", name: "pv-static")?.spec?.persistentVolumeReclaimPolicy == "Retain")
    }

    @Test func waitForFirstConsumerBindsOnceAPodIsScheduled() throws {
        let c = Cluster.standard()
        var sc = StorageClass(metadata: ObjectMeta(name: "later"), provisioner: "nfs-storage")
        sc.volumeBindingMode = "WaitForFirstConsumer"
        try c.create(sc, namespace: "")
        try c.create(claim("wait", storageClass: "later"), namespace: "default")
        c.advance(by: 10)
        let waiting = try get(c, "wait")
        #expect(waiting.phase == "Pending")
        #expect(c.events(for: waiting).map { $0.reason ?? "" } == ["WaitForFirstConsumer"])
        #expect(c.events(for: waiting).first?.message == "waiting for first consumer to be created before binding")
        try c.create(podUsing("wait"), namespace: "default")
        c.settle(limit: 60)
        #expect(try get(c, "wait").phase == "Bound")
        #expect(c.store.get(Pod.self, namespace: "default", name: "user")?.phase == "Running")
    }

    @Test func validation() throws {
        let c = Cluster.standard()
        var bad = claim("bad", modes: [])
        bad.spec?.resources = nil
        do {
            try c.create(bad, namespace: "default")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("spec.accessModes: Required value: at least 1 access mode is required"))
            #expect(error.message.contains("spec.resources[storage]: Required value"))
        }
        do {
            try c.create(claim("odd", modes: ["ReadSometimes"]), namespace: "default")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("spec.accessModes: Unsupported value: \"ReadSometimes\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\""))
        }
    }

    @Test func tables() throws {
        let c = Cluster.standard()
        let t = c.table(.storageclasses, c.store.list(.storageclasses))
        #expect(t.columns.map(\.name) == ["Name", "Provisioner", "ReclaimPolicy", "VolumeBindingMode", "AllowVolumeExpansion", "Age"])
        #expect(t.rows == [["nfs-client-storageclass (default)", "nfs-storage", "Delete", "Immediate", "false", "14d"]])
        try c.create(claim("x"), namespace: "default")
        let pending = c.table(.persistentvolumeclaims, c.store.list(.persistentvolumeclaims, namespace: "default"))
        #expect(pending.rows == [["x", "Pending", "", "", "", "nfs-client-storageclass", "<unset>", "0s", "Filesystem"]])
    }
}
