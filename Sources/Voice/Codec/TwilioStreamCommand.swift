import AutopilotCore

/// A message the bridge sends back on the Media Stream: audio to play, a mark to be told when it has played, or
/// `clear` to drop what is buffered (barge-in).
public enum TwilioStreamCommand: Sendable, Hashable {
    case media(payload: String)
    case mark(name: String)
    case clear

    public func encoded(streamSID: String) -> String {
        switch self {
        case .media(let payload):
            // Written by hand: it is the hot path, and base64 (what the decoders let through) has no character to escape.
            return #"{"event":"media","streamSid":"# + JSONValue.string(streamSID).jsonString + #","media":{"payload":""# + payload + #""}}"#
        case .mark(let name):
            return JSONValue.object(["event": "mark", "streamSid": .string(streamSID), "mark": ["name": .string(name)]]).jsonString
        case .clear:
            return JSONValue.object(["event": "clear", "streamSid": .string(streamSID)]).jsonString
        }
    }

    /// Reads what the bridge sent (the fake Twilio client of the tests and the benchmark).
    public static func decode(_ text: String) throws(VoiceProtocolError) -> (streamSID: String, command: TwilioStreamCommand) {
        if FastField.string("event", in: text) == "media", let payload = FastField.string("payload", in: text),
            let streamSID = FastField.string("streamSid", in: text)
        {
            return (String(streamSID), .media(payload: String(payload)))
        }
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch { throw VoiceProtocolError(field: "$", reason: "not JSON: \(error.description)") }
        guard let event = value["event"]?.stringValue else { throw VoiceProtocolError(field: "event", reason: "is required") }
        guard let streamSID = value["streamSid"]?.stringValue else { throw VoiceProtocolError(field: "streamSid", reason: "is required") }
        switch event {
        case "media":
            guard let payload = value["media"]?["payload"]?.stringValue else { throw VoiceProtocolError(field: "media.payload", reason: "is required") }
            return (streamSID, .media(payload: payload))
        case "mark":
            guard let name = value["mark"]?["name"]?.stringValue else { throw VoiceProtocolError(field: "mark.name", reason: "is required") }
            return (streamSID, .mark(name: name))
        case "clear":
            return (streamSID, .clear)
        default:
            throw VoiceProtocolError(field: "event", reason: "\"\(event)\" is not media, mark or clear")
        }
    }
}
