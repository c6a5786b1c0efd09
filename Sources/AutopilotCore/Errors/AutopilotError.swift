/// The one shape of Autopilot's domain errors: a stable machine `code`, a human `message`, the `field` path the error is
/// about (`events[3].occurred_at`) when there is one, and the `category` from which the HTTP layer decides the status.
///
/// Domain errors conform to it and stay free of transport concerns; `Server` maps every `AutopilotError` in one place to
/// a status and the body `{"error": {"code", "message", "field"}}` (plus `issues` when a document has several problems).
public protocol AutopilotError: Error, Sendable {
    /// What kind of refusal or failure this is (decides the HTTP status).
    var category: ErrorCategory { get }
    /// A stable machine code such as `invalid_event` or `flow_not_found`; tests and clients match on it.
    var code: String { get }
    /// A human sentence saying what is wrong.
    var message: String { get }
    /// The path of the offending field, when the error is about one.
    var field: String? { get }
    /// Every problem found in a document, each with its path; empty when the error is about one thing.
    var issues: [ValidationIssue] { get }
}

extension AutopilotError {
    public var field: String? { nil }
    public var issues: [ValidationIssue] { [] }
}

/// An error that carries the error that really happened, such as a database driver's wrapper around an error thrown
/// inside a transaction. Error mapping looks through it, so a refusal answers the same on every driver.
public protocol WrappingError: Error {
    /// The error this one wraps, if any.
    var wrappedError: (any Error)? { get }
}

/// Looks through wrappers (`WrappingError`) for the error that really happened.
public func unwrappedError(_ error: any Error) -> any Error {
    var current = error
    for _ in 0..<8 {
        guard let wrapper = current as? any WrappingError, let inner = wrapper.wrappedError else { return current }
        current = inner
    }
    return current
}
