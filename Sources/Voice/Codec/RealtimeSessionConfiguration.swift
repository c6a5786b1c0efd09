import AutopilotCore

/// How the model is set up for a call: instructions in the caller's language, the tenant's tools, μ-law 8 kHz in and
/// out (what Twilio carries, so nothing is transcoded), and server-side voice-activity detection.
public struct RealtimeSessionConfiguration: Sendable, Hashable {
    public var instructions: String
    public var voice: String?
    public var tools: [RealtimeTool]
    /// The model that transcribes the caller (nil: the provider's default, or none).
    public var transcriptionModel: String?
    /// `fr`, `en`: also the transcription's language.
    public var language: String

    public init(instructions: String, voice: String? = nil, tools: [RealtimeTool], transcriptionModel: String? = nil, language: String) {
        self.instructions = instructions
        self.voice = voice
        self.tools = tools
        self.transcriptionModel = transcriptionModel
        self.language = language
    }

    func session(_ dialect: RealtimeDialect) -> JSONObject {
        let tools = JSONValue.array(tools.map(\.json))
        var transcription: JSONObject = ["language": .string(language)]
        if let transcriptionModel { transcription["model"] = .string(transcriptionModel) }
        switch dialect {
        case .generallyAvailable:
            var output: JSONObject = ["format": ["type": "audio/pcmu"]]
            if let voice { output["voice"] = .string(voice) }
            return [
                "type": "realtime", "instructions": .string(instructions),
                "audio": [
                    "input": ["format": ["type": "audio/pcmu"], "turn_detection": ["type": "server_vad"], "transcription": .object(transcription)],
                    "output": .object(output),
                ],
                "tools": tools, "tool_choice": "auto",
            ]
        case .beta:
            var session: JSONObject = [
                "modalities": ["audio", "text"], "instructions": .string(instructions), "input_audio_format": "g711_ulaw",
                "output_audio_format": "g711_ulaw", "turn_detection": ["type": "server_vad"], "input_audio_transcription": .object(transcription),
                "tools": tools, "tool_choice": "auto",
            ]
            if let voice { session["voice"] = .string(voice) }
            return session
        }
    }
}

/// A tool as the realtime model is told about it: a function with a JSON Schema of its arguments.
public struct RealtimeTool: Sendable, Hashable {
    public var name: String
    public var description: String
    public var parameters: JSONValue

    public init(name: String, description: String, parameters: JSONValue) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }

    var json: JSONValue {
        ["type": "function", "name": .string(name), "description": .string(description), "parameters": parameters]
    }
}
