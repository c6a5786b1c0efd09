/// One problem in a flow file: where (`steps[2].wait`) and why (`"2x" is not a duration`).
public struct FlowIssue: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// A flow file that cannot be used, with every problem found in it.
public struct FlowValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `invalid_flow` (the document is readable but wrong) or `unreadable_flow` (not YAML or JSON).
    public var code: String
    public var issues: [FlowIssue]

    public init(code: String = "invalid_flow", issues: [FlowIssue]) {
        self.code = code
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
