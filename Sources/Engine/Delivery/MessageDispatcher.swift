import AutopilotCore
import Channels
import Flows
import Foundation
import Logging
import Storage

/// Sends what the outbox holds: claims due messages, asks the `DeliveryPlanner` what becomes of each, hands the ones
/// that go to the tenant's sender for their channel, and records each outcome as soon as the provider answers (at the
/// batch's end, or with the next renewal of its claim, only for senders that tolerate a repeat). A dispatcher killed at
/// any point re-sends at most the one message whose answer it had not yet recorded. Transient failures retry with
/// backoff; after the last attempt the message fails and `message.failed` is recorded.
public struct MessageDispatcher: Sendable {
    let dependencies: Dependencies
    let settings: FlowEngineSettings
    let senders: SenderDirectory
    let planner: DeliveryPlanner
    let templates: TemplateResolver
    let breakers: FlowBreakers
    /// Dispatches one claimed batch; returns how many messages it looked at.
    public func dispatchBatch(now: Date) async throws -> Int {
        let items = try await dependencies.store.claimDueMessages(now: now, limit: settings.batchSize, lease: settings.lease)
        guard !items.isEmpty else { return 0 }
        let tenants = Set(items.map(\.message.tenantID))
        let paused = try await breakers.paused(tenants: tenants)
        let resolved = try await templates.load(tenantIDs: tenants)
        let shops = try await TenantShops.load(
            tenants: tenants, store: dependencies.store, cipher: settings.settingsCipher, defaults: planner.shop)
        let channels = try await BatchSenders.load(
            tenantIDs: tenants, senders: senders, store: dependencies.store, ids: dependencies.ids, settings: settings, now: now)
        let sendTimes = try await SendTimePlacements.load(items: items, store: dependencies.store, settings: settings.smartSending, now: now)
        let erased = try await ErasedAddresses.load(items: items, store: dependencies.store)
        var log = DeliveryLog(dependencies: dependencies)
        var tally = IntegrationTally()
        var lease = LeaseKeeper(lease: settings.lease)
        for (index, item) in items.enumerated() {
            guard try await keep(&lease, holding: items[index...], log: &log, now: now) else { break }
            var message = item.message
            message.updatedAt = now
            if erased.blocks(message) {
                log.add(Self.finish(message, status: .skipped, reason: "erased"))
                continue
            }
            if let until = sendTimes.place(&message, contact: item.contact, now: now) {
                log.add(Self.apply(.defer(until: until, reason: "send_time"), to: message))
                continue
            }
            var planner = self.planner
            planner.shop = shops.identities[message.tenantID] ?? planner.shop
            planner.prospecting = shops.prospecting[message.tenantID] ?? planner.prospecting
            let decision = planner.decide(
                item, template: resolved.template(named: message.template, tenantID: message.tenantID), links: channels.links(for: message),
                pausedReason: message.flowID.flatMap { paused[message.tenantID]?[$0] }, now: now)
            guard case .send(let prepared) = decision else {
                log.add(Self.apply(decision, to: message))
                continue
            }
            let sender = channels.senders.sender(for: message.channel, tenantID: message.tenantID)
            // WhatsApp takes free-form messages only within 24 hours of the customer's last message; outside it, the
            // step's approved template, else the message is held with the reason.
            var whatsappTemplate: WhatsAppTemplateOptions?
            if message.channel == .whatsapp, sender.sendsWhatsAppTemplates,
                !PreparedMessage.whatsappWindowIsOpen(lastInbound: prepared.contact.whatsappInboundAt, now: now)
            {
                guard let template = prepared.whatsappTemplate else {
                    log.add(Self.apply(.hold(reason: "whatsapp_window_closed"), to: message))
                    continue
                }
                whatsappTemplate = template
            }
            var coupon = prepared.coupon
            if let issued = coupon {
                let shop = shops.couponClients[message.tenantID] ?? settings.shopCoupons.client(for: message.tenantID)
                guard let ready = await publish(issued, to: shop, of: &message, contact: prepared.contact, log: &log, tally: &tally, now: now) else {
                    continue
                }
                coupon = ready
                guard try await keep(&lease, holding: items[index...], log: &log, now: now) else { break }
            }
            var copy = prepared.rendered
            if message.channel == .email, let subject = message.options.context["broadcast_subject"]?.stringValue { copy.subject = subject }
            if prepared.personalise {
                let personalised = await CopyPersonaliser(gateway: dependencies.ai.gateway)
                    .personalise(copy, for: .init(firstName: prepared.contact.firstName), tenantID: message.tenantID)
                copy = personalised.message
                message.options.personalisation = personalised.note
                guard try await keep(&lease, holding: items[index...], log: &log, now: now) else { break }
            }
            message.recipient = prepared.recipient
            message.locale = copy.locale
            message.subject = copy.subject
            message.body = copy.text
            message.sender = sender.name
            message.options.lawfulBasis = prepared.lawfulBasis.rawValue
            var outbound = prepared.outbound(for: message, copy: copy, bounceAddress: shops.bounceAddresses[message.tenantID])
            if let whatsappTemplate {
                outbound.whatsappTemplate = whatsappTemplate
                message.body = "[WhatsApp template \(whatsappTemplate.name), \(whatsappTemplate.language)] "
                    + whatsappTemplate.variables.joined(separator: " · ")
            }
            let outcome = await sender.send(outbound)
            record(outcome, of: message, contact: prepared.contact, coupon: coupon, sender: sender.name, now: now, log: &log, tally: &tally)
            // A sender that tolerates repeats leaves its outcomes to the batch's end (or the next renewal of the claim).
            if !sender.toleratesRepeats {
                var renewal: OutboxLease?
                if case .renew(let until) = lease.check(clock: dependencies.clock) {
                    renewal = OutboxLease(messageIDs: items[(index + 1)...].map(\.message.id), until: until)
                }
                try await log.flush(renewing: renewal)
            }
        }
        try await log.flush()
        try await breakers.judge(log.written, paused: paused, now: now)
        do {
            try await dependencies.store.recordIntegrationOutcomes(tally, at: now)
        } catch {
            dependencies.logger.error("integration health not recorded", metadata: ["error": "\(error)"])
        }
        return items.count
    }

