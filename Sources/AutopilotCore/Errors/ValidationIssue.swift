/// One problem in a document (a flow, a template): where (`steps[2].wait`, `variants.fr.subject`) and why
/// (`"2x" is not a duration`, `is required for email`). An empty path means the whole document.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
