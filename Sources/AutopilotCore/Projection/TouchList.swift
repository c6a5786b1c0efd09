/// Keys in the order they were first touched, with constant-time membership.
struct TouchList {
    private(set) var keys: [String] = []
    private var seen: Set<String> = []

    mutating func insert(_ key: String) {
        if seen.insert(key).inserted { keys.append(key) }
    }
}
