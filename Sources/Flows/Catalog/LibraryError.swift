import AutopilotCore

/// Built-in library files (flows or templates) that are not valid, with each file's problems.
/// Codes: `invalid_flow_library`, `invalid_template_library`.
public struct LibraryError: AutopilotError, Hashable, CustomStringConvertible {
    public var code: String
    public var files: [String: [ValidationIssue]]

    public init(code: String, files: [String: [ValidationIssue]]) {
        self.code = code
        self.files = files
    }

    /// A broken built-in library is a fault of the build, not of the caller: 500 over HTTP.
    public var category: ErrorCategory { .internal }

    public var message: String { "the built-in library is invalid: \(description)" }

    public var description: String {
        files.keys.sorted().flatMap { file in (files[file] ?? []).map { "\(file): \($0)" } }.joined(separator: "\n")
    }
}
