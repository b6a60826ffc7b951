import Foundation

/// A controller that makes pods from a template: what `set image`, `logs TYPE/NAME`,
/// `rollout restart` and the describe "Pod Template" section work on.
public protocol PodTemplateOwner: APIObject {
    var podTemplate: PodTemplateSpec? { get set }
    var podSelector: LabelSelector? { get }
}

/// A controller with `spec.replicas`: what `kubectl scale` changes.
public protocol ReplicaScalable: PodTemplateOwner {
    var desiredReplicas: Int? { get set }
}

extension ReplicaSet: ReplicaScalable {
    public var podTemplate: PodTemplateSpec? { get { spec?.template } set { spec = spec ?? ReplicaSetSpec(); spec?.template = newValue } }
    public var podSelector: LabelSelector? { spec?.selector }
    public var desiredReplicas: Int? { get { spec?.replicas } set { spec = spec ?? ReplicaSetSpec(); spec?.replicas = newValue } }
}

extension Deployment: ReplicaScalable {
    public var podTemplate: PodTemplateSpec? { get { spec?.template } set { spec = spec ?? DeploymentSpec(); spec?.template = newValue } }
    public var podSelector: LabelSelector? { spec?.selector }
    public var desiredReplicas: Int? { get { spec?.replicas } set { spec = spec ?? DeploymentSpec(); spec?.replicas = newValue } }
}

extension StatefulSet: ReplicaScalable {
    public var podTemplate: PodTemplateSpec? { get { spec?.template } set { spec = spec ?? StatefulSetSpec(); spec?.template = newValue } }
    public var podSelector: LabelSelector? { spec?.selector }
    public var desiredReplicas: Int? { get { spec?.replicas } set { spec = spec ?? StatefulSetSpec(); spec?.replicas = newValue } }
}

extension DaemonSet: PodTemplateOwner {
    public var podTemplate: PodTemplateSpec? { get { spec?.template } set { spec = spec ?? DaemonSetSpec(); spec?.template = newValue } }
    public var podSelector: LabelSelector? { spec?.selector }
}

extension Job: PodTemplateOwner {
    public var podTemplate: PodTemplateSpec? { get { spec?.template } set { spec = spec ?? JobSpec(); spec?.template = newValue } }
    public var podSelector: LabelSelector? { spec?.selector }
}
