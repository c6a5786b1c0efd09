import AutopilotCore
import Foundation

/// Open carts, for abandonment.
public protocol CartStore: Sendable {
    func idleCarts(tenantID: String, idleSince: Date, limit: Int) async throws -> [CartRecord]
    func oldestOpenCartUpdate() async throws -> Date?
}
