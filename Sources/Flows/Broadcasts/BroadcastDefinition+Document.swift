import AutopilotCore
import Foundation

extension BroadcastDefinition {
    /// The definition as the document `read(_:now:)` reads back (the time fixed: `send_at` is always written out).
    public var document: JSONObject {
        var object: JSONObject = [
            "id": .string(id), "name": .string(name), "segment": .string(segmentID), "channel": .string(channel.rawValue),
            "template": .string(template),
        ]
        object["subject"] = subject.map(JSONValue.string)
        switch schedule {
        case .at(let date): object["send_at"] = .string(Timestamp.format(date))
        case .localTime(let date, let time): object["local_time"] = ["date": .string(date), "time": .string(time.description)]
        }
        object["throttle_per_minute"] = throttlePerMinute.map { .int(Int64($0)) }
        if let test {
            object["test"] = [
                "share": .double(test.share), "metric": .string(test.metric.rawValue), "duration": .string("\(Int(test.duration / 60))m"),
                "variants": .array(
                    test.variants.map { variant in
                        var fields: JSONObject = ["id": .string(variant.id)]
                        fields["subject"] = variant.subject.map(JSONValue.string)
                        fields["template"] = variant.template.map(JSONValue.string)
                        return .object(fields)
                    }),
            ]
        }
        return object
    }

    /// The outbox step of a message: `broadcast:ID`, or `broadcast:ID/VARIANT` for a variant of its test or the winner.
    public func step(variant: String?) -> String {
        "broadcast:" + id + (variant.map { "/" + $0 } ?? "")
    }

    /// The variant of this id.
    public func variant(_ id: String?) -> BroadcastVariant? {
        guard let id else { return nil }
        return test?.variants.first { $0.id == id }
    }
}
