/// One problem in a template: where (`variants.fr.subject`) and why (`is required for email`).
public struct TemplateIssue: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// A template document that cannot be used, with every problem found in it.
public struct TemplateValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `invalid_template` (the document is readable but wrong) or `unreadable_template` (not YAML or JSON).
    public var code: String
    public var issues: [TemplateIssue]

    public init(code: String = "invalid_template", issues: [TemplateIssue]) {
        self.code = code
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
