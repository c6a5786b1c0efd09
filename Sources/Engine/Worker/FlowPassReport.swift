/// What one sweep of the worker's passes did.
public struct FlowPassReport: Sendable, Equatable {
    public var cartsAbandoned = 0
    public var eventsRouted = 0
    public var runsStartedByDate = 0
    public var timersFired = 0
    public var actionsDone = 0
    public var messagesDispatched = 0
    /// Customers rescored (RFM, churn) because of new order, engagement or support events.
    public var contactsRescored = 0
    /// `score.churn_risk_crossed` events emitted by rescoring.
    public var churnCrossings = 0
    public var nightlyScorings = 0
    /// `segment.entered` and `segment.left` events recorded.
    public var segmentAnnouncements = 0
    /// Broadcast messages queued (and broadcast tests decided).
    public var broadcastMessagesQueued = 0
    /// Runs of delegated flows started by pending recommendations.
    public var runsStartedByDelegation = 0

    public init() {}
}
