import AutopilotCore
import Foundation

/// A tool's arguments, already checked against its input schema, read by name. Each reader still refuses a value of
/// the wrong kind with its path (`$.limit: must be a whole number`), so a tool never traps on its input.
public struct ToolInput: Sendable {
    public let arguments: JSONObject

    public init(_ arguments: JSONObject = [:]) {
        self.arguments = arguments
    }

    /// A required string, trimmed; empty is refused.
    public func string(_ name: String) throws -> String {
        guard let text = try optionalString(name) else { throw ToolError.invalid("$.\(name)", "is required") }
        return text
    }

    /// A string when given and not null, trimmed; empty is refused.
    public func optionalString(_ name: String) throws -> String? {
        guard let value = arguments[name], value != .null else { return nil }
        guard let text = value.stringValue else { throw ToolError.invalid("$.\(name)", "must be a string, not \(value.kindName)") }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ToolError.invalid("$.\(name)", "must not be empty") }
        return trimmed
    }

    /// A whole number when given, else `defaultValue`, kept within `range`.
    public func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let value = arguments[name], value != .null else { return defaultValue }
        guard let number = value.intValue, let int = Int(exactly: number) else {
            throw ToolError.invalid("$.\(name)", "must be a whole number, not \(value.kindName)")
        }
        guard range.contains(int) else { throw ToolError.invalid("$.\(name)", "must be between \(range.lowerBound) and \(range.upperBound)") }
        return int
    }

    /// A boolean when given, else `defaultValue`.
    public func bool(_ name: String, default defaultValue: Bool) throws -> Bool {
        guard let value = arguments[name], value != .null else { return defaultValue }
        guard let bool = value.boolValue else { throw ToolError.invalid("$.\(name)", "must be true or false, not \(value.kindName)") }
        return bool
    }

    /// An ISO 8601 date-time with a time zone when given.
    public func time(_ name: String) throws -> Date? {
        guard let text = try optionalString(name) else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw ToolError.invalid("$.\(name)", "\"\(text)\" is not an ISO 8601 date-time such as 2026-03-01T09:00:00Z")
        }
        return date
    }

    /// An object when given.
    public func object(_ name: String) throws -> JSONObject? {
        guard let value = arguments[name], value != .null else { return nil }
        guard let object = value.objectValue else { throw ToolError.invalid("$.\(name)", "must be an object, not \(value.kindName)") }
        return object
    }
}
