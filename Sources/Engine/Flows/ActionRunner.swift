import AutopilotCore
import Channels
import Foundation
import Logging
import Storage

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Carries out the pending actions of runs: team notifications (Slack when `SLACK_WEBHOOK_URL` is set, else the log), outgoing webhooks
/// (HTTP POST of the rendered JSON body), contact updates (recorded as `contact.updated` events). Tasks and approvals stay
/// open for a person.
struct ActionRunner {
    let dependencies: Dependencies
    let settings: FlowEngineSettings

    func runDue(now: Date) async throws -> Int {
        let actions = try await dependencies.store.claimDueActions(now: now, limit: settings.batchSize, lease: settings.lease)
        guard !actions.isEmpty else { return 0 }
        var done: [FlowActionRecord] = []
        var tally = IntegrationTally()
        var byTenant: [String: [FlowActionRecord]] = [:]
        for action in actions { byTenant[action.tenantID, default: []].append(action) }
        for (tenantID, tenantActions) in byTenant {
            let contactIDs = Set(tenantActions.map(\.contactID))
            let contacts = try await dependencies.store.contacts(ids: contactIDs, tenantID: tenantID)
            var events = EngineEvents(pipeline: IngestPipeline(dependencies: dependencies), tenantID: tenantID)
            for var action in tenantActions {
                let payload = (try? JSONParser.parse(action.payload))?.objectValue ?? [:]
                var failure: String?
                switch action.kind {
                case "notify":
                    let text = payload["message"]?.stringValue ?? ""
                    if payload["channel"]?.stringValue == "slack", let slack = settings.slack {
                        switch await slack.post(text: text) {
                        case .posted:
                            tally.success("slack", kind: "notifications", at: now)
                        case .failed(let reason, let isTransient, _):
                            tally.failure("slack", kind: "notifications", at: now, error: reason)
                            failure = reason
                            if !isTransient { action.attempts = settings.maximumAttempts }
                        }
                    } else {
                        dependencies.logger.notice("team notification", metadata: ["tenant": "\(tenantID)", "flow": "\(action.flowID)", "message": "\(text)"])
                    }
                case "webhook":
                    failure = await post(payload)
                    if let failure {
                        tally.failure("webhook_actions", kind: "webhooks", at: now, error: failure)
                    } else {
                        tally.success("webhook_actions", kind: "webhooks", at: now)
                    }
                case "update_contact":
                    if let contact = contacts[action.contactID], let properties = Self.update(payload, contact: contact) {
                        events.add(.contactUpdated, contact: contact, occurredAt: now, key: "flow-update:" + action.id, properties: properties)
                    }
                default:
                    break
                }
                action.updatedAt = now
                if let failure, action.attempts < settings.maximumAttempts {
                    action.lastError = failure
                    action.nextAttemptAt = now.addingTimeInterval(min(settings.maximumRetryDelay, settings.retryDelay * pow(2, Double(action.attempts - 1))))
                } else {
                    action.lastError = failure
                    action.status = failure == nil ? "done" : "failed"
                    action.nextAttemptAt = nil
                }
                done.append(action)
            }
            try await events.flush()
        }
        try await dependencies.store.saveActions(done)
        do {
            try await dependencies.store.recordIntegrationOutcomes(tally, at: now)
        } catch {
            dependencies.logger.error("integration health not recorded", metadata: ["error": "\(error)"])
        }
        return actions.count
    }

    /// The `contact.updated` properties for an attribute or tag change.
    static func update(_ payload: JSONObject, contact: ContactRecord) -> JSONObject? {
        if let name = payload["set_attribute"]?.stringValue {
            return ["attributes": .object([name: payload["value"] ?? .null])]
        }
        var tags = contact.attributes["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if let tag = payload["add_tag"]?.stringValue, !tags.contains(tag) { tags.append(tag) }
        if let tag = payload["remove_tag"]?.stringValue { tags.removeAll { $0 == tag } }
        return ["attributes": .object(["tags": .array(tags.map(JSONValue.string))])]
    }

    /// POSTs a webhook action's body; nil on a 2xx answer, else the reason.
    private func post(_ payload: JSONObject) async -> String? {
        guard let text = payload["url"]?.stringValue, let url = URL(string: text), url.scheme == "http" || url.scheme == "https" else {
            return "url: not an http(s) URL"
        }
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data((payload["body"] ?? .null).jsonString.utf8)
        do {
            let (_, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            return (200..<300).contains(status) ? nil : "HTTP \(status)"
        } catch {
            return "\(error.localizedDescription)"
        }
    }
}
