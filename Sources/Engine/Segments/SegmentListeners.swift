import Flows

/// The segments whose entries and exits some flow listens to (a trigger or an exit on `segment.entered` or
/// `segment.left`): only they are announced. The others' membership is kept just the same, without an event per change,
/// so a segment used only for counts, lists and broadcasts costs a membership row, not a trip through the event pipeline.
enum SegmentListeners {
    /// The segment ids the flows listen to; nil when one listens to every segment (no `event.segment_id` named).
    static func segmentIDs(in flows: [FlowDefinition]) -> Set<String>? {
        var ids: Set<String> = []
        for flow in flows {
            var listened: [Condition?] = []
            if case .event(let type, let condition) = flow.trigger, isAnnouncement(type) { listened.append(condition) }
            for exit in flow.exits where isAnnouncement(exit.eventType) { listened.append(exit.condition) }
            for condition in listened {
                guard let named = condition.flatMap({ named(in: $0.expression) }) else { return nil }
                ids.formUnion(named)
            }
        }
        return ids
    }

    static func isAnnouncement(_ type: String) -> Bool {
        type == "segment.entered" || type == "segment.left"
    }

    /// The segment ids an expression restricts `event.segment_id` to; nil when it does not restrict it.
    static func named(in expression: ConditionExpression) -> Set<String>? {
        switch expression {
        case .binary(.equal, let left, let right, _):
            if isSegmentID(left), case .literal(.string(let id), _) = right { return [id] }
            if isSegmentID(right), case .literal(.string(let id), _) = left { return [id] }
            return nil
        case .binary(.in, let left, let right, _):
            guard isSegmentID(left) else { return nil }
            if case .literal(.list(let values), _) = right {
                var ids: Set<String> = []
                for value in values {
                    guard case .string(let id) = value else { return nil }
                    ids.insert(id)
                }
                return ids
            }
            if case .list(let items, _) = right {
                var ids: Set<String> = []
                for item in items {
                    guard case .literal(.string(let id), _) = item else { return nil }
                    ids.insert(id)
                }
                return ids
            }
            return nil
        case .binary(.and, let left, let right, _):
            // Either side's restriction holds for the whole; both named: the two sets (a superset of what can match).
            switch (named(in: left), named(in: right)) {
            case (nil, nil): return nil
            case (let ids?, nil), (nil, let ids?): return ids
            case (let a?, let b?): return a.union(b)
            }
        case .binary(.or, let left, let right, _):
            guard let a = named(in: left), let b = named(in: right) else { return nil }
            return a.union(b)
        default:
            return nil
        }
    }

    static func isSegmentID(_ expression: ConditionExpression) -> Bool {
        if case .path(let path, _) = expression { return path == ["event", "segment_id"] }
        return false
    }
}
