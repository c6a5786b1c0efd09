import Foundation

/// Whether a contact may enter a flow again.
public enum FlowReentry: Sendable, Hashable {
    /// Once per contact, ever.
    case onceEver
    /// Once per trigger object (a cart, an order, a product), named by a path such as `trigger.cart_id`.
    case oncePerObject(path: [String])
    /// At most once per `days` days — per contact, or per object when `path` is given.
    case atMostEvery(days: Int, path: [String]?)

    /// The path naming the trigger object, if the rule has one.
    public var objectPath: [String]? {
        switch self {
        case .onceEver: nil
        case .oncePerObject(let path): path
        case .atMostEvery(_, let path): path
        }
    }

    /// The rule in words, for errors and listings: `once`, `once per trigger.cart_id`, `at most once every 7 days`.
    public var summary: String {
        switch self {
        case .onceEver: "once"
        case .oncePerObject(let path): "once per " + path.joined(separator: ".")
        case .atMostEvery(let days, let path): "at most once every \(days) days" + (path.map { " per " + $0.joined(separator: ".") } ?? "")
        }
    }

    /// Whether a new run may start, given the earlier runs of this flow for the same contact (their trigger object ids and
    /// start times). `objectID` is the new run's trigger object id.
    public func allows(objectID: String?, previousRuns: [(objectID: String?, startedAt: Date)], now: Date) -> Bool {
        switch self {
        case .onceEver:
            return previousRuns.isEmpty
        case .oncePerObject:
            return !previousRuns.contains { $0.objectID == objectID }
        case .atMostEvery(let days, let path):
            let window = TimeInterval(days) * 86_400
            return !previousRuns.contains { run in
                (path == nil || run.objectID == objectID) && now.timeIntervalSince(run.startedAt) < window
            }
        }
    }
}
