import KubeAPI

/// The apiserver's registry for persistent storage: defaulting, validation, admission and the
/// server-side tables of PersistentVolumeClaim, PersistentVolume, StorageClass and
/// ControllerRevision (pkg/apis/core/v1/defaults.go, pkg/apis/core/validation,
/// pkg/registry/*, pkg/printers/internalversion/printers.go of Kubernetes 1.32).
enum StorageNames {
    static let betaClassAnnotation = "volume.beta.kubernetes.io/storage-class"
    static let defaultClassAnnotation = "storageclass.kubernetes.io/is-default-class"
    static let betaDefaultClassAnnotation = "storageclass.beta.kubernetes.io/is-default-class"
    static let pvcProtection = "kubernetes.io/pvc-protection"
    static let pvProtection = "kubernetes.io/pv-protection"
    static let accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]

    /// helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, comma-separated.
    static func accessModesString(_ modes: [String]?) -> String {
        let m = modes ?? []
        return [("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP")]
            .filter { m.contains($0.0) }.map(\.1).joined(separator: ",")
    }

    /// storageutil.IsDefaultAnnotation.
    static func isDefault(_ sc: StorageClass) -> Bool {
        let a = sc.metadata.annotations ?? [:]
        return a[defaultClassAnnotation] == "true" || a[betaDefaultClassAnnotation] == "true"
    }
}

extension PersistentVolumeClaim {
    /// helper.GetPersistentVolumeClaimClass: the legacy annotation wins over the field.
    public var storageClass: String {
        if let a = metadata.annotations?[StorageNames.betaClassAnnotation] { return a }
        return spec?.storageClassName ?? ""
    }
    /// PersistentVolumeClaimHasClass: whether the claim names a class at all (even "").
    var namesClass: Bool {
        metadata.annotations?[StorageNames.betaClassAnnotation] != nil || spec?.storageClassName != nil
    }
    public var phase: String { status?.phase ?? "Pending" }
}

extension PersistentVolume {
    /// helper.GetPersistentVolumeClass.
    public var storageClass: String {
        if let a = metadata.annotations?[StorageNames.betaClassAnnotation] { return a }
        return spec?.storageClassName ?? ""
    }
    public var phase: String { status?.phase ?? "Pending" }
}

extension PersistentVolumeClaim: HasStatus {}
extension PersistentVolume: HasStatus {}

extension PersistentVolumeClaim: KindStrategy {
    mutating func applyDefaults() {
        var s = spec ?? PersistentVolumeClaimSpec()
        if s.volumeMode == nil { s.volumeMode = "Filesystem" }
        spec = s
        var st = status ?? PersistentVolumeClaimStatus()
        if st.phase == nil { st.phase = "Pending" }
        status = st
    }

    func validate(old: PersistentVolumeClaim?) -> [FieldError] {
        var errs = Self.validateSpec(spec, path: "spec")
        if let old, old.spec?.resources == spec?.resources {
            var a = old.spec, b = spec
            // What may change after creation: the volume it binds to (set by the binder once)
            // and the requests (expansion).
            if a?.volumeName == nil { a?.volumeName = b?.volumeName }
            a?.resources = nil; b?.resources = nil
            a?.volumeAttributesClassName = nil; b?.volumeAttributesClassName = nil
            if a != b {
                errs.append(FieldError("spec", .forbidden(detail: "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims")))
            }
        }
        return errs
    }

    /// ValidatePersistentVolumeClaimSpec (also used for StatefulSet claim templates).
    static func validateSpec(_ spec: PersistentVolumeClaimSpec?, path: String) -> [FieldError] {
        var errs: [FieldError] = []
        let modes = spec?.accessModes ?? []
        if modes.isEmpty {
            errs.append(FieldError("\(path).accessModes", .required(detail: "at least 1 access mode is required")))
        }
        for m in modes where !StorageNames.accessModes.contains(m) {
            errs.append(FieldError("\(path).accessModes", .unsupported(value: FieldError.quote(m), supported: StorageNames.accessModes)))
        }
        if spec?.resources?.requests?["storage"] == nil {
            errs.append(FieldError("\(path).resources[storage]", .required(detail: "")))
        }
        if let vm = spec?.volumeMode, !["Block", "Filesystem"].contains(vm) {
            errs.append(FieldError("\(path).volumeMode", .unsupported(value: FieldError.quote(vm), supported: ["Block", "Filesystem"])))
        }
        return errs
    }

