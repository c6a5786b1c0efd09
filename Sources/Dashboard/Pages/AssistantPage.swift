import Assistant
import AutopilotCore
import Engine
import Foundation
import Storage

/// MAX, the team's assistant: the person's conversations on one side, the chosen one on the other, with the drafts
/// waiting for a decision (Confirm / Decline for editors and owners; viewers read and ask, but confirm nothing).
struct AssistantPage {
    let app: DashboardApp
    let viewer: Viewer

    var service: AssistantService { app.assistant }

    func view(conversationID: String?) async throws -> PageView {
        let strings = viewer.strings
        let caller = viewer.assistantCaller
        let list = try await service.conversations(caller: caller, limit: 30)
        var model: [String: Any] = [
            "conversations": list.map { summary -> [String: Any] in
                [
                    "href": "/assistant/\(summary.id)", "title": summary.title, "current": summary.id == conversationID,
                    "updated": viewer.format.dateTime(summary.updatedAt),
                ]
            },
            "hasConversations": !list.isEmpty,
            "clientMessageID": app.dependencies.ids.make("cm"),
            "modeNote": service.isOnline ? strings["assistant_online"] : strings["assistant_offline"],
            "examples": [strings["assistant_example_draft"], strings["assistant_example_followups"], strings["assistant_example_report"]],
            "maxLength": AssistantMessageInput.maximumLength,
        ]
        var title = strings["assistant_title"]
        if let conversationID {
            let conversation = try await service.conversation(id: conversationID, caller: caller)
            title = conversation.title
            model["conversation"] = conversationModel(conversation)
        }
        return PageView(template: "assistant", title: title, section: "assistant", model: model)
    }

    func conversationModel(_ conversation: AssistantConversationView) -> [String: Any] {
        let strings = viewer.strings
        let last = conversation.messages.last?.id
        return [
            "id": conversation.id, "title": conversation.title, "hasDrafts": !conversation.pendingDrafts.isEmpty,
            "hasSettled": conversation.drafts.contains { !$0.isPending },
            "messages": conversation.messages.map { message -> [String: Any] in
                var row: [String: Any] = [
                    "isUser": message.role == .user, "text": message.text, "who": message.role == .user ? strings["assistant_you"] : "MAX",
                    "time": viewer.format.dateTime(message.createdAt), "isLast": message.id == last,
                ]
                if let facts = message.facts {
                    let providers = Set(facts.modelCalls.map(\.provider)).sorted().joined(separator: ", ")
                    row["meta"] = strings.format("assistant_meta", providers.isEmpty ? "offline" : providers, String(format: "%.4f", facts.costUSD))
                }
                return row
            },
            "drafts": conversation.pendingDrafts.map { draft -> [String: Any] in
                ["id": draft.id, "title": draft.title, "summary": draft.summary, "action": "/assistant/\(conversation.id)/drafts/\(draft.id)"]
            },
            "settled": conversation.drafts.filter { !$0.isPending }.map { draft -> [String: Any] in
                ["title": draft.title, "summary": draft.summary, "status": strings["assistant_draft_\(draft.status.rawValue)"]]
            },
        ]
    }
}

extension Viewer {
    /// The viewer as MAX's caller: their own conversations; a viewer only reads.
    var assistantCaller: AssistantCaller {
        .user(tenantID: tenantID, userID: user.id, email: user.email, readOnly: !canEdit)
    }
}
