import AutopilotCore
import Channels
import Flows
import Foundation
import Logging
import Storage

/// Sends what the outbox holds: claims due messages, applies the smart-sending policy, renders the template, hands the
/// message to the tenant's sender for its channel, and records what happened. Transient failures retry with backoff;
/// after the last attempt the message fails and `message.failed` is recorded.
public struct MessageDispatcher: Sendable {
    let dependencies: Dependencies
    let settings: FlowEngineSettings
    let senders: SenderDirectory
    let renderer: TemplateRenderer
    let policy: SmartSendingPolicy
    let templates: TemplateResolver
    let breakers: FlowBreakers

    /// Dispatches one claimed batch; returns how many messages it looked at.
    public func dispatchBatch(now: Date) async throws -> Int {
        let items = try await dependencies.store.claimDueMessages(now: now, limit: settings.batchSize, lease: settings.lease)
        guard !items.isEmpty else { return 0 }
        let tenants = Set(items.map(\.message.tenantID))
        let paused = try await breakers.paused(tenants: tenants)
        let resolved = try await templates.load(tenantIDs: tenants)
        let channels = try await DispatchChannels.load(
            tenantIDs: tenants, senders: senders, store: dependencies.store, ids: dependencies.ids, settings: settings, now: now)
        var outcomes: [OutboxRecord] = []
        var coupons: [CouponRecord] = []
        var events: [String: EngineEvents] = [:]
        var tally = IntegrationTally()
        // The claim holds the batch for `lease`; slow senders or model rewrites must not outlast it, or another worker
        // could claim and send the same messages. Past half the lease the rest are handed back, due at once, unattempted.
        let handBackAfter = ContinuousClock.now + .seconds(settings.lease / 2)
        for item in items {
            if ContinuousClock.now > handBackAfter {
                var released = item.message
                released.attempts -= 1
                released.nextAttemptAt = now
                outcomes.append(released)
                continue
            }
            let tenant = item.message.tenantID
            var emitted = events[tenant] ?? EngineEvents(pipeline: IngestPipeline(dependencies: dependencies), tenantID: tenant)
            let (record, coupon) = await dispatch(
                item, templates: resolved, channels: channels, now: now, events: &emitted, paused: paused[tenant] ?? [:], tally: &tally)
            events[tenant] = emitted
            outcomes.append(record)
            if let coupon { coupons.append(coupon) }
        }
        // Events first: they are idempotent (keyed by message id), so a crash before the outbox is updated only repeats
        // the send (the lease expires), never loses its `message.sent`. The other order lost events on SIGKILL.
        for var tenantEvents in events.values { try await tenantEvents.flush() }
        try await dependencies.store.recordDispatch(outcomes, coupons: coupons)
        try await breakers.judge(outcomes, paused: paused, now: now)
        do {
            try await dependencies.store.recordIntegrationOutcomes(tally, at: now)
        } catch {
            dependencies.logger.error("integration health not recorded", metadata: ["error": "\(error)"])
        }
        return items.count
    }

