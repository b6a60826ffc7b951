import KubeAPI

/// The apiserver's side of StatefulSets: apps/v1 defaulting, validation (including which
/// spec fields may change) and the `kubectl get sts` table.
extension StatefulSet: HasStatus {}

extension StatefulSet: KindStrategy {
    mutating func applyDefaults() {
        var s = spec ?? StatefulSetSpec()
        if s.replicas == nil { s.replicas = 1 }
        if s.podManagementPolicy == nil { s.podManagementPolicy = "OrderedReady" }
        var u = s.updateStrategy ?? StatefulSetUpdateStrategy()
        if u.type == nil { u.type = "RollingUpdate" }
        if u.type == "RollingUpdate" {
            var ru = u.rollingUpdate ?? StatefulSetUpdateStrategy.RollingUpdate()
            if ru.partition == nil { ru.partition = 0 }
            u.rollingUpdate = ru
        }
        s.updateStrategy = u
        if s.revisionHistoryLimit == nil { s.revisionHistoryLimit = 10 }
        var retention = s.persistentVolumeClaimRetentionPolicy ?? StatefulSetPVCRetentionPolicy()
        if retention.whenDeleted == nil { retention.whenDeleted = "Retain" }
        if retention.whenScaled == nil { retention.whenScaled = "Retain" }
        s.persistentVolumeClaimRetentionPolicy = retention
        Defaults.template(&s.template)
        s.volumeClaimTemplates = s.volumeClaimTemplates?.map { t in
            // Claim templates are whole PersistentVolumeClaims to the apiserver: typed,
            // defaulted, with a Pending status.
            var t = t
            t.apiVersion = "v1"
            t.kind = "PersistentVolumeClaim"
            var cs = t.spec ?? PersistentVolumeClaimSpec()
            if cs.volumeMode == nil { cs.volumeMode = "Filesystem" }
            t.spec = cs
            var st = t.status ?? PersistentVolumeClaimStatus()
            if st.phase == nil { st.phase = "Pending" }
            t.status = st
            return t
        }
        spec = s
    }

    func validate(old: StatefulSet?) -> [FieldError] {
        var errs = Validation.controllerSpec(replicas: spec?.replicas, selector: spec?.selector, template: spec?.template,
                                             kindWord: "statefulset")
        if let p = spec?.podManagementPolicy, !["OrderedReady", "Parallel"].contains(p) {
            errs.append(FieldError("spec.podManagementPolicy", .invalid(value: FieldError.quote(p), detail: "must be 'OrderedReady' or 'Parallel'")))
        }
        switch spec?.updateStrategy?.type {
        case "RollingUpdate", nil:
            if let p = spec?.updateStrategy?.rollingUpdate?.partition, p < 0 {
                errs.append(FieldError("spec.updateStrategy.rollingUpdate.partition", .invalid(value: String(p), detail: "must be greater than or equal to 0")))
            }
        case "OnDelete":
            if spec?.updateStrategy?.rollingUpdate != nil {
                errs.append(FieldError("spec.updateStrategy.rollingUpdate", .invalid(value: "apps.RollingUpdateStatefulSetStrategy", detail: "only allowed for updateStrategy 'RollingUpdate'")))
            }
        case let t?:
            errs.append(FieldError("spec.updateStrategy", .invalid(value: FieldError.quote(t), detail: "must be 'RollingUpdate' or 'OnDelete'")))
        }
        for (name, v) in [("whenDeleted", spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted),
                          ("whenScaled", spec?.persistentVolumeClaimRetentionPolicy?.whenScaled)] {
            if let v, !["Retain", "Delete"].contains(v) {
                errs.append(FieldError("spec.persistentVolumeClaimRetentionPolicy.\(name)", .unsupported(value: FieldError.quote(v), supported: ["Retain", "Delete"])))
            }
        }
        if let start = spec?.ordinals?.start, start < 0 {
            errs.append(FieldError("spec.ordinals.start", .invalid(value: String(start), detail: "must be greater than or equal to 0")))
        }
        for (i, t) in (spec?.volumeClaimTemplates ?? []).enumerated() {
            errs += PersistentVolumeClaim.validateSpec(t.spec, path: "spec.volumeClaimTemplates[\(i)].spec")
        }
        if let old, var a = old.spec, var b = spec {
            // Only these may change (ValidateStatefulSetUpdate).
            a.replicas = nil; b.replicas = nil
            a.ordinals = nil; b.ordinals = nil
            a.template = nil; b.template = nil
            a.updateStrategy = nil; b.updateStrategy = nil
            a.persistentVolumeClaimRetentionPolicy = nil; b.persistentVolumeClaimRetentionPolicy = nil
            a.minReadySeconds = nil; b.minReadySeconds = nil
            // Generated fields and defaults the client never sent compare equal.
            a.revisionHistoryLimit = nil; b.revisionHistoryLimit = nil
            if a != b {
                errs.append(FieldError("spec", .forbidden(detail: "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")))
            }
        }
        return errs
    }

    static func table(_ objects: [StatefulSet], in cluster: Cluster) -> Table {
        let cols = [Table.Column(name: "Name", priority: 0), Table.Column(name: "Ready", priority: 0), Table.Column(name: "Age", priority: 0),
                    Table.Column(name: "Containers", priority: 1), Table.Column(name: "Images", priority: 1)]
        return Table(columns: cols, rows: objects.map { s in
            let cs = s.spec?.template?.spec?.containers ?? []
            return [s.name, "\(s.status?.readyReplicas ?? 0)/\(s.specReplicas)", cluster.age(s),
                    cs.map(\.name).joined(separator: ","), cs.map { $0.image ?? "" }.joined(separator: ",")]
        })
    }
}
