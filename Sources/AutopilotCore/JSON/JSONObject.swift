/// A JSON object that keeps its keys in the order they were written, so documents round-trip as sent.
///
/// Stored as an array of pairs: event objects have a handful of keys, where a linear scan beats hashing every key.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    private var pairs: [(key: String, value: JSONValue)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    public init(_ pairs: [(String, JSONValue)]) {
        self.pairs.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    public var keys: [String] { pairs.map(\.key) }

    private func index(of key: String) -> Int? {
        pairs.firstIndex { $0.key == key }
    }

    public subscript(key: String) -> JSONValue? {
        get {
            for pair in pairs where pair.key == key { return pair.value }
            return nil
        }
        set {
            if let position = index(of: key) {
                if let newValue { pairs[position].value = newValue } else { pairs.remove(at: position) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    /// Appends the pair unless the key is there already (then nothing changes): false when it was.
    mutating func appendIfAbsent(_ key: String, _ value: JSONValue) -> Bool {
        guard index(of: key) == nil else { return false }
        pairs.append((key, value))
        return true
    }

    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        pairs.makeIterator()
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.pairs.count == rhs.pairs.count else { return false }
        return lhs.pairs.allSatisfy { rhs[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for pair in pairs {
            var pairHasher = Hasher()
            pairHasher.combine(pair.key)
            pairHasher.combine(pair.value)
            combined ^= pairHasher.finalize()
        }
        hasher.combine(pairs.count)
        hasher.combine(combined)
    }
}
