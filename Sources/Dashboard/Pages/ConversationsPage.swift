import AutopilotCore
import Chat
import Foundation
import Storage

/// Conversations: the visitors' chats, most recently active first, each with who the visitor is (when they said),
/// where it stands (the agent answers, handed off to the team, closed), its last message and the visitor's mood;
/// filtered by status ("handed off" lists those waiting for a person).
struct ConversationsPage {
    static let pageSize = 100

    let app: DashboardApp
    let viewer: Viewer

    func view(_ request: PageRequest) async throws -> PageView {
        let strings = viewer.strings, format = viewer.format
        let status = request.text("status").flatMap(ConversationStatus.init(rawValue:))
        let summaries = try await ConversationService(dependencies: app.dependencies).summaries(
            tenantID: viewer.tenantID, status: status, limit: Self.pageSize)
        let rows = summaries.map { summary -> [String: Any] in
            let conversation = summary.conversation
            let last = summary.lastMessage
            return [
                "href": "/conversations/\(conversation.id)", "who": ConversationWords.who(summary, strings: strings),
                "status": strings["conversation_status_\(conversation.status.rawValue)"],
                "statusClass": ConversationWords.statusClass(conversation.status),
                "last": TemplateValue.optional(last.map { ConversationWords.excerpt($0.text) }),
                "lastBy": TemplateValue.optional(last.map { ConversationWords.role($0, strings: strings) }),
                "mood": ConversationWords.mood(summary.sentiment, strings: strings), "moodClass": ConversationWords.moodClass(summary.sentiment),
                "when": format.dateTime(conversation.updatedAt), "time": format.machineTime(conversation.updatedAt),
            ]
        }
        var filters: [[String: Any]] = [["href": "/conversations", "label": strings["common_all"], "current": status == nil]]
        for value in ConversationStatus.allCases {
            filters.append([
                "href": "/conversations?status=\(value.rawValue)", "label": strings["conversations_filter_\(value.rawValue)"],
                "current": value == status, "testid": "filter-\(value.rawValue)",
            ])
        }
        let model: [String: Any] = [
            "rows": rows, "hasRows": !rows.isEmpty, "filters": filters,
            "count": rows.count == 1 ? strings["conversations_count_one"] : strings.format("conversations_count", format.number(rows.count)),
            "empty": strings[status == nil ? "conversations_none" : "conversations_none_filtered"],
        ]
        return PageView(template: "conversations", title: strings["nav_conversations"], section: "conversations", model: model)
    }
}

/// Plain words for a conversation's parts, shared by the list and the transcript.
enum ConversationWords {
    static func who(_ summary: ConversationSummary, strings: Strings) -> String {
        if let email = summary.email { return email }
        if let phone = summary.phone { return phone }
        return strings.format("conversation_visitor", String(summary.conversation.visitorID.suffix(6)))
    }

    static func role(_ message: ConversationMessageRecord, strings: Strings) -> String {
        switch message.role {
        case .visitor: strings["conversation_role_visitor"]
        case .agent: strings["conversation_role_agent"]
        case .team: message.author.map { strings.format("conversation_role_team_named", $0) } ?? strings["conversation_role_team"]
        }
    }

    static func statusClass(_ status: ConversationStatus) -> String {
        switch status {
        case .open: "info"
        case .handedOff: "warn"
        case .closed: ""
        }
    }

    /// Unhappy at -0.3 or less (two such messages in a row hand the conversation off), happy at 0.3 or more.
    static func mood(_ score: Double?, strings: Strings) -> String {
        guard let score else { return strings["conversation_mood_none"] }
        if score <= -0.3 { return strings["conversation_mood_negative"] }
        if score >= 0.3 { return strings["conversation_mood_positive"] }
        return strings["conversation_mood_neutral"]
    }

    static func moodClass(_ score: Double?) -> String {
        guard let score else { return "" }
        return score <= -0.3 ? "bad" : (score >= 0.3 ? "good" : "")
    }

    static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 140 ? String(line.prefix(140)) + "…" : line
    }
}
