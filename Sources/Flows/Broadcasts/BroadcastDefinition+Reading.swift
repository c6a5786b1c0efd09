import AutopilotCore
import Foundation

extension BroadcastDefinition {
    /// Reads and checks a broadcast document (the API's body, the CLI's options). Every problem names its field:
    /// `id`, `name`, `segment`, `channel`, `template`, `subject`, `send_at`, `local_time.date`, `local_time.time`,
    /// `throttle_per_minute`, `test.share`, `test.metric`, `test.duration`, `test.variants[1].id`… `now` is the moment
    /// for a broadcast with no time given.
    public static func read(_ object: JSONObject, now: Date) throws(ValidationError) -> BroadcastDefinition {
        let known: Set<String> = ["id", "name", "segment", "channel", "template", "subject", "send_at", "local_time", "throttle_per_minute", "test"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw invalid(unknown, "is not a broadcast field (known: \(known.sorted().joined(separator: ", ")))")
        }
        let id = try string(object, "id") ?? ""
        try SegmentDefinition.validateIDForBroadcast(id)
        guard let name = try string(object, "name"), !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 200 else {
            throw invalid("name", "is required (at most 200 characters)")
        }
        guard let segment = try string(object, "segment"), !segment.isEmpty else { throw invalid("segment", "is required: the id of a saved segment") }
        let channelText = try string(object, "channel") ?? "email"
        guard let channel = Channel(rawValue: channelText) else { throw invalid("channel", "\"\(channelText)\" is not email, sms or whatsapp") }
        guard let template = try string(object, "template"), !template.isEmpty else { throw invalid("template", "is required: a template name") }
        let subject = try string(object, "subject")
        if subject != nil, channel != .email { throw invalid("subject", "only an email has a subject") }
        let schedule = try readSchedule(object, now: now)
        var throttle: Int?
        if let value = object["throttle_per_minute"], value != .null {
            guard let number = value.doubleValue, number.rounded() == number, number >= 1, number <= 1_000_000 else {
                throw invalid("throttle_per_minute", "must be a whole number from 1 to 1000000")
            }
            throttle = Int(number)
        }
        var test: BroadcastTest?
        if let value = object["test"], value != .null {
            guard let testObject = value.objectValue else { throw invalid("test", "must be an object") }
            test = try readTest(testObject, channel: channel)
        }
        return BroadcastDefinition(
            id: id, name: name, segmentID: segment, channel: channel, template: template, subject: subject, schedule: schedule,
            throttlePerMinute: throttle, test: test)
    }

    private static func readSchedule(_ object: JSONObject, now: Date) throws(ValidationError) -> BroadcastSchedule {
        let sendAt = try string(object, "send_at")
        let local = object["local_time"].flatMap { $0 == .null ? nil : $0 }
        if sendAt != nil, local != nil { throw invalid("local_time", "give send_at or local_time, not both") }
        if let sendAt {
            guard let date = Timestamp.parse(sendAt) else { throw invalid("send_at", "\"\(sendAt)\" is not an ISO 8601 time such as 2026-04-01T09:00:00Z") }
            return .at(date)
        }
        guard let local else { return .at(now) }
        guard let fields = local.objectValue else { throw invalid("local_time", "must be {\"date\": \"YYYY-MM-DD\", \"time\": \"HH:MM\"}") }
        guard let date = fields["date"]?.stringValue, Timestamp.parseDay(date) != nil else {
            throw invalid("local_time.date", "must be a day such as 2026-04-01")
        }
        guard let timeText = fields["time"]?.stringValue, let time = TimeOfDay.parse(timeText) else {
            throw invalid("local_time.time", "must be a time such as 10:00")
        }
        return .localTime(date: date, time: time)
    }

    private static func readTest(_ object: JSONObject, channel: Channel) throws(ValidationError) -> BroadcastTest {
        guard let share = object["share"]?.doubleValue, share >= 1, share <= 50 else {
            throw invalid("test.share", "must be a percentage of the segment from 1 to 50")
        }
        let metricText = object["metric"]?.stringValue ?? "open"
        guard let metric = BroadcastMetric(rawValue: metricText) else { throw invalid("test.metric", "\"\(metricText)\" is not open or click") }
        if metric == .open, channel != .email { throw invalid("test.metric", "only emails are opened: use click") }
        let durationText = object["duration"]?.stringValue ?? "4h"
        guard let duration = FlowDuration.parse(durationText), duration.days * 86_400 + duration.seconds >= 600,
            duration.days * 86_400 + duration.seconds <= 7 * 86_400
        else { throw invalid("test.duration", "\"\(durationText)\" is not a duration from 10m to 7d (such as 4h)") }
        guard let list = object["variants"]?.arrayValue, (2...4).contains(list.count) else {
            throw invalid("test.variants", "must list 2 to 4 variants")
        }
        var variants: [BroadcastVariant] = []
        for (index, value) in list.enumerated() {
            let path = "test.variants[\(index)]"
            guard let fields = value.objectValue else { throw invalid(path, "must be an object") }
            guard let id = fields["id"]?.stringValue, !id.isEmpty, id.count <= 32 else { throw invalid(path + ".id", "is required (at most 32 characters)") }
            if variants.contains(where: { $0.id == id }) { throw invalid(path + ".id", "\"\(id)\" is used twice") }
            let subject = fields["subject"]?.stringValue
            let template = fields["template"]?.stringValue
            guard subject != nil || template != nil else { throw invalid(path, "needs a subject, a template or both") }
            if subject != nil, channel != .email { throw invalid(path + ".subject", "only an email has a subject") }
            variants.append(BroadcastVariant(id: id, subject: subject, template: template))
        }
        return BroadcastTest(share: share, variants: variants, metric: metric, duration: TimeInterval(duration.days * 86_400 + duration.seconds))
    }

    private static func string(_ object: JSONObject, _ key: String) throws(ValidationError) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw invalid(key, "must be a string") }
        return text
    }

    static func invalid(_ field: String, _ message: String) -> ValidationError {
        ValidationError(code: "invalid_broadcast", field: field, message: message)
    }
}

extension SegmentDefinition {
    /// Broadcast ids follow the segment id rules, with the broadcast's error code.
    static func validateIDForBroadcast(_ id: String) throws(ValidationError) {
        do {
            try validateID(id)
        } catch {
            throw ValidationError(code: "invalid_broadcast", field: "id", message: error.message)
        }
    }
}
