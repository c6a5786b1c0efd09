import Foundation

/// What to do with a message about to be dispatched.
public enum SendDecision: Sendable, Hashable {
    /// Send it now.
    case send
    /// Hold it and decide again at `until` (the next moment every rule allows); `reason` is the rule that set that time.
    case `defer`(until: Date, reason: SendBlockReason)
    /// Never send it; record the reason.
    case skip(SendBlockReason)

    /// The reason for a deferral or a skip; nil when the message goes out.
    public var reason: SendBlockReason? {
        switch self {
        case .send: nil
        case .defer(_, let reason): reason
        case .skip(let reason): reason
        }
    }

    /// The moment a deferred message should be decided again; nil otherwise.
    public var deferredUntil: Date? {
        if case .defer(let until, _) = self { return until }
        return nil
    }
}
