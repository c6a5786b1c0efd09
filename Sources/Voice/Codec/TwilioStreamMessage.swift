import AutopilotCore

/// A message Twilio sends on a bidirectional Media Stream (`<Connect><Stream>`): `connected`, `start`, `media`, `mark`,
/// `dtmf`, `stop`. Audio stays base64 μ-law 8 kHz as it arrives: the bridge forwards it without decoding it.
public enum TwilioStreamMessage: Sendable, Hashable {
    case connected(protocolName: String, version: String)
    case start(TwilioStreamStart)
    case media(TwilioMediaFrame)
    /// Twilio played the audio sent before the mark of this name (or the mark was cleared).
    case mark(name: String)
    case dtmf(digit: String)
    case stop(callSID: String?)

    /// Reads one text frame. A malformed frame or an unknown event is an error naming the field.
    public static func decode(_ text: String) throws(VoiceProtocolError) -> TwilioStreamMessage {
        // The hot path: 50 `media` frames a second per call, read without building the whole document.
        if FastField.string("event", in: text) == "media", let payload = FastField.string("payload", in: text) {
            return .media(
                TwilioMediaFrame(
                    track: FastField.string("track", in: text).map(String.init) ?? "inbound",
                    chunk: FastField.string("chunk", in: text).flatMap { Int($0) } ?? 0,
                    timestamp: FastField.string("timestamp", in: text).flatMap { Int($0) } ?? 0, payload: String(payload)))
        }
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch { throw VoiceProtocolError(field: "$", reason: "not JSON: \(error.description)") }
        guard let object = value.objectValue else { throw VoiceProtocolError(field: "$", reason: "must be a JSON object") }
        guard let event = object["event"]?.stringValue else { throw VoiceProtocolError(field: "event", reason: "is required") }
        switch event {
        case "connected":
            return .connected(protocolName: object["protocol"]?.stringValue ?? "", version: object["version"]?.stringValue ?? "")
        case "start":
            guard let start = object["start"]?.objectValue else { throw VoiceProtocolError(field: "start", reason: "is required") }
            return .start(try TwilioStreamStart(start, streamSID: object["streamSid"]?.stringValue))
        case "media":
            guard let media = object["media"]?.objectValue else { throw VoiceProtocolError(field: "media", reason: "is required") }
            guard let payload = media["payload"]?.stringValue else { throw VoiceProtocolError(field: "media.payload", reason: "is required") }
            guard Base64Text.isBase64(payload) else { throw VoiceProtocolError(field: "media.payload", reason: "is not base64 audio") }
            return .media(
                TwilioMediaFrame(
                    track: media["track"]?.stringValue ?? "inbound", chunk: Self.number(media["chunk"]),
                    timestamp: Self.number(media["timestamp"]), payload: payload))
        case "mark":
            guard let name = object["mark"]?["name"]?.stringValue else { throw VoiceProtocolError(field: "mark.name", reason: "is required") }
            return .mark(name: name)
        case "dtmf":
            guard let digit = object["dtmf"]?["digit"]?.stringValue else { throw VoiceProtocolError(field: "dtmf.digit", reason: "is required") }
            return .dtmf(digit: digit)
        case "stop":
            return .stop(callSID: object["stop"]?["callSid"]?.stringValue)
        default:
            throw VoiceProtocolError(field: "event", reason: "\"\(event)\" is not connected, start, media, mark, dtmf or stop")
        }
    }

    /// Twilio sends numbers as strings ("chunk": "2"); either is read.
    static func number(_ value: JSONValue?) -> Int {
        if let int = value?.intValue { return Int(int) }
        return value?.stringValue.flatMap { Int($0) } ?? 0
    }

