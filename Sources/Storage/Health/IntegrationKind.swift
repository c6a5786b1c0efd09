/// What sort of integration an `integration_health` row is about. Raw values are persisted (`integration_health.kind`)
/// and shown by `GET /health`; they never change.
public enum IntegrationKind: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// A message sender: SMTP, Twilio, WhatsApp Cloud, Omnisend…
    case channel
    /// A language-model provider (`llm:openai`…).
    case llm
    /// Team notifications (Slack).
    case notifications
    /// Flow `webhook` actions.
    case webhooks
    /// A CRM (HubSpot, Pipedrive).
    case crm
    /// A dropshipping supplier (CJdropshipping, BigBuy).
    case supplier
    /// The shop's storefront (Shopify fulfillments).
    case storefront

    /// The kind a stored text stands for; a text no version wrote reads as `channel`.
    public init(stored text: String?) {
        self = text.flatMap(IntegrationKind.init(rawValue:)) ?? .channel
    }

    /// By persisted name, as the health listing has always been sorted.
    public static func < (lhs: IntegrationKind, rhs: IntegrationKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
