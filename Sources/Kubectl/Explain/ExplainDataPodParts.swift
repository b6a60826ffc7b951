// Schema data for `kubectl explain`: containers, probes, volumes and other parts of a
// Pod. Format: ExplainSchema.parse. Descriptions are kubelab's own words.

extension ExplainData {
    static let podParts = """
    ## Container
    One container of a Pod: the image to run, its command, ports, environment, resources and health checks.
    args []string | Arguments passed to the command. Replaces the image's CMD; $(VAR) references to environment variables are expanded.
    command []string | The program to run. Replaces the image's ENTRYPOINT and is not run in a shell unless you call one.
    env []EnvVar | Environment variables to set in the container.
    envFrom []EnvFromSource | Sources, such as ConfigMaps or Secrets, whose keys all become environment variables.
    image string | The container image to run, e.g. nginx:1.27 or registry.example.com/app:v2.
    imagePullPolicy string {Always,IfNotPresent,Never} | When the kubelet pulls the image: Always, IfNotPresent or Never. Defaults to Always for the :latest tag and IfNotPresent otherwise.
    lifecycle Lifecycle | Actions the kubelet runs right after the container starts and right before it stops.
    livenessProbe Probe | A periodic health check; when it fails the kubelet restarts the container.
    name string ! | The container's name, unique within the Pod. Used by kubectl logs -c and in events.
    ports []ContainerPort | Ports the container listens on. Listing them is informational: any port the process opens is reachable.
    readinessProbe Probe | A periodic check of whether the container can serve traffic; until it passes, the Pod is left out of Service endpoints.
    resizePolicy []ContainerResizePolicy | How the container reacts when its CPU or memory is changed in place.
    resources ResourceRequirements | The CPU and memory the container requests (for scheduling) and may use at most (its limits).
    restartPolicy string | Only for init containers: Always turns the init container into a sidecar that keeps running next to the app containers.
    securityContext SecurityContext | Security settings for this container, such as running as non-root or dropping capabilities.
    startupProbe Probe | A check that must pass once before liveness and readiness checks begin; for slow-starting apps.
    stdin boolean | Keep a stdin stream open for the container. Defaults to false.
    stdinOnce boolean | Close stdin after the first client detaches. Defaults to false.
    terminationMessagePath string | File the container may write a last message to; it is shown in the container status. Defaults to /dev/termination-log.
    terminationMessagePolicy string {FallbackToLogsOnError,File} | Where the termination message comes from: File, or the end of the log if the file is empty and the container failed.
    tty boolean | Give the container a terminal. Needs stdin too. Defaults to false.
    volumeDevices []VolumeDevice | Raw block devices to expose inside the container.
    volumeMounts []VolumeMount | Volumes of the Pod to mount into the container's filesystem.
    workingDir string | The directory the command starts in. Defaults to the image's working directory.

    ## ContainerPort
    A network port a container listens on.
    containerPort integer ! | The port number inside the container, from 1 to 65535.
    hostIP string | The node IP address to bind hostPort on.
    hostPort integer | Expose the port on the node's own IP address at this number. Rarely needed.
    name string | A name for the port (up to 15 characters), which Services can refer to instead of the number.
    protocol string {SCTP,TCP,UDP} | TCP, UDP or SCTP. Defaults to TCP.

    ## EnvVar
    One environment variable.
    name string ! | The variable's name.
    value string | The value. $(OTHER) references to earlier variables are expanded. Defaults to an empty string.
    valueFrom EnvVarSource | Take the value from somewhere else instead, such as a ConfigMap key or a Pod field. Cannot be combined with value.

    ## EnvVarSource
    Where an environment variable's value comes from; set exactly one field.
    configMapKeyRef ConfigMapKeySelector | A key of a ConfigMap.
    fieldRef ObjectFieldSelector | A field of the Pod, such as metadata.name or status.podIP.
    resourceFieldRef ResourceFieldSelector | A request or limit of a container, such as limits.memory.
    secretKeyRef SecretKeySelector | A key of a Secret.

    ## ConfigMapKeySelector
    Selects one key of a ConfigMap.
    key string ! | The key to read.
    name string | The ConfigMap's name.
    optional boolean | If true, a missing ConfigMap or key is not an error.

    ## SecretKeySelector
    Selects one key of a Secret.
    key string ! | The key to read.
    name string | The Secret's name.
    optional boolean | If true, a missing Secret or key is not an error.

    ## ObjectFieldSelector
    Selects a field of the Pod.
    apiVersion string | The version the path is written in. Defaults to v1.
    fieldPath string ! | The path of the field, e.g. metadata.name.

    ## ResourceFieldSelector
    Selects a request or limit of a container.
    containerName string | The container; defaults to the current one for environment variables.
    divisor Quantity | The unit to express the value in. Defaults to 1.
    resource string ! | The resource, e.g. limits.cpu or requests.memory.

    ## EnvFromSource
    A ConfigMap or Secret whose keys all become environment variables.
    configMapRef ConfigMapEnvSource | The ConfigMap to read.
    prefix string | A prefix added to every variable name.
    secretRef SecretEnvSource | The Secret to read.

    ## ConfigMapEnvSource
    A ConfigMap used as a set of environment variables.
    name string | The ConfigMap's name.
    optional boolean | If true, a missing ConfigMap is not an error.

    ## SecretEnvSource
    A Secret used as a set of environment variables.
    name string | The Secret's name.
    optional boolean | If true, a missing Secret is not an error.

    ## ResourceRequirements
    The compute resources a container asks for and the most it may use.
    claims []ResourceClaim | Dynamically allocated resources, from the Pod's resourceClaims, that this container uses.
    limits map[string]Quantity | The most of each resource the container may use, e.g. cpu: 500m, memory: 256Mi. Going over the memory limit gets the container killed.
    requests map[string]Quantity | The amount of each resource the scheduler reserves for the container. Defaults to the limits when only limits are given.

    ## ResourceClaim
    A reference to one of the Pod's resource claims.
    name string ! | The name of an entry in the Pod's resourceClaims.
    request string | One request within that claim; empty for the whole claim.

    ## VolumeMount
    Where one of the Pod's volumes appears inside a container.
    mountPath string ! | The path inside the container to mount the volume at. Must not contain ':'.
    mountPropagation string {Bidirectional,HostToContainer,None} | How mounts made after this one propagate between host and container. Defaults to None.
    name string ! | The name of the Pod volume to mount.
    readOnly boolean | Mount the volume read-only. Defaults to false.
    recursiveReadOnly string | Whether a read-only mount is also read-only for mounts below it.
    subPath string | Mount only this path within the volume instead of its root.
    subPathExpr string | Like subPath, but $(VAR) references to environment variables are expanded.

    ## VolumeDevice
    A raw block device from a volume, exposed inside a container.
    devicePath string ! | The path of the device inside the container.
    name string ! | The name of the Pod volume (a persistentVolumeClaim in Block mode).

    ## Probe
    A health check the kubelet runs against a container: a command, an HTTP request, a TCP connection or a gRPC call.
    exec ExecAction | Run a command inside the container; exit code 0 means healthy.
    failureThreshold integer | How many failures in a row count as failed. Defaults to 3.
    grpc GRPCAction | Call the gRPC health service on a port.
    httpGet HTTPGetAction | Send an HTTP GET; a status from 200 to 399 means healthy.
    initialDelaySeconds integer | Seconds to wait after the container starts before the first check.
    periodSeconds integer | Seconds between checks. Defaults to 10.
    successThreshold integer | How many successes in a row count as passing after a failure. Defaults to 1 and must be 1 for liveness and startup probes.
    tcpSocket TCPSocketAction | Open a TCP connection to a port; connecting means healthy.
    terminationGracePeriodSeconds integer | For liveness and startup probes: the grace period to use when a failing probe kills the container.
    timeoutSeconds integer | Seconds before one check times out. Defaults to 1.

    ## ExecAction
    A command run inside the container.
    command []string | The command and its arguments. It is not run in a shell unless you call one.

    ## HTTPGetAction
    An HTTP GET request.
    host string | The host to connect to. Defaults to the Pod's IP.
    httpHeaders []HTTPHeader | Extra request headers.
    path string | The path to request, e.g. /healthz.
    port IntOrString ! | The port number or named container port.
    scheme string {HTTP,HTTPS} | HTTP or HTTPS. Defaults to HTTP.

    ## HTTPHeader
    One HTTP header.
    name string ! | The header name.
    value string ! | The header value.

    ## TCPSocketAction
    A TCP connection attempt.
    host string | The host to connect to. Defaults to the Pod's IP.
    port IntOrString ! | The port number or named container port.

    ## GRPCAction
    A call to the standard gRPC health checking service.
    port integer ! | The port of the gRPC service.
    service string | The service name passed to the health check.

    ## Lifecycle
    Hooks run when a container starts or is about to stop.
    postStart LifecycleHandler | Runs right after the container is created. If it fails, the container is restarted.
    preStop LifecycleHandler | Runs before the container is stopped, within the grace period.

    ## LifecycleHandler
    One hook action; set exactly one field.
    exec ExecAction | Run a command inside the container.
    httpGet HTTPGetAction | Send an HTTP GET request.
    sleep SleepAction | Wait a number of seconds.
    tcpSocket TCPSocketAction | Deprecated; kept for compatibility.

    ## SleepAction
    A pause.
    seconds integer ! | How long to sleep.

    ## ContainerResizePolicy
    How a container reacts to an in-place change of one resource.
    resourceName string ! | cpu or memory.
    restartPolicy string ! | NotRequired (change without restarting) or RestartContainer.

    ## Toleration
    Lets a Pod be scheduled onto (or stay on) nodes that carry a matching taint.
    effect string {NoExecute,NoSchedule,PreferNoSchedule} | The taint effect to match; empty matches every effect.
    key string | The taint key to match; empty with operator Exists matches every taint.
    operator string {Equal,Exists} | Equal (the default) compares the value; Exists matches any value.
    tolerationSeconds integer | For NoExecute taints: how long the Pod may stay after the taint appears. Unset means forever.
    value string | The taint value to match with operator Equal.

    ## Volume
    A named piece of storage that containers of the Pod can mount. Set name and exactly one source.
    configMap ConfigMapVolumeSource | Files made from the keys of a ConfigMap.
    csi CSIVolumeSource | Storage provided directly by a CSI driver.
    downwardAPI DownwardAPIVolumeSource | Files holding information about the Pod itself, such as its labels.
    emptyDir EmptyDirVolumeSource | An empty directory created when the Pod starts and deleted with it. Containers of the Pod can share files through it.
    ephemeral EphemeralVolumeSource | A PersistentVolumeClaim created for this Pod and deleted with it.
    hostPath HostPathVolumeSource | A file or directory from the node's own filesystem. Ties the Pod to that node's data; use with care.
    image ImageVolumeSource | The contents of an OCI image, mounted read-only.
    name string ! | The volume's name, which volumeMounts refer to. Unique within the Pod.
    nfs NFSVolumeSource | A directory exported by an NFS server.
    persistentVolumeClaim PersistentVolumeClaimVolumeSource | Storage from a PersistentVolumeClaim in the same namespace. The data outlives the Pod.
    projected ProjectedVolumeSource | Several sources (ConfigMaps, Secrets, the downward API, tokens) combined in one directory.
    secret SecretVolumeSource | Files made from the keys of a Secret.
    awsElasticBlockStore AWSElasticBlockStoreVolumeSource | An AWS EBS disk. Deprecated in-tree driver; prefer a CSI driver.
    azureDisk AzureDiskVolumeSource | An Azure data disk. Deprecated in-tree driver; prefer a CSI driver.
    azureFile AzureFileVolumeSource | An Azure File share. Deprecated in-tree driver; prefer a CSI driver.
    cephfs CephFSVolumeSource | A CephFS mount. Deprecated in-tree driver; prefer a CSI driver.
    cinder CinderVolumeSource | An OpenStack Cinder volume. Deprecated in-tree driver; prefer a CSI driver.
    fc FCVolumeSource | A Fibre Channel disk attached to the node.
    flexVolume FlexVolumeSource | A FlexVolume driver. Deprecated in-tree driver; prefer a CSI driver.
    flocker FlockerVolumeSource | A Flocker dataset. Deprecated in-tree driver; prefer a CSI driver.
    gcePersistentDisk GCEPersistentDiskVolumeSource | A GCE persistent disk. Deprecated in-tree driver; prefer a CSI driver.
    gitRepo GitRepoVolumeSource | A git repository cloned into a directory. Deprecated in-tree driver; prefer a CSI driver.
    glusterfs GlusterfsVolumeSource | A GlusterFS mount. Deprecated in-tree driver; prefer a CSI driver.
    iscsi ISCSIVolumeSource | An iSCSI disk attached to the node.
    photonPersistentDisk PhotonPersistentDiskVolumeSource | A Photon Controller disk. Deprecated in-tree driver; prefer a CSI driver.
    portworxVolume PortworxVolumeSource | A Portworx volume. Deprecated in-tree driver; prefer a CSI driver.
    quobyte QuobyteVolumeSource | A Quobyte mount. Deprecated in-tree driver; prefer a CSI driver.
    rbd RBDVolumeSource | A Ceph RBD image. Deprecated in-tree driver; prefer a CSI driver.
    scaleIO ScaleIOVolumeSource | A ScaleIO volume. Deprecated in-tree driver; prefer a CSI driver.
    storageos StorageOSVolumeSource | A StorageOS volume. Deprecated in-tree driver; prefer a CSI driver.
    vsphereVolume VsphereVirtualDiskVolumeSource | A vSphere disk. Deprecated in-tree driver; prefer a CSI driver.

    ## PersistentVolumeClaimVolumeSource
    Mounts the volume bound to a PersistentVolumeClaim.
    claimName string ! | The name of the PersistentVolumeClaim in the Pod's namespace.
    readOnly boolean | Mount the volume read-only. Defaults to false.

    ## EmptyDirVolumeSource
    An empty directory that lives as long as the Pod.
    medium string | Where to keep it: "" for the node's disk, Memory for a RAM-backed tmpfs.
    sizeLimit Quantity | The most space the directory may use.

    ## HostPathVolumeSource
    A path on the node's filesystem.
    path string ! | The path on the node.
    type string {"",BlockDevice,CharDevice,Directory,DirectoryOrCreate,File,FileOrCreate,Socket} | What must exist at the path, e.g. Directory or DirectoryOrCreate. Empty skips the check.

    ## NFSVolumeSource
    An NFS export.
    path string ! | The exported path.
    readOnly boolean | Mount the export read-only. Defaults to false.
    server string ! | The NFS server's host name or IP address.

    ## ConfigMapVolumeSource
    Files made from a ConfigMap, one per key.
    defaultMode integer | The permission bits for the files. Defaults to 0644.
    items []KeyToPath | Which keys to use and the file paths to give them. Defaults to every key, named after the key.
    name string | The ConfigMap's name.
    optional boolean | If true, a missing ConfigMap is not an error.

    ## SecretVolumeSource
    Files made from a Secret, one per key.
    defaultMode integer | The permission bits for the files. Defaults to 0644.
    items []KeyToPath | Which keys to use and the file paths to give them. Defaults to every key.
    optional boolean | If true, a missing Secret is not an error.
    secretName string | The Secret's name.

    ## KeyToPath
    Maps one key to a file.
    key string ! | The key.
    mode integer | The permission bits for this file.
    path string ! | The relative file path to write the value to.

    ## CSIVolumeSource
    Storage from a CSI driver, described inline.
    driver string ! | The name of the CSI driver.
    fsType string | The filesystem type to mount, e.g. ext4.
    nodePublishSecretRef LocalObjectReference | A Secret with credentials for the driver.
    readOnly boolean | Mount the volume read-only.
    volumeAttributes map[string]string | Driver-specific settings.

    ## DownwardAPIVolumeSource
    Files describing the Pod.
    defaultMode integer | The permission bits for the files.
    items []DownwardAPIVolumeFile | The files to create.

    ## DownwardAPIVolumeFile
    One file holding a field of the Pod or a container resource value.
    fieldRef ObjectFieldSelector | The Pod field to write.
    mode integer | The permission bits for this file.
    path string ! | The relative file path.
    resourceFieldRef ResourceFieldSelector | The container resource value to write.

    ## EphemeralVolumeSource
    A claim made from a template when the Pod starts and deleted with the Pod.
    volumeClaimTemplate PersistentVolumeClaimTemplate | The claim to create.

    ## PersistentVolumeClaimTemplate
    A template for a PersistentVolumeClaim.
    metadata ObjectMeta | Labels and annotations for the claim.
    spec PersistentVolumeClaimSpec ! | The claim's spec.

    ## ImageVolumeSource
    An OCI image or artifact mounted as a volume.
    pullPolicy string {Always,IfNotPresent,Never} | When to pull the image, as for containers.
    reference string | The image reference, as for a container image.

    ## ProjectedVolumeSource
    Several volume sources merged into one directory.
    defaultMode integer | The permission bits for the files.
    sources []VolumeProjection | The sources to combine.

    ## VolumeProjection
    One source of a projected volume.
    clusterTrustBundle ClusterTrustBundleProjection | Certificates from ClusterTrustBundle objects.
    configMap ConfigMapProjection | Keys of a ConfigMap.
    downwardAPI DownwardAPIProjection | Fields of the Pod.
    secret SecretProjection | Keys of a Secret.
    serviceAccountToken ServiceAccountTokenProjection | A token for the Pod's service account.

    ## Affinity
    Scheduling preferences and requirements relative to node labels and to other Pods.
    nodeAffinity NodeAffinity | Which nodes the Pod may or prefers to run on, by node label.
    podAffinity PodAffinity | Run near Pods with certain labels, e.g. in the same zone.
    podAntiAffinity PodAntiAffinity | Stay away from Pods with certain labels, e.g. one replica per node.

    ## PodDNSConfig
    DNS resolver settings added to those chosen by dnsPolicy.
    nameservers []string | DNS server IP addresses.
    options []PodDNSConfigOption | Resolver options such as ndots.
    searches []string | Search domains for short names.

    ## PodDNSConfigOption
    One resolver option.
    name string | The option, e.g. ndots.
    value string | Its value.

    ## HostAlias
    One /etc/hosts entry.
    hostnames []string | Host names for the address.
    ip string ! | The IP address.

    ## PodOS
    The operating system a Pod needs.
    name string ! | linux or windows.

    ## PodReadinessGate
    An extra condition the Pod must meet to be ready.
    conditionType string ! | The condition type in the Pod's status.

    ## PodResourceClaim
    A dynamically allocated resource the Pod uses.
    name string ! | The name containers refer to.
    resourceClaimName string | An existing ResourceClaim to use.
    resourceClaimTemplateName string | A ResourceClaimTemplate to create a claim from.

    ## PodResourceClaimStatus
    The claim made for one of the Pod's resource claims.
    name string ! | The entry in the Pod's resourceClaims.
    resourceClaimName string | The ResourceClaim created for it.

    ## PodSchedulingGate
    A named hold on scheduling.
    name string ! | The gate's name.

    ## PodSecurityContext
    Security settings applied to every container of a Pod unless a container overrides them.
    appArmorProfile AppArmorProfile | The AppArmor profile to use.
    fsGroup integer | A group that owns mounted volumes and is added to every container process.
    fsGroupChangePolicy string {Always,OnRootMismatch} | When volume ownership is changed to fsGroup.
    runAsGroup integer | The primary group ID for container processes.
    runAsNonRoot boolean | Refuse to start containers that would run as root.
    runAsUser integer | The user ID container processes run as.
    seLinuxChangePolicy string | How SELinux labels are applied to volumes.
    seLinuxOptions SELinuxOptions | SELinux labels for the containers.
    seccompProfile SeccompProfile | The seccomp profile to use.
    supplementalGroups []integer | Extra group IDs for container processes.
    supplementalGroupsPolicy string {Merge,Strict} | How supplementalGroups combine with groups from the image.
    sysctls []Sysctl | Kernel parameters to set for the Pod.
    windowsOptions WindowsSecurityContextOptions | Windows-specific settings.

    ## SecurityContext
    Security settings for one container; they override the Pod's securityContext.
    allowPrivilegeEscalation boolean | Whether a process may gain more privileges than its parent.
    appArmorProfile AppArmorProfile | The AppArmor profile to use.
    capabilities Capabilities | Linux capabilities to add or drop.
    privileged boolean | Run the container with nearly all the host's privileges. Defaults to false.
    procMount string {Default,Unmasked} | How /proc is mounted.
    readOnlyRootFilesystem boolean | Make the container's root filesystem read-only.
    runAsGroup integer | The primary group ID for the process.
    runAsNonRoot boolean | Refuse to start if the process would run as root.
    runAsUser integer | The user ID the process runs as.
    seLinuxOptions SELinuxOptions | SELinux labels for the container.
    seccompProfile SeccompProfile | The seccomp profile to use.
    windowsOptions WindowsSecurityContextOptions | Windows-specific settings.

    ## TopologySpreadConstraint
    How evenly matching Pods must be spread over a topology such as zones or nodes.
    labelSelector LabelSelector | Which Pods count when measuring the spread.
    matchLabelKeys []string | Label keys whose values, taken from this Pod, narrow the selector.
    maxSkew integer ! | The largest allowed difference in matching Pods between two domains.
    minDomains integer | The minimum number of domains to spread over.
    nodeAffinityPolicy string {Honor,Ignore} | Whether node affinity limits the domains counted.
    nodeTaintsPolicy string {Honor,Ignore} | Whether node taints limit the domains counted.
    topologyKey string ! | The node label that defines a domain, e.g. topology.kubernetes.io/zone.
    whenUnsatisfiable string {DoNotSchedule,ScheduleAnyway} | DoNotSchedule to refuse placement, ScheduleAnyway to only prefer the spread.

    ## EphemeralContainer
    A temporary container added to a running Pod for debugging, e.g. by kubectl debug. It takes most container fields, but ports, probes, lifecycle and resources are not allowed.
    args []string | Arguments passed to the command. Replaces the image's CMD; $(VAR) references to environment variables are expanded.
    command []string | The program to run. Replaces the image's ENTRYPOINT and is not run in a shell unless you call one.
    env []EnvVar | Environment variables to set in the container.
    envFrom []EnvFromSource | Sources, such as ConfigMaps or Secrets, whose keys all become environment variables.
    image string | The container image to run, e.g. nginx:1.27 or registry.example.com/app:v2.
    imagePullPolicy string {Always,IfNotPresent,Never} | When the kubelet pulls the image: Always, IfNotPresent or Never. Defaults to Always for the :latest tag and IfNotPresent otherwise.
    lifecycle Lifecycle | Actions the kubelet runs right after the container starts and right before it stops.
    livenessProbe Probe | A periodic health check; when it fails the kubelet restarts the container.
    name string ! | The container's name, unique within the Pod. Used by kubectl logs -c and in events.
    ports []ContainerPort | Ports the container listens on. Listing them is informational: any port the process opens is reachable.
    readinessProbe Probe | A periodic check of whether the container can serve traffic; until it passes, the Pod is left out of Service endpoints.
    resizePolicy []ContainerResizePolicy | How the container reacts when its CPU or memory is changed in place.
    resources ResourceRequirements | The CPU and memory the container requests (for scheduling) and may use at most (its limits).
    restartPolicy string | Only for init containers: Always turns the init container into a sidecar that keeps running next to the app containers.
    securityContext SecurityContext | Security settings for this container, such as running as non-root or dropping capabilities.
    startupProbe Probe | A check that must pass once before liveness and readiness checks begin; for slow-starting apps.
    stdin boolean | Keep a stdin stream open for the container. Defaults to false.
    stdinOnce boolean | Close stdin after the first client detaches. Defaults to false.
    targetContainerName string | The container whose process namespace to join, so the debug container can see its processes.
    terminationMessagePath string | File the container may write a last message to; it is shown in the container status. Defaults to /dev/termination-log.
    terminationMessagePolicy string {FallbackToLogsOnError,File} | Where the termination message comes from: File, or the end of the log if the file is empty and the container failed.
    tty boolean | Give the container a terminal. Needs stdin too. Defaults to false.
    volumeDevices []VolumeDevice | Raw block devices to expose inside the container.
    volumeMounts []VolumeMount | Volumes of the Pod to mount into the container's filesystem.
    workingDir string | The directory the command starts in. Defaults to the image's working directory.

    ## ResourceStatus
    The health of the devices allocated for one resource.
    name string ! | The resource name.
    resources []ResourceHealth | The health of each device.

    ## ContainerUser
    The identity a container's first process runs as.
    linux LinuxContainerUser | The user ID, group ID and supplemental groups on Linux.

    ## VolumeMountStatus
    The state of one volume mount.
    mountPath string ! | Where the volume is mounted.
    name string ! | The volume's name.
    readOnly boolean | Whether it is mounted read-only.
    recursiveReadOnly string | Whether sub-mounts are read-only too.

    ## AWSElasticBlockStoreVolumeSource
    Storage from an AWS EBS disk, through a deprecated in-tree driver. kubelab does not list its settings.

    ## AzureDiskVolumeSource
    Storage from an Azure data disk, through a deprecated in-tree driver. kubelab does not list its settings.

    ## AzureFileVolumeSource
    Storage from an Azure File share, through a deprecated in-tree driver. kubelab does not list its settings.

    ## CephFSVolumeSource
    Storage from a CephFS mount, through a deprecated in-tree driver. kubelab does not list its settings.

    ## CinderVolumeSource
    Storage from an OpenStack Cinder volume, through a deprecated in-tree driver. kubelab does not list its settings.

    ## FCVolumeSource
    Storage from a Fibre Channel disk, through a driver built into Kubernetes. kubelab does not list its settings.

    ## FlexVolumeSource
    Storage from a FlexVolume driver, through a deprecated in-tree driver. kubelab does not list its settings.

    ## FlockerVolumeSource
    Storage from a Flocker dataset, through a deprecated in-tree driver. kubelab does not list its settings.

    ## GCEPersistentDiskVolumeSource
    Storage from a GCE persistent disk, through a deprecated in-tree driver. kubelab does not list its settings.

    ## GitRepoVolumeSource
    Storage from a git repository cloned into a directory, through a deprecated in-tree driver. kubelab does not list its settings.

    ## GlusterfsVolumeSource
    Storage from a GlusterFS mount, through a deprecated in-tree driver. kubelab does not list its settings.

    ## ISCSIVolumeSource
    Storage from an iSCSI disk, through a driver built into Kubernetes. kubelab does not list its settings.

    ## PhotonPersistentDiskVolumeSource
    Storage from a Photon Controller disk, through a deprecated in-tree driver. kubelab does not list its settings.

    ## PortworxVolumeSource
    Storage from a Portworx volume, through a deprecated in-tree driver. kubelab does not list its settings.

    ## QuobyteVolumeSource
    Storage from a Quobyte mount, through a deprecated in-tree driver. kubelab does not list its settings.

    ## RBDVolumeSource
    Storage from a Ceph RBD image, through a deprecated in-tree driver. kubelab does not list its settings.

    ## ScaleIOVolumeSource
    Storage from a ScaleIO volume, through a deprecated in-tree driver. kubelab does not list its settings.

    ## StorageOSVolumeSource
    Storage from a StorageOS volume, through a deprecated in-tree driver. kubelab does not list its settings.

    ## VsphereVirtualDiskVolumeSource
    Storage from a vSphere disk, through a deprecated in-tree driver. kubelab does not list its settings.
    """
}
