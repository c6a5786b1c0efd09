import AutopilotCore
import Engine
import Foundation
import Hummingbird
import Storage

extension DashboardApp {
    func registerMessages<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        router.get("/messages") { request, _ in
            await self.page(request) { viewer, pageRequest in try await MessagesPage(app: self, viewer: viewer).view(pageRequest) }
        }
    }
}

/// Messages: the outbox, newest first, 50 a page — queued, sent, held or put off, not sent (with the reason in words),
/// failed — filtered by automation, channel, status and contact.
struct MessagesPage {
    let app: DashboardApp
    let viewer: Viewer

    static let pageSize = 50
    /// The statuses people filter on, with the outbox statuses each stands for (`held`: blocked — put off, or held while
    /// its automation is paused).
    static let statuses: [(name: String, stored: [String])] = [
        ("queued", ["queued"]), ("held", ["blocked"]), ("sent", ["sent"]), ("skipped", ["skipped"]), ("failed", ["failed"]),
    ]
    static let aliases = ["blocked": "held", "deferred": "held"]

    func view(_ request: PageRequest) async throws -> PageView {
        let strings = viewer.strings, format = viewer.format
        let flows = try await FlowAdministration(dependencies: app.dependencies, tenantID: viewer.tenantID).list()
        let names = Dictionary(flows.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let status = request.text("status").map { Self.aliases[$0] ?? $0 }.flatMap { name in Self.statuses.first { $0.name == name } }
        let channel = request.text("channel").flatMap(Channel.init(rawValue:))
        let flow = request.text("flow")
        let email = request.text("contact").map { $0.lowercased() }
        let page = max(request.integer("page") ?? 1, 1)
        let rows = try await app.dependencies.store.outboxPage(
            OutboxPageQuery(
                tenantID: viewer.tenantID, flowID: flow, channel: channel?.rawValue, statuses: status?.stored ?? [], contactEmail: email,
                limit: Self.pageSize + 1, offset: (page - 1) * Self.pageSize))
        let messages = rows.prefix(Self.pageSize).map { message -> [String: Any] in
            let shown = Self.statuses.first { $0.stored.contains(message.status) }?.name ?? message.status
            let when: String
            if let sent = message.sentAt {
                when = strings.format("messages_sent_at", format.dateTime(sent))
            } else if let next = message.nextAttemptAt, shown == "held" {
                when = strings.format("messages_next_try", format.dateTime(next))
            } else {
                when = strings.format("messages_planned", format.dateTime(message.scheduledAt))
            }
            let why: String
            switch shown {
            case "held", "skipped": why = strings.messageReason(message.blockedReason)
            case "failed": why = strings["reason_failed"]
            default: why = message.lawfulBasis.map { strings["basis_\($0)"] } ?? ""
            }
            return [
                "flow": message.flowID.map { names[$0] ?? $0 } ?? strings["messages_manual"],
                "channel": strings["channel_\(message.channel)"], "template": message.template, "subject": message.subject ?? "",
                "contact": message.contactEmail ?? message.recipient ?? strings["messages_no_contact"],
                "status": strings["messages_status_\(shown)"], "statusClass": ["sent": "good", "held": "warn", "failed": "bad"][shown] ?? "",
                "when": when, "datetime": format.machineTime(message.sentAt ?? message.scheduledAt), "why": why,
                "technical": [message.blockedReason, message.lastError, message.couponNote].compactMap { $0 }.joined(separator: " · "),
            ].withoutBlanks
        }
        var query: [(String, String)] = []
        if let flow { query.append(("flow", flow)) }
        if let channel { query.append(("channel", channel.rawValue)) }
        if let status { query.append(("status", status.name)) }
        if let email { query.append(("contact", email)) }
        let model: [String: Any] = [
            "flows": flows.map { ["value": $0.id, "label": viewer.flowName(id: $0.id, name: $0.name), "selected": $0.id == flow] },
            "channels": TemplatesPage.channels.map { ["value": $0.rawValue, "label": strings["channel_\($0.rawValue)"], "selected": $0 == channel] },
            "statuses": Self.statuses.map {
                ["value": $0.name, "label": strings["messages_status_\($0.name)"], "selected": $0.name == status?.name]
            },
            "contact": email ?? "",
            "messages": Array(messages), "hasMessages": !messages.isEmpty,
            "pageLabel": strings.format("messages_page", format.number(page)),
            "previousHref": page > 1 ? Self.href(query + [("page", "\(page - 1)")]) : "",
            "nextHref": rows.count > Self.pageSize ? Self.href(query + [("page", "\(page + 1)")]) : "",
        ].withoutBlanks
        return PageView(template: "messages", title: strings["messages_title"], section: "messages", model: model)
    }

    static func href(_ query: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~@"))
        return "/messages?" + query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }
}
