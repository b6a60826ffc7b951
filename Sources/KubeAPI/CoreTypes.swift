import Foundation

// Core (v1) group. Fields are optional as in the Go types' `omitempty` pointers, so that a
// decoded object re-encodes to exactly the fields it was given (strict decoding relies on it).
// Rarely simulated sub-trees (affinity, security contexts, volume sources) stay untyped.

public struct ContainerPort: Codable, Sendable, Hashable {
    public var name: String?
    public var containerPort: Int?
    public var hostPort: Int?
    public var hostIP: String?
    public var `protocol`: String?
    public init(containerPort: Int) { self.containerPort = containerPort }
}

public struct EnvVar: Codable, Sendable, Hashable {
    public var name: String
    public var value: String?
    public var valueFrom: JSONValue?
    public init(name: String, value: String?) { self.name = name; self.value = value }
}

public struct ResourceRequirements: Codable, Sendable, Hashable {
    public var limits: [String: Quantity]?
    public var requests: [String: Quantity]?
    public init() {}
}

/// A resource quantity (`500m`, `2Gi`, `1`). Kept as the canonical text the user gave;
/// a bare YAML number is accepted and written back as a string, as the apiserver does.
public struct Quantity: Codable, Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public init(_ text: String) { self.text = text }
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { text = String(i) }
        else if let d = try? c.decode(Double.self) { text = JSONValue.formatDouble(d) }
        else { text = try c.decode(String.self) }
    }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(text) }
    public var description: String { text }
}

public struct VolumeMount: Codable, Sendable, Hashable {
    public var name: String
    public var mountPath: String
    public var readOnly: Bool?
    public var subPath: String?
    public init(name: String, mountPath: String, readOnly: Bool? = nil) { self.name = name; self.mountPath = mountPath; self.readOnly = readOnly }
}

public struct ExecAction: Codable, Sendable, Hashable { public var command: [String]? }
public struct HTTPGetAction: Codable, Sendable, Hashable {
    public var path: String?
    public var port: IntOrString
    public var host: String?
    public var scheme: String?
    public var httpHeaders: JSONValue?
}
public struct TCPSocketAction: Codable, Sendable, Hashable { public var port: IntOrString; public var host: String? }

public struct Probe: Codable, Sendable, Hashable {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?
    public var grpc: JSONValue?
    public var initialDelaySeconds: Int?
    public var timeoutSeconds: Int?
    public var periodSeconds: Int?
    public var successThreshold: Int?
    public var failureThreshold: Int?
    public var terminationGracePeriodSeconds: Int?
}

public struct Container: Codable, Sendable, Hashable {
    /// The stored fields behind one reference: containers are copied with every pod and template.
    @usableFromInline
    struct Fields: Codable, Sendable, Hashable {
        @usableFromInline var name: String
        @usableFromInline var image: String?
        @usableFromInline var command: [String]?
        @usableFromInline var args: [String]?
        @usableFromInline var workingDir: String?
        @usableFromInline var ports: [ContainerPort]?
        @usableFromInline var envFrom: JSONValue?
        @usableFromInline var env: [EnvVar]?
        @usableFromInline var resources: ResourceRequirements?
        @usableFromInline var resizePolicy: JSONValue?
        @usableFromInline var restartPolicy: String?
        @usableFromInline var volumeMounts: [VolumeMount]?
        @usableFromInline var volumeDevices: JSONValue?
        @usableFromInline var livenessProbe: Probe?
        @usableFromInline var readinessProbe: Probe?
        @usableFromInline var startupProbe: Probe?
        @usableFromInline var lifecycle: JSONValue?
        @usableFromInline var terminationMessagePath: String?
        @usableFromInline var terminationMessagePolicy: String?
        @usableFromInline var imagePullPolicy: String?
        @usableFromInline var securityContext: JSONValue?
        @usableFromInline var stdin: Bool?
        @usableFromInline var stdinOnce: Bool?
        @usableFromInline var tty: Bool?
    }

