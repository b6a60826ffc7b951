import Foundation

// StatefulSet, DaemonSet and ControllerRevision (apps/v1).

public struct StatefulSetUpdateStrategy: Codable, Sendable, Hashable {
    public struct RollingUpdate: Codable, Sendable, Hashable {
        public var partition: Int?
        public var maxUnavailable: IntOrString?
        public init() {}
    }
    public var type: String?
    public var rollingUpdate: RollingUpdate?
    public init() {}
}

public struct StatefulSetPVCRetentionPolicy: Codable, Sendable, Hashable {
    public var whenDeleted: String?
    public var whenScaled: String?
    public init() {}
}

public struct StatefulSetOrdinals: Codable, Sendable, Hashable {
    public var start: Int?
    public init() {}
}

/// A claim template: a PersistentVolumeClaim without status, as volumeClaimTemplates hold.
public struct PersistentVolumeClaimTemplate: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta?
    public var spec: PersistentVolumeClaimSpec?
    public var status: PersistentVolumeClaimStatus?
    public init() {}
}

public struct StatefulSetSpec: Codable, Sendable, Hashable {
    public var replicas: Int?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec?
    public var volumeClaimTemplates: [PersistentVolumeClaimTemplate]?
    public var serviceName: String?
    public var podManagementPolicy: String?
    public var updateStrategy: StatefulSetUpdateStrategy?
    public var revisionHistoryLimit: Int?
    public var minReadySeconds: Int?
    public var persistentVolumeClaimRetentionPolicy: StatefulSetPVCRetentionPolicy?
    public var ordinals: StatefulSetOrdinals?
    public init() {}
}

public struct StatefulSetStatus: Codable, Sendable, Hashable {
    public var observedGeneration: Int?
    public var replicas: Int
    public var readyReplicas: Int?
    public var currentReplicas: Int?
    public var updatedReplicas: Int?
    public var currentRevision: String?
    public var updateRevision: String?
    public var collisionCount: Int?
    public var availableReplicas: Int?
    public var conditions: [Condition]?
    public init(replicas: Int = 0) { self.replicas = replicas }
}

public struct StatefulSet: APIObject {
    public static let resource = ResourceType.statefulsets
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: StatefulSetSpec?
    public var status: StatefulSetStatus?
    public init(metadata: ObjectMeta, spec: StatefulSetSpec) { self.metadata = metadata; self.spec = spec }
    public func specEquals(_ other: any APIObject) -> Bool { spec == (other as? Self)?.spec }
    public var specReplicas: Int { spec?.replicas ?? 1 }
}

public struct DaemonSetUpdateStrategy: Codable, Sendable, Hashable {
    public struct RollingUpdate: Codable, Sendable, Hashable {
        public var maxUnavailable: IntOrString?
        public var maxSurge: IntOrString?
        public init() {}
    }
    public var type: String?
    public var rollingUpdate: RollingUpdate?
    public init() {}
}

public struct DaemonSetSpec: Codable, Sendable, Hashable {
    public var selector: LabelSelector?
    public var template: PodTemplateSpec?
    public var updateStrategy: DaemonSetUpdateStrategy?
    public var minReadySeconds: Int?
    public var revisionHistoryLimit: Int?
    public init() {}
}

public struct DaemonSetStatus: Codable, Sendable, Hashable {
    public var currentNumberScheduled: Int
    public var numberMisscheduled: Int
    public var desiredNumberScheduled: Int
    public var numberReady: Int
    public var observedGeneration: Int?
    public var updatedNumberScheduled: Int?
    public var numberAvailable: Int?
    public var numberUnavailable: Int?
    public var collisionCount: Int?
    public var conditions: [Condition]?
    public init() { currentNumberScheduled = 0; numberMisscheduled = 0; desiredNumberScheduled = 0; numberReady = 0 }
}

public struct DaemonSet: APIObject {
    public static let resource = ResourceType.daemonsets
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: DaemonSetSpec?
    public var status: DaemonSetStatus?
    public init(metadata: ObjectMeta, spec: DaemonSetSpec) { self.metadata = metadata; self.spec = spec }
    public func specEquals(_ other: any APIObject) -> Bool { spec == (other as? Self)?.spec }
}

/// An immutable snapshot of a StatefulSet's or DaemonSet's pod template, one per revision.
public struct ControllerRevision: APIObject {
    public static let resource = ResourceType.controllerrevisions
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var data: JSONValue?
    public var revision: Int
    public init(metadata: ObjectMeta, data: JSONValue?, revision: Int) { self.metadata = metadata; self.data = data; self.revision = revision }
    public func specEquals(_ other: any APIObject) -> Bool { true }
}
