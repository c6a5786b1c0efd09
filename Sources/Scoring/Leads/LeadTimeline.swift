import Foundation

/// When a lead wants to start, in the buckets of bant-examples.json.
public enum LeadTimeline: String, Sendable, Codable, CaseIterable, Hashable {
    /// Urgent, as soon as possible, this week or sooner.
    case immediate
    /// Within about a month.
    case month
    /// One to three months.
    case quarter
    /// More than three months, or "no rush".
    case later
}
