import AutopilotCore
import Channels
import Flows
import Foundation
import Integrations
import Storage

/// What becomes of one claimed outbox message, decided purely from what the claim read (`DeliveryPlanner`).
public enum DeliveryDecision: Sendable {
    /// Hand it to its sender: rendered, addressed, with its tracked links and the coupon it issues.
    case send(PreparedMessage)
    /// Not now (quiet hours, a frequency cap, a holiday): decided again at `until`, the reason recorded.
    case `defer`(until: Date, reason: String)
    /// Never: recorded as skipped with the reason (no consent, unsubscribed, template not active, no address…).
    case skip(reason: String)
    /// Held until a person acts (its flow is paused): not claimed again until then.
    case hold(reason: String)
    /// It cannot be prepared (the template does not render): failed with the error.
    case fail(error: String)
}

/// A message ready for its sender: what was rendered, where it goes, its links, and what to record with it.
public struct PreparedMessage: Sendable {
    public var rendered: RenderedMessage
    public var recipient: String
    public var links: TrackingLinks
    /// The coupon the message issues (recorded with its outcome when it is sent).
    public var coupon: CouponRecord?
    /// A language model may rewrite the copy before it goes (the step's `personalise: true`).
    public var personalise: Bool
    /// The recipient, as the claim read them (for personalisation and the events the send records).
    public var contact: ContactRecord
    /// The signed unsubscribe link, computed once: the template shows it and the email's List-Unsubscribe carries it.
    public var unsubscribeURL: String
    /// The step's approved WhatsApp template with its variables rendered, for a closed 24-hour window.
    public var whatsappTemplate: WhatsAppTemplateOptions?
    /// What allowed the message (consent, legitimate interest, contract), recorded with it when sent.
    public var lawfulBasis: LawfulBasis = .consent

    /// The message as its sender receives it, from the rendered copy (the template's, or a model's rewrite of it).
    /// `bounceAddress` (the tenant's `email.bounce_address`) makes the email's envelope sender `bounce+<message id>@…`.
    public func outbound(for message: OutboxRecord, copy: RenderedMessage, bounceAddress: String? = nil) -> OutboundMessage {
        let email = message.channel == .email
        return OutboundMessage(
            id: message.id, tenantID: message.tenantID, idempotencyKey: message.idempotencyKey, channel: message.channel, recipient: recipient,
            subject: copy.subject, text: email ? links.trackedText(copy.text) : copy.text, html: copy.html.map(links.trackedHTML),
            unsubscribeURL: email ? unsubscribeURL : nil,
            returnPath: email ? bounceAddress.flatMap { VERPAddress.address(base: $0, messageID: message.id) } : nil)
    }

    /// Whether WhatsApp still takes a free-form message from us: the contact wrote within the last 24 hours.
    public static func whatsappWindowIsOpen(lastInbound: Date?, now: Date) -> Bool {
        guard let lastInbound else { return false }
        return now.timeIntervalSince(lastInbound) < 24 * 3_600
    }
}
