import AutopilotCore
import Foundation

/// Why a tool call was refused or failed, in words a person (or a model) can act on: a stable `code`, the JSON path of
/// the input it is about (`$.email`) when there is one, and the reason. Engine errors become tool errors
/// (`ToolError(engine:)`); nothing a tool throws crashes the caller.
public struct ToolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `invalid_input`, `not_found`, `read_only`, `unknown_tool`, `refused`, or the engine's own code (`flow_not_found`…).
    public var code: String
    /// `$.email`, `$` for the whole input; nil when the error is not about the input.
    public var path: String?
    public var reason: String
    /// Every problem found in the input, each with its path (the first is `path` and `reason`).
    public var issues: [ValidationIssue]

    public init(code: String, path: String? = nil, reason: String, issues: [ValidationIssue] = []) {
        self.code = code
        self.path = path
        self.reason = reason
        self.issues = issues
    }

    /// `$.email: expected string, found integer`, or the reason alone.
    public var description: String {
        guard let path else { return reason }
        return "\(path): \(reason)"
    }

    /// The message a caller shows: the description, and any further problems.
    public var message: String {
        let others = issues.dropFirst().map { "\($0.path): \($0.message)" }
        return others.isEmpty ? description : description + " (also: " + others.joined(separator: "; ") + ")"
    }

    /// An input problem at `path` (`$.limit`).
    public static func invalid(_ path: String, _ reason: String) -> ToolError {
        ToolError(code: "invalid_input", path: path, reason: reason)
    }

    /// The tool is not in the registry (or not offered to this caller).
    public static func unknownTool(_ name: String) -> ToolError {
        ToolError(code: "unknown_tool", reason: "there is no tool named \"\(name)\"")
    }

    /// What an engine error says, as a tool error: its code and message, its field as a path into the input.
    public init(engine error: any Error) {
        switch unwrappedError(error) {
        case let error as ToolError:
            self = error
        case let error as any AutopilotError where error.category != .internal:
            self.init(
                code: error.code, path: error.field.map(Self.path(forField:)), reason: error.message,
                issues: error.issues.map { ValidationIssue(path: Self.path(forField: $0.path), message: $0.message) })
        default:
            // A fault of Autopilot, not of the input: the details go to the log, the caller gets a plain sentence.
            self.init(code: "internal_error", reason: "the tool failed on an unexpected error; it has been logged")
        }
    }

    /// `email` → `$.email`, `events[3].sku` → `$.events[3].sku`, `$.x` unchanged.
    static func path(forField field: String) -> String {
        if field.hasPrefix("$") { return field }
        if field.isEmpty { return "$" }
        return field.hasPrefix("[") ? "$" + field : "$." + field
    }
}
