// Schema data for `kubectl explain`: PersistentVolumeClaims, PersistentVolumes and
// StorageClasses. Format: ExplainSchema.parse. Descriptions are kubelab's own words.

extension ExplainData {
    static let storage = """
    ## PersistentVolumeClaim
    A PersistentVolumeClaim is a request for storage by a user: a size, access modes and a storage class. It is bound to a PersistentVolume that satisfies it, and Pods mount the claim.
    +object
    spec PersistentVolumeClaimSpec | The storage being asked for.
    status PersistentVolumeClaimStatus | Whether and how the claim is bound. Read-only.

    ## PersistentVolumeClaimSpec
    The storage a claim asks for.
    accessModes []string | How the volume may be mounted: ReadWriteOnce (by one node), ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.
    dataSource TypedLocalObjectReference | An existing snapshot or claim to fill the new volume from.
    dataSourceRef TypedObjectReference | Like dataSource, but may also name other kinds of populators.
    resources VolumeResourceRequirements | The storage size requested, e.g. requests: storage: 1Gi.
    selector LabelSelector | Only bind to PersistentVolumes with these labels.
    storageClassName string | The StorageClass to provision from. Leave it out for the default class; set it to "" to only bind to volumes without a class.
    volumeAttributesClassName string | The VolumeAttributesClass to use for the volume.
    volumeMode string {Block,Filesystem} | Filesystem (the default) mounts a filesystem; Block exposes a raw device.
    volumeName string | Bind to this specific PersistentVolume.

    ## VolumeResourceRequirements
    The storage a claim needs.
    limits map[string]Quantity | The most storage the volume may have.
    requests map[string]Quantity | The least storage the volume must have, e.g. storage: 1Gi.

    ## TypedObjectReference
    Names an object, possibly in another namespace, by API group, kind and name.
    apiGroup string | API group of the object; empty for the core group.
    kind string ! | Kind of the object.
    name string ! | Name of the object.
    namespace string | Namespace of the object, when it differs from the claim's.

    ## PersistentVolumeClaimStatus
    The observed state of a claim.
    accessModes []string | The access modes of the bound volume.
    allocatedResourceStatuses map[string]string | The state of a requested resize.
    allocatedResources map[string]Quantity | The storage the system has set aside for the claim.
    capacity map[string]Quantity | The actual size of the bound volume.
    conditions []PersistentVolumeClaimCondition | The latest observations, such as a resize in progress.
    currentVolumeAttributesClassName string | The VolumeAttributesClass currently applied.
    modifyVolumeStatus ModifyVolumeStatus | The state of a requested VolumeAttributesClass change.
    phase string {Bound,Lost,Pending} | Pending (not bound yet), Bound, or Lost (the bound volume is gone).

    ## PersistentVolumeClaimCondition
    One observation about a claim.
    lastProbeTime Time | When the condition was last checked.
    lastTransitionTime Time | When the status last changed.
    message string | A human-readable explanation.
    reason string | A short CamelCase reason for the last change.
    status string ! | True, False or Unknown.
    type string ! | The condition's name, e.g. Resizing.

    ## ModifyVolumeStatus
    The state of a volume attributes change.
    status string ! {InProgress,Infeasible,Pending} | Where the change stands.
    targetVolumeAttributesClassName string | The class being applied.

    ## PersistentVolume
    A PersistentVolume is a piece of storage in the cluster, made by an administrator or provisioned from a StorageClass. It lives independently of any Pod and is bound to at most one claim.
    +object
    spec PersistentVolumeSpec | The volume's capacity, access modes and where the storage really is.
    status PersistentVolumeStatus | Whether the volume is available or bound. Read-only.

    ## PersistentVolumeSpec
    A PersistentVolume's properties and the storage behind it.
    accessModes []string | How the volume can be mounted: ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.
    capacity map[string]Quantity | The volume's size, e.g. storage: 10Gi.
    claimRef ObjectReference | The claim this volume is bound to. Set during binding, or by you to reserve the volume for a claim.
    csi CSIPersistentVolumeSource | Storage managed by a CSI driver.
    hostPath HostPathVolumeSource | A directory on a node. For single-node testing only.
    local LocalVolumeSource | A disk or directory on one node; needs nodeAffinity.
    mountOptions []string | Mount options used when the volume is mounted.
    nfs NFSVolumeSource | A directory exported by an NFS server.
    nodeAffinity VolumeNodeAffinity | The nodes the volume can be reached from; Pods using it are scheduled there.
    persistentVolumeReclaimPolicy string {Delete,Recycle,Retain} | What happens when the claim is deleted: Retain keeps the volume and its data for manual cleanup, Delete removes it. Provisioned volumes default to Delete, others to Retain.
    storageClassName string | The StorageClass the volume belongs to; only claims of that class bind to it.
    volumeAttributesClassName string | The VolumeAttributesClass the volume belongs to.
    volumeMode string {Block,Filesystem} | Filesystem (the default) or Block.
    awsElasticBlockStore AWSElasticBlockStoreVolumeSource | An AWS EBS disk. Deprecated in-tree driver; prefer a CSI driver.
    azureDisk AzureDiskVolumeSource | An Azure data disk. Deprecated in-tree driver; prefer a CSI driver.
    azureFile AzureFilePersistentVolumeSource | An Azure File share. Deprecated in-tree driver; prefer a CSI driver.
    cephfs CephFSPersistentVolumeSource | A CephFS mount. Deprecated in-tree driver; prefer a CSI driver.
    cinder CinderPersistentVolumeSource | An OpenStack Cinder volume. Deprecated in-tree driver; prefer a CSI driver.
    fc FCVolumeSource | A Fibre Channel disk attached to the node.
    flexVolume FlexPersistentVolumeSource | A FlexVolume driver. Deprecated in-tree driver; prefer a CSI driver.
    flocker FlockerVolumeSource | A Flocker dataset. Deprecated in-tree driver; prefer a CSI driver.
    gcePersistentDisk GCEPersistentDiskVolumeSource | A GCE persistent disk. Deprecated in-tree driver; prefer a CSI driver.
    glusterfs GlusterfsPersistentVolumeSource | A GlusterFS mount. Deprecated in-tree driver; prefer a CSI driver.
    iscsi ISCSIPersistentVolumeSource | An iSCSI disk attached to the node.
    photonPersistentDisk PhotonPersistentDiskVolumeSource | A Photon Controller disk. Deprecated in-tree driver; prefer a CSI driver.
    portworxVolume PortworxVolumeSource | A Portworx volume. Deprecated in-tree driver; prefer a CSI driver.
    quobyte QuobyteVolumeSource | A Quobyte mount. Deprecated in-tree driver; prefer a CSI driver.
    rbd RBDPersistentVolumeSource | A Ceph RBD image. Deprecated in-tree driver; prefer a CSI driver.
    scaleIO ScaleIOPersistentVolumeSource | A ScaleIO volume. Deprecated in-tree driver; prefer a CSI driver.
    storageos StorageOSPersistentVolumeSource | A StorageOS volume. Deprecated in-tree driver; prefer a CSI driver.
    vsphereVolume VsphereVirtualDiskVolumeSource | A vSphere disk. Deprecated in-tree driver; prefer a CSI driver.

    ## CSIPersistentVolumeSource
    A volume provided by a CSI driver.
    controllerExpandSecretRef SecretReference | A Secret with credentials for expanding the volume.
    controllerPublishSecretRef SecretReference | A Secret with credentials for attaching the volume.
    driver string ! | The name of the CSI driver.
    fsType string | The filesystem type to mount, e.g. ext4.
    nodeExpandSecretRef SecretReference | A Secret with credentials for expanding the filesystem on the node.
    nodePublishSecretRef SecretReference | A Secret with credentials for mounting the volume.
    nodeStageSecretRef SecretReference | A Secret with credentials for staging the volume on the node.
    readOnly boolean | Mount the volume read-only.
    volumeAttributes map[string]string | Driver-specific settings.
    volumeHandle string ! | The driver's ID for the volume.

    ## AzureFilePersistentVolumeSource
    Storage from an Azure File share, through a deprecated in-tree driver. kubelab does not list its settings.

    ## CephFSPersistentVolumeSource
    Storage from a CephFS mount, through a deprecated in-tree driver. kubelab does not list its settings.

    ## CinderPersistentVolumeSource
    Storage from an OpenStack Cinder volume, through a deprecated in-tree driver. kubelab does not list its settings.

    ## FlexPersistentVolumeSource
    Storage from a FlexVolume driver, through a deprecated in-tree driver. kubelab does not list its settings.

    ## GlusterfsPersistentVolumeSource
    Storage from a GlusterFS mount, through a deprecated in-tree driver. kubelab does not list its settings.

    ## RBDPersistentVolumeSource
    Storage from a Ceph RBD image, through a deprecated in-tree driver. kubelab does not list its settings.

    ## ScaleIOPersistentVolumeSource
    Storage from a ScaleIO volume, through a deprecated in-tree driver. kubelab does not list its settings.

    ## StorageOSPersistentVolumeSource
    Storage from a StorageOS volume, through a deprecated in-tree driver. kubelab does not list its settings.

    ## ISCSIPersistentVolumeSource
    Storage from an iSCSI disk, through a driver built into Kubernetes. kubelab does not list its settings.

    ## SecretReference
    Names a Secret, possibly in another namespace.
    name string | The Secret's name.
    namespace string | The Secret's namespace.

    ## LocalVolumeSource
    Storage local to one node.
    fsType string | The filesystem type, for block devices.
    path string ! | The path on the node.

    ## VolumeNodeAffinity
    The nodes a volume can be used from.
    required NodeSelector | Nodes that must match.

    ## NodeSelector
    A set of node selector terms; a node matches when any term matches.
    nodeSelectorTerms []NodeSelectorTerm ! | The terms, combined with OR.

    ## NodeSelectorTerm
    Requirements on a node's labels or fields, combined with AND.
    matchExpressions []NodeSelectorRequirement | Requirements on node labels.
    matchFields []NodeSelectorRequirement | Requirements on node fields.

    ## NodeSelectorRequirement
    One requirement: a key, an operator and values.
    key string ! | The label or field key.
    operator string ! {DoesNotExist,Exists,Gt,In,Lt,NotIn} | In, NotIn, Exists, DoesNotExist, Gt or Lt.
    values []string | The values to compare with.

    ## PersistentVolumeStatus
    The observed state of a PersistentVolume.
    lastPhaseTransitionTime Time | When the phase last changed.
    message string | A human-readable explanation of the phase.
    phase string {Available,Bound,Failed,Pending,Released} | Available (free), Bound (to a claim), Released (the claim is gone but the volume is not yet reclaimed), Failed or Pending.
    reason string | A short CamelCase reason for a failure.

    ## StorageClass
    A StorageClass describes a kind of storage an administrator offers. Claims that name it get a PersistentVolume provisioned automatically.
    allowVolumeExpansion boolean | Whether claims of this class may be resized.
    allowedTopologies []TopologySelectorTerm | Where volumes of this class may be provisioned.
    apiVersion string | The version of the API schema this object is written in, e.g. v1 or apps/v1. The server uses it to interpret the rest of the object.
    kind string | The type of object, in CamelCase, e.g. Pod or Deployment. Cannot be changed.
    metadata ObjectMeta | The object's name, namespace, labels, annotations and other bookkeeping.
    mountOptions []string | Mount options given to provisioned volumes.
    parameters map[string]string | Settings passed to the provisioner.
    provisioner string ! | The provisioner that creates the volumes, e.g. rancher.io/local-path.
    reclaimPolicy string {Delete,Recycle,Retain} | The reclaim policy of provisioned volumes. Defaults to Delete.
    volumeBindingMode string {Immediate,WaitForFirstConsumer} | Immediate provisions and binds as soon as the claim exists; WaitForFirstConsumer waits until a Pod uses the claim.

    ## TopologySelectorTerm
    A topology requirement.
    matchLabelExpressions []TopologySelectorLabelRequirement | Label requirements, combined with AND.

    ## TopologySelectorLabelRequirement
    One topology label requirement.
    key string ! | The label key.
    values []string ! | The allowed values.
    """
}
