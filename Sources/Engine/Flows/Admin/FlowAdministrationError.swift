import AutopilotCore
import Flows

/// Why a flow operation was refused: the flow is unknown (`.notFound`), the document is invalid (`.invalidInput`, every
/// issue with its path), or the new id is taken (`.conflict`). The HTTP layer maps the category like any `AutopilotError`.
public struct FlowAdministrationError: AutopilotError, Hashable, CustomStringConvertible {
    public var category: ErrorCategory
    /// Stable code: `flow_not_found`, `invalid_flow`, `unreadable_flow`, `flow_id_mismatch`, `invalid_flow_id`, `flow_exists`,
    /// `flow_edited_concurrently`.
    public var code: String
    public var message: String
    /// Every problem found, each with its path (`steps[2].wait`) and reason; empty for a missing flow or a taken id.
    public var issues: [ValidationIssue]

    public init(category: ErrorCategory, code: String, message: String, issues: [ValidationIssue] = []) {
        self.category = category
        self.code = code
        self.message = message
        self.issues = issues
    }

    /// The path of the first issue (the field an error body names).
    public var field: String? { issues.first.map { $0.path.isEmpty ? "body" : $0.path } }

    public var description: String {
        issues.isEmpty ? message : ([message] + issues.map(\.description)).joined(separator: "\n")
    }

    static func notFound(_ id: String) -> FlowAdministrationError {
        FlowAdministrationError(category: .notFound, code: "flow_not_found", message: "flow \(id) was not found")
    }

    static func invalid(_ error: DocumentValidationError) -> FlowAdministrationError {
        let count = error.issues.count
        return FlowAdministrationError(
            category: .invalidInput, code: error.code,
            message: "the flow has \(count) problem\(count == 1 ? "" : "s"): \(error.issues.first?.description ?? "")",
            issues: error.issues)
    }

    static func invalid(code: String, path: String, reason: String) -> FlowAdministrationError {
        FlowAdministrationError(
            category: .invalidInput, code: code, message: path.isEmpty ? reason : "\(path): \(reason)",
            issues: [ValidationIssue(path: path, message: reason)])
    }
}