    @usableFromInline var fields: Indirect<Fields>

    @inlinable public var name: String { get { fields.value.name } _modify { yield &fields.value.name } }
    @inlinable public var image: String? { get { fields.value.image } _modify { yield &fields.value.image } }
    @inlinable public var command: [String]? { get { fields.value.command } _modify { yield &fields.value.command } }
    @inlinable public var args: [String]? { get { fields.value.args } _modify { yield &fields.value.args } }
    @inlinable public var workingDir: String? { get { fields.value.workingDir } _modify { yield &fields.value.workingDir } }
    @inlinable public var ports: [ContainerPort]? { get { fields.value.ports } _modify { yield &fields.value.ports } }
    @inlinable public var envFrom: JSONValue? { get { fields.value.envFrom } _modify { yield &fields.value.envFrom } }
    @inlinable public var env: [EnvVar]? { get { fields.value.env } _modify { yield &fields.value.env } }
    @inlinable public var resources: ResourceRequirements? { get { fields.value.resources } _modify { yield &fields.value.resources } }
    @inlinable public var resizePolicy: JSONValue? { get { fields.value.resizePolicy } _modify { yield &fields.value.resizePolicy } }
    @inlinable public var restartPolicy: String? { get { fields.value.restartPolicy } _modify { yield &fields.value.restartPolicy } }
    @inlinable public var volumeMounts: [VolumeMount]? { get { fields.value.volumeMounts } _modify { yield &fields.value.volumeMounts } }
    @inlinable public var volumeDevices: JSONValue? { get { fields.value.volumeDevices } _modify { yield &fields.value.volumeDevices } }
    @inlinable public var livenessProbe: Probe? { get { fields.value.livenessProbe } _modify { yield &fields.value.livenessProbe } }
    @inlinable public var readinessProbe: Probe? { get { fields.value.readinessProbe } _modify { yield &fields.value.readinessProbe } }
    @inlinable public var startupProbe: Probe? { get { fields.value.startupProbe } _modify { yield &fields.value.startupProbe } }
    @inlinable public var lifecycle: JSONValue? { get { fields.value.lifecycle } _modify { yield &fields.value.lifecycle } }
    @inlinable public var terminationMessagePath: String? { get { fields.value.terminationMessagePath } _modify { yield &fields.value.terminationMessagePath } }
    @inlinable public var terminationMessagePolicy: String? { get { fields.value.terminationMessagePolicy } _modify { yield &fields.value.terminationMessagePolicy } }
    @inlinable public var imagePullPolicy: String? { get { fields.value.imagePullPolicy } _modify { yield &fields.value.imagePullPolicy } }
    @inlinable public var securityContext: JSONValue? { get { fields.value.securityContext } _modify { yield &fields.value.securityContext } }
    @inlinable public var stdin: Bool? { get { fields.value.stdin } _modify { yield &fields.value.stdin } }
    @inlinable public var stdinOnce: Bool? { get { fields.value.stdinOnce } _modify { yield &fields.value.stdinOnce } }
    @inlinable public var tty: Bool? { get { fields.value.tty } _modify { yield &fields.value.tty } }

    public init(name: String, image: String? = nil) { fields = Indirect(Fields(name: name, image: image)) }
    public init(from decoder: Decoder) throws { fields = Indirect(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try fields.value.encode(to: encoder) }
}

public struct Toleration: Codable, Sendable, Hashable {
    public var key: String?
    public var `operator`: String?
    public var value: String?
    public var effect: String?
    public var tolerationSeconds: Int?
    public init(key: String?, operator op: String?, value: String? = nil, effect: String?, tolerationSeconds: Int? = nil) {
        self.key = key; self.operator = op; self.value = value; self.effect = effect; self.tolerationSeconds = tolerationSeconds
    }

