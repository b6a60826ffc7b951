import KubeAPI

extension Cluster {
    /// The main process of a running container ended on its own, e.g. the shell that
    /// `kubectl run -it … -- sh` attached to was left with `exit`: the kubelet then
    /// restarts the container or completes the pod according to its restartPolicy.
    public func mainProcessExited(namespace: String, pod name: String, container: String, exitCode: Int) {
        guard let pod = store.get(Pod.self, namespace: namespace, name: name),
              pod.status?.containerStatuses?.first(where: { $0.name == container })?.state?.running != nil else { return }
        kubelet.mainProcessExited(pod, container: container, code: exitCode, self)
        drain()
    }
}

/// What a path is inside a running container, as its processes (and a web server in it) see
/// it, with its volumes mounted.
public enum ContainerFile: Sendable, Equatable {
    case file(String)
    case directory
    case missing
}

/// The node's view of containers' filesystems: files written with `kubectl exec` (or into a
/// volume from another pod) are what nginx in the container would serve.
public protocol ContainerFileSource: AnyObject {
    /// nil when the runtime has no filesystem for that container (the image's defaults apply).
    func containerFile(pod: Pod, container: String, path: String) -> ContainerFile?
}
