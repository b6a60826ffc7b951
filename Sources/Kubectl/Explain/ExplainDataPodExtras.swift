// Schema data for `kubectl explain`: scheduling, security and projection details of a
// Pod. Format: ExplainSchema.parse. Descriptions are kubelab's own words.

extension ExplainData {
    static let podExtras = """
    ## NodeAffinity
    Node selection by label, as a hard requirement or a weighted preference.
    preferredDuringSchedulingIgnoredDuringExecution []PreferredSchedulingTerm | Nodes the scheduler favours, by weight. Pods are still placed elsewhere if needed.
    requiredDuringSchedulingIgnoredDuringExecution NodeSelector | Nodes the Pod may run on. Pods already running are not moved if labels change later.

    ## PreferredSchedulingTerm
    A weighted node preference.
    preference NodeSelectorTerm ! | The nodes this preference favours.
    weight integer ! | How much it counts, from 1 to 100.

    ## PodAffinity
    Rules for placing a Pod near other Pods.
    preferredDuringSchedulingIgnoredDuringExecution []WeightedPodAffinityTerm | Pods to be near if possible, by weight.
    requiredDuringSchedulingIgnoredDuringExecution []PodAffinityTerm | Pods that must already run in the same topology domain.

    ## PodAntiAffinity
    Rules for keeping a Pod away from other Pods.
    preferredDuringSchedulingIgnoredDuringExecution []WeightedPodAffinityTerm | Pods to avoid if possible, by weight.
    requiredDuringSchedulingIgnoredDuringExecution []PodAffinityTerm | Pods that must not run in the same topology domain.

    ## PodAffinityTerm
    A group of Pods, and the topology domain (such as a node or zone) to compare with.
    labelSelector LabelSelector | Which Pods the term is about.
    matchLabelKeys []string | Label keys whose values, taken from the incoming Pod, narrow the selector.
    mismatchLabelKeys []string | Label keys whose values, taken from the incoming Pod, exclude Pods.
    namespaceSelector LabelSelector | Which namespaces to look in, by namespace label.
    namespaces []string | Namespaces to look in. Defaults to the Pod's own namespace.
    topologyKey string ! | The node label that defines "the same place", e.g. kubernetes.io/hostname for the same node.

    ## WeightedPodAffinityTerm
    A Pod affinity term with a weight.
    podAffinityTerm PodAffinityTerm ! | The term.
    weight integer ! | How much it counts, from 1 to 100.

    ## ConfigMapProjection
    Keys of a ConfigMap in a projected volume.
    items []KeyToPath | Which keys to use and their file paths. Defaults to every key.
    name string | The ConfigMap's name.
    optional boolean | If true, a missing ConfigMap is not an error.

    ## SecretProjection
    Keys of a Secret in a projected volume.
    items []KeyToPath | Which keys to use and their file paths. Defaults to every key.
    name string | The Secret's name.
    optional boolean | If true, a missing Secret is not an error.

    ## DownwardAPIProjection
    Pod information in a projected volume.
    items []DownwardAPIVolumeFile | The files to create.

    ## ServiceAccountTokenProjection
    A service account token written to a file and refreshed before it expires.
    audience string | Who the token is meant for. Defaults to the API server.
    expirationSeconds integer | How long the token is valid. Defaults to one hour.
    path string ! | The relative file path.

    ## ClusterTrustBundleProjection
    Certificates from ClusterTrustBundle objects written to a file.
    labelSelector LabelSelector | Select bundles by label.
    name string | Select one bundle by name.
    optional boolean | If true, missing bundles are not an error.
    path string ! | The relative file path.
    signerName string | Select bundles by signer.

    ## AppArmorProfile
    An AppArmor profile.
    localhostProfile string | The profile name loaded on the node, for type Localhost.
    type string ! {Localhost,RuntimeDefault,Unconfined} | Which profile to use.

    ## SeccompProfile
    A seccomp profile limiting the system calls a process may make.
    localhostProfile string | A profile file on the node, for type Localhost.
    type string ! {Localhost,RuntimeDefault,Unconfined} | Which profile to use; RuntimeDefault is the runtime's safe default.

    ## SELinuxOptions
    SELinux labels.
    level string | The SELinux level.
    role string | The SELinux role.
    type string | The SELinux type.
    user string | The SELinux user.

    ## Sysctl
    One kernel parameter.
    name string ! | The parameter's name.
    value string ! | Its value.

    ## WindowsSecurityContextOptions
    Windows-specific security settings.
    gmsaCredentialSpec string | The GMSA credential spec contents.
    gmsaCredentialSpecName string | The name of the GMSA credential spec to use.
    hostProcess boolean | Run as a Windows host process.
    runAsUserName string | The Windows user to run as.

    ## Capabilities
    Linux capabilities to add to or drop from a container.
    add []string | Capabilities to add, e.g. NET_ADMIN.
    drop []string | Capabilities to drop, e.g. ALL.

    ## PodFailurePolicyOnExitCodesRequirement
    Matches failed Pods by container exit code.
    containerName string | Only look at this container.
    operator string ! {In,NotIn} | Whether the exit code must be in the list or outside it.
    values []integer ! | The exit codes.

    ## PodFailurePolicyOnPodConditionsPattern
    Matches failed Pods by a Pod condition.
    status string ! | The condition status to match.
    type string ! | The condition type to match, e.g. DisruptionTarget.

    ## ConfigMapNodeConfigSource
    A ConfigMap holding node configuration.
    kubeletConfigKey string ! | The key holding the kubelet configuration.
    name string ! | The ConfigMap's name.
    namespace string ! | The ConfigMap's namespace.
    resourceVersion string | The ConfigMap's resourceVersion.
    uid string | The ConfigMap's uid.

    ## NodeRuntimeHandlerFeatures
    Features a runtime handler supports.
    recursiveReadOnlyMounts boolean | Whether recursive read-only mounts work.
    userNamespaces boolean | Whether user namespaces work.

    ## ResourceHealth
    The health of one allocated device.
    health string | Healthy, Unhealthy or Unknown.
    resourceID string ! | The device's ID.

    ## LinuxContainerUser
    A process identity on Linux.
    gid integer ! | The primary group ID.
    supplementalGroups []integer | Extra group IDs.
    uid integer ! | The user ID.
    """
}
