import AutopilotCore

/// What to do with one webhook request: the HTTP route answers `httpStatus` and ingests `events` when accepted.
public enum WebhookOutcome: Sendable, Equatable {
    /// Verified and translated: ingest the events (each with its idempotency key) and remember the delivery id.
    case accepted(WebhookAcceptance)
    /// Verified, understood, and nothing to record (unsupported topic, status without news…). Answer 200.
    case ignored(deliveryID: String?, reason: IgnoreReason)
    /// WooCommerce's unsigned ping when a webhook is saved. Answer 200, record nothing.
    case ping
    /// The signature is missing, malformed, wrong or stale. Answer 401, record nothing.
    case rejected(SignatureFailure)
    /// Verified, but the content cannot be read (malformed JSON, missing id…). Answer 400, record nothing.
    case invalid(WebhookPayloadError)

    /// The status the HTTP route answers with.
    public var httpStatus: Int {
        switch self {
        case .accepted, .ignored, .ping: 200
        case .rejected: 401
        case .invalid: 400
        }
    }

    /// The vendor's id for this delivery, for replay detection, when the request was verified.
    public var deliveryID: String? {
        switch self {
        case .accepted(let acceptance): acceptance.deliveryID
        case .ignored(let deliveryID, _): deliveryID
        case .ping, .rejected, .invalid: nil
        }
    }

    /// The events to ingest; empty unless accepted.
    public var events: [JSONValue] {
        if case .accepted(let acceptance) = self { return acceptance.events }
        return []
    }
}

/// A verified delivery and the events it translates to.
public struct WebhookAcceptance: Sendable, Equatable {
    public let provider: WebhookProvider
    /// `<provider>:<vendor delivery id>` (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID, Stripe event id,
    /// Twilio MessageSid + status); nil when the vendor sent none. A repeated id is a replay: ingest nothing.
    public let deliveryID: String?
    /// Envelopes that pass `EventValidator`, ready for the ingest pipeline.
    public let events: [JSONValue]

    public init(provider: WebhookProvider, deliveryID: String?, events: [JSONValue]) {
        self.provider = provider
        self.deliveryID = deliveryID
        self.events = events
    }
}
