import Flows

/// One flow as a tenant sees it in a list: what it is, which version runs, whether it is on, how many runs are under way.
public struct FlowSummary: Sendable, Codable, Equatable {
    /// `builtin` when the current version is the shipped library file, `tenant` when it is the tenant's own (an edit or a copy).
    public enum Source: String, Sendable, Codable {
        case builtin
        case tenant
    }

    public var id: String
    public var name: String
    public var description: String
    /// The current version: new runs start on it; running runs finish on theirs.
    public var version: Int
    public var enabled: Bool
    /// Set when the flow paused itself (circuit breaker); enabling it again resumes it.
    public var pausedReason: String?
    public var source: Source
    /// Whether the id is one of the built-in library's.
    public var builtIn: Bool
    /// `event cart.abandoned`, `date birthdate -7d at 10:00 yearly`, `schedule every day 09:00`, `manual`.
    public var trigger: String
    /// Runs pending, active or waiting, on any version.
    public var activeRuns: Int

    /// On and not paused: new runs may start.
    public var live: Bool { enabled && pausedReason == nil }

    enum CodingKeys: String, CodingKey {
        case id, name, description, version, enabled, source, trigger
        case pausedReason = "paused_reason"
        case builtIn = "built_in"
        case activeRuns = "active_runs"
    }

    /// A one-line description of what starts a flow.
    public static func summary(of trigger: FlowTrigger) -> String {
        switch trigger {
        case .event(let type, let condition):
            return "event \(type)" + (condition.map { " where \($0)" } ?? "")
        case .date(let date):
            let offset = date.offsetDays == 0 ? "" : (date.offsetDays > 0 ? " +\(date.offsetDays)d" : " \(date.offsetDays)d")
            return "date \(date.property)\(offset) at \(date.at)" + (date.yearly ? " yearly" : "")
        case .schedule(let schedule, let condition):
            return "schedule \(schedule)" + (condition.map { " where \($0)" } ?? "")
        case .manual:
            return "manual"
        case .recommendation(let rule):
            return "recommendation \(rule) (delegated)"
        }
    }
}
