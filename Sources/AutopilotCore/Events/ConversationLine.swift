/// One line of a chat with a visitor, as the contact's timeline shows it (`conversation.message`).
public struct ConversationLine: Sendable, Hashable {
    /// Who wrote the line. Raw values are persisted.
    public enum Role: String, Sendable, Hashable, Codable {
        case visitor, agent, team
    }

    public var conversationID: String
    public var role: Role
    public var text: String

    public init(conversationID: String, role: Role, text: String) {
        self.conversationID = conversationID
        self.role = role
        self.text = text
    }

    /// The properties of a `conversation.message` event: `conversation_id`, `role`, `text`.
    public var properties: JSONObject {
        ["conversation_id": .string(conversationID), "role": .string(role.rawValue), "text": .string(text)]
    }

    static func read(_ reader: PropertyReader) throws(ValidationError) -> ConversationLine {
        let conversationID = try reader.requiredIdentifier("conversation_id")
        let raw = try reader.requiredString("role", maxLength: 20)
        guard let role = Role(rawValue: raw.lowercased()) else { throw reader.fail("role", "\"\(raw)\" is not visitor, agent or team") }
        return ConversationLine(conversationID: conversationID, role: role, text: try reader.requiredString("text", maxLength: 4_000))
    }
}
