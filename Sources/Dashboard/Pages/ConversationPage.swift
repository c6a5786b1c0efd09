import AutopilotCore
import Chat
import Foundation
import Storage

/// One conversation: its transcript (the visitor, the agent, the team, with the visitor's mood on each of their
/// messages), the team's answer form, and close or reopen. Viewers read it; editors and owners answer.
struct ConversationPage {
    static let maximumReplyLength = 2_000

    let app: DashboardApp
    let viewer: Viewer

    func view(conversationID: String) async throws -> PageView {
        let strings = viewer.strings, format = viewer.format
        let (summary, messages) = try await ConversationService(dependencies: app.dependencies).transcript(
            conversationID: conversationID, tenantID: viewer.tenantID)
        let conversation = summary.conversation
        let lines = messages.map { message -> [String: Any] in
            [
                "role": message.role.rawValue, "who": ConversationWords.role(message, strings: strings), "text": message.text,
                "when": format.dateTime(message.createdAt), "time": format.machineTime(message.createdAt),
                "mood": TemplateValue.optional(message.sentiment.map { ConversationWords.mood($0, strings: strings) }),
                "moodClass": ConversationWords.moodClass(message.sentiment),
            ]
        }
        let who = ConversationWords.who(summary, strings: strings)
        var model: [String: Any] = [
            "id": conversation.id, "who": who, "lines": lines, "hasLines": !lines.isEmpty,
            "status": strings["conversation_status_\(conversation.status.rawValue)"],
            "statusClass": ConversationWords.statusClass(conversation.status),
            "isClosed": conversation.status == .closed, "isHandedOff": conversation.status == .handedOff,
            "mood": ConversationWords.mood(summary.sentiment, strings: strings), "moodClass": ConversationWords.moodClass(summary.sentiment),
            "language": strings["conversation_language_\(conversation.language)"],
            "started": format.dateTime(conversation.createdAt), "startedTime": format.machineTime(conversation.createdAt),
            "replyLimit": Self.maximumReplyLength, "clientMessageID": "dash-" + UUID().uuidString.lowercased(),
            "replyHint": strings[conversation.status == .handedOff ? "conversation_reply_hint_team" : "conversation_reply_hint_take_over"],
        ]
        if let contactID = conversation.contactID { model["contactHref"] = "/customers/\(contactID)" }
        return PageView(template: "conversation", title: strings.format("conversation_title", who), section: "conversations", model: model)
    }
}
