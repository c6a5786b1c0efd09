/// Ends active runs when a matching event arrives: `order.placed` where `event.cart_id == trigger.cart_id`.
public struct FlowExitCondition: Sendable, Hashable {
    public var eventType: String
    public var condition: Condition?
    /// Recorded as the run's exit reason; defaults to the event type.
    public var reason: String

    public init(eventType: String, condition: Condition? = nil, reason: String? = nil) {
        self.eventType = eventType
        self.condition = condition
        self.reason = reason ?? eventType
    }
}