    /// Before working on the next message: renews the claim of what is still held when due; when the claim is close to
    /// its end, hands everything still held back (due at once, unattempted) and answers false.
    private func keep(_ lease: inout LeaseKeeper, holding held: ArraySlice<DispatchItem>, log: inout DeliveryLog, now: Date) async throws -> Bool {
        switch lease.check(clock: dependencies.clock) {
        case .keep:
            return true
        case .renew(let until):
            try await log.flush(renewing: OutboxLease(messageIDs: held.map(\.message.id), until: until))
            return true
        case .expiring:
            for item in held { log.add(Self.handedBack(item.message, now: now)) }
            return false
        }
    }

    /// Records a sender's answer: sent (with `message.sent`), retried later, or failed for good (with `message.failed`).
    private func record(
        _ outcome: Channels.SendOutcome, of message: OutboxRecord, contact: ContactRecord, coupon: CouponRecord?, sender: String, now: Date,
        log: inout DeliveryLog, tally: inout IntegrationTally
    ) {
        var message = message
        switch outcome {
        case .sent(let providerID):
            tally.success(sender, kind: .channel, at: now)
            message.status = .sent
            message.providerID = providerID
            message.sentAt = now
            message.nextAttemptAt = nil
            let sent = EngineEvent.message(
                .messageSent, id: message.id, channel: message.channel, template: message.template, subject: message.subject, flowID: message.flowID,
                kind: message.kind)
            log.emit(sent, about: message, contact: contact, at: now, key: "sent:" + message.id)
            log.add(message, coupon: coupon)
        case .failed(let failure):
            message.lastError = "\(failure.code): \(failure.reason)"
            tally.failure(sender, kind: .channel, at: now, error: message.lastError ?? failure.code)
            if failure.isTransient && message.attempts < settings.maximumAttempts {
                let backoff = min(settings.maximumRetryDelay, settings.retryDelay * pow(2, Double(max(message.attempts - 1, 0))))
                message.nextAttemptAt = now.addingTimeInterval(max(backoff, failure.retryAfter ?? 0))
                log.add(message)
                return
            }
            log.add(Self.finish(message, status: .failed, reason: nil, error: message.lastError))
            let failed = EngineEvent.message(.messageFailed, id: message.id, channel: message.channel, template: message.template)
            log.emit(failed, about: message, contact: contact, at: now, key: "failed:" + message.id)
            if failure.code == "recipient_unsubscribed" {
                // The provider knows the person opted out (a STOP to Twilio): record it, so nothing else is tried on that channel.
                let scope = ChannelScope(rawValue: message.channel.rawValue) ?? .all
                log.emit(
                    .unsubscribed(scope, details: ["source": .string(sender)]), about: message, contact: contact, at: now,
                    key: "provider-unsubscribed:\(message.channel.rawValue):" + contact.id)
            }
        }
    }

    /// The outbox row after a decision that sends nothing.
    static func apply(_ decision: DeliveryDecision, to message: OutboxRecord) -> OutboxRecord {
        var message = message
        switch decision {
        case .send:
            return message
        case .skip(let reason):
            return finish(message, status: .skipped, reason: reason)
        case .fail(let error):
            return finish(message, status: .failed, reason: nil, error: error)
        case .defer(let until, let reason):
            message.status = .blocked
            message.blockedReason = reason
            message.nextAttemptAt = until
            message.attempts -= 1
        case .hold(let reason):
            // Not claimed again until a person resumes the flow.
            message.status = .blocked
            message.blockedReason = reason
            message.nextAttemptAt = nil
            message.attempts -= 1
        }
        return message
    }

    /// A claimed message given back unattempted, due at once.
    static func handedBack(_ message: OutboxRecord, now: Date) -> OutboxRecord {
        var released = message
        released.attempts -= 1
        released.nextAttemptAt = now
        return released
    }

    static func finish(_ message: OutboxRecord, status: MessageStatus, reason: String?, error: String? = nil) -> OutboxRecord {
        var message = message
        message.status = status
        message.blockedReason = reason
        message.lastError = error ?? message.lastError
        message.nextAttemptAt = nil
        return message
    }
}
