import Flows

/// Why a flow operation was refused: the flow is unknown, the document is invalid (every issue with its path), or the
/// new id is taken. The HTTP layer maps `kind` to 404, 422 and 409.
public struct FlowAdministrationError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case notFound = "not_found"
        case invalid
        case conflict
    }

    public var kind: Kind
    /// Stable code: `flow_not_found`, `invalid_flow`, `unreadable_flow`, `flow_id_mismatch`, `invalid_flow_id`, `flow_exists`,
    /// `flow_edited_concurrently`.
    public var code: String
    public var message: String
    /// Every problem found, each with its path (`steps[2].wait`) and reason; empty for a missing flow or a taken id.
    public var issues: [FlowIssue]

    public init(kind: Kind, code: String, message: String, issues: [FlowIssue] = []) {
        self.kind = kind
        self.code = code
        self.message = message
        self.issues = issues
    }

    /// The issues as plain pairs, for layers that do not import the flow module.
    public var problems: [(path: String, reason: String)] { issues.map { ($0.path, $0.message) } }

    /// The path of the first issue (the field an error body names).
    public var field: String? { issues.first.map { $0.path.isEmpty ? "body" : $0.path } }

    public var description: String {
        issues.isEmpty ? message : ([message] + issues.map(\.description)).joined(separator: "\n")
    }

    static func notFound(_ id: String) -> FlowAdministrationError {
        FlowAdministrationError(kind: .notFound, code: "flow_not_found", message: "flow \(id) was not found")
    }

    static func invalid(_ error: FlowValidationError) -> FlowAdministrationError {
        let count = error.issues.count
        return FlowAdministrationError(
            kind: .invalid, code: error.code,
            message: "the flow has \(count) problem\(count == 1 ? "" : "s"): \(error.issues.first?.description ?? "")",
            issues: error.issues)
    }

    static func invalid(code: String, path: String, reason: String) -> FlowAdministrationError {
        FlowAdministrationError(
            kind: .invalid, code: code, message: path.isEmpty ? reason : "\(path): \(reason)", issues: [FlowIssue(path: path, message: reason)])
    }
}