    /// v1helper.TolerationsTolerateTaint semantics for one taint.
    public func tolerates(_ t: Taint) -> Bool {
        if let e = effect, !e.isEmpty, e != t.effect { return false }
        if (key ?? "").isEmpty { return (self.operator ?? "Equal") == "Exists" }
        guard key == t.key else { return false }
        switch self.operator ?? "Equal" {
        case "Exists": return true
        case "Equal": return (value ?? "") == (t.value ?? "")
        default: return false
        }
    }
}

public struct Volume: Codable, Sendable, Hashable {
    public var name: String
    public var persistentVolumeClaim: PVCVolumeSource?
    public var emptyDir: JSONValue?
    public var configMap: JSONValue?
    public var secret: JSONValue?
    public var hostPath: JSONValue?
    public var projected: JSONValue?
    public var nfs: JSONValue?
    public var downwardAPI: JSONValue?
    public init(name: String) { self.name = name }
}

public struct PVCVolumeSource: Codable, Sendable, Hashable {
    public var claimName: String
    public var readOnly: Bool?
    public init(claimName: String) { self.claimName = claimName }
}

public struct PodSpec: Codable, Sendable, Hashable {
    /// The stored fields behind one reference: a pod's spec is copied with it but rarely changes.
    @usableFromInline
    struct Fields: Codable, Sendable, Hashable {
        @usableFromInline var volumes: [Volume]?
        @usableFromInline var initContainers: [Container]?
        @usableFromInline var containers: [Container]
        @usableFromInline var restartPolicy: String?
        @usableFromInline var terminationGracePeriodSeconds: Int?
        @usableFromInline var activeDeadlineSeconds: Int?
        @usableFromInline var dnsPolicy: String?
        @usableFromInline var nodeSelector: [String: String]?
        @usableFromInline var serviceAccountName: String?
        @usableFromInline var serviceAccount: String?
        @usableFromInline var automountServiceAccountToken: Bool?
        @usableFromInline var nodeName: String?
        @usableFromInline var hostNetwork: Bool?
        @usableFromInline var hostPID: Bool?
        @usableFromInline var hostIPC: Bool?
        @usableFromInline var shareProcessNamespace: Bool?
        @usableFromInline var securityContext: JSONValue?
        @usableFromInline var imagePullSecrets: JSONValue?
        @usableFromInline var hostname: String?
        @usableFromInline var subdomain: String?
        @usableFromInline var affinity: JSONValue?
        @usableFromInline var schedulerName: String?
        @usableFromInline var tolerations: [Toleration]?
        @usableFromInline var hostAliases: JSONValue?
        @usableFromInline var priorityClassName: String?
        @usableFromInline var priority: Int?
        @usableFromInline var dnsConfig: JSONValue?
        @usableFromInline var readinessGates: JSONValue?
        @usableFromInline var runtimeClassName: String?
        @usableFromInline var enableServiceLinks: Bool?
        @usableFromInline var preemptionPolicy: String?
        @usableFromInline var overhead: JSONValue?
        @usableFromInline var topologySpreadConstraints: JSONValue?
        @usableFromInline var os: JSONValue?
    }

    @usableFromInline var fields: Indirect<Fields>

