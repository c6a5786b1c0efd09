import AutopilotCore

/// Which contacts a scoring read covers: all of a tenant's, some by id, or a page of them by id range (`ContactPage`).
enum ScoringSelection: Sendable {
    case all
    case ids(Set<String>)
    case range(first: String, last: String)

    var isAll: Bool {
        if case .all = self { return true }
        return false
    }

    /// `statement` (which ends in a `WHERE …` clause) restricted to the selected contacts by `column`.
    func restrict(_ statement: SQLStatement, column: String) -> SQLStatement {
        switch self {
        case .all:
            return statement
        case .ids(let contactIDs):
            let ids = contactIDs.sorted()
            let list = ids.isEmpty ? " AND \(column) IN (NULL)" : " AND \(column) IN " + SQLStatement.placeholders(ids.count)
            return SQLStatement(statement.sql + list, statement.binds + ids.map { .text($0) })
        case .range(let first, let last):
            return SQLStatement(statement.sql + " AND \(column) >= ? AND \(column) <= ?", statement.binds + [.text(first), .text(last)])
        }
    }
}

/// A page of a tenant's contacts in id order: every contact of the tenant whose id lies between `first` and `last` (both
/// included), `count` of them. What a streamed scoring reads at a time.
public struct ContactPage: Sendable, Hashable {
    public var first: String
    public var last: String
    public var count: Int

    public init(first: String, last: String, count: Int) {
        self.first = first
        self.last = last
        self.count = count
    }
}
