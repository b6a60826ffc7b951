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
    public var name: String
    public var image: String?
    public var command: [String]?
    public var args: [String]?
    public var workingDir: String?
    public var ports: [ContainerPort]?
    public var envFrom: JSONValue?
    public var env: [EnvVar]?
    public var resources: ResourceRequirements?
    public var resizePolicy: JSONValue?
    public var restartPolicy: String?
    public var volumeMounts: [VolumeMount]?
    public var volumeDevices: JSONValue?
    public var livenessProbe: Probe?
    public var readinessProbe: Probe?
    public var startupProbe: Probe?
    public var lifecycle: JSONValue?
    public var terminationMessagePath: String?
    public var terminationMessagePolicy: String?
    public var imagePullPolicy: String?
    public var securityContext: JSONValue?
    public var stdin: Bool?
    public var stdinOnce: Bool?
    public var tty: Bool?

    public init(name: String, image: String? = nil) { self.name = name; self.image = image }
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
    public var volumes: [Volume]?
    public var initContainers: [Container]?
    public var containers: [Container]
    public var restartPolicy: String?
    public var terminationGracePeriodSeconds: Int?
    public var activeDeadlineSeconds: Int?
    public var dnsPolicy: String?
    public var nodeSelector: [String: String]?
    public var serviceAccountName: String?
    public var serviceAccount: String?
    public var automountServiceAccountToken: Bool?
    public var nodeName: String?
    public var hostNetwork: Bool?
    public var hostPID: Bool?
    public var hostIPC: Bool?
    public var shareProcessNamespace: Bool?
    public var securityContext: JSONValue?
    public var imagePullSecrets: JSONValue?
    public var hostname: String?
    public var subdomain: String?
    public var affinity: JSONValue?
    public var schedulerName: String?
    public var tolerations: [Toleration]?
    public var hostAliases: JSONValue?
    public var priorityClassName: String?
    public var priority: Int?
    public var dnsConfig: JSONValue?
    public var readinessGates: JSONValue?
    public var runtimeClassName: String?
    public var enableServiceLinks: Bool?
    public var preemptionPolicy: String?
    public var overhead: JSONValue?
    public var topologySpreadConstraints: JSONValue?
    public var os: JSONValue?

    public init(containers: [Container]) { self.containers = containers }
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
    public var phase: String?
    public var conditions: [Condition]?
    public var message: String?
    public var reason: String?
    public var hostIP: String?
    public var hostIPs: [PodIP]?
    public var podIP: String?
    public var podIPs: [PodIP]?
    public var startTime: Time?
    public var initContainerStatuses: [ContainerStatus]?
    public var containerStatuses: [ContainerStatus]?
    public var qosClass: String?
    public init() {}

    public func condition(_ type: String) -> Condition? { conditions?.first { $0.type == type } }
}

public struct Pod: APIObject {
    public static let resource = ResourceType.pods
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: PodSpec?
    public var status: PodStatus?
    public init(metadata: ObjectMeta, spec: PodSpec) { self.metadata = metadata; self.spec = spec }

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
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: NodeSpec?
    public var status: NodeStatus?
    public init(metadata: ObjectMeta) { self.metadata = metadata }

    public var isReady: Bool { status?.conditions?.first { $0.type == "Ready" }?.status == "True" }
    public var internalIP: String? { status?.addresses?.first { $0.type == "InternalIP" }?.address }
}

public struct NamespaceSpec: Codable, Sendable, Hashable { public var finalizers: [String]?; public init() {} }
public struct NamespaceStatus: Codable, Sendable, Hashable { public var phase: String?; public init() {} }

public struct Namespace: APIObject {
    public static let resource = ResourceType.namespaces
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: NamespaceSpec?
    public var status: NamespaceStatus?
    public init(metadata: ObjectMeta) { self.metadata = metadata }
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
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var involvedObject: ObjectReference
    public var reason: String?
    public var message: String?
    public var source: EventSource?
    public var firstTimestamp: Time?
    public var lastTimestamp: Time?
    public var count: Int?
    public var type: String?
    public var eventTime: JSONValue?
    public var reportingComponent: String?
    public var reportingInstance: String?
    public init(metadata: ObjectMeta, involvedObject: ObjectReference) { self.metadata = metadata; self.involvedObject = involvedObject }
}
