import AutopilotCore
import Foundation

/// A message to MAX as the API and the dashboard post it, checked: `text` (1 to 4,000 characters), optional
/// `conversation_id` (absent: a new conversation) and `client_message_id` (a retry with the same id gives the same turn).
public struct AssistantMessageInput: Sendable, Hashable {
    public static let maximumLength = 4_000

    public var conversationID: String?
    public var text: String
    public var clientMessageID: String?

    public init(conversationID: String? = nil, text: String, clientMessageID: String? = nil) throws(AssistantError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalid("text", "is required: what you ask MAX, in French or English") }
        guard trimmed.count <= Self.maximumLength else {
            throw .invalid("text", "is \(trimmed.count) characters long (\(Self.maximumLength) at most)")
        }
        if let conversationID, !Self.isIdentifier(conversationID) {
            throw .invalid("conversation_id", "must be the id of a conversation (letters, digits, _ and -, at most 100)")
        }
        if let clientMessageID, !Self.isIdentifier(clientMessageID) {
            throw .invalid("client_message_id", "must be 1 to 100 letters, digits, '_', '-', '.' or ':'")
        }
        self.conversationID = conversationID
        self.text = trimmed
        self.clientMessageID = clientMessageID
    }

    /// Reads a JSON body: `{"text": "…", "conversation_id": "…", "client_message_id": "…"}`; unknown fields are refused.
    public init(document: JSONObject) throws(AssistantError) {
        for key in document.keys.sorted() where !["text", "conversation_id", "client_message_id"].contains(key) {
            throw .invalid(key, "unknown field (expected text, conversation_id, client_message_id)")
        }
        func string(_ name: String) throws(AssistantError) -> String? {
            guard let value = document[name], value != .null else { return nil }
            guard let text = value.stringValue else { throw .invalid(name, "must be a string, not \(value.kindName)") }
            return text
        }
        try self.init(conversationID: try string("conversation_id"), text: try string("text") ?? "", clientMessageID: try string("client_message_id"))
    }

    static func isIdentifier(_ text: String) -> Bool {
        (1...100).contains(text.count) && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSetLite.identifier.contains($0)) }
    }
}

enum CharacterSetLite {
    static let identifier: Set<Unicode.Scalar> = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:".unicodeScalars)
}
