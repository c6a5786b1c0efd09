import AutopilotCore
import Crypto
import Foundation
import Storage

/// Serves tracking and unsubscribe links: checks the token's signature, finds the tenant's message it names, and records
/// `message.opened`, `message.clicked` or `contact.unsubscribed` through the ingest pipeline. Anything that does not check
/// out (tampered, signed with another key, another tenant's message, an unknown message) answers nil: the routes say 404.
public struct TrackingService: Sendable {
    let dependencies: Dependencies
    let keys: TrackingKeySource

    /// `trackingSecret`: AUTOPILOT_TRACKING_SECRET, nil for the database's own secret.
    public init(dependencies: Dependencies, trackingSecret: String?) {
        self.dependencies = dependencies
        self.keys = TrackingKeySource(configured: trackingSecret, store: dependencies.store, ids: dependencies.ids)
    }

    /// Records the first open of the message (later opens are duplicates of the same idempotency key); false when the
    /// token is not a valid open token for an existing message.
    /// An open a privacy proxy made (`EngagementFilter`) is recorded with `flagged` and not counted.
    public func open(token: String, userAgent: String? = nil) async throws -> Bool {
        guard let found = try await resolve(token, kind: .open) else { return false }
        let message = found.message
        let flag = EngagementFilter.openFlag(userAgent: userAgent, sentAt: message.sentAt, at: dependencies.clock.now())
        let opened = EngineEvent.message(
            .messageOpened, id: message.id, channel: message.channel, template: message.template, flowID: message.flowID,
            extra: flag.map { ["flagged": .string($0)] } ?? [:])
        try await record(opened, found, key: "opened:" + message.id)
        return true
    }

    /// Records the click (once per message and link) and returns where to send the person; nil for a token that does
    /// not check out.
    /// A click a link scanner made (`EngagementFilter`) is recorded with `flagged` and not counted; the scanner still follows it.
    public func click(token: String, userAgent: String? = nil) async throws -> String? {
        guard let found = try await resolve(token, kind: .click) else { return nil }
        let target = found.token.detail
        let lowered = target.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), !target.contains(where: { $0.isNewline }) else { return nil }
        let linkKey = Base64URL.encode(Array(SHA256.hash(data: Array(target.utf8)).prefix(12)))
        let message = found.message
        var extra: JSONObject = ["url": .string(String(target.prefix(2_000)))]
        extra["flagged"] = EngagementFilter.clickFlag(userAgent: userAgent, sentAt: message.sentAt, at: dependencies.clock.now()).map(JSONValue.string)
        let clicked = EngineEvent.message(
            .messageClicked, id: message.id, channel: message.channel, template: message.template, flowID: message.flowID, extra: extra)
        try await record(clicked, found, key: "clicked:\(message.id):\(linkKey)")
        return target
    }

    /// Unsubscribes the message's contact from the token's channel (`all`: from every channel) and says what was done;
    /// nil for a token that does not check out.
    public func unsubscribe(token: String, allChannels: Bool) async throws -> UnsubscribeReceipt? {
        guard let found = try await resolve(token, kind: .unsubscribe), let channel = Channel(rawValue: found.token.detail)
        else { return nil }
        let scope: ChannelScope = allChannels ? .all : ChannelScope(rawValue: channel.rawValue) ?? .all
        var details: JSONObject = ["message_id": .string(found.message.id), "channel": .string(channel.rawValue)]
        details["flow_id"] = found.message.flowID.map(JSONValue.string)
        try await record(.unsubscribed(scope, details: details), found, key: "unsubscribed:\(found.message.id):\(scope.rawValue)")
        let shop = try await dependencies.store.tenants().first { $0.id == found.token.tenantID }?.name
        return UnsubscribeReceipt(scope: scope, channel: channel, shopName: shop, locale: found.contact?.locale)
    }

    /// A checked token, the message it names and that message's contact.
    private struct Found {
        var token: TrackingToken
        var message: OutboxRecord
        var contact: ContactRecord?
    }

    private func resolve(_ token: String, kind: TrackingToken.Kind) async throws -> Found? {
        let signer = try await keys.signer(now: dependencies.clock.now())
        guard let verified = signer.verify(token, kind: kind),
            let message = try await dependencies.store.outboxMessage(id: verified.messageID, tenantID: verified.tenantID)
        else { return nil }
        let contact = try await dependencies.store.contacts(ids: [message.contactID], tenantID: verified.tenantID)[message.contactID]
        return Found(token: verified, message: message, contact: contact)
    }

    private func record(_ event: EngineEvent, _ found: Found, key: String) async throws {
        var events = EngineEvents(pipeline: IngestPipeline(dependencies: dependencies), tenantID: found.token.tenantID)
        events.add(event, contact: found.contact, occurredAt: dependencies.clock.now(), key: key)
        try await events.flush()
    }
}

/// What an unsubscribe did, for the page that confirms it.
public struct UnsubscribeReceipt: Sendable, Equatable {
    /// The channel unsubscribed from, or `all`.
    public var scope: ChannelScope
    /// The channel of the message whose link was followed.
    public var channel: Channel
    /// The tenant's name, shown on the page.
    public var shopName: String?
    /// The contact's locale (`fr`, `en-GB`), for the page's language.
    public var locale: String?
}
