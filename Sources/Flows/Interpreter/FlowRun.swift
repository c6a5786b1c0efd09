import AutopilotCore
import Foundation

/// The durable state of one contact's run through one flow version. Stored by the engine, advanced only by `FlowInterpreter`.
public struct FlowRun: Sendable, Hashable {
    public var id: String
    public var flowID: String
    /// The definition version the run started on and finishes on.
    public var flowVersion: Int
    public var contactID: String
    /// The object the run is about (cart, order, product), from the flow's re-entry path; nil when the rule names none.
    public var triggerObjectID: String?
    /// The step being waited on, or the next step to run.
    public var position: FlowStepPath?
    public var status: FlowRunStatus
    /// When the pending timer is due (a wait, or a `wait_for` timeout).
    public var wakeAt: Date?
    public var waitingFor: FlowWaitState?
    /// The values conditions read: `trigger`, `contact`, `settings`, the entity (`cart`, `order`, `product`) and the
    /// events kept by `wait_for … as`.
    public var context: JSONObject
    /// The IANA time zone used for calendar days and `wait_until` (the contact's, else the tenant's, else UTC).
    public var timeZone: String
    /// The trigger's time: the origin of every delay.
    public var triggeredAt: Date?
    /// The logical time of the last step executed (timers' due times, not the worker's clock).
    public var clock: Date?
    /// The run's side of the flow's holdout: nil when neither the flow nor the tenant holds anyone out.
    public var group: FlowRunGroup?
    /// The split variant the run took, once it reached the split.
    public var variant: String?
    /// The split's winner when the run started: the run takes it instead of its assigned variant.
    public var winner: String?

    /// A run that has not started yet; feed it `.start` to begin.
    public init(id: String, flowID: String, flowVersion: Int, contactID: String) {
        self.id = id
        self.flowID = flowID
        self.flowVersion = flowVersion
        self.contactID = contactID
        self.status = .pending
        self.context = [:]
        self.timeZone = "UTC"
    }
}

/// Where a run stands. Persisted as `rawValue` plus `reason`.
public enum FlowRunStatus: Sendable, Hashable {
    case pending
    case active
    case waiting
    case completed
    case exited(reason: String)
    case skipped(reason: String)

    /// The persisted phase, without the reason.
    public var phase: FlowRunPhase {
        switch self {
        case .pending: .pending
        case .active: .active
        case .waiting: .waiting
        case .completed: .completed
        case .exited: .exited
        case .skipped: .skipped
        }
    }

    /// Persisted name: pending, active, waiting, completed, exited, skipped.
    public var rawValue: String { phase.rawValue }

    public var reason: String? {
        switch self {
        case .exited(let reason), .skipped(let reason): reason
        default: nil
        }
    }

    /// Completed, exited or skipped: nothing moves it any more.
    public var isFinished: Bool { phase.isFinished }
}

/// What a waiting run waits for.
public enum FlowWaitState: Sendable, Hashable {
    /// A `wait` or `wait_until`: the timer at `wakeAt`.
    case timer
    /// A `wait_for`: a matching event before `wakeAt`.
    case event(type: String)
    /// An `approve` step: a person's decision.
    case approval
}

/// Which side of a holdout comparison a run is on. Persisted as the raw value.
public enum FlowRunGroup: String, Sendable, Hashable, CaseIterable {
    /// Follows the flow as written.
    case treatment
    /// Recorded as entering but sent nothing (no messages, tasks, notifications, webhooks or approvals).
    case holdout
}