    @inlinable public var volumes: [Volume]? { get { fields.value.volumes } _modify { yield &fields.value.volumes } }
    @inlinable public var initContainers: [Container]? { get { fields.value.initContainers } _modify { yield &fields.value.initContainers } }
    @inlinable public var containers: [Container] { get { fields.value.containers } _modify { yield &fields.value.containers } }
    @inlinable public var restartPolicy: String? { get { fields.value.restartPolicy } _modify { yield &fields.value.restartPolicy } }
    @inlinable public var terminationGracePeriodSeconds: Int? { get { fields.value.terminationGracePeriodSeconds } _modify { yield &fields.value.terminationGracePeriodSeconds } }
    @inlinable public var activeDeadlineSeconds: Int? { get { fields.value.activeDeadlineSeconds } _modify { yield &fields.value.activeDeadlineSeconds } }
    @inlinable public var dnsPolicy: String? { get { fields.value.dnsPolicy } _modify { yield &fields.value.dnsPolicy } }
    @inlinable public var nodeSelector: [String: String]? { get { fields.value.nodeSelector } _modify { yield &fields.value.nodeSelector } }
    @inlinable public var serviceAccountName: String? { get { fields.value.serviceAccountName } _modify { yield &fields.value.serviceAccountName } }
    @inlinable public var serviceAccount: String? { get { fields.value.serviceAccount } _modify { yield &fields.value.serviceAccount } }
    @inlinable public var automountServiceAccountToken: Bool? { get { fields.value.automountServiceAccountToken } _modify { yield &fields.value.automountServiceAccountToken } }
    @inlinable public var nodeName: String? { get { fields.value.nodeName } _modify { yield &fields.value.nodeName } }
    @inlinable public var hostNetwork: Bool? { get { fields.value.hostNetwork } _modify { yield &fields.value.hostNetwork } }
    @inlinable public var hostPID: Bool? { get { fields.value.hostPID } _modify { yield &fields.value.hostPID } }
    @inlinable public var hostIPC: Bool? { get { fields.value.hostIPC } _modify { yield &fields.value.hostIPC } }
    @inlinable public var shareProcessNamespace: Bool? { get { fields.value.shareProcessNamespace } _modify { yield &fields.value.shareProcessNamespace } }
    @inlinable public var securityContext: JSONValue? { get { fields.value.securityContext } _modify { yield &fields.value.securityContext } }
    @inlinable public var imagePullSecrets: JSONValue? { get { fields.value.imagePullSecrets } _modify { yield &fields.value.imagePullSecrets } }
    @inlinable public var hostname: String? { get { fields.value.hostname } _modify { yield &fields.value.hostname } }
    @inlinable public var subdomain: String? { get { fields.value.subdomain } _modify { yield &fields.value.subdomain } }
    @inlinable public var affinity: JSONValue? { get { fields.value.affinity } _modify { yield &fields.value.affinity } }
    @inlinable public var schedulerName: String? { get { fields.value.schedulerName } _modify { yield &fields.value.schedulerName } }
    @inlinable public var tolerations: [Toleration]? { get { fields.value.tolerations } _modify { yield &fields.value.tolerations } }
    @inlinable public var hostAliases: JSONValue? { get { fields.value.hostAliases } _modify { yield &fields.value.hostAliases } }
    @inlinable public var priorityClassName: String? { get { fields.value.priorityClassName } _modify { yield &fields.value.priorityClassName } }
    @inlinable public var priority: Int? { get { fields.value.priority } _modify { yield &fields.value.priority } }
    @inlinable public var dnsConfig: JSONValue? { get { fields.value.dnsConfig } _modify { yield &fields.value.dnsConfig } }
    @inlinable public var readinessGates: JSONValue? { get { fields.value.readinessGates } _modify { yield &fields.value.readinessGates } }
    @inlinable public var runtimeClassName: String? { get { fields.value.runtimeClassName } _modify { yield &fields.value.runtimeClassName } }
    @inlinable public var enableServiceLinks: Bool? { get { fields.value.enableServiceLinks } _modify { yield &fields.value.enableServiceLinks } }
    @inlinable public var preemptionPolicy: String? { get { fields.value.preemptionPolicy } _modify { yield &fields.value.preemptionPolicy } }
    @inlinable public var overhead: JSONValue? { get { fields.value.overhead } _modify { yield &fields.value.overhead } }
    @inlinable public var topologySpreadConstraints: JSONValue? { get { fields.value.topologySpreadConstraints } _modify { yield &fields.value.topologySpreadConstraints } }
    @inlinable public var os: JSONValue? { get { fields.value.os } _modify { yield &fields.value.os } }

