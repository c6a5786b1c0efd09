/// A document (a flow, a template) that cannot be used, with every problem found in it.
///
/// Codes: `invalid_flow` / `invalid_template` (readable but wrong), `unreadable_flow` / `unreadable_template` (not YAML or
/// JSON), `template_check_failed` (an activation check).
public struct DocumentValidationError: AutopilotError, Hashable, CustomStringConvertible {
    public var code: String
    public var issues: [ValidationIssue]

    public init(code: String, issues: [ValidationIssue]) {
        self.code = code
        self.issues = issues
    }

    /// A flow document that is readable but wrong.
    public static func invalidFlow(_ issues: [ValidationIssue]) -> DocumentValidationError {
        DocumentValidationError(code: "invalid_flow", issues: issues)
    }

    /// A template document that is readable but wrong.
    public static func invalidTemplate(_ issues: [ValidationIssue]) -> DocumentValidationError {
        DocumentValidationError(code: "invalid_template", issues: issues)
    }

    public var category: ErrorCategory { .invalidInput }

    /// The first problem, with the others after it: `name: is required (also: steps: is empty)`.
    public var message: String {
        guard let first = issues.first else { return "the document is invalid" }
        let others = issues.dropFirst().map(\.description)
        return others.isEmpty ? first.message : "\(first.message) (also: \(others.joined(separator: "; ")))"
    }

    /// The path of the first problem, if it names one.
    public var field: String? { issues.first.flatMap { $0.path.isEmpty ? nil : $0.path } }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
