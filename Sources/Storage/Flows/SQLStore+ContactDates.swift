import AutopilotCore
import Foundation

/// A contact's date for a date trigger, without the rest of the contact: what an hourly sweep needs.
public struct ContactDate: Sendable, Hashable {
    public var contactID: String
    public var timezone: String?
    /// `YYYY-MM-DD` (birthdate) or ISO 8601 (order and creation times).
    public var value: String

    public init(contactID: String, timezone: String?, value: String) {
        self.contactID = contactID
        self.timezone = timezone
        self.value = value
    }
}

/// Where a sweep's dates can fall, so the store returns those contacts only instead of every contact with the date set. It
/// may let too many through, never too few: the sweep still decides for each date it reads.
public enum ContactDateWindow: Sendable, Hashable {
    /// Dates whose month and day (`MM-DD`) is one of these, in any year (yearly triggers on `YYYY-MM-DD` text).
    case monthDays(Set<String>)
    /// Dates on the days (since 1970-01-01, UTC for instants) from `fromDay` (included) to `toDay` (excluded).
    case days(from: Int, to: Int)
}

extension SQLStore {
    /// The contacts after `afterID` (by id) whose `property` is set (and falls `within` the window, when one is given),
    /// with its value; nil when the property is not a column (an `attributes.NAME`), in which case the caller reads whole
    /// contacts.
    public func contactDates(tenantID: String, property: String, within: ContactDateWindow?, afterID: String, limit: Int) async throws
        -> [ContactDate]?
    {
        guard ["birthdate", "first_order_at", "last_order_at", "created_at"].contains(property) else { return nil }
        let (condition, binds) = Self.dateCondition(property, within: within)
        let rows = try await database.read([
            SQLStatement(
                "SELECT id, timezone, \(property) FROM contacts WHERE tenant_id = ? AND id > ? AND \(property) IS NOT NULL\(condition) ORDER BY id LIMIT ?",
                [.text(tenantID), .text(afterID)] + binds + [.integer(limit)])
        ])
        return rows[0].compactMap { row in
            guard let id = row.text(0) else { return nil }
            let value = property == "birthdate" ? row.text(2) : row.date(2).map(Timestamp.format)
            return value.map { ContactDate(contactID: id, timezone: row.text(1), value: $0) }
        }
    }

    /// The SQL condition (with its leading ` AND `) that keeps the dates inside `window`; empty when there is none or the
    /// column cannot be filtered that way (a yearly window on an instant column).
    static func dateCondition(_ property: String, within window: ContactDateWindow?) -> (String, [SQLValue]) {
        let isText = property == "birthdate"
        switch window {
        case .monthDays(let days) where isText:
            // `substr` on `YYYY-MM-DD` is the same in SQLite and PostgreSQL; no day at all matches nothing.
            guard !days.isEmpty else { return (" AND 1 = 0", []) }
            let sorted = days.sorted()
            return (" AND substr(birthdate, 6, 5) IN (" + sorted.map { _ in "?" }.joined(separator: ", ") + ")", sorted.map { .text($0) })
        case .days(let from, let to) where isText:
            func text(_ day: Int) -> String {
                let (year, month, dayOfMonth) = Timestamp.civilFromDays(day)
                return String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
            }
            return (" AND birthdate >= ? AND birthdate < ?", [.text(text(from)), .text(text(to))])
        case .days(let from, let to):
            return (" AND \(property) >= ? AND \(property) < ?", [.int(Int64(from) * 86_400_000), .int(Int64(to) * 86_400_000)])
        case .monthDays, nil:
            return ("", [])
        }
    }

    /// The distinct time zones of the tenant's contacts (nil: none set, the tenant's applies), in no particular order.
    public func contactTimeZones(tenantID: String) async throws -> [String?] {
        try await database.read([SQLStatement("SELECT DISTINCT timezone FROM contacts WHERE tenant_id = ?", [.text(tenantID)])])[0].map {
            $0.text(0)
        }
    }
}