    public init(containers: [Container]) { fields = Indirect(Fields(containers: containers)) }
    public init(from decoder: Decoder) throws { fields = Indirect(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try fields.value.encode(to: encoder) }
}

public struct PodTemplateSpec: Codable, Sendable, Hashable {
    public var metadata: ObjectMeta?
    public var spec: PodSpec?
    public init(metadata: ObjectMeta? = nil, spec: PodSpec? = nil) { self.metadata = metadata; self.spec = spec }
}

public struct ContainerStateWaiting: Codable, Sendable, Hashable { public var reason: String?; public var message: String?
    public init(reason: String?, message: String? = nil) { self.reason = reason; self.message = message } }
public struct ContainerStateRunning: Codable, Sendable, Hashable { public var startedAt: Time?
    public init(startedAt: Time?) { self.startedAt = startedAt } }
public struct ContainerStateTerminated: Codable, Sendable, Hashable {
    public var exitCode: Int
    public var signal: Int?
    public var reason: String?
    public var message: String?
    public var startedAt: Time?
    public var finishedAt: Time?
    public var containerID: String?
    public init(exitCode: Int, reason: String?, startedAt: Time?, finishedAt: Time?, containerID: String? = nil) {
        self.exitCode = exitCode; self.reason = reason; self.startedAt = startedAt; self.finishedAt = finishedAt; self.containerID = containerID
    }
}
public struct ContainerState: Codable, Sendable, Hashable {
    public var waiting: ContainerStateWaiting?
    public var running: ContainerStateRunning?
    public var terminated: ContainerStateTerminated?
    public init(waiting: ContainerStateWaiting? = nil, running: ContainerStateRunning? = nil, terminated: ContainerStateTerminated? = nil) {
        self.waiting = waiting; self.running = running; self.terminated = terminated
    }
}

public struct ContainerStatus: Codable, Sendable, Hashable {
    public var name: String
    public var state: ContainerState?
    public var lastState: ContainerState?
    public var ready: Bool
    public var restartCount: Int
    public var image: String
    public var imageID: String
    public var containerID: String?
    public var started: Bool?
    public init(name: String, image: String) {
        self.name = name; self.image = image; self.imageID = ""; self.ready = false; self.restartCount = 0
        self.state = ContainerState(waiting: ContainerStateWaiting(reason: "ContainerCreating")); self.lastState = ContainerState()
        self.started = false
    }
}

public struct Condition: Codable, Sendable, Hashable {
    public var type: String
    public var status: String
    public var lastProbeTime: JSONValue?
    public var lastHeartbeatTime: Time?
    public var lastUpdateTime: Time?
    public var lastTransitionTime: Time?
    public var reason: String?
    public var message: String?
    public init(type: String, status: String, lastTransitionTime: Time? = nil, reason: String? = nil, message: String? = nil) {
        self.type = type; self.status = status; self.lastTransitionTime = lastTransitionTime; self.reason = reason; self.message = message
    }
}

public struct PodIP: Codable, Sendable, Hashable { public var ip: String; public init(ip: String) { self.ip = ip } }

public struct PodStatus: Codable, Sendable, Hashable {
    /// The stored fields behind one reference, copied with every pod read.
    @usableFromInline
    struct Fields: Codable, Sendable, Hashable {
        @usableFromInline var phase: String?
        @usableFromInline var conditions: [Condition]?
        @usableFromInline var message: String?
        @usableFromInline var reason: String?
        @usableFromInline var hostIP: String?
        @usableFromInline var hostIPs: [PodIP]?
        @usableFromInline var podIP: String?
        @usableFromInline var podIPs: [PodIP]?
        @usableFromInline var startTime: Time?
        @usableFromInline var initContainerStatuses: [ContainerStatus]?
        @usableFromInline var containerStatuses: [ContainerStatus]?
        @usableFromInline var qosClass: String?
    }

