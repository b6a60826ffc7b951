import Foundation

public struct ReplicaSetSpec: Codable, Sendable, Hashable {
    public var replicas: Int?
    public var minReadySeconds: Int?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec?
    public init() {}
}

public struct ReplicaSetStatus: Codable, Sendable, Hashable {
    public var replicas: Int
    public var fullyLabeledReplicas: Int?
    public var readyReplicas: Int?
    public var availableReplicas: Int?
    public var observedGeneration: Int?
    public var conditions: [Condition]?
    public init(replicas: Int = 0) { self.replicas = replicas }
}

public struct ReplicaSet: APIObject {
    public static let resource = ResourceType.replicasets

    /// The stored fields behind one reference, so a ReplicaSet is a single word to copy, cast or box.
    @usableFromInline
    struct Fields: Codable, Sendable, Hashable {
        @usableFromInline var apiVersion: String?
        @usableFromInline var kind: String?
        @usableFromInline var metadata: ObjectMeta
        @usableFromInline var spec: ReplicaSetSpec?
        @usableFromInline var status: ReplicaSetStatus?
    }

    @usableFromInline var fields: Indirect<Fields>

    @inlinable public var apiVersion: String? { get { fields.value.apiVersion } _modify { yield &fields.value.apiVersion } }
    @inlinable public var kind: String? { get { fields.value.kind } _modify { yield &fields.value.kind } }
    @inlinable public var metadata: ObjectMeta { get { fields.value.metadata } _modify { yield &fields.value.metadata } }
    @inlinable public var spec: ReplicaSetSpec? { get { fields.value.spec } _modify { yield &fields.value.spec } }
    @inlinable public var status: ReplicaSetStatus? { get { fields.value.status } _modify { yield &fields.value.status } }

    public init(metadata: ObjectMeta, spec: ReplicaSetSpec) { fields = Indirect(Fields(metadata: metadata, spec: spec)) }
    public init(from decoder: Decoder) throws { fields = Indirect(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try fields.value.encode(to: encoder) }

    public func specEquals(_ other: any APIObject) -> Bool { spec == (other as? Self)?.spec }

    public var specReplicas: Int { spec?.replicas ?? 1 }
}

public struct RollingUpdateDeployment: Codable, Sendable, Hashable {
    public var maxUnavailable: IntOrString?
    public var maxSurge: IntOrString?
    public init(maxUnavailable: IntOrString? = nil, maxSurge: IntOrString? = nil) { self.maxUnavailable = maxUnavailable; self.maxSurge = maxSurge }
}

public struct DeploymentStrategy: Codable, Sendable, Hashable {
    public var type: String?
    public var rollingUpdate: RollingUpdateDeployment?
    public init() {}
}

public struct DeploymentSpec: Codable, Sendable, Hashable {
    public var replicas: Int?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec?
    public var strategy: DeploymentStrategy?
    public var minReadySeconds: Int?
    public var revisionHistoryLimit: Int?
    public var paused: Bool?
    public var progressDeadlineSeconds: Int?
    public init() {}
}

public struct DeploymentStatus: Codable, Sendable, Hashable {
    public var observedGeneration: Int?
    public var replicas: Int?
    public var updatedReplicas: Int?
    public var readyReplicas: Int?
    public var availableReplicas: Int?
    public var unavailableReplicas: Int?
    public var terminatingReplicas: Int?
    public var conditions: [Condition]?
    public var collisionCount: Int?
    public init() {}

    public func condition(_ type: String) -> Condition? { conditions?.first { $0.type == type } }
}

public struct Deployment: APIObject {
    public static let resource = ResourceType.deployments

    /// The stored fields behind one reference, so a Deployment is a single word to copy, cast or box.
    @usableFromInline
    struct Fields: Codable, Sendable, Hashable {
        @usableFromInline var apiVersion: String?
        @usableFromInline var kind: String?
        @usableFromInline var metadata: ObjectMeta
        @usableFromInline var spec: DeploymentSpec?
        @usableFromInline var status: DeploymentStatus?
    }

    @usableFromInline var fields: Indirect<Fields>

    @inlinable public var apiVersion: String? { get { fields.value.apiVersion } _modify { yield &fields.value.apiVersion } }
    @inlinable public var kind: String? { get { fields.value.kind } _modify { yield &fields.value.kind } }
    @inlinable public var metadata: ObjectMeta { get { fields.value.metadata } _modify { yield &fields.value.metadata } }
    @inlinable public var spec: DeploymentSpec? { get { fields.value.spec } _modify { yield &fields.value.spec } }
    @inlinable public var status: DeploymentStatus? { get { fields.value.status } _modify { yield &fields.value.status } }

    public init(metadata: ObjectMeta, spec: DeploymentSpec) { fields = Indirect(Fields(metadata: metadata, spec: spec)) }
    public init(from decoder: Decoder) throws { fields = Indirect(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try fields.value.encode(to: encoder) }

    public func specEquals(_ other: any APIObject) -> Bool { spec == (other as? Self)?.spec }

    public var specReplicas: Int { spec?.replicas ?? 1 }
}
