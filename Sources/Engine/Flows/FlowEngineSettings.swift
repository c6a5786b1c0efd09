import Channels
import Flows
import Foundation
import Storage

/// How the flow engine works through due work. Defaults suit one shop on one node.
public struct FlowEngineSettings: Sendable {
    /// A cart with no update and no order for this long is abandoned (30 minutes by default).
    public var cartAbandonmentDelay: TimeInterval = 30 * 60
    /// Rows claimed per transaction.
    public var batchSize = 1_000
    /// How long a claimed message or action stays with one worker before another may take it. A working batch renews
    /// its claim every quarter of this, so it only bounds how long messages wait after a worker dies.
    public var lease: TimeInterval = 60
    /// Attempts before a message is failed for good (`message.failed`).
    public var maximumAttempts = 5
    /// The first retry delay; doubled per attempt, at most `maximumRetryDelay`.
    public var retryDelay: TimeInterval = 60
    public var maximumRetryDelay: TimeInterval = 3_600
    /// When a flow pauses itself: by default below 85% of its latest 100 messages sent (seed 003).
    public var circuitBreaker = FlowCircuitBreakerSettings()
    /// Smart-sending rules (consent, caps, quiet hours) for every tenant.
    public var smartSending = SmartSendingSettings()
    /// The shop's name and URL, for templates (`shop.*`).
    public var shopName = "Autopilot Shop"
    public var shopURL = "https://shop.example"
    public var shopSignature = "The founder"
    /// Where team notifications go (`SLACK_WEBHOOK_URL`); nil: the log.
    public var slack: SlackWebhook?
    /// Places the calls of `call:` steps (the voice agent, wired by the composition root); nil: such steps fail, saying so.
    public var calls: (any OutboundCalling)?
    /// Base of the links Autopilot serves (unsubscribe, tracking).
    public var publicURL = "http://localhost:8080"
    /// The key that signs tracking and unsubscribe links (AUTOPILOT_TRACKING_SECRET); nil: the database's own secret.
    public var trackingSecret: String?
    /// Order, engagement and ticket events rescore their contacts' RFM and churn risk at once (and may emit
    /// `score.churn_risk_crossed`).
    public var rescoreOnEvents = true
    /// The full nightly scoring (lifetime value included) runs once a day after this hour of the tenant's day; nil: not
    /// run by the worker (`autopilot score` from cron instead). `autopilot serve` and `worker` use 3 (AUTOPILOT_NIGHTLY_SCORING_HOUR).
    public var nightlyScoringHour: Int?
    /// How often recommendations are recomputed for flows delegated for a rule.
    public var delegationInterval: TimeInterval = 15 * 60
    /// How often segments whose condition reads `history.*` or `scores.*` are re-evaluated over every contact
    /// (AUTOPILOT_SEGMENT_SWEEP_MINUTES, 60 by default); events re-evaluate the contacts they touch at once.
    public var segmentSweepInterval: TimeInterval = 60 * 60
    /// Suppliers, SKU routing and tracking sync (docs/dropshipping.md); off until a supplier is configured.
    public var dropshipping = DropshippingSettings()
    /// The shop each tenant's coupon codes are created in before their message goes (docs/coupons.md); none by default.
    public var shopCoupons = ShopCouponDirectory()
    /// Opens the tenants' secret settings (AUTOPILOT_SETTINGS_KEY); nil: tenants cannot keep secrets (docs/settings.md).
    public var settingsCipher: SettingsCipher?

    public init() {}
}
