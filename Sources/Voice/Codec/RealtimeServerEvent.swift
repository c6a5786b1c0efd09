import AutopilotCore

/// What a realtime speech-to-speech model sends, in the OpenAI Realtime event protocol that OpenAI and xAI both speak.
/// The generally available names are read, and the older beta names a provider may still send
/// (`response.audio.delta`, `response.audio_transcript.done`, `response.text.done`).
public enum RealtimeServerEvent: Sendable, Hashable {
    case sessionCreated
    case sessionUpdated
    case responseCreated(responseID: String)
    /// A chunk of the model's voice, base64 in the session's output format (μ-law 8 kHz here).
    case audioDelta(responseID: String, delta: String)
    case audioDone(responseID: String)
    /// What the model said, once its spoken turn is complete.
    case outputTranscript(responseID: String, text: String)
    /// What the caller said, as the provider transcribed it.
    case inputTranscript(itemID: String, text: String)
    case speechStarted
    case speechStopped
    /// The model asks to run a tool; `arguments` is JSON text.
    case functionCall(callID: String, name: String, arguments: String)
    case responseDone(responseID: String, status: String)
    case error(code: String, message: String)
    /// Any other event (rate limits, item lifecycle…): nothing to do.
    case other(type: String)

    public static func decode(_ text: String) throws(VoiceProtocolError) -> RealtimeServerEvent {
        // The hot path: the model's voice, 50 deltas a second per call, read without building the whole document.
        if let type = FastField.string("type", in: text), type == "response.output_audio.delta" || type == "response.audio.delta",
            let delta = FastField.string("delta", in: text), let responseID = FastField.string("response_id", in: text)
        {
            return .audioDelta(responseID: String(responseID), delta: String(delta))
        }
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch { throw VoiceProtocolError(field: "$", reason: "not JSON: \(error.description)") }
        guard let object = value.objectValue else { throw VoiceProtocolError(field: "$", reason: "must be a JSON object") }
        return try decode(object)
    }

    public static func decode(_ object: JSONObject) throws(VoiceProtocolError) -> RealtimeServerEvent {
        guard let type = object["type"]?.stringValue else { throw VoiceProtocolError(field: "type", reason: "is required") }
        func string(_ field: String) throws(VoiceProtocolError) -> String {
            guard let text = object[field]?.stringValue else { throw VoiceProtocolError(field: field, reason: "is required in \(type)") }
            return text
        }
        let responseID = object["response_id"]?.stringValue ?? ""
        switch type {
        case "session.created": return .sessionCreated
        case "session.updated": return .sessionUpdated
        case "response.created": return .responseCreated(responseID: object["response"]?["id"]?.stringValue ?? "")
        case "response.output_audio.delta", "response.audio.delta":
            let delta = try string("delta")
            guard Base64Text.isBase64(delta) else { throw VoiceProtocolError(field: "delta", reason: "is not base64 audio") }
            return .audioDelta(responseID: responseID, delta: delta)
        case "response.output_audio.done", "response.audio.done": return .audioDone(responseID: responseID)
        case "response.output_audio_transcript.done", "response.audio_transcript.done":
            return .outputTranscript(responseID: responseID, text: try string("transcript"))
        case "response.output_text.done", "response.text.done": return .outputTranscript(responseID: responseID, text: try string("text"))
        case "conversation.item.input_audio_transcription.completed":
            return .inputTranscript(itemID: object["item_id"]?.stringValue ?? "", text: try string("transcript"))
        case "input_audio_buffer.speech_started": return .speechStarted
        case "input_audio_buffer.speech_stopped": return .speechStopped
        case "response.function_call_arguments.done":
            return .functionCall(callID: try string("call_id"), name: try string("name"), arguments: object["arguments"]?.stringValue ?? "{}")
        case "response.done":
            let response = object["response"]
            return .responseDone(responseID: response?["id"]?.stringValue ?? "", status: response?["status"]?.stringValue ?? "completed")
        case "error":
            let error = object["error"]
            return .error(code: error?["code"]?.stringValue ?? error?["type"]?.stringValue ?? "error", message: error?["message"]?.stringValue ?? "")
        default: return .other(type: type)
        }
    }

    /// The event as a provider writes it, in the generally available names (the fake providers of the tests and the
    /// benchmark send these; `beta` writes the older names).
    public func encoded(beta: Bool = false) -> String {
        if case .audioDelta(let id, let delta) = self {
            return #"{"type":""# + (beta ? "response.audio.delta" : "response.output_audio.delta") + #"","response_id":"# + JSONValue.string(id).jsonString
                + #","delta":""# + delta + #""}"#
        }
        let object: JSONObject =
            switch self {
            case .sessionCreated: ["type": "session.created", "session": ["type": "realtime"]]
            case .sessionUpdated: ["type": "session.updated", "session": ["type": "realtime"]]
            case .responseCreated(let id): ["type": "response.created", "response": ["id": .string(id), "status": "in_progress"]]
            case .audioDelta(let id, let delta):
                ["type": beta ? "response.audio.delta" : "response.output_audio.delta", "response_id": .string(id), "delta": .string(delta)]
            case .audioDone(let id): ["type": beta ? "response.audio.done" : "response.output_audio.done", "response_id": .string(id)]
            case .outputTranscript(let id, let text):
                [
                    "type": beta ? "response.audio_transcript.done" : "response.output_audio_transcript.done", "response_id": .string(id),
                    "transcript": .string(text),
                ]
            case .inputTranscript(let item, let text):
                ["type": "conversation.item.input_audio_transcription.completed", "item_id": .string(item), "transcript": .string(text)]
            case .speechStarted: ["type": "input_audio_buffer.speech_started"]
            case .speechStopped: ["type": "input_audio_buffer.speech_stopped"]
            case .functionCall(let callID, let name, let arguments):
                ["type": "response.function_call_arguments.done", "call_id": .string(callID), "name": .string(name), "arguments": .string(arguments)]
            case .responseDone(let id, let status): ["type": "response.done", "response": ["id": .string(id), "status": .string(status)]]
            case .error(let code, let message): ["type": "error", "error": ["code": .string(code), "message": .string(message)]]
            case .other(let type): ["type": .string(type)]
            }
        return JSONValue.object(object).jsonString
    }
}
