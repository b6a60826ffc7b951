import KubeAPI

/// persistentvolume-controller (pkg/controller/volume/persistentvolume) with the pvc- and
/// pv-protection controllers folded in:
/// - binds pending claims to matching Available volumes, or asks the class's external
///   provisioner for one (`ExternalProvisioning`), or reports why it can't
///   (`ProvisioningFailed` for a class that doesn't exist);
/// - completes the binding of volumes made for a claim (claimRef set by the provisioner);
/// - releases a volume whose claim is gone and reclaims it: `Delete` removes it, `Retain`
///   leaves it `Released`;
/// - removes the protection finalizers once a claim is used by no pod / a volume is unbound.
///
/// Keys: `c|NAMESPACE/NAME` for claims, `v|NAME` for volumes.
final class PersistentVolumeController: Controller {
    static let component = "persistentvolume-controller"
    static let bindCompleted = "pv.kubernetes.io/bind-completed"
    static let boundByController = "pv.kubernetes.io/bound-by-controller"
    static let provisionerAnnotations = ["volume.beta.kubernetes.io/storage-provisioner", "volume.kubernetes.io/storage-provisioner"]
    static let provisionedBy = "pv.kubernetes.io/provisioned-by"

    let provisioner = NFSProvisioner()

    let watchedKinds: Set<String>? = ["PersistentVolumeClaim", "PersistentVolume", "StorageClass", "Pod"]

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        switch change.object {
        case let c as PersistentVolumeClaim:
            var keys = ["c|" + ObjectStore.key(c.namespace, c.name)]
            if change.type == .deleted {
                // Its volume is released.
                keys += cluster.store.list(PersistentVolume.self)
                    .filter { $0.spec?.claimRef?.uid == c.metadata.uid }.map { "v|" + $0.name }
            }
            return keys
        case let v as PersistentVolume:
            var keys = change.type == .deleted ? [] : ["v|" + v.name]
            if let ref = v.spec?.claimRef, let ns = ref.namespace, let n = ref.name { keys.append("c|" + ObjectStore.key(ns, n)) }
            return keys
        case let sc as StorageClass:
            // Claims waiting for this class may now be provisioned.
            return cluster.store.list(PersistentVolumeClaim.self)
                .filter { $0.storageClass == sc.name && ($0.spec?.volumeName ?? "").isEmpty }
                .map { "c|" + ObjectStore.key($0.namespace, $0.name) }
        case let p as Pod:
            var keys: [String] = []
            // A pod that stops using its claims may let a deleted claim go.
            let gone = change.type == .deleted || ["Succeeded", "Failed"].contains(p.phase)
            if gone {
                for claim in p.claimNames {
                    if let c = cluster.store.get(PersistentVolumeClaim.self, namespace: p.namespace, name: claim),
                       c.metadata.deletionTimestamp != nil { keys.append("c|" + ObjectStore.key(p.namespace, claim)) }
                }
            }
            // The provisioner's own pod starting or stopping.
            if p.metadata.labels?["app"] == "nfs-client-provisioner", p.namespace == "default" {
                keys += cluster.store.list(PersistentVolumeClaim.self)
                    .filter { ($0.spec?.volumeName ?? "").isEmpty && $0.metadata.deletionTimestamp == nil }
                    .map { "c|" + ObjectStore.key($0.namespace, $0.name) }
            }
            // A first consumer for a WaitForFirstConsumer claim: a pod scheduled to a node.
            if change.type != .deleted, p.spec?.nodeName != nil, (change.old as? Pod)?.spec?.nodeName == nil {
                for claim in p.claimNames { keys.append("c|" + ObjectStore.key(p.namespace, claim)) }
            }
            return keys
        default:
            return []
        }
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        if key.hasPrefix("c|") {
            let parts = key.dropFirst(2).split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let c = cluster.store.get(PersistentVolumeClaim.self, namespace: parts[0], name: parts[1]) else { return }
            syncClaim(c, cluster)
        } else if key.hasPrefix("v|") {
            guard let v = cluster.store.get(PersistentVolume.self, namespace: "", name: String(key.dropFirst(2))) else { return }
            syncVolume(v, cluster)
        }
    }

    // MARK: - Claims

    private func syncClaim(_ claim: PersistentVolumeClaim, _ cluster: Cluster) {
        if claim.metadata.deletionTimestamp != nil {
            releaseProtection(claim, cluster)
            return
        }
        let volumeName = claim.spec?.volumeName ?? ""
        if !volumeName.isEmpty {
            // Bound, or being bound: finish the job if the volume agrees.
            guard let v = cluster.store.get(PersistentVolume.self, namespace: "", name: volumeName) else {
                if claim.phase == "Bound" { setClaimPhase(claim, "Lost", nil, cluster) }
                return
            }
            if v.spec?.claimRef?.uid == claim.metadata.uid || v.spec?.claimRef == nil { bind(v, claim, cluster) }
            return
        }
        // Pre-bound volume (the provisioner's, or an administrator's claimRef).
        if let v = cluster.store.list(PersistentVolume.self).first(where: {
            $0.spec?.claimRef?.uid == claim.metadata.uid
                || ($0.spec?.claimRef?.uid == nil && $0.spec?.claimRef?.name == claim.name && $0.spec?.claimRef?.namespace == claim.namespace)
        }), v.metadata.deletionTimestamp == nil {
            bind(v, claim, cluster)
            return
        }
        if let v = findMatchingVolume(claim, cluster) {
            bind(v, claim, cluster)
            return
        }
        let className = claim.storageClass
        if className.isEmpty {
            cluster.recordEvent(for: claim, reason: "FailedBinding",
                                message: "no persistent volumes available for this claim and no storage class is set",
                                component: Self.component)
            return
        }
        guard let sc = cluster.store.get(StorageClass.self, namespace: "", name: className) else {
            cluster.recordEvent(for: claim, type: "Warning", reason: "ProvisioningFailed",
                                message: "storageclass.storage.k8s.io \"\(className)\" not found", component: Self.component)
            return
        }
        if sc.volumeBindingMode == "WaitForFirstConsumer", !cluster.hasConsumer(claim) {
            cluster.recordEvent(for: claim, reason: "WaitForFirstConsumer",
                                message: "waiting for first consumer to be created before binding", component: Self.component)
            return
        }
        let prov = sc.provisioner ?? ""
        var c = claim
        var ann = c.metadata.annotations ?? [:]
        let first = Self.provisionerAnnotations.contains { ann[$0] == nil }
        for k in Self.provisionerAnnotations where ann[k] == nil { ann[k] = prov }
        c.metadata.annotations = ann
        c = (cluster.write(c) as? PersistentVolumeClaim) ?? c
        // Once per claim: the real controller repeats it on its 15 s resync, which a
        // simulation without perpetual timers leaves out.
        if first { cluster.recordEvent(for: c, reason: "ExternalProvisioning",
                            message: "Waiting for a volume to be created either by the external provisioner '\(prov)' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
                            component: Self.component) }
        provisioner.request(c, class: sc, in: cluster)
    }

    /// A statically created volume that fits: same class, enough capacity, the access modes,
    /// Available. The smallest fitting one wins, as findBestMatchForClaim picks.
    private func findMatchingVolume(_ claim: PersistentVolumeClaim, _ cluster: Cluster) -> PersistentVolume? {
        let want = Quantities.bytes(claim.spec?.resources?.requests?["storage"]?.text ?? "0") ?? 0
        let modes = Set(claim.spec?.accessModes ?? [])
        let candidates = cluster.store.list(PersistentVolume.self).filter { v in
            v.metadata.deletionTimestamp == nil && v.spec?.claimRef == nil && v.phase == "Available"
                && v.storageClass == claim.storageClass
                && modes.isSubset(of: Set(v.spec?.accessModes ?? []))
                && (Quantities.bytes(v.spec?.capacity?["storage"]?.text ?? "0") ?? 0) >= want
                && (claim.spec?.selector.map { $0.matches(v.metadata.labels) } ?? true)
        }
        return candidates.min { a, b in
            let x = Quantities.bytes(a.spec?.capacity?["storage"]?.text ?? "0") ?? 0
            let y = Quantities.bytes(b.spec?.capacity?["storage"]?.text ?? "0") ?? 0
            return x != y ? x < y : a.name < b.name
        }
    }

    /// Binds volume and claim both ways (bindVolumeToClaim, bindClaimToVolume, status).
    private func bind(_ volume: PersistentVolume, _ claim: PersistentVolumeClaim, _ cluster: Cluster) {
        var v = volume
        if v.spec?.claimRef?.uid == nil {
            var ref = ObjectReference()
            ref.kind = "PersistentVolumeClaim"
            ref.namespace = claim.namespace
            ref.name = claim.name
            ref.uid = claim.metadata.uid
            ref.apiVersion = "v1"
            ref.resourceVersion = claim.metadata.resourceVersion
            v.spec?.claimRef = ref
            var ann = v.metadata.annotations ?? [:]
            ann[Self.boundByController] = "yes"
            v.metadata.annotations = ann
            v = (cluster.write(v) as? PersistentVolume) ?? v
        }
        if v.phase != "Bound" {
            var st = v.status ?? PersistentVolumeStatus()
            st.phase = "Bound"
            st.lastPhaseTransitionTime = cluster.time
            v.status = st
            v = cluster.updateStatus(v)
        }
        var c = claim
        if c.spec?.volumeName != v.name || c.metadata.annotations?[Self.bindCompleted] != "yes" {
            var ann = c.metadata.annotations ?? [:]
            let byController = (c.spec?.volumeName ?? "").isEmpty
            c.spec?.volumeName = v.name
            ann[Self.bindCompleted] = "yes"
            if byController { ann[Self.boundByController] = "yes" }
            c.metadata.annotations = ann
            c = (cluster.write(c) as? PersistentVolumeClaim) ?? c
        }
        if c.phase != "Bound" || c.status?.capacity == nil {
            var st = c.status ?? PersistentVolumeClaimStatus()
            st.phase = "Bound"
            st.accessModes = v.spec?.accessModes
            st.capacity = v.spec?.capacity
            c.status = st
            cluster.updateStatus(c)
        }
    }

    private func setClaimPhase(_ claim: PersistentVolumeClaim, _ phase: String, _ volume: PersistentVolume?, _ cluster: Cluster) {
        var c = claim
        var st = c.status ?? PersistentVolumeClaimStatus()
        st.phase = phase
        c.status = st
        cluster.updateStatus(c)
        if phase == "Lost" {
            cluster.recordEvent(for: c, type: "Warning", reason: "ClaimLost",
                                message: "Bound claim has lost its PersistentVolume. Data on the volume is lost!", component: Self.component)
        }
    }

    /// pvc-protection: a deleted claim goes once no pod that may still run uses it.
    private func releaseProtection(_ claim: PersistentVolumeClaim, _ cluster: Cluster) {
        guard claim.metadata.finalizers?.contains(StorageNames.pvcProtection) == true else { return }
        let used = cluster.store.list(Pod.self, namespace: claim.namespace).contains { p in
            !["Succeeded", "Failed"].contains(p.phase) && p.claimNames.contains(claim.name)
        }
        if used { return }
        var c = claim
        c.metadata.finalizers = c.metadata.finalizers?.filter { $0 != StorageNames.pvcProtection }
        if c.metadata.finalizers?.isEmpty == true { c.metadata.finalizers = nil }
        cluster.write(c)
    }

    // MARK: - Volumes

    private func syncVolume(_ volume: PersistentVolume, _ cluster: Cluster) {
        if volume.metadata.deletionTimestamp != nil {
            // pv-protection: an unbound volume may go.
            if volume.phase != "Bound", volume.metadata.finalizers?.contains(StorageNames.pvProtection) == true {
                var v = volume
                v.metadata.finalizers = v.metadata.finalizers?.filter { $0 != StorageNames.pvProtection }
                if v.metadata.finalizers?.isEmpty == true { v.metadata.finalizers = nil }
                cluster.write(v)
            }
            // A bound volume being deleted waits for its claim to go.
            if volume.phase == "Bound", let ref = volume.spec?.claimRef,
               cluster.store.get(PersistentVolumeClaim.self, namespace: ref.namespace ?? "", name: ref.name ?? "")?.metadata.uid != ref.uid {
                setVolumePhase(volume, "Released", cluster)
            }
            return
        }
        guard let ref = volume.spec?.claimRef else {
            if volume.phase == "Pending" || volume.phase == "Released" { setVolumePhase(volume, "Available", cluster) }
            return
        }
        let claim = cluster.store.get(PersistentVolumeClaim.self, namespace: ref.namespace ?? "", name: ref.name ?? "")
        if let claim, ref.uid == nil || claim.metadata.uid == ref.uid {
            // The claim side binds (syncClaim); a volume made for it is Pending until then.
            return
        }
        // The claim is gone (or replaced by another of the same name): released.
        guard ref.uid != nil else { return }
        if volume.phase != "Released" && volume.phase != "Failed" {
            setVolumePhase(volume, "Released", cluster)
        }
        if volume.spec?.persistentVolumeReclaimPolicy == "Delete" {
            provisioner.reclaim(volume, in: cluster)
        }
    }

    private func setVolumePhase(_ volume: PersistentVolume, _ phase: String, _ cluster: Cluster) {
        var v = volume
        var st = v.status ?? PersistentVolumeStatus()
        guard st.phase != phase else { return }
        st.phase = phase
        st.lastPhaseTransitionTime = cluster.time
        v.status = st
        cluster.updateStatus(v)
    }
}

