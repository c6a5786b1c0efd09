import AsyncHTTPClient
import AutopilotCore
import Channels
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Storage

/// Carries out the pending actions of runs: team notifications (Slack when `SLACK_WEBHOOK_URL` is set, else the log),
/// outgoing webhooks (HTTP POST of the rendered JSON body), contact updates (recorded as `contact.updated` events). Tasks
/// and approvals stay open for a person. What reaches the outside (a Slack post, a webhook) is recorded as soon as it
/// answered, so a worker killed mid-batch repeats at most one of them; a batch close to the end of its claim hands the
/// rest back.
struct ActionRunner {
    let dependencies: Dependencies
    let settings: FlowEngineSettings

    func runDue(now: Date) async throws -> Int {
        let actions = try await dependencies.store.claimDueActions(now: now, limit: settings.batchSize, lease: settings.lease)
        guard !actions.isEmpty else { return 0 }
        var tally = IntegrationTally()
        var lease = LeaseKeeper(lease: settings.lease)
        var byTenant: [String: [FlowActionRecord]] = [:]
        for action in actions { byTenant[action.tenantID, default: []].append(action) }
        var expired = false
        for tenantID in byTenant.keys.sorted() {
            let tenantActions = byTenant[tenantID] ?? []
            let contacts = try await dependencies.store.contacts(ids: Set(tenantActions.map(\.contactID)), tenantID: tenantID)
            var events = EngineEvents(pipeline: IngestPipeline(dependencies: dependencies), tenantID: tenantID)
            var done: [FlowActionRecord] = []
            for var action in tenantActions {
                if expired || lease.check(clock: dependencies.clock) == .expiring {
                    // Given back unattempted, due at once: another pass (or worker) carries it out.
                    expired = true
                    action.attempts -= 1
                    action.nextAttemptAt = now
                    done.append(action)
                    continue
                }
                let payload = (try? JSONParser.parse(action.payload))?.objectValue ?? [:]
                let attempt = await carryOut(action, payload: payload, contacts: contacts, events: &events, tally: &tally, now: now)
                done.append(Self.settle(action, attempt, now: now, settings: settings))
                if attempt.reachedOutside {
                    try await events.flush()
                    try await dependencies.store.saveActions(done)
                    done = []
                }
            }
            try await events.flush()
            try await dependencies.store.saveActions(done)
        }
        do {
            try await dependencies.store.recordIntegrationOutcomes(tally, at: now)
        } catch {
            dependencies.logger.error("integration health not recorded", metadata: ["error": "\(error)"])
        }
        return actions.count
    }

    /// Carries out one action.
    private func carryOut(
        _ action: FlowActionRecord, payload: JSONObject, contacts: [String: ContactRecord], events: inout EngineEvents,
        tally: inout IntegrationTally, now: Date
    ) async -> ActionAttempt {
        switch action.kind {
        case .notify:
            let text = payload["message"]?.stringValue ?? ""
            guard payload["channel"]?.stringValue == "slack", let slack = settings.slack else {
                dependencies.logger.notice(
                    "team notification", metadata: ["tenant": "\(action.tenantID)", "flow": "\(action.flowID)", "message": "\(text)"])
                return .done(reachedOutside: false)
            }
            switch await slack.post(text: text) {
            case .posted:
                tally.success("slack", kind: .notifications, at: now)
                return .done(reachedOutside: true)
            case .failed(let reason, let isTransient, _):
                tally.failure("slack", kind: .notifications, at: now, error: reason)
                return isTransient ? .retry(reason) : .failed(reason)
            }
        case .webhook:
            let attempt = await post(payload)
            if let error = attempt.error {
                tally.failure("webhook_actions", kind: .webhooks, at: now, error: error)
            } else {
                tally.success("webhook_actions", kind: .webhooks, at: now)
            }
            return attempt
        case .updateContact:
            if let contact = contacts[action.contactID] {
                events.add(
                    .contactUpdated(attributes: Self.update(payload, contact: contact)), contact: contact, occurredAt: now,
                    key: "flow-update:" + action.id)
            }
            return .done(reachedOutside: false)
        case .call:
            return await placeCall(action, payload: payload, now: now)
        case .task, .approval:
            // Waiting for a person: never claimed (they have no next attempt), nothing to do if one was.
            return .done(reachedOutside: false)
        }
    }

