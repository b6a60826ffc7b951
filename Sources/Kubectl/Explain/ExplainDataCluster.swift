// Schema data for `kubectl explain`: Nodes, Namespaces and Events. Format:
// ExplainSchema.parse. Descriptions are kubelab's own words.

extension ExplainData {
    static let cluster = """
    ## Node
    A Node is a machine, physical or virtual, that runs Pods. The kubelet on it registers the Node and reports its capacity and health.
    +object
    spec NodeSpec | How the node is set up for scheduling, such as its taints.
    status NodeStatus | The node's reported capacity, health, addresses and software. Read-only.

    ## NodeSpec
    Settings that affect which Pods are placed on a node.
    configSource NodeConfigSource | Deprecated: where the kubelet's dynamic configuration came from.
    externalID string | Deprecated and unused.
    podCIDR string | The IP range Pods on this node get addresses from.
    podCIDRs []string | The Pod IP ranges, one per IP family.
    providerID string | The cloud provider's ID for the machine.
    taints []Taint | Taints that repel Pods which do not tolerate them.
    unschedulable boolean | When true, no new Pods are scheduled here; kubectl cordon sets it.

    ## Taint
    A mark on a node that keeps away Pods without a matching toleration.
    effect string ! {NoExecute,NoSchedule,PreferNoSchedule} | NoSchedule keeps new Pods away, PreferNoSchedule only discourages them, NoExecute also evicts running Pods.
    key string ! | The taint's key.
    timeAdded Time | When a NoExecute taint was added.
    value string | The taint's value.

    ## NodeConfigSource
    A reference to a node configuration.
    configMap ConfigMapNodeConfigSource | The ConfigMap holding the configuration.

    ## NodeConfigStatus
    The state of a node's dynamic configuration.
    active NodeConfigSource | The configuration in use.
    assigned NodeConfigSource | The configuration assigned to the node.
    error string | A problem applying the configuration.
    lastKnownGood NodeConfigSource | The last configuration known to work.

    ## NodeStatus
    The observed state of a node.
    addresses []NodeAddress | The node's addresses, such as InternalIP and Hostname.
    allocatable map[string]Quantity | What is left for Pods after system reservations: cpu, memory, pods and more.
    capacity map[string]Quantity | The node's total resources.
    conditions []NodeCondition | Health checks such as Ready, MemoryPressure and DiskPressure.
    config NodeConfigStatus | The state of dynamic kubelet configuration.
    daemonEndpoints NodeDaemonEndpoints | Ports the node's daemons listen on.
    features NodeFeatures | Features the node supports.
    images []ContainerImage | Images present on the node.
    nodeInfo NodeSystemInfo | Versions of the node's operating system and Kubernetes software.
    phase string {Pending,Running,Terminated} | Deprecated and no longer set.
    runtimeHandlers []NodeRuntimeHandler | The container runtime handlers available.
    volumesAttached []AttachedVolume | Volumes attached to the node.
    volumesInUse []string | Volumes mounted on the node.

    ## NodeAddress
    One address of a node.
    address string ! | The address.
    type string ! | Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS.

    ## NodeCondition
    One health check of a node.
    lastHeartbeatTime Time | When the kubelet last reported this condition.
    lastTransitionTime Time | When the status last changed.
    message string | A human-readable explanation.
    reason string | A short CamelCase reason for the last change.
    status string ! | True, False or Unknown.
    type string ! | Ready, MemoryPressure, DiskPressure, PIDPressure or NetworkUnavailable.

    ## NodeSystemInfo
    Software versions reported by a node.
    architecture string ! | The CPU architecture, e.g. amd64.
    bootID string ! | An ID that changes on every reboot.
    containerRuntimeVersion string ! | The container runtime and version, e.g. containerd://1.7.
    kernelVersion string ! | The kernel version.
    kubeProxyVersion string ! | Deprecated: the kube-proxy version.
    kubeletVersion string ! | The kubelet version.
    machineID string ! | The machine's ID.
    operatingSystem string ! | The operating system, e.g. linux.
    osImage string ! | The OS distribution.
    systemUUID string ! | The hardware UUID.

    ## NodeDaemonEndpoints
    Ports of the daemons on a node.
    kubeletEndpoint DaemonEndpoint | The kubelet's port.

    ## DaemonEndpoint
    A daemon's port.
    Port integer ! | The port number.

    ## ContainerImage
    An image stored on a node.
    names []string | The image's names and digests.
    sizeBytes integer | The image's size.

    ## AttachedVolume
    A volume attached to a node.
    devicePath string ! | Where the device appears.
    name string ! | The volume's name.

    ## NodeRuntimeHandler
    A container runtime handler on a node.
    features NodeRuntimeHandlerFeatures | What the handler supports.
    name string | The handler's name; empty for the default.

    ## NodeFeatures
    Features a node supports.
    supplementalGroupsPolicy boolean | Whether the node honours supplementalGroupsPolicy.

    ## Namespace
    A Namespace divides the cluster into separately named groups of objects. Names must be unique within a namespace; deleting a namespace deletes everything in it.
    +object
    spec NamespaceSpec | Settings for the namespace.
    status NamespaceStatus | Whether the namespace is active or being deleted. Read-only.

    ## NamespaceSpec
    Settings for a namespace.
    finalizers []string | Cleanup steps that must finish before the namespace is removed.

    ## NamespaceStatus
    The observed state of a namespace.
    conditions []NamespaceCondition | The latest observations about the namespace.
    phase string {Active,Terminating} | Active, or Terminating while its contents are being deleted.

    ## NamespaceCondition
    One observation about a namespace.
    lastTransitionTime Time | When the status last changed.
    message string | A human-readable explanation.
    reason string | A short CamelCase reason for the last change.
    status string ! | True, False or Unknown.
    type string ! | The condition's name.

    ## Event
    An Event records something that happened to an object, such as a Pod being scheduled or an image failing to pull. Events are kept for a limited time (an hour by default).
    action string | What was done, or failed, about the object.
    apiVersion string | The version of the API schema this object is written in, e.g. v1 or apps/v1. The server uses it to interpret the rest of the object.
    count integer | How many times this event has happened.
    eventTime MicroTime | When the event was first observed, with microsecond precision.
    firstTimestamp Time | When the event was first recorded.
    involvedObject ObjectReference ! | The object the event is about.
    kind string | The type of object, in CamelCase, e.g. Pod or Deployment. Cannot be changed.
    lastTimestamp Time | When the event last happened.
    message string | A human-readable description.
    metadata ObjectMeta ! | The object's name, namespace, labels, annotations and other bookkeeping.
    reason string | A short CamelCase reason, e.g. Scheduled or BackOff.
    related ObjectReference | A second object involved, if any.
    reportingComponent string | The controller that emitted the event.
    reportingInstance string | The instance of that controller.
    series EventSeries | Data about a series of repeated events.
    source EventSource | The component that reported the event.
    type string | Normal or Warning.

    ## EventSeries
    A series of repeated events.
    count integer | How many times it has happened.
    lastObservedTime MicroTime | When it last happened.

    ## EventSource
    Who reported an event.
    component string | The reporting component, e.g. kubelet.
    host string | The node it happened on.
    """
}