    @usableFromInline var fields: Indirect<Fields>

    @inlinable public var phase: String? { get { fields.value.phase } _modify { yield &fields.value.phase } }
    @inlinable public var conditions: [Condition]? { get { fields.value.conditions } _modify { yield &fields.value.conditions } }
    @inlinable public var message: String? { get { fields.value.message } _modify { yield &fields.value.message } }
    @inlinable public var reason: String? { get { fields.value.reason } _modify { yield &fields.value.reason } }
    @inlinable public var hostIP: String? { get { fields.value.hostIP } _modify { yield &fields.value.hostIP } }
    @inlinable public var hostIPs: [PodIP]? { get { fields.value.hostIPs } _modify { yield &fields.value.hostIPs } }
    @inlinable public var podIP: String? { get { fields.value.podIP } _modify { yield &fields.value.podIP } }
    @inlinable public var podIPs: [PodIP]? { get { fields.value.podIPs } _modify { yield &fields.value.podIPs } }
    @inlinable public var startTime: Time? { get { fields.value.startTime } _modify { yield &fields.value.startTime } }
    @inlinable public var initContainerStatuses: [ContainerStatus]? { get { fields.value.initContainerStatuses } _modify { yield &fields.value.initContainerStatuses } }
    @inlinable public var containerStatuses: [ContainerStatus]? { get { fields.value.containerStatuses } _modify { yield &fields.value.containerStatuses } }
    @inlinable public var qosClass: String? { get { fields.value.qosClass } _modify { yield &fields.value.qosClass } }

    public init() { fields = Indirect(Fields()) }
    public init(from decoder: Decoder) throws { fields = Indirect(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try fields.value.encode(to: encoder) }

    public func condition(_ type: String) -> Condition? { conditions?.first { $0.type == type } }
}

public struct Pod: APIObject {
    public static let resource = ResourceType.pods

    /// The stored fields behind one reference, so a pod is a single word to copy, cast or box.
    @usableFromInline
    struct Fields: Codable, Sendable, Hashable {
        @usableFromInline var apiVersion: String?
        @usableFromInline var kind: String?
        @usableFromInline var metadata: ObjectMeta
        @usableFromInline var spec: PodSpec?
        @usableFromInline var status: PodStatus?
    }

    @usableFromInline var fields: Indirect<Fields>

    @inlinable public var apiVersion: String? { get { fields.value.apiVersion } _modify { yield &fields.value.apiVersion } }
    @inlinable public var kind: String? { get { fields.value.kind } _modify { yield &fields.value.kind } }
    @inlinable public var metadata: ObjectMeta { get { fields.value.metadata } _modify { yield &fields.value.metadata } }
    @inlinable public var spec: PodSpec? { get { fields.value.spec } _modify { yield &fields.value.spec } }
    @inlinable public var status: PodStatus? { get { fields.value.status } _modify { yield &fields.value.status } }

