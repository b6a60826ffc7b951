import KubeAPI

/// The apiserver's side of DaemonSets (pkg/registry/apps/daemonset, pkg/apis/apps/v1
/// defaults and validation): defaults, validation in the apiserver's words, the template
/// generation annotation, and the `kubectl get ds` table.
extension DaemonSet: KindStrategy {
    static let templateGenerationKey = "deprecated.daemonset.template.generation"

    mutating func applyDefaults() {
        var s = spec ?? DaemonSetSpec()
        var strategy = s.updateStrategy ?? DaemonSetUpdateStrategy()
        if strategy.type == nil { strategy.type = "RollingUpdate" }
        if strategy.type == "RollingUpdate" {
            var ru = strategy.rollingUpdate ?? DaemonSetUpdateStrategy.RollingUpdate()
            if ru.maxUnavailable == nil { ru.maxUnavailable = .int(1) }
            if ru.maxSurge == nil { ru.maxSurge = .int(0) }
            strategy.rollingUpdate = ru
        }
        s.updateStrategy = strategy
        if s.revisionHistoryLimit == nil { s.revisionHistoryLimit = 10 }
        Defaults.template(&s.template)
        spec = s
    }

    func validate(old: DaemonSet?) -> [FieldError] {
        var errs = Validation.controllerSpec(replicas: nil, selector: spec?.selector, template: spec?.template, kindWord: "daemonset")
        if let m = spec?.minReadySeconds, m < 0 {
            errs.append(FieldError("spec.minReadySeconds", .invalid(value: String(m), detail: "must be greater than or equal to 0")))
        }
        if let r = spec?.revisionHistoryLimit, r < 0 {
            errs.append(FieldError("spec.revisionHistoryLimit", .invalid(value: String(r), detail: "must be greater than or equal to 0")))
        }
        errs += Self.validateStrategy(spec?.updateStrategy)
        if let o = old, o.spec?.selector != spec?.selector {
            errs.append(FieldError("spec.selector", .invalid(value: Validation.goSelector(spec?.selector), detail: "field is immutable")))
        }
        return errs
    }

    /// ValidateDaemonSetUpdateStrategy / ValidateRollingUpdateDaemonSet.
    static func validateStrategy(_ s: DaemonSetUpdateStrategy?) -> [FieldError] {
        guard let s else { return [] }
        var errs: [FieldError] = []
        switch s.type {
        case "OnDelete":
            break
        case "RollingUpdate", nil:
            guard let ru = s.rollingUpdate else {
                return [FieldError("spec.updateStrategy.rollingUpdate", .required(detail: ""))]
            }
            let path = "spec.updateStrategy.rollingUpdate"
            for (name, v) in [("maxUnavailable", ru.maxUnavailable), ("maxSurge", ru.maxSurge)] {
                guard let v else { continue }
                switch v {
                case .int(let i) where i < 0:
                    errs.append(FieldError("\(path).\(name)", .invalid(value: String(i), detail: "must be greater than or equal to 0")))
                case .string(let str) where !(str.hasSuffix("%") && Int(str.dropLast()) != nil):
                    errs.append(FieldError("\(path).\(name)", .invalid(value: FieldError.quote(str), detail: "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")))
                default: break
                }
            }
            for (name, v) in [("maxUnavailable", ru.maxUnavailable), ("maxSurge", ru.maxSurge)] {
                if case .string(let str)? = v, let n = Int(str.dropLast()), str.hasSuffix("%"), n > 100 {
                    errs.append(FieldError("\(path).\(name)", .invalid(value: FieldError.quote(str), detail: "must not be greater than 100%")))
                }
            }
            let hasUnavailable = value(ru.maxUnavailable) != 0, hasSurge = value(ru.maxSurge) != 0
            if hasUnavailable && hasSurge {
                errs.append(FieldError("\(path).maxSurge", .invalid(value: ru.maxSurge.map(goIntOrString) ?? "0", detail: "may not be set when maxUnavailable is non-zero")))
            } else if !hasUnavailable && !hasSurge {
                errs.append(FieldError("\(path).maxUnavailable", .required(detail: "cannot be 0 when maxSurge is 0")))
            }
        case let t?:
            errs.append(FieldError("spec.updateStrategy", .unsupported(value: "apps.DaemonSetUpdateStrategy{Type:\"\(t)\", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}", supported: ["RollingUpdate", "OnDelete"])))
        }
        return errs
    }

    /// getIntOrPercentValue: the number, or the percentage's number.
    private static func value(_ v: IntOrString?) -> Int {
        switch v {
        case .int(let i)?: return i
        case .string(let s)?: return s.hasSuffix("%") ? Int(s.dropLast()) ?? 0 : 0
        case nil: return 0
        }
    }

    private static func goIntOrString(_ v: IntOrString) -> String {
        switch v {
        case .int(let i): return String(i)
        case .string(let s): return FieldError.quote(s)
        }
    }

    /// The registry's PrepareForCreate/PrepareForUpdate: the template generation, kept in
    /// the `deprecated.daemonset.template.generation` annotation, starts at 1 and goes up
    /// with each template change.
    mutating func admit(in cluster: Cluster, old: DaemonSet?) throws(APIError) {
        var ann = metadata.annotations ?? [:]
        if let old {
            let oldGen = Int(old.metadata.annotations?[Self.templateGenerationKey] ?? "") ?? 1
            ann[Self.templateGenerationKey] = String(old.spec?.template != spec?.template ? oldGen + 1 : oldGen)
        } else {
            ann[Self.templateGenerationKey] = "1"
        }
        metadata.annotations = ann
    }

    var templateGeneration: Int? { Int(metadata.annotations?[Self.templateGenerationKey] ?? "") }

    static func table(_ objects: [DaemonSet], in cluster: Cluster) -> Table {
        let names = ["Name", "Desired", "Current", "Ready", "Up-to-date", "Available", "Node Selector", "Age"]
        let columns = names.map { Table.Column(name: $0, priority: 0) }
            + ["Containers", "Images", "Selector"].map { Table.Column(name: $0, priority: 1) }
        return Table(columns: columns, rows: objects.map { ds in
            let st = ds.status ?? DaemonSetStatus()
            let cs = ds.spec?.template?.spec?.containers ?? []
            let nodeSelector = (ds.spec?.template?.spec?.nodeSelector ?? [:]).sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return [ds.name, String(st.desiredNumberScheduled), String(st.currentNumberScheduled), String(st.numberReady),
                    String(st.updatedNumberScheduled ?? 0), String(st.numberAvailable ?? 0),
                    nodeSelector.isEmpty ? "<none>" : nodeSelector, cluster.age(ds),
                    cs.map(\.name).joined(separator: ","), cs.map { $0.image ?? "" }.joined(separator: ","),
                    ds.spec?.selector?.formatted ?? "<none>"]
        })
    }
}

extension DaemonSet: HasStatus {}
