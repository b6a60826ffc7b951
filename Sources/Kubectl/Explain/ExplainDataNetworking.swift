// Schema data for `kubectl explain`: Services, Endpoints and EndpointSlices. Format:
// ExplainSchema.parse. A type name with a dot (discovery.EndpointPort) keeps apart two
// API types of the same name; explain shows only the part after the last dot.
// Descriptions are kubelab's own words.

extension ExplainData {
    static let networking = """
    ## Service
    A Service gives a changing set of Pods, chosen by a label selector, one stable virtual IP address and DNS name, and spreads connections over them.
    +object
    spec ServiceSpec | Which Pods the Service sends traffic to, on which ports, and how it is exposed.
    status ServiceStatus | The observed state, such as the address of an external load balancer. Read-only.

    ## ServiceSpec
    How a Service is reached and where it sends traffic.
    allocateLoadBalancerNodePorts boolean | For LoadBalancer Services: whether node ports are allocated too. Defaults to true.
    clusterIP string | The Service's virtual IP address inside the cluster, normally assigned automatically. "None" makes a headless Service: DNS then returns the Pod addresses directly. Cannot be changed.
    clusterIPs []string | The cluster IP addresses, one per IP family; the first equals clusterIP.
    externalIPs []string | Extra IP addresses, routed to the nodes by you, on which the Service also accepts traffic.
    externalName string | For type ExternalName: the DNS name the Service's name is an alias for.
    externalTrafficPolicy string {Cluster,Local} | For traffic from outside the cluster: Cluster (the default) may forward to Pods on any node; Local only uses Pods on the receiving node and keeps the client's source address.
    healthCheckNodePort integer | For LoadBalancer Services with externalTrafficPolicy Local: the node port the load balancer health-checks.
    internalTrafficPolicy string {Cluster,Local} | For traffic from inside the cluster: Cluster (the default) uses any ready Pod; Local only Pods on the same node.
    ipFamilies []string | The IP families (IPv4, IPv6) the Service uses.
    ipFamilyPolicy string {PreferDualStack,RequireDualStack,SingleStack} | Whether the Service gets one IP family or two.
    loadBalancerClass string | The load balancer implementation to use for a LoadBalancer Service.
    loadBalancerIP string | Deprecated: a requested load balancer address.
    loadBalancerSourceRanges []string | Client address ranges allowed through the cloud load balancer.
    ports []ServicePort | The ports the Service exposes and the Pod ports they lead to.
    publishNotReadyAddresses boolean | Include Pods that are not ready in DNS and endpoints. Often used with headless Services for StatefulSets.
    selector map[string]string | Pods with all of these labels receive the Service's traffic. Without a selector, endpoints must be managed by hand.
    sessionAffinity string {ClientIP,None} | ClientIP sends a client's connections to the same Pod each time; None (the default) does not.
    sessionAffinityConfig SessionAffinityConfig | Settings for ClientIP session affinity.
    trafficDistribution string | A preference for how traffic is spread, e.g. PreferClose to favour nearby endpoints.
    type string {ClusterIP,ExternalName,LoadBalancer,NodePort} | How the Service is exposed: ClusterIP (the default, inside the cluster only), NodePort (also on a port of every node), LoadBalancer (also through a cloud load balancer) or ExternalName (a DNS alias).

    ## ServicePort
    One port a Service exposes.
    appProtocol string | The application protocol, such as http or kubernetes.io/h2c, as a hint to implementations.
    name string | The port's name. Required when the Service has more than one port.
    nodePort integer | For NodePort and LoadBalancer Services: the port opened on every node, 30000-32767 by default. Assigned automatically when left out.
    port integer ! | The port the Service listens on at its cluster IP.
    protocol string {SCTP,TCP,UDP} | TCP, UDP or SCTP. Defaults to TCP.
    targetPort IntOrString | The port on the Pods to send traffic to, as a number or a named container port. Defaults to the value of port.

    ## SessionAffinityConfig
    Settings for session affinity.
    clientIP ClientIPConfig | Settings for ClientIP affinity.

    ## ClientIPConfig
    Settings for ClientIP session affinity.
    timeoutSeconds integer | How long a client sticks to the same Pod. Defaults to 10800 (3 hours).

    ## ServiceStatus
    The observed state of a Service.
    conditions []Condition | The latest observations about the Service.
    loadBalancer LoadBalancerStatus | The load balancer's addresses, if there is one.

    ## Condition
    One observation about an object's state, in the common condition format.
    lastTransitionTime Time ! | When the status last changed.
    message string ! | A human-readable explanation.
    observedGeneration integer | The object generation the condition was based on.
    reason string ! | A short CamelCase reason for the last change.
    status string ! | True, False or Unknown.
    type string ! | The condition's name.

    ## LoadBalancerStatus
    The addresses of a load balancer.
    ingress []LoadBalancerIngress | One entry per load balancer address.

    ## LoadBalancerIngress
    One load balancer address.
    hostname string | The DNS name, for load balancers known by name.
    ip string | The IP address, for load balancers known by address.
    ipMode string | How traffic reaches the Pods: VIP (straight to the nodes) or Proxy (through the load balancer).
    ports []PortStatus | The state of each port.

    ## PortStatus
    The state of one load balancer port.
    error string | Why the port could not be set up, if it failed.
    port integer ! | The port number.
    protocol string ! {SCTP,TCP,UDP} | The protocol.

    ## Endpoints
    Endpoints list the addresses and ports of the Pods behind a Service with the same name. The endpoints controller keeps them up to date for Services with a selector.
    +object
    subsets []EndpointSubset | Groups of addresses that share the same ports.

    ## EndpointSubset
    Addresses that all offer the same ports.
    addresses []EndpointAddress | Ready addresses that receive traffic.
    notReadyAddresses []EndpointAddress | Addresses of Pods that are not ready yet; they receive no traffic.
    ports []EndpointPort | The ports offered on every address.

    ## EndpointAddress
    One endpoint address.
    hostname string | The endpoint's hostname.
    ip string ! | The IP address, usually a Pod IP.
    nodeName string | The node the endpoint runs on.
    targetRef ObjectReference | The object behind the address, usually a Pod.

    ## EndpointPort
    One port of an endpoint.
    appProtocol string | The application protocol of the port.
    name string | The port's name, matching the Service port's name.
    port integer ! | The port number.
    protocol string {SCTP,TCP,UDP} | TCP, UDP or SCTP. Defaults to TCP.

    ## EndpointSlice
    An EndpointSlice holds part of the endpoints of a Service: the addresses of its Pods with their readiness. Large Services are split over several slices; kube-proxy reads them to route traffic.
    addressType string ! {FQDN,IPv4,IPv6} | The kind of address the slice holds: IPv4, IPv6 or FQDN. Cannot be changed.
    apiVersion string | The version of the API schema this object is written in, e.g. v1 or apps/v1. The server uses it to interpret the rest of the object.
    endpoints []Endpoint ! | The endpoints in this slice, up to 1000.
    kind string | The type of object, in CamelCase, e.g. Pod or Deployment. Cannot be changed.
    metadata ObjectMeta | The object's name, namespace, labels, annotations and other bookkeeping. The kubernetes.io/service-name label names the owning Service.
    ports []discovery.EndpointPort | The ports every endpoint in the slice offers.

    ## Endpoint
    One endpoint in an EndpointSlice.
    addresses []string ! | The endpoint's addresses, all of the slice's addressType.
    conditions EndpointConditions | Whether the endpoint is ready, serving and terminating.
    deprecatedTopology map[string]string | Deprecated topology labels.
    hints EndpointHints | Hints for topology-aware routing.
    hostname string | The endpoint's hostname.
    nodeName string | The node hosting the endpoint.
    targetRef ObjectReference | The object behind the endpoint, usually a Pod.
    zone string | The zone the endpoint is in.

    ## EndpointConditions
    The state of an endpoint.
    ready boolean | Whether the endpoint should receive new traffic.
    serving boolean | Whether the endpoint can answer, even while terminating.
    terminating boolean | Whether the endpoint is shutting down.

    ## EndpointHints
    Routing hints for an endpoint.
    forZones []ForZone | The zones that should use this endpoint.

    ## ForZone
    A zone an endpoint should serve.
    name string ! | The zone's name.

    ## discovery.EndpointPort
    One port of the endpoints in a slice.
    appProtocol string | The application protocol of the port.
    name string | The port's name, matching the Service port's name.
    port integer | The port number.
    protocol string {SCTP,TCP,UDP} | TCP, UDP or SCTP. Defaults to TCP.
    """
}