    /// The message as Twilio writes it (the fake Twilio client of the tests and the benchmark sends these).
    public func encoded(streamSID: String, sequenceNumber: Int) -> String {
        if case .media(let frame) = self {
            // By hand, as Twilio writes it: the benchmark's fake callers send 50 a second each.
            return #"{"event":"media","sequenceNumber":""# + String(sequenceNumber) + #"","media":{"track":"# + JSONValue.string(frame.track).jsonString
                + #","chunk":""# + String(frame.chunk) + #"","timestamp":""# + String(frame.timestamp) + #"","payload":""# + frame.payload
                + #""},"streamSid":"# + JSONValue.string(streamSID).jsonString + "}"
        }
        var object: JSONObject = ["event": .string(eventName), "sequenceNumber": .string(String(sequenceNumber))]
        switch self {
        case .connected(let protocolName, let version):
            object = ["event": "connected", "protocol": .string(protocolName), "version": .string(version)]
            return JSONValue.object(object).jsonString
        case .start(let start):
            object["start"] = .object(start.json)
        case .media(let frame):
            object["media"] = [
                "track": .string(frame.track), "chunk": .string(String(frame.chunk)), "timestamp": .string(String(frame.timestamp)),
                "payload": .string(frame.payload),
            ]
        case .mark(let name):
            object["mark"] = ["name": .string(name)]
        case .dtmf(let digit):
            object["dtmf"] = ["track": "inbound_track", "digit": .string(digit)]
        case .stop(let callSID):
            object["stop"] = ["callSid": callSID.map(JSONValue.string) ?? .null]
        }
        object["streamSid"] = .string(streamSID)
        return JSONValue.object(object).jsonString
    }

    var eventName: String {
        switch self {
        case .connected: "connected"
        case .start: "start"
        case .media: "media"
        case .mark: "mark"
        case .dtmf: "dtmf"
        case .stop: "stop"
        }
    }
}

/// The `start` message: which call and stream, the tracks, the audio format and the `<Parameter>`s of the TwiML.
public struct TwilioStreamStart: Sendable, Hashable {
    public var streamSID: String
    public var callSID: String
    public var accountSID: String
    public var customParameters: [String: String]
    public var encoding: String
    public var sampleRate: Int

    public init(
        streamSID: String, callSID: String, accountSID: String = "", customParameters: [String: String] = [:], encoding: String = "audio/x-mulaw",
        sampleRate: Int = 8000
    ) {
        self.streamSID = streamSID
        self.callSID = callSID
        self.accountSID = accountSID
        self.customParameters = customParameters
        self.encoding = encoding
        self.sampleRate = sampleRate
    }

    init(_ object: JSONObject, streamSID outer: String?) throws(VoiceProtocolError) {
        guard let stream = object["streamSid"]?.stringValue ?? outer else { throw VoiceProtocolError(field: "start.streamSid", reason: "is required") }
        guard let call = object["callSid"]?.stringValue else { throw VoiceProtocolError(field: "start.callSid", reason: "is required") }
        var parameters: [String: String] = [:]
        for (key, value) in object["customParameters"]?.objectValue ?? [:] {
            if let text = value.stringValue { parameters[key] = text }
        }
        let format = object["mediaFormat"]?.objectValue
        self.init(
            streamSID: stream, callSID: call, accountSID: object["accountSid"]?.stringValue ?? "", customParameters: parameters,
            encoding: format?["encoding"]?.stringValue ?? "audio/x-mulaw", sampleRate: TwilioStreamMessage.number(format?["sampleRate"]))
    }

    var json: JSONObject {
        var parameters = JSONObject()
        for key in customParameters.keys.sorted() { parameters[key] = .string(customParameters[key]!) }
        return [
            "accountSid": .string(accountSID), "streamSid": .string(streamSID), "callSid": .string(callSID), "tracks": ["inbound"],
            "customParameters": .object(parameters),
            "mediaFormat": ["encoding": .string(encoding), "sampleRate": .int(Int64(sampleRate)), "channels": 1],
        ]
    }
}

/// One `media` frame: 20 ms of base64 μ-law from the caller, in order (`chunk` counts from 1).
public struct TwilioMediaFrame: Sendable, Hashable {
    public var track: String
    public var chunk: Int
    public var timestamp: Int
    public var payload: String

    public init(track: String = "inbound", chunk: Int, timestamp: Int, payload: String) {
        self.track = track
        self.chunk = chunk
        self.timestamp = timestamp
        self.payload = payload
    }
}
