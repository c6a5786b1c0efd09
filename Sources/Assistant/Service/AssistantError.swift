import AutopilotCore

/// Why the assistant refused a request: a stable code, the field it is about, and a plain sentence.
public struct AssistantError: AutopilotError, CustomStringConvertible {
    public var category: ErrorCategory
    public var code: String
    public var message: String
    public var field: String?

    public init(_ category: ErrorCategory, _ code: String, _ message: String, field: String? = nil) {
        self.category = category
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { "\(code): \(message)" }

    static func invalid(_ field: String, _ message: String) -> AssistantError {
        AssistantError(.invalidInput, "invalid_assistant_message", message, field: field)
    }

    static let conversationNotFound = AssistantError(.notFound, "conversation_not_found", "there is no such conversation", field: "conversation_id")

    static func draftNotFound(_ callID: String) -> AssistantError {
        AssistantError(.notFound, "draft_not_found", "this conversation has no draft \"\(callID)\"", field: "call_id")
    }

    static let readOnly = AssistantError(
        .forbidden, "read_only", "this account may only read: it cannot confirm or decline the assistant's drafts")

    static let outdated = AssistantError(
        .conflict, "conversation_changed", "another message came into this conversation at the same time; read it and try again",
        field: "conversation_id")
}