    public init(metadata: ObjectMeta, spec: PodSpec) { fields = Indirect(Fields(metadata: metadata, spec: spec)) }
    public init(from decoder: Decoder) throws { fields = Indirect(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try fields.value.encode(to: encoder) }

    public var isReady: Bool { status?.condition("Ready")?.status == "True" }
    public var phase: String { status?.phase ?? "Pending" }
}

public struct Taint: Codable, Sendable, Hashable {
    public var key: String
    public var value: String?
    public var effect: String
    public var timeAdded: Time?
    public init(key: String, value: String? = nil, effect: String) { self.key = key; self.value = value; self.effect = effect }
}

public struct NodeSpec: Codable, Sendable, Hashable {
    public var podCIDR: String?
    public var podCIDRs: [String]?
    public var providerID: String?
    public var unschedulable: Bool?
    public var taints: [Taint]?
    public init() {}
}

public struct NodeAddress: Codable, Sendable, Hashable { public var type: String; public var address: String
    public init(type: String, address: String) { self.type = type; self.address = address } }

public struct NodeSystemInfo: Codable, Sendable, Hashable {
    public var machineID: String
    public var systemUUID: String
    public var bootID: String
    public var kernelVersion: String
    public var osImage: String
    public var containerRuntimeVersion: String
    public var kubeletVersion: String
    public var kubeProxyVersion: String
    public var operatingSystem: String
    public var architecture: String
    public init(machineID: String, systemUUID: String, bootID: String, kernelVersion: String, osImage: String,
                containerRuntimeVersion: String, kubeletVersion: String, kubeProxyVersion: String,
                operatingSystem: String, architecture: String) {
        self.machineID = machineID; self.systemUUID = systemUUID; self.bootID = bootID; self.kernelVersion = kernelVersion
        self.osImage = osImage; self.containerRuntimeVersion = containerRuntimeVersion; self.kubeletVersion = kubeletVersion
        self.kubeProxyVersion = kubeProxyVersion; self.operatingSystem = operatingSystem; self.architecture = architecture
    }
}

public struct NodeStatus: Codable, Sendable, Hashable {
    public var capacity: [String: Quantity]?
    public var allocatable: [String: Quantity]?
    public var conditions: [Condition]?
    public var addresses: [NodeAddress]?
    public var daemonEndpoints: JSONValue?
    public var nodeInfo: NodeSystemInfo?
    public var images: JSONValue?
    public init() {}
}

public struct Node: APIObject {
    public static let resource = ResourceType.nodes

    /// The stored fields behind one reference, so a node is a single word to copy, cast or box.
    @usableFromInline
    struct Fields: Codable, Sendable, Hashable {
        @usableFromInline var apiVersion: String?
        @usableFromInline var kind: String?
        @usableFromInline var metadata: ObjectMeta
        @usableFromInline var spec: NodeSpec?
        @usableFromInline var status: NodeStatus?
    }

    @usableFromInline var fields: Indirect<Fields>

    @inlinable public var apiVersion: String? { get { fields.value.apiVersion } _modify { yield &fields.value.apiVersion } }
    @inlinable public var kind: String? { get { fields.value.kind } _modify { yield &fields.value.kind } }
    @inlinable public var metadata: ObjectMeta { get { fields.value.metadata } _modify { yield &fields.value.metadata } }
    @inlinable public var spec: NodeSpec? { get { fields.value.spec } _modify { yield &fields.value.spec } }
    @inlinable public var status: NodeStatus? { get { fields.value.status } _modify { yield &fields.value.status } }

    public init(metadata: ObjectMeta) { fields = Indirect(Fields(metadata: metadata)) }
    public init(from decoder: Decoder) throws { fields = Indirect(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try fields.value.encode(to: encoder) }

    public var isReady: Bool { status?.conditions?.first { $0.type == "Ready" }?.status == "True" }
    public var internalIP: String? { status?.addresses?.first { $0.type == "InternalIP" }?.address }
}

public struct NamespaceSpec: Codable, Sendable, Hashable { public var finalizers: [String]?; public init() {} }
public struct NamespaceStatus: Codable, Sendable, Hashable { public var phase: String?; public init() {} }

public struct Namespace: APIObject {
    /// The stored fields behind one reference, so a namespace is a single word to copy, cast or box.
    @usableFromInline
    struct Fields: Codable, Sendable, Hashable {
        @usableFromInline var apiVersion: String?
        @usableFromInline var kind: String?
        @usableFromInline var metadata: ObjectMeta
        @usableFromInline var spec: NamespaceSpec?
        @usableFromInline var status: NamespaceStatus?
    }

    @usableFromInline var fields: Indirect<Fields>

