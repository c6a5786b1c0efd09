import AutopilotCore

/// The demo's events in batches, made as they are read: the catalog, then contact after contact, then the leads.
///
/// Memory stays at about one batch plus one contact's history, whatever the number of contacts.
public struct DemoEventBatches: Sequence, Sendable {
    let context: DemoShopContext
    let contacts: Int
    let leads: Int
    let size: Int

    public func makeIterator() -> Iterator {
        Iterator(batches: self)
    }

    /// Hands out batches of exactly the requested size, but the last.
    public struct Iterator: IteratorProtocol {
        private let batches: DemoEventBatches
        private var pending: [JSONValue] = []
        private var nextUnit = 0
        private var counters = DemoCounters()

        init(batches: DemoEventBatches) {
            self.batches = batches
            pending.reserveCapacity(batches.size * 2)
        }

        private var unitCount: Int { 1 + batches.contacts + batches.leads }

        public mutating func next() -> [JSONValue]? {
            while pending.count < batches.size, nextUnit < unitCount {
                produce(unit: nextUnit)
                nextUnit += 1
            }
            guard !pending.isEmpty else { return nil }
            if pending.count <= batches.size {
                defer { pending.removeAll(keepingCapacity: true) }
                return pending
            }
            let batch = Array(pending[..<batches.size])
            pending.removeFirst(batches.size)
            return batch
        }

        private mutating func produce(unit: Int) {
            if unit == 0 {
                pending.append(contentsOf: DemoShop.catalogEvents(context: batches.context))
            } else if unit <= batches.contacts {
                var story = DemoContactStory(number: unit, context: batches.context)
                story.tell(counters: &counters, into: &pending)
            } else {
                var story = DemoLeadStory(number: unit - batches.contacts, context: batches.context)
                story.tell(into: &pending)
            }
        }
    }
}
