import Foundation

/// Reads an ingestion request: one event envelope, or `{"events": [...]}` with up to `maximumBatch` of them.
public struct EventBatchReader: Sendable {
    public static let defaultMaximumBatch = 1_000
    public var maximumBatch = EventBatchReader.defaultMaximumBatch
    public var validator = EventValidator()

    public init() {}

    /// All events of the request, or the first error with its path (`events[3].occurred_at`): all or nothing.
    public func read(_ body: JSONValue, now: Date) throws(ValidationError) -> [IncomingEvent] {
        guard case .object(let object) = body else {
            throw ValidationError(field: nil, message: "the body must be an event object or {\"events\": [...]}, not \(body.kindName)")
        }
        guard object["type"] == nil, let list = object["events"] else {
            return [try validator.validate(body, now: now)]
        }
        guard case .array(let items) = list else {
            throw ValidationError(field: "events", message: "must be an array of events, not \(list.kindName)")
        }
        guard !items.isEmpty else { throw ValidationError(field: "events", message: "must hold at least one event") }
        guard items.count <= maximumBatch else {
            throw ValidationError(field: "events", message: "holds \(items.count) events; at most \(maximumBatch) are accepted per request")
        }
        var events: [IncomingEvent] = []
        events.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            do {
                events.append(try validator.validate(item, now: now))
            } catch {
                throw error.nested(under: "events[\(index)]")
            }
        }
        return events
    }
}