extension Pod {
    /// The claims the pod's volumes name.
    var claimNames: [String] {
        (spec?.volumes ?? []).compactMap { $0.persistentVolumeClaim?.claimName }
    }
}

extension Cluster {
    /// Whether a scheduled pod (not being deleted) uses the claim: its first consumer.
    func hasConsumer(_ claim: PersistentVolumeClaim) -> Bool {
        store.list(Pod.self, namespace: claim.namespace).contains {
            $0.metadata.deletionTimestamp == nil && $0.spec?.nodeName != nil && $0.claimNames.contains(claim.name)
        }
    }

    /// Why the scheduler can't place a pod because of its claims (the VolumeBinding
    /// plugin's PreFilter), or nil when its claims are fine.
    func claimProblem(for pod: Pod) -> String? {
        var unbound = false
        for name in pod.claimNames {
            guard let c = store.get(PersistentVolumeClaim.self, namespace: pod.namespace, name: name) else {
                return "persistentvolumeclaim \"\(name)\" not found"
            }
            if c.metadata.deletionTimestamp != nil { return "persistentvolumeclaim \"\(name)\" is being deleted" }
            if (c.spec?.volumeName ?? "").isEmpty || c.phase != "Bound" {
                let mode = store.get(StorageClass.self, namespace: "", name: c.storageClass)?.volumeBindingMode
                if mode != "WaitForFirstConsumer" { unbound = true }
            }
        }
        return unbound ? "pod has unbound immediate PersistentVolumeClaims" : nil
    }

    /// The scheduler's keys for pending pods that use a claim (to retry after it binds).
    func pendingPodKeys(usingClaim claim: PersistentVolumeClaim) -> [String] {
        store.list(Pod.self, namespace: claim.namespace)
            .filter { $0.spec?.nodeName == nil && $0.metadata.deletionTimestamp == nil && $0.claimNames.contains(claim.name) }
            .map { ObjectStore.key($0.namespace, $0.name) }
    }
}

/// Storage sizes for comparing capacities (resource.Quantity's value in bytes).
enum Quantities {
    static func bytes(_ text: String) -> Double? {
        let suffixes: [(String, Double)] = [("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
                                            ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
                                            ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18), ("m", 1e-3)]
        for (s, f) in suffixes where text.hasSuffix(s) {
            return Double(text.dropLast(s.count)).map { $0 * f }
        }
        return Double(text)
    }
}
