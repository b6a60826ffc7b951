// Schema data for `kubectl explain`: apps/v1 and batch/v1 controllers. Format:
// ExplainSchema.parse. Descriptions are kubelab's own words.

extension ExplainData {
    static let workloads = """
    ## Deployment
    A Deployment keeps a set of identical, interchangeable Pods running and rolls out changes to them step by step, through ReplicaSets it manages.
    +object
    spec DeploymentSpec | The desired state: how many Pods, from which template, and how updates roll out.
    status DeploymentStatus | The observed state of the rollout. Read-only.

    ## DeploymentSpec
    What a Deployment should maintain and how it replaces old Pods with new ones.
    minReadySeconds integer | How long a new Pod must stay ready, without crashing, before it counts as available. Defaults to 0.
    paused boolean | While true, changes to the template do not start a rollout.
    progressDeadlineSeconds integer | How many seconds a rollout may go without progress before the Deployment reports it as failed (reason ProgressDeadlineExceeded). Defaults to 600.
    replicas integer | How many Pods to run. Defaults to 1.
    revisionHistoryLimit integer | How many old ReplicaSets to keep so you can roll back to them. Defaults to 10.
    selector LabelSelector ! | Which Pods belong to this Deployment. It must match the template's labels and cannot be changed after creation.
    strategy DeploymentStrategy | How old Pods are replaced by new ones during an update.
    template PodTemplateSpec ! | The Pod blueprint. Changing it starts a new rollout; its restartPolicy must be Always.

    ## DeploymentStrategy
    How a Deployment moves from the old Pods to the new ones.
    rollingUpdate RollingUpdateDeployment | Limits for a RollingUpdate. Only allowed when type is RollingUpdate.
    type string {Recreate,RollingUpdate} | Recreate stops every old Pod before starting new ones; RollingUpdate (the default) replaces them gradually.

    ## RollingUpdateDeployment
    The pace of a rolling update.
    maxSurge IntOrString | How many Pods, as a number or a percentage of replicas, may exist above the desired count during the update. Defaults to 25%.
    maxUnavailable IntOrString | How many Pods, as a number or a percentage of replicas, may be unavailable during the update. Defaults to 25%. Cannot be 0 when maxSurge is 0.

    ## DeploymentStatus
    The observed state of a Deployment.
    availableReplicas integer | Pods that have been ready for at least minReadySeconds.
    collisionCount integer | How often a name clash forced a different ReplicaSet name.
    conditions []DeploymentCondition | The latest observations: Available, Progressing and ReplicaFailure.
    observedGeneration integer | The spec generation the controller has acted on.
    readyReplicas integer | Pods whose Ready condition is true.
    replicas integer | All Pods of the Deployment, old and new.
    unavailableReplicas integer | Pods still needed for the Deployment to be fully available.
    updatedReplicas integer | Pods created from the current template.

    ## DeploymentCondition
    One observation about a Deployment.
    lastTransitionTime Time | When the status last changed.
    lastUpdateTime Time | When the condition was last updated.
    message string | A human-readable explanation.
    reason string | A short CamelCase reason for the last change.
    status string ! | True, False or Unknown.
    type string ! | Available, Progressing or ReplicaFailure.

    ## ReplicaSet
    A ReplicaSet keeps a given number of Pods matching its selector running, creating or deleting Pods as needed. Deployments create and manage ReplicaSets for you.
    +object
    spec ReplicaSetSpec | The desired number of Pods and their template.
    status ReplicaSetStatus | The observed number of Pods. Read-only.

    ## ReplicaSetSpec
    How many Pods a ReplicaSet keeps and what they look like.
    minReadySeconds integer | How long a new Pod must stay ready before it counts as available. Defaults to 0.
    replicas integer | How many Pods to run. Defaults to 1.
    selector LabelSelector ! | Which Pods count towards the replicas. It must match the template's labels.
    template PodTemplateSpec | The blueprint for Pods created when there are too few.

    ## ReplicaSetStatus
    The observed state of a ReplicaSet.
    availableReplicas integer | Pods that have been ready for at least minReadySeconds.
    conditions []ReplicaSetCondition | The latest observations, such as ReplicaFailure.
    fullyLabeledReplicas integer | Pods whose labels match the template's labels.
    observedGeneration integer | The spec generation the controller has acted on.
    readyReplicas integer | Pods whose Ready condition is true.
    replicas integer ! | Pods the ReplicaSet currently has.

    ## ReplicaSetCondition
    One observation about a ReplicaSet.
    lastTransitionTime Time | When the status last changed.
    message string | A human-readable explanation.
    reason string | A short CamelCase reason for the last change.
    status string ! | True, False or Unknown.
    type string ! | The condition's name, e.g. ReplicaFailure.

    ## StatefulSet
    A StatefulSet runs Pods that each keep a stable identity: a fixed ordinal name (web-0, web-1, ...), a stable DNS name through a headless Service, and their own PersistentVolumeClaims that survive rescheduling.
    +object
    spec StatefulSetSpec | The desired Pods, their identities and storage.
    status StatefulSetStatus | The observed state of the StatefulSet's Pods. Read-only.

    ## StatefulSetSpec
    What a StatefulSet maintains: how many ordered Pods, from which template, with which storage.
    minReadySeconds integer | How long a new Pod must stay ready before it counts as available. Defaults to 0.
    ordinals StatefulSetOrdinals | Where Pod numbering starts. By default the first Pod gets ordinal 0.
    persistentVolumeClaimRetentionPolicy StatefulSetPersistentVolumeClaimRetentionPolicy | Whether claims made from volumeClaimTemplates are kept or deleted when the StatefulSet is deleted or scaled down. By default they are kept.
    podManagementPolicy string {OrderedReady,Parallel} | OrderedReady (the default) creates Pods one at a time in ordinal order, each waiting for the previous to be ready, and removes them in reverse; Parallel starts and stops them all at once.
    replicas integer | How many Pods to run. Defaults to 1.
    revisionHistoryLimit integer | How many old ControllerRevisions to keep for rollbacks. Defaults to 10.
    selector LabelSelector ! | Which Pods belong to this StatefulSet. It must match the template's labels.
    serviceName string ! | The headless Service that gives each Pod a DNS name of the form pod-name.serviceName.namespace.svc.cluster.local. Create that Service yourself.
    template PodTemplateSpec ! | The Pod blueprint. Every Pod is made from it and named statefulset-name-ordinal, e.g. web-0. Its restartPolicy must be Always.
    updateStrategy StatefulSetUpdateStrategy | How Pods are replaced when the template changes.
    volumeClaimTemplates []PersistentVolumeClaim | Claims to create for every Pod, named template-name-pod-name (e.g. data-web-0). Each Pod keeps its own claim across restarts; a container mounts it by the template's name.

    ## StatefulSetOrdinals
    How the Pods of a StatefulSet are numbered.
    start integer | The ordinal of the first Pod. Defaults to 0.

    ## StatefulSetPersistentVolumeClaimRetentionPolicy
    What happens to the claims of a StatefulSet's Pods.
    whenDeleted string | Retain (the default) or Delete the claims when the StatefulSet is deleted.
    whenScaled string | Retain (the default) or Delete the claims of Pods removed by scaling down.

    ## StatefulSetUpdateStrategy
    How a StatefulSet replaces Pods after its template changes.
    rollingUpdate RollingUpdateStatefulSetStrategy | Settings for RollingUpdate.
    type string {OnDelete,RollingUpdate} | RollingUpdate (the default) replaces Pods one by one, highest ordinal first; OnDelete waits for you to delete each Pod.

    ## RollingUpdateStatefulSetStrategy
    Settings for a StatefulSet rolling update.
    maxUnavailable IntOrString | How many Pods may be unavailable during the update (alpha). Defaults to 1.
    partition integer | Only Pods with an ordinal at or above this number are updated; lower ones stay on the old revision. Useful for canaries. Defaults to 0.

    ## StatefulSetStatus
    The observed state of a StatefulSet.
    availableReplicas integer | Pods that have been ready for at least minReadySeconds.
    collisionCount integer | How often a name clash forced a different revision name.
    conditions []StatefulSetCondition | The latest observations about the StatefulSet.
    currentReplicas integer | Pods made from currentRevision.
    currentRevision string | The revision the Pods up to the partition run.
    observedGeneration integer | The spec generation the controller has acted on.
    readyReplicas integer | Pods whose Ready condition is true.
    replicas integer ! | Pods the StatefulSet currently has.
    updateRevision string | The revision made from the current template.
    updatedReplicas integer | Pods made from updateRevision.

    ## StatefulSetCondition
    One observation about a StatefulSet.
    lastTransitionTime Time | When the status last changed.
    message string | A human-readable explanation.
    reason string | A short CamelCase reason for the last change.
    status string ! | True, False or Unknown.
    type string ! | The condition's name.

    ## DaemonSet
    A DaemonSet runs one copy of a Pod on every node (or every node matching its selector), adding Pods as nodes join. Typical uses are log collectors and monitoring agents.
    +object
    spec DaemonSetSpec | The Pod to run on each node and how to update it.
    status DaemonSetStatus | How many nodes run the Pod. Read-only.

    ## DaemonSetSpec
    What a DaemonSet runs on each node.
    minReadySeconds integer | How long a new Pod must stay ready before it counts as available. Defaults to 0.
    revisionHistoryLimit integer | How many old ControllerRevisions to keep for rollbacks. Defaults to 10.
    selector LabelSelector ! | Which Pods belong to this DaemonSet. It must match the template's labels.
    template PodTemplateSpec ! | The Pod to run on every eligible node. Use nodeSelector or affinity in it to pick nodes; its restartPolicy must be Always.
    updateStrategy DaemonSetUpdateStrategy | How Pods are replaced when the template changes.

    ## DaemonSetUpdateStrategy
    How a DaemonSet replaces its Pods.
    rollingUpdate RollingUpdateDaemonSet | Settings for RollingUpdate.
    type string {OnDelete,RollingUpdate} | RollingUpdate (the default) replaces Pods node by node; OnDelete waits for you to delete each Pod.

    ## RollingUpdateDaemonSet
    The pace of a DaemonSet rolling update.
    maxSurge IntOrString | How many nodes may run an old and a new Pod at the same time during the update. Defaults to 0.
    maxUnavailable IntOrString | How many nodes may be without an available Pod during the update. Defaults to 1.

    ## DaemonSetStatus
    The observed state of a DaemonSet.
    collisionCount integer | How often a name clash forced a different revision name.
    conditions []DaemonSetCondition | The latest observations about the DaemonSet.
    currentNumberScheduled integer ! | Nodes running at least one of its Pods that should.
    desiredNumberScheduled integer ! | Nodes that should run the Pod.
    numberAvailable integer | Nodes whose Pod has been ready for at least minReadySeconds.
    numberMisscheduled integer ! | Nodes running the Pod that should not.
    numberReady integer ! | Nodes whose Pod is ready.
    numberUnavailable integer | Nodes that should run an available Pod but do not.
    observedGeneration integer | The spec generation the controller has acted on.
    updatedNumberScheduled integer | Nodes running the Pod from the current template.

    ## DaemonSetCondition
    One observation about a DaemonSet.
    lastTransitionTime Time | When the status last changed.
    message string | A human-readable explanation.
    reason string | A short CamelCase reason for the last change.
    status string ! | True, False or Unknown.
    type string ! | The condition's name.

    ## ControllerRevision
    A ControllerRevision is an immutable snapshot of a StatefulSet's or DaemonSet's Pod template, kept so the controller can tell Pods of different revisions apart and roll back.
    +object
    data RawExtension | The saved state, usually a patch holding the Pod template.
    revision integer ! | The revision number, increasing with every change.

    ## Job
    A Job runs Pods until a given number of them finish successfully, retrying failures, and then stops. Use it for batch work that ends.
    +object
    spec JobSpec | What the Job runs and when it counts as done.
    status JobStatus | Progress of the Job. Read-only.

    ## JobSpec
    What a Job runs, how many successes it needs and how it handles failures.
    activeDeadlineSeconds integer | How many seconds the Job may run in total before it is stopped and marked failed.
    backoffLimit integer | How many Pod failures are retried before the Job is marked failed. Defaults to 6.
    backoffLimitPerIndex integer | For Indexed Jobs: retries allowed for each index separately.
    completionMode string {Indexed,NonIndexed} | NonIndexed (the default): done after `completions` successes of any Pods. Indexed: each Pod gets an index from 0 to completions-1 and every index must succeed.
    completions integer | How many Pods must finish successfully. Defaults to 1.
    managedBy string | The controller that manages the Job, if not the built-in one.
    manualSelector boolean | Let you set selector yourself instead of having one generated. Rarely needed.
    maxFailedIndexes integer | For Indexed Jobs: how many failed indexes are tolerated before the Job fails.
    parallelism integer | The most Pods to run at the same time. Defaults to 1.
    podFailurePolicy PodFailurePolicy | Rules that decide, by exit code or Pod condition, whether a failed Pod is retried, ignored or fails the Job.
    podReplacementPolicy string {Failed,TerminatingOrFailed} | When a replacement Pod may be created: once the old one is terminating, or only after it has fully failed.
    selector LabelSelector | Which Pods belong to the Job. Normally generated for you.
    successPolicy SuccessPolicy | Rules that declare an Indexed Job successful before every index has finished.
    suspend boolean | While true, no Pods are created and running ones are stopped.
    template PodTemplateSpec ! | The Pod blueprint. Its restartPolicy must be Never or OnFailure.
    ttlSecondsAfterFinished integer | Delete the finished Job (and its Pods) this many seconds after it ends.

    ## PodFailurePolicy
    Rules for handling failed Pods of a Job; the first rule that matches decides.
    rules []PodFailurePolicyRule ! | The rules, checked in order.

    ## PodFailurePolicyRule
    One rule of a Pod failure policy.
    action string {Count,FailIndex,FailJob,Ignore} | What to do when the rule matches.
    onExitCodes PodFailurePolicyOnExitCodesRequirement | Match by the containers' exit codes.
    onPodConditions []PodFailurePolicyOnPodConditionsPattern | Match by the Pod's conditions.

    ## SuccessPolicy
    Rules that end an Indexed Job successfully early.
    rules []SuccessPolicyRule ! | The rules; the Job succeeds when any of them is met.

    ## SuccessPolicyRule
    One success rule.
    succeededCount integer | How many of the listed indexes must succeed.
    succeededIndexes string | Indexes that must succeed, e.g. "0,2-4".

    ## JobStatus
    The observed progress of a Job.
    active integer | Pods currently running.
    completedIndexes string | For Indexed Jobs: the indexes that succeeded, e.g. "0-2,5".
    completionTime Time | When the Job finished successfully.
    conditions []JobCondition | The latest observations, such as Complete or Failed.
    failed integer | Pods that failed.
    failedIndexes string | For Indexed Jobs with backoffLimitPerIndex: the indexes that failed.
    ready integer | Running Pods that are ready.
    startTime Time | When the Job started.
    succeeded integer | Pods that finished successfully.
    terminating integer | Pods that are shutting down.
    uncountedTerminatedPods UncountedTerminatedPods | Finished Pods the controller has not counted yet.

    ## UncountedTerminatedPods
    Pods that finished but are not yet reflected in the Job's counters.
    failed []string | uids of failed Pods.
    succeeded []string | uids of succeeded Pods.

    ## JobCondition
    One observation about a Job.
    lastProbeTime Time | When the condition was last checked.
    lastTransitionTime Time | When the status last changed.
    message string | A human-readable explanation.
    reason string | A short CamelCase reason for the last change.
    status string ! | True, False or Unknown.
    type string ! | Complete, Failed, Suspended and similar.

    ## CronJob
    A CronJob creates a Job on a repeating schedule written in cron format, like a crontab line.
    +object
    spec CronJobSpec | The schedule and the Job to create.
    status CronJobStatus | When Jobs last ran. Read-only.

    ## CronJobSpec
    When a CronJob runs and what Job it creates.
    concurrencyPolicy string {Allow,Forbid,Replace} | What to do when the previous Job is still running: Allow (the default) runs both, Forbid skips the new run, Replace stops the old Job.
    failedJobsHistoryLimit integer | How many failed Jobs to keep. Defaults to 1.
    jobTemplate JobTemplateSpec ! | The Job to create on each run.
    schedule string ! | The schedule in cron format, e.g. "*/5 * * * *" for every five minutes.
    startingDeadlineSeconds integer | How late a missed run may still start; later runs are skipped.
    successfulJobsHistoryLimit integer | How many successful Jobs to keep. Defaults to 3.
    suspend boolean | While true, no new Jobs are created. Defaults to false.
    timeZone string | The time zone the schedule is read in, e.g. Etc/UTC. Defaults to the controller's time zone.

    ## JobTemplateSpec
    The blueprint a CronJob creates Jobs from.
    metadata ObjectMeta | Labels and annotations for the created Jobs.
    spec JobSpec | The spec of the created Jobs.

    ## CronJobStatus
    The observed state of a CronJob.
    active []ObjectReference | The Jobs currently running.
    lastScheduleTime Time | When a Job was last scheduled.
    lastSuccessfulTime Time | When a Job last finished successfully.
    """
}
