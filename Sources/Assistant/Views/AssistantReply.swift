import AutopilotCore
import Foundation
import Storage

/// What MAX answered to one message, confirmation or refusal: the reply's text, the drafts waiting for the person, and
/// the turn's accounting (every model call's provider and cost, the tools run).
public struct AssistantReply: Sendable, Hashable {
    public var conversationID: String
    public var messageID: String
    public var text: String
    public var facts: AssistantTurnFacts
    /// Every draft of the conversation still waiting for a decision.
    public var pendingDrafts: [AssistantDraftView]
    /// The drafts this turn settled (confirmed, declined, failed).
    public var settledDrafts: [AssistantDraftView]
    /// True when this is the stored answer to a message already received with the same client id.
    public var duplicate: Bool

    public var json: JSONValue {
        [
            "conversation_id": .string(conversationID), "message_id": .string(messageID), "reply": .string(text), "mode": .string(facts.mode),
            "drafts": .array(pendingDrafts.map(\.json)), "settled_drafts": .array(settledDrafts.map(\.json)),
            "model_calls": facts.json["model_calls"] ?? [], "tool_runs": facts.json["tool_runs"] ?? [], "cost_usd": .double(facts.costUSD),
            "duplicate": .bool(duplicate),
        ]
    }
}

/// A conversation with its messages and drafts, as `GET /v1/assistant/conversations/{id}` and the dashboard show it.
public struct AssistantConversationView: Sendable, Hashable {
    public struct Message: Sendable, Hashable {
        public var id: String
        public var seq: Int
        public var role: AssistantMessageRole
        public var text: String
        public var createdAt: Date
        public var facts: AssistantTurnFacts?
    }

    public var id: String
    public var title: String
    public var language: String
    public var createdAt: Date
    public var updatedAt: Date
    public var messages: [Message]
    public var drafts: [AssistantDraftView]

    init(_ record: AssistantConversationRecord, messages: [AssistantMessageRecord], drafts: [AssistantDraftRecord], french: Bool) {
        id = record.id
        title = record.title
        language = record.language
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        self.messages = messages.map { message in
            let facts = message.role == .assistant ? (try? JSONParser.parse(message.details)).map(AssistantTurnFacts.init(json:)) : nil
            return Message(id: message.id, seq: message.seq, role: message.role, text: message.text, createdAt: message.createdAt, facts: facts)
        }
        self.drafts = drafts.map { AssistantDraftView($0, french: french) }
    }

    public var pendingDrafts: [AssistantDraftView] { drafts.filter(\.isPending) }

    public var json: JSONValue {
        [
            "id": .string(id), "title": .string(title), "language": .string(language), "created_at": .string(Timestamp.format(createdAt)),
            "updated_at": .string(Timestamp.format(updatedAt)),
            "messages": .array(
                messages.map { message in
                    var object: JSONObject = [
                        "id": .string(message.id), "seq": .int(Int64(message.seq)), "role": .string(message.role.rawValue),
                        "text": .string(message.text), "created_at": .string(Timestamp.format(message.createdAt)),
                    ]
                    if let facts = message.facts {
                        object["mode"] = .string(facts.mode)
                        object["cost_usd"] = .double(facts.costUSD)
                        object["model_calls"] = facts.json["model_calls"] ?? []
                        object["draft_ids"] = facts.json["draft_ids"] ?? []
                    }
                    return .object(object)
                }),
            "drafts": .array(drafts.map(\.json)),
        ]
    }
}

/// A conversation in a list: its id, title and last activity.
public struct AssistantConversationSummary: Sendable, Hashable {
    public var id: String
    public var title: String
    public var updatedAt: Date

    public var json: JSONValue {
        ["id": .string(id), "title": .string(title), "updated_at": .string(Timestamp.format(updatedAt))]
    }
}
