import AutopilotCore
import Foundation

/// One phone call as `voice_calls` keeps it.
public struct VoiceCallRecord: Sendable, Hashable {
    /// How a call stands or ended. Raw values are persisted.
    public enum Status: String, Sendable, Hashable, Codable {
        case inProgress = "in_progress"
        case completed
        case unavailable
        case providerLost = "provider_lost"
        /// Not placed or not answered by the bridge: consent, quiet hours, frequency cap, a limit (see `reason`).
        case refused
        /// An outbound call Twilio accepted to place.
        case placed
        case failed
    }

    public var tenantID: String
    public var callID: String
    public var contactID: String?
    public var phone: String?
    public var direction: CallDirection
    public var provider: String?
    public var language: VoiceLanguage
    public var status: Status
    public var reason: String?
    public var startedAt: Date
    public var endedAt: Date?
    public var durationSeconds: Int
    public var costUSD: Double
    public var transcript: [TranscriptLine]
    public var summary: String?
    public var leadTier: String?

    public init(
        tenantID: String, callID: String, contactID: String? = nil, phone: String?, direction: CallDirection, provider: String? = nil,
        language: VoiceLanguage, status: Status, reason: String? = nil, startedAt: Date, endedAt: Date? = nil, durationSeconds: Int = 0,
        costUSD: Double = 0, transcript: [TranscriptLine] = [], summary: String? = nil, leadTier: String? = nil
    ) {
        self.tenantID = tenantID
        self.callID = callID
        self.contactID = contactID
        self.phone = phone
        self.direction = direction
        self.provider = provider
        self.language = language
        self.status = status
        self.reason = reason
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.durationSeconds = durationSeconds
        self.costUSD = costUSD
        self.transcript = transcript
        self.summary = summary
        self.leadTier = leadTier
    }

    /// The transcript as stored: `[{"speaker":"caller","text":"…"}, …]`.
    var transcriptJSON: String {
        JSONValue.array(transcript.map { ["speaker": .string($0.speaker.rawValue), "text": .string($0.text)] }).jsonString
    }

    static func transcript(fromJSON text: String) -> [TranscriptLine] {
        guard let lines = (try? JSONParser.parse(text))?.arrayValue else { return [] }
        return lines.compactMap { line in
            guard let speaker = line["speaker"]?.stringValue.flatMap(TranscriptLine.Speaker.init(rawValue:)), let text = line["text"]?.stringValue
            else { return nil }
            return TranscriptLine(speaker: speaker, text: text)
        }
    }
}