    /// The DefaultStorageClass admission plugin, and the pvc-protection finalizer the
    /// StorageObjectInUseProtection plugin adds. A claim that names a class (the field, even
    /// empty, or the legacy annotation) keeps it.
    mutating func admit(in cluster: Cluster, old: PersistentVolumeClaim?) throws(APIError) {
        guard old == nil else { return }
        if !namesClass, let def = cluster.defaultStorageClass() {
            spec = spec ?? PersistentVolumeClaimSpec()
            spec?.storageClassName = def.name
        }
        var f = metadata.finalizers ?? []
        if !f.contains(StorageNames.pvcProtection) { f.append(StorageNames.pvcProtection) }
        metadata.finalizers = f
    }

    static func table(_ objects: [PersistentVolumeClaim], in cluster: Cluster) -> Table {
        let cols = ["Name", "Status", "Volume", "Capacity", "Access Modes", "StorageClass", "VolumeAttributesClass", "Age"]
            .map { Table.Column(name: $0, priority: 0) } + [Table.Column(name: "VolumeMode", priority: 1)]
        return Table(columns: cols, rows: objects.map { c in
            let phase = c.metadata.deletionTimestamp != nil ? "Terminating" : (c.status?.phase ?? "")
            let volume = c.spec?.volumeName ?? ""
            let bound = !volume.isEmpty
            return [c.name, phase, volume, bound ? (c.status?.capacity?["storage"]?.text ?? "0") : "",
                    bound ? StorageNames.accessModesString(c.status?.accessModes) : "", c.storageClass,
                    c.spec?.volumeAttributesClassName ?? "<unset>", cluster.age(c), c.spec?.volumeMode ?? "<unset>"]
        })
    }

    static var tracksGeneration: Bool { false }
}

extension PersistentVolume: KindStrategy {
    mutating func applyDefaults() {
        var s = spec ?? PersistentVolumeSpec()
        if s.persistentVolumeReclaimPolicy == nil { s.persistentVolumeReclaimPolicy = "Retain" }
        if s.volumeMode == nil { s.volumeMode = "Filesystem" }
        spec = s
        var st = status ?? PersistentVolumeStatus()
        if st.phase == nil { st.phase = "Pending" }
        status = st
    }

    func validate(old: PersistentVolume?) -> [FieldError] {
        var errs: [FieldError] = []
        let s = spec
        if s?.accessModes?.isEmpty ?? true {
            errs.append(FieldError("spec.accessModes", .required(detail: "")))
        }
        for m in s?.accessModes ?? [] where !StorageNames.accessModes.contains(m) {
            errs.append(FieldError("spec.accessModes", .unsupported(value: FieldError.quote(m), supported: StorageNames.accessModes)))
        }
        if s?.capacity?.isEmpty ?? true {
            errs.append(FieldError("spec.capacity", .required(detail: "")))
        } else if s?.capacity?["storage"] == nil {
            errs.append(FieldError("spec.capacity", .notFound(value: "\"storage\"")))
        }
        if let p = s?.persistentVolumeReclaimPolicy, !["Delete", "Recycle", "Retain"].contains(p) {
            errs.append(FieldError("spec.persistentVolumeReclaimPolicy", .unsupported(value: FieldError.quote(p), supported: ["Delete", "Recycle", "Retain"])))
        }
        if s?.nfs == nil && s?.hostPath == nil && s?.local == nil && s?.csi == nil {
            errs.append(FieldError("spec", .required(detail: "must specify a volume type")))
        }
        return errs
    }

    mutating func admit(in cluster: Cluster, old: PersistentVolume?) throws(APIError) {
        guard old == nil else { return }
        var f = metadata.finalizers ?? []
        if !f.contains(StorageNames.pvProtection) { f.append(StorageNames.pvProtection) }
        metadata.finalizers = f
    }

    static func table(_ objects: [PersistentVolume], in cluster: Cluster) -> Table {
        let cols = ["Name", "Capacity", "Access Modes", "Reclaim Policy", "Status", "Claim", "StorageClass",
                    "VolumeAttributesClass", "Reason", "Age"].map { Table.Column(name: $0, priority: 0) }
            + [Table.Column(name: "VolumeMode", priority: 1)]
        return Table(columns: cols, rows: objects.map { v in
            let phase = v.metadata.deletionTimestamp != nil ? "Terminating" : (v.status?.phase ?? "")
            let claim = v.spec?.claimRef.map { "\($0.namespace ?? "")/\($0.name ?? "")" } ?? ""
            return [v.name, v.spec?.capacity?["storage"]?.text ?? "0", StorageNames.accessModesString(v.spec?.accessModes),
                    v.spec?.persistentVolumeReclaimPolicy ?? "", phase, claim, v.storageClass,
                    "<unset>", v.status?.reason ?? "", cluster.age(v), v.spec?.volumeMode ?? "<unset>"]
        })
    }

