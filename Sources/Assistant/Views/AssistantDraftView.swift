import AutopilotCore
import Storage

/// A draft as the API and the dashboard show it: what it will do, and where it stands.
public struct AssistantDraftView: Sendable, Hashable {
    public var conversationID: String
    /// The call's id: the draft's id in its conversation.
    public var id: String
    public var tool: String
    public var title: String
    public var summary: String
    public var arguments: JSONValue
    public var status: AssistantDraftStatus
    /// What the action answered once it ran, or why it failed.
    public var result: String?

    init(_ record: AssistantDraftRecord, french: Bool) {
        let arguments = (try? JSONParser.parse(record.arguments)) ?? .object([:])
        conversationID = record.conversationID
        id = record.callID
        tool = record.tool
        title = DraftSummary.title(record.tool, french: french)
        summary = DraftSummary.sentence(record.tool, arguments, french: french)
        self.arguments = arguments
        status = record.status
        result = record.result
    }

    public var isPending: Bool { status == .pending }

    /// `/v1/assistant/conversations/{id}/drafts/{call_id}/confirm` without the API prefix.
    public var path: String { "/conversations/\(conversationID)/drafts/\(id)" }

    public var json: JSONValue {
        var object: JSONObject = [
            "id": .string(id), "tool": .string(tool), "title": .string(title), "summary": .string(summary), "arguments": arguments,
            "status": .string(status.rawValue),
        ]
        object["result"] = result.map { (try? JSONParser.parse($0)) ?? .string($0) } ?? .null
        if isPending {
            object["confirm_url"] = .string("/v1/assistant" + path + "/confirm")
            object["decline_url"] = .string("/v1/assistant" + path + "/decline")
        }
        return .object(object)
    }
}
