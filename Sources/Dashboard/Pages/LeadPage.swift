import AutopilotCore
import Content
import Decisions
import Engine
import Foundation
import Scoring
import Storage

/// One lead: who, the Signals block (BANT with the words they came from, score and how), the last messages, the current
/// follow-up and why, the contact's recent events, notes, and the actions (qualify again, won, lost, note).
struct LeadPage {
    let app: DashboardApp
    let viewer: Viewer

    func view(leadID: String) async throws -> PageView {
        let strings = viewer.strings, format = viewer.format
        let store = app.dependencies.store
        guard let file = try await store.leadFile(id: leadID, tenantID: viewer.tenantID) else { throw DashboardFailure.notFound }
        let contactID = file.row.contactID
        async let messages = store.contactMessages(contactID: contactID, tenantID: viewer.tenantID, limit: 10)
        async let detail = TenantQueries(dependencies: app.dependencies, tenantID: viewer.tenantID).contact(id: contactID)
        async let recommendations = InsightsService(dependencies: app.dependencies, tenantID: viewer.tenantID)
            .pendingRecommendations(contactID: contactID, locale: viewer.language == .french ? .french : .english)
        let signals = LeadSignals(file: file, strings: strings, format: format)
        let row = file.row
        let name = LeadWords.name(row, strings: strings)
        let model: [String: Any] = [
            "id": row.id, "name": name, "email": TemplateValue.optional(row.email), "phone": TemplateValue.optional(file.phone),
            "company": TemplateValue.optional(row.company),
            "source": TemplateValue.optional(row.source),
            "score": row.score.map(String.init) ?? "–", "tier": LeadWords.tier(row.tier, strings: strings),
            "tierClass": LeadWords.tierClass(row.tier),
            "arrived": format.dateTime(row.createdAt), "arrivedTime": format.machineTime(row.createdAt),
            "status": strings["lead_status_\(row.status.rawValue)"], "isOpen": row.status == .open,
            "statusBy": TemplateValue.optional(file.statusBy.map { strings.format("lead_status_by", $0, file.statusAt.map(format.dateTime) ?? "") }),
            "customerHref": "/customers/\(contactID)",
            "signals": signals.templateValues,
            "messages": try await messages.map { MessageWords.row($0, strings: strings, format: format) },
            "recommendations": try await recommendations.map { FollowUpList(app: app, viewer: viewer).item(for: $0) },
            "events": (try await detail)?.recentEvents.prefix(30).map { EventWords.row($0, strings: strings, format: format) } ?? [],
            "notes": file.notes.map { note -> [String: Any] in
                ["text": note.text, "author": note.authorEmail, "at": format.dateTime(note.createdAt), "time": format.machineTime(note.createdAt)]
            },
            "requalifyHint": app.dependencies.ai.providerNames.isEmpty ? strings["lead_requalify_offline"] : strings["lead_requalify_model"],
            "noteLimit": String(LeadNote.maximumLength),
        ]
        return PageView(template: "lead", title: name, section: "leads", model: model)
    }
}

/// A message's fate in plain words: sent, opened, clicked, replied (each with its date or "no").
enum MessageWords {
    static func row(_ message: MessageRecord, strings: Strings, format: DisplayFormat) -> [String: Any] {
        func when(_ date: Date?) -> String { date.map(format.date) ?? "–" }
        return [
            "subject": message.subject ?? message.template.map { strings.format("contact_message_template", $0) }
                ?? strings["contact_message_none_subject"],
            "channel": strings["channel_\(message.channel.rawValue)"],
            "sent": when(message.sentAt), "opened": when(message.openedAt), "clicked": when(message.clickedAt), "replied": when(message.repliedAt),
            "wasReplied": message.repliedAt != nil,
        ]
    }
}

/// An event of the timeline in plain words, with its code one level down.
enum EventWords {
    static func row(_ event: EventView, strings: Strings, format: DisplayFormat) -> [String: Any] {
        let key = "timeline_event_" + event.type.replacingOccurrences(of: ".", with: "_")
        let date = Timestamp.parse(event.occurredAt)
        return [
            "label": strings.table[key] ?? strings["timeline_event_other"], "code": event.type,
            "at": date.map(format.dateTime) ?? event.occurredAt, "time": date.map(format.machineTime) ?? event.occurredAt,
        ]
    }
}