    /// The action after an attempt: done, failed for good, or due again after a backoff.
    static func settle(_ action: FlowActionRecord, _ attempt: ActionAttempt, now: Date, settings: FlowEngineSettings) -> FlowActionRecord {
        var action = action
        action.updatedAt = now
        action.lastError = attempt.error
        if case .deferred(let until, _) = attempt {
            // Not an attempt: asked again when the rules allow.
            action.attempts -= 1
            action.nextAttemptAt = until
            return action
        }
        if case .retry = attempt, action.attempts < settings.maximumAttempts {
            action.nextAttemptAt = now.addingTimeInterval(min(settings.maximumRetryDelay, settings.retryDelay * pow(2, Double(action.attempts - 1))))
        } else {
            action.status = attempt.error == nil ? .done : .failed
            action.nextAttemptAt = nil
        }
        return action
    }

    /// A `call:` step: the voice agent places the call, or the rules refuse or defer it. A call is placed at most once per
    /// run step, so a failure is final.
    private func placeCall(_ action: FlowActionRecord, payload: JSONObject, now: Date) async -> ActionAttempt {
        guard let calls = settings.calls else {
            return .failed("calls: no voice agent is configured to place calls (docs/voice.md)")
        }
        let request = OutboundCallRequest(
            tenantID: action.tenantID, contactID: action.contactID, purpose: payload["purpose"]?.stringValue ?? "", idempotencyKey: action.idempotencyKey,
            dueAt: action.createdAt)
        switch await calls.placeCall(request, dependencies: dependencies) {
        case .placed: return .done(reachedOutside: true)
        case .refused(let reason): return .failed("refused: " + reason)
        case .deferred(let until, let reason): return .deferred(until: until, reason: reason)
        case .failed(let reason): return .failed(reason)
        }
    }

    /// The attributes a `contact.updated` sets for an attribute or tag change.
    static func update(_ payload: JSONObject, contact: ContactRecord) -> JSONObject {
        if let name = payload["set_attribute"]?.stringValue {
            return [name: payload["value"] ?? .null]
        }
        var tags = contact.attributes["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if let tag = payload["add_tag"]?.stringValue, !tags.contains(tag) { tags.append(tag) }
        if let tag = payload["remove_tag"]?.stringValue { tags.removeAll { $0 == tag } }
        return ["tags": .array(tags.map(JSONValue.string))]
    }

    /// POSTs a webhook action's body: done on a 2xx answer, else retried (failed at once for a URL that cannot work).
    private func post(_ payload: JSONObject) async -> ActionAttempt {
        guard let text = payload["url"]?.stringValue, let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil
        else {
            return .failed("url: not an http(s) URL")
        }
        var request = HTTPClientRequest(url: text)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: (payload["body"] ?? .null).jsonString))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            _ = try? await response.body.collect(upTo: 1 << 16)
            return (200..<300).contains(response.status.code) ? .done(reachedOutside: true) : .retry("HTTP \(response.status.code)")
        } catch {
            return .retry("\(error)")
        }
    }
}

/// What one attempt at an action came to.
enum ActionAttempt: Equatable {
    case done(reachedOutside: Bool)
    /// Failed for now: tried again after a backoff, until the last attempt.
    case retry(String)
    /// Failed for good.
    case failed(String)
    /// Not allowed now (a call in quiet hours): asked again at `until`, not counted as an attempt.
    case deferred(until: Date, reason: String)

    var error: String? {
        switch self {
        case .done: nil
        case .retry(let error), .failed(let error): error
        case .deferred(_, let reason): "deferred: " + reason
        }
    }

    /// Whether the attempt reached outside the process (so it is recorded at once).
    var reachedOutside: Bool {
        switch self {
        case .done(let outside): outside
        case .retry, .failed, .deferred: true
        }
    }
}
