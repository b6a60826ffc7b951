// Schema data for `kubectl explain`: shared metadata types. Format: ExplainSchema.parse.
// Descriptions are kubelab's own words.

extension ExplainData {
    static let meta = """
    ## ObjectMeta
    Metadata every stored object carries: its name, namespace, labels, annotations and the bookkeeping the API server adds.
    annotations map[string]string | Free-form key/value notes for tools and people. Unlike labels they cannot be used to select objects.
    creationTimestamp Time | When the object was stored by the API server. Set by the server and read-only.
    deletionGracePeriodSeconds integer | How many seconds the object has left to shut down gracefully once deletion was requested. Set by the server.
    deletionTimestamp Time | When deletion was requested. While it is set the object is terminating and only finalizers keep it around. Set by the server.
    finalizers []string | Names of cleanup steps that must finish before the object is removed. Each controller removes its own entry when done.
    generateName string | A prefix the server uses to make up a unique name when `name` is empty, e.g. "web-" becomes "web-x7k2p".
    generation integer | A counter the server bumps every time the desired state (spec) changes. Controllers report the generation they have seen in status.observedGeneration.
    labels map[string]string | Key/value tags used to organise and select objects. Selectors in Services, ReplicaSets and Deployments match on them.
    managedFields []ManagedFieldsEntry | Which client (field manager) owns which fields, used by server-side apply. Rarely edited by hand.
    name string | The object's name, unique among objects of the same kind in its namespace. Required when creating unless generateName is set; cannot be changed afterwards.
    namespace string | The namespace the object lives in. Empty for cluster-scoped kinds such as Node. Cannot be changed afterwards.
    ownerReferences []OwnerReference | The objects this one belongs to. When every owner is deleted, the garbage collector deletes this object too. At most one owner can be the managing controller.
    resourceVersion string | An opaque version string the server changes on every write. Clients send it back to detect conflicting updates; do not interpret it.
    selfLink string | Deprecated and no longer filled in by the server.
    uid string | A unique ID the server assigns when the object is created. A new object with the same name gets a new uid.

    ## Time = string
    A timestamp, written in RFC 3339 form such as 2024-05-01T12:00:00Z.

    ## MicroTime = string
    A timestamp with microsecond precision, written in RFC 3339 form.

    ## Quantity = untyped
    An amount written as a number with an optional unit suffix, such as 500m (half a CPU), 128Mi or 2Gi.

    ## IntOrString = untyped
    A value that may be either a whole number or a string, such as a port number or a port name, or 25 versus "25%".

    ## FieldsV1
    The set of fields a field manager owns, in an internal JSON form.

    ## ManagedFieldsEntry
    One field manager's claim over a set of fields of the object.
    apiVersion string | The API version the fields were written in.
    fieldsType string | The format of fieldsV1; currently always "FieldsV1".
    fieldsV1 FieldsV1 | The fields this manager owns.
    manager string | The name of the client that made the change, e.g. kubectl-client-side-apply.
    operation string | Whether the change came from Apply or Update.
    subresource string | The subresource written to (such as status), or empty for the main resource.
    time Time | When this manager last changed its fields.

    ## OwnerReference
    A pointer from an object to the object that owns it, such as from a Pod to its ReplicaSet.
    apiVersion string ! | API version of the owner.
    blockOwnerDeletion boolean | If true, a foreground deletion of the owner waits until this object is gone.
    controller boolean | If true, the owner is the controller that manages this object. Only one owner may be the controller.
    kind string ! | Kind of the owner, e.g. ReplicaSet.
    name string ! | Name of the owner.
    uid string ! | uid of the owner, so a new object with the same name is not mistaken for it.

    ## LabelSelector
    A query over labels. Objects match when they carry every label in matchLabels and satisfy every expression in matchExpressions. An empty selector matches everything.
    matchExpressions []LabelSelectorRequirement | Set-based rules such as "tier In (web, api)". All of them must hold.
    matchLabels map[string]string | Exact key/value pairs the labels must contain.

    ## LabelSelectorRequirement
    One set-based rule: a label key, an operator and, for In and NotIn, a list of values.
    key string ! | The label key the rule looks at.
    operator string ! | In, NotIn, Exists or DoesNotExist.
    values []string | The values for In and NotIn; must be empty for Exists and DoesNotExist.

    ## LocalObjectReference
    Names another object in the same namespace.
    name string | Name of the object being referred to.

    ## ObjectReference
    Points at any object by kind, namespace and name, optionally at one field inside it.
    apiVersion string | API version of the object.
    fieldPath string | A field inside the object, such as spec.containers{web} for one container of a Pod.
    kind string | Kind of the object.
    name string | Name of the object.
    namespace string | Namespace of the object.
    resourceVersion string | The version of the object this reference was made against.
    uid string | uid of the object.

    ## RawExtension
    An embedded object of any kind, stored as it was written.

    ## TypedLocalObjectReference
    Names an object in the same namespace by API group, kind and name.
    apiGroup string | API group of the object; empty for the core group.
    kind string ! | Kind of the object.
    name string ! | Name of the object.
    """
}

/// Every block of schema text; ExplainSchema.shared parses them together.
enum ExplainData {
    static var all: [String] { [meta, pods, podParts, podExtras, workloads, networking, storage, cluster] }
}
