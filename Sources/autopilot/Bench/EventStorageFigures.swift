import Foundation
import Storage

/// What a SQLite database spends per event: the events table with its indexes (from the `dbstat` table of pages), and
/// the whole file (every table: contacts, orders, carts… the events produced), each divided by the number of events.
struct EventStorageFigures: Codable, Sendable {
    var events: Int
    /// Bytes of the events table and its indexes per event (pages, with their free space).
    var eventBytesPerEvent: Double?
    /// Bytes of the whole database (pages in use) per event.
    var fileBytesPerEvent: Double
    /// Bytes per event of each part of the events table (the table, then each index), largest first.
    var parts: [String: Double]

    enum CodingKeys: String, CodingKey {
        case events
        case eventBytesPerEvent = "event_bytes_per_event"
        case fileBytesPerEvent = "file_bytes_per_event"
        case parts
    }

    static func measure(path: String) async throws -> EventStorageFigures {
        let store = SQLStore(database: try SQLiteDatabase(path: path))
        let reads = try await store.database.read([
            SQLStatement("SELECT count(*) FROM events"),
            SQLStatement("SELECT (SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count()), (SELECT page_size FROM pragma_page_size())"),
        ])
        let events = max(Int(reads[0].first?.int(0) ?? 0), 1)
        let pages = Double(reads[1].first?.int(0) ?? 0) * Double(reads[1].first?.int(1) ?? 0)
        // dbstat is compiled into most SQLite builds (Debian's, Homebrew's); without it only the file figure is given.
        let parts = try? await store.database.read([
            SQLStatement(
                "SELECT name, sum(pgsize) FROM dbstat WHERE name = 'events' OR name IN (SELECT name FROM sqlite_master WHERE tbl_name = 'events') GROUP BY name")
        ])[0]
        try await store.database.close()
        var perPart: [String: Double] = [:]
        for row in parts ?? [] {
            if let name = row.text(0), let bytes = row.double(1) { perPart[name] = (bytes / Double(events) * 10).rounded() / 10 }
        }
        return EventStorageFigures(
            events: events, eventBytesPerEvent: parts == nil ? nil : (perPart.values.reduce(0, +) * 10).rounded() / 10,
            fileBytesPerEvent: (pages / Double(events) * 10).rounded() / 10, parts: perPart)
    }

    var line: String {
        let eventPart = eventBytesPerEvent.map { String(format: "%.0f bytes per event in the events table and its indexes (", $0) } ?? "("
        let detail = parts.sorted { $0.value > $1.value }.map { String(format: "%@ %.0f", $0.key, $0.value) }.joined(separator: ", ")
        return eventPart + detail + String(format: "); %.0f bytes per event for the whole file, %d events", fileBytesPerEvent, events)
    }
}
