import KubeAPI

/// A lab as its author wrote it in `labs/NAME/lab.yaml`: everything a learner reads comes
/// from here (titles, instructions, hints, failure explanations), so a lab can be translated
/// without touching the engine.
public struct Lab: Sendable, Equatable {
    public var id: String
    public var title: String
    public var summary: String
    public var minutes: Int
    public var workspace: Workspace
    public var fixture: Fixture
    public var steps: [Step]
    /// Engine phrases (announcements, hint headers…) this lab words differently; see `UIText`.
    public var ui: UIText

    /// The learner's files when the lab starts.
    public struct Workspace: Sendable, Equatable {
        /// Absolute directory inside the simulated machine where the shell starts.
        public var directory: String
        public var files: [File]

        /// `manifests/NAME` is one of kubelab's course manifests; any other path is relative
        /// to the lab's own folder. In the workspace the file is called by its last component.
        public struct File: Sendable, Equatable {
            public var source: String
            public var contents: String
            public var name: String { source.split(separator: "/").last.map(String.init) ?? source }
        }
    }

    /// What the cluster looks like before the learner types anything.
    public struct Fixture: Sendable, Equatable {
        /// Extra registry images, each behaving like an existing one (`like`).
        public var images: [ExtraImage] = []
        /// Manifests (workspace file names) applied with `kubectl apply -f`, then settled.
        public var apply: [String] = []
    }

    public struct ExtraImage: Sendable, Equatable {
        public var name: String
        public var like: String
    }

    public var maxScore: Int { steps.reduce(0) { $0 + $1.points } }
}

public struct Step: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Markdown.
    public var instructions: String
    /// Revealed one at a time by `lab hint`.
    public var hints: [String]
    public var points: Int
    /// An optional step adds points but does not decide pass/fail of `kubelab check`.
    public var required: Bool
    public var checks: [Check]
}

/// One declarative condition. Every kind carries the sentence a learner reads when it does
/// not hold (`message`, with placeholders such as `{actual}` and `{expected}`).
public struct Check: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// At least one object matches the query.
        case exists(ObjectQuery)
        /// No object matches the query.
        case absent(ObjectQuery)
        /// Every object matching the query (at least one) has a field satisfying the comparison.
        case field(ObjectQuery, path: String, Comparison)
        /// The number of matching objects (pods may be narrowed by phase, STATUS and readiness).
        case count(ObjectQuery, PodFilter, Comparison)
        /// The learner typed a command matching `ran` whose output matched `output` (either may be nil).
        case command(ran: String?, output: String?)
        /// The cluster's change history holds these events in this order.
        case order([EventPattern], since: Window)
        /// The learner's recorded answer for this step is one of the accepted ones.
        case quiz(Quiz)
    }

    public var kind: Kind
    /// What the learner reads while the check does not hold; `{actual}`, `{expected}`,
    /// `{name}`, `{kind}`, `{object}` and `{path}` are filled in.
    public var message: String

    /// The names lab files use for each kind (`check: field`).
    public static let kindNames = ["exists", "absent", "field", "count", "command", "order", "quiz"]
}

/// Which objects a check looks at: a kind, and optionally a name, namespace and label selector.
public struct ObjectQuery: Sendable, Equatable, Hashable {
    /// As typed on the kubectl command line: `deployment`, `deploy`, `rs`, `pods`…
    public var kind: String
    public var name: String?
    public var namespace: String
    public var selector: String?
    /// Narrows the objects to those whose field satisfies a comparison (e.g. the ReplicaSet running nginx:1.18.0).
    public var whereField: FieldCondition?

    public init(kind: String, name: String? = nil, namespace: String = "default", selector: String? = nil,
                whereField: FieldCondition? = nil) {
        self.kind = kind; self.name = name; self.namespace = namespace; self.selector = selector; self.whereField = whereField
    }

    /// `deployment/nginx-deployment`, `pods -l app=nginx`: how messages name it.
    public var display: String {
        var s = name.map { "\(kind)/\($0)" } ?? kind
        if let sel = selector { s += " -l \(sel)" }
        return s
    }
}

public struct FieldCondition: Sendable, Equatable, Hashable {
    public var path: String
    public var comparison: Comparison
}

/// How a found value is compared with what the step wants.
public enum Comparison: Sendable, Equatable, Hashable {
    case equals(JSONValue)
    /// A regular expression searched in the value (anchor it with ^…$ to match all of it).
    case matches(String)
    case atLeast(Double)
    case atMost(Double)

    public static let names = ["equals", "matches", "atLeast", "atMost"]

    /// The value a message shows as `{expected}`.
    public var expected: String {
        switch self {
        case .equals(let v): return v.displayText
        case .matches(let p): return p
        case .atLeast(let n): return n.compactText
        case .atMost(let n): return n.compactText
        }
    }
}

/// Extra conditions on pods for `count`: the phase, the STATUS column kubectl prints, readiness.
public struct PodFilter: Sendable, Equatable {
    public var phase: String?
    public var status: String?
    public var ready: Bool?
    public init(phase: String? = nil, status: String? = nil, ready: Bool? = nil) {
        self.phase = phase; self.status = status; self.ready = ready
    }
}

/// One moment in an object's life, as the cluster's history records it.
public struct EventPattern: Sendable, Equatable {
    public enum Event: String, Sendable, CaseIterable {
        /// The object was created.
        case created
        /// Deletion began: a pod shows Terminating (or, deleted with no grace period, is gone at once).
        case terminating
        /// The object is gone from the API.
        case deleted
        /// A pod became Ready.
        case ready
        /// A pod stopped being Ready.
        case unready
        /// A pod's STATUS column changed to `status`.
        case status
        /// Any change to the object.
        case modified
    }

    public var event: Event
    /// Kind as typed (`pod`, `deploy`…); history entries are matched by their Kind.
    public var kind: String
    /// A regular expression the whole object name must match.
    public var name: String?
    /// For `status`: the STATUS text.
    public var status: String?
    /// Pods whose controlling ReplicaSet (or other owner) matches this query. The history keeps
    /// names only, so ownership is read from the name: owner name + `-` + a 5-character suffix.
    public var owner: ObjectQuery?
}

/// Which part of the cluster's history an order check reads.
public enum Window: String, Sendable, Equatable {
    /// Everything since the learner's session started.
    case lab
    /// Only what happened since this step became the active one.
    case step
}

public struct Quiz: Sendable, Equatable {
    public var question: String
    /// Empty for a free-text question.
    public var choices: [String]
    /// Accepted answers: choice texts, or free-text answers (compared ignoring case and spacing).
    public var accept: [String]
    /// A field of a live object whose value is also an accepted answer ("which NodePort did
    /// the Service get?"): the answer depends on the learner's cluster, not on the lab file.
    public var acceptField: FieldReference?
}

/// A field of the objects a query finds.
public struct FieldReference: Sendable, Equatable {
    public var query: ObjectQuery
    public var path: String
}

extension JSONValue {
    /// How a value reads in a message: strings bare, numbers without fractions when whole.
    public var displayText: String {
        switch self {
        case .null: return "<none>"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.compactText
        case .string(let s): return s
        case .array, .object: return compactJSON
        }
    }
}

extension Double {
    var compactText: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