    private func dispatch(
        _ item: DispatchItem, templates: ResolvedTemplates, channels: DispatchChannels, now: Date, events: inout EngineEvents, paused: [String: String],
        tally: inout IntegrationTally
    ) async -> (OutboxRecord, CouponRecord?) {
        var message = item.message
        message.updatedAt = now
        if let exit = item.runExitReason { return (finish(message, status: "skipped", reason: "run_exited:" + exit), nil) }
        if let flow = message.flowID, paused[flow] != nil {
            // Held, not claimed again, until a person resumes the flow.
            message.status = "blocked"
            message.blockedReason = "flow_paused"
            message.nextAttemptAt = nil
            message.attempts -= 1
            return (message, nil)
        }
        guard let contact = item.contact else { return (finish(message, status: "skipped", reason: "contact_missing"), nil) }
        guard let template = templates.template(named: message.template, tenantID: message.tenantID), template.status == .active else {
            return (finish(message, status: "skipped", reason: "template_not_active"), nil)
        }
        let decision = policy.decide(
            OutgoingMessageFacts(channel: message.channel, purpose: message.purpose == "transactional" ? .transactional : .marketing, scheduledAt: message.scheduledAt),
            contact: RecipientFacts(contact: contact, unsubscribed: Self.unsubscribes(contact), emailHardBounced: item.emailHardBounced),
            history: RecentSends(
                item.recentSends.map { .init(channel: $0.channel, purpose: $0.purpose == "transactional" ? .transactional : .marketing, sentAt: $0.sentAt) }),
            now: now)
        switch decision {
        case .skip(let reason):
            return (finish(message, status: "skipped", reason: reason.code), nil)
        case .defer(let until, let reason):
            message.status = "blocked"
            message.blockedReason = reason.code
            message.nextAttemptAt = until
            message.attempts -= 1
            return (message, nil)
        case .send:
            break
        }
        let options = (try? JSONParser.parse(message.options))?.objectValue ?? [:]
        var context = options["context"]?.objectValue ?? [:]
        context["contact"] = .object(FlowEntities.contact(contact))
        context["shop"] = ["name": .string(settings.shopName), "url": .string(settings.shopURL), "signature": .string(settings.shopSignature)]
        let links = channels.links(for: message)
        let unsubscribe = links.unsubscribeURL(channel: message.channel)
        context["links"] = [
            "unsubscribe": .string(unsubscribe), "review": .string("\(settings.shopURL)/reviews/new"), "booking": .string("\(settings.shopURL)/booking"),
        ]
        var coupon: CouponRecord?
        if let request = options["coupon"]?.objectValue {
            let issued = MessageCoupon.issue(request, message: message, now: now)
            coupon = issued.record
            context[issued.record.kind == "referral" ? "referral" : "coupon"] = .object(issued.values(shopURL: settings.shopURL))
            if issued.record.kind == "referral" { context["coupon"] = .object(issued.values(shopURL: settings.shopURL)) }
        }
        var rendered: RenderedMessage
        do {
            rendered = try renderer.render(template, locale: contact.locale, context: context)
        } catch {
            return (finish(message, status: "failed", reason: nil, error: "template: \(error)"), nil)
        }
        guard let recipient = message.channel == .email ? contact.email : contact.phone else {
            return (finish(message, status: "skipped", reason: SendBlockReason.missingAddress.code), nil)
        }
        if options["personalise"]?.boolValue == true {
            let copy = await CopyPersonaliser(gateway: dependencies.ai.gateway)
                .personalise(rendered, for: .init(firstName: contact.firstName), tenantID: message.tenantID)
            rendered = copy.message
            message.options = copy.recorded(in: options)
        }
        message.recipient = recipient
        message.locale = rendered.locale
        message.subject = rendered.subject
        message.body = rendered.text
        let sender = channels.senders.sender(for: message.channel, tenantID: message.tenantID)
        message.sender = sender.name
        let outbound = OutboundMessage(
            id: message.id, tenantID: message.tenantID, idempotencyKey: message.idempotencyKey, channel: message.channel, recipient: recipient,
            subject: rendered.subject, text: message.channel == .email ? links.trackedText(rendered.text) : rendered.text,
            html: rendered.html.map(links.trackedHTML), unsubscribeURL: message.channel == .email ? unsubscribe : nil)
        switch await sender.send(outbound) {
        case .sent(let providerID):
            tally.success(sender.name, kind: "channel", at: now)
            message.status = "sent"
            message.providerID = providerID
            message.sentAt = now
            message.nextAttemptAt = nil
            var properties: JSONObject = [
                "message_id": .string(message.id), "channel": .string(message.channel.rawValue), "template": .string(message.template),
            ]
            properties["subject"] = rendered.subject.map(JSONValue.string)
            properties["flow_id"] = message.flowID.map(JSONValue.string)
            events.add(.messageSent, contact: contact, occurredAt: now, key: "sent:" + message.id, properties: properties)
            return (message, coupon)
        case .failed(let failure):
            message.lastError = "\(failure.code): \(failure.reason)"
            tally.failure(sender.name, kind: "channel", at: now, error: message.lastError ?? failure.code)
            if failure.isTransient && message.attempts < settings.maximumAttempts {
                let backoff = min(settings.maximumRetryDelay, settings.retryDelay * pow(2, Double(max(message.attempts - 1, 0))))
                message.nextAttemptAt = now.addingTimeInterval(max(backoff, failure.retryAfter ?? 0))
                return (message, nil)
            }
            let failed = finish(message, status: "failed", reason: nil, error: message.lastError)
            events.add(
                .messageFailed, contact: contact, occurredAt: now, key: "failed:" + message.id,
                properties: ["message_id": .string(message.id), "channel": .string(message.channel.rawValue), "template": .string(message.template)])
            if failure.code == "recipient_unsubscribed" {
                // The provider knows the person opted out (a STOP to Twilio): record it, so nothing else is tried on that channel.
                events.add(
                    .contactUnsubscribed, contact: contact, occurredAt: now, key: "provider-unsubscribed:\(message.channel.rawValue):" + contact.id,
                    properties: ["channel": .string(message.channel.rawValue), "source": .string(message.sender ?? "provider")])
            }
            return (failed, nil)
        }
    }

    private func finish(_ message: OutboxRecord, status: String, reason: String?, error: String? = nil) -> OutboxRecord {
        var message = message
        message.status = status
        message.blockedReason = reason
        message.lastError = error ?? message.lastError
        message.nextAttemptAt = nil
        return message
    }

    /// Channels the contact unsubscribed from (a withdrawn consent whose source is an unsubscribe).
    static func unsubscribes(_ contact: ContactRecord) -> Set<ChannelScope> {
        var scopes = Set<ChannelScope>()
        for (channel, consent) in contact.consents where !consent.granted && consent.source == EventType.contactUnsubscribed.rawValue {
            scopes.insert(ChannelScope(rawValue: channel.rawValue) ?? .all)
        }
        return scopes
    }
}
