import Foundation

/// Sorts recommendations most urgent first (`Recommendation.isMoreUrgent`) by sorting small keys, not the large values:
/// moving a recommendation costs a dozen reference counts, moving a key none.
enum UrgencyOrder {
    private struct Key {
        var rank: Int
        var due: Double
        var index: Int
    }

    static func sorted(_ list: [Recommendation]) -> [Recommendation] {
        var keys = list.indices.map { Key(rank: list[$0].priority.rank, due: list[$0].dueAt.timeIntervalSinceReferenceDate, index: $0) }
        keys.sort { lhs, rhs in
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            if lhs.due != rhs.due { return lhs.due < rhs.due }
            return list[lhs.index].id < list[rhs.index].id
        }
        return keys.map { list[$0.index] }
    }
}