    @inlinable public var apiVersion: String? { get { fields.value.apiVersion } _modify { yield &fields.value.apiVersion } }
    @inlinable public var kind: String? { get { fields.value.kind } _modify { yield &fields.value.kind } }
    @inlinable public var metadata: ObjectMeta { get { fields.value.metadata } _modify { yield &fields.value.metadata } }
    @inlinable public var spec: NamespaceSpec? { get { fields.value.spec } _modify { yield &fields.value.spec } }
    @inlinable public var status: NamespaceStatus? { get { fields.value.status } _modify { yield &fields.value.status } }

    public init(metadata: ObjectMeta) { fields = Indirect(Fields(metadata: metadata)) }
    public init(from decoder: Decoder) throws { fields = Indirect(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try fields.value.encode(to: encoder) }

    public static let resource = ResourceType.namespaces
}

public struct ObjectReference: Codable, Sendable, Hashable {
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var uid: String?
    public var apiVersion: String?
    public var resourceVersion: String?
    public var fieldPath: String?
    public init() {}
}

public struct EventSource: Codable, Sendable, Hashable { public var component: String?; public var host: String?
    public init(component: String?, host: String? = nil) { self.component = component; self.host = host } }

public struct Event: APIObject {
    public static let resource = ResourceType.events

    /// The stored fields behind one reference: a store holds tens of thousands of events, so
    /// they are kept small where the store keeps them inline.
    @usableFromInline
    struct Fields: Codable, Sendable, Hashable {
        @usableFromInline var apiVersion: String?
        @usableFromInline var kind: String?
        @usableFromInline var metadata: ObjectMeta
        @usableFromInline var involvedObject: ObjectReference
        @usableFromInline var reason: String?
        @usableFromInline var message: String?
        @usableFromInline var source: EventSource?
        @usableFromInline var firstTimestamp: Time?
        @usableFromInline var lastTimestamp: Time?
        @usableFromInline var count: Int?
        @usableFromInline var type: String?
        @usableFromInline var eventTime: JSONValue?
        @usableFromInline var reportingComponent: String?
        @usableFromInline var reportingInstance: String?
    }

    @usableFromInline var fields: Indirect<Fields>

    @inlinable public var apiVersion: String? { get { fields.value.apiVersion } _modify { yield &fields.value.apiVersion } }
    @inlinable public var kind: String? { get { fields.value.kind } _modify { yield &fields.value.kind } }
    @inlinable public var metadata: ObjectMeta { get { fields.value.metadata } _modify { yield &fields.value.metadata } }
    @inlinable public var involvedObject: ObjectReference { get { fields.value.involvedObject } _modify { yield &fields.value.involvedObject } }
    @inlinable public var reason: String? { get { fields.value.reason } _modify { yield &fields.value.reason } }
    @inlinable public var message: String? { get { fields.value.message } _modify { yield &fields.value.message } }
    @inlinable public var source: EventSource? { get { fields.value.source } _modify { yield &fields.value.source } }
    @inlinable public var firstTimestamp: Time? { get { fields.value.firstTimestamp } _modify { yield &fields.value.firstTimestamp } }
    @inlinable public var lastTimestamp: Time? { get { fields.value.lastTimestamp } _modify { yield &fields.value.lastTimestamp } }
    @inlinable public var count: Int? { get { fields.value.count } _modify { yield &fields.value.count } }
    @inlinable public var type: String? { get { fields.value.type } _modify { yield &fields.value.type } }
    @inlinable public var eventTime: JSONValue? { get { fields.value.eventTime } _modify { yield &fields.value.eventTime } }
    @inlinable public var reportingComponent: String? { get { fields.value.reportingComponent } _modify { yield &fields.value.reportingComponent } }
    @inlinable public var reportingInstance: String? { get { fields.value.reportingInstance } _modify { yield &fields.value.reportingInstance } }

    public init(metadata: ObjectMeta, involvedObject: ObjectReference) {
        fields = Indirect(Fields(metadata: metadata, involvedObject: involvedObject))
    }
    public init(from decoder: Decoder) throws { fields = Indirect(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try fields.value.encode(to: encoder) }
}
