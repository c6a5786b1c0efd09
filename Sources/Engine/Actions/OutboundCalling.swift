import Foundation

/// Places the phone calls of flow steps (`call:`). The voice agent implements it (`Voice.FlowCalls`); the composition
/// root puts it in `FlowEngineSettings.calls`. Without one, a call step fails saying so.
public protocol OutboundCalling: Sendable {
    /// Places (or refuses, or defers) one call. The same idempotency key never places a second call, whatever happened
    /// to the previous attempt.
    func placeCall(_ request: OutboundCallRequest, dependencies: Dependencies) async -> OutboundCallAttempt
}

/// A flow's call: to whom, why, once per run step.
public struct OutboundCallRequest: Sendable, Hashable {
    public var tenantID: String
    public var contactID: String
    /// What the voice agent is told the call is for (the step's rendered `purpose`).
    public var purpose: String
    /// `RUN_ID/STEP_PATH`.
    public var idempotencyKey: String
    /// When the step first became due: how long a call may be deferred counts from here.
    public var dueAt: Date

    public init(tenantID: String, contactID: String, purpose: String, idempotencyKey: String, dueAt: Date) {
        self.tenantID = tenantID
        self.contactID = contactID
        self.purpose = purpose
        self.idempotencyKey = idempotencyKey
        self.dueAt = dueAt
    }
}

/// What became of a flow's call.
public enum OutboundCallAttempt: Sendable, Hashable {
    /// Twilio took the call (`callID` is the row of `voice_calls`), or an earlier attempt with this key did.
    case placed(callID: String)
    /// The rules refuse it for good (no consent, no phone, the cap over the maximum deferral…): recorded with its reason.
    case refused(reason: String)
    /// Not now (quiet hours, Sunday, a public holiday, the cap): asked again at `until`.
    case deferred(until: Date, reason: String)
    /// Twilio refused it or could not be reached: recorded, not tried again (a call is placed at most once).
    case failed(reason: String)
}
