/// How a flow's messages went, as the breaker counts them.
public enum SendOutcome: String, Sendable, Hashable, Codable {
    /// Accepted by the provider (sent or delivered).
    case succeeded
    /// Failed or bounced.
    case failed
}

/// What the flow must do after an outcome is recorded.
public enum CircuitBreakerDecision: Sendable, Hashable {
    case keepSending
    /// Just tripped: pause the flow and notify the team with these numbers.
    case pause(FlowPause)
    /// Already paused: keep holding (no new notification).
    case stayPaused(FlowPause)
}
