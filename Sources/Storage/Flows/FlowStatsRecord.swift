import AutopilotCore
import Foundation

/// Which flows and which period flow analytics cover, for one tenant.
public struct FlowStatsQuery: Sendable, Hashable {
    public var tenantID: String
    /// One flow, or every flow of the tenant.
    public var flowID: String?
    /// Inclusive start: runs started, messages queued and orders placed at or after it.
    public var from: Date?
    /// Exclusive end.
    public var until: Date?
    /// How long after each kind of touch an order counts for the flow (per channel; the tenant may change them).
    public var windows = AttributionWindows()

    public init(tenantID: String, flowID: String? = nil, from: Date? = nil, until: Date? = nil) {
        self.tenantID = tenantID
        self.flowID = flowID
        self.from = from
        self.until = until
    }
}

/// Flow analytics as the database aggregates them: counts grouped by flow (and step), never one row per run or message.
public struct FlowStatsRecord: Sendable, Hashable {
    /// Runs of a flow in one status (and, for exits and skips, one reason) whose position is one step: where they wait,
    /// or the step they were at when they finished.
    public struct RunCount: Sendable, Hashable {
        public var flowID: String
        /// The step path (`steps[4]`); nil for a run that never reached a step.
        public var step: String?
        public var status: FlowRunPhase
        public var reason: String?
        public var count: Int

        public init(flowID: String, step: String? = nil, status: FlowRunPhase, reason: String?, count: Int) {
            self.flowID = flowID
            self.step = step
            self.status = status
            self.reason = reason
            self.count = count
        }
    }

    /// What happened to the messages one step of a flow queued.
    public struct MessageCount: Sendable, Hashable {
        public var flowID: String
        public var step: String
        /// Every message the step queued (the outbox rows).
        public var queued = 0
        /// Still waiting in the outbox (status queued or blocked with a later attempt).
        public var waiting = 0
        public var sent = 0
        public var failed = 0
        public var skipped = 0
        /// Held back at least once or stopped, with a recorded reason (the last one).
        public var blocked = 0
        public var delivered = 0
        /// Opened, or clicked (a click implies an open).
        public var opened = 0
        public var clicked = 0
        public var replied = 0

        public init(flowID: String, step: String) {
            self.flowID = flowID
            self.step = step
        }
    }

    /// Messages of a step whose recorded blocking reason is `reason`: held and then sent (`sent`), or not sent (yet).
    public struct BlockCount: Sendable, Hashable {
        public var flowID: String
        public var step: String
        public var reason: String
        public var count: Int
        /// The messages were held back, then sent.
        public var sent: Bool

        public init(flowID: String, step: String, reason: String, count: Int, sent: Bool = false) {
            self.flowID = flowID
            self.step = step
            self.reason = reason
            self.count = count
            self.sent = sent
        }
    }

    /// Orders attributed to a step's messages, and their total, in one currency.
    public struct Attribution: Sendable, Hashable {
        public var flowID: String
        public var step: String
        /// ISO 4217 code as the orders carry it; empty when they carry none.
        public var currency: String
        public var orders: Int
        public var revenue: Double

        public init(flowID: String, step: String, currency: String, orders: Int, revenue: Double) {
            self.flowID = flowID
            self.step = step
            self.currency = currency
            self.orders = orders
            self.revenue = revenue
        }
    }

    public var runs: [RunCount]
    public var messages: [MessageCount]
    public var blocks: [BlockCount]
    public var attributions: [Attribution]

    public init(runs: [RunCount] = [], messages: [MessageCount] = [], blocks: [BlockCount] = [], attributions: [Attribution] = []) {
        self.runs = runs
        self.messages = messages
        self.blocks = blocks
        self.attributions = attributions
    }
}

/// How long after a touch on one of a flow's messages an order counts for the flow, per channel and kind of touch (last
/// touch wins). Defaults: email open or click 5 days, SMS and WhatsApp click 5 days, SMS and WhatsApp delivery 12 hours.
/// A tenant changes them with the settings `attribution.email_open_hours`, `attribution.email_click_hours`,
/// `attribution.sms_click_hours`, `attribution.sms_delivery_hours` (0 turns a kind of touch off).
public struct AttributionWindows: Sendable, Hashable {
    public var emailOpen: TimeInterval = 5 * 86_400
    public var emailClick: TimeInterval = 5 * 86_400
    /// SMS and WhatsApp.
    public var smsClick: TimeInterval = 5 * 86_400
    public var smsDelivery: TimeInterval = 12 * 3_600

    public init() {}

    /// The setting names, each a number of hours.
    public static var settings: [(name: String, path: WritableKeyPath<AttributionWindows, TimeInterval>)] {
        [
            ("attribution.email_open_hours", \.emailOpen), ("attribution.email_click_hours", \.emailClick),
            ("attribution.sms_click_hours", \.smsClick), ("attribution.sms_delivery_hours", \.smsDelivery),
        ]
    }

    /// The defaults overridden by a tenant's settings (hours, 0 to 2,160; anything else is ignored).
    public init(settings: [String: String]) {
        for (name, path) in Self.settings {
            if let hours = settings[name].flatMap(Double.init), hours >= 0, hours <= 2_160 { self[keyPath: path] = hours * 3_600 }
        }
    }
}

/// The former fixed windows (click 5 days, open 24 hours), kept for callers that name them.
public enum FlowAttributionWindow {
    public static let afterClick: TimeInterval = 5 * 86_400
    public static let afterOpen: TimeInterval = 24 * 3_600
}
