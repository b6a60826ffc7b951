import Foundation

// Job and CronJob (batch/v1).

public struct JobSpec: Codable, Sendable, Hashable {
    public var parallelism: Int?
    public var completions: Int?
    public var activeDeadlineSeconds: Int?
    public var podFailurePolicy: JSONValue?
    public var successPolicy: JSONValue?
    public var backoffLimit: Int?
    public var backoffLimitPerIndex: Int?
    public var maxFailedIndexes: Int?
    public var selector: LabelSelector?
    public var manualSelector: Bool?
    public var template: PodTemplateSpec?
    public var ttlSecondsAfterFinished: Int?
    public var completionMode: String?
    public var suspend: Bool?
    public var podReplacementPolicy: String?
    public var managedBy: String?
    public init() {}
}

public struct JobStatus: Codable, Sendable, Hashable {
    public var conditions: [Condition]?
    public var startTime: Time?
    public var completionTime: Time?
    public var active: Int?
    public var succeeded: Int?
    public var failed: Int?
    public var terminating: Int?
    public var completedIndexes: String?
    public var failedIndexes: String?
    public var uncountedTerminatedPods: JSONValue?
    public var ready: Int?
    public init() {}
}

public struct Job: APIObject {
    public static let resource = ResourceType.jobs
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: JobSpec?
    public var status: JobStatus?
    public init(metadata: ObjectMeta, spec: JobSpec) { self.metadata = metadata; self.spec = spec }
    public func specEquals(_ other: any APIObject) -> Bool { spec == (other as? Self)?.spec }
}

public struct JobTemplateSpec: Codable, Sendable, Hashable {
    public var metadata: ObjectMeta?
    public var spec: JobSpec?
    public init() {}
}

public struct CronJobSpec: Codable, Sendable, Hashable {
    public var schedule: String?
    public var timeZone: String?
    public var startingDeadlineSeconds: Int?
    public var concurrencyPolicy: String?
    public var suspend: Bool?
    public var jobTemplate: JobTemplateSpec?
    public var successfulJobsHistoryLimit: Int?
    public var failedJobsHistoryLimit: Int?
    public init(schedule: String, jobTemplate: JobTemplateSpec) { self.schedule = schedule; self.jobTemplate = jobTemplate }
}

public struct CronJobStatus: Codable, Sendable, Hashable {
    public var active: [ObjectReference]?
    public var lastScheduleTime: Time?
    public var lastSuccessfulTime: Time?
    public init() {}
}

public struct CronJob: APIObject {
    public static let resource = ResourceType.cronjobs
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: CronJobSpec?
    public var status: CronJobStatus?
    public init(metadata: ObjectMeta, spec: CronJobSpec) { self.metadata = metadata; self.spec = spec }
    public func specEquals(_ other: any APIObject) -> Bool { spec == (other as? Self)?.spec }
}
