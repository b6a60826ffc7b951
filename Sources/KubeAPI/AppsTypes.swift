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
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: ReplicaSetSpec?
    public var status: ReplicaSetStatus?
    public init(metadata: ObjectMeta, spec: ReplicaSetSpec) { self.metadata = metadata; self.spec = spec }
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
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: DeploymentSpec?
    public var status: DeploymentStatus?
    public init(metadata: ObjectMeta, spec: DeploymentSpec) { self.metadata = metadata; self.spec = spec }
    public func specEquals(_ other: any APIObject) -> Bool { spec == (other as? Self)?.spec }

    public var specReplicas: Int { spec?.replicas ?? 1 }
}
