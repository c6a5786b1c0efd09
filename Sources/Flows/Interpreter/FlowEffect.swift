import AutopilotCore
import Foundation

/// Something the engine must do for a run. Effects are data; carrying them out is the shell's job.
public enum FlowEffect: Sendable, Hashable {
    /// Wake the run with `.timer(dueAt: at)`.
    case scheduleTimer(at: Date)
    /// Queue a message in the outbox (once per idempotency key).
    case sendMessage(FlowMessage)
    case updateContact(ContactUpdate, idempotencyKey: String)
    /// Alert the team; `message` is a Mustache template rendered with the run's context.
    case notify(channel: NotifyStep.Channel, message: String, idempotencyKey: String)
    /// POST `body` (its strings rendered as Mustache templates with the run's context) to `url`.
    case callWebhook(url: String, body: JSONValue, idempotencyKey: String)
    /// Call the contact with the voice agent; `purpose` is a Mustache template rendered with the run's context.
    case placeCall(purpose: String, idempotencyKey: String)
    case createTask(FlowTask)
    /// Hold the run until a person approves (`.approval`).
    case requestApproval(prompt: String?, idempotencyKey: String)
    /// The run ended early (exit condition, exit step, rejection, missing value).
    case exit(reason: String)
    /// The run's messages still waiting in the outbox must not go: an event ended the run (an order, a reply, an
    /// unsubscribe). A run that ends by its own steps (`exit:`) keeps what it queued.
    case cancelQueuedMessages(reason: String)
    /// The run went through all its steps.
    case complete
    /// The run was recorded without running (`stale`).
    case skip(reason: String)
}

/// A message to queue: one per (run, step), whatever happens to the worker.
public struct FlowMessage: Sendable, Hashable {
    public var channel: Channel
    public var template: String
    /// `RUN_ID/steps[2].then[0]`: unique per run and step.
    public var idempotencyKey: String
    public var step: FlowStepPath
    public var coupon: CouponRequest?
    public var transactional: Bool
    public var personalise: Bool
    /// The step was marked `conversation: true`.
    public var conversation: Bool
    /// The step was marked `send_time: optimal`.
    public var optimalSendTime: Bool
    /// The logical moment the step ran (the timer's due time), for smart sending and reporting.
    public var scheduledAt: Date
    /// The approved WhatsApp template for a closed 24-hour window.
    public var whatsappTemplate: WhatsAppTemplateOptions?

    public init(
        channel: Channel, template: String, idempotencyKey: String, step: FlowStepPath, coupon: CouponRequest? = nil, transactional: Bool = false,
        personalise: Bool = false, conversation: Bool = false, optimalSendTime: Bool = false, scheduledAt: Date,
        whatsappTemplate: WhatsAppTemplateOptions? = nil
    ) {
        self.whatsappTemplate = whatsappTemplate
        self.optimalSendTime = optimalSendTime
        self.conversation = conversation
        self.channel = channel
        self.template = template
        self.idempotencyKey = idempotencyKey
        self.step = step
        self.coupon = coupon
        self.transactional = transactional
        self.personalise = personalise
        self.scheduledAt = scheduledAt
    }
}

/// A follow-up for a person, shown as a recommendation.
public struct FlowTask: Sendable, Hashable {
    public var title: String
    public var assignee: String
    public var dueAt: Date?
    public var idempotencyKey: String

    public init(title: String, assignee: String, dueAt: Date?, idempotencyKey: String) {
        self.title = title
        self.assignee = assignee
        self.dueAt = dueAt
        self.idempotencyKey = idempotencyKey
    }
}