    static var tracksGeneration: Bool { false }
}

extension StorageClass: KindStrategy {
    mutating func applyDefaults() {
        if reclaimPolicy == nil { reclaimPolicy = "Delete" }
        if volumeBindingMode == nil { volumeBindingMode = "Immediate" }
    }

    func validate(old: StorageClass?) -> [FieldError] {
        var errs: [FieldError] = []
        if (provisioner ?? "").isEmpty {
            errs.append(FieldError("provisioner", .required(detail: "")))
        }
        if let p = reclaimPolicy, !["Delete", "Retain"].contains(p) {
            errs.append(FieldError("reclaimPolicy", .unsupported(value: FieldError.quote(p), supported: ["Delete", "Retain"])))
        }
        if let m = volumeBindingMode, !["Immediate", "WaitForFirstConsumer"].contains(m) {
            errs.append(FieldError("volumeBindingMode", .unsupported(value: FieldError.quote(m), supported: ["Immediate", "WaitForFirstConsumer"])))
        }
        if let old {
            if old.parameters != parameters {
                errs.append(FieldError("parameters", .forbidden(detail: "updates to parameters are forbidden.")))
            }
            if old.provisioner != provisioner {
                errs.append(FieldError("provisioner", .forbidden(detail: "updates to provisioner are forbidden.")))
            }
            if old.reclaimPolicy != reclaimPolicy {
                errs.append(FieldError("reclaimPolicy", .forbidden(detail: "updates to reclaimPolicy are forbidden.")))
            }
            if old.volumeBindingMode != volumeBindingMode {
                errs.append(FieldError("volumeBindingMode", .invalid(value: FieldError.quote(volumeBindingMode ?? ""), detail: "field is immutable")))
            }
        }
        return errs
    }

    static func table(_ objects: [StorageClass], in cluster: Cluster) -> Table {
        let cols = ["Name", "Provisioner", "ReclaimPolicy", "VolumeBindingMode", "AllowVolumeExpansion", "Age"]
            .map { Table.Column(name: $0, priority: 0) }
        return Table(columns: cols, rows: objects.map { sc in
            [sc.name + (StorageNames.isDefault(sc) ? " (default)" : ""), sc.provisioner ?? "", sc.reclaimPolicy ?? "Delete",
             sc.volumeBindingMode ?? "Immediate", sc.allowVolumeExpansion == true ? "true" : "false", cluster.age(sc)]
        })
    }

    static var tracksGeneration: Bool { false }
}

extension ControllerRevision: KindStrategy {
    func validate(old: ControllerRevision?) -> [FieldError] {
        var errs: [FieldError] = []
        if revision < 0 {
            errs.append(FieldError("revision", .invalid(value: String(revision), detail: "must be greater than or equal to 0")))
        }
        if let old, old.data != data {
            errs.append(FieldError("data", .invalid(value: "runtime.RawExtension{Raw:[]uint8(nil), Object:runtime.Object(nil)}", detail: "field is immutable")))
        }
        return errs
    }

    static func table(_ objects: [ControllerRevision], in cluster: Cluster) -> Table {
        let cols = ["Name", "Controller", "Revision", "Age"].map { Table.Column(name: $0, priority: 0) }
        return Table(columns: cols, rows: objects.map { cr in
            let controller = cr.metadata.controllerRef.map { ref -> String in
                let group = ref.apiVersion.contains("/") ? String(ref.apiVersion.split(separator: "/")[0]) : ""
                return ref.kind.lowercased() + (group.isEmpty ? "" : ".\(group)") + "/" + ref.name
            } ?? "<none>"
            return [cr.name, controller, String(cr.revision), cluster.age(cr)]
        })
    }

    static var tracksGeneration: Bool { false }
}

extension Cluster {
    /// util.GetDefaultClass: the default class (the newest if several are marked).
    func defaultStorageClass() -> StorageClass? {
        store.list(StorageClass.self).filter(StorageNames.isDefault).max {
            let a = $0.metadata.creationTimestamp?.seconds ?? 0, b = $1.metadata.creationTimestamp?.seconds ?? 0
            return a != b ? a < b : $0.name > $1.name
        }
    }
}
