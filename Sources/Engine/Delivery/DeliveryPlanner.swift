import AutopilotCore
import Flows
import Foundation
import Storage

/// Decides what becomes of a claimed message: the flow's pause, the contact, the template, the smart-sending policy
/// (consent, unsubscribes, bounces, frequency caps, quiet hours), the coupon and the rendering. Pure: no store, no clock,
/// no network; the dispatcher carries out the decision.
public struct DeliveryPlanner: Sendable {
    public let policy: SmartSendingPolicy
    public let renderer: TemplateRenderer
    public var shop: ShopIdentity
    /// Where the tenant prospects B2B leads by email on legitimate interest (per tenant through its settings).
    public var prospecting: ProspectingRules

    public init(
        policy: SmartSendingPolicy, renderer: TemplateRenderer = TemplateRenderer(), shop: ShopIdentity, prospecting: ProspectingRules = ProspectingRules()
    ) {
        self.policy = policy
        self.renderer = renderer
        self.shop = shop
        self.prospecting = prospecting
    }

    /// The decision for one claimed message at `now`. `template` is the tenant's active version of the message's
    /// template (or the built-in one); `pausedReason` is set when the message's flow is paused.
    public func decide(_ item: DispatchItem, template: MessageTemplate?, links: TrackingLinks, pausedReason: String?, now: Date) -> DeliveryDecision {
        let message = item.message
        if message.flowID != nil, pausedReason != nil { return .hold(reason: "flow_paused") }
        guard let contact = item.contact else { return .skip(reason: "contact_missing") }
        guard let template, template.status == .active else { return .skip(reason: "template_not_active") }
        let facts = OutgoingMessageFacts(channel: message.channel, purpose: message.purpose, scheduledAt: message.scheduledAt)
        var recipient = RecipientFacts(contact: contact, unsubscribed: Self.unsubscribes(contact), emailHardBounced: item.emailHardBounced)
        recipient.legitimateInterestEmail = prospecting.allowsEmail(to: contact, isLead: item.isLead)
        let decision = policy.decide(
            facts, contact: recipient,
            history: RecentSends(item.recentSends.map { .init(channel: $0.channel, purpose: $0.purpose, sentAt: $0.sentAt) }), now: now)
        switch decision {
        case .skip(let reason): return .skip(reason: reason.code)
        case .defer(let until, let reason): return .defer(until: until, reason: reason.code)
        case .send: break
        }
        let basis = policy.lawfulBasis(facts, contact: recipient) ?? .consent
        let options = message.options
        var context = options.context
        let unsubscribe = links.unsubscribeURL(channel: message.channel)
        context["contact"] = .object(FlowEntities.contact(contact))
        context["shop"] = ["name": .string(shop.name), "url": .string(shop.url), "signature": .string(shop.signature)]
        context["links"] = [
            "unsubscribe": .string(unsubscribe), "review": .string(shop.reviewURL), "booking": .string(shop.booking(for: contact)),
        ]
        var coupon: CouponRecord?
        if let request = options.coupon {
            let issued = MessageCoupon.issue(request, message: message, now: now)
            coupon = issued.record
            var words = issued.values(shopURL: shop.url)
            let currency = context["order"]?["currency"]?.stringValue ?? context["cart"]?["currency"]?.stringValue
            words["offer"] = .string(
                CouponWording(language: TemplateRenderer.language(of: template, locale: contact.locale) ?? "fr", currency: currency).offer(issued.record))
            let values = JSONValue.object(words)
            context["coupon"] = values
            if request.kind == .referral { context["referral"] = values }
        }
        var rendered: RenderedMessage
        do {
            rendered = try renderer.render(template, locale: contact.locale, context: context)
        } catch {
            return .fail(error: "template: \(error)")
        }
        if basis == .legitimateInterest { rendered = OptOutFooter.ensure(in: rendered, unsubscribeURL: unsubscribe) }
        guard let recipient = message.channel == .email ? contact.email : contact.phone else {
            return .skip(reason: SendBlockReason.missingAddress.code)
        }
        var whatsappTemplate = options.whatsappTemplate
        if message.channel == .whatsapp, var template = whatsappTemplate {
            template.variables = template.variables.map { FlowText.render($0, context: context) }
            if var header = template.header {
                header.link = FlowText.render(header.link, context: context)
                template.header = header
            }
            whatsappTemplate = template
        } else {
            whatsappTemplate = nil
        }
        return .send(
            PreparedMessage(
                rendered: rendered, recipient: recipient, links: links, coupon: coupon, personalise: options.personalise,
                contact: contact, unsubscribeURL: unsubscribe, whatsappTemplate: whatsappTemplate, lawfulBasis: basis))
    }

    /// Channels the contact unsubscribed from (a withdrawn consent whose source is an unsubscribe).
    public static func unsubscribes(_ contact: ContactRecord) -> Set<ChannelScope> {
        var scopes = Set<ChannelScope>()
        for (channel, consent) in contact.consents where !consent.granted && consent.source == EventType.contactUnsubscribed.rawValue {
            scopes.insert(ChannelScope(rawValue: channel.rawValue) ?? .all)
        }
        return scopes
    }
}

/// The shop as its messages name it: `{{shop.name}}`, `{{shop.url}}`, `{{shop.signature}}`, and the links
/// `{{links.review}}` and `{{links.booking}}` (per tenant through `ShopSettings`).
public struct ShopIdentity: Sendable, Hashable {
    public var name: String
    public var url: String
    public var signature: String
    public var reviewURL: String
    public var bookingURL: String

    public init(name: String, url: String, signature: String, reviewURL: String? = nil, bookingURL: String? = nil) {
        self.name = name
        self.url = url
        self.signature = signature
        self.reviewURL = reviewURL ?? Self.defaultReviewURL(url)
        self.bookingURL = bookingURL ?? Self.defaultBookingURL(url)
    }

    static func defaultReviewURL(_ shop: String) -> String { "\(shop)/reviews/new" }
    static func defaultBookingURL(_ shop: String) -> String { "\(shop)/booking" }

    /// The booking link for a contact: a Cal.com or Calendly event gets the contact's name and email prefilled (both read
    /// `name` and `email` from the query); any other link is given as is.
    public func booking(for contact: ContactRecord) -> String {
        guard var components = URLComponents(string: bookingURL), let host = components.host?.lowercased(),
            host == "cal.com" || host.hasSuffix(".cal.com") || host == "calendly.com" || host.hasSuffix(".calendly.com")
        else { return bookingURL }
        var items = components.queryItems ?? []
        let name = [contact.firstName, contact.lastName].compactMap { $0 }.joined(separator: " ")
        if !name.isEmpty, !items.contains(where: { $0.name == "name" }) { items.append(URLQueryItem(name: "name", value: name)) }
        if let email = contact.email, !items.contains(where: { $0.name == "email" }) { items.append(URLQueryItem(name: "email", value: email)) }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? bookingURL
    }
}
