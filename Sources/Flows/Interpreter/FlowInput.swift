import AutopilotCore
import Foundation

/// What moves a run forward.
public enum FlowInput: Sendable, Hashable {
    /// Begin the run for a trigger.
    case start(FlowStart)
    /// The run's timer fired; `dueAt` must be the run's `wakeAt` (anything else is a stale timer and changes nothing).
    case timer(dueAt: Date)
    /// An event about the run's contact (or object): checked against exit conditions, then a pending `wait_for`.
    case event(FlowEvent)
    /// A person's decision on a pending `approve` step.
    case approval(FlowApproval)
}

/// The trigger of a run and the values it starts with.
public struct FlowStart: Sendable, Hashable {
    /// When the trigger happened (the event's `occurred_at`, the date trigger's moment): every delay counts from here.
    public var occurredAt: Date
    /// The trigger's values (`trigger.*`): the event's properties, `{date}` or `{scheduled_at}`.
    public var trigger: JSONObject
    /// The contact as conditions see it (`contact.*`, see `FlowVocabulary.contact`).
    public var contact: JSONObject
    /// Entity roots such as `cart`, `order`, `product` (see `FlowVocabulary`).
    public var entities: JSONObject
    /// The tenant's overrides of the flow's settings (clamped into their bounds).
    public var settings: [String: Double]
    /// The tenant's IANA time zone, used when the contact has none.
    public var tenantTimeZone: String
    /// The tenant's holdout and the split's recorded winner.
    public var experiment: FlowExperimentInput

    public init(
        occurredAt: Date, trigger: JSONObject = [:], contact: JSONObject = [:], entities: JSONObject = [:], settings: [String: Double] = [:],
        tenantTimeZone: String = "UTC", experiment: FlowExperimentInput = FlowExperimentInput()
    ) {
        self.experiment = experiment
        self.occurredAt = occurredAt
        self.trigger = trigger
        self.contact = contact
        self.entities = entities
        self.settings = settings
        self.tenantTimeZone = tenantTimeZone
    }
}

/// An event as a run sees it.
public struct FlowEvent: Sendable, Hashable {
    public var id: String
    public var type: String
    public var occurredAt: Date
    public var properties: JSONObject

    public init(id: String, type: String, occurredAt: Date, properties: JSONObject = [:]) {
        self.id = id
        self.type = type
        self.occurredAt = occurredAt
        self.properties = properties
    }
}

/// A person's decision on an `approve` step.
public struct FlowApproval: Sendable, Hashable {
    public var approved: Bool
    /// Who decided (user id or email), recorded with the run.
    public var by: String

    public init(approved: Bool, by: String) {
        self.approved = approved
        self.by = by
    }
}

/// What a run needs at its start to join its experiment group: the tenant-wide holdout and a split's decided winner.
public struct FlowExperimentInput: Sendable, Hashable {
    /// Percentage of all contacts held out of every marketing flow (0: none).
    public var tenantHoldoutPercent: Double
    /// The winning variant of the flow's split once the test is decided: new runs all take it.
    public var winner: String?

    public init(tenantHoldoutPercent: Double = 0, winner: String? = nil) {
        self.tenantHoldoutPercent = tenantHoldoutPercent
        self.winner = winner
    }
}
