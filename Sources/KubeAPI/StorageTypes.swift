import Foundation

// Persistent storage: claims, volumes and the classes that provision them.

public struct VolumeResourceRequirements: Codable, Sendable, Hashable {
    public var limits: [String: Quantity]?
    public var requests: [String: Quantity]?
    public init() {}
}

public struct PersistentVolumeClaimSpec: Codable, Sendable, Hashable {
    public var accessModes: [String]?
    public var selector: LabelSelector?
    public var resources: VolumeResourceRequirements?
    public var volumeName: String?
    public var storageClassName: String?
    public var volumeMode: String?
    public var dataSource: JSONValue?
    public var dataSourceRef: JSONValue?
    public var volumeAttributesClassName: String?
    public init() {}
}

public struct PersistentVolumeClaimStatus: Codable, Sendable, Hashable {
    public var phase: String?
    public var accessModes: [String]?
    public var capacity: [String: Quantity]?
    public var conditions: [Condition]?
    public init() {}
}

public struct PersistentVolumeClaim: APIObject {
    public static let resource = ResourceType.persistentvolumeclaims
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: PersistentVolumeClaimSpec?
    public var status: PersistentVolumeClaimStatus?
    public init(metadata: ObjectMeta, spec: PersistentVolumeClaimSpec) { self.metadata = metadata; self.spec = spec }
    public func specEquals(_ other: any APIObject) -> Bool { spec == (other as? Self)?.spec }
}

public struct NFSVolumeSource: Codable, Sendable, Hashable {
    public var server: String
    public var path: String
    public var readOnly: Bool?
    public init(server: String, path: String) { self.server = server; self.path = path }
}

public struct PersistentVolumeSpec: Codable, Sendable, Hashable {
    public var capacity: [String: Quantity]?
    public var accessModes: [String]?
    public var claimRef: ObjectReference?
    public var persistentVolumeReclaimPolicy: String?
    public var storageClassName: String?
    public var mountOptions: [String]?
    public var volumeMode: String?
    public var nodeAffinity: JSONValue?
    public var nfs: NFSVolumeSource?
    public var hostPath: JSONValue?
    public var local: JSONValue?
    public var csi: JSONValue?
    public init() {}
}

public struct PersistentVolumeStatus: Codable, Sendable, Hashable {
    public var phase: String?
    public var message: String?
    public var reason: String?
    public var lastPhaseTransitionTime: Time?
    public init() {}
}

public struct PersistentVolume: APIObject {
    public static let resource = ResourceType.persistentvolumes
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: PersistentVolumeSpec?
    public var status: PersistentVolumeStatus?
    public init(metadata: ObjectMeta, spec: PersistentVolumeSpec) { self.metadata = metadata; self.spec = spec }
    public func specEquals(_ other: any APIObject) -> Bool { spec == (other as? Self)?.spec }
}

/// A StorageClass has no spec: its fields sit at the top level, as in storage.k8s.io/v1.
public struct StorageClass: APIObject {
    public static let resource = ResourceType.storageclasses
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var provisioner: String?
    public var parameters: [String: String]?
    public var reclaimPolicy: String?
    public var mountOptions: [String]?
    public var allowVolumeExpansion: Bool?
    public var volumeBindingMode: String?
    public var allowedTopologies: JSONValue?
    public init(metadata: ObjectMeta, provisioner: String?) { self.metadata = metadata; self.provisioner = provisioner }
    public func specEquals(_ other: any APIObject) -> Bool { true }
}
