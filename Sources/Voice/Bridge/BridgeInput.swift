import AutopilotCore

/// Everything that happens to a call's bridge, as data: a message from Twilio, an event from the model, the model's
/// connection opened or lost, a tool that finished.
public enum BridgeInput: Sendable, Hashable {
    case twilio(TwilioStreamMessage)
    case realtime(RealtimeServerEvent)
    /// The model's WebSocket is open: configure it with this.
    case providerReady(provider: String, configuration: RealtimeSessionConfiguration)
    /// The provider in use went away during the call: the shell is reaching the next one in order (caller audio is held
    /// meanwhile, then `.providerReady` resumes the call with the transcript so far).
    case providerDropped(reason: String)
    /// No provider could be reached (at the start, or after a drop).
    case providerLost(reason: String)
    case toolFinished(callID: String, output: String)
}

/// What the shell must do, in order: send to Twilio, send to the model, open the model's connection, run a tool,
/// record a line of the transcript, end the call.
public enum BridgeAction: Sendable, Hashable {
    case toTwilio(TwilioStreamCommand)
    case toRealtime(RealtimeClientEvent)
    /// `start` arrived: connect to the providers in order, then feed `.providerReady` (or `.providerLost`).
    case openProvider(TwilioStreamStart)
    case runTool(callID: String, name: String, arguments: String)
    case record(TranscriptLine)
    case end(CallEnd)
}

/// One line said on the call, by the caller or by the agent.
public struct TranscriptLine: Sendable, Hashable, Codable {
    public enum Speaker: String, Sendable, Hashable, Codable {
        case caller, agent
    }

    public var speaker: Speaker
    public var text: String

    public init(speaker: Speaker, text: String) {
        self.speaker = speaker
        self.text = text
    }
}

/// Why a call's bridge ended. Raw values are persisted (`voice_calls.status`).
public enum CallEnd: String, Sendable, Hashable, Codable {
    /// Twilio sent `stop`: the caller (or the callee) hung up.
    case completed
    /// No provider could be reached: the caller hears the apology, a callback task and an SMS are created.
    case unavailable
    /// The provider went away during the call and no other could be reached.
    case providerLost = "provider_lost"
}
