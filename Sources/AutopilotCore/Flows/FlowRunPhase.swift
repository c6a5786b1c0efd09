/// Where a flow run stands, by its persisted name (`flow_runs.status`). Raw values never change. The interpreter's
/// `FlowRunStatus` (in Flows) adds the reason of an exit or a skip.
public enum FlowRunPhase: String, Sendable, Hashable, CaseIterable, Codable {
    case pending
    case active
    case waiting
    case completed
    case exited
    case skipped

    /// The phase a stored text stands for. A text no version wrote reads as `active`, as the run counts and listings
    /// always treated it; the worker then stops such a run when it cannot read its state.
    public init(stored text: String?) {
        self = text.flatMap(FlowRunPhase.init(rawValue:)) ?? .active
    }

    /// Pending, active or waiting: the run can still move.
    public var isUnderWay: Bool { !isFinished }

    /// Completed, exited or skipped: nothing moves it any more.
    public var isFinished: Bool {
        switch self {
        case .completed, .exited, .skipped: true
        case .pending, .active, .waiting: false
        }
    }
}
