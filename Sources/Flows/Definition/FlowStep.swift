import AutopilotCore

/// One step of a flow. Branches and `wait_for` timeouts hold nested step lists.
public indirect enum FlowStep: Sendable, Hashable {
    case wait(FlowWait)
    case waitUntil(WaitUntilStep)
    case send(SendStep)
    case branch(condition: Condition, then: [FlowStep], else: [FlowStep])
    case waitFor(WaitForStep)
    case updateContact(ContactUpdate)
    case notify(NotifyStep)
    case webhook(WebhookStep)
    /// A phone call placed by the voice agent (docs/voice.md), within consent, calling hours and the call cap.
    case call(CallStep)
    case task(TaskStep)
    case approve(prompt: String?)
    case exit(reason: String)
    case split(SplitStep)

    /// The key naming the step in flow files.
    public var kind: String {
        switch self {
        case .wait: "wait"
        case .waitUntil: "wait_until"
        case .send: "send"
        case .branch: "branch"
        case .waitFor: "wait_for"
        case .updateContact: "update_contact"
        case .notify: "notify"
        case .webhook: "webhook"
        case .call: "call"
        case .task: "task"
        case .approve: "approve"
        case .exit: "exit"
        case .split: "split"
        }
    }
}

/// A pause: a fixed duration, or a number of days computed from run values (`days: settings.delay_days`).
public enum FlowWait: Sendable, Hashable {
    case duration(FlowDuration)
    /// Calendar days from a numeric expression. A null or negative value ends the run with reason `missing_value`.
    case days(Condition)
}

/// Waits until the next moment (at or after the current one) that is on one of `weekdays` (any day when empty) and at
/// `time` (when given), in the contact's time zone.
public struct WaitUntilStep: Sendable, Hashable {
    public var time: TimeOfDay?
    public var weekdays: [Weekday]

    public init(time: TimeOfDay?, weekdays: [Weekday] = []) {
        self.time = time
        self.weekdays = weekdays
    }
}

/// Sends a message from a template.
public struct SendStep: Sendable, Hashable {
    public var channel: Channel
    public var template: String
    public var coupon: CouponRequest?
    /// Transactional messages (order confirmation, shipping) are exempt from frequency caps and marketing consent.
    public var transactional: Bool
    /// Ask the writer (language model or offline provider) to personalise the template for the contact.
    public var personalise: Bool
    /// The message is a conversation, not marketing: the follow-up rules watch it for an open without a reply (a delegated
    /// follow-up, a personal note). Flow messages are not conversations unless marked; their flow follows them up.
    public var conversation: Bool
    /// WhatsApp only: the approved template sent when the contact's 24-hour window is closed (`whatsapp_template:`).
    public var whatsappTemplate: WhatsAppTemplateOptions?
    /// `send_time: optimal`: the message waits for the contact's best hour (`SendTimeOptimizer`), inside the sending window.
    public var optimalSendTime: Bool

    public init(
        channel: Channel, template: String, coupon: CouponRequest? = nil, transactional: Bool = false, personalise: Bool = false,
        conversation: Bool = false, whatsappTemplate: WhatsAppTemplateOptions? = nil, optimalSendTime: Bool = false
    ) {
        self.whatsappTemplate = whatsappTemplate
        self.optimalSendTime = optimalSendTime
        self.conversation = conversation
        self.channel = channel
        self.template = template
        self.coupon = coupon
        self.transactional = transactional
        self.personalise = personalise
    }
}

/// A coupon to create for a message: a unique code, or a referral code that rewards both sides.
public struct CouponRequest: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case unique
        case referral
    }

    public enum Discount: Sendable, Hashable {
        case percent(Double)
        case amount(Double)
        case freeShipping
    }

    public var kind: Kind
    public var discount: Discount
    public var validity: FlowDuration
    /// The order subtotal from which the code applies (`minimum_order`).
    public var minimumOrder: Double?

    public init(kind: Kind, discount: Discount, validity: FlowDuration, minimumOrder: Double? = nil) {
        self.kind = kind
        self.discount = discount
        self.validity = validity
        self.minimumOrder = minimumOrder
    }
}

/// Waits for an event (optionally matching a condition over `event.*`), up to a timeout.
public struct WaitForStep: Sendable, Hashable {
    public var eventType: String
    public var condition: Condition?
    public var timeout: FlowDuration
    /// The name under which the received event's properties are kept for later steps (`review.rating`).
    public var binding: String?
    /// Run when the timeout passes with no matching event; then the flow goes on after the `wait_for`.
    public var onTimeout: [FlowStep]

    public init(eventType: String, condition: Condition? = nil, timeout: FlowDuration, binding: String? = nil, onTimeout: [FlowStep] = []) {
        self.eventType = eventType
        self.condition = condition
        self.timeout = timeout
        self.binding = binding
        self.onTimeout = onTimeout
    }
}

/// A change to the contact.
public enum ContactUpdate: Sendable, Hashable {
    case setAttribute(name: String, value: JSONValue)
    case addTag(String)
    case removeTag(String)
}

/// An alert to the team.
public struct NotifyStep: Sendable, Hashable {
    public enum Channel: String, Sendable, Hashable, CaseIterable {
        case slack
        case log
    }

    public var channel: Channel
    /// A Mustache template rendered with the run's values.
    public var message: String

    public init(channel: Channel, message: String) {
        self.channel = channel
        self.message = message
    }
}

/// An HTTP POST with a JSON body whose strings are Mustache templates.
public struct WebhookStep: Sendable, Hashable {
    public var url: String
    public var body: JSONValue

    public init(url: String, body: JSONValue) {
        self.url = url
        self.body = body
    }
}

/// A phone call to the contact by the voice agent, which is told `purpose` (a Mustache template rendered with the run's
/// values). The phone's consent, calling hours in the contact's time zone and the call cap apply, as for SMS.
public struct CallStep: Sendable, Hashable {
    public var purpose: String

    public init(purpose: String) {
        self.purpose = purpose
    }
}

/// A follow-up for a person ("call this customer"), shown as a recommendation.
public struct TaskStep: Sendable, Hashable {
    public var title: String
    /// A role such as `founder`, `sales`, `support`.
    public var assignee: String
    public var due: FlowDuration?

    public init(title: String, assignee: String, due: FlowDuration? = nil) {
        self.title = title
        self.assignee = assignee
        self.due = due
    }
}
