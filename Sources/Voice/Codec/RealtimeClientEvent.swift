import AutopilotCore

/// What the bridge sends to the realtime model: the session's configuration, the caller's audio, a tool's result, and
/// the requests to answer or to stop answering.
public enum RealtimeClientEvent: Sendable, Hashable {
    case sessionUpdate(RealtimeSessionConfiguration)
    /// 20 ms of the caller's voice, base64 μ-law, as Twilio sent it.
    case appendAudio(String)
    case functionCallOutput(callID: String, output: String)
    case responseCreate
    case responseCancel

    public var type: String {
        switch self {
        case .sessionUpdate: "session.update"
        case .appendAudio: "input_audio_buffer.append"
        case .functionCallOutput: "conversation.item.create"
        case .responseCreate: "response.create"
        case .responseCancel: "response.cancel"
        }
    }

    /// The event in the provider's dialect (only `session.update` differs between the GA and the beta protocol).
    public func encoded(dialect: RealtimeDialect = .generallyAvailable) -> String {
        switch self {
        case .appendAudio(let audio):
            // The hot path: base64 (what the decoders let through) needs no escaping.
            return #"{"type":"input_audio_buffer.append","audio":""# + audio + #""}"#
        case .sessionUpdate(let configuration):
            return JSONValue.object(["type": "session.update", "session": .object(configuration.session(dialect))]).jsonString
        case .functionCallOutput(let callID, let output):
            return JSONValue.object([
                "type": "conversation.item.create",
                "item": ["type": "function_call_output", "call_id": .string(callID), "output": .string(output)],
            ]).jsonString
        case .responseCreate: return #"{"type":"response.create"}"#
        case .responseCancel: return #"{"type":"response.cancel"}"#
        }
    }

    /// The audio of an `input_audio_buffer.append`, read without parsing the whole text (nil for any other event, or
    /// when unsure: then `decode`).
    public static func appendedAudio(in text: String) -> String? {
        guard FastField.string("type", in: text) == "input_audio_buffer.append" else { return nil }
        return FastField.string("audio", in: text).map(String.init)
    }

    /// Reads what a client sent (the fake providers of the tests and the benchmark).
    public static func decode(_ text: String) throws(VoiceProtocolError) -> (type: String, object: JSONObject) {
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch { throw VoiceProtocolError(field: "$", reason: "not JSON: \(error.description)") }
        guard let object = value.objectValue, let type = object["type"]?.stringValue else {
            throw VoiceProtocolError(field: "type", reason: "is required")
        }
        return (type, object)
    }
}

/// The two spellings of the session's configuration: the generally available one (`session.type`, `audio.input.format`)
/// and the beta one (`input_audio_format: g711_ulaw`).
public enum RealtimeDialect: String, Sendable, Hashable {
    case generallyAvailable = "ga"
    case beta
}
