import Foundation

// Services and what the endpoint controllers derive from them (core v1, discovery.k8s.io/v1).

public struct ServicePort: Codable, Sendable, Hashable {
    public var name: String?
    public var `protocol`: String?
    public var appProtocol: String?
    public var port: Int
    public var targetPort: IntOrString?
    public var nodePort: Int?
    public init(port: Int) { self.port = port }
}

public struct ServiceSpec: Codable, Sendable, Hashable {
    public var type: String?
    public var ports: [ServicePort]?
    public var selector: [String: String]?
    public var clusterIP: String?
    public var clusterIPs: [String]?
    public var externalIPs: [String]?
    public var externalName: String?
    public var externalTrafficPolicy: String?
    public var internalTrafficPolicy: String?
    public var sessionAffinity: String?
    public var sessionAffinityConfig: JSONValue?
    public var ipFamilies: [String]?
    public var ipFamilyPolicy: String?
    public var loadBalancerIP: String?
    public var loadBalancerSourceRanges: [String]?
    public var loadBalancerClass: String?
    public var allocateLoadBalancerNodePorts: Bool?
    public var healthCheckNodePort: Int?
    public var publishNotReadyAddresses: Bool?
    public var trafficDistribution: String?
    public init() {}
}

public struct ServiceStatus: Codable, Sendable, Hashable {
    public var loadBalancer: JSONValue?
    public var conditions: [Condition]?
    public init() {}
}

public struct Service: APIObject {
    public static let resource = ResourceType.services
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: ServiceSpec?
    public var status: ServiceStatus?
    public init(metadata: ObjectMeta, spec: ServiceSpec) { self.metadata = metadata; self.spec = spec }
    public func specEquals(_ other: any APIObject) -> Bool { spec == (other as? Self)?.spec }
}

public struct EndpointAddress: Codable, Sendable, Hashable {
    public var ip: String
    public var hostname: String?
    public var nodeName: String?
    public var targetRef: ObjectReference?
    public init(ip: String) { self.ip = ip }
}

public struct EndpointPort: Codable, Sendable, Hashable {
    public var name: String?
    public var port: Int
    public var `protocol`: String?
    public var appProtocol: String?
    public init(port: Int) { self.port = port }
}

public struct EndpointSubset: Codable, Sendable, Hashable {
    public var addresses: [EndpointAddress]?
    public var notReadyAddresses: [EndpointAddress]?
    public var ports: [EndpointPort]?
    public init() {}
}

public struct Endpoints: APIObject {
    public static let resource = ResourceType.endpoints
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var subsets: [EndpointSubset]?
    public init(metadata: ObjectMeta) { self.metadata = metadata }
    public func specEquals(_ other: any APIObject) -> Bool { subsets == (other as? Self)?.subsets }
}

public struct EndpointConditions: Codable, Sendable, Hashable {
    public var ready: Bool?
    public var serving: Bool?
    public var terminating: Bool?
    public init() {}
}

public struct SliceEndpoint: Codable, Sendable, Hashable {
    public var addresses: [String]
    public var conditions: EndpointConditions?
    public var hostname: String?
    public var nodeName: String?
    public var targetRef: ObjectReference?
    public var zone: String?
    public init(addresses: [String]) { self.addresses = addresses }
}

public struct SlicePort: Codable, Sendable, Hashable {
    public var name: String?
    public var port: Int?
    public var `protocol`: String?
    public var appProtocol: String?
    public init() {}
}

public struct EndpointSlice: APIObject {
    public static let resource = ResourceType.endpointslices
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var addressType: String
    public var endpoints: [SliceEndpoint]?
    public var ports: [SlicePort]?
    public init(metadata: ObjectMeta, addressType: String = "IPv4") { self.metadata = metadata; self.addressType = addressType }
    public func specEquals(_ other: any APIObject) -> Bool {
        guard let o = other as? Self else { return false }
        return addressType == o.addressType && endpoints == o.endpoints && ports == o.ports
    }
}
