// Schema data for `kubectl explain`: Pod and PodSpec. Format: ExplainSchema.parse.
// Descriptions are kubelab's own words.

extension ExplainData {
    static let pods = """
    ## Pod
    A Pod is the smallest thing Kubernetes runs: one or more containers scheduled together on one node, sharing a network address and volumes. Controllers such as Deployments and StatefulSets create Pods from a template.
    +object
    spec PodSpec | What the Pod should run: its containers, volumes and scheduling wishes.
    status PodStatus | What is actually happening to the Pod, reported by the kubelet and control plane. Read-only and may lag behind.

    ## PodSpec
    The desired state of a Pod: which containers to run and how to run, schedule and network them.
    activeDeadlineSeconds integer | How long, in seconds, the Pod may run before the kubelet stops it and marks it Failed. Must be a positive number.
    affinity Affinity | Rules that attract the Pod to, or keep it away from, certain nodes or other Pods.
    automountServiceAccountToken boolean | Whether the service account's API token is mounted into the containers automatically.
    containers []Container ! | The containers the Pod runs. There must be at least one, and they cannot be added or removed after the Pod is created.
    dnsConfig PodDNSConfig | Extra DNS settings merged into the resolver configuration chosen by dnsPolicy.
    dnsPolicy string {ClusterFirst,ClusterFirstWithHostNet,Default,None} | How DNS is set up for the Pod. ClusterFirst (the default) sends lookups to the cluster DNS first; Default uses the node's settings; None relies entirely on dnsConfig.
    enableServiceLinks boolean | Whether environment variables describing every Service in the namespace are injected into the containers. Defaults to true.
    ephemeralContainers []EphemeralContainer | Temporary containers added to a running Pod for debugging, e.g. by kubectl debug. They cannot be set when the Pod is created.
    hostAliases []HostAlias | Extra lines for the containers' /etc/hosts file.
    hostIPC boolean | Use the node's IPC namespace. Defaults to false.
    hostNetwork boolean | Use the node's network namespace, so the Pod shares the node's IP address and ports. Defaults to false.
    hostPID boolean | Use the node's process namespace. Defaults to false.
    hostUsers boolean | Whether the Pod uses the node's user namespace (true, the default) or gets its own.
    hostname string | The Pod's hostname. Defaults to the Pod's name; StatefulSets set it to the stable Pod name.
    imagePullSecrets []LocalObjectReference | Secrets in the same namespace holding registry credentials for pulling private images.
    initContainers []Container | Containers that run one after another, each to completion, before the regular containers start. Used for setup work.
    nodeName string | The node the Pod runs on. Normally set by the scheduler; setting it yourself bypasses scheduling.
    nodeSelector map[string]string | Node labels the Pod requires: it is only scheduled onto nodes that carry all of them.
    os PodOS | The operating system the containers need, linux or windows.
    overhead map[string]Quantity | Resources the Pod's sandbox itself uses on top of its containers, filled in from the RuntimeClass.
    preemptionPolicy string {Never,PreemptLowerPriority} | Whether this Pod may evict lower-priority Pods to make room for itself. Defaults to PreemptLowerPriority.
    priority integer | The Pod's priority, filled in from priorityClassName. Higher values are scheduled first.
    priorityClassName string | The name of a PriorityClass that sets the Pod's priority.
    readinessGates []PodReadinessGate | Extra conditions that must be True before the Pod counts as ready.
    resourceClaims []PodResourceClaim | Dynamically allocated resources (such as devices) the Pod needs.
    resources ResourceRequirements | Resource requests and limits for the Pod as a whole rather than per container (alpha in this version).
    restartPolicy string {Always,Never,OnFailure} | When the kubelet restarts containers that exit: Always (the default), OnFailure or Never. Pods of Deployments, ReplicaSets, StatefulSets and DaemonSets must use Always.
    runtimeClassName string | The RuntimeClass to run the Pod with, selecting a container runtime configuration.
    schedulerName string | The scheduler that places this Pod. Defaults to the default scheduler.
    schedulingGates []PodSchedulingGate | Names that hold the Pod back from scheduling until each has been removed.
    securityContext PodSecurityContext | Security settings for every container of the Pod, such as the user ID to run as.
    serviceAccount string | Deprecated alias for serviceAccountName.
    serviceAccountName string | The service account the Pod runs as; it decides what the Pod may do against the API.
    setHostnameAsFQDN boolean | Set the hostname to the Pod's fully qualified domain name instead of the short name.
    shareProcessNamespace boolean | Let the containers of the Pod see each other's processes. Defaults to false.
    subdomain string | If set, the Pod gets a DNS name of the form hostname.subdomain.namespace.svc.cluster-domain, served by a headless Service of that name.
    terminationGracePeriodSeconds integer | How long the Pod gets to shut down after SIGTERM before it is killed. Defaults to 30 seconds.
    tolerations []Toleration | Taints this Pod tolerates, so it may be scheduled onto nodes that carry them.
    topologySpreadConstraints []TopologySpreadConstraint | Rules for spreading matching Pods evenly across zones, nodes or other topology domains.
    volumes []Volume | Storage the Pod's containers can mount.

    ## PodTemplateSpec
    The blueprint a controller stamps Pods out of: metadata and a Pod spec.
    metadata ObjectMeta | Labels and annotations every created Pod gets. The labels must match the controller's selector.
    spec PodSpec | The spec every created Pod gets.

    ## PodStatus
    The observed state of a Pod. It may lag behind what is really happening on the node.
    conditions []PodCondition | The Pod's conditions: PodScheduled, Initialized, ContainersReady and Ready.
    containerStatuses []ContainerStatus | One entry per regular container with its state, restart count and readiness.
    ephemeralContainerStatuses []ContainerStatus | The state of each ephemeral (debug) container.
    hostIP string | The IP address of the node the Pod runs on.
    hostIPs []HostIP | All IP addresses of the node the Pod runs on.
    initContainerStatuses []ContainerStatus | One entry per init container with its state.
    message string | A human-readable note on why the Pod is in its current state.
    nominatedNodeName string | The node the scheduler plans to place this Pod on after preempting other Pods.
    phase string {Failed,Pending,Running,Succeeded,Unknown} | A coarse summary of where the Pod is in its life: Pending, Running, Succeeded, Failed or Unknown.
    podIP string | The IP address assigned to the Pod.
    podIPs []PodIP | All IP addresses assigned to the Pod, one per IP family.
    qosClass string {BestEffort,Burstable,Guaranteed} | The quality-of-service class derived from the containers' requests and limits.
    reason string | A short CamelCase word explaining the Pod's state, e.g. Evicted.
    resize string | The state of a requested in-place resource change.
    resourceClaimStatuses []PodResourceClaimStatus | Names of the ResourceClaims made for the Pod.
    startTime Time | When the kubelet accepted the Pod, before images were pulled.

    ## PodCondition
    One aspect of a Pod's state and whether it currently holds.
    lastProbeTime Time | When the condition was last checked.
    lastTransitionTime Time | When the status last changed.
    message string | A human-readable explanation.
    reason string | A short CamelCase reason for the last change.
    status string ! | True, False or Unknown.
    type string ! | The condition's name, e.g. Ready.

    ## PodIP
    One IP address of a Pod.
    ip string | The address.

    ## HostIP
    One IP address of a node.
    ip string | The address.

    ## ContainerStatus
    The observed state of one container in a Pod.
    allocatedResources map[string]Quantity | The resources the node has set aside for the container.
    allocatedResourcesStatus []ResourceStatus | The health of devices allocated to the container.
    containerID string | The runtime's ID for the container, as runtime://id.
    image string ! | The image the container runs.
    imageID string ! | The exact image digest that was pulled.
    lastState ContainerState | The state of the previous run, useful after a restart.
    name string ! | The container's name from the spec.
    ready boolean ! | Whether the container passes its readiness probe.
    resources ResourceRequirements | The requests and limits the container currently runs with.
    restartCount integer ! | How many times the container has been restarted.
    started boolean | Whether the container has started and passed its startup probe.
    state ContainerState | The container's current state.
    user ContainerUser | The user identity the container's first process runs as.
    volumeMounts []VolumeMountStatus | The volumes mounted in the container.

    ## ContainerState
    Exactly one of waiting, running or terminated describes the container.
    running ContainerStateRunning | Set while the container runs.
    terminated ContainerStateTerminated | Set once the container has exited.
    waiting ContainerStateWaiting | Set while the container is not yet running, e.g. pulling its image.

    ## ContainerStateRunning
    A running container.
    startedAt Time | When the container last started.

    ## ContainerStateTerminated
    A container that has exited.
    containerID string | The runtime's ID for the container.
    exitCode integer ! | The exit code of the container's process.
    finishedAt Time | When the container exited.
    message string | Details about the exit.
    reason string | A short reason, e.g. Completed, Error or OOMKilled.
    signal integer | The signal that stopped the container, if any.
    startedAt Time | When the container started.

    ## ContainerStateWaiting
    A container that is not running yet.
    message string | Details about the wait.
    reason string | A short reason, e.g. ContainerCreating, ImagePullBackOff or CrashLoopBackOff.
    """
}
